//! The duplicate check before a new contact is registered. Rocket.Chat silently takes over the
//! record that already has a new contact's email (and re-tokens it, so whoever held its old
//! token loses it); a phone match makes a second record for the same person. Either way the
//! user must decide, so the form looks first (`contact.search`) and says what it found.

use crate::domain::catalogue::Texts;
use crate::domain::record::ContactRecord;
use crate::domain::texts::Text;

/// What the new contact shares with a stored one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The email address (saving would take that record over).
    Email,
    /// The phone number (saving would make a second record).
    Phone,
}

/// A stored contact that the new one would collide with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The stored contact, as the search gave it (a legacy record with its token).
    pub record: ContactRecord,
    /// What matched.
    pub by: Match,
    /// Whether saving would take the stored contact over (the legacy endpoint's email match).
    pub takes_over: bool,
}

/// The rules of the API a contact is saved through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// The legacy endpoint matches records by token and email: an equal email takes one over.
    Legacy,
    /// The Contact Center matches nothing: an equal email or phone makes a second contact.
    ContactCenter,
}

impl Duplicate {
    /// A found record, unless it is the contact being registered itself (a first save whose
    /// answer was lost already made it, with the pending token), or the one the user already
    /// chose to register beside ("Register anyway", whose id is `accepted`).
    pub fn of(
        record: ContactRecord,
        by: Match,
        pending_token: Option<&str>,
        accepted: Option<&str>,
        rules: Rules,
    ) -> Option<Self> {
        let ours = pending_token.is_some() && record.token.as_deref() == pending_token;
        let accepted = accepted == Some(record.id.as_str());
        let takes_over = rules == Rules::Legacy && by == Match::Email;
        (!ours && !accepted).then_some(Duplicate {
            record,
            by,
            takes_over,
        })
    }

    /// Whether registering anyway is harmless to the stored record (the legacy endpoint takes
    /// over a record with the same email, never one with the same phone).
    pub fn may_register_anyway(&self) -> bool {
        !self.takes_over
    }

    /// The warning, naming the stored contact and what would happen.
    pub fn message(&self, t: &Texts) -> String {
        let r = &self.record;
        let name = r.shown_name(t);
        let (key, value) = match (self.by, self.takes_over) {
            (Match::Email, false) => (Text::SameEmail, &r.email),
            (Match::Phone, false) => (Text::SamePhone, &r.phone),
            (Match::Email, true) => (Text::SameEmailTakesOver, &r.email),
            (Match::Phone, true) => (Text::SamePhoneTakesOver, &r.phone),
        };
        let value = value.as_deref().unwrap_or_default();
        t.fill(key, &[("value", value), ("name", name), ("id", &r.id)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::plain;

    fn english(d: &Duplicate) -> String {
        plain(&d.message(&Texts::default()))
    }

    fn stored() -> ContactRecord {
        ContactRecord {
            id: "c1".into(),
            token: Some("old-token".into()),
            name: "Ada Lovelace".into(),
            email: Some("ada@example.com".into()),
            phone: Some("+442079460958".into()),
            contact_manager: None,
            custom_fields: Vec::new(),
            ..ContactRecord::default()
        }
    }

    #[test]
    fn an_email_match_warns_of_the_take_over_and_names_the_contact() {
        let d = Duplicate::of(
            stored(),
            Match::Email,
            Some("new-token"),
            None,
            Rules::Legacy,
        )
        .unwrap();
        let text = english(&d);
        assert!(text.contains("email ada@example.com"), "{text}");
        assert!(text.contains("Ada Lovelace (id c1)"), "{text}");
        assert!(text.contains("take that contact over"), "{text}");
        assert!(!d.may_register_anyway());
    }

    #[test]
    fn a_phone_match_may_be_registered_anyway() {
        let d = Duplicate::of(stored(), Match::Phone, None, None, Rules::Legacy).unwrap();
        assert!(english(&d).contains("phone +442079460958"));
        assert!(d.may_register_anyway());
        assert_eq!(
            Duplicate::of(stored(), Match::Phone, None, Some("c1"), Rules::Legacy),
            None,
            "once chosen, not asked again"
        );
    }

    #[test]
    fn the_contacts_own_earlier_save_is_no_duplicate() {
        assert_eq!(
            Duplicate::of(
                stored(),
                Match::Email,
                Some("old-token"),
                None,
                Rules::Legacy
            ),
            None
        );
        let mut tokenless = stored();
        tokenless.token = None;
        assert!(Duplicate::of(tokenless, Match::Email, None, None, Rules::Legacy).is_some());
    }

    #[test]
    fn in_the_contact_center_an_equal_email_takes_nothing_over() {
        let d = Duplicate::of(stored(), Match::Email, None, None, Rules::ContactCenter).unwrap();
        assert!(d.may_register_anyway());
        let text = english(&d);
        assert!(text.contains("email ada@example.com"), "{text}");
        assert!(
            text.contains("register a separate contact anyway"),
            "{text}"
        );
        assert!(!text.contains("take that contact over"), "{text}");
    }
}
