//! What the host page sets: the config, the options `mount` reads, the labels.

pub mod config;
pub mod labels;
pub mod option_value;
pub mod options;
