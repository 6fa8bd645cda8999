//! Empty groups. Readers keep a group whose element is present even when it
//! holds no term (an empty `<cac:PostalAddress/>` is not an absent one: the
//! official rules tell them apart). To compare models regardless of such
//! empty groups, prune them first.

use super::Invoice;

fn keep<T: Default + PartialEq>(group: &mut Option<T>) {
    if group.as_ref().is_some_and(|g| *g == T::default()) {
        *group = None;
    }
}

impl Invoice {
    /// Removes every optional single group that holds no term (an empty
    /// postal address, contact, payee, delivery, period, payment group,
    /// price, …), so that such a group is present exactly when one of its
    /// terms is. Entries of repeatable groups (lines, VAT breakdowns,
    /// allowances, notes, …) are kept even when empty: each is an instance
    /// the rules must see. It is the canonical form used to compare models
    /// whatever empty elements their sources had.
    ///
    /// ```
    /// use facture::model::{Contact, Invoice};
    /// let mut invoice = Invoice::default();
    /// invoice.seller.contact = Some(Contact::default());
    /// invoice.prune_empty_groups();
    /// assert!(invoice.seller.contact.is_none());
    /// ```
    pub fn prune_empty_groups(&mut self) {
        keep(&mut self.seller.address);
        keep(&mut self.seller.contact);
        keep(&mut self.buyer.address);
        keep(&mut self.buyer.contact);
        keep(&mut self.payee);
        if let Some(rep) = self.tax_representative.as_mut() {
            keep(&mut rep.address);
        }
        keep(&mut self.tax_representative);
        if let Some(delivery) = self.delivery.as_mut() {
            keep(&mut delivery.address);
        }
        keep(&mut self.delivery);
        keep(&mut self.period);
        if let Some(payment) = self.payment.as_mut() {
            keep(&mut payment.card);
            keep(&mut payment.direct_debit);
        }
        keep(&mut self.payment);
        for line in &mut self.lines {
            keep(&mut line.period);
            keep(&mut line.price);
            keep(&mut line.vat);
            keep(&mut line.item);
        }
    }
}
