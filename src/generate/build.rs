//! From a [`Plan`] to a complete invoice: parties with valid identifiers,
//! lines priced from their quantity and unit price, and every total, VAT
//! breakdown and rounding computed the way EN 16931 checks them.

use super::Options;
use super::ids;
use super::plan::{AllowanceChargePlan, LinePlan, PartyPlan, Plan};
use super::tables::{self, Category, Country, Scenario};
use crate::model::*;
use chrono::Days;
use rust_decimal::RoundingStrategy;

/// An amount rounded half away from zero to exactly two decimals.
pub(super) fn money(x: Decimal) -> Decimal {
    let mut r = x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

fn cents(n: u32) -> Decimal {
    Decimal::new(i64::from(n), 2)
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap_or_default()
}

fn pick<T>(items: &[T], index: impl Into<u64>) -> Option<&T> {
    let len = u64::try_from(items.len()).ok().filter(|&l| l > 0)?;
    items.get(usize::try_from(index.into() % len).ok()?)
}

fn pick_str(items: &[&'static str], index: impl Into<u64>) -> &'static str {
    pick(items, index).copied().unwrap_or_default()
}

/// The scenarios a generation may use.
pub(super) fn scenarios(options: &Options) -> Vec<&'static Scenario> {
    tables::SCENARIOS
        .iter()
        .filter(|s| !options.chorus_pro || s.buyer == Country::Fr)
        .collect()
}

/// The scenario of a plan.
pub(super) fn scenario_of(plan: &Plan, options: &Options) -> &'static Scenario {
    let all = scenarios(options);
    pick(&all, plan.scenario)
        .copied()
        .unwrap_or(&tables::SCENARIOS[0])
}

fn issue_date(plan: &Plan) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    start
        .checked_add_days(Days::new(u64::from(plan.day)))
        .unwrap_or(start)
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn sub_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

/// The previous calendar month of a date.
fn previous_month(date: NaiveDate) -> Period {
    use chrono::Datelike;
    let first = date.with_day(1).unwrap_or(date);
    let end = sub_days(first, 1);
    let start = end.with_day(1).unwrap_or(end);
    Period {
        start: Some(start),
        end: Some(end),
    }
}

fn invoice_number(plan: &Plan, year: i32, credit: bool) -> String {
    let prefix = if credit { "AV" } else { "F" };
    let n = plan.sequence;
    match plan.number_style % 3 {
        0 => format!("{prefix}{year}-{n:05}"),
        1 => format!("{prefix}/{year}/{n:05}"),
        _ => format!("{prefix}_{year}_{n}"),
    }
}

/// A lower-case slug of a company name, for e-mail addresses.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = match c {
            'é' | 'è' | 'ê' | 'É' => 'e',
            'à' | 'á' => 'a',
            'ü' | 'ú' => 'u',
            'í' => 'i',
            'ç' => 'c',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(24).collect()
}

fn tld(country: Country) -> &'static str {
    match country {
        Country::Fr => "fr",
        Country::De => "de",
        Country::Be => "be",
        Country::It => "it",
        Country::EsCanary | Country::EsCeuta => "es",
        Country::Ch => "ch",
        Country::Us => "com",
        Country::Gb => "co.uk",
    }
}

fn address(country: Country, place: u8) -> PostalAddress {
    let places = country.places();
    let (city, post_code, subdivision, street) = pick(places, place).copied().unwrap_or_default();
    PostalAddress {
        line1: Some(street.to_owned()),
        line2: (place % 3 == 1).then(|| "Bâtiment B".to_owned()),
        line3: None,
        city: Some(city.to_owned()),
        post_code: Some(post_code.to_owned()),
        country_subdivision: subdivision.map(str::to_owned),
        country: Some(CountryCode::from(country.code())),
    }
}

fn contact(name: &str, country: Country, number: u32) -> Contact {
    let people = [
        "Service comptabilité",
        "Claire Martin",
        "Jonas Weber",
        "Ana García",
    ];
    Contact {
        name: Some(pick_str(&people, number).to_owned()),
        telephone: Some(format!(
            "+33 1 {:02} {:02} {:02} {:02}",
            number % 100,
            (number / 100) % 100,
            (number / 10_000) % 100,
            (number / 1_000_000) % 100
        )),
        email: Some(format!("compta@{}.{}", slug(name), tld(country))),
    }
}

