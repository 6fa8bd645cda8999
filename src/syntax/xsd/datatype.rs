//! Simple values: the lexical spaces of the built-in types the schemas use,
//! and the facets of their derivations.
//!
//! Two places where this follows the XML Schema 1.0 recommendation rather
//! than libxml2 (`xmllint --schema`), documented in the README and pinned by
//! `tests/xsd_structure.rs`: white space around a date, time or dateTime is
//! collapsed as the `whiteSpace` facet of these types says (libxml2 rejects
//! `" 2026-01-01 "`), and decimals have no limit on their number of digits
//! (libxml2 rejects more than 24 significant digits).

use super::pattern::Pattern;
use super::schema::{Builtin, Schema, Simple, WhiteSpace, range};
use std::borrow::Cow;
use std::cmp::Ordering;

/// Which family of finding a bad value gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The value is not in the lexical space of its built-in type.
    Datatype,
    /// The value breaks a facet of its type (enumeration, pattern, length,
    /// digits, bounds).
    Facet,
}

/// Why a value is invalid, in English and French.
#[derive(Debug)]
pub struct BadValue {
    /// Datatype or facet.
    pub problem: Problem,
    /// English explanation.
    pub en: String,
    /// French explanation.
    pub fr: String,
}

/// The value as messages quote it (shortened when long).
pub fn quote(value: &str) -> String {
    let mut out: String = value.chars().take(60).collect();
    if out.len() < value.len() {
        out.push('…');
    }
    format!("'{out}'")
}

/// The value after the whiteSpace facet.
pub fn normalize(value: &str, ws: WhiteSpace) -> Cow<'_, str> {
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    match ws {
        WhiteSpace::Preserve => Cow::Borrowed(value),
        WhiteSpace::Replace if !value.contains(['\t', '\n', '\r']) => Cow::Borrowed(value),
        WhiteSpace::Replace => Cow::Owned(value.replace(['\t', '\n', '\r'], " ")),
        WhiteSpace::Collapse if is_collapsed(value) => Cow::Borrowed(value),
        WhiteSpace::Collapse => {
            let collapsed = value.split(is_ws).filter(|s| !s.is_empty());
            let mut out = String::with_capacity(value.len());
            for (i, part) in collapsed.enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(part);
            }
            if out == value {
                Cow::Borrowed(value)
            } else {
                Cow::Owned(out)
            }
        }
    }
}

/// Whether collapsing leaves `value` as it is: no tab or line end, no
/// leading, trailing or doubled space (one pass over the bytes).
fn is_collapsed(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut previous_space = false;
    for b in bytes {
        match b {
            b'\t' | b'\n' | b'\r' => return false,
            b' ' if previous_space => return false,
            b' ' => previous_space = true,
            _ => previous_space = false,
        }
    }
    true
}

/// Whether `ty` has any facet beyond whiteSpace.
fn has_facets(ty: &Simple) -> bool {
    ty.enumerations.1 != 0
        || ty.patterns.1 != 0
        || ty.length.is_some()
        || ty.min_length.is_some()
        || ty.max_length.is_some()
        || ty.total_digits.is_some()
        || ty.fraction_digits.is_some()
        || ty.min_inclusive.is_some()
        || ty.max_inclusive.is_some()
        || ty.min_exclusive.is_some()
        || ty.max_exclusive.is_some()
}

/// The XML Schema name of a built-in type.
pub fn builtin_name(b: Builtin) -> &'static str {
    match b {
        Builtin::AnySimpleType => "xs:anySimpleType",
        Builtin::String => "xs:string",
        Builtin::NormalizedString => "xs:normalizedString",
        Builtin::Token => "xs:token",
        Builtin::Language => "xs:language",
        Builtin::Name => "xs:Name",
        Builtin::NcName => "xs:NCName",
        Builtin::Id => "xs:ID",
        Builtin::IdRef => "xs:IDREF",
        Builtin::NmToken => "xs:NMTOKEN",
        Builtin::AnyUri => "xs:anyURI",
        Builtin::Decimal => "xs:decimal",
        Builtin::Integer => "xs:integer",
        Builtin::NonNegativeInteger => "xs:nonNegativeInteger",
        Builtin::PositiveInteger => "xs:positiveInteger",
        Builtin::Boolean => "xs:boolean",
        Builtin::Date => "xs:date",
        Builtin::DateTime => "xs:dateTime",
        Builtin::Time => "xs:time",
        Builtin::Base64Binary => "xs:base64Binary",
        Builtin::HexBinary => "xs:hexBinary",
    }
}

