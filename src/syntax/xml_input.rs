//! Turning untrusted bytes into a parsed XML tree, within [`Limits`].
//!
//! Checks, in order: size, UTF-8 (a BOM is skipped), the encoding named by
//! the XML declaration, the absence of any document type declaration, then
//! well-formedness, node count and nesting depth, in the one pass of
//! [`crate::syntax::tree`].

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::TextPos;
use crate::syntax::tree::Document;

/// The input as text: the bytes checked to be UTF-8, without a BOM.
pub fn as_text<'a>(bytes: &'a [u8], limits: &Limits) -> Result<&'a str> {
    if bytes.len() > limits.max_input_bytes {
        return Err(Error::LimitExceeded {
            what: "input size in bytes",
            limit: limits.max_input_bytes as u64,
            pos: TextPos { line: 1, column: 1 },
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or(&[]);
            // The prefix is valid UTF-8 by construction.
            let text = std::str::from_utf8(valid).unwrap_or("");
            Err(Error::NotUtf8 {
                pos: TextPos::at(text, text.len()),
            })
        }
    }
}

/// Parses `text` into a tree, refusing DTDs, non-UTF-8 encodings and
/// anything past the limits (node count and depth are checked while
/// parsing).
pub fn parse<'a>(text: &'a str, limits: &Limits) -> Result<Document<'a>> {
    check_prolog(text)?;
    Document::parse_with_limits(text, limits)
}

/// Refuses a `<!DOCTYPE` (in either case) and an encoding other than UTF-8
/// in the prolog.
fn check_prolog(text: &str) -> Result<()> {
    let mut rest = text;
    let mut offset = 0;
    loop {
        let trimmed = rest.trim_start();
        offset += rest.len() - trimmed.len();
        rest = trimmed;
        if let Some(after) = rest.strip_prefix("<?") {
            let end = after.find("?>").map_or(rest.len(), |i| i + 4);
            let pi = rest.get(..end).unwrap_or(rest);
            if pi.starts_with("<?xml") {
                check_encoding(pi, text, offset)?;
            }
            rest = rest.get(end..).unwrap_or("");
            offset += end;
        } else if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |i| i + 3);
            rest = rest.get(end..).unwrap_or("");
            offset += end;
        } else if rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype") {
            return Err(Error::Dtd {
                pos: TextPos::at(text, offset),
            });
        } else {
            return Ok(());
        }
    }
}

fn check_encoding(decl: &str, text: &str, offset: usize) -> Result<()> {
    let Some(i) = decl.find("encoding") else {
        return Ok(());
    };
    let after = decl.get(i + "encoding".len()..).unwrap_or("");
    let after = after
        .trim_start()
        .strip_prefix('=')
        .unwrap_or(after)
        .trim_start();
    let quote = after.chars().next().unwrap_or('"');
    let value = after
        .get(1..)
        .and_then(|v| v.split(quote).next())
        .unwrap_or("");
    if value.eq_ignore_ascii_case("utf-8") || value.eq_ignore_ascii_case("utf8") {
        Ok(())
    } else {
        Err(Error::UnsupportedEncoding {
            encoding: value.chars().take(64).collect(),
            pos: TextPos::at(text, offset + i),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<()> {
        let limits = Limits::default();
        parse(as_text(s.as_bytes(), &limits)?, &limits).map(|_| ())
    }

    #[test]
    fn refuses_any_doctype() {
        let e = parse_str("<?xml version=\"1.0\"?>\n<!DOCTYPE a>\n<a/>").unwrap_err();
        assert!(matches!(e, Error::Dtd { pos } if pos.line == 2), "{e}");
        let e = parse_str("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>").unwrap_err();
        assert!(matches!(e, Error::Dtd { .. }), "{e}");
    }

    #[test]
    fn refuses_undeclared_entities() {
        let e = parse_str("<a>&x;</a>").unwrap_err();
        assert!(matches!(e, Error::Malformed { .. }), "{e}");
    }

    #[test]
    fn refuses_other_encodings() {
        let e = parse_str("<?xml version='1.0' encoding='ISO-8859-1'?><a/>").unwrap_err();
        assert!(
            matches!(e, Error::UnsupportedEncoding { ref encoding, .. } if encoding == "ISO-8859-1")
        );
        assert!(parse_str("<?xml version='1.0' encoding='UTF-8'?><a/>").is_ok());
    }

    #[test]
    fn reports_non_utf8_position() {
        let e = as_text(b"<a>\n  \xff</a>", &Limits::default()).unwrap_err();
        assert!(matches!(e, Error::NotUtf8 { pos } if pos == TextPos { line: 2, column: 3 }));
    }

    #[test]
    fn skips_bom() {
        assert!(parse_str("\u{feff}<a/>").is_ok());
    }

    #[test]
    fn bounds_depth_and_size() {
        let deep = "<a>".repeat(100) + &"</a>".repeat(100);
        let e = parse_str(&deep).unwrap_err();
        assert!(matches!(
            e,
            Error::LimitExceeded {
                what: "XML element depth",
                ..
            }
        ));
        let small = Limits {
            max_input_bytes: 4,
            ..Limits::default()
        };
        assert!(matches!(
            as_text(b"<abc/>", &small),
            Err(Error::LimitExceeded { .. })
        ));
    }

    #[test]
    fn depth_limit_is_exact_and_follows_the_branches() {
        let nested = |n: usize| "<a>".repeat(n) + &"</a>".repeat(n);
        let max = Limits::default().max_depth as usize;
        assert!(parse_str(&nested(max)).is_ok());
        // Deep branches side by side, text between them: none is deeper
        // than the limit.
        let wide = format!("<r>{0}x{0}<b/>{0}</r>", nested(max - 1));
        assert!(parse_str(&wide).is_ok());
        let e = parse_str(&format!("<r><b/>\n{}</r>", nested(max))).unwrap_err();
        assert!(
            matches!(e, Error::LimitExceeded { pos, .. } if pos == TextPos { line: 2, column: 1 + 3 * (max as u32 - 1) }),
            "{e:?}"
        );
    }

    #[test]
    fn malformed_has_position() {
        let e = parse_str("<a>\n<b></a>").unwrap_err();
        assert!(
            matches!(e, Error::Malformed { pos, .. } if pos.line == 2),
            "{e}"
        );
    }
}
