//! "Conversations", below the form of a saved contact: a disclosure button (closed at first,
//! nothing fetched until opened); the contact's past chats as a list with "Show more" and
//! "Showing 10 of 23", its channels in the Contact Center; a chat's messages in place of the
//! list, with "Search this conversation" (the combobox's pause and ticket) and "Back to
//! conversations", which puts the focus back on the chat opened. Text a person typed is shown
//! as text, never markup, and isolated (`<bdi>`) in a right-to-left form.

use crate::domain::catalogue::Texts;
use crate::domain::conversation::{file_size, Body, Channel, ChatMessage, Conversation};
use crate::domain::language::Language;
use crate::domain::search::{Results, DEBOUNCE_MS};
use crate::domain::texts::Text;
use crate::state::conversations::{self, ConversationsState, Listed, Messages, Section};
use crate::state::session::Session;
use crate::view::combo::Combo;
use crate::view::input::{InputSpec, LabeledInput};
use crate::web::dates::{since, written, Style};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The section for contact `contact` (made again, closed, for another contact).
#[component]
pub fn Conversations(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The opened contact's id.
    contact: String,
) -> impl IntoView {
    let state = ConversationsState::new(contact);
    let combo = Combo::new();
    let root = NodeRef::<html::Div>::new();
    let typed = RwSignal::new(String::new());
    let panel = session.id("conversations");
    // After the section is drawn again (one frame): focus the element `selector` finds.
    let focus = move |selector: String| {
        request_animation_frame(move || {
            let found = root
                .get_untracked()
                .and_then(|r| r.query_selector(&selector).ok().flatten());
            if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
            }
        });
    };
    let toggle = move |_| {
        if state.is_open() {
            state.close();
        } else {
            session.spawn(conversations::open(session, state));
        }
    };
    let read = Callback::new(move |at: usize| {
        combo.close();
        typed.set(String::new());
        let ticket = combo.ticket();
        session.spawn(conversations::read(session, state, at, move || {
            combo.is_current(ticket)
        }));
        focus(".ocf-back".into());
    });
    let back = move |_| {
        combo.close();
        if let Some(at) = state.back() {
            focus(format!(".ocf-chat[data-at=\"{at}\"]"));
        }
    };
    let on_search = Callback::new(move |value: String| {
        combo.close();
        typed.set(value.clone());
        let term = value.trim().to_owned();
        combo.later(DEBOUNCE_MS, move |ticket| {
            session.spawn(conversations::search(session, state, term, move || {
                combo.is_current(ticket)
            }));
        });
    });
    let more = move |_| session.spawn(conversations::more(session, state));
    let more_messages = move |_| {
        let ticket = combo.ticket();
        session.spawn(conversations::more_messages(session, state, move || {
            combo.is_current(ticket)
        }));
    };

    let body = move || {
        let t = session.texts();
        let language = session.language();
        state.with(|section| match section {
            Section::Closed => ().into_any(),
            Section::Loading => note(t.get(Text::LoadingConversations), "status").into_any(),
            Section::Failed(why) => note(why, "alert").into_any(),
            Section::List(list) => list_view(list, &t, language, read, more).into_any(),
            Section::Chat { list, at, messages } => {
                let spec = InputSpec {
                    name: "conversation-search".into(),
                    kind: "search",
                    autocomplete: "off",
                    inputmode: None,
                    hint: None,
                    required: false,
                    dir: "auto",
                };
                let title = title_label(list, *at, &t, language);
                view! {
                    <button type="button" class="ocf-secondary ocf-back" on:click=back>
                        {t.get(Text::BackToConversations).to_owned()}
                    </button>
                    <h3 class="ocf-subhead"><bdi>{title}</bdi></h3>
                    <LabeledInput
                        id=session.id("conversation-search")
                        label=t.get(Text::SearchConversation).to_owned()
                        spec=spec
                        value=typed
                        error=Signal::derive(|| None::<String>)
                        on_input=on_search
                    />
                    {messages_view(messages, &t, language, title_label(list, *at, &t, language), more_messages)}
                }
                .into_any()
            }
        })
    };
    view! {
        <div class="ocf-conversations" node_ref=root>
            <button
                type="button"
                class="ocf-disclosure"
                aria-expanded=move || state.is_open().to_string()
                aria-controls=panel.clone()
                on:click=toggle
            >
                {move || session.text(Text::Conversations)}
            </button>
            <div id=panel class="ocf-panel" hidden=move || !state.is_open()>{body}</div>
        </div>
    }
}

/// The heading of chat `at` of `list`.
fn title_label(list: &Listed, at: usize, t: &Texts, language: Language) -> String {
    list.chats
        .found
        .get(at)
        .map(|c| heading(c, t, language))
        .unwrap_or_default()
}

/// A line of the section's own (loading, a failure): a live region of `role`.
fn note(text: &str, role: &'static str) -> impl IntoView {
    view! { <p class="ocf-note" role=role>{text.to_owned()}</p> }
}

/// A chat as its item is named: where it came in, and when it closed.
fn heading(chat: &Conversation, t: &Texts, language: Language) -> String {
    let when = written(language, &chat.when, Style::DateTime);
    match &chat.source {
        Some(source) => format!("{} · {when}", source.name(t)),
        None => when,
    }
}

