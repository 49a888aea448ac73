//! Spreadsheet files as agents really have them: bytes decoded ([`encoding`]), the delimiter
//! found ([`delimiter`]), the CSV read into a header and rows ([`read`]) and rows written back
//! for a spreadsheet ([`write`]). Plain Rust: the import's checks and its views build on it.

pub mod check;
pub mod columns;
pub mod delimiter;
pub mod encoding;
pub mod read;
pub mod said;
pub mod seen;
pub mod write;
