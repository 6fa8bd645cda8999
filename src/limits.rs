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
    /// Most XML nodes of the parsed tree (the document node, elements and
    /// texts; attributes, comments, processing instructions and the white
    /// space between elements are not nodes) accepted (default 10 million:
    /// an invoice of 100 000 lines has about 4 million; a node takes 32
    /// bytes).
    pub max_nodes: u32,
    /// Largest decoded attachment (BT-125, the base64 content of a BG-24
    /// supporting document) accepted, in bytes. Default 32 MiB: above
    /// Chorus Pro's 10 MB per attachment, so no invoice the platform takes
    /// is refused, while one attachment cannot take most of the 128 MiB
    /// input; set it to `10_000_000` to apply the Chorus Pro ceiling
    /// while reading. Checked before decoding, from the base64 length.
    pub max_attachment_bytes: usize,
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
            max_nodes: 10_000_000,
            max_attachment_bytes: 32 * 1024 * 1024,
            max_pdf_stream_bytes: 64 * 1024 * 1024,
        }
    }
}
