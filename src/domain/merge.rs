//! A contact shared by a team: the three-way merge of what the form was opened from (the
//! *base*), what the server holds now, and what is typed here, field by field. A field changed
//! only on the server keeps the server's value; one changed only here is sent; one changed on
//! both sides to different values is a [`Clash`], and nothing is sent until the user chooses.
//! Emails and phones of the Contact Center merge as sets, in the server's order. (Rocket.Chat's
//! own *conflicting values*, `conflictingFields`, are something else: `conflicts.rs`.)

use crate::domain::field::Field;
use crate::domain::record::ContactRecord;
use crate::domain::validate::{ContactDraft, ValidContact};

/// One field as the merge sees it: a contact field, or a custom field by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Name, email(s), phone(s) or contact manager.
    Field(Field),
    /// A custom field, by id.
    Custom(String),
}

impl Part {
    /// The field's name as the request and the `contact-changed-elsewhere` event spell it.
    pub fn key(&self) -> String {
        match self {
            Part::Field(field) => field.input_name().to_owned(),
            Part::Custom(id) => format!("customFields.{id}"),
        }
    }
}

/// The values the merge compares, of a record or of what is typed (`""` is no value).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Values {
    /// The name.
    pub name: String,
    /// The contact manager's username.
    pub manager: String,
    /// Every email, in order.
    pub emails: Vec<String>,
    /// Every phone, in order.
    pub phones: Vec<String>,
    /// Custom field values by id (a missing one has no value).
    pub custom: Vec<(String, String)>,
}

impl Values {
    /// A record's values, as the server stores them.
    pub fn of(record: &ContactRecord) -> Self {
        let all = |first: &Option<String>, others: &[String]| {
            first.iter().chain(others).cloned().collect()
        };
        Values {
            name: record.name.clone(),
            manager: record.contact_manager.clone().unwrap_or_default(),
            emails: all(&record.email, &record.other_emails),
            phones: all(&record.phone, &record.other_phones),
            custom: record.custom_fields.clone(),
        }
    }

    /// What a save would send: the checked contact and its custom fields.
    pub fn sent(contact: &ValidContact, custom: &[(String, String)]) -> Self {
        let owned = |all: Vec<&str>| all.into_iter().map(str::to_owned).collect();
        Values {
            name: contact.name.clone(),
            manager: contact.contact_manager.clone().unwrap_or_default(),
            emails: owned(contact.emails()),
            phones: owned(contact.phones()),
            custom: custom.to_vec(),
        }
    }

    /// What the form holds as typed (a draft, checked or not), exactly, blank rows and custom
    /// values left out: so a stored record's values read back as they were ([`Values::draft`]).
    pub fn typed(draft: &ContactDraft, custom: &[(String, String)]) -> Self {
        let filled = |v: &&String| !v.trim().is_empty();
        let rows = |first: &String, more: &[String]| {
            std::iter::once(first)
                .chain(more)
                .filter(filled)
                .cloned()
                .collect()
        };
        Values {
            name: draft.name.clone(),
            manager: draft.contact_manager.clone(),
            emails: rows(&draft.email, &draft.more_emails),
            phones: rows(&draft.phone, &draft.more_phones),
            custom: custom.iter().filter(|(_, v)| filled(&v)).cloned().collect(),
        }
    }

    /// These values as form fields (their custom fields aside).
    pub fn draft(&self) -> ContactDraft {
        let split = |all: &[String]| {
            let mut all = all.iter().cloned();
            (all.next().unwrap_or_default(), all.collect())
        };
        let (email, more_emails) = split(&self.emails);
        let (phone, more_phones) = split(&self.phones);
        ContactDraft {
            name: self.name.clone(),
            email,
            phone,
            contact_manager: self.manager.clone(),
            more_emails,
            more_phones,
        }
    }

