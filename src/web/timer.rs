//! One pending timeout that a new start replaces: the draft's debounce, the picker's lookup
//! pause and a rate limit's wait all need exactly this.

use leptos::prelude::*;
use std::time::Duration;

/// At most one scheduled callback (cheap to copy; the handle lives in the reactive arena).
#[derive(Debug, Clone, Copy)]
pub struct Timer(StoredValue<Option<TimeoutHandle>>);

impl Timer {
    /// A timer with nothing scheduled.
    pub fn new() -> Self {
        Timer(StoredValue::new(None))
    }

    /// Runs `callback` after `wait`, replacing whatever was scheduled.
    pub fn start(&self, wait: Duration, callback: impl FnOnce() + 'static) {
        self.clear();
        self.0
            .set_value(set_timeout_with_handle(callback, wait).ok());
    }

    /// Cancels what is scheduled, if anything.
    pub fn clear(&self) {
        if let Some(handle) = self.0.get_value() {
            handle.clear();
        }
        self.0.set_value(None);
    }
}

impl Default for Timer {
    fn default() -> Self {
        Self::new()
    }
}

/// Resolves after `ms` milliseconds (at once if the browser will not time it).
pub async fn wait(ms: u64) {
    let (done, waited) = futures_channel::oneshot::channel::<()>();
    let _ = set_timeout_with_handle(
        move || {
            let _ = done.send(());
        },
        Duration::from_millis(ms),
    );
    let _ = waited.await;
}

/// Milliseconds since 1970, the browser's clock (0 natively, for tests of what uses it).
pub fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}
