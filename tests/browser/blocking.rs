//! Blocking and unblocking a contact's channel from the Conversations section: Block asks
//! first (Cancel has the focus and sends nothing), the list then says " (Blocked)" as the
//! server now lists it, Unblock asks nothing, the host page hears `channel-blocked` /
//! `channel-unblocked`, each refusal is said in words, and the buttons are offered only to a
//! user who may (the licence, the permission).

use crate::conversations::{
    center_contact, center_contact_as, click_at, disclosure, js, panel, texts,
};
use crate::harness::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

/// The contact's channels: Livechat (through visitor v1) and SMS (v2), neither blocked; a
/// block or unblock posted flips the channel the server matches (as Rocket.Chat's does), and
/// is recorded in `window.__blocks`.
fn serve_channels() {
    js_sys::eval(
        r#"
        window.__channels = [
            {name: "widget", blocked: false, verified: false, visitor: {visitorId: "v1", source: {type: "widget"}},
             details: {type: "widget", destination: "crm.example.com"}},
            {name: "sms", blocked: false, verified: false, visitor: {visitorId: "v2", source: {type: "sms"}},
             details: {type: "sms"}}];
        window.__blocks = [];
        window.__blockRefusal = null;
        window.__events = [];
        const underneath = window.fetch;
        window.fetch = async (input, init) => {
            const req = input instanceof Request ? input : new Request(input, init);
            const path = new URL(req.url).pathname;
            const block = path.endsWith("contacts.block"), unblock = path.endsWith("contacts.unblock");
            if (!block && !unblock) return underneath(input, init);
            const body = await req.text();
            window.__blocks.push({path, body: JSON.parse(body)});
            if (window.__blockRefusal) {
                const [status, answer] = window.__blockRefusal;
                return new Response(JSON.stringify(answer), {status, headers: {"Content-Type": "application/json"}});
            }
            const {visitor} = JSON.parse(body);
            const channel = window.__channels.find((c) => c.visitor.visitorId === visitor.visitorId && c.visitor.source.type === visitor.source.type);
            if (!channel) return new Response('{"success":false,"error":"error-contact-not-found"}', {status: 400});
            channel.blocked = block;
            return new Response('{"success":true}', {status: 200, headers: {"Content-Type": "application/json"}});
        };
        "#,
    )
    .unwrap();
}

/// Ada's Conversations opened, its two channels listed, the block events recorded.
async fn channels_shown() -> HtmlElement {
    let host = center_contact(1).await;
    serve_channels();
    for name in ["channel-blocked", "channel-unblocked"] {
        let record = js_sys::Function::new_with_args(
            "e",
            "window.__events.push(Object.assign({type: e.type}, e.detail))",
        );
        host.add_event_listener_with_callback(name, &record)
            .unwrap();
    }
    disclosure(&host).click();
    wait_for("the channels", || {
        texts(&host, ".ocf-channels > li").len() == 2
    })
    .await;
    host
}

/// Presses Block on the SMS channel and answers the question with Block.
async fn block_sms(host: &HtmlElement) {
    click_at(host, ".ocf-block[data-at=\"1\"]");
    wait_for("the question", || question(host).is_some()).await;
    let confirm = host
        .query_selector(".ocf-block-question .ocf-danger")
        .unwrap()
        .unwrap();
    wasm_bindgen::JsCast::unchecked_into::<HtmlElement>(confirm).click();
}

fn block_buttons(host: &HtmlElement) -> Vec<String> {
    texts(host, ".ocf-block")
}

fn question(host: &HtmlElement) -> Option<String> {
    host.query_selector(".ocf-block-question p")
        .unwrap()
        .map(|p| {
            p.text_content()
                .unwrap_or_default()
                .replace(['\u{2068}', '\u{2069}'], "")
        })
}

