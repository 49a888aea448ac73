//! The "Contact manager" suggestions: agents looked up as the user types, picked with the mouse
//! or the keyboard. A typed username that matches no suggestion is still accepted: the server
//! checks it on save.

use crate::domain::agents::{self, step, Key};
use crate::state::inputs::Inputs;
use crate::state::session::Session;
use crate::view::input::{option_id, Combobox};
use crate::web::timer::Timer;
use leptos::prelude::*;
use std::time::Duration;

/// The picker's state, owned by the contact form.
#[derive(Clone, Copy)]
pub struct Picker {
    /// Where the agents matching what was typed last are kept: with the inputs, whose save
    /// reads their ids.
    inputs: Inputs,
    /// Whether the list is shown.
    open: RwSignal<bool>,
    /// The highlighted suggestion.
    active: RwSignal<Option<usize>>,
    timer: Timer,
    /// Counts lookups, so that only the latest answer is shown.
    asked: StoredValue<u32>,
}

impl Picker {
    /// A closed picker.
    pub fn new(inputs: Inputs) -> Self {
        Picker {
            inputs,
            open: RwSignal::new(false),
            active: RwSignal::new(None),
            timer: Timer::new(),
            asked: StoredValue::new(0),
        }
    }

    /// Closes the list and forgets a pending lookup.
    pub fn close(&self) {
        self.timer.clear();
        self.asked.update_value(|n| *n += 1);
        self.open.set(false);
        self.active.set(None);
    }

    /// After an edit: looks agents up once typing pauses. Failures only mean no suggestions
    /// (the save reports any real problem).
    pub fn typed(&self, session: Session, text: String) {
        self.close();
        let text = text.trim().trim_start_matches('@').to_owned();
        if text.is_empty() {
            return;
        }
        let picker = *self;
        let ticket = self.asked.get_value();
        let lookup = move || {
            let Ok(client) = session.client() else {
                return; // signed out, or unmounted, meanwhile
            };
            leptos::task::spawn_local(async move {
                let found = client.search_agents(&text).await;
                let current = picker.asked.try_get_value() == Some(ticket);
                if let (Ok(agents), true) = (found, current) {
                    picker.open.set(!agents.is_empty());
                    picker.inputs.list_agents(agents);
                }
            });
        };
        let wait = Duration::from_millis(agents::DEBOUNCE_MS);
        self.timer.start(wait, lookup);
    }

    /// The combobox half that goes on the input; `choose` takes a picked username.
    pub fn combobox(&self, choose: Callback<String>) -> Combobox {
        let picker = *self;
        let on_keydown = Callback::new(move |ev: web_sys::KeyboardEvent| {
            let len = picker.inputs.with_agents_now(Vec::len);
            let open = picker.open.get_untracked();
            let key = match ev.key().as_str() {
                "ArrowDown" => Key::Down,
                "ArrowUp" if open => Key::Up,
                "Enter" if open => {
                    match picker.active.get_untracked() {
                        Some(i) => {
                            ev.prevent_default(); // picking is not submitting
                            picker.pick(i, choose);
                        }
                        None => picker.close(), // the form submits what is typed
                    }
                    return;
                }
                "Escape" if open => {
                    ev.prevent_default();
                    picker.close();
                    return;
                }
                _ => return,
            };
            if len > 0 {
                ev.prevent_default();
                picker.open.set(true);
                picker
                    .active
                    .set(step(picker.active.get_untracked(), len, key));
            }
        });
        Combobox {
            expanded: self.open.into(),
            active: self.active.into(),
            on_keydown,
            on_blur: Callback::new(move |()| picker.close()),
        }
    }

    fn pick(&self, i: usize, choose: Callback<String>) {
        let username = self
            .inputs
            .with_agents_now(|s| s.get(i).map(|a| a.username.clone()));
        if let Some(username) = username {
            choose.run(username);
            self.close();
        }
    }
}

/// The list of suggestions under the input `input_id`.
#[component]
pub fn AgentList(
    /// The picker's state.
    picker: Picker,
    /// The id of the input the list belongs to (option ids derive from it).
    input_id: String,
    /// The list's accessible name ("Agents").
    label: String,
    /// Called with the username picked.
    choose: Callback<String>,
) -> impl IntoView {
    let list_id = format!("{input_id}-list");
    view! {
        <ul class="ocf-listbox" id=list_id role="listbox" aria-label=label hidden=move || !picker.open.get()>
            {move || {
                picker.inputs.with_agents(Vec::clone).into_iter().enumerate().map(|(i, agent)| {
                    let active = move || picker.active.get() == Some(i);
                    view! {
                        <li
                            id=option_id(&input_id, i)
                            role="option"
                            class:ocf-option--active=active
                            aria-selected=move || active().to_string()
                            // mousedown, not click: the input keeps focus, so blur does not close first
                            on:mousedown=move |ev| {
                                ev.prevent_default();
                                picker.pick(i, choose);
                            }
                        >
                            {agent.label()}
                        </li>
                    }
                }).collect_view()
            }}
        </ul>
    }
}
