//! Meteor's `check()` as Rocket.Chat applies it to request bodies and queries: the same order
//! (the value's keys in their order, then missing required keys in the pattern's order) and the
//! same texts, e.g. `Match error: Unknown key in field contactManager.x`.

use serde_json::{Map, Value};

/// What a key must hold.
#[derive(Debug, Clone, Copy)]
pub enum Pattern {
    /// A string.
    Str,
    /// A plain object (Meteor's `Object`).
    PlainObject,
    /// Exactly `{username: String}`.
    Manager,
}

/// A key of an object pattern.
pub struct Key {
    /// The key.
    pub name: &'static str,
    /// What it must hold.
    pub pattern: Pattern,
    /// Whether it must be present.
    pub required: bool,
}

const fn key(name: &'static str, pattern: Pattern, required: bool) -> Key {
    Key {
        name,
        pattern,
        required,
    }
}

/// `GET omnichannel/contact`'s query.
pub const CONTACT_QUERY: [Key; 1] = [Key {
    name: "contactId",
    pattern: Pattern::Str,
    required: true,
}];
/// `GET omnichannel/contact.search`'s query.
pub const SEARCH_QUERY: [Key; 3] = [
    Key {
        name: "email",
        pattern: Pattern::Str,
        required: false,
    },
    Key {
        name: "phone",
        pattern: Pattern::Str,
        required: false,
    },
    Key {
        name: "custom",
        pattern: Pattern::Str,
        required: false,
    },
];

/// The body pattern of `POST /api/v1/omnichannel/contact`.
pub const CONTACT_BODY: [Key; 8] = [
    key("token", Pattern::Str, true),
    key("name", Pattern::Str, true),
    key("email", Pattern::Str, false),
    key("phone", Pattern::Str, false),
    key("username", Pattern::Str, false),
    key("customFields", Pattern::PlainObject, false),
    key("contactManager", Pattern::Manager, false),
    key("_id", Pattern::Str, false),
];

const MANAGER: [Key; 1] = [key("username", Pattern::Str, true)];

struct Failure {
    message: String,
    path: String,
}

/// Checks `value` against an object pattern; `Err` holds Rocket.Chat's whole error text.
pub fn check_object(value: &Value, keys: &[Key]) -> Result<(), String> {
    object(value, keys).map_err(|f| {
        if f.path.is_empty() {
            format!("Match error: {}", f.message)
        } else {
            format!("Match error: {} in field {}", f.message, f.path)
        }
    })
}

/// Checks a query string: every key a string, no unknown key, required ones present.
pub fn check_query(query: &Map<String, Value>, keys: &[Key]) -> Result<(), String> {
    check_object(&Value::Object(query.clone()), keys)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) | Value::Object(_) => "object",
    }
}

fn prepend(key: &str, mut failure: Failure) -> Failure {
    failure.path = if failure.path.is_empty() {
        key.to_owned()
    } else {
        format!("{key}.{}", failure.path)
    };
    failure
}

fn object(value: &Value, keys: &[Key]) -> Result<(), Failure> {
    let fail = |message: String| Failure {
        message,
        path: String::new(),
    };
    let map = match value {
        Value::Object(map) => map,
        Value::Array(_) => return Err(fail("Expected object, got array".into())),
        other => return Err(fail(format!("Expected object, got {}", type_name(other)))),
    };
    for (name, sub) in map {
        let Some(k) = keys.iter().find(|k| k.name == name) else {
            return Err(Failure {
                message: "Unknown key".into(),
                path: name.clone(),
            });
        };
        subtree(sub, k.pattern).map_err(|f| prepend(name, f))?;
    }
    if let Some(missing) = keys
        .iter()
        .find(|k| k.required && !map.contains_key(k.name))
    {
        return Err(fail(format!("Missing key '{}'", missing.name)));
    }
    Ok(())
}

fn subtree(value: &Value, pattern: Pattern) -> Result<(), Failure> {
    let fail = |message: String| Failure {
        message,
        path: String::new(),
    };
    match pattern {
        Pattern::Str if value.is_string() => Ok(()),
        Pattern::Str => Err(fail(format!("Expected string, got {}", type_name(value)))),
        Pattern::PlainObject if value.is_object() => Ok(()),
        // Meteor asks `typeof` first: only an array (an object, but not a plain one) gets
        // "Expected plain object"; a string, a number or null gets "Expected object, got …".
        Pattern::PlainObject if value.is_array() => Err(fail("Expected plain object".into())),
        Pattern::PlainObject => Err(fail(format!("Expected object, got {}", type_name(value)))),
        Pattern::Manager => object(value, &MANAGER),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(body: Value) -> Result<(), String> {
        check_object(&body, &CONTACT_BODY)
    }

    #[test]
    fn the_contract_table() {
        let cases = [
            (json!({"name": "A"}), "Match error: Missing key 'token'"),
            (json!({}), "Match error: Missing key 'token'"),
            (json!({"token": "t"}), "Match error: Missing key 'name'"),
            (
                json!({"token": 123, "name": "A"}),
                "Match error: Expected string, got number in field token",
            ),
            (
                json!({"token": "t", "name": "A", "email": null}),
                "Match error: Expected string, got null in field email",
            ),
            (
                json!({"token": "t", "name": "A", "customFields": []}),
                "Match error: Expected plain object in field customFields",
            ),
            (
                json!({"token": "t", "name": "A", "customFields": "x"}),
                "Match error: Expected object, got string in field customFields",
            ),
            (
                json!({"token": "t", "name": "A", "customFields": null}),
                "Match error: Expected object, got null in field customFields",
            ),
            (
                json!({"token": "t", "name": "A", "contactManager": {}}),
                "Match error: Missing key 'username' in field contactManager",
            ),
            (
                json!({"token": "t", "name": "A", "foo": 1}),
                "Match error: Unknown key in field foo",
            ),
            (
                json!({"token": "t", "name": "A", "contactManager": {"username": "u", "x": 1}}),
                "Match error: Unknown key in field contactManager.x",
            ),
        ];
        for (body, text) in cases {
            assert_eq!(check(body.clone()), Err(text.to_owned()), "{body}");
        }
    }

    #[test]
    fn key_order_decides_which_error_wins() {
        // Keys are checked in the body's order; missing keys only after all present ones.
        assert_eq!(
            check(json!({"foo": 1, "token": 5})),
            Err("Match error: Unknown key in field foo".into())
        );
        assert_eq!(
            check(json!({"phone": 5})),
            Err("Match error: Expected string, got number in field phone".into())
        );
        assert_eq!(
            check(json!({"token": true, "name": null})),
            Err("Match error: Expected string, got boolean in field token".into())
        );
    }

    #[test]
    fn valid_bodies_pass() {
        assert_eq!(check(json!({"token": "", "name": ""})), Ok(()));
        let full = json!({"token": "t", "name": "A", "email": "a@b.co", "phone": "+1", "username": "u",
            "customFields": {"x": 1}, "contactManager": {"username": "m"}, "_id": "i"});
        assert_eq!(check(full), Ok(()));
    }

    #[test]
    fn non_objects_are_refused() {
        assert_eq!(
            check(json!([1])),
            Err("Match error: Expected object, got array".into())
        );
        assert_eq!(
            check(json!("x")),
            Err("Match error: Expected object, got string".into())
        );
        assert_eq!(
            check(json!({"token": "t", "name": "A", "contactManager": "m"})),
            Err("Match error: Expected object, got string in field contactManager".into())
        );
    }
}
