//! The file an agent chose for the import: refused in words when it is larger than
//! [`MAX_BYTES`] (before a byte is read) or holds more than [`MAX_ROWS`] rows, else decoded and
//! read with the encoding and delimiter found in it, or the ones the agent picks instead.

use crate::domain::catalogue::{Say, Texts};
use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::encoding::Encoding;
use crate::domain::sheet::read::Table;
use crate::domain::texts::ImportText;

/// The largest file the import reads: 10 MB.
pub const MAX_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

/// The most rows one import takes.
pub const MAX_ROWS: usize = 50_000;

/// Why a file cannot be imported as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Larger than [`MAX_BYTES`]: not read at all.
    #[error("the file is larger than 10 MB")]
    TooLarge,
    /// More than [`MAX_ROWS`] rows (this many).
    #[error("the file has {0} rows, more than 50,000")]
    TooManyRows(usize),
    /// A header and nothing under it, or nothing at all.
    #[error("the file has no rows under its header")]
    NoRows,
    /// The browser could not read it (moved, deleted, or no longer allowed).
    #[error("the file could not be read")]
    Unreadable,
}

impl Say for FileError {
    fn say(&self, t: &Texts) -> String {
        match *self {
            FileError::TooLarge => t.get(ImportText::FileTooLarge).into(),
            FileError::TooManyRows(rows) => {
                t.fill(ImportText::TooManyRows, &[("rows", &rows.to_string())])
            }
            FileError::NoRows => t.get(ImportText::NoRows).into(),
            FileError::Unreadable => t.get(ImportText::FileUnreadable).into(),
        }
    }
}

/// Refuses a file of `size` bytes before it is read.
pub fn fits(size: f64) -> Result<(), FileError> {
    if size > MAX_BYTES {
        return Err(FileError::TooLarge);
    }
    Ok(())
}

/// A file read for the import: its name, its bytes (to read again in another encoding or with
/// another delimiter), how they were read, and the table they made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The file's name, as the agent chose it.
    pub file: String,
    bytes: Vec<u8>,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// What separated the cells.
    pub delimiter: Delimiter,
    /// The header and the rows.
    pub table: Table,
}

impl Sheet {
    /// `table`, read from `bytes` as `encoding` with `delimiter` (a slice at a time, by the
    /// caller): refused when it has no rows, or too many.
    pub fn of(
        file: String,
        bytes: Vec<u8>,
        encoding: Encoding,
        delimiter: Delimiter,
        table: Table,
    ) -> Result<Sheet, FileError> {
        match table.rows.len() {
            0 => Err(FileError::NoRows),
            rows if rows > MAX_ROWS => Err(FileError::TooManyRows(rows)),
            _ => Ok(Sheet {
                file,
                bytes,
                encoding,
                delimiter,
                table,
            }),
        }
    }

    /// The file's bytes, to read again in another encoding or with another delimiter.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// A file read before, as an import stored it (to resume it): its rows, not its bytes, so
    /// it is not read again in another encoding.
    pub fn stored(file: String, delimiter: Delimiter, table: Table) -> Sheet {
        Sheet {
            file,
            bytes: Vec::new(),
            encoding: Encoding::Utf8,
            delimiter,
            table,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bytes` read with the encoding and delimiter found in them, as the import reads them.
    fn read(file: &str, bytes: Vec<u8>) -> Result<Sheet, FileError> {
        let encoding = Encoding::of(&bytes);
        let delimiter = Delimiter::of(&encoding.decode(&bytes));
        read_as(file, bytes, encoding, delimiter)
    }

    fn read_as(
        file: &str,
        bytes: Vec<u8>,
        encoding: Encoding,
        delimiter: Delimiter,
    ) -> Result<Sheet, FileError> {
        let table = crate::domain::sheet::read::read(&encoding.decode(&bytes), delimiter);
        Sheet::of(file.into(), bytes, encoding, delimiter, table)
    }

    fn again(sheet: &Sheet, encoding: Encoding, delimiter: Delimiter) -> Sheet {
        read_as(&sheet.file, sheet.bytes().to_vec(), encoding, delimiter).unwrap()
    }

    #[test]
    fn a_file_over_10_mb_is_refused_before_reading() {
        assert_eq!(fits(MAX_BYTES), Ok(()));
        assert_eq!(fits(MAX_BYTES + 1.0), Err(FileError::TooLarge));
    }

    #[test]
    fn the_encoding_and_delimiter_are_found_and_can_be_changed() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("Name;E-Mail\nAda;ada@example.com\n".as_bytes());
        let sheet = read("contacts.csv", bytes).unwrap();
        assert_eq!(sheet.encoding, Encoding::Utf8);
        assert_eq!(sheet.delimiter, Delimiter::Semicolon);
        assert_eq!(sheet.table.header, ["Name", "E-Mail"]);
        assert_eq!(sheet.table.rows[0].cells, ["Ada", "ada@example.com"]);

        let comma = again(&sheet, Encoding::Utf8, Delimiter::Comma);
        assert_eq!(comma.table.header, ["Name;E-Mail"]);
        assert_eq!(comma.file, "contacts.csv");
        let latin = again(&comma, Encoding::Windows1252, Delimiter::Semicolon);
        assert_eq!(latin.table.header, ["ï»¿Name", "E-Mail"]);
    }

    #[test]
    fn a_file_without_rows_or_with_too_many_is_refused_in_words() {
        assert_eq!(read("empty.csv", Vec::new()), Err(FileError::NoRows));
        assert_eq!(
            read("header.csv", b"Name,Email\n".to_vec()),
            Err(FileError::NoRows)
        );
        let mut big = String::from("Name\n");
        for i in 0..=MAX_ROWS {
            big.push_str(&format!("P{i}\n"));
        }
        assert_eq!(
            read("big.csv", big.into_bytes()),
            Err(FileError::TooManyRows(MAX_ROWS + 1))
        );
    }
}
