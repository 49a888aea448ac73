//! Which panel a signed-in widget shows: the contact form, or the spreadsheet import in its
//! place. The form stays underneath, hidden with what was typed, and comes back as it was.

/// A signed-in widget's panel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Panel {
    /// The contact form, with its search and conversations.
    #[default]
    Form,
    /// The import, in the form's place.
    Import,
}
