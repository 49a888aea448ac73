//! Thin adapters to the browser: storage, text functions that must match JavaScript's, timers
//! and random bytes.

pub mod crypto;
pub mod storage;
pub mod text;
pub mod timer;
