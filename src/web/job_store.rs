//! The import's job in IndexedDB (a file's rows do not fit in localStorage): the job once when
//! it starts or resumes, under its owner's key, then each row's outcome as a small record of
//! its own under `<owner>\u{1}<row>`, so a row is one small write and one key range (from the
//! owner's key to `<owner>\u{2}`) holds, reads or drops them all.
//!
//! Written in JS (`job_store.js`): IndexedDB's requests and events cost less there than as
//! web-sys bindings and closures. Only the import (a lazy part) stores jobs, so in split builds
//! its JS comes with the part too: `browser.js` fetches it the first time it is called, so the
//! first download has one small binding of it and none of its code. Builds without lazy parts
//! (the tests) import it with the module. Either way one function serves the four calls.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[cfg(feature = "split")]
#[wasm_bindgen(module = "/src/web/browser.js")]
extern "C" {
    #[wasm_bindgen(js_name = jobStore)]
    fn job_store(name: &str, key: &str, argument: &JsValue) -> Promise;
}

#[cfg(not(feature = "split"))]
#[wasm_bindgen(module = "/src/web/job_store.js")]
extern "C" {
    #[wasm_bindgen(js_name = call)]
    fn job_store(name: &str, key: &str, argument: &JsValue) -> Promise;
}

/// IndexedDB is missing here (some private windows), refused, or full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the browser could not store the import")]
pub struct NotStored;

/// What the job store's `name` answers for `key` and `argument` (its JS fetched the first
/// time in split builds: a failed fetch is said as any failure to store).
async fn call(name: &str, key: &str, argument: &JsValue) -> Result<JsValue, NotStored> {
    JsFuture::from(job_store(name, key, argument))
        .await
        .map_err(|_| NotStored)
}

/// Keeps `text` as `owner`'s job, and forgets the rows' outcomes stored before it.
pub async fn keep_job(owner: &str, text: &str) -> Result<(), NotStored> {
    call("putJob", owner, &JsValue::from_str(text)).await?;
    Ok(())
}

/// Keeps `text` as the outcome of `owner`'s row `row`.
pub async fn keep_row(owner: &str, row: usize, text: &str) -> Result<(), NotStored> {
    let mut key = owner.to_owned();
    key.push('\u{1}');
    key.push_str(&row.to_string());
    call("putRow", &key, &JsValue::from_str(text)).await?;
    Ok(())
}

/// Forgets `owner`'s job and its rows.
pub async fn forget_job(owner: &str) -> Result<(), NotStored> {
    call("dropJob", owner, &JsValue::UNDEFINED).await?;
    Ok(())
}

/// `owner`'s job as stored, with each row outcome stored since, by row: `Ok(None)` when the
/// store has none (or not as a job reads); `Err` when the store could not be asked (its JS not
/// fetched, IndexedDB refused), which may pass.
pub async fn stored_job(owner: &str) -> Result<Option<(String, Vec<(usize, String)>)>, NotStored> {
    let found = call("getJob", owner, &JsValue::UNDEFINED).await?;
    Ok(read_job(found, owner))
}

/// The job and its rows among the store's `[key, text]` pairs for `owner`.
fn read_job(found: JsValue, owner: &str) -> Option<(String, Vec<(usize, String)>)> {
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
