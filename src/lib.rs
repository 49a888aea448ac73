//! An embeddable Leptos/WebAssembly form that registers or updates a Rocket.Chat omnichannel
//! contact (`POST /api/v1/omnichannel/contact`), for agents and managers who record contacts
//! from another page.
//!
//! Three ways to use it: the JS API (`mount(element, options)`, see [`embed`]), the custom
//! element `<omnichannel-contact-form>`, and, in a Leptos app, the [`ContactWidget`] component:
//!
//! ```no_run
//! use leptos::prelude::*;
//! use omnichannel_contact_form::{ContactSaved, ContactWidget, Theme};
//!
//! fn main() {
//!     leptos::mount::mount_to_body(|| {
//!         let (last, set_last) = signal(None::<String>);
//!         view! {
//!             <ContactWidget
//!                 server="https://chat.example.com"
//!                 theme=Theme::Auto
//!                 on_saved=move |saved: ContactSaved| set_last.set(Some(saved.contact))
//!             />
//!             <p>{move || last.get().map(|id| format!("Last saved: {id}"))}</p>
//!         }
//!     })
//! }
//! ```
//!
//! The code is in layers, each a folder, depending downward only: [`web`] (browser adapters),
//! [`domain`] (plain Rust rules), [`settings`], [`api`], [`state`], [`view`], [`embed`].
#![deny(missing_docs)]

pub mod api;
pub mod domain;
pub mod embed;
pub mod settings;
pub mod state;
pub mod view;
pub mod web;

pub use domain::credentials::Credentials;
pub use settings::config::Theme;
pub use settings::config::{ApiChoice, Config};
pub use settings::labels::Labels;
pub use state::widget::events::{ContactError, ContactSaved};
pub use view::widget::ContactWidget;
pub use web::storage::StorageArea;