/// What identifies a party: its French SIREN / SIRET, or its foreign VAT
/// identifier and registration.
struct PartyIds {
    siren: String,
    siret: String,
    vat: Option<String>,
}

fn party_ids(country: Country, p: &PartyPlan) -> PartyIds {
    let siren = ids::siren(p.number);
    let siret = ids::siret(&siren, 1 + (p.number / 7) % 999);
    let vat = country.vat_id(p.number, &siren);
    PartyIds { siren, siret, vat }
}

/// The electronic address of a party (BT-34 / BT-49), with its EAS scheme.
fn electronic_address(
    country: Country,
    p: &PartyPlan,
    ids: &PartyIds,
    name: &str,
    has_vat: bool,
) -> Identifier {
    let email =
        || Identifier::with_scheme(format!("factures@{}.{}", slug(name), tld(country)), "EM");
    match (p.address_kind % 3, country) {
        (0, Country::Fr) => Identifier::with_scheme(ids.siret.clone(), "0009"),
        (1, Country::Fr) if has_vat => {
            Identifier::with_scheme(ids.vat.clone().unwrap_or_default(), "9957")
        }
        (0, Country::De) => Identifier::with_scheme(ids.vat.clone().unwrap_or_default(), "9930"),
        (0, Country::Be) => Identifier::with_scheme(
            ids.vat
                .as_deref()
                .unwrap_or_default()
                .trim_start_matches("BE")
                .to_owned(),
            "0208",
        ),
        (0, Country::It) => Identifier::with_scheme(ids.vat.clone().unwrap_or_default(), "0211"),
        (0, Country::EsCanary | Country::EsCeuta) => {
            Identifier::with_scheme(ids.vat.clone().unwrap_or_default(), "9920")
        }
        _ => email(),
    }
}

fn seller(scenario: &Scenario, p: &PartyPlan) -> Seller {
    let country = scenario.seller;
    let name = pick_str(country.companies(), p.name);
    let ids = party_ids(country, p);
    let has_vat = !scenario.seller_without_vat;
    let mut seller = Seller {
        name: Some(name.to_owned()),
        vat_id: if has_vat { ids.vat.clone() } else { None },
        address: Some(address(country, p.place)),
        contact: p.contact.then(|| contact(name, country, p.number)),
        ..Seller::default()
    };
    match country {
        Country::Fr => {
            seller
                .identifiers
                .push(Identifier::with_scheme(ids.siret.clone(), "0009"));
            seller.legal_registration_id = Some(Identifier::with_scheme(ids.siren.clone(), "0002"));
            seller.additional_legal_info = p
                .more_ids
                .then(|| format!("SAS au capital de {} €", 1_000 * (1 + p.number % 90)));
        }
        Country::Be => {
            let number = ids
                .vat
                .as_deref()
                .unwrap_or_default()
                .trim_start_matches("BE");
            seller.legal_registration_id = Some(Identifier::with_scheme(number, "0208"));
        }
        Country::De => {
            seller.legal_registration_id = Some(Identifier::new(format!(
                "HRB {}",
                10_000 + p.number % 90_000
            )));
        }
        Country::It => {
            seller.legal_registration_id = Some(Identifier::new(format!(
                "REA MI-{}",
                100_000 + p.number % 900_000
            )));
        }
        Country::EsCanary | Country::EsCeuta => {
            seller.legal_registration_id = Some(Identifier::new(format!(
                "Registro Mercantil, hoja {}",
                1_000 + p.number % 9_000
            )));
        }
        _ => {}
    }
    if p.more_ids {
        seller.trading_name = name.split_whitespace().next().map(str::to_owned);
        seller.identifiers.push(Identifier::with_scheme(
            ids::gs1_13("301", u64::from(p.number)),
            "0088",
        ));
    }
    seller.electronic_address = Some(electronic_address(country, p, &ids, name, has_vat));
    seller
}

