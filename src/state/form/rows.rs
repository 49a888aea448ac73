//! The further email and phone rows of a Contact Center contact ("Email 2", "Phone 3", …): what
//! is typed in each, in the order shown. The first email and phone are ordinary inputs; their
//! marks, like every row's, are kept with the other inputs' marks.

use crate::domain::field::Field;
use leptos::prelude::*;

/// The rows after the first, for emails and for phones (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Rows {
    /// Email rows 1 and on, then phone rows 1 and on.
    lists: [RwSignal<Vec<String>>; 2],
    /// How many rows each list has: the view redraws the rows when this changes, not on
    /// every keystroke in one of them.
    counts: [Memo<usize>; 2],
}

/// Which list holds `field`'s further rows (only emails and phones have any).
fn slot(field: Field) -> usize {
    usize::from(field == Field::Phone)
}

impl Rows {
    /// The rows holding `emails` and `phones` (as typed).
    pub fn new(emails: Vec<String>, phones: Vec<String>) -> Self {
        let lists = [emails, phones].map(RwSignal::new);
        let counts = lists.map(|list| Memo::new(move |_| list.with(Vec::len)));
        Rows { lists, counts }
    }

    fn list(&self, field: Field) -> RwSignal<Vec<String>> {
        self.lists[slot(field)]
    }

    /// How many further rows `field` has (tracked: changes when one is added or removed).
    pub fn count(&self, field: Field) -> usize {
        self.counts[slot(field)].get()
    }

    /// What row `row` (from 1) of `field` holds, for the view that shows it.
    pub fn value(&self, field: Field, row: usize) -> Signal<String> {
        let list = self.list(field);
        Signal::derive(move || list.with(|l| l.get(row - 1).cloned().unwrap_or_default()))
    }

    /// Replaces what row `row` (from 1) of `field` holds.
    pub fn set(&self, field: Field, row: usize, value: String) {
        self.list(field).update(|l| {
            if let Some(slot) = l.get_mut(row - 1) {
                *slot = value;
            }
        });
    }

    /// Adds an empty row to `field`; gives its number.
    pub fn add(&self, field: Field) -> usize {
        let list = self.list(field);
        list.update(|l| l.push(String::new()));
        list.with_untracked(Vec::len)
    }

    /// Removes row `row` (from 1) of `field`; the rows after it move up.
    pub fn remove(&self, field: Field, row: usize) {
        self.list(field).update(|l| {
            if row >= 1 && row <= l.len() {
                l.remove(row - 1);
            }
        });
    }

    /// What `field`'s further rows hold now.
    pub fn values(&self, field: Field) -> Vec<String> {
        self.list(field).get_untracked()
    }

    /// Whether every further row of `field` is empty (or there is none).
    pub fn blank(&self, field: Field) -> bool {
        self.list(field)
            .with_untracked(|l| l.iter().all(|v| v.trim().is_empty()))
    }

    /// Replaces `field`'s further rows.
    pub fn replace(&self, field: Field, values: Vec<String>) {
        self.list(field).set(values);
    }

    /// Removes every further row.
    pub fn clear(&self) {
        for list in self.lists {
            list.set(Vec::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_added_edited_and_removed_in_place() {
        let rows = Rows::new(vec!["b@x.co".into()], Vec::new());
        assert_eq!(rows.count(Field::Email), 1);
        assert_eq!(rows.add(Field::Email), 2);
        rows.set(Field::Email, 2, "c@x.co".into());
        assert_eq!(rows.add(Field::Phone), 1);
        assert_eq!(rows.values(Field::Email), ["b@x.co", "c@x.co"]);
        rows.remove(Field::Email, 1);
        assert_eq!(rows.values(Field::Email), ["c@x.co"]);
        assert_eq!(rows.value(Field::Email, 1).get_untracked(), "c@x.co");
        rows.remove(Field::Email, 5);
        assert_eq!(rows.count(Field::Email), 1, "no such row: nothing goes");
        assert!(rows.blank(Field::Phone) && !rows.blank(Field::Email));
        rows.clear();
        assert_eq!(rows.count(Field::Email) + rows.count(Field::Phone), 0);
    }
}
