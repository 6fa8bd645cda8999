//! [`Codes`]: a code list as one text of sorted codes in fixed-width slots.

/// The codes of a list: one text holding them sorted (by bytes), each in a
/// slot of the same width padded with spaces (at least one), searched by
/// bisection over the slots. A table of `&str` held a pointer per code,
/// each a relocation at load time (six thousand for the lists of the
/// artefacts); this holds one per list.
///
/// ```
/// use facture::rules::codelist::CodeList;
/// let currencies = CodeList::Currency.codes();
/// assert!(currencies.contains("EUR"));
/// assert!(!currencies.contains("EU"));
/// assert_eq!(currencies.iter().next(), Some("AED"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Codes {
    width: usize,
    text: &'static str,
}

impl Codes {
    /// No code.
    pub const EMPTY: Codes = Codes { width: 1, text: "" };

    /// The list whose codes `text` holds, sorted, in slots of `width` bytes.
    pub(crate) const fn new(width: usize, text: &'static str) -> Codes {
        Codes { width, text }
    }

    /// How slot `i` compares with `code` (shorter than the width): the
    /// padding is a space, below every byte of a code, so comparing the
    /// slot's first `code.len()` bytes orders them, and the byte after
    /// tells equal from longer.
    fn cmp_slot(self, i: usize, code: &[u8]) -> std::cmp::Ordering {
        let at = i * self.width;
        let slot = self
            .text
            .as_bytes()
            .get(at..at + self.width)
            .unwrap_or_default();
        match slot.get(..code.len()).unwrap_or_default().cmp(code) {
            std::cmp::Ordering::Equal if slot.get(code.len()) != Some(&b' ') => {
                std::cmp::Ordering::Greater
            }
            order => order,
        }
    }

    /// Whether `code` is one of the codes (exact, case-sensitive).
    pub fn contains(self, code: &str) -> bool {
        let code = code.as_bytes();
        // A space would compare equal to the padding.
        if code.is_empty() || code.len() >= self.width || code.contains(&b' ') {
            return false;
        }
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.cmp_slot(mid, code) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
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
        self.text.len().checked_div(self.width).unwrap_or(0)
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The codes as a vector.
    pub fn to_vec(self) -> Vec<&'static str> {
        self.iter().collect()
    }
}

impl IntoIterator for Codes {
    type Item = &'static str;
    type IntoIter = std::str::SplitAsciiWhitespace<'static>;

    fn into_iter(self) -> Self::IntoIter {
        // Codes hold no space, so the slots split on white space.
        self.text.split_ascii_whitespace()
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

    /// The generator's layout: sorted codes in slots of the longest + 1.
    fn layout(codes: &[&str]) -> Codes {
        let width = codes.iter().map(|c| c.len()).max().unwrap_or(0) + 1;
        let text: String = codes.iter().map(|c| format!("{c:width$}")).collect();
        Codes::new(width, Box::leak(text.into_boxed_str()))
    }

    #[test]
    fn every_code_is_found_and_nothing_between() {
        let lists: [&[&str]; 4] = [
            &["A"],
            &["A", "B"],
            &["10", "11", "1I", "20", "A"],
            &["AA", "AAB", "AB", "B", "BA", "C", "D", "DE", "E"],
        ];
        for list in lists {
            let codes = layout(list);
            assert_eq!(codes.len(), list.len());
            assert_eq!(codes.to_vec(), list);
            for code in list {
                assert!(codes.contains(code), "{code} in {list:?}");
                for near in [format!("{code}0"), format!("{code}Z"), format!("0{code}")] {
                    assert_eq!(codes.contains(&near), list.contains(&near.as_str()));
                }
                let shorter = &code[..code.len() - 1];
                assert_eq!(codes.contains(shorter), list.contains(&shorter));
            }
            for absent in ["", " ", "ZZZ", "0", "A ", " A", "AAAAAAAAAAAAAAA"] {
                assert!(!codes.contains(absent), "{absent:?} in {list:?}");
            }
        }
        assert!(!Codes::new(0, "").contains("A"));
        assert!(Codes::new(0, "").is_empty());
    }
}
