//! Importing contacts from a spreadsheet, on the release build (the import a lazy part of its
//! own) against the stand-in, through both APIs: a `;` file with a BOM and German headers read
//! and checked, its rows sent, the same file imported twice making nothing new, and a row of an
//! existing contact adding what is new to it.

use e2e::{standin, standin_rate_window, Browser};
use rc_standin::faults::Fault;
use serde_json::Value;
use std::time::Duration;

/// Opens the import and gives it `csv` (UTF-8 with a BOM) as the file `name`.
async fn import_file(b: &Browser, name: &str, csv: &str) {
    let bytes: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(csv.bytes()).collect();
    import_bytes(b, name, &bytes).await;
}

/// Opens the import (if it is not open) and gives it `bytes` as the file `name`.
async fn import_bytes(b: &Browser, name: &str, bytes: &[u8]) {
    if !b.has_input("file").await {
        b.click("Import contacts").await;
        b.wait_js(
            "the import's file input",
            "return !!document.querySelector(\"input[name='file']\")",
        )
        .await;
    }
    let script = format!(
        r#"const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array({bytes})], {name}, {{type: "text/csv"}}));
        const input = document.querySelector("input[name='file']");
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", {{bubbles: true}}));
        return true;"#,
        bytes = Value::from(bytes.to_vec()),
        name = Value::from(name),
    );
    b.js(&script).await;
}

/// Waits until the import says `text` (its summary, its progress or its end).
async fn import_says(b: &Browser, text: &str) -> String {
    let script = format!(
        "const t = document.querySelector('.ocf-import').textContent; return t.includes({}) ? t : null",
        Value::from(text)
    );
    let said = b
        .wait_js(&format!("the import to say {text:?}"), &script)
        .await;
    said.as_str().unwrap_or_default().to_owned()
}

const FILE: &str = "Name;E-Mail;Telefon\n\
                    Ada Lovelace;ada@example.com;+44 20 7946 0958\n\
                    Bob Bauer;bob@example.com;\n\
                    Kaputt;keine-email;\n";

