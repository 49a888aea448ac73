//! Talking to Rocket.Chat: the HTTP client (this module), its typed errors and how answers
//! are read (`reply`), every JSON shape on the wire (`wire`), and which field a refusal
//! belongs under (`refusal`).

pub mod refusal;
pub mod reply;
pub mod wire;

use crate::domain::agents::{Agent, SUGGESTIONS};
use crate::domain::credentials::Credentials;
use crate::domain::custom_fields::CustomField;
use crate::domain::json::Json;
use crate::domain::record::ContactRecord;
use crate::settings::config::Config;
use gloo_net::http::{Request, RequestBuilder};
use reply::{ApiError, Reply};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// `POST /api/v1/omnichannel/contact`: registers or updates a contact; gives its id.
pub async fn save_contact(
    config: &Config,
    creds: &Credentials,
    body: String,
) -> Result<String, ApiError> {
    let request = authorised(
        Request::post(&config.url("/api/v1/omnichannel/contact")),
        creds,
    );
    let json = send(request, Some(body), config.timeout_ms).await?;
    decoded(wire::saved_contact_id(&json))
}

/// A 200 whose body has the wrong shape: the one place that says so.
fn decoded<T>(value: Option<T>) -> Result<T, ApiError> {
    value.ok_or(ApiError::Unexpected { status: 200 })
}

/// `GET /api/v1/omnichannel/contact?contactId=`: the stored contact, or `None` when it is gone.
pub async fn load_contact(
    config: &Config,
    creds: &Credentials,
    contact_id: &str,
) -> Result<Option<ContactRecord>, ApiError> {
    let query = [("contactId", contact_id)];
    let reply = get(config, creds, "/api/v1/omnichannel/contact", query).await?;
    decoded(wire::contact_record(&reply))
}

/// `GET /api/v1/omnichannel/contact.search?<key>=<value>`: the contact whose email (sent
/// lower-cased) or phone is exactly `value`, if any.
pub async fn search_contact(
    config: &Config,
    creds: &Credentials,
    key: &str,
    value: &str,
) -> Result<Option<ContactRecord>, ApiError> {
    let reply = get(
        config,
        creds,
        "/api/v1/omnichannel/contact.search",
        [(key, value)],
    )
    .await?;
    decoded(wire::contact_record(&reply))
}

/// `GET /api/v1/livechat/users/agent?text=`: agents whose name or username contains `text`.
pub async fn search_agents(
    config: &Config,
    creds: &Credentials,
    text: &str,
) -> Result<Vec<Agent>, ApiError> {
    let count = SUGGESTIONS.to_string();
    let query = [("text", text), ("count", count.as_str())];
    let reply = get(config, creds, "/api/v1/livechat/users/agent", query).await?;
    decoded(wire::agents(&reply))
}

/// `GET /api/v1/livechat/custom-fields`: the visitor fields the form shows.
pub async fn load_custom_fields(
    config: &Config,
    creds: &Credentials,
) -> Result<Vec<CustomField>, ApiError> {
    let reply = get(config, creds, "/api/v1/livechat/custom-fields", []).await?;
    decoded(wire::custom_field_definitions(&reply))
}

/// `POST /api/v1/login` with a username or email, a password and, when asked, a two-factor code.
pub async fn login(
    config: &Config,
    user: &str,
    password: &str,
    code: Option<&str>,
) -> Result<Credentials, ApiError> {
    let request = Request::post(&config.url("/api/v1/login"));
    match send(
        request,
        Some(wire::login_body(user, password, code)),
        config.timeout_ms,
    )
    .await
    {
        Ok(json) => decoded(wire::credentials(&json)),
        Err(ApiError::SignedOut) => Err(ApiError::WrongCredentials),
        Err(other) => Err(other),
    }
}

/// `POST /api/v1/logout`: ends the login token on the server.
pub async fn logout(config: &Config, creds: &Credentials) -> Result<(), ApiError> {
    let request = authorised(Request::post(&config.url("/api/v1/logout")), creds);
    send(request, None, config.timeout_ms).await.map(drop)
}

/// An authorised `GET` of `path` with `query`, read as JSON.
async fn get<'a>(
    config: &Config,
    creds: &Credentials,
    path: &str,
    query: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Json, ApiError> {
    let request = authorised(Request::get(&config.url(path)).query(query), creds);
    send(request, None, config.timeout_ms).await
}

fn authorised(request: RequestBuilder, creds: &Credentials) -> RequestBuilder {
    request
        .header("X-Auth-Token", &creds.auth_token)
        .header("X-User-Id", &creds.user_id)
}

/// Cancels a request that is still running when its time is up.
struct Deadline {
    controller: web_sys::AbortController,
    timer: i32,
    seconds: u32,
    _abort: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(ms: u32) -> Option<Deadline> {
        let window = web_sys::window()?;
        let controller = web_sys::AbortController::new().ok()?;
        let abort = {
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || controller.abort())
        };
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                i32::try_from(ms).unwrap_or(i32::MAX),
            )
            .ok()?;
        Some(Deadline {
            controller,
            timer,
            seconds: ms.div_ceil(1000),
            _abort: abort,
        })
    }

    /// The timeout error, when the deadline fired (and so caused the failure at hand).
    fn timed_out(deadline: &Option<Deadline>) -> Option<ApiError> {
        deadline
            .as_ref()
            .filter(|d| d.controller.signal().aborted())
            .map(|d| ApiError::Timeout { seconds: d.seconds })
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.timer);
        }
    }
}

async fn send(
    request: RequestBuilder,
    body: Option<String>,
    timeout_ms: u32,
) -> Result<Json, ApiError> {
    let deadline = Deadline::start(timeout_ms);
    let signal = deadline.as_ref().map(|d| d.controller.signal());
    let request = request.abort_signal(signal.as_ref());
    let request = match body {
        Some(body) => request
            .header("Content-Type", "application/json")
            .body(body),
        None => request.build(),
    }
    .map_err(|_| ApiError::Network)?;
    let url = request.url();
    let response = match request.send().await {
        Ok(response) => response,
        Err(_) => match Deadline::timed_out(&deadline) {
            Some(timeout) => return Err(timeout),
            None => return Err(why_unreachable(&url).await),
        },
    };
    let reset_in_ms = response
        .headers()
        .get("X-RateLimit-Reset")
        // Epoch milliseconds: an integer, so no float parser is linked for it.
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|reset| reset as f64 - js_sys::Date::now());
    let body = response
        .text()
        .await
        .map_err(|_| Deadline::timed_out(&deadline).unwrap_or(ApiError::Network))?;
    Reply {
        status: response.status(),
        body: &body,
        reset_in_ms,
    }
    .json()
}

/// After a failed request: a cross-origin server that still answers a `no-cors` request (which
/// needs no preflight) is reachable, so the failure was its CORS refusal; otherwise it is down
/// or the network is.
async fn why_unreachable(url: &str) -> ApiError {
    let Some(window) = web_sys::window() else {
        return ApiError::Network;
    };
    let page = window.location().origin().unwrap_or_default();
    let Some(server) = crate::settings::config::origin_of(url).filter(|o| *o != page) else {
        return ApiError::Network;
    };
    let probe = Request::get(&format!("{server}/api/info"))
        .mode(web_sys::RequestMode::NoCors)
        .send()
        .await;
    match probe {
        Ok(_) => ApiError::CorsRefused { server },
        Err(_) => ApiError::Network,
    }
}
