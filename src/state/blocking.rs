//! Blocking and unblocking one of the contact's channels, from the Conversations section (so it
//! travels in that lazy part), top to bottom: `contacts.block` or `contacts.unblock` with the
//! channel's own visitor, then the channels read again, so the list says " (Blocked)" from the
//! server's answer rather than from a guess. A write like any other: it takes the one write lock.

use crate::api::reply::ApiError;
use crate::domain::abilities::BLOCK_MODULES;
use crate::domain::catalogue::{Say, Texts};
use crate::domain::texts::BlockText;
use crate::state::conversations::{said, ConversationsState};
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;

/// A refused block in words: the licence missing (the route's, or its module), the channel
/// gone, or as any failure is said (a 403 names the route's permission).
pub fn refusal(error: &ApiError, channel: &str, t: &Texts) -> String {
    let licence = |module: &str, message: &str| {
        t.fill(
            BlockText::NeedsLicence,
            &[("module", module), ("message", message)],
        )
    };
    match error {
        ApiError::Rejected { message, .. } if message.contains("enterprise feature") => {
            licence(BLOCK_MODULES[0], message)
        }
        ApiError::Rejected { message, .. } if message == "error-action-not-allowed" => {
            licence(BLOCK_MODULES[1], message)
        }
        ApiError::Rejected { message, .. } if message == "error-contact-not-found" => {
            t.fill(BlockText::ChannelGone, &[("channel", channel)])
        }
        other => other.say(t),
    }
}

/// Blocks channel `at` of the list shown (`block` false: unblocks it), says how it went, and
/// tells the host page (`channel-blocked` / `channel-unblocked`). Gives whether the server
/// now holds it blocked, when it answered.
pub async fn block(
    session: Session,
    state: ConversationsState,
    at: usize,
    block: bool,
) -> Option<bool> {
    state.ask_block(None);
    let channel = state.channel(at)?;
    let visitor = channel.visitor.clone()?;
    let t = session.texts_now();
    // One write at a time: a save (or an import's row) under way is waited for by the agent.
    let Some(_writing) = session.writes().begin() else {
        session.say(Status::Busy(t.get(BlockText::WaitToBlock).to_owned()));
        return None;
    };
    let shown = channel.source.name(&t);
    let contact = state.contact();
    let client = match session.client() {
        Ok(client) => client,
        Err(error) => return failed(session, &error, &shown),
    };
    if let Err(error) = client.block(&visitor, block).await {
        // A channel gone is shown gone: the list is read again.
        if let ApiError::Rejected { message, .. } = &error {
            if message == "error-contact-not-found" {
                let now = client.channels(&contact).await;
                state.set_channels(now.map_err(|e| said(&e, &t)));
            }
        }
        return failed(session, &error, &shown);
    }
    let now = client.channels(&contact).await;
    let blocked = match &now {
        Ok(channels) => channels
            .iter()
            .find(|c| c.visitor.as_ref() == Some(&visitor))
            .map_or(block, |c| c.blocked),
        Err(_) => block,
    };
    state.set_channels(now.map_err(|e| said(&e, &t)));
    let done = if blocked {
        BlockText::ChannelBlocked
    } else {
        BlockText::ChannelUnblocked
    };
    session.say(Status::Done(t.fill(done, &[("channel", &shown)])));
    session.announce_block(&contact, &channel.name, blocked);
    Some(blocked)
}

fn failed(session: Session, error: &ApiError, channel: &str) -> Option<bool> {
    session.say(Status::Failed(refusal(
        error,
        channel,
        &session.texts_now(),
    )));
    session.announce_error(error);
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected(message: &str) -> ApiError {
        ApiError::Rejected {
            message: message.into(),
            error_type: None,
        }
    }

    #[test]
    fn each_refusal_is_said_in_words() {
        let t = Texts::default();
        // Values are isolated (FSI … PDI) in the text; read without the marks here.
        let said = |e: &ApiError| refusal(e, "SMS", &t).replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(
            said(&rejected(
                "This is an enterprise feature [error-action-not-allowed]"
            )),
            "Blocking a channel needs a Rocket.Chat Enterprise licence with the module \
             livechat-enterprise. The server says: This is an enterprise feature \
             [error-action-not-allowed]"
        );
        assert!(said(&rejected("error-action-not-allowed")).contains("contact-id-verification"));
        assert_eq!(
            said(&rejected("error-contact-not-found")),
            "SMS is no longer one of this contact's channels."
        );
        let forbidden = ApiError::Forbidden {
            permission: "block-livechat-contact",
            message:
                "User does not have the permissions required for this action [error-unauthorized]"
                    .into(),
        };
        assert!(said(&forbidden).contains("block-livechat-contact"));
    }
}
