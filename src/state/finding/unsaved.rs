//! The question asked before unsaved changes would be dropped ("You have unsaved changes. Open
//! <name> anyway?"): the flow that asks waits for the answer, which the notice's buttons give.

use futures_channel::oneshot;
use leptos::prelude::*;

/// The question shown, if any, and where its answer goes (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct UnsavedPrompt {
    /// The name of the contact that would be opened, while the question is shown.
    asked: RwSignal<Option<String>>,
    reply: StoredValue<Option<oneshot::Sender<bool>>, LocalStorage>,
}

impl UnsavedPrompt {
    /// Nothing asked.
    pub fn new() -> Self {
        UnsavedPrompt {
            asked: RwSignal::new(None),
            reply: StoredValue::new_local(None),
        }
    }

    /// Asks whether to open `name` over the unsaved changes; `true` once the user chooses
    /// "Open contact", `false` for "Keep editing" (or when a newer question replaces this one,
    /// or the widget goes).
    pub async fn ask(&self, name: String) -> bool {
        let (sender, receiver) = oneshot::channel();
        // A question still shown is answered "keep editing" by its sender being dropped.
        self.reply.set_value(Some(sender));
        self.asked.set(Some(name));
        receiver.await.unwrap_or(false)
    }

    /// The name asked about, while the question is shown (tracked).
    pub fn shown(&self) -> Option<String> {
        self.asked.get()
    }

    /// The user's answer: hides the question and lets the waiting flow go on.
    pub fn answer(&self, open: bool) {
        self.asked.set(None);
        if let Some(sender) = self.reply.try_update_value(Option::take).flatten() {
            let _ = sender.send(open);
        }
    }
}

impl Default for UnsavedPrompt {
    fn default() -> Self {
        Self::new()
    }
}
