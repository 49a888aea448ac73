//! The JSON shapes of a contact's conversations (`rocketchat-history.md`): the pages of
//! `contacts.history` and `livechat/visitors.searchChats` (one item type reads both: the
//! closing message is `lastMessage` in one, `closingMessage` in the other), the messages of
//! `livechat/:rid/messages`, the channels of `contacts.channels`, and a visitor's `lastChat`.

use super::shapes::{entries, Lenient, Member, User};
use super::Answer;
use crate::domain::conversation::{Body, Channel, ChatMessage, Conversation, Source};
use crate::domain::search::{Keyed, Results};
use serde::Deserialize;

/// `{_id}` of something referred to (a visitor's last chat).
#[derive(Deserialize)]
struct Ref {
    #[serde(rename = "_id")]
    id: String,
}

/// `source` of a chat, `details` of a channel.
#[derive(Deserialize)]
struct SourceShape {
    #[serde(rename = "type")]
    kind: String,
    alias: Option<String>,
    label: Option<String>,
    destination: Option<String>,
}

impl SourceShape {
    fn source(&self) -> Source {
        Source {
            kind: self.kind.clone(),
            alias: self.alias.clone(),
        }
    }
}

/// A message: one of a chat, or a chat's closing message.
#[derive(Deserialize)]
struct MessageShape {
    #[serde(rename = "_id")]
    id: String,
    #[serde(default)]
    msg: Lenient<String>,
    #[serde(default)]
    ts: Lenient<String>,
    #[serde(default)]
    u: Lenient<User>,
    #[serde(default)]
    t: Lenient<String>,
    #[serde(default)]
    file: Lenient<FileShape>,
}

#[derive(Deserialize)]
struct FileShape {
    name: String,
    size: Option<u64>,
}

/// One chat of a history page.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChatShape {
    #[serde(rename = "_id")]
    id: String,
    #[serde(default)]
    ts: Lenient<String>,
    #[serde(default)]
    closed_at: Lenient<String>,
    #[serde(default)]
    served_by: Lenient<User>,
    #[serde(default)]
    tags: Lenient<Vec<Lenient<String>>>,
    #[serde(default)]
    source: Lenient<SourceShape>,
    #[serde(default, alias = "closingMessage")]
    last_message: Lenient<MessageShape>,
}

impl From<ChatShape> for Conversation {
    fn from(c: ChatShape) -> Self {
        // A closing comment only from the closing message (`lastMessage` is any message
        // before a chat is closed).
        let closing = c
            .last_message
            .0
            .filter(|m| m.t.0.as_deref() == Some("livechat-close"))
            .and_then(|m| m.msg.0)
            .filter(|comment| !comment.trim().is_empty());
        Conversation {
            room: c.id,
            source: c.source.0.map(|s| s.source()),
            when: c.closed_at.0.or(c.ts.0).unwrap_or_default(),
            agent: c.served_by.0.and_then(|u| u.username),
            tags: entries(c.tags.0.unwrap_or_default()).collect(),
            closing,
        }
    }
}

impl From<MessageShape> for ChatMessage {
    fn from(m: MessageShape) -> Self {
        let user = m.u.0;
        let author = user
            .and_then(|u| u.name.filter(|n| !n.trim().is_empty()).or(u.username))
            .unwrap_or_default();
        let text = m.msg.0.unwrap_or_default();
        let body = match (m.t.0.as_deref(), m.file.0) {
            (Some("livechat-close"), _) => Body::Closed(text),
            (_, Some(file)) => Body::File {
                name: file.name,
                size: file.size,
            },
            _ => Body::Text(text),
        };
        ChatMessage {
            id: m.id,
            author,
            ts: m.ts.0.unwrap_or_default(),
            body,
        }
    }
}

/// A page of `list` (items of another shape skipped) with the answer's `total`.
fn page<S: serde::de::DeserializeOwned, T: From<S> + Keyed>(
    list: &Member,
    answer: &Answer,
) -> Option<Results<T>> {
    let listed: Vec<Lenient<S>> = list.read()?;
    let found: Vec<T> = entries(listed).map(T::from).collect();
    let total = answer.total.read::<usize>().unwrap_or(found.len());
    Some(Results::first(String::new(), found, total))
}

/// `contacts.history` and `livechat/visitors.searchChats`: `{"history": [...], "total"}`.
pub fn history_page(answer: &Answer) -> Option<Results<Conversation>> {
    page::<ChatShape, Conversation>(&answer.history, answer)
}

/// `livechat/:rid/messages`: `{"messages": [...], "total"}`.
pub fn messages_page(answer: &Answer) -> Option<Results<ChatMessage>> {
    page::<MessageShape, ChatMessage>(&answer.messages, answer)
}

/// One of `contacts.channels`' channels.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChannelShape {
    #[serde(default)]
    blocked: Lenient<bool>,
    #[serde(default)]
    verified: Lenient<bool>,
    details: SourceShape,
    #[serde(default)]
    last_chat: Lenient<ChatStart>,
}

#[derive(Deserialize)]
struct ChatStart {
    ts: String,
}

/// `contacts.channels`: `{"channels": [...]}`.
pub fn channels(answer: &Answer) -> Option<Vec<Channel>> {
    let listed: Vec<Lenient<ChannelShape>> = answer.channels.read()?;
    Some(
        entries(listed)
            .map(|c| Channel {
                source: c.details.source(),
                blocked: c.blocked.0 == Some(true),
                label: c.details.destination.or(c.details.label),
                verified: c.verified.0 == Some(true),
                last_chat: c.last_chat.0.map(|l| l.ts),
            })
            .collect(),
    )
}

