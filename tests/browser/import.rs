//! Importing contacts, before anything is sent: the way in and back to the form as it was left,
//! a file chosen or dropped, read in its own encoding and delimiter, its columns guessed from
//! their headers, every row checked by the form's rules and each one not to be sent said on
//! its row; another delimiter or column checks again; a file too large refused in words. The
//! sending is `import_sending.rs`'s.

use crate::harness::*;
use crate::import_sending::download;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

/// The widget's stylesheet in the page: the import hides the form by CSS.
fn style_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("widget-css").is_some() {
        return;
    }
    let style = document.create_element("style").unwrap();
    style.set_id("widget-css");
    style.set_text_content(Some(include_str!("../../style/widget.css")));
    document.head().unwrap().append_child(&style).unwrap();
}

/// A signed-in widget showing the import.
pub(crate) async fn opened() -> HtmlElement {
    clear_storage();
    stub_fetch(&[]);
    style_page();
    let host = mount(Some(agent()));
    ready().await;
    click(&host, "Import contacts");
    wait_for("the file input", || has_input(&host, "file")).await;
    host
}

/// Gives the import a file named `name` of the bytes `bytes` (a JS expression), as the file
/// input's `change` does, or as a drop on the panel when `drop`.
pub(crate) fn give(host: &HtmlElement, name: &str, bytes: &str, drop: bool) {
    js_sys::Reflect::set(&js_sys::global(), &"__importHost".into(), host).unwrap();
    let name = serde_json::Value::from(name);
    js_sys::eval(&format!(
        r#"(() => {{
            const host = window.__importHost;
            const transfer = new DataTransfer();
            transfer.items.add(new File([{bytes}], {name}, {{type: "text/csv"}}));
            if ({drop}) {{
                const panel = host.querySelector(".ocf-import");
                panel.dispatchEvent(new DragEvent("drop", {{bubbles: true, cancelable: true, dataTransfer: transfer}}));
            }} else {{
                const input = host.querySelector("input[name='file']");
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", {{bubbles: true}}));
            }}
        }})()"#
    ))
    .unwrap();
}

/// UTF-8 text as a JS byte array, after `prefix` (a BOM, say).
pub(crate) fn utf8(prefix: &str, text: &str) -> String {
    let text = serde_json::Value::from(text);
    format!("new Uint8Array([{prefix}...new TextEncoder().encode({text})])")
}

/// The summary of the check, once there is one.
pub(crate) async fn summary(host: &HtmlElement, starts: &str) -> String {
    let text = || {
        host.query_selector(".ocf-import .ocf-problems")
            .unwrap()
            .and_then(|p| p.previous_element_sibling())
            .and_then(|p| p.text_content())
            .unwrap_or_default()
    };
    wait_for(&format!("a summary starting {starts:?}"), || {
        text().starts_with(starts)
    })
    .await;
    text()
}

