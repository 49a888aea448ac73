//! A contact record of either API (a legacy visitor or a Contact Center contact, one type reads
//! both), and the pages of the searches that list them.

use super::answer::Answer;
use super::shapes::{entries, FieldValue, FieldValues, Lenient, ManagerRef, Member};
use crate::domain::record::{Conflict, ContactRecord};
use serde::Deserialize;

/// One entry of a record's emails (`{"address": …}`) or phones (`{"phoneNumber": …}`).
#[derive(Deserialize)]
struct Entry {
    #[serde(alias = "phoneNumber")]
    address: Option<String>,
}

/// A record's emails or phones: a missing or `null` list has none.
type Entries = Option<Vec<Lenient<Entry>>>;

/// The values of a record's email or phone entries, in order; an entry without a value, or of
/// another shape, is skipped.
fn listed(list: Entries) -> impl Iterator<Item = String> {
    entries(list.unwrap_or_default()).filter_map(|e| e.address)
}

/// A contact record of either API: a legacy visitor (`GET omnichannel/contact`,
/// `contact.search`: `visitorEmails`, `phone`, `livechatData`, a manager `{username}`) or a
/// Contact Center contact (`contacts.get`, `contacts.search`, `contacts.update`: `emails`,
/// `phones`, `customFields`, a manager's user id). One type reads both.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Record {
    #[serde(rename = "_id")]
    id: String,
    token: Option<String>,
    name: Option<String>,
    #[serde(alias = "visitorEmails")]
    emails: Entries,
    #[serde(alias = "phone")]
    phones: Entries,
    #[serde(default, alias = "livechatData")]
    custom_fields: FieldValues,
    contact_manager: Option<ManagerRef>,
    created_at: Option<String>,
    conflicting_fields: Option<Vec<Lenient<ConflictEntry>>>,
}

/// One of `conflictingFields`: `{field, value}`, the value of any shape (a custom field's).
#[derive(Deserialize)]
struct ConflictEntry {
    field: String,
    value: FieldValue,
}

impl From<Record> for ContactRecord {
    fn from(r: Record) -> Self {
        let mut emails = listed(r.emails);
        let mut phones = listed(r.phones);
        let manager = r.contact_manager.unwrap_or_default();
        ContactRecord {
            id: r.id,
            token: r.token,
            name: r.name.unwrap_or_default(),
            email: emails.next(),
            phone: phones.next(),
            // A manager sent as a user names its username; a bare id is looked up.
            contact_manager: manager.username,
            custom_fields: r.custom_fields.0,
            other_emails: emails.collect(),
            other_phones: phones.collect(),
            manager_id: manager.id,
            created_at: r.created_at,
            conflicts: entries(r.conflicting_fields.unwrap_or_default())
                .filter_map(|c| {
                    let value = c.value.0?;
                    Some(Conflict {
                        field: c.field,
                        shown: value.clone(),
                        value,
                    })
                })
                .collect(),
        }
    }
}

/// One page of a search: the contacts on it, and how many the search found in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The contacts on this page, in the server's order.
    pub found: Vec<ContactRecord>,
    /// How many contacts match in all.
    pub total: usize,
}

/// A page of `list` (entries of another shape skipped) with the answer's `total` (the page's
/// length when the server leaves it out).
fn page(list: &Member, answer: &Answer) -> Option<Page> {
    let listed: Vec<Lenient<Record>> = list.read()?;
    let found: Vec<ContactRecord> = entries(listed).map(ContactRecord::from).collect();
    let total = answer.total.read::<usize>().unwrap_or(found.len());
    Some(Page { found, total })
}

/// `GET /api/v1/livechat/visitors.search`: `{"visitors": [...], "count", "offset", "total"}`
/// (the visitors carry no token: opening one loads it in full).
pub fn visitors_page(answer: &Answer) -> Option<Page> {
    page(&answer.visitors, answer)
}

/// `GET /api/v1/omnichannel/contacts.search`: `{"contacts": [...], "count", "offset", "total"}`.
pub fn contacts_page(answer: &Answer) -> Option<Page> {
    page(&answer.contacts, answer)
}
