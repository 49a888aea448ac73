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
/// styles and tests (`ocf-duplicate`, `ocf-unsaved`).
pub fn notice(
    kind: &'static str,
    label: String,
    message: &str,
    actions: Vec<Action>,
) -> impl IntoView {
    view! {
        <div class=format!("ocf-notice {kind}") role="group" aria-label=label>
            <p inner_html=to_html(message)></p>
            <div class="ocf-actions">
                {actions.into_iter().map(|action| {
                    let class = if action.primary { "ocf-primary" } else { "ocf-secondary" };
                    view! {
                        <button type="button" class=class on:click=move |_| action.run.run(())>{action.text}</button>
                    }
                }).collect_view()}
            </div>
        </div>
    }
}
