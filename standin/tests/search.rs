//! Finding contacts, as docs/rocket-chat.md gives it: `livechat/visitors.search` (legacy
//! visitors: name and username as a case-insensitive substring, email and phone exactly, newest
//! first, no token) and `omnichannel/contacts.search` (Contact Center: any email and phone as a
//! substring too, unknown contacts left out, by name, `count` as asked), with their paging and
//! `--seed-contacts`.

mod common;

use common::{start, start_with};
use rc_standin::model::Version;
use rc_standin::Options;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn seeded(n: usize) -> Options {
    Options {
        seed_contacts: n,
        ..Options::default()
    }
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn visitors_search_matches_names_as_substrings_and_emails_and_phones_exactly() {
    let rc = start_with(seeded(12)).await;
    let agent = rc.login("agent.one").await;
    let search = |term: &'static str| {
        let (rc, agent) = (&rc, &agent);
        async move {
            let a = rc
                .get_as(
                    agent,
                    &format!("/api/v1/livechat/visitors.search?term={term}"),
                )
                .await;
            assert_eq!(a.status, StatusCode::OK, "{term}: {}", a.text);
            a.body
        }
    };
    let by_name = search("FINDME%2003").await;
    assert_eq!(names(&by_name["visitors"]), ["Findme 03"]);
    assert_eq!(by_name["total"], 1);
    let guest = search("guest-1").await;
    assert!(
        names(&guest["visitors"]).contains(&"Findme 01".to_owned()),
        "username as a substring: {guest}"
    );
    assert_eq!(
        search("findme03@example.org").await["total"],
        1,
        "an email exactly"
    );
    assert_eq!(
        search("findme03@example").await["total"],
        0,
        "not a fragment of one"
    );
    assert_eq!(
        search("%2B493000000003").await["total"],
        1,
        "a phone exactly"
    );
    assert_eq!(
        search("%2B4930000000").await["total"],
        0,
        "not a fragment of one"
    );
    let regex = search("Findme.0").await;
    assert_eq!(regex["total"], 0, "the term is escaped, not a pattern");

    let all = search("findme").await;
    assert_eq!(all["total"], 12);
    assert_eq!(all["count"], 12);
    let newest_first = names(&all["visitors"]);
    assert_eq!(newest_first[0], "Findme 12", "newest first by default");
    let visitor = &all["visitors"][0];
    assert!(
        visitor.get("token").is_none(),
        "a search gives no token: {visitor}"
    );
    assert_eq!(
        visitor["visitorEmails"][0]["address"],
        "findme12@example.org"
    );
    assert_eq!(visitor["phone"][0]["phoneNumber"], "+493000000012");
    let page = search("findme&count=5&offset=10").await;
    assert_eq!(names(&page["visitors"]), ["Findme 02", "Findme 01"]);
    assert_eq!(
        (
            page["count"].clone(),
            page["offset"].clone(),
            page["total"].clone()
        ),
        (json!(2), json!(10), json!(12))
    );
    let by_name = search("findme&count=2&sort=%7B%22name%22%3A1%7D").await;
    assert_eq!(names(&by_name["visitors"]), ["Findme 01", "Findme 02"]);
}

#[tokio::test]
async fn visitors_search_needs_a_term_and_view_l_room() {
    let rc = start().await;
    let agent = rc.login("agent.one").await;
    let missing = rc.get_as(&agent, "/api/v1/livechat/visitors.search").await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        missing.body,
        json!({"success": false, "error": "must have required property 'term' [invalid-params]", "errorType": "invalid-params"})
    );
    let plain = rc.login("plain").await;
    let refused = rc
        .get_as(&plain, "/api/v1/livechat/visitors.search?term=a")
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let anonymous = rc
        .call(
            Method::GET,
            "/api/v1/livechat/visitors.search?term=a",
            None,
            None,
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let empty = rc
        .get_as(&agent, "/api/v1/livechat/visitors.search?term=nobody")
        .await;
    assert_eq!(empty.body["visitors"], json!([]));
    assert_eq!(empty.body["total"], 0);
}

