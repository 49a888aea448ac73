//! An embeddable Leptos/WebAssembly form that registers or updates a Rocket.Chat omnichannel
//! contact (`POST /api/v1/omnichannel/contact`).
//!
//! Domain logic (validation, request body, reading answers, tokens, settings) is plain Rust with
//! native unit tests; the views stay thin and use it.

pub mod api;
pub mod domain;
pub mod embed;
pub mod settings;
pub mod state;
pub mod view;
pub mod web;

pub use domain::credentials::Credentials;
pub use settings::config::Config;
pub use view::widget::ContactWidget;
