//! A Contact Center contact as `contacts.get` and `contacts.search` give it: the stored record
//! with its channels (each with its `visitor`, as `contacts.block` takes it back).

use crate::model::{Contact, Data};
use serde_json::{json, Value};

/// `contact` as `contacts.get` gives it: its channels with it.
pub fn contact_record(d: &Data, contact: &Contact) -> Value {
    let mut record = contact.to_json();
    let channels: Vec<Value> = d
        .channels
        .iter()
        .filter(|c| c.contact_id == contact.id)
        .map(|c| c.to_json())
        .collect();
    record["channels"] = json!(channels);
    record
}
