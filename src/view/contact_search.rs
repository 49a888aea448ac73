//! "Find a contact": a search field above the contact form, a combobox like the contact-manager
//! picker (the same [`Combo`]), whose options open a contact. Under the options: "Show more"
//! when the server has more, and in words what the search came to when there is nothing to list.
//! In the Contact Center, **Unidentified contacts** switches it to the contacts Rocket.Chat's own
//! list hides (a first-time visitor's): listed newest first, all of them with no text typed.

use crate::domain::markup::{live, Markup};
use crate::domain::search::{self, label, DEBOUNCE_MS};
use crate::domain::texts::Text;
use crate::state::finding::finder::{self, Finding};
use crate::state::form::form_state::FormState;
use crate::state::widget::session::Session;
use crate::view::combo::{listbox, Combo};
use crate::view::input::{InputSpec, LabeledInput};
use crate::web::dates::since;
use leptos::prelude::*;

/// The search field; `on_open` gets the id of the contact picked.
#[component]
pub fn ContactSearch(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state, which keeps the search's results.
    state: FormState,
    /// Called with the id of the contact picked.
    on_open: Callback<String>,
) -> impl IntoView {
    let combo = Combo::new();
    let finder = state.finder();
    let typed = RwSignal::new(String::new());
    // Searches for `value` once typing pauses `ms` (the list it searches is the finder's).
    let find = move |value: &str, ms: u64| {
        combo.close();
        finder.clear();
        let unknown = finder.with_unknown_now();
        if let Some(term) = search::scoped_term(value, unknown).map(str::to_owned) {
            combo.later(ms, move |ticket| {
                combo.show(true);
                session.spawn(finder::search(session, finder, term, move || {
                    combo.is_current(ticket)
                }));
            });
        }
    };
    let on_input = Callback::new(move |value: String| {
        find(&value, DEBOUNCE_MS);
        typed.set(value);
    });
    let on_unknown = move |ev: web_sys::Event| {
        finder.set_unknown(event_target_checked(&ev));
        find(&typed.get_untracked(), 0);
    };
    let pick = Callback::new(move |i: usize| {
        let id = finder.with_now(|f| match f {
            Finding::Found(results) => results.found.get(i).map(|r| r.id.clone()),
            _ => None,
        });
        if let Some(id) = id {
            combo.close();
            on_open.run(id);
        }
    });
    let more = move |_| {
        let ticket = combo.ticket();
        session.spawn(finder::more(session, finder, move || {
            combo.is_current(ticket)
        }));
    };
    let combobox = combo.combobox(move || finder.listed(), pick);
    // What the search came to, in words, when there is no option to say it.
    let note = move || {
        let t = session.texts();
        finder.with(|f| match f {
            Finding::Searching => Some(t.get(Text::Searching).to_owned()),
            Finding::Found(r) if r.found.is_empty() && r.term.is_empty() => {
                Some(t.get(Text::NoUnidentified).to_owned())
            }
            Finding::Found(r) if r.found.is_empty() => {
                Some(t.fill(Text::NoMatch, &[("text", &r.term)]))
            }
            Finding::Failed(why) => Some(why.clone()),
            _ => None,
        })
    };
    let spec = InputSpec {
        name: "search".into(),
        kind: "search",
        autocomplete: "off",
        inputmode: None,
        hint: None,
        required: false,
        dir: "auto",
    };
    // The options' texts: name · first email · first phone (an unidentified contact's: where
    // and when it came in).
    let labels = move || {
        let t = session.texts();
        let language = session.language();
        let ago = move |iso: &str| since(language, iso);
        finder.with(|f| match f {
            Finding::Found(r) => r.found.iter().map(|c| label(c, &t, &ago)).collect(),
            _ => Vec::new(),
        })
    };
    // Made again in another language (labels are static text); what was typed and found lives
    // in the signals above and stays.
    move || {
        let t = session.texts();
        let results = view! {
            <div class="ocf-results" hidden=move || !combo.is_open()>
                {listbox(combo, session.id("search"), t.get(Text::Contacts).to_owned(), labels, pick)}
                <p aria-live="polite" inner_html=live(move || note().map(|n| Markup::said(&n)).unwrap_or_default())></p>
                {move || finder.with(|f| matches!(f, Finding::Found(r) if r.more())).then(|| view! {
                    <button
                        type="button"
                        class="ocf-secondary ocf-more"
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=more
                        on:blur=move |ev| combo.on_blur().run(ev)
                    >
                        {session.texts().get(Text::ShowMore).to_owned()}
                    </button>
                })}
            </div>
        };
        view! {
            <div class="ocf-search">
                // Contact Center only; drawn again with the language, checked as it was. Above
                // the field: the open list, under the field, would cover it.
                <label class="ocf-check" hidden=move || !session.is_contact_center()>
                    <input type="checkbox" checked=finder.with_unknown_now() on:change=on_unknown />
                    {t.get(Text::Unidentified).to_owned()}
                </label>
                <LabeledInput
                    id=session.id("search")
                    label=t.get(Text::FindContact).to_owned()
                    spec=spec.clone()
                    value=typed
                    error=Signal::derive(|| None::<String>)
                    on_input=on_input
                    combobox=Some(combobox)
                    after=Some(results.into_any())
                />
            </div>
        }
    }
}