/// "Showing 10 of 23" and "Show more" under a paged list.
fn paging<T: crate::domain::search::Keyed>(
    results: &Results<T>,
    t: &Texts,
    more: impl Fn(web_sys::MouseEvent) + 'static,
) -> impl IntoView {
    let shown = results.found.len().to_string();
    let total = results.total.to_string();
    let showing = t.fill(Text::ShowingOf, &[("shown", &shown), ("total", &total)]);
    view! {
        <p class="ocf-note" aria-live="polite">{showing}</p>
        {results.more().then(|| view! {
            <button type="button" class="ocf-secondary" on:click=more>{t.get(Text::ShowMore).to_owned()}</button>
        })}
    }
}

fn list_view(
    list: &Listed,
    t: &Texts,
    language: Language,
    read: Callback<usize>,
    more: impl Fn(web_sys::MouseEvent) + 'static,
) -> impl IntoView {
    let chats = &list.chats;
    let items = chats
        .found
        .iter()
        .enumerate()
        .map(|(at, chat)| {
            let mut details = Vec::new();
            if let Some(agent) = &chat.agent {
                details.push(t.fill(Text::ServedBy, &[("agent", agent)]));
            }
            if !chat.tags.is_empty() {
                details.push(t.fill(Text::Tags, &[("tags", &chat.tags.join(", "))]));
            }
            let closing = chat
                .closing
                .as_ref()
                .map(|c| t.fill(Text::ClosingMessage, &[("comment", c)]));
            view! {
                <li>
                    <button type="button" class="ocf-chat" data-at=at.to_string() on:click=move |_| read.run(at)>
                        <bdi>{heading(chat, t, language)}</bdi>
                        " · "
                        <time datetime=chat.when.clone()>{since(language, &chat.when)}</time>
                    </button>
                    <p class="ocf-note"><bdi>{details.join(" · ")}</bdi></p>
                    {closing.map(|c| view! { <p class="ocf-note"><bdi>{c}</bdi></p> })}
                </li>
            }
        })
        .collect_view();
    let empty = chats.found.is_empty();
    view! {
        {if empty {
            note(t.get(Text::NoConversations), "status").into_any()
        } else {
            view! {
                <ul class="ocf-chats" aria-label=t.get(Text::Conversations).to_owned()>{items}</ul>
                {paging(chats, t, more)}
            }
            .into_any()
        }}
        {list.channels.as_ref().map(|channels| channels_view(channels, t, language))}
    }
}

fn channels_view(
    channels: &Result<Vec<Channel>, String>,
    t: &Texts,
    language: Language,
) -> impl IntoView {
    let list = match channels {
        Err(why) => note(why, "alert").into_any(),
        Ok(channels) if channels.is_empty() => note(t.get(Text::NoChannels), "status").into_any(),
        Ok(channels) => {
            let items = channels
                .iter()
                .map(|c| {
                    let name = c.source.name(t);
                    let name = if c.blocked {
                        t.fill(Text::Blocked, &[("name", &name)])
                    } else {
                        name
                    };
                    let label = c
                        .label
                        .clone()
                        .unwrap_or_else(|| t.get(Text::NoAppLabel).to_owned());
                    let mut line = vec![label];
                    if c.verified {
                        line.push(t.get(Text::Verified).to_owned());
                    }
                    if let Some(last) = &c.last_chat {
                        line.push(t.fill(Text::LastChat, &[("when", &since(language, last))]));
                    }
                    view! { <li><bdi>{name}</bdi>" · "<bdi>{line.join(" · ")}</bdi></li> }
                })
                .collect_view();
            view! { <ul class="ocf-channels">{items}</ul> }.into_any()
        }
    };
    view! { <h3 class="ocf-subhead">{t.get(Text::Channels).to_owned()}</h3>{list} }
}

fn messages_view(
    messages: &Messages,
    t: &Texts,
    language: Language,
    title: String,
    more: impl Fn(web_sys::MouseEvent) + 'static,
) -> impl IntoView {
    match messages {
        Messages::Loading => note(t.get(Text::LoadingConversations), "status").into_any(),
        Messages::Failed(why) => note(why, "alert").into_any(),
        Messages::Shown(shown) if shown.found.is_empty() => {
            let said = match shown.term.as_str() {
                "" => t.get(Text::NoMessages).to_owned(),
                term => t.fill(Text::NoMessageMatch, &[("text", term)]),
            };
            note(&said, "status").into_any()
        }
        Messages::Shown(shown) => {
            let mut day = String::new();
            let items = shown
                .found
                .iter()
                .map(|m| {
                    let this_day = written(language, &m.ts, Style::Day);
                    let line = (this_day != day)
                        .then(|| view! { <p class="ocf-day">{this_day.clone()}</p> });
                    day = this_day;
                    view! { <li>{line}{message_view(m, t, language)}</li> }
                })
                .collect_view();
            view! {
                <ul class="ocf-messages" aria-label=title>{items}</ul>
                {paging(shown, t, more)}
            }
            .into_any()
        }
    }
}

fn message_view(m: &ChatMessage, t: &Texts, language: Language) -> impl IntoView {
    let text = match &m.body {
        Body::Text(text) => text.clone(),
        Body::Closed(comment) if comment.trim().is_empty() => {
            t.get(Text::ConversationClosedBare).to_owned()
        }
        Body::Closed(comment) => t.fill(Text::ConversationClosed, &[("comment", comment)]),
        Body::File { name, size } => {
            let size = size.map(file_size).unwrap_or_default();
            t.fill(Text::FileSent, &[("name", name), ("size", &size)])
        }
    };
    view! {
        <p class="ocf-message">
            <strong><bdi>{m.author.clone()}</bdi></strong>
            " "
            <time datetime=m.ts.clone()>{written(language, &m.ts, Style::Time)}</time>
        </p>
        <p class="ocf-text" dir="auto">{text}</p>
    }
}
