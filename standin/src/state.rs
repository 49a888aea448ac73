//! What every handler shares: the data, the rate limiter, the CORS setting, injected faults,
//! the release it behaves as. The routes and the server both import it; it imports none of them.

use crate::faults::Faults;
use crate::model::Version;
use crate::rate_limit::RateLimiter;
use crate::store::Store;
use axum::http::HeaderValue;

/// `API_Enable_CORS` and `API_CORS_Origin`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cors {
    /// Off (Rocket.Chat's default): preflights get 405.
    #[default]
    Off,
    /// On for every origin (`*`).
    Any,
    /// On for these origins.
    Origins(Vec<String>),
}

impl Cors {
    /// Parses the `--cors` value: `*` or a comma-separated list of origins.
    pub fn parse(value: &str) -> Cors {
        if value.trim() == "*" {
            Cors::Any
        } else {
            Cors::Origins(
                value
                    .split(',')
                    .map(|o| o.trim().trim_end_matches('/').to_owned())
                    .collect(),
            )
        }
    }

    /// The `Access-Control-Allow-Origin` to send for a request from `origin`, if any.
    pub fn allow_origin(&self, origin: Option<&str>) -> Option<String> {
        match self {
            Cors::Off => None,
            Cors::Any => Some("*".into()),
            Cors::Origins(list) => origin
                .filter(|o| list.iter().any(|l| l == o))
                .map(str::to_owned),
        }
    }
}

/// Shared by every handler.
pub struct AppState {
    /// The data.
    pub store: Store,
    /// The REST rate limiter.
    pub limiter: RateLimiter,
    /// The CORS setting.
    pub cors: Cors,
    /// Injected faults, only with `--faults`.
    pub faults: Option<Faults>,
    /// A `Content-Security-Policy` sent with every static file (`--csp`), to try a host page's
    /// policy against the widget.
    pub csp: Option<HeaderValue>,
    /// The release `/api/info` reports; before 7.1 the contacts routes do not exist.
    pub version: Version,
    /// Whether the workspace has the licence modules block and unblock need (`--no-license`:
    /// it never had them).
    pub license: bool,
    /// While `true`, a static `.wasm` file is not answered (the end-to-end tests type into the
    /// form the loader draws before the wasm is there); it goes once this is `false` again.
    pub hold_wasm: tokio::sync::watch::Sender<bool>,
}

impl AppState {
    /// Holds static `.wasm` answers back (`true`) or lets them go (`false`).
    pub fn hold_wasm(&self, hold: bool) {
        self.hold_wasm.send_replace(hold);
    }
}
