//! Talking to Rocket.Chat: the calls (`client`; the Contact Center's in `center`; what the user
//! may do in `abilities`; a contact's
//! conversations in `history`; which API a server has in `detect`), the transport with its deadline (`http`), the
//! typed errors and how answers are read (`reply`), every JSON shape on the wire (`wire`), and
//! which field a refusal belongs under (`refusal`).

pub mod abilities;
pub mod center;
pub mod client;
pub mod detect;
pub mod history;
pub mod http;
pub mod refusal;
pub mod reply;
pub mod search;
pub mod wire;

pub use client::{login, Client};
