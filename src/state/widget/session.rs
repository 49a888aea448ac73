//! What the views of one widget share: settings, the signed-in user, the status region, ids.

use crate::api::reply::ApiError;
use crate::api::Client;
use crate::domain::abilities::Abilities;
use crate::domain::catalogue::Texts;
use crate::domain::credentials::Credentials;
use crate::domain::language::Language;
use crate::domain::texts::Text;
use crate::settings::config::{ApiChoice, Config};
use crate::state::widget::events::{self, ContactError, ContactSaved, Listeners};
use crate::state::widget::panel::Panel;
use crate::state::widget::status::Status;
use crate::state::widget::writes::Writes;
use crate::web::storage::{self, StorageError};
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll, Waker};

/// Handles shared by the widget's views (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// The widget's settings.
    config: StoredValue<Config>,
    /// Notified when `api: "auto"` has settled which API saves: what the Contact Center alone
    /// offers (rows, delete) appears then.
    api_settled: Trigger,
    /// The signed-in user; `None` shows the sign-in form.
    credentials: RwSignal<Option<Credentials>>,
    /// The one status region's message.
    status: RwSignal<Status>,
    /// What the widget says things with; `None` until the first language's texts are there.
    texts: RwSignal<Option<Texts>>,
    /// Prefix that makes element ids unique when a page has several widgets.
    id_prefix: StoredValue<String>,
    /// The element the widget is mounted on: `contact-saved` and `contact-error` go there.
    host: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// Disposed with the widget: what [`Session::spawn`] starts ends with it.
    alive: StoredValue<()>,
    /// The Leptos app's callbacks, beside the DOM events.
    listeners: Listeners,
    /// The one write lock every writer takes.
    writes: Writes,
    /// Whether the import is shown in the form's place (a `bool` rather than a [`Panel`]: the
    /// signal code for `bool` is in the first download already).
    importing: RwSignal<bool>,
    /// What the signed-in user may do (Contact Center), read once per sign-in, as
    /// [`Abilities::bits`]; `None` until read, or when it could not be.
    abilities: RwSignal<Option<usize>>,
}

impl Session {
    /// A session for `config`: credentials from the config, else from storage. Made in the
    /// widget's component, whose owner disposes it (and so ends its tasks) at unmount.
    pub fn new(config: Config, host: Option<web_sys::HtmlElement>, listeners: Listeners) -> Self {
        static INSTANCES: AtomicU32 = AtomicU32::new(0);
        let n = INSTANCES.fetch_add(1, Ordering::Relaxed);
        let credentials = config.credentials.clone().or_else(|| {
            storage::read(config.credential_storage, &config.credentials_key())
                .ok()
                .flatten()
                .as_deref()
                .and_then(Credentials::decode)
        });
        Session {
            config: StoredValue::new(config),
            api_settled: Trigger::new(),
            credentials: RwSignal::new(credentials),
            status: RwSignal::new(Status::Idle),
            texts: RwSignal::new(None),
            id_prefix: StoredValue::new(format!("ocf{n}")),
            host: StoredValue::new_local(host),
            alive: StoredValue::new(()),
            listeners,
            writes: Writes::new(),
            importing: RwSignal::new(false),
            abilities: RwSignal::new(None),
        }
    }

