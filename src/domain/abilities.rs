//! What the signed-in user may do with a Contact Center contact beyond finding and saving it,
//! worked out as Rocket.Chat's own client does (it has no "may I" route): the licence's active
//! modules, the user's global roles and the permission records. Buttons that cannot work are
//! then not offered.

/// Deleting a contact (Rocket.Chat 7.11+: roles admin and livechat-manager by default).
pub const DELETE: &str = "delete-livechat-contact";
/// Blocking a contact's channel.
pub const BLOCK: &str = "block-livechat-contact";
/// Unblocking a contact's channel.
pub const UNBLOCK: &str = "unblock-livechat-contact";
/// The licence modules blocking and unblocking need, both.
pub const BLOCK_MODULES: [&str; 2] = ["livechat-enterprise", "contact-id-verification"];

/// What the user may do, read once per sign-in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Abilities {
    /// Delete a contact.
    pub delete: bool,
    /// Block a channel (the permission and the licence).
    pub block: bool,
    /// Unblock a channel (the permission and the licence).
    pub unblock: bool,
}

/// A permission record: its id and the roles that hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Granted {
    /// The permission, e.g. `delete-livechat-contact`.
    pub id: String,
    /// The roles holding it.
    pub roles: Vec<String>,
}

impl Abilities {
    /// As one number (a bit each: delete, block, unblock), for a signal type the first download
    /// has already (a signal of a type of its own costs it the reactive code for that type).
    pub fn bits(self) -> usize {
        self.delete as usize | (self.block as usize) << 1 | (self.unblock as usize) << 2
    }

    /// Back from [`Abilities::bits`].
    pub fn from_bits(bits: usize) -> Self {
        Abilities {
            delete: bits & 1 != 0,
            block: bits & 2 != 0,
            unblock: bits & 4 != 0,
        }
    }

    /// What `roles` may do under a licence with `modules`, given the permission `records`. A
    /// permission no record names is held by nobody (so it is before 7.11 for delete, and
    /// on a workspace that never had the licence for block and unblock).
    pub fn of(modules: &[String], roles: &[String], records: &[Granted]) -> Self {
        let may = |permission: &str| {
            records
                .iter()
                .filter(|r| r.id == permission)
                .any(|r| r.roles.iter().any(|role| roles.contains(role)))
        };
        let licensed = BLOCK_MODULES
            .iter()
            .all(|m| modules.iter().any(|have| have == m));
        Abilities {
            delete: may(DELETE),
            block: licensed && may(BLOCK),
            unblock: licensed && may(UNBLOCK),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn granted(id: &str, roles: &[&str]) -> Granted {
        Granted {
            id: id.into(),
            roles: list(roles),
        }
    }

    fn records() -> Vec<Granted> {
        vec![
            granted(DELETE, &["admin", "livechat-manager"]),
            granted(BLOCK, &["admin", "livechat-manager", "livechat-agent"]),
            granted(UNBLOCK, &["admin", "livechat-manager"]),
        ]
    }

    #[test]
    fn an_agent_may_block_but_not_delete() {
        let modules = list(&["livechat-enterprise", "contact-id-verification"]);
        let agent = Abilities::of(&modules, &list(&["user", "livechat-agent"]), &records());
        assert_eq!(
            agent,
            Abilities {
                delete: false,
                block: true,
                unblock: false
            }
        );
        let manager = Abilities::of(&modules, &list(&["user", "livechat-manager"]), &records());
        assert!(manager.delete && manager.block && manager.unblock);
    }

    #[test]
    fn blocking_needs_both_modules_whatever_the_roles() {
        let admin = list(&["admin"]);
        let one = Abilities::of(&list(&["livechat-enterprise"]), &admin, &records());
        assert!(one.delete && !one.block && !one.unblock);
        let none = Abilities::of(&[], &admin, &records());
        assert!(!none.block && !none.unblock);
    }

    #[test]
    fn abilities_go_through_their_bits_unchanged() {
        for bits in 0..8 {
            assert_eq!(Abilities::from_bits(bits).bits(), bits);
        }
    }

    #[test]
    fn a_permission_without_a_record_is_held_by_nobody() {
        let modules = list(&["livechat-enterprise", "contact-id-verification"]);
        let admin = Abilities::of(&modules, &list(&["admin"]), &[]);
        assert_eq!(admin, Abilities::default());
    }
}
