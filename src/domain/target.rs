//! Which contact a save goes to: a new one (holding the token of a first save whose answer may
//! have been lost), or one this browser remembers (with its stored record once loaded). One
//! value instead of three signals, so that "a pending token exists only while no contact is
//! remembered" and "the loaded record belongs to the remembered contact" hold by construction.

use crate::domain::merge::Values;
use crate::domain::record::ContactRecord;
use crate::domain::token::StoredContact;

/// The contact the form saves to.
// One per widget: boxing the record would save a few hundred bytes of memory and cost code.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A contact not saved yet.
    New {
        /// The token of a first save that has not succeeded yet: a retry reuses it, so a save
        /// that reached the server before its answer was lost never makes a second contact.
        pending_token: Option<String>,
    },
    /// A contact the server accepted (or a duplicate the user chose to update).
    Existing {
        /// Its token and id, as remembered.
        stored: StoredContact,
        /// The record as the server stores it, once loaded (or as last saved): an update sends
        /// back what it holds and the user did not change.
        record: Option<ContactRecord>,
        /// What the form's values were typed over, where that is not the record itself: a
        /// draft typed over an older copy, or a field changed on both sides that is still to
        /// be asked about. The next update merges against it.
        base: Option<Values>,
    },
}

impl Default for Target {
    fn default() -> Self {
        Target::New {
            pending_token: None,
        }
    }
}

impl Target {
    /// The target for what storage remembers, if anything.
    pub fn from_stored(stored: Option<StoredContact>) -> Self {
        match stored {
            Some(stored) => Target::Existing {
                stored,
                record: None,
                base: None,
            },
            None => Target::default(),
        }
    }

    /// Whether saving updates a remembered contact ("Update contact").
    pub fn is_existing(&self) -> bool {
        matches!(self, Target::Existing { .. })
    }

    /// The remembered contact's id, once the server has given one.
    pub fn contact_id(&self) -> Option<&str> {
        match self {
            Target::Existing { stored, .. } => stored.contact_id.as_deref(),
            Target::New { .. } => None,
        }
    }

    /// The loaded record of the remembered contact.
    pub fn record(&self) -> Option<&ContactRecord> {
        match self {
            Target::Existing { record, .. } => record.as_ref(),
            Target::New { .. } => None,
        }
    }

    /// What the form's values were typed over: the base of the next merge (`None` before the
    /// record is loaded, unless a draft brought its own).
    pub fn base(&self) -> Option<Values> {
        match self {
            Target::Existing {
                base: Some(base), ..
            } => Some(base.clone()),
            Target::Existing { record, .. } => record.as_ref().map(Values::of),
            Target::New { .. } => None,
        }
    }

    /// Whether a draft or an unanswered clash left a base other than the record.
    pub fn has_own_base(&self) -> bool {
        matches!(self, Target::Existing { base: Some(_), .. })
    }

    /// Contact `id` as the server has it now, with the base the merge left (none: the record
    /// itself); `false` (and nothing changes) when the form has moved on meanwhile.
    pub fn rebase(&mut self, id: &str, server: ContactRecord, next: Option<Values>) -> bool {
        match self {
            Target::Existing {
                stored,
                record,
                base,
            } if stored.contact_id.as_deref() == Some(id) => {
                *base = next.filter(|b| *b != Values::of(&server));
                *record = Some(server);
                true
            }
            _ => false,
        }
    }

    /// The remembered contact, before its record is loaded, gets the base a draft was typed
    /// over (when the draft was typed for contact `id`).
    pub fn drafted_over(&mut self, id: &str, values: Values) {
        if let Target::Existing {
            stored,
            record: None,
            base,
        } = self
        {
            if stored.contact_id.as_deref() == Some(id) {
                *base = Some(values);
            }
        }
    }

    /// A new contact's pending token.
    pub fn pending_token(&self) -> Option<&str> {
        match self {
            Target::New { pending_token } => pending_token.as_deref(),
            Target::Existing { .. } => None,
        }
    }

    /// The token the next save sends, if one exists yet: the remembered one, else the pending.
    pub fn token(&self) -> Option<&str> {
        match self {
            Target::Existing { stored, .. } => Some(&stored.token),
            Target::New { pending_token } => pending_token.as_deref(),
        }
    }

    /// Whether an update must load the stored record first (so that it sends back every field).
    pub fn needs_record(&self) -> bool {
        matches!(self, Target::Existing { stored, record: None, .. } if stored.contact_id.is_some())
    }

