//! The import's pace: Rocket.Chat lets an agent make 10 calls a minute per route (a fixed
//! window per client and route; admins are not limited). The import sends one row at a time and
//! keeps to at most [`CALLS`] rows in any [`WINDOW_MS`] span, which keeps every fixed window of
//! the server under its limit too; when the server still answers 429 it waits what the server
//! says and goes on. Times are milliseconds on any clock that only goes forward.

use std::collections::VecDeque;

/// Rocket.Chat's default calls per window and route.
pub const CALLS: usize = 10;
/// Rocket.Chat's default window.
pub const WINDOW_MS: u64 = 60_000;

/// When the next row may go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pace {
    calls: usize,
    window_ms: u64,
    /// When each of the last `calls` rows went, oldest first.
    sent: VecDeque<u64>,
    /// Until when the server asked to wait.
    held_until: u64,
}

impl Default for Pace {
    fn default() -> Self {
        Pace::new(CALLS, WINDOW_MS)
    }
}

impl Pace {
    /// At most `calls` rows per `window_ms` (a test sets a shorter window).
    pub fn new(calls: usize, window_ms: u64) -> Self {
        Pace {
            calls: calls.max(1),
            window_ms,
            sent: VecDeque::new(),
            held_until: 0,
        }
    }

    /// How long to wait from `now` before the next row may go (0: at once).
    pub fn wait_ms(&self, now: u64) -> u64 {
        let full = self.sent.len() >= self.calls;
        let window_free = match self.sent.front() {
            Some(oldest) if full => oldest + self.window_ms,
            _ => 0,
        };
        window_free.max(self.held_until).saturating_sub(now)
    }

    /// A row went at `now`.
    pub fn sent(&mut self, now: u64) {
        self.sent.push_back(now);
        while self.sent.len() > self.calls {
            self.sent.pop_front();
        }
    }

    /// The server answered 429 at `now`, asking to wait `seconds` (its text's number).
    pub fn told_to_wait(&mut self, now: u64, seconds: u64) {
        self.held_until = self.held_until.max(now + seconds * 1000);
    }

    /// About how long `rows` more rows take from `now` at this pace.
    pub fn time_left_ms(&self, rows: usize, now: u64) -> u64 {
        if rows == 0 {
            return 0;
        }
        let first = self.wait_ms(now);
        // After the first, each full window lets `calls` rows through.
        let windows = (rows - 1) / self.calls;
        first + windows as u64 * self.window_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_rows_go_at_once_then_the_eleventh_waits_for_the_first_to_leave_the_window() {
        let mut pace = Pace::default();
        for i in 0..10 {
            assert_eq!(pace.wait_ms(i * 100), 0, "row {i}");
            pace.sent(i * 100);
        }
        assert_eq!(pace.wait_ms(1_000), 59_000);
        pace.sent(60_000);
        assert_eq!(
            pace.wait_ms(60_000),
            100,
            "the second one leaves 100 ms later"
        );
    }

    #[test]
    fn no_window_of_the_server_sees_more_than_ten() {
        let mut pace = Pace::new(10, 60_000);
        let mut now = 0;
        let mut sent = Vec::new();
        for _ in 0..45 {
            now += pace.wait_ms(now);
            pace.sent(now);
            sent.push(now);
            now += 700;
        }
        for start in sent.iter().copied() {
            let inside = sent
                .iter()
                .filter(|&&t| t >= start && t < start + 60_000)
                .count();
            assert!(inside <= 10, "{inside} rows in the minute from {start}");
        }
    }

    #[test]
    fn a_429_holds_every_row_for_what_the_server_says() {
        let mut pace = Pace::default();
        pace.sent(0);
        pace.told_to_wait(5_000, 42);
        assert_eq!(pace.wait_ms(5_000), 42_000);
        assert_eq!(pace.wait_ms(47_000), 0);
        // A shorter wait told later does not shorten it.
        pace.told_to_wait(6_000, 1);
        assert_eq!(pace.wait_ms(6_000), 41_000);
    }

    #[test]
    fn the_time_left_counts_whole_windows() {
        let pace = Pace::default();
        assert_eq!(pace.time_left_ms(0, 0), 0);
        assert_eq!(pace.time_left_ms(10, 0), 0);
        assert_eq!(pace.time_left_ms(11, 0), 60_000);
        assert_eq!(pace.time_left_ms(960, 0), 95 * 60_000);
        let mut held = Pace::default();
        held.told_to_wait(0, 42);
        assert_eq!(held.time_left_ms(1, 0), 42_000);
    }
}
