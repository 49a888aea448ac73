//! The Contact Center routes (Rocket.Chat 7.1+) over HTTP, held against docs/rocket-chat.md and
//! the cases of Rocket.Chat's own tests it lists.

mod common;

use common::*;
use rc_standin::model::Version;
use rc_standin::Options;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const AGENT_ID: &str = "agentOne000000001";
const MANAGER_ID: &str = "manager0000000001";

impl Rc {
    async fn post_as(&self, auth: &(String, String), path: &str, body: Value) -> Answer {
        let auth = Some((auth.0.as_str(), auth.1.as_str()));
        self.call(Method::POST, path, auth, Some(body)).await
    }

    async fn create(&self, auth: &(String, String), body: Value) -> Answer {
        self.post_as(auth, "/api/v1/omnichannel/contacts", body)
            .await
    }

    async fn created(&self, auth: &(String, String), body: Value) -> String {
        let a = self.create(auth, body).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        a.body["contactId"].as_str().unwrap().to_owned()
    }
}

fn invalid_params(message: &str) -> Value {
    json!({"success": false, "error": format!("{message} [invalid-params]"), "errorType": "invalid-params"})
}

fn refused(text: &str) -> Value {
    json!({"success": false, "error": text})
}

#[tokio::test]
async fn create_get_and_exactly_as_sent() {
    let rc = start().await;
    let agent = rc.login("agent.one").await;
    let id = rc
        .created(
            &agent,
            json!({"name": "Ada", "emails": [" Ada@Example.COM "], "phones": ["+4930123456"],
                   "customFields": {"company": "ACME"}, "contactManager": AGENT_ID}),
        )
        .await;
    assert_eq!(id.len(), 24);
    let got = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.get?contactId={id}"),
        )
        .await;
    assert_eq!(got.status, StatusCode::OK, "{}", got.text);
    let contact = &got.body["contact"];
    assert_eq!(contact["name"], "Ada");
    assert_eq!(
        contact["emails"],
        json!([{"address": " Ada@Example.COM "}]),
        "no trimming, no lower-casing"
    );
    assert_eq!(contact["phones"], json!([{"phoneNumber": "+4930123456"}]));
    assert_eq!(contact["contactManager"], AGENT_ID);
    assert_eq!(contact["customFields"], json!({"company": "ACME"}));
    assert_eq!(contact["unknown"], false);
}

