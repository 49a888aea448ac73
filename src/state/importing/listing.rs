//! Before the rows go: the server's contacts listed 100 at a time, when that is fewer calls
//! than looking up each row's emails and phones one at a time ([`worth_listing`]): through the
//! Contact Center the identified ones and then the unidentified ones (`contacts.search`),
//! through the legacy API its visitors (`visitors.search` with an empty term, which every
//! name holds). Rocket.Chat's pace holds here as for the rows: ten pages a minute, a 429
//! waited out, Pause and Cancel heard between pages. Any other failure gives the listing up:
//! each row is then looked up as before.

use crate::api::reply::ApiError;
use crate::api::search::Order;
use crate::api::wire::Page;
use crate::api::Client;
use crate::domain::import::on_server::{pages, worth_listing, OnServer, PAGE};
use crate::domain::import::pace::{Pace, CALLS, WINDOW_MS};
use crate::state::importing::pacing::{rate_limited, turn};
use crate::state::importing::sending::Sending;
use crate::state::widget::session::Session;
use crate::web::timer::now_ms;

/// The server's contacts by their emails and phones, or `None`: when listing them costs more
/// calls than the `values` look-ups the rows left would make, when a page fails, or when the
/// import is cancelled meanwhile. `rows` rows are left to send after it (for the time left).
pub async fn list(
    session: Session,
    sending: Sending,
    values: usize,
    rows: usize,
) -> Option<OnServer> {
    if values == 0 {
        return None; // nothing to look up
    }
    let client = session.client().ok()?;
    let listing = Listing {
        client,
        sending,
        pace: Pace::new(CALLS, WINDOW_MS),
        rows,
    };
    let server = listing.all(values).await;
    sending.listing(None);
    server
}

/// The listing under way: its client, the import it belongs to, its pace, and how many rows
/// are left to send after it.
struct Listing {
    client: Client,
    sending: Sending,
    pace: Pace,
    rows: usize,
}

impl Listing {
    /// Every contact, when that is worth it (see [`list`]).
    async fn all(mut self, values: usize) -> Option<OnServer> {
        // The first page of each list says how many there are (the legacy API has one list:
        // it has no unidentified contacts apart).
        let center = self.client.contact_center();
        let known = self.page(false, 0, usize::from(center)).await?;
        let unknown = match center {
            true => Some(self.page(true, 0, 0).await?),
            false => None,
        };
        let mut lists = vec![(false, known.total)];
        lists.extend(unknown.as_ref().map(|u| (true, u.total)));
        let left: usize = lists.iter().map(|l| pages(l.1).saturating_sub(1)).sum();
        if !worth_listing(left, values) {
            return None;
        }
        let mut server = OnServer::default();
        server.add(&known.found);
        server.add(unknown.map(|u| u.found).as_deref().unwrap_or_default());
        let mut done = lists.len();
        let all = done + left;
        for (unknown, total) in lists {
            let mut offset = PAGE;
            while offset < total && done < all {
                self.sending.listing(Some((done + 1, all)));
                let page = self.page(unknown, offset, all - done - 1).await?;
                if page.found.is_empty() {
                    break; // fewer contacts than there were a moment ago
                }
                server.add(&page.found);
                offset += PAGE;
                done += 1;
            }
        }
        Some(server)
    }

    /// The page of the identified contacts (or the `unknown` ones) from `offset`, at the pace,
    /// `left` pages left after it; `None` when it fails or the import is cancelled.
    async fn page(&mut self, unknown: bool, offset: usize, left: usize) -> Option<Page> {
        loop {
            let now = now_ms();
            let rows = Pace::new(CALLS, WINDOW_MS).time_left_ms(self.rows, now);
            self.sending
                .time_left(self.pace.time_left_ms(left + 1, now) + rows);
            if !turn(self.sending, &self.pace).await {
                return None;
            }
            let now = now_ms();
            self.pace.sent(now);
            let answer = self
                .client
                .find("", offset, PAGE, unknown, Order::Oldest)
                .await;
            match answer {
                Ok(page) => {
                    self.sending.wait(None);
                    return Some(page);
                }
                Err(ApiError::RateLimited { wait_seconds }) => {
                    rate_limited(self.sending, &mut self.pace, wait_seconds)
                }
                Err(_) => return None,
            }
        }
    }
}
