//! The contact managers an import has resolved, by username: through the Contact Center each
//! username is looked up once per import rather than once per row, and the rows of one no agent
//! has are refused without a call. (The legacy endpoint takes the username itself.)

use crate::domain::validate::ValidContact;
use crate::state::saving::write::Written;
use std::collections::HashMap;

/// What the import knows of each username: the agent's id, or that no agent has it.
#[derive(Debug, Default)]
pub struct Managers {
    known: HashMap<String, Option<String>>,
}

/// What is known of a row's contact manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// Nothing yet (or the row has none): the write looks it up.
    Unknown,
    /// This agent's id.
    Agent(String),
    /// No agent has that username.
    Nobody,
}

impl Managers {
    /// What is known of `contact`'s manager.
    pub fn of(&self, contact: &ValidContact) -> Known {
        let found = contact
            .contact_manager
            .as_deref()
            .and_then(|u| self.known.get(u));
        match found {
            None => Known::Unknown,
            Some(Some(id)) => Known::Agent(id.clone()),
            Some(None) => Known::Nobody,
        }
    }

    /// Learns from how `contact`'s write ended: its manager's id, or that no agent has it.
    pub fn learn(&mut self, contact: &ValidContact, written: &Written) {
        let Some(username) = contact.contact_manager.clone() else {
            return;
        };
        match written {
            Written::Saved(accepted) => {
                let id = accepted
                    .record
                    .manager_id
                    .clone()
                    .filter(|id| !id.is_empty());
                if let Some(id) = id {
                    self.known.insert(username, Some(id));
                }
            }
            Written::ManagerUnknown => {
                self.known.insert(username, None);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::ContactRecord;
    use crate::state::saving::write::Accepted;

    fn contact(manager: Option<&str>) -> ValidContact {
        ValidContact {
            name: "Ada".into(),
            email: None,
            phone: None,
            contact_manager: manager.map(str::to_owned),
            more_emails: Vec::new(),
            more_phones: Vec::new(),
        }
    }

    fn saved(contact: &ValidContact, manager_id: Option<&str>) -> Written {
        let record = ContactRecord::saved(
            "c1".into(),
            "t".into(),
            contact,
            Vec::new(),
            None,
            manager_id.map(str::to_owned),
        );
        Written::Saved(Accepted {
            token: None,
            created: true,
            phone: None,
            record,
            taken: Vec::new(),
        })
    }

    #[test]
    fn a_username_is_learnt_once_found_or_found_missing() {
        let mut managers = Managers::default();
        let two = contact(Some("agent.two"));
        let nobody = contact(Some("nobody"));
        assert_eq!(managers.of(&two), Known::Unknown);
        managers.learn(&two, &saved(&two, Some("id2")));
        managers.learn(&nobody, &Written::ManagerUnknown);
        assert_eq!(managers.of(&two), Known::Agent("id2".into()));
        assert_eq!(managers.of(&nobody), Known::Nobody);
        // A row without a manager, or a legacy save (no id), teaches nothing.
        let none = contact(None);
        managers.learn(&none, &Written::ManagerUnknown);
        assert_eq!(managers.of(&none), Known::Unknown);
        let three = contact(Some("agent.three"));
        managers.learn(&three, &saved(&three, None));
        assert_eq!(managers.of(&three), Known::Unknown);
    }
}
