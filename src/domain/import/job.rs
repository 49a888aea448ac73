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
use crate::domain::sheet::read::records;
use crate::domain::sheet::read::Row;
use crate::domain::sheet::write::write;

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

/// A row of the job: the file's row and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    /// The line the row starts on.
    pub line: usize,
    /// Its cells, as read.
    pub cells: Vec<String>,
    /// Where it stands.
    pub outcome: Outcome,
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
    /// The header's cells.
    pub header: Vec<String>,
    /// What each column holds ([`column_key`]).
    pub columns: Vec<String>,
    /// What to do with an existing contact.
    pub existing: Existing,
    /// Every row, in the file's order.
    pub rows: Vec<JobRow>,
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
    /// A new job over `rows`, none of them sent.
    pub fn new(file: &str, delimiter: char, header: Vec<String>, rows: Vec<Row>) -> Self {
        Job {
            version: VERSION,
            file: file.to_owned(),
            delimiter,
            header,
            columns: Vec::new(),
            existing: Existing::AddWhatIsNew,
            rows: rows
                .into_iter()
                .map(|r| JobRow {
                    line: r.line,
                    cells: r.cells,
                    outcome: Outcome::Waiting,
                })
                .collect(),
        }
    }

    /// The stored text.
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
        let head = [meta, strs("h", &self.header), strs("c", &self.columns)];
        let rows: Vec<(String, [String; 4], &[String])> = self
            .rows
            .iter()
            .map(|r| (r.line.to_string(), outcome_cells(&r.outcome), &r.cells[..]))
            .collect();
        let rows = rows.iter().map(|(line, outcome, cells)| {
            let cells = cells.iter().map(String::as_str);
            let line = std::iter::once(line.as_str());
            line.chain(outcome.iter().map(String::as_str))
                .chain(cells)
                .collect()
        });
        let all: Vec<Vec<&str>> = head.into_iter().chain(rows).collect();
        write(all.iter().map(|r| r.iter().copied()), Delimiter::Comma)
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
        let rows = lines
            .map(|mut cells| {
                if cells.len() < 5 {
                    return None;
                }
                let line = cells[0].parse().ok()?;
                let outcome = outcome_of(&cells[1..5])?;
                Some(JobRow {
                    line,
                    cells: cells.split_off(5),
                    outcome,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Job {
            version,
            file: file.clone(),
            delimiter: delimiter.chars().next()?,
            header,
            columns,
            existing,
            rows,
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
        self.rows
            .iter()
            .position(|r| matches!(r.outcome, Outcome::InFlight { .. }))
            .or_else(|| self.rows.iter().position(|r| r.outcome == Outcome::Waiting))
    }

    /// Each row not imported so far, by line, with why (in the file's order).
    pub fn failures(&self) -> Vec<(usize, String)> {
        self.rows
            .iter()
            .filter_map(|r| Some((r.line, r.outcome.reason()?.to_owned())))
            .collect()
    }

    /// Row `index` came to `outcome`.
    pub fn set(&mut self, index: usize, outcome: Outcome) {
        if let Some(row) = self.rows.get_mut(index) {
            row.outcome = outcome;
        }
    }

    /// The counts so far.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for row in &self.rows {
            match row.outcome {
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
        let rows = (0..4)
            .map(|i| Row {
                line: i + 2,
                cells: vec![format!("Name {i}"), format!("n{i}@x.org")],
            })
            .collect();
        let mut job = Job::new(
            "contacts.csv",
            ';',
            vec!["Name".into(), "E-Mail".into()],
            rows,
        );
        job.map(&[Column::Field(Field::Name), Column::Custom("tier".into())]);
        job
    }

    #[test]
    fn a_job_reads_back_as_stored_with_its_mapping() {
        let mut job = job();
        job.rows[0].outcome = Outcome::Created { id: "c1".into() };
        job.rows[1].outcome = Outcome::InFlight {
            token: "t".into(),
            since: Some("2026-12-04T10:00:00Z".into()),
            adding: None,
        };
        job.rows[2].outcome = Outcome::NotSent {
            reason: "Name is required.".into(),
        };
        job.rows[3].outcome = Outcome::Failed {
            reason: "Say \"no\", twice,\nthen stop.".into(),
        };
        job.rows[0]
            .cells
            .push("=a cell, with \"quotes\"\r\nand lines".into());
        let back = Job::decode(&job.encode()).expect("reads back");
        assert_eq!(back, job);
        for row in &job.rows {
            let stored = encode_outcome(&row.outcome);
            assert_eq!(decode_outcome(&stored).as_ref(), Some(&row.outcome));
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
    fn the_row_in_flight_comes_first_then_the_waiting_ones() {
        let mut job = job();
        assert_eq!(job.next(), Some(0));
        job.rows[0].outcome = Outcome::Created { id: "c1".into() };
        job.rows[2].outcome = Outcome::InFlight {
            token: "t".into(),
            since: None,
            adding: Some("c9".into()),
        };
        assert_eq!(job.next(), Some(2), "checked on the server before the rest");
        for row in &mut job.rows {
            row.outcome = Outcome::Skipped;
        }
        assert_eq!(job.next(), None);
    }

    #[test]
    fn the_tally_counts_each_outcome() {
        let mut job = job();
        job.rows[0].outcome = Outcome::Created { id: "a".into() };
        job.rows[1].outcome = Outcome::Updated { id: "b".into() };
        job.rows[2].outcome = Outcome::Failed {
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
