//! An import as it is stored while it runs: the file's rows as read, what each column holds,
//! what to do with a contact that exists, and each row's outcome. It is written after every
//! row, so a reload, a closed tab, a crash or a sign-out resumes where it stopped, and a row
//! that was in flight when the page went keeps the token (and the time) it was sent with: the
//! one write then checks the server for what it made before sending it again. The rows' checks
//! are not stored: they are made again from the rows, by the same rules, on resume.
//!
//! It is stored as CSV, by the import's own writer and reader (no serde in the part): a first
//! line `omnichannel-contact-form import,<version>,<file>,<delimiter>,add|skip`, `h` and the
//! header, `c` and the columns ([`column_key`]), then a line per row: its line number, its outcome in four cells
//! ([`outcome_cells`]) and its cells. A row's outcome alone is one such line of four cells.

use crate::domain::field::Field;
use crate::domain::sheet::columns::Column;
use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::read::{records, Record, Table};
use crate::domain::sheet::write::{write, write_row};
use std::borrow::Cow;
use std::sync::Arc;

/// The stored format's version: a later one reads this one too.
pub const VERSION: u32 = 1;

/// What to do with a row whose email or phone belongs to a contact on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Add its new emails and phones and fill the contact's empty fields; nothing removed.
    AddWhatIsNew,
    /// Leave that contact as it is.
    Skip,
}

/// Where a row stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not sent yet.
    Waiting,
    /// Sent with this token (a Contact Center create: first sent at `since`), answer not read.
    InFlight {
        /// The token the row is saved with, every try.
        token: String,
        /// When its first Contact Center create went (ISO 8601).
        since: Option<String>,
        /// The existing contact it was adding to ("Add what is new"), if it was.
        adding: Option<String>,
    },
    /// Made a new contact.
    Created {
        /// Its id.
        id: String,
    },
    /// Added to an existing contact.
    Updated {
        /// Its id.
        id: String,
    },
    /// Left out: it exists and the choice was Skip, or nothing was new.
    Skipped,
    /// Sent and not imported, and why (in the words shown, for the file of rows not imported).
    Failed {
        /// The reason.
        reason: String,
    },
    /// Never sent: it has errors, or repeats an earlier row of the file; and why.
    NotSent {
        /// The reason.
        reason: String,
    },
}

impl Outcome {
    /// Why the row was not imported, if it was not.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Outcome::Failed { reason } | Outcome::NotSent { reason } => Some(reason),
            _ => None,
        }
    }
}

/// A stored import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The stored format's version ([`VERSION`]).
    pub version: u32,
    /// The file's name, as the agent chose it.
    pub file: String,
    /// The file's delimiter (for the rows not imported, written back the same way).
    pub delimiter: char,
    /// The file's header and rows, as read (shared with the sheet they were read into, not
    /// copied).
    pub table: Arc<Table>,
    /// What each column holds ([`column_key`]).
    pub columns: Vec<String>,
    /// What to do with an existing contact.
    pub existing: Existing,
    /// Each row's outcome, in the table's order.
    pub outcomes: Vec<Outcome>,
}

/// How many rows ended which way: the `contacts-imported` event's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// New contacts.
    pub created: usize,
    /// Existing contacts added to.
    pub updated: usize,
    /// Left out on purpose.
    pub skipped: usize,
    /// Sent and not imported.
    pub failed: usize,
    /// Never sent (with errors, or repeated in the file).
    pub unsent: usize,
    /// Not done yet (waiting or in flight).
    pub left: usize,
}

impl Job {
    /// A new job over `table`'s rows, none of them sent.
    pub fn new(file: &str, delimiter: char, table: Arc<Table>) -> Self {
        Job {
            version: VERSION,
            file: file.to_owned(),
            delimiter,
            outcomes: vec![Outcome::Waiting; table.len()],
            table,
            columns: Vec::new(),
            existing: Existing::AddWhatIsNew,
        }
    }

    /// How many rows it has.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether it has no rows.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The line row `index` starts on (0 for no such row).
    pub fn line(&self, index: usize) -> usize {
        self.table.row(index).map_or(0, |r| r.line)
    }

