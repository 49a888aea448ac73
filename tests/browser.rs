//! Browser tests: the real widget mounted in headless Chromium and driven through the DOM.
//! One test binary (one wasm build) with a module per concern. `fetch` is stubbed here, in the
//! tests, never in the product. Run with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

#[path = "browser/custom.rs"]
mod custom;
#[path = "browser/drafts.rs"]
mod drafts;
#[path = "browser/duplicate.rs"]
mod duplicate;
#[path = "browser/element.rs"]
mod element;
#[path = "browser/embed.rs"]
mod embed;
#[path = "browser/errors.rs"]
mod errors;
#[path = "browser/form.rs"]
mod form;
#[path = "browser/harness.rs"]
mod harness;
#[path = "browser/picker.rs"]
mod picker;
#[path = "browser/retry.rs"]
mod retry;
#[path = "browser/save.rs"]
mod save;
#[path = "browser/signin.rs"]
mod signin;
#[path = "browser/storage.rs"]
mod storage;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
