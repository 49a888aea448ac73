//! The options a host page passes to `mount(element, options)`, checked one by one. A wrong
//! option is reported in words and skipped, so the rest still works; a bad server address is
//! an error the widget shows in place of the form.

use crate::domain::credentials::Credentials;
use crate::settings::config::{ApiChoice, Config, ConfigError, Theme, DEFAULT_TIMEOUT_MS};
use crate::settings::labels::Labels;
use crate::settings::option_value::OptionValue;
use crate::web::storage::StorageArea;

/// The option names `mount` knows (docs/embedding.md promises them). `load` is the loader's
/// (`contact-form.js`), which passes every option on: the wasm takes it and has no use for it.
pub const KNOWN: [&str; 12] = [
    "server",
    "api",
    "contactId",
    "allowInsecure",
    "authToken",
    "userId",
    "locale",
    "storage",
    "theme",
    "labels",
    "timeout",
    "load",
];

/// What `mount` makes of its options.
#[derive(Debug)]
pub struct Parsed {
    /// The settings, or why the server address cannot be used.
    pub config: Result<Config, ConfigError>,
    /// Problems to report in the browser console, each a whole sentence.
    pub warnings: Vec<String>,
    /// The `locale` asked for (a BCP 47 tag), if any: the widget's language follows it.
    pub locale: Option<String>,
}

