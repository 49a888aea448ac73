//! The form's questions as one lazy part, `prompts`: unsaved changes, conflicting values
//! (Resolve), the duplicate warning, a colleague's change (the clash notice) and the delete
//! confirmation. Most agents go through a day without one, so their views are fetched the first
//! time the form asks anything (one chunk for all five: whichever comes first brings the
//! others). Until the code is here, the place of the question says it is loading, or why it
//! could not come, with **Try again**; the question itself waits in the state meanwhile.

use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::form::questions::Question;
use crate::state::resolving::resolve;
use crate::state::widget::session::Session;
use crate::view::changed_notice::ChangedNotice;
use crate::view::conflict_notice::ConflictNotice;
use crate::view::delete_contact::DeleteNotice;
use crate::view::duplicate_notice::{Choice, DuplicateNotice};
use crate::view::lazy::{entry, said, LazyPart, Phase, Unfetched};
use crate::view::unsaved_notice::UnsavedNotice;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

// The split points of the part, one per place a question is asked.
entry!(
    prompts,
    /// "Open another contact? Your changes … are not saved."
    unsaved, fetch_unsaved, (session: Session, state: FormState) =>
    view! { <UnsavedNotice session=session state=state /> }
);
entry!(
    prompts,
    /// "This contact has conflicting values", with Resolve.
    conflicts, fetch_conflicts, (session: Session, state: FormState) =>
    view! { <ConflictNotice session=session state=state /> }
);
entry!(
    prompts,
    /// "Possible duplicate", with its choices.
    duplicate, fetch_duplicate, (session: Session, state: FormState, on_choice: Callback<Choice>) =>
    view! { <DuplicateNotice session=session state=state on_choice=on_choice /> }
);
entry!(
    prompts,
    /// "… was changed on the server since you opened it", with the values to keep.
    changed, fetch_changed, (session: Session, state: FormState, on_save: Callback<()>) =>
    view! { <ChangedNotice session=session state=state on_save=on_save /> }
);
entry!(
    prompts,
    /// "Delete …? This cannot be undone."
    deletion, fetch_deletion, (session: Session, state: FormState, on_deleted: Callback<()>) =>
    view! { <DeleteNotice session=session state=state on_deleted=on_deleted /> }
);

/// Fetches the part's code: every entry's loader (see [`crate::view::lazy::Fetch`]).
fn fetch() -> Pin<Box<dyn Future<Output = Result<(), Unfetched>>>> {
    Box::pin(async {
        #[cfg(feature = "split")]
        {
            fetch_unsaved().await?;
            fetch_conflicts().await?;
            fetch_duplicate().await?;
            fetch_changed().await?;
            fetch_deletion().await?;
        }
        Ok(())
    })
}

/// Whether the form asks anything now, or shows conflicting values (tracked).
fn asking(state: FormState) -> bool {
    Question::ALL.into_iter().any(|q| state.asks(q)) || !resolve::shown(state).is_empty()
}

/// The form's questions: fetched the first time one is asked (cheap to copy).
#[derive(Clone, Copy)]
pub struct Prompts(LazyPart);

impl Prompts {
    /// Not fetched yet; fetched once `state` asks a question.
    pub fn new(session: Session, state: FormState) -> Self {
        let part = LazyPart::new(session, fetch);
        Effect::new(move |_| {
            if asking(state) && !part.is_open() {
                part.open();
            }
        });
        Prompts(part)
    }

    /// One place a question is asked: `draw` (an entry above) once the part is here, drawn
    /// untracked under this place's owner; before that, while `needed()`, what the part says.
    pub fn at(
        self,
        needed: impl Fn() -> bool + Send + 'static,
        draw: impl Fn() -> Result<AnyView, Unfetched> + Send + 'static,
    ) -> impl IntoView {
        let part = self.0;
        move || match part.phase() {
            Phase::Open => untrack(&draw).ok(),
            _ if needed() => Some(said(part, Text::LoadingPart).into_any()),
            _ => None,
        }
    }
}
