//! "<name> was changed on the server since you opened it.": for each field both sides changed,
//! a radio group of the value typed here and the server's (each radio labelled by its value,
//! the one here chosen at first), with **Save these values** and **Cancel**. Nothing is sent
//! until the user chooses; the focus goes to the first radio.

use crate::domain::markup::{html, Markup};
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::saving::merging::{self, label_of};
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;
use crate::view::notice::{choice_groups, Invoker};
use leptos::prelude::*;

/// The notice, while a save waits for the user's choice; `on_save` saves again once the values
/// are chosen.
#[component]
pub fn ChangedNotice(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state.
    state: FormState,
    /// Saves the form (with the values chosen).
    on_save: Callback<()>,
) -> impl IntoView {
    // Each answer gives the focus back to what had it when the question appeared.
    let save = move |invoker: Invoker| {
        invoker.answer(|| {
            if merging::choose(state) {
                on_save.run(());
            }
        })
    };
    let cancel = move |invoker: Invoker| {
        invoker.answer(|| {
            state.changes().clear();
            session.say(Status::Idle);
        })
    };
    move || {
        let merged = state.changes().asked()?;
        let invoker = Invoker::now();
        let t = session.texts();
        let custom = state.custom().shown();
        let groups = merged
            .clashes
            .iter()
            .map(|c| {
                let legend = label_of(&t, &custom, &c.part);
                (legend, vec![c.here.clone(), c.server.clone()])
            })
            .collect();
        let message = merging::changed_text(session, state);
        let groups = choice_groups(
            session.id("changed"),
            groups,
            t.get(Text::NoValue),
            state.changes().picks(),
            true,
        );
        Some(view! {
            <div class="ocf-notice ocf-changed" role="group" aria-label=message.clone()>
                <p inner_html=html(Markup::said(&message))></p>
                {groups}
                <div class="ocf-actions">
                    <button type="button" class="ocf-primary" on:click=move |_| save(invoker)>
                        {t.get(Text::SaveTheseValues).to_owned()}
                    </button>
                    <button type="button" class="ocf-secondary" on:click=move |_| cancel(invoker)>
                        {t.get(Text::Cancel).to_owned()}
                    </button>
                </div>
            </div>
        })
    }
}