/// Each row said not to be sent.
pub(crate) fn problems(host: &HtmlElement) -> Vec<String> {
    let items = host.query_selector_all(".ocf-problems li").unwrap();
    (0..items.length())
        .filter_map(|i| items.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// The value of the select named `name`.
fn selected(host: &HtmlElement, name: &str) -> String {
    let select = host
        .query_selector(&format!("select[name='{name}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no select {name}"));
    js_sys::Reflect::get(&select, &"value".into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// Whether `selector` is shown (laid out) in the widget.
fn shown(host: &HtmlElement, selector: &str) -> bool {
    let element: Element = host.query_selector(selector).unwrap().expect(selector);
    element
        .unchecked_into::<HtmlElement>()
        .offset_parent()
        .is_some()
}

#[wasm_bindgen_test]
async fn the_import_takes_the_forms_place_and_back_returns_the_form_as_left() {
    clear_storage();
    stub_fetch(&[]);
    style_page();
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    click(&host, "Import contacts");
    wait_for("the file input", || has_input(&host, "file")).await;
    assert!(shown(&host, "input[name='file']"));
    assert!(!shown(&host, "form"), "the form is hidden");
    assert!(!shown(&host, "input[name='search']"), "the search too");
    assert!(shown(&host, ".ocf-status"), "the status stays");

    give(&host, "one.csv", &utf8("", "Name\nAda\n"), false);
    summary(&host, "1 row: 1 ready").await;
    click(&host, "Back to the form");
    wait_for("the form back", || shown(&host, "form")).await;
    assert!(!shown(&host, "input[name='file']"));
    assert_eq!(
        input(&host, "name").value(),
        "Ada",
        "what was typed is kept"
    );

    click(&host, "Import contacts");
    wait_for("the import again", || shown(&host, "input[name='file']")).await;
    let said = summary(&host, "1 row").await;
    assert_eq!(
        said,
        "1 row: 1 ready, 0 with errors, 0 repeated in the file."
    );
    assert!(calls().is_empty(), "nothing was sent");
}

#[wasm_bindgen_test]
async fn a_file_is_read_in_its_encoding_and_delimiter_and_every_row_checked() {
    let host = opened().await;
    let csv = "Name;E-Mail;Telefon;Notiz\n\
               Ada Lovelace;ada@example.com;+44 20 7946 0958;first\n\
               Bob;not-an-email;;second\n\
               Carl;ADA@example.com;;third\n";
    give(
        &host,
        "kontakte.csv",
        &utf8("0xEF, 0xBB, 0xBF, ", csv),
        false,
    );
    let said = summary(&host, "3 rows").await;
    assert_eq!(
        said,
        "3 rows: 1 ready, 1 with errors, 1 repeated in the file."
    );
    assert_eq!(selected(&host, "encoding"), "UTF-8");
    assert_eq!(selected(&host, "delimiter"), ";");
    let columns: Vec<String> = (0..4)
        .map(|i| selected(&host, &format!("column-{i}")))
        .collect();
    assert_eq!(columns, ["name", "email", "phone", "ignore"]);
    assert!(host
        .text_content()
        .unwrap()
        .contains("Columns of kontakte.csv"));
    assert_eq!(
        problems(&host),
        [
            "Row 3: Email: Enter an email address like name@example.com.",
            "Row 4: It repeats an email or phone of row 2, so it is not sent.",
        ]
    );
    assert!(calls().is_empty(), "nothing was sent");
}

#[wasm_bindgen_test]
async fn another_delimiter_or_column_checks_the_rows_again() {
    let host = opened().await;
    let csv = "Name;Email\nAda;ada@example.com\nBob;not-an-email\nCarl;ada@example.com\n";
    give(&host, "c.csv", &utf8("", csv), false);
    summary(&host, "3 rows: 1 ready").await;

    choose(&host, "delimiter", ",");
    let said = summary(&host, "3 rows: 0 ready").await;
    assert_eq!(
        said,
        "3 rows: 0 ready, 3 with errors, 0 repeated in the file."
    );
    assert_eq!(
        selected(&host, "column-0"),
        "ignore",
        "one column, not a name"
    );

    choose(&host, "delimiter", ";");
    summary(&host, "3 rows: 1 ready").await;
    choose(&host, "column-1", "ignore");
    let said = summary(&host, "3 rows: 3 ready").await;
    assert_eq!(
        said,
        "3 rows: 3 ready, 0 with errors, 0 repeated in the file."
    );
    assert!(problems(&host).is_empty());
    assert_eq!(selected(&host, "column-1"), "ignore");
}

#[wasm_bindgen_test]
async fn a_windows_1252_file_dropped_on_the_panel_is_read() {
    let host = opened().await;
    // "Name\nMüller\n" as Excel writes it without a BOM in Western Europe.
    let bytes =
        "new Uint8Array([0x4E, 0x61, 0x6D, 0x65, 0x0A, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A])";
    give(&host, "alt.csv", bytes, true);
    let said = summary(&host, "1 row").await;
    assert_eq!(
        said,
        "1 row: 1 ready, 0 with errors, 0 repeated in the file."
    );
    assert_eq!(selected(&host, "encoding"), "Windows-1252");
}

#[wasm_bindgen_test]
async fn a_file_over_10_mb_or_without_rows_is_refused_in_words() {
    let host = opened().await;
    let alert = || {
        host.query_selector(".ocf-import .ocf-error")
            .unwrap()
            .and_then(|p| p.text_content())
            .unwrap_or_default()
    };
    give(
        &host,
        "big.csv",
        "new Uint8Array(10 * 1024 * 1024 + 1)",
        false,
    );
    wait_for("the refusal", || {
        alert() == "This file is larger than 10 MB: split it into smaller files."
    })
    .await;
    give(&host, "empty.csv", &utf8("", "Name,Email\n"), false);
    wait_for("the second refusal", || {
        alert() == "This file has no rows under its header."
    })
    .await;
    assert!(!has_select(&host, "encoding"), "no file was read");
}

/// Whether a select named `name` exists.
fn has_select(host: &HtmlElement, name: &str) -> bool {
    host.query_selector(&format!("select[name='{name}']"))
        .unwrap()
        .is_some()
}

#[wasm_bindgen_test]
async fn the_focus_goes_to_the_import_and_back_to_the_button_that_opened_it() {
    let host = opened().await;
    let active = || {
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .map(|e| (e.tag_name(), e.get_attribute("name"), e.text_content()))
    };
    wait_for("the file input focused", || {
        active().is_some_and(|(_, name, _)| name.as_deref() == Some("file"))
    })
    .await;
    click(&host, "Back to the form");
    wait_for("Import contacts focused", || {
        active().is_some_and(|(tag, _, text)| {
            tag == "BUTTON" && text.as_deref() == Some("Import contacts")
        })
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_host_pages_open_import_shows_the_import_once_signed_in() {
    let answer = |p: js_sys::Promise| async move {
        let shown = wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
        shown.as_bool().unwrap()
    };
    use omnichannel_contact_form::embed::mount as js_mount;
    clear_storage();
    stub_fetch(&[]);
    let host = new_host();
    let options =
        r#"({server: "https://chat.example.com", authToken: "agent-token", userId: "agent-id"})"#;
    let handle = js_mount(host.clone(), js_sys::eval(options).unwrap());
    ready().await;
    assert!(answer(handle.open_import()).await, "signed in: shown");
    wait_for("the file input", || has_input(&host, "file")).await;

    let signed_out = new_host();
    let options = r#"({server: "https://chat.example.com"})"#;
    let other = js_mount(signed_out.clone(), js_sys::eval(options).unwrap());
    wait_for("the sign-in form", || has_input(&signed_out, "user")).await;
    assert!(
        !answer(other.open_import()).await,
        "no one signed in: nothing to import with"
    );
    assert!(!has_input(&signed_out, "file"));
}

#[wasm_bindgen_test]
async fn a_template_names_every_column_the_import_maps_with_the_servers_custom_fields() {
    clear_storage();
    stub_fetch(&[]);
    route(
        "/api/v1/livechat/custom-fields",
        200,
        r#"{"customFields":[{"_id":"customer_no","label":"Customer number","type":"input","visibility":"visible","scope":"visitor","required":false}],"success":true}"#,
    );
    let host = mount(Some(agent()));
    ready().await;
    click(&host, "Import contacts");
    wait_for("the file input", || has_input(&host, "file")).await;
    let template = download(&host, "contacts-template.csv", "Download a template").await;
    assert_eq!(
        template,
        "\u{FEFF}Name,Email,Phone,Contact manager,Customer number\r\n"
    );
}

#[wasm_bindgen_test]
async fn the_first_hundred_rows_with_errors_are_listed_and_every_one_is_in_their_file() {
    let host = opened().await;
    let mut csv = String::from("Name,Email\nAda,ada@example.com\n");
    for i in 0..130 {
        csv.push_str(&format!("P{i},bad-{i}\n"));
    }
    give(&host, "many.csv", &utf8("", &csv), false);
    summary(&host, "131 rows").await;
    let listed = problems(&host);
    assert_eq!(listed.len(), 100);
    assert_eq!(
        listed[0],
        "Row 3: Email: Enter an email address like name@example.com."
    );
    assert!(host
        .text_content()
        .unwrap()
        .contains("30 more rows are not listed here."));
    let file = download(
        &host,
        "many-not-imported.csv",
        "Download the rows with errors",
    )
    .await;
    let lines: Vec<&str> = file.split("\r\n").collect();
    assert_eq!(lines[0], "\u{FEFF}Name,Email,Reason");
    assert_eq!(
        lines[130],
        "P129,bad-129,Email: Enter an email address like name@example.com."
    );
    assert_eq!(lines.len(), 132, "the header, 130 rows, and the end");
    assert!(calls().is_empty(), "nothing was sent");
}