fn is_numeric(b: Builtin) -> bool {
    matches!(
        b,
        Builtin::Decimal
            | Builtin::Integer
            | Builtin::NonNegativeInteger
            | Builtin::PositiveInteger
    )
}

/// Checks `raw` (the element's text or the attribute's value) against `ty`.
pub fn check(schema: &Schema, ty: &Simple, raw: &str) -> Result<(), BadValue> {
    // base64 ignores white space itself: no copy of a large attachment.
    if ty.base == Builtin::Base64Binary && ty.enumerations.1 == 0 && ty.patterns.1 == 0 {
        if !base64(raw) {
            let value = normalize(raw, ty.white_space);
            return Err(BadValue {
                problem: Problem::Datatype,
                en: format!("{} is not a valid xs:base64Binary", quote(&value)),
                fr: format!(
                    "{} n'est pas une valeur xs:base64Binary valide",
                    quote(&value)
                ),
            });
        }
        return facets(schema, ty, raw);
    }
    // Date and time types are collapsed as the recommendation says.
    let ws = ty.white_space;
    let value = normalize(raw, ws);
    let value = value.as_ref();
    if !lexical_ok(ty.base, value) {
        let name = builtin_name(ty.base);
        return Err(BadValue {
            problem: Problem::Datatype,
            en: format!("{} is not a valid {name}", quote(value)),
            fr: format!("{} n'est pas une valeur {name} valide", quote(value)),
        });
    }
    facets(schema, ty, value)
}

fn facet(en: String, fr: String) -> Result<(), BadValue> {
    Err(BadValue {
        problem: Problem::Facet,
        en,
        fr,
    })
}

fn facets(schema: &Schema, ty: &Simple, value: &str) -> Result<(), BadValue> {
    if !has_facets(ty) {
        return Ok(());
    }
    let enums = range(schema.enumerations, ty.enumerations);
    if !enums.is_empty() {
        let hit = if is_numeric(ty.base) {
            let v = DecimalValue::parse(value);
            enums
                .iter()
                .any(|e| v.is_some() && DecimalValue::parse(e.trim()) == v)
        } else {
            enums.contains(&value)
        };
        if !hit {
            let list = enums
                .iter()
                .take(12)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            let more = if enums.len() > 12 { ", …" } else { "" };
            return facet(
                format!(
                    "{} is not one of the allowed values ({list}{more})",
                    quote(value)
                ),
                format!(
                    "{} ne fait pas partie des valeurs admises ({list}{more})",
                    quote(value)
                ),
            );
        }
    }
    for source in range(schema.patterns, ty.patterns) {
        // A pattern the matcher cannot read is caught by the table tests.
        if let Ok(pattern) = Pattern::parse(source)
            && !pattern.matches(value)
        {
            return facet(
                format!("{} does not match the pattern {source}", quote(value)),
                format!("{} ne respecte pas le motif {source}", quote(value)),
            );
        }
    }
    let wants_length = ty.length.is_some() || ty.min_length.is_some() || ty.max_length.is_some();
    let length = match ty.base {
        _ if !wants_length => None,
        Builtin::Base64Binary => Some(base64_octets(value)),
        Builtin::HexBinary => Some(value.len() / 2),
        b if is_numeric(b) => None,
        Builtin::Boolean | Builtin::Date | Builtin::DateTime | Builtin::Time => None,
        _ => Some(value.chars().count()),
    };
    if let Some(n) = length {
        let n = n as u64;
        let unit_en = if ty.base == Builtin::Base64Binary {
            "octets"
        } else {
            "characters"
        };
        let unit_fr = if ty.base == Builtin::Base64Binary {
            "octets"
        } else {
            "caractères"
        };
        if let Some(l) = ty.length
            && n != u64::from(l)
        {
            return facet(
                format!(
                    "{} has {n} {unit_en}, exactly {l} are required",
                    quote(value)
                ),
                format!(
                    "{} compte {n} {unit_fr}, il en faut exactement {l}",
                    quote(value)
                ),
            );
        }
        if let Some(l) = ty.min_length
            && n < u64::from(l)
        {
            return facet(
                format!(
                    "{} has {n} {unit_en}, at least {l} are required",
                    quote(value)
                ),
                format!(
                    "{} compte {n} {unit_fr}, il en faut au moins {l}",
                    quote(value)
                ),
            );
        }
        if let Some(l) = ty.max_length
            && n > u64::from(l)
        {
            return facet(
                format!(
                    "{} has {n} {unit_en}, at most {l} are allowed",
                    quote(value)
                ),
                format!(
                    "{} compte {n} {unit_fr}, {l} au plus sont admis",
                    quote(value)
                ),
            );
        }
    }
    if is_numeric(ty.base) {
        numeric_facets(ty, value)?;
    }
    Ok(())
}

