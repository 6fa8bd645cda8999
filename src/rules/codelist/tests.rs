use super::*;

#[test]
fn tables_are_sorted_unique_and_match_their_literal() {
    for &list in CodeList::ALL {
        let codes = list.codes();
        assert!(!codes.is_empty(), "{list:?} is empty");
        assert!(
            codes.to_vec().windows(2).all(|w| w[0] < w[1]),
            "{list:?} is not strictly sorted: binary search would miss codes"
        );
        let literal = list.literal();
        assert!(
            literal.starts_with(' ') && literal.ends_with(' '),
            "{list:?}"
        );
        let mut from_literal: Vec<&str> = literal.trim_matches(' ').split(' ').collect();
        from_literal.sort_unstable();
        assert_eq!(
            from_literal,
            codes.to_vec(),
            "{list:?}: table and literal differ"
        );
        for code in codes {
            assert!(
                !code.is_empty() && !code.contains(is_xml_space),
                "{list:?}: {code:?}"
            );
        }
    }
}

#[test]
fn every_code_is_found_by_each_lookup() {
    for &list in CodeList::ALL {
        for code in list.codes() {
            assert!(list.contains(code), "{list:?} misses {code}");
            assert!(list.xpath_contains(code), "{list:?} {code}");
            assert!(list.xpath_contains_padded(code), "{list:?} {code}");
        }
    }
}

#[test]
fn upper_cased_codes_fit_the_buffer() {
    for &list in CodeList::ALL {
        if list.matching() == Matching::TokenUpperCase {
            for code in list.codes() {
                assert!(code.len() <= UPPER_BUF, "{list:?}: {code} is too long");
                assert_eq!(
                    code.to_uppercase(),
                    *code,
                    "{list:?}: {code} is not upper-case"
                );
            }
        }
    }
}

#[test]
fn known_codes_in_unknown_out() {
    let cases: &[(CodeList, &[&str], &[&str])] = &[
        (
            CodeList::Currency,
            &["EUR", "USD", "CNH", "XXX"],
            &["EURO", "FRF", "XYZ"],
        ),
        (
            CodeList::CountryUbl,
            &["FR", "DE", "1A", "XI", "SS"],
            &["AN", "EL", "UK", "FRA"],
        ),
        (
            CodeList::CountryCii,
            &["FR", "1A", "XI", "AN"],
            &["SS", "EL", "UK"],
        ),
        (CodeList::VatPrefixUbl, &["FR", "EL", "XI"], &["UK", "AN"]),
        (CodeList::VatPrefixCii, &["FR", "EL", "AN"], &["UK", "SS"]),
        (
            CodeList::InvoiceTypeUbl,
            &["380", "389", "751"],
            &["381", "83", "0380"],
        ),
        (
            CodeList::CreditNoteTypeUbl,
            &["381", "83", "81"],
            &["380", "389"],
        ),
        (
            CodeList::DocumentTypeCii,
            &["380", "381", "261", "83"],
            &["999", "1"],
        ),
        (
            CodeList::ReferenceQualifier,
            &["AAA", "AC", "ZZZ"],
            &["ZZZZ", "aaa"],
        ),
        (
            CodeList::VatDateUbl,
            &["3", "35", "432"],
            &["5", "29", "72", "33"],
        ),
        (
            CodeList::VatDateCii,
            &["5", "29", "72"],
            &["3", "35", "432"],
        ),
        (
            CodeList::TextSubjectUbl,
            &["AAA", "AAI", "SUR"],
            &["BAT", "CCJ", "AA"],
        ),
        (
            CodeList::TextSubjectCii,
            &["AAA", "BAT", "CCJ"],
            &["AA", "ZZZZ"],
        ),
        (
            CodeList::PaymentMeans,
            &["1", "30", "58", "59", "ZZZ"],
            &["0", "71", "99"],
        ),
        (
            CodeList::AllowanceReason,
            &["41", "95", "105"],
            &["40", "ZZZ"],
        ),
        (
            CodeList::VatCategory,
            &["S", "Z", "E", "AE", "K", "G", "O", "L", "M", "B"],
            &["s", "X", "AA"],
        ),
        (
            CodeList::ItemClassification,
            &["STI", "HS", "CV"],
            &["ZZZZ"],
        ),
        (CodeList::ChargeReason, &["AA", "FC", "ZZZ"], &["41", "A"]),
        (
            CodeList::Unit,
            &["C62", "H87", "EA", "KGM", "XPP", "DAY", "HUR"],
            &["PCE", "c62", "KG"],
        ),
        (
            CodeList::Eas,
            &["0009", "0088", "9957", "EM"],
            &["0001", "SEPA"],
        ),
        (
            CodeList::Icd,
            &["0002", "0009", "0088"],
            &["0001", "SEPA", "9957"],
        ),
        (CodeList::SepaUbl, &["SEPA"], &["sepa", "0009"]),
        (
            CodeList::Vatex,
            &["VATEX-EU-AE", "VATEX-EU-G", "VATEX-EU-132-1A"],
            &["VATEX-EU-X", "AE"],
        ),
        (
            CodeList::Mime,
            &["application/pdf", "text/csv", "image/png"],
            &["application/xml", "image/gif"],
        ),
    ];
    for (list, yes, no) in cases {
        for code in *yes {
            assert!(list.contains(code), "{list:?} should hold {code}");
        }
        for code in *no {
            assert!(!list.contains(code), "{list:?} should not hold {code}");
        }
    }
}

