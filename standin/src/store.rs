//! The stand-in's state: data behind a lock, written atomically to a JSON file when one is given.

use crate::model::Data;
use std::io::Write;
use std::path::{Path, PathBuf};
use tokio::sync::Mutex;

/// Data and where it persists.
pub struct Store {
    data: Mutex<Data>,
    file: Option<PathBuf>,
}

/// Why a data file could not be used.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Store {
    /// In memory only.
    pub fn memory(data: Data) -> Self {
        Store {
            data: Mutex::new(data),
            file: None,
        }
    }

    /// Backed by `file`: loaded when it exists, else created with `seed`.
    pub fn file(file: &Path, seed: Data) -> Result<Self, StoreError> {
        let data = match std::fs::read_to_string(file) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| {
                StoreError(format!(
                    "the data file {} is not valid stand-in data ({e}); fix it or remove it to start fresh",
                    file.display()
                ))
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                write_atomically(file, &seed)?;
                seed
            }
            Err(e) => return Err(StoreError(format!("cannot read the data file {}: {e}", file.display()))),
        };
        Ok(Store {
            data: Mutex::new(data),
            file: Some(file.to_owned()),
        })
    }

    /// Reads the data.
    pub async fn read<T>(&self, f: impl FnOnce(&Data) -> T) -> T {
        f(&*self.data.lock().await)
    }

    /// Changes the data and, before the caller answers, persists it: nothing acknowledged is lost.
    pub async fn write<T>(&self, f: impl FnOnce(&mut Data) -> T) -> Result<T, StoreError> {
        let mut data = self.data.lock().await;
        let out = f(&mut data);
        if let Some(file) = &self.file {
            write_atomically(file, &data)?;
        }
        Ok(out)
    }
}

/// Writes to a temporary file beside `file`, syncs it, then renames it over `file`: a crash
/// leaves either the old or the new content, never half of one.
fn write_atomically(file: &Path, data: &Data) -> Result<(), StoreError> {
    let err = |e: std::io::Error| {
        StoreError(format!(
            "cannot write the data file {}: {e}",
            file.display()
        ))
    };
    let tmp = file.with_extension("json.tmp");
    let text = serde_json::to_vec_pretty(data).map_err(|e| StoreError(e.to_string()))?;
    let mut out = std::fs::File::create(&tmp).map_err(err)?;
    out.write_all(&text).map_err(err)?;
    out.sync_all().map_err(err)?;
    std::fs::rename(&tmp, file).map_err(err)?;
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}