fn numeric_facets(ty: &Simple, value: &str) -> Result<(), BadValue> {
    let Some(v) = DecimalValue::parse(value) else {
        return Ok(());
    };
    if let Some(t) = ty.total_digits
        && v.total_digits() > t as usize
    {
        return facet(
            format!("{} has more than {t} digits", quote(value)),
            format!("{} a plus de {t} chiffres", quote(value)),
        );
    }
    if let Some(f) = ty.fraction_digits
        && v.fraction.len() > f as usize
    {
        return facet(
            format!("{} has more than {f} decimals", quote(value)),
            format!("{} a plus de {f} décimales", quote(value)),
        );
    }
    let bounds: [(Option<&str>, &[Ordering], &str, &str); 4] = [
        (
            ty.min_inclusive,
            &[Ordering::Greater, Ordering::Equal],
            "at least",
            "au moins",
        ),
        (
            ty.max_inclusive,
            &[Ordering::Less, Ordering::Equal],
            "at most",
            "au plus",
        ),
        (
            ty.min_exclusive,
            &[Ordering::Greater],
            "more than",
            "plus de",
        ),
        (ty.max_exclusive, &[Ordering::Less], "less than", "moins de"),
    ];
    for (bound, allowed, en, fr) in bounds {
        if let Some(b) = bound.and_then(DecimalValue::parse)
            && !allowed.contains(&v.cmp(&b))
        {
            let b = bound.unwrap_or_default();
            return facet(
                format!("{} must be {en} {b}", quote(value)),
                format!("{} doit valoir {fr} {b}", quote(value)),
            );
        }
    }
    Ok(())
}

/// Whether two decimal lexical forms have the same value.
pub fn same_number(a: &str, b: &str) -> bool {
    DecimalValue::parse(a).is_some_and(|x| DecimalValue::parse(b) == Some(x))
}

/// A decimal in canonical parts (borrowed from its lexical form), of any
/// length, ordered by value.
#[derive(Debug, PartialEq, Eq)]
struct DecimalValue<'a> {
    negative: bool,
    /// Integer digits without leading zeros.
    integer: &'a str,
    /// Fraction digits without trailing zeros.
    fraction: &'a str,
}

