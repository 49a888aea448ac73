//! The one write every writer shares: the form's save (and each resend) today, an import row
//! next. A writer checks its own inputs, then hands [`write`] a valid contact and where it goes
//! (a [`Destination`]); the write reads the contact again and merges, finds what a lost create
//! made, looks for a duplicate, resolves the manager, saves and reads the answer, the same way
//! for every writer. The writer holds the session's write lock around it.

use crate::api::reply::ApiError;
use crate::api::Client;
use crate::domain::custom_fields;
use crate::domain::duplicate::{self, Duplicate};
use crate::domain::merge::{Merged, Part, Values};
use crate::domain::record::ContactRecord;
use crate::domain::target::Target;
use crate::domain::texts::Text;
use crate::domain::validate::ValidContact;
use crate::state::form::contact::new_token;
use crate::state::saving::lookups::{self, Manager, Save};

/// Where one write goes, and where what it learns on the way is kept: the contact it updates
/// (or the token of a create whose answer may have been lost), what the user chose, and how
/// the write's steps are said.
pub trait Destination {
    /// The contact written to, as it stands now.
    fn target(&self) -> Target;
    /// When the pending Contact Center create was first sent, if one was.
    fn since(&self) -> Option<String>;
    /// A step under way ("Saving…"), to say where the writer says such things.
    fn busy(&self, step: Text);
    /// Lays `here` over the contact as the server has it now (`server`), the three-way merge:
    /// `None` when the writer has moved on to another contact meanwhile.
    fn catch_up(&self, server: ContactRecord, here: &Values, center: bool) -> Option<Merged>;
    /// What is sent of `custom` (every custom field the server keeps): the Contact Center takes
    /// only the ones this writer knows, and keeps the others itself.
    fn as_sent(&self, custom: custom_fields::Values, center: bool) -> custom_fields::Values;
    /// The contact a create whose answer was lost made: from now on the write updates it.
    fn adopt(&self, found: ContactRecord);
    /// The ids of stored contacts the user chose to save beside (not a duplicate).
    fn accepted(&self) -> Vec<String>;
    /// The user id of agent `username`, when the writer already listed it.
    fn listed_manager(&self, username: &str) -> Option<String>;
    /// The save goes out now with `token` (a retry reuses it); `create` when it is a Contact
    /// Center create, whose answer may be lost after it made the contact.
    fn sending(&self, token: &str, create: bool);
    /// The last create was refused, so it made nothing: a resend need not look for it.
    fn not_created(&self);
    /// Whether the writer knows already that no stored contact has the new emails and phones
    /// (the import listed the server's contacts before its rows): no look-up is made then.
    fn looked_up(&self) -> bool {
        false
    }
}

/// A contact the server accepted.
#[derive(Debug)]
pub struct Accepted {
    /// The legacy token (the Contact Center has none).
    pub token: Option<String>,
    /// Whether it was made now (else updated).
    pub created: bool,
    /// The phone as sent (normalised).
    pub phone: Option<String>,
    /// The record as the server now holds it.
    pub record: ContactRecord,
    /// The fields someone else changed meanwhile, whose values were kept.
    pub taken: Vec<Part>,
}

/// How one write ended.
// One at a time, read at once: boxing the larger ones would cost code for no memory saved.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Written {
    /// The server accepted the contact.
    Saved(Accepted),
    /// A stored contact has this email or phone: nothing was saved.
    Duplicate(Duplicate),
    /// Someone else changed fields this write changes too: nothing was sent.
    Changed(Merged),
    /// The contact written to (this id) is gone from the server.
    Gone(String),
    /// No agent has the typed contact manager's username.
    ManagerUnknown,
    /// The browser cannot make a secure random token.
    NoToken,
    /// The server or the network said no.
    Failed(ApiError),
}

/// Reads the contact `to` writes to again and lays `here` over it (the destination's
/// [`Destination::catch_up`]): `None` when the server no longer has it, or the writer has moved
/// on to another contact meanwhile.
pub async fn reread(
    client: &Client,
    to: &dyn Destination,
    here: &Values,
) -> Result<Option<Merged>, ApiError> {
    let Some(id) = to.target().contact_id().map(str::to_owned) else {
        return Ok(None);
    };
    let Some(server) = client.load(&id).await? else {
        return Ok(None);
    };
    Ok(to.catch_up(server, here, client.contact_center()))
}

