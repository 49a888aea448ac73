//! Thin adapters to the browser: storage, text functions that must match JavaScript's, timers,
//! the clock and random bytes.

pub mod clock;
pub mod crypto;
pub mod storage;
pub mod text;
pub mod timer;