    /// Where row `index` stands.
    pub fn outcome(&self, index: usize) -> Option<&Outcome> {
        self.outcomes.get(index)
    }

    /// The stored text, written a row at a time.
    pub fn encode(&self) -> String {
        let existing = match self.existing {
            Existing::AddWhatIsNew => "add",
            Existing::Skip => "skip",
        };
        let version = VERSION.to_string();
        let delimiter = self.delimiter.to_string();
        let meta = vec![MAGIC, &version, &self.file, &delimiter, existing];
        // The header and the columns behind a first cell of their own, so that neither is ever
        // a blank line (which the reader skips).
        let head = [
            meta,
            strs("h", &self.table.header),
            strs("c", &self.columns),
        ];
        let mut out = String::new();
        for row in head {
            write_row(&mut out, row, Delimiter::Comma);
        }
        for (index, row) in self.table.rows().enumerate() {
            let line = row.line.to_string();
            let outcome = outcome_cells(self.outcome(index).unwrap_or(&Outcome::Waiting));
            let first = std::iter::once(line.as_str()).chain(outcome.iter().map(String::as_str));
            let cells = first.map(Cow::Borrowed).chain(row.cells());
            write_row(&mut out, cells, Delimiter::Comma);
        }
        out
    }

    /// A stored job read back; `None` for a text that is not one (or of a later version).
    pub fn decode(text: &str) -> Option<Job> {
        let mut lines = records(text, Delimiter::Comma).map(|r| r.cells);
        let meta = lines.next()?;
        let [magic, version, file, delimiter, existing] = &meta[..] else {
            return None;
        };
        let version: u32 = version.parse().ok()?;
        if magic != MAGIC || version > VERSION {
            return None;
        }
        let existing = match existing.as_str() {
            "add" => Existing::AddWhatIsNew,
            "skip" => Existing::Skip,
            _ => return None,
        };
        let after = |cells: Vec<String>, first: &str| {
            let mut cells = cells.into_iter();
            (cells.next()? == first).then(|| cells.collect::<Vec<_>>())
        };
        let header = after(lines.next()?, "h")?;
        let columns = after(lines.next()?, "c")?;
        let mut outcomes = Vec::new();
        let mut unread = false;
        // Each row goes into the table as it is read: the stored rows are not all held as
        // strings first.
        let rows = lines.map_while(|mut cells| {
            let row = (cells.len() >= 5)
                .then(|| Some((cells[0].parse().ok()?, outcome_of(&cells[1..5])?)))
                .flatten();
            let Some((line, outcome)) = row else {
                unread = true;
                return None;
            };
            outcomes.push(outcome);
            let cells = cells.split_off(5);
            Some(Record { line, cells })
        });
        let table = Table::of_rows(header, rows);
        if unread {
            return None;
        }
        Some(Job {
            version,
            file: file.clone(),
            delimiter: delimiter.chars().next()?,
            table: Arc::new(table),
            columns,
            existing,
            outcomes,
        })
    }

    /// What each column holds.
    pub fn mapping(&self) -> Vec<Column> {
        self.columns.iter().map(|k| column_of(k)).collect()
    }

    /// Keeps `columns` as the mapping.
    pub fn map(&mut self, columns: &[Column]) {
        self.columns = columns.iter().map(column_key).collect();
    }

    /// The first row not done (a row in flight first of all), if any.
    pub fn next(&self) -> Option<usize> {
        let outcomes = &self.outcomes;
        outcomes
            .iter()
            .position(|o| matches!(o, Outcome::InFlight { .. }))
            .or_else(|| outcomes.iter().position(|o| *o == Outcome::Waiting))
    }

    /// Each row not imported so far, by line, with why (in the file's order).
    pub fn failures(&self) -> Vec<(usize, String)> {
        let outcomes = self.outcomes.iter().enumerate();
        outcomes
            .filter_map(|(i, o)| Some((self.line(i), o.reason()?.to_owned())))
            .collect()
    }

    /// Row `index` came to `outcome`.
    pub fn set(&mut self, index: usize, outcome: Outcome) {
        if let Some(slot) = self.outcomes.get_mut(index) {
            *slot = outcome;
        }
    }

