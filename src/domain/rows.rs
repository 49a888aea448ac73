//! A Contact Center contact's further emails and phones ("Email 2", "Phone 3", …): each row is
//! checked like the field's first, empty rows are dropped, and a value listed twice is refused
//! under the later row, since the server would keep both.

use crate::domain::field::{Field, FieldError, Place};

/// Checks rows 1 and on of `field` (`typed`, as typed). `first` is the first row's value as it
/// will be sent, when it is valid; `kept(raw)` says a row still holds a stored value, which goes
/// back exactly as stored; `check` is the field's rule. Gives the values to send, in order, or
/// every row's error.
pub fn check_rows(
    field: Field,
    first: Option<&str>,
    typed: &[String],
    kept: impl Fn(&str) -> bool,
    check: impl Fn(&str) -> Result<Option<String>, FieldError>,
) -> Result<Vec<String>, Vec<(Place, FieldError)>> {
    let mut values: Vec<String> = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in typed.iter().enumerate() {
        let place = Place { field, row: i + 1 };
        let value = if kept(raw) {
            Ok(Some(raw.clone()))
        } else {
            check(raw)
        };
        match value {
            Ok(None) => {}
            Ok(Some(v)) if first == Some(v.as_str()) || values.contains(&v) => {
                errors.push((place, FieldError::AlreadyListed));
            }
            Ok(Some(v)) => values.push(v),
            Err(e) => errors.push((place, e)),
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::phone::phone;

    /// A stand-in for the email rule: trimmed and lower-cased; without an `@` it is refused.
    fn email(raw: &str) -> Result<Option<String>, FieldError> {
        match raw.trim() {
            "" => Ok(None),
            v if v.contains('@') => Ok(Some(v.to_lowercase())),
            _ => Err(FieldError::EmailShape),
        }
    }

    fn rows(typed: &[&str]) -> Vec<String> {
        typed.iter().map(|s| s.to_string()).collect()
    }

    fn place(row: usize) -> Place {
        Place {
            field: Field::Email,
            row,
        }
    }

    #[test]
    fn rows_are_checked_normalised_and_empty_ones_dropped() {
        let typed = rows(&[" B@X.co", "", "  ", "c@x.co"]);
        let checked = check_rows(Field::Email, Some("a@x.co"), &typed, |_| false, email);
        assert_eq!(checked, Ok(vec!["b@x.co".into(), "c@x.co".into()]));
    }

    #[test]
    fn a_value_listed_twice_is_refused_under_the_later_row() {
        let typed = rows(&["A@x.co", "b@x.co", "nope", "B@X.CO"]);
        let checked = check_rows(Field::Email, Some("a@x.co"), &typed, |_| false, email);
        assert_eq!(
            checked,
            Err(vec![
                (place(1), FieldError::AlreadyListed),
                (place(3), FieldError::EmailShape),
                (place(4), FieldError::AlreadyListed),
            ])
        );
    }

    #[test]
    fn a_stored_value_goes_back_as_stored_and_phones_compare_normalised() {
        let typed = rows(&["12345", "+44 20 7946 0958", "+442079460958"]);
        let checked = check_rows(Field::Phone, None, &typed, |raw| raw == "12345", phone);
        let phone4 = Place {
            field: Field::Phone,
            row: 3,
        };
        assert_eq!(checked, Err(vec![(phone4, FieldError::AlreadyListed)]));
        let checked = check_rows(Field::Phone, None, &typed[..2], |raw| raw == "12345", phone);
        assert_eq!(checked, Ok(vec!["12345".into(), "+442079460958".into()]));
    }
}
