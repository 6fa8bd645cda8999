//! Limits on what a reader accepts, so hostile input cannot exhaust memory
//! or time.

/// Bounds applied while reading a document. Exceeding one gives
/// [`crate::Error::LimitExceeded`].
///
/// ```
/// let strict = facture::Limits { max_input_bytes: 1 << 20, ..facture::Limits::default() };
/// assert!(strict.max_depth > 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 128 MiB: Chorus Pro's own
    /// ceiling for an invoice with its attachments is 120 MB).
    pub max_input_bytes: usize,
    /// Deepest element nesting accepted (default 64; real invoices nest
    /// fewer than 12 levels).
    pub max_depth: u32,
    /// Most XML nodes (elements, attributes, text) accepted (default 4
    /// million: an invoice of 100 000 lines has about 3 million).
    pub max_nodes: u32,
    /// Largest size, in bytes, a single PDF stream may decompress to when a
    /// Factur-X PDF is read: the embedded XML, and each object or
    /// cross-reference stream of the file (default 64 MiB). A stream that
    /// inflates beyond it (a compression bomb) gives
    /// [`crate::Error::LimitExceeded`] without being inflated further.
    pub max_pdf_stream_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 128 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 4_000_000,
            max_pdf_stream_bytes: 64 * 1024 * 1024,
        }
    }
}
