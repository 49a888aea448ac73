//! Conflicting values: the values picked, and Resolve, which saves them.

pub mod conflicts;
pub mod resolve;
