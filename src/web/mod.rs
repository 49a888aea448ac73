//! Thin adapters to the browser: storage, text functions that must match JavaScript's, timers,
//! the clock, dates in the agent's language, random bytes, the languages' files and the
//! import's job in IndexedDB.

pub mod clock;
pub mod crypto;
pub mod dates;
pub mod file;
pub mod job_store;
pub mod locale;
pub mod storage;
pub mod text;
pub mod timer;
