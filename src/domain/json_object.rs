//! A JSON object read member by member: each member kept as the JSON text it was sent as until
//! the reader asks for it as the shape it needs. One reader type serves every object read this
//! way (a stored draft, a contact record, chats, messages, channels): a derived struct per
//! shape would cost the download its own parsing code each. A member of another shape than
//! asked is `None`, never a panic.

use crate::domain::pairs::Pairs;
use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Reads a whole JSON text as `T`; `None` when it is not JSON or not of that shape.
pub fn read<T: DeserializeOwned>(body: &str) -> Option<T> {
    serde_json::from_str(body).ok()
}

/// A value as the JSON text it was sent as.
pub fn raw<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<RawValue>, D::Error> {
    Box::<RawValue>::deserialize(deserializer)
}

/// A member that is `T` when it has `T`'s shape, and nothing otherwise: used where a member of
/// another shape must not make the whole answer unreadable (an error's `details`, an entry of a
/// list that is skipped rather than failing the list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lenient<T>(pub Option<T>);

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Lenient(None)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Lenient(read(raw(deserializer)?.get())))
    }
}

/// Collects the entries of a list that have `T`'s shape.
pub fn entries<T>(list: Vec<Lenient<T>>) -> impl Iterator<Item = T> {
    list.into_iter().filter_map(|e| e.0)
}

/// A member kept as the JSON text it was sent as, `null` included, for the call that reads it
/// (absent: `None`). An answer is read once; each call then reads only its own member.
#[derive(Debug, Default)]
pub struct Member(pub Option<Box<RawValue>>);

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        raw(deserializer).map(|raw| Member(Some(raw)))
    }
}

impl Member {
    /// The member read as `T`; `None` when absent or of another shape.
    pub fn read<T: DeserializeOwned>(&self) -> Option<T> {
        read(self.0.as_ref()?.get())
    }

    /// The member as a whole number (`23`; not `-1`, `2.5` or `1e3`), read from its text: a
    /// number read through serde_json would link its float parser (and its tables) for the
    /// error it gives a fraction.
    pub fn count(&self) -> Option<u64> {
        self.0.as_ref()?.get().parse().ok()
    }

    /// The member as a list of plain names (roles, licence modules: `["user","livechat-agent"]`),
    /// read from its text as `count` is: serde's list reader for strings would cost the first
    /// download its own code for three short lists. `None` when it is no list of strings, or a
    /// string in it has an escape (no name has one).
    pub fn names(&self) -> Option<Vec<String>> {
        let text = self.0.as_ref()?.get().trim();
        let inner = text.strip_prefix('[')?.strip_suffix(']')?;
        let pieces: Vec<&str> = inner.split('"').collect();
        let last = pieces.len() - 1;
        let mut names = Vec::new();
        for (i, piece) in pieces.into_iter().enumerate() {
            // Between strings: only a comma; before the first and after the last, nothing.
            let between = piece.trim();
            let fits = match i {
                _ if i % 2 == 1 => !piece.contains('\\'),
                0 => between.is_empty(),
                _ if i == last => between.is_empty(),
                _ => between == ",",
            };
            if !fits {
                return None;
            }
            if i % 2 == 1 {
                names.push(piece.to_owned());
            }
        }
        Some(names)
    }

    /// Whether the member is there and `null`.
    pub fn is_null(&self) -> bool {
        self.0.as_ref().is_some_and(|raw| raw.get() == "null")
    }
}

/// An object whose members are kept raw until read: one reader type serves every shape read
/// this way (records, chats, messages, channels), where a derived struct per shape would cost
/// the download its own parsing code each.
pub struct JsonObject(pub Pairs<Member>);

impl JsonObject {
    /// `member`'s object, when it is one.
    pub fn of(member: &Member) -> Option<JsonObject> {
        member.read().map(JsonObject)
    }

    /// The member `key` (the first given).
    pub fn member(&self, key: &str) -> Option<&Member> {
        self.0 .0.iter().find(|(k, _)| k == key).map(|(_, m)| m)
    }

    /// The first of the members `keys` there is.
    fn first(&self, keys: &[&str]) -> Option<&Member> {
        keys.iter().find_map(|key| self.member(key))
    }