fn buyer(scenario: &Scenario, p: &PartyPlan, options: &Options) -> Buyer {
    let country = scenario.buyer;
    let public = options.chorus_pro;
    let name = if public {
        pick_str(tables::PUBLIC_BUYERS, p.name)
    } else {
        pick_str(country.companies(), u32::from(p.name) + 1)
    };
    let ids = party_ids(country, p);
    let with_vat =
        !scenario.seller_without_vat && (scenario.buyer_needs_vat || (p.more_ids && !public));
    let mut buyer = Buyer {
        name: Some(name.to_owned()),
        vat_id: if with_vat { ids.vat.clone() } else { None },
        address: Some(address(country, p.place.wrapping_add(1))),
        contact: p.contact.then(|| contact(name, country, p.number)),
        ..Buyer::default()
    };
    if country == Country::Fr {
        let scheme = if public {
            options.chorus_buyer_scheme.as_str()
        } else {
            "0009"
        };
        buyer.legal_registration_id = Some(Identifier::with_scheme(ids.siret.clone(), scheme));
        if public {
            buyer.identifier = Some(Identifier::with_scheme(ids.siret.clone(), scheme));
        }
    }
    if p.more_ids && !public {
        buyer.trading_name = name.split_whitespace().next().map(str::to_owned);
        buyer.identifier = Some(Identifier::with_scheme(
            ids::gs1_13("302", u64::from(p.number)),
            "0088",
        ));
    }
    buyer.electronic_address = Some(electronic_address(country, p, &ids, name, with_vat));
    buyer
}

/// A line before the document-level computations: its VAT key and amounts.
struct Built {
    line: InvoiceLine,
    category: &'static Category,
    rate: Option<Decimal>,
    net: Decimal,
}

fn line(scenario: &Scenario, plan: &LinePlan, index: usize, period: &Period, po: bool) -> Built {
    let item = pick(tables::ITEMS, plan.item).unwrap_or(&tables::ITEMS[0]);
    let category = pick(scenario.categories, plan.category).unwrap_or(&scenario.categories[0]);
    let rate = pick(category.rates, plan.rate).map(|r| dec(r));

    // Quantity: whole units, or with one or two decimals (2.5 hours).
    let units = 1 + plan.quantity % 40;
    let decimals = u32::from(plan.quantity_decimals % 3);
    let fraction = (plan.quantity / 40) % 10u32.pow(decimals);
    let mut quantity = Decimal::new(i64::from(units * 10u32.pow(decimals) + fraction), decimals);
    let per_hundred = item.per_hundred && plan.fine_price;
    if per_hundred {
        quantity = Decimal::from(units * 100);
    }

    // Unit price in the item's range, sometimes with four decimals.
    let (lo, hi) = item.cents;
    let span = hi.saturating_sub(lo) + 1;
    let price_cents = lo + plan.price % span;
    let gross_price = if plan.fine_price && !per_hundred {
        Decimal::new(
            i64::from(price_cents) * 100 + i64::from(plan.price % 100),
            4,
        )
    } else {
        cents(price_cents)
    };
    let discount = plan
        .discount
        .map(|pct| money(gross_price * Decimal::from(pct) / Decimal::ONE_HUNDRED));
    let net_price = discount.map_or(gross_price, |d| gross_price - d);
    let base_quantity = per_hundred.then(|| Decimal::from(100));
    let gross_amount = money(quantity * net_price / base_quantity.unwrap_or(Decimal::ONE));

    let mut line = InvoiceLine {
        id: Some((index + 1).to_string()),
        quantity: Some(quantity),
        unit_code: Some(UnitCode::from(item.unit)),
        price: Some(PriceDetails {
            net_price: Some(net_price),
            discount,
            gross_price: discount.map(|_| gross_price),
            base_quantity,
            base_quantity_unit: base_quantity.map(|_| UnitCode::from(item.unit)),
        }),
        vat: Some(LineVat {
            category: Some(VatCategoryCode::from(category.code)),
            rate,
            tax_scheme: None,
        }),
        item: Some(Item {
            name: Some(item.name.to_owned()),
            ..Item::default()
        }),
        ..InvoiceLine::default()
    };
    let mut net = gross_amount;
    if let Some((reason, pct)) = plan.allowance {
        let (code, text) = pick(tables::ALLOWANCE_REASONS, reason)
            .copied()
            .unwrap_or_default();
        let amount = money(gross_amount * Decimal::from(pct) / Decimal::ONE_HUNDRED);
        net -= amount;
        line.allowances.push(LineAllowance {
            amount: Some(amount),
            base_amount: Some(gross_amount),
            percentage: Some(Decimal::from(pct)),
            reason: Some(text.to_owned()),
            reason_code: Some(AllowanceReasonCode::from(code)),
        });
    }
    if let Some((reason, charge_cents)) = plan.charge {
        let (code, text) = pick(tables::CHARGE_REASONS, reason)
            .copied()
            .unwrap_or_default();
        let amount = cents(charge_cents % 5_000 + 100);
        net += amount;
        line.charges.push(LineCharge {
            amount: Some(amount),
            reason: (reason % 2 == 0).then(|| text.to_owned()),
            reason_code: Some(ChargeReasonCode::from(code)),
            ..LineCharge::default()
        });
    }
    line.net_amount = Some(money(net));
    if plan.details {
        line.note = Some(format!("Réf. chantier n° {}", 100 + plan.price % 900));
        line.period = Some(period.clone());
        line.order_line_reference = po.then(|| (index + 1).to_string());
        if let Some(item_info) = line.item.as_mut() {
            item_info.description = Some(format!("{} – lot {}", item.name, 1 + plan.quantity % 9));
            item_info.seller_id = Some(format!("REF-{:05}", plan.price));
            item_info.standard_id = Some(Identifier::with_scheme(
                ids::gs1_13("376", u64::from(plan.price)),
                "0160",
            ));
            if let Some(cpv) = item.cpv {
                item_info.classifications.push(ClassificationIdentifier {
                    value: cpv.to_owned(),
                    scheme: Some("STI".to_owned()),
                    scheme_version: None,
                });
            }
            item_info.origin_country = Some(CountryCode::from(scenario.seller.code()));
            item_info.attributes.push(ItemAttribute {
                name: Some("Couleur".to_owned()),
                value: Some(["Bleu", "Noir", "Vert"][usize::from(plan.item % 3)].to_owned()),
            });
        }
    }
    Built {
        line,
        category,
        rate,
        net: money(net),
    }
}

