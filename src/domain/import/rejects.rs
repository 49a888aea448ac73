//! The file of the rows not imported: the file's own header and delimiter, each row not
//! imported as it was read, with a last column saying why; for a spreadsheet to open (a UTF-8
//! BOM, cells a spreadsheet would run as formulas made plain text), so the agent can fix the
//! rows and import that file.

use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::read::Table;
use crate::domain::sheet::write::for_spreadsheets;
use std::borrow::Cow;

/// The rows of `table` that `failures` names by line, each with its reason under `reason`.
pub fn rows_not_imported(
    table: &Table,
    failures: &[(usize, String)],
    reason: &str,
    delimiter: Delimiter,
) -> String {
    let header = table.header.iter().map(String::as_str).chain([reason]);
    let rows = failures.iter().filter_map(|(line, why)| {
        let row = table.on_line(*line)?;
        Some(row.into_cells().chain([Cow::Borrowed(why.as_str())]))
    });
    let header = header.map(Cow::Borrowed);
    let all: Vec<Vec<Cow<str>>> = std::iter::once(header.collect())
        .chain(rows.map(Iterator::collect))
        .collect();
    for_spreadsheets(all.iter().map(|r| r.iter().map(|c| c.as_ref())), delimiter)
}

/// The name of the file of the rows not imported from `file`: `contacts.csv` gives
/// `contacts-not-imported.csv`.
pub fn file_name(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem).trim();
    let stem = if stem.is_empty() { "contacts" } else { stem };
    format!("{stem}-not-imported.csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sheet::read::read;

    #[test]
    fn the_rows_not_imported_keep_the_files_columns_and_delimiter_with_why() {
        let table = read(
            "Name;Phone\nAda;+44 20 7946 0958\nBob;=1+1\nCarl;0044\n",
            Delimiter::Semicolon,
        );
        let failures = [
            (3, "Too short; try again".to_owned()),
            (4, "No such number".to_owned()),
        ];
        let text = rows_not_imported(&table, &failures, "Reason", Delimiter::Semicolon);
        assert_eq!(
            text,
            "\u{FEFF}Name;Phone;Reason\r\nBob;'=1+1;\"Too short; try again\"\r\nCarl;0044;No such number\r\n"
        );
    }

    #[test]
    fn its_name_follows_the_files() {
        assert_eq!(file_name("kontakte.csv"), "kontakte-not-imported.csv");
        assert_eq!(file_name("my.contacts.txt"), "my.contacts-not-imported.csv");
        assert_eq!(file_name("plain"), "plain-not-imported.csv");
        assert_eq!(file_name(".csv"), "contacts-not-imported.csv");
    }
}
