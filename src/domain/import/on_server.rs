//! The server's contacts, listed before the rows go, by each of their emails and phones: a row
//! whose value one of them holds adds to that contact (or is skipped), and a row that none
//! holds is created without a look-up of its own. Rocket.Chat lets an agent make 10 calls a
//! minute per route, and looking up each row's emails and phones one call at a time
//! (`contacts.checkExistence`, or the legacy `contact.search`) halves the pace of an import
//! with an email and a phone a row; listing the server's contacts 100 at a time
//! (`contacts.search`, `visitors.search`) costs a call per 100 contacts instead. The import
//! lists them when that is the fewer calls ([`worth_listing`]).

use crate::domain::record::ContactRecord;
use crate::domain::sheet::seen::Seen;
use crate::domain::validate::ValidContact;

/// Contacts a page of the listing holds (`contacts.search`'s most).
pub const PAGE: usize = 100;

/// The contacts on the server, by their emails and phones exactly as stored (as
/// `contacts.checkExistence` and the legacy `contact.search` match them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnServer {
    /// Each email and phone, with its contact's place in `ids`.
    values: Vec<(String, usize)>,
    /// The values, by their place in `values`.
    seen: Seen,
    /// The contacts' ids.
    ids: Vec<String>,
}

impl OnServer {
    /// Takes in a page of `contacts`.
    pub fn add(&mut self, contacts: &[ContactRecord]) {
        for contact in contacts {
            let place = self.ids.len();
            self.ids.push(contact.id.clone());
            let emails = contact.email.iter().chain(&contact.other_emails);
            let phones = contact.phone.iter().chain(&contact.other_phones);
            for value in emails.chain(phones) {
                // The first contact listed keeps a value two hold, as a look-up finds one.
                if self.find(value).is_none() {
                    self.seen.insert(value, self.values.len());
                    self.values.push((value.clone(), place));
                }
            }
        }
    }

    /// The id of the contact that holds one of `contact`'s emails, else one of its phones
    /// (the order the form's duplicate check looks in), if one does.
    pub fn holding(&self, contact: &ValidContact) -> Option<&str> {
        let place = contact.values().find_map(|v| self.find(v))?;
        self.ids.get(place).map(String::as_str)
    }

    /// Whether a contact other than `id` holds one of `contact`'s emails or phones (what a row
    /// adds to contact `id` is then looked up by the write).
    pub fn held_by_other(&self, contact: &ValidContact, id: &str) -> bool {
        let other = |place: usize| self.ids.get(place).is_some_and(|other| other != id);
        contact.values().any(|v| self.find(v).is_some_and(other))
    }

    /// The place in `ids` of the contact that holds `value`.
    fn find(&self, value: &str) -> Option<usize> {
        let values = &self.values;
        let at = self
            .seen
            .find(value, |i| values.get(i).is_some_and(|v| v.0 == value))?;
        values.get(at).map(|v| v.1)
    }
}

/// How many pages list `total` contacts.
pub fn pages(total: usize) -> usize {
    total.div_ceil(PAGE)
}

/// Whether listing contacts in `pages` more calls costs fewer calls than looking up `values`
/// emails and phones one call each.
pub fn worth_listing(pages: usize, values: usize) -> bool {
    pages < values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, emails: &[&str], phones: &[&str]) -> ContactRecord {
        let mut record = ContactRecord {
            id: id.into(),
            ..ContactRecord::default()
        };
        record.email = emails.first().map(|e| e.to_string());
        record.other_emails = emails.iter().skip(1).map(|e| e.to_string()).collect();
        record.phone = phones.first().map(|p| p.to_string());
        record.other_phones = phones.iter().skip(1).map(|p| p.to_string()).collect();
        record
    }

    fn contact(emails: &[&str], phones: &[&str]) -> ValidContact {
        ValidContact {
            name: "Ada".into(),
            email: emails.first().map(|e| e.to_string()),
            more_emails: emails.iter().skip(1).map(|e| e.to_string()).collect(),
            phone: phones.first().map(|p| p.to_string()),
            more_phones: phones.iter().skip(1).map(|p| p.to_string()).collect(),
            contact_manager: None,
        }
    }

    #[test]
    fn a_contact_is_found_by_any_of_its_emails_and_phones_emails_first() {
        let mut server = OnServer::default();
        server.add(&[
            record("c1", &["ada@x.org", "ada@work.org"], &["+441"]),
            record("c2", &[], &["+442", "+443"]),
        ]);
        server.add(&[record("c3", &["bob@x.org"], &["+443"])]);
        assert_eq!(server.holding(&contact(&["ada@work.org"], &[])), Some("c1"));
        assert_eq!(
            server.holding(&contact(&["new@x.org"], &["+443"])),
            Some("c2")
        );
        assert_eq!(
            server.holding(&contact(&["new@x.org", "bob@x.org"], &["+441"])),
            Some("c3"),
            "an email before a phone"
        );
        assert_eq!(
            server.holding(&contact(&["ADA@x.org"], &["+44 1"])),
            None,
            "exactly as stored"
        );
        assert_eq!(server.holding(&contact(&[], &[])), None);
        let ada = contact(&["ada@x.org", "new@x.org"], &["+441"]);
        assert!(!server.held_by_other(&ada, "c1"), "hers, or nobody's");
        assert!(server.held_by_other(&contact(&["ada@x.org"], &["+442"]), "c1"));
    }

    #[test]
    fn listing_is_chosen_when_it_is_the_fewer_calls() {
        assert_eq!(pages(0), 0);
        assert_eq!(pages(100), 1);
        assert_eq!(pages(101), 2);
        assert!(worth_listing(pages(2_000), 960 * 2));
        assert!(!worth_listing(pages(200_000), 960 * 2));
        assert!(
            !worth_listing(1, 1),
            "one call either way: the look-up is exact at once"
        );
    }
}
