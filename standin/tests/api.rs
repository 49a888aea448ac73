//! The stand-in over HTTP, held against docs/rocket-chat.md row by row.

mod common;

use common::*;
use rc_standin::{seed, state::Cors, Options, Standin};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const T1: &str = "0123456789abcdef0123456789abcdef";
const T2: &str = "fedcba9876543210fedcba9876543210";

#[tokio::test]
async fn unauthenticated_calls_get_401_in_the_7x_shape() {
    let rc = start().await;
    for auth in [
        None,
        Some(("agentOne000000001", "wrong")),
        Some(("nobody", seed::PERSONAL_ACCESS_TOKEN)),
    ] {
        let a = rc
            .call(
                Method::POST,
                "/api/v1/omnichannel/contact",
                auth,
                Some(json!({"token": T1, "name": "A"})),
            )
            .await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            a.body,
            json!({"success": false, "error": "You must be logged in to do this.", "status": "error",
                   "message": "You must be logged in to do this."})
        );
    }
    let me = rc.call(Method::GET, "/api/v1/me", None, None).await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn login_by_username_or_email_me_and_logout() {
    let rc = start().await;
    let auth = rc.login("agent.one").await;
    assert_eq!(auth.1.len(), 43);
    let me = rc
        .call(Method::GET, "/api/v1/me", Some((&auth.0, &auth.1)), None)
        .await;
    assert_eq!(me.body["username"], "agent.one");
    assert_eq!(me.body["success"], true);

    let by_email = rc
        .call(
            Method::POST,
            "/api/v1/login",
            None,
            Some(json!({"user": "Agent.One@example.com", "password": "agent.one-pass"})),
        )
        .await;
    assert_eq!(by_email.status, StatusCode::OK);
    assert_eq!(by_email.body["status"], "success");
    assert_eq!(by_email.body["data"]["me"]["username"], "agent.one");

    let bye = rc
        .call(
            Method::POST,
            "/api/v1/logout",
            Some((&auth.0, &auth.1)),
            None,
        )
        .await;
    assert_eq!(
        bye.body,
        json!({"status": "success", "data": {"message": "You've been logged out!"}})
    );
    let after = rc
        .call(Method::GET, "/api/v1/me", Some((&auth.0, &auth.1)), None)
        .await;
    assert_eq!(
        after.status,
        StatusCode::UNAUTHORIZED,
        "a logged-out token stops working"
    );
}

