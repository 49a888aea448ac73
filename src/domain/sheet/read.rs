//! A CSV text as a header and rows, read the liberal way RFC 4180 asks of a reader: cells quoted
//! with `"` (a `""` inside is one quote) may hold the delimiter and line breaks; lines end with
//! LF, CR or CRLF, the last one or not; blank lines are skipped; a row of another length than
//! the header is kept as it is, for the checks to report on its own line. Nothing here fails:
//! any text reads as some table.
//!
//! A [`Table`] keeps the text it was read from and where each row starts in it: a file of 10 MB
//! holds 10 MB and 8 bytes a row, not a string (and its allocation) per cell, however wide its
//! rows. A row is read again from its start when it is wanted; its cells are cut out of the
//! text, and only one whose quotes hold more than its ends (a `""` inside, text after the
//! closing quote) is made again as a string.

use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::write::write_row;
use std::borrow::Cow;

/// Where a cell lies in its table's text: bytes `start..end`, [`RAW`] set in `end` when the
/// bytes are the cell as written, quotes and all, to be read by [`unquote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
}

/// The bit of [`Span::end`] that marks a cell to unquote (no text this side of a wasm32
/// address space reaches it).
const RAW: usize = 1 << (usize::BITS - 1);

impl Span {
    /// The cell's text in `text`.
    fn of(self, text: &str) -> Cow<'_, str> {
        match self.end & RAW {
            0 => Cow::Borrowed(&text[self.start..self.end]),
            _ => Cow::Owned(unquote(&text[self.start..self.end & !RAW])),
        }
    }
}

/// Where a row starts: its line, and its first byte in the table's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct At {
    line: usize,
    start: usize,
}

/// A file read: its first row is the header, the rows after it held as places in its text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The header's cells (no header: empty).
    pub header: Vec<String>,
    text: String,
    delimiter: u8,
    rows: Vec<At>,
}

/// One row of a [`Table`], with the line it starts on (1 is the file's first line), as the
/// agent finds it in a text editor or a spreadsheet.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The line the row starts on.
    pub line: usize,
    text: &'a str,
    cells: Vec<Span>,
}

impl<'a> Row<'a> {
    /// How many cells it has.
    pub fn width(&self) -> usize {
        self.cells.len()
    }

    /// Its cells, as written (quotes removed).
    pub fn cells(&self) -> impl Iterator<Item = Cow<'a, str>> + '_ {
        let text = self.text;
        self.cells.iter().map(move |span| span.of(text))
    }

    /// Its cells, as written, the row given up for them.
    pub fn into_cells(self) -> impl Iterator<Item = Cow<'a, str>> {
        let text = self.text;
        self.cells.into_iter().map(move |span| span.of(text))
    }

    /// Its cells as strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.cells().map(Cow::into_owned).collect()
    }
}

impl Table {
    /// How many rows (the header aside).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it has no rows under its header.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Row `index` (0 is the one after the header), read again from where it starts.
    pub fn row(&self, index: usize) -> Option<Row<'_>> {
        let at = *self.rows.get(index)?;
        let mut cursor = Cursor {
            delimiter: self.delimiter,
            at: at.start,
            line: at.line,
        };
        let mut cells = Vec::new();
        cursor.any_record(&self.text, &mut cells);
        Some(Row {
            line: at.line,
            text: &self.text,
            cells,
        })
    }

    /// Every row, in the file's order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.row(i))
    }

    /// The row starting on `line` (rows are in line order: found without a scan).
    pub fn on_line(&self, line: usize) -> Option<Row<'_>> {
        let index = self.rows.binary_search_by_key(&line, |r| r.line).ok()?;
        self.row(index)
    }

    /// The text the rows are read from (the file's, decoded).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A table of `rows` given as strings (a stored import's), each with its line: its text is
    /// theirs written as CSV, which reads back as they are.
    pub fn of_rows(header: Vec<String>, rows: impl IntoIterator<Item = Record>) -> Table {
        let mut table = Table {
            header,
            delimiter: b',',
            ..Table::default()
        };
        for row in rows {
            let start = table.text.len();
            table.rows.push(At {
                line: row.line,
                start,
            });
            write_row(&mut table.text, &row.cells, Delimiter::Comma);
        }
        table
    }
}

