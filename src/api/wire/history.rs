//! The JSON shapes of a contact's conversations (`docs/rocket-chat.md`, a contact's conversations): the pages of
//! `contacts.history` and `livechat/visitors.searchChats` (one item type reads both: the
//! closing message is `lastMessage` in one, `closingMessage` in the other), the messages of
//! `livechat/:rid/messages`, the channels of `contacts.channels`, and a visitor's `lastChat`.

use super::record::paged;
use super::shapes::{entries, items, JsonObject, Lenient, Member};
use super::Answer;
use crate::domain::conversation::{Body, Channel, ChannelVisitor, ChatMessage, Conversation};
use crate::domain::search::{Keyed, Results};
use crate::domain::source::Source;
use serde::Serialize;

/// A `source` or `details`: its type and its app's alias.
pub(super) fn source(of: &JsonObject) -> Option<Source> {
    Some(Source {
        kind: of.text("type")?,
        alias: of.text("alias"),
    })
}

/// One chat of a history page. The closing comment comes only from the closing message
/// (`lastMessage` is any message before a chat is closed; `closingMessage` in a visitor's
/// chats).
fn conversation(chat: JsonObject) -> Option<Conversation> {
    let last = chat
        .object("lastMessage")
        .or_else(|| chat.object("closingMessage"));
    let closing = last
        .filter(|m| m.text("t").as_deref() == Some("livechat-close"))
        .and_then(|m| m.text("msg"))
        .filter(|comment| !comment.trim().is_empty());
    let tags: Option<Vec<Lenient<String>>> = chat.member("tags").and_then(Member::read);
    Some(Conversation {
        room: chat.text("_id")?,
        source: chat.object("source").as_ref().and_then(source),
        when: chat
            .text("closedAt")
            .or_else(|| chat.text("ts"))
            .unwrap_or_default(),
        agent: chat.object("servedBy").and_then(|u| u.text("username")),
        tags: entries(tags.unwrap_or_default()).collect(),
        closing,
    })
}

/// One message of a chat: text, a file, or the closing message.
fn message(m: JsonObject) -> Option<ChatMessage> {
    let author = m.object("u").and_then(|u| {
        u.text("name")
            .filter(|n| !n.trim().is_empty())
            .or_else(|| u.text("username"))
    });
    let text = m.text("msg").unwrap_or_default();
    let file = m.object("file").and_then(|f| {
        let size = f.member("size").and_then(Member::count);
        Some((f.text("name")?, size))
    });
    let body = match (m.text("t").as_deref(), file) {
        (Some("livechat-close"), _) => Body::Closed(text),
        (_, Some((name, size))) => Body::File { name, size },
        _ => Body::Text(text),
    };
    Some(ChatMessage {
        id: m.text("_id")?,
        author: author.unwrap_or_default(),
        ts: m.text("ts").unwrap_or_default(),
        body,
    })
}

/// A page of `list` with the answer's `total` (the page's length when the server leaves it out).
fn page<T: Keyed>(
    list: &Member,
    answer: &Answer,
    item: impl Fn(JsonObject) -> Option<T>,
) -> Option<Results<T>> {
    let (found, total) = paged(list, answer, item)?;
    Some(Results::first(String::new(), found, total))
}

/// `contacts.history` and `livechat/visitors.searchChats`: `{"history": [...], "total"}`.
pub fn history_page(answer: &Answer) -> Option<Results<Conversation>> {
    page(&answer.history, answer, conversation)
}

/// `livechat/:rid/messages`: `{"messages": [...], "total"}`.
pub fn messages_page(answer: &Answer) -> Option<Results<ChatMessage>> {
    page(&answer.messages, answer, message)
}

/// `contacts.channels`: `{"channels": [...]}`, each with its `details` and its last chat.
pub fn channels(answer: &Answer) -> Option<Vec<Channel>> {
    items(&answer.channels, |c| {
        let details = c.object("details")?;
        let source = source(&details)?;
        Some(Channel {
            name: c.text("name").unwrap_or_else(|| source.kind.clone()),
            source,
            blocked: c.yes("blocked"),
            label: details
                .text("destination")
                .or_else(|| details.text("label")),
            verified: c.yes("verified"),
            last_chat: c.object("lastChat").and_then(|l| l.text("ts")),
            visitor: c.object("visitor").and_then(|v| {
                let source = v.object("source")?;
                Some(ChannelVisitor {
                    id: v.text("visitorId")?,
                    kind: source.text("type")?,
                    source_id: source.text("id"),
                })
            }),
        })
    })
}

/// The body of `contacts.block` and `contacts.unblock`: the channel's own visitor,
/// `{"visitor": {"visitorId", "source": {"type", "id"?}}}` (`id` only when the channel has one).
pub fn block_body(visitor: &ChannelVisitor) -> String {
    #[derive(Serialize)]
    struct VisitorSource<'a> {
        r#type: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Visitor<'a> {
        visitor_id: &'a str,
        source: VisitorSource<'a>,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        visitor: Visitor<'a>,
    }
    super::written(&Body {
        visitor: Visitor {
            visitor_id: &visitor.id,
            source: VisitorSource {
                r#type: &visitor.kind,
                id: visitor.source_id.as_deref(),
            },
        },
    })
}

/// A visitor record's (`GET omnichannel/contact`) last chat: `Some(None)` when it never
/// chatted, `None` when the answer has no visitor.
pub fn last_chat(answer: &Answer) -> Option<Option<String>> {
    let visitor = JsonObject::of(&answer.contact)?;
    Some(visitor.object("lastChat").and_then(|l| l.text("_id")))
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
    fn a_block_sends_the_channels_own_visitor() {
        let mut visitor = ChannelVisitor {
            id: "v1".into(),
            kind: "sms".into(),
            source_id: None,
        };
        assert_eq!(
            block_body(&visitor),
            r#"{"visitor":{"visitorId":"v1","source":{"type":"sms"}}}"#
        );
        visitor.source_id = Some("twilio".into());
        assert_eq!(
            block_body(&visitor),
            r#"{"visitor":{"visitorId":"v1","source":{"type":"sms","id":"twilio"}}}"#
        );
    }

    #[test]
    fn channels_and_a_visitors_last_chat() {
        let body = r#"{"channels":[{"name":"widget","visitor":{"visitorId":"6725","source":{"type":"widget"}},"blocked":true,
          "verified":true,"details":{"type":"widget","destination":"rocket.chat"},
          "lastChat":{"_id":"SH","ts":"2024-11-01T20:42:34.560Z"}},
          {"name":"app","visitor":{"visitorId":"v2","source":{"type":"app","id":"bot"}},
           "details":{"type":"app","alias":"Bot","label":"Sales"}},
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
        let visitor = |i: usize| channels[i].visitor.clone();
        assert_eq!(
            visitor(0).map(|v| (v.id, v.kind, v.source_id)),
            Some(("6725".into(), "widget".into(), None))
        );
        assert_eq!(visitor(1).unwrap().source_id.as_deref(), Some("bot"));
        assert_eq!(visitor(2), None, "no visitor: nothing to block it by");

        let visitor = r#"{"contact":{"_id":"v","lastChat":{"_id":"R1","ts":"t"}},"success":true}"#;
        assert_eq!(last_chat(&read(visitor)), Some(Some("R1".into())));
        let never = r#"{"contact":{"_id":"v"},"success":true}"#;
        assert_eq!(last_chat(&read(never)), Some(None));
        assert_eq!(last_chat(&read(r#"{"contact":null,"success":true}"#)), None);
    }
}
