//! The contact form view: fields, actions, and the save flow that ties validation, the token,
//! the request and the answer together.

use crate::api;
use crate::contact::{field_error, request_body};
use crate::form_state::FormState;
use crate::input::{InputSpec, LabeledInput};
use crate::record::{merge, ContactRecord};
use crate::remembered;
use crate::reply::ApiError;
use crate::session::Session;
use crate::status::Status;
use crate::token::{new_token, StoredContact};
use crate::validate::{Field, FieldErrors, ValidContact};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::SubmitEvent;

/// How each contact field is presented (names and types are fixed by DESIGN.md).
fn spec(field: Field) -> InputSpec {
    let base = InputSpec {
        name: field.input_name(),
        kind: "text",
        autocomplete: "off",
        inputmode: None,
        hint: None,
        required: false,
    };
    match field {
        Field::Name => InputSpec {
            autocomplete: "name",
            required: true,
            ..base
        },
        Field::Email => InputSpec {
            kind: "email",
            autocomplete: "email",
            inputmode: Some("email"),
            hint: Some("Optional."),
            ..base
        },
        Field::Phone => InputSpec {
            kind: "tel",
            autocomplete: "tel",
            inputmode: Some("tel"),
            hint: Some("Optional. With the country code, e.g. +44 20 7946 0958."),
            ..base
        },
        Field::ContactManager => InputSpec {
            hint: Some("Optional. The Rocket.Chat username of the agent in charge."),
            ..base
        },
    }
}

/// The contact form: Name, Email, Phone, Contact manager; "Register contact" or "Update contact";
/// "New contact"; "Sign out" (the texts of the config's labels).
#[component]
pub fn ContactForm(session: Session, state: FormState) -> impl IntoView {
    let refs: [NodeRef<html::Input>; 4] = Default::default();
    let focus = move |field: Field| {
        if let Some(input) = refs[field as usize].get_untracked() {
            let _ = input.focus();
        }
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if state.saving.get_untracked() {
            return; // a double click sends one request
        }
        if !remembered::needs_loading(state) {
            check_and_save(session, state, focus);
            return;
        }
        // An update must carry every stored field, so load the record first.
        state.saving.set(true);
        session
            .status
            .set(Status::Busy("Loading the contact…".into()));
        spawn_local(async move {
            let loaded = remembered::load(session, state).await;
            state.saving.set(false);
            match loaded {
                Ok(()) => check_and_save(session, state, focus),
                Err(error) => report(session, state, &error),
            }
        });
    };

    let new_contact = move |_| {
        if state.saving.get_untracked() {
            // Forgetting now would let the save's answer remember the old contact's token for
            // the new one, and the next save would overwrite the old contact.
            session.status.set(Status::Busy(
                "Wait until the save finishes, then start a new contact.".into(),
            ));
            return;
        }
        state.forget(&session.config.get_value());
        session
            .status
            .set(Status::Done("Ready for a new contact.".into()));
        focus(Field::Name);
    };

    let sign_out = move |_| {
        if let Some(credentials) = session.credentials.get_untracked() {
            let config = session.config.get_value();
            // The token ends on the server too; if that call fails it still ends here.
            spawn_local(async move {
                let _ = api::logout(&config, &credentials).await;
            });
        }
        session.forget_sign_in();
        session.status.set(Status::Done("Signed out.".into()));
    };

    let labels = session.config.with_value(|c| c.labels.clone());
    let fields = Field::ALL.map(|field| {
        let on_edit = Callback::new(move |()| {
            // Re-check only a field already marked, so the error goes as soon as it is fixed.
            if state.errors.with_untracked(|e| e.get(field).is_some()) {
                let record = state.record.get_untracked();
                let errors = merge(record.as_ref(), &state.draft()).err();
                let error = errors.and_then(|e| e.get(field).copied());
                state.errors.update(|e| e.set(field, error));
            }
        });
        view! {
            <LabeledInput
                id=session.id(field.input_name())
                label=labels.field(field).to_owned()
                spec=spec(field)
                value=state.value(field)
                error=Signal::derive(move || state.errors.with(|e| e.get(field).map(ToString::to_string)))
                node_ref=refs[field as usize]
                on_edit=on_edit
            />
        }
    });

    if remembered::needs_loading(state) {
        spawn_local(async move {
            if let Err(error) = remembered::load(session, state).await {
                report(session, state, &error);
            }
        });
    }
    let (register, update) = (labels.register.clone(), labels.update.clone());
    view! {
        <form class="ocf-form" novalidate aria-busy=move || state.saving.get().to_string() on:submit=submit>
            {fields}
            <div class="ocf-actions">
                <button type="submit" class="ocf-primary" aria-disabled=move || state.saving.get().to_string()>
                    {move || if state.remembered.with(Option::is_some) { update.clone() } else { register.clone() }}
                </button>
                <button type="button" class="ocf-secondary" on:click=new_contact>{labels.new_contact.clone()}</button>
                <button type="button" class="ocf-link" on:click=sign_out>{labels.sign_out.clone()}</button>
            </div>
            <p class="ocf-note" hidden=move || state.storage_problem.with(Option::is_none)>
                {move || state.storage_problem.get().map(|e| e.to_string())}
            </p>
        </form>
    }
}

