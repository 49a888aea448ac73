//! The Conversations section's lists as markup: past chats, channels and a chat's messages,
//! each item escaped as text. They are drawn once per answer and never edited in place, so
//! one [`Markup`] each costs the download far less than a reactive view per item; what a
//! person typed is escaped (never markup) and isolated (`<bdi>`). Plain Rust, with native tests.

use crate::domain::abilities::Abilities;
use crate::domain::catalogue::Texts;
use crate::domain::conversation::{file_size, Body, Channel, ChatMessage, Conversation};
use crate::domain::markup::Markup;
use crate::domain::search::{Keyed, Results};
use crate::domain::texts::{BlockText, Text};
use crate::state::conversations::{Messages, Section};

/// How the section writes moments (in the agent's language, in the browser).
pub struct Dates<'a> {
    /// A date and time: "30 Nov 2026, 00:15".
    pub when: &'a dyn Fn(&str) -> String,
    /// How long ago: "2 hours ago".
    pub ago: &'a dyn Fn(&str) -> String,
    /// A day: "Monday, 30 November 2026".
    pub day: &'a dyn Fn(&str) -> String,
    /// A time: "00:15".
    pub time: &'a dyn Fn(&str) -> String,
}

/// Text a person typed (or the server sent), escaped and isolated: never markup.
fn typed(out: &mut Markup, text: &str) {
    out.tag("<bdi>").text(text).tag("</bdi>");
}

/// A chat as its item is named (and its messages headed): where it came in, and when.
pub fn heading(chat: &Conversation, t: &Texts, dates: &Dates) -> String {
    let when = (dates.when)(&chat.when);
    match &chat.source {
        Some(source) => format!("{} · {when}", source.name(t)),
        None => when,
    }
}

/// `<time datetime>` of `iso`, reading `shown`.
fn time(out: &mut Markup, iso: &str, shown: &str) {
    out.tag("<time datetime=\"").text(iso).tag("\">");
    typed(out, shown);
    out.tag("</time>");
}

/// The items of the past chats: each a button named by its source and date (`data-at`: its
/// place), then who served it, its tags, and its closing message when there is one.
pub fn chats(chats: &[Conversation], t: &Texts, dates: &Dates) -> Markup {
    let mut out = Markup::new();
    for (at, chat) in chats.iter().enumerate() {
        out.tag("<li><button type=\"button\" class=\"ocf-chat\" data-at=\"")
            .text(&at.to_string())
            .tag("\">");
        typed(&mut out, &heading(chat, t, dates));
        out.tag(" · ");
        time(&mut out, &chat.when, &(dates.ago)(&chat.when));
        out.tag("</button>");
        let mut details = Vec::new();
        if let Some(agent) = &chat.agent {
            details.push(t.fill(Text::ServedBy, &[("agent", agent)]));
        }
        if !chat.tags.is_empty() {
            details.push(t.fill(Text::Tags, &[("tags", &chat.tags.join(", "))]));
        }
        if let Some(comment) = &chat.closing {
            details.push(t.fill(Text::ClosingMessage, &[("comment", comment)]));
        }
        for line in details {
            out.tag("<p class=\"ocf-note\">").say(&line).tag("</p>");
        }
        out.tag("</li>");
    }
    out
}

/// The items of the channels: the source (" (Blocked)"), its label, "Verified", its last chat;
/// then **Block** or **Unblock** where the user `may` (`data-at`: its place), for a channel
/// with a visitor to block it by.
pub fn channels(channels: &[Channel], t: &Texts, dates: &Dates, may: Abilities) -> Markup {
    let mut out = Markup::new();
    for (at, channel) in channels.iter().enumerate() {
        let name = channel.source.name(t);
        let name = match channel.blocked {
            true => t.fill(Text::Blocked, &[("name", &name)]),
            false => name,
        };
        let mut line = vec![Markup::said(&name)];
        let mut label = Markup::new();
        match &channel.label {
            Some(given) => typed(&mut label, given),
            None => {
                label.say(t.get(Text::NoAppLabel));
            }
        }
        line.push(label);
        if channel.verified {
            line.push(Markup::said(t.get(Text::Verified)));
        }
        if let Some(last) = &channel.last_chat {
            line.push(Markup::said(
                &t.fill(Text::LastChat, &[("when", &(dates.ago)(last))]),
            ));
        }
        out.tag("<li>").append(&Markup::join(&line, " · "));
        let (allowed, key) = match channel.blocked {
            true => (may.unblock, BlockText::Unblock),
            false => (may.block, BlockText::Block),
        };
        if allowed && channel.visitor.is_some() {
            out.tag(" <button type=\"button\" class=\"ocf-secondary ocf-block\" data-at=\"")
                .text(&at.to_string())
                .tag("\">")
                .say(t.get(key))
                .tag("</button>");
        }
        out.tag("</li>");
    }
    out
}

