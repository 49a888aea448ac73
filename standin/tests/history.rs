//! A contact's conversations, as `docs/rocket-chat.md` says Rocket.Chat answers them:
//! `contacts.history`, `contacts.channels`, `livechat/:rid/messages` and
//! `livechat/visitors.searchChats/…`, on the seeded people (`--seed-contacts`).

mod common;

use common::{start_with, Rc};
use rc_standin::history_seed::{CLOSED_CHATS, NEWEST_MESSAGES};
use rc_standin::model::Version;
use rc_standin::Options;
use reqwest::StatusCode;
use serde_json::{json, Value};

const MARIA: &str = "0000000000000000c0de0001"; // Findme 01's contact
const MARIA_VISITOR: &str = "0000000000000000f00d0001";
const NEWEST: &str = "room001findme01xx";
const OPEN: &str = "room000findme01xx";
const COLLEAGUES: &str = "room001findme03xx"; // served by agent.two

async fn seeded() -> Rc {
    seeded_as(Version::DEFAULT).await
}

async fn seeded_as(version: Version) -> Rc {
    start_with(Options {
        seed_contacts: 3,
        version,
        ..Options::default()
    })
    .await
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| i["_id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn history_lists_closed_chats_newest_first_in_pages() {
    let rc = seeded().await;
    let agent = rc.login("agent.one").await;
    let first = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.history?contactId={MARIA}&count=10"),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    assert_eq!(first.body["count"], 10);
    assert_eq!(first.body["offset"], 0);
    assert_eq!(first.body["total"], CLOSED_CHATS);
    let listed = ids(&first.body["history"]);
    assert_eq!(listed[0], NEWEST);
    assert!(
        !listed.contains(&OPEN.to_owned()),
        "an open chat is never listed"
    );
    let newest = &first.body["history"][0];
    assert_eq!(
        newest["source"],
        json!({"type": "widget", "destination": "crm.example.com"})
    );
    assert_eq!(newest["servedBy"]["username"], "agent.one");
    assert_eq!(newest["closer"], "user");
    assert_eq!(newest["tags"], json!(["billing", "urgent"]));
    assert_eq!(newest["lastMessage"]["t"], "livechat-close");
    assert_eq!(newest["lastMessage"]["msg"], "Solved, thanks (chat 1)");
    assert_eq!(newest["v"]["_id"], MARIA_VISITOR);
    // Only the keys that are set: the second chat has no tags.
    assert!(first.body["history"][1].get("tags").is_none());
    let closed: Vec<&str> = first.body["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["closedAt"].as_str().unwrap())
        .collect();
    assert!(
        closed.windows(2).all(|w| w[0] > w[1]),
        "newest closedAt first"
    );

    let last = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.history?contactId={MARIA}&count=10&offset=20"),
        )
        .await;
    assert_eq!(last.body["count"], 3);
    assert_eq!(last.body["offset"], 20);
    let all = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.history?contactId={MARIA}&count=0"),
        )
        .await;
    assert_eq!(all.body["count"], CLOSED_CHATS, "count=0 is all");
    let oldest_first = rc
        .get_as(&agent, &format!("/api/v1/omnichannel/contacts.history?contactId={MARIA}&sort=%7B%22closedAt%22%3A1%7D&count=1"))
        .await;
    assert_eq!(
        ids(&oldest_first.body["history"]),
        vec![format!("room{CLOSED_CHATS:03}findme01xx")]
    );
    // A plain agent sees a colleague's closed chat in the list.
    let third = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.history?contactId=0000000000000000c0de0003",
        )
        .await;
    assert_eq!(ids(&third.body["history"]), vec![COLLEAGUES]);
    let none = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.history?contactId=0000000000000000c0de0002",
        )
        .await;
    assert_eq!(
        none.body,
        json!({"history": [], "count": 0, "offset": 0, "total": 0, "success": true})
    );
}

