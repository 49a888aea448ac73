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
    let go_on = move |_| {
        session.spawn(resume(session, state, import, sending, resumable));
        // The Resume button goes with the question: the focus moves to the line's new button.
        request_animation_frame(move || {
            if let Some(back) = back_ref.try_get_untracked().flatten() {
                let _ = back.focus();
            }
        });
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
                    <button type="button" class="ocf-secondary" on:click=move |_| discard(session, resumable)>
                        {text(ImportText::Discard)}
                    </button>
                </div>
            </div>
        })}
        <div class="ocf-panel ocf-import-line" hidden=move || !running.get()>
            <p inner_html=live(how_far)></p>
            <button type="button" class="ocf-link" node_ref=back_ref on:click=move |_| session.show(Panel::Import)>
                {text(ImportText::BackToImport)}
            </button>
        </div>
    }
}
