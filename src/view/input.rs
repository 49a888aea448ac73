//! One labelled input with its hint and error: the building block of both forms.

use crate::domain::markup::{html, live, Markup};
use leptos::html;
use leptos::prelude::*;
use std::borrow::Cow;

/// The static description of an input.
#[derive(Debug, Clone)]
pub struct InputSpec {
    /// The `name` attribute (custom fields' names come from the server).
    pub name: Cow<'static, str>,
    /// The `type` attribute.
    pub kind: &'static str,
    /// The `autocomplete` attribute.
    pub autocomplete: &'static str,
    /// The `inputmode` attribute, when the keyboard should differ from the type's.
    pub inputmode: Option<&'static str>,
    /// A hint shown under the label and read with the input.
    pub hint: Option<String>,
    /// Whether the field must be filled.
    pub required: bool,
    /// The `dir` attribute: `ltr` for what is written left to right in every language (email
    /// addresses, phone numbers, usernames, codes), `auto` for names and free text, so the
    /// host page's direction never reorders them.
    pub dir: &'static str,
}

/// What makes an input a combobox (the WAI-ARIA pattern): its list's state and key handling.
/// The list itself is the `after` view, with the id `<input id>-list`.
#[derive(Clone, Copy)]
pub struct Combobox {
    /// Whether the list is shown.
    pub expanded: Signal<bool>,
    /// The highlighted option, announced through `aria-activedescendant`.
    pub active: Signal<Option<usize>>,
    /// Arrow keys, Enter and Escape.
    pub on_keydown: Callback<web_sys::KeyboardEvent>,
    /// Leaving the input closes the list (unless focus stays within the field).
    pub on_blur: Callback<web_sys::FocusEvent>,
}

/// The id of option `i` of the list of the combobox input `id`.
pub fn option_id(id: &str, i: usize) -> String {
    format!("{id}-list-{i}")
}

/// A `<label>`led `<input>` (or `<select>`, given `options`) whose error sits under it, with
/// `aria-invalid` and `aria-describedby` pointing at the hint and the error.
#[component]
pub fn LabeledInput(
    /// Unique id of the input (the hint and error ids derive from it).
    id: String,
    /// The visible label, also the input's accessible name.
    label: String,
    /// What the input is.
    spec: InputSpec,
    /// The value, kept outside so it outlives this view.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new value after each edit.
    on_input: Callback<String>,
    /// The error text to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Lets the owner focus the input.
    #[prop(optional)]
    node_ref: NodeRef<html::Input>,
    /// When not empty, makes it a `<select>` of these options, after an empty one reading
    /// `choose` ("Choose…").
    #[prop(optional)]
    options: Vec<String>,
    /// The text of a `<select>`'s empty option.
    #[prop(optional)]
    choose: String,
    /// Makes the input a combobox.
    #[prop(default = None)]
    combobox: Option<Combobox>,
    /// Shown right after the input (a combobox's list).
    #[prop(default = None)]
    after: Option<AnyView>,
) -> impl IntoView {
    let InputSpec {
        name,
        kind,
        autocomplete,
        inputmode,
        hint,
        required,
        dir,
    } = spec;
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [
                has_hint.then_some(hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || {
        if error.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    };
    let edited = move |ev| on_input.run(event_target_value(&ev));
    let control = if !options.is_empty() {
        view! {
            <select
                id=id.clone()
                name=name.clone()
                dir=dir
                required=required
                aria-invalid=invalid
                aria-describedby=described_by
                on:change=edited
            >
                <option value="" prop:selected=move || value.with(String::is_empty)>{choose}</option>
                {options.into_iter().map(|o| {
                    let (attr, text) = (o.clone(), o.clone());
                    view! { <option value=attr prop:selected=move || value.with(|v| *v == o)>{text}</option> }
                }).collect_view()}
            </select>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name.clone()
                type=kind
                dir=dir
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                aria-invalid=invalid
                aria-describedby=described_by
                node_ref=node_ref
                role=combobox.map(|_| "combobox")
                aria-autocomplete=combobox.map(|_| "list")
                aria-controls=combobox.map(|_| format!("{id}-list"))
                aria-expanded=move || combobox.map(|c| c.expanded.get().to_string())
                aria-activedescendant={
                    let id = id.clone();
                    move || combobox.and_then(|c| c.active.get()).map(|i| option_id(&id, i))
                }
                on:keydown=move |ev| {
                    if let Some(c) = combobox {
                        c.on_keydown.run(ev);
                    }
                }
                on:blur=move |ev| {
                    if let Some(c) = combobox {
                        c.on_blur.run(ev);
                    }
                }
                prop:value=move || value.get()
                on:input=edited
                // Some clears (WebDriver's, some autofills) fire only `change`.
                on:change=edited
            />
        }
        .into_any()
    };
    view! {
        <div class="ocf-field" class:ocf-field--invalid=move || error.with(Option::is_some)>
            // Labels and hints may hold isolated values (a phone number in an Arabic hint): as
            // HTML their isolates are <bdi>s, which show them the right way round.
            <label for=id inner_html=html(Markup::said(&label))></label>
            {hint.map(|hint| view! { <p class="ocf-hint" id=hint_id.clone() inner_html=html(Markup::said(&hint))></p> })}
            {control}
            {after}
            <p
                class="ocf-error"
                id=error_id
                hidden=move || error.with(Option::is_none)
                inner_html=live(move || error.with(|e| e.as_deref().map(Markup::said).unwrap_or_default()))
            ></p>
        </div>
    }
}