#[test]
fn whitespace_semantics_follow_normalize_space() {
    let list = CodeList::Currency;
    for ok in ["EUR", " EUR", "EUR ", "\tEUR\n", "\r\n EUR \r\n"] {
        assert!(list.contains(ok), "{ok:?}");
    }
    // Empty, blank, inner whitespace, non-XML whitespace, case.
    for bad in [
        "",
        " ",
        "\t\n",
        "EU R",
        "EUR USD",
        "EUR\tUSD",
        "\u{a0}EUR",
        "EUR\u{2003}",
        "eur",
        "Eur",
    ] {
        assert!(!list.contains(bad), "{bad:?}");
    }
    // The first clause of the artefacts' test: two codes glued by a space are
    // refused although ' AE S ' is not a substring of the literal anyway, and
    // ' S Z ' is.
    assert!(CodeList::VatCategory.literal().contains(" S Z "));
    assert!(!CodeList::VatCategory.contains("S Z"));
}

#[test]
fn vatex_is_upper_cased_first() {
    let list = CodeList::Vatex;
    assert_eq!(list.matching(), Matching::TokenUpperCase);
    assert!(list.contains("vatex-eu-ae"));
    assert!(list.contains(" Vatex-Eu-132-1a "));
    // Unicode full upper-casing, as XPath upper-case: dotless ı becomes I.
    assert!(list.contains("vatex-eu-\u{131}c"));
    assert!(!list.contains(""));
    assert!(!list.contains("vatex eu ae"));
    assert!(!list.contains(&"x".repeat(200)));
    // Other lists are case-sensitive.
    assert!(!CodeList::Unit.contains("c62"));
}

#[test]
fn mime_is_exact() {
    let list = CodeList::Mime;
    assert_eq!(list.matching(), Matching::Exact);
    assert!(list.contains("application/pdf"));
    assert!(!list.contains(" application/pdf"));
    assert!(!list.contains("application/pdf "));
    assert!(!list.contains("APPLICATION/PDF"));
    assert!(!list.contains(""));
}

#[test]
fn xpath_contains_is_a_substring_test() {
    // UBL BR-CL-08: `#AB #` names the 3-character subject "AB ", which is a
    // substring of " … AAB … ", so the artefact accepts it.
    let ubl = CodeList::TextSubjectUbl;
    assert!(ubl.xpath_contains("AB "));
    assert!(ubl.xpath_contains("AAI"));
    assert!(!ubl.xpath_contains("QQQ"));
    assert!(!ubl.contains("AB "));
    // UBL BR-CO-09: substring(CompanyID, 1, 2).
    let vat = CodeList::VatPrefixUbl;
    assert!(vat.xpath_contains("FR"));
    assert!(vat.xpath_contains("EL"));
    assert!(vat.xpath_contains(""));
    assert!(vat.xpath_contains("F"));
    assert!(vat.xpath_contains("R "));
    assert!(!vat.xpath_contains("UK"));
    assert!(!vat.xpath_contains("fr"));
}

#[test]
fn xpath_contains_padded_needs_whole_codes() {
    // CII BR-CO-09: concat(' ', substring(., 1, 2), ' ').
    let vat = CodeList::VatPrefixCii;
    assert!(vat.xpath_contains_padded("FR"));
    assert!(vat.xpath_contains_padded("EL"));
    assert!(!vat.xpath_contains_padded(""));
    assert!(!vat.xpath_contains_padded("F"));
    assert!(!vat.xpath_contains_padded("R "));
    assert!(!vat.xpath_contains_padded(" F"));
    assert!(!vat.xpath_contains_padded("UK"));
    // Codes adjacent in the literal form a match, as in XPath.
    let cat = CodeList::VatCategory;
    let mut first_two = cat.literal().trim_matches(' ').splitn(3, ' ');
    let (a, b) = (first_two.next(), first_two.next());
    if let (Some(a), Some(b)) = (a, b) {
        assert!(cat.xpath_contains_padded(&format!("{a} {b}")));
        assert!(!cat.xpath_contains_padded(&format!("{b} {a}")));
    }
}

#[test]
fn metadata_is_consistent() {
    for &list in CodeList::ALL {
        assert!(!list.name().is_empty());
        assert_eq!(list.version(), ARTEFACTS_VERSION);
        assert!(!list.rules().is_empty());
        assert!(list.artefact().ubl() || list.artefact().cii());
    }
    assert_eq!(CodeList::Icd.rules().len(), 4);
    assert_eq!(CodeList::PaymentMeans.name(), "UNTDID 4461");
    assert!(ARTEFACTS_VERSION.starts_with("1."));
    assert_eq!(ARTEFACTS_LAST_UPDATE.len(), 10);
    let mut all = CodeList::ALL.to_vec();
    all.dedup();
    assert_eq!(all.len(), CodeList::ALL.len());
}