#[tokio::test]
async fn contacts_search_pages_by_name_and_counts_what_was_asked() {
    let rc = start_with(seeded(23)).await;
    let agent = rc.login("agent.one").await;
    let get = |query: &'static str| {
        let (rc, agent) = (&rc, &agent);
        async move {
            let a = rc
                .get_as(
                    agent,
                    &format!("/api/v1/omnichannel/contacts.search?{query}"),
                )
                .await;
            assert_eq!(a.status, StatusCode::OK, "{query}: {}", a.text);
            a.body
        }
    };
    let first = get("searchText=findme&count=10&offset=0").await;
    assert_eq!(first["total"], 23);
    assert_eq!(first["count"], 10);
    assert_eq!(
        names(&first["contacts"])[..2],
        ["Findme 01", "Findme 02"],
        "by name"
    );
    let last = get("searchText=findme&count=10&offset=20").await;
    assert_eq!(
        names(&last["contacts"]),
        ["Findme 21", "Findme 22", "Findme 23"]
    );
    assert_eq!(
        last["count"], 10,
        "the count asked for, not the rows returned"
    );
    assert_eq!(last["offset"], 20);
    let fragment = get("searchText=ME07%40EXAMPLE").await;
    assert_eq!(
        names(&fragment["contacts"]),
        ["Findme 07"],
        "an email fragment, any case"
    );
    let phone = get("searchText=%2B49300000001").await;
    assert_eq!(phone["total"], 10, "a phone fragment: 10 to 19");
    let newest = get("searchText=findme&count=1&sort=%7B%22createdAt%22%3A-1%7D").await;
    assert_eq!(names(&newest["contacts"]), ["Findme 23"]);
}

#[tokio::test]
async fn contacts_search_leaves_unknown_contacts_out_unless_asked() {
    let rc = start_with(seeded(2)).await;
    let agent = rc.login("agent.one").await;
    let known = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.search?searchText=findme",
        )
        .await;
    assert_eq!(names(&known.body["contacts"]), ["Findme 01", "Findme 02"]);
    let unknown = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.search?searchText=findme&unknown=true",
        )
        .await;
    assert_eq!(names(&unknown.body["contacts"]), ["Findme unknown"]);
    assert_eq!(unknown.body["contacts"][0]["unknown"], true);
}

#[tokio::test]
async fn contacts_search_exists_from_7_1_only() {
    let rc = start_with(Options {
        version: Version {
            major: 6,
            minor: 13,
        },
        ..seeded(3)
    })
    .await;
    let agent = rc.login("agent.one").await;
    let old = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.search?searchText=findme",
        )
        .await;
    assert_eq!(old.status, StatusCode::NOT_FOUND);
    let visitors = rc
        .get_as(&agent, "/api/v1/livechat/visitors.search?term=findme")
        .await;
    assert_eq!(
        visitors.body["total"], 3,
        "the visitor search is in every release"
    );
}

#[tokio::test]
async fn every_paged_route_reads_count_offset_and_sort_alike() {
    let rc = start_with(seeded(120)).await;
    let agent = rc.login("agent.one").await;
    let get = |path: String| {
        let (rc, agent) = (&rc, &agent);
        async move { rc.get_as(agent, &path).await }
    };
    // `count` defaults to 50, is at most 100, and 0 asks for all, on every paged route.
    for (path, list) in [
        ("/api/v1/livechat/visitors.search?term=findme", "visitors"),
        (
            "/api/v1/omnichannel/contacts.search?searchText=findme",
            "contacts",
        ),
    ] {
        let listed = |a: &common::Answer| a.body[list].as_array().map_or(0, Vec::len);
        let default = get(path.to_owned()).await;
        assert_eq!(listed(&default), 50, "{path}: {}", default.text);
        let capped = format!("{path}&count=500");
        let capped = get(capped).await;
        assert_eq!(listed(&capped), 100, "{path}&count=500");
        let all = format!("{path}&count=0&offset=10");
        let all = get(all).await;
        assert_eq!(
            listed(&all),
            110,
            "{path}&count=0: every one after the offset"
        );
        let sort = format!("{path}&sort=name");
        let sort = get(sort).await;
        assert_eq!(
            sort.status,
            StatusCode::BAD_REQUEST,
            "{path}: {}",
            sort.text
        );
        assert_eq!(
            sort.body["error"],
            "Invalid sort parameter provided: \"name\" [error-invalid-sort]"
        );
        assert_eq!(sort.body["errorType"], "error-invalid-sort");
    }
    let agents = get("/api/v1/livechat/users/agent?count=1&offset=1".to_owned()).await;
    assert_eq!(agents.status, StatusCode::OK, "{}", agents.text);
    assert_eq!(agents.body["users"].as_array().map(Vec::len), Some(1));
    assert_eq!(agents.body["offset"], 1);
}

#[tokio::test]
async fn a_path_the_stand_in_does_not_have_and_a_route_newer_than_its_release_answer_alike() {
    let rc = start_with(Options {
        version: Version { major: 6, minor: 9 },
        ..seeded(1)
    })
    .await;
    let agent = rc.login("agent.one").await;
    let unknown = rc.get_as(&agent, "/api/v1/no.such.route").await;
    let newer = rc
        .get_as(&agent, "/api/v1/omnichannel/contacts.get?contactId=x")
        .await;
    for answer in [unknown, newer] {
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{}", answer.text);
        assert_eq!(
            answer.body,
            json!({"success": false, "error": "API endpoint not found"})
        );
    }
}
