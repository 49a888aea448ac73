//! A contact as Rocket.Chat stores it, and the merge of a loaded record with the user's edits.
//! The server replaces a record on update, so an update must carry every field the record keeps:
//! fields the user did not touch go back exactly as stored, custom fields included.

use crate::domain::catalogue::Texts;
use crate::domain::field::{Field, FieldErrors};
use crate::domain::source::Source;
use crate::domain::texts::Text;
use crate::domain::validate::{self, ContactDraft, Lower, ValidContact};

/// A value a channel reported that differs from the stored one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Rocket.Chat's name of the field: `name`, `manager` or `customFields.<key>`.
    pub field: String,
    /// The value reported (a manager's is a user id).
    pub value: String,
    /// How it is shown: the value itself, a manager's as the agent's username when known.
    pub shown: String,
}

/// The parts of a stored contact the widget keeps on update.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactRecord {
    /// The contact's id.
    pub id: String,
    /// The contact's token: whoever sends it updates this record.
    pub token: Option<String>,
    /// Name as stored.
    pub name: String,
    /// First email address, as stored.
    pub email: Option<String>,
    /// First phone number, as stored.
    pub phone: Option<String>,
    /// Contact manager's username.
    pub contact_manager: Option<String>,
    /// Custom field values (`livechatData`), by field id.
    pub custom_fields: Vec<(String, String)>,
    /// A Contact Center contact's further email addresses (the rows after the first).
    pub other_emails: Vec<String>,
    /// A Contact Center contact's further phone numbers (the rows after the first).
    pub other_phones: Vec<String>,
    /// A Contact Center contact's manager as stored: a user id (`contact_manager` holds its
    /// username once looked up).
    pub manager_id: Option<String>,
    /// When a Contact Center contact was created (ISO 8601, UTC, as the server wrote it).
    pub created_at: Option<String>,
    /// A Contact Center contact's conflicting values, as the server lists them.
    pub conflicts: Vec<Conflict>,
    /// Not identified yet (`unknown: true`): a first-time visitor's contact, which Rocket.Chat's
    /// own list hides until a save identifies it.
    pub unknown: bool,
    /// Where the contact last came in: its newest channel and when its last chat started, as a
    /// Contact Center record lists its channels.
    pub came: Option<Came>,
}

/// Where a contact last came in, as its option in the unidentified list says it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Came {
    /// The channel's source (named as the Contact Center names it).
    pub source: Source,
    /// When its last chat started (ISO 8601), when it had one.
    pub at: Option<String>,
}

impl ContactRecord {
    /// The name to show for the contact: its own, or `t`'s "(no name)" when it has none.
    pub fn shown_name<'a>(&'a self, t: &'a Texts) -> &'a str {
        if self.name.trim().is_empty() {
            t.get(Text::NoName)
        } else {
            &self.name
        }
    }

    /// The record as the server now holds it after a save of `contact` over `before` (the
    /// loaded record, on update): the form's fields and rows replace the stored ones; a Contact
    /// Center contact keeps its manager's id unless `manager_id` (as sent: `""` cleared it)
    /// changed it.
    pub fn saved(
        id: String,
        token: String,
        contact: &ValidContact,
        custom_fields: Vec<(String, String)>,
        before: Option<&ContactRecord>,
        manager_id: Option<String>,
    ) -> Self {
        // As the server holds them: the first value, then the others (empty rows are gone).
        let split = |all: Vec<&str>| {
            let mut all = all.into_iter().map(str::to_owned);
            (all.next(), all.collect())
        };
        let (email, other_emails) = split(contact.emails());
        let (phone, other_phones) = split(contact.phones());
        let kept_manager = before.and_then(|b| b.manager_id.clone());
        ContactRecord {
            id,
            token: Some(token),
            name: contact.name.clone(),
            email,
            phone,
            contact_manager: contact.contact_manager.clone(),
            custom_fields,
            other_emails,
            other_phones,
            manager_id: match manager_id {
                Some(sent) => (!sent.is_empty()).then_some(sent),
                None => kept_manager,
            },
            created_at: None,
            // A save without resolving leaves them as they are.
            conflicts: before.map(|b| b.conflicts.clone()).unwrap_or_default(),
            // What the server answered says whether the save identified it (see `identified`).
            unknown: before.is_some_and(|b| b.unknown),
            came: before.and_then(|b| b.came.clone()),
        }
    }

    /// The record as form values.
    pub fn draft(&self) -> ContactDraft {
        ContactDraft {
            name: self.name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            contact_manager: self.contact_manager.clone().unwrap_or_default(),
            more_emails: self.other_emails.clone(),
            more_phones: self.other_phones.clone(),
        }
    }

    /// Whether `value` is one of the record's emails (or phones), exactly as stored.
    pub fn has(&self, field: Field, value: &str) -> bool {
        let (first, others) = match field {
            Field::Phone => (&self.phone, &self.other_phones),
            _ => (&self.email, &self.other_emails),
        };
        first.as_deref() == Some(value) || others.iter().any(|o| o == value)
    }
}

