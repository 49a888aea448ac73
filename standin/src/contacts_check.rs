//! The JSON-schema check of the 7.x contacts routes, as Rocket.Chat's ajv (with `coerceTypes`)
//! reports it: the first failure's message with ` [invalid-params]`, 400, `errorType`
//! `invalid-params`.

use crate::http::reply;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

/// What a property must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string (numbers and booleans are coerced, as ajv's `coerceTypes` does).
    Str,
    /// A non-empty string.
    NonEmpty,
    /// An array of unique strings.
    Strings,
    /// An object.
    Object,
    /// A boolean (`"true"`/`"false"` coerced).
    Bool,
    /// A number (`"10"` coerced), as the paging's `count` and `offset`.
    Number,
}

/// One schema: its properties (no others allowed) and which are required.
pub struct Schema {
    /// Allowed properties.
    pub props: &'static [(&'static str, Kind)],
    /// Required properties, in the order ajv reports them.
    pub required: &'static [&'static str],
}

/// `POST omnichannel/contacts`.
pub const CREATE: Schema = Schema {
    props: &[
        ("name", Kind::Str),
        ("emails", Kind::Strings),
        ("phones", Kind::Strings),
        ("customFields", Kind::Object),
        ("contactManager", Kind::Str),
    ],
    required: &["name", "emails", "phones"],
};

/// `POST omnichannel/contacts.update`.
pub const UPDATE: Schema = Schema {
    props: &[
        ("contactId", Kind::Str),
        ("name", Kind::Str),
        ("emails", Kind::Strings),
        ("phones", Kind::Strings),
        ("customFields", Kind::Object),
        ("contactManager", Kind::Str),
        ("wipeConflicts", Kind::Bool),
    ],
    required: &["contactId"],
};

/// `POST omnichannel/contacts.conflicts` (7.7+).
pub const CONFLICTS: Schema = Schema {
    props: &[
        ("contactId", Kind::Str),
        ("name", Kind::Str),
        ("contactManager", Kind::Str),
        ("customFields", Kind::Object),
        ("wipeConflicts", Kind::Bool),
    ],
    required: &["contactId"],
};

/// `POST omnichannel/contacts.delete`.
pub const DELETE: Schema = Schema {
    props: &[("contactId", Kind::NonEmpty)],
    required: &["contactId"],
};

/// `GET omnichannel/contacts.get`.
pub const GET: Schema = Schema {
    props: &[("contactId", Kind::NonEmpty)],
    required: &["contactId"],
};

/// `contacts.search`'s query (7.1+): `unknown` a boolean, only `true` and `false` coerced.
pub const SEARCH: Schema = Schema {
    props: &[
        ("count", Kind::Number),
        ("offset", Kind::Number),
        ("sort", Kind::Str),
        ("searchText", Kind::Str),
        ("unknown", Kind::Bool),
    ],
    required: &[],
};

/// `contacts.history`'s query.
pub const HISTORY: Schema = Schema {
    props: &[
        ("contactId", Kind::Str),
        ("source", Kind::Str),
        ("count", Kind::Number),
        ("offset", Kind::Number),
        ("sort", Kind::Str),
    ],
    required: &["contactId"],
};
/// `contacts.channels`'s query.
pub const CHANNELS: Schema = Schema {
    props: &[("contactId", Kind::Str)],
    required: &["contactId"],
};
/// `livechat/:rid/messages`' query.
pub const MESSAGES: Schema = Schema {
    props: &[
        ("count", Kind::Number),
        ("offset", Kind::Number),
        ("sort", Kind::Str),
        ("searchTerm", Kind::Str),
    ],
    required: &[],
};

/// The 400 of a failed check.
pub fn invalid(message: &str) -> Response {
    reply(
        StatusCode::BAD_REQUEST,
        json!({
            "success": false,
            "error": format!("{message} [invalid-params]"),
            "errorType": "invalid-params",
        }),
    )
}

