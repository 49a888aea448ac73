//! The Conversations section's own state and its flows (the lazy part `conversations`: opened,
//! the section exists; closed, it is dropped): loading, the list of a contact's past chats (with its channels in the Contact Center), one chat's messages, or why
//! the list could not be had. It needs only the opened contact's id and the [`Session`], not the
//! form. Paging is the contact search's ([`Results`]); which answer of a message search is
//! still wanted is the combobox's ticket, given as `current`, as the search's flows take it.

use crate::api::reply::ApiError;
use crate::domain::catalogue::{Say, Texts};
use crate::domain::conversation::{Channel, ChatMessage, Conversation};
use crate::domain::search::Results;
use crate::domain::texts::Text;
use crate::state::widget::session::Session;
use leptos::prelude::*;

/// One chat's messages, as far as they are had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Messages {
    /// Asked for; no answer yet.
    Loading,
    /// The pages fetched (of a search, when `term` is not empty).
    Shown(Results<ChatMessage>),
    /// Why not, in words (`not-allowed`: only the agent who served it, or a manager).
    Failed(String),
}

/// The list: the chats fetched so far, and the Contact Center contact's channels (`None`
/// before the Contact Center; `Err` says why they could not be had).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    /// The pages of past chats.
    pub chats: Results<Conversation>,
    /// The channels, or why not.
    pub channels: Option<Result<Vec<Channel>, String>>,
    /// The channel whose block is being asked about ("Block SMS for Ada?"), by its place.
    pub asking: Option<usize>,
}

/// Where the section stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Section {
    /// The first page is asked for.
    #[default]
    Loading,
    /// The list.
    List(Listed),
    /// One chat, `at` in the list (where "Back" puts the focus), and its messages.
    Chat {
        /// The list it was opened from, kept for "Back".
        list: Listed,
        /// Its place in the list.
        at: usize,
        /// Its messages.
        messages: Messages,
    },
    /// Why the list could not be had (the form is left as it is).
    Failed(String),
}

/// Which list the section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// The past chats (or nothing listed yet).
    Chats,
    /// A chat's messages.
    Messages,
}

/// The section's state (cheap to copy), for one contact.
#[derive(Debug, Clone, Copy)]
pub struct ConversationsState {
    section: RwSignal<Section>,
    contact: StoredValue<String>,
    /// A "Show more" is under way (a second press asks nothing more).
    paging: StoredValue<bool>,
}

/// A failure as the section says it: a chat the user may not open in words of its own.
pub fn said(error: &ApiError, t: &Texts) -> String {
    match error {
        ApiError::Rejected { message, .. } if message.ends_with("not-allowed") => {
            t.get(Text::NotAllowedChat).to_owned()
        }
        other => other.say(t),
    }
}

impl ConversationsState {
    /// Loading, for contact `contact` (the section starts opening: [`Ask::Open`]).
    pub fn new(contact: String) -> Self {
        ConversationsState {
            section: RwSignal::new(Section::Loading),
            contact: StoredValue::new(contact),
            paging: StoredValue::new(false),
        }
    }

