//! Emails and phones seen, each with a number (a row of the file, a contact on the server):
//! the rows' repeats and the server's contacts are both found through it. A value is held as
//! its 64-bit FNV-1a hash, the number beside it; the one who asks makes sure of a hash met again
//! (the earlier row checked again, the contact's value compared), and a value whose hash an
//! unlike one holds already is kept whole beside them. Exact, and no value held twice.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Values by their hash, each with its number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// The hash of each value, with the number of the first that had it.
    first: HashMap<u64, usize, BuildHasherDefault<Hashed>>,
    /// Values whose hash an unlike value took first, with their number (in practice none).
    clashes: Vec<(String, usize)>,
}

impl Seen {
    /// The number of the first that had `value`, made sure of by `has` (whether the one
    /// numbered so has `value`: a hash alone may be another value's).
    pub fn find(&self, value: &str, has: impl Fn(usize) -> bool) -> Option<usize> {
        match self.first.get(&hash(value)) {
            Some(&first) if has(first) => Some(first),
            _ => self.clashes.iter().find(|(v, _)| v == value).map(|c| c.1),
        }
    }

    /// `number` has `value` (which [`Seen::find`] did not find): the first keeps a hash.
    pub fn insert(&mut self, value: &str, number: usize) {
        match self.first.entry(hash(value)) {
            Entry::Vacant(slot) => {
                slot.insert(number);
            }
            Entry::Occupied(_) => self.clashes.push((value.to_owned(), number)),
        }
    }
}

/// A value's hash, the same in every run: 64-bit FNV-1a (a few instructions a byte, and no
/// SipHash in the import's code).
fn hash(value: &str) -> u64 {
    value.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The hasher of [`Seen`]'s map, whose keys are hashes already: it takes them as they are.
#[derive(Debug, Default)]
struct Hashed(u64);

impl Hasher for Hashed {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_found_made_sure_of_and_a_clash_kept_whole() {
        let values = ["ada@x.org", "bob@x.org", "+441"];
        let has = |n: usize, v: &str| values.get(n) == Some(&v);
        let mut seen = Seen::default();
        for (n, v) in values.iter().enumerate() {
            assert_eq!(seen.find(v, |m| has(m, v)), None);
            seen.insert(v, n);
        }
        assert_eq!(seen.find("bob@x.org", |m| has(m, "bob@x.org")), Some(1));
        assert_eq!(seen.find("cy@x.org", |_| true), None, "no such hash");
        // As if "cy@x.org" had the hash "ada@x.org" holds: the first keeps it, it is kept whole.
        seen.first.insert(hash("cy@x.org"), 0);
        seen.insert("cy@x.org", 7);
        assert_eq!(seen.clashes, [("cy@x.org".to_owned(), 7)]);
        assert_eq!(seen.find("cy@x.org", |m| has(m, "cy@x.org")), Some(7));
        assert_eq!(seen.find("ada@x.org", |m| has(m, "ada@x.org")), Some(0));
    }
}
