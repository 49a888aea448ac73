//! A file the agent chose (or dropped), read as bytes. Read through `Reflect` rather than
//! web-sys's `File`, `FileList` and `DataTransfer` bindings: each binding is an import of the
//! first download's module (and glue in its JS), though only the import, a lazy part, uses them.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `object[key]`, or `undefined`.
fn member(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A file the browser holds: its name, its size, and the way to its bytes.
pub struct ChosenFile(JsValue);

impl ChosenFile {
    /// The first file of a file input (`change`'s target) or of a drop (a `DragEvent`).
    pub fn of(event: &JsValue) -> Option<ChosenFile> {
        let target = member(event, "target");
        let files = match member(event, "dataTransfer") {
            transfer if transfer.is_object() => member(&transfer, "files"),
            _ => member(&target, "files"),
        };
        let file = member(&files, "0");
        file.is_object().then_some(ChosenFile(file))
    }

    /// Its name, as the agent's system gives it.
    pub fn name(&self) -> String {
        member(&self.0, "name").as_string().unwrap_or_default()
    }

    /// Its size in bytes.
    pub fn size(&self) -> f64 {
        member(&self.0, "size").as_f64().unwrap_or(0.0)
    }

    /// Its bytes; `None` when the browser cannot read it (moved, deleted, no longer allowed).
    /// Copied from the file's buffer straight into the module's memory, through a view of
    /// each and `set`: bindings the first download has (`Uint8Array::new` and `to_vec` would be
    /// three more there, though only this lazy part reads files).
    pub async fn bytes(&self) -> Option<Vec<u8>> {
        let read: Function = member(&self.0, "arrayBuffer").dyn_into().ok()?;
        let promise = Promise::from(read.call1(&self.0, &JsValue::UNDEFINED).ok()?);
        let buffer = JsFuture::from(promise).await.ok()?;
        let size = member(&buffer, "byteLength").as_f64()? as u32;
        let from = Uint8Array::new_with_byte_offset_and_length(&buffer, 0, size);
        let set: Function = member(&from, "set").dyn_into().ok()?;
        let mut bytes = vec![0; size as usize];
        // Nothing is allocated from here to the copy, so the memory's buffer stays this one.
        let memory = member(&wasm_bindgen::memory(), "buffer");
        let into =
            Uint8Array::new_with_byte_offset_and_length(&memory, bytes.as_mut_ptr() as u32, size);
        set.call1(&into, &from).ok()?;
        Some(bytes)
    }
}

/// A `blob:` address holding `text` (of MIME type `kind`), for a link that downloads it; `None`
/// when the browser will not make one. Give it back with [`revoke`] once the link goes.
pub fn object_url(text: &str, kind: &str) -> Option<String> {
    let global = js_sys::global();
    let blob_class: Function = member(&global, "Blob").dyn_into().ok()?;
    let options = js_sys::Object::new();
    Reflect::set(&options, &"type".into(), &kind.into()).ok()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    // `of1` and `push` rather than `of2`: the first download has those bindings.
    let arguments = js_sys::Array::of1(&parts);
    arguments.push(&options);
    let blob = Reflect::construct(&blob_class, &arguments).ok()?;
    let url = member(&global, "URL");
    let make: Function = member(&url, "createObjectURL").dyn_into().ok()?;
    make.call1(&url, &blob).ok()?.as_string()
}

/// Gives back an address [`object_url`] made.
pub fn revoke(address: &str) {
    let url = member(&js_sys::global(), "URL");
    if let Ok(give_back) = member(&url, "revokeObjectURL").dyn_into::<Function>() {
        let _ = give_back.call1(&url, &JsValue::from_str(address));
    }
}
