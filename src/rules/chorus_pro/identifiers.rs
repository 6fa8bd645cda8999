//! The parties' identifiers as Chorus Pro reads them: the public buyer by
//! its SIRET, the supplier by the identifier of its type (1 SIRET, 2 EU VAT
//! number, 3 outside the EU, 4–7 other registers).

use super::Context;
use crate::model::{IdentifierType, Invoice, Term, TermPath, is_siret_shaped, is_valid_siret};
use crate::rules::engine::{Checker, ChorusFamily};

pub(crate) const FAMILY: ChorusFamily = ChorusFamily {
    ids: &[
        "CPP-BUYER-ID",
        "CPP-BUYER-SIRET",
        "CPP-BUYER-SIRET-KEY",
        "CPP-SELLER-ID",
        "CPP-SELLER-SIRET",
        "CPP-SELLER-SIRET-KEY",
        "CPP-SELLER-EU-VAT",
        "CPP-SELLER-OUTSIDE-EU",
    ],
    needs_recipient: false,
    check,
};

/// EU member states other than France, with the prefix of their VAT
/// numbers (Greece is `EL`; `XI` is Northern Ireland for goods).
const EU_VAT_PREFIXES: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "HR", "HU", "IE", "IT", "LT",
    "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
];

/// EU member states (ISO 3166-1), France and its overseas departments
/// included.
const EU_COUNTRIES: [&str; 32] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "GP", "MQ", "GF", "RE", "YT",
];

/// Whether `value` looks like the VAT number of an EU member state other
/// than France: its prefix, then 2 to 12 letters or digits.
fn is_foreign_eu_vat(value: &str) -> bool {
    let value = value.trim();
    let Some((prefix, rest)) = value.split_at_checked(2) else {
        return false;
    };
    EU_VAT_PREFIXES.contains(&prefix)
        && (2..=12).contains(&rest.len())
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'*')
}

fn check(inv: &Invoice, _cx: &Context<'_>, out: &mut Checker<'_>) {
    buyer(inv, out);
    seller(inv, out);
}

fn buyer(inv: &Invoice, out: &mut Checker<'_>) {
    let Some(id) = inv.chorus_buyer_identifier() else {
        out.fire("CPP-BUYER-ID", TermPath::of(Term::bg(7)));
        return;
    };
    let declared_other = id.kind.is_some_and(|k| k != IdentifierType::Siret);
    if declared_other || !is_siret_shaped(id.value) {
        out.fire("CPP-BUYER-SIRET", id.term);
    } else if !is_valid_siret(id.value) {
        out.fire("CPP-BUYER-SIRET-KEY", id.term);
    }
}

fn seller(inv: &Invoice, out: &mut Checker<'_>) {
    let country = inv
        .seller
        .address
        .as_ref()
        .and_then(|a| a.country.as_ref())
        .map(|c| c.code().to_owned());
    let Some(id) = inv.chorus_supplier_identifier() else {
        out.fire("CPP-SELLER-ID", TermPath::of(Term::bg(4)));
        return;
    };
    let french = country.as_deref().is_none_or(|c| c == "FR");
    match id.kind {
        Some(IdentifierType::Siret) => siret(id.value, id.term, out),
        None if french => siret(id.value, id.term, out),
        Some(IdentifierType::EuOutsideFrance) if !is_foreign_eu_vat(id.value) => {
            out.fire("CPP-SELLER-EU-VAT", id.term);
        }
        Some(IdentifierType::OutsideEu)
            if country
                .as_deref()
                .is_some_and(|c| EU_COUNTRIES.contains(&c)) =>
        {
            out.fire(
                "CPP-SELLER-OUTSIDE-EU",
                TermPath::of(Term::bg(4))
                    .child(Term::bg(5))
                    .child(Term::bt(40)),
            );
        }
        _ => {}
    }
}

fn siret(value: &str, term: TermPath, out: &mut Checker<'_>) {
    if !is_siret_shaped(value) {
        out.fire("CPP-SELLER-SIRET", term);
    } else if !is_valid_siret(value) {
        out.fire("CPP-SELLER-SIRET-KEY", term);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eu_vat_numbers() {
        assert!(is_foreign_eu_vat("DE123456789"));
        assert!(is_foreign_eu_vat("EL123456789"));
        assert!(!is_foreign_eu_vat("FR12345678901"));
        assert!(!is_foreign_eu_vat("GB123456789"));
        assert!(!is_foreign_eu_vat("DE"));
        assert!(!is_foreign_eu_vat("D"));
        assert!(!is_foreign_eu_vat("DE12-456"));
    }
}
