//! Saving later instead of failing: a save made while the browser is offline waits for the
//! `online` event, and one refused with 429 waits out the server's time. Both resend with the
//! same token, so a save that did reach the server is never made twice.

use crate::domain::catalogue::Say;
use crate::domain::queued::Queued;
use crate::state::form::form_state::FormState;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;

/// Whether the browser says it has no network (`navigator.onLine` is false).
pub fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Puts the save on hold and says so; the form resends it on the `online` event, or when the
/// outbox says a rate limit's wait is over.
pub fn queue(session: Session, state: FormState, why: Queued) {
    state.outbox().hold(why);
    session.say(Status::Busy(why.say(&session.texts_now())));
}