/// Validates what is typed against the loaded record, marks the problems and focuses the first,
/// or sends the contact.
fn check_and_save(session: Session, state: FormState, focus: impl Fn(Field)) {
    let record = state.record.get_untracked();
    match merge(record.as_ref(), &state.draft()) {
        Err(errors) => {
            let count = errors.count();
            let first = errors.first();
            state.errors.set(errors);
            session.status.set(Status::Failed(if count == 1 {
                "One field needs attention before saving.".into()
            } else {
                format!("{count} fields need attention before saving.")
            }));
            if let Some(field) = first {
                focus(field);
            }
        }
        Ok(contact) => {
            state.errors.set(FieldErrors::default());
            let custom_fields = record.map(|r| r.custom_fields).unwrap_or_default();
            save(session, state, contact, custom_fields);
        }
    }
}

/// Shows a failure: under its field when it belongs to one, in the status region, and as a
/// `contact-error` event; a 401 brings the sign-in back with every value kept.
fn report(session: Session, state: FormState, error: &ApiError) {
    if let Some((field, field_error)) = field_error(error) {
        state.errors.update(|e| e.set(field, Some(field_error)));
    }
    if *error == ApiError::SignedOut {
        session.forget_sign_in();
    }
    session.status.set(Status::Failed(error.to_string()));
    session.announce_error(error);
}

/// Sends a valid contact and shows the outcome; on 401 the sign-in comes back, values kept.
fn save(
    session: Session,
    state: FormState,
    contact: ValidContact,
    custom_fields: Vec<(String, String)>,
) {
    let Some(credentials) = session.credentials.get_untracked() else {
        session
            .status
            .set(Status::Failed(ApiError::SignedOut.to_string()));
        return;
    };
    let remembered = state.remembered.get_untracked();
    let token = remembered
        .as_ref()
        .map(|c| c.token.clone())
        .or_else(|| state.pending_token.get_untracked())
        .or_else(new_token);
    let Some(token) = token else {
        session.status.set(Status::Failed(
            "This browser cannot make a secure random token (no Web Crypto), so the contact cannot be saved.".into(),
        ));
        return;
    };
    if remembered.is_none() {
        state.pending_token.set(Some(token.clone()));
    }
    let body = request_body(&token, &contact, &custom_fields);
    let config = session.config.get_value();
    state.saving.set(true);
    session.status.set(Status::Busy("Saving…".into()));
    spawn_local(async move {
        let result = api::save_contact(&config, &credentials, body).await;
        state.saving.set(false);
        match result {
            Ok(id) => {
                let verb = if remembered.is_some() {
                    "updated"
                } else {
                    "registered"
                };
                session
                    .status
                    .set(Status::Done(format!("Contact {verb} (id {id}).")));
                session.announce_saved(&id, &token, remembered.is_none());
                state.record.set(Some(ContactRecord::saved(
                    id.clone(),
                    &contact,
                    custom_fields,
                )));
                state.remember(
                    &config,
                    StoredContact {
                        token,
                        contact_id: Some(id),
                    },
                );
            }
            Err(error) => report(session, state, &error),
        }
    });
}
