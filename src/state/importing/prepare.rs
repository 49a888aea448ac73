//! The import's flows before anything is sent: a file chosen (or dropped) is read and every row
//! checked by the form's own rules; the file read again in another encoding or with another
//! delimiter; a column mapped anew, and the rows checked again. A large file is read and
//! checked [`SLICE`] rows at a time, the page answering in between.

use crate::domain::custom_fields::CustomField;
use crate::domain::field::Field;
use crate::domain::import::file::{decode, fits, FileError, Sheet, MAX_ROWS};
use crate::domain::sheet::check::{Checked, Checker, Rules};
use crate::domain::sheet::columns::{guess_all, Column};
use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::encoding::Encoding;
use crate::domain::sheet::read::{Reader, Table};
use crate::settings::config::ApiChoice;
use crate::state::form::form_state::FormState;
use crate::state::importing::import_state::ImportState;
use crate::state::widget::session::Session;
use crate::web::file::ChosenFile;
use crate::web::text::{lowercase, regexp_matches};
use crate::web::timer::wait;
use std::sync::Arc;

/// Rows read, or checked, between two turns of the page (a few milliseconds' work).
pub const SLICE: usize = 2_000;

/// Reads `file` and checks its rows: refused in words when it is too large (before reading),
/// unreadable, empty or too long.
pub async fn choose(session: Session, form: FormState, import: ImportState, file: ChosenFile) {
    let name = file.name();
    if let Err(error) = fits(file.size()) {
        import.refuse(name, error);
        return;
    }
    import.reading(name.clone());
    let Some(bytes) = file.bytes().await else {
        import.refuse(name, FileError::Unreadable);
        return;
    };
    let encoding = Encoding::of(&bytes);
    match read(name.clone(), bytes, encoding, None).await {
        Ok(sheet) => take(session, form, import, sheet).await,
        Err(error) => import.refuse(name, error),
    }
}

/// Reads the file again as `encoding`, cells separated by `delimiter` (the agent's choice).
pub async fn read_again(
    session: Session,
    form: FormState,
    import: ImportState,
    encoding: Encoding,
    delimiter: Delimiter,
) {
    let Some(sheet) = import.sheet_now() else {
        return;
    };
    let (file, bytes) = (sheet.file.clone(), sheet.bytes().into_owned());
    drop(sheet);
    match read(file.clone(), bytes, encoding, Some(delimiter)).await {
        Ok(sheet) => take(session, form, import, sheet).await,
        Err(error) => import.refuse(file, error),
    }
}

/// Column `index` holds `column` from now on, and the rows are checked again by it (a later
/// choice made meanwhile checks them itself: this one's verdicts are dropped).
pub async fn map(
    session: Session,
    form: FormState,
    import: ImportState,
    index: usize,
    column: Column,
) {
    let mut columns = import.columns_now();
    let Some(slot) = columns.get_mut(index) else {
        return;
    };
    *slot = column;
    let Some(sheet) = import.sheet_now() else {
        return;
    };
    import.choose_columns(columns.clone());
    let checked = check_rows(session, form, &sheet.table, &columns).await;
    if import.try_columns_now().as_ref() == Some(&columns) {
        import.map(columns, checked);
    }
}

/// Reads `bytes` as `encoding`, cells separated by `delimiter` (else the one found), a slice
/// of rows at a time.
async fn read(
    file: String,
    bytes: Vec<u8>,
    encoding: Encoding,
    delimiter: Option<Delimiter>,
) -> Result<Sheet, FileError> {
    fits(bytes.len() as f64)?;
    let (text, kept) = decode(bytes, encoding);
    let delimiter = delimiter.unwrap_or_else(|| Delimiter::of(&text));
    let mut reader = Reader::new(text, delimiter).limit(MAX_ROWS);
    while reader.read(SLICE) {
        wait(0).await;
    }
    Sheet::of(file, kept, encoding, delimiter, reader)
}

/// Takes `sheet` as the import's file: its columns guessed from the header, its rows checked.
async fn take(session: Session, form: FormState, import: ImportState, sheet: Sheet) {
    let labels = session.with_config(|c| c.labels.overrides());
    let labels: Vec<(Field, String)> = Field::ALL
        .into_iter()
        .filter_map(|f| {
            let label = labels.iter().find(|(t, _)| *t == f.label())?;
            Some((f, label.1.clone()))
        })
        .collect();
    let columns = guess_all(&sheet.table.header, &labels, &form.custom().shown_now());
    let checked = check_rows(session, form, &sheet.table, &columns).await;
    import.read(Arc::new(sheet), columns, checked);
}

/// What this session checks a row by: the custom fields the form shows now, and which API
/// takes the contacts. The check before sending and the send itself use the same.
pub struct Checks {
    custom: Vec<CustomField>,
    center: bool,
}

impl Checks {
    /// As `session` and `form` stand now.
    pub fn now(session: Session, form: FormState) -> Checks {
        Checks {
            custom: form.custom().shown_now(),
            center: session.with_config(|c| c.api == ApiChoice::Contacts),
        }
    }

    /// The rules for rows whose columns hold `columns`.
    pub fn rules<'a>(&'a self, columns: &'a [Column]) -> Rules<'a> {
        Rules {
            columns,
            custom: &self.custom,
            center: self.center,
            lower: lowercase,
            matches: &regexp_matches,
        }
    }
}

/// Every row of `table` checked, its columns holding `columns`, a slice at a time.
pub async fn check_rows(
    session: Session,
    form: FormState,
    table: &Table,
    columns: &[Column],
) -> Vec<Checked> {
    let checks = Checks::now(session, form);
    let rules = checks.rules(columns);
    let mut checker = Checker::default();
    while checker.check(table, SLICE, &rules) {
        wait(0).await;
    }
    checker.done()
}
