//! The import's job in IndexedDB (a file's rows do not fit in localStorage): the job once when
//! it starts or resumes, under its owner's key, then each row's outcome as a small record of
//! its own under `<owner>\u{1}<row>`, so a row is one small write and one key range (from the
//! owner's key to `<owner>\u{2}`) holds, reads or drops them all.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

// Written in JS (`job_store.js`): IndexedDB's requests and events cost the module less there
// than as web-sys bindings and closures.
#[wasm_bindgen(module = "/src/web/job_store.js")]
extern "C" {
    #[wasm_bindgen(js_name = putJob)]
    fn put_job(owner: &str, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = putRow)]
    fn put_row(owner: &str, row: u32, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = dropJob)]
    fn drop_job(owner: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = getJob)]
    fn get_job(owner: &str) -> js_sys::Promise;
}

/// IndexedDB is missing here (some private windows), refused, or full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the browser could not store the import")]
pub struct NotStored;

/// Keeps `text` as `owner`'s job, and forgets the rows' outcomes stored before it.
pub async fn keep_job(owner: &str, text: &str) -> Result<(), NotStored> {
    JsFuture::from(put_job(owner, text))
        .await
        .map_err(|_| NotStored)?;
    Ok(())
}

/// Keeps `text` as the outcome of `owner`'s row `row`.
pub async fn keep_row(owner: &str, row: usize, text: &str) -> Result<(), NotStored> {
    let row = u32::try_from(row).map_err(|_| NotStored)?;
    JsFuture::from(put_row(owner, row, text))
        .await
        .map_err(|_| NotStored)?;
    Ok(())
}

/// Forgets `owner`'s job and its rows.
pub async fn forget_job(owner: &str) -> Result<(), NotStored> {
    JsFuture::from(drop_job(owner))
        .await
        .map_err(|_| NotStored)?;
    Ok(())
}

/// `owner`'s job as stored, with each row outcome stored since, by row; `None` when there is
/// none (or it cannot be read).
pub async fn stored_job(owner: &str) -> Option<(String, Vec<(usize, String)>)> {
    let found = JsFuture::from(get_job(owner)).await.ok()?;
    let found: js_sys::Array = found.dyn_into().ok()?;
    let mut job = None;
    let mut rows = Vec::new();
    for pair in found.iter() {
        let pair: js_sys::Array = pair.dyn_into().ok()?;
        let (key, text) = (pair.get(0).as_string()?, pair.get(1).as_string()?);
        match key
            .strip_prefix(owner)
            .and_then(|k| k.strip_prefix('\u{1}'))
        {
            Some(row) => rows.extend(row.parse().ok().map(|row| (row, text))),
            None if key == owner => job = Some(text),
            None => {}
        }
    }
    Some((job?, rows))
}
