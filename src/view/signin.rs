//! The sign-in form, shown while the widget has no credentials.

use crate::domain::catalogue::Texts;
use crate::domain::texts::Text;
use crate::state::widget::session::Session;
use crate::state::widget::signin::{sign_in, SignedIn};
use crate::state::widget::status::Status;
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

    /// The label's text.
    fn label(self) -> Text {
        match self {
            Entry::User => Text::User,
            Entry::Password => Text::Password,
            Entry::Code => Text::Code,
        }
    }

    /// What to say when the input is left empty.
    fn missing(self) -> Text {
        match self {
            Entry::User => Text::EnterUser,
            Entry::Password => Text::EnterPassword,
            Entry::Code => Text::EnterCode,
        }
    }
}

/// "Username or email", "Password", "Sign in"; "Two-factor code" when the server asks for one
/// (in the widget's language, or the host page's labels; made again when it switches).
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
            session.say(Status::Failed(session.text(Text::FillHighlighted)));
            focus(first);
            return;
        }
        busy.set(true);
        // The widget's task: unmounted meanwhile, the answer is dropped with it.
        session.spawn(async move {
            let code = asked.then_some(code);
            let signed_in = sign_in(session, user, password, code).await;
            // The sign-in form may be gone already (signed in another way meanwhile).
            busy.try_set(false);
            if signed_in == SignedIn::CodeAsked {
                asks_code.set(true);
            }
            if signed_in != SignedIn::Yes && asks_code.get_untracked() {
                focus(Entry::Code);
            }
        });
    };

    let field = move |entry: Entry, t: &Texts| {
        let spec = entry.spec();
        let value = values[entry as usize];
        let error = Signal::derive(move || {
            let empty = missing.with(|m| m[entry as usize]);
            empty.then(|| session.texts().get(entry.missing()).to_owned())
        });
        view! {
            <LabeledInput
                id=session.id(&spec.name)
                label=t.get(entry.label()).to_owned()
                spec=spec
                value=value
                on_input=Callback::new(move |v| value.set(v))
                error=error
                node_ref=refs[entry as usize]
            />
        }
    };

    move || {
        let t = session.texts();
        let asked = t.clone();
        view! {
            <form class="ocf-form ocf-signin" novalidate aria-label=t.get(Text::SignInForm).to_owned() on:submit=submit>
                <p class="ocf-intro">{t.get(Text::SignInIntro).to_owned()}</p>
                {field(Entry::User, &t)}
                {field(Entry::Password, &t)}
                <Show when=move || asks_code.get()>{field(Entry::Code, &asked)}</Show>
                <div class="ocf-actions">
                    <button type="submit" class="ocf-primary" aria-disabled=move || busy.get().to_string()>{t.get(Text::SignIn).to_owned()}</button>
                </div>
            </form>
        }
    }
}
