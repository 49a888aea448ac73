//! A contact's conversations against the stand-in's seeded chats, in both APIs, as an agent
//! uses them: the section closed until opened, the list paged ("Showing 10 of 23", "Show
//! more"), a chat's messages with HTML-looking text shown as text, its search and "Back" with
//! the focus on the chat, the channels, the refusal of a colleague's chat, the empty states,
//! and axe on the list and a chat, light and dark.

use e2e::{center_site, open_found_on, Browser};
use serde_json::json;

/// The page on `api` in `theme`, `user` signed in, `name` found and opened.
async fn opened(url: &str, api: &str, theme: &str, user: &str, name: &str) -> Browser {
    let page = format!("{url}/page.html?api={api}&theme={theme}");
    open_found_on(&page, user, name, name).await
}

/// The panel's text, without the marks that isolate values.
const PANEL: &str = r#"const p = document.querySelector(".ocf-panel");
    return p ? p.textContent.replace(/[\u2068\u2069]/g, "") : "";"#;

async fn panel_says(b: &Browser, text: &str) {
    b.wait_js(
        &format!("the section to say {text:?}"),
        &format!(
            "const said = (() => {{ {PANEL} }})(); return said.includes({});",
            json!(text)
        ),
    )
    .await;
}

async fn count(b: &Browser, selector: &str) -> u64 {
    b.js(&format!(
        "return document.querySelectorAll({}).length",
        json!(selector)
    ))
    .await
    .as_u64()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn contact_center_conversations_paged_read_searched_and_audited() {
    let site = center_site("7.12").await;
    let b = opened(&site.url, "contacts", "light", "agent.one", "Findme 01").await;
    assert_eq!(
        b.js("return document.querySelector('.ocf-disclosure').getAttribute('aria-expanded')")
            .await,
        json!("false")
    );
    b.click("Conversations").await;
    panel_says(&b, "Showing 10 of 23").await;
    assert_eq!(count(&b, ".ocf-chat").await, 10);
    let first = b
        .js("return document.querySelector('.ocf-chat').textContent.replace(/[\\u2068\\u2069]/g, '')")
        .await;
    assert!(
        first.as_str().unwrap().starts_with("Livechat · "),
        "{first}"
    );
    panel_says(&b, "Served by agent.one").await;
    panel_says(&b, "Closing chat message: Solved, thanks (chat 1)").await;
    panel_says(&b, "SMS (Blocked)").await;
    panel_says(&b, "WhatsApp").await;
    // The guide's picture of the section (docs/contact-form.md#conversations), in a window
    // tall enough to hold it whole.
    b.client
        .set_window_size(900, 2200)
        .await
        .expect("the window resizes");
    b.doc_picture("conversations", Some(".ocf-conversations"))
        .await;
    b.audited_light_and_dark("the list").await;
    b.click("Show more").await;
    panel_says(&b, "Showing 20 of 23").await;
    b.click("Show more").await;
    panel_says(&b, "Showing 23 of 23").await;

    // The newest chat: its messages, the HTML-looking one as text.
    b.js("document.querySelector('.ocf-chat[data-at=\"0\"]').click()")
        .await;
    panel_says(&b, "Showing 20 of 26").await;
    panel_says(&b, "<img src=x onerror=alert(1)> is what the form shows me").await;
    assert_eq!(
        count(&b, ".ocf-messages img").await,
        0,
        "text, never markup"
    );
    panel_says(&b, "File: designs.png (17 KB)").await;
    assert_eq!(count(&b, ".ocf-day").await, 2, "the chat crossed midnight");
    assert_eq!(
        b.js("return window.opened").await,
        json!([{"contact": "0000000000000000c0de0001", "room": "room001findme01xx"}])
    );
    b.click("Show more").await;
    panel_says(&b, "Conversation closed: Solved, thanks (chat 1).").await;
    b.wait_js(
        "the focus on the first message that came in",
        "const f = document.activeElement; return !!f && f.matches('.ocf-messages > li:nth-child(21)')",
    )
    .await;
    b.audited_light_and_dark("a chat").await;
    b.fill("conversation-search", "ONERROR").await;
    panel_says(&b, "Showing 1 of 1").await;
    assert_eq!(count(&b, ".ocf-messages > li").await, 1);

    b.click("Back to conversations").await;
    b.wait_js(
        "the focus on the chat opened",
        "return document.activeElement && document.activeElement.getAttribute('data-at') === '0'",
    )
    .await;
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_colleagues_chat_is_refused_in_words_and_an_empty_contact_says_so() {
    let site = center_site("7.12").await;
    let b = opened(&site.url, "contacts", "dark", "agent.one", "Findme 03").await;
    b.click("Conversations").await;
    panel_says(&b, "Showing 1 of 1").await;
    b.js("document.querySelector('.ocf-chat').click()").await;
    panel_says(
        &b,
        "Only the agent who served this chat, or a manager, can read it.",
    )
    .await;
    assert_eq!(b.audit().await, Vec::<String>::new(), "the refusal");
    b.finish().await;

    let b = opened(&site.url, "contacts", "light", "agent.one", "Findme 02").await;
    b.click("Conversations").await;
    panel_says(&b, "No conversations yet.").await;
    panel_says(&b, "No channels yet.").await;
    assert_eq!(b.audit().await, Vec::<String>::new(), "the empty section");
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn legacy_conversations_come_through_the_visitors_last_chat() {
    let site = center_site("7.12").await;
    let b = opened(&site.url, "legacy", "light", "agent.one", "Findme 01").await;
    b.click("Conversations").await;
    panel_says(&b, "Showing 10 of 23").await;
    assert_eq!(
        count(&b, ".ocf-channels").await,
        0,
        "channels are the Contact Center's"
    );
    b.js("document.querySelector('.ocf-chat').click()").await;
    panel_says(&b, "is what the form shows me").await;
    b.finish().await;

    // Findme 03's last chat is agent.two's: agent.one may not search through it; a manager may.
    let b = opened(&site.url, "legacy", "light", "agent.one", "Findme 03").await;
    b.click("Conversations").await;
    panel_says(
        &b,
        "Only the agent who served this chat, or a manager, can read it.",
    )
    .await;
    b.finish().await;
    let b = opened(&site.url, "legacy", "light", "manager", "Findme 03").await;
    b.click("Conversations").await;
    panel_says(&b, "Showing 1 of 1").await;
    b.finish().await;
}
