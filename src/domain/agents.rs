//! The contact-manager picker's logic: reading the agent list and moving through suggestions
//! with the keyboard (the WAI-ARIA combobox pattern), as plain Rust.

/// How many suggestions are asked for and shown.
pub const SUGGESTIONS: usize = 8;
/// How long typing must pause before agents are looked up, in milliseconds.
pub const DEBOUNCE_MS: u64 = 250;

/// An agent who may manage contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The user id, which the Contact Center takes as `contactManager`.
    pub id: Option<String>,
    /// The username that goes into `contactManager.username`.
    pub username: String,
    /// The display name, when set.
    pub name: Option<String>,
}

impl Agent {
    /// The suggestion's text: "Agent One (agent.one)", or the username alone.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", self.username),
            None => self.username.clone(),
        }
    }
}

/// A key the picker handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// ArrowDown: open the list, or move to the next suggestion (wrapping).
    Down,
    /// ArrowUp: move to the previous suggestion (wrapping).
    Up,
}

/// The suggestion that becomes active after `key`, in a list of `len`.
pub fn step(active: Option<usize>, len: usize, key: Key) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (active, key) {
        (None, Key::Down) => 0,
        (None, Key::Up) => len - 1,
        (Some(i), Key::Down) => (i + 1) % len,
        (Some(i), Key::Up) => (i + len - 1) % len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_through_the_list_and_wrap() {
        assert_eq!(step(None, 3, Key::Down), Some(0));
        assert_eq!(step(Some(0), 3, Key::Down), Some(1));
        assert_eq!(step(Some(2), 3, Key::Down), Some(0));
        assert_eq!(step(None, 3, Key::Up), Some(2));
        assert_eq!(step(Some(0), 3, Key::Up), Some(2));
        assert_eq!(step(Some(1), 0, Key::Down), None, "nothing to move through");
    }
}
