//! The import, a lazy part (`import`): the **CSV file** input (or a file dropped on the panel),
//! the **Encoding** and **Delimiter** it was read with, a select per column labelled by its
//! header, and what the check made of the rows: "980 rows: 960 ready, 12 with errors, 8
//! repeated in the file.", each row not to be sent listed with why; then the sending
//! (`import_sending`). Above it, while it is hidden, its line (`import_line`).

use crate::domain::catalogue::Say;
use crate::domain::field::Field;
use crate::domain::import::job::{column_key, column_of};
use crate::domain::import::template::{template, FILE_NAME};
use crate::domain::markup::{html, live, Markup};
use crate::domain::sheet::check::Checked;
use crate::domain::sheet::columns::Column;
use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::encoding::Encoding;
use crate::domain::sheet::said::{reason, why_not};
use crate::domain::texts::ImportText;
use crate::state::form::form_state::FormState;
use crate::state::importing::import_state::{FileStage, ImportState};
use crate::state::importing::prepare;
use crate::state::importing::resume::{self, Resumable};
use crate::state::importing::sending::{Run, Sending};
use crate::state::widget::panel::Panel;
use crate::state::widget::session::Session;
use crate::view::import_line::{import_button, ImportLine};
use crate::view::import_sending::{file_link, listed, rows_link, unlisted, Progress, Start};
use crate::view::lazy::{entry, Unfetched};
use crate::web::file::ChosenFile;
use leptos::html;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

entry!(
    import,
    /// The import's panel.
    import_panel, fetch_import, (session: Session, state: FormState) =>
    view! { <ImportPanel session=session state=state /> }
);

/// Fetches the part's code (see [`crate::view::lazy::Fetch`]).
pub fn fetch() -> Pin<Box<dyn Future<Output = Result<(), Unfetched>>>> {
    Box::pin(async {
        #[cfg(feature = "split")]
        fetch_import().await?;
        Ok(())
    })
}

/// A `<select>` named `name` and labelled `label`, its options `(value, text)`, the one
/// `selected` gives chosen; `on_pick` gets the value picked. A new choice leaves the select in
/// place (and the focus on it).
fn choice(
    session: Session,
    name: String,
    label: String,
    options: Vec<(String, String)>,
    selected: Signal<String>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let chosen = {
                let value = value.clone();
                move || selected.with(|s| *s == value)
            };
            view! { <option value=value prop:selected=chosen>{text}</option> }
        })
        .collect_view();
    let pick = move |ev: leptos::ev::Event| on_pick(event_target_value(&ev));
    let id = session.id(&name);
    view! {
        <div class="ocf-field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=pick>{options}</select>
        </div>
    }
}

/// The panel: the file, how it was read, its columns, and what the check made of its rows.
#[component]
fn ImportPanel(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state: its custom fields are the ones a column can hold.
    state: FormState,
) -> impl IntoView {
    let import = ImportState::new();
    let sending = Sending::new();
    let resumable = Resumable::new();
    session.spawn(resume::look(session, sending, resumable));
    let busy = move || matches!(sending.run(), Run::Running | Run::Paused);
    let start = move |ev: &wasm_bindgen::JsValue| {
        if let Some(file) = ChosenFile::of(ev).filter(|_| !busy()) {
            sending.reset();
            session.spawn(prepare::choose(session, state, import, file));
        }
    };
    let chosen = move |ev: leptos::ev::Event| start(&ev);
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        start(&ev);
    };
    let file_id = session.id("import-file");
    let read = Memo::new(move |_| import.stage() == FileStage::Read);
    let stage_note = move || match import.stage() {
        FileStage::Reading(file) => Markup::said(
            &session
                .texts()
                .fill(ImportText::ReadingFile, &[("file", &file)]),
        ),
        _ => Markup::new(),
    };
    let refusal = move || match import.stage() {
        FileStage::Refused(_, error) => Markup::said(&error.say(&session.texts())),
        _ => Markup::new(),
    };
    // The focus follows the panel: to its file input when it is shown (the button that opened
    // it is hidden then), back to Import contacts when the form is (this panel is hidden then).
    // (Under way, the file input is disabled: the focus goes to Back to the form.)
    let panel_ref = NodeRef::<html::Div>::new();
    let file_ref = NodeRef::<html::Input>::new();
    let back_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if session.shows(Panel::Import) {
            if let (Some(input), Some(back)) = (file_ref.get(), back_ref.get()) {
                let _ = match input.has_attribute("disabled") {
                    true => back.focus(),
                    false => input.focus(),
                };
            }
        }
    });
    let back = move |_| {
        session.show(Panel::Form);
        request_animation_frame(move || {
            let panel = panel_ref.try_get_untracked().flatten();
            if let Some(button) = panel.and_then(|p| import_button(&p)) {
                let _ = button.focus();
            }
        });
    };
    view! {
        <ImportLine session=session state=state import=import sending=sending resumable=resumable />
        <div
            class="ocf-form ocf-import"
            node_ref=panel_ref
            hidden=move || !session.shows(Panel::Import)
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=dropped
        >
            <button type="button" class="ocf-link" node_ref=back_ref on:click=back>
                {move || session.texts().get(ImportText::BackToForm).to_owned()}
            </button>
            <p class="ocf-intro">{move || session.texts().get(ImportText::ImportIntro).to_owned()}</p>
            <div class="ocf-field">
                <label for=file_id.clone()>{move || session.texts().get(ImportText::CsvFile).to_owned()}</label>
                <input id=file_id node_ref=file_ref type="file" name="file" accept=".csv,.txt,text/csv,text/plain" disabled=busy on:change=chosen />
            </div>
            {move || {
                let t = session.texts();
                let fields = Field::ALL.map(|f| t.get(f.label()));
                let text = template(&fields, &state.custom().shown());
                file_link(&text, FILE_NAME.to_owned(), t.get(ImportText::DownloadTemplate))
            }}
            <p class="ocf-note" role="status" inner_html=live(stage_note)></p>
            <p class="ocf-error" role="alert" inner_html=live(refusal)></p>
            {move || (read.get() && sending.run() == Run::Ready).then(|| view! {
                <ReadAs session=session state=state import=import />
                <Columns session=session state=state import=import />
                <Checks session=session import=import />
                <Start session=session state=state import=import sending=sending resumable=resumable />
            })}
            {move || (sending.run() != Run::Ready).then(|| view! { <Progress session=session import=import sending=sending /> })}
        </div>
    }
}