/// The VAT key of a line, allowance or charge: category and rate.
type Key = (&'static str, Option<Decimal>);

/// One VAT breakdown being summed.
struct Bucket {
    key: Key,
    category: &'static Category,
    taxable: Decimal,
}

fn bucket<'b>(
    buckets: &'b mut Vec<Bucket>,
    category: &'static Category,
    rate: Option<Decimal>,
) -> Option<&'b mut Bucket> {
    let key = (category.code, rate);
    if !buckets.iter().any(|b| b.key == key) {
        buckets.push(Bucket {
            key,
            category,
            taxable: Decimal::ZERO,
        });
    }
    buckets.iter_mut().find(|b| b.key == key)
}

fn document_allowance(
    plan: &AllowanceChargePlan,
    built: &[Built],
) -> Option<(DocumentAllowance, &'static Category, Option<Decimal>)> {
    let of_line = pick(built, plan.line)?;
    let base: Decimal = built
        .iter()
        .filter(|b| b.category.code == of_line.category.code && b.rate == of_line.rate)
        .map(|b| b.net)
        .sum();
    let pct = Decimal::from(1 + plan.size % 10);
    let amount = money(base * pct / Decimal::ONE_HUNDRED);
    if amount <= Decimal::ZERO {
        return None;
    }
    let (code, text) = pick(tables::ALLOWANCE_REASONS, plan.reason)
        .copied()
        .unwrap_or_default();
    let allowance = DocumentAllowance {
        amount: Some(amount),
        base_amount: plan.with_base.then_some(base),
        percentage: plan.with_base.then_some(pct),
        vat_category: Some(VatCategoryCode::from(of_line.category.code)),
        vat_rate: of_line.rate,
        tax_scheme: None,
        reason: (plan.form % 3 != 1).then(|| text.to_owned()),
        reason_code: (plan.form % 3 != 2).then(|| AllowanceReasonCode::from(code)),
    };
    Some((allowance, of_line.category, of_line.rate))
}

fn document_charge(
    plan: &AllowanceChargePlan,
    built: &[Built],
) -> Option<(DocumentCharge, &'static Category, Option<Decimal>)> {
    let of_line = pick(built, plan.line)?;
    let amount = cents(plan.size.max(1));
    let (code, text) = pick(tables::CHARGE_REASONS, plan.reason)
        .copied()
        .unwrap_or_default();
    let charge = DocumentCharge {
        amount: Some(amount),
        base_amount: None,
        percentage: None,
        vat_category: Some(VatCategoryCode::from(of_line.category.code)),
        vat_rate: of_line.rate,
        tax_scheme: None,
        reason: (plan.form % 3 != 1).then(|| text.to_owned()),
        reason_code: (plan.form % 3 != 2).then(|| ChargeReasonCode::from(code)),
    };
    Some((charge, of_line.category, of_line.rate))
}