/// The items of a chat's messages, oldest first: a day line when the day changes, the author
/// and the time, then the text as typed, the closing message, or a file's name and size.
pub fn messages(messages: &[ChatMessage], t: &Texts, dates: &Dates) -> Markup {
    let mut out = Markup::new();
    let mut last_day = String::new();
    for m in messages {
        out.tag("<li>");
        let day = (dates.day)(&m.ts);
        if day != last_day {
            out.tag("<p class=\"ocf-day\">");
            typed(&mut out, &day);
            out.tag("</p>");
            last_day = day;
        }
        out.tag("<p class=\"ocf-message\"><strong>");
        typed(&mut out, &m.author);
        out.tag("</strong> ");
        time(&mut out, &m.ts, &(dates.time)(&m.ts));
        out.tag("</p><p class=\"ocf-text\" dir=\"auto\">");
        match &m.body {
            Body::Text(text) => typed(&mut out, text),
            Body::Closed(comment) if comment.trim().is_empty() => {
                out.say(t.get(Text::ConversationClosedBare));
            }
            Body::Closed(comment) => {
                out.say(&t.fill(Text::ConversationClosed, &[("comment", comment)]));
            }
            Body::File { name, size } => {
                let size = size.map(file_size).unwrap_or_default();
                out.say(&t.fill(Text::FileSent, &[("name", name), ("size", &size)]));
            }
        }
        out.tag("</p></li>");
    }
    out
}

/// What the section shows for where it stands, each part bound to one element: above the
/// search box, a chat's "Back" and heading; the status line ("Showing 10 of 23", "No
/// conversations yet.") and a failure, each in its own live region; under them the list (chats
/// or messages) with "Show more" while the server has more, and the channels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    /// In a chat: "Back to conversations" and the chat's heading.
    pub head: Markup,
    /// The status line (a polite live region).
    pub status: String,
    /// Why something could not be had (an alert).
    pub failure: String,
    /// The list, "Show more", and (the list of chats) the channels.
    pub body: Markup,
    /// Whether a chat is shown (its search box is then).
    pub chat: bool,
}

fn counted<T: Keyed>(results: &Results<T>, t: &Texts) -> String {
    let (shown, total) = (results.found.len().to_string(), results.total.to_string());
    t.fill(Text::ShowingOf, &[("shown", &shown), ("total", &total)])
}

/// The list `class`, named `name`, of `items`, then "Show more" while `results` has more.
fn list<T: Keyed>(
    out: &mut Markup,
    class: &'static str,
    name: &str,
    items: &Markup,
    results: &Results<T>,
    t: &Texts,
) {
    out.tag("<ul class=\"")
        .tag(class)
        .tag("\" aria-label=\"")
        .text(name)
        .tag("\">")
        .append(items)
        .tag("</ul>");
    if results.more() {
        out.tag("<button type=\"button\" class=\"ocf-secondary ocf-more\">")
            .say(t.get(Text::ShowMore))
            .tag("</button>");
    }
}

/// The channels part: its heading and list, or its own failure, or "No channels yet.".
fn channels_part(
    out: &mut Markup,
    channels: &Result<Vec<Channel>, String>,
    t: &Texts,
    dates: &Dates,
    may: Abilities,
) {
    out.tag("<h2 class=\"ocf-subhead\">")
        .say(t.get(Text::Channels))
        .tag("</h2>");
    let (open, inner, close) = match channels {
        Err(why) => (
            "<p class=\"ocf-note\" role=\"alert\">",
            Markup::said(why),
            "</p>",
        ),
        Ok(c) if c.is_empty() => (
            "<p class=\"ocf-note\">",
            Markup::said(t.get(Text::NoChannels)),
            "</p>",
        ),
        Ok(c) => (
            "<ul class=\"ocf-channels\">",
            self::channels(c, t, dates, may),
            "</ul>",
        ),
    };
    out.tag(open).append(&inner).tag(close);
}