    /// A new contact's save is under way with `token`: a retry will reuse it.
    pub fn pending(&mut self, token: &str) {
        if let Target::New { pending_token } = self {
            *pending_token = Some(token.to_owned());
        }
    }

    /// The server accepted the contact: it is remembered from now on, with what was sent.
    pub fn saved(&mut self, stored: StoredContact, record: ContactRecord) {
        *self = Target::Existing {
            stored,
            record: Some(record),
            base: None,
        };
    }

    /// The record of contact `id` was loaded; `false` (and nothing changes) when the form has
    /// moved on to another contact meanwhile.
    pub fn loaded(&mut self, id: &str, loaded: ContactRecord) -> bool {
        match self {
            Target::Existing { stored, record, .. } if stored.contact_id.as_deref() == Some(id) => {
                *record = Some(loaded);
                true
            }
            _ => false,
        }
    }

    /// The remembered contact `id` is gone from the server: the form registers it again, with
    /// its token as the pending one. `false` when the form has moved on meanwhile.
    pub fn gone(&mut self, id: &str) -> bool {
        match self {
            Target::Existing { stored, .. } if stored.contact_id.as_deref() == Some(id) => {
                *self = Target::New {
                    pending_token: Some(stored.token.clone()),
                };
                true
            }
            _ => false,
        }
    }

    /// A stored contact (a duplicate the user chose to update) becomes the target, with its own
    /// token; `None` when the record has no token to update it with.
    pub fn adopting(record: ContactRecord) -> Option<Self> {
        let stored = StoredContact {
            token: record.token.clone()?,
            contact_id: Some(record.id.clone()),
        };
        Some(Target::Existing {
            stored,
            record: Some(record),
            base: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T1: &str = "0123456789abcdef0123456789abcdef";

    fn stored(id: &str) -> StoredContact {
        StoredContact {
            token: T1.into(),
            contact_id: Some(id.into()),
        }
    }

    fn record(id: &str, token: Option<&str>) -> ContactRecord {
        ContactRecord {
            id: id.into(),
            token: token.map(str::to_owned),
            name: "Ada".into(),
            ..ContactRecord::default()
        }
    }

    #[test]
    fn a_new_contact_keeps_its_pending_token_until_saved() {
        let mut target = Target::from_stored(None);
        assert!(!target.is_existing());
        assert_eq!(target.token(), None);
        target.pending(T1);
        assert_eq!(target.pending_token(), Some(T1));
        assert_eq!(target.token(), Some(T1), "a retry sends the same token");
        target.saved(stored("c1"), record("c1", Some(T1)));
        assert!(target.is_existing());
        assert_eq!(
            target.pending_token(),
            None,
            "no pending token once remembered"
        );
        assert_eq!(target.contact_id(), Some("c1"));
        assert_eq!(target.record().map(|r| r.id.as_str()), Some("c1"));
        assert!(!target.needs_record());
    }

    #[test]
    fn a_remembered_contact_loads_its_record_before_an_update() {
        let mut target = Target::from_stored(Some(stored("c1")));
        assert!(target.needs_record());
        target.pending("ffffffffffffffffffffffffffffffff");
        assert_eq!(
            target.token(),
            Some(T1),
            "a remembered contact has no pending token"
        );
        assert!(
            !target.loaded("c2", record("c2", None)),
            "another contact's answer"
        );
        assert!(target.needs_record());
        assert!(target.loaded("c1", record("c1", Some(T1))));
        assert!(!target.needs_record());
    }

    #[test]
    fn a_contact_gone_from_the_server_is_registered_again_with_its_token() {
        let mut target = Target::from_stored(Some(stored("c1")));
        assert!(!target.gone("c2"), "a late answer about another contact");
        assert!(target.is_existing());
        assert!(target.gone("c1"));
        assert_eq!(
            target,
            Target::New {
                pending_token: Some(T1.into())
            }
        );
    }

    #[test]
    fn a_duplicate_is_adopted_with_its_own_token() {
        let adopted = Target::adopting(record("c9", Some(T1))).unwrap();
        assert_eq!(adopted.contact_id(), Some("c9"));
        assert_eq!(adopted.token(), Some(T1));
        assert!(!adopted.needs_record(), "its record is already here");
        assert_eq!(Target::adopting(record("c9", None)), None);
    }
}
