//! Components only: they show the state and start its flows.

pub mod changed_notice;
pub mod combo;
pub mod conflict_notice;
pub mod contact_search;
pub mod conversation_markup;
pub mod conversations;
pub mod conversations_section;
pub mod custom_inputs;
pub mod delete_contact;
pub mod duplicate_notice;
pub mod form;
pub mod import;
pub mod import_line;
pub mod import_panel;
pub mod import_sending;
pub mod input;
pub mod lazy;
pub mod manager_picker;
pub mod notice;
pub mod prompts;
pub mod rows;
pub mod signin;
pub mod unsaved_notice;
pub mod widget;
