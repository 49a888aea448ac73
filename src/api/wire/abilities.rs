//! What the three answers that say what a user may do hold: `licenses.info`'s active modules,
//! `me`'s global roles and `permissions.listAll`'s records (only those the widget asks about
//! are kept: there are several hundred).

use super::answer::Answer;
use super::shapes::{items, JsonObject};
use crate::domain::abilities::Granted;

/// `GET licenses.info`: `{"license": {"activeModules": [...]}}` (empty without a licence).
pub fn modules(answer: &Answer) -> Option<Vec<String>> {
    JsonObject::of(&answer.license)?
        .member("activeModules")?
        .names()
}

/// `GET me`: the user's global roles, `{"roles": [...]}`.
pub fn roles(answer: &Answer) -> Option<Vec<String>> {
    answer.roles.names()
}

/// `GET permissions.listAll`: `{"update": [{"_id", "roles"}, ...]}`, the records of the
/// permissions `wanted`.
pub fn granted(answer: &Answer, wanted: &[&str]) -> Option<Vec<Granted>> {
    items(&answer.update, |r| {
        let id = r.text("_id").filter(|id| wanted.contains(&id.as_str()))?;
        Some(Granted {
            id,
            // No roles listed: held by nobody.
            roles: match r.member("roles") {
                Some(roles) => roles.names()?,
                None => Vec::new(),
            },
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> Answer {
        super::super::answer(body).1
    }

    #[test]
    fn modules_roles_and_the_records_asked_about() {
        let licence = read(
            r#"{"license":{"activeModules":["livechat-enterprise","contact-id-verification"],
               "tags":[]},"success":true}"#,
        );
        assert_eq!(
            modules(&licence).unwrap(),
            ["livechat-enterprise", "contact-id-verification"]
        );
        let none = read(r#"{"license":{"activeModules":[],"tags":[]},"success":true}"#);
        assert_eq!(modules(&none).unwrap(), Vec::<String>::new());
        assert_eq!(modules(&read(r#"{"success":true}"#)), None);

        let me = read(r#"{"_id":"a1","username":"agent.one","roles":["user","livechat-agent"]}"#);
        assert_eq!(roles(&me).unwrap(), ["user", "livechat-agent"]);

        let listed = read(
            r#"{"update":[{"_id":"view-livechat-contact","roles":["admin"]},
               {"_id":"delete-livechat-contact","roles":["admin","livechat-manager"],"_updatedAt":"x"},
               {"_id":"block-livechat-contact"}],"remove":[],"success":true}"#,
        );
        let got = granted(
            &listed,
            &["delete-livechat-contact", "block-livechat-contact"],
        )
        .unwrap();
        assert_eq!(got.len(), 2, "only those asked about: {got:?}");
        assert_eq!(got[0].roles, ["admin", "livechat-manager"]);
        assert!(got[1].roles.is_empty(), "a record without roles: nobody");
    }
}