    /// The contact these values make, to send.
    pub fn contact(&self) -> ValidContact {
        let d = self.draft();
        let given = |v: String| (!v.is_empty()).then_some(v);
        ValidContact {
            name: d.name,
            email: given(d.email),
            phone: given(d.phone),
            contact_manager: given(d.contact_manager),
            more_emails: d.more_emails,
            more_phones: d.more_phones,
        }
    }

    /// Custom field `id`'s value (`""` when it has none).
    fn custom_value(&self, id: &str) -> &str {
        self.custom
            .iter()
            .find(|(k, _)| k == id)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// How emails and phones merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// The legacy API keeps one of each: the first value merges as one field.
    First,
    /// The Contact Center keeps lists: they merge as sets, in the server's order.
    Sets,
}

/// A field changed on both sides to different values: the user chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// Which field.
    pub part: Part,
    /// The value typed here (`""`: none).
    pub here: String,
    /// The server's value now (`""`: none).
    pub server: String,
}

/// What a merge gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// What to send (a clash keeps the value here until the user chooses).
    pub send: Values,
    /// The fields whose server value was taken (changed there only).
    pub taken: Vec<Part>,
    /// The fields changed on both sides: nothing may be sent before the user chooses.
    pub clashes: Vec<Clash>,
    /// The base from now on: the server's values, but the old base for a clash (so that the
    /// next merge asks about it again).
    pub base: Values,
}

/// Which side a single value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Unchanged here (or changed to the server's value): the server's.
    Server,
    /// Changed here only: the value here.
    Here,
    /// Changed on both sides, differently.
    Both,
}

fn side(base: &str, server: &str, here: &str) -> Side {
    if here == base || here == server {
        Side::Server
    } else if server == base {
        Side::Here
    } else {
        Side::Both
    }
}

/// Merges one value: what to send, and what it adds to `merged`.
fn one(merged: &mut Merged, part: Part, base: &str, server: &str, here: &str) -> String {
    match side(base, server, here) {
        Side::Server => {
            if here != server {
                merged.taken.push(part);
            }
            server.to_owned()
        }
        Side::Here => here.to_owned(),
        Side::Both => {
            merged.clashes.push(Clash {
                part,
                here: here.to_owned(),
                server: server.to_owned(),
            });
            here.to_owned()
        }
    }
}