fn payment(
    plan: &Plan,
    scenario: &Scenario,
    options: &Options,
    remittance: &str,
) -> Option<PaymentInstructions> {
    let seller_country = scenario.seller;
    let iban = if seller_country == Country::De {
        ids::de_iban(plan.seller.number)
    } else {
        ids::fr_iban(plan.seller.number)
    };
    let bic = tables::BICS
        .iter()
        .filter(|(c, _)| *c == iban.get(..2).unwrap_or_default())
        .map(|(_, b)| *b)
        .nth(usize::try_from(plan.seller.number % 2).unwrap_or(0));
    let transfer = CreditTransfer {
        account_id: Some(iban.clone()),
        account_name: pick(seller_country.companies(), plan.seller.name).map(|s| (*s).to_owned()),
        service_provider_id: bic.map(str::to_owned),
    };
    // Chorus Pro uses neither SEPA codes 58/59 nor direct debits (BG-19),
    // and wants a payment means on every invoice.
    let choice = if options.chorus_pro {
        [0, 4][usize::from(plan.extras.payment % 2)]
    } else {
        plan.extras.payment % 6
    };
    let means = |code: &str, text: Option<&str>| PaymentInstructions {
        means_code: Some(PaymentMeansCode::from(code)),
        means_text: text.map(str::to_owned),
        remittance_information: Some(remittance.to_owned()),
        ..PaymentInstructions::default()
    };
    match choice {
        0 => Some(PaymentInstructions {
            credit_transfers: vec![transfer],
            ..means("30", Some("Virement"))
        }),
        1 => Some(PaymentInstructions {
            credit_transfers: vec![transfer],
            ..means("58", Some("SEPA credit transfer"))
        }),
        2 => Some(PaymentInstructions {
            direct_debit: Some(DirectDebit {
                mandate_reference: Some(format!("MANDAT-{:06}", plan.buyer.number % 1_000_000)),
                creditor_id: Some(ids::fr_sepa_creditor_id(plan.seller.number)),
                debited_account_id: Some(ids::fr_iban(plan.buyer.number)),
            }),
            ..means("59", Some("Prélèvement SEPA"))
        }),
        3 => Some(PaymentInstructions {
            card: Some(PaymentCard {
                primary_account_number: Some(format!("{:04}", plan.buyer.number % 10_000)),
                holder_name: Some("C. MARTIN".to_owned()),
            }),
            ..means("48", Some("Carte bancaire"))
        }),
        4 => Some(PaymentInstructions {
            credit_transfers: vec![transfer],
            ..means("42", Some("Paiement sur compte bancaire"))
        }),
        _ => None,
    }
}

