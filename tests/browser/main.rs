//! Browser tests: the real widget mounted in headless Chromium and driven through the DOM.
//! One test binary (one wasm build) with a module per concern. `fetch` is stubbed here, in the
//! tests, never in the product. Run with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

mod api_choice;
mod blocking;
mod center;
mod component;
mod conversations;
mod custom;
mod deleting;
mod drafts;
mod duplicate;
mod element;
mod embed;
mod errors;
mod finding;
mod form;
mod harness;
mod import;
mod import_resume;
mod import_sending;
mod languages;
mod lazy;
mod picker;
mod questions;
mod retry;
mod rows;
mod save;
mod shared;
mod signin;
mod storage;
mod unidentified;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
