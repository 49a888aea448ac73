//! Client-side validation and normalisation of what the user typed.
//!
//! Rocket.Chat stores email and phone without checking their format, so these rules are the only
//! validation a contact gets. They are plain Rust (no `regex`, which would cost ~100 KB of wasm).

use thiserror::Error;

/// Longest name accepted, in characters: longer is a paste accident, not a name.
pub const NAME_MAX: usize = 120;
/// Longest email address a mail system carries (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;
/// Longest contact-manager username accepted.
pub const USERNAME_MAX: usize = 64;
/// Fewest digits in an international number, country code included.
pub const PHONE_MIN_DIGITS: usize = 8;
/// Most digits E.164 allows, country code included.
pub const PHONE_MAX_DIGITS: usize = 15;

/// The form's fields, in the order they appear (and are focused on error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The contact's name.
    Name,
    /// The contact's email address.
    Email,
    /// The contact's phone number.
    Phone,
    /// The username of the agent who manages the contact.
    ContactManager,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 4] = [
        Field::Name,
        Field::Email,
        Field::Phone,
        Field::ContactManager,
    ];

    /// The visible label, which is also the input's accessible name (fixed by DESIGN.md).
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Email => "Email",
            Field::Phone => "Phone",
            Field::ContactManager => "Contact manager",
        }
    }

    /// The `name` attribute of the field's input (fixed by DESIGN.md).
    pub fn input_name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::ContactManager => "contactManager",
        }
    }
}

/// Why a field's value cannot be sent, worded for the person typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum FieldError {
    /// The name is empty after trimming.
    #[error("Enter the contact's name.")]
    NameMissing,
    /// The name is longer than [`NAME_MAX`].
    #[error("The name is too long: at most {NAME_MAX} characters.")]
    NameTooLong,
    /// The email has no `@`, more than one, or nothing on one side of it.
    #[error("Enter an email address like name@example.com.")]
    EmailShape,
    /// The email contains spaces or characters no address has.
    #[error("An email address cannot contain spaces or any of ( ) < > [ ] , ; : \\ \".")]
    EmailCharacters,
    /// The part after `@` is not a domain such as `example.com`.
    #[error("The part after @ must be a domain such as example.com.")]
    EmailDomain,
    /// The email is longer than [`EMAIL_MAX`].
    #[error("The email address is too long: at most {EMAIL_MAX} characters.")]
    EmailTooLong,
    /// The phone contains letters or other symbols.
    #[error("A phone number may contain only digits, spaces, dashes, dots, parentheses and a leading +.")]
    PhoneCharacters,
    /// The phone has no international prefix.
    #[error("Start the number with its country code: +44 20 7946 0958 or 0044 20 7946 0958 is saved as +442079460958.")]
    PhoneCountryCode,
    /// The digits after `+` start with no country calling code ITU has assigned.
    #[error("+{0} is not a country calling code: check the digits after the + (or 00).")]
    PhoneCountryUnknown(u16),
    /// The country's numbers all have one length, and this one has another.
    #[error("A +{code} number has {digits} digits after the country code.")]
    PhoneNationalLength {
        /// The country calling code.
        code: u16,
        /// How many digits follow it in every number of that country.
        digits: u8,
    },
    /// The phone has too few or too many digits.
    #[error("A phone number has {PHONE_MIN_DIGITS} to {PHONE_MAX_DIGITS} digits, country code included.")]
    PhoneLength,
    /// The username has characters Rocket.Chat does not allow in usernames.
    #[error("A username has only letters, digits, dots, dashes and underscores.")]
    UsernameCharacters,
    /// The username is longer than [`USERNAME_MAX`].
    #[error("The username is too long: at most {USERNAME_MAX} characters.")]
    UsernameTooLong,
    /// The server knows no user with this username.
    #[error("No Rocket.Chat user has this username.")]
    ManagerUnknown,
    /// The user exists but is not a livechat agent, so cannot manage contacts.
    #[error("This user is not a livechat agent, so cannot manage contacts.")]
    ManagerNotAgent,
}

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
}

/// A contact that passed validation, normalised and ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    /// Trimmed name.
    pub name: String,
    /// Trimmed, lower-cased email, when given.
    pub email: Option<String>,
    /// E.164 phone (`+` and digits), when given.
    pub phone: Option<String>,
    /// Contact manager's username, when given.
    pub contact_manager: Option<String>,
}

