//! The whole widget: the sign-in form or the contact form, and the one status region.

use crate::settings::config::Config;
use crate::state::form_state::FormState;
use crate::state::session::Session;
use crate::view::form::ContactForm;
use crate::view::signin::SignIn;
use leptos::prelude::*;

/// The contact form widget for one Rocket.Chat server. `host` is the element it is mounted on;
/// `contact-saved` and `contact-error` events are dispatched there.
#[component]
pub fn ContactWidget(
    config: Config,
    #[prop(optional, into)] host: Option<web_sys::HtmlElement>,
) -> impl IntoView {
    let state = FormState::load(&config);
    let theme = config.theme.class();
    let session = Session::new(config, host);
    let status = session.status;
    view! {
        <div class=theme>
            <Show
                when=move || session.credentials.with(Option::is_some)
                fallback=move || view! { <SignIn session=session /> }
            >
                <ContactForm session=session state=state />
            </Show>
            <p class=move || status.with(|s| s.class()) role="status" aria-live="polite" aria-atomic="true">
                {move || status.with(|s| s.text().to_owned())}
            </p>
        </div>
    }
}
