//! The contact form view: fields and actions. What a submit does is in `submit`.

use crate::domain::catalogue::{Say, Texts};
use crate::domain::field::{Field, Place};
use crate::domain::queued::Queued;
use crate::domain::texts::Text;
use crate::state::finding::open::{open, Opened};
use crate::state::form::form_state::FormState;
use crate::state::form::loading;
use crate::state::form::questions::Question;
use crate::state::resolving::resolve;
use crate::state::saving::submit::{self, report, Focus};
use crate::state::widget::panel::Panel;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;
use crate::view::contact_search::ContactSearch;
use crate::view::conversations::Conversations;
use crate::view::custom_inputs::{self, CustomInputs};
use crate::view::delete_contact::delete_button;
use crate::view::duplicate_notice::Choice;
use crate::view::import::ImportPlace;
use crate::view::input::{InputSpec, LabeledInput};
use crate::view::lazy::enter;
use crate::view::manager_picker::{agent_list, Picker};
use crate::view::prompts::{self, Prompts};
use crate::view::rows::MoreRows;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::SubmitEvent;

/// How each contact field is presented (names and types are promised to host pages: docs/contact-form.md).
fn spec(field: Field, t: &Texts) -> InputSpec {
    let base = InputSpec {
        name: field.input_name().into(),
        kind: "text",
        autocomplete: "off",
        inputmode: None,
        hint: None,
        required: false,
        dir: "ltr",
    };
    match field {
        Field::Name => InputSpec {
            autocomplete: "name",
            required: true,
            dir: "auto",
            ..base
        },
        Field::Email => InputSpec {
            kind: "email",
            autocomplete: "email",
            inputmode: Some("email"),
            hint: Some(t.get(Text::Optional).into()),
            ..base
        },
        Field::Phone => InputSpec {
            kind: "tel",
            autocomplete: "tel",
            inputmode: Some("tel"),
            hint: Some(t.get(Text::PhoneHint).into()),
            ..base
        },
        Field::ContactManager => InputSpec {
            hint: Some(t.get(Text::ManagerHint).into()),
            ..base
        },
    }
}

