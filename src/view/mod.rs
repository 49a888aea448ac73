//! Components only: they show the state and start its flows.

pub mod custom_inputs;
pub mod duplicate_notice;
pub mod form;
pub mod input;
pub mod manager_picker;
pub mod signin;
pub mod widget;
