//! The whole widget: the sign-in form or the contact form, and the one status region.

use crate::domain::catalogue::{Say, Texts};
use crate::domain::credentials::Credentials;
use crate::domain::markup::{live, Markup};
use crate::settings::config::{ApiChoice, Config, ConfigError, Theme, DEFAULT_TIMEOUT_MS};
use crate::settings::labels::Labels;
use crate::state::finding::open::Opener;
use crate::state::form::form_state::FormState;
use crate::state::widget::events::{ContactError, ContactSaved, Listeners};
use crate::state::widget::language;
use crate::state::widget::session::Session;
use crate::view::form::ContactForm;
use crate::view::signin::SignIn;
use crate::web::storage::StorageArea;
use leptos::prelude::*;

/// The contact form for one Rocket.Chat server: a sign-in form until someone is signed in, then
/// the contact form, and one status region. The same settings as `mount()`'s options.
///
/// ```no_run
/// use leptos::prelude::*;
/// use omnichannel_contact_form::ContactWidget;
///
/// #[component]
/// fn Crm() -> impl IntoView {
///     view! {
///         <ContactWidget
///             server="https://chat.example.com"
///             on_saved=move |saved: omnichannel_contact_form::ContactSaved| {
///                 leptos::logging::log!("contact {} saved", saved.contact)
///             }
///         />
///     }
/// }
/// ```
#[component]
pub fn ContactWidget(
    /// The Rocket.Chat base URL, e.g. `https://chat.example.com` (a path prefix is kept). Plain
    /// `http://` only on this computer (`localhost`, `127.0.0.0/8`, `[::1]`) unless
    /// `allow_insecure`; a refused address is shown in words in place of the form.
    #[prop(into)]
    server: String,
    /// Lets a plain-`http://` server on another host through: the password and token then cross
    /// the network unencrypted. Only for a network you trust.
    #[prop(optional)]
    allow_insecure: bool,
    /// Which API saves contacts: [`ApiChoice::Legacy`] (the default, `omnichannel/contact`),
    /// [`ApiChoice::Contacts`] (the Contact Center of Rocket.Chat 7.1+), or [`ApiChoice::Auto`]
    /// (the Contact Center when the server has it).
    #[prop(optional)]
    api: ApiChoice,
    /// The signed-in user's own credentials (e.g. a personal access token of that user); without
    /// them the widget asks the user to sign in.
    #[prop(default = None, into)]
    credentials: Option<Credentials>,
    /// Where a sign-in made in the widget is kept: `sessionStorage` (the default) or
    /// `localStorage` (a kiosk that should stay signed in).
    #[prop(optional)]
    storage: StorageArea,
    /// Light (the default), dark, or following the system.
    #[prop(optional)]
    theme: Theme,
    /// The language, a BCP 47 tag (`de`, `pt-BR`, `ar`; `de-AT` speaks German); by default the
    /// browser's languages decide. Reactive: a new tag switches the language, keeping what was
    /// typed.
    #[prop(optional, into)]
    locale: MaybeProp<String>,
    /// Label and button texts that win over the language's (see [`Labels::new`]).
    #[prop(optional)]
    labels: Labels,
    /// The id of a contact to open first (a CRM record that stores the Rocket.Chat contact id),
    /// instead of the one this browser remembers; a new id later opens that contact.
    #[prop(optional, into)]
    contact_id: MaybeProp<String>,
    /// How long a request may take before it is cancelled and said so, in milliseconds
    /// (15 000 by default).
    #[prop(default = DEFAULT_TIMEOUT_MS)]
    timeout_ms: u32,
    /// Called after each successful save (beside the `contact-saved` DOM event).
    #[prop(optional, into)]
    on_saved: Option<Callback<ContactSaved>>,
    /// Called after each failure the user is told about (beside `contact-error`).
    #[prop(optional, into)]
    on_error: Option<Callback<ContactError>>,
    /// The element `contact-saved` and `contact-error` are dispatched on, usually the one the
    /// widget is mounted on; none for a Leptos app that only uses the callbacks.
    #[prop(optional, into)]
    host: Option<web_sys::HtmlElement>,
) -> impl IntoView {
    let config = Config {
        server,
        credentials,
        credential_storage: storage,
        theme,
        labels,
        timeout_ms,
        allow_insecure,
        api,
        contact_id: contact_id.get_untracked(),
    };
    let locale = Signal::derive(move || locale.get());
    match config.checked() {
        Ok(config) => {
            let (view, opener) = widget(config, locale, host, Listeners { on_saved, on_error });
            // The first id is opened with the form; a new one opens that contact.
            Effect::watch(
                move || contact_id.get(),
                move |id, _, _| {
                    if let Some(id) = id {
                        drop(opener.request(id.clone()));
                    }
                },
                false,
            );
            view.into_any()
        }
        Err(error) => refusal(error, locale).into_any(),
    }
}

/// Why the settings cannot be used, shown in place of the form (in the language asked for).
pub fn refusal(error: ConfigError, locale: Signal<Option<String>>) -> impl IntoView {
    let asked = language::choose(locale.get_untracked().as_deref());
    let texts = RwSignal::new(language::known(asked));
    if texts.with_untracked(Option::is_none) {
        leptos::task::spawn_local(async move {
            texts.try_set(Some(language::texts(asked).await));
        });
    }
    let language = move || texts.with(|t| t.as_ref().map(Texts::language).unwrap_or_default());
    view! {
        <p
            class="ocf ocf-error"
            role="alert"
            lang=move || language().tag()
            dir=move || language().dir()
            inner_html=live(move || texts.with(|t| t.as_ref().map(|t| Markup::said(&error.say(t))).unwrap_or_default()))
        ></p>
    }
}

/// The widget for settings already checked, and what opens a contact in it. [`ContactWidget`]
/// renders it, and so do the JS API and the demo page, straight from the [`Config`] their
/// options made: they skip the component's prop builder, which would add 1.7 KB to every
/// download.
pub fn widget(
    config: Config,
    locale: Signal<Option<String>>,
    host: Option<web_sys::HtmlElement>,
    listeners: Listeners,
) -> (impl IntoView, Opener) {
    let state = FormState::load(&config);
    let theme = config.theme.class();
    let labels = config.labels.clone();
    let session = Session::new(config, host, listeners);
    language::follow(session, locale, labels);
    let status = session.status();
    let view = view! {
        // The widget's own language and direction, whatever the host page's (an Arabic
        // intranet's `dir="rtl"` must not reorder a German form, nor an English page an
        // Arabic one). Nothing shows until the language's texts are there.
        <div
            class=theme
            lang=move || session.language().tag()
            dir=move || session.language().dir()
        >
            <Show when=move || session.can_speak()>
                <Show
                    when=move || session.is_signed_in()
                    fallback=move || view! { <SignIn session=session /> }
                >
                    <ContactForm session=session state=state />
                </Show>
            </Show>
            <p
                class=move || status.with(|s| s.class())
                role="status"
                aria-live="polite"
                aria-atomic="true"
                inner_html=live(move || status.with(|s| Markup::said(s.text())))
            ></p>
        </div>
    };
    (view, Opener::new(session, state))
}