#[tokio::test(flavor = "multi_thread")]
async fn a_german_semicolon_file_is_checked_sent_and_a_second_import_makes_nothing_new() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    import_file(&b, "kontakte.csv", FILE).await;
    let said = import_says(
        &b,
        "3 rows: 2 ready, 1 with errors, 0 repeated in the file.",
    )
    .await;
    assert!(
        said.contains("Row 4: Email: Enter an email address like name@example.com."),
        "{said}"
    );
    assert!(
        state.store.read(|d| d.visitors.is_empty()).await,
        "nothing is sent before the import is started"
    );
    b.doc_picture("import", Some(".ocf-import")).await;
    b.js("document.addEventListener('contacts-imported', (e) => (window.imported ||= []).push(e.detail)); return true")
        .await;
    b.click("Import 2 contacts").await;
    import_says(
        &b,
        "Import finished: 2 created, 0 updated, 0 skipped, 1 not imported.",
    )
    .await;
    let heard = b
        .wait_js("contacts-imported", "return window.imported || null")
        .await;
    assert_eq!(
        heard,
        serde_json::json!([{"file": "kontakte.csv", "created": 2, "updated": 0, "skipped": 0, "failed": 1}])
    );
    let visitors = state.store.read(|d| d.visitors.clone()).await;
    let mut people: Vec<(String, Option<String>, Option<String>)> = visitors
        .iter()
        .map(|v| (v.name.clone(), v.email.clone(), v.phone.clone()))
        .collect();
    people.sort();
    assert_eq!(
        people,
        [
            (
                "Ada Lovelace".to_owned(),
                Some("ada@example.com".to_owned()),
                Some("+442079460958".to_owned())
            ),
            (
                "Bob Bauer".to_owned(),
                Some("bob@example.com".to_owned()),
                None
            ),
        ]
    );

    // The same file again: both exist and it adds nothing to them. The server's visitors are
    // listed (one page) rather than each row looked up.
    import_file(&b, "kontakte.csv", FILE).await;
    import_says(&b, "3 rows: 2 ready").await;
    b.js("performance.clearResourceTimings(); return true")
        .await;
    b.click("Import 2 contacts").await;
    import_says(
        &b,
        "Import finished: 0 created, 0 updated, 2 skipped, 1 not imported.",
    )
    .await;
    let urls = requests(&b).await;
    let listed = urls
        .iter()
        .filter(|u| u.contains("visitors.search?term=&count=100"));
    assert_eq!(listed.count(), 1, "{urls:?}");
    assert!(
        !urls.iter().any(|u| u.contains("contact.search")),
        "{urls:?}"
    );
    assert_eq!(
        state.store.read(|d| d.visitors.len()).await,
        2,
        "nothing made twice"
    );

    // Back to the form, as it was left.
    b.click("Back to the form").await;
    assert!(b.has_button("Register contact").await);
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn through_the_contact_center_a_row_of_an_existing_contact_adds_what_is_new() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&format!("{url}/?api=contacts"), "agent.one").await;
    import_file(
        &b,
        "first.csv",
        "Name,Email\nAda Lovelace,ada@example.com\n",
    )
    .await;
    import_says(&b, "1 row: 1 ready").await;
    b.click("Import 1 contact").await;
    import_says(&b, "Import finished: 1 created").await;
    assert_eq!(state.store.read(|d| d.contacts.len()).await, 1);

    // A second file: Ada again with a second email and a phone, and someone new.
    let second = "Name,Email,Email,Phone\n\
                  Ada L.,ada@example.com,ada@work.example,+44 20 7946 0958\n\
                  Bob Bauer,bob@example.com,,\n";
    import_file(&b, "second.csv", second).await;
    import_says(&b, "2 rows: 2 ready").await;
    b.js("performance.clearResourceTimings(); return true")
        .await;
    b.click("Import 2 contacts").await;
    import_says(
        &b,
        "Import finished: 1 created, 1 updated, 0 skipped, 0 not imported.",
    )
    .await;
    // The server's contacts listed (one page of each list) rather than each row looked up.
    let urls = requests(&b).await;
    let listed = urls
        .iter()
        .filter(|u| u.contains("contacts.search") && u.contains("count=100"));
    assert_eq!(listed.count(), 2, "{urls:?}");
    assert!(
        !urls.iter().any(|u| u.contains("checkExistence")),
        "{urls:?}"
    );
    let contacts = state.store.read(|d| d.contacts.clone()).await;
    assert_eq!(contacts.len(), 2, "Ada updated, not made twice");
    let ada = contacts
        .iter()
        .find(|c| c.name == "Ada Lovelace")
        .expect("Ada, her name kept");
    assert_eq!(ada.emails, ["ada@example.com", "ada@work.example"]);
    assert_eq!(ada.phones, ["+442079460958"]);
    assert!(
        state.store.read(|d| d.visitors.is_empty()).await,
        "no visitor through the Contact Center"
    );
    b.finish().await;
}

/// The addresses the page fetched since its resource timings were last cleared.
async fn requests(b: &Browser) -> Vec<String> {
    let urls = b
        .js("return performance.getEntriesByType('resource').map((e) => e.name)")
        .await;
    let urls = urls.as_array().expect("the requests").iter();
    urls.filter_map(Value::as_str).map(str::to_owned).collect()
}

