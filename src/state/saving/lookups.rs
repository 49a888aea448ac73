//! The save pipeline's calls that differ between the two APIs: looking for a duplicate, finding
//! the contact a lost create made, the manager's user id, and the save itself. The legacy
//! endpoint addresses a contact by its token; the Contact Center by its id.

use crate::api::reply::ApiError;
use crate::api::wire::{self, center::Body};
use crate::api::Client;
use crate::domain::duplicate::{Duplicate, Match, Rules};
use crate::domain::record::ContactRecord;
use crate::domain::validate::ValidContact;
use crate::state::form::contact::new_token;

/// What a save needs beyond the contact: who it goes to and what goes with it.
pub struct Save<'a> {
    /// The contact's token (legacy: sent; Contact Center: the key this browser keeps).
    pub token: &'a str,
    /// The validated contact.
    pub contact: &'a ValidContact,
    /// The stored record, on update.
    pub record: Option<&'a ContactRecord>,
    /// The custom fields to send.
    pub custom: &'a [(String, String)],
    /// The Contact Center manager's user id (see [`manager_id`]).
    pub manager_id: Option<&'a str>,
}

/// Saves through the client's API; gives the contact's id.
pub async fn save(
    client: &Client,
    save: &Save<'_>,
) -> Result<(String, Option<ContactRecord>), ApiError> {
    if client.contact_center() {
        let body = Body {
            contact: save.contact,
            custom: save.custom,
            manager_id: save.manager_id,
        };
        let id = save.record.map(|r| r.id.as_str());
        client.center_save(&body, id).await
    } else {
        let body = wire::contact_body(save.token, save.contact, save.custom);
        client.save_contact(body).await.map(|id| (id, None))
    }
}

/// The stored contact that already has one of `values` (see [`duplicate::new_values`](crate::domain::duplicate::new_values)), if any: never the
/// contact updated (`record`) itself, nor the one a lost first save made (`pending_token`), nor
/// one the user chose to save beside (`accepted`).
pub async fn find_duplicate(
    client: &Client,
    values: &[(Match, &str)],
    record: Option<&ContactRecord>,
    pending_token: Option<&str>,
    accepted: &[String],
) -> Result<Option<Duplicate>, ApiError> {
    for &(by, value) in values {
        let (found, rules) = if client.contact_center() {
            // A Contact Center record has no token: it gets the key this browser would keep
            // it by, should the user choose to update it.
            let found = client.center_find(by, value).await?.map(|mut r| {
                r.token = new_token();
                r
            });
            (found, Rules::ContactCenter)
        } else {
            let key = by.field().input_name();
            (client.search_contact(key, value).await?, Rules::Legacy)
        };
        let found = found.filter(|r| record.is_none_or(|own| own.id != r.id));
        if let Some(duplicate) =
            found.and_then(|r| Duplicate::of(r, (by, value), pending_token, accepted, rules))
        {
            let updating = record.is_some();
            return Ok(Some(Duplicate {
                updating,
                ..duplicate
            }));
        }
    }
    Ok(None)
}

/// Contact Center only (a legacy resend is harmless: it carries the same token): the contact a
/// create whose answer was lost made, if it did, with `token` as its key here.
pub async fn lost_create(
    client: &Client,
    contact: &ValidContact,
    token: &str,
    since: &str,
) -> Result<Option<ContactRecord>, ApiError> {
    if !client.contact_center() {
        return Ok(None);
    }
    let found = client.center_lost(contact, since).await?;
    Ok(found.map(|mut r| {
        r.token = Some(token.to_owned());
        r
    }))
}

/// Why a typed contact manager cannot be saved to the Contact Center.
#[derive(Debug)]
pub enum Manager {
    /// No agent has that username.
    Unknown,
    /// The look-up failed.
    Failed(ApiError),
}

/// The Contact Center's `contactManager`: the user id of the typed username (`listed`, when
/// the picker listed that agent, else an exact match among the agents); `Some("")` clears a
/// stored manager; `None` leaves the stored one as it is (the field was left as loaded) or
/// there is none. Legacy saves send the username.
pub async fn manager_id(
    client: &Client,
    contact: &ValidContact,
    record: Option<&ContactRecord>,
    listed: Option<String>,
) -> Result<Option<String>, Manager> {
    if !client.contact_center() {
        return Ok(None);
    }
    let stored = record.and_then(|r| r.manager_id.clone());
    let shown = record.and_then(|r| r.contact_manager.as_deref());
    match contact.contact_manager.as_deref() {
        Some(username) if shown == Some(username) && stored.is_some() => Ok(stored),
        Some(_) if listed.is_some() => Ok(listed),
        Some(username) => match client.agent_id(username).await {
            Ok(Some(id)) => Ok(Some(id)),
            Ok(None) => Err(Manager::Unknown),
            Err(e) => Err(Manager::Failed(e)),
        },
        // An empty field clears the manager, unless the stored one could not be shown.
        None if shown.is_some() => Ok(Some(String::new())),
        None => Ok(None),
    }
}
