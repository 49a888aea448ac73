//! One labelled input with its hint and error: the building block of both forms.

use leptos::html;
use leptos::prelude::*;

/// The static description of an input.
#[derive(Debug, Clone, Copy)]
pub struct InputSpec {
    /// The `name` attribute.
    pub name: &'static str,
    /// The `type` attribute.
    pub kind: &'static str,
    /// The `autocomplete` attribute.
    pub autocomplete: &'static str,
    /// The `inputmode` attribute, when the keyboard should differ from the type's.
    pub inputmode: Option<&'static str>,
    /// A hint shown under the label and read with the input.
    pub hint: Option<&'static str>,
    /// Whether the field must be filled.
    pub required: bool,
}

/// A `<label>`led `<input>` whose error sits under it, with `aria-invalid` and
/// `aria-describedby` pointing at the hint and the error.
#[component]
pub fn LabeledInput(
    /// Unique id of the input (the hint and error ids derive from it).
    id: String,
    /// The visible label, also the input's accessible name.
    label: String,
    /// What the input is.
    spec: InputSpec,
    /// The value, kept outside so it outlives this view.
    value: RwSignal<String>,
    /// The error text to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Lets the owner focus the input.
    node_ref: NodeRef<html::Input>,
    /// Called after each edit.
    #[prop(optional, into)]
    on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [
                spec.hint.map(|_| hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="ocf-field" class:ocf-field--invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {spec.hint.map(|hint| view! { <p class="ocf-hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id
                name=spec.name
                type=spec.kind
                autocomplete=spec.autocomplete
                inputmode=spec.inputmode
                required=spec.required
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described_by
                node_ref=node_ref
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(cb) = on_edit {
                        cb.run(());
                    }
                }
            />
            <p class="ocf-error" id=error_id hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </div>
    }
}
