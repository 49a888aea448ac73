//! The spreadsheet import's rules as plain Rust: its pace against Rocket.Chat's rate limit
//! ([`pace`]), the job it stores as it goes, so that a reload resumes it ([`job`]), and what a
//! row adds to a contact that exists ([`add_new`]), and the server's contacts listed by their
//! emails and phones ([`on_server`]); the files it gives back: the rows not
//! imported ([`rejects`]) and a template ([`template`]). The file itself is read by `domain::sheet`.

pub mod add_new;
pub mod file;
pub mod job;
pub mod on_server;
pub mod pace;
pub mod rejects;
pub mod template;
