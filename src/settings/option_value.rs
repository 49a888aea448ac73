//! One option's value as a host page gave it, before it is checked: what `mount`'s options and
//! the `labels` object are read into. Its own module, so that the settings that read it
//! (options, labels) do not depend on each other through it.

/// One option's value as JavaScript gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// A string.
    Text(String),
    /// A number.
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
    /// A plain object (named `"object"`) with its own entries: the `labels` option.
    Object(String, Vec<(String, OptionValue)>),
    /// Anything else, named by its JavaScript `typeof` (`"number"`, `"object"`…).
    Other(String),
}

impl OptionValue {
    /// The JavaScript `typeof` of the value, for messages.
    pub fn kind(&self) -> &str {
        match self {
            OptionValue::Text(_) => "string",
            OptionValue::Number(_) => "number",
            OptionValue::Bool(_) => "boolean",
            OptionValue::Object(kind, _) | OptionValue::Other(kind) => kind,
        }
    }
}