    /// The counts so far.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for outcome in &self.outcomes {
            match outcome {
                Outcome::Waiting | Outcome::InFlight { .. } => tally.left += 1,
                Outcome::Created { .. } => tally.created += 1,
                Outcome::Updated { .. } => tally.updated += 1,
                Outcome::Skipped => tally.skipped += 1,
                Outcome::Failed { .. } => tally.failed += 1,
                Outcome::NotSent { .. } => tally.unsent += 1,
            }
        }
        tally
    }
}

/// The first cell of a stored job.
const MAGIC: &str = "omnichannel-contact-form import";

/// `first`, then `cells`.
fn strs<'a>(first: &'a str, cells: &'a [String]) -> Vec<&'a str> {
    std::iter::once(first)
        .chain(cells.iter().map(String::as_str))
        .collect()
}

/// An outcome as four cells: a letter for its kind, then what it holds.
pub fn outcome_cells(outcome: &Outcome) -> [String; 4] {
    let cells = |kind: &str, a: &str, b: Option<&str>, c: Option<&str>| {
        let or_empty = |v: Option<&str>| v.unwrap_or_default().to_owned();
        [kind.to_owned(), a.to_owned(), or_empty(b), or_empty(c)]
    };
    match outcome {
        Outcome::Waiting => cells("W", "", None, None),
        Outcome::InFlight {
            token,
            since,
            adding,
        } => cells("F", token, since.as_deref(), adding.as_deref()),
        Outcome::Created { id } => cells("C", id, None, None),
        Outcome::Updated { id } => cells("U", id, None, None),
        Outcome::Skipped => cells("S", "", None, None),
        Outcome::Failed { reason } => cells("X", reason, None, None),
        Outcome::NotSent { reason } => cells("N", reason, None, None),
    }
}

/// Four cells read back as an outcome (`None`: not one).
pub fn outcome_of(cells: &[String]) -> Option<Outcome> {
    let [kind, a, b, c] = cells else {
        return None;
    };
    let some = |v: &String| (!v.is_empty()).then(|| v.clone());
    Some(match kind.as_str() {
        "W" => Outcome::Waiting,
        "F" => Outcome::InFlight {
            token: a.clone(),
            since: some(b),
            adding: some(c),
        },
        "C" => Outcome::Created { id: a.clone() },
        "U" => Outcome::Updated { id: a.clone() },
        "S" => Outcome::Skipped,
        "X" => Outcome::Failed { reason: a.clone() },
        "N" => Outcome::NotSent { reason: a.clone() },
        _ => return None,
    })
}

/// A row's outcome as stored on its own: one line of [`outcome_cells`].
pub fn encode_outcome(outcome: &Outcome) -> String {
    let cells = outcome_cells(outcome);
    write([cells.iter().map(String::as_str)], Delimiter::Comma)
}

/// A row's outcome stored on its own, read back.
pub fn decode_outcome(text: &str) -> Option<Outcome> {
    outcome_of(&records(text, Delimiter::Comma).next()?.cells)
}

/// A column as stored: `ignore`, a field's input name (`name`, `email`, `phone`,
/// `contactManager`) or `custom:<id>`.
pub fn column_key(column: &Column) -> String {
    match column {
        Column::Ignore => "ignore".to_owned(),
        Column::Field(field) => field.input_name().to_owned(),
        Column::Custom(id) => format!("custom:{id}"),
    }
}

