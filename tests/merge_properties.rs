//! Properties of the three-way merge (`domain::merge`), over at least 10,000 generated cases
//! each: for arbitrary base, server and here records drawn from a few values (so that sides
//! often agree), every field the server changed and this side did not survives; every field
//! only this side changed is sent; a field both changed differently is never sent without a
//! choice; and the merge over its own result asks nothing more.
#![cfg(not(target_arch = "wasm32"))]

mod property;

use omnichannel_contact_form::domain::field::Field;
use omnichannel_contact_form::domain::merge::{merge, Part, Rows, Values};
use property::property;
use proptest::prelude::*;

/// One of a few values ("" is none), so that two sides often hold the same one.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[abc]"]
}

fn list() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[abcd]", 0..4).prop_map(|mut v| {
        v.dedup();
        let mut seen = Vec::new();
        v.retain(|x| {
            let new = !seen.contains(x);
            seen.push(x.clone());
            new
        });
        v
    })
}

fn values() -> impl Strategy<Value = Values> {
    (value(), value(), list(), list(), value(), value()).prop_map(
        |(name, manager, emails, phones, company, tier)| Values {
            name,
            manager,
            emails,
            phones,
            custom: [("company", company), ("tier", tier)]
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        },
    )
}

fn rows() -> impl Strategy<Value = Rows> {
    prop_oneof![Just(Rows::First), Just(Rows::Sets)]
}

/// Each single-valued field of `v`: name, manager, each custom field, and (legacy) the first
/// email and phone.
fn scalars(v: &Values, how: Rows) -> Vec<(Part, String)> {
    let custom = |id: &str| {
        let value = v.custom.iter().find(|(k, _)| k == id);
        value.map_or(String::new(), |(_, x)| x.clone())
    };
    let mut out = vec![
        (Part::Field(Field::Name), v.name.clone()),
        (Part::Field(Field::ContactManager), v.manager.clone()),
        (Part::Custom("company".into()), custom("company")),
        (Part::Custom("tier".into()), custom("tier")),
    ];
    if how == Rows::First {
        let first = |l: &[String]| l.first().cloned().unwrap_or_default();
        out.push((Part::Field(Field::Email), first(&v.emails)));
        out.push((Part::Field(Field::Phone), first(&v.phones)));
    }
    out
}

#[test]
fn a_colleagues_change_survives_this_sides_is_sent_and_a_clash_is_asked() {
    let cases = (values(), values(), values(), rows());
    property("three-way merge", cases, |(base, server, here, how)| {
        let merged = merge(&base, &server, &here, how);
        let sent = scalars(&merged.send, how);
        let fields = scalars(&base, how)
            .into_iter()
            .zip(scalars(&server, how))
            .zip(scalars(&here, how))
            .zip(sent);
        for ((((part, b), (_, s)), (_, h)), (_, out)) in fields {
            let clash = merged.clashes.iter().find(|c| c.part == part);
            if s != b && h == b {
                prop_assert_eq!(&out, &s, "{:?}: the server's change survives", part);
            }
            if h != b && s == b {
                prop_assert_eq!(&out, &h, "{:?}: this side's change is sent", part);
            }
            if h != b && s != b && h != s {
                prop_assert!(clash.is_some(), "{:?}: both changed, so it is asked", part);
            } else {
                prop_assert!(clash.is_none(), "{:?}: asked without cause", part);
            }
        }
        if how == Rows::Sets {
            for (b, s, h, out) in [
                (
                    &base.emails,
                    &server.emails,
                    &here.emails,
                    &merged.send.emails,
                ),
                (
                    &base.phones,
                    &server.phones,
                    &here.phones,
                    &merged.send.phones,
                ),
            ] {
                for v in s.iter().filter(|v| !b.contains(v)) {
                    prop_assert!(out.contains(v), "{v}: added there, kept");
                }
                for v in h.iter().filter(|v| !b.contains(v)) {
                    prop_assert!(out.contains(v), "{v}: added here, sent");
                }
                for v in b.iter().filter(|v| !h.contains(v) || !s.contains(v)) {
                    prop_assert!(!out.contains(v), "{v}: removed by a side, gone");
                }
                let twice = out.iter().enumerate().any(|(i, v)| out[..i].contains(v));
                prop_assert!(!twice, "no value twice: {:?}", out);
            }
            prop_assert!(
                merged.clashes.iter().all(|c| !matches!(
                    c.part,
                    Part::Field(Field::Email) | Part::Field(Field::Phone)
                )),
                "sets never clash"
            );
        }
        // Merging again against what the first merge left asks nothing new, once the choice
        // keeps the values here.
        let again = merge(&merged.base, &server, &merged.send, how);
        prop_assert_eq!(
            again.clashes.len(),
            merged.clashes.len(),
            "the same questions"
        );
        prop_assert_eq!(&again.send, &merged.send, "and the same result");
        Ok(())
    });
}
