//! The `api: "auto"` choice: the Contact Center when the server has it (Rocket.Chat 7.1 or
//! later), else the legacy endpoint. Made once per server and page, and said in the console.

use crate::api::http::send;
use crate::api::reply::ApiError;
use crate::api::wire;
use crate::api::Client;
use crate::settings::config::{ApiChoice, Config};
use gloo_net::http::Request;
use std::cell::RefCell;

thread_local! {
    /// The choice made for each server on this page.
    static CHOSEN: RefCell<Vec<(String, ApiChoice)>> = const { RefCell::new(Vec::new()) };
}

/// The choice already made for `server` on this page, if any.
pub fn known(server: &str) -> Option<ApiChoice> {
    CHOSEN.with(|c| {
        c.borrow()
            .iter()
            .find(|(s, _)| s == server)
            .map(|(_, api)| *api)
    })
}

/// Asks the server which API it has: `GET /api/info` (no sign-in needed) gives its release;
/// if its answer does not say and someone is signed in, the contacts search route is probed
/// (200 or 403 means it exists). Anything else keeps the legacy endpoint. No answer at all
/// (offline, a timeout, a refused CORS preflight) decides nothing: that error comes back, and
/// the next load asks again.
pub async fn choose(config: &Config, client: Option<Client>) -> Result<ApiChoice, ApiError> {
    if let Some(api) = known(&config.server) {
        return Ok(api);
    }
    let request = Request::get(&config.url("/api/info"));
    let version = match send(request, None, config.timeout_ms).await {
        Ok(answer) => wire::api_version(&answer),
        Err(e @ (ApiError::Network | ApiError::Timeout { .. } | ApiError::CorsRefused { .. })) => {
            return Err(e)
        }
        Err(_) => None,
    };
    let (api, why) = match version {
        Some((major, minor)) if (major, minor) >= (7, 1) => (
            ApiChoice::Contacts,
            format!("Rocket.Chat {major}.{minor} has the Contact Center API"),
        ),
        Some((major, minor)) => (
            ApiChoice::Legacy,
            format!("Rocket.Chat {major}.{minor} is older than 7.1"),
        ),
        None => probe(client).await,
    };
    CHOSEN.with(|c| c.borrow_mut().push((config.server.clone(), api)));
    web_sys::console::info_1(
        &format!(
            "omnichannel-contact-form: api \"auto\" uses \"{}\" for {}: {why}.",
            api.name(),
            config.server
        )
        .into(),
    );
    Ok(api)
}

async fn probe(client: Option<Client>) -> (ApiChoice, String) {
    let Some(client) = client else {
        return (
            ApiChoice::Legacy,
            "its version could not be read (GET /api/info)".into(),
        );
    };
    match client.probe_contacts().await {
        true => (
            ApiChoice::Contacts,
            "it answers the contacts search route".into(),
        ),
        false => (
            ApiChoice::Legacy,
            "neither /api/info nor the contacts search route answered".into(),
        ),
    }
}
