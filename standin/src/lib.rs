//! A stand-in Rocket.Chat server for the contact form widget: the endpoints the widget uses,
//! with the statuses, JSON shapes, error texts and check order that `docs/rocket-chat.md`
//! gives, so that local use and end-to-end tests meet Rocket.Chat's behaviour.

pub mod auth_routes;
pub mod block_routes;
pub mod conflict_routes;
pub mod contact_record;
pub mod contact_routes;
pub mod contacts_check;
pub mod contacts_routes;
pub mod fault_routes;
pub mod faults;
pub mod history_model;
pub mod history_routes;
pub mod history_seed;
pub mod http;
pub mod ids;
pub mod livechat_routes;
pub mod meteor_check;
pub mod model;
pub mod paging;
pub mod rate_limit;
pub mod route;
pub mod routes;
pub mod search_routes;
pub mod seed;
pub mod server;
pub mod state;
pub mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// How to run a stand-in.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to listen (loopback by default).
    pub listen: SocketAddr,
    /// Allow a non-loopback address.
    pub allow_remote: bool,
    /// Keep data in this JSON file (else in memory).
    pub data: Option<PathBuf>,
    /// Serve this directory (a built `dist/`) at `/`.
    pub static_dir: Option<PathBuf>,
    /// The CORS setting.
    pub cors: state::Cors,
    /// Whether the seeded `company` custom field is required.
    pub required_field: bool,
    /// Enables fault injection (`POST /_standin/fault`); never on by default.
    pub faults: bool,
    /// A `Content-Security-Policy` header for the static files.
    pub csp: Option<String>,
    /// The Rocket.Chat release to behave as: before 7.1 there are no contacts routes.
    pub version: model::Version,
    /// How many people to find to seed (each a visitor and a Contact Center contact):
    /// `Findme 01`, `findme01@example.org`, `+493000000001`, …
    pub seed_contacts: usize,
    /// The rate limiter's window (Rocket.Chat's: 60 s; a test sets a shorter one).
    pub rate_window: std::time::Duration,
    /// Whether the workspace has the licence modules blocking a channel needs (on by default).
    pub license: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            listen: SocketAddr::from(([127, 0, 0, 1], 3100)),
            allow_remote: false,
            data: None,
            static_dir: None,
            cors: state::Cors::Off,
            required_field: true,
            faults: false,
            csp: None,
            version: model::Version::DEFAULT,
            seed_contacts: 0,
            rate_window: rate_limit::WINDOW,
            license: true,
        }
    }
}

/// A bound, ready stand-in.
pub struct Standin {
    /// The address it listens on (the real port when 0 was asked for).
    pub addr: SocketAddr,
    /// The shared state, for tests that look inside.
    pub state: Arc<state::AppState>,
    listener: tokio::net::TcpListener,
    app: axum::Router,
}

impl Standin {
    /// Loads or seeds the data and binds the address.
    pub async fn bind(options: &Options) -> Result<Self, String> {
        let mut seed = seed::data(options.required_field);
        seed::people(&mut seed, options.seed_contacts);
        let store = match &options.data {
            Some(file) => store::Store::file(file, seed).map_err(|e| e.to_string())?,
            None => store::Store::memory(seed),
        };
        let state = Arc::new(state::AppState {
            store,
            limiter: rate_limit::RateLimiter::with_window(options.rate_window),
            cors: options.cors.clone(),
            faults: options.faults.then(faults::Faults::default),
            version: options.version,
            license: options.license,
            hold_wasm: tokio::sync::watch::channel(false).0,
            csp: match &options.csp {
                Some(csp) => Some(
                    axum::http::HeaderValue::from_str(csp)
                        .map_err(|_| format!("--csp {csp:?}: not a valid header value"))?,
                ),
                None => None,
            },
        });
        let listener = server::bind(options.listen, options.allow_remote)
            .await
            .map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let app = server::router(state.clone(), options.static_dir.clone());
        Ok(Standin {
            addr,
            state,
            listener,
            app,
        })
    }

    /// The seeded sign-ins, as printed on start.
    pub async fn describe(&self) -> String {
        self.state.store.read(seed::describe).await
    }

    /// Serves until `shutdown` resolves.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        server::serve(self.listener, self.app, shutdown).await
    }

    /// Serves on a background task (tests and the end-to-end suite); stops with the runtime.
    pub fn spawn(self) -> SocketAddr {
        let addr = self.addr;
        tokio::spawn(self.run(std::future::pending()));
        addr
    }
}