    /// Reads where the section stands (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Section) -> R) -> R {
        self.section.with(f)
    }

    /// Which list is shown and how many of its items (untracked: for where the focus goes).
    pub fn shown_now(&self) -> (Listing, usize) {
        self.section.with_untracked(|s| match s {
            Section::List(list) => (Listing::Chats, list.chats.found.len()),
            Section::Chat {
                messages: Messages::Shown(shown),
                ..
            } => (Listing::Messages, shown.found.len()),
            Section::Chat { .. } => (Listing::Messages, 0),
            Section::Loading | Section::Failed(_) => (Listing::Chats, 0),
        })
    }

    /// Back from a chat to the list; gives the chat's place in it, for the focus.
    pub fn back(&self) -> Option<usize> {
        let mut at = None;
        self.section.update(|s| {
            if let Section::Chat {
                list, at: place, ..
            } = s
            {
                at = Some(*place);
                *s = Section::List(std::mem::take(list));
            }
        });
        at
    }

    /// The contact's id.
    pub fn contact(&self) -> String {
        self.contact.get_value()
    }

    /// Channel `at` of the list shown, if there is one.
    pub fn channel(&self, at: usize) -> Option<Channel> {
        self.section.with_untracked(|s| match s {
            Section::List(Listed {
                channels: Some(Ok(channels)),
                ..
            }) => channels.get(at).cloned(),
            _ => None,
        })
    }

    /// The channel whose block is asked about, if any (tracked).
    pub fn asking(&self) -> Option<usize> {
        self.section.with(|s| match s {
            Section::List(list) => list.asking,
            _ => None,
        })
    }

    /// Asks about blocking channel `at` (`None`: the question goes).
    pub fn ask_block(&self, at: Option<usize>) {
        let _ = self.section.try_update(|s| {
            if let Section::List(list) = s {
                list.asking = at;
            }
        });
    }

    /// The channels as the server lists them now (or why not), in the list shown.
    pub fn set_channels(&self, channels: Result<Vec<Channel>, String>) {
        let _ = self.section.try_update(|s| {
            if let Section::List(list) = s {
                list.channels = Some(channels);
                list.asking = None;
            }
        });
    }

    /// Where the list's next page starts, while the server has more.
    fn more_from(&self) -> Option<usize> {
        self.section.with_untracked(|s| match s {
            Section::List(list) if list.chats.more() => Some(list.chats.next_offset()),
            _ => None,
        })
    }
}

/// What the agent asked of the section. Each is one flow below, all run through [`run`]: one
/// spawned future type serves them (a type per flow costs the download its own copy of the
/// spawning code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Open the section: the first page of past chats, then (Contact Center) the channels.
    Open,
    /// "Show more": the next page of what is shown (the chats, or the chat's messages).
    More,
    /// Open chat `at` of the list.
    Read(usize),
    /// The chat's messages whose text holds this (all of them, when empty).
    Search(String),
}

/// Runs what the agent asked. The answers about a chat's messages are shown while `current()`
/// holds (a search typed meanwhile wins: the combobox's ticket); a failure is said in the
/// section and leaves the form as it is.
pub async fn run(
    session: Session,
    state: ConversationsState,
    ask: Ask,
    current: impl Fn() -> bool,
) {
    match ask {
        Ask::Open => open(session, state).await,
        Ask::More if chat_now(state).is_some() => more_messages(session, state, &current).await,
        Ask::More => more(session, state).await,
        Ask::Read(at) => read(session, state, at, &current).await,
        Ask::Search(term) => {
            if let Some((room, _)) = chat_now(state) {
                messages(session, state, room, term, &current).await;
            }
        }
    }
}

/// Shows what opening the section came to, the list or why not, while the section still waits
/// for it (closed meanwhile, the section is gone and what came is dropped).
fn settle(state: ConversationsState, section: Section) {
    let _ = state.section.try_update(|s| {
        if matches!(s, Section::Loading) {
            *s = section;
        }
    });
}

/// Opens the section: the first page of the contact's past chats, then (Contact Center) its
/// channels.
async fn open(session: Session, state: ConversationsState) {
    state.section.set(Section::Loading);
    let contact = state.contact.get_value();
    let first = match session.client() {
        Ok(client) => client
            .conversations(&contact, 0)
            .await
            .map(|chats| (client, chats)),
        Err(e) => Err(e),
    };
    let (client, chats) = match first {
        Ok(first) => first,
        Err(e) => return settle(state, Section::Failed(said(&e, &session.texts_now()))),
    };
    let channels = match client.contact_center() {
        true => Some(
            client
                .channels(&contact)
                .await
                .map_err(|e| said(&e, &session.texts_now())),
        ),
        false => None,
    };
    let list = Listed {
        chats,
        channels,
        asking: None,
    };
    settle(state, Section::List(list));
}

