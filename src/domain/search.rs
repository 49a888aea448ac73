//! Finding a contact: when a search is asked, how a result reads, and the results so far with
//! their paging (which the conversations' lists share), as plain Rust.

use crate::domain::catalogue::Texts;
use crate::domain::record::ContactRecord;

/// How many characters a search needs before the server is asked.
pub const MIN_CHARS: usize = 2;
/// How long typing must pause before the server is asked, in milliseconds.
pub const DEBOUNCE_MS: u64 = 250;
/// How many results are asked for at a time.
pub const PAGE: usize = 10;

/// What to search for, trimmed; `None` while it is shorter than [`MIN_CHARS`].
pub fn term(typed: &str) -> Option<&str> {
    let term = typed.trim();
    (term.chars().count() >= MIN_CHARS).then_some(term)
}

/// What to search for when the search lists unidentified contacts (`unknown`): any text, and
/// a text too short to search lists them all (empty); else as [`term`].
pub fn scoped_term(typed: &str, unknown: bool) -> Option<&str> {
    match term(typed) {
        None if unknown => Some(""),
        found => found,
    }
}

/// A result as its option reads: the name, then the first email and the first phone when there
/// are any ("Findme 03 · findme03@example.org · +493000000003"); a contact without a name
/// shows `t`'s "(no name)" in its place. An unidentified contact says where it came in and
/// when, as `ago` writes a date ("guest-12 · SMS · yesterday").
pub fn label(record: &ContactRecord, t: &Texts, ago: &dyn Fn(&str) -> String) -> String {
    let name = record.shown_name(t).trim();
    let came = record.came.as_ref().filter(|_| record.unknown);
    let source = came.map(|c| c.source.name(t));
    let when = came.and_then(|c| c.at.as_deref()).map(ago);
    [
        Some(name),
        record.email.as_deref(),
        record.phone.as_deref(),
        source.as_deref(),
        when.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// A listed item's key: a page that repeats one already listed (the list moved on the server
/// meanwhile) does not list it twice.
pub trait Keyed {
    /// What tells this item from the others (an id).
    fn key(&self) -> &str;
}

impl Keyed for ContactRecord {
    fn key(&self) -> &str {
        &self.id
    }
}

/// What a paged list has fetched so far (a search's contacts, a contact's conversations, a
/// conversation's messages): the pages, in order, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results<T = ContactRecord> {
    /// What was searched for (empty: the whole list).
    pub term: String,
    /// The items of the pages fetched so far.
    pub found: Vec<T>,
    /// How many the server has in all.
    pub total: usize,
}

impl<T> Default for Results<T> {
    fn default() -> Self {
        Results {
            term: String::new(),
            found: Vec::new(),
            total: 0,
        }
    }
}

impl<T: Keyed> Results<T> {
    /// The first page of a search for `term`.
    pub fn first(term: String, found: Vec<T>, total: usize) -> Self {
        Results { term, found, total }
    }

    /// Whether the server has more than the pages fetched ("Show more").
    pub fn more(&self) -> bool {
        self.total > self.found.len()
    }

    /// Where the next page starts.
    pub fn next_offset(&self) -> usize {
        self.found.len()
    }

    /// Adds the next page; an item already listed (the list moved on the server meanwhile)
    /// is not listed twice.
    pub fn extend(&mut self, page: Vec<T>, total: usize) {
        for item in page {
            if !self.found.iter().any(|r| r.key() == item.key()) {
                self.found.push(item);
            }
        }
        self.total = total;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, name: &str, email: Option<&str>, phone: Option<&str>) -> ContactRecord {
        ContactRecord {
            id: id.into(),
            name: name.into(),
            email: email.map(Into::into),
            phone: phone.map(Into::into),
            ..ContactRecord::default()
        }
    }

    #[test]
    fn a_search_needs_two_characters() {
        assert_eq!(term(" a "), None);
        assert_eq!(term(" ad "), Some("ad"));
        assert_eq!(term("éé"), Some("éé"), "characters, not bytes");
        assert_eq!(term("é"), None);
    }

    #[test]
    fn an_option_reads_name_email_phone() {
        let full = record(
            "c3",
            "Findme 03",
            Some("findme03@example.org"),
            Some("+493000000003"),
        );
        let t = Texts::default();
        let label = |r: &ContactRecord, t: &Texts| label(r, t, &|_| "never".into());
        assert_eq!(
            label(&full, &t),
            "Findme 03 · findme03@example.org · +493000000003"
        );
        assert_eq!(label(&record("c", "Ada", None, Some("+1")), &t), "Ada · +1");
        assert_eq!(label(&record("c", " ", None, None), &t), "(no name)");
    }

    #[test]
    fn an_unidentified_option_says_where_and_when_it_came_in() {
        use crate::domain::record::Came;
        use crate::domain::source::Source;
        let mut guest = record("u", "guest-12", None, Some("+4915700000001"));
        guest.came = Some(Came {
            source: Source {
                kind: "sms".into(),
                alias: None,
            },
            at: Some("2026-12-03T10:00:00Z".into()),
        });
        let t = Texts::default();
        let ago = |iso: &str| format!("ago({iso})");
        assert_eq!(
            label(&guest, &t, &ago),
            "guest-12 · +4915700000001",
            "a known contact does not say it"
        );
        guest.unknown = true;
        assert_eq!(
            label(&guest, &t, &ago),
            "guest-12 · +4915700000001 · SMS · ago(2026-12-03T10:00:00Z)"
        );
        guest.came.as_mut().unwrap().at = None;
        assert_eq!(label(&guest, &t, &ago), "guest-12 · +4915700000001 · SMS");
    }

    #[test]
    fn the_unidentified_list_needs_no_text() {
        assert_eq!(scoped_term("", true), Some(""));
        assert_eq!(scoped_term(" g ", true), Some(""));
        assert_eq!(scoped_term(" gu ", true), Some("gu"));
        assert_eq!(scoped_term("", false), None);
        assert_eq!(scoped_term("gu", false), Some("gu"));
    }

    #[test]
    fn pages_add_up_without_repeating_a_contact() {
        let mut results = Results::first("find".into(), vec![record("a", "A", None, None)], 3);
        assert!(results.more());
        assert_eq!(results.next_offset(), 1);
        results.extend(
            vec![record("a", "A", None, None), record("b", "B", None, None)],
            3,
        );
        assert_eq!(results.found.len(), 2, "a is listed once");
        results.extend(vec![record("c", "C", None, None)], 3);
        assert!(!results.more());
    }
}
