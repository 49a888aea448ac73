//! Browser storage that may be missing, may throw (private mode, blocked cookies) or be full.
//! Every failure becomes a [`StorageError`]; the widget then keeps working in memory.

use thiserror::Error;
use web_sys::Storage;

/// Which of the browser's two storages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorageArea {
    /// sessionStorage: gone when the tab closes (the default for a sign-in, and the safer one).
    #[default]
    Session,
    /// localStorage: survives restarts (the contact token; a sign-in only when the page asks).
    Local,
}

/// Why something could not be remembered (what the user is told is `state::form::storage_note`'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum StorageError {
    /// The browser has no storage here, or refuses access (private mode, blocked cookies).
    #[error("storage is unavailable here")]
    Unavailable,
    /// The storage is full (`QuotaExceededError`).
    #[error("storage is full")]
    Full,
}

/// Tells a full storage apart from a refused one.
fn classify(error: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&error, &"name".into()).ok();
    match name.and_then(|n| n.as_string()).as_deref() {
        Some("QuotaExceededError") => StorageError::Full,
        _ => StorageError::Unavailable,
    }
}

fn area(which: StorageArea) -> Result<Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    let storage = match which {
        StorageArea::Local => window.local_storage(),
        StorageArea::Session => window.session_storage(),
    };
    storage.ok().flatten().ok_or(StorageError::Unavailable)
}

/// The value under `key`, if any.
pub fn read(which: StorageArea, key: &str) -> Result<Option<String>, StorageError> {
    area(which)?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Stores `value` under `key`.
pub fn write(which: StorageArea, key: &str, value: &str) -> Result<(), StorageError> {
    area(which)?.set_item(key, value).map_err(classify)
}

/// Forgets `key`.
pub fn remove(which: StorageArea, key: &str) -> Result<(), StorageError> {
    area(which)?
        .remove_item(key)
        .map_err(|_| StorageError::Unavailable)
}
