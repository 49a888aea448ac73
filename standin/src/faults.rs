//! Fault injection for tests of the widget's failure handling: slow answers, 5xx, HTML bodies,
//! dropped connections and lost answers. Off unless the server was started with `--faults`; then
//! `POST /_standin/fault` queues faults, and each `/api/` request takes the next one
//! (`fault_routes.rs`). This file is the queue and its control body.

use serde_json::Value;
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

/// One injected fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Wait this long, then answer normally.
    Slow(Duration),
    /// 500 with Rocket.Chat's error shape.
    ServerError,
    /// 200 with an HTML page instead of JSON (a proxy's or a captive portal's page).
    Html,
    /// Send the headers and part of the body, then cut the connection (the request is not
    /// carried out).
    Drop,
    /// Carry the request out, then lose the answer: part of it, this long a pause, and the cut.
    /// The client never learns that its save was made, as when the network goes mid-save.
    Lost(Duration),
}

/// The queue of faults, present only when `--faults` was given.
#[derive(Default)]
pub struct Faults {
    queue: Mutex<VecDeque<Fault>>,
}

impl Faults {
    /// Queues `count` times `fault`.
    pub fn push(&self, fault: Fault, count: usize) {
        let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        queue.extend(std::iter::repeat_n(fault, count));
    }

    /// Takes the next queued fault, if any.
    pub fn next(&self) -> Option<Fault> {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
    }
}

/// Reads `{"kind": "slow"|"error"|"html"|"drop"|"lost", "count"?: n, "ms"?: n}`.
pub fn parse(body: &Value) -> Result<(Fault, usize), String> {
    let count = body.get("count").and_then(Value::as_u64).unwrap_or(1) as usize;
    let ms = |default: u64| {
        Duration::from_millis(body.get("ms").and_then(Value::as_u64).unwrap_or(default))
    };
    let fault = match body.get("kind").and_then(Value::as_str) {
        Some("slow") => Fault::Slow(ms(20_000)),
        Some("error") => Fault::ServerError,
        Some("html") => Fault::Html,
        Some("drop") => Fault::Drop,
        Some("lost") => Fault::Lost(ms(100)),
        _ => return Err("kind must be one of slow, error, html, drop, lost".into()),
    };
    Ok((fault, count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn control_bodies() {
        assert_eq!(
            parse(&json!({"kind": "error"})),
            Ok((Fault::ServerError, 1))
        );
        assert_eq!(
            parse(&json!({"kind": "html", "count": 3})),
            Ok((Fault::Html, 3))
        );
        assert_eq!(
            parse(&json!({"kind": "slow", "ms": 50})),
            Ok((Fault::Slow(Duration::from_millis(50)), 1))
        );
        assert_eq!(
            parse(&json!({"kind": "lost", "ms": 900})),
            Ok((Fault::Lost(Duration::from_millis(900)), 1))
        );
        assert!(parse(&json!({"kind": "boom"})).is_err());
        let faults = Faults::default();
        faults.push(Fault::Drop, 2);
        assert_eq!(
            (faults.next(), faults.next(), faults.next()),
            (Some(Fault::Drop), Some(Fault::Drop), None)
        );
    }
}
