//! Client-side validation and normalisation of what the user typed.
//!
//! Rocket.Chat stores email and phone without checking their format, so these rules are the only
//! validation a contact gets. They are plain Rust (no `regex`, which would cost ~100 KB of wasm).

use crate::domain::field::{Field, FieldError, FieldErrors, EMAIL_MAX, NAME_MAX, USERNAME_MAX};
use crate::domain::phone::phone;
use crate::domain::rows::check_rows;

/// What the user typed, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDraft {
    /// The "Name" input.
    pub name: String,
    /// The "Email" input.
    pub email: String,
    /// The "Phone" input.
    pub phone: String,
    /// The "Contact manager" input.
    pub contact_manager: String,
    /// The further email rows ("Email 2" and on) of a Contact Center contact.
    pub more_emails: Vec<String>,
    /// The further phone rows ("Phone 2" and on) of a Contact Center contact.
    pub more_phones: Vec<String>,
}

/// A contact that passed validation, normalised and ready to send.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidContact {
    /// Trimmed name.
    pub name: String,
    /// Trimmed, lower-cased email, when given.
    pub email: Option<String>,
    /// E.164 phone (`+` and digits), when given.
    pub phone: Option<String>,
    /// Contact manager's username, when given.
    pub contact_manager: Option<String>,
    /// The further email rows' addresses, normalised, empty rows dropped.
    pub more_emails: Vec<String>,
    /// The further phone rows' numbers, normalised, empty rows dropped.
    pub more_phones: Vec<String>,
}

impl ValidContact {
    /// Every email address, in the order shown.
    pub fn emails(&self) -> Vec<&str> {
        self.email
            .iter()
            .chain(&self.more_emails)
            .map(String::as_str)
            .collect()
    }

    /// Every phone number, in the order shown.
    pub fn phones(&self) -> Vec<&str> {
        self.phone
            .iter()
            .chain(&self.more_phones)
            .map(String::as_str)
            .collect()
    }

    /// Every email address, then every phone number: the values another contact may share
    /// (a repeat in a file, a contact on the server), without a list made of them.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        let emails = self.email.iter().chain(&self.more_emails);
        emails.chain(self.phone.iter().chain(&self.more_phones))
    }
}

/// Lower-cases an email as the server will: the browser build passes JavaScript's
/// `toLowerCase` (what Rocket.Chat applies, and it keeps Rust's Unicode case tables out of the
/// build); native tests pass Rust's `str::to_lowercase`, which follows the same mapping.
pub type Lower = fn(&str) -> String;

/// Validates every field at once, so the user sees all problems together.
pub fn validate(draft: &ContactDraft, lower: Lower) -> Result<ValidContact, FieldErrors> {
    validate_keeping(draft, lower, |_| None, |_, _| false)
}

/// Like [`validate`], but `kept(field)` may give a value to send instead of checking the
/// field's first input (`Some(None)`: send nothing), and `kept_row(field, raw)` says a further
/// row still holds a stored value. Updates use them for what the user left as stored.
pub fn validate_keeping(
    draft: &ContactDraft,
    lower: Lower,
    kept: impl Fn(Field) -> Option<Option<String>>,
    kept_row: impl Fn(Field, &str) -> bool,
) -> Result<ValidContact, FieldErrors> {
    let optional = |field, check: &dyn Fn(&str) -> Result<Option<String>, FieldError>, raw| {
        match kept(field) {
            Some(value) => Ok(value),
            None => check(raw),
        }
    };
    let check_email = |raw: &str| email(raw, lower);
    let name = match kept(Field::Name) {
        Some(Some(stored)) => Ok(stored),
        _ => name(&draft.name),
    };
    let first_email = optional(Field::Email, &check_email, &draft.email);
    let first_phone = optional(Field::Phone, &phone, &draft.phone);
    let manager = optional(Field::ContactManager, &username, &draft.contact_manager);
    type Check<'a> = &'a dyn Fn(&str) -> Result<Option<String>, FieldError>;
    let rows = |field, first: &Result<Option<String>, _>, typed, check: Check| {
        let first = first.as_ref().ok().and_then(Option::as_deref);
        check_rows(field, first, typed, |raw| kept_row(field, raw), check)
    };
    let more_emails = rows(Field::Email, &first_email, &draft.more_emails, &check_email);
    let more_phones = rows(Field::Phone, &first_phone, &draft.more_phones, &phone);
    match (
        name,
        first_email,
        first_phone,
        manager,
        more_emails,
        more_phones,
    ) {
        (Ok(name), Ok(email), Ok(phone), Ok(contact_manager), Ok(more_emails), Ok(more_phones)) => {
            Ok(ValidContact {
                name,
                email,
                phone,
                contact_manager,
                more_emails,
                more_phones,
            })
        }
        (name, email, phone, manager, more_emails, more_phones) => Err(FieldErrors {
            name: name.err(),
            email: email.err(),
            phone: phone.err(),
            contact_manager: manager.err(),
            rows: [more_emails.err(), more_phones.err()]
                .into_iter()
                .flatten()
                .flatten()
                .collect(),
        }),
    }
}

