//! Who is saving: the user's Rocket.Chat login token and user id.

/// A user's Rocket.Chat credentials, sent as `X-Auth-Token` and `X-User-Id`.
/// A personal access token works here exactly like a login token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The user's id (`X-User-Id`).
    pub user_id: String,
    /// A login or personal access token (`X-Auth-Token`).
    pub auth_token: String,
}

// Hand-written so that a token never lands in a log through `{:?}`.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Credentials {{ user_id: {:?}, auth_token: <hidden> }}",
            self.user_id
        )
    }
}

impl Credentials {
    /// Both values, when both are present and not blank.
    pub fn new(user_id: Option<String>, auth_token: Option<String>) -> Option<Self> {
        let user_id = user_id?.trim().to_owned();
        let auth_token = auth_token?.trim().to_owned();
        (!user_id.is_empty() && !auth_token.is_empty()).then_some(Credentials {
            user_id,
            auth_token,
        })
    }

    /// The form kept in session storage: the id, a line break, the token.
    pub fn encode(&self) -> String {
        format!("{}\n{}", self.user_id, self.auth_token)
    }

    /// Reads [`Credentials::encode`]'s form; anything else (corrupt storage) is `None`.
    pub fn decode(stored: &str) -> Option<Self> {
        let (id, token) = stored.split_once('\n')?;
        if token.contains('\n') {
            return None;
        }
        Self::new(Some(id.into()), Some(token.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_need_both_values() {
        assert!(Credentials::new(Some("u".into()), None).is_none());
        assert!(Credentials::new(Some(" ".into()), Some("t".into())).is_none());
        let c = Credentials::new(Some(" u1 ".into()), Some("s3cr3t".into())).unwrap();
        assert_eq!(
            (c.user_id.as_str(), c.auth_token.as_str()),
            ("u1", "s3cr3t")
        );
        assert!(!format!("{c:?}").contains("s3cr3t"));
    }

    #[test]
    fn storage_form_round_trips_and_rejects_corruption() {
        let c = Credentials::new(Some("uid".into()), Some("a-B_c=".into())).unwrap();
        assert_eq!(Credentials::decode(&c.encode()), Some(c));
        for bad in ["", "uid", "uid\n", "\ntoken", "a\nb\nc", "{\"userId\":1}"] {
            assert_eq!(Credentials::decode(bad), None, "{bad:?}");
        }
    }
}
