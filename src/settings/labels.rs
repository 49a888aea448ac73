//! The host page's own texts for labels and buttons (the `labels` option): each one given wins
//! over the chosen language's, key by key.

use crate::domain::texts::Text;
use crate::settings::option_value::OptionValue;
use std::sync::Arc;

/// The `labels` option's keys and the texts they replace.
pub const KEYS: [(&str, Text); 12] = [
    ("name", Text::Name),
    ("email", Text::Email),
    ("phone", Text::Phone),
    ("contactManager", Text::ContactManager),
    ("register", Text::Register),
    ("update", Text::Update),
    ("newContact", Text::NewContact),
    ("signOut", Text::SignOut),
    ("user", Text::User),
    ("password", Text::Password),
    ("code", Text::Code),
    ("signIn", Text::SignIn),
];

/// Label and button texts given by the host page, in place of the language's (none by default).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels(Arc<Vec<(Text, String)>>);

impl Labels {
    /// Labels from `(key, text)` pairs such as `("register", "Enregistrer")`; problems come back
    /// as sentences for the console.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Labels, Vec<String>) {
        let entries: Vec<(String, OptionValue)> = pairs
            .into_iter()
            .map(|(k, v)| (k.to_owned(), OptionValue::Text(v.to_owned())))
            .collect();
        Labels::with_overrides(&entries)
    }

    /// The texts given, to put on top of a language's.
    pub fn overrides(&self) -> Arc<Vec<(Text, String)>> {
        Arc::clone(&self.0)
    }

    /// The `labels` option's entries; problems come back as sentences.
    pub fn with_overrides(entries: &[(String, OptionValue)]) -> (Labels, Vec<String>) {
        let mut given = Vec::new();
        let mut warnings = Vec::new();
        for (key, value) in entries {
            let Some((_, text)) = KEYS.iter().find(|(k, _)| k == key) else {
                let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
                warnings.push(format!(
                    "unknown label \"{key}\" is ignored (known labels: {}).",
                    known.join(", ")
                ));
                continue;
            };
            match value {
                OptionValue::Text(t) if !t.trim().is_empty() => {
                    given.retain(|(k, _)| k != text);
                    given.push((*text, t.trim().to_owned()));
                }
                OptionValue::Text(_) => warnings.push(format!(
                    "label \"{key}\" is empty; the language's text is used."
                )),
                other => warnings.push(format!(
                    "label \"{key}\" must be a string, not {}; the language's text is used.",
                    other.kind()
                )),
            }
        }
        (Labels(Arc::new(given)), warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Texts;

    #[test]
    fn without_overrides_the_texts_are_the_promised_english_ones() {
        let t = Texts::default().with_overrides(Labels::default().overrides());
        let texts = KEYS.map(|(_, key)| t.get(key));
        assert_eq!(
            texts,
            [
                "Name",
                "Email",
                "Phone",
                "Contact manager",
                "Register contact",
                "Update contact",
                "New contact",
                "Sign out",
                "Username or email",
                "Password",
                "Two-factor code",
                "Sign in"
            ]
        );
    }

    #[test]
    fn overrides_apply_and_mistakes_are_reported() {
        let entries = vec![
            ("name".to_owned(), OptionValue::Text(" Nom ".into())),
            (
                "register".to_owned(),
                OptionValue::Text("Enregistrer".into()),
            ),
            ("phone".to_owned(), OptionValue::Text("  ".into())),
            ("email".to_owned(), OptionValue::Other("number".into())),
            ("colour".to_owned(), OptionValue::Text("x".into())),
        ];
        let (labels, warnings) = Labels::with_overrides(&entries);
        let t = Texts::default().with_overrides(labels.overrides());
        assert_eq!(t.get(Text::Name), "Nom");
        assert_eq!(t.get(Text::Register), "Enregistrer");
        assert_eq!(t.get(Text::Phone), "Phone");
        assert_eq!(t.get(Text::Email), "Email");
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].contains("label \"phone\" is empty"));
        assert!(warnings[1].contains("label \"email\" must be a string, not number"));
        assert!(
            warnings[2].contains("unknown label \"colour\" is ignored (known labels: name, email,")
        );
        let (pairs, none) = Labels::new([("signIn", "Connexion")]);
        assert!(none.is_empty());
        let t = Texts::default().with_overrides(pairs.overrides());
        assert_eq!(t.get(Text::SignIn), "Connexion");
    }
}
