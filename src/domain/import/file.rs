//! The file an agent chose for the import: refused in words when it is larger than
//! [`MAX_BYTES`] (before a byte is read) or holds more than [`MAX_ROWS`] rows, else decoded and
//! read with the encoding and delimiter found in it, or the ones the agent picks instead.

use crate::domain::catalogue::{Say, Texts};
use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::encoding::Encoding;
use crate::domain::sheet::read::{Reader, Table};
use crate::domain::texts::ImportText;
use std::borrow::Cow;
use std::sync::Arc;

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

/// What a [`Sheet`] keeps of its file's bytes, to read them again in another encoding or with
/// another delimiter: nothing more than its text when the text is the bytes (UTF-8, the
/// commonest file), else the bytes beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// The bytes are the text's, after a UTF-8 BOM when `bom`.
    Text {
        /// A BOM came first.
        bom: bool,
    },
    /// The bytes, as the file had them.
    Bytes(Vec<u8>),
    /// None (an import stored as rows, resumed: it is not read again).
    Nothing,
}

/// `bytes` as text in `encoding`, and what is kept of them: valid UTF-8 becomes the text in
/// place, without a copy.
pub fn decode(mut bytes: Vec<u8>, encoding: Encoding) -> (String, Kept) {
    if encoding == Encoding::Utf8 {
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                let bom = text.starts_with('\u{FEFF}');
                if bom {
                    text.drain(..'\u{FEFF}'.len_utf8());
                }
                return (text, Kept::Text { bom });
            }
            Err(invalid) => bytes = invalid.into_bytes(),
        }
    }
    (encoding.decode(&bytes), Kept::Bytes(bytes))
}

/// A file read for the import: its name, what it keeps of its bytes, how they were read, and
/// the table they made (shared with the job that sends its rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The file's name, as the agent chose it.
    pub file: String,
    kept: Kept,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// What separated the cells.
    pub delimiter: Delimiter,
    /// The header and the rows.
    pub table: Arc<Table>,
}

impl Sheet {
    /// The table `reader` read (a slice at a time, by the caller) from a file decoded as
    /// `encoding` with `delimiter`: refused when it has no rows, or too many.
    pub fn of(
        file: String,
        kept: Kept,
        encoding: Encoding,
        delimiter: Delimiter,
        reader: Reader,
    ) -> Result<Sheet, FileError> {
        match reader.len() {
            0 => Err(FileError::NoRows),
            rows if rows > MAX_ROWS => Err(FileError::TooManyRows(rows)),
            _ => Ok(Sheet {
                file,
                kept,
                encoding,
                delimiter,
                table: Arc::new(reader.done()),
            }),
        }
    }

    /// The file's bytes, to read again in another encoding or with another delimiter.
    pub fn bytes(&self) -> Cow<'_, [u8]> {
        let text = self.table.text().as_bytes();
        match &self.kept {
            Kept::Text { bom: false } => Cow::Borrowed(text),
            Kept::Text { bom: true } => Cow::Owned([&[0xEF, 0xBB, 0xBF], text].concat()),
            Kept::Bytes(bytes) => Cow::Borrowed(bytes),
            Kept::Nothing => Cow::Borrowed(&[]),
        }
    }

    /// A file read before, as an import stored it (to resume it): its rows, not its bytes, so
    /// it is not read again in another encoding.
    pub fn stored(file: String, delimiter: Delimiter, table: Arc<Table>) -> Sheet {
        Sheet {
            file,
            kept: Kept::Nothing,
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
        read_as(file, bytes, encoding, None)
    }

    fn read_as(
        file: &str,
        bytes: Vec<u8>,
        encoding: Encoding,
        delimiter: Option<Delimiter>,
    ) -> Result<Sheet, FileError> {
        let (text, kept) = decode(bytes, encoding);
        let delimiter = delimiter.unwrap_or_else(|| Delimiter::of(&text));
        let mut reader = Reader::new(text, delimiter).limit(MAX_ROWS);
        while reader.read(7) {}
        Sheet::of(file.into(), kept, encoding, delimiter, reader)
    }

    fn again(sheet: &Sheet, encoding: Encoding, delimiter: Delimiter) -> Sheet {
        read_as(
            &sheet.file,
            sheet.bytes().to_vec(),
            encoding,
            Some(delimiter),
        )
        .unwrap()
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
        assert_eq!(
            sheet.table.row(0).unwrap().to_vec(),
            ["Ada", "ada@example.com"]
        );
        assert_eq!(
            sheet.kept,
            Kept::Text { bom: true },
            "the text is the bytes"
        );

        let comma = again(&sheet, Encoding::Utf8, Delimiter::Comma);
        assert_eq!(comma.table.header, ["Name;E-Mail"]);
        assert_eq!(comma.file, "contacts.csv");
        let latin = again(&comma, Encoding::Windows1252, Delimiter::Semicolon);
        assert_eq!(latin.table.header, ["ï»¿Name", "E-Mail"]);
        assert!(
            matches!(latin.kept, Kept::Bytes(_)),
            "these bytes are not the text"
        );
        let back = again(&latin, Encoding::Utf8, Delimiter::Semicolon);
        assert_eq!(back.table, sheet.table);
        assert_eq!(back.bytes(), sheet.bytes(), "the BOM too");

        let (text, kept) = decode(b"M\xFCller".to_vec(), Encoding::Utf8);
        assert_eq!(
            text, "M\u{FFFD}ller",
            "not UTF-8, read as UTF-8 all the same"
        );
        assert_eq!(kept, Kept::Bytes(b"M\xFCller".to_vec()));
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
