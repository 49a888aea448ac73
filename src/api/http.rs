//! The transport: one request with a deadline, its answer read as JSON or as a typed error, and
//! why a server could not be reached.

use crate::api::reply::{ApiError, Reply};
use crate::api::wire::Answer;
use gloo_net::http::{Request, RequestBuilder};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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

/// Sends `request` (with a JSON `body`, if any) and reads the answer: a successful one's
/// members, for the call's own reader; cancelled after `timeout_ms`.
pub async fn send(
    request: RequestBuilder,
    body: Option<String>,
    timeout_ms: u32,
) -> Result<Answer, ApiError> {
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
    .accepted()
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
