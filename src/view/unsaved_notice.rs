//! "You have unsaved changes. Open <name> anyway?" with "Open contact" and "Keep editing",
//! shown while opening another contact waits for the answer.

use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::widget::session::Session;
use crate::view::notice::{notice, Action};
use leptos::prelude::*;

/// The question and its two answers; nothing while none is asked.
#[component]
pub fn UnsavedNotice(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state, which holds the question.
    state: FormState,
) -> impl IntoView {
    let prompt = state.unsaved();
    move || {
        let t = session.texts();
        prompt.shown().map(|name| {
            let answer = |key, class, open: bool| Action {
                text: t.get(key).to_owned(),
                class,
                run: Callback::new(move |()| prompt.answer(open)),
            };
            notice(
                "ocf-unsaved",
                t.get(Text::Unsaved).to_owned(),
                &t.fill(Text::OpenAnyway, &[("name", &name)]),
                vec![
                    answer(Text::OpenContact, "ocf-primary", true),
                    answer(Text::KeepEditing, "ocf-secondary", false),
                ],
                Some(0),
            )
        })
    }
}