impl<'a> DecimalValue<'a> {
    fn parse(s: &'a str) -> Option<DecimalValue<'a>> {
        let bytes = s.as_bytes();
        let (negative, start) = match bytes.first() {
            Some(b'-') => (true, 1),
            Some(b'+') => (false, 1),
            _ => (false, 0),
        };
        // One pass: digits and at most one point.
        let mut dot = None;
        for (i, b) in bytes.iter().enumerate().skip(start) {
            match b {
                b'0'..=b'9' => {}
                b'.' if dot.is_none() => dot = Some(i),
                _ => return None,
            }
        }
        let (int, frac) = match dot {
            Some(d) => (s.get(start..d)?, s.get(d + 1..)?),
            None => (s.get(start..)?, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let integer = int.trim_start_matches('0');
        let fraction = frac.trim_end_matches('0');
        let zero = integer.is_empty() && fraction.is_empty();
        Some(DecimalValue {
            negative: negative && !zero,
            integer,
            fraction,
        })
    }

    fn total_digits(&self) -> usize {
        let digits = self.integer.len() + self.fraction.len();
        if self.integer.is_empty() {
            // 0.05 has one significant digit.
            self.fraction.trim_start_matches('0').len().max(1)
        } else {
            digits
        }
    }

    fn magnitude_cmp(&self, other: &DecimalValue<'_>) -> Ordering {
        self.integer
            .len()
            .cmp(&other.integer.len())
            .then_with(|| self.integer.cmp(other.integer))
            .then_with(|| self.fraction.cmp(other.fraction))
    }
}

impl Ord for DecimalValue<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.magnitude_cmp(other),
            (true, true) => other.magnitude_cmp(self),
        }
    }
}

impl PartialOrd for DecimalValue<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn lexical_ok(base: Builtin, v: &str) -> bool {
    match base {
        Builtin::AnySimpleType | Builtin::String | Builtin::NormalizedString | Builtin::Token => {
            true
        }
        Builtin::Language => language(v),
        Builtin::Name => name(v, true),
        Builtin::NcName | Builtin::Id | Builtin::IdRef => name(v, false),
        Builtin::NmToken => !v.is_empty() && v.chars().all(|c| name_char(c, true)),
        Builtin::AnyUri => any_uri(v),
        Builtin::Decimal => DecimalValue::parse(v).is_some(),
        Builtin::Integer | Builtin::NonNegativeInteger | Builtin::PositiveInteger => {
            let Some(d) = DecimalValue::parse(v) else {
                return false;
            };
            if v.contains('.') {
                return false;
            }
            match base {
                Builtin::NonNegativeInteger => !d.negative,
                Builtin::PositiveInteger => !d.negative && !d.integer.is_empty(),
                _ => true,
            }
        }
        Builtin::Boolean => matches!(v, "true" | "false" | "1" | "0"),
        Builtin::Date => date(v).is_some_and(timezone),
        Builtin::Time => time(v).is_some_and(timezone),
        Builtin::DateTime => date(v)
            .and_then(|rest| rest.strip_prefix('T'))
            .and_then(time)
            .is_some_and(timezone),
        Builtin::Base64Binary => base64(v),
        Builtin::HexBinary => v.len().is_multiple_of(2) && v.bytes().all(|b| b.is_ascii_hexdigit()),
    }
}

fn language(v: &str) -> bool {
    let mut parts = v.split('-');
    let first = parts.next().unwrap_or_default();
    let ok = |p: &str, alpha_only: bool| {
        (1..=8).contains(&p.len())
            && p.bytes().all(|b| {
                if alpha_only {
                    b.is_ascii_alphabetic()
                } else {
                    b.is_ascii_alphanumeric()
                }
            })
    };
    ok(first, true) && parts.all(|p| ok(p, false))
}

fn name_char(c: char, colon: bool) -> bool {
    c.is_alphanumeric()
        || matches!(c, '_' | '-' | '.' | '\u{b7}')
        || (colon && c == ':')
        || ('\u{300}'..='\u{36f}').contains(&c)
        || ('\u{203f}'..='\u{2040}').contains(&c)
}

fn name(v: &str, colon: bool) -> bool {
    let mut chars = v.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' || (colon && c == ':') => {
            chars.all(|c| name_char(c, colon))
        }
        _ => false,
    }
}

