//! The spreadsheet import's rules as plain Rust: its pace against Rocket.Chat's rate limit
//! ([`pace`]) and the job it stores as it goes, so that a reload resumes it ([`job`]). The
//! file itself is read by `domain::sheet`.

pub mod job;
pub mod pace;
