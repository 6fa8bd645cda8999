//! The vocabulary of generated invoices: trading scenarios with the VAT
//! categories, rates and exemption reasons that go with them, places,
//! company names, items, allowance and charge reasons, notes.
//!
//! Every code here belongs to the EN 16931 code lists (a unit test checks
//! them against [`crate::rules::codelist`]). The first entry of each table
//! is the plainest: shrinking moves towards it.

/// A VAT category a scenario may use: its code, its rates (none for `O`,
/// which has no rate) and the exemption reasons that may justify it
/// (VATEX code, text; empty for taxed categories, which must not carry one).
pub(super) struct Category {
    pub code: &'static str,
    pub rates: &'static [&'static str],
    pub exemptions: &'static [(&'static str, &'static str)],
}

const S_FR: Category = Category {
    code: "S",
    rates: &["20.00", "10.00", "5.50", "2.10"],
    exemptions: &[],
};
const Z: Category = Category {
    code: "Z",
    rates: &["0.00"],
    exemptions: &[],
};
const E_FR: Category = Category {
    code: "E",
    rates: &["0.00"],
    exemptions: &[
        (
            "VATEX-EU-132-1I",
            "Exonération de TVA, article 261-4-4° du CGI (enseignement)",
        ),
        (
            "VATEX-EU-132-1C",
            "Exonération de TVA, article 261-4-1° du CGI (soins médicaux)",
        ),
        (
            "VATEX-EU-132",
            "Exempt based on article 132 of Council Directive 2006/112/EC",
        ),
    ],
};
const AE_FR: Category = Category {
    code: "AE",
    rates: &["0.00"],
    exemptions: &[
        (
            "VATEX-FR-AE",
            "Autoliquidation, article 283-2 nonies du CGI (sous-traitance BTP)",
        ),
        ("VATEX-EU-AE", "Reverse charge"),
    ],
};
const AE_EU: Category = Category {
    code: "AE",
    rates: &["0.00"],
    exemptions: &[(
        "VATEX-EU-AE",
        "Reverse charge: VAT due by the customer (article 196 of Directive 2006/112/EC)",
    )],
};
const K: Category = Category {
    code: "K",
    rates: &["0.00"],
    exemptions: &[
        (
            "VATEX-EU-IC",
            "Exonération de TVA, article 262 ter I du CGI (livraison intracommunautaire)",
        ),
        ("VATEX-EU-IC", "Intra-Community supply"),
    ],
};
const G: Category = Category {
    code: "G",
    rates: &["0.00"],
    exemptions: &[
        (
            "VATEX-EU-G",
            "Exonération de TVA, article 262 I du CGI (exportation)",
        ),
        ("VATEX-EU-G", "Export outside the EU"),
    ],
};
const O: Category = Category {
    code: "O",
    rates: &[],
    exemptions: &[
        ("VATEX-EU-O", "Non soumis à la TVA"),
        ("VATEX-EU-O", "Not subject to VAT"),
    ],
};
const S_DE: Category = Category {
    code: "S",
    rates: &["19.00", "7.00"],
    exemptions: &[],
};
const S_BE: Category = Category {
    code: "S",
    rates: &["21.00", "12.00", "6.00"],
    exemptions: &[],
};
const E_BE: Category = Category {
    code: "E",
    rates: &["0.00"],
    exemptions: &[(
        "VATEX-EU-132-1B",
        "Exempt based on article 132, section 1 (b) of Council Directive 2006/112/EC",
    )],
};
/// IGIC, Canary Islands: rates above zero (the CII artefact requires it).
const L: Category = Category {
    code: "L",
    rates: &["7.00", "3.00", "9.50", "15.00"],
    exemptions: &[],
};
/// IPSI, Ceuta and Melilla.
const M: Category = Category {
    code: "M",
    rates: &["4.00", "10.00", "0.50", "8.00"],
    exemptions: &[],
};

/// A country parties may sit in, with what identifies their companies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Country {
    Fr,
    De,
    Be,
    It,
    EsCanary,
    EsCeuta,
    Ch,
    Us,
    Gb,
}

