//! The warning shown when a new contact's email or phone already belongs to a stored contact,
//! with the user's choices: update that contact, register anyway (phone only), or go back.

use crate::domain::catalogue::to_html;
use crate::domain::duplicate::Match;
use crate::domain::texts::Text;
use crate::state::form_state::FormState;
use crate::state::session::Session;
use crate::state::status::Status;
use leptos::prelude::*;

/// What the user chose; the form then moves the focus (the pressed button is gone) and, for
/// [`Choice::RegisterAnyway`], saves again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The form now updates that contact.
    UpdateThat,
    /// Register the new contact beside that one (it is no longer a duplicate).
    RegisterAnyway,
    /// Back to the form, at the field that matched.
    Back(Match),
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
    let update_that = move |_| {
        if let Some((name, id)) = state.adopt_duplicate() {
            let said = session
                .texts_now()
                .fill(Text::NowUpdating, &[("name", &name), ("id", &id)]);
            session.say(Status::Done(said));
            on_choice.run(Choice::UpdateThat);
        }
    };
    let back = move |_| {
        let by = state.duplicates().back();
        session.say(Status::Idle);
        if let Some(by) = by {
            on_choice.run(Choice::Back(by));
        }
    };
    let anyway = move |_| {
        state.duplicates().accept();
        on_choice.run(Choice::RegisterAnyway);
    };
    move || {
        let t = session.texts();
        state.duplicates().shown().map(|duplicate| {
            let can_update = duplicate.record.token.is_some();
            let may_register = duplicate.may_register_anyway();
            view! {
                <div class="ocf-duplicate" role="group" aria-label=t.get(Text::PossibleDuplicate).to_owned()>
                    <p inner_html=to_html(&duplicate.message(&t))></p>
                    <div class="ocf-actions">
                        {can_update.then(|| view! {
                            <button type="button" class="ocf-primary" on:click=update_that>{t.get(Text::UpdateThat).to_owned()}</button>
                        })}
                        {may_register.then(|| view! {
                            <button type="button" class="ocf-secondary" on:click=anyway>{t.get(Text::RegisterAnyway).to_owned()}</button>
                        })}
                        <button type="button" class="ocf-secondary" on:click=back>{t.get(Text::GoBack).to_owned()}</button>
                    </div>
                </div>
            }
        })
    }
}
