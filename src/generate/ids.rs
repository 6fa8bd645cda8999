//! Identifiers with valid check digits: SIREN / SIRET (Luhn), VAT
//! identifiers of a few countries, IBAN (ISO 13616, mod 97), SEPA creditor
//! identifiers, GTIN / GLN (GS1 mod 10).
//!
//! Each function derives the identifier from a number drawn by the plan, so
//! the same plan always builds the same identifiers.

/// The Luhn check digit that makes `digits` followed by it Luhn-valid.
fn luhn_check_digit(digits: &str) -> u32 {
    // Doubling starts from the rightmost digit of `digits` (the check digit
    // will sit to its right, in an undoubled position).
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// Whether a string of digits passes the Luhn check.
#[cfg(test)]
pub(crate) fn luhn_valid(digits: &str) -> bool {
    match digits.len().checked_sub(1) {
        Some(last) if digits.bytes().all(|b| b.is_ascii_digit()) => {
            let (body, check) = digits.split_at(last);
            check.parse::<u32>().ok() == Some(luhn_check_digit(body))
        }
        _ => false,
    }
}

/// A SIREN (9 digits, Luhn) from `n`.
pub fn siren(n: u32) -> String {
    // Leading digit 1–9: a SIREN never starts with 0 in practice.
    let body = format!("{}{:07}", 1 + n % 9, (n / 9) % 10_000_000);
    let check = luhn_check_digit(&body);
    format!("{body}{check}")
}

/// A SIRET (the SIREN and a 5-digit establishment number, Luhn over the 14
/// digits) for establishment `nic` of `siren`.
pub fn siret(siren: &str, nic: u32) -> String {
    let body = format!("{siren}{:04}", nic % 10_000);
    let check = luhn_check_digit(&body);
    format!("{body}{check}")
}

/// The French VAT identifier of a SIREN: `FR`, the key
/// `(12 + 3 × (SIREN mod 97)) mod 97` on two digits, the SIREN.
pub fn fr_vat(siren: &str) -> String {
    let n: u64 = siren.parse().unwrap_or(0);
    let key = (12 + 3 * (n % 97)) % 97;
    format!("FR{key:02}{siren}")
}

/// A German VAT identifier: `DE`, 8 digits, an ISO 7064 MOD 11,10 check digit.
pub fn de_vat(n: u32) -> String {
    let body = format!("{}{:07}", 1 + n % 9, (n / 9) % 10_000_000);
    let mut product = 10u32;
    for b in body.bytes() {
        let mut sum = (u32::from(b - b'0') + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    let check = match 11 - product {
        10 => 0,
        c => c,
    };
    format!("DE{body}{check}")
}

/// A Belgian VAT identifier: `BE0`, 7 digits, the two check digits
/// `97 − (first 8 digits mod 97)`.
pub fn be_vat(n: u32) -> String {
    let body = format!("0{}{:06}", 2 + n % 8, (n / 8) % 1_000_000);
    let value: u32 = body.parse().unwrap_or(0);
    let check = 97 - value % 97;
    format!("BE{body}{check:02}")
}

/// An Italian VAT identifier (partita IVA): `IT`, 10 digits, a Luhn digit.
pub fn it_vat(n: u32) -> String {
    let body = format!("{:07}{:03}", n % 10_000_000, 1 + (n / 7) % 100);
    let check = luhn_check_digit(&body);
    format!("IT{body}{check}")
}

/// A Spanish VAT identifier of a limited company (CIF): `ESB`, 7 digits,
/// the CIF control digit.
pub fn es_vat(n: u32) -> String {
    let body = format!("{:07}", n % 10_000_000);
    let mut total = 0u32;
    for (i, b) in body.bytes().enumerate() {
        let d = u32::from(b - b'0');
        total += if i % 2 == 0 {
            let doubled = d * 2;
            doubled / 10 + doubled % 10
        } else {
            d
        };
    }
    let control = (10 - total % 10) % 10;
    format!("ESB{body}{control}")
}

/// A Swiss enterprise identifier with its VAT suffix (`CHE-123.456.789 MWST`),
/// check digit mod 11 with weights 5 4 3 2 7 6 5 4.
pub fn ch_vat(n: u32) -> String {
    let mut base = n % 100_000_000;
    loop {
        let digits = format!("{base:08}");
        let weighted: u32 = digits
            .bytes()
            .zip([5u32, 4, 3, 2, 7, 6, 5, 4])
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        let check = (11 - weighted % 11) % 11;
        if check != 10 {
            let all = format!("{digits}{check}");
            let (a, rest) = all.split_at(3);
            let (b, c) = rest.split_at(3);
            return format!("CHE-{a}.{b}.{c} MWST");
        }
        base = (base + 1) % 100_000_000;
    }
}

/// `value mod 97` of a string of digits and upper-case letters, letters
/// counting as 10…35 (ISO 7064 MOD 97-10 as IBANs use it).
fn mod97(text: &str) -> u32 {
    let mut rem = 0u32;
    for c in text.chars() {
        let v = c.to_digit(36).unwrap_or(0);
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem
}

/// An IBAN for `country` and its national account number (BBAN): the two
/// check digits make the whole `≡ 1 (mod 97)`.
fn iban(country: &str, bban: &str) -> String {
    let check = 98 - mod97(&format!("{bban}{country}00"));
    format!("{country}{check:02}{bban}")
}

/// A French IBAN (`FR76…`-style): bank, branch, account and RIB key.
pub fn fr_iban(n: u32) -> String {
    let bank = 10_000 + n % 89_999;
    let branch = (n / 7) % 100_000;
    let account = u64::from(n) * 7919 % 100_000_000_000;
    let key = 97 - (89 * u64::from(bank) + 15 * u64::from(branch) + 3 * account) % 97;
    iban("FR", &format!("{bank:05}{branch:05}{account:011}{key:02}"))
}

/// A German IBAN: bank code (BLZ) and account number.
pub fn de_iban(n: u32) -> String {
    let blz = 10_000_000 + n % 89_999_999;
    let account = u64::from(n) * 104_729 % 10_000_000_000;
    iban("DE", &format!("{blz:08}{account:010}"))
}

/// Whether an IBAN's check digits are right.
#[cfg(test)]
pub(crate) fn iban_valid(iban: &str) -> bool {
    iban.len() > 4 && {
        let (head, bban) = iban.split_at(4);
        mod97(&format!("{bban}{head}")) == 1
    }
}

/// A French SEPA creditor identifier (`FRkkZZZnnnnnn`), its check digits
/// computed like an IBAN's over the national part.
pub fn fr_sepa_creditor_id(n: u32) -> String {
    let national = format!("{:06}", n % 1_000_000);
    let check = 98 - mod97(&format!("{national}FR00"));
    format!("FR{check:02}ZZZ{national}")
}

/// A 13-digit GS1 key (GTIN-13 or GLN) with its mod-10 check digit.
pub fn gs1_13(prefix: &str, n: u64) -> String {
    let width = 12usize.saturating_sub(prefix.len());
    let modulus = 10u64.pow(u32::try_from(width).unwrap_or(0));
    let body = format!("{prefix}{:0width$}", n % modulus.max(1));
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siren_and_siret_are_luhn_valid() {
        for n in [0, 1, 7, 123_456, 99_999_999, u32::MAX] {
            let siren = siren(n);
            assert_eq!(siren.len(), 9);
            assert!(luhn_valid(&siren), "{siren}");
            for nic in [1, 12, 9999] {
                let siret = siret(&siren, nic);
                assert_eq!(siret.len(), 14);
                assert!(luhn_valid(&siret), "{siret}");
                assert!(siret.starts_with(&siren));
            }
        }
        // Known values: La Poste's SIREN and a published SIRET.
        assert!(luhn_valid("356000000"));
        assert!(luhn_valid("73282932000074"));
        assert!(!luhn_valid("73282932000075"));
    }

    #[test]
    fn vat_identifiers_have_their_check_digits() {
        // Known French key: SIREN 404833048 has VAT FR83404833048.
        assert_eq!(fr_vat("404833048"), "FR83404833048");
        // Known German VAT id: DE136695976 (check digit 6).
        let mut product = 10u32;
        for b in "13669597".bytes() {
            let mut s = (u32::from(b - b'0') + product) % 10;
            if s == 0 {
                s = 10;
            }
            product = (2 * s) % 11;
        }
        assert_eq!(11 - product, 6);
        let be = be_vat(42);
        let digits: u32 = be[2..10].parse().unwrap_or(0);
        let check: u32 = be[10..].parse().unwrap_or(0);
        assert_eq!(97 - digits % 97, check);
        assert!(luhn_valid(&it_vat(5)[2..]));
        assert_eq!(es_vat(0).len(), 11);
        // Known CIF: B12345674.
        assert_eq!(es_vat(1_234_567), "ESB12345674");
        assert!(ch_vat(3).starts_with("CHE-"));
    }

    #[test]
    fn ibans_and_creditor_ids_are_mod97_valid() {
        assert!(iban_valid("FR7630006000011234567890189"));
        assert!(!iban_valid("FR7630006000011234567890188"));
        for n in [0, 1, 55, 123_456_789, u32::MAX] {
            let fr = fr_iban(n);
            assert_eq!(fr.len(), 27, "{fr}");
            assert!(iban_valid(&fr), "{fr}");
            assert!(iban_valid(&de_iban(n)));
        }
        let creditor = fr_sepa_creditor_id(123_456);
        assert_eq!(mod97(&format!("123456{}", &creditor[..4])), 1);
    }

    #[test]
    fn gs1_check_digit() {
        // Known GTIN-13: 4006381333931.
        assert_eq!(gs1_13("400638", 133_393), "4006381333931");
        assert_eq!(gs1_13("301", 5).len(), 13);
    }
}