impl PartialEq for Table {
    /// The same header and rows, whatever text they were read from.
    fn eq(&self, other: &Table) -> bool {
        let rows = |t: &Table| t.rows().map(|r| (r.line, r.to_vec())).collect::<Vec<_>>();
        self.header == other.header && rows(self) == rows(other)
    }
}

impl Eq for Table {}

/// A row read as strings, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line the row starts on.
    pub line: usize,
    /// Its cells, as written (quotes removed).
    pub cells: Vec<String>,
}

/// Reads `text` as cells separated by `delimiter`.
pub fn read(text: &str, delimiter: Delimiter) -> Table {
    let mut reader = Reader::new(text.to_owned(), delimiter);
    while reader.read(usize::MAX) {}
    reader.done()
}

/// A text read into a [`Table`] a slice of rows at a time (a large file between the page's
/// other work), with the same rows as [`read`].
#[derive(Debug)]
pub struct Reader {
    table: Table,
    cursor: Cursor,
    /// The cells of the row being read (where each row starts is all that is kept).
    cells: Vec<Span>,
    /// The most rows kept: those after it are counted, not kept.
    limit: usize,
    /// Rows counted after the limit.
    over: usize,
}

impl Reader {
    /// Starts reading `text` (its header at once).
    pub fn new(text: String, delimiter: Delimiter) -> Reader {
        let mut cursor = Cursor::new(delimiter);
        let mut cells = Vec::new();
        let header = match cursor.record(&text, &mut cells) {
            Some(_) => strings(&cells, &text),
            None => Vec::new(),
        };
        let table = Table {
            header,
            text,
            delimiter: cursor.delimiter,
            rows: Vec::new(),
        };
        Reader {
            table,
            cursor,
            cells,
            limit: usize::MAX,
            over: 0,
        }
    }

    /// Keeps at most `limit` rows: a file over it is only counted on (to say how many rows it
    /// has), not held.
    pub fn limit(self, limit: usize) -> Reader {
        Reader { limit, ..self }
    }

    /// Reads up to `count` more rows; `false` once the text is read.
    pub fn read(&mut self, count: usize) -> bool {
        let table = &mut self.table;
        for _ in 0..count {
            self.cells.clear();
            let Some(at) = self.cursor.record(&table.text, &mut self.cells) else {
                return false;
            };
            match table.rows.len() < self.limit {
                true => table.rows.push(at),
                false => self.over += 1,
            }
        }
        true
    }

    /// How many rows are read so far (counted past the limit too).
    pub fn len(&self) -> usize {
        self.table.len() + self.over
    }

    /// Whether no row is read yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The table read.
    pub fn done(mut self) -> Table {
        self.table.rows.shrink_to_fit();
        self.table
    }
}

/// The rows of `text` one by one as strings, the header first, blank ones left out (a stored
/// import, read back).
pub fn records(text: &str, delimiter: Delimiter) -> impl Iterator<Item = Record> + '_ {
    let mut cursor = Cursor::new(delimiter);
    let mut cells = Vec::new();
    std::iter::from_fn(move || {
        cells.clear();
        let at = cursor.record(text, &mut cells)?;
        let cells = strings(&cells, text);
        Some(Record {
            line: at.line,
            cells,
        })
    })
}

/// The cells `cells` of `text`, as strings.
fn strings(cells: &[Span], text: &str) -> Vec<String> {
    cells.iter().map(|s| s.of(text).into_owned()).collect()
}

/// Where the reading of a text stands: the next byte, and the line it is on.
#[derive(Debug)]
struct Cursor {
    delimiter: u8,
    at: usize,
    line: usize,
}

