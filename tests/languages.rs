//! Every language says every error, status and notice the widget words from values: each
//! `{placeholder}` filled, and in that language rather than English. (The catalogue check in
//! `src/domain/catalogue.rs` holds the files to the keys; this holds the wording code to them.)
#![cfg(not(target_arch = "wasm32"))]

use omnichannel_contact_form::api::reply::ApiError;
use omnichannel_contact_form::domain::catalogue::{plain, Say, Texts};
use omnichannel_contact_form::domain::custom_fields::CustomFieldError;
use omnichannel_contact_form::domain::field::FieldError;
use omnichannel_contact_form::domain::language::Language;
use omnichannel_contact_form::domain::queued::Queued;
use omnichannel_contact_form::settings::config::ConfigError;

fn texts(language: Language) -> Texts {
    if language == Language::En {
        return Texts::default();
    }
    let path = format!("{}/i18n/{}.txt", env!("CARGO_MANIFEST_DIR"), language.tag());
    let file = std::fs::read_to_string(&path).expect("the catalogue reads");
    Texts::read(language, &file).expect("the catalogue is whole")
}

/// One of each kind of sentence with values in it.
fn sayings() -> Vec<Box<dyn Say>> {
    let label = || "Company".to_owned();
    vec![
        Box::new(FieldError::NameTooLong),
        Box::new(FieldError::PhoneCountryUnknown(999)),
        Box::new(FieldError::PhoneNationalLength {
            code: 33,
            digits: 9,
        }),
        Box::new(FieldError::PhoneLength),
        Box::new(FieldError::ManagerNotAgent),
        Box::new(CustomFieldError::Missing { label: label() }),
        Box::new(CustomFieldError::Refused { label: label() }),
        Box::new(ApiError::Rejected {
            message: "Invalid email".into(),
            error_type: None,
        }),
        Box::new(ApiError::Forbidden {
            permission: "view-l-room",
            message: "[error-unauthorized]".into(),
        }),
        Box::new(ApiError::RateLimited {
            wait_seconds: Some(12),
        }),
        Box::new(ApiError::RateLimited { wait_seconds: None }),
        Box::new(ApiError::Timeout { seconds: 1 }),
        Box::new(ApiError::Server { status: 502 }),
        Box::new(ApiError::CorsRefused {
            server: "https://chat.example.com".into(),
        }),
        Box::new(ApiError::TwoFactorRequired {
            method: "email".into(),
        }),
        Box::new(ConfigError::Insecure("http://chat.example.com".into())),
        Box::new(Queued::RateLimited { seconds: 3 }),
        Box::new(Queued::Offline),
    ]
}

#[test]
fn every_language_fills_every_value_in_its_own_words() {
    let english: Vec<String> = sayings().iter().map(|s| s.say(&Texts::default())).collect();
    for language in Language::ALL {
        let t = texts(language);
        for (i, saying) in sayings().iter().enumerate() {
            let said = plain(&saying.say(&t));
            let tag = language.tag();
            assert!(!said.trim().is_empty(), "{tag}: empty");
            assert!(
                !said.contains('{') && !said.contains('}'),
                "{tag}: a placeholder is left in {said:?}"
            );
            if language != Language::En {
                assert_ne!(said, plain(&english[i]), "{tag}: still English");
            }
        }
    }
}

#[test]
fn values_keep_their_own_words_in_every_language() {
    for language in Language::ALL {
        let t = texts(language);
        let said = ApiError::Rejected {
            message: "No user found [error-x]".into(),
            error_type: None,
        }
        .say(&t);
        assert!(
            said.contains("\u{2068}No user found [error-x]\u{2069}"),
            "{}: the server's words, isolated: {said}",
            language.tag()
        );
        let wait = plain(
            &ApiError::RateLimited {
                wait_seconds: Some(12),
            }
            .say(&t),
        );
        assert!(wait.contains("12"), "{}: {wait}", language.tag());
    }
}
