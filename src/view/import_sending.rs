//! The import's sending, in its panel (`import_panel`, the same lazy part): what to do with
//! contacts that exist and **Import N contacts**; then "312 of 960" with a progress bar, Pause
//! or Resume and Cancel import; at the end how it went, each row not imported with why, and
//! **Download the rows not imported**.

use crate::domain::import::job::Existing;
use crate::domain::import::rejects::{file_name, rows_not_imported};
use crate::domain::markup::{live, Markup};
use crate::domain::sheet::said::on_row;
use crate::domain::texts::ImportText;
use crate::state::form::form_state::FormState;
use crate::state::importing::import_state::ImportState;
use crate::state::importing::send::send;
use crate::state::importing::sending::{Run, Sending};
use crate::state::widget::session::Session;
use crate::web::file::{object_url, revoke};
use leptos::prelude::*;

/// What to do with contacts that exist, and **Import N contacts**, which starts sending.
#[component]
pub fn Start(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state: its custom fields are the ones a row may send.
    state: FormState,
    /// The file read and checked.
    import: ImportState,
    /// Where the sending stands.
    sending: Sending,
) -> impl IntoView {
    let group = session.id("existing");
    let radio = move |existing: Existing, key: ImportText| {
        view! {
            <label class="ocf-radio">
                <input
                    type="radio"
                    name=group.clone()
                    prop:checked=move || import.existing() == existing
                    on:change=move |_| import.choose_existing(existing)
                />
                {move || session.texts().get(key).to_owned()}
            </label>
        }
    };
    let ready = move || import.summary().ready;
    let go = move |_| {
        // A second click before the button goes starts nothing more.
        if sending.run_now() != Run::Ready {
            return;
        }
        let rows = import.ready_rows();
        if !rows.is_empty() {
            let existing = import.existing();
            let unsent = import.unsent_rows(&session.texts_now());
            let file = import.with_sheet_now(|s| s.map(|s| s.file.clone()).unwrap_or_default());
            session.spawn(send(session, state, sending, file, rows, unsent, existing));
        }
    };
    view! {
        <fieldset class="ocf-choice">
            <legend>{move || session.texts().get(ImportText::ExistingContacts).to_owned()}</legend>
            {radio(Existing::AddWhatIsNew, ImportText::AddWhatIsNew)}
            {radio(Existing::Skip, ImportText::Skip)}
        </fieldset>
        <div class="ocf-actions">
            <button
                type="button"
                class="ocf-primary"
                disabled=move || ready() == 0
                on:click=go
                inner_html=live(move || Markup::said(&session.texts().count(ImportText::StartImport, ready() as u64, &[])))
            ></button>
        </div>
    }
}

/// The import under way: "312 of 960" with a progress bar, Pause or Resume, Cancel import; at
/// the end how it went, each row not imported with why, and the file of those rows.
#[component]
pub fn Progress(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The file read (for the file of the rows not imported).
    import: ImportState,
    /// Where the sending stands.
    sending: Sending,
) -> impl IntoView {
    let counts = move || sending.counts();
    let under_way = move || matches!(sending.run(), Run::Running | Run::Paused);
    let ended = move || matches!(sending.run(), Run::Finished | Run::Cancelled);
    let progress = move || {
        let c = counts();
        let (done, total) = (c.done().to_string(), c.total.to_string());
        let t = session.texts();
        Markup::said(&t.fill(
            ImportText::ImportProgress,
            &[("done", &done), ("total", &total)],
        ))
    };
    let said = move || {
        let t = session.texts();
        let c = counts();
        let n = |v: usize| v.to_string();
        let args = [
            ("created", n(c.created)),
            ("updated", n(c.updated)),
            ("skipped", n(c.skipped)),
            ("failed", n(c.not_imported())),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let text = match (sending.run(), sending.waiting()) {
            (Run::Finished, _) => t.fill(ImportText::ImportFinished, &args),
            (Run::Cancelled, _) => t.fill(ImportText::ImportCancelled, &args),
            (Run::Paused, _) => t.get(ImportText::ImportPaused).to_owned(),
            (_, Some(seconds)) => t.fill(
                ImportText::ImportWaiting,
                &[("count", &seconds.to_string())],
            ),
            _ => String::new(),
        };
        Markup::said(&text)
    };
    let failures = move || {
        let t = session.texts();
        let mut list = Markup::new();
        sending.with_failures(|rows| {
            for (line, reason) in rows {
                list.tag("<li>")
                    .say(&on_row(*line, reason, &t))
                    .tag("</li>");
            }
        });
        list
    };
    let pause = move || {
        let key = match sending.run() {
            Run::Paused => ImportText::Resume,
            _ => ImportText::Pause,
        };
        session.texts().get(key).to_owned()
    };
    view! {
        <progress max=move || counts().total value=move || counts().done()></progress>
        <p class="ocf-note" inner_html=live(progress)></p>
        <p class="ocf-note" role="status" inner_html=live(said)></p>
        {move || under_way().then(|| view! {
            <div class="ocf-actions">
                <button type="button" class="ocf-secondary" on:click=move |_| sending.toggle_pause()>{pause}</button>
                <button type="button" class="ocf-secondary" on:click=move |_| sending.cancel()>
                    {move || session.texts().get(ImportText::CancelImport).to_owned()}
                </button>
            </div>
        })}
        <ul class="ocf-problems" inner_html=live(failures)></ul>
        {move || ended().then(|| download(session, import, sending))}
    }
}

/// **Download the rows not imported**: a link to the file of those rows (its `blob:` address
/// given back when the link goes), when there are any.
fn download(session: Session, import: ImportState, sending: Sending) -> Option<impl IntoView> {
    let t = session.texts_now();
    let failures = sending.with_failures(<[_]>::to_vec);
    let (text, name) = import.with_sheet_now(|sheet| {
        let sheet = sheet?;
        let reason = t.get(ImportText::Reason);
        let text = rows_not_imported(&sheet.table, &failures, reason, sheet.delimiter);
        Some((text, file_name(&sheet.file)))
    })?;
    if failures.is_empty() {
        return None;
    }
    let address = object_url(&text, "text/csv;charset=utf-8")?;
    let given_back = address.clone();
    on_cleanup(move || revoke(&given_back));
    Some(view! {
        <a class="ocf-link" href=address download=name>
            {t.get(ImportText::DownloadNotImported).to_owned()}
        </a>
    })
}