    /// Runs `task` as the widget's: once the widget is unmounted the task is dropped at its
    /// next wake-up, so an answer that comes later never touches the widget's disposed signals.
    /// Nothing is registered per task (a widget that saves a thousand times holds nothing more).
    /// The task runs at once up to its first wait, as a plain call would: what it sets before
    /// any request (the status, the marks, the focus) is in place when the event handler returns.
    pub fn spawn(&self, task: impl std::future::Future<Output = ()> + 'static) {
        let alive = self.alive;
        let mut task = Box::pin(task);
        let mut run = move |cx: &mut Context<'_>| {
            if alive.is_disposed() {
                return Poll::Ready(()); // unmounted: the task ends here, unpolled
            }
            task.as_mut().poll(cx)
        };
        // Polled again by the executor, which registers its own waker then.
        if run(&mut Context::from_waker(Waker::noop())).is_pending() {
            leptos::task::spawn_local(std::future::poll_fn(run));
        }
    }

    /// The signed-in user's client: what every authorised call goes through. Signed out (or
    /// unmounted) there is none.
    pub fn client(&self) -> Result<Client, ApiError> {
        let credentials = self.credentials.try_get_untracked().flatten();
        match (self.config.try_get_value(), credentials) {
            (Some(config), Some(credentials)) => Ok(Client::new(config, credentials)),
            _ => Err(ApiError::SignedOut),
        }
    }

    /// Where the signed-in user's import under way is stored (see `Config::import_key`).
    pub fn import_key(&self) -> Option<String> {
        let user = self
            .credentials
            .try_with_untracked(|c| Some(c.as_ref()?.user_id.clone()))??;
        self.config.try_with_value(|c| c.import_key(&user))
    }

    /// The widget's one write lock: every writer takes it.
    pub fn writes(&self) -> Writes {
        self.writes
    }

    /// The widget's settings.
    pub fn config(&self) -> Config {
        self.config.get_value()
    }

    /// Settles which API saves contacts (what `api: "auto"` found, or the one given).
    pub fn use_api(&self, api: ApiChoice) {
        self.config.update_value(|c| c.api = api);
        self.api_settled.notify();
    }

    /// Whether contacts are saved through the Contact Center (`api: "contacts"`, or `"auto"`
    /// that chose it). Tracked: a view made before `"auto"` settled follows it.
    pub fn is_contact_center(&self) -> bool {
        self.api_settled.track();
        self.with_config(|c| c.api == ApiChoice::Contacts)
    }

    /// The contact the host page asked to open first, once: it is opened when the contact form
    /// first shows, not again after a new sign-in.
    pub fn take_first_contact(&self) -> Option<String> {
        self.config
            .try_update_value(|c| c.contact_id.take())
            .flatten()
    }

    /// Reads one thing of the settings without copying them all.
    pub fn with_config<R>(&self, f: impl FnOnce(&Config) -> R) -> R {
        self.config.with_value(f)
    }

    /// Whether someone is signed in (tracked: the widget switches forms on it).
    pub fn is_signed_in(&self) -> bool {
        self.credentials.with(Option::is_some)
    }

    /// Whether someone is signed in (untracked; `false` once unmounted).
    pub fn is_signed_in_now(&self) -> bool {
        self.credentials
            .try_with_untracked(Option::is_some)
            .unwrap_or(false)
    }

    /// Switches the widget to `texts` (a language, with the host page's labels).
    pub fn speak(&self, texts: Texts) {
        self.texts.try_set(Some(texts));
    }

    /// Whether the widget has its texts yet (tracked: it shows nothing until then).
    pub fn can_speak(&self) -> bool {
        self.texts.with(Option::is_some)
    }

    /// The texts to word things with (tracked: a view made with them is made again in
    /// another language).
    pub fn texts(&self) -> Texts {
        self.texts.get().unwrap_or_default()
    }

    /// The language the widget speaks (tracked: the root's `lang` and `dir`).
    pub fn language(&self) -> Language {
        self.texts
            .with(|t| t.as_ref().map(Texts::language))
            .unwrap_or_default()
    }

    /// One text as it stands now, for a status.
    pub fn text(&self, key: Text) -> String {
        self.texts_now().get(key).to_owned()
    }

    /// The texts as they stand now, for sentences with values.
    pub fn texts_now(&self) -> Texts {
        self.texts.get_untracked().unwrap_or_default()
    }

    /// Puts `status` in the status region.
    pub fn say(&self, status: Status) {
        self.status.set(status);
    }

    /// The status region's message, for the view that shows it.
    pub fn status(&self) -> ReadSignal<Status> {
        self.status.read_only()
    }

    /// A unique element id for `name` within this widget.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.id_prefix.get_value())
    }

    /// Shows `panel` (the form, or the import in its place).
    pub fn show(&self, panel: Panel) {
        self.importing.set(panel == Panel::Import);
    }

    /// Whether `panel` is the one shown (tracked).
    pub fn shows(&self, panel: Panel) -> bool {
        self.importing.get() == (panel == Panel::Import)
    }

    /// What the signed-in user may do, once read (tracked).
    pub fn abilities(&self) -> Option<Abilities> {
        self.abilities.get().map(Abilities::from_bits)
    }

    /// Reads what the signed-in user may do, once per sign-in (Contact Center only: the
    /// legacy endpoint's routes have no such permissions). Unread (it failed), Delete shows as
    /// before (a refusal is said when pressed), and Block and Unblock are not offered.
    pub async fn read_abilities(&self) {
        let user = || {
            self.credentials
                .try_with_untracked(|c| c.as_ref().map(|c| c.user_id.clone()))
                .flatten()
        };
        let (Ok(client), Some(asker)) = (self.client(), user()) else {
            return;
        };
        if self.abilities.get_untracked().is_some() || !client.contact_center() {
            return;
        }
        if let Ok(abilities) = client.abilities().await {
            // Only for the same sign-in: a sign-out meanwhile forgot it.
            if user() == Some(asker) {
                self.abilities.try_set(Some(abilities.bits()));
            }
        }
    }

    /// Keeps a new sign-in (in the storage the config names) and shows the contact form.
    pub fn sign_in(&self, credentials: Credentials) -> Result<(), StorageError> {
        let config = self.config.get_value();
        let kept = storage::write(
            config.credential_storage,
            &config.credentials_key(),
            &credentials.encode(),
        );
        self.credentials.set(Some(credentials));
        // Another user may sign in: what they may do is read anew.
        self.abilities.set(None);
        kept
    }

    /// Tells the host page, and the Leptos app, that a contact was saved.
    pub fn announce_saved(
        &self,
        contact: &str,
        token: Option<&str>,
        created: bool,
        api: ApiChoice,
    ) {
        let saved = ContactSaved {
            contact: contact.to_owned(),
            token: token.map(str::to_owned),
            created,
            api: api.name(),
        };
        self.dispatch_on_host(|h| events::saved(h, &saved));
        if let Some(on_saved) = self.listeners.on_saved {
            on_saved.run(saved);
        }
    }

    /// Tells the host page which contact the form now shows, and whether it is unidentified.
    pub fn announce_opened(&self, contact: &str, unknown: bool) {
        let api = self.config.with_value(|c| c.api.name());
        self.dispatch_on_host(|h| events::opened(h, contact, api, unknown));
    }

    /// Tells the host page that the contact is deleted.
    pub fn announce_deleted(&self, contact: &str) {
        self.dispatch_on_host(|h| events::deleted(h, contact));
    }

    /// Tells the host page that someone else changed the contact meanwhile (`fields`).
    pub fn announce_changed(&self, contact: &str, fields: &[String]) {
        self.dispatch_on_host(|h| events::changed_elsewhere(h, contact, fields));
    }

    /// Tells the host page that the agent opened chat `room` of contact `contact`.
    pub fn announce_conversation(&self, contact: &str, room: &str) {
        self.dispatch_on_host(|h| events::conversation_opened(h, contact, room));
    }

    /// Tells the host page that channel `channel` of contact `contact` is now `blocked` or not.
    pub fn announce_block(&self, contact: &str, channel: &str, blocked: bool) {
        self.dispatch_on_host(|h| events::channel_blocked(h, contact, channel, blocked));
    }

    /// Tells the host page that an import of `file` ended: `[created, updated, skipped, failed]`.
    pub fn announce_imported(&self, file: &str, counts: [usize; 4]) {
        self.dispatch_on_host(|h| events::imported(h, file, counts));
    }

    /// Dispatches an event on the element the widget is mounted on, if there is one.
    fn dispatch_on_host(&self, dispatch: impl Fn(&web_sys::HtmlElement)) {
        self.host.with_value(|h| h.iter().for_each(dispatch));
    }

    /// Tells the host page, and the Leptos app, that saving failed.
    pub fn announce_error(&self, error: &ApiError) {
        let failure = ContactError::from(error);
        self.dispatch_on_host(|h| events::failed(h, &failure));
        if let Some(on_error) = self.listeners.on_error {
            on_error.run(failure);
        }
    }

    /// Forgets the sign-in here (the server side is [`Client::logout`]'s job).
    pub fn forget_sign_in(&self) {
        self.importing.set(false);
        let config = self.config.get_value();
        // Nothing to keep if storage is unavailable: the sign-in lived only in memory then.
        let _ = storage::remove(config.credential_storage, &config.credentials_key());
        self.credentials.set(None);
        self.abilities.set(None);
    }
}
