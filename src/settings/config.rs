//! The widget's settings, set by the embedding page: where it talks to, how it remembers things,
//! how it looks.

use crate::domain::catalogue::{english_display, Say, Texts};
use crate::domain::credentials::Credentials;
use crate::domain::texts::Text;
use crate::settings::labels::Labels;
use crate::web::storage::StorageArea;
use thiserror::Error;

/// How long a request may take by default (15 s) before it is cancelled.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// Prefix of every storage key the widget writes, so a host page can tell them apart.
pub const KEY_PREFIX: &str = "omnichannel-contact-form";

/// The widget's colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light colours (the default).
    #[default]
    Light,
    /// Dark colours.
    Dark,
    /// Follows the system's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    /// The CSS class that selects the theme's custom properties.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "ocf",
            Theme::Dark => "ocf ocf--dark",
            Theme::Auto => "ocf ocf--auto",
        }
    }
}

/// Which of Rocket.Chat's APIs a contact is saved through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ApiChoice {
    /// `POST /api/v1/omnichannel/contact`, the endpoint this widget is named for: on 7.x it
    /// writes a visitor, which the Contact Center lists only once that person chats.
    #[default]
    Legacy,
    /// The Contact Center routes of Rocket.Chat 7.1+ (`omnichannel/contacts*`).
    Contacts,
    /// Contacts when the server has them (7.1 or later), else legacy: decided once per server
    /// and page, before the form is shown.
    Auto,
}

impl ApiChoice {
    /// Reads the option's value: `legacy`, `contacts` or `auto`.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "legacy" => Some(ApiChoice::Legacy),
            "contacts" => Some(ApiChoice::Contacts),
            "auto" => Some(ApiChoice::Auto),
            _ => None,
        }
    }

    /// The option's value for this choice (what `contact-saved` reports as `api`).
    pub fn name(self) -> &'static str {
        match self {
            ApiChoice::Legacy => "legacy",
            ApiChoice::Contacts => "contacts",
            ApiChoice::Auto => "auto",
        }
    }
}

/// Why a server address cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    /// The address is not an http(s) URL.
    BadServer(String),
    /// A plain-http address on another host than this computer: the password and tokens would
    /// travel unencrypted.
    Insecure(String),
}

impl Say for ConfigError {
    fn say(&self, t: &Texts) -> String {
        let (key, server) = match self {
            ConfigError::BadServer(server) => (Text::BadServer, server),
            ConfigError::Insecure(server) => (Text::InsecureServer, server),
        };
        t.fill(key, &[("server", server)])
    }
}
english_display!(ConfigError);

/// The widget's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Base URL of the Rocket.Chat server, without a trailing slash (a path prefix is kept).
    pub server: String,
    /// Credentials given by the embedding page; when `None` the widget asks the user to sign in.
    pub credentials: Option<Credentials>,
    /// Where a sign-in made in the widget is kept.
    pub credential_storage: StorageArea,
    /// The colour scheme.
    pub theme: Theme,
    /// Label and button texts.
    pub labels: Labels,
    /// How long a request may take before it is cancelled, in milliseconds.
    pub timeout_ms: u32,
    /// Whether the host page let a plain-http server on another host through.
    pub allow_insecure: bool,
    /// Which API saves contacts; `Auto` is replaced by what the server has before the form
    /// is shown.
    pub api: ApiChoice,
    /// The contact to open first (the host page's record names it), instead of the one this
    /// browser remembers.
    pub contact_id: Option<String>,
}

impl Config {
    /// A config for `server` (normalised by [`server_base`]), with no credentials. A plain-http
    /// server is refused unless it is on this computer (see [`check_transport`]).
    pub fn new(server: &str) -> Result<Self, ConfigError> {
        Self::with_transport(server, false)
    }

    /// [`Config::new`], but `allow_insecure` lets a plain-http server on another host through:
    /// the host page's explicit choice (`allowInsecure: true`).
    pub fn with_transport(server: &str, allow_insecure: bool) -> Result<Self, ConfigError> {
        Config {
            server: server.to_owned(),
            credentials: None,
            credential_storage: StorageArea::Session,
            theme: Theme::Light,
            labels: Labels::default(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            allow_insecure,
            api: ApiChoice::Legacy,
            contact_id: None,
        }
        .checked()
    }

    /// Settings as the host page gave them, with `server` as typed: the address is normalised
    /// (see [`server_base`]) and held to the plain-http rule unless `allow_insecure` (see
    /// [`check_transport`]). The one check behind `mount()`'s options and `<ContactWidget/>`.
    pub fn checked(mut self) -> Result<Self, ConfigError> {
        self.server = server_base(&self.server)?;
        if !self.allow_insecure {
            check_transport(&self.server)?;
        }
        Ok(self)
    }

    /// The full URL of a REST path such as `/api/v1/login`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server)
    }

    /// localStorage key of the contact being edited: one per server, so two servers never
    /// share a token, and one per API, so a legacy token and a Contact Center id never mix.
    pub fn contact_key(&self) -> String {
        let kind = match self.api {
            ApiChoice::Contacts => "contact-center",
            ApiChoice::Legacy | ApiChoice::Auto => "contact",
        };
        self.key(kind)
    }

    /// Storage key of the unsaved draft for this server.
    pub fn draft_key(&self) -> String {
        self.key("draft")
    }

    /// Storage key of user `user`'s import under way on this server (the job itself is in
    /// IndexedDB under the same key; localStorage says one waits without opening it).
    pub fn import_key(&self, user: &str) -> String {
        let mut key = self.key("import");
        key.push(':');
        key.push_str(user);
        key
    }

