//! "Conversations", below the form of a saved contact: a disclosure button (closed at first,
//! nothing fetched until opened); the contact's past chats as a list with "Show more" and
//! "Showing 10 of 23", its channels in the Contact Center; a chat's messages in place of the
//! list, with "Search this conversation" (the combobox's pause and ticket) and "Back to
//! conversations", which puts the focus back on the chat opened. Text a person typed is shown
//! as text, never markup, and isolated (`<bdi>`) in a right-to-left form.

use crate::domain::search::DEBOUNCE_MS;
use crate::domain::texts::Text;
use crate::state::conversations::{self, ConversationsState};
use crate::state::session::Session;
use crate::view::combo::Combo;
use crate::view::conversation_markup::{self as markup, Dates, Parts};
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
    let read = move |at: usize| {
        combo.close();
        typed.set(String::new());
        let ticket = combo.ticket();
        session.spawn(conversations::read(session, state, at, move || {
            combo.is_current(ticket)
        }));
        focus(".ocf-back".into());
    };
    let back = move || {
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
    // Everything shown, from where the section stands, in the agent's language.
    let parts = Memo::new(move |_| {
        let t = session.texts();
        let language = session.language();
        let (when, ago, day, time) = (
            move |iso: &str| written(language, iso, Style::DateTime),
            move |iso: &str| since(language, iso),
            move |iso: &str| written(language, iso, Style::Day),
            move |iso: &str| written(language, iso, Style::Time),
        );
        let dates = Dates {
            when: &when,
            ago: &ago,
            day: &day,
            time: &time,
        };
        state.with(|section| markup::parts(section, &t, &dates))
    });
    let part = move |f: fn(&Parts) -> String| move || parts.with(f);
    let chatting = move || parts.with(|p| p.chat.is_some());
    let more = move |_| {
        if chatting() {
            let ticket = combo.ticket();
            session.spawn(conversations::more_messages(session, state, move || {
                combo.is_current(ticket)
            }));
        } else {
            session.spawn(conversations::more(session, state));
        }
    };
    // Presses inside the lists' markup: a chat opens, "Back" returns.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let at = target
            .closest(".ocf-chat")
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("data-at"));
        if let Some(at) = at.and_then(|a| a.parse().ok()) {
            read(at);
        } else if target.closest(".ocf-back").ok().flatten().is_some() {
            back();
        }
    };

    let spec = InputSpec {
        name: "conversation-search".into(),
        kind: "search",
        autocomplete: "off",
        inputmode: None,
        hint: None,
        required: false,
        dir: "auto",
    };
    view! {
        <div class="ocf-conversations" node_ref=root on:click=on_click>
            <button
                type="button"
                class="ocf-disclosure"
                aria-expanded=move || state.is_open().to_string()
                aria-controls=panel.clone()
                on:click=toggle
            >
                {move || session.text(Text::Conversations)}
            </button>
            <div id=panel class="ocf-panel" hidden=move || !state.is_open()>
                <div class="ocf-panel" hidden=move || !chatting()>
                    <button type="button" class="ocf-secondary ocf-back">
                        {move || session.text(Text::BackToConversations)}
                    </button>
                    <h2 class="ocf-subhead"><bdi>{part(|p| p.chat.clone().unwrap_or_default())}</bdi></h2>
                    {move || view! {
                        <LabeledInput
                            id=session.id("conversation-search")
                            label=session.text(Text::SearchConversation)
                            spec=spec.clone()
                            value=typed
                            error=Signal::derive(|| None::<String>)
                            on_input=on_search
                        />
                    }}
                </div>
                <ul
                    class=move || if chatting() { "ocf-messages" } else { "ocf-chats" }
                    aria-label=move || parts.with(|p| p.chat.clone()).unwrap_or_else(|| session.text(Text::Conversations))
                    hidden=move || parts.with(|p| p.items.is_empty())
                    inner_html=part(|p| p.items.clone())
                ></ul>
                <p class="ocf-note" role="status">{part(|p| p.status.clone())}</p>
                <p class="ocf-note" role="alert">{part(|p| p.failure.clone())}</p>
                <button type="button" class="ocf-secondary" hidden=move || !parts.with(|p| p.more) on:click=more>
                    {move || session.text(Text::ShowMore)}
                </button>
                <div inner_html=part(|p| p.channels.clone())></div>
            </div>
        </div>
    }
}
