//! The Contact Center calls of Rocket.Chat 7.1+ (`omnichannel/contacts*`), as more methods of
//! [`Client`]. Each 403 names the route's own permission.

use crate::api::client::decoded;
use crate::api::reply::ApiError;
use crate::api::wire::center::{self, Body, Resolve};
use crate::api::Client;
use crate::domain::abilities::DELETE;
use crate::domain::duplicate::Match;
use crate::domain::record::ContactRecord;
use crate::domain::validate::ValidContact;

const VIEW: &str = "view-livechat-contact";
const CREATE: &str = "create-livechat-contact";
const UPDATE: &str = "update-livechat-contact";
/// How many search results are compared: exact matches hide among substring ones.
const SEARCHED: &str = "100";
/// How many agents a username or id is looked up among.
const AGENTS: usize = 100;

impl Client {
    /// `contacts.get`: the contact, or `None` when the server has no such contact (404).
    pub async fn center_contact(&self, id: &str) -> Result<Option<ContactRecord>, ApiError> {
        let path = "/api/v1/omnichannel/contacts.get";
        match self.get(path, [("contactId", id)]).await {
            Ok(answer) => decoded(center::got(&answer)).map(Some),
            Err(ApiError::Unexpected { status: 404 }) => Ok(None),
            Err(e) => Err(e.needing(VIEW)),
        }
    }

    /// `contacts.search`: contacts whose name, an email or a phone contains `text`.
    async fn center_search(&self, text: &str) -> Result<Vec<ContactRecord>, ApiError> {
        let query = [("searchText", text), ("count", SEARCHED)];
        let answer = self
            .get("/api/v1/omnichannel/contacts.search", query)
            .await
            .map_err(|e| e.needing(VIEW))?;
        decoded(center::found(&answer))
    }

    /// The stored contact whose email (or phone) is exactly `value`. `checkExistence` (7.2+)
    /// answers exactly whether there is one; the search, a substring match compared exactly
    /// here, finds it (and is all there is on 7.1).
    pub async fn center_find(
        &self,
        by: Match,
        value: &str,
    ) -> Result<Option<ContactRecord>, ApiError> {
        let key = match by {
            Match::Email => "email",
            Match::Phone => "phone",
        };
        let path = "/api/v1/omnichannel/contacts.checkExistence";
        match self.get(path, [(key, value)]).await {
            Ok(answer) if !decoded(center::exists(&answer))? => return Ok(None),
            Ok(_) | Err(ApiError::Unexpected { status: 404 }) => {}
            Err(e) => return Err(e.needing(VIEW)),
        }
        let found = self.center_search(value).await?;
        Ok(found.into_iter().find(|r| r.has(by.field(), value)))
    }

    /// After a create whose answer was lost: the contact it may have made, created at `since`
    /// or later (ISO 8601), found by one of its exact emails, else phones, else its name.
    pub async fn center_lost(
        &self,
        contact: &ValidContact,
        since: &str,
    ) -> Result<Option<ContactRecord>, ApiError> {
        let recent = |r: &ContactRecord| r.created_at.as_deref().is_some_and(|c| c >= since);
        let emails = contact.emails().into_iter().map(|v| (Match::Email, v));
        let phones = contact.phones().into_iter().map(|v| (Match::Phone, v));
        for (by, value) in emails.chain(phones) {
            let found = self.center_search(value).await?;
            let made = |r: &ContactRecord| r.has(by.field(), value) && recent(r);
            if let Some(r) = found.into_iter().find(made) {
                return Ok(Some(r));
            }
        }
        let found = self.center_search(&contact.name).await?;
        Ok(found
            .into_iter()
            .find(|r| r.name == contact.name && recent(r)))
    }

    /// Whether the server has the Contact Center routes: the search answers 200, or 403 (it
    /// exists, but this user may not use it).
    pub async fn probe_contacts(&self) -> bool {
        let query = [("count", "1")];
        match self.get("/api/v1/omnichannel/contacts.search", query).await {
            Ok(_) | Err(ApiError::Forbidden { .. }) => true,
            Err(_) => false,
        }
    }

    /// `contacts.update` of contact `id`, else `POST contacts`: the contact's id, and after an
    /// update the contact as the server now holds it (whether it is identified, which manager
    /// it kept).
    pub async fn center_save(
        &self,
        body: &Body<'_>,
        id: Option<&str>,
    ) -> Result<(String, Option<ContactRecord>), ApiError> {
        match id {
            Some(id) => {
                let reply = self
                    .post("/api/v1/omnichannel/contacts.update", body.update(id))
                    .await
                    .map_err(|e| e.needing(UPDATE))?;
                let record = decoded(center::got(&reply))?;
                Ok((record.id.clone(), Some(record)))
            }
            None => {
                let reply = self
                    .post("/api/v1/omnichannel/contacts", body.create())
                    .await
                    .map_err(|e| e.needing(CREATE))?;
                decoded(center::created_id(&reply)).map(|id| (id, None))
            }
        }
    }

    /// `contacts.delete` of contact `id` (Rocket.Chat's newest releases; an older one answers
    /// 404, [`ApiError::Unexpected`]).
    pub async fn center_delete(&self, id: &str) -> Result<(), ApiError> {
        let body = center::delete_body(id);
        self.post("/api/v1/omnichannel/contacts.delete", body)
            .await
            .map(drop)
            .map_err(|e| e.needing(DELETE))
    }

    /// Settles the contact's conflicts with the values chosen: `contacts.conflicts` (7.7+), or
    /// before that (404) `contacts.update` with the same values and `wipeConflicts`, as
    /// Rocket.Chat's own editor does. Gives the contact as it now is.
    pub async fn center_resolve(&self, resolve: &Resolve<'_>) -> Result<ContactRecord, ApiError> {
        let body = resolve.body();
        let path = "/api/v1/omnichannel/contacts.conflicts";
        match self.post(path, body.clone()).await {
            Ok(answer) => decoded(center::resolved(&answer)),
            Err(ApiError::Unexpected { status: 404 }) => {
                let answer = self
                    .post("/api/v1/omnichannel/contacts.update", body)
                    .await
                    .map_err(|e| e.needing(UPDATE))?;
                decoded(center::got(&answer))
            }
            Err(e) => Err(e.needing(UPDATE)),
        }
    }

    /// Names the managers a Contact Center record gives by user id (its own, and conflicting
    /// ones) by their usernames, with one look-up of the agents. Without an answer they stay
    /// unnamed: the field stays empty and the stored manager is left as it is.
    pub async fn name_managers(&self, record: &mut ContactRecord) {
        let unnamed = record.contact_manager.is_none() && record.manager_id.is_some();
        let conflicting = record.conflicts.iter().any(|c| c.field == "manager");
        if !unnamed && !conflicting {
            return;
        }
        let Ok(agents) = self.agents("", AGENTS).await else {
            return;
        };
        let username = |id: &str| {
            agents
                .iter()
                .find(|a| a.id.as_deref() == Some(id))
                .map(|a| a.username.clone())
        };
        if unnamed {
            record.contact_manager = record.manager_id.as_deref().and_then(username);
        }
        for conflict in record.conflicts.iter_mut().filter(|c| c.field == "manager") {
            if let Some(name) = username(&conflict.value) {
                conflict.shown = name;
            }
        }
    }

    /// The user id of the agent whose username is exactly `username`, if there is one.
    pub async fn agent_id(&self, username: &str) -> Result<Option<String>, ApiError> {
        let agents = self.agents(username, AGENTS).await?;
        Ok(agents
            .into_iter()
            .find(|a| a.username == username)
            .and_then(|a| a.id))
    }
}
