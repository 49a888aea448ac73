//! The widget's visible texts for labels and buttons: English by default (as DESIGN.md fixes
//! them), overridable by the host page through the `labels` option.

use crate::domain::field::Field;
use crate::settings::option_value::OptionValue;

/// The label and button texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// "Name"
    pub name: String,
    /// "Email"
    pub email: String,
    /// "Phone"
    pub phone: String,
    /// "Contact manager"
    pub contact_manager: String,
    /// "Register contact"
    pub register: String,
    /// "Update contact"
    pub update: String,
    /// "New contact"
    pub new_contact: String,
    /// "Sign out"
    pub sign_out: String,
    /// "Username or email"
    pub user: String,
    /// "Password"
    pub password: String,
    /// "Two-factor code"
    pub code: String,
    /// "Sign in"
    pub sign_in: String,
}

/// The keys of the `labels` option, in the order of [`Labels`]' fields.
pub const KEYS: [&str; 12] = [
    "name",
    "email",
    "phone",
    "contactManager",
    "register",
    "update",
    "newContact",
    "signOut",
    "user",
    "password",
    "code",
    "signIn",
];

impl Default for Labels {
    fn default() -> Self {
        Labels {
            name: Field::Name.label().into(),
            email: Field::Email.label().into(),
            phone: Field::Phone.label().into(),
            contact_manager: Field::ContactManager.label().into(),
            register: "Register contact".into(),
            update: "Update contact".into(),
            new_contact: "New contact".into(),
            sign_out: "Sign out".into(),
            user: "Username or email".into(),
            password: "Password".into(),
            code: "Two-factor code".into(),
            sign_in: "Sign in".into(),
        }
    }
}

impl Labels {
    /// The label of a contact field.
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Email => &self.email,
            Field::Phone => &self.phone,
            Field::ContactManager => &self.contact_manager,
        }
    }

    fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "name" => &mut self.name,
            "email" => &mut self.email,
            "phone" => &mut self.phone,
            "contactManager" => &mut self.contact_manager,
            "register" => &mut self.register,
            "update" => &mut self.update,
            "newContact" => &mut self.new_contact,
            "signOut" => &mut self.sign_out,
            "user" => &mut self.user,
            "password" => &mut self.password,
            "code" => &mut self.code,
            "signIn" => &mut self.sign_in,
            _ => return None,
        })
    }

    /// English texts with the host page's overrides; problems come back as sentences.
    pub fn with_overrides(entries: &[(String, OptionValue)]) -> (Labels, Vec<String>) {
        let mut labels = Labels::default();
        let mut warnings = Vec::new();
        for (key, value) in entries {
            let Some(slot) = labels.slot(key) else {
                warnings.push(format!(
                    "unknown label \"{key}\" is ignored (known labels: {}).",
                    KEYS.join(", ")
                ));
                continue;
            };
            match value {
                OptionValue::Text(text) if !text.trim().is_empty() => {
                    *slot = text.trim().to_owned()
                }
                OptionValue::Text(_) => warnings.push(format!(
                    "label \"{key}\" is empty; the English text is used."
                )),
                other => warnings.push(format!(
                    "label \"{key}\" must be a string, not {}; the English text is used.",
                    other.kind()
                )),
            }
        }
        (labels, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_promised_english_texts() {
        let l = Labels::default();
        assert_eq!(
            [
                l.field(Field::Name),
                l.field(Field::ContactManager),
                &l.register,
                &l.update,
                &l.new_contact
            ],
            [
                "Name",
                "Contact manager",
                "Register contact",
                "Update contact",
                "New contact"
            ]
        );
        assert_eq!(
            [&l.user, &l.password, &l.code, &l.sign_in, &l.sign_out],
            [
                "Username or email",
                "Password",
                "Two-factor code",
                "Sign in",
                "Sign out"
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
        assert_eq!(labels.name, "Nom");
        assert_eq!(labels.register, "Enregistrer");
        assert_eq!(labels.phone, "Phone");
        assert_eq!(labels.email, "Email");
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].contains("label \"phone\" is empty"));
        assert!(warnings[1].contains("label \"email\" must be a string, not number"));
        assert!(
            warnings[2].contains("unknown label \"colour\" is ignored (known labels: name, email,")
        );
    }
}
