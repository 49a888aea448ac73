//! A contact's conversations, as more methods of [`Client`]: its past chats (the Contact
//! Center's `contacts.history`, or before it a visitor's chats found through its last one), one
//! chat's messages, and a Contact Center contact's channels. Each 403 names its permission.

use crate::api::client::decoded;
use crate::api::reply::ApiError;
use crate::api::wire::history;
use crate::api::Client;
use crate::domain::abilities::{BLOCK, UNBLOCK};
use crate::domain::conversation::{
    Channel, ChannelVisitor, ChatMessage, Conversation, CHATS_PAGE, MESSAGES_PAGE,
};
use crate::domain::search::Results;

const HISTORY: &str = "view-livechat-contact-history";
const VIEW: &str = "view-livechat-contact";

impl Client {
    /// The page of contact `contact`'s closed chats from `offset`, newest first. Before the
    /// Contact Center, a visitor's chats are found through its last chat (a visitor that never
    /// chatted has none).
    pub async fn conversations(
        &self,
        contact: &str,
        offset: usize,
    ) -> Result<Results<Conversation>, ApiError> {
        let (count, offset) = (CHATS_PAGE.to_string(), offset.to_string());
        // One query type for every call here, so the request code is made once.
        let mut query = Vec::new();
        let (path, needs) = if self.contact_center() {
            query.push(("contactId", contact));
            ("/api/v1/omnichannel/contacts.history".to_owned(), HISTORY)
        } else {
            let visitor = self
                .get("/api/v1/omnichannel/contact", vec![("contactId", contact)])
                .await?;
            let Some(room) = decoded(history::last_chat(&visitor))? else {
                return Ok(Results::default());
            };
            query.extend([("closedChatsOnly", "true"), ("servedChatsOnly", "false")]);
            let path =
                format!("/api/v1/livechat/visitors.searchChats/room/{room}/visitor/{contact}");
            (path, "view-l-room")
        };
        query.extend([("count", count.as_str()), ("offset", offset.as_str())]);
        let answer = self.get(&path, query).await.map_err(|e| e.needing(needs))?;
        decoded(history::history_page(&answer))
    }

    /// The page of chat `room`'s messages from `offset`, oldest first; only those whose text
    /// holds `term`, when it is not empty.
    pub async fn messages(
        &self,
        room: &str,
        offset: usize,
        term: &str,
    ) -> Result<Results<ChatMessage>, ApiError> {
        let (count, from) = (MESSAGES_PAGE.to_string(), offset.to_string());
        let mut query = vec![
            ("sort", r#"{"ts":1}"#),
            ("count", &count),
            ("offset", &from),
        ];
        if !term.is_empty() {
            query.push(("searchTerm", term));
        }
        let answer = self
            .get(&format!("/api/v1/livechat/{room}/messages"), query)
            .await?;
        let mut page = decoded(history::messages_page(&answer))?;
        page.term = term.to_owned();
        Ok(page)
    }

    /// `contacts.channels`: the Contact Center contact's channels.
    pub async fn channels(&self, contact: &str) -> Result<Vec<Channel>, ApiError> {
        let answer = self
            .get(
                "/api/v1/omnichannel/contacts.channels",
                [("contactId", contact)],
            )
            .await
            .map_err(|e| e.needing(VIEW))?;
        decoded(history::channels(&answer))
    }

    /// `contacts.block` (or `contacts.unblock`, `block` false) of the channel `visitor` came
    /// through. A 403 names the route's permission.
    pub async fn block(&self, visitor: &ChannelVisitor, block: bool) -> Result<(), ApiError> {
        let (path, needs) = match block {
            true => ("/api/v1/omnichannel/contacts.block", BLOCK),
            false => ("/api/v1/omnichannel/contacts.unblock", UNBLOCK),
        };
        self.post(path, history::block_body(visitor))
            .await
            .map(drop)
            .map_err(|e| e.needing(needs))
    }
}
