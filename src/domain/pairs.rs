//! A JSON object kept as `(key, value)` pairs in the order it was written: custom-field values
//! are shown and sent back in the server's order, which a sorted or hashed map would lose.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// The members of a JSON object, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairs<V>(pub Vec<(String, V)>);

impl<V> Default for Pairs<V> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for Members<V> {
            type Value = Pairs<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }

        deserializer.deserialize_map(Members(PhantomData))
    }
}

/// Writes `pairs` as a JSON object, in order (for `#[serde(serialize_with)]`).
pub fn as_object<S: Serializer>(
    pairs: &[(String, String)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(pairs.len()))?;
    for (key, value) in pairs {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Written<'a>(#[serde(serialize_with = "as_object")] &'a [(String, String)]);

    #[test]
    fn members_keep_their_order_both_ways() {
        let read: Pairs<String> = serde_json::from_str(r#"{"z":"1","a":"2","m":"3"}"#).unwrap();
        let keys: Vec<&str> = read.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "a", "m"]);
        let text = serde_json::to_string(&Written(&read.0)).unwrap();
        assert_eq!(text, r#"{"z":"1","a":"2","m":"3"}"#);
        assert!(serde_json::from_str::<Pairs<String>>("[]").is_err());
        assert!(serde_json::from_str::<Pairs<String>>(r#"{"a":1}"#).is_err());
    }
}
