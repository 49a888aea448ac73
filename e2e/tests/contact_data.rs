//! Nothing lost: custom fields, the duplicate warning and the contact-manager picker, in the
//! release build against the stand-in.

use e2e::{standin_requiring_company, Browser};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn required_regexp_and_select_custom_fields_are_checked_then_saved() {
    let (url, state) = standin_requiring_company().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.input("customFields.company").await;
    assert!(
        !b.has_input("customFields.internalNote").await,
        "a hidden field is not shown"
    );
    b.fill("name", "Ada Lovelace").await;
    b.fill("customFields.customerId", "ab-1").await;
    b.click("Register contact").await;
    b.wait_status("2 fields need attention").await;
    assert_eq!(
        b.field_error("customFields.company").await.as_deref(),
        Some("Enter Company: this server requires it.")
    );
    assert_eq!(
        b.field_error("customFields.customerId").await.as_deref(),
        Some("Customer ID is not in the format this server expects.")
    );
    assert!(state.store.read(|d| d.visitors.is_empty()).await);

    b.fill("customFields.company", "ACME").await;
    b.fill("customFields.customerId", "AB-1234").await;
    b.choose("customFields.tier", "Gold").await;
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    let v = state.store.read(|d| d.visitors[0].clone()).await;
    assert_eq!(
        serde_json::Value::Object(v.livechat_data.clone()),
        json!({"company": "ACME", "customerId": "AB-1234", "tier": "Gold"})
    );

    b.reload().await;
    b.input("customFields.company").await;
    let started = std::time::Instant::now();
    while b.value("customFields.company").await != "ACME" {
        assert!(
            started.elapsed() < e2e::PATIENCE,
            "the stored value never showed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(b.value("customFields.tier").await, "Gold");
    b.fill("customFields.customerId", "").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    let v = state.store.read(|d| d.visitors[0].clone()).await;
    assert_eq!(
        serde_json::Value::Object(v.livechat_data.clone()),
        json!({"company": "ACME", "tier": "Gold"}),
        "a cleared field is removed, the others kept"
    );
    b.finish().await;
}
