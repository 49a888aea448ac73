//! Finding contacts, a page at a time, as one more method of [`Client`]: the legacy visitor
//! search or the Contact Center's, whichever API the client saves through.

use crate::api::client::decoded;
use crate::api::reply::ApiError;
use crate::api::wire::{self, Page};
use crate::api::Client;

impl Client {
    /// The page of up to `count` contacts from `offset` whose name, email or phone matches
    /// `text`: for the legacy API `livechat/visitors.search` (name as a substring, email and
    /// phone exactly), for the Contact Center `contacts.search` (name, any email and any phone
    /// as a substring; every contact for no text). `unknown` lists the Contact Center's
    /// unidentified contacts instead (Rocket.Chat's own list hides them), newest chat first.
    /// The search asks for [`PAGE`](crate::domain::search::PAGE) at a time; the import lists
    /// a server's contacts 100 at a time.
    pub async fn find(
        &self,
        text: &str,
        offset: usize,
        count: usize,
        unknown: bool,
    ) -> Result<Page, ApiError> {
        let (offset, count) = (offset.to_string(), count.to_string());
        if self.contact_center() {
            let mut query = vec![("searchText", text), ("count", &count), ("offset", &offset)];
            if unknown {
                query.extend([("unknown", "true"), ("sort", r#"{"lastChat.ts":-1}"#)]);
            }
            let answer = self
                .get("/api/v1/omnichannel/contacts.search", query)
                .await
                .map_err(|e| e.needing("view-livechat-contact"))?;
            return decoded(wire::contacts_page(&answer));
        }
        let query = [("term", text), ("count", &count), ("offset", &offset)];
        let answer = self.get("/api/v1/livechat/visitors.search", query).await?;
        decoded(wire::visitors_page(&answer))
    }
}
