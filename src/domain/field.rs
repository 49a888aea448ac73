//! The contact form's fields and why a value in one cannot be sent: shared by every rule
//! (validate, phone) and by the state that marks the fields.

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
