//! Turning every amount of an invoice to the opposite sign, consistently.

use super::Invoice;
use rust_decimal::Decimal;

/// `value` negated; a zero stays unsigned (`0.00`, never `-0.00`, which
/// some Schematron processors do not take for zero).
fn negate(value: &mut Option<Decimal>) {
    if let Some(v) = value.as_mut().filter(|v| !v.is_zero()) {
        *v = -*v;
    }
}

impl Invoice {
    /// Negates every amount consistently: quantities and line net amounts,
    /// line and document allowances and charges (amounts and bases), the
    /// VAT breakdown and every total, the VAT total in accounting currency
    /// included. Prices stay as they are (BR-27: they are never negative);
    /// zeros stay unsigned. Negating twice gives the invoice back.
    ///
    /// ```
    /// use facture::model::{Invoice, InvoiceLine};
    /// use rust_decimal::Decimal;
    /// let mut inv = Invoice::default();
    /// inv.lines.push(InvoiceLine { net_amount: Some(Decimal::new(-1000, 2)), ..Default::default() });
    /// inv.totals.amount_due = Some(Decimal::ZERO);
    /// inv.negate_amounts();
    /// assert_eq!(inv.lines[0].net_amount, Some(Decimal::new(1000, 2)));
    /// assert!(!inv.totals.amount_due.unwrap().is_sign_negative());
    /// ```
    pub fn negate_amounts(&mut self) {
        for line in &mut self.lines {
            negate(&mut line.quantity);
            negate(&mut line.net_amount);
            for a in &mut line.allowances {
                negate(&mut a.amount);
                negate(&mut a.base_amount);
            }
            for c in &mut line.charges {
                negate(&mut c.amount);
                negate(&mut c.base_amount);
            }
        }
        for a in &mut self.allowances {
            negate(&mut a.amount);
            negate(&mut a.base_amount);
        }
        for c in &mut self.charges {
            negate(&mut c.amount);
            negate(&mut c.base_amount);
        }
        for v in &mut self.vat_breakdown {
            negate(&mut v.taxable_amount);
            negate(&mut v.tax_amount);
        }
        let t = &mut self.totals;
        for x in [
            &mut t.line_net_total,
            &mut t.allowance_total,
            &mut t.charge_total,
            &mut t.tax_exclusive_amount,
            &mut t.tax_amount,
            &mut t.tax_inclusive_amount,
            &mut t.prepaid_amount,
            &mut t.rounding_amount,
            &mut t.amount_due,
        ] {
            negate(x);
        }
        if let Some(a) = t
            .tax_amount_accounting
            .as_mut()
            .filter(|a| !a.amount.is_zero())
        {
            a.amount = -a.amount;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentCharge, InvoiceLine, VatBreakdown};

    #[test]
    fn every_amount_changes_sign_and_twice_is_identity() {
        let d = |s: &str| s.parse::<Decimal>().ok();
        let mut inv = Invoice::default();
        inv.lines.push(InvoiceLine {
            quantity: d("-2"),
            net_amount: d("-20.00"),
            ..InvoiceLine::default()
        });
        inv.charges.push(DocumentCharge {
            amount: d("5.00"),
            base_amount: d("0.00"),
            ..DocumentCharge::default()
        });
        inv.vat_breakdown.push(VatBreakdown {
            taxable_amount: d("-15.00"),
            tax_amount: d("-3.00"),
            ..VatBreakdown::default()
        });
        inv.totals.amount_due = d("-18.00");
        let before = inv.clone();
        inv.negate_amounts();
        assert_eq!(inv.lines[0].quantity, d("2"));
        assert_eq!(inv.lines[0].net_amount, d("20.00"));
        assert_eq!(inv.charges[0].amount, d("-5.00"));
        assert_eq!(inv.vat_breakdown[0].tax_amount, d("3.00"));
        assert_eq!(inv.totals.amount_due, d("18.00"));
        let zero = inv.charges[0].base_amount.unwrap_or_default();
        assert!(zero.is_zero() && !zero.is_sign_negative());
        inv.negate_amounts();
        assert_eq!(inv, before);
    }
}
