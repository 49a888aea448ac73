//! "Add what is new": a row whose email or phone belongs to a contact on the server adds to that
//! contact instead of making a second one. Its new emails and phones are added, the contact's
//! empty fields (name, manager, custom fields) are filled from the row, and nothing is removed
//! or overwritten. What this gives is laid over the contact as the server has it when the row is
//! sent, by the widget's three-way merge (the record found is the base), so a colleague's change
//! in between is kept too.

use crate::domain::custom_fields::{self, Values};
use crate::domain::record::ContactRecord;
use crate::domain::validate::ValidContact;

/// The contact `found` with what `row` (and its `custom` fields) adds; `None` when the row adds
/// nothing (the row is then skipped, not sent).
pub fn add_new(
    found: &ContactRecord,
    row: &ValidContact,
    custom: &Values,
) -> Option<(ValidContact, Values)> {
    let mut changed = false;
    let mut fill = |stored: &Option<String>, given: &Option<String>| match (stored, given) {
        (None, Some(value)) => {
            changed = true;
            Some(value.clone())
        }
        _ => stored.clone(),
    };
    let contact_manager = fill(&found.contact_manager, &row.contact_manager);
    let (email, more_emails) = added(
        &found.email,
        &found.other_emails,
        row.email.iter().chain(&row.more_emails),
        &mut changed,
    );
    let (phone, more_phones) = added(
        &found.phone,
        &found.other_phones,
        row.phone.iter().chain(&row.more_phones),
        &mut changed,
    );
    let name = if found.name.trim().is_empty() && !row.name.is_empty() {
        changed = true;
        row.name.clone()
    } else {
        found.name.clone()
    };
    let mut values = found.custom_fields.clone();
    for (id, value) in custom {
        let empty = custom_fields::value_of(&values, id).is_none_or(|v| v.trim().is_empty());
        if empty && !value.trim().is_empty() {
            changed = true;
            custom_fields::set_value(&mut values, id, value.clone());
        }
    }
    let contact = ValidContact {
        name,
        email,
        phone,
        contact_manager,
        more_emails,
        more_phones,
    };
    changed.then_some((contact, values))
}

/// A stored list (its first value and the others) with the given values it lacks added.
fn added<'a>(
    first: &Option<String>,
    others: &[String],
    given: impl Iterator<Item = &'a String>,
    changed: &mut bool,
) -> (Option<String>, Vec<String>) {
    let mut all: Vec<String> = first.iter().chain(others).cloned().collect();
    for value in given {
        if !all.contains(value) {
            all.push(value.clone());
            *changed = true;
        }
    }
    let mut all = all.into_iter();
    (all.next(), all.collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found() -> ContactRecord {
        ContactRecord {
            id: "c1".into(),
            name: "Ada Lovelace".into(),
            email: Some("ada@x.org".into()),
            phone: None,
            custom_fields: vec![("tier".into(), "gold".into())],
            ..ContactRecord::default()
        }
    }

    fn row(name: &str, emails: &[&str], phones: &[&str]) -> ValidContact {
        let own = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let (emails, phones) = (own(emails), own(phones));
        ValidContact {
            name: name.into(),
            email: emails.first().cloned(),
            phone: phones.first().cloned(),
            contact_manager: Some("agent.one".into()),
            more_emails: emails.iter().skip(1).cloned().collect(),
            more_phones: phones.iter().skip(1).cloned().collect(),
        }
    }

    #[test]
    fn new_emails_and_phones_are_added_and_empty_fields_filled_nothing_overwritten() {
        let custom = vec![
            ("tier".to_owned(), "silver".to_owned()),
            ("city".to_owned(), "Berlin".to_owned()),
        ];
        let (contact, values) = add_new(
            &found(),
            &row("A. King", &["ada@x.org", "ada@work.org"], &["+49301234567"]),
            &custom,
        )
        .expect("something is new");
        assert_eq!(contact.name, "Ada Lovelace", "a name is never overwritten");
        assert_eq!(contact.email.as_deref(), Some("ada@x.org"));
        assert_eq!(contact.more_emails, ["ada@work.org"]);
        assert_eq!(contact.phone.as_deref(), Some("+49301234567"));
        assert_eq!(contact.contact_manager.as_deref(), Some("agent.one"));
        assert_eq!(
            values,
            [
                ("tier".to_owned(), "gold".to_owned()),
                ("city".to_owned(), "Berlin".to_owned())
            ]
        );
    }

    #[test]
    fn a_row_that_adds_nothing_is_skipped() {
        let mut found = found();
        found.contact_manager = Some("agent.two".into());
        let same = row("Someone else", &["ada@x.org"], &[]);
        assert_eq!(add_new(&found, &same, &vec![]), None);
    }
}