/// The parts of `section`, in `t`'s language, with the channel buttons the user `may` press.
pub fn parts(section: &Section, t: &Texts, dates: &Dates, may: Abilities) -> Parts {
    let mut parts = Parts::default();
    match section {
        Section::Loading => parts.status = t.get(Text::LoadingConversations).to_owned(),
        Section::Failed(why) => parts.failure = why.clone(),
        Section::List(list) => {
            let found = &list.chats;
            match found.found.is_empty() {
                true => parts.status = t.get(Text::NoConversations).to_owned(),
                false => {
                    let items = chats(&found.found, t, dates);
                    let name = t.get(Text::Conversations);
                    self::list(&mut parts.body, "ocf-chats", name, &items, found, t);
                    parts.status = counted(found, t);
                }
            }
            if let Some(channels) = &list.channels {
                channels_part(&mut parts.body, channels, t, dates, may);
            }
        }
        Section::Chat {
            list,
            at,
            messages: shown,
        } => {
            parts.chat = true;
            let heading = list
                .chats
                .found
                .get(*at)
                .map(|c| heading(c, t, dates))
                .unwrap_or_default();
            parts
                .head
                .tag("<button type=\"button\" class=\"ocf-secondary ocf-back\">")
                .say(t.get(Text::BackToConversations))
                .tag("</button><h2 class=\"ocf-subhead\">");
            typed(&mut parts.head, &heading);
            parts.head.tag("</h2>");
            match shown {
                Messages::Loading => parts.status = t.get(Text::LoadingConversations).to_owned(),
                Messages::Failed(why) => parts.failure = why.clone(),
                Messages::Shown(found) if found.found.is_empty() => {
                    parts.status = match found.term.as_str() {
                        "" => t.get(Text::NoMessages).to_owned(),
                        term => t.fill(Text::NoMessageMatch, &[("text", term)]),
                    }
                }
                Messages::Shown(found) => {
                    let items = messages(&found.found, t, dates);
                    self::list(&mut parts.body, "ocf-messages", &heading, &items, found, t);
                    parts.status = counted(found, t);
                }
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::conversation::ChannelVisitor;
    use crate::domain::source::Source;

    fn dates() -> Dates<'static> {
        Dates {
            when: &|iso| format!("W{iso}"),
            ago: &|iso| format!("A{iso}"),
            day: &|iso| format!("D{}", &iso[..1]),
            time: &|iso| format!("T{iso}"),
        }
    }

    fn message(id: &str, ts: &str, body: Body) -> ChatMessage {
        ChatMessage {
            id: id.into(),
            author: "Maria <b>".into(),
            ts: ts.into(),
            body,
        }
    }

    #[test]
    fn each_state_has_its_parts() {
        use crate::state::conversations::Listed;
        let t = Texts::default();
        let chat = Conversation {
            room: "r".into(),
            when: "2026".into(),
            ..Conversation::default()
        };
        let list = Listed {
            chats: Results::first(String::new(), vec![chat], 23),
            channels: Some(Ok(Vec::new())),
            asking: None,
        };
        let listed = parts(
            &Section::List(list.clone()),
            &t,
            &dates(),
            Abilities::default(),
        );
        assert_eq!(
            listed.status,
            "Showing \u{2068}1\u{2069} of \u{2068}23\u{2069}"
        );
        assert!(!listed.chat && listed.head.is_empty());
        assert!(
            listed
                .body
                .as_str()
                .starts_with("<ul class=\"ocf-chats\" aria-label=\"Conversations\"><li>"),
            "{}",
            listed.body.as_str()
        );
        assert!(listed.body.as_str().contains("data-at=\"0\""));
        assert!(
            listed.body.as_str().ends_with("</ul><button type=\"button\" class=\"ocf-secondary ocf-more\">Show more</button><h2 class=\"ocf-subhead\">Channels</h2><p class=\"ocf-note\">No channels yet.</p>"),
            "{}",
            listed.body.as_str()
        );
        let empty = Listed {
            chats: Results::default(),
            channels: None,
            asking: None,
        };
        let nothing = parts(&Section::List(empty), &t, &dates(), Abilities::default());
        assert_eq!(nothing.status, "No conversations yet.");
        assert!(
            nothing.body.is_empty(),
            "no list, no Show more, no channels"
        );
        let searched = Section::Chat {
            list,
            at: 0,
            messages: Messages::Shown(Results::first("zz".into(), Vec::new(), 0)),
        };
        let searched = parts(&searched, &t, &dates(), Abilities::default());
        assert!(searched.chat && searched.body.is_empty());
        assert_eq!(
            searched.head.as_str(),
            "<button type=\"button\" class=\"ocf-secondary ocf-back\">Back to conversations</button><h2 class=\"ocf-subhead\"><bdi>W2026</bdi></h2>"
        );
        assert_eq!(searched.status, "No message matches “\u{2068}zz\u{2069}”.");
        let failed = parts(
            &Section::Failed("No network.".into()),
            &t,
            &dates(),
            Abilities::default(),
        );
        assert_eq!(
            (failed.failure.as_str(), failed.status.as_str()),
            ("No network.", "")
        );
        let loading = parts(&Section::Loading, &t, &dates(), Abilities::default());
        assert_eq!(
            (loading.status.as_str(), loading.body.as_str()),
            ("Loading conversations…", "")
        );
    }

    #[test]
    fn what_a_person_typed_is_never_markup() {
        let t = Texts::default();
        let html = messages(
            &[message(
                "1",
                "1a",
                Body::Text("<img src=x onerror=alert(1)> & 'q' \"d\"".into()),
            )],
            &t,
            &dates(),
        );
        let html = html.as_str();
        assert!(
            html.contains(
                "<bdi>&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39; &quot;d&quot;</bdi>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<strong><bdi>Maria &lt;b&gt;</bdi></strong>"),
            "{html}"
        );
        assert!(!html.contains("<img") && !html.contains("<b>"));
    }

    #[test]
    fn messages_have_a_day_line_when_the_day_changes_and_say_closes_and_files() {
        let t = Texts::default();
        let html = messages(
            &[
                message("1", "1a", Body::Text("hi".into())),
                message(
                    "2",
                    "1b",
                    Body::File {
                        name: "designs.png".into(),
                        size: Some(17_466),
                    },
                ),
                message("3", "2a", Body::Closed("Solved".into())),
                message("4", "2b", Body::Closed("  ".into())),
            ],
            &t,
            &dates(),
        );
        let html = html.as_str();
        assert_eq!(html.matches("ocf-day").count(), 2, "{html}");
        assert!(
            html.contains("File: <bdi>designs.png</bdi> (<bdi>17 KB</bdi>)"),
            "{html}"
        );
        assert!(
            html.contains("Conversation closed: <bdi>Solved</bdi>."),
            "{html}"
        );
        assert!(html.contains(">Conversation closed.</p>"), "{html}");
        assert!(
            html.contains("<time datetime=\"1a\"><bdi>T1a</bdi></time>"),
            "{html}"
        );
    }

    #[test]
    fn a_chat_is_a_button_named_by_its_source_and_date_then_its_details() {
        let t = Texts::default();
        let chat = Conversation {
            room: "r1".into(),
            source: Some(Source {
                kind: "app".into(),
                alias: Some("Whats<App>".into()),
            }),
            when: "2026".into(),
            agent: Some("agent.one".into()),
            tags: vec!["billing".into(), "urgent".into()],
            closing: Some("Solved <now>".into()),
        };
        let bare = Conversation {
            room: "r2".into(),
            when: "2025".into(),
            ..Conversation::default()
        };
        let html = chats(&[chat, bare], &t, &dates());
        let html = html.as_str();
        assert!(html.starts_with("<li><button type=\"button\" class=\"ocf-chat\" data-at=\"0\"><bdi>Whats&lt;App&gt; · W2026</bdi> · <time datetime=\"2026\"><bdi>A2026</bdi></time></button>"), "{html}");
        assert!(html.contains("Served by <bdi>agent.one</bdi>"), "{html}");
        assert!(html.contains("Tags: <bdi>billing, urgent</bdi>"), "{html}");
        assert!(
            html.contains("Closing chat message: <bdi>Solved &lt;now&gt;</bdi>"),
            "{html}"
        );
        assert!(
            html.contains("data-at=\"1\"><bdi>W2025</bdi>"),
            "no source: the date alone: {html}"
        );
    }

    #[test]
    fn channels_say_blocked_their_label_verified_and_the_last_chat() {
        let t = Texts::default();
        let widget = Channel {
            source: Source {
                kind: "widget".into(),
                alias: None,
            },
            blocked: true,
            label: Some("crm.example.com".into()),
            verified: true,
            last_chat: Some("2026".into()),
            ..Channel::default()
        };
        let bare = Channel {
            source: Source {
                kind: "sms".into(),
                alias: None,
            },
            ..Channel::default()
        };
        let none = Abilities::default();
        let html = channels(&[widget.clone(), bare.clone()], &t, &dates(), none);
        let html = html.as_str();
        assert_eq!(
            html,
            "<li><bdi>Livechat</bdi> (Blocked) · <bdi>crm.example.com</bdi> · Verified · Last chat <bdi>A2026</bdi></li><li>SMS · No app label provided</li>"
        );
        // A channel with a visitor has the button the user may press; one without, none.
        let visitor = Some(ChannelVisitor::default());
        let (widget, sms) = (
            Channel {
                visitor: visitor.clone(),
                ..widget
            },
            Channel { visitor, ..bare },
        );
        let all = Abilities {
            delete: false,
            block: true,
            unblock: true,
        };
        let html = channels(
            &[widget.clone(), sms.clone(), Channel::default()],
            &t,
            &dates(),
            all,
        );
        assert_eq!(
            html.as_str().matches("ocf-block").count(),
            2,
            "{}",
            html.as_str()
        );
        assert!(html
            .as_str()
            .contains("data-at=\"0\">Unblock</button></li>"));
        assert!(html.as_str().contains("data-at=\"1\">Block</button></li>"));
        let block_only = Abilities {
            unblock: false,
            ..all
        };
        let html = channels(&[widget, sms], &t, &dates(), block_only);
        assert!(
            !html.as_str().contains("Unblock"),
            "unblock is its own permission"
        );
    }
}
