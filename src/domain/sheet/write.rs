//! Rows written back as CSV for a spreadsheet (the rows not imported, the template): cells
//! quoted where they hold the delimiter, a quote or a line break, lines ended with CRLF, and
//! for a file meant to be opened ([`for_spreadsheets`]) a UTF-8 BOM first, so that Excel reads
//! it as UTF-8, and every cell a spreadsheet would run as a formula made plain text.

use crate::domain::sheet::delimiter::Delimiter;

/// `rows` as CSV text, a CRLF after each.
pub fn write<'a, R>(rows: impl IntoIterator<Item = R>, delimiter: Delimiter) -> String
where
    R: IntoIterator<Item = &'a str>,
{
    let mut out = String::new();
    for row in rows {
        write_row(&mut out, row, delimiter);
    }
    out
}

/// One row written onto `out`, a CRLF after it (a large file's rows one at a time, without a
/// list of them all first).
pub fn write_row<S: AsRef<str>>(
    out: &mut String,
    row: impl IntoIterator<Item = S>,
    delimiter: Delimiter,
) {
    for (i, cell) in row.into_iter().enumerate() {
        if i > 0 {
            out.push(delimiter.char());
        }
        quoted(out, cell.as_ref(), delimiter);
    }
    out.push_str("\r\n");
}

/// [`write`] for a spreadsheet to open: a BOM first, every cell made [`inert`].
pub fn for_spreadsheets<'a, R>(rows: impl IntoIterator<Item = R>, delimiter: Delimiter) -> String
where
    R: IntoIterator<Item = &'a str>,
{
    let safe: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| row.into_iter().map(inert).collect())
        .collect();
    let text = write(
        safe.iter().map(|row| row.iter().map(String::as_str)),
        delimiter,
    );
    format!("\u{FEFF}{text}")
}

/// A cell a spreadsheet shows as text, never runs: one that begins with `=`, `+`, `-`, `@`, a
/// tab or a CR gets a leading `'` (OWASP's advice against CSV injection; `'+4930123456` still
/// reads as the phone number).
pub fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn quoted(out: &mut String, cell: &str, delimiter: Delimiter) {
    if cell.contains([delimiter.char(), '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_where_they_must_be() {
        let rows = [["Doe; Jane", "say \"hi\"", "a\nb", "plain, comma"]];
        assert_eq!(
            write(rows.iter().map(|r| r.iter().copied()), Delimiter::Semicolon),
            "\"Doe; Jane\";\"say \"\"hi\"\"\";\"a\nb\";plain, comma\r\n"
        );
    }

    #[test]
    fn a_file_for_spreadsheets_has_a_bom_and_no_formula() {
        let rows = [
            vec!["name", "phone", "reason"],
            vec!["=HYPERLINK(\"x\")", "+4930123456", "-1"],
            vec!["@SUM(A1)", "\tx", "fine"],
        ];
        let text = for_spreadsheets(rows.iter().map(|r| r.iter().copied()), Delimiter::Comma);
        assert_eq!(
            text,
            "\u{FEFF}name,phone,reason\r\n\"'=HYPERLINK(\"\"x\"\")\",'+4930123456,'-1\r\n'@SUM(A1),'\tx,fine\r\n"
        );
    }
}
