//! A contact record of either API (a legacy visitor or a Contact Center contact, one type reads
//! both), and the pages of the searches that list them.

use super::answer::Answer;
use super::shapes::{items, FieldValue, FieldValues, JsonObject, ManagerRef, Member};
use crate::domain::record::{Came, Conflict, ContactRecord};

/// The values of a record's email entries (`{"address": …}`) or phone entries
/// (`{"phoneNumber": …}`) in the list `keys` names, in order; an entry without a value, or of
/// another shape, is skipped, and a missing or `null` list has none. `None`: the list is of
/// another shape.
fn listed(record: &JsonObject, keys: &[&str]) -> Option<Vec<String>> {
    record.list(keys, |entry| {
        entry
            .field::<Option<String>>(&["address", "phoneNumber"])
            .flatten()
    })
}

/// Where a Contact Center record last came in: the channel whose last chat is the newest (the
/// first listed when none says), and the record's own last chat; `None` without channels.
fn came(r: &JsonObject) -> Option<Came> {
    let last = |c: &JsonObject| c.object("lastChat").and_then(|l| l.text("ts"));
    let channels = r.list(&["channels"], |c| {
        Some((super::history::source(&c.object("details")?)?, last(&c)))
    })?;
    let (source, at) = channels
        .into_iter()
        .reduce(|a, b| if b.1 > a.1 { b } else { a })?;
    Some(Came {
        source,
        at: last(r).or(at),
    })
}

/// A contact record of either API: a legacy visitor (`GET omnichannel/contact`,
/// `contact.search`: `visitorEmails`, `phone`, `livechatData`, a manager `{username}`) or a
/// Contact Center contact (`contacts.get`, `contacts.search`, `contacts.update`: `emails`,
/// `phones`, `customFields`, a manager's user id). One reader reads both; `None` when it has
/// no `_id`, or a member of another shape than these.
pub(super) fn record(r: JsonObject) -> Option<ContactRecord> {
    let mut emails = listed(&r, &["emails", "visitorEmails"])?.into_iter();
    let mut phones = listed(&r, &["phones", "phone"])?.into_iter();
    let manager = r
        .field::<Option<ManagerRef>>(&["contactManager"])?
        .unwrap_or_default();
    let conflicts = r.list(&["conflictingFields"], |c| {
        let value = c.member("value")?.read::<FieldValue>()?.0?;
        Some(Conflict {
            field: c.text("field")?,
            shown: value.clone(),
            value,
        })
    })?;
    Some(ContactRecord {
        id: r.text("_id")?,
        token: r.field(&["token"])?,
        name: r.field::<Option<String>>(&["name"])?.unwrap_or_default(),
        email: emails.next(),
        phone: phones.next(),
        // A manager sent as a user names its username; a bare id is looked up.
        contact_manager: manager.username,
        custom_fields: r.field::<FieldValues>(&["customFields", "livechatData"])?.0,
        other_emails: emails.collect(),
        other_phones: phones.collect(),
        manager_id: manager.id,
        created_at: r.field(&["createdAt"])?,
        conflicts,
        unknown: r.yes("unknown"),
        came: came(&r),
    })
}

/// The record `member` holds; `None` when it holds none of that shape.
pub(super) fn record_in(member: &Member) -> Option<ContactRecord> {
    record(JsonObject::of(member)?)
}

/// One page of a search: the contacts on it, and how many the search found in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The contacts on this page, in the server's order.
    pub found: Vec<ContactRecord>,
    /// How many contacts match in all.
    pub total: usize,
}

/// The items of a page `list`, read by `item` (entries of another shape skipped), with the
/// answer's `total` (the page's length when the server leaves it out): every paged answer's.
pub(super) fn paged<T>(
    list: &Member,
    answer: &Answer,
    item: impl Fn(JsonObject) -> Option<T>,
) -> Option<(Vec<T>, usize)> {
    let found = items(list, item)?;
    let total = answer.total.count().map_or(found.len(), |n| n as usize);
    Some((found, total))
}

/// A search's page of `list`.
fn page(list: &Member, answer: &Answer) -> Option<Page> {
    paged(list, answer, record).map(|(found, total)| Page { found, total })
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
