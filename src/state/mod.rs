//! The widget's reactive state and what changes it: the form's state, the session shared by
//! the views, the one save pipeline (`submit`), loading, saving later, the status region and the
//! events the host page hears.

pub mod events;
pub mod form_state;
pub mod loading;
pub mod outbox;
pub mod retry;
pub mod session;
pub mod status;
pub mod submit;
