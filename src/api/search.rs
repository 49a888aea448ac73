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
    /// unidentified contacts instead (Rocket.Chat's own list hides them). The search asks for
    /// [`PAGE`](crate::domain::search::PAGE) at a time in the server's order (by name; the
    /// unidentified ones newest chat first); the import lists every contact 100 at a time,
    /// oldest first.
    pub async fn find(
        &self,
        text: &str,
        offset: usize,
        count: usize,
        unknown: bool,
        order: Order,
    ) -> Result<Page, ApiError> {
        let (offset, count) = (offset.to_string(), count.to_string());
        let center = self.contact_center();
        let sort = match (order, center) {
            (Order::Oldest, true) => Some(r#"{"createdAt":1}"#),
            (Order::Oldest, false) => Some(r#"{"ts":1}"#),
            (Order::Search, true) if unknown => Some(r#"{"lastChat.ts":-1}"#),
            (Order::Search, _) => None,
        };
        let key = if center { "searchText" } else { "term" };
        let mut query = vec![(key, text), ("count", &count), ("offset", &offset)];
        if center && unknown {
            query.push(("unknown", "true"));
        }
        query.extend(sort.map(|sort| ("sort", sort)));
        if center {
            let answer = self
                .get("/api/v1/omnichannel/contacts.search", query)
                .await
                .map_err(|e| e.needing("view-livechat-contact"))?;
            return decoded(wire::contacts_page(&answer));
        }
        let answer = self.get("/api/v1/livechat/visitors.search", query).await?;
        decoded(wire::visitors_page(&answer))
    }
}

/// The order a page of contacts comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The server's own for a search: by name, the unidentified contacts newest chat first.
    Search,
    /// Oldest first: a contact made while every page is read comes on the last page, so none
    /// is passed over (the import's listing).
    Oldest,
}
