//! The Conversations section, opened (a lazy part: this file and what only it reaches are
//! fetched the first time an agent opens the section, see [`crate::view::lazy`]): the contact's
//! past chats as a list with "Show more" and "Showing 10 of 23", its channels in the Contact
//! Center; a chat's messages in place of the list, with "Search this conversation" (the
//! combobox's pause and ticket) and "Back to conversations", which puts the focus back on the
//! chat opened. Each channel has **Block** or **Unblock** where the user may (blocking asks
//! first, with the form's one notice). Text a person typed is shown as text, never markup, and isolated (`<bdi>`) in a
//! right-to-left form.

use crate::domain::markup::live;
use crate::domain::search::DEBOUNCE_MS;
use crate::domain::texts::{BlockText, Text};
use crate::state::blocking;
use crate::state::conversations::{self, Ask, ConversationsState, Listing};
use crate::state::widget::session::Session;
use crate::view::combo::Combo;
use crate::view::conversation_markup::{self as markup, Dates};
use crate::view::lazy::{entry, Unfetched};
use crate::view::notice::{notice, Action};
use crate::web::dates::{since, written, Style};
use leptos::html;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsCast;

entry!(
    conversations,
    /// The section for contact `contact`, opened: it asks for the first page at once.
    conversations_section, fetch_conversations, (session: Session, contact: String, name: Signal<String>) =>
    view! { <Section session=session contact=contact name=name /> }
);

/// Fetches the section's code (see [`crate::view::lazy::Fetch`]).
pub fn fetch() -> Pin<Box<dyn Future<Output = Result<(), Unfetched>>>> {
    Box::pin(async {
        #[cfg(feature = "split")]
        fetch_conversations().await?;
        Ok(())
    })
}

/// What is listed is markup drawn once per answer ([`markup::parts`]), and every press in it is
/// one delegated handler: a reactive view per item and a handler per button would cost more.
#[component]
fn Section(session: Session, contact: String, name: Signal<String>) -> impl IntoView {
    let state = ConversationsState::new(contact);
    let combo = Combo::new();
    let root = NodeRef::<html::Div>::new();
    let typed = RwSignal::new(String::new());
    let search = session.id("conversation-search");
    // After the section is drawn again (one frame): focus the first element `selector` finds
    // (made focusable if it is not, as a message is not), if the section is still there
    // (unmounted meanwhile, its node is disposed or detached).
    let focus = move |selector: String| {
        request_animation_frame(move || {
            let found = root
                .try_get_untracked()
                .flatten()
                .filter(|r| r.is_connected())
                .and_then(|r| r.query_selector(&selector).ok().flatten());
            if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                if element.tab_index() < 0 && !element.has_attribute("tabindex") {
                    let _ = element.set_attribute("tabindex", "-1");
                }
                let _ = element.focus();
            }
        });
    };
    // Every flow starts here, with the ticket of the search it goes with, and where the focus
    // goes once it is over ("": nowhere); one future type for all of them.
    let go = move |ask: Ask, ticket: u32, then: String| {
        session.spawn(async move {
            conversations::run(session, state, ask, move || combo.is_current(ticket)).await;
            if !then.is_empty() {
                focus(then);
            }
        });
    };
    go(Ask::Open, combo.ticket(), String::new());
    // Blocks (or unblocks) channel `at`; the focus goes back to its button, as it now is.
    let block = move |at: usize, blocked: bool| {
        session.spawn(async move {
            blocking::block(session, state, at, blocked).await;
            focus(format!(".ocf-block[data-at=\"{at}\"]"));
        });
    };
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
        // Block and Unblock only where they can work (unread: not offered).
        let may = session.abilities().unwrap_or_default();
        state.with(|section| markup::parts(section, &t, &dates, may))
    });
    // Every press in the section: a chat, a channel's Block or Unblock, "Back", "Show more".
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let within = |class: &str| target.closest(class).ok().flatten();
        if let Some(chat) = within(".ocf-chat") {
            let Some(at) = chat.get_attribute("data-at").and_then(|a| a.parse().ok()) else {
                return;
            };
            combo.close();
            typed.set(String::new());
            go(Ask::Read(at), combo.ticket(), String::new());
            focus(".ocf-back".into());
        } else if let Some(button) = within(".ocf-block") {
            let Some(at) = button.get_attribute("data-at").and_then(|a| a.parse().ok()) else {
                return;
            };
            // Unblocking asks nothing; blocking asks first (the question below the list).
            match state.channel(at).is_some_and(|c| c.blocked) {
                true => block(at, false),
                false => state.ask_block(Some(at)),
            }
        } else if within(".ocf-back").is_some() {
            combo.close();
            if let Some(at) = state.back() {
                focus(format!(".ocf-chat[data-at=\"{at}\"]"));
            }
        } else if within(".ocf-more").is_some() {
            // "Show more" is drawn again with the list (or goes with its last page): the focus
            // goes to the first item that came in, or back to "Show more" when none came (the
            // first in the page's order: the items come before the button).
            let first_new = match state.shown_now() {
                (Listing::Messages, n) => {
                    format!(".ocf-messages>li:nth-child({}),.ocf-more", n + 1)
                }
                (Listing::Chats, n) => format!(".ocf-chat[data-at=\"{n}\"],.ocf-more"),
            };
            go(Ask::More, combo.ticket(), first_new);
        }
    };
    // "Block SMS for Ada? …" with Block and Cancel (which has the focus, as Delete's question).
    let question = move || {
        let at = state.asking()?;
        let channel = state.channel(at)?;
        let t = session.texts();
        let shown = channel.source.name(&t);
        let named = name.get_untracked();
        let named = match named.trim() {
            "" => t.get(Text::NoName),
            given => given,
        };
        let message = t.fill(BlockText::BlockAsk, &[("channel", &shown), ("name", named)]);
        let actions = vec![
            Action {
                text: t.get(BlockText::Block).to_owned(),
                class: "ocf-danger",
                run: Callback::new(move |()| block(at, true)),
            },
            Action {
                text: t.get(Text::Cancel).to_owned(),
                class: "ocf-secondary",
                run: Callback::new(move |()| state.ask_block(None)),
            },
        ];
        Some(notice(
            "ocf-block-question",
            t.get(BlockText::Block).to_owned(),
            &message,
            actions,
            Some(1),
        ))
    };
    let on_search = move |ev: web_sys::Event| {
        let value = event_target_value(&ev);
        combo.close();
        typed.set(value.clone());
        let term = value.trim().to_owned();
        combo.later(DEBOUNCE_MS, move |ticket| {
            go(Ask::Search(term), ticket, String::new())
        });
    };
    let part = move |f: fn(&markup::Parts) -> String| move || parts.with(f);
    view! {
        <div class="ocf-section" node_ref=root on:click=on_click>
            <div class="ocf-part" inner_html=live(move || parts.with(|p| p.head.clone()))></div>
            <div class="ocf-field" hidden=move || !parts.with(|p| p.chat)>
                <label for=search.clone()>{move || session.text(Text::SearchConversation)}</label>
                <input
                    id=search
                    type="search"
                    name="conversation-search"
                    autocomplete="off"
                    dir="auto"
                    prop:value=typed
                    on:input=on_search
                />
            </div>
            <p class="ocf-note" role="status">{part(|p| p.status.clone())}</p>
            <p class="ocf-note" role="alert">{part(|p| p.failure.clone())}</p>
            <div class="ocf-part" inner_html=live(move || parts.with(|p| p.body.clone()))></div>
            {question}
        </div>
    }
}