/// Reads the options; `page_origin` is the server when none is given (same-origin use).
pub fn parse(entries: &[(String, OptionValue)], page_origin: &str) -> Parsed {
    let mut warnings = Vec::new();
    let mut text = |key: &str| -> Option<String> {
        match entries.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            Some(OptionValue::Text(s)) => Some(s.clone()),
            Some(other) => {
                warnings.push(format!(
                    "option \"{key}\" must be a string, not {}; it is ignored.",
                    other.kind()
                ));
                None
            }
            None => None,
        }
    };
    let server = text("server");
    let (auth_token, user_id) = (text("authToken"), text("userId"));
    let storage = text("storage");
    let theme = text("theme");
    let locale = text("locale");
    let api = text("api");
    let contact_id = text("contactId")
        .map(|id| id.trim().to_owned())
        .filter(|id| !id.is_empty());
    let mut labels = Labels::default();
    for (key, value) in entries {
        if key == "labels" {
            match value {
                OptionValue::Object(_, entries) => {
                    let (given, problems) = Labels::with_overrides(entries);
                    labels = given;
                    warnings.extend(problems);
                }
                _ => warnings.push(
                    "option \"labels\" must be an object such as {name: \"Nom\"}; the language's labels are used.".into(),
                ),
            }
        } else if !KNOWN.contains(&key.as_str()) {
            warnings.push(format!(
                "unknown option \"{key}\" is ignored (known options: {}).",
                KNOWN.join(", ")
            ));
        }
    }
    if auth_token.is_some() != user_id.is_some() {
        warnings.push("options \"authToken\" and \"userId\" go together; with only one, the user is asked to sign in.".into());
    }
    let credential_storage = match storage.as_deref() {
        None | Some("session") => StorageArea::Session,
        Some("local") => StorageArea::Local,
        Some(other) => {
            warnings.push(format!("option \"storage\" is \"session\" or \"local\", not \"{other}\"; \"session\" is used."));
            StorageArea::Session
        }
    };
    let theme = match theme.as_deref() {
        None | Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some("auto") => Theme::Auto,
        Some(other) => {
            warnings.push(format!("option \"theme\" is \"light\", \"dark\" or \"auto\", not \"{other}\"; \"light\" is used."));
            Theme::Light
        }
    };
    let timeout_ms = match entries.iter().find(|(k, _)| k == "timeout").map(|(_, v)| v) {
        None => DEFAULT_TIMEOUT_MS,
        Some(OptionValue::Number(seconds)) if *seconds >= 0.1 && *seconds <= 600.0 => {
            (*seconds * 1000.0) as u32
        }
        Some(_) => {
            warnings.push(
                "option \"timeout\" is a number of seconds from 0.1 to 600; 15 is used.".into(),
            );
            DEFAULT_TIMEOUT_MS
        }
    };
    let allow_insecure = match entries
        .iter()
        .find(|(k, _)| k == "allowInsecure")
        .map(|(_, v)| v)
    {
        None => false,
        Some(OptionValue::Bool(allow)) => *allow,
        Some(other) => {
            warnings.push(format!(
                "option \"allowInsecure\" is true or false, not a {}; false is used.",
                other.kind()
            ));
            false
        }
    };
    let api = match api.as_deref() {
        None => ApiChoice::Legacy,
        Some(value) => ApiChoice::parse(value).unwrap_or_else(|| {
            warnings.push(format!("option \"api\" is \"legacy\", \"contacts\" or \"auto\", not \"{value}\"; \"legacy\" is used."));
            ApiChoice::Legacy
        }),
    };
    let server = server.as_deref().unwrap_or(page_origin);
    let config = Config {
        server: server.to_owned(),
        credentials: Credentials::new(user_id, auth_token),
        credential_storage,
        theme,
        labels,
        timeout_ms,
        allow_insecure,
        api,
        contact_id,
    }
    .checked();
    let warnings = warnings
        .into_iter()
        .map(|w| format!("omnichannel-contact-form: {w}"))
        .collect();
    Parsed {
        config,
        warnings,
        locale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(k: &str, v: &str) -> (String, OptionValue) {
        (k.into(), OptionValue::Text(v.into()))
    }

    #[test]
    fn no_options_means_the_pages_own_server() {
        let parsed = parse(&[], "http://127.0.0.1:8080");
        let config = parsed.config.unwrap();
        assert_eq!(config.server, "http://127.0.0.1:8080");
        assert_eq!(config.credentials, None);
        assert_eq!(config.credential_storage, StorageArea::Session);
        assert_eq!(config.theme, Theme::Light);
        assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn every_known_option() {
        let parsed = parse(
            &[
                text("server", "https://Chat.Example.com/"),
                text("authToken", "tok"),
                text("userId", "uid"),
                text("locale", "en-GB"),
                text("storage", "local"),
                text("theme", "dark"),
            ],
            "https://crm.example.com",
        );
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let config = parsed.config.unwrap();
        assert_eq!(config.server, "https://chat.example.com");
        let creds = config.credentials.unwrap();
        assert_eq!(
            (creds.user_id.as_str(), creds.auth_token.as_str()),
            ("uid", "tok")
        );
        assert_eq!(config.credential_storage, StorageArea::Local);
        assert_eq!(config.theme, Theme::Dark);
    }

    #[test]
    fn wrong_options_are_reported_and_the_rest_still_works() {
        let parsed = parse(
            &[
                text("sever", "https://typo.example.com"),
                ("theme".into(), OptionValue::Other("number".into())),
                text("storage", "cookies"),
                text("authToken", "tok"),
                text("locale", "de"),
                ("labels".into(), OptionValue::Text("Nom".into())),
            ],
            "https://crm.example.com",
        );
        let all = parsed.warnings.join("\n");
        assert!(
            all.contains("unknown option \"sever\" is ignored (known options: server,"),
            "{all}"
        );
        assert!(
            all.contains("option \"theme\" must be a string, not number"),
            "{all}"
        );
        assert!(
            all.contains("\"storage\" is \"session\" or \"local\", not \"cookies\""),
            "{all}"
        );
        assert!(
            all.contains("\"authToken\" and \"userId\" go together"),
            "{all}"
        );
        assert!(all.contains("option \"labels\" must be an object"), "{all}");
        assert!(parsed
            .warnings
            .iter()
            .all(|w| w.starts_with("omnichannel-contact-form: ")));
        assert_eq!(parsed.warnings.len(), 5);
        assert_eq!(parsed.locale.as_deref(), Some("de"));
        let config = parsed.config.unwrap();
        assert_eq!(config.server, "https://crm.example.com");
        assert_eq!(config.credentials, None);
    }

    #[test]
    fn a_malformed_server_is_an_error_to_show() {
        let parsed = parse(
            &[text("server", "chat.example.com")],
            "https://crm.example.com",
        );
        let err = parsed.config.unwrap_err();
        assert!(err
            .to_string()
            .contains("\"chat.example.com\" is not an http:// or https:// URL"));
    }

    #[test]
    fn plain_http_needs_allow_insecure_true() {
        let refused = parse(
            &[text("server", "http://chat.example.com")],
            "https://crm.example.com",
        );
        assert!(matches!(refused.config, Err(ConfigError::Insecure(_))));
        let allowed = parse(
            &[
                text("server", "http://chat.example.com"),
                ("allowInsecure".into(), OptionValue::Bool(true)),
            ],
            "https://crm.example.com",
        );
        assert!(allowed.warnings.is_empty(), "{:?}", allowed.warnings);
        assert_eq!(allowed.config.unwrap().server, "http://chat.example.com");
        let wrong = parse(
            &[
                text("server", "http://chat.example.com"),
                text("allowInsecure", "yes"),
            ],
            "https://crm.example.com",
        );
        assert!(wrong.warnings[0].contains("\"allowInsecure\" is true or false, not a string"));
        assert!(matches!(wrong.config, Err(ConfigError::Insecure(_))));
        // The page's own plain-http origin is held to the same rule when no server is given.
        let own = parse(&[], "http://intranet.example.com");
        assert!(matches!(own.config, Err(ConfigError::Insecure(_))));
        assert!(parse(&[], "http://127.0.0.1:8080").config.is_ok());
    }

    #[test]
    fn labels_override_the_languages_texts() {
        use crate::domain::texts::Text;
        let labels = OptionValue::Object(
            "object".into(),
            vec![
                ("register".into(), OptionValue::Text("Enregistrer".into())),
                ("x".into(), OptionValue::Text("y".into())),
            ],
        );
        let parsed = parse(&[("labels".into(), labels)], "https://crm.example.com");
        let overrides = parsed.config.unwrap().labels.overrides();
        assert_eq!(*overrides, [(Text::Register, "Enregistrer".to_owned())]);
        assert_eq!(parsed.warnings.len(), 1);
        assert!(parsed.warnings[0].contains("unknown label \"x\""));
    }

    #[test]
    fn timeout_is_seconds_within_bounds() {
        let with = |v: OptionValue| parse(&[("timeout".into(), v)], "https://crm.example.com");
        let ok = with(OptionValue::Number(2.5));
        assert!(ok.warnings.is_empty());
        assert_eq!(ok.config.unwrap().timeout_ms, 2500);
        for bad in [
            OptionValue::Number(0.0),
            OptionValue::Number(601.0),
            OptionValue::Text("5".into()),
        ] {
            let parsed = with(bad);
            assert!(
                parsed.warnings[0].contains("\"timeout\" is a number of seconds from 0.1 to 600")
            );
            assert_eq!(parsed.config.unwrap().timeout_ms, DEFAULT_TIMEOUT_MS);
        }
        assert_eq!(
            parse(&[], "https://x.org").config.unwrap().timeout_ms,
            15_000
        );
    }

    #[test]
    fn the_api_option_chooses_and_an_unknown_one_is_reported() {
        let with = |api: &str| {
            parse(
                &[text("server", "https://chat.example.com"), text("api", api)],
                "https://page.example.com",
            )
        };
        for (given, api) in [
            ("legacy", ApiChoice::Legacy),
            ("contacts", ApiChoice::Contacts),
            ("auto", ApiChoice::Auto),
        ] {
            let parsed = with(given);
            assert_eq!(parsed.config.unwrap().api, api);
            assert!(parsed.warnings.is_empty());
        }
        let parsed = with("center");
        assert_eq!(parsed.config.unwrap().api, ApiChoice::Legacy);
        assert!(
            parsed.warnings[0]
                .contains("option \"api\" is \"legacy\", \"contacts\" or \"auto\", not \"center\""),
            "{:?}",
            parsed.warnings
        );
    }
}
