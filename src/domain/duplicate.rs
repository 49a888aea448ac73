//! The duplicate check before a new contact is registered. Rocket.Chat silently takes over the
//! record that already has a new contact's email (and re-tokens it, so whoever held its old
//! token loses it); a phone match makes a second record for the same person. Either way the
//! user must decide, so the form looks first (`contact.search`) and says what it found.

use crate::domain::catalogue::Texts;
use crate::domain::field::Field;
use crate::domain::record::ContactRecord;
use crate::domain::texts::Text;
use crate::domain::validate::ValidContact;

/// What the new contact shares with a stored one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The email address (saving would take that record over).
    Email,
    /// The phone number (saving would make a second record).
    Phone,
}

impl Match {
    /// The form's field that holds the value.
    pub fn field(self) -> Field {
        match self {
            Match::Email => Field::Email,
            Match::Phone => Field::Phone,
        }
    }
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
    /// The value both have, as the form sends it.
    pub value: String,
    /// Whether the form updates a contact (the value is one it adds), rather than registers one.
    pub updating: bool,
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
    /// chose to save beside ("Register anyway", "Save anyway": their ids are `accepted`).
    /// `value` is what the form sends, which `record` has.
    pub fn of(
        record: ContactRecord,
        (by, value): (Match, &str),
        pending_token: Option<&str>,
        accepted: &[String],
        rules: Rules,
    ) -> Option<Self> {
        let ours = pending_token.is_some() && record.token.as_deref() == pending_token;
        let accepted = accepted.contains(&record.id);
        let takes_over = rules == Rules::Legacy && by == Match::Email;
        (!ours && !accepted).then(|| Duplicate {
            record,
            by,
            takes_over,
            value: value.to_owned(),
            updating: false,
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
        let key = match (self.by, self.takes_over, self.updating) {
            (Match::Email, _, true) => Text::OtherHasEmail,
            (Match::Phone, _, true) => Text::OtherHasPhone,
            (Match::Email, false, _) => Text::SameEmail,
            (Match::Phone, false, _) => Text::SamePhone,
            (Match::Email, true, _) => Text::SameEmailTakesOver,
            (Match::Phone, true, _) => Text::SamePhoneTakesOver,
        };
        t.fill(
            key,
            &[("value", &self.value), ("name", name), ("id", &r.id)],
        )
    }
}

/// The values a save adds, which another contact may already have: a new contact's email and
/// phone (in the Contact Center every email, then every phone); on a Contact Center update, each
/// one the stored `record` does not have (the legacy endpoint keeps one email and one phone, and
/// is not checked on update).
pub fn new_values<'a>(
    contact: &'a ValidContact,
    record: Option<&ContactRecord>,
    center: bool,
) -> Vec<(Match, &'a str)> {
    if record.is_some() && !center {
        return Vec::new();
    }
    let (emails, phones) = if center {
        (contact.emails(), contact.phones())
    } else {
        let first = |v: &'a Option<String>| v.as_deref().into_iter().collect();
        (first(&contact.email), first(&contact.phone))
    };
    let emails = emails.into_iter().map(|v| (Match::Email, v));
    let phones = phones.into_iter().map(|v| (Match::Phone, v));
    emails
        .chain(phones)
        .filter(|(by, v)| record.is_none_or(|r| !r.has(by.field(), v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::plain;

    const EMAIL: (Match, &str) = (Match::Email, "ada@example.com");
    const PHONE: (Match, &str) = (Match::Phone, "+442079460958");

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
            (Match::Email, "ada@example.com"),
            Some("new-token"),
            &[],
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
        let d = Duplicate::of(stored(), PHONE, None, &[], Rules::Legacy).unwrap();
        assert!(english(&d).contains("phone +442079460958"));
        assert!(d.may_register_anyway());
        assert_eq!(
            Duplicate::of(stored(), PHONE, None, &["c1".into()], Rules::Legacy),
            None,
            "once chosen, not asked again"
        );
    }

    #[test]
    fn the_contacts_own_earlier_save_is_no_duplicate() {
        assert_eq!(
            Duplicate::of(stored(), EMAIL, Some("old-token"), &[], Rules::Legacy),
            None
        );
        let mut tokenless = stored();
        tokenless.token = None;
        assert!(Duplicate::of(tokenless, EMAIL, None, &[], Rules::Legacy).is_some());
    }

    #[test]
    fn in_the_contact_center_an_equal_email_takes_nothing_over() {
        let d = Duplicate::of(stored(), EMAIL, None, &[], Rules::ContactCenter).unwrap();
        assert!(d.may_register_anyway());
        let text = english(&d);
        assert!(text.contains("email ada@example.com"), "{text}");
        assert!(
            text.contains("register a separate contact anyway"),
            "{text}"
        );
        assert!(!text.contains("take that contact over"), "{text}");
    }

    #[test]
    fn an_update_adding_another_contacts_value_names_that_contact_and_the_value() {
        let d = Duplicate::of(
            stored(),
            (Match::Email, "ada@work.example"),
            None,
            &[],
            Rules::ContactCenter,
        )
        .unwrap();
        let d = Duplicate {
            updating: true,
            ..d
        };
        let text = english(&d);
        assert!(
            text.contains("ada@work.example"),
            "the value matched, not the first: {text}"
        );
        assert!(text.contains("Ada Lovelace (id c1)"), "{text}");
        assert!(text.contains("Save anyway"), "{text}");
        assert!(d.may_register_anyway());
    }

    #[test]
    fn the_values_checked_are_the_ones_a_save_adds() {
        let contact = ValidContact {
            name: "Ada".into(),
            email: Some("a@x.co".into()),
            phone: Some("+4930123456".into()),
            more_emails: vec!["b@x.co".into()],
            ..ValidContact::default()
        };
        let all = [
            (Match::Email, "a@x.co"),
            (Match::Email, "b@x.co"),
            (Match::Phone, "+4930123456"),
        ];
        assert_eq!(new_values(&contact, None, true), all);
        let record = ContactRecord {
            email: Some("a@x.co".into()),
            other_phones: vec!["+4930123456".into()],
            ..ContactRecord::default()
        };
        assert_eq!(
            new_values(&contact, Some(&record), true),
            [(Match::Email, "b@x.co")],
            "an update checks only what the contact does not have yet"
        );
        assert_eq!(
            new_values(&contact, None, false),
            [all[0], all[2]],
            "legacy: the one email and phone"
        );
        assert!(new_values(&contact, Some(&record), false).is_empty());
    }
}
