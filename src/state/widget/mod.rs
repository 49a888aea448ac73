//! What every view shares: the session (settings, sign-in, texts, status), the sign-in flow, the
//! language followed from `locale`, the status region and the events the host page hears.

pub mod events;
pub mod language;
pub mod panel;
pub mod session;
pub mod signin;
pub mod status;
pub mod writes;