#[tokio::test]
async fn permission_manager_and_custom_field_refusals() {
    let rc = start().await;
    let plain = rc.login("plain").await;
    let a = rc
        .create(&plain, json!({"name": "A", "emails": [], "phones": []}))
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(
        a.body,
        refused("User does not have the permissions required for this action [error-unauthorized]")
    );
    for path in [
        "/api/v1/omnichannel/contacts.get?contactId=x",
        "/api/v1/omnichannel/contacts.search",
        "/api/v1/omnichannel/contacts.checkExistence?email=a@b.co",
    ] {
        assert_eq!(
            rc.get_as(&plain, path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }

    let agent = rc.login("agent.one").await;
    let base = json!({"name": "A", "emails": [], "phones": [], "customFields": {"company": "C"}});
    let with = |key: &str, value: Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    for manager in ["invalid", MANAGER_ID] {
        let a = rc
            .create(&agent, with("contactManager", json!(manager)))
            .await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            a.body,
            refused("error-contact-manager-not-found"),
            "{manager}"
        );
    }
    let cases = [
        (json!({}), "Invalid value for Company field"),
        (
            json!({"company": "C", "customerId": "invalid"}),
            "Invalid value for Customer ID field",
        ),
        (
            json!({"company": "C", "foo": "x"}),
            "Custom field foo is not allowed",
        ),
        (
            json!({"company": "C", "internalNote": "x"}),
            "Custom field internalNote is not allowed",
        ),
    ];
    for (custom, text) in cases {
        let a = rc.create(&agent, with("customFields", custom)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
        assert_eq!(a.body, refused(text));
    }
    let ok = rc
        .create(
            &agent,
            with(
                "customFields",
                json!({"company": "C", "customerId": "AB-1234"}),
            ),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
}

#[tokio::test]
async fn schema_errors_in_ajvs_words() {
    let rc = start().await;
    let agent = rc.login("agent.one").await;
    let cases = [
        (
            json!({"emails": [], "phones": []}),
            "must have required property 'name'",
        ),
        (
            json!({"name": "A", "phones": []}),
            "must have required property 'emails'",
        ),
        (
            json!({"name": "A", "emails": []}),
            "must have required property 'phones'",
        ),
        (
            json!({"name": "A", "emails": "x", "phones": []}),
            "must be array",
        ),
        (
            json!({"name": "A", "emails": [{}], "phones": []}),
            "must be string",
        ),
        (
            json!({"name": "A", "emails": [], "phones": [], "token": "t"}),
            "must NOT have additional properties",
        ),
    ];
    for (body, message) in cases {
        let a = rc.create(&agent, body.clone()).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(a.body, invalid_params(message), "{body}");
    }
    let extra = rc
        .post_as(
            &agent,
            "/api/v1/omnichannel/contacts.update",
            json!({"contactId": "x", "email": "a@b.co"}),
        )
        .await;
    assert_eq!(
        extra.body,
        invalid_params("must NOT have additional properties")
    );
    let empty = rc
        .get_as(&agent, "/api/v1/omnichannel/contacts.get?contactId=")
        .await;
    assert_eq!(
        empty.body,
        invalid_params("must NOT have fewer than 1 characters")
    );
    let two = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.checkExistence?email=a@b.co&phone=1",
        )
        .await;
    assert_eq!(
        two.body,
        invalid_params("must have required property 'contactId'\n must NOT have additional properties\n must NOT have additional properties\n must match exactly one schema in oneOf")
    );
    // Each subschema's first failure, then the oneOf's, as Rocket.Chat's tests and ajv give them.
    for (query, error) in [
        ("", "must have required property 'contactId'\n must have required property 'email'\n must have required property 'phone'\n must match exactly one schema in oneOf"),
        ("contactId=a&email=a@b.co&phone=1", "must NOT have additional properties\n must NOT have additional properties\n must NOT have additional properties\n must match exactly one schema in oneOf"),
        ("email=foo", "must have required property 'contactId'\n must match format \"basic_email\"\n must have required property 'phone'\n must match exactly one schema in oneOf"),
        ("email=", "must have required property 'contactId'\n must match format \"basic_email\"\n must have required property 'phone'\n must match exactly one schema in oneOf"),
        ("contactId=", "must pass \"isNotEmpty\" keyword validation\n must have required property 'email'\n must have required property 'phone'\n must match exactly one schema in oneOf"),
        ("phone=%20", "must have required property 'contactId'\n must have required property 'email'\n must pass \"isNotEmpty\" keyword validation\n must match exactly one schema in oneOf"),
    ] {
        let a = rc
            .get_as(
                &agent,
                &format!("/api/v1/omnichannel/contacts.checkExistence?{query}"),
            )
            .await;
        assert_eq!(a.body, invalid_params(error), "{query}");
    }
}

#[tokio::test]
async fn update_replaces_what_it_is_sent_and_keeps_the_rest() {
    let rc = start().await;
    let agent = rc.login("agent.one").await;
    let id = rc
        .created(
            &agent,
            json!({"name": "Ada", "emails": ["a@x.co", "b@x.co"], "phones": ["+4930123456"],
                   "customFields": {"company": "ACME", "tier": "Gold"}, "contactManager": AGENT_ID}),
        )
        .await;
    let update = |body: Value| rc.post_as(&agent, "/api/v1/omnichannel/contacts.update", body);

    let a = update(json!({"contactId": id, "emails": ["new@x.co", "b@x.co"]})).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let contact = &a.body["contact"];
    assert_eq!(
        contact["emails"],
        json!([{"address": "new@x.co"}, {"address": "b@x.co"}])
    );
    assert_eq!(contact["name"], "Ada", "a key left out is left unchanged");
    assert_eq!(contact["phones"], json!([{"phoneNumber": "+4930123456"}]));
    assert_eq!(
        contact["customFields"],
        json!({"company": "ACME", "tier": "Gold"})
    );

    // customFields replaces the set: the optional tier left out is removed.
    let b = update(json!({"contactId": id, "customFields": {"company": "ACME 2"}})).await;
    assert_eq!(
        b.body["contact"]["customFields"],
        json!({"company": "ACME 2"})
    );
    let c = update(json!({"contactId": id, "customFields": {}})).await;
    assert_eq!(c.body, refused("Invalid value for Company field"));
    assert_eq!(
        update(json!({"contactId": id, "contactManager": "nobody"}))
            .await
            .body,
        refused("error-contact-manager-not-found")
    );
    assert_eq!(
        update(json!({"contactId": "invalid", "name": "X"}))
            .await
            .body,
        refused("error-contact-not-found")
    );
}

#[tokio::test]
async fn contacts_and_visitors_are_kept_apart() {
    let rc = start().await;
    let agent = rc.login("agent.one").await;
    let visitor = rc
        .save_as(
            &agent,
            json!({"token": "0123456789abcdef0123456789abcdef", "name": "Vis",
                   "email": "vis@x.co", "customFields": {"company": "C"}}),
        )
        .await;
    let visitor_id = visitor.body["contact"].as_str().unwrap().to_owned();
    let got = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.get?contactId={visitor_id}"),
        )
        .await;
    assert_eq!(got.status, StatusCode::NOT_FOUND);
    assert_eq!(got.body, refused("Resource not found"));
    let invalid = rc
        .get_as(&agent, "/api/v1/omnichannel/contacts.get?contactId=invalid")
        .await;
    assert_eq!(invalid.status, StatusCode::NOT_FOUND);
    let search = rc
        .get_as(&agent, "/api/v1/omnichannel/contacts.search?searchText=vis")
        .await;
    assert_eq!(search.body["total"], 0, "the visitor is no contact");

    let id = rc
        .created(
            &agent,
            json!({"name": "Con", "emails": [], "phones": [], "customFields": {"company": "C"}}),
        )
        .await;
    assert_eq!(
        rc.record(&agent, &id).await,
        Value::Null,
        "the contact is no visitor"
    );
}

#[tokio::test]
async fn search_is_a_substring_match_and_check_existence_exact() {
    let rc = start().await;
    let agent = rc.login("agent.one").await;
    let c = json!({"company": "C"});
    let ada = rc
        .created(
            &agent,
            json!({"name": "Ada Lovelace", "emails": ["ada@x.co"], "phones": ["+4930123456"], "customFields": c}),
        )
        .await;
    rc.created(
        &agent,
        json!({"name": "Grace", "emails": ["grace@y.co"], "phones": ["+4930123"], "customFields": c}),
    )
    .await;
    for text in ["ada@x.co", "%2B4930123456", "Ada%20Lovelace", "LOVELACE"] {
        let a = rc
            .get_as(
                &agent,
                &format!("/api/v1/omnichannel/contacts.search?searchText={text}"),
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        assert_eq!(a.body["total"], 1, "{text}: {}", a.text);
        assert_eq!(a.body["contacts"][0]["_id"], ada.as_str());
    }
    let both = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.search?searchText=%2B4930123",
        )
        .await;
    assert_eq!(both.body["total"], 2, "a substring: both phones contain it");
    let exists = |q: &'static str| {
        let rc = &rc;
        let agent = &agent;
        async move {
            rc.get_as(
                agent,
                &format!("/api/v1/omnichannel/contacts.checkExistence?{q}"),
            )
            .await
            .body["exists"]
                .clone()
        }
    };
    assert_eq!(exists("email=ada@x.co").await, true);
    assert_eq!(
        exists("email=ada@x.c").await,
        false,
        "exact, not a substring"
    );
    assert_eq!(exists("phone=%2B4930123").await, true);
    assert_eq!(exists("phone=%2B49301").await, false);
}

