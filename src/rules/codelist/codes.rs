//! [`Codes`]: a code list as one text, its sorted codes one space apart.

/// The codes of a list: one text holding them sorted (by bytes) and one
/// space apart, searched by bisection over its bytes. A table of `&str`
/// held a pointer per code, each a relocation at load time (six thousand
/// for the lists of the artefacts); this holds one per list.
///
/// ```
/// use facture::rules::codelist::CodeList;
/// let currencies = CodeList::Currency.codes();
/// assert!(currencies.contains("EUR"));
/// assert!(!currencies.contains("EU"));
/// assert_eq!(currencies.iter().next(), Some("AED"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Codes(&'static str);

impl Codes {
    /// The list whose codes `text` holds, sorted and one space apart.
    pub(super) const fn new(text: &'static str) -> Codes {
        Codes(text)
    }

    /// Whether `code` is one of the codes (exact, case-sensitive).
    pub fn contains(self, code: &str) -> bool {
        let text = self.0.as_bytes();
        let code = code.as_bytes();
        // `text[lo..hi]` starts at a code and ends after one.
        let (mut lo, mut hi) = (0, text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = text
                .get(lo..mid)
                .and_then(|t| t.iter().rposition(|b| *b == b' '))
                .map_or(lo, |at| lo + at + 1);
            let end = text
                .get(mid..hi)
                .and_then(|t| t.iter().position(|b| *b == b' '))
                .map_or(hi, |at| mid + at);
            match text.get(start..end).unwrap_or_default().cmp(code) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater if start > lo => hi = start - 1,
                std::cmp::Ordering::Greater => return false,
            }
        }
        false
    }

    /// The codes, sorted.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.into_iter()
    }

    /// How many codes.
    pub fn len(self) -> usize {
        self.iter().count()
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// The codes as a vector.
    pub fn to_vec(self) -> Vec<&'static str> {
        self.iter().collect()
    }
}

impl IntoIterator for Codes {
    type Item = &'static str;
    type IntoIter = std::iter::Filter<std::str::Split<'static, char>, fn(&&'static str) -> bool>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.split(' ').filter(|c| !c.is_empty())
    }
}

impl std::fmt::Debug for Codes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::Codes;

    #[test]
    fn every_code_is_found_and_nothing_between() {
        for text in ["A", "A B", "10 11 1I 20 A", "AA AAB AB B BA C D DE E"] {
            let codes = Codes::new(text);
            for code in text.split(' ') {
                assert!(codes.contains(code), "{code} in {text}");
                for near in [format!("{code}0"), format!("{code}Z"), format!("0{code}")] {
                    assert_eq!(codes.contains(&near), text.split(' ').any(|c| c == near));
                }
                assert!(
                    !codes.contains(&code[..code.len() - 1])
                        || text.split(' ').any(|c| *c == code[..code.len() - 1])
                );
            }
            assert!(!codes.contains(""));
            assert!(!codes.contains(" "));
            assert!(!codes.contains("ZZZ"));
            assert!(!codes.contains("0"));
        }
        assert!(!Codes::new("").contains("A"));
    }
}