#[tokio::test]
async fn history_refuses_bad_parameters_and_unknown_contacts_in_rocket_chats_words() {
    let rc = seeded().await;
    let agent = rc.login("agent.one").await;
    let path = "/api/v1/omnichannel/contacts.history";
    for (query, error) in [
        (
            "",
            "must have required property 'contactId' [invalid-params]",
        ),
        (
            "?contactId=x&other=1",
            "must NOT have additional properties [invalid-params]",
        ),
        ("?contactId=x&count=abc", "must be number [invalid-params]"),
        ("?contactId=nobody", "error-contact-not-found"),
        ("?contactId=", "error-contact-not-found"),
    ] {
        let answer = rc.get_as(&agent, &format!("{path}{query}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(answer.body["success"], false);
        assert_eq!(answer.body["error"], error, "{query}");
    }
    let sort = rc
        .get_as(&agent, &format!("{path}?contactId={MARIA}&sort=newest"))
        .await;
    assert_eq!(sort.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        sort.body,
        json!({"success": false, "error": "Invalid sort parameter provided: \"newest\" [error-invalid-sort]", "errorType": "error-invalid-sort"})
    );
    // `source` is accepted and changes nothing; numbers as strings are fine.
    let source = rc
        .get_as(
            &agent,
            &format!("{path}?contactId={MARIA}&source=email&count=5&offset=1"),
        )
        .await;
    assert_eq!(source.status, StatusCode::OK);
    assert_eq!(source.body["total"], CLOSED_CHATS);
}

#[tokio::test]
async fn the_check_order_is_the_releases() {
    // 7.x: the parameters before the permission; 8.x: the permission first.
    for (version, status) in [
        ("7.12", StatusCode::BAD_REQUEST),
        ("8.0", StatusCode::FORBIDDEN),
    ] {
        let rc = seeded_as(Version::parse(version).unwrap()).await;
        let plain = rc.login("plain").await;
        let answer = rc
            .get_as(
                &plain,
                "/api/v1/omnichannel/contacts.history?contactId=x&count=abc",
            )
            .await;
        assert_eq!(answer.status, status, "{version}");
        let allowed = rc
            .get_as(
                &plain,
                &format!("/api/v1/omnichannel/contacts.history?contactId={MARIA}"),
            )
            .await;
        assert_eq!(allowed.status, StatusCode::FORBIDDEN, "{version}");
        assert_eq!(
            allowed.body["error"],
            "User does not have the permissions required for this action [error-unauthorized]"
        );
    }
    let rc = seeded().await;
    let unauthenticated = rc
        .call(
            reqwest::Method::GET,
            "/api/v1/omnichannel/contacts.history?count=abc",
            None,
            None,
        )
        .await;
    assert_eq!(unauthenticated.status, StatusCode::UNAUTHORIZED);
    // The rate limit, after authentication and before the parameters.
    let agent = rc.login("agent.one").await;
    for _ in 0..10 {
        rc.get_as(&agent, "/api/v1/livechat/nothing/messages").await;
    }
    let limited = rc
        .get_as(&agent, "/api/v1/livechat/other/messages?count=abc")
        .await;
    assert_eq!(
        limited.status,
        StatusCode::TOO_MANY_REQUESTS,
        "one limit for the route, whatever the room"
    );
    // Before 7.1 there is no Contact Center.
    let old = seeded_as(Version::parse("6.13").unwrap()).await;
    let agent = old.login("agent.one").await;
    let answer = old
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.history?contactId={MARIA}"),
        )
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn channels_are_one_per_name_with_their_last_chat() {
    let rc = seeded().await;
    let agent = rc.login("agent.one").await;
    let answer = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.channels?contactId={MARIA}"),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let channels = answer.body["channels"].as_array().unwrap();
    let names: Vec<&str> = channels
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["widget", "email", "sms", "whatsapp-app", "api", "other"]
    );
    let widget = &channels[0];
    assert_eq!(widget["verified"], true);
    assert_eq!(widget["field"], "email");
    assert_eq!(widget["value"], "findme01@example.org");
    assert_eq!(
        widget["visitor"],
        json!({"visitorId": MARIA_VISITOR, "source": {"type": "widget"}})
    );
    assert_eq!(
        widget["lastChat"]["_id"], OPEN,
        "the newest chat, open or not"
    );
    assert_eq!(channels[2]["blocked"], true);
    assert_eq!(
        channels[3]["details"],
        json!({"type": "app", "id": "whatsapp-app", "alias": "WhatsApp"})
    );
    assert!(
        channels[1].get("field").is_none(),
        "only the keys that are set"
    );

    let unknown = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.channels?contactId=nobody",
        )
        .await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert_eq!(unknown.body, json!({"channels": [], "success": true}));
    let extra = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.channels?contactId={MARIA}&count=1"),
        )
        .await;
    assert_eq!(extra.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        extra.body["error"],
        "must NOT have additional properties [invalid-params]"
    );
}

