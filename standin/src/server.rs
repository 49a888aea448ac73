//! The router, CORS as Rocket.Chat's "REST API > Enable CORS" setting does it, static files,
//! and start-up (loopback only unless told otherwise). The state the routes share is
//! `state.rs`, which the routes import instead of this file, so no module imports its importer.

use crate::route::{self, Route};
use crate::routes;
use crate::state::{AppState, Cors};
use crate::{
    auth_routes, block_routes, conflict_routes, contact_routes, contacts_routes, fault_routes,
    history_routes, livechat_routes, search_routes,
};
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// The text of a refused preflight.
pub const CORS_DISABLED: &str =
    "CORS not enabled. Go to \"Admin > General > REST Api\" to enable it.";
const ALLOW_HEADERS: &str =
    "Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, x-visitor-token, Authorization";
const ALLOW_METHODS: &str = "GET, POST, PUT, DELETE, HEAD, PATCH";

/// The whole HTTP surface; `static_dir` is served at `/` when given.
pub fn router(state: Arc<AppState>, static_dir: Option<PathBuf>) -> Router {
    let api = table()
        .into_iter()
        .fold(Router::new(), |router, (path, method)| {
            router.route(path, method)
        })
        .route("/api/{*rest}", get(not_found).post(not_found))
        .route("/_standin/fault", post(fault_routes::control));
    let app = match static_dir {
        Some(dir) => api.fallback_service(tower_http::services::ServeDir::new(dir)),
        None => api,
    };
    app.layer(middleware::from_fn_with_state(
        state.clone(),
        fault_routes::inject,
    ))
    .layer(middleware::from_fn_with_state(state.clone(), cors))
    .with_state(state)
}

/// Every API route of `routes.rs` with its handler: the router is built from this list.
fn table() -> Vec<(&'static str, MethodRouter<Arc<AppState>>)> {
    vec![
        at(&routes::LOGIN, auth_routes::login),
        at(&routes::LOGOUT, auth_routes::logout),
        at(&routes::ME, auth_routes::me),
        at(&routes::INFO, contacts_routes::info),
        at(&routes::CONTACT_SAVE, contact_routes::save),
        at(&routes::CONTACT_GET, contact_routes::get),
        at(&routes::CONTACT_SEARCH, contact_routes::search),
        at(&routes::CUSTOM_FIELDS, livechat_routes::custom_fields),
        at(&routes::AGENTS, livechat_routes::agents),
        at(&routes::VISITORS_SEARCH, search_routes::visitors),
        at(&routes::CONTACTS_CREATE, contacts_routes::create),
        at(&routes::CONTACTS_UPDATE, contacts_routes::update),
        at(&routes::CONTACTS_GET, contacts_routes::get),
        at(&routes::CONTACTS_SEARCH, search_routes::contacts),
        at(
            &routes::CONTACTS_CHECK_EXISTENCE,
            contacts_routes::check_existence,
        ),
        at(&routes::CONTACTS_CONFLICTS, conflict_routes::resolve),
        at(&routes::CONTACTS_DELETE, conflict_routes::delete),
        at(&routes::CONTACTS_HISTORY, history_routes::history),
        at(&routes::CONTACTS_CHANNELS, history_routes::channels),
        at(&routes::ROOM_MESSAGES, history_routes::messages),
        at(&routes::VISITOR_CHATS, history_routes::search_chats),
        at(&routes::CONTACTS_BLOCK, block_routes::block),
        at(&routes::CONTACTS_UNBLOCK, block_routes::unblock),
        at(&routes::LICENSES_INFO, block_routes::licenses_info),
        at(&routes::PERMISSIONS, block_routes::permissions),
    ]
}

/// `handler` at `route`'s path, for its method.
fn at<H, T>(route: &Route, handler: H) -> (&'static str, MethodRouter<Arc<AppState>>)
where
    H: Handler<T, Arc<AppState>>,
    T: 'static,
{
    let method = if route.is_post() {
        post(handler)
    } else {
        get(handler)
    };
    (route.path(), method)
}

/// What a path the stand-in does not have answers (a `/api/` path only: the rest is files).
async fn not_found() -> Response {
    route::not_found()
}

/// CORS on `/api/`, and the `--csp` header on everything else.
async fn cors(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let allowed = state.cors.allow_origin(origin.as_deref());
    if is_api && request.method() == Method::OPTIONS {
        if state.cors == Cors::Off {
            return (StatusCode::METHOD_NOT_ALLOWED, CORS_DISABLED).into_response();
        }
        let mut response = StatusCode::OK.into_response();
        let headers = response.headers_mut();
        if let Some(allowed) = &allowed {
            if let Ok(value) = HeaderValue::from_str(allowed) {
                headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
            }
        }
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static(ALLOW_METHODS),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static(ALLOW_HEADERS),
        );
        return response;
    }
    if request.uri().path().ends_with(".wasm") {
        let mut held = state.hold_wasm.subscribe();
        let _ = held.wait_for(|hold| !*hold).await;
    }
    let mut response = next.run(request).await;
    if !is_api {
        // Asked again each time (an unchanged file answers 304): a rebuilt widget is seen at
        // once, and a held wasm is held on a reload too.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    if let (false, Some(csp)) = (is_api, &state.csp) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    }
    if let (true, Some(allowed)) = (is_api, allowed) {
        if let Ok(value) = HeaderValue::from_str(&allowed) {
            response
                .headers_mut()
                .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        }
    }
    response
}

/// Why the server could not start.
#[derive(Debug)]
pub struct StartError(pub String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Binds `addr` (loopback only unless `allow_remote`), with clear words for a busy port.
pub async fn bind(
    addr: SocketAddr,
    allow_remote: bool,
) -> Result<tokio::net::TcpListener, StartError> {
    if !addr.ip().is_loopback() && !allow_remote {
        return Err(StartError(format!(
            "refusing to listen on {addr}: it is not a loopback address, and this stand-in has seeded passwords. \
             Pass --allow-remote if you really mean it."
        )));
    }
    tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            StartError(format!(
                "port {} on {} is already in use: stop the other server, or pass --listen {}:OTHER_PORT",
                addr.port(),
                addr.ip(),
                addr.ip()
            ))
        } else {
            StartError(format!("cannot listen on {addr}: {e}"))
        }
    })
}

/// Serves until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
