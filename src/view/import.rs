//! "Import contacts": what its button beside New contact opens, and the import's place above
//! the search.
//! The import itself is a lazy part ([`crate::view::import_panel`]): its code is fetched the
//! first time an agent opens it, with the place saying so, or why it could not come, with **Try
//! again** (the form stays meanwhile). Once here it takes the form's place while shown (**Back
//! to the form** returns, the form as it was left), and stays drawn, hidden, while the form is
//! shown, so its file and choices wait there, with a line above the form saying how far it is.
//! An import an earlier page stored fetches the part at once, to ask about it.

use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::importing::stored::JobStore;
use crate::state::widget::panel::Panel;
use crate::state::widget::session::Session;
use crate::view::import_panel::{fetch, import_panel};
use crate::view::lazy::{enter, said, LazyPart, Phase};
use leptos::prelude::*;

/// The import's part of a signed-in widget (cheap to copy).
#[derive(Clone, Copy)]
pub struct ImportPlace {
    part: LazyPart,
}

impl ImportPlace {
    /// Not opened yet; fetched at once, the form still shown, when an import stored by an
    /// earlier page waits for the agent to resume it.
    /// Shown (by the button, or the host page's `handle.openImport()`), its code is fetched
    /// the first time.
    pub fn new(session: Session) -> Self {
        let part = LazyPart::new(session, fetch);
        if JobStore::of(session).is_some_and(|s| s.waits()) {
            part.open();
        }
        ImportPlace { part }
    }

    /// The place, above the search: nothing until the import is first opened; then what its
    /// code's fetch came to (loading, or why not, with **Try again**, the form still shown),
    /// and once here the import, which hides what follows it while shown (`widget.css`).
    pub fn place(self, session: Session, state: FormState) -> impl IntoView {
        let part = self.part;
        move || match part.phase() {
            // Shown (by the button or `handle.openImport()`) before its code is here: fetched
            // now, which draws this place again (no effect of its own: one costs more bytes).
            Phase::Closed => {
                if session.shows(Panel::Import) {
                    part.open();
                }
                None
            }
            Phase::Open => enter!(import_panel(session, state)).ok(),
            _ => Some(said(part, Text::LoadingPart).into_any()),
        }
    }
}
