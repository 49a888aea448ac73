//! What the import holds before it sends: the file as read (or why it was refused), what each
//! column holds, every row's verdict, and what to do with contacts that already exist.

use crate::domain::catalogue::Texts;
use crate::domain::import::file::{FileError, Sheet};
use crate::domain::import::job::{Existing, Job, Outcome};
use crate::domain::sheet::check::{Checked, Summary};
use crate::domain::sheet::columns::Column;
use crate::domain::sheet::said::reason;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the file stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileStage {
    /// None chosen yet.
    Empty,
    /// This file is being read.
    Reading(String),
    /// This file cannot be imported as it is, and why (a file read before stays read).
    Refused(String, FileError),
    /// The file is read: see [`ImportState::with_sheet`].
    Read,
}

/// The import's state before sending (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct ImportState {
    stage: RwSignal<FileStage>,
    sheet: RwSignal<Option<Arc<Sheet>>>,
    columns: RwSignal<Vec<Column>>,
    checked: RwSignal<Vec<Checked>>,
    existing: RwSignal<Existing>,
}

impl ImportState {
    /// No file yet.
    pub fn new() -> Self {
        ImportState {
            stage: RwSignal::new(FileStage::Empty),
            sheet: RwSignal::new(None),
            columns: RwSignal::new(Vec::new()),
            checked: RwSignal::new(Vec::new()),
            existing: RwSignal::new(Existing::AddWhatIsNew),
        }
    }

    /// Where the file stands (tracked).
    pub fn stage(&self) -> FileStage {
        self.stage.get()
    }

    /// `file` is being read.
    pub fn reading(&self, file: String) {
        self.stage.set(FileStage::Reading(file));
    }

    /// `file` cannot be imported as it is.
    pub fn refuse(&self, file: String, error: FileError) {
        // Gone with its view meanwhile (a file read as the agent signs out): nothing to say.
        self.stage.try_set(FileStage::Refused(file, error));
    }

    /// The file read, with what each column holds and every row's verdict.
    pub fn read(&self, sheet: Arc<Sheet>, columns: Vec<Column>, checked: Vec<Checked>) {
        if self.sheet.try_set(Some(sheet)).is_some() {
            return; // gone with its view meanwhile
        }
        self.columns.set(columns);
        self.checked.set(checked);
        self.stage.set(FileStage::Read);
    }

    /// Reads the file read, if any (tracked).
    pub fn with_sheet<R>(&self, read: impl FnOnce(Option<&Sheet>) -> R) -> R {
        self.sheet.with(|s| read(s.as_deref()))
    }

    /// Reads the file read, if any (untracked: for the flows).
    pub fn with_sheet_now<R>(&self, read: impl FnOnce(Option<&Sheet>) -> R) -> R {
        self.sheet.with_untracked(|s| read(s.as_deref()))
    }

    /// The file read, if any (untracked: for a flow that reads it in slices).
    pub fn sheet_now(&self) -> Option<Arc<Sheet>> {
        self.sheet.try_get_untracked().flatten()
    }

    /// Reads what each column holds (tracked).
    pub fn with_columns<R>(&self, read: impl FnOnce(&[Column]) -> R) -> R {
        self.columns.with(|c| read(c))
    }

    /// What each column holds (untracked).
    pub fn columns_now(&self) -> Vec<Column> {
        self.columns.get_untracked()
    }

    /// What each column holds (untracked); `None` once gone with its view.
    pub fn try_columns_now(&self) -> Option<Vec<Column>> {
        self.columns.try_get_untracked()
    }

    /// The columns as the agent maps them, while the rows are checked again by them.
    pub fn choose_columns(&self, columns: Vec<Column>) {
        self.columns.set(columns);
    }

    /// The columns as the agent mapped them, and the rows checked again by them.
    pub fn map(&self, columns: Vec<Column>, checked: Vec<Checked>) {
        self.columns.set(columns);
        self.checked.set(checked);
    }

    /// Reads every row's verdict (tracked).
    pub fn with_checked<R>(&self, read: impl FnOnce(&[Checked]) -> R) -> R {
        self.checked.with(|c| read(c))
    }

    /// How many rows of each kind (tracked).
    pub fn summary(&self) -> Summary {
        self.checked.with(|c| Summary::of(c))
    }

    /// The import as it starts (untracked: for the flow): the file's rows, its mapping, the
    /// choice for existing contacts, each row not to be sent marked so with why; and every
    /// row's verdict, in the same order. `None` before a file is read.
    pub fn job(&self, t: &Texts) -> Option<(Job, Vec<Checked>)> {
        let checked = self.checked.get_untracked();
        let mut job = self.with_sheet_now(|sheet| {
            let sheet = sheet?;
            Some(Job::new(
                &sheet.file,
                sheet.delimiter.char(),
                sheet.table.clone(),
            ))
        })?;
        job.map(&self.columns_now());
        job.existing = self.existing.get_untracked();
        for (index, row) in checked.iter().enumerate() {
            if let Some(reason) = reason(row, t) {
                job.set(index, Outcome::NotSent { reason });
            }
        }
        Some((job, checked))
    }

    /// What is done with a row whose contact exists (tracked).
    pub fn existing(&self) -> Existing {
        self.existing.get()
    }

    /// Chooses what is done with a row whose contact exists.
    pub fn choose_existing(&self, existing: Existing) {
        self.existing.set(existing);
    }
}

impl Default for ImportState {
    fn default() -> Self {
        ImportState::new()
    }
}