/// The contact form: Name, Email, Phone, Contact manager; "Register contact" or "Update contact";
/// "New contact"; "Sign out" (in the widget's language, or the host page's labels). Made again
/// in another language when it switches; what was typed lives in the state and stays.
#[component]
pub fn ContactForm(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state, kept by the widget.
    state: FormState,
) -> impl IntoView {
    let refs: [NodeRef<html::Input>; 4] = Default::default();
    let form_ref = NodeRef::<html::Form>::new();
    let focus = move |target: Focus| {
        // The form may be gone (signed out meanwhile): then there is nothing to focus.
        let named = |name: String| {
            let form = form_ref.try_get_untracked().flatten()?;
            form.query_selector(&format!("[name=\"{name}\"]"))
                .ok()
                .flatten()
        };
        let input = match target {
            Focus::Input(Place { field, row: 0 }) => refs[field as usize]
                .try_get_untracked()
                .flatten()
                .map(Into::into),
            Focus::Input(place) => named(place.input_name()),
            Focus::Custom(id) => named(custom_inputs::input_name(&id)),
        };
        if let Some(input) =
            input.and_then(|i: web_sys::Element| i.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    };

    // What a submit does; also run for a queued save when it is due.
    let submit_now = move || submit::start(session, state, focus);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit_now();
    };
    // A queued save goes when its reason is gone: the browser is online, or the wait is over.
    let resend_if = move |why: fn(&Queued) -> bool| {
        if state.outbox().waits(why) {
            submit_now();
        }
    };
    let online = window_event_listener(leptos::ev::online, move |_| {
        resend_if(|q| *q == Queued::Offline);
    });
    on_cleanup(move || online.remove());
    Effect::watch(
        move || state.outbox().due(),
        move |_, _, _| resend_if(|q| matches!(q, Queued::RateLimited { .. })),
        false,
    );

    let new_contact = move |_| {
        if session.writes().is_busy_now() {
            // Forgetting now would let the save's answer remember the old contact's token for
            // the new one, and the next save would overwrite the old contact.
            session.say(Status::Busy(session.text(Text::WaitForSave)));
            return;
        }
        state.forget();
        session.say(Status::Done(session.text(Text::ReadyForNew)));
        focus(Focus::field(Field::Name));
    };

    let sign_out = move |_| {
        if let Ok(client) = session.client() {
            // The token ends on the server too; if that call fails it still ends here.
            spawn_local(async move {
                let _ = client.logout().await;
            });
        }
        session.forget_sign_in();
        session.say(Status::Done(session.text(Text::SignedOutNow)));
    };

    let on_choice = Callback::new(move |choice: Choice| {
        let place = match choice {
            Choice::UpdateThat | Choice::RegisterAnyway => Place::first(Field::Name),
            Choice::Back(place) => place,
        };
        focus(Focus::Input(place));
        if choice == Choice::RegisterAnyway {
            submit_now();
        }
    });

    let picker = Picker::new(state.inputs());
    let field_view = move |field: Field, t: &Texts| {
        let on_input = Callback::new(move |value: String| {
            if field == Field::ContactManager {
                picker.typed(session, value.clone());
            }
            state.typed(Place::first(field), value);
        });
        let id = session.id(field.input_name());
        let (combobox, after) = if field == Field::ContactManager {
            let label = t.get(Text::Agents).to_owned();
            let list = agent_list(picker, id.clone(), label, on_input);
            (Some(picker.combobox(on_input)), Some(list.into_any()))
        } else {
            (None, None)
        };
        let error = Signal::derive(move || {
            let error = state.inputs().error(field)?;
            Some(error.say(&session.texts()))
        });
        let spec = spec(field, t);
        let rows = matches!(field, Field::Email | Field::Phone).then(|| {
            let focus = Callback::new(focus);
            let spec = spec.clone();
            view! { <MoreRows session=session state=state field=field focus=focus spec=spec /> }
        });
        view! {
            <LabeledInput
                id=id
                label=t.get(field.label()).to_owned()
                spec=spec
                value=state.inputs().value(field)
                error=error
                node_ref=refs[field as usize]
                on_input=on_input
                combobox=combobox
                after=after
            />
            {rows}
        }
    };

    // The form's questions: a lazy part, fetched the first time one is asked. When the form
    // goes (sign-out, unmount), so do they: they were about the contact it showed.
    let ask = Prompts::new(session, state);
    on_cleanup(move || state.leave());
    let on_deleted = Callback::new(move |()| focus(Focus::field(Field::Name)));
    let on_save = Callback::new(move |()| submit_now());
    let on_open = Callback::new(move |id: String| {
        session.spawn(async move {
            if open(session, state, id).await == Opened::Yes {
                focus(Focus::field(Field::Name));
            }
        });
    });

    // What the form needs before it can save; then the contact the host page named, if any.
    // Then what this user may do (once per sign-in).
    let first = session.take_first_contact();
    let load = loading::needs_loading(state) || first.is_some();
    session.spawn(async move {
        if load {
            if let Err(error) = loading::load(session, state).await {
                report(session, state, &error);
            }
            if let Some(id) = first {
                open(session, state, id).await;
            }
        }
        session.read_abilities().await;
    });
    // The import takes the form's place while shown (widget.css hides what follows it); the
    // form waits hidden, as it was left.
    let import = ImportPlace::new(session);
    // The search stays when the language switches (what was typed in it is kept); the form
    // is made again in the new language.
    let search = view! { <ContactSearch session=session state=state on_open=on_open /> };
    let form = move || {
        let t = session.texts();
        let fields = Field::ALL.map(|field| field_view(field, &t));
        let (register, update) = (
            t.get(Text::Register).to_owned(),
            t.get(Text::Update).to_owned(),
        );
        view! {
            <form class="ocf-form" novalidate node_ref=form_ref aria-busy=move || session.writes().is_busy().to_string() on:submit=submit>
                <p class="ocf-note ocf-note--draft" hidden=move || !state.drafts().restored()>
                    {t.get(Text::DraftRestored).to_owned()}
                </p>
                // Drawn only for such a contact: the loader draws what the form draws first.
                {move || state.contact().is_unknown().then(|| view! {
                    <p class="ocf-note">{session.text(Text::NotIdentified)}</p>
                })}
                {fields}
                <CustomInputs session=session state=state />
                {ask.at(move || state.asks(Question::Duplicate), move || enter!(prompts::duplicate(session, state, on_choice)))}
                {ask.at(move || state.asks(Question::Changed), move || enter!(prompts::changed(session, state, on_save)))}
                <div class="ocf-actions">
                    <button type="submit" class="ocf-primary" aria-disabled=move || session.writes().is_busy().to_string()>
                        {move || if state.contact().is_existing() { update.clone() } else { register.clone() }}
                    </button>
                    <button type="button" class="ocf-secondary" on:click=new_contact>{t.get(Text::NewContact).to_owned()}</button>
                    <button type="button" class="ocf-secondary" on:click=move |_| session.show(Panel::Import)>{t.get(Text::ImportContacts).to_owned()}</button>
                    {delete_button(session, state)}
                    <button type="button" class="ocf-link" on:click=sign_out>{t.get(Text::SignOut).to_owned()}</button>
                </div>
                {ask.at(move || state.asks(Question::Delete), move || enter!(prompts::deletion(session, state, on_deleted)))}
                <p class="ocf-note ocf-note--storage" hidden=move || state.storage_problem().is_none()>
                    {move || state.storage_problem().map(|e| e.say(&session.texts()))}
                </p>
            </form>
        }
    };
    // The contact's conversations, below the form: made again (closed) for another contact.
    let opened = Memo::new(move |_| {
        state
            .contact()
            .with_tracked(|t| t.contact_id().map(str::to_owned))
    });
    // The name as the form shows it (a question about a channel names the contact).
    let name = state.inputs().value(Field::Name);
    let conversations = move || {
        opened
            .get()
            .map(|contact| view! { <Conversations session=session contact=contact name=name /> })
    };
    // The question asked before opening another contact sits right under the search.
    view! {
        {(import.place(session, state), search)}
        {ask.at(move || state.asks(Question::Unsaved), move || enter!(prompts::unsaved(session, state)))}
        {ask.at(move || !resolve::shown(state).is_empty(), move || enter!(prompts::conflicts(session, state)))}
        {form}
        {conversations}
    }
}
