//! Rocket.Chat's paging and sort parameters, as every paged route reads them
//! (`docs/rocket-chat.md`, paging): `count` (default 50, at most 100, `0` = all), `offset`, and
//! a `sort` of JSON `{field: 1|-1}`, anything else being `error-invalid-sort`.

use crate::http::meteor_error;
use axum::response::Response;
use serde_json::{Map, Value};
use std::cmp::Ordering;

/// `count` (default 50, at most 100, 0 = all) and `offset` (default 0), as numbers (a schema
/// coerced them) or as the query's text.
pub fn page_of(query: &Map<String, Value>) -> (usize, usize) {
    let number = |key: &str| {
        let value = query.get(key)?;
        let number = value
            .as_f64()
            .or_else(|| value.as_str()?.trim().parse::<f64>().ok())?;
        Some(number.max(0.0) as usize)
    };
    (
        number("count").unwrap_or(50).min(100),
        number("offset").unwrap_or(0),
    )
}

/// The page of `items`: `count` from `offset`, all of them when `count` is 0.
pub fn page<T>(items: Vec<T>, count: usize, offset: usize) -> Vec<T> {
    let take = if count == 0 { usize::MAX } else { count };
    items.into_iter().skip(offset).take(take).collect()
}

/// `sort` as JSON `{field: 1|-1}`, else `default`; anything else is `error-invalid-sort`.
pub fn sort_of(
    query: &Map<String, Value>,
    default: (&str, i64),
) -> Result<(String, i64), Box<Response>> {
    let Some(raw) = query.get("sort").and_then(Value::as_str) else {
        return Ok((default.0.to_owned(), default.1));
    };
    let parsed: Option<(String, i64)> = serde_json::from_str::<Map<String, Value>>(raw)
        .ok()
        .and_then(|m| m.into_iter().next())
        .and_then(|(k, v)| v.as_i64().filter(|d| *d == 1 || *d == -1).map(|d| (k, d)));
    parsed.ok_or_else(|| {
        Box::new(meteor_error(
            "error-invalid-sort",
            &format!("Invalid sort parameter provided: \"{raw}\""),
        ))
    })
}

/// `order`, reversed when `direction` is negative (a `sort` of `-1`).
pub fn ordered(order: Ordering, direction: i64) -> Ordering {
    if direction < 0 {
        order.reverse()
    } else {
        order
    }
}