/// The cell being read: where it started, its quotes, and whether it holds anything yet.
struct Cell {
    start: usize,
    /// Quotes opened (a second one makes it [`RAW`]).
    opened: usize,
    /// Where its quote closed, if it did.
    closed: Option<usize>,
    /// Its quotes hold more than its ends (a `""` inside them, text after them): it is
    /// [`RAW`].
    raw: bool,
    /// Nothing in it yet (a quote here opens quotes).
    empty: bool,
    /// Inside quotes now.
    quoted: bool,
}

impl Cell {
    fn new(start: usize) -> Cell {
        Cell {
            start,
            opened: 0,
            closed: None,
            raw: false,
            empty: true,
            quoted: false,
        }
    }

    /// Where the cell ending at `end` lies: between its quotes when they are all it has.
    fn span(&self, end: usize) -> Span {
        let start = self.start;
        match (self.opened, self.closed, self.raw) {
            (0, _, _) => Span { start, end },
            (1, None, false) => Span {
                start: start + 1,
                end,
            },
            (1, Some(close), false) if close + 1 == end => Span {
                start: start + 1,
                end: close,
            },
            _ => Span {
                start,
                end: end | RAW,
            },
        }
    }
}

impl Cursor {
    fn new(delimiter: Delimiter) -> Cursor {
        // Every delimiter is ASCII: it is one byte, and never part of another character's.
        let delimiter = delimiter.char() as u8;
        Cursor {
            delimiter,
            at: 0,
            line: 1,
        }
    }

    /// Reads the next row that is not blank into `cells`; where it starts, or `None` at the
    /// end of `text`.
    fn record(&mut self, text: &str, cells: &mut Vec<Span>) -> Option<At> {
        loop {
            let (first, start) = (cells.len(), self.at);
            let line = self.any_record(text, cells)?;
            let blank = cells[first..].iter().all(|s| s.of(text).trim().is_empty());
            if !blank {
                return Some(At { line, start });
            }
            cells.truncate(first);
        }
    }

    /// Reads the next row, blank or not, into `cells`.
    fn any_record(&mut self, text: &str, cells: &mut Vec<Span>) -> Option<usize> {
        let bytes = text.as_bytes();
        if self.at >= bytes.len() {
            return None;
        }
        let line = self.line;
        let mut i = self.at;
        let mut cell = Cell::new(i);
        while let Some(&b) = bytes.get(i) {
            i += 1;
            if cell.quoted {
                match b {
                    b'"' if bytes.get(i) == Some(&b'"') => {
                        i += 1;
                        cell.raw = true;
                    }
                    b'"' => {
                        cell.quoted = false;
                        cell.closed = Some(i - 1);
                        continue;
                    }
                    // A line break inside quotes is the cell's own, kept as written.
                    b'\r' | b'\n' => {
                        self.line += 1;
                        if b == b'\r' && bytes.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    _ => {}
                }
                cell.empty = false;
            } else if b == self.delimiter {
                cells.push(cell.span(i - 1));
                cell = Cell::new(i);
            } else if b == b'\r' || b == b'\n' {
                cells.push(cell.span(i - 1));
                if b == b'\r' && bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                self.line += 1;
                self.at = i;
                return Some(line);
            } else if b == b'"' && cell.empty {
                cell.quoted = true;
                cell.opened += 1;
            } else {
                // A quote inside an unquoted cell, or text after a closing quote: kept as is.
                cell.empty = false;
                if cell.closed.is_some() {
                    cell.raw = true;
                }
            }
        }
        cells.push(cell.span(i));
        self.at = i;
        Some(line)
    }
}

/// A cell as written, quotes and all, read: what opens and closes quotes, and `""` inside them,
/// by the same rules as the reader's.
fn unquote(raw: &str) -> String {
    let mut cell = String::with_capacity(raw.len());
    let mut quoted = false;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.next_if_eq(&'"').is_some() => cell.push('"'),
            '"' if quoted => quoted = false,
            '"' if cell.is_empty() => quoted = true,
            _ => cell.push(c),
        }
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(table: &Table) -> Vec<Vec<String>> {
        table.rows().map(|r| r.to_vec()).collect()
    }

