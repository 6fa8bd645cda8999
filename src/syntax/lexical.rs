//! Lexical forms of values as the XML syntaxes write them: XSD decimals,
//! ISO 8601 dates (UBL), UNTDID 2379 format `102` dates (CII), base64.
//!
//! Each parser returns the reason for a refusal; the readers wrap it into
//! [`crate::Error::InvalidValue`] with the element and position.

use base64::Engine;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Parses an `xs:decimal`: optional sign, digits, optional fraction; the
/// scale written is kept (`"10.50"` has scale 2). Exponents (`1e5`), comma
/// separators (`12,50`), spaces inside and values beyond 28 significant
/// digits are refused.
pub fn decimal(raw: &str) -> Result<Decimal, &'static str> {
    let s = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !frac.is_none_or(all_digits) {
        return Err("expected digits with an optional sign and decimal point");
    }
    if int.is_empty() && frac.is_none_or(str::is_empty) {
        return Err("expected at least one digit");
    }
    // rust_decimal wants a digit before and after the point.
    let normalised;
    let text = if int.is_empty() || frac == Some("") {
        let sign = if s.starts_with('-') { "-" } else { "" };
        let int = if int.is_empty() { "0" } else { int };
        normalised = match frac {
            Some(f) if !f.is_empty() => format!("{sign}{int}.{f}"),
            _ => format!("{sign}{int}"),
        };
        normalised.as_str()
    } else {
        s.strip_prefix('+').unwrap_or(s)
    };
    Decimal::from_str_exact(text).map_err(|_| "out of the range of 28 significant digits")
}

/// Parses an `xs:date` as UBL writes it: `YYYY-MM-DD`, optionally followed by
/// a time zone (`Z`, `+01:00`), which is dropped.
pub fn iso_date(raw: &str) -> Result<NaiveDate, &'static str> {
    let s = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    let (date, zone) = s.split_at_checked(10).ok_or("expected YYYY-MM-DD")?;
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6
            && zone.starts_with(['+', '-'])
            && zone.as_bytes().get(3) == Some(&b':'));
    if !zone_ok {
        return Err("expected YYYY-MM-DD with an optional time zone");
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .filter(|_| date.as_bytes().get(4) == Some(&b'-'))
        .ok_or("not a calendar date in the form YYYY-MM-DD")
}

/// Parses a CII `udt:DateTimeString` of format `102`: `YYYYMMDD`.
pub fn date_102(raw: &str) -> Result<NaiveDate, &'static str> {
    let s = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err("expected 8 digits YYYYMMDD (format 102)");
    }
    NaiveDate::parse_from_str(s, "%Y%m%d").map_err(|_| "not a calendar date (format 102)")
}

/// Formats a date as CII format `102`.
pub fn format_102(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// Formats a date as `xs:date`.
pub fn format_iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Decodes base64 content as XML carries it (whitespace and line breaks
/// between characters are ignored).
pub fn base64(raw: &str) -> Result<Vec<u8>, &'static str> {
    let engine = &base64::engine::general_purpose::STANDARD;
    let bytes = raw.as_bytes();
    // Attachments run to megabytes: one copy at most, made of the runs
    // between white space (a line at a time), and none for a single line.
    let decoded = if base64_scan(bytes).spaces == 0 {
        engine.decode(bytes)
    } else {
        let mut compact = Vec::with_capacity(bytes.len());
        for run in bytes.split(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            compact.extend_from_slice(run);
        }
        engine.decode(&compact)
    };
    decoded.map_err(|_| "not valid base64")
}

/// What one pass over base64 text found: the XML white space bytes
/// (space, tab, line feed, carriage return), and the bytes that are neither
/// white space nor in the base64 alphabet (`=` among them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base64Scan {
    /// White space bytes.
    pub spaces: usize,
    /// Bytes outside the alphabet and white space.
    pub foreign: usize,
}