impl Plan {
    /// Builds the invoice this plan describes: valid against EN 16931 (and,
    /// with [`Options::chorus_pro`], shaped for Chorus Pro).
    pub fn build(&self, options: &Options) -> Invoice {
        let scenario = scenario_of(self, options);
        let issue = issue_date(self);
        let year = chrono::Datelike::year(&issue);
        let credit = self.credit_note;
        let extras = &self.extras;
        let period = previous_month(issue);
        let po = extras.references || options.chorus_pro;

        let built: Vec<Built> = self
            .lines
            .iter()
            .take(super::plan::MAX_LINES)
            .enumerate()
            .map(|(i, l)| line(scenario, l, i, &period, po))
            .collect();

        // VAT breakdowns, in order of first use.
        let mut buckets: Vec<Bucket> = Vec::new();
        for b in &built {
            if let Some(bucket) = bucket(&mut buckets, b.category, b.rate) {
                bucket.taxable += b.net;
            }
        }
        let mut allowances = Vec::new();
        for plan in self.allowances.iter().take(super::plan::MAX_ALLOWANCES) {
            if let Some((a, category, rate)) = document_allowance(plan, &built) {
                if let (Some(bucket), Some(amount)) =
                    (bucket(&mut buckets, category, rate), a.amount)
                {
                    bucket.taxable -= amount;
                }
                allowances.push(a);
            }
        }
        let mut charges = Vec::new();
        for plan in self.charges.iter().take(super::plan::MAX_ALLOWANCES) {
            if let Some((c, category, rate)) = document_charge(plan, &built) {
                if let (Some(bucket), Some(amount)) =
                    (bucket(&mut buckets, category, rate), c.amount)
                {
                    bucket.taxable += amount;
                }
                charges.push(c);
            }
        }
        let exemption_form = extras.exemption % 3;
        let vat_breakdown: Vec<VatBreakdown> = buckets
            .iter()
            .map(|b| {
                let tax = b.key.1.map_or(Decimal::ZERO, |rate| {
                    money(b.taxable * rate / Decimal::ONE_HUNDRED)
                });
                let exemption = pick(b.category.exemptions, extras.exemption);
                VatBreakdown {
                    taxable_amount: Some(money(b.taxable)),
                    tax_amount: Some(money(tax)),
                    category: Some(VatCategoryCode::from(b.category.code)),
                    rate: b.key.1,
                    tax_scheme: None,
                    exemption_reason: exemption
                        .filter(|_| exemption_form != 1)
                        .map(|(_, t)| (*t).to_owned()),
                    exemption_reason_code: exemption
                        .filter(|_| exemption_form != 2)
                        .map(|(c, _)| VatExemptionReasonCode::from(*c)),
                }
            })
            .collect();

        // Totals.
        let sum = |xs: &mut dyn Iterator<Item = Decimal>| money(xs.sum());
        let line_total = sum(&mut built.iter().map(|b| b.net));
        let allowance_total = sum(&mut allowances.iter().filter_map(|a| a.amount));
        let charge_total = sum(&mut charges.iter().filter_map(|c| c.amount));
        let exclusive = money(line_total - allowance_total + charge_total);
        let tax_total = sum(&mut vat_breakdown.iter().filter_map(|v| v.tax_amount));
        let inclusive = money(exclusive + tax_total);
        let chorus_paid = options.chorus_pro && extras.prepaid % 4 == 3;
        let prepaid = match extras.prepaid % 4 {
            0 => None,
            1 => Some(money(inclusive * dec("0.30"))),
            2 => Some(money(inclusive * dec("0.50"))),
            _ => Some(inclusive),
        };
        let before_rounding = inclusive - prepaid.unwrap_or_default();
        let rounding = (extras.rounding && !chorus_paid)
            .then(|| {
                let whole = before_rounding
                    .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
                money(whole - before_rounding)
            })
            .filter(|r| !r.is_zero());
        let due = money(before_rounding + rounding.unwrap_or_default());

        let foreign = pick(scenario.foreign_currencies, 0u8).filter(|_| extras.foreign_currency);
        let currency = foreign.map_or("EUR", |(c, _)| c);
        let accounting = foreign.map(|(_, rate)| TaxAmountInCurrency {
            amount: money(tax_total * dec(rate)),
            currency: Some(CurrencyCode::from("EUR")),
        });
        let zero_totals = extras.zero_totals;
        let totals = DocumentTotals {
            line_net_total: Some(line_total),
            allowance_total: (!allowances.is_empty() || zero_totals).then_some(allowance_total),
            charge_total: (!charges.is_empty() || zero_totals).then_some(charge_total),
            tax_exclusive_amount: Some(exclusive),
            tax_amount: Some(tax_total),
            tax_amount_accounting: accounting,
            tax_inclusive_amount: Some(inclusive),
            prepaid_amount: prepaid,
            rounding_amount: rounding,
            amount_due: Some(due),
        };

        let number = invoice_number(self, year, credit);
        let seller = seller(scenario, &self.seller);
        let buyer = buyer(scenario, &self.buyer, options);
        let needs_delivery = scenario.needs_delivery || extras.delivery;
        let delivery = needs_delivery.then(|| Delivery {
            party_name: buyer.name.clone(),
            location_id: Some(Identifier::with_scheme(
                ids::gs1_13("303", u64::from(self.buyer.number)),
                "0088",
            )),
            actual_delivery_date: Some(sub_days(issue, u64::from(self.day % 10))),
            address: Some(address(scenario.buyer, self.buyer.place.wrapping_add(2))),
        });
        let tax_representative = (extras.tax_representative
            && scenario.seller != Country::Fr
            && scenario.buyer == Country::Fr
            && !scenario.seller_without_vat)
            .then(|| {
                let siren = ids::siren(self.seller.number.wrapping_add(17));
                TaxRepresentative {
                    name: Some("Représentation Fiscale Dupuis SARL".to_owned()),
                    vat_id: Some(ids::fr_vat(&siren)),
                    address: Some(address(Country::Fr, self.seller.place.wrapping_add(3))),
                }
            });
        let payee = extras.payee.then(|| Payee {
            name: Some("Affacturage Hexagone SA".to_owned()),
            identifier: None,
            legal_registration_id: Some(Identifier::with_scheme(
                ids::siren(self.seller.number.wrapping_add(31)),
                "0002",
            )),
        });
        let notes = tables::NOTES
            .iter()
            .take(usize::from(extras.notes % 4))
            .map(|(code, text)| Note {
                subject_code: Some(TextSubjectCode::from(*code)),
                text: Some((*text).to_owned()),
            })
            .collect();
        let supporting_documents = self
            .attachments
            .iter()
            .take(super::plan::MAX_ATTACHMENTS)
            .enumerate()
            .map(|(i, kind)| {
                let (filename, mime, description, content) = pick(tables::ATTACHMENTS, *kind / 2)
                    .copied()
                    .unwrap_or_default();
                let external = kind % 2 == 1;
                SupportingDocument {
                    reference: Some(format!("PJ-{}-{}", self.sequence, i + 1)),
                    description: Some(description.to_owned()),
                    external_location: external.then(|| {
                        format!("https://documents.example.com/{}/{filename}", self.sequence)
                    }),
                    attachment: (!external).then(|| BinaryObject {
                        content: content.to_vec(),
                        mime_code: Some(MimeCode::from(mime)),
                        filename: Some(filename.to_owned()),
                    }),
                }
            })
            .collect();
        let engagement = format!("EJ{:08}", self.buyer.number % 100_000_000);
        let (vat_point_date, vat_point_date_code) = match extras.vat_point % 3 {
            1 => (Some(issue), None),
            2 => (None, Some(VatPointDateCode::IssueDate)),
            _ => (None, None),
        };
        let remittance = number.clone();

        Invoice {
            number: Some(number),
            issue_date: Some(issue),
            type_code: Some(if credit {
                InvoiceTypeCode::CreditNote
            } else {
                InvoiceTypeCode::CommercialInvoice
            }),
            currency: Some(CurrencyCode::from(currency)),
            vat_accounting_currency: foreign.map(|_| CurrencyCode::from("EUR")),
            vat_point_date,
            vat_point_date_code,
            due_date: (!credit)
                .then(|| add_days(issue, [30, 45, 60][usize::from(self.number_style % 3)])),
            buyer_reference: if options.chorus_pro {
                Some(pick_str(tables::SERVICE_CODES, self.buyer.number).to_owned())
            } else {
                Some(format!("ACHATS-{:04}", self.buyer.number % 10_000))
            },
            project_reference: extras
                .references
                .then(|| format!("PRJ-{}", self.sequence % 1000)),
            contract_reference: extras
                .references
                .then(|| format!("MARCHE-{year}-{:03}", self.sequence % 1000)),
            purchase_order_reference: po.then(|| engagement.clone()),
            sales_order_reference: extras.references.then(|| format!("CMD-{}", self.sequence)),
            receiving_advice_reference: None,
            despatch_advice_reference: (extras.references && !options.chorus_pro)
                .then(|| format!("BL-{}", self.sequence)),
            tender_reference: None,
            invoiced_object_id: None,
            buyer_accounting_reference: extras.references.then(|| "6064".to_owned()),
            payment_terms: Some(if credit {
                "Avoir à déduire du prochain règlement".to_owned()
            } else {
                "Paiement à réception de facture, 30 jours".to_owned()
            }),
            notes,
            process: ProcessControl {
                business_process: options
                    .chorus_pro
                    .then(|| if chorus_paid { "A2" } else { "A1" }.to_owned()),
                specification: Some("urn:cen.eu:en16931:2017".to_owned()),
            },
            preceding_invoices: if credit {
                vec![PrecedingInvoice {
                    number: Some(invoice_number(self, year, false)),
                    issue_date: Some(sub_days(issue, 15)),
                }]
            } else {
                Vec::new()
            },
            seller,
            buyer,
            payee,
            tax_representative,
            delivery,
            period: extras.period.then_some(period),
            payment: if credit && !options.chorus_pro {
                None
            } else {
                payment(self, scenario, options, &remittance)
            },
            allowances,
            charges,
            totals,
            vat_breakdown,
            supporting_documents,
            lines: built.into_iter().map(|b| b.line).collect(),
        }
    }
}
