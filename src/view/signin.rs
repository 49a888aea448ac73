//! The sign-in form, shown while the widget has no credentials.

use crate::api;
use crate::api::reply::ApiError;
use crate::state::session::Session;
use crate::state::status::Status;
use crate::view::input::{InputSpec, LabeledInput};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::borrow::Cow;
use web_sys::SubmitEvent;

const USER: InputSpec = InputSpec {
    name: Cow::Borrowed("user"),
    kind: "text",
    autocomplete: "username",
    inputmode: None,
    hint: None,
    required: true,
};
const PASSWORD: InputSpec = InputSpec {
    name: Cow::Borrowed("password"),
    kind: "password",
    autocomplete: "current-password",
    inputmode: None,
    hint: None,
    required: true,
};
const CODE: InputSpec = InputSpec {
    name: Cow::Borrowed("code"),
    kind: "text",
    autocomplete: "one-time-code",
    inputmode: Some("numeric"),
    hint: None,
    required: true,
};

/// "Username or email", "Password", "Sign in"; "Two-factor code" when the server asks for one
/// (the texts of the config's labels).
#[component]
pub fn SignIn(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
) -> impl IntoView {
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new([None::<&'static str>; 3]);
    let asks_code = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let refs: [NodeRef<html::Input>; 3] = Default::default();
    let focus = move |i: usize| {
        if let Some(input) = refs[i].get_untracked() {
            let _ = input.focus();
        }
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (u, p, c) = (
            user.get_untracked(),
            password.get_untracked(),
            code.get_untracked(),
        );
        let missing = [
            u.trim()
                .is_empty()
                .then_some("Enter your username or email."),
            p.is_empty().then_some("Enter your password."),
            (asks_code.get_untracked() && c.trim().is_empty())
                .then_some("Enter the two-factor code."),
        ];
        errors.set(missing);
        if let Some(first) = missing.iter().position(Option::is_some) {
            session.status.set(Status::Failed(
                "Fill in the highlighted fields to sign in.".into(),
            ));
            focus(first);
            return;
        }
        let config = session.config.get_value();
        busy.set(true);
        session.status.set(Status::Busy("Signing in…".into()));
        spawn_local(async move {
            let code = asks_code.get_untracked().then_some(c.as_str());
            let result = api::login(&config, &u, &p, code).await;
            if busy.is_disposed() {
                return; // unmounted meanwhile: nowhere to show the answer
            }
            busy.set(false);
            match result {
                Ok(credentials) => {
                    let note = session.sign_in(credentials).err();
                    let text = match note {
                        None => "Signed in.".to_owned(),
                        Some(e) => format!("Signed in for this page only. {e}"),
                    };
                    session.status.set(Status::Done(text));
                }
                Err(error) => {
                    if matches!(error, ApiError::TwoFactorRequired { .. }) {
                        asks_code.set(true);
                    }
                    session.status.set(Status::Failed(error.to_string()));
                    if asks_code.get_untracked() {
                        focus(2);
                    }
                }
            }
        });
    };

    let labels = session.config.with_value(|c| c.labels.clone());
    let field = move |i: usize, spec: InputSpec, label: String, value: RwSignal<String>| {
        view! {
            <LabeledInput
                id=session.id(&spec.name)
                label=label
                spec=spec
                value=value
                on_input=Callback::new(move |v| value.set(v))
                error=Signal::derive(move || errors.with(|e| e[i].map(str::to_owned)))
                node_ref=refs[i]
            />
        }
    };

    let code_label = labels.code.clone();
    view! {
        <form class="ocf-form ocf-signin" novalidate aria-label="Sign in to Rocket.Chat" on:submit=submit>
            <p class="ocf-intro">"Sign in with your Rocket.Chat account to save contacts."</p>
            {field(0, USER, labels.user.clone(), user)}
            {field(1, PASSWORD, labels.password.clone(), password)}
            <Show when=move || asks_code.get()>{field(2, CODE, code_label.clone(), code)}</Show>
            <div class="ocf-actions">
                <button type="submit" class="ocf-primary" aria-disabled=move || busy.get().to_string()>{labels.sign_in.clone()}</button>
            </div>
        </form>
    }
}
