//! Properties of the pure validation, each over at least 10,000 generated cases (proptest):
//! no input makes a validator panic, what a validator gives back validates to itself, and what
//! the widget accepts, Rocket.Chat accepts (its own form's email pattern, the stand-in's body
//! check and its custom-field rules). Each property prints its case count and time.
#![cfg(not(target_arch = "wasm32"))]

mod property;

use omnichannel_contact_form::api::wire::contact_body as request_body;
use omnichannel_contact_form::domain::custom_fields::{self, CustomField, FieldKind};
use omnichannel_contact_form::domain::field::Field;
use omnichannel_contact_form::domain::phone;
use omnichannel_contact_form::domain::validate::{self, ContactDraft};
use property::{property, CASES};
use proptest::prelude::*;
use rc_standin::meteor_check::{check_object, CONTACT_BODY};
use regex::Regex;

/// Any text: arbitrary Unicode, long runs, control and combining characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(any::<char>(), 0..4000).prop_map(|c| c.into_iter().collect()),
        "[a-z0-9@.+() \\-\u{0000}-\u{001F}\u{007F}\u{0300}-\u{036F}\u{200E}\u{202E}\u{FEFF}]{0,80}",
    ]
}

/// Text that looks like a phone number, in the scripts and with the separators people use.
fn phone_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "(\\+|00|＋|٠٠)?[0-9٠-٩۰-۹０-９ ()./\\-]{0,24}",
        "\\+[1-9][0-9]{7,14}",
        "\\+[1-9]{1,3} ?(\\(0\\))? ?[0-9 ]{6,16}",
        any_text(),
    ]
}

fn email_like() -> impl Strategy<Value = String> {
    prop_oneof![
        " ?[a-zA-Z0-9._%+'-]{1,20}@[a-zA-Z0-9-]{1,15}(\\.[a-zA-Z0-9-]{1,10}){0,3}\\.[a-zA-Z]{2,6} ?",
        "[a-zA-Zé0-9.@ -]{0,30}",
        any_text(),
    ]
}

#[test]
fn no_input_makes_a_validator_panic() {
    let field = CustomField {
        id: "f".into(),
        label: "F".into(),
        kind: FieldKind::Select(vec!["A".into(), "B".into()]),
        required: true,
        regexp: Some("^[A-Z]$".into()),
        default_value: None,
    };
    property("never panics", any_text(), |text| {
        let _ = validate::name(&text);
        let _ = validate::email(&text, str::to_lowercase);
        let _ = phone::phone(&text);
        let _ = validate::username(&text);
        let _ = field.check(&text, |_, _| None);
        let _ = validate::validate(
            &ContactDraft {
                name: text.clone(),
                email: text.clone(),
                phone: text.clone(),
                contact_manager: text.clone(),
                more_emails: vec![text.clone(), String::new(), text.clone()],
                more_phones: vec![text],
            },
            str::to_lowercase,
        );
        Ok(())
    });
}

#[test]
fn rows_that_pass_are_sent_once_each_and_validate_to_themselves() {
    let rows = proptest::collection::vec(
        prop_oneof![Just(String::new()), "[A-Ca-c]{1,2}@x\\.co", phone_like()],
        0..6,
    );
    property("rows", (rows.clone(), rows), |(emails, phones)| {
        let draft = ContactDraft {
            name: "Ada".into(),
            email: emails.first().cloned().unwrap_or_default(),
            phone: phones.first().cloned().unwrap_or_default(),
            contact_manager: String::new(),
            more_emails: emails.iter().skip(1).cloned().collect(),
            more_phones: phones.iter().skip(1).cloned().collect(),
        };
        match validate::validate(&draft, str::to_lowercase) {
            Ok(contact) => {
                for list in [contact.emails(), contact.phones()] {
                    let mut unique = list.clone();
                    unique.sort();
                    unique.dedup();
                    prop_assert_eq!(unique.len(), list.len(), "a value twice: {:?}", list);
                }
                for email in contact.emails() {
                    let again = validate::email(email, str::to_lowercase);
                    prop_assert_eq!(again, Ok(Some(email.to_owned())));
                }
                for number in contact.phones() {
                    prop_assert_eq!(phone::phone(number), Ok(Some(number.to_owned())));
                }
            }
            Err(errors) => {
                // Every error is on an input that exists.
                let rows = [draft.more_emails.len(), draft.more_phones.len()];
                for (place, _) in &errors.rows {
                    let slot = usize::from(place.field == Field::Phone);
                    prop_assert!(place.row >= 1 && place.row <= rows[slot]);
                }
                prop_assert!(errors.count() > 0);
            }
        }
        Ok(())
    });
}

#[test]
fn a_normalised_phone_is_e164_and_validates_to_itself() {
    let e164 = Regex::new(r"^\+[1-9][0-9]{7,14}$").unwrap();
    let accepted = std::cell::Cell::new(0u32);
    property("phone is E.164 and stable", phone_like(), |typed| {
        if let Ok(Some(phone)) = phone::phone(&typed) {
            accepted.set(accepted.get() + 1);
            prop_assert!(e164.is_match(&phone), "{typed:?} gave {phone:?}");
            prop_assert_eq!(phone::phone(&phone), Ok(Some(phone.clone())));
        }
        Ok(())
    });
    assert!(
        accepted.get() > CASES / 10,
        "too few numbers were valid: {}",
        accepted.get()
    );
}

