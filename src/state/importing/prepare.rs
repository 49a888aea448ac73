//! The import's flows before anything is sent: a file chosen (or dropped) is read and every row
//! checked by the form's own rules; the file read again in another encoding or with another
//! delimiter; a column mapped anew, and the rows checked again.

use crate::domain::field::Field;
use crate::domain::import::file::{fits, FileError, Sheet};
use crate::domain::sheet::check::{check, Checked, Rules};
use crate::domain::sheet::columns::{guess_all, Column};
use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::encoding::Encoding;
use crate::settings::config::ApiChoice;
use crate::state::form::form_state::FormState;
use crate::state::importing::import_state::ImportState;
use crate::state::widget::session::Session;
use crate::web::file::ChosenFile;
use crate::web::text::{lowercase, regexp_matches};

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
    match Sheet::read(name.clone(), bytes) {
        Ok(sheet) => take(session, form, import, sheet),
        Err(error) => import.refuse(name, error),
    }
}

/// Reads the file again as `encoding`, cells separated by `delimiter` (the agent's choice).
pub fn read_again(
    session: Session,
    form: FormState,
    import: ImportState,
    encoding: Encoding,
    delimiter: Delimiter,
) {
    let again =
        import.with_sheet_now(|s| s.map(|s| (s.file.clone(), s.again(encoding, delimiter))));
    match again {
        Some((_, Ok(sheet))) => take(session, form, import, sheet),
        Some((file, Err(error))) => import.refuse(file, error),
        None => {}
    }
}

/// Column `index` holds `column` from now on.
pub fn map(session: Session, form: FormState, import: ImportState, index: usize, column: Column) {
    let mut columns = import.columns_now();
    let Some(slot) = columns.get_mut(index) else {
        return;
    };
    *slot = column;
    let checked = import
        .with_sheet_now(|s| s.map(|s| check_rows(session, form, s, &columns)))
        .unwrap_or_default();
    import.map(columns, checked);
}

/// Takes `sheet` as the import's file: its columns guessed from the header, its rows checked.
fn take(session: Session, form: FormState, import: ImportState, sheet: Sheet) {
    let labels = session.with_config(|c| c.labels.overrides());
    let labels: Vec<(Field, String)> = Field::ALL
        .into_iter()
        .filter_map(|f| {
            let label = labels.iter().find(|(t, _)| *t == f.label())?;
            Some((f, label.1.clone()))
        })
        .collect();
    let columns = guess_all(&sheet.table.header, &labels, &form.custom().shown_now());
    let checked = check_rows(session, form, &sheet, &columns);
    import.read(sheet, columns, checked);
}

/// Every row of `sheet` checked, its columns holding `columns`.
pub fn check_rows(
    session: Session,
    form: FormState,
    sheet: &Sheet,
    columns: &[Column],
) -> Vec<Checked> {
    let custom = form.custom().shown_now();
    let rules = Rules {
        columns,
        custom: &custom,
        center: session.with_config(|c| c.api == ApiChoice::Contacts),
        lower: lowercase,
        matches: &regexp_matches,
    };
    check(&sheet.table, &rules)
}