/// Writes `contact` (checked by the writer) with `custom` (every custom field, as the writer
/// has them) to `to`, top to bottom.
pub async fn write(
    client: &Client,
    to: &dyn Destination,
    mut contact: ValidContact,
    mut custom: custom_fields::Values,
) -> Written {
    let center = client.contact_center();
    let target = to.target();
    let mut existing = target.is_existing();
    let pending = target.pending_token().map(str::to_owned);
    let mut record = target.record().cloned();

    // A colleague may have changed the contact since it was read: it is read again, and what
    // is written is laid over it; a field both sides changed is asked about first.
    let mut taken = Vec::new();
    if let Some(id) = record.as_ref().filter(|_| existing).map(|r| r.id.clone()) {
        to.busy(Text::LoadingContact);
        let here = Values::sent(&contact, &custom);
        match reread(client, to, &here).await {
            Ok(Some(merged)) if merged.clashes.is_empty() => {
                contact = merged.send.contact();
                custom = merged.send.custom;
                taken = merged.taken;
                record = to.target().record().cloned();
            }
            Ok(Some(merged)) => return Written::Changed(merged),
            Ok(None) => return Written::Gone(id),
            Err(error) => return Written::Failed(error),
        }
    }
    // What the server keeps: every custom field; what is sent may be fewer.
    let kept = custom.clone();
    let custom = to.as_sent(custom, center);
    // A Contact Center create is not idempotent: one whose answer was lost may have made the
    // contact, which this write then updates instead of making a second.
    if let (false, Some(token), Some(since)) = (existing, &pending, to.since()) {
        to.busy(Text::CheckingLastSave);
        match lookups::lost_create(client, &contact, token, &since).await {
            Ok(Some(found)) => {
                to.adopt(found.clone());
                record = Some(found);
                existing = true;
            }
            Ok(None) => {}
            Err(error) => return Written::Failed(error),
        }
    }
    let updated = record.as_ref().filter(|_| existing);
    let values = duplicate::new_values(&contact, updated, center);
    if !values.is_empty() && !to.looked_up() {
        to.busy(Text::CheckingDuplicate);
        let accepted = to.accepted();
        let found =
            lookups::find_duplicate(client, &values, updated, pending.as_deref(), &accepted).await;
        match found {
            Ok(None) => {}
            Ok(Some(duplicate)) => return Written::Duplicate(duplicate),
            Err(error) => return Written::Failed(error),
        }
    }

    // The same token for every try, so a save whose answer was lost never makes two contacts.
    let token = to.target().token().map(str::to_owned).or_else(new_token);
    let Some(token) = token else {
        return Written::NoToken;
    };
    let listed = contact
        .contact_manager
        .as_deref()
        .and_then(|username| to.listed_manager(username));
    let manager_id = match lookups::manager_id(client, &contact, record.as_ref(), listed).await {
        Ok(id) => id,
        Err(Manager::Unknown) => return Written::ManagerUnknown,
        Err(Manager::Failed(error)) => return Written::Failed(error),
    };
    to.sending(&token, center && !existing);
    to.busy(Text::Saving);
    let save = Save {
        token: &token,
        contact: &contact,
        record: record.as_ref(),
        custom: &custom,
        manager_id: manager_id.as_deref(),
    };
    match lookups::save(client, &save).await {
        Ok((id, server)) => {
            let before = record.as_ref();
            let cleared = manager_id.as_deref() == Some("");
            let mut saved =
                ContactRecord::saved(id, token.clone(), &contact, kept, before, manager_id);
            // What the server answered, not a guess: whether the update identified the contact,
            // and a manager it kept although the field was emptied (before 8.2).
            if let Some(server) = server {
                saved.unknown = server.unknown;
                if cleared && server.manager_id.is_some() {
                    saved.manager_id = server.manager_id;
                    saved.contact_manager = before.and_then(|b| b.contact_manager.clone());
                }
            }
            Written::Saved(Accepted {
                token: (!center).then_some(token),
                created: !existing,
                phone: contact.phone,
                record: saved,
                taken,
            })
        }
        // The Contact Center's answer to an update of a contact deleted meanwhile.
        Err(ApiError::Rejected { message, .. })
            if existing && message == "error-contact-not-found" =>
        {
            Written::Gone(record.map(|r| r.id).unwrap_or_default())
        }
        Err(error) => {
            if error.refused() {
                to.not_created();
            }
            Written::Failed(error)
        }
    }
}
