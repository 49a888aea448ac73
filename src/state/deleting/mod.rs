//! Deleting a Contact Center contact: the confirmation and the delete.

pub mod delete;
pub mod deletion;