#[tokio::test]
async fn releases_before_7_1_have_no_contacts_routes_and_7_1_no_check_existence() {
    for (version, contacts, check) in [
        ("6.13", false, false),
        ("7.1", true, false),
        ("7.6", true, true),
    ] {
        let rc = start_with(Options {
            version: Version::parse(version).unwrap(),
            ..Options::default()
        })
        .await;
        let info = rc.call(Method::GET, "/api/info", None, None).await;
        assert_eq!(info.body, json!({"version": version, "success": true}));
        let agent = rc.login("agent.one").await;
        let search = rc
            .get_as(&agent, "/api/v1/omnichannel/contacts.search?count=1")
            .await;
        let expect = |on: bool| {
            if on {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            }
        };
        assert_eq!(search.status, expect(contacts), "{version}");
        let checked = rc
            .get_as(
                &agent,
                "/api/v1/omnichannel/contacts.checkExistence?email=a@b.co",
            )
            .await;
        assert_eq!(checked.status, expect(check), "{version}");
        if !contacts {
            assert_eq!(checked.body, refused("API endpoint not found"));
        }
    }
}

#[tokio::test]
async fn a_lost_create_still_makes_the_contact() {
    let rc = start_with(Options {
        faults: true,
        ..Options::default()
    })
    .await;
    let agent = rc.login("agent.one").await;
    let fault = rc
        .call(
            Method::POST,
            "/_standin/fault",
            None,
            Some(json!({"kind": "lost"})),
        )
        .await;
    assert_eq!(fault.status, StatusCode::OK);
    let cut = rc
        .http
        .post(format!("{}/api/v1/omnichannel/contacts", rc.base))
        .header("X-User-Id", &agent.0)
        .header("X-Auth-Token", &agent.1)
        .json(&json!({"name": "Lost", "emails": ["lost@x.co"], "phones": [], "customFields": {"company": "C"}}))
        .send()
        .await;
    let answered = match cut {
        Ok(response) => response.text().await.is_ok(),
        Err(_) => false,
    };
    assert!(!answered, "the answer is cut");
    let found = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.search?searchText=lost@x.co",
        )
        .await;
    assert_eq!(found.body["total"], 1, "yet the contact was made");
}
