//! The warning shown when a new contact's email or phone already belongs to a stored contact,
//! with the user's choices: update that contact, register anyway (phone only), or go back.

use crate::domain::field::Place;
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;
use crate::view::notice::{notice, Action};
use leptos::prelude::*;

/// What the user chose; the form then moves the focus (the pressed button is gone) and, for
/// [`Choice::RegisterAnyway`], saves again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The form now updates that contact.
    UpdateThat,
    /// Save beside that one (it is no longer a duplicate): register the new contact, or
    /// update this one with the value that contact also has.
    RegisterAnyway,
    /// Back to the form, at the input that holds the value that matched.
    Back(Place),
}

/// The duplicate warning and its buttons; nothing while there is no duplicate.
#[component]
pub fn DuplicateNotice(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state, kept by the widget.
    state: FormState,
    /// Called after each choice.
    on_choice: Callback<Choice>,
) -> impl IntoView {
    let update_that = Callback::new(move |()| {
        if let Some((name, id)) = state.adopt_duplicate() {
            let said = session
                .texts_now()
                .fill(Text::NowUpdating, &[("name", &name), ("id", &id)]);
            session.say(Status::Done(said));
            on_choice.run(Choice::UpdateThat);
        }
    });
    let back = Callback::new(move |()| {
        let shown = state.duplicates().back();
        session.say(Status::Idle);
        if let Some(d) = shown {
            let place = state.inputs().place_of(d.by.field(), &d.value);
            on_choice.run(Choice::Back(place));
        }
    });
    let anyway = Callback::new(move |()| {
        state.duplicates().accept();
        on_choice.run(Choice::RegisterAnyway);
    });
    move || {
        let t = session.texts();
        state.duplicates().shown().map(|duplicate| {
            // Updating one contact, the other is not offered: its own values would be lost.
            let can_update = duplicate.record.token.is_some() && !duplicate.updating;
            let may_register = duplicate.may_register_anyway();
            let action = |key, primary: bool, run| Action {
                text: t.get(key).to_owned(),
                class: if primary {
                    "ocf-primary"
                } else {
                    "ocf-secondary"
                },
                run,
            };
            let mut actions = Vec::new();
            if can_update {
                actions.push(action(Text::UpdateThat, true, update_that));
            }
            if may_register {
                let key = if duplicate.updating {
                    Text::SaveAnyway
                } else {
                    Text::RegisterAnyway
                };
                actions.push(action(key, false, anyway));
            }
            actions.push(action(Text::GoBack, false, back));
            notice(
                "ocf-duplicate",
                t.get(Text::PossibleDuplicate).to_owned(),
                &duplicate.message(&t),
                actions,
                None,
            )
        })
    }
}
