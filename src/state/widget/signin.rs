//! The sign-in flow, top to bottom: the view starts it with what was typed and shows its
//! outcome, so views never call the server themselves.

use crate::api;
use crate::api::reply::ApiError;
use crate::domain::catalogue::Say;
use crate::domain::texts::Text;
use crate::state::widget::session::Session;
use crate::state::widget::status::Status;

/// How a sign-in ended, for the form that started it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedIn {
    /// Signed in: the contact form replaces the sign-in form.
    Yes,
    /// The server asks for a two-factor code: the form shows its input.
    CodeAsked,
    /// Refused or unreachable; the status region says why.
    No,
}

/// Signs in with `user`, `password` and the two-factor `code` when one was asked for, keeps the
/// credentials, and says how it went in the status region.
pub async fn sign_in(
    session: Session,
    user: String,
    password: String,
    code: Option<String>,
) -> SignedIn {
    session.say(Status::Busy(session.text(Text::SigningIn)));
    let config = session.config();
    let result = api::login(&config, &user, &password, code.as_deref()).await;
    let t = session.texts_now();
    match result {
        Ok(credentials) => {
            let text = match session.sign_in(credentials) {
                Ok(()) => t.get(Text::SignedIn).to_owned(),
                Err(e) => t.fill(Text::SignedInHere, &[("reason", &e.say(&t))]),
            };
            session.say(Status::Done(text));
            SignedIn::Yes
        }
        Err(error) => {
            session.say(Status::Failed(error.say(&t)));
            match error {
                ApiError::TwoFactorRequired { .. } => SignedIn::CodeAsked,
                _ => SignedIn::No,
            }
        }
    }
}
