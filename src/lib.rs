//! An embeddable Leptos/WebAssembly form that registers or updates a Rocket.Chat omnichannel
//! contact (`POST /api/v1/omnichannel/contact`).
//!
//! Domain logic (validation, request body, reading answers, tokens, settings) is plain Rust with
//! native unit tests; the views stay thin and use it.

pub mod agents;
pub mod api;
pub mod config;
pub mod country_codes;
pub mod credentials;
pub mod custom_fields;
pub mod custom_inputs;
pub mod draft;
pub mod duplicate;
pub mod duplicate_notice;
pub mod embed;
pub mod events;
pub mod form;
pub mod form_state;
pub mod input;
pub mod json;
pub mod labels;
pub mod loading;
pub mod manager_picker;
pub mod option_value;
pub mod options;
pub mod queued;
pub mod record;
pub mod refusal;
pub mod reply;
pub mod retry;
pub mod session;
pub mod signin;
pub mod status;
pub mod storage;
pub mod submit;
pub mod text;
pub mod timer;
pub mod token;
pub mod validate;
pub mod widget;
pub mod wire;

pub use config::Config;
pub use credentials::Credentials;
pub use widget::ContactWidget;
