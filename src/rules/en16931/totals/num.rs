//! The arithmetic of the artefacts' XPath, where it is not plain decimal
//! arithmetic.
//!
//! The artefacts run without schema awareness: an element read without
//! `xs:decimal(…)` is `xs:untypedAtomic`, which `sum()`, `*` and `=` against
//! a number turn into an `xs:double`. The CII binding leans on that in
//! BR-CO-10 (a double sum cast back to `xs:decimal`), BR-CO-11, BR-CO-12,
//! BR-CO-14 (double sums, rounded and compared as doubles) and BR-DEC-13,
//! BR-DEC-15 (`. = round(. * 100) div 100` in doubles). These helpers
//! reproduce what Saxon computes there.

use crate::rules::xpath::round;
use rust_decimal::Decimal;

/// The `xs:double` an untyped value with this decimal's lexical form casts
/// to (correctly rounded, as Java's `Double.parseDouble`).
pub(crate) fn to_double(x: Decimal) -> f64 {
    x.to_string().parse().unwrap_or(f64::NAN)
}

/// `sum()` of untyped values: each cast to `xs:double`, added left to right.
pub(crate) fn double_sum(values: impl IntoIterator<Item = Decimal>) -> f64 {
    values
        .into_iter()
        .map(to_double)
        .fold(0.0, |acc, x| acc + x)
}

/// XPath `round()` of an `xs:double`: the nearest integer, halves towards
/// positive infinity (`floor(x + 0.5)` computed exactly).
pub(super) fn round_double(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let floor = x.floor();
    // x - floor(x) is exact for every finite double.
    if x - floor >= 0.5 { floor + 1.0 } else { floor }
}

/// `round(x * 10 * 10) div 100` evaluated in `xs:double`, each step rounded
/// as IEEE 754 rounds it.
pub(crate) fn round2_double(x: f64) -> f64 {
    round_double(x * 10.0 * 10.0) / 100.0
}

/// `. = round(. * 100) div 100` for an untyped value: whether its double
/// has (numerically) at most two decimals.
pub(super) fn double_has_two_decimals(x: Decimal) -> bool {
    let d = to_double(x);
    d == round_double(d * 100.0) / 100.0
}

/// `round(xs:decimal(d) * 100) div 100` for an `xs:double` `d`: Saxon casts
/// a double to `xs:decimal` exactly (its full binary expansion), so the
/// rounding sees e.g. `10.005e0` as `10.00499…` or `10.00500…07…` as the
/// binary value is. `None` when the result does not fit a [`Decimal`] (the
/// comparison it feeds is then false).
pub(super) fn exact_round2_of_double(d: f64) -> Option<Decimal> {
    if !d.is_finite() {
        return None;
    }
    if d == 0.0 {
        return Some(Decimal::ZERO);
    }
    let bits = d.to_bits();
    let negative = bits >> 63 == 1;
    let exp_bits = i32::try_from((bits >> 52) & 0x7ff).ok()?;
    let frac = bits & ((1u64 << 52) - 1);
    // d = mantissa * 2^exp exactly.
    let (mantissa, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let signed = i128::from(mantissa) * if negative { -1 } else { 1 };
    // r = floor(d * 100 + 1/2), an integer; the result is r / 100.
    let r: i128 = if exp >= 0 {
        let shift = u32::try_from(exp).ok()?;
        if shift > 60 {
            return None;
        }
        signed.checked_mul(100)?.checked_shl(shift)?
    } else {
        let k = u32::try_from(-exp).ok()?;
        if k >= 120 {
            // |d * 100| < 2^53 * 2^7 / 2^120: rounds to 0.
            0
        } else {
            // floor((2 * 100 * m + 2^k) / 2^(k + 1)), exact in i128.
            let numerator = signed.checked_mul(200)?.checked_add(1i128 << k)?;
            numerator.div_euclid(1i128 << (k + 1))
        }
    };
    let r = i64::try_from(r).ok()?;
    Some(Decimal::new(r, 2))
}

/// `round(x * 10 * 10) div 100` in `xs:decimal` (the UBL binding and the
/// CII rules that cast with `xs:decimal(…)`); `None` on overflow.
pub(crate) fn round2_decimal(x: Decimal) -> Option<Decimal> {
    let scaled = x.checked_mul(Decimal::ONE_HUNDRED)?;
    round(scaled).checked_div(Decimal::ONE_HUNDRED)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn double_rounding_like_saxon() {
        assert_eq!(round_double(2.5), 3.0);
        assert_eq!(round_double(-2.5), -2.0);
        assert_eq!(round_double(0.49999999999999994), 0.0);
        // 1.005e0 * 10 * 10 is 100.49999999999999: rounds down.
        assert_eq!(round2_double(1.005), 1.0);
        assert!(double_has_two_decimals(d("10.120")));
        assert!(!double_has_two_decimals(d("10.125")));
        assert!(double_has_two_decimals(d("1.13")));
    }

    #[test]
    fn exact_cast_of_a_double() {
        // 10.005e0 is 10.0050000000000007815…: rounds up.
        assert_eq!(exact_round2_of_double(10.005), Some(d("10.01")));
        // 1.005e0 is 1.00499999999999989…: rounds down.
        assert_eq!(exact_round2_of_double(1.005), Some(d("1.00")));
        // 0.125 is exact: a true half, towards +infinity.
        assert_eq!(exact_round2_of_double(0.125), Some(d("0.13")));
        assert_eq!(exact_round2_of_double(-0.125), Some(d("-0.12")));
        assert_eq!(exact_round2_of_double(0.1 + 0.2), Some(d("0.30")));
        assert_eq!(exact_round2_of_double(1e-13), Some(Decimal::ZERO));
        assert_eq!(exact_round2_of_double(-720.5), Some(d("-720.50")));
        assert_eq!(exact_round2_of_double(1e300), None);
        let rounding_issue = double_sum([d("720.81"), d("0.01"), d("-720.81"), d("-0.01")]);
        assert_eq!(exact_round2_of_double(rounding_issue), Some(Decimal::ZERO));
    }
}
