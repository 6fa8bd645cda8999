//! The rule profile options shared by `facture validate` and
//! `facture chorus payload`.

use crate::Failure;
use facture::Profile;
use facture::model::NaiveDate;
use facture::rules::chorus_pro::{ChorusPro, RecipientParameters};
use std::path::PathBuf;

/// What a recipient structure requires of an invoice (the Structures API
/// parameters, named as integrators usually name them).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requires {
    /// Neither a service code nor an engagement number.
    None,
    /// A service code (`codeServiceDoitEtreRenseigne`).
    Service,
    /// An engagement number (`numeroEJDoitEtreRenseigne`).
    Engagement,
    /// Both.
    ServiceAndEngagement,
    /// One of the two (`gestionNumeroEJOuCodeService`).
    ServiceOrEngagement,
}

impl Requires {
    /// The requirement the parameters describe (`service-and-engagement`
    /// when the "one of the two" flag comes with both required).
    #[cfg(feature = "generate")]
    pub fn of(p: RecipientParameters) -> Self {
        match (
            p.service_code_required,
            p.engagement_required,
            p.engagement_or_service,
        ) {
            (true, true, _) => Requires::ServiceAndEngagement,
            (true, false, _) => Requires::Service,
            (false, true, _) => Requires::Engagement,
            (false, false, true) => Requires::ServiceOrEngagement,
            (false, false, false) => Requires::None,
        }
    }

    /// The value of `--recipient-requires`.
    #[cfg(feature = "generate")]
    pub fn name(self) -> &'static str {
        match self {
            Requires::None => "none",
            Requires::Service => "service",
            Requires::Engagement => "engagement",
            Requires::ServiceAndEngagement => "service-and-engagement",
            Requires::ServiceOrEngagement => "service-or-engagement",
        }
    }

    fn parameters(self) -> RecipientParameters {
        let (service, engagement, either) = match self {
            Requires::None => (false, false, false),
            Requires::Service => (true, false, false),
            Requires::Engagement => (false, true, false),
            Requires::ServiceAndEngagement => (true, true, false),
            Requires::ServiceOrEngagement => (false, false, true),
        };
        RecipientParameters {
            service_code_required: service,
            engagement_required: engagement,
            engagement_or_service: either,
        }
    }
}

/// What the Chorus Pro rules need to know besides the invoice.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct ChorusArgs {
    /// The recipient structure's parameters: a `consulterStructure`
    /// response (or a JSON object with `codeServiceDoitEtreRenseigne`,
    /// `numeroEJDoitEtreRenseigne`, `gestionNumeroEJOuCodeService`).
    /// Without it or --recipient-requires, the rules that depend on the
    /// recipient are reported as not checked (verdict "incomplete").
    #[arg(long, value_name = "FILE")]
    pub recipient: Option<PathBuf>,
    /// What the recipient structure requires, when known without a file:
    /// `none`, `service` (code service, BT-10), `engagement` (engagement
    /// number, BT-13), `service-and-engagement` or `service-or-engagement`.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub recipient_requires: Option<Requires>,
    /// The validating structure (SIRET or structure code) of an invoice in
    /// cadre A9 or A12.
    #[arg(long, value_name = "ID")]
    pub validator: Option<String>,
    /// The deposit date the issue date is compared with (default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub deposit_date: Option<NaiveDate>,
}

impl ChorusArgs {
    /// The Chorus Pro profile these options describe.
    pub fn profile(&self) -> Result<Profile, Failure> {
        let recipient = match (&self.recipient, self.recipient_requires) {
            (Some(_), Some(_)) => {
                return Err(Failure::Error(
                    "give --recipient or --recipient-requires, not both".into(),
                ));
            }
            (Some(path), None) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| Failure::Error(format!("{}: {e}", path.display())))?;
                Some(RecipientParameters::from_json(&text).map_err(|e| {
                    Failure::Error(format!("{}: not recipient parameters: {e}", path.display()))
                })?)
            }
            (None, requires) => requires.map(Requires::parameters),
        };
        Ok(Profile::ChorusPro(ChorusPro {
            recipient,
            validator: self.validator.clone(),
            deposit_date: self.deposit_date,
        }))
    }
}