/// The errors of one validation, one slot per field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    /// Error of the "Name" field.
    pub name: Option<FieldError>,
    /// Error of the "Email" field.
    pub email: Option<FieldError>,
    /// Error of the "Phone" field.
    pub phone: Option<FieldError>,
    /// Error of the "Contact manager" field.
    pub contact_manager: Option<FieldError>,
}

impl FieldErrors {
    /// The error of `field`, if any.
    pub fn get(&self, field: Field) -> Option<&FieldError> {
        self.slot(field).as_ref()
    }

    /// Records (or clears) the error of `field`.
    pub fn set(&mut self, field: Field, error: Option<FieldError>) {
        *self.slot_mut(field) = error;
    }

    /// The first field in form order that has an error: it gets the focus.
    pub fn first(&self) -> Option<Field> {
        Field::ALL.into_iter().find(|f| self.get(*f).is_some())
    }

    /// How many fields have an error.
    pub fn count(&self) -> usize {
        Field::ALL
            .iter()
            .filter(|f| self.get(**f).is_some())
            .count()
    }

    fn slot(&self, field: Field) -> &Option<FieldError> {
        match field {
            Field::Name => &self.name,
            Field::Email => &self.email,
            Field::Phone => &self.phone,
            Field::ContactManager => &self.contact_manager,
        }
    }

    fn slot_mut(&mut self, field: Field) -> &mut Option<FieldError> {
        match field {
            Field::Name => &mut self.name,
            Field::Email => &mut self.email,
            Field::Phone => &mut self.phone,
            Field::ContactManager => &mut self.contact_manager,
        }
    }
}

/// Validates every field at once, so the user sees all problems together.
pub fn validate(draft: &ContactDraft) -> Result<ValidContact, FieldErrors> {
    validate_keeping(draft, |_| None)
}

/// Like [`validate`], but `kept(field)` may give a value to send instead of checking the field
/// (`Some(None)`: send nothing). Updates use it for fields the user left as stored.
pub fn validate_keeping(
    draft: &ContactDraft,
    kept: impl Fn(Field) -> Option<Option<String>>,
) -> Result<ValidContact, FieldErrors> {
    let optional =
        |field, check: fn(&str) -> Result<Option<String>, FieldError>, raw: &str| match kept(field)
        {
            Some(value) => Ok(value),
            None => check(raw),
        };
    let name = match kept(Field::Name) {
        Some(Some(stored)) => Ok(stored),
        _ => name(&draft.name),
    };
    let email = optional(Field::Email, email, &draft.email);
    let phone = optional(Field::Phone, phone, &draft.phone);
    let manager = optional(Field::ContactManager, username, &draft.contact_manager);
    match (name, email, phone, manager) {
        (Ok(name), Ok(email), Ok(phone), Ok(contact_manager)) => Ok(ValidContact {
            name,
            email,
            phone,
            contact_manager,
        }),
        (name, email, phone, manager) => Err(FieldErrors {
            name: name.err(),
            email: email.err(),
            phone: phone.err(),
            contact_manager: manager.err(),
        }),
    }
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
pub fn email(raw: &str) -> Result<Option<String>, FieldError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    // Checked as it will be sent: lower-casing can lengthen a string or turn a character into
    // an ASCII letter, and what is sent must validate to itself.
    let lowered = crate::web::text::lowercase(trimmed);
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

/// Optional; accepts digits (ASCII, Arabic-Indic, Persian or full-width) with spaces, dashes,
/// dots, slashes and parentheses, after a leading `+` or `00`. Normalises to E.164: `+`, an
/// assigned country calling code, and 8 to 15 digits in all. A `(0)` right after the country
/// code is the national trunk prefix written the British or German way (`+44 (0)20 …`), never
/// dialled from abroad, so it is dropped.
pub fn phone(raw: &str) -> Result<Option<String>, FieldError> {
    let folded: String = raw.chars().filter_map(fold_phone_char).collect();
    let phone = folded.trim();
    if phone.is_empty() {
        return Ok(None);
    }
    let (plus, rest) = match phone.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, phone),
    };
    let mut digits = String::with_capacity(PHONE_MAX_DIGITS + 4);
    // Where a parenthesised group holding just `0` began, counted in digits.
    let mut trunk_at = None;
    let mut open = None;
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '(' => open = open.or(Some(digits.len())),
            ')' => {
                if let Some(start) = open.take() {
                    if digits.get(start..) == Some("0") {
                        trunk_at = trunk_at.or(Some(start));
                    }
                }
            }
            '-' | '.' | '/' => {}
            c if c.is_whitespace() => {}
            _ => return Err(FieldError::PhoneCharacters),
        }
    }
    let prefix = if plus {
        0
    } else if digits.starts_with("00") {
        2
    } else {
        return Err(FieldError::PhoneCountryCode);
    };
    let mut international = digits.split_off(prefix);
    if international.starts_with('0') {
        return Err(FieldError::PhoneCountryCode);
    }
    if international.is_empty() {
        return Err(FieldError::PhoneLength);
    }
    let (code, code_len) = crate::domain::country_codes::split(&international)
        .map_err(FieldError::PhoneCountryUnknown)?;
    if trunk_at == Some(prefix + code_len) {
        international.remove(code_len);
    }
    if !(PHONE_MIN_DIGITS..=PHONE_MAX_DIGITS).contains(&international.len()) {
        return Err(FieldError::PhoneLength);
    }
    if let Some(national) = crate::domain::country_codes::national_length(code) {
        if international.len() - code_len != national {
            return Err(FieldError::PhoneNationalLength {
                code,
                digits: national as u8,
            });
        }
    }
    Ok(Some(format!("+{international}")))
}