impl Country {
    pub fn code(self) -> &'static str {
        match self {
            Country::Fr => "FR",
            Country::De => "DE",
            Country::Be => "BE",
            Country::It => "IT",
            Country::EsCanary | Country::EsCeuta => "ES",
            Country::Ch => "CH",
            Country::Us => "US",
            Country::Gb => "GB",
        }
    }

    /// (city, post code, country subdivision, street).
    pub fn places(
        self,
    ) -> &'static [(
        &'static str,
        &'static str,
        Option<&'static str>,
        &'static str,
    )] {
        match self {
            Country::Fr => &[
                ("Paris", "75008", None, "12 rue du Faubourg Saint-Honoré"),
                ("Lyon", "69002", None, "4 quai Jules Courmont"),
                ("Rennes", "35000", None, "8 rue d'Isly"),
                ("Bordeaux", "33000", None, "27 cours de l'Intendance"),
                ("Lille", "59000", None, "3 place du Général de Gaulle"),
                ("Strasbourg", "67000", None, "15 rue des Hallebardes"),
            ],
            Country::De => &[
                ("Berlin", "10115", None, "Invalidenstraße 43"),
                ("München", "80331", Some("Bayern"), "Marienplatz 8"),
                ("Köln", "50667", None, "Hohe Straße 52"),
            ],
            Country::Be => &[
                ("Bruxelles", "1000", None, "Rue Neuve 123"),
                ("Antwerpen", "2000", None, "Meir 50"),
                ("Liège", "4000", None, "Place Saint-Lambert 1"),
            ],
            Country::It => &[
                ("Milano", "20121", Some("MI"), "Via Manzoni 12"),
                ("Torino", "10121", Some("TO"), "Via Roma 200"),
            ],
            Country::EsCanary => &[
                (
                    "Las Palmas de Gran Canaria",
                    "35001",
                    Some("Las Palmas"),
                    "Calle Mayor de Triana 40",
                ),
                (
                    "Santa Cruz de Tenerife",
                    "38001",
                    Some("Santa Cruz de Tenerife"),
                    "Calle del Castillo 18",
                ),
            ],
            Country::EsCeuta => &[
                ("Ceuta", "51001", Some("Ceuta"), "Paseo del Revellín 5"),
                (
                    "Melilla",
                    "52001",
                    Some("Melilla"),
                    "Avenida Juan Carlos I Rey 12",
                ),
            ],
            Country::Ch => &[
                ("Genève", "1201", Some("GE"), "Rue du Mont-Blanc 9"),
                ("Zürich", "8001", Some("ZH"), "Bahnhofstrasse 70"),
            ],
            Country::Us => &[
                ("New York", "10001", Some("NY"), "350 Fifth Avenue"),
                ("Austin", "73301", Some("TX"), "100 Congress Avenue"),
            ],
            Country::Gb => &[("London", "EC1A 1BB", None, "1 King William Street")],
        }
    }

    /// Company names (some with characters XML must escape).
    pub fn companies(self) -> &'static [&'static str] {
        match self {
            Country::Fr => &[
                "Atelier Lefèvre SARL",
                "Martin & Associés SAS",
                "Les Éditions du Quai",
                "Transports Rousseau SA",
                "Informatique Bréhat SAS",
                "Café l'Étoile",
            ],
            Country::De => &["Müller Maschinenbau GmbH", "Schmidt & Partner KG"],
            Country::Be => &["Brasserie Van Damme SRL", "Janssens NV"],
            Country::It => &["Rossi Forniture S.r.l.", "Bianchi & Figli S.p.A."],
            Country::EsCanary => &["Comercial Canaria S.L.", "Plátanos del Atlántico S.A."],
            Country::EsCeuta => &["Distribuciones Ceutíes S.L.", "Almacenes del Estrecho S.A."],
            Country::Ch => &["Uhrenfabrik Berger AG", "Chocolats <Léman> SA"],
            Country::Us => &["Acme Corporation Inc.", "Hudson \"River\" Supplies LLC"],
            Country::Gb => &["Thames Trading Ltd"],
        }
    }

    /// A VAT identifier with valid check digits, for countries that have one.
    pub fn vat_id(self, n: u32, siren: &str) -> Option<String> {
        use super::ids;
        match self {
            Country::Fr => Some(ids::fr_vat(siren)),
            Country::De => Some(ids::de_vat(n)),
            Country::Be => Some(ids::be_vat(n)),
            Country::It => Some(ids::it_vat(n)),
            Country::EsCanary | Country::EsCeuta => Some(ids::es_vat(n)),
            Country::Ch => Some(ids::ch_vat(n)),
            Country::Us | Country::Gb => None,
        }
    }
}

/// French public buyers (Chorus Pro).
pub(super) const PUBLIC_BUYERS: &[&str] = &[
    "Commune de Saint-Malo",
    "Lycée Jean Moulin",
    "Centre hospitalier de Cholet",
    "Université de Rennes",
    "Conseil départemental du Finistère",
    "Ministère des Armées – DIRISI",
];