/// What libxml2 refuses in an anyURI: a `%` not followed by two hex
/// digits, an empty scheme, square brackets outside an IP literal host.
fn any_uri(v: &str) -> bool {
    let bytes = v.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return false;
        }
    }
    if v.starts_with(':') {
        return false;
    }
    if v.contains(['[', ']']) {
        let Some(start) = v.find("//[") else {
            return false;
        };
        let host = v.get(start + 3..).unwrap_or_default();
        return host.find(']').is_some_and(|end| {
            host.get(..end).is_some_and(|h| {
                h.bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
            })
        }) && !host
            .get(host.find(']').unwrap_or(0) + 1..)
            .unwrap_or_default()
            .contains(['[', ']']);
    }
    true
}

fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let head = s.get(..n)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, s.get(n..)?))
}

/// `-?YYYY-MM-DD`; returns the rest.
fn date(v: &str) -> Option<&str> {
    let v = v.strip_prefix('-').unwrap_or(v);
    let year_len = v.bytes().take_while(u8::is_ascii_digit).count();
    if year_len < 4 || (year_len > 4 && v.starts_with('0')) {
        return None;
    }
    let year: i64 = v.get(..year_len)?.parse().ok()?;
    if year == 0 {
        return None;
    }
    let rest = v.get(year_len..)?.strip_prefix('-')?;
    let (month, rest) = digits(rest, 2)?;
    let (day, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some(rest)
}

/// `hh:mm:ss(.s+)?`; returns the rest.
fn time(v: &str) -> Option<&str> {
    let (h, rest) = digits(v, 2)?;
    let (m, rest) = digits(rest.strip_prefix(':')?, 2)?;
    let (s, mut rest) = digits(rest.strip_prefix(':')?, 2)?;
    let mut fraction_zero = true;
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        fraction_zero = after.get(..n)?.bytes().all(|b| b == b'0');
        rest = after.get(n..)?;
    }
    let ok = (h < 24 && m < 60 && s < 60) || (h == 24 && m == 0 && s == 0 && fraction_zero);
    ok.then_some(rest)
}

fn timezone(rest: &str) -> bool {
    match rest.as_bytes().first() {
        None => true,
        Some(b'Z') => rest.len() == 1,
        Some(b'+' | b'-') => {
            let Some((h, after)) = rest.get(1..).and_then(|r| digits(r, 2)) else {
                return false;
            };
            let Some((m, after)) = after.strip_prefix(':').and_then(|r| digits(r, 2)) else {
                return false;
            };
            after.is_empty() && m < 60 && (h < 14 || (h == 14 && m == 0))
        }
        Some(_) => false,
    }
}

fn base64(v: &str) -> bool {
    // Attachments run to megabytes: no copy, and one vectorised scan. The
    // padding (at most two `=`, white space allowed between them) ends the
    // text; before it, only the alphabet and white space.
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let trimmed = v.trim_end_matches(['=', ' ', '\t', '\n', '\r']);
    let body = trimmed.as_bytes();
    let tail = v.as_bytes().get(body.len()..).unwrap_or_default();
    let pads = tail.iter().filter(|b| **b == b'=').count();
    let scan = crate::syntax::lexical::base64_scan(body);
    let count = body.len() - scan.spaces + pads;
    if scan.foreign > 0 || !count.is_multiple_of(4) || pads > 2 {
        return false;
    }
    // The last character before padding must leave the unused bits zero.
    let last = body.iter().rev().find(|b| !is_space(b));
    match (pads, last) {
        (1, Some(c)) => b"AEIMQUYcgkosw048".contains(c),
        (2, Some(c)) => b"AQgw".contains(c),
        (0, _) => true,
        _ => false,
    }
}