/// A stored column read back (anything unknown is ignored).
pub fn column_of(key: &str) -> Column {
    if let Some(id) = key.strip_prefix("custom:") {
        return Column::Custom(id.to_owned());
    }
    Field::ALL
        .into_iter()
        .find(|f| f.input_name() == key)
        .map_or(Column::Ignore, Column::Field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job() -> Job {
        let rows = (0..4).map(|i| Record {
            line: i + 2,
            cells: vec![format!("Name {i}"), format!("n{i}@x.org")],
        });
        let mut rows: Vec<Record> = rows.collect();
        rows[0]
            .cells
            .push("=a cell, with \"quotes\"\r\nand lines".into());
        let header = vec!["Name".into(), "E-Mail".into()];
        let table = Table::of_rows(header, rows);
        let mut job = Job::new("contacts.csv", ';', Arc::new(table));
        job.map(&[Column::Field(Field::Name), Column::Custom("tier".into())]);
        job
    }

    #[test]
    fn a_job_reads_back_as_stored_with_its_mapping() {
        let mut job = job();
        job.outcomes[0] = Outcome::Created { id: "c1".into() };
        job.outcomes[1] = Outcome::InFlight {
            token: "t".into(),
            since: Some("2026-12-04T10:00:00Z".into()),
            adding: None,
        };
        job.outcomes[2] = Outcome::NotSent {
            reason: "Name is required.".into(),
        };
        job.outcomes[3] = Outcome::Failed {
            reason: "Say \"no\", twice,\nthen stop.".into(),
        };
        let back = Job::decode(&job.encode()).expect("reads back");
        assert_eq!(back, job);
        for outcome in &job.outcomes {
            let stored = encode_outcome(outcome);
            assert_eq!(decode_outcome(&stored).as_ref(), Some(outcome));
        }
        assert_eq!(
            back.mapping(),
            [Column::Field(Field::Name), Column::Custom("tier".into())]
        );
        assert_eq!(Job::decode("not json"), None);
        let later = job.encode().replacen(",1,", ",2,", 1);
        assert_eq!(
            Job::decode(&later),
            None,
            "a later format is not guessed at"
        );
    }

    #[test]
    fn a_job_stored_by_the_last_release_reads_back() {
        let stored = "omnichannel-contact-form import,1,contacts.csv,;,skip\r\nh,Name,E-Mail\r\nc,name,ignore\r\n2,C,c1,,,Ada,ada@x.org\r\n3,F,tok,2026-12-04T10:00:00Z,,\"Bob, B\",bob@x.org\r\n";
        let job = Job::decode(stored).expect("reads");
        assert_eq!(job.table.header, ["Name", "E-Mail"]);
        assert_eq!(job.existing, Existing::Skip);
        assert_eq!(job.line(1), 3);
        assert_eq!(
            job.table.row(1).map(|r| r.to_vec()),
            Some(vec!["Bob, B".to_owned(), "bob@x.org".to_owned()])
        );
        assert_eq!(job.outcome(0), Some(&Outcome::Created { id: "c1".into() }));
        assert_eq!(job.encode(), stored, "written back the same way");
        assert_eq!(Job::decode(&stored.replace("3,F", "3,Q")), None);
    }

    #[test]
    fn the_row_in_flight_comes_first_then_the_waiting_ones() {
        let mut job = job();
        assert_eq!(job.next(), Some(0));
        job.outcomes[0] = Outcome::Created { id: "c1".into() };
        job.outcomes[2] = Outcome::InFlight {
            token: "t".into(),
            since: None,
            adding: Some("c9".into()),
        };
        assert_eq!(job.next(), Some(2), "checked on the server before the rest");
        for outcome in &mut job.outcomes {
            *outcome = Outcome::Skipped;
        }
        assert_eq!(job.next(), None);
    }

    #[test]
    fn the_tally_counts_each_outcome() {
        let mut job = job();
        job.outcomes[0] = Outcome::Created { id: "a".into() };
        job.outcomes[1] = Outcome::Updated { id: "b".into() };
        job.outcomes[2] = Outcome::Failed {
            reason: "Name is required.".into(),
        };
        job.set(
            3,
            Outcome::NotSent {
                reason: "Row 2 repeated.".into(),
            },
        );
        job.set(9, Outcome::Skipped);
        assert_eq!(
            job.tally(),
            Tally {
                created: 1,
                updated: 1,
                skipped: 0,
                failed: 1,
                unsent: 1,
                left: 0
            }
        );
        assert_eq!(
            job.failures(),
            [
                (4, "Name is required.".to_owned()),
                (5, "Row 2 repeated.".to_owned())
            ]
        );
    }

    #[test]
    fn every_column_reads_back_and_an_unknown_one_is_ignored() {
        let mut columns: Vec<Column> = Field::ALL.into_iter().map(Column::Field).collect();
        columns.extend([Column::Ignore, Column::Custom("a:b".into())]);
        for column in columns {
            assert_eq!(column_of(&column_key(&column)), column);
        }
        assert_eq!(column_of("surname"), Column::Ignore);
    }
}