/// One typed character as the ASCII the phone rules read: digits of the Arabic-Indic, Persian
/// and full-width forms become `0`–`9`, full-width `+ ( ) - . /` and Unicode dashes their ASCII
/// twins; the invisible direction marks that right-to-left text carries are dropped.
fn fold_phone_char(c: char) -> Option<char> {
    let digit_from = |zero: u32| char::from_digit(c as u32 - zero, 10);
    match c {
        '\u{0660}'..='\u{0669}' => digit_from(0x0660),
        '\u{06F0}'..='\u{06F9}' => digit_from(0x06F0),
        '\u{FF10}'..='\u{FF19}' => digit_from(0xFF10),
        '\u{FF0B}' => Some('+'),
        '\u{FF08}' => Some('('),
        '\u{FF09}' => Some(')'),
        '\u{FF0E}' => Some('.'),
        '\u{FF0F}' => Some('/'),
        '\u{FF0D}' | '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => None,
        c => Some(c),
    }
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
        assert_eq!(email(""), Ok(None));
        assert_eq!(email("   "), Ok(None));
        assert_eq!(
            email("  Ada.Lovelace+crm@Example.CO.uk "),
            Ok(Some("ada.lovelace+crm@example.co.uk".into()))
        );
        assert_eq!(
            email("o'brien@my-host.io"),
            Ok(Some("o'brien@my-host.io".into()))
        );
        assert_eq!(email("josé@bücher.de"), Ok(Some("josé@bücher.de".into())));
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
            assert_eq!(email(input), Err(expected), "{input}");
        }
        let long = format!("{}@example.com", "a".repeat(EMAIL_MAX));
        assert_eq!(email(&long), Err(FieldError::EmailTooLong));
    }

    #[test]
    fn phone_normalises_what_people_type_to_e164() {
        assert_eq!(phone(""), Ok(None));
        for (input, expected) in [
            ("+44 20 7946 0958", "+442079460958"),
            ("0044 (20) 7946-0958", "+442079460958"),
            ("+1 (415) 555.0132", "+14155550132"),
            ("  +49/30/901820  ", "+4930901820"),
            ("+49123456", "+49123456"),
            ("+491234567890123", "+491234567890123"),
            ("+7 495 123-45-67", "+74951234567"),
            ("+353 1 234 5678", "+35312345678"),
        ] {
            assert_eq!(phone(input), Ok(Some(expected.into())), "{input}");
        }
    }

    #[test]
    fn a_trunk_zero_in_parentheses_after_the_country_code_is_dropped() {
        for (input, expected) in [
            ("+44 (0)20 7946 0958", "+442079460958"),
            ("+44(0)2079460958", "+442079460958"),
            ("+49 (0)30 901820", "+4930901820"),
            ("0049 (0) 30 901820", "+4930901820"),
            ("+41 ( 0 ) 44 668 18 00", "+41446681800"),
            ("+43 (0)1 58858", "+43158858"),
        ] {
            assert_eq!(phone(input), Ok(Some(expected.into())), "{input}");
        }
        // Elsewhere a (0) is a digit like any other, and an area code in parentheses is kept.
        assert_eq!(
            phone("+44 20 (0)7946 095"),
            Ok(Some("+442007946095".into()))
        );
        assert_eq!(phone("+1 (415) 555 0132"), Ok(Some("+14155550132".into())));
    }

    #[test]
    fn country_codes_are_checked_against_the_assigned_ones() {
        assert_eq!(
            phone("+999 1234 5678"),
            Err(FieldError::PhoneCountryUnknown(999))
        );
        assert_eq!(
            phone("+999 1234 5678").unwrap_err().to_string(),
            "+999 is not a country calling code: check the digits after the + (or 00)."
        );
        assert_eq!(
            phone("00214 123 4567"),
            Err(FieldError::PhoneCountryUnknown(214))
        );
        assert_eq!(
            phone("+1 415 555 013"),
            Err(FieldError::PhoneNationalLength {
                code: 1,
                digits: 10
            })
        );
        assert_eq!(
            phone("+1 415 555 013").unwrap_err().to_string(),
            "A +1 number has 10 digits after the country code."
        );
        assert_eq!(
            phone("+1 415 555 01322"),
            Err(FieldError::PhoneNationalLength {
                code: 1,
                digits: 10
            })
        );
    }

    #[test]
    fn digits_of_other_scripts_are_digits() {
        for (input, expected) in [
            ("+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨", "+442079460958"),
            ("۰۰۹۸ ۲۱ ۱۲۳۴ ۵۶۷۸", "+982112345678"),
            ("＋４４　２０　７９４６　０９５８", "+442079460958"),
            ("\u{200E}+٩٧١ ٥٠ ١٢٣ ٤٥٦٧\u{200F}", "+971501234567"),
            ("+44 20–7946–0958", "+442079460958"),
        ] {
            assert_eq!(phone(input), Ok(Some(expected.into())), "{input}");
        }
    }

    #[test]
    fn phone_explains_what_is_wrong() {
        let cases = [
            ("020 7946 0958", FieldError::PhoneCountryCode),
            ("4155550132", FieldError::PhoneCountryCode),
            ("+0 20 7946 0958", FieldError::PhoneCountryCode),
            ("000 44 20 7946", FieldError::PhoneCountryCode),
            ("+44 20 CALL ME", FieldError::PhoneCharacters),
            ("+44 20 7946 0958 ext 12", FieldError::PhoneCharacters),
            ("++44 20 7946 0958", FieldError::PhoneCharacters),
            ("44+20", FieldError::PhoneCharacters),
            ("+1234567", FieldError::PhoneLength),
            ("+4912345", FieldError::PhoneLength),
            ("+1234567890123456", FieldError::PhoneLength),
            ("+", FieldError::PhoneLength),
        ];
        for (input, expected) in cases {
            assert_eq!(phone(input), Err(expected), "{input}");
        }
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
        };
        let errors = validate(&draft).unwrap_err();
        assert_eq!(errors.count(), 4);
        assert_eq!(errors.first(), Some(Field::Name));
        assert_eq!(
            errors.get(Field::Phone),
            Some(&FieldError::PhoneCountryCode)
        );

        let only_phone = ContactDraft {
            name: "Ada".into(),
            phone: "+44 20".into(),
            ..Default::default()
        };
        let errors = validate(&only_phone).unwrap_err();
        assert_eq!(errors.first(), Some(Field::Phone));
        assert_eq!(errors.count(), 1);
    }

    #[test]
    fn validate_normalises_a_good_draft() {
        let draft = ContactDraft {
            name: " Ada ".into(),
            email: " ADA@Example.com".into(),
            phone: "+44 20 7946 0958".into(),
            contact_manager: "@agent.one".into(),
        };
        assert_eq!(
            validate(&draft),
            Ok(ValidContact {
                name: "Ada".into(),
                email: Some("ada@example.com".into()),
                phone: Some("+442079460958".into()),
                contact_manager: Some("agent.one".into()),
            })
        );
    }

    #[test]
    fn field_errors_set_and_clear() {
        let mut errors = FieldErrors::default();
        errors.set(Field::Email, Some(FieldError::EmailShape));
        assert_eq!(errors.first(), Some(Field::Email));
        errors.set(Field::Email, None);
        assert_eq!(errors, FieldErrors::default());
        assert_eq!(Field::ContactManager.input_name(), "contactManager");
    }
}