/// Whether `raw`, as typed in an input of `field`, is `value` as sent (itself, or normalised).
pub fn holds(field: Field, raw: &str, value: &str, lower: Lower) -> bool {
    let sent = match field {
        Field::Phone => phone(raw),
        _ => email(raw, lower),
    };
    raw == value || sent.ok().flatten().as_deref() == Some(value)
}

/// Required; trimmed; at most [`NAME_MAX`] characters.
pub fn name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() {
        Err(FieldError::NameMissing)
    } else if name.chars().count() > NAME_MAX {
        Err(FieldError::NameTooLong)
    } else {
        Ok(name.to_owned())
    }
}

/// Optional; trimmed and lower-cased. One `@` with text before it, no spaces, and a domain of
/// non-empty dot-separated labels ending in a top-level domain of at least two letters: stricter
/// than Rocket.Chat's own `^[^@]+@[^@]+\.[a-zA-Z]{2,}$`.
pub fn email(raw: &str, lower: Lower) -> Result<Option<String>, FieldError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    // Checked as it will be sent: lower-casing can lengthen a string or turn a character into
    // an ASCII letter, and what is sent must validate to itself.
    let lowered = lower(trimmed);
    let email = lowered.as_str();
    if email.chars().count() > EMAIL_MAX {
        return Err(FieldError::EmailTooLong);
    }
    if email
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "()<>[],;:\\\"".contains(c))
    {
        return Err(FieldError::EmailCharacters);
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(FieldError::EmailShape);
    };
    if local.is_empty() || domain.is_empty() || domain.contains('@') {
        return Err(FieldError::EmailShape);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last().copied().unwrap_or_default();
    // Labels: letters, digits and inner hyphens; any non-ASCII character counts as a letter
    // (internationalised domains). The top-level domain is two or more ASCII letters, exactly
    // as Rocket.Chat's `[a-zA-Z]{2,}` requires.
    let label_ok = |l: &&str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii())
    };
    if labels.len() < 2
        || !labels.iter().all(label_ok)
        || tld.len() < 2
        || !tld.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return Err(FieldError::EmailDomain);
    }
    Ok(Some(lowered))
}

