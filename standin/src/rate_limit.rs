//! Rocket.Chat's default REST rate limiter: 10 calls per 60 s per client IP and route, a fixed
//! window that starts with the first call. A shorter window can be set (`--rate-window`), so
//! that a test sees a 429 waited out in seconds rather than a minute.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Calls allowed per window.
pub const LIMIT: u32 = 10;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(60);

/// The outcome of counting one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the call may go on.
    pub allowed: bool,
    /// Calls left in this window.
    pub remaining: u32,
    /// When the window ends, in epoch milliseconds (`X-RateLimit-Reset`).
    pub reset_ms: u128,
    /// Milliseconds until then.
    pub wait_ms: u128,
}

/// Counts calls per (client, route).
pub struct RateLimiter {
    windows: Mutex<HashMap<(String, String), (u128, u32)>>,
    window: Duration,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter::with_window(WINDOW)
    }
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis()
}

impl RateLimiter {
    /// [`LIMIT`] calls per `window` (Rocket.Chat's is [`WINDOW`]).
    pub fn with_window(window: Duration) -> Self {
        RateLimiter {
            windows: Mutex::default(),
            window,
        }
    }

    /// Counts a call from `client` to `route` now.
    pub fn hit(&self, client: &str, route: &str) -> Verdict {
        self.hit_at(client, route, now_ms())
    }

    /// Counts a call at `now` (epoch ms).
    pub fn hit_at(&self, client: &str, route: &str, now: u128) -> Verdict {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let entry = windows
            .entry((client.to_owned(), route.to_owned()))
            .or_insert((now, 0));
        let window = self.window.as_millis();
        if now >= entry.0 + window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        let reset_ms = entry.0 + window;
        Verdict {
            allowed: entry.1 <= LIMIT,
            remaining: LIMIT.saturating_sub(entry.1),
            reset_ms,
            wait_ms: reset_ms - now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_calls_pass_the_eleventh_waits_then_the_window_resets() {
        let limiter = RateLimiter::default();
        for i in 0..LIMIT {
            let v = limiter.hit_at("127.0.0.1", "POST /c", 1_000 + u128::from(i));
            assert!(v.allowed);
            assert_eq!(v.remaining, LIMIT - 1 - i);
        }
        let v = limiter.hit_at("127.0.0.1", "POST /c", 31_000);
        assert!(!v.allowed);
        assert_eq!(v.reset_ms, 61_000);
        assert_eq!(v.wait_ms, 30_000);
        assert!(
            limiter.hit_at("127.0.0.2", "POST /c", 31_000).allowed,
            "per client"
        );
        assert!(
            limiter.hit_at("127.0.0.1", "GET /c", 31_000).allowed,
            "per route"
        );
        assert!(
            limiter.hit_at("127.0.0.1", "POST /c", 61_000).allowed,
            "a new window"
        );
    }

    #[test]
    fn a_shorter_window_resets_sooner() {
        let limiter = RateLimiter::with_window(Duration::from_secs(3));
        for i in 0..LIMIT {
            assert!(limiter.hit_at("c", "r", u128::from(i)).allowed);
        }
        let v = limiter.hit_at("c", "r", 1_000);
        assert!(!v.allowed);
        assert_eq!(v.wait_ms, 2_000);
        assert!(limiter.hit_at("c", "r", 3_000).allowed, "a new window");
    }
}
