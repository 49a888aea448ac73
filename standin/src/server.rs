//! The router, CORS as Rocket.Chat's "REST API > Enable CORS" setting does it, static files,
//! and start-up (loopback only unless told otherwise). The state the routes share is
//! `state.rs`, which the routes import instead of this file, so no module imports its importer.

use crate::state::{AppState, Cors};
use crate::{
    auth_routes, conflict_routes, contact_routes, contacts_routes, fault_routes, history_routes,
    livechat_routes, search_routes,
};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;
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
    let api = Router::new()
        .route("/api/v1/login", post(auth_routes::login))
        .route("/api/v1/logout", post(auth_routes::logout))
        .route("/api/v1/me", get(auth_routes::me))
        .route(
            "/api/v1/omnichannel/contact",
            post(contact_routes::save).get(contact_routes::get),
        )
        .route(
            "/api/v1/omnichannel/contact.search",
            get(contact_routes::search),
        )
        .route(
            "/api/v1/livechat/custom-fields",
            get(livechat_routes::custom_fields),
        )
        .route("/api/v1/livechat/users/agent", get(livechat_routes::agents))
        .route(
            "/api/v1/omnichannel/contacts.conflicts",
            post(conflict_routes::resolve),
        )
        .route(
            "/api/v1/omnichannel/contacts.delete",
            post(conflict_routes::delete),
        )
        .route(
            "/api/v1/livechat/visitors.search",
            get(search_routes::visitors),
        )
        .route("/api/info", get(contacts_routes::info))
        .route(
            "/api/v1/omnichannel/contacts",
            post(contacts_routes::create),
        )
        .route(
            "/api/v1/omnichannel/contacts.update",
            post(contacts_routes::update),
        )
        .route(
            "/api/v1/omnichannel/contacts.get",
            get(contacts_routes::get),
        )
        .route(
            "/api/v1/omnichannel/contacts.search",
            get(search_routes::contacts),
        )
        .route(
            "/api/v1/omnichannel/contacts.checkExistence",
            get(contacts_routes::check_existence),
        )
        .route(
            "/api/v1/omnichannel/contacts.history",
            get(history_routes::history),
        )
        .route(
            "/api/v1/omnichannel/contacts.channels",
            get(history_routes::channels),
        )
        .route(
            "/api/v1/livechat/{rid}/messages",
            get(history_routes::messages),
        )
        .route(
            "/api/v1/livechat/visitors.searchChats/room/{rid}/visitor/{vid}",
            get(history_routes::search_chats),
        )
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

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(json!({"success": false, "error": "API endpoint not found"})),
    )
        .into_response()
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