/// Optional; a Rocket.Chat username: letters, digits, `.`, `_`, `-` (a leading `@` is dropped,
/// since people often type one).
pub fn username(raw: &str) -> Result<Option<String>, FieldError> {
    let trimmed = raw.trim();
    let name = trimmed.strip_prefix('@').unwrap_or(trimmed);
    if name.is_empty() {
        return Ok(None);
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(FieldError::UsernameCharacters);
    }
    if name.len() > USERNAME_MAX {
        return Err(FieldError::UsernameTooLong);
    }
    Ok(Some(name.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field::Place;

    #[test]
    fn name_is_required_trimmed_and_bounded() {
        assert_eq!(name("  Ada Lovelace \n"), Ok("Ada Lovelace".into()));
        assert_eq!(name(""), Err(FieldError::NameMissing));
        assert_eq!(name(" \t "), Err(FieldError::NameMissing));
        assert_eq!(name(&"é".repeat(NAME_MAX)), Ok("é".repeat(NAME_MAX)));
        assert_eq!(
            name(&"a".repeat(NAME_MAX + 1)),
            Err(FieldError::NameTooLong)
        );
    }

    #[test]
    fn email_accepts_plausible_addresses_and_lower_cases_them() {
        assert_eq!(email("", str::to_lowercase), Ok(None));
        assert_eq!(email("   ", str::to_lowercase), Ok(None));
        assert_eq!(
            email("  Ada.Lovelace+crm@Example.CO.uk ", str::to_lowercase),
            Ok(Some("ada.lovelace+crm@example.co.uk".into()))
        );
        assert_eq!(
            email("o'brien@my-host.io", str::to_lowercase),
            Ok(Some("o'brien@my-host.io".into()))
        );
        assert_eq!(
            email("josé@bücher.de", str::to_lowercase),
            Ok(Some("josé@bücher.de".into()))
        );
    }

    #[test]
    fn email_refuses_what_rocket_chat_would_refuse_and_more() {
        let cases = [
            ("ada", FieldError::EmailShape),
            ("@example.com", FieldError::EmailShape),
            ("ada@", FieldError::EmailShape),
            ("a@b@example.com", FieldError::EmailShape),
            ("ada lovelace@example.com", FieldError::EmailCharacters),
            ("ada@exa mple.com", FieldError::EmailCharacters),
            ("<ada@example.com>", FieldError::EmailCharacters),
            ("ada@example.com,", FieldError::EmailCharacters),
            ("ada@example", FieldError::EmailDomain),
            ("ada@example.c", FieldError::EmailDomain),
            ("ada@example.c0m", FieldError::EmailDomain),
            ("ada@example..com", FieldError::EmailDomain),
            ("ada@.example.com", FieldError::EmailDomain),
            ("ada@example.com.", FieldError::EmailDomain),
            ("ada@-example.com", FieldError::EmailDomain),
            ("ada@ex_ample.com", FieldError::EmailDomain),
            ("ada@example.рф", FieldError::EmailDomain),
            ("ada@example.c-m", FieldError::EmailDomain),
        ];
        for (input, expected) in cases {
            assert_eq!(email(input, str::to_lowercase), Err(expected), "{input}");
        }
        let long = format!("{}@example.com", "a".repeat(EMAIL_MAX));
        assert_eq!(
            email(&long, str::to_lowercase),
            Err(FieldError::EmailTooLong)
        );
    }

    #[test]
    fn username_follows_rocket_chat_rules() {
        assert_eq!(username(""), Ok(None));
        assert_eq!(username(" @jane.doe_2-x "), Ok(Some("jane.doe_2-x".into())));
        assert_eq!(username("@"), Ok(None));
        assert_eq!(username("jane doe"), Err(FieldError::UsernameCharacters));
        assert_eq!(username("jané"), Err(FieldError::UsernameCharacters));
        assert_eq!(username("a@b"), Err(FieldError::UsernameCharacters));
        assert_eq!(
            username(&"a".repeat(USERNAME_MAX + 1)),
            Err(FieldError::UsernameTooLong)
        );
    }

    #[test]
    fn validate_reports_every_field_at_once_in_form_order() {
        let draft = ContactDraft {
            name: " ".into(),
            email: "nope".into(),
            phone: "12".into(),
            contact_manager: "bad name".into(),
            ..Default::default()
        };
        let errors = validate(&draft, str::to_lowercase).unwrap_err();
        assert_eq!(errors.count(), 4);
        assert_eq!(errors.first(), Some(Place::first(Field::Name)));
        assert_eq!(
            errors.get(Field::Phone),
            Some(&FieldError::PhoneCountryCode)
        );

        let only_phone = ContactDraft {
            name: "Ada".into(),
            phone: "+44 20".into(),
            ..Default::default()
        };
        let errors = validate(&only_phone, str::to_lowercase).unwrap_err();
        assert_eq!(errors.first(), Some(Place::first(Field::Phone)));
        assert_eq!(errors.count(), 1);
    }

    #[test]
    fn validate_normalises_a_good_draft() {
        let draft = ContactDraft {
            name: " Ada ".into(),
            email: " ADA@Example.com".into(),
            phone: "+44 20 7946 0958".into(),
            contact_manager: "@agent.one".into(),
            ..Default::default()
        };
        assert_eq!(
            validate(&draft, str::to_lowercase),
            Ok(ValidContact {
                name: "Ada".into(),
                email: Some("ada@example.com".into()),
                phone: Some("+442079460958".into()),
                contact_manager: Some("agent.one".into()),
                ..ValidContact::default()
            })
        );
    }

    #[test]
    fn further_rows_are_validated_with_the_first_and_marked_under_themselves() {
        let draft = ContactDraft {
            name: "Ada".into(),
            email: "ada@example.com".into(),
            more_emails: vec!["".into(), "ADA@example.com".into(), "x".into()],
            more_phones: vec!["+44 20 7946 0958".into()],
            ..Default::default()
        };
        let errors = validate(&draft, str::to_lowercase).unwrap_err();
        let email = |row| Place {
            field: Field::Email,
            row,
        };
        assert_eq!(
            errors.rows,
            [
                (email(2), FieldError::AlreadyListed),
                (email(3), FieldError::EmailShape)
            ]
        );
        assert_eq!(errors.count(), 2);
        assert_eq!(errors.first(), Some(email(2)));

        let fixed = ContactDraft {
            more_emails: vec!["".into(), "b@example.com".into()],
            ..draft
        };
        let valid = validate(&fixed, str::to_lowercase).unwrap();
        assert_eq!(valid.emails(), ["ada@example.com", "b@example.com"]);
        assert_eq!(valid.phones(), ["+442079460958"]);
    }

    #[test]
    fn a_row_holds_a_value_as_typed_or_as_sent() {
        assert!(holds(Field::Email, " B@X.co", "b@x.co", str::to_lowercase));
        assert!(holds(
            Field::Phone,
            "+44 20 7946 0958",
            "+442079460958",
            str::to_lowercase
        ));
        assert!(holds(Field::Phone, "12345", "12345", str::to_lowercase));
        assert!(!holds(Field::Email, "c@x.co", "b@x.co", str::to_lowercase));
    }
}
