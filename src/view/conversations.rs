//! "Conversations", below the form of a saved contact: a disclosure button, closed at first.
//! The section itself is a lazy part ([`crate::view::conversations_section`]): the first time
//! it is opened its code is fetched, with the status saying so; when it cannot be, the section
//! says so in words with **Try again**, and the rest of the widget goes on as before. Closing
//! drops what it showed; opening again starts it anew (its code is kept).

use crate::domain::texts::Text;
use crate::state::widget::session::Session;
use crate::view::conversations_section::{conversations_section, fetch};
use crate::view::lazy::{enter, said, LazyPart, Phase};
use leptos::prelude::*;

/// The disclosure and the section for contact `contact` (made again, closed, for another).
#[component]
pub fn Conversations(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The opened contact's id.
    contact: String,
    /// Its name as shown (a question about one of its channels names it).
    name: Signal<String>,
) -> impl IntoView {
    let part = LazyPart::new(session, fetch);
    let panel = session.id("conversations");
    let toggle = move |_| match part.is_open() {
        true => part.close(),
        false => part.open(),
    };
    // The section once its code is here, drawn under this view's owner (dropped when closed).
    let section = move || match part.phase() {
        Phase::Open => enter!(conversations_section(session, contact.clone(), name)).ok(),
        _ => None,
    };
    view! {
        <div class="ocf-conversations">
            <button
                type="button"
                class="ocf-disclosure"
                aria-expanded=move || part.is_open().to_string()
                aria-controls=panel.clone()
                on:click=toggle
            >
                {move || session.text(Text::Conversations)}
            </button>
            <div id=panel class="ocf-panel" hidden=move || !part.is_open()>
                {said(part, Text::LoadingConversations)}
                {section}
            </div>
        </div>
    }
}
