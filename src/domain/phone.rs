//! Phone numbers as people type them, normalised to E.164.

use crate::domain::field::{FieldError, PHONE_MAX_DIGITS, PHONE_MIN_DIGITS};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