/// Scans base64 text without branching on the data, so that the compiler
/// vectorises the loop: attachments run to megabytes.
pub fn base64_scan(bytes: &[u8]) -> Base64Scan {
    let mut scan = Base64Scan {
        spaces: 0,
        foreign: 0,
    };
    // Byte-wide counters over runs of 255 bytes: 16 bytes per SSE2
    // instruction (u32 counters took 12 instructions a byte, these 4.7).
    for chunk in bytes.chunks(255) {
        let (mut spaces, mut foreign) = (0u8, 0u8);
        for &b in chunk {
            let space = (b == b' ') | (b == b'\t') | (b == b'\n') | (b == b'\r');
            let letter = (b | 0x20).wrapping_sub(b'a') < 26;
            let digit = b.wrapping_sub(b'0') < 10;
            let alphabet = letter | digit | (b == b'+') | (b == b'/');
            spaces += u8::from(space);
            foreign += u8::from(!(space | alphabet));
        }
        scan.spaces += usize::from(spaces);
        scan.foreign += usize::from(foreign);
    }
    scan
}

/// The number of bytes `raw` decodes to as base64 (whitespace ignored,
/// padding subtracted), without decoding it: exact for valid input, an
/// upper bound otherwise.
pub fn base64_decoded_len(raw: &str) -> usize {
    let bytes = raw.as_bytes();
    let chars = bytes.len() - base64_scan(bytes).spaces;
    let padding = bytes
        .iter()
        .rev()
        .filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .take_while(|b| **b == b'=')
        .count();
    (chars.div_ceil(4) * 3).saturating_sub(padding)
}

/// Encodes bytes as base64 (standard alphabet, padded, one line).
pub fn encode_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_scale_and_refuse_foreign_forms() {
        assert_eq!(decimal("10.50").unwrap().to_string(), "10.50");
        assert_eq!(decimal(" -3 ").unwrap().to_string(), "-3");
        assert_eq!(decimal("+.5").unwrap().to_string(), "0.5");
        assert_eq!(decimal("7.").unwrap().to_string(), "7");
        for bad in [
            "1e999", "12,50", "1 000", "", ".", "-", "0x10", "1.2.3", "NaN", "1_000",
        ] {
            assert!(decimal(bad).is_err(), "{bad:?} accepted");
        }
        assert!(decimal(&"9".repeat(40)).is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date("2026-11-25").unwrap().to_string(), "2026-11-25");
        assert!(iso_date("2026-11-25Z").is_ok());
        assert!(iso_date("2026-11-25+01:00").is_ok());
        for bad in [
            "2026-13-01",
            "25/11/2026",
            "20261125",
            "2026-11-25T10:00",
            "2026-1-5",
        ] {
            assert!(iso_date(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(date_102("20260228").unwrap().to_string(), "2026-02-28");
        assert!(date_102("20260230").is_err());
        assert!(date_102("2026-02-28").is_err());
        assert_eq!(format_102(date_102("20260101").unwrap()), "20260101");
    }

    #[test]
    fn base64_decoded_len_is_exact_for_valid_input() {
        for len in 0..20usize {
            let bytes: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let encoded = encode_base64(&bytes);
            let wrapped: String = encoded
                .as_bytes()
                .chunks(5)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join("\n ");
            assert_eq!(base64_decoded_len(&encoded), len, "{encoded}");
            assert_eq!(base64_decoded_len(&wrapped), len, "{wrapped}");
        }
    }

    #[test]
    fn base64_scan_counts_spaces_and_foreign_bytes() {
        let scan = |s: &str| base64_scan(s.as_bytes());
        assert_eq!(
            scan("YWJj\r\n YQ==\t"),
            Base64Scan {
                spaces: 4,
                foreign: 2
            }
        );
        assert_eq!(
            scan("azAZ09+/"),
            Base64Scan {
                spaces: 0,
                foreign: 0
            }
        );
        assert_eq!(
            scan("@[`{:-_\u{e9}\x0c"),
            Base64Scan {
                spaces: 0,
                foreign: 10
            }
        );
        let long = "QUJD\n".repeat(3000);
        assert_eq!(base64_scan(long.as_bytes()).spaces, 3000);
    }

    #[test]
    fn base64_ignores_line_breaks() {
        assert_eq!(base64("aGVs\nbG8=").unwrap(), b"hello");
        assert!(base64("***").is_err());
        assert_eq!(encode_base64(b"hello"), "aGVsbG8=");
    }
}
