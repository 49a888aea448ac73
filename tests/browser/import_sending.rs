//! Importing contacts, the sending: rows sent one at a time and the end's counts, a contact
//! that exists added to or skipped, Pause, Resume and Cancel, a 429 waited out, a failure not
//! about the row pausing the run, signing out during a run, the file of the rows not imported.

use crate::harness::*;
use crate::import::{give, opened, problems, summary, utf8};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

/// The import's own status line (what the sending says), once it contains `text`.
pub(crate) async fn import_says(host: &HtmlElement, text: &str) {
    let said = || {
        let notes = host
            .query_selector_all(".ocf-import p[role='status']")
            .unwrap();
        (0..notes.length())
            .filter_map(|i| notes.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    wait_for(
        &format!("the import to say {text:?} (it says {:?})", said()),
        || said().contains(text),
    )
    .await;
}

/// The saves sent, as `(name, email, phone, token)`.
pub(crate) fn saves() -> Vec<(String, String, String, String)> {
    calls()
        .iter()
        .filter(|c| {
            c["method"] == "POST"
                && c["url"]
                    .as_str()
                    .unwrap_or_default()
                    .ends_with("/omnichannel/contact")
        })
        .map(|c| {
            let body: serde_json::Value =
                serde_json::from_str(c["body"].as_str().unwrap()).unwrap();
            let s = |k: &str| body[k].as_str().unwrap_or_default().to_owned();
            (s("name"), s("email"), s("phone"), s("token"))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn rows_are_sent_one_at_a_time_and_the_end_says_how_it_went() {
    let host = opened().await;
    stub_fetch(&[
        Answer(200, r#"{"contact":"c1","success":true}"#, &[]),
        Answer(200, r#"{"contact":"c2","success":true}"#, &[]),
    ]);
    let csv = "Name,Email\nAda,ada@example.com\nBob,bob@example.com\nCarl,not-an-email\n";
    give(&host, "c.csv", &utf8("", csv), false);
    summary(&host, "3 rows: 2 ready").await;
    click(&host, "Import 2 contacts");
    import_says(
        &host,
        "Import finished: 2 created, 0 updated, 0 skipped, 1 not imported.",
    )
    .await;
    let sent = saves();
    assert_eq!(sent.len(), 2);
    assert_eq!(
        (sent[0].0.as_str(), sent[0].1.as_str()),
        ("Ada", "ada@example.com")
    );
    assert_eq!(
        (sent[1].0.as_str(), sent[1].1.as_str()),
        ("Bob", "bob@example.com")
    );
    assert_ne!(sent[0].3, sent[1].3, "a token of its own per contact");
    assert_eq!(sent[0].3.len(), 32);
    assert_eq!(
        problems(&host),
        ["Row 4: Email: Enter an email address like name@example.com."]
    );
    let progress = host
        .query_selector(".ocf-import progress")
        .unwrap()
        .unwrap();
    assert_eq!(progress.get_attribute("value").as_deref(), Some("2"));
    assert_eq!(progress.get_attribute("max").as_deref(), Some("2"));

    // The rows not imported, as a file with the file's own columns and why.
    let text = download(
        &host,
        "c-not-imported.csv",
        "Download the rows not imported",
    )
    .await;
    assert_eq!(
        text,
        "\u{FEFF}Name,Email,Reason\r\nCarl,not-an-email,Email: Enter an email address like name@example.com.\r\n"
    );
}

/// The text of the file the import's link to `name` downloads, once the link says `text`.
pub(crate) async fn download(host: &web_sys::Element, name: &str, text: &str) -> String {
    let link = host
        .query_selector(&format!(".ocf-import a[download='{name}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("a link downloading {name}"));
    assert_eq!(link.text_content().unwrap(), text);
    downloaded(&link).await
}

/// The text of the file `link` downloads, as written (its BOM kept).
pub(crate) async fn downloaded(link: &web_sys::Element) -> String {
    js_sys::Reflect::set(&js_sys::global(), &"__link".into(), link).unwrap();
    let read = js_sys::eval(
        "fetch(window.__link.href).then((r) => r.arrayBuffer()).then((b) => new TextDecoder('utf-8', {ignoreBOM: true}).decode(b))",
    )
    .unwrap();
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(read))
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

/// A contact on the server with the row's email, and no phone.
const STORED: &str = r#"{"contact":{"_id":"c9","token":"0123456789abcdef0123456789abcdef",
  "name":"Ada Lovelace","visitorEmails":[{"address":"ada@example.com"}],"livechatData":{}},"success":true}"#;

/// The same contact as the import's listing of the server's visitors finds it (no token).
const LISTED: &str = r#"{"visitors":[{"_id":"c9","name":"Ada Lovelace",
  "visitorEmails":[{"address":"ada@example.com"}],"livechatData":{}}],"count":100,"offset":0,"total":1,"success":true}"#;

#[wasm_bindgen_test]
async fn a_row_of_an_existing_contact_adds_what_is_new_or_is_skipped() {
    let host = opened().await;
    // The contact found is loaded, read again by the write, then updated.
    stub_fetch(&[
        Answer(200, STORED, &[]),
        Answer(200, STORED, &[]),
        Answer(200, r#"{"contact":"c9","success":true}"#, &[]),
    ]);
    route("/api/v1/omnichannel/contact.search", 200, STORED);
    route("/api/v1/livechat/visitors.search", 200, LISTED);
    let csv = "Name,Email,Phone\nAda L.,ada@example.com,+44 20 7946 0958\n";
    give(&host, "c.csv", &utf8("", csv), false);
    summary(&host, "1 row: 1 ready").await;
    click(&host, "Import 1 contact");
    import_says(
        &host,
        "Import finished: 0 created, 1 updated, 0 skipped, 0 not imported.",
    )
    .await;
    assert_eq!(
        saves(),
        [(
            "Ada Lovelace".to_owned(),
            "ada@example.com".to_owned(),
            "+442079460958".to_owned(),
            "0123456789abcdef0123456789abcdef".to_owned()
        )],
        "the name kept, the phone added, through the contact's own token"
    );
    let routed = routed();
    assert!(
        routed
            .iter()
            .any(|u| u.contains("visitors.search?term=&count=100")),
        "the server's visitors listed: {routed:?}"
    );
    assert!(
        !routed.iter().any(|u| u.contains("contact.search")),
        "the row not looked up on its own: {routed:?}"
    );

    // The same file again, skipping contacts that exist: nothing is sent.
    stub_fetch(&[]);
    route("/api/v1/omnichannel/contact.search", 200, STORED);
    route("/api/v1/livechat/visitors.search", 200, LISTED);
    give(&host, "c.csv", &utf8("", csv), false);
    summary(&host, "1 row: 1 ready").await;
    let skip = host
        .query_selector_all(".ocf-import input[type='radio']")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>();
    skip.click();
    click(&host, "Import 1 contact");
    import_says(
        &host,
        "Import finished: 0 created, 0 updated, 1 skipped, 0 not imported.",
    )
    .await;
    assert!(saves().is_empty());
}

#[wasm_bindgen_test]
async fn pause_holds_the_next_row_and_cancel_keeps_what_was_saved() {
    let host = opened().await;
    stub_fetch(&[
        Answer(200, r#"{"contact":"c1","success":true}"#, &[]),
        Answer(200, r#"{"contact":"c2","success":true}"#, &[]),
        Answer(200, r#"{"contact":"c3","success":true}"#, &[]),
    ]);
    js_sys::eval("window.__delay = 300;").unwrap();
    let csv = "Name\nAda\nBob\nCarl\n";
    give(&host, "c.csv", &utf8("", csv), false);
    summary(&host, "3 rows: 3 ready").await;
    click(&host, "Import 3 contacts");
    wait_for("the first save sent", || saves().len() == 1).await;
    click(&host, "Pause");
    import_says(&host, "Import paused.").await;
    wait_for("the first row done", || {
        host.text_content().unwrap_or_default().contains("1 of 3")
    })
    .await;
    sleep(500).await;
    assert_eq!(saves().len(), 1, "no row is sent while paused");
    click(&host, "Resume");
    wait_for("the second save sent", || saves().len() == 2).await;
    click(&host, "Cancel import");
    import_says(
        &host,
        "Import cancelled: 2 created, 0 updated, 0 skipped, 0 not imported.",
    )
    .await;
    sleep(500).await;
    assert_eq!(saves().len(), 2, "no row is sent after Cancel");
    assert!(find_button(&host, "Pause").is_none());
    js_sys::eval("window.__delay = 0;").unwrap();
}

#[wasm_bindgen_test]
async fn a_429_is_waited_out_and_the_same_row_sent_again_by_itself() {
    let host = opened().await;
    stub_fetch(&[
        Answer(
            429,
            r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 1 seconds before trying this endpoint again. [error-too-many-requests]"}"#,
            &[("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "0")],
        ),
        Answer(200, r#"{"contact":"c1","success":true}"#, &[]),
    ]);
    give(
        &host,
        "c.csv",
        &utf8("", "Name,Email\nAda,ada@example.com\n"),
        false,
    );
    summary(&host, "1 row: 1 ready").await;
    click(&host, "Import 1 contact");
    import_says(&host, "Rocket.Chat asks to wait: going on in 1 s.").await;
    import_says(
        &host,
        "Import finished: 1 created, 0 updated, 0 skipped, 0 not imported.",
    )
    .await;
    let sent = saves();
    assert_eq!(sent.len(), 2, "the same row, sent again");
    assert_eq!(
        (sent[1].0.as_str(), sent[1].1.as_str()),
        ("Ada", "ada@example.com")
    );
    assert!(problems(&host).is_empty());
}

#[wasm_bindgen_test]
async fn a_failure_not_about_the_row_pauses_the_run_and_resume_sends_that_row_again() {
    let host = opened().await;
    stub_fetch(&[
        Answer(0, "", &[]),
        Answer(200, r#"{"contact":"c1","success":true}"#, &[]),
        Answer(200, r#"{"contact":"c2","success":true}"#, &[]),
    ]);
    give(&host, "c.csv", &utf8("", "Name\nAda\nBob\n"), false);
    summary(&host, "2 rows: 2 ready").await;
    click(&host, "Import 2 contacts");
    import_says(&host, "Import paused: Could not reach the server.").await;
    assert!(
        problems(&host).is_empty(),
        "the row is not failed: {:?}",
        problems(&host)
    );
    sleep(300).await;
    assert_eq!(saves().len(), 1, "Bob waits for Resume");
    click(&host, "Resume");
    import_says(
        &host,
        "Import finished: 2 created, 0 updated, 0 skipped, 0 not imported.",
    )
    .await;
    let saves = saves();
    let names: Vec<&str> = saves.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(names, ["Ada", "Ada", "Bob"]);
    assert_eq!(
        saves[0].3, saves[1].3,
        "Ada sent again with the same token: one contact"
    );
    assert_ne!(saves[1].3, saves[2].3);
}

#[wasm_bindgen_test]
async fn through_the_contact_center_each_manager_is_looked_up_once_per_import() {
    use crate::center::{center, CREATED};
    clear_storage();
    center(&[CREATED, CREATED]);
    let host = mount_api(omnichannel_contact_form::ApiChoice::Contacts);
    ready().await;
    click(&host, "Import contacts");
    wait_for("the file input", || has_input(&host, "file")).await;
    let csv = "Name,Contact manager\nAda,agent.two\nBob,agent.two\nCarl,nobody\nDan,nobody\n";
    give(&host, "m.csv", &utf8("", csv), false);
    summary(&host, "4 rows: 4 ready").await;
    let lookups = || {
        routed()
            .iter()
            .filter(|u| u.contains("/api/v1/livechat/users/agent"))
            .count()
    };
    let before = lookups();
    click(&host, "Import 4 contacts");
    import_says(
        &host,
        "Import finished: 2 created, 0 updated, 0 skipped, 2 not imported.",
    )
    .await;
    assert_eq!(lookups() - before, 2, "agent.two once, nobody once");
    let managers: Vec<serde_json::Value> = calls()
        .iter()
        .filter(|c| c["method"] == "POST")
        .map(|c| {
            serde_json::from_str::<serde_json::Value>(c["body"].as_str().unwrap()).unwrap()
                ["contactManager"]
                .clone()
        })
        .collect();
    assert_eq!(managers, ["agentTwo000000001", "agentTwo000000001"]);
    assert_eq!(problems(&host).len(), 2, "{:?}", problems(&host));
}

#[wasm_bindgen_test]
async fn through_the_contact_center_the_servers_contacts_are_listed_once_rather_than_each_row_looked_up(
) {
    use crate::center::{center, CREATED};
    clear_storage();
    center(&[CREATED, CREATED, CREATED, CREATED, CREATED]);
    // 150 contacts on each list (every page the same here): two pages each, four calls, where
    // looking up each row's email would make six.
    route(
        "/api/v1/omnichannel/contacts.search",
        200,
        r#"{"contacts":[{"_id":"cc9","name":"Ada","emails":[{"address":"ada@example.com"}],"phones":[],"customFields":{}}],"count":100,"offset":0,"total":150,"success":true}"#,
    );
    let host = mount_api(omnichannel_contact_form::ApiChoice::Contacts);
    ready().await;
    click(&host, "Import contacts");
    wait_for("the file input", || has_input(&host, "file")).await;
    let csv = "Name,Email\nAda L.,ada@example.com\nBob,bob@example.com\nCarl,carl@example.com\n\
               Dee,dee@example.com\nEve,eve@example.com\nFay,fay@example.com\n";
    give(&host, "l.csv", &utf8("", csv), false);
    summary(&host, "6 rows: 6 ready").await;
    host.query_selector_all(".ocf-import input[type='radio']")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>()
        .click();
    let before = routed().len();
    click(&host, "Import 6 contacts");
    import_says(
        &host,
        "Import finished: 5 created, 0 updated, 1 skipped, 0 not imported.",
    )
    .await;
    let routed = routed()[before..].to_vec();
    let listed: Vec<&String> = routed
        .iter()
        .filter(|u| u.contains("contacts.search"))
        .collect();
    assert_eq!(listed.len(), 4, "{routed:?}");
    assert!(listed[0].contains("count=100") && listed[0].contains("offset=0"));
    assert!(
        listed
            .iter()
            .all(|u| u.contains("sort=%7B%22createdAt%22%3A1%7D")),
        "oldest first, so that a contact made meanwhile is not passed over: {listed:?}"
    );
    assert!(listed[1].contains("unknown=true"));
    assert!(listed[2].contains("offset=100") && !listed[2].contains("unknown"));
    assert!(
        !routed.iter().any(|u| u.contains("checkExistence")),
        "no row looked up on its own: {routed:?}"
    );
    let creates = calls().iter().filter(|c| c["method"] == "POST").count();
    assert_eq!(creates, 5, "Ada, listed, skipped without a call");
}
