//! From what Chorus Pro says back to our rule ids: each rejection message
//! of a `consulterCRDetaille` response is matched against the platform
//! wording the Chorus Pro catalogue records for its rules
//! (`platform_ubl` / `platform_cii` in `rules/chorus-pro.toml`), so a
//! rejection can be traced to the check that would have caught it before
//! the deposit.
//!
//! ```
//! use facture::chorus::rule_for_message;
//! let m = "Le champ identifiant de la facture (FichierXml.ExchangedDocument.ID.value) \
//!          ne doit pas depasser 20 caracteres";
//! assert_eq!(rule_for_message(m), Some("G1.05"));
//! assert_eq!(rule_for_message("Destinataire inconnu"), None);
//! ```

use crate::rules::catalogue;

/// What a platform message says about its element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Mandatory,
    TooLong,
    Alphanumeric,
    NotAccepted,
}

fn kind(message: &str) -> Option<Kind> {
    let m = message.to_lowercase();
    if m.contains("obligatoire") {
        Some(Kind::Mandatory)
    } else if m.contains("depasser") || m.contains("dépasser") {
        Some(Kind::TooLong)
    } else if m.contains("alphanum") {
        Some(Kind::Alphanumeric)
    } else if m.contains("n'est pas accept") || m.contains("n'est pas un cadre") {
        Some(Kind::NotAccepted)
    } else {
        None
    }
}

/// The element path a platform message names: from `FichierXml.` (or the
/// first dotted path in parentheses) to `.value`, without the
/// `FichierXml.` prefix.
fn element(message: &str) -> Option<&str> {
    let start = message
        .find("FichierXml.")
        .map(|i| i + "FichierXml.".len())
        .or_else(|| message.find('(').map(|i| i + 1))?;
    let rest = message.get(start..)?;
    let end = rest.find(".value")?;
    rest.get(..end)
}

/// A message without case, accents of the ASCII kind, punctuation and
/// spacing differences, for comparing.
fn normalized(message: &str) -> String {
    message
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The id of the rule of ours that reports the defect a Chorus Pro
/// rejection message describes, when there is one: the rule whose recorded
/// platform wording is the message, else the one whose wording names the
/// same element with the same complaint (mandatory, too long, not
/// alphanumeric, not accepted).
pub fn rule_for_message(message: &str) -> Option<&'static str> {
    let chorus = || catalogue::all().iter().filter(|r| r.set() == "chorus-pro");
    let wanted = normalized(message);
    if let Some(rule) = chorus().find(|r| {
        [r.platform_ubl(), r.platform_cii()]
            .into_iter()
            .flatten()
            .any(|p| normalized(p) == wanted)
    }) {
        return Some(rule.id());
    }
    let (element, kind) = (element(message)?, kind(message)?);
    chorus()
        .find(|r| {
            [r.platform_ubl(), r.platform_cii()]
                .into_iter()
                .flatten()
                .any(|p| {
                    self::element(p).is_some_and(|e| e == element) && self::kind(p) == Some(kind)
                })
        })
        .map(|r| r.id())
}

/// The id of our rule family for a technical error of a flow: an XSD
/// rejection (`natureErreur` `ERR_XSD`) is what the structural checks
/// (`XSD-…`) catch.
pub fn rule_family_for_technical(nature: Option<&str>, code: Option<&str>) -> Option<&'static str> {
    let xsd = nature.is_some_and(|n| n.eq_ignore_ascii_case("ERR_XSD"))
        || code.is_some_and(|c| c.starts_with("ERR_XSD"));
    xsd.then_some("XSD")
}

/// Xerces error keys (what Chorus Pro quotes in an `ERR_XSD` label) and the
/// structural rule of ours that reports the same violation.
const XERCES: [(&str, &str); 10] = [
    ("cvc-datatype-valid", "XSD-DATATYPE"),
    ("cvc-pattern-valid", "XSD-FACET"),
    ("cvc-enumeration-valid", "XSD-FACET"),
    ("cvc-length-valid", "XSD-FACET"),
    ("cvc-minLength-valid", "XSD-FACET"),
    ("cvc-maxLength-valid", "XSD-FACET"),
    ("cvc-complex-type.2.2", "XSD-CONTENT"),
    ("cvc-complex-type.2.4", "XSD-ORDER"),
    ("cvc-complex-type.4", "XSD-ATTRIBUTE"),
    ("cvc-elt.1", "XSD-NAMESPACE"),
];

