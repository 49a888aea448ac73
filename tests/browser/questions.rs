//! Every question the form asks belongs to the contact it shows: asked, then left by each way
//! the form state leaves a contact (another opened, New contact or a delete, the contact gone
//! from the server), it is gone. `ask` matches every `Question`: a new one does not compile
//! until it is asked here too. Sign-out and unmount (the form view gone) are in
//! `deleting::the_delete_question_never_comes_back_for_another_contact`.

use crate::harness::*;
use omnichannel_contact_form::domain::duplicate::{Duplicate, Match};
use omnichannel_contact_form::domain::merge::{Merged, Values};
use omnichannel_contact_form::domain::record::ContactRecord;
use omnichannel_contact_form::domain::token::StoredContact;
use omnichannel_contact_form::settings::config::Config;
use omnichannel_contact_form::state::form::form_state::FormState;
use omnichannel_contact_form::state::form::questions::Question;
use wasm_bindgen_test::wasm_bindgen_test;

fn contact(id: &str, name: &str) -> (StoredContact, ContactRecord) {
    let stored = StoredContact {
        token: "0123456789abcdef0123456789abcdef".into(),
        contact_id: Some(id.into()),
    };
    let record = ContactRecord {
        id: id.into(),
        name: name.into(),
        ..ContactRecord::default()
    };
    (stored, record)
}

/// Asks `question` about the contact `state` shows.
async fn ask(state: FormState, question: Question) {
    match question {
        Question::Delete => state.deletion().ask(true),
        Question::Unsaved => leptos::task::spawn_local(async move {
            state.unsaved().ask("Grace Hopper".into()).await;
        }),
        Question::Duplicate => state.duplicates().found(Duplicate {
            record: contact("cc9", "Ada King").1,
            by: Match::Email,
            takes_over: false,
            value: "ada@example.com".into(),
            updating: false,
        }),
        Question::Changed => state.changes().ask(Merged {
            send: Values::default(),
            taken: Vec::new(),
            clashes: Vec::new(),
            base: Values::default(),
        }),
    }
    leptos::task::tick().await;
}

/// A way the form state leaves the contact it shows, by name.
type Way = (&'static str, fn(FormState));

/// The ways the form state leaves the contact it shows.
const WAYS: [Way; 3] = [
    ("another contact opened", |state| {
        let (stored, record) = contact("cc8", "Grace Hopper");
        state.open(stored, record);
    }),
    ("New contact (or a delete)", |state| state.forget()),
    ("the contact gone from the server", |state| {
        assert!(state.contact_gone("cc7"));
    }),
];

#[wasm_bindgen_test]
async fn every_question_goes_by_every_way_of_leaving_its_contact() {
    clear_storage();
    let config = Config::new(SERVER).expect("a server");
    for question in Question::ALL {
        for (way, leave) in WAYS {
            let state = FormState::load(&config);
            let (stored, record) = contact("cc7", "Ada Lovelace");
            state.open(stored, record);
            ask(state, question).await;
            assert!(state.asks(question), "{question:?} is asked");
            leave(state);
            leptos::task::tick().await;
            assert!(!state.asks(question), "{question:?} after {way}");
        }
    }
}
