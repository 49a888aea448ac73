//! The "Contact manager" suggestions: agents looked up as the user types, picked with the mouse
//! or the keyboard. A typed username that matches no suggestion is still accepted: the server
//! checks it on save.

use crate::domain::agents::{self, Agent};
use crate::state::form::inputs::Inputs;
use crate::state::widget::session::Session;
use crate::view::combo::{listbox, Combo};
use crate::view::input::Combobox;
use leptos::prelude::*;

/// The picker's state, owned by the contact form.
#[derive(Clone, Copy)]
pub struct Picker {
    /// Where the agents matching what was typed last are kept: with the inputs, whose save
    /// reads their ids.
    inputs: Inputs,
    /// The list, its highlight and its look-ups.
    combo: Combo,
}

impl Picker {
    /// A closed picker.
    pub fn new(inputs: Inputs) -> Self {
        Picker {
            inputs,
            combo: Combo::new(),
        }
    }

    /// After an edit: looks agents up once typing pauses. Failures only mean no suggestions
    /// (the save reports any real problem).
    pub fn typed(&self, session: Session, text: String) {
        self.combo.close();
        let text = text.trim().trim_start_matches('@').to_owned();
        if text.is_empty() {
            return;
        }
        let picker = *self;
        self.combo.later(agents::DEBOUNCE_MS, move |ticket| {
            let Ok(client) = session.client() else {
                return; // signed out, or unmounted, meanwhile
            };
            leptos::task::spawn_local(async move {
                let found = client.search_agents(&text).await;
                if let (Ok(agents), true) = (found, picker.combo.is_current(ticket)) {
                    picker.combo.show(!agents.is_empty());
                    picker.inputs.list_agents(agents);
                }
            });
        });
    }

    /// The combobox half that goes on the input; `choose` takes a picked username.
    pub fn combobox(&self, choose: Callback<String>) -> Combobox {
        let picker = *self;
        let len = move || picker.inputs.with_agents_now(Vec::len);
        self.combo
            .combobox(len, Callback::new(move |i| picker.pick(i, choose)))
    }

    fn pick(&self, i: usize, choose: Callback<String>) {
        let username = self
            .inputs
            .with_agents_now(|s| s.get(i).map(|a| a.username.clone()));
        if let Some(username) = username {
            choose.run(username);
            self.combo.close();
        }
    }
}

/// The list of suggestions under the input `input_id`, named `label` ("Agents"); `choose`
/// takes the username picked.
pub fn agent_list(
    picker: Picker,
    input_id: String,
    label: String,
    choose: Callback<String>,
) -> impl IntoView {
    let labels = move || {
        picker
            .inputs
            .with_agents(|agents| agents.iter().map(Agent::label).collect())
    };
    let pick = Callback::new(move |i| picker.pick(i, choose));
    listbox(picker.combo, input_id, label, labels, pick)
}