/// Who sells to whom, and under which VAT categories.
pub(super) struct Scenario {
    pub seller: Country,
    pub buyer: Country,
    /// The categories lines may use; the first is the plainest.
    pub categories: &'static [Category],
    /// Whether the seller has no VAT identifier (category O).
    pub seller_without_vat: bool,
    /// Whether the buyer must have a VAT identifier (K, AE across borders).
    pub buyer_needs_vat: bool,
    /// Whether a deliver-to country and a delivery date are required (K).
    pub needs_delivery: bool,
    /// Invoice currencies besides EUR (then BT-6 is EUR and BT-111 given).
    pub foreign_currencies: &'static [(&'static str, &'static str)],
}

/// The scenarios, plainest first. Chorus Pro generation keeps those whose
/// buyer is French.
pub(super) const SCENARIOS: &[Scenario] = &[
    // Domestic French sale: standard rates, exemptions, reverse charge in
    // construction subcontracting, zero rate.
    Scenario {
        seller: Country::Fr,
        buyer: Country::Fr,
        categories: &[S_FR, E_FR, AE_FR, Z],
        seller_without_vat: false,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[],
    },
    // Intra-community supply of goods from France.
    Scenario {
        seller: Country::Fr,
        buyer: Country::De,
        categories: &[K],
        seller_without_vat: false,
        buyer_needs_vat: true,
        needs_delivery: true,
        foreign_currencies: &[],
    },
    // Export outside the EU, possibly invoiced in the buyer's currency.
    Scenario {
        seller: Country::Fr,
        buyer: Country::Us,
        categories: &[G],
        seller_without_vat: false,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[("USD", "0.92")],
    },
    Scenario {
        seller: Country::Fr,
        buyer: Country::Ch,
        categories: &[G],
        seller_without_vat: false,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[("CHF", "1.04")],
    },
    // A French seller outside the scope of VAT.
    Scenario {
        seller: Country::Fr,
        buyer: Country::Fr,
        categories: &[O],
        seller_without_vat: true,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[],
    },
    // Services from Germany to a French business: reverse charge.
    Scenario {
        seller: Country::De,
        buyer: Country::Fr,
        categories: &[AE_EU],
        seller_without_vat: false,
        buyer_needs_vat: true,
        needs_delivery: false,
        foreign_currencies: &[],
    },
    // Domestic sales in other member states.
    Scenario {
        seller: Country::De,
        buyer: Country::De,
        categories: &[S_DE, Z],
        seller_without_vat: false,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[],
    },
    Scenario {
        seller: Country::Be,
        buyer: Country::Be,
        categories: &[S_BE, E_BE],
        seller_without_vat: false,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[],
    },
    Scenario {
        seller: Country::It,
        buyer: Country::Fr,
        categories: &[K],
        seller_without_vat: false,
        buyer_needs_vat: true,
        needs_delivery: true,
        foreign_currencies: &[],
    },
    // Canary Islands (IGIC) and Ceuta / Melilla (IPSI).
    Scenario {
        seller: Country::EsCanary,
        buyer: Country::EsCanary,
        categories: &[L],
        seller_without_vat: false,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[],
    },
    Scenario {
        seller: Country::EsCeuta,
        buyer: Country::EsCeuta,
        categories: &[M],
        seller_without_vat: false,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[],
    },
    // A British customer, post-Brexit: export.
    Scenario {
        seller: Country::Fr,
        buyer: Country::Gb,
        categories: &[G],
        seller_without_vat: false,
        buyer_needs_vat: false,
        needs_delivery: false,
        foreign_currencies: &[("GBP", "1.17")],
    },
];

/// An item: name, unit (UN/ECE Rec 20), price range in cents, whether the
/// price may be per 100 units (BT-149), and a classification (CPV, scheme
/// `STI`) when it has one.
pub(super) struct ItemKind {
    pub name: &'static str,
    pub unit: &'static str,
    pub cents: (u32, u32),
    pub per_hundred: bool,
    pub cpv: Option<&'static str>,
}

