//! The contact form's fields and why a value in one cannot be sent: shared by every rule
//! (validate, phone) and by the state that marks the fields.

use crate::domain::catalogue::{english_display, Say, Texts};
use crate::domain::texts::Text;
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

    /// The text of the visible label, which is also the input's accessible name (in English
    /// fixed by DESIGN.md).
    pub fn label(self) -> Text {
        match self {
            Field::Name => Text::Name,
            Field::Email => Text::Email,
            Field::Phone => Text::Phone,
            Field::ContactManager => Text::ContactManager,
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
    NameMissing,
    /// The name is longer than [`NAME_MAX`].
    NameTooLong,
    /// The email has no `@`, more than one, or nothing on one side of it.
    EmailShape,
    /// The email contains spaces or characters no address has.
    EmailCharacters,
    /// The part after `@` is not a domain such as `example.com`.
    EmailDomain,
    /// The email is longer than [`EMAIL_MAX`].
    EmailTooLong,
    /// The phone contains letters or other symbols.
    PhoneCharacters,
    /// The phone has no international prefix.
    PhoneCountryCode,
    /// The digits after `+` start with no country calling code ITU has assigned.
    PhoneCountryUnknown(u16),
    /// The country's numbers all have one length, and this one has another.
    PhoneNationalLength {
        /// The country calling code.
        code: u16,
        /// How many digits follow it in every number of that country.
        digits: u8,
    },
    /// The phone has too few or too many digits.
    PhoneLength,
    /// The username has characters Rocket.Chat does not allow in usernames.
    UsernameCharacters,
    /// The username is longer than [`USERNAME_MAX`].
    UsernameTooLong,
    /// The server knows no user with this username.
    ManagerUnknown,
    /// The user exists but is not a livechat agent, so cannot manage contacts.
    ManagerNotAgent,
}

impl Say for FieldError {
    fn say(&self, t: &Texts) -> String {
        let max = |key, n: usize| t.count(key, n as u64, &[]);
        match *self {
            FieldError::NameMissing => t.get(Text::NameMissing).into(),
            FieldError::NameTooLong => max(Text::NameTooLong, NAME_MAX),
            FieldError::EmailShape => t.get(Text::EmailShape).into(),
            FieldError::EmailCharacters => t.get(Text::EmailCharacters).into(),
            FieldError::EmailDomain => t.get(Text::EmailDomain).into(),
            FieldError::EmailTooLong => max(Text::EmailTooLong, EMAIL_MAX),
            FieldError::PhoneCharacters => t.get(Text::PhoneCharacters).into(),
            FieldError::PhoneCountryCode => t.get(Text::PhoneCountryCode).into(),
            FieldError::PhoneCountryUnknown(code) => {
                t.fill(Text::PhoneCountryUnknown, &[("code", &code.to_string())])
            }
            FieldError::PhoneNationalLength { code, digits } => t.count(
                Text::PhoneNationalLength,
                u64::from(digits),
                &[("code", &code.to_string())],
            ),
            FieldError::PhoneLength => t.fill(
                Text::PhoneLength,
                &[
                    ("min", &PHONE_MIN_DIGITS.to_string()),
                    ("max", &PHONE_MAX_DIGITS.to_string()),
                ],
            ),
            FieldError::UsernameCharacters => t.get(Text::UsernameCharacters).into(),
            FieldError::UsernameTooLong => max(Text::UsernameTooLong, USERNAME_MAX),
            FieldError::ManagerUnknown => t.get(Text::ManagerUnknown).into(),
            FieldError::ManagerNotAgent => t.get(Text::ManagerNotAgent).into(),
        }
    }
}
english_display!(FieldError);

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

#[cfg(test)]
mod tests {
    use super::*;

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