fn base64_octets(v: &str) -> usize {
    let n = v.len() - crate::syntax::lexical::base64_scan(v.as_bytes()).spaces;
    let pads = v
        .trim_end()
        .bytes()
        .rev()
        .take_while(|b| *b == b'=')
        .count();
    (n / 4 * 3).saturating_sub(pads)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(b: Builtin, v: &str) -> bool {
        let simple = Simple::of(b);
        lexical_ok(b, &normalize(v, simple.white_space))
    }

    #[test]
    fn lexical_spaces_as_libxml2_reads_them() {
        for v in [" 12.5 ", "+1", ".5", "5.", "-0", "0001"] {
            assert!(ok(Builtin::Decimal, v), "{v}");
        }
        for v in ["1e3", "", "1 000", "1,5", "."] {
            assert!(!ok(Builtin::Decimal, v), "{v}");
        }
        for v in [
            "2024-02-29",
            "2026-02-28Z",
            "2026-02-28+01:00",
            "-0001-01-01",
            "10000-01-01",
            "2026-01-01-14:00",
        ] {
            assert!(ok(Builtin::Date, v), "{v}");
        }
        for v in [
            "2026-02-30",
            "2026-02-29",
            "2026-2-3",
            "0000-01-01",
            "2026-13-01",
            "2026-01-00",
            "02026-01-01",
            "999-01-01",
            "2026-01-01-14:30",
            "20260101",
        ] {
            assert!(!ok(Builtin::Date, v), "{v}");
        }
        assert!(ok(Builtin::DateTime, "2026-01-01T24:00:00"));
        assert!(ok(Builtin::DateTime, "2026-01-01T12:00:00.5Z"));
        for v in [
            "2026-01-01T25:00:00",
            "2026-01-01",
            "2026-01-01T12:00",
            "2026-01-01T12:60:00",
            "2026-01-01T12:00:60",
            "2026-01-01T12:00:00.Z",
        ] {
            assert!(!ok(Builtin::DateTime, v), "{v}");
        }
        for v in ["true", "1", "0", " false "] {
            assert!(ok(Builtin::Boolean, v), "{v}");
        }
        assert!(!ok(Builtin::Boolean, "TRUE"));
        assert!(ok(Builtin::Language, "fr-FR") && !ok(Builtin::Language, "fr_FR"));
        assert!(!ok(Builtin::Language, "") && !ok(Builtin::Language, "a-123456789"));
        for v in ["a b", "", "é", "#frag", "http://[::1]/x"] {
            assert!(ok(Builtin::AnyUri, v), "{v}");
        }
        for v in ["http://x/%zz", "http://[x", "a%", ":"] {
            assert!(!ok(Builtin::AnyUri, v), "{v}");
        }
        for v in ["YWJj", "YW Jj", "YQ==", ""] {
            assert!(ok(Builtin::Base64Binary, v), "{v}");
        }
        for v in ["YWJj\n", "YQ= =", " YQ==\n", "YWJj YWJj"] {
            assert!(ok(Builtin::Base64Binary, v), "{v:?}");
        }
        for v in [
            "abc",
            "Y===",
            "YQ=",
            "YW=j",
            "YR==",
            "====",
            "YQ==YQ==",
            "YW*j",
            "YWJ\u{e9}",
        ] {
            assert!(!ok(Builtin::Base64Binary, v), "{v}");
        }
        assert!(ok(Builtin::NonNegativeInteger, "-0") && !ok(Builtin::NonNegativeInteger, "-1"));
        assert!(!ok(Builtin::Integer, "1.0") && ok(Builtin::Integer, " 12 "));
        assert!(ok(Builtin::Id, " a ") && !ok(Builtin::Id, "1a"));
    }

    #[test]
    fn decimals_compare_by_value() {
        let d = |s| DecimalValue::parse(s).unwrap();
        assert_eq!(d("01"), d("1"));
        assert_eq!(d("-0"), d("0.00"));
        assert!(d("-2") < d("-1.5") && d("10") > d("9.99") && d("0.5") > d("0.05"));
        assert_eq!(d("12.50").total_digits(), 3);
        assert_eq!(d("0.05").total_digits(), 1);
    }

    #[test]
    fn white_space_facets() {
        assert_eq!(normalize(" a \n b ", WhiteSpace::Collapse), "a b");
        assert_eq!(normalize("a\tb", WhiteSpace::Replace), "a b");
        assert_eq!(normalize(" a ", WhiteSpace::Preserve), " a ");
        assert_eq!(base64_octets("YWJjZA=="), 4);
    }
}