/// The structural rule of ours that reports the violation an `ERR_XSD`
/// label describes (`IRRECEVABILITE: cvc-datatype-valid.1.2.1: …`), when
/// the Xerces key is one we know. `cvc-complex-type.2.4` (an unexpected
/// element) may be `XSD-ORDER`, `XSD-UNKNOWN` or `XSD-CARDINALITY` in our
/// terms; it maps to `XSD-ORDER`.
///
/// ```
/// use facture::chorus::rule_mapping::xsd_rule_for_label;
/// let label = "IRRECEVABILITE: cvc-datatype-valid.1.2.1: '-1 324,60' is not a valid value for 'decimal'.";
/// assert_eq!(xsd_rule_for_label(label), Some("XSD-DATATYPE"));
/// ```
pub fn xsd_rule_for_label(label: &str) -> Option<&'static str> {
    XERCES
        .iter()
        .find(|(key, _)| label.contains(key))
        .map(|(_, rule)| *rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_the_messages_seen_live() {
        for (message, rule) in [
            (
                "L'element FichierXml.SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement.SpecifiedTradeSettlementPaymentMeans.TypeCode.value est obligatoire.",
                "CPP-PAYMENT-MEANS-MISSING",
            ),
            (
                "Le champ identifiant de la facture (FichierXml.ExchangedDocument.ID.value) ne doit pas depasser 20 caracteres",
                "G1.05",
            ),
            (
                "Le champ (FichierXml.SupplyChainTradeTransaction.ApplicableHeaderTradeAgreement.BuyerReference.value) doit etre alphanumerique",
                "CPP-SERVICE-CODE-CHARSET",
            ),
            (
                "The legal commitment (FichierXml.SupplyChainTradeTransaction.ApplicableHeaderTradeAgreement.BuyerReference.value) est obligatoire",
                "CPP-SERVICE-CODE-REQUIRED",
            ),
            (
                "L'element FichierXml.SupplyChainTradeTransaction.ApplicableHeaderTradeAgreement.BuyerOrderReferencedDocument.IssuerAssignedID.value est obligatoire",
                "CPP-ENGAGEMENT-REQUIRED",
            ),
            (
                "L'element FichierXml.PaymentMeans.PaymentMeansCode.value est obligatoire.",
                "CPP-PAYMENT-MEANS-MISSING",
            ),
        ] {
            assert_eq!(rule_for_message(message), Some(rule), "{message}");
        }
    }

    #[test]
    fn unknown_messages_map_to_nothing() {
        for message in [
            "",
            "Destinataire non trouve ou inactif",
            "L'element FichierXml.Foo.value est obligatoire",
            "(FichierXml.ExchangedDocument.ID.value) sans verbe",
        ] {
            assert_eq!(rule_for_message(message), None, "{message}");
        }
        assert_eq!(
            rule_family_for_technical(Some("ERR_XSD"), None),
            Some("XSD")
        );
        assert_eq!(
            rule_family_for_technical(None, Some("ERR_XSD_001")),
            Some("XSD")
        );
        assert_eq!(rule_family_for_technical(Some("ERR_AUTRE"), None), None);
        assert_eq!(
            xsd_rule_for_label(
                "cvc-complex-type.2.2: Element 'ram:Content' must have no element [children]"
            ),
            Some("XSD-CONTENT")
        );
        assert_eq!(xsd_rule_for_label("autre chose"), None);
        for (_, rule) in XERCES {
            assert!(catalogue::rule(rule).is_some(), "{rule} not catalogued");
        }
    }

    #[test]
    fn every_platform_message_maps_back_to_its_rule() {
        for r in catalogue::all().iter().filter(|r| r.set() == "chorus-pro") {
            for p in [r.platform_ubl(), r.platform_cii()].into_iter().flatten() {
                assert_eq!(rule_for_message(p), Some(r.id()), "{p}");
            }
        }
    }
}