/// A visitor record's (`GET omnichannel/contact`) last chat: `Some(None)` when it never
/// chatted, `None` when the answer has no visitor.
pub fn last_chat(answer: &Answer) -> Option<Option<String>> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Visitor {
        #[serde(default)]
        last_chat: Lenient<Ref>,
    }
    let visitor: Option<Visitor> = answer.contact.read()?;
    Some(visitor?.last_chat.0.map(|r| r.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::answer;

    fn read(body: &str) -> Answer {
        answer(body).1
    }

    #[test]
    fn a_history_item_reads_as_the_contract_shows_it() {
        let body = r#"{"history":[{"_id":"E7D","fname":"Maria","ts":"2024-09-09T14:57:31.164Z",
          "v":{"_id":"66d","username":"guest-52"},"msgs":8,
          "servedBy":{"_id":"jnu","username":"johndoe","ts":"2024-09-09T14:57:31.195Z"},
          "closedAt":"2024-09-09T14:57:40.250Z","closer":"user","tags":["billing"],
          "source":{"type":"app","alias":"WhatsApp","destination":"example.com"},
          "lastMessage":{"_id":"Hk3","t":"livechat-close","msg":"Solved, thanks","ts":"2024-09-09T14:57:40.261Z"}},
          {"_id":"F2","ts":"2024-09-08T10:00:00.000Z","closingMessage":{"_id":"c","t":"livechat-close","msg":"  "}},
          "not an item"],"count":2,"offset":0,"total":23,"success":true}"#;
        let page = history_page(&read(body)).expect("a page");
        assert_eq!(page.total, 23);
        assert_eq!(page.found.len(), 2, "an item of another shape is skipped");
        let first = &page.found[0];
        assert_eq!(first.room, "E7D");
        assert_eq!(first.when, "2024-09-09T14:57:40.250Z", "when it closed");
        assert_eq!(first.agent.as_deref(), Some("johndoe"));
        assert_eq!(first.tags, ["billing"]);
        assert_eq!(first.closing.as_deref(), Some("Solved, thanks"));
        assert_eq!(
            first.source,
            Some(Source {
                kind: "app".into(),
                alias: Some("WhatsApp".into())
            })
        );
        let second = &page.found[1];
        assert_eq!(
            second.when, "2024-09-08T10:00:00.000Z",
            "no close: when it started"
        );
        assert_eq!(second.closing, None, "a blank comment is none");
        assert_eq!(second.source, None, "searchChats names no source");
    }

    #[test]
    fn messages_read_text_files_and_the_close() {
        let body = r#"{"messages":[
          {"_id":"1","msg":"<b>hi</b>","ts":"2025-10-16T11:15:00.000Z","u":{"_id":"g","username":"guest-7","name":"Maria"}},
          {"_id":"2","msg":"","ts":"t","u":{"username":"johndoe"},"file":{"_id":"f","name":"designs.png","type":"image/png","size":17466}},
          {"_id":"3","msg":"Bye","t":"livechat-close","ts":"t","u":{"username":"johndoe","name":" "}}],
          "offset":0,"count":20,"total":3,"success":true}"#;
        let page = messages_page(&read(body)).expect("a page");
        assert_eq!(page.total, 3);
        assert_eq!(page.found[0].author, "Maria");
        assert_eq!(page.found[0].body, Body::Text("<b>hi</b>".into()));
        assert_eq!(
            page.found[1].body,
            Body::File {
                name: "designs.png".into(),
                size: Some(17466)
            }
        );
        assert_eq!(
            page.found[2].author, "johndoe",
            "a blank name gives the username"
        );
        assert_eq!(page.found[2].body, Body::Closed("Bye".into()));
    }

    #[test]
    fn channels_and_a_visitors_last_chat() {
        let body = r#"{"channels":[{"name":"widget","visitor":{"visitorId":"6725"},"blocked":true,
          "verified":true,"details":{"type":"widget","destination":"rocket.chat"},
          "lastChat":{"_id":"SH","ts":"2024-11-01T20:42:34.560Z"}},
          {"name":"app","details":{"type":"app","alias":"Bot","label":"Sales"}},
          {"name":"bare","details":{"type":"api"}}],"success":true}"#;
        let channels = channels(&read(body)).expect("channels");
        assert_eq!(channels.len(), 3);
        assert!(channels[0].blocked && channels[0].verified);
        assert_eq!(channels[0].label.as_deref(), Some("rocket.chat"));
        assert_eq!(
            channels[0].last_chat.as_deref(),
            Some("2024-11-01T20:42:34.560Z")
        );
        assert_eq!(channels[1].label.as_deref(), Some("Sales"));
        assert_eq!(channels[2].label, None);
        assert!(!channels[2].blocked);

        let visitor = r#"{"contact":{"_id":"v","lastChat":{"_id":"R1","ts":"t"}},"success":true}"#;
        assert_eq!(last_chat(&read(visitor)), Some(Some("R1".into())));
        let never = r#"{"contact":{"_id":"v"},"success":true}"#;
        assert_eq!(last_chat(&read(never)), Some(None));
        assert_eq!(last_chat(&read(r#"{"contact":null,"success":true}"#)), None);
    }
}
