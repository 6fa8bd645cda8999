//! Chorus Pro plumbing: what to send to the `deposerFluxFacture` API
//! operation and how to read what the platform answers.
//!
//! - [`flow`]: the `syntaxeFlux` codes and which one a file is deposited as;
//! - [`payload`]: the JSON body of `deposerFluxFacture`;
//! - [`report`]: the `consulterCR` / `consulterCRDetaille` responses (flow
//!   integration reports);
//! - [`lifecycle`]: invoice and flow statuses, and the status history of
//!   `consulterHistoriqueFacture`.
//!
//! Nothing here talks to the network: the caller sends the body and hands
//! the response text back.
//!
//! ```
//! let xml = std::fs::read("examples/ubl-invoice.xml").unwrap();
//! let body = facture::chorus::DeposerFluxFacture::from_file(&xml, "ubl-invoice.xml").unwrap();
//! assert_eq!(body.syntaxe_flux, facture::chorus::SyntaxeFlux::InDpE1UblInvoice);
//! let json = body.to_json();
//! assert!(json.contains("\"syntaxeFlux\":\"IN_DP_E1_UBL_INVOICE\""));
//! ```

/// Declares an enum of API codes whose values outside the list are kept in
/// an `Other(String)` variant: `as_str`, `Display`, `From<&str>` and serde
/// as the exact code.
macro_rules! open_code_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A code not in the list this library knows, kept as sent.
            Other(String),
        }

        impl $name {
            /// Every known code, in the order of the reference list.
            pub const KNOWN: &'static [$name] = &[$($name::$variant,)*];

            /// The code as the API spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $code,)*
                    $name::Other(code) => code,
                }
            }

            /// Whether this is a code of the known list.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl From<&str> for $name {
            fn from(code: &str) -> Self {
                match code {
                    $($code => $name::$variant,)*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok($name::from(code.as_ref()))
            }
        }
    };
}

pub mod conventions;
pub mod flow;
pub mod lifecycle;
pub mod payload;
pub mod report;
pub mod rule_mapping;

pub use flow::{SyntaxeFlux, syntaxe_for, syntaxe_for_bytes};
pub use lifecycle::{EtatFlux, HistoriqueFacture, PassageStatut, StatutFacture};
pub use payload::{DeposerFluxFacture, MAX_ARCHIVE_BYTES, MAX_FILE_BYTES};
pub use report::{ConsulterCr, ConsulterCrDetaille, ErreurDp, ErreurTechnique, Response};
pub use rule_mapping::{rule_family_for_technical, rule_for_message};

use crate::Syntax;

/// Why a Chorus Pro payload could not be built or a response not read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file is in a syntax Chorus Pro does not accept as a deposit
    /// (e.g. `CPPFacturePivot`, which Chorus Pro sends to recipients).
    #[error("{syntax} files cannot be deposited on Chorus Pro ({reason})")]
    NotDepositable {
        /// The syntax of the file.
        syntax: Syntax,
        /// Why it is refused.
        reason: &'static str,
    },
    /// The file is larger than a deposit may be.
    #[error("the file is {size} bytes, over the Chorus Pro limit of {limit} bytes per file")]
    TooLarge {
        /// The file size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// The file name is empty or has a path separator.
    #[error("invalid file name {0:?}: it must be a bare, non-empty name")]
    BadFileName(String),
    /// The file is not an invoice this library can read (and not a PDF).
    #[error("cannot tell the syntax of the file: {0}")]
    Unreadable(#[from] crate::Error),
    /// A multi-file flow was asked for with no file.
    #[error("a flow needs at least one file")]
    NoFiles,
    /// Two files of a multi-file flow have the same name.
    #[error("two files of the flow are named {0:?}")]
    DuplicateName(String),
    /// The files of a multi-file flow are not all of one syntax (a flow
    /// has one `syntaxeFlux`).
    #[error("{name} is {found}, but the flow is {expected}: a flow has one syntax")]
    MixedSyntaxes {
        /// The file that differs.
        name: String,
        /// The syntax of the first file.
        expected: SyntaxeFlux,
        /// The syntax of this file.
        found: SyntaxeFlux,
    },
    /// The tar.gz archive of a multi-file flow could not be written.
    #[error("cannot write the flow archive: {0}")]
    Archive(String),
    /// A response is not the JSON expected.
    #[error("not a Chorus Pro response: {0}")]
    Response(String),
}
