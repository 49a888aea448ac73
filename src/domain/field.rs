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
    /// promised to host pages: docs/contact-form.md).
    pub fn label(self) -> Text {
        match self {
            Field::Name => Text::Name,
            Field::Email => Text::Email,
            Field::Phone => Text::Phone,
            Field::ContactManager => Text::ContactManager,
        }
    }

    /// The `name` attribute of the field's input (promised to host pages: docs/contact-form.md).
    pub fn input_name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::ContactManager => "contactManager",
        }
    }
}

/// One input of the form: a field's first row (`row` 0, the input labelled by the field's own
/// label), or a further email or phone row of a Contact Center contact ("Email 2" is row 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The field the input belongs to.
    pub field: Field,
    /// The row, from 0.
    pub row: usize,
}

impl Place {
    /// The first (often only) input of `field`.
    pub fn first(field: Field) -> Self {
        Place { field, row: 0 }
    }

    /// The input's `name` attribute: the field's own for the first row (promised to host pages: docs/contact-form.md),
    /// then `email-2`, `email-3`, … as labelled.
    pub fn input_name(self) -> String {
        match self.row {
            0 => self.field.input_name().to_owned(),
            row => format!("{}-{}", self.field.input_name(), row + 1),
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
    /// An email or phone row repeats an earlier row's value.
    AlreadyListed,
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
            FieldError::AlreadyListed => t.get(Text::AlreadyListed).into(),
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
    /// Errors of the further email and phone rows (row 1 and on), in form order.
    pub rows: Vec<(Place, FieldError)>,
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

    /// The error of the input at `place`, if any.
    pub fn at(&self, place: Place) -> Option<&FieldError> {
        if place.row == 0 {
            return self.get(place.field);
        }
        self.rows.iter().find(|(p, _)| *p == place).map(|(_, e)| e)
    }

    /// Records (or clears) the error of the input at `place`.
    pub fn set_at(&mut self, place: Place, error: Option<FieldError>) {
        if place.row == 0 {
            return self.set(place.field, error);
        }
        self.rows.retain(|(p, _)| *p != place);
        if let Some(error) = error {
            // Kept in form order: before the first row that comes after it.
            let key = |p: &Place| (p.field as usize, p.row);
            let at = self.rows.iter().position(|(p, _)| key(p) > key(&place));
            self.rows
                .insert(at.unwrap_or(self.rows.len()), (place, error));
        }
    }

    /// Row `row` of `field` was removed: its error goes, and the rows after it move up.
    pub fn row_removed(&mut self, field: Field, row: usize) {
        self.rows.retain(|(p, _)| *p != Place { field, row });
        for (p, _) in &mut self.rows {
            if p.field == field && p.row > row {
                p.row -= 1;
            }
        }
    }

    /// The first input in form order that has an error: it gets the focus.
    pub fn first(&self) -> Option<Place> {
        Field::ALL.into_iter().find_map(|field| {
            if self.get(field).is_some() {
                return Some(Place::first(field));
            }
            self.rows
                .iter()
                .find(|(p, _)| p.field == field)
                .map(|(p, _)| *p)
        })
    }

    /// How many inputs have an error.
    pub fn count(&self) -> usize {
        let firsts = Field::ALL.iter().filter(|f| self.get(**f).is_some());
        firsts.count() + self.rows.len()
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
        assert_eq!(errors.first(), Some(Place::first(Field::Email)));
        errors.set(Field::Email, None);
        assert_eq!(errors, FieldErrors::default());
        assert_eq!(Field::ContactManager.input_name(), "contactManager");
    }

    #[test]
    fn row_errors_come_in_form_order_and_move_up_when_a_row_goes() {
        let phone2 = Place {
            field: Field::Phone,
            row: 1,
        };
        let email3 = Place {
            field: Field::Email,
            row: 2,
        };
        let mut errors = FieldErrors::default();
        errors.set_at(phone2, Some(FieldError::PhoneLength));
        errors.set_at(email3, Some(FieldError::AlreadyListed));
        errors.set(Field::Phone, Some(FieldError::PhoneCountryCode));
        assert_eq!(errors.count(), 3);
        assert_eq!(errors.first(), Some(email3), "Email 3 comes before Phone");
        assert_eq!(errors.at(phone2), Some(&FieldError::PhoneLength));

        errors.row_removed(Field::Email, 1);
        let email2 = Place { row: 1, ..email3 };
        assert_eq!(errors.at(email2), Some(&FieldError::AlreadyListed));
        assert_eq!(errors.at(email3), None);
        errors.row_removed(Field::Email, 1);
        assert_eq!(errors.at(email2), None);
        assert_eq!(errors.first(), Some(Place::first(Field::Phone)));
        assert_eq!(phone2.input_name(), "phone-2");
        assert_eq!(Place::first(Field::Phone).input_name(), "phone");
        errors.set_at(phone2, None);
        assert_eq!(errors.count(), 1);
    }
}
