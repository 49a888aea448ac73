//! A CSV text as a header and rows, read the liberal way RFC 4180 asks of a reader: cells quoted
//! with `"` (a `""` inside is one quote) may hold the delimiter and line breaks; lines end with
//! LF, CR or CRLF, the last one or not; blank lines are skipped; a row of another length than
//! the header is kept as it is, for the checks to report on its own line. Nothing here fails:
//! any text reads as some table.

use crate::domain::sheet::delimiter::Delimiter;

/// One row of the file, with the line it starts on (1 is the file's first line), as the agent
/// finds it in a text editor or a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line the row starts on.
    pub line: usize,
    /// Its cells, as written (quotes removed).
    pub cells: Vec<String>,
}

/// A file read: its first row is the header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The header's cells (no header: empty).
    pub header: Vec<String>,
    /// The rows after it, blank ones left out.
    pub rows: Vec<Row>,
}

/// Reads `text` as cells separated by `delimiter`.
pub fn read(text: &str, delimiter: Delimiter) -> Table {
    let mut rows = records(text, delimiter);
    let header = rows.next().map(|row| row.cells).unwrap_or_default();
    Table {
        header,
        rows: rows.collect(),
    }
}

/// The rows of `text` one by one, the header first, blank ones left out: a large file is read
/// a slice at a time this way, with the same rows as [`read`].
pub fn records(text: &str, delimiter: Delimiter) -> impl Iterator<Item = Row> + '_ {
    Records::new(text, delimiter.char()).filter(|row| !is_blank(&row.cells))
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|cell| cell.trim().is_empty())
}

/// The records of a text, one at a time.
struct Records<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    delimiter: char,
    line: usize,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, delimiter: char) -> Self {
        Records {
            chars: text.chars().peekable(),
            delimiter,
            line: 1,
        }
    }

    /// Takes a line break starting with `c` (CRLF as one); whether `c` was one.
    fn line_break(&mut self, c: char) -> bool {
        match c {
            '\n' => {}
            '\r' => {
                self.chars.next_if_eq(&'\n');
            }
            _ => return false,
        }
        self.line += 1;
        true
    }
}

impl Iterator for Records<'_> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        self.chars.peek()?;
        let line = self.line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        while let Some(c) = self.chars.next() {
            if quoted {
                match c {
                    '"' if self.chars.next_if_eq(&'"').is_some() => cell.push('"'),
                    '"' => quoted = false,
                    _ => {
                        // A line break inside quotes is the cell's own, kept as written.
                        cell.push(c);
                        if c == '\r' || c == '\n' {
                            self.line += 1;
                        }
                        if let Some(lf) = self.chars.next_if(|&n| c == '\r' && n == '\n') {
                            cell.push(lf);
                        }
                    }
                }
            } else if c == self.delimiter {
                cells.push(std::mem::take(&mut cell));
            } else if self.line_break(c) {
                cells.push(cell);
                return Some(Row { line, cells });
            } else if c == '"' && cell.is_empty() {
                quoted = true;
            } else {
                // A quote inside an unquoted cell, or text after a closing quote: kept as is.
                cell.push(c);
            }
        }
        cells.push(cell);
        Some(Row { line, cells })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(table: &Table) -> Vec<Vec<&str>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn records_give_the_header_then_the_same_rows_as_read() {
        let text = "a;b\r\n\r\n1;\"x\ny\"\n2;3";
        let table = read(text, Delimiter::Semicolon);
        let mut records = records(text, Delimiter::Semicolon);
        assert_eq!(records.next().map(|r| r.cells), Some(table.header.clone()));
        assert_eq!(records.collect::<Vec<_>>(), table.rows);
    }

    #[test]
    fn quotes_hold_delimiters_quotes_and_line_breaks() {
        let text =
            "name,emails\r\n\"Doe, Jane\",\"a@x.org;\nb@x.org\"\r\n\"Say \"\"hi\"\"\",c@x.org";
        let table = read(text, Delimiter::Comma);
        assert_eq!(table.header, ["name", "emails"]);
        assert_eq!(
            cells(&table),
            [
                vec!["Doe, Jane", "a@x.org;\nb@x.org"],
                vec!["Say \"hi\"", "c@x.org"]
            ]
        );
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[1].line, 4, "the quoted line break counts");
    }

    #[test]
    fn lf_cr_and_crlf_end_lines_and_blank_lines_are_skipped() {
        let text = "name;phone\r\rAda;1\n\n;;\nBob;2\r\nCy;3";
        let table = read(text, Delimiter::Semicolon);
        assert_eq!(
            cells(&table),
            [vec!["Ada", "1"], vec!["Bob", "2"], vec!["Cy", "3"]]
        );
        let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 6, 7]);
    }

    #[test]
    fn short_and_long_rows_are_kept_as_they_are() {
        let table = read("a,b,c\n1\n1,2,3,4\n", Delimiter::Comma);
        assert_eq!(cells(&table), [vec!["1"], vec!["1", "2", "3", "4"]]);
    }

    #[test]
    fn stray_quotes_and_an_unclosed_one_are_read_not_refused() {
        let table = read("a,b\n5\"7,\"x\"y\n\"open,to the end", Delimiter::Comma);
        assert_eq!(cells(&table), [vec!["5\"7", "xy"], vec!["open,to the end"]]);
    }

    #[test]
    fn an_empty_text_has_no_header_and_no_rows() {
        assert_eq!(read("", Delimiter::Comma), Table::default());
        assert_eq!(read("\n\n", Delimiter::Tab), Table::default());
    }
}