pub(super) const ITEMS: &[ItemKind] = &[
    ItemKind {
        name: "Prestation de conseil",
        unit: "HUR",
        cents: (6_000, 15_000),
        per_hundred: false,
        cpv: Some("79411000-8"),
    },
    ItemKind {
        name: "Ramette papier A4 80 g",
        unit: "C62",
        cents: (350, 900),
        per_hundred: false,
        cpv: Some("30197630-1"),
    },
    ItemKind {
        name: "Cartouche d'encre noire",
        unit: "C62",
        cents: (1_500, 6_000),
        per_hundred: false,
        cpv: None,
    },
    ItemKind {
        name: "Journée de formation",
        unit: "DAY",
        cents: (50_000, 150_000),
        per_hundred: false,
        cpv: Some("80500000-9"),
    },
    ItemKind {
        name: "Vis inox 4×40 mm",
        unit: "C62",
        cents: (900, 2_500),
        per_hundred: true,
        cpv: None,
    },
    ItemKind {
        name: "Gasoil non routier",
        unit: "LTR",
        cents: (120, 210),
        per_hundred: false,
        cpv: None,
    },
    ItemKind {
        name: "Câble électrique 3G2,5",
        unit: "MTR",
        cents: (95, 400),
        per_hundred: false,
        cpv: None,
    },
    ItemKind {
        name: "Café en grains \"Moka\" 1 kg",
        unit: "KGM",
        cents: (1_200, 3_500),
        per_hundred: false,
        cpv: None,
    },
    ItemKind {
        name: "Software development",
        unit: "HUR",
        cents: (7_000, 16_000),
        per_hundred: false,
        cpv: Some("72212000-4"),
    },
    ItemKind {
        name: "Annual maintenance <premium>",
        unit: "ANN",
        cents: (90_000, 480_000),
        per_hundred: false,
        cpv: None,
    },
    ItemKind {
        name: "Location de véhicule utilitaire",
        unit: "DAY",
        cents: (6_500, 19_000),
        per_hundred: false,
        cpv: None,
    },
    ItemKind {
        name: "Abonnement mensuel & assistance",
        unit: "MON",
        cents: (1_900, 49_900),
        per_hundred: false,
        cpv: None,
    },
    ItemKind {
        name: "Sable 0/4 lavé",
        unit: "TNE",
        cents: (2_800, 6_500),
        per_hundred: false,
        cpv: None,
    },
    ItemKind {
        name: "Transport de marchandises",
        unit: "KMT",
        cents: (110, 350),
        per_hundred: false,
        cpv: None,
    },
];

/// Allowance reasons: UNTDID 5189 code and its text.
pub(super) const ALLOWANCE_REASONS: &[(&str, &str)] = &[
    ("95", "Discount"),
    ("100", "Special rebate"),
    ("102", "Fixed long term"),
    ("104", "Standard"),
    ("41", "Bonus for works ahead of schedule"),
    ("66", "New outlet discount"),
];

/// Charge reasons: UNTDID 7161 code and its text.
pub(super) const CHARGE_REASONS: &[(&str, &str)] = &[
    ("FC", "Freight service"),
    ("ABL", "Additional packaging"),
    ("PC", "Packing"),
    ("SAA", "Shipping and handling"),
    ("ABK", "Miscellaneous"),
];

/// Invoice notes: UNTDID 4451 subject and text (French legal mentions).
pub(super) const NOTES: &[(&str, &str)] = &[
    ("AAI", "Merci de votre confiance."),
    (
        "PMD",
        "Pénalités de retard : trois fois le taux d'intérêt légal.",
    ),
    (
        "PMT",
        "Indemnité forfaitaire pour frais de recouvrement : 40 €.",
    ),
    ("AAB", "Pas d'escompte pour paiement anticipé."),
    ("REG", "SAS au capital de 10 000 € – RCS Paris"),
];

/// Bank identifiers (BIC) by country.
pub(super) const BICS: &[(&str, &str)] = &[
    ("FR", "BNPAFRPPXXX"),
    ("FR", "AGRIFRPP"),
    ("FR", "SOGEFRPP"),
    ("DE", "DEUTDEFFXXX"),
    ("DE", "COBADEFF"),
];

/// Attached documents: file name, MIME code, description, and content.
pub(super) const ATTACHMENTS: &[(&str, &str, &str, &[u8])] = &[
    (
        "bon-de-livraison.pdf",
        "application/pdf",
        "Bon de livraison",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    ),
    (
        "releve-heures.csv",
        "text/csv",
        "Relevé des heures",
        b"date;heures\n2026-01-05;7.5\n2026-01-06;8\n",
    ),
    (
        "photo-chantier.png",
        "image/png",
        "Photo du chantier",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89",
    ),
    (
        "timesheet.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Timesheet",
        b"PK\x03\x04\x14\0\0\0\0\0",
    ),
];

/// Chorus Pro service codes (BT-10) and the cadres de facturation (BT-23)
/// generated: A1 (supplier invoice) and A2 (already paid).
pub(super) const SERVICE_CODES: &[&str] = &[
    "SERVICE-FACTURES",
    "DAF-COMPTA",
    "SCE_ACHATS_01",
    "DIRFIN ORDO",
];
