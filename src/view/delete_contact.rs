//! "Delete contact" for a saved Contact Center contact, and its confirmation: "Delete <name>?
//! This cannot be undone." with **Delete** and **Cancel** (which gets the focus, so a second
//! Enter does not delete).

use crate::domain::texts::Text;
use crate::state::deleting::delete::{delete, Deleted};
use crate::state::form::form_state::FormState;
use crate::state::widget::session::Session;
use crate::view::notice::{notice, Action};
use leptos::prelude::*;

/// Whether the form shows a contact that can be deleted: a saved Contact Center contact, and
/// a user who may delete (as far as known) (tracked: it follows the target).
fn deletable(session: Session, state: FormState) -> bool {
    state.contact().is_existing()
        && session.is_contact_center()
        && session.abilities().is_none_or(|a| a.delete)
        && state.contact().with(|t| t.contact_id().is_some())
}

/// The button, for the form's actions; nothing while there is no contact to delete.
pub fn delete_button(session: Session, state: FormState) -> impl IntoView {
    move || {
        deletable(session, state).then(|| {
            view! {
                <button type="button" class="ocf-danger" on:click=move |_| state.deletion().ask(true)>
                    {session.texts().get(Text::DeleteContact).to_owned()}
                </button>
            }
        })
    }
}

/// The confirmation, while asked; `on_deleted` runs once the contact is gone.
#[component]
pub fn DeleteNotice(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state.
    state: FormState,
    /// Called once the contact is deleted (the form is then empty).
    on_deleted: Callback<()>,
) -> impl IntoView {
    let confirm = Callback::new(move |()| {
        session.spawn(async move {
            if delete(session, state).await == Deleted::Yes {
                on_deleted.run(());
            }
        });
    });
    let cancel = Callback::new(move |()| state.deletion().ask(false));
    move || {
        let asked = state.deletion().asked() && deletable(session, state);
        asked.then(|| {
            let t = session.texts();
            let record = state.contact().record();
            let name = record
                .as_ref()
                .map_or(t.get(Text::NoName), |r| r.shown_name(&t));
            let action = |key, class, run| Action {
                text: t.get(key).to_owned(),
                class,
                run,
            };
            notice(
                "ocf-delete",
                t.get(Text::DeleteContact).to_owned(),
                &t.fill(Text::DeleteConfirm, &[("name", name)]),
                vec![
                    action(Text::Delete, "ocf-danger", confirm),
                    action(Text::Cancel, "ocf-secondary", cancel),
                ],
                Some(1),
            )
        })
    }
}
