//! A Leptos app that records contacts with `<ContactWidget/>` and lists what it saved: the
//! component's props and callbacks in use. Build it with
//! `trunk build examples/leptos-app/index.html --dist target/leptos-app` (the test script
//! does) and serve that folder with Rocket.Chat's `/api` on the same origin, e.g.
//! `cargo run -p rc-standin -- --static target/leptos-app`.

use leptos::prelude::*;
use omnichannel_contact_form::{ContactError, ContactSaved, ContactWidget, Theme};

/// The page: the form, and the contacts saved since it opened.
#[component]
fn App() -> impl IntoView {
    let saved = RwSignal::new(Vec::<ContactSaved>::new());
    let problem = RwSignal::new(None::<String>);
    // The page's own origin, as behind a reverse proxy; a real app reads this from its settings.
    let server = window().location().origin().unwrap_or_default();
    view! {
        <main>
            <h1>"Contacts"</h1>
            <ContactWidget
                server=server
                theme=Theme::Auto
                on_saved=move |contact: ContactSaved| {
                    problem.set(None);
                    saved.update(|list| list.push(contact));
                }
                on_error=move |failure: ContactError| problem.set(Some(failure.error))
            />
            <p role="alert">{move || problem.get()}</p>
            <h2>"Saved in this visit"</h2>
            <ul>
                {move || {
                    saved
                        .get()
                        .into_iter()
                        .map(|c| {
                            let verb = if c.created { "registered" } else { "updated" };
                            view! { <li>{format!("{} ({verb})", c.contact)}</li> }
                        })
                        .collect_view()
                }}
            </ul>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
