//! The few XPath 2.0 functions the official rules lean on, with their exact
//! semantics, so rules written over the model compute what the artefacts
//! compute.

use rust_decimal::{Decimal, RoundingStrategy};

/// XPath `normalize-space`: strips leading and trailing XML whitespace
/// (space, tab, CR, LF) and collapses inner runs to one space.
pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split(is_xml_space).filter(|part| !part.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// `normalize-space(s) = want`, without allocating.
pub fn normalized_eq(s: &str, want: &str) -> bool {
    let mut rest = want;
    let mut first = true;
    for part in s.split(is_xml_space).filter(|part| !part.is_empty()) {
        if !first {
            match rest.strip_prefix(' ') {
                Some(r) => rest = r,
                None => return false,
            }
        }
        first = false;
        match rest.strip_prefix(part) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// `normalize-space(x) != ''` for an optional value: present and not only
/// XML whitespace.
pub fn has_text(value: Option<&str>) -> bool {
    value.is_some_and(|s| s.chars().any(|c| !matches!(c, ' ' | '\t' | '\r' | '\n')))
}

/// XPath `round()`: to the nearest integer, halves towards positive
/// infinity (`round(2.5) = 3`, `round(-2.5) = -2`).
pub fn round(x: Decimal) -> Decimal {
    // floor(x + 0.5) is exactly "half towards positive infinity".
    (x + Decimal::new(5, 1)).floor()
}

/// `round(x * 10 * 10) div 100` as the artefacts write it: to two decimals,
/// halves towards positive infinity.
pub fn round2(x: Decimal) -> Decimal {
    match x.checked_mul(Decimal::ONE_HUNDRED) {
        Some(scaled) => round(scaled) / Decimal::ONE_HUNDRED,
        // Beyond Decimal's range the value has no fraction worth rounding.
        None => x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
    }
}

/// The number of digits after the decimal point as written
/// (`string-length(substring-after(x, '.'))`); the model keeps the scale
/// written in the source.
pub fn decimals(x: Decimal) -> u32 {
    x.scale()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_eq_is_normalize_space_then_eq() {
        let inputs = [
            "",
            " ",
            "VAT",
            " VAT ",
            "\tV A\r\nT\n",
            "V  A",
            "VATS",
            "vat",
            " A B ",
        ];
        let wants = [
            "", "VAT", "V A T", "A B", " VAT", "VAT ", "V  A", "V A", "VA",
        ];
        for s in inputs {
            for want in wants {
                assert_eq!(
                    normalized_eq(s, want),
                    normalize_space(s) == want,
                    "{s:?} {want:?}"
                );
            }
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn rounding_is_half_towards_positive_infinity() {
        assert_eq!(round(d("2.5")), d("3"));
        assert_eq!(round(d("-2.5")), d("-2"));
        assert_eq!(round(d("-2.6")), d("-3"));
        assert_eq!(round2(d("1.005")), d("1.01"));
        assert_eq!(round2(d("-1.005")), d("-1"));
        assert_eq!(round2(d("10.994")), d("10.99"));
    }

    #[test]
    fn whitespace_like_xpath() {
        assert_eq!(normalize_space("  a \n\t b  "), "a b");
        assert!(!has_text(Some(" \n ")));
        assert!(!has_text(None));
        assert!(has_text(Some(" x ")));
        // A no-break space is not XML whitespace.
        assert!(has_text(Some("\u{a0}")));
    }

    #[test]
    fn decimals_as_written() {
        assert_eq!(decimals(d("10.500")), 3);
        assert_eq!(decimals(d("10")), 0);
    }
}
