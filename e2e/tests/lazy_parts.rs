//! Lazy parts, against the release build (the split one) and the stand-in, in both APIs: the
//! first load fetches one wasm; opening Conversations fetches its chunk then and lists the
//! chats; with the chunk answering 404 the section says so in words with Try again, the form
//! still saves a contact, and Try again shows the chats once the chunk is back.

use e2e::{center_site, open_found_on};

const MAIN: &str = "omnichannel-contact-form_bg.wasm";
const UNAVAILABLE: &str = "This part of the form could not be loaded.";
const RETRY_SHOWN: &str =
    "const r = document.querySelector('.ocf-retry'); return !!r && !r.hidden;";

/// Whether the Conversations panel's text holds `text`.
fn panel_holds(text: &str) -> String {
    format!(
        "const p = document.querySelector('.ocf-panel');
         return !!p && p.textContent.replace(/[\\u2068\\u2069]/g, '').includes({});",
        serde_json::json!(text)
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn conversations_are_fetched_when_first_opened_and_said_in_words_when_they_cannot_be() {
    for (api, updated) in [
        ("contacts", "Findme 01 (renamed)"),
        ("legacy", "Findme 01 (legacy)"),
    ] {
        let site = center_site("7.12").await;
        let chunk = site.chunk("conversations");
        let page = format!("{}/page.html?api={api}", site.url);
        let b = open_found_on(&page, "agent.one", "Findme 01", "Findme 01").await;
        assert_eq!(b.wasm_fetched().await, [MAIN], "{api}: the first load");

        // The chunk is gone (a redeploy, a proxy): said in words, the form untouched.
        site.take_away(&chunk);
        b.click("Conversations").await;
        b.wait_js("the words", &panel_holds(UNAVAILABLE)).await;
        assert_eq!(b.js(RETRY_SHOWN).await, true, "{api}: Try again");
        assert_eq!(
            b.value("name").await,
            "Findme 01",
            "{api}: nothing typed lost"
        );
        b.fill("name", updated).await;
        b.click("Update contact").await;
        b.wait_status("Contact updated").await;

        // Back, and Try again lists the chats; only then was the chunk fetched.
        site.put_back(&chunk);
        b.click("Try again").await;
        b.wait_js("the chats", &panel_holds("Showing 10 of 23"))
            .await;
        assert_eq!(b.js(RETRY_SHOWN).await, false, "{api}: Try again gone");
        let fetched = b.wasm_fetched().await;
        assert_eq!(fetched.first().map(String::as_str), Some(MAIN), "{api}");
        assert!(fetched.contains(&chunk), "{api}: {fetched:?}");

        // Closed and opened again: the code is kept, the chats asked anew.
        b.click("Conversations").await;
        b.click("Conversations").await;
        b.wait_js("the chats again", &panel_holds("Showing 10 of 23"))
            .await;
        let again = b.wasm_fetched().await;
        assert_eq!(
            again.iter().filter(|n| **n == chunk).count(),
            fetched.iter().filter(|n| **n == chunk).count(),
            "{api}: the chunk is fetched once it came"
        );
        b.finish().await;
    }
}