fn focused_text() -> String {
    js("(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e ? e.textContent : ''; })()")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[wasm_bindgen_test]
async fn block_asks_first_then_the_list_says_what_the_server_holds() {
    let host = channels_shown().await;
    assert_eq!(block_buttons(&host), ["Block", "Block"]);

    // Asked first; Cancel has the focus and sends nothing.
    click_at(&host, ".ocf-block[data-at=\"1\"]");
    wait_for("the question", || question(&host).is_some()).await;
    assert_eq!(
        question(&host).unwrap(),
        "Block SMS for Ada Lovelace? An open conversation on it is closed."
    );
    wait_for("Cancel focused", || focused_text() == "Cancel").await;
    click(&host, "Cancel");
    wait_for("the question gone", || question(&host).is_none()).await;
    assert_eq!(js("window.__blocks.length"), 0);

    // Blocked: the channel's own visitor is sent, and the list is read again.
    block_sms(&host).await;
    wait_status(&host, "SMS blocked.").await;
    assert_eq!(
        js("window.__blocks[0]"),
        serde_json::json!({"path": "/api/v1/omnichannel/contacts.block",
            "body": {"visitor": {"visitorId": "v2", "source": {"type": "sms"}}}})
    );
    wait_for("(Blocked) listed", || {
        panel(&host).contains("SMS (Blocked)")
    })
    .await;
    assert_eq!(block_buttons(&host), ["Block", "Unblock"]);
    assert_eq!(
        js("window.__events"),
        serde_json::json!([{"type": "channel-blocked", "contact": "cc7", "channel": "sms", "blocked": true}])
    );
    wait_for("the focus on its button", || focused_text() == "Unblock").await;

    // Unblock asks nothing.
    click_at(&host, ".ocf-block[data-at=\"1\"]");
    wait_status(&host, "SMS unblocked.").await;
    assert!(question(&host).is_none());
    assert_eq!(
        js("window.__blocks[1].path"),
        "/api/v1/omnichannel/contacts.unblock"
    );
    wait_for("the list read again", || {
        !panel(&host).contains("(Blocked)")
    })
    .await;
    assert_eq!(js("window.__events[1].type"), "channel-unblocked");
}

#[wasm_bindgen_test]
async fn each_refusal_is_said_and_changes_nothing() {
    let host = channels_shown().await;
    let refuse = |status: u16, answer: &str| {
        js_sys::eval(&format!("window.__blockRefusal = [{status}, {answer}];")).unwrap();
    };
    // Each refusal, and what the status then says.
    let refusals = [
        (
            400,
            r#"{"success":false,"error":"This is an enterprise feature [error-action-not-allowed]","errorType":"error-action-not-allowed"}"#,
            "Enterprise licence with the module livechat-enterprise",
        ),
        (
            400,
            r#"{"success":false,"error":"error-action-not-allowed"}"#,
            "with the module contact-id-verification",
        ),
        (
            403,
            r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
            "block-livechat-contact",
        ),
        (
            400,
            r#"{"success":false,"error":"error-contact-not-found"}"#,
            "SMS is no longer one of this contact's channels.",
        ),
    ];
    for (status_code, answer, said) in refusals {
        refuse(status_code, answer);
        block_sms(&host).await;
        wait_for(said, || status(&host).contains(said)).await;
    }
    assert!(
        !panel(&host).contains("(Blocked)"),
        "nothing is shown blocked"
    );
}

#[wasm_bindgen_test]
async fn without_the_licence_or_the_permission_no_button_is_offered() {
    let shown = |host: HtmlElement| async move {
        serve_channels();
        disclosure(&host).click();
        wait_for("the channels", || {
            texts(&host, ".ocf-channels > li").len() == 2
        })
        .await;
        block_buttons(&host)
    };
    // A licence without the verification module: neither.
    let host = center_contact_as(1, || {
        route(
            "/api/v1/licenses.info",
            200,
            r#"{"license":{"activeModules":["livechat-enterprise"]},"success":true}"#,
        )
    })
    .await;
    wait_for("the licence read", || {
        routed().iter().any(|u| u.contains("permissions.listAll"))
    })
    .await;
    assert!(shown(host).await.is_empty());
    // Block held by the user's role, unblock not: only Block.
    let host = center_contact_as(1, || {
        route(
            "/api/v1/permissions.listAll",
            200,
            r#"{"update":[{"_id":"block-livechat-contact","roles":["livechat-manager"]},
                {"_id":"unblock-livechat-contact","roles":["admin"]}],"remove":[],"success":true}"#,
        )
    })
    .await;
    wait_for("the permissions read", || {
        routed().iter().any(|u| u.contains("permissions.listAll"))
    })
    .await;
    let buttons = shown(host.clone()).await;
    assert_eq!(
        buttons,
        ["Block", "Block"],
        "both channels unblocked at first"
    );
    js_sys::eval("window.__channels[0].blocked = true").unwrap();
    disclosure(&host).click();
    disclosure(&host).click();
    wait_for("the channels again", || panel(&host).contains("(Blocked)")).await;
    assert_eq!(
        block_buttons(&host),
        ["Block"],
        "no Unblock without its permission"
    );
}

#[wasm_bindgen_test]
async fn a_block_waits_for_a_save_under_way_and_says_so() {
    let host = channels_shown().await;
    // A save whose answer takes a while holds the one write lock meanwhile.
    js_sys::eval("window.__delay = 1500;").unwrap();
    click(&host, "Update contact");
    sleep(50).await;
    block_sms(&host).await;
    wait_status(
        &host,
        "A save is under way: press it again once it is done.",
    )
    .await;
    assert_eq!(js("window.__blocks.length"), 0, "nothing sent meanwhile");
    js_sys::eval("window.__delay = 0;").unwrap();
}
