//! The import's turns at Rocket.Chat's pace, the same for its rows and for its listing of the
//! server's contacts: a call goes when the pace lets it and the import runs (a paused one
//! waits, a cancelled one stops), and a 429 holds every call until the wait the server asked
//! for is over, the import saying so meanwhile.

use crate::domain::import::pace::{Pace, WINDOW_MS};
use crate::state::importing::sending::{Run, Sending};
use crate::web::timer::{now_ms, wait};

/// Waits for the next call's turn: while the import is paused, and until `pace` lets a call
/// go (a second at a time, so that Pause and Cancel are heard meanwhile). `false` once the
/// import is cancelled, over or gone with its view.
pub async fn turn(sending: Sending, pace: &Pace) -> bool {
    loop {
        match sending.run_now() {
            Run::Running => {}
            Run::Paused => {
                wait(200).await;
                continue;
            }
            _ => return false,
        }
        match pace.wait_ms(now_ms()) {
            0 => return true,
            due => wait(due.min(1000)).await,
        }
    }
}

/// Rocket.Chat answered 429, asking to wait `wait_seconds` (a whole window when it did not
/// say): no call goes before then, and the import says so.
pub fn rate_limited(sending: Sending, pace: &mut Pace, wait_seconds: Option<u64>) {
    let seconds = wait_seconds.unwrap_or(WINDOW_MS / 1000);
    pace.told_to_wait(now_ms(), seconds);
    sending.wait(Some(seconds));
}
