//! The contact-manager picker's logic: reading the agent list and moving through suggestions
//! with the keyboard (the WAI-ARIA combobox pattern), as plain Rust.

use crate::json::Json;
use crate::reply::ApiError;

/// How many suggestions are asked for and shown.
pub const SUGGESTIONS: usize = 8;
/// How long typing must pause before agents are looked up, in milliseconds.
pub const DEBOUNCE_MS: u64 = 250;

/// An agent who may manage contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
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

/// Reads `GET /api/v1/livechat/users/agent`: `{"users": [{username, name, ...}], ...}`.
pub fn agents(reply: &Json) -> Result<Vec<Agent>, ApiError> {
    let Some(Json::Array(users)) = reply.get("users") else {
        return Err(ApiError::Unexpected { status: 200 });
    };
    Ok(users
        .iter()
        .filter_map(|u| {
            let username = u.str_at("username")?.trim();
            let name = u.str_at("name").map(str::trim).filter(|n| !n.is_empty());
            (!username.is_empty()).then(|| Agent {
                username: username.to_owned(),
                name: name.map(str::to_owned),
            })
        })
        .take(SUGGESTIONS)
        .collect())
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
    fn reads_the_agent_list() {
        let reply = Json::parse(
            r#"{"users":[{"_id":"a1","username":"agent.one","name":"Agent One","status":"online"},
                {"_id":"a2","username":"agent.two","name":""},{"_id":"x","name":"No username"}],
                "count":3,"offset":0,"total":3,"success":true}"#,
        )
        .unwrap();
        let list = agents(&reply).unwrap();
        assert_eq!(list.len(), 2, "an entry without a username is skipped");
        assert_eq!(list[0].label(), "Agent One (agent.one)");
        assert_eq!(list[1].label(), "agent.two");
        let odd = Json::parse(r#"{"success":true}"#).unwrap();
        assert_eq!(agents(&odd), Err(ApiError::Unexpected { status: 200 }));
    }

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
