//! The contact token: made once per new contact, remembered so the same contact can be updated.

/// How many random bytes make a contact token (as Rocket.Chat's own form does).
pub const TOKEN_BYTES: usize = 16;

/// Formats random bytes as a token: 32 lower-case hex characters. The bytes come from the
/// caller (the browser's `crypto.getRandomValues`), so this stays plain Rust.
pub fn token_from_bytes(bytes: &[u8; TOKEN_BYTES]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// Whether a stored value is a token this widget could have written.
pub fn is_token(value: &str) -> bool {
    value.len() == TOKEN_BYTES * 2
        && value
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// What is remembered about the contact being edited: its token and, once known, its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredContact {
    /// The contact's token (32 hex characters).
    pub token: String,
    /// The id Rocket.Chat gave the contact.
    pub contact_id: Option<String>,
}

impl StoredContact {
    /// The stored form: the token, then a space and the id when there is one.
    pub fn encode(&self) -> String {
        match &self.contact_id {
            Some(id) => format!("{} {id}", self.token),
            None => self.token.clone(),
        }
    }

    /// Reads [`StoredContact::encode`]'s form; corrupt data is `None` and is ignored.
    pub fn decode(stored: &str) -> Option<Self> {
        let (token, id) = match stored.split_once(' ') {
            Some((token, id)) => (token, Some(id)),
            None => (stored, None),
        };
        let id_ok = |id: &&str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric());
        if !is_token(token) || id.is_some_and(|id| !id_ok(&id)) {
            return None;
        }
        Some(StoredContact {
            token: token.to_owned(),
            contact_id: id.map(str::to_owned),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_is_32_lower_case_hex_characters() {
        let mut bytes = [0u8; TOKEN_BYTES];
        bytes[0] = 0xab;
        bytes[15] = 0x0f;
        let token = token_from_bytes(&bytes);
        assert_eq!(token, "ab00000000000000000000000000000f");
        assert!(is_token(&token));
        assert_eq!(token_from_bytes(&[0xff; TOKEN_BYTES]), "f".repeat(32));
    }

    #[test]
    fn corrupt_stored_tokens_are_recognised() {
        assert!(!is_token(""));
        assert!(!is_token(&"A".repeat(32)));
        assert!(!is_token(&"a".repeat(31)));
        assert!(!is_token(&"g".repeat(32)));
        assert!(!is_token("{\"token\":\"0123\"}"));
    }

    #[test]
    fn stored_contact_round_trips_and_ignores_corruption() {
        let token = "0123456789abcdef0123456789abcdef".to_string();
        for contact_id in [None, Some("65f0c0ffee0123456789abcd".to_string())] {
            let stored = StoredContact {
                token: token.clone(),
                contact_id,
            };
            assert_eq!(StoredContact::decode(&stored.encode()), Some(stored));
        }
        for bad in [
            "",
            "not a token",
            "0123456789abcdef0123456789abcdef ",
            "0123456789abcdef0123456789abcdef id with spaces",
            "0123456789abcdef0123456789abcdef <script>",
            "{\"token\":\"0123456789abcdef0123456789abcdef\"}",
        ] {
            assert_eq!(StoredContact::decode(bad), None, "{bad:?}");
        }
    }
}