/// What the user typed, checked against the loaded record: a field still holding the stored value
/// goes back as stored (Rocket.Chat keeps phones exactly as sent, even ones this form would not
/// accept); a changed field must pass validation. Without a record it is plain validation.
pub fn merge(
    record: Option<&ContactRecord>,
    draft: &ContactDraft,
    lower: Lower,
) -> Result<ValidContact, FieldErrors> {
    let Some(record) = record else {
        return validate::validate(draft, lower);
    };
    let stored = record.draft();
    validate::validate_keeping(
        draft,
        lower,
        |field| {
            let (now, then, value) = match field {
                Field::Name => (&draft.name, &stored.name, Some(record.name.clone())),
                Field::Email => (&draft.email, &stored.email, record.email.clone()),
                Field::Phone => (&draft.phone, &stored.phone, record.phone.clone()),
                Field::ContactManager => (
                    &draft.contact_manager,
                    &stored.contact_manager,
                    record.contact_manager.clone(),
                ),
            };
            // An untouched empty name still has to be filled in.
            (now == then && !then.trim().is_empty()).then_some(value)
        },
        |field, raw| record.has(field, raw),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field::FieldError;

    fn record() -> ContactRecord {
        ContactRecord {
            id: "c1".into(),
            token: Some("t".into()),
            name: "Ada".into(),
            email: Some("ada@example.com".into()),
            phone: Some("12345".into()),
            contact_manager: Some("agent.two".into()),
            custom_fields: vec![
                ("company".into(), "ACME".into()),
                ("tier".into(), "Gold".into()),
            ],
            ..ContactRecord::default()
        }
    }

    #[test]
    fn untouched_fields_go_back_as_stored_even_if_this_form_would_refuse_them() {
        let r = record();
        let mut draft = r.draft();
        draft.name = "Ada King".into();
        let merged = merge(Some(&r), &draft, str::to_lowercase).unwrap();
        assert_eq!(merged.name, "Ada King");
        assert_eq!(
            merged.phone.as_deref(),
            Some("12345"),
            "a phone set elsewhere is kept as it is"
        );
        assert_eq!(merged.email.as_deref(), Some("ada@example.com"));
        assert_eq!(merged.contact_manager.as_deref(), Some("agent.two"));
    }

    #[test]
    fn edited_fields_are_validated_and_cleared_ones_removed() {
        let r = record();
        let mut draft = r.draft();
        draft.phone = "020 7946 0958".into();
        let errors = merge(Some(&r), &draft, str::to_lowercase).unwrap_err();
        assert_eq!(
            errors.get(Field::Phone),
            Some(&FieldError::PhoneCountryCode)
        );
        assert_eq!(errors.count(), 1, "the untouched fields raise nothing");

        draft.phone = "+44 20 7946 0958".into();
        draft.email = String::new();
        draft.contact_manager = " @agent.one ".into();
        let merged = merge(Some(&r), &draft, str::to_lowercase).unwrap();
        assert_eq!(merged.phone.as_deref(), Some("+442079460958"));
        assert_eq!(merged.email, None, "clearing a field removes it");
        assert_eq!(merged.contact_manager.as_deref(), Some("agent.one"));
    }

    #[test]
    fn without_a_record_it_is_plain_validation() {
        let draft = ContactDraft {
            name: "Ada".into(),
            phone: "12345".into(),
            ..Default::default()
        };
        assert!(merge(None, &draft, str::to_lowercase).is_err());
    }

    #[test]
    fn a_saved_record_keeps_the_contact_centers_other_values_and_manager() {
        let before = ContactRecord {
            other_emails: vec!["b@x.co".into(), "new@x.co".into()],
            other_phones: vec!["+4930999999".into()],
            manager_id: Some("agentTwo".into()),
            ..record()
        };
        let contact = ValidContact {
            name: "Ada".into(),
            email: Some("new@x.co".into()),
            phone: None,
            contact_manager: Some("agent.two".into()),
            more_emails: vec!["b@x.co".into()],
            more_phones: vec!["+4930999999".into()],
        };
        let saved = ContactRecord::saved(
            "c1".into(),
            "t".into(),
            &contact,
            Vec::new(),
            Some(&before),
            None,
        );
        assert_eq!(saved.email.as_deref(), Some("new@x.co"));
        assert_eq!(
            saved.other_emails,
            ["b@x.co"],
            "what the form shows, in order"
        );
        assert_eq!(
            saved.phone.as_deref(),
            Some("+4930999999"),
            "an empty first row is not stored"
        );
        assert!(saved.other_phones.is_empty());
        assert_eq!(
            saved.manager_id.as_deref(),
            Some("agentTwo"),
            "left out: unchanged"
        );
        let cleared = ContactRecord::saved(
            "c1".into(),
            "t".into(),
            &contact,
            Vec::new(),
            Some(&before),
            Some(String::new()),
        );
        assert_eq!(cleared.manager_id, None);
        let new = ContactRecord::saved(
            "c2".into(),
            "t".into(),
            &contact,
            Vec::new(),
            None,
            Some("agentOne".into()),
        );
        assert_eq!(new.manager_id.as_deref(), Some("agentOne"));
    }

    #[test]
    fn further_rows_holding_stored_values_go_back_as_stored() {
        let r = ContactRecord {
            other_phones: vec!["0049 30 1".into()],
            other_emails: vec!["Old@X.co".into()],
            ..record()
        };
        let mut draft = r.draft();
        assert_eq!(draft.more_phones, ["0049 30 1"]);
        draft.more_emails.push("new@x.co".into());
        let merged = merge(Some(&r), &draft, str::to_lowercase).unwrap();
        assert_eq!(merged.more_phones, ["0049 30 1"], "kept as stored");
        assert_eq!(merged.emails(), ["ada@example.com", "Old@X.co", "new@x.co"]);
        draft.more_emails.push("nope".into());
        let errors = merge(Some(&r), &draft, str::to_lowercase).unwrap_err();
        let email3 = crate::domain::field::Place {
            field: Field::Email,
            row: 3,
        };
        assert_eq!(errors.rows, [(email3, FieldError::EmailShape)]);
        assert!(r.has(Field::Email, "Old@X.co") && !r.has(Field::Phone, "Old@X.co"));
    }
}
