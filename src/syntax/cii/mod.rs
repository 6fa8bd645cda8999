//! UN/CEFACT Cross Industry Invoice D16B, bound to EN 16931 as the
//! CEN/TC 434 syntax binding says.

mod read;
mod write;

pub use read::read_document;
pub use write::write;
