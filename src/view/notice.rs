//! The one notice mechanism of the form: a message with its choices, shown in the form while
//! something waits for the user (a duplicate found, unsaved changes that opening another
//! contact would drop).

use crate::domain::markup::{html, Markup};
use crate::state::resolving::conflicts::ConflictChoices;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element that had the focus when a question appeared (the button that asked it, or the
/// search that opens another contact). When an answer takes the pressed button away and with
/// it the focus, the focus goes back there, as a dialog gives it back to what opened it.
#[derive(Clone, Copy)]
pub struct Invoker(StoredValue<Option<web_sys::HtmlElement>, LocalStorage>);

impl Invoker {
    /// Whatever has the focus now (inside the widget's shadow root, when it has one).
    pub fn now() -> Self {
        let mut focused = document().active_element();
        while let Some(inner) = focused
            .as_ref()
            .and_then(|e| e.shadow_root())
            .and_then(|root| root.active_element())
        {
            focused = Some(inner);
        }
        let focused = focused.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        Invoker(StoredValue::new_local(focused))
    }

    /// Runs an answer; then, once the form is drawn again, if the focus fell to the page (the
    /// answer took the focused button away, and put the focus nowhere itself), gives it back to
    /// the invoker, if that is still there.
    pub fn answer(self, run: impl FnOnce()) {
        // Read first: the question's view, which owns this, goes with the answer.
        let invoker = self.0.try_get_value().flatten();
        run();
        request_animation_frame(move || {
            let doc = document();
            let lost = doc.active_element().is_none_or(|e| {
                doc.body()
                    .is_some_and(|b| AsRef::<web_sys::Element>::as_ref(&b) == &e)
            });
            if let (true, Some(invoker)) = (lost, invoker.filter(|e| e.is_connected())) {
                let _ = invoker.focus();
            }
        });
    }
}

/// One choice of a notice: its button's text, its look, what it does.
pub struct Action {
    /// The button's text.
    pub text: String,
    /// The button's class: `ocf-primary` (the main choice), `ocf-secondary` or `ocf-danger`.
    pub class: &'static str,
    /// What pressing it does.
    pub run: Callback<()>,
}

/// A group named `label` holding `message` (text with isolated values, see
/// [`Markup::said`]) and one button per action; `kind` names it for
/// styles and tests (`ocf-duplicate`, `ocf-unsaved`, `ocf-delete`); `focus` takes the focus
/// to that button when it appears (a question that waits for an answer).
pub fn notice(
    kind: &'static str,
    label: String,
    message: &str,
    actions: Vec<Action>,
    focus: Option<usize>,
) -> impl IntoView {
    let focused = NodeRef::<leptos::html::Button>::new();
    let invoker = Invoker::now();
    if focus.is_some() {
        // Once it is drawn: the button exists then, unless the notice went first (answered
        // at once, or drawn again), and then there is nothing to focus.
        request_animation_frame(move || {
            if let Some(button) = focused.try_get_untracked().flatten() {
                let _ = button.focus();
            }
        });
    }
    view! {
        <div class=format!("ocf-notice {kind}") role="group" aria-label=label>
            <p inner_html=html(Markup::said(message))></p>
            <div class="ocf-actions">
                {actions.into_iter().enumerate().map(|(i, action)| {
                    let node_ref = if Some(i) == focus { focused } else { NodeRef::new() };
                    view! {
                        <button type="button" class=action.class node_ref=node_ref on:click=move |_| invoker.answer(|| action.run.run(()))>{action.text}</button>
                    }
                }).collect_view()}
            </div>
        </div>
    }
}

/// One radio group per field, for a notice that asks which value to keep: each group's legend
/// and its values (an empty one shown as `none`), each radio labelled by its value; `picks`
/// holds the value picked in each group (the first at first); `focus` takes the focus to the
/// first radio once it is drawn.
pub fn choice_groups(
    name: String,
    groups: Vec<(String, Vec<String>)>,
    none: &str,
    picks: ConflictChoices,
    focus: bool,
) -> impl IntoView {
    let first = NodeRef::<leptos::html::Input>::new();
    if focus {
        request_animation_frame(move || {
            if let Some(radio) = first.try_get_untracked().flatten() {
                let _ = radio.focus();
            }
        });
    }
    groups
        .into_iter()
        .enumerate()
        .map(|(i, (legend, values))| {
            let name = format!("{name}-{i}");
            let radios = values
                .into_iter()
                .enumerate()
                .map(|(j, shown)| {
                    let shown = if shown.trim().is_empty() {
                        none.to_owned()
                    } else {
                        shown
                    };
                    let node_ref = if i + j == 0 { first } else { NodeRef::new() };
                    view! {
                        <label class="ocf-radio">
                            <input
                                type="radio"
                                name=name.clone()
                                dir="auto"
                                node_ref=node_ref
                                prop:checked=move || picks.is_picked(i, j)
                                on:change=move |_| picks.pick(i, j)
                            />
                            <span dir="auto">{shown}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="ocf-choice">
                    <legend>{legend}</legend>
                    {radios}
                </fieldset>
            }
        })
        .collect_view()
}