    #[test]
    fn a_slice_at_a_time_and_records_give_the_same_rows_as_read() {
        let text = "a;b\r\n\r\n1;\"x\ny\"\n2;3\n\"q\"\"\";\"\"z";
        let table = read(text, Delimiter::Semicolon);
        let mut records = records(text, Delimiter::Semicolon);
        assert_eq!(records.next().map(|r| r.cells), Some(table.header.clone()));
        let records: Vec<Record> = records.collect();
        let rows: Vec<Record> = table
            .rows()
            .map(|r| Record {
                line: r.line,
                cells: r.to_vec(),
            })
            .collect();
        assert_eq!(records, rows);
        for slice in [1, 2, 3] {
            let mut reader = Reader::new(text.to_owned(), Delimiter::Semicolon);
            while reader.read(slice) {}
            assert_eq!(reader.done(), table, "slices of {slice}");
        }
        let mut limited = Reader::new(text.to_owned(), Delimiter::Semicolon).limit(2);
        while limited.read(1) {}
        assert_eq!(limited.len(), 3, "counted past the limit");
        assert_eq!(limited.done().len(), 2, "not kept past it");
        let again = Table::of_rows(table.header.clone(), rows);
        assert_eq!(again, table, "the same cells from strings");
        let on = |line| table.on_line(line).map(|r| r.to_vec());
        assert_eq!(on(5), Some(vec!["2".into(), "3".into()]));
        assert_eq!(on(4), None, "line 4 is inside a quoted cell");
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
        let lines: Vec<usize> = table.rows().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4], "the quoted line break counts");
    }

    #[test]
    fn lf_cr_and_crlf_end_lines_and_blank_lines_are_skipped() {
        let text = "name;phone\r\rAda;1\n\n;;\nBob;2\r\nCy;3";
        let table = read(text, Delimiter::Semicolon);
        assert_eq!(
            cells(&table),
            [vec!["Ada", "1"], vec!["Bob", "2"], vec!["Cy", "3"]]
        );
        let lines: Vec<usize> = table.rows().map(|r| r.line).collect();
        assert_eq!(lines, [3, 6, 7]);
        assert_eq!(read("a\n\" \";\"\"\nb", Delimiter::Semicolon).len(), 1);
    }

    #[test]
    fn short_and_long_rows_are_kept_as_they_are() {
        let table = read("a,b,c\n1\n1,2,3,4\n", Delimiter::Comma);
        assert_eq!(cells(&table), [vec!["1"], vec!["1", "2", "3", "4"]]);
        assert_eq!(table.row(1).map(|r| r.width()), Some(4));
    }

    #[test]
    fn stray_quotes_and_an_unclosed_one_are_read_not_refused() {
        let table = read(
            "a,b\n5\"7,\"x\"y\n\"open,to the end\n\"\"\"\"\"\"x,\"a\"\"\",\"\"\"",
            Delimiter::Comma,
        );
        assert_eq!(
            cells(&table),
            [
                vec!["5\"7", "xy"],
                vec!["open,to the end\n\"\"\"x,a\"\"\"", "\""]
            ]
        );
        let table = read(
            "a,b,c,d\n\"\"x,\"\"\"\"\"\"x,\"a\"\"\",\"\"\"\n",
            Delimiter::Comma,
        );
        assert_eq!(cells(&table), [vec!["x", "\"\"x", "a\"", "\"\n"]]);
    }

    #[test]
    fn an_empty_text_has_no_header_and_no_rows() {
        assert_eq!(read("", Delimiter::Comma), Table::default());
        assert_eq!(read("\n\n", Delimiter::Tab), Table::default());
    }
}