#[tokio::test]
async fn wrong_password_and_two_factor() {
    let rc = start().await;
    let bad = rc
        .call(
            Method::POST,
            "/api/v1/login",
            None,
            Some(json!({"user": "agent.one", "password": "nope"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert_eq!(bad.body["error"], "Unauthorized");

    let login = |code: Option<&str>| {
        let mut body = json!({"user": "twofactor", "password": "twofactor-pass"});
        if let Some(code) = code {
            body["code"] = json!(code);
        }
        rc.call(Method::POST, "/api/v1/login", None, Some(body))
    };
    let needs = login(None).await;
    assert_eq!(needs.status, StatusCode::UNAUTHORIZED);
    assert_eq!(needs.body["error"], "totp-required");
    assert_eq!(needs.body["details"]["method"], "totp");
    let wrong = login(Some("000000")).await;
    assert_eq!(wrong.body["error"], "totp-invalid");
    let ok = login(Some(seed::TOTP_CODE)).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(ok.body["data"]["authToken"].is_string());
}

#[tokio::test]
async fn personal_access_token_works_like_a_login_token() {
    let rc = start().await;
    let pat = (
        "agentOne000000001".to_owned(),
        seed::PERSONAL_ACCESS_TOKEN.to_owned(),
    );
    let a = rc
        .save_as(
            &pat,
            json!({"token": T1, "name": "Ada", "customFields": {"company": "ACME"}}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
}

#[tokio::test]
async fn permission_is_checked_after_authentication() {
    let rc = start().await;
    let plain = rc.login("plain").await;
    let a = rc.save_as(&plain, json!({"token": T1, "name": "A"})).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(
        a.body,
        json!({"success": false, "error": "User does not have the permissions required for this action [error-unauthorized]"})
    );
    // Permission comes before the body check: even a broken body gets 403.
    let broken = rc.save_as(&plain, json!({"foo": 1})).await;
    assert_eq!(broken.status, StatusCode::FORBIDDEN);
    for user in ["manager", "admin", "agent.two"] {
        let auth = rc.login(user).await;
        let ok = rc
            .save_as(
                &auth,
                json!({"token": T1, "name": "A", "customFields": {"company": "C"}}),
            )
            .await;
        assert_eq!(ok.status, StatusCode::OK, "{user}: {}", ok.text);
    }
}

#[tokio::test]
async fn every_match_error_of_the_contract() {
    let rc = start().await;
    // More cases than the 10 calls a minute an agent may make: the admin is exempt.
    let auth = rc.login("admin").await;
    let cases = [
        (json!({"name": "A"}), "Match error: Missing key 'token'"),
        (json!({"token": T1}), "Match error: Missing key 'name'"),
        (
            json!({"token": 123, "name": "A"}),
            "Match error: Expected string, got number in field token",
        ),
        (
            json!({"token": T1, "name": "A", "email": null}),
            "Match error: Expected string, got null in field email",
        ),
        (
            json!({"token": T1, "name": "A", "phone": null}),
            "Match error: Expected string, got null in field phone",
        ),
        (
            json!({"token": T1, "name": "A", "customFields": []}),
            "Match error: Expected plain object in field customFields",
        ),
        (
            json!({"token": T1, "name": "A", "customFields": "x"}),
            "Match error: Expected object, got string in field customFields",
        ),
        (
            json!({"token": T1, "name": "A", "customFields": null}),
            "Match error: Expected object, got null in field customFields",
        ),
        (
            json!({"token": T1, "name": "A", "contactManager": {}}),
            "Match error: Missing key 'username' in field contactManager",
        ),
        (
            json!({"token": T1, "name": "A", "foo": "x"}),
            "Match error: Unknown key in field foo",
        ),
        (
            json!({"token": T1, "name": "A", "contactManager": {"username": "agent.one", "x": "y"}}),
            "Match error: Unknown key in field contactManager.x",
        ),
    ];
    for (body, error) in cases {
        let a = rc.save_as(&auth, body.clone()).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(a.body, json!({"success": false, "error": error}), "{body}");
    }
}

#[tokio::test]
async fn content_errors_carry_their_type() {
    let rc = start().await;
    let auth = rc.login("agent.one").await;
    let cases = [
        (json!({"token": "", "name": "A"}), "Invalid visitor token [error-invalid-contact-data]", "error-invalid-contact-data"),
        (
            json!({"token": T1, "name": "A", "contactManager": {"username": "ghost"}}),
            "No user found with username ghost [error-contact-manager-not-found]",
            "error-contact-manager-not-found",
        ),
        (
            json!({"token": T1, "name": "A", "contactManager": {"username": "manager"}}),
            "The contact manager must have the role \"livechat-agent\" [error-invalid-contact-manager]",
            "error-invalid-contact-manager",
        ),
    ];
    for (body, error, kind) in cases {
        let a = rc.save_as(&auth, body.clone()).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(
            a.body,
            json!({"success": false, "error": error, "errorType": kind}),
            "{body}"
        );
    }
}

#[tokio::test]
async fn custom_fields_are_validated_trimmed_and_unknown_ones_dropped() {
    let rc = start().await;
    let auth = rc.login("agent.one").await;
    let invalid = |label: &str| json!({"success": false, "error": format!("Invalid value for {label} field")});
    let missing = rc.save_as(&auth, json!({"token": T1, "name": "A"})).await;
    assert_eq!(
        (missing.status, missing.body),
        (StatusCode::BAD_REQUEST, invalid("Company"))
    );
    let regexp = rc
        .save_as(&auth, json!({"token": T1, "name": "A", "customFields": {"company": "C", "customerId": "x-1"}}))
        .await;
    assert_eq!(regexp.body, invalid("Customer ID"));
    let select = rc
        .save_as(
            &auth,
            json!({"token": T1, "name": "A", "customFields": {"company": "C", "tier": "Platinum"}}),
        )
        .await;
    assert_eq!(select.body, invalid("Tier"));

    let ok = rc
        .save_as(
            &auth,
            json!({"token": T1, "name": "A", "customFields": {"company": "  ACME  ", "customerId": "AB-1234",
                   "tier": "Gold", "internalNote": "vip", "bogus": "dropped"}}),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
    let record = rc.record(&auth, ok.body["contact"].as_str().unwrap()).await;
    assert_eq!(
        record["livechatData"],
        json!({"company": "ACME", "customerId": "AB-1234", "tier": "Gold", "internalNote": "vip"})
    );

    let relaxed = start_with(Options {
        required_field: false,
        ..Options::default()
    })
    .await;
    let auth = relaxed.login("agent.one").await;
    let a = relaxed
        .save_as(&auth, json!({"token": T1, "name": "A"}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "--no-required-fields: {}", a.text);
}

#[tokio::test]
async fn create_then_update_by_token_replacing_not_merging() {
    let rc = start().await;
    let auth = rc.login("agent.one").await;
    let created = rc
        .save_as(
            &auth,
            json!({"token": T1, "name": "Ada", "email": "  Ada@Example.COM ", "phone": "+44 20 7946",
                   "contactManager": {"username": "agent.two"}, "customFields": {"company": "ACME"}}),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK);
    assert_eq!(created.body["success"], true);
    let id = created.body["contact"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 24);
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    let record = rc.record(&auth, &id).await;
    assert_eq!(record["_id"], id.as_str());
    assert_eq!(record["username"], "guest-1");
    assert_eq!(record["token"], T1);
    assert_eq!(
        record["visitorEmails"],
        json!([{"address": "ada@example.com"}])
    );
    assert_eq!(
        record["phone"],
        json!([{"phoneNumber": "+44 20 7946"}]),
        "phone exactly as sent"
    );
    assert_eq!(record["contactManager"], json!({"username": "agent.two"}));
    assert!(record["ts"].is_string() && record["_updatedAt"].is_string());

    // The same token updates the same record; what is omitted is removed (but an absent phone stays).
    let updated = rc
        .save_as(
            &auth,
            json!({"token": T1, "name": "Ada King", "customFields": {"company": "X"}}),
        )
        .await;
    assert_eq!(updated.body["contact"], id.as_str());
    let record = rc.record(&auth, &id).await;
    assert_eq!(record["name"], "Ada King");
    assert!(
        record.get("visitorEmails").is_none(),
        "omitting email removes it"
    );
    assert!(
        record.get("contactManager").is_none(),
        "omitting the manager removes it"
    );
    assert_eq!(
        record["phone"],
        json!([{"phoneNumber": "+44 20 7946"}]),
        "an absent phone is kept"
    );
    assert_eq!(record["livechatData"], json!({"company": "X"}));
    assert_eq!(
        record["username"], "guest-1",
        "username is set only on creation"
    );

    let cleared = rc
        .save_as(
            &auth,
            json!({"token": T1, "name": "Ada", "phone": "", "customFields": {"company": "X"}}),
        )
        .await;
    assert_eq!(cleared.status, StatusCode::OK);
    assert!(
        rc.record(&auth, &id).await.get("phone").is_none(),
        "phone \"\" removes it"
    );
}

#[tokio::test]
async fn a_new_token_with_a_known_email_takes_that_record_over() {
    let rc = start().await;
    let auth = rc.login("agent.one").await;
    let first = rc
        .save_as(&auth, json!({"token": T1, "name": "Ada", "email": "ada@example.com", "customFields": {"company": "C"}}))
        .await;
    let id = first.body["contact"].as_str().unwrap().to_owned();
    let second = rc
        .save_as(&auth, json!({"token": T2, "name": "Impostor", "email": " ADA@example.com", "customFields": {"company": "C"}}))
        .await;
    assert_eq!(second.body["contact"], id.as_str(), "the same record");
    let record = rc.record(&auth, &id).await;
    assert_eq!(record["token"], T2, "its token was overwritten");
    assert_eq!(record["name"], "Impostor");
    // The old token no longer finds it: saving with it makes a new record.
    let third = rc
        .save_as(
            &auth,
            json!({"token": T1, "name": "Ada", "customFields": {"company": "C"}}),
        )
        .await;
    assert_ne!(third.body["contact"], id.as_str());
    let username = rc
        .record(&auth, third.body["contact"].as_str().unwrap())
        .await["username"]
        .clone();
    assert_eq!(username, "guest-2");

    let named = rc
        .save_as(&auth, json!({"token": "aa", "name": "N", "username": "visitor.x", "_id": "ignored", "customFields": {"company": "C"}}))
        .await;
    let record = rc
        .record(&auth, named.body["contact"].as_str().unwrap())
        .await;
    assert_eq!(record["username"], "visitor.x");
    assert_ne!(record["_id"], "ignored");
}

#[tokio::test]
async fn get_and_search_contacts() {
    let rc = start().await;
    let auth = rc.login("agent.one").await;
    let a = (auth.0.as_str(), auth.1.as_str());
    let saved = rc
        .save_as(
            &auth,
            json!({"token": T1, "name": "Ada", "email": "ada@example.com", "phone": "+442079460958",
                               "customFields": {"company": "ACME Ltd"}}),
        )
        .await;
    let id = saved.body["contact"].as_str().unwrap();

    let unknown = rc
        .call(
            Method::GET,
            "/api/v1/omnichannel/contact?contactId=nope",
            Some(a),
            None,
        )
        .await;
    assert_eq!(unknown.body, json!({"contact": null, "success": true}));
    let missing = rc
        .call(Method::GET, "/api/v1/omnichannel/contact", Some(a), None)
        .await;
    assert_eq!(
        missing.body,
        json!({"success": false, "error": "Match error: Missing key 'contactId'"})
    );
    let extra = rc
        .call(
            Method::GET,
            &format!("/api/v1/omnichannel/contact?contactId={id}&x=1"),
            Some(a),
            None,
        )
        .await;
    assert_eq!(
        extra.body,
        json!({"success": false, "error": "Match error: Unknown key in field x"})
    );

    let rc = &rc;
    let search = |q: &str| {
        let path = format!("/api/v1/omnichannel/contact.search?{q}");
        async move { rc.call(Method::GET, &path, Some(a), None).await }
    };
    assert_eq!(
        search("email=ada@example.com").await.body["contact"]["_id"],
        id
    );
    assert_eq!(
        search("phone=%2B442079460958").await.body["contact"]["_id"],
        id
    );
    assert_eq!(
        search("email=ADA@example.com").await.body["contact"],
        Value::Null,
        "exact match"
    );
    assert_eq!(
        search("custom=%7B%22company%22%3A%22acme%22%7D").await.body["contact"]["_id"],
        id
    );
    let bad = search("custom=%7Bnope").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        bad.body,
        json!({"success": false, "error": "[error-invalid-params-custom]", "errorType": "error-invalid-params-custom"})
    );
    // An empty filter is no filter at all: the same 400 as a search with nothing to look for.
    let empty = search("custom=%7B%7D").await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        empty.body,
        json!({"success": false, "error": "[error-invalid-params]", "errorType": "error-invalid-params"})
    );
    // A filter on a field no record has (unknown, or hidden) finds nothing, never some record.
    for custom in [
        "%7B%22nosuch%22%3A%22acme%22%7D",
        "%7B%22internalNote%22%3A%22x%22%7D",
    ] {
        let none = search(&format!("custom={custom}")).await;
        assert_eq!(none.status, StatusCode::OK, "{custom}");
        assert_eq!(
            none.body,
            json!({"contact": null, "success": true}),
            "{custom}"
        );
    }
    // ...and a visible field whose value no record holds finds nothing either.
    let tier = search("custom=%7B%22tier%22%3A%22Gold%22%7D").await;
    assert_eq!(tier.body, json!({"contact": null, "success": true}));
    // Beside an email, an unknown field is dropped and the email still finds its contact.
    assert_eq!(
        search("email=ada@example.com&custom=%7B%22nosuch%22%3A%22x%22%7D")
            .await
            .body["contact"]["_id"],
        id
    );
}

#[tokio::test]
async fn custom_field_definitions_and_agents() {
    let rc = start().await;
    let auth = rc.login("agent.two").await;
    let a = (auth.0.as_str(), auth.1.as_str());
    let fields = rc
        .call(Method::GET, "/api/v1/livechat/custom-fields", Some(a), None)
        .await;
    let list = fields.body["customFields"].as_array().unwrap();
    assert_eq!(list.len(), 4);
    assert_eq!(list[0]["_id"], "company");
    assert_eq!(list[3]["visibility"], "hidden");
    for key in [
        "label",
        "scope",
        "type",
        "required",
        "regexp",
        "options",
        "defaultValue",
    ] {
        assert!(list[0].get(key).is_some(), "{key}");
    }
    let agents = rc
        .call(
            Method::GET,
            "/api/v1/livechat/users/agent?text=AGENT&count=10",
            Some(a),
            None,
        )
        .await;
    let names: Vec<&str> = agents.body["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["agent.one", "agent.two"]);
    let two = rc
        .call(
            Method::GET,
            "/api/v1/livechat/users/agent?text=&count=1&offset=1",
            Some(a),
            None,
        )
        .await;
    assert_eq!(two.body["total"], 3);
    assert_eq!(two.body["users"][0]["username"], "agent.two");
    let plain = rc.login("plain").await;
    let refused = rc
        .call(
            Method::GET,
            "/api/v1/livechat/users/agent",
            Some((&plain.0, &plain.1)),
            None,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn eleven_calls_in_a_minute_are_rate_limited_but_not_for_admins() {
    let rc = start().await;
    let auth = rc.login("agent.one").await;
    let body = json!({"token": T1, "name": "A", "customFields": {"company": "C"}});
    for i in 0..10 {
        let a = rc.save_as(&auth, body.clone()).await;
        assert_eq!(a.status, StatusCode::OK, "call {i}");
        assert_eq!(a.headers["x-ratelimit-limit"], "10");
        assert_eq!(
            a.headers["x-ratelimit-remaining"],
            (9 - i).to_string().as_str()
        );
    }
    let limited = rc.save_as(&auth, body.clone()).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let error = limited.body["error"].as_str().unwrap();
    assert!(
        error.starts_with("Error, too many requests. Please slow down. You must wait ")
            && error
                .ends_with(" seconds before trying this endpoint again. [error-too-many-requests]"),
        "{error}"
    );
    let reset: u128 = limited.headers["x-ratelimit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    assert!(reset > now && reset <= now + 60_000);
    // Rate limiting comes before validation: a broken body also gets 429 now.
    assert_eq!(
        rc.save_as(&auth, json!({"foo": 1})).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );

    let admin = rc.login("admin").await;
    for _ in 0..12 {
        let a = rc.save_as(&admin, body.clone()).await;
        assert_eq!(a.status, StatusCode::OK);
        assert!(
            a.headers.get("x-ratelimit-limit").is_none(),
            "admins bypass the limiter"
        );
    }
}

#[tokio::test]
async fn cors_is_off_by_default_and_on_with_the_flag() {
    let rc = start().await;
    let preflight = rc
        .http
        .request(
            Method::OPTIONS,
            format!("{}/api/v1/omnichannel/contact", rc.base),
        )
        .header("Origin", "https://crm.example.com")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        preflight.text().await.unwrap(),
        "CORS not enabled. Go to \"Admin > General > REST Api\" to enable it."
    );

    for (cors, origin, allowed) in [
        (Cors::Any, "https://crm.example.com", Some("*")),
        (
            Cors::parse("https://crm.example.com, https://x.test"),
            "https://crm.example.com",
            Some("https://crm.example.com"),
        ),
        (
            Cors::parse("https://x.test"),
            "https://crm.example.com",
            None,
        ),
    ] {
        let rc = start_with(Options {
            cors,
            ..Options::default()
        })
        .await;
        let preflight = rc
            .http
            .request(
                Method::OPTIONS,
                format!("{}/api/v1/omnichannel/contact", rc.base),
            )
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "x-auth-token,x-user-id,content-type",
            )
            .send()
            .await
            .unwrap();
        assert_eq!(preflight.status(), StatusCode::OK);
        let h = preflight.headers();
        assert_eq!(
            h.get("access-control-allow-origin")
                .map(|v| v.to_str().unwrap()),
            allowed
        );
        let allow_headers = h["access-control-allow-headers"].to_str().unwrap();
        assert!(allow_headers.contains("X-User-Id") && allow_headers.contains("X-Auth-Token"));
        let actual = rc
            .http
            .post(format!("{}/api/v1/login", rc.base))
            .header("Origin", origin)
            .json(&json!({"user": "x", "password": "y"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            actual
                .headers()
                .get("access-control-allow-origin")
                .map(|v| v.to_str().unwrap()),
            allowed
        );
    }
}

#[tokio::test]
async fn data_file_persists_atomically_and_a_bad_one_is_refused_in_words() {
    let dir = std::env::temp_dir().join(format!("rc-standin-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("data.json");
    let _ = std::fs::remove_file(&file);
    let options = Options {
        data: Some(file.clone()),
        ..Options::default()
    };
    let rc = start_with(options.clone()).await;
    let auth = rc.login("agent.one").await;
    let saved = rc
        .save_as(
            &auth,
            json!({"token": T1, "name": "Kept", "customFields": {"company": "C"}}),
        )
        .await;
    let id = saved.body["contact"].as_str().unwrap().to_owned();
    assert!(
        !dir.join("data.json.tmp").exists(),
        "no temporary file is left behind"
    );

    // A second server on the same file sees the contact and the login token.
    let again = start_with(options.clone()).await;
    assert_eq!(again.record(&auth, &id).await["name"], "Kept");

    std::fs::write(&file, "{ not json").unwrap();
    let err = match Standin::bind(&Options {
        listen: "127.0.0.1:0".parse().unwrap(),
        ..options
    })
    .await
    {
        Ok(_) => panic!("a corrupt data file must be refused"),
        Err(e) => e,
    };
    assert!(err.contains("is not valid stand-in data"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn busy_ports_and_remote_addresses_are_refused_in_words() {
    let first = Standin::bind(&Options {
        listen: "127.0.0.1:0".parse().unwrap(),
        ..Options::default()
    })
    .await
    .unwrap();
    let taken = first.addr;
    let err = match Standin::bind(&Options {
        listen: taken,
        ..Options::default()
    })
    .await
    {
        Ok(_) => panic!("the port is taken"),
        Err(e) => e,
    };
    assert!(err.contains("already in use"), "{err}");
    let err = match Standin::bind(&Options {
        listen: "0.0.0.0:0".parse().unwrap(),
        ..Options::default()
    })
    .await
    {
        Ok(_) => panic!("a remote address needs --allow-remote"),
        Err(e) => e,
    };
    assert!(err.contains("not a loopback address"), "{err}");
}

#[tokio::test]
async fn faults_only_with_the_flag_and_each_one_as_described() {
    let plain = start().await;
    let refused = plain
        .call(
            Method::POST,
            "/_standin/fault",
            None,
            Some(json!({"kind": "error"})),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::NOT_FOUND,
        "no fault injection without --faults"
    );

    let rc = start_with(Options {
        faults: true,
        ..Options::default()
    })
    .await;
    let auth = rc.login("agent.one").await;
    let me = || rc.call(Method::GET, "/api/v1/me", Some((&auth.0, &auth.1)), None);
    let queue = |body: Value| rc.call(Method::POST, "/_standin/fault", None, Some(body));

    assert_eq!(queue(json!({"kind": "error"})).await.status, StatusCode::OK);
    let error = me().await;
    assert_eq!(error.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        error.body,
        json!({"success": false, "error": "Internal server error"})
    );

    queue(json!({"kind": "html"})).await;
    let html = me().await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(html.text.starts_with("<!DOCTYPE html>"));

    queue(json!({"kind": "drop"})).await;
    let dropped = rc.http.get(format!("{}/api/v1/me", rc.base)).send().await;
    let body = match dropped {
        Ok(response) => response.text().await.map(|_| ()),
        Err(e) => Err(e),
    };
    assert!(body.is_err(), "the connection is cut");

    queue(json!({"kind": "slow", "ms": 150})).await;
    let started = std::time::Instant::now();
    let slow = me().await;
    assert_eq!(slow.status, StatusCode::OK);
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(150),
        "answered only after the delay"
    );

    assert_eq!(
        me().await.status,
        StatusCode::OK,
        "the queue is empty again"
    );
    let bad = queue(json!({"kind": "boom"})).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}