#[tokio::test]
async fn messages_are_paged_searched_and_only_the_ones_a_person_reads() {
    let rc = seeded().await;
    let agent = rc.login("agent.one").await;
    let path = format!("/api/v1/livechat/{NEWEST}/messages");
    let page = rc
        .get_as(&agent, &format!("{path}?sort=%7B%22ts%22%3A1%7D&count=20"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert_eq!(page.body["count"], 20, "the page size asked");
    assert_eq!(page.body["total"], NEWEST_MESSAGES);
    let messages = page.body["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 20);
    assert!(
        messages.iter().all(|m| m.get("t").is_none()),
        "no system message (uj) is listed"
    );
    assert_eq!(
        messages[2]["msg"],
        "<img src=x onerror=alert(1)> is what the form shows me"
    );
    assert_eq!(
        messages[0]["token"], "0000000000000000000000000f1d0001",
        "a visitor's message has the token"
    );
    assert!(messages[1].get("token").is_none());
    let file = &messages[3];
    assert_eq!(
        file["file"],
        json!({"_id": "file000000seeded", "name": "designs.png", "type": "image/png", "size": 17466})
    );
    assert_eq!(file["attachments"][0]["type"], "file");
    let rest = rc
        .get_as(
            &agent,
            &format!("{path}?sort=%7B%22ts%22%3A1%7D&count=20&offset=20"),
        )
        .await;
    let rest = rest.body["messages"].as_array().unwrap().clone();
    assert_eq!(rest.len(), NEWEST_MESSAGES - 20);
    assert_eq!(rest.last().unwrap()["t"], "livechat-close");
    // Newest first unless asked otherwise.
    let default = rc.get_as(&agent, &format!("{path}?count=1")).await;
    assert_eq!(default.body["messages"][0]["t"], "livechat-close");
    let found = rc
        .get_as(&agent, &format!("{path}?searchTerm=ONERROR"))
        .await;
    assert_eq!(found.body["total"], 1, "case-insensitive substring");
    assert_eq!(found.body["count"], 50);

    let extra = rc.get_as(&agent, &format!("{path}?term=x")).await;
    assert_eq!(extra.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        extra.body["error"],
        "must NOT have additional properties [invalid-params]"
    );
}

#[tokio::test]
async fn a_colleagues_chat_is_not_allowed_to_a_plain_agent_and_an_unknown_one_is_invalid() {
    let rc = seeded().await;
    let agent = rc.login("agent.one").await;
    let refused = rc
        .get_as(&agent, &format!("/api/v1/livechat/{COLLEAGUES}/messages"))
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.body,
        json!({"success": false, "error": "not-allowed"})
    );
    let colleague = rc.login("agent.two").await;
    let served = rc
        .get_as(
            &colleague,
            &format!("/api/v1/livechat/{COLLEAGUES}/messages"),
        )
        .await;
    assert_eq!(served.status, StatusCode::OK, "the agent who served it");
    let manager = rc.login("manager").await;
    let managed = rc
        .get_as(&manager, &format!("/api/v1/livechat/{COLLEAGUES}/messages"))
        .await;
    assert_eq!(managed.status, StatusCode::OK, "a manager reads every chat");
    let unknown = rc
        .get_as(&agent, "/api/v1/livechat/nosuchroom0000000/messages")
        .await;
    assert_eq!(
        unknown.body,
        json!({"success": false, "error": "invalid-room"})
    );
}

#[tokio::test]
async fn a_visitors_chats_are_searched_through_a_room_the_user_may_open() {
    let rc = seeded().await;
    let agent = rc.login("agent.one").await;
    let path = format!("/api/v1/livechat/visitors.searchChats/room/{OPEN}/visitor/{MARIA_VISITOR}");
    let closed = rc
        .get_as(
            &agent,
            &format!("{path}?closedChatsOnly=true&servedChatsOnly=false&count=10"),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.body["total"], CLOSED_CHATS);
    assert_eq!(closed.body["count"], 10);
    let first = &closed.body["history"][0];
    assert_eq!(first["_id"], NEWEST);
    assert_eq!(first["closingMessage"]["msg"], "Solved, thanks (chat 1)");
    assert!(first.get("lastMessage").is_none() && first.get("source").is_none());
    let everything = rc.get_as(&agent, &format!("{path}?count=0")).await;
    assert_eq!(
        everything.body["total"],
        CLOSED_CHATS + 1,
        "the open one too"
    );
    let searched = rc
        .get_as(&agent, &format!("{path}?searchText=order%2012:"))
        .await;
    assert_eq!(ids(&searched.body["history"]), vec!["room012findme01xx"]);

    let third = "0000000000000000f00d0003";
    let refused = rc
        .get_as(
            &agent,
            &format!("/api/v1/livechat/visitors.searchChats/room/{COLLEAGUES}/visitor/{third}"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.body,
        json!({"success": false, "error": "error-not-allowed"})
    );
    let unknown = rc
        .get_as(
            &agent,
            &format!(
                "/api/v1/livechat/visitors.searchChats/room/nosuchroom0000000/visitor/{third}"
            ),
        )
        .await;
    assert_eq!(
        unknown.body,
        json!({"success": false, "error": "invalid-room"})
    );
    // The visitor names its last chat, through which its chats are found.
    let visitor = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contact?contactId={MARIA_VISITOR}"),
        )
        .await;
    assert_eq!(visitor.body["contact"]["lastChat"]["_id"], OPEN);
    let none = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contact?contactId=0000000000000000f00d0002",
        )
        .await;
    assert!(
        none.body["contact"].get("lastChat").is_none(),
        "Findme 02 never chatted"
    );
}
