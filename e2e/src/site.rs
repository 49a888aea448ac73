//! The sites the tests open: a host site serving the release `dist/` beside its pages with a
//! stand-in on the same origin, and stand-ins alone (another origin, another release, seeded).

use crate::free_port;
use rc_standin::state::AppState;
use rc_standin::{Options, Standin};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// The release build the tests drive (`trunk build --release` makes it).
pub fn dist() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist");
    assert!(
        dist.join("index.html").is_file(),
        "no release build in {}: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// A host site on its own port: `dist/` (the widget's files) plus pages, as a CRM that embeds
/// the widget would serve them, with a stand-in API on the same origin. Its folder is removed
/// when it is dropped.
pub struct HostSite {
    /// Base URL, e.g. `http://127.0.0.1:40123`.
    pub url: String,
    /// The same-origin stand-in's state.
    pub state: Arc<AppState>,
    dir: PathBuf,
}

impl HostSite {
    /// Removes the file `name` from what the site serves (e.g. the wasm, to see it missing).
    pub fn remove(&self, name: &str) {
        std::fs::remove_file(self.dir.join(name)).expect("the file is removed");
    }

    /// Takes the file `name` away (the site answers 404 for it) until [`HostSite::put_back`].
    pub fn take_away(&self, name: &str) {
        std::fs::rename(self.dir.join(name), self.dir.join(format!("{name}.away")))
            .expect("the file is moved away");
    }

    /// Serves again a file [`HostSite::take_away`] took away.
    pub fn put_back(&self, name: &str) {
        std::fs::rename(self.dir.join(format!("{name}.away")), self.dir.join(name))
            .expect("the file is put back");
    }

    /// The file name of lazy part `part`'s chunk (`split_<part>-<tag>.wasm`).
    pub fn chunk(&self, part: &str) -> String {
        let prefix = format!("split_{part}-");
        std::fs::read_dir(&self.dir)
            .expect("the site's folder reads")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|n| n.starts_with(&prefix) && n.ends_with(".wasm"))
            .unwrap_or_else(|| panic!("no chunk {prefix}*.wasm in the release build"))
    }

    /// Adds (or replaces) the page `name`, for a page that must name the site's own URL.
    pub fn write(&self, name: &str, html: &str) {
        std::fs::write(self.dir.join(name), html).expect("the page is written");
    }
}

impl Drop for HostSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Starts a [`HostSite`] serving `pages` (file name, HTML) beside the widget's files.
pub async fn host_site(pages: &[(&str, String)]) -> HostSite {
    host_site_with(pages, Options::default()).await
}

/// [`host_site`] with the stand-in's `options` (its listen address and static folder are set
/// here): e.g. a `csp` header on the pages, faults, the required custom field.
pub async fn host_site_with(pages: &[(&str, String)], options: Options) -> HostSite {
    let dir = std::env::temp_dir().join(format!("e2e-host-{}-{}", std::process::id(), free_port()));
    copy_dir(&dist(), &dir);
    for (name, html) in pages {
        std::fs::write(dir.join(name), html).expect("the page is written");
    }
    let options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        static_dir: Some(dir.clone()),
        ..options
    };
    let site = Standin::bind(&options).await.expect("the host site starts");
    let state = site.state.clone();
    HostSite {
        url: format!("http://{}", site.spawn()),
        state,
        dir,
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("dist/ reads") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("a copy");
        }
    }
}

/// An API-only stand-in with the given CORS setting (the Rocket.Chat of a cross-origin embed),
/// with fault injection on.
pub async fn api_server(cors: rc_standin::state::Cors) -> (String, Arc<AppState>) {
    let options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        required_field: false,
        faults: true,
        cors,
        ..Options::default()
    };
    let standin = Standin::bind(&options).await.expect("the stand-in starts");
    let state = standin.state.clone();
    (format!("http://{}", standin.spawn()), state)
}

/// A stand-in serving `dist/` at `/` and the API beside it (same origin, as in production behind
/// a proxy). The required custom field is off (the widget does not render custom fields yet), and
/// fault injection is on (nothing is injected unless a test queues it).
pub async fn standin() -> (String, Arc<AppState>) {
    standin_with(false).await
}

/// [`standin`], but with the seeded Company custom field required, as Rocket.Chat would have it.
pub async fn standin_requiring_company() -> (String, Arc<AppState>) {
    standin_with(true).await
}

/// [`standin`] behaving as Rocket.Chat `version` (e.g. 6.13: no Contact Center routes).
pub async fn standin_version(version: &str) -> (String, Arc<AppState>) {
    let version = rc_standin::model::Version::parse(version).expect("MAJOR.MINOR");
    start_standin(Options {
        version,
        required_field: false,
        ..Options::default()
    })
    .await
}

/// [`standin`] with `n` people to find (`Findme 01`…, each a visitor and a Contact Center
/// contact, as `--seed-contacts` gives them).
pub async fn standin_seeded(n: usize) -> (String, Arc<AppState>) {
    start_standin(Options {
        required_field: false,
        seed_contacts: n,
        ..Options::default()
    })
    .await
}

/// [`standin`] whose rate limit's window is `window` rather than a minute (10 calls per route
/// and client in it), so that a 429 is waited out within a test.
pub async fn standin_rate_window(window: std::time::Duration) -> (String, Arc<AppState>) {
    start_standin(Options {
        required_field: false,
        rate_window: window,
        ..Options::default()
    })
    .await
}

async fn standin_with(required_field: bool) -> (String, Arc<AppState>) {
    start_standin(Options {
        required_field,
        ..Options::default()
    })
    .await
}

async fn start_standin(options: Options) -> (String, Arc<AppState>) {
    let options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        static_dir: Some(dist()),
        faults: true,
        ..options
    };
    let standin = Standin::bind(&options).await.expect("the stand-in starts");
    let state = standin.state.clone();
    let addr = standin.spawn();
    (format!("http://{addr}"), state)
}