/// A value removed here stays removed; one the server removed stays removed unless it was
/// added here; what was added on either side is kept: the server's order, then what is new here.
fn set(base: &[String], server: &[String], here: &[String]) -> Vec<String> {
    let mut out: Vec<String> = server
        .iter()
        .filter(|v| !base.contains(v) || here.contains(v))
        .cloned()
        .collect();
    for v in here {
        if !base.contains(v) && !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

/// Merges a list of emails or phones.
fn rows(
    merged: &mut Merged,
    field: Field,
    how: Rows,
    (base, server, here): (&[String], &[String], &[String]),
) -> (Vec<String>, Vec<String>) {
    match how {
        Rows::Sets => {
            // One side alone changed the list: it is taken as it is, in its own order.
            let out = if server == base {
                here.to_vec()
            } else if here == base {
                server.to_vec()
            } else {
                set(base, server, here)
            };
            // Taken when the server changed the list and what is sent is not what is shown.
            if server != base && out != here {
                merged.taken.push(Part::Field(field));
            }
            (out, server.to_vec())
        }
        Rows::First => {
            let first = |all: &[String]| all.first().cloned().unwrap_or_default();
            let (b, s, h) = (first(base), first(server), first(here));
            let value = one(merged, Part::Field(field), &b, &s, &h);
            let clashed = merged
                .clashes
                .last()
                .is_some_and(|c| c.part == Part::Field(field));
            // The further rows (a draft's, in legacy) follow a first value, never replace it.
            let out: Vec<String> = if value.is_empty() {
                Vec::new()
            } else {
                std::iter::once(value)
                    .chain(here.iter().skip(1).cloned())
                    .collect()
            };
            let rebased = if clashed {
                base.to_vec()
            } else {
                server.to_vec()
            };
            (out, rebased)
        }
    }
}

/// Lays `here` over the contact as the server holds it now (`server`), both descended from
/// `base` (the server's copy itself when there is no other): what a writer does after reading
/// the contact again. `center`: the Contact Center's lists merge as sets.
pub fn over(base: Option<Values>, server: &ContactRecord, here: &Values, center: bool) -> Merged {
    let now = Values::of(server);
    let base = base.unwrap_or_else(|| now.clone());
    let how = if center { Rows::Sets } else { Rows::First };
    merge(&base, &now, here, how)
}

/// Merges `here` with `server`, both descended from `base`, field by field.
pub fn merge(base: &Values, server: &Values, here: &Values, how: Rows) -> Merged {
    let mut merged = Merged {
        send: Values::default(),
        taken: Vec::new(),
        clashes: Vec::new(),
        base: server.clone(),
    };
    let name = Part::Field(Field::Name);
    merged.send.name = one(&mut merged, name, &base.name, &server.name, &here.name);
    let manager = Part::Field(Field::ContactManager);
    merged.send.manager = one(
        &mut merged,
        manager,
        &base.manager,
        &server.manager,
        &here.manager,
    );
    let emails = (&base.emails[..], &server.emails[..], &here.emails[..]);
    (merged.send.emails, merged.base.emails) = rows(&mut merged, Field::Email, how, emails);
    let phones = (&base.phones[..], &server.phones[..], &here.phones[..]);
    (merged.send.phones, merged.base.phones) = rows(&mut merged, Field::Phone, how, phones);

    // Every custom field any side has: the server's first, in its order.
    let mut ids: Vec<&str> = Vec::new();
    for (id, _) in server.custom.iter().chain(&base.custom).chain(&here.custom) {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    for id in ids {
        let (b, s, h) = (
            base.custom_value(id),
            server.custom_value(id),
            here.custom_value(id),
        );
        let value = one(&mut merged, Part::Custom(id.to_owned()), b, s, h);
        if !value.is_empty() {
            merged.send.custom.push((id.to_owned(), value));
        }
    }

    // A clash keeps the old base, so that the next merge asks again.
    for clash in &merged.clashes {
        match &clash.part {
            Part::Field(Field::Name) => merged.base.name = base.name.clone(),
            Part::Field(Field::ContactManager) => merged.base.manager = base.manager.clone(),
            Part::Field(_) => {} // the rows' bases are set above
            Part::Custom(id) => {
                merged.base.custom.retain(|(k, _)| k != id);
                let old = base.custom_value(id);
                if !old.is_empty() {
                    merged.base.custom.push((id.clone(), old.to_owned()));
                }
            }
        }
    }
    merged
}

impl Merged {
    /// What to send once the user has chosen: `server_side[i]` takes the server's value for
    /// clash `i` (else the value here stays).
    pub fn chosen(&self, server_side: &[bool]) -> Values {
        let mut send = self.send.clone();
        for (clash, _) in self
            .clashes
            .iter()
            .zip(server_side)
            .filter(|(_, take)| **take)
        {
            let value = clash.server.clone();
            match &clash.part {
                Part::Field(Field::Name) => send.name = value,
                Part::Field(Field::ContactManager) => send.manager = value,
                Part::Field(field) => {
                    let list = match field {
                        Field::Email => &mut send.emails,
                        _ => &mut send.phones,
                    };
                    // The first value only clashes (legacy): replace it.
                    if !list.is_empty() {
                        list.remove(0);
                    }
                    if !value.is_empty() {
                        list.insert(0, value);
                    }
                }
                Part::Custom(id) => {
                    send.custom.retain(|(k, _)| k != id);
                    if !value.is_empty() {
                        send.custom.push((id.clone(), value));
                    }
                }
            }
        }
        send
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(name: &str, emails: &[&str], phones: &[&str], custom: &[(&str, &str)]) -> Values {
        let list = |all: &[&str]| all.iter().map(|s| s.to_string()).collect();
        Values {
            name: name.into(),
            manager: "agent.one".into(),
            emails: list(emails),
            phones: list(phones),
            custom: custom
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    fn ada() -> Values {
        values("Ada", &["ada@x.co"], &["+4930111"], &[("company", "ACME")])
    }

    #[test]
    fn unchanged_on_both_sides_sends_what_is_there_and_asks_nothing() {
        let merged = merge(&ada(), &ada(), &ada(), Rows::First);
        assert_eq!(merged.send, ada());
        assert!(merged.taken.is_empty() && merged.clashes.is_empty());
        assert_eq!(merged.base, ada());
    }

    #[test]
    fn a_change_on_the_server_only_is_kept_and_named() {
        let server = values("Ada", &["ada@x.co"], &["+4930999"], &[("company", "ACME")]);
        let mut here = ada();
        here.name = "Ada King".into();
        let merged = merge(&ada(), &server, &here, Rows::First);
        assert_eq!(merged.send.name, "Ada King", "changed here only: sent");
        assert_eq!(merged.send.phones, ["+4930999"], "changed there only: kept");
        assert_eq!(merged.taken, [Part::Field(Field::Phone)]);
        assert!(merged.clashes.is_empty());
        assert_eq!(merged.base, server);
    }

    #[test]
    fn a_change_on_both_sides_is_a_clash_and_keeps_the_old_base() {
        let server = values(
            "Ada L.",
            &["ada@x.co"],
            &["+4930111"],
            &[("company", "Initech")],
        );
        let here = values(
            "Ada K.",
            &["ada@x.co"],
            &["+4930111"],
            &[("company", "Umbrella")],
        );
        let merged = merge(&ada(), &server, &here, Rows::First);
        assert_eq!(
            merged.clashes,
            [
                Clash {
                    part: Part::Field(Field::Name),
                    here: "Ada K.".into(),
                    server: "Ada L.".into()
                },
                Clash {
                    part: Part::Custom("company".into()),
                    here: "Umbrella".into(),
                    server: "Initech".into()
                },
            ]
        );
        assert_eq!(merged.base.name, "Ada", "asked again next time");
        assert_eq!(
            merged.base.custom,
            [("company".to_owned(), "ACME".to_owned())]
        );
        let theirs = merged.chosen(&[true, false]);
        assert_eq!(theirs.name, "Ada L.");
        assert_eq!(
            theirs.custom,
            [("company".to_owned(), "Umbrella".to_owned())]
        );
        assert_eq!(merged.chosen(&[]).name, "Ada K.", "the value here at first");
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_clash() {
        let mut both = ada();
        both.phones = vec!["+4930222".into()];
        let merged = merge(&ada(), &both, &both, Rows::First);
        assert!(merged.clashes.is_empty() && merged.taken.is_empty());
        assert_eq!(merged.send, both);
    }

    #[test]
    fn rows_merge_as_sets_in_the_servers_order() {
        let base = values("Ada", &["a@x.co", "b@x.co"], &[], &[]);
        // The colleague added c and removed b; here d was added and a removed.
        let server = values("Ada", &["c@x.co", "a@x.co"], &[], &[]);
        let here = values("Ada", &["b@x.co", "d@x.co"], &[], &[]);
        let merged = merge(&base, &server, &here, Rows::Sets);
        assert_eq!(
            merged.send.emails,
            ["c@x.co", "d@x.co"],
            "c kept, a removed here, b removed there, d added"
        );
        assert_eq!(merged.taken, [Part::Field(Field::Email)]);
        assert!(merged.clashes.is_empty(), "sets never clash");

        // A value the colleague removed comes back when it was typed here anew.
        let here = values("Ada", &["a@x.co", "b@x.co", "e@x.co"], &[], &[]);
        let again = merge(&base, &server, &here, Rows::Sets);
        assert_eq!(again.send.emails, ["c@x.co", "a@x.co", "e@x.co"]);
    }

    #[test]
    fn rows_changed_on_one_side_only_keep_that_sides_order() {
        let base = values("Ada", &["a@x.co", "b@x.co"], &[], &[]);
        let here = values("Ada", &["new@x.co", "b@x.co"], &[], &[]);
        let merged = merge(&base, &base, &here, Rows::Sets);
        assert_eq!(merged.send.emails, ["new@x.co", "b@x.co"], "as shown here");
        assert!(merged.taken.is_empty());
        let server = values("Ada", &["b@x.co", "a@x.co"], &[], &[]);
        let merged = merge(&base, &server, &base, Rows::Sets);
        assert_eq!(
            merged.send.emails,
            ["b@x.co", "a@x.co"],
            "as the server has it"
        );
        assert_eq!(merged.taken, [Part::Field(Field::Email)]);
    }

    #[test]
    fn a_custom_field_set_on_the_server_or_cleared_here_merges_per_key() {
        let server = values(
            "Ada",
            &["ada@x.co"],
            &["+4930111"],
            &[("company", "ACME"), ("note", "VIP")],
        );
        let here = values("Ada", &["ada@x.co"], &["+4930111"], &[]);
        let merged = merge(&ada(), &server, &here, Rows::Sets);
        assert_eq!(
            merged.send.custom,
            [("note".to_owned(), "VIP".to_owned())],
            "company cleared here, note added there"
        );
        assert_eq!(merged.taken, [Part::Custom("note".into())]);
        assert_eq!(Part::Custom("note".into()).key(), "customFields.note");
    }

    #[test]
    fn the_first_email_of_a_legacy_contact_clashes_and_is_chosen() {
        let server = values("Ada", &["new@x.co"], &[], &[]);
        let here = values("Ada", &["mine@x.co"], &[], &[]);
        let base = values("Ada", &["ada@x.co"], &[], &[]);
        let merged = merge(&base, &server, &here, Rows::First);
        assert_eq!(merged.clashes.len(), 1);
        assert_eq!(merged.base.emails, ["ada@x.co"]);
        assert_eq!(merged.chosen(&[true]).emails, ["new@x.co"]);
        assert_eq!(merged.chosen(&[false]).emails, ["mine@x.co"]);
    }

    #[test]
    fn values_of_a_record_and_of_what_is_typed_agree() {
        let record = ContactRecord {
            name: "Ada".into(),
            email: Some("ada@x.co".into()),
            other_emails: vec!["b@x.co".into()],
            phone: Some("+4930111".into()),
            contact_manager: Some("agent.one".into()),
            custom_fields: vec![("company".into(), "ACME".into())],
            ..ContactRecord::default()
        };
        let of = Values::of(&record);
        let mut draft = record.draft();
        draft.more_phones.push("  ".into());
        assert_eq!(Values::typed(&draft, &record.custom_fields), of);
        assert_eq!(Values::sent(&of.contact(), &of.custom), of);
    }

    #[test]
    fn over_a_server_copy_takes_its_change_and_without_a_base_merges_from_it() {
        let server = ContactRecord {
            name: "Ada King".into(),
            email: Some("ada@x.co".into()),
            phone: Some("+4930111".into()),
            contact_manager: Some("agent.one".into()),
            custom_fields: vec![("company".into(), "ACME".into())],
            ..ContactRecord::default()
        };
        // The server renamed her since `ada()` was read; here a phone was added.
        let here = values(
            "Ada",
            &["ada@x.co"],
            &["+4930111", "+4930222"],
            &[("company", "ACME")],
        );
        let merged = over(Some(ada()), &server, &here, true);
        assert_eq!(merged.send.name, "Ada King");
        assert_eq!(merged.send.phones, ["+4930111", "+4930222"]);
        assert_eq!(merged.taken, [Part::Field(Field::Name)]);
        // Without a base of its own, the server's copy is the base: what differs here is sent.
        let merged = over(None, &server, &here, true);
        assert_eq!(merged.send.name, "Ada");
        assert!(merged.taken.is_empty() && merged.clashes.is_empty());
    }
}
