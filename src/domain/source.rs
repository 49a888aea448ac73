//! Where a chat or a channel came in, and the name Rocket.Chat's Contact Center gives it (a
//! past chat, a channel and an unidentified contact's option all name it alike).

use crate::domain::catalogue::Texts;
use crate::domain::texts::Text;

/// Where a chat came in: `source.type` and the app's alias, as Rocket.Chat sends them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// `widget`, `email`, `sms`, `app`, `api` or another integration's type.
    pub kind: String,
    /// The app's or integration's name, when it gave one.
    pub alias: Option<String>,
}

impl Source {
    /// The name Rocket.Chat's Contact Center gives it: widget → "Livechat", email → "Email",
    /// sms → "SMS", an app or the API → its alias or "Custom (APP)" / "Custom (API)", anything
    /// else → "Custom Integration".
    pub fn name(&self, t: &Texts) -> String {
        let key = match self.kind.as_str() {
            "widget" => Text::SourceLivechat,
            "email" => Text::SourceEmail,
            "sms" => Text::SourceSms,
            "app" | "api" if self.alias.as_deref().is_some_and(|a| !a.trim().is_empty()) => {
                return self.alias.clone().unwrap_or_default();
            }
            "app" => Text::SourceApp,
            "api" => Text::SourceApi,
            _ => Text::SourceOther,
        };
        t.get(key).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(kind: &str, alias: Option<&str>) -> Source {
        Source {
            kind: kind.into(),
            alias: alias.map(Into::into),
        }
    }

    #[test]
    fn sources_are_named_as_rocket_chats_contact_center_names_them() {
        let t = Texts::default();
        let named = |kind, alias| source(kind, alias).name(&t);
        assert_eq!(named("widget", None), "Livechat");
        assert_eq!(named("email", None), "Email");
        assert_eq!(named("sms", None), "SMS");
        assert_eq!(named("app", Some("WhatsApp")), "WhatsApp");
        assert_eq!(named("app", None), "Custom (APP)");
        assert_eq!(
            named("app", Some("  ")),
            "Custom (APP)",
            "a blank alias is none"
        );
        assert_eq!(named("api", Some("Zapier")), "Zapier");
        assert_eq!(named("api", None), "Custom (API)");
        assert_eq!(named("other", Some("ignored")), "Custom Integration");
        assert_eq!(named("telegram", None), "Custom Integration");
    }
}
