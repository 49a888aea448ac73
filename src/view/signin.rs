//! The sign-in form, shown while the widget has no credentials.

use crate::api;
use crate::api::reply::ApiError;
use crate::state::session::Session;
use crate::state::status::Status;
use crate::view::input::{InputSpec, LabeledInput};
use leptos::html;
use leptos::prelude::*;
use std::borrow::Cow;
use web_sys::SubmitEvent;

/// The sign-in form's inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    User,
    Password,
    Code,
}

impl Entry {
    const ALL: [Entry; 3] = [Entry::User, Entry::Password, Entry::Code];

    fn spec(self) -> InputSpec {
        let (name, kind, autocomplete) = match self {
            Entry::User => ("user", "text", "username"),
            Entry::Password => ("password", "password", "current-password"),
            Entry::Code => ("code", "text", "one-time-code"),
        };
        InputSpec {
            name: Cow::Borrowed(name),
            kind,
            autocomplete,
            inputmode: (self == Entry::Code).then_some("numeric"),
            hint: None,
            required: true,
            dir: if self == Entry::User { "auto" } else { "ltr" },
        }
    }

    /// What to say when the input is left empty.
    fn missing(self) -> &'static str {
        match self {
            Entry::User => "Enter your username or email.",
            Entry::Password => "Enter your password.",
            Entry::Code => "Enter the two-factor code.",
        }
    }
}

/// "Username or email", "Password", "Sign in"; "Two-factor code" when the server asks for one
/// (the texts of the config's labels).
#[component]
pub fn SignIn(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
) -> impl IntoView {
    let values = Entry::ALL.map(|_| RwSignal::new(String::new()));
    let missing = RwSignal::new([false; 3]);
    let asks_code = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let refs: [NodeRef<html::Input>; 3] = Default::default();
    let focus = move |entry: Entry| {
        if let Some(input) = refs[entry as usize].get_untracked() {
            let _ = input.focus();
        }
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let [user, password, code] = values.map(|v| v.get_untracked());
        let asked = asks_code.get_untracked();
        let empty = [
            user.trim().is_empty(),
            password.is_empty(),
            asked && code.trim().is_empty(),
        ];
        missing.set(empty);
        if let Some(first) = Entry::ALL.into_iter().find(|e| empty[*e as usize]) {
            session.say(Status::Failed(
                "Fill in the highlighted fields to sign in.".into(),
            ));
            focus(first);
            return;
        }
        let config = session.config();
        busy.set(true);
        session.say(Status::Busy("Signing in…".into()));
        // The widget's task: unmounted meanwhile, the answer is dropped with it.
        session.spawn(async move {
            let code = asked.then_some(code.as_str());
            let result = api::login(&config, &user, &password, code).await;
            // The sign-in form may be gone already (signed in another way meanwhile).
            busy.try_set(false);
            match result {
                Ok(credentials) => {
                    let text = match session.sign_in(credentials) {
                        Ok(()) => "Signed in.".to_owned(),
                        Err(e) => format!("Signed in for this page only. {e}"),
                    };
                    session.say(Status::Done(text));
                }
                Err(error) => {
                    if matches!(error, ApiError::TwoFactorRequired { .. }) {
                        asks_code.set(true);
                    }
                    session.say(Status::Failed(error.to_string()));
                    if asks_code.get_untracked() {
                        focus(Entry::Code);
                    }
                }
            }
        });
    };

    let labels = session.with_config(|c| c.labels.clone());
    let field = move |entry: Entry, label: String| {
        let spec = entry.spec();
        let value = values[entry as usize];
        view! {
            <LabeledInput
                id=session.id(&spec.name)
                label=label
                spec=spec
                value=value
                on_input=Callback::new(move |v| value.set(v))
                error=Signal::derive(move || missing.with(|m| m[entry as usize].then(|| entry.missing().to_owned())))
                node_ref=refs[entry as usize]
            />
        }
    };

    let code_label = labels.code.clone();
    view! {
        <form class="ocf-form ocf-signin" novalidate aria-label="Sign in to Rocket.Chat" on:submit=submit>
            <p class="ocf-intro">"Sign in with your Rocket.Chat account to save contacts."</p>
            {field(Entry::User, labels.user.clone())}
            {field(Entry::Password, labels.password.clone())}
            <Show when=move || asks_code.get()>{field(Entry::Code, code_label.clone())}</Show>
            <div class="ocf-actions">
                <button type="submit" class="ocf-primary" aria-disabled=move || busy.get().to_string()>{labels.sign_in.clone()}</button>
            </div>
        </form>
    }
}
