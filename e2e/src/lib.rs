//! Harness for the end-to-end tests: a stand-in server serving the release `dist/`
//! ([`site`]), and a Chromium driven through chromedriver ([`browser`]), used the way a person
//! uses the page; scripts for a shadow root ([`scripts`]), the Contact Center host page
//! (`center`), the loader's pages, the npm package and what the wasm draws first.

mod browser;
mod center;
pub mod loader_page;
pub mod npm;
mod scripts;
pub mod shell;
mod site;
pub use browser::*;
pub use center::{center_site, center_site_with, open_found, open_found_on};
pub use scripts::*;
pub use site::*;

use std::time::Duration;

/// How long to wait for something to appear before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}
