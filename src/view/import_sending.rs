//! The import's sending, in its panel (`import_panel`, the same lazy part): what to do with
//! contacts that exist and **Import N contacts**; then "312 of 960" with a progress bar, Pause
//! or Resume and Cancel import; at the end how it went, each row not imported with why, and
//! **Download the rows not imported**.

use crate::domain::catalogue::Texts;
use crate::domain::import::job::Existing;
use crate::domain::import::rejects::{file_name, rows_not_imported};
use crate::domain::markup::{live, Markup};
use crate::domain::sheet::said::on_row;
use crate::domain::texts::ImportText;
use crate::state::form::form_state::FormState;
use crate::state::importing::import_state::ImportState;
use crate::state::importing::resume::Resumable;
use crate::state::importing::send::send;
use crate::state::importing::sending::{Counts, Run, Sending};
use crate::state::importing::stored::JobStore;
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
    /// A stored import offered meanwhile: replaced by this one once it starts.
    resumable: Resumable,
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
        if let Some((job, checked)) = import.job(&session.texts_now()) {
            resumable.replaced();
            let store = JobStore::of(session);
            session.spawn(send(session, state, sending, store, job, checked));
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
    let over = move || matches!(sending.run(), Run::Finished | Run::Cancelled);
    let progress = move || {
        let c = counts();
        let (done, total) = (c.done().to_string(), c.total.to_string());
        let t = session.texts();
        Markup::said(&t.fill(
            ImportText::ImportProgress,
            &[("done", &done), ("total", &total)],
        ))
    };
    let left = move || {
        let minutes = sending
            .minutes_left()
            .filter(|_| sending.run() == Run::Running)?;
        let t = session.texts();
        let said = t.count(ImportText::TimeLeft, minutes, &[]);
        Some(format!(" {said}"))
    };
    let said = move || {
        let t = session.texts();
        if let Some(end) = ended(&t, sending.run(), counts()) {
            return Markup::said(&end);
        }
        let text = match (sending.run(), sending.waiting()) {
            (Run::Paused, _) => match sending.held() {
                Some(reason) => t.fill(ImportText::ImportHeld, &[("reason", &reason)]),
                None => t.get(ImportText::ImportPaused).to_owned(),
            },
            (_, Some(seconds)) => t.fill(
                ImportText::ImportWaiting,
                &[("count", &seconds.to_string())],
            ),
            _ => match sending.listed() {
                Some((done, all)) => t.fill(
                    ImportText::ListingContacts,
                    &[("done", &done.to_string()), ("total", &all.to_string())],
                ),
                None => String::new(),
            },
        };
        Markup::said(&text)
    };
    let failures = move || {
        let t = session.texts();
        sending.with_failures(|rows| listed(rows.iter().map(|(line, why)| on_row(*line, why, &t))))
    };
    let unlisted = move || unlisted(sending.with_failures(<[_]>::len), &session.texts());
    let pause = move || {
        let key = match sending.run() {
            Run::Paused => ImportText::Resume,
            _ => ImportText::Pause,
        };
        session.texts().get(key).to_owned()
    };
    view! {
        <progress max=move || counts().total value=move || counts().done()></progress>
        <p class="ocf-note"><span inner_html=live(progress)></span>{left}</p>
        <p class="ocf-note" role="status" inner_html=live(said)></p>
        {move || sending.is_unstored().then(|| view! {
            <p class="ocf-note">{move || session.texts().get(ImportText::NotStored).to_owned()}</p>
        })}
        {move || under_way().then(|| view! {
            <div class="ocf-actions">
                <button type="button" class="ocf-secondary" on:click=move |_| sending.toggle_pause()>{pause}</button>
                <button type="button" class="ocf-secondary" on:click=move |_| sending.cancel()>
                    {move || session.texts().get(ImportText::CancelImport).to_owned()}
                </button>
            </div>
        })}
        <ul class="ocf-problems" inner_html=live(failures)></ul>
        <p class="ocf-note" inner_html=live(unlisted)></p>
        {move || over().then(|| download(session, import, sending))}
    }
}

/// How many rows a list of rows not sent shows (a file may have thousands: 1,500 listed kept
/// the page from answering for 140 ms); the rest are counted, and every one is in the file of
/// them.
const LISTED: usize = 100;

/// The first [`LISTED`] of `said`, each a list item.
pub fn listed(said: impl Iterator<Item = String>) -> Markup {
    let mut list = Markup::new();
    for said in said.take(LISTED) {
        list.tag("<li>").say(&said).tag("</li>");
    }
    list
}

/// "30 more rows are not listed here." for a list of `rows` rows, when it passes [`LISTED`].
pub fn unlisted(rows: usize, t: &Texts) -> Markup {
    match rows.saturating_sub(LISTED) {
        0 => Markup::new(),
        more => Markup::said(&t.count(ImportText::MoreRows, more as u64, &[])),
    }
}

/// How the import ended ("Import finished: 950 created, …"), once it has.
pub fn ended(t: &Texts, run: Run, c: Counts) -> Option<String> {
    let key = match run {
        Run::Finished => ImportText::ImportFinished,
        Run::Cancelled => ImportText::ImportCancelled,
        _ => return None,
    };
    let n = |v: usize| v.to_string();
    let args = [
        ("created", n(c.created)),
        ("updated", n(c.updated)),
        ("skipped", n(c.skipped)),
        ("failed", n(c.not_imported())),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Some(t.fill(key, &args))
}

/// **Download the rows not imported**: a link to the file of those rows, when there are any.
fn download(session: Session, import: ImportState, sending: Sending) -> Option<impl IntoView> {
    let t = session.texts_now();
    let failures = sending.with_failures(<[_]>::to_vec);
    rows_link(
        import,
        &failures,
        &t,
        t.get(ImportText::DownloadNotImported),
    )
}

/// A link saying `label` to the file of the rows `failures` names by line, each with why (in
/// the file's own columns and delimiter); `None` when it names none.
pub fn rows_link(
    import: ImportState,
    failures: &[(usize, String)],
    t: &Texts,
    label: &str,
) -> Option<impl IntoView> {
    if failures.is_empty() {
        return None;
    }
    let (text, name) = import.with_sheet_now(|sheet| {
        let sheet = sheet?;
        let reason = t.get(ImportText::Reason);
        let text = rows_not_imported(&sheet.table, failures, reason, sheet.delimiter);
        Some((text, file_name(&sheet.file)))
    })?;
    file_link(&text, name, label)
}

/// A link that downloads `text` as the CSV file `name`, saying `label` (its `blob:` address
/// given back when the link goes).
pub fn file_link(text: &str, name: String, label: &str) -> Option<impl IntoView> {
    let address = object_url(text, "text/csv;charset=utf-8")?;
    let given_back = address.clone();
    on_cleanup(move || revoke(&given_back));
    Some(view! {
        <a class="ocf-link" href=address download=name>{label.to_owned()}</a>
    })
}