/// Checks (and coerces in place) `value` against `schema`; the ajv message of the first failure.
pub fn check(value: &mut Value, schema: &Schema) -> Result<(), String> {
    let Some(map) = value.as_object_mut() else {
        return Err("must be object".into());
    };
    if let Some(missing) = schema.required.iter().find(|r| !map.contains_key(**r)) {
        return Err(format!("must have required property '{missing}'"));
    }
    if map
        .keys()
        .any(|k| !schema.props.iter().any(|(name, _)| name == k))
    {
        return Err("must NOT have additional properties".into());
    }
    for (name, kind) in schema.props {
        if let Some(v) = map.get_mut(*name) {
            check_value(v, *kind)?;
        }
    }
    Ok(())
}

fn coerce_str(value: &mut Value) -> Result<(), String> {
    let text = match value {
        Value::String(_) => return Ok(()),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        _ => return Err("must be string".into()),
    };
    *value = Value::String(text);
    Ok(())
}

/// Checks (and coerces in place) one value as `kind`; the ajv message when it fails.
pub fn check_value(value: &mut Value, kind: Kind) -> Result<(), String> {
    match kind {
        Kind::Str => coerce_str(value),
        Kind::NonEmpty => {
            coerce_str(value)?;
            match value.as_str() {
                Some("") => Err("must NOT have fewer than 1 characters".into()),
                _ => Ok(()),
            }
        }
        Kind::Strings => {
            let Value::Array(items) = value else {
                return Err("must be array".into());
            };
            for item in items.iter_mut() {
                coerce_str(item)?;
            }
            for (j, item) in items.iter().enumerate() {
                if let Some(i) = items[..j].iter().position(|earlier| earlier == item) {
                    return Err(format!(
                        "must NOT have duplicate items (items ## {j} and {i} are identical)"
                    ));
                }
            }
            Ok(())
        }
        Kind::Object => match value {
            Value::Object(_) => Ok(()),
            _ => Err("must be object".into()),
        },
        Kind::Number => {
            let n = match value {
                Value::Number(_) => return Ok(()),
                Value::String(s) => s
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|_| !s.trim().is_empty()),
                _ => None,
            };
            match n.and_then(serde_json::Number::from_f64) {
                Some(n) => {
                    *value = Value::Number(n);
                    Ok(())
                }
                None => Err("must be number".into()),
            }
        }
        Kind::Bool => {
            let b = match value {
                Value::Bool(_) => return Ok(()),
                Value::String(s) if s == "true" => true,
                Value::String(s) if s == "false" => false,
                _ => return Err("must be boolean".into()),
            };
            *value = Value::Bool(b);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ajv_messages_as_rocket_chat_tests_expect() {
        let run = |v: Value| check(&mut v.clone(), &CREATE).err();
        assert_eq!(
            run(json!({"emails": [], "phones": []})).as_deref(),
            Some("must have required property 'name'")
        );
        assert_eq!(
            run(json!({"name": "a", "phones": []})).as_deref(),
            Some("must have required property 'emails'")
        );
        assert_eq!(
            run(json!({"name": "a", "emails": "x", "phones": []})).as_deref(),
            Some("must be array")
        );
        assert_eq!(
            run(json!({"name": "a", "emails": [{}], "phones": []})).as_deref(),
            Some("must be string")
        );
        assert_eq!(
            run(json!({"name": "a", "emails": [], "phones": [], "x": 1})).as_deref(),
            Some("must NOT have additional properties")
        );
        assert_eq!(
            run(json!({"name": "a", "emails": ["e", "e"], "phones": []})).as_deref(),
            Some("must NOT have duplicate items (items ## 1 and 0 are identical)")
        );
        let mut coerced = json!({"name": 5, "emails": [], "phones": [123]});
        assert_eq!(check(&mut coerced, &CREATE), Ok(()));
        assert_eq!(
            coerced,
            json!({"name": "5", "emails": [], "phones": ["123"]})
        );
    }
}