#[test]
fn a_normalised_email_validates_to_itself_and_fits_rocket_chats_own_pattern() {
    // The pattern of Rocket.Chat's own contact form.
    let rocket_chat = Regex::new(r"^[^@]+@[^@]+\.[a-zA-Z]{2,}$").unwrap();
    let accepted = std::cell::Cell::new(0u32);
    property("email is stable and Rocket.Chat's", email_like(), |typed| {
        if let Ok(Some(email)) = validate::email(&typed, str::to_lowercase) {
            accepted.set(accepted.get() + 1);
            prop_assert_eq!(
                validate::email(&email, str::to_lowercase),
                Ok(Some(email.clone()))
            );
            prop_assert!(rocket_chat.is_match(&email), "{typed:?} gave {email:?}");
            prop_assert_eq!(email.trim(), email.as_str());
        }
        Ok(())
    });
    assert!(
        accepted.get() > CASES / 10,
        "too few emails were valid: {}",
        accepted.get()
    );
}

#[test]
fn a_normalised_name_and_username_validate_to_themselves() {
    let strategy = (
        any_text(),
        prop_oneof!["@?[a-zA-Z0-9._-]{0,70}", any_text()],
    );
    property("name and username are stable", strategy, |(name, user)| {
        if let Ok(name) = validate::name(&name) {
            prop_assert_eq!(validate::name(&name), Ok(name.clone()));
        }
        if let Ok(Some(user)) = validate::username(&user) {
            prop_assert_eq!(validate::username(&user), Ok(Some(user.clone())));
            prop_assert!(!user.starts_with('@'));
        }
        Ok(())
    });
}

#[test]
fn what_the_widget_sends_passes_the_servers_body_check() {
    let draft = (
        prop_oneof!["[A-Za-zÀ-ÿ '\\-]{1,40}", any_text()],
        email_like(),
        phone_like(),
        prop_oneof!["@?[a-z0-9._-]{0,20}", any_text()],
        proptest::collection::vec(("[a-z]{1,8}", any_text()), 0..4),
    );
    property(
        "body passes check()",
        draft,
        |(name, email, phone, manager, custom)| {
            let draft = ContactDraft {
                name,
                email,
                phone,
                contact_manager: manager,
                ..ContactDraft::default()
            };
            if let Ok(contact) = validate::validate(&draft, str::to_lowercase) {
                let body = request_body("0123456789abcdef0123456789abcdef", &contact, &custom);
                let json: serde_json::Value = serde_json::from_str(&body)
                    .map_err(|e| TestCaseError::fail(format!("not JSON ({e}): {body}")))?;
                prop_assert_eq!(check_object(&json, &CONTACT_BODY), Ok(()), "{}", body);
                prop_assert!(json.as_object().unwrap().values().all(|v| !v.is_null()));
            }
            Ok(())
        },
    );
}

/// Custom-field definitions as an administrator sets them, and values for them.
fn fields_and_values(
) -> impl Strategy<Value = (Vec<(bool, &'static str, &'static str)>, Vec<String>)> {
    let definition = (
        any::<bool>(),
        prop_oneof![
            Just(""),
            Just("^[A-Z]{2}-[0-9]{4}$"),
            Just("^[0-9]+$"),
            Just("[a-z]")
        ],
        prop_oneof![Just(""), Just("Bronze,Silver,Gold")],
    );
    let value = prop_oneof![
        Just(String::new()),
        "(Bronze|Silver|Gold| Gold )",
        "[A-Z]{2}-[0-9]{4}",
        "[0-9]{1,6}",
        "[a-z ]{0,6}",
        any_text(),
    ];
    (
        proptest::collection::vec(definition, 1..4),
        proptest::collection::vec(value, 4),
    )
}

#[test]
fn custom_values_the_widget_accepts_the_server_accepts() {
    let accepted = std::cell::Cell::new(0u32);
    property(
        "custom fields agree",
        fields_and_values(),
        |(definitions, values)| {
            let shown: Vec<CustomField> = definitions
                .iter()
                .enumerate()
                .map(|(i, (required, regexp, options))| CustomField {
                    id: format!("f{i}"),
                    label: format!("Field {i}"),
                    kind: if options.is_empty() {
                        FieldKind::Text
                    } else {
                        FieldKind::Select(options.split(',').map(str::to_owned).collect())
                    },
                    required: *required,
                    regexp: (!regexp.is_empty()).then(|| regexp.to_string()),
                    default_value: None,
                })
                .collect();
            let server: Vec<rc_standin::model::CustomField> = shown
                .iter()
                .zip(&definitions)
                .map(
                    |(f, (required, regexp, options))| rc_standin::model::CustomField {
                        id: f.id.clone(),
                        label: f.label.clone(),
                        scope: "visitor".into(),
                        visibility: "visible".into(),
                        kind: if options.is_empty() {
                            "input"
                        } else {
                            "select"
                        }
                        .into(),
                        required: *required,
                        regexp: regexp.to_string(),
                        options: options.to_string(),
                        default_value: String::new(),
                    },
                )
                .collect();
            let typed: Vec<(String, String)> = shown
                .iter()
                .zip(values)
                .map(|(f, v)| (f.id.clone(), v))
                .collect();
            let matches =
                |pattern: &str, value: &str| Regex::new(pattern).ok().map(|re| re.is_match(value));
            if custom_fields::check_all(&shown, &typed, matches).is_empty() {
                accepted.set(accepted.get() + 1);
                let sent = custom_fields::to_send(&[], &shown, &typed);
                let given: serde_json::Map<String, serde_json::Value> = sent
                    .into_iter()
                    .map(|(k, v)| (k, serde_json::Value::String(v)))
                    .collect();
                let checked = rc_standin::contact_routes::validate_custom_fields(&server, &given);
                prop_assert!(
                    checked.is_ok(),
                    "{:?} refused {:?}: {:?}",
                    definitions,
                    given,
                    checked
                );
            }
            Ok(())
        },
    );
    assert!(
        accepted.get() > CASES / 10,
        "too few were accepted: {}",
        accepted.get()
    );
}
