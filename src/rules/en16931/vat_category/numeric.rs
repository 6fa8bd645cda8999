//! The numeric semantics the VAT category tests rely on beyond
//! [`crate::rules::xpath`]: `xs:double` arithmetic on untyped values, the
//! exact `xs:decimal` cast of a double, and overflow-free sums.

use crate::rules::xpath::round2;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// An untyped value (or a decimal promoted for a comparison with one) as
/// `xs:double`: the correctly rounded double of the decimal as written.
pub(super) fn double(x: Decimal) -> f64 {
    x.to_string().parse().unwrap_or(f64::NAN)
}

/// XPath `round()` on an `xs:double` (halves towards positive infinity).
pub(super) fn round_double(x: f64) -> f64 {
    (x + 0.5).floor()
}

/// Compares `xs:decimal(d)` (the exact value of the double, as Saxon casts
/// it) with the decimal `s`. `None` for NaN or infinities.
pub(super) fn cmp_double_decimal(d: f64, s: Decimal) -> Option<Ordering> {
    if !d.is_finite() {
        return None;
    }
    // Different doubles: rounding to double is monotone, so the double
    // order decides. Same double: compare the double's exact expansion,
    // kept to the 28 significant digits of `Decimal`.
    match d.partial_cmp(&double(s))? {
        Ordering::Equal => Decimal::from_f64_retain(d).map(|exact| exact.cmp(&s)),
        other => Some(other),
    }
}

/// `sum()` of decimals (0 for none); `None` when the sum leaves the
/// `Decimal` range (the artefacts' arbitrary precision is not reproduced:
/// such rules do not fire).
pub(super) fn sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
}

/// `a + b - c` without overflow.
pub(super) fn plus_minus(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    a.checked_add(b)?.checked_sub(c)
}

/// `round(a*10*10) div 100 + round(b*10*10) div 100 - round(c*10*10) div 100`.
pub(super) fn rounded_plus_minus(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    plus_minus(round2(a), round2(b), round2(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn double_minus_one_cast_back_is_below_the_decimal() {
        // xs:decimal(xs:untypedAtomic('100.10') - 1) < 99.10 is true in Saxon.
        let x = double(d("100.10")) - 1.0;
        assert_eq!(cmp_double_decimal(x, d("99.10")), Some(Ordering::Less));
        assert_eq!(cmp_double_decimal(x, d("99.00")), Some(Ordering::Greater));
        assert_eq!(cmp_double_decimal(2.0, d("2.00")), Some(Ordering::Equal));
    }

    #[test]
    fn double_round_is_half_up() {
        assert_eq!(round_double(2.5), 3.0);
        assert_eq!(round_double(-2.5), -2.0);
    }

    #[test]
    fn sums_do_not_overflow() {
        assert_eq!(sum([Decimal::MAX, Decimal::ONE]), None);
        assert_eq!(sum([]), Some(Decimal::ZERO));
    }
}
