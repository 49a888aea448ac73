//! What the one status region announces: saving, success, failure.

/// The message in the widget's status region (`role="status"`, polite).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    /// Nothing to say.
    #[default]
    Idle,
    /// Work under way ("Saving…").
    Busy(String),
    /// Something finished well.
    Done(String),
    /// Something failed; the text says what and what to do.
    Failed(String),
}

impl Status {
    /// The words announced.
    pub fn text(&self) -> &str {
        match self {
            Status::Idle => "",
            Status::Busy(t) | Status::Done(t) | Status::Failed(t) => t,
        }
    }

    /// A CSS class for the look of each kind.
    pub fn class(&self) -> &'static str {
        match self {
            Status::Idle => "ocf-status",
            Status::Busy(_) => "ocf-status ocf-status--busy",
            Status::Done(_) => "ocf-status ocf-status--done",
            Status::Failed(_) => "ocf-status ocf-status--failed",
        }
    }
}
