//! A contact shared by a team, top to bottom: before anything is written over a saved contact
//! (an update, a resend, Resolve, Delete) it is read again and what is typed is laid over it by
//! the three-way merge of `domain::merge`. What only a colleague changed is shown in the form
//! and kept; a field both changed is asked about ([`choose`] takes the answer); the host page
//! hears `contact-changed-elsewhere`. The re-read itself is
//! the one write's (`write::reread`); [`catch_up`] is the form's side of it.

use crate::domain::catalogue::Texts;
use crate::domain::custom_fields::CustomField;
use crate::domain::merge::{self, Merged, Part, Values};
use crate::domain::record::ContactRecord;
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::widget::session::Session;

/// Lays `here` over the contact as the server has it now: the fields only the server changed
/// take its values in the form, the record becomes the server's, and the base what the merge
/// left (the old base for a field changed on both sides, so that it is asked about). `None`
/// when the form has moved on to another contact meanwhile.
pub fn catch_up(
    session: Session,
    state: FormState,
    server: ContactRecord,
    here: &Values,
    center: bool,
) -> Option<Merged> {
    let base = state.contact().with(|t| t.base());
    let merged = merge::over(base, &server, here, center);
    let id = server.id.clone();
    if !state
        .contact()
        .rebase(&id, server, Some(merged.base.clone()))
    {
        return None;
    }
    state.show(&merged.send, &merged.taken);
    let fields: Vec<String> = merged
        .taken
        .iter()
        .chain(merged.clashes.iter().map(|c| &c.part))
        .map(Part::key)
        .collect();
    if !fields.is_empty() {
        session.announce_changed(&id, &fields);
    }
    Some(merged)
}

/// What the form holds now, as the merge compares it ([`custom_here`] for its custom fields).
pub fn typed(state: FormState) -> Values {
    Values::typed(&state.inputs().draft(), &custom_here(state))
}

/// The custom fields as they stand here: the shown ones as typed, the others as the base had
/// them (they are never typed here), every one of them (what is sent is narrowed later).
pub fn custom_here(state: FormState) -> Vec<(String, String)> {
    let base = state.contact().with(|t| t.base()).unwrap_or_default();
    state.custom().to_send(&base.custom, false)
}

/// "Save these values": the values picked replace the clashing ones in the form, and the
/// contact as read is the base from now on (the choice is made). `false` when nothing was
/// asked. The save itself is then the usual one.
pub fn choose(state: FormState) -> bool {
    let Some((merged, server_side)) = state.changes().take() else {
        return false;
    };
    let chosen = merged.chosen(&server_side);
    let picked: Vec<Part> = merged
        .clashes
        .iter()
        .zip(&server_side)
        .filter(|(_, server)| **server)
        .map(|(c, _)| c.part.clone())
        .collect();
    state.show(&chosen, &picked);
    if let Some(record) = state.contact().record() {
        state.contact().rebase(&record.id.clone(), record, None);
    }
    true
}

/// A field's label, as the form shows it (a custom field by its label, else its id).
pub fn label_of(t: &Texts, custom: &[CustomField], part: &Part) -> String {
    match part {
        Part::Field(field) => t.get(field.label()).to_owned(),
        Part::Custom(id) => custom
            .iter()
            .find(|f| f.id == *id)
            .map_or_else(|| id.clone(), |f| f.label.clone()),
    }
}

/// "Phone was changed by someone else and is kept.", naming the fields `taken`.
pub fn kept_note(session: Session, state: FormState, taken: &[Part]) -> Option<String> {
    if taken.is_empty() {
        return None;
    }
    let t = session.texts_now();
    let custom = state.custom().shown();
    let names: Vec<String> = taken.iter().map(|p| label_of(&t, &custom, p)).collect();
    let fields = names.join(", ");
    let key = if taken.len() == 1 {
        Text::KeptChange
    } else {
        Text::KeptChanges
    };
    Some(t.fill(key, &[("fields", &fields)]))
}

/// "<name> was changed on the server since you opened it.", with the name it has now.
pub fn changed_text(session: Session, state: FormState) -> String {
    let t = session.texts_now();
    let record = state.contact().record();
    let name = record
        .as_ref()
        .map_or(t.get(Text::NoName), |r| r.shown_name(&t));
    t.fill(Text::ChangedOnServer, &[("name", name)])
}
