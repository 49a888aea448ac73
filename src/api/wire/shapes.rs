//! What Rocket.Chat sends in more than one shape, read without `deserialize_any`: each is taken
//! as raw JSON text first (serde_json skips it without recursion, however deep it nests) and
//! then read as the shape its first character names. So no number is ever parsed as a float,
//! and serde_json's float parser and Rust's float formatter stay out of the build.

use crate::domain::json_object::raw;
pub use crate::domain::json_object::{entries, items, read, JsonObject, Lenient, Member};
use crate::domain::pairs::Pairs;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// A JSON object read as `T`: a struct would also take an array, whose items serde reads as
/// its fields in order, and an answer that is not an object is not Rocket.Chat's.
#[derive(Debug)]
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Members<T> {
            type Value = Object<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Object)
            }
        }

        deserializer.deserialize_map(Members(PhantomData))
    }
}

/// A custom field's value as the form shows it: a string as it is, a number or a boolean as
/// written (`5`, `1.50`, `true`); `null` is no value. Anything else is kept as its JSON text,
/// so that an update sends back what it cannot show rather than dropping it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldValue(pub Option<String>);

impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = raw(deserializer)?;
        let text = raw.get();
        Ok(FieldValue(match text.as_bytes().first() {
            Some(b'"') => read(text),
            Some(b'n') => None,
            _ => Some(text.to_owned()),
        }))
    }
}

/// A record's custom fields (`livechatData`, `customFields`): text by field id, in the
/// server's order; a `null` field, or a record without the object, has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldValues(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for FieldValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let pairs = Option::<Pairs<FieldValue>>::deserialize(deserializer)?.unwrap_or_default();
        let values = pairs.0.into_iter().filter_map(|(k, v)| Some((k, v.0?)));
        Ok(FieldValues(values.collect()))
    }
}

/// A contact manager as a record names it: a user id (a Contact Center contact), or a user
/// object `{_id, username, name}` (a legacy visitor's `{username}`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManagerRef {
    /// The user's id, when given.
    pub id: Option<String>,
    /// The user's username, when given.
    pub username: Option<String>,
}

/// A user as Rocket.Chat lists one: a contact manager object, an agent.
#[derive(Deserialize)]
pub struct User {
    /// The user id.
    #[serde(rename = "_id")]
    pub id: Option<String>,
    /// The username.
    pub username: Option<String>,
    /// The display name.
    pub name: Option<String>,
}

impl<'de> Deserialize<'de> for ManagerRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = raw(deserializer)?;
        let text = raw.get();
        let blank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        match text.as_bytes().first() {
            Some(b'"') => Ok(ManagerRef {
                id: blank(read(text)),
                username: None,
            }),
            Some(b'{') => {
                let object: User = read(text).ok_or_else(|| shape("a user"))?;
                Ok(ManagerRef {
                    id: blank(object.id),
                    username: blank(object.username),
                })
            }
            Some(b'n') => Ok(ManagerRef::default()),
            _ => Err(shape("a user id or a user")),
        }
    }
}

fn shape<E: de::Error>(expected: &str) -> E {
    E::custom(format_args!("expected {expected}"))
}

/// For a member that must be there, though it may be `null` (`{"contact": null}` means no
/// such contact; an answer without `contact` is not Rocket.Chat's). serde would read a missing
/// `Option` as `None`; with this as `deserialize_with` a missing member fails the answer.
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(deserializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Record {
        #[serde(default)]
        values: FieldValues,
        #[serde(default)]
        manager: Option<ManagerRef>,
    }

    fn record(text: &str) -> Option<Record> {
        read::<Record>(text)
    }

    #[test]
    fn a_custom_field_value_of_every_shape() {
        let r = record(
            r#"{"values":{"s":"text","n":5,"f":-1.50e3,"b":true,"z":null,"o":{"a":[1]},"e":""}}"#,
        )
        .unwrap();
        assert_eq!(
            r.values.0,
            [
                ("s".to_owned(), "text".to_owned()),
                ("n".to_owned(), "5".to_owned()),
                ("f".to_owned(), "-1.50e3".to_owned()),
                ("b".to_owned(), "true".to_owned()),
                ("o".to_owned(), r#"{"a":[1]}"#.to_owned()),
                ("e".to_owned(), String::new()),
            ],
            "null is no value; numbers keep their text"
        );
        assert_eq!(record(r#"{"values":null}"#).unwrap().values.0, []);
        assert_eq!(record("{}").unwrap().values.0, []);
        assert!(record(r#"{"values":[]}"#).is_none());
    }

    #[test]
    fn a_manager_as_an_id_or_as_a_user() {
        let manager = |text: &str| record(text).and_then(|r| r.manager);
        assert_eq!(
            manager(r#"{"manager":"agentOne000000001"}"#),
            Some(ManagerRef {
                id: Some("agentOne000000001".into()),
                username: None
            })
        );
        assert_eq!(
            manager(r#"{"manager":{"_id":"a1","username":"agent.one","name":"Agent One"}}"#),
            Some(ManagerRef {
                id: Some("a1".into()),
                username: Some("agent.one".into())
            })
        );
        assert_eq!(
            manager(r#"{"manager":{"username":"agent.two"}}"#)
                .unwrap()
                .username,
            Some("agent.two".into())
        );
        assert_eq!(manager(r#"{"manager":""}"#), Some(ManagerRef::default()));
        assert_eq!(manager(r#"{"manager":null}"#), None);
        assert!(record(r#"{"manager":5}"#).is_none());
        assert!(record(r#"{"manager":{"username":5}}"#).is_none());
    }

    #[test]
    fn lenient_members_and_objects_only() {
        #[derive(Deserialize)]
        struct Listed {
            list: Vec<Lenient<User>>,
        }
        let listed = read::<Listed>(r#"{"list":[{"username":"a"},7,{"username":[]},null]}"#);
        let names: Vec<_> = entries(listed.unwrap().list).map(|m| m.username).collect();
        assert_eq!(
            names,
            [Some("a".to_owned())],
            "the entries of other shapes are skipped"
        );
        assert!(read::<Object<User>>(r#"["a1","agent.one","Agent One"]"#).is_none());
        assert!(
            read::<User>(r#"["a1","agent.one","Agent One"]"#).is_some(),
            "what Object is for"
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let lenient = read::<Lenient<User>>(&deep).unwrap();
        assert_eq!(
            lenient.0.map(|m| m.username),
            None,
            "skipped, not overflowed"
        );
    }
}
