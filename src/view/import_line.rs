//! The import's line above the form (the same lazy part as its panel), while the panel is
//! hidden: a stored import offered ("Resume importing contacts.csv? 312 of 960 done." with
//! **Resume** and **Discard**), or the import under way or just ended ("Importing
//! contacts.csv: 312 of 960." with **Back to the import**), so an agent working in the form
//! sees how far it is and has a way back.

use crate::domain::markup::{live, Markup};
use crate::domain::texts::ImportText;
use crate::state::form::form_state::FormState;
use crate::state::importing::import_state::ImportState;
use crate::state::importing::resume::{discard, resume, Resumable};
use crate::state::importing::sending::{Run, Sending};
use crate::state::widget::panel::Panel;
use crate::state::widget::session::Session;
use crate::view::import_sending::ended;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The line: what it offers or says depends on the stored import and the run.
#[component]
pub fn ImportLine(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state: its custom fields check the resumed rows.
    state: FormState,
    /// The file read and checked (a resumed import's, once resumed).
    import: ImportState,
    /// Where the sending stands.
    sending: Sending,
    /// A stored import, while one is offered.
    resumable: Resumable,
) -> impl IntoView {
    let offered = Memo::new(move |_| resumable.offered().filter(|_| sending.run() == Run::Ready));
    let running = Memo::new(move |_| sending.run() != Run::Ready && !session.shows(Panel::Import));
    let back_ref = NodeRef::<html::Button>::new();
    let ask = move || {
        let (file, done, total) = offered.get()?;
        let (done, total) = (done.to_string(), total.to_string());
        let args = [("file", file.as_str()), ("done", &done), ("total", &total)];
        Some(Markup::said(
            &session.texts().fill(ImportText::ResumeImport, &args),
        ))
    };
    let line_ref = NodeRef::<html::Div>::new();
    // The Resume button goes with the question: the focus moves to the line's Back to the
    // import once it shows (the rows are checked again first, which may take a moment).
    let refocus = StoredValue::new(false);
    Effect::new(move |_| {
        if running.get() && refocus.get_value() {
            refocus.set_value(false);
            if let Some(back) = back_ref.get_untracked() {
                let _ = back.focus();
            }
        }
    });
    let go_on = move |_| {
        refocus.set_value(true);
        session.spawn(resume(session, state, import, sending, resumable));
    };
    // Discard goes with the question too: the focus moves to Import contacts.
    let drop_it = move |_| {
        discard(session, resumable);
        let line = line_ref.get_untracked();
        if let Some(button) = line.and_then(|l| import_button(&l)) {
            let _ = button.focus();
        }
    };
    let how_far = move || {
        let t = session.texts();
        let c = sending.counts();
        let file = import.with_sheet(|s| s.map(|s| s.file.clone()).unwrap_or_default());
        if let Some(end) = ended(&t, sending.run(), c) {
            return Markup::said(&end);
        }
        let (done, total) = (c.done().to_string(), c.total.to_string());
        let args = [("file", file.as_str()), ("done", &done), ("total", &total)];
        Markup::said(&t.fill(ImportText::ImportUnderWay, &args))
    };
    let text = move |key: ImportText| move || session.texts().get(key).to_owned();
    view! {
        {move || offered.with(Option::is_some).then(|| view! {
            <div class="ocf-panel ocf-import-line" role="group">
                <p inner_html=live(move || ask().unwrap_or_default())></p>
                <div class="ocf-actions">
                    <button type="button" class="ocf-primary" on:click=go_on>{text(ImportText::Resume)}</button>
                    <button type="button" class="ocf-secondary" on:click=drop_it>
                        {text(ImportText::Discard)}
                    </button>
                </div>
            </div>
        })}
        <div class="ocf-panel ocf-import-line" node_ref=line_ref hidden=move || !running.get()>
            <p inner_html=live(how_far)></p>
            <button type="button" class="ocf-link" node_ref=back_ref on:click=move |_| session.show(Panel::Import)>
                {text(ImportText::BackToImport)}
            </button>
        </div>
    }
}

/// The form's Import contacts button in the widget `part` belongs to (the import's panel or
/// its line): the secondary action right after New contact.
pub fn import_button(part: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    let root = part.closest(".ocf").ok()??;
    let selector = ".ocf-actions .ocf-secondary + .ocf-secondary";
    root.query_selector(selector).ok()??.dyn_into().ok()
}
