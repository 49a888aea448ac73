//! The widget's rules as plain Rust, with native tests: validation and normalisation,
//! the contact and its merge on update, custom-field rules, duplicates, tokens, drafts, agents.
//! No Leptos and no browser API here (`tests/architecture.rs` checks it).

pub mod abilities;
pub mod agents;
pub mod catalogue;
pub mod conflicts;
pub mod conversation;
pub mod country_codes;
pub mod credentials;
pub mod custom_fields;
pub mod draft;
pub mod duplicate;
pub mod field;
pub mod import;
pub mod json_object;
pub mod language;
pub mod markup;
pub mod merge;
pub mod pairs;
pub mod phone;
pub mod queued;
pub mod record;
pub mod rows;
pub mod search;
pub mod sheet;
pub mod source;
pub mod target;
pub mod texts;
pub mod token;
pub mod validate;