/// Waits until the import's line above the form says `text`.
async fn line_says(b: &Browser, text: &str) {
    let script = format!(
        "return [...document.querySelectorAll('.ocf-import-line:not([hidden])')].some((l) => l.textContent.includes({}))",
        Value::from(text)
    );
    b.wait_js(
        &format!("the import's line to say {text:?}"),
        &format!("{script} || null"),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_after_a_lost_answer_resumes_with_every_row_exactly_once() {
    for api in ["legacy", "contacts"] {
        let (url, state) = standin().await;
        let b = Browser::signed_in(&format!("{url}/?api={api}"), "agent.one").await;
        // Names alone: no duplicate look-up, so a row's first request is its create.
        import_file(&b, "names.csv", "Name\nGrace Hopper\nAlan Turing\n").await;
        import_says(&b, "2 rows: 2 ready").await;
        let faults = state.faults.as_ref().expect("faults are on");
        // The server makes Grace, and her answer is cut.
        faults.push(Fault::Lost(Duration::from_millis(50)), 1);
        b.click("Import 2 contacts").await;
        import_says(&b, "Import paused: Could not reach the server").await;
        let made = |d: &rc_standin::model::Data| match api {
            "legacy" => d
                .visitors
                .iter()
                .map(|v| v.name.clone())
                .collect::<Vec<_>>(),
            _ => d.contacts.iter().map(|c| c.name.clone()).collect(),
        };
        assert_eq!(state.store.read(made).await, ["Grace Hopper"], "{api}");

        b.reload().await;
        line_says(&b, "Resume importing names.csv? 0 of 2 done.").await;
        b.click("Resume").await;
        line_says(
            &b,
            "Import finished: 2 created, 0 updated, 0 skipped, 0 not imported.",
        )
        .await;
        let mut names = state.store.read(made).await;
        names.sort();
        assert_eq!(
            names,
            ["Alan Turing", "Grace Hopper"],
            "{api}: each row once"
        );

        // Over: a reload offers nothing.
        b.reload().await;
        assert!(b.has_button("Register contact").await);
        let offered = b
            .js("return !!document.querySelector('.ocf-import-line:not([hidden])')")
            .await;
        assert_eq!(offered, Value::Bool(false), "{api}");
        b.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_windows_1252_file_with_a_repeat_waits_out_a_429_and_gives_back_the_row_not_imported() {
    let (url, state) = standin_rate_window(Duration::from_secs(4)).await;
    let b = Browser::signed_in(&url, "agent.one").await;
    // Windows-1252, as Excel saves "CSV" in western Europe: ü is one byte, 0xFC.
    let text = "Name;E-Mail\nJ\u{fc}rgen M\u{fc}ller;juergen@example.com\nJ. M\u{fc}ller;juergen@example.com\n";
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    import_bytes(&b, "kunden.csv", &bytes).await;
    let said = import_says(
        &b,
        "2 rows: 1 ready, 0 with errors, 1 repeated in the file.",
    )
    .await;
    assert!(
        said.contains("Row 3: It repeats an email or phone of row 2, so it is not sent."),
        "{said}"
    );
    // Every call this minute's window allows is spent: the first the import makes is refused.
    for route in [
        "GET /api/v1/omnichannel/contact.search",
        "POST /api/v1/omnichannel/contact",
    ] {
        for _ in 0..10 {
            state.limiter.hit("127.0.0.1", route);
        }
    }
    b.click("Import 1 contact").await;
    import_says(&b, "Rocket.Chat asks to wait: going on in").await;
    import_says(
        &b,
        "Import finished: 1 created, 0 updated, 0 skipped, 1 not imported.",
    )
    .await;
    let names: Vec<String> = state
        .store
        .read(|d| d.visitors.iter().map(|v| v.name.clone()).collect())
        .await;
    assert_eq!(
        names,
        ["J\u{fc}rgen M\u{fc}ller"],
        "read as Windows-1252, sent once"
    );

    // The row not imported, as a file in the file's own columns and delimiter, with why (its
    // values isolated as on screen, so that they read right in a right-to-left language too).
    let file = b
        .js(r#"const a = document.querySelector(".ocf-import a[download$='not-imported.csv']");
            return fetch(a.href).then((r) => r.arrayBuffer())
              .then((x) => [a.getAttribute("download"), new TextDecoder("utf-8", {ignoreBOM: true}).decode(x)]);"#)
        .await;
    assert_eq!(
        file,
        serde_json::json!([
            "kunden-not-imported.csv",
            "\u{feff}Name;E-Mail;Reason\r\nJ. M\u{fc}ller;juergen@example.com;It repeats an email or phone of row \u{2068}2\u{2069}, so it is not sent.\r\n"
        ])
    );
    b.finish().await;
}
