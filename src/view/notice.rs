//! The one notice mechanism of the form: a message with its choices, shown in the form while
//! something waits for the user (a duplicate found, unsaved changes that opening another
//! contact would drop).

use crate::domain::catalogue::to_html;
use leptos::prelude::*;

/// One choice of a notice: its button's text, whether it is the main one, what it does.
pub struct Action {
    /// The button's text.
    pub text: String,
    /// The primary (filled) button, else a secondary one.
    pub primary: bool,
    /// What pressing it does.
    pub run: Callback<()>,
}

/// A group named `label` holding `message` (text with isolated values, see
/// [`crate::domain::catalogue::to_html`]) and one button per action; `kind` names it for
/// styles and tests (`ocf-duplicate`, `ocf-unsaved`); `focus_first` takes the focus to the
/// first button when it appears.
pub fn notice(
    kind: &'static str,
    label: String,
    message: &str,
    actions: Vec<Action>,
    focus_first: bool,
) -> impl IntoView {
    let first = NodeRef::<leptos::html::Button>::new();
    if focus_first {
        // Once it is drawn: the button exists then.
        request_animation_frame(move || {
            if let Some(button) = first.get_untracked() {
                let _ = button.focus();
            }
        });
    }
    view! {
        <div class=format!("ocf-notice {kind}") role="group" aria-label=label>
            <p inner_html=to_html(message)></p>
            <div class="ocf-actions">
                {actions.into_iter().enumerate().map(|(i, action)| {
                    let class = if action.primary { "ocf-primary" } else { "ocf-secondary" };
                    let node_ref = if i == 0 { first } else { NodeRef::new() };
                    view! {
                        <button type="button" class=class node_ref=node_ref on:click=move |_| action.run.run(())>{action.text}</button>
                    }
                }).collect_view()}
            </div>
        </div>
    }
}