    /// The first of the members `keys` there is, read as `T` as a derived field reads it:
    /// absent is `T`'s default, and one of another shape is `None` (the object is not read).
    pub fn field<T: DeserializeOwned + Default>(&self, keys: &[&str]) -> Option<T> {
        match self.first(keys) {
            Some(member) => member.read(),
            None => Some(T::default()),
        }
    }

    /// The items of the first of the lists `keys` there is, read by `item` (see [`items`]): a
    /// missing or `null` list has none, and one of another shape is `None`.
    pub fn list<T>(&self, keys: &[&str], item: impl Fn(JsonObject) -> Option<T>) -> Option<Vec<T>> {
        match self.first(keys) {
            Some(list) if !list.is_null() => items(list, item),
            _ => Some(Vec::new()),
        }
    }

    /// The member `key` as text, when it is text.
    pub fn text(&self, key: &str) -> Option<String> {
        self.member(key)?.read()
    }

    /// The member `key` as an object.
    pub fn object(&self, key: &str) -> Option<JsonObject> {
        JsonObject::of(self.member(key)?)
    }

    /// Whether the member `key` is `true`.
    pub fn yes(&self, key: &str) -> bool {
        self.member(key)
            .and_then(|m| m.0.as_ref())
            .is_some_and(|raw| raw.get() == "true")
    }
}

/// The items of `list` that are objects, read by `item` (an item it cannot read is skipped);
/// `None` when `list` is no list.
pub fn items<T>(list: &Member, item: impl Fn(JsonObject) -> Option<T>) -> Option<Vec<T>> {
    let listed: Vec<Lenient<Pairs<Member>>> = list.read()?;
    Some(
        entries(listed)
            .filter_map(|pairs| item(JsonObject(pairs)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(text: &str) -> JsonObject {
        JsonObject(read(text).expect("an object"))
    }

    #[test]
    fn names_are_a_list_of_plain_strings_and_nothing_else() {
        let names = |text: &str| {
            let whole = format!(r#"{{"m":{text}}}"#);
            let object = JsonObject(read(&whole).unwrap_or_else(|| panic!("{whole}")));
            object.member("m").unwrap().names()
        };
        assert_eq!(
            names(r#"[ "user" , "livechat-agent" ]"#).unwrap(),
            ["user", "livechat-agent"]
        );
        assert_eq!(names("[]").unwrap(), Vec::<String>::new());
        assert_eq!(names(r#"["a,b"]"#).unwrap(), ["a,b"]);
        for other in [
            r#""user""#,
            "[1]",
            r#"["a",1]"#,
            r#"["a\"b"]"#,
            "null",
            "{}",
            r#"[["a"]]"#,
        ] {
            assert_eq!(names(other), None, "{other}");
        }
    }

    #[test]
    fn a_count_is_a_whole_number_and_nothing_else() {
        let o = object(
            r#"{"n":23,"big":18446744073709551615,"f":2.5,"e":1e3,"m":-1,"s":"23","z":null}"#,
        );
        let count = |key| o.member(key).and_then(Member::count);
        assert_eq!((count("n"), count("big")), (Some(23), Some(u64::MAX)));
        for key in ["f", "e", "m", "s", "z", "absent"] {
            assert_eq!(count(key), None, "{key}");
        }
    }

    #[test]
    fn a_field_reads_as_a_derived_one_would() {
        let o = object(r#"{"a":"x","n":null,"w":5,"list":["p","q"],"t":true}"#);
        assert_eq!(o.field::<Option<String>>(&["a"]), Some(Some("x".into())));
        assert_eq!(
            o.field::<Option<String>>(&["n"]),
            Some(None),
            "null is none"
        );
        assert_eq!(
            o.field::<Option<String>>(&["gone"]),
            Some(None),
            "absent is the default"
        );
        assert_eq!(
            o.field::<Option<String>>(&["w"]),
            None,
            "another shape fails the object"
        );
        assert_eq!(
            o.field::<Vec<String>>(&["gone", "list"]),
            Some(vec!["p".into(), "q".into()])
        );
        assert!(o.yes("t") && !o.yes("a") && !o.yes("gone"));
        assert!(o.member("n").is_some_and(Member::is_null) && !o.member("a").unwrap().is_null());
    }
}