/// The encoding and the delimiter the file was read with; another choice reads it again.
#[component]
fn ReadAs(session: Session, state: FormState, import: ImportState) -> impl IntoView {
    let read = move || {
        import
            .with_sheet(|s| s.map(|s| (s.encoding, s.delimiter)))
            .unwrap_or((Encoding::Utf8, Delimiter::Comma))
    };
    let encoding = Signal::derive(move || read().0.name().to_owned());
    let delimiter = Signal::derive(move || read().1.char().to_string());
    let on_encoding = move |name: String| {
        if let Some(e) = Encoding::named(&name) {
            session.spawn(prepare::read_again(session, state, import, e, read().1));
        }
    };
    let on_delimiter = move |c: String| {
        if let Some(d) = c.chars().next().and_then(Delimiter::of_char) {
            session.spawn(prepare::read_again(session, state, import, read().0, d));
        }
    };
    // Drawn again only in another language.
    move || {
        let t = session.texts();
        let encodings = Encoding::ALL
            .map(|e| (e.name().to_owned(), e.name().to_owned()))
            .to_vec();
        let delimiters = Delimiter::ALL
            .map(|d| {
                let (key, shown) = match d {
                    Delimiter::Comma => (ImportText::Comma, " (,)"),
                    Delimiter::Semicolon => (ImportText::Semicolon, " (;)"),
                    Delimiter::Tab => (ImportText::Tab, ""),
                    Delimiter::Pipe => (ImportText::Pipe, " (|)"),
                };
                (d.char().to_string(), format!("{}{shown}", t.get(key)))
            })
            .to_vec();
        view! {
            {choice(session, "encoding".into(), t.get(ImportText::Encoding).to_owned(), encodings, encoding, on_encoding)}
            {choice(session, "delimiter".into(), t.get(ImportText::Delimiter).to_owned(), delimiters, delimiter, on_delimiter)}
        }
    }
}

/// A select per column, labelled by its header: Ignore, a contact field or a custom field.
/// Drawn again for another header (the file read again) or language, not for a new choice.
#[component]
fn Columns(session: Session, state: FormState, import: ImportState) -> impl IntoView {
    let header = Memo::new(move |_| {
        import.with_sheet(|s| {
            s.map(|s| (s.file.clone(), s.table.header.clone()))
                .unwrap_or_default()
        })
    });
    move || {
        let t = session.texts();
        let (file, header) = header.get();
        let mut options = vec![(
            column_key(&Column::Ignore),
            t.get(ImportText::Ignore).to_owned(),
        )];
        options.extend(
            Field::ALL.map(|f| (column_key(&Column::Field(f)), t.get(f.label()).to_owned())),
        );
        options.extend(
            state
                .custom()
                .shown_now()
                .into_iter()
                .map(|f| (column_key(&Column::Custom(f.id)), f.label)),
        );
        let selects = header
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let selected = Signal::derive(move || {
                    import.with_columns(|c| c.get(i).map(column_key).unwrap_or_default())
                });
                let pick = move |key: String| {
                    session.spawn(prepare::map(session, state, import, i, column_of(&key)))
                };
                choice(
                    session,
                    format!("column-{i}"),
                    name,
                    options.clone(),
                    selected,
                    pick,
                )
            })
            .collect_view();
        view! {
            <fieldset class="ocf-panel">
                <legend inner_html=html(Markup::said(&t.fill(ImportText::ColumnsOf, &[("file", &file)])))></legend>
                {selects}
            </fieldset>
        }
    }
}

/// What the check made of the rows, and each row not to be sent with why.
#[component]
fn Checks(session: Session, import: ImportState) -> impl IntoView {
    let summary = move || {
        let s = import.summary();
        let n = |v: usize| v.to_string();
        let said = session.texts().count(
            ImportText::RowsChecked,
            s.rows as u64,
            &[
                ("ready", &n(s.ready)),
                ("invalid", &n(s.invalid)),
                ("repeated", &n(s.repeated)),
            ],
        );
        Markup::said(&said)
    };
    // One list of markup rather than a view per row, of the first rows only: every one is in
    // the file the link below downloads.
    let problems = move || {
        let t = session.texts();
        import.with_checked(|rows| listed(rows.iter().filter_map(|row| why_not(row, &t))))
    };
    let unlisted = move || {
        let s = import.summary();
        unlisted(s.invalid + s.repeated, &session.texts())
    };
    let download = move || {
        let t = session.texts();
        let failures: Vec<(usize, String)> = import.with_checked(|rows| {
            let why = |row: &Checked| Some((row.line, reason(row, &t)?));
            rows.iter().filter_map(why).collect()
        });
        rows_link(import, &failures, &t, t.get(ImportText::DownloadProblems))
    };
    view! {
        <p class="ocf-note" role="status" inner_html=live(summary)></p>
        <ul class="ocf-problems" inner_html=live(problems)></ul>
        <p class="ocf-note" inner_html=live(unlisted)></p>
        {download}
    }
}