/// "Show more" under the list: the next page of past chats. A failure replaces the list with
/// the words (opening the section again starts over).
async fn more(session: Session, state: ConversationsState) {
    let Some(offset) = state.more_from() else {
        return;
    };
    if state.paging.get_value() {
        return;
    }
    state.paging.set_value(true);
    let page = match session.client() {
        Ok(client) => {
            client
                .conversations(&state.contact.get_value(), offset)
                .await
        }
        Err(e) => Err(e),
    };
    state.paging.try_set_value(false);
    let failed = |e: ApiError| Section::Failed(said(&e, &session.texts_now()));
    let _ = state.section.try_update(|s| match (page, &mut *s) {
        (Ok(page), Section::List(list)) => list.chats.extend(page.found, page.total),
        (Err(e), Section::List(_)) => *s = failed(e),
        _ => {}
    });
}

/// Opens chat `at` of the list: its first messages, oldest first, shown while `current()`;
/// the host page hears `conversation-opened`.
async fn read(session: Session, state: ConversationsState, at: usize, current: &dyn Fn() -> bool) {
    let mut room = None;
    state.section.update(|s| {
        if let Section::List(list) = s {
            room = list.chats.found.get(at).map(|c| c.room.clone());
            if room.is_some() {
                let list = std::mem::take(list);
                *s = Section::Chat {
                    list,
                    at,
                    messages: Messages::Loading,
                };
            }
        }
    });
    let Some(room) = room else {
        return;
    };
    session.announce_conversation(&state.contact.get_value(), &room);
    messages(session, state, room, String::new(), current).await;
}

/// Where the messages shown stand: the search's term, where its next page starts, and whether
/// the server has more.
struct Shown {
    term: String,
    next: usize,
    more: bool,
}

/// The chat shown, if any: its room, and its messages once they are shown.
fn chat_now(state: ConversationsState) -> Option<(String, Option<Shown>)> {
    state.section.with_untracked(|s| match s {
        Section::Chat { list, at, messages } => {
            let room = list.chats.found.get(*at)?.room.clone();
            let shown = match messages {
                Messages::Shown(r) => Some(Shown {
                    term: r.term.clone(),
                    next: r.next_offset(),
                    more: r.more(),
                }),
                _ => None,
            };
            Some((room, shown))
        }
        _ => None,
    })
}

/// The first page of chat `room`'s messages holding `term`, shown while `current()`.
async fn messages(
    session: Session,
    state: ConversationsState,
    room: String,
    term: String,
    current: &dyn Fn() -> bool,
) {
    let page = match session.client() {
        Ok(client) => client.messages(&room, 0, &term).await,
        Err(e) => Err(e),
    };
    if !current() {
        return; // a later search replaced this one
    }
    let shown = match page {
        Ok(page) => Messages::Shown(page),
        Err(e) => Messages::Failed(said(&e, &session.texts_now())),
    };
    show_messages(state, &room, |m| *m = shown);
}

/// Sets the messages of the chat shown, if it is still chat `room`.
fn show_messages(state: ConversationsState, room: &str, f: impl FnOnce(&mut Messages)) {
    let _ = state.section.try_update(|s| {
        if let Section::Chat { list, at, messages } = s {
            if list.chats.found.get(*at).is_some_and(|c| c.room == room) {
                f(messages);
            }
        }
    });
}

/// "Show more" under the messages: the next page (of the same search), while `current()`.
async fn more_messages(session: Session, state: ConversationsState, current: &dyn Fn() -> bool) {
    let Some((room, Some(shown))) =
        chat_now(state).filter(|(_, s)| s.as_ref().is_some_and(|s| s.more))
    else {
        return;
    };
    let (term, offset) = (shown.term, shown.next);
    if state.paging.get_value() {
        return;
    }
    state.paging.set_value(true);
    let page = match session.client() {
        Ok(client) => client.messages(&room, offset, &term).await,
        Err(e) => Err(e),
    };
    state.paging.try_set_value(false);
    if !current() {
        return;
    }
    show_messages(state, &room, |m| match (page, &mut *m) {
        (Ok(page), Messages::Shown(shown)) => shown.extend(page.found, page.total),
        (Err(e), _) => *m = Messages::Failed(said(&e, &session.texts_now())),
        _ => {}
    });
}