    /// Storage key of the sign-in for this server.
    pub fn credentials_key(&self) -> String {
        self.key("auth")
    }

    /// Storage key `<prefix>:<kind>:<server>`: every key is one per server (one writer of
    /// the pattern, so the keys' shapes cannot drift apart, and one formatting call in the
    /// module).
    fn key(&self, kind: &str) -> String {
        format!("{KEY_PREFIX}:{kind}:{}", self.server)
    }
}

/// Normalises a server address: trimmed, no trailing slash, scheme and host lower-cased.
pub fn server_base(raw: &str) -> Result<String, ConfigError> {
    let bad = || ConfigError::BadServer(raw.to_owned());
    let url = raw.trim().trim_end_matches('/');
    let (scheme, rest) = url.split_once("://").ok_or_else(bad)?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(bad());
    }
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || "@?#".contains(c)) {
        return Err(bad());
    }
    if path.contains(['?', '#']) || path.contains(char::is_whitespace) {
        return Err(bad());
    }
    Ok(format!("{scheme}://{}{path}", host.to_ascii_lowercase()))
}

/// Refuses a normalised plain-http base unless its host is loopback (`localhost` and its
/// subdomains, `127.0.0.0/8`, `[::1]`): only there does nothing cross a network in clear text.
pub fn check_transport(base: &str) -> Result<(), ConfigError> {
    let Some(rest) = base.strip_prefix("http://") else {
        return Ok(());
    };
    let authority = rest.split('/').next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    if is_loopback(host) {
        Ok(())
    } else {
        Err(ConfigError::Insecure(base.to_owned()))
    }
}

fn is_loopback(host: &str) -> bool {
    let octets: Vec<&str> = host.split('.').collect();
    let ipv4_127 = octets.len() == 4
        && octets[0] == "127"
        && octets
            .iter()
            .all(|o| !o.is_empty() && o.len() <= 3 && o.parse::<u8>().is_ok());
    host == "localhost" || host.ends_with(".localhost") || host == "::1" || ipv4_127
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && (scheme == "http" || scheme == "https"))
        .then(|| format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_addresses_are_normalised() {
        for (raw, base) in [
            ("https://Chat.Example.com/", "https://chat.example.com"),
            (" http://127.0.0.1:3100 ", "http://127.0.0.1:3100"),
            (
                "HTTPS://chat.example.com/rocket/",
                "https://chat.example.com/rocket",
            ),
        ] {
            assert_eq!(server_base(raw), Ok(base.to_owned()), "{raw}");
        }
    }

    #[test]
    fn bad_server_addresses_are_refused_in_words() {
        for raw in [
            "",
            "chat.example.com",
            "ftp://chat.example.com",
            "https://",
            "https://a b.com",
            "https://user@host.com",
            "https://host.com/?x=1",
        ] {
            let err = server_base(raw).unwrap_err();
            assert!(
                err.to_string()
                    .contains("is not an http:// or https:// URL"),
                "{raw}"
            );
        }
    }

    #[test]
    fn plain_http_is_refused_unless_loopback_or_allowed() {
        for loopback in [
            "http://localhost",
            "http://localhost:3000/rc",
            "http://chat.localhost:3000",
            "http://127.0.0.1:3100",
            "http://127.10.20.30",
            "http://[::1]:3000",
            "https://chat.example.com",
        ] {
            assert!(Config::new(loopback).is_ok(), "{loopback}");
        }
        for remote in [
            "http://chat.example.com",
            "http://192.168.1.10:3000",
            "http://127.0.0.1.example.com",
            "http://localhost.example.com",
            "http://128.0.0.1",
            "http://127.0.0.256",
            "http://[::2]:3000",
            "http://10.0.0.1/rocket",
        ] {
            let err = Config::new(remote).unwrap_err();
            assert!(matches!(err, ConfigError::Insecure(_)), "{remote}");
            let text = err.to_string();
            assert!(text.contains("uses plain http://"), "{text}");
            assert!(text.contains("allowInsecure: true"), "{text}");
            let allowed = Config::with_transport(remote, true).unwrap();
            assert_eq!(allowed.server, server_base(remote).unwrap());
        }
        // A malformed address is still a malformed address, allowed or not.
        assert!(matches!(
            Config::with_transport("chat.example.com", true),
            Err(ConfigError::BadServer(_))
        ));
    }

    #[test]
    fn storage_keys_include_the_server() {
        let a = Config::new("https://a.example.com").unwrap();
        let b = Config::new("https://b.example.com").unwrap();
        assert_eq!(
            a.contact_key(),
            "omnichannel-contact-form:contact:https://a.example.com"
        );
        assert_ne!(a.contact_key(), b.contact_key());
        assert_ne!(a.credentials_key(), a.contact_key());
        assert_eq!(a.url("/api/v1/login"), "https://a.example.com/api/v1/login");
    }

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("https://chat.example.com/rocket/api/v1/login").as_deref(),
            Some("https://chat.example.com")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:3100/api?x").as_deref(),
            Some("http://127.0.0.1:3100")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:3100").as_deref(),
            Some("http://127.0.0.1:3100")
        );
        assert_eq!(origin_of("/relative"), None);
        assert_eq!(origin_of("ftp://x.org/"), None);
    }

    #[test]
    fn the_two_apis_remember_contacts_under_different_keys() {
        let mut config = Config::new("https://chat.example.com").unwrap();
        let legacy = config.contact_key();
        config.api = ApiChoice::Contacts;
        let center = config.contact_key();
        assert_ne!(legacy, center);
        assert!(center.ends_with("https://chat.example.com"), "{center}");
    }
}
