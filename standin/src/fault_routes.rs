//! `POST /_standin/fault` and the middleware that applies the next queued fault.

use crate::faults::{parse, Fault};
use crate::http::{failure, reply};
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// `POST /_standin/fault`.
pub async fn control(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let Some(faults) = &state.faults else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    match parse(&body) {
        Ok((fault, count)) => {
            faults.push(fault, count);
            reply(StatusCode::OK, json!({"queued": count, "success": true}))
        }
        Err(text) => failure(text),
    }
}

/// Applies the next queued fault to an `/api/` request (never to preflights).
pub async fn inject(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let applies = request.uri().path().starts_with("/api/") && request.method() != Method::OPTIONS;
    let fault = state
        .faults
        .as_ref()
        .filter(|_| applies)
        .and_then(|f| f.next());
    match fault {
        None => next.run(request).await,
        Some(Fault::Slow(delay)) => {
            tokio::time::sleep(delay).await;
            next.run(request).await
        }
        Some(Fault::ServerError) => reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"success": false, "error": "Internal server error"}),
        ),
        Some(Fault::Html) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!DOCTYPE html><html><body><h1>Please sign in to the network</h1></body></html>",
        )
            .into_response(),
        Some(Fault::Drop) => cut_answer(Duration::from_millis(100)),
        Some(Fault::Lost(pause)) => {
            drop(next.run(request).await);
            cut_answer(pause)
        }
    }
}

/// Part of an answer, then the cut: a browser retries a request whose connection closed before
/// any byte came back, so the cut must come mid-answer to be seen. The pause lets the server
/// flush the first part before the cut.
fn cut_answer(pause: Duration) -> Response {
    let broken = futures_util::stream::unfold(0u8, move |step| async move {
        match step {
            0 => Some((Ok(Bytes::from_static(b"{\"contact\":")), 1)),
            1 => {
                tokio::time::sleep(pause).await;
                Some((
                    Err(std::io::Error::other("connection dropped by --faults")),
                    2,
                ))
            }
            _ => None,
        }
    });
    Response::new(Body::from_stream(broken))
}
