//! The seeded people's conversations (`--seed-contacts N`): `Findme 01` has 23 closed chats
//! through every kind of source (served by `agent.one`, one by `agent.two`), one still open,
//! the newest with 25 messages across midnight, a file and text that looks like HTML, and six
//! channels (one blocked, one verified); `Findme 02` has none; `Findme 03` one closed chat,
//! served by `agent.two`, which `agent.one` sees listed but may not read. Two contacts nobody
//! identified yet (`unknown`) came in through a chat each: `Visitor 7Q2` through the widget,
//! `+4915700000001` by SMS, its channel blocked.

use crate::history_model::{Channel, Message, Room, Someone, Source};
use crate::model::{Contact, Data, Visitor};
use serde_json::json;

/// The closed chats of `Findme 01`.
pub const CLOSED_CHATS: usize = 23;
/// The messages of its newest chat (the closing message included).
pub const NEWEST_MESSAGES: usize = 26;

/// `2026-11-<day>T…`, `minute` minutes after that day's midnight (carried into the next day).
fn stamp(day: u32, minute: u32) -> String {
    let (day, minute) = (day + minute / 1440, minute % 1440);
    format!(
        "2026-11-{day:02}T{:02}:{:02}:00.000Z",
        minute / 60,
        minute % 60
    )
}

fn agent(data: &Data, username: &str) -> Someone {
    let user = data.user_by_username(username).expect("a seeded agent");
    Someone {
        id: user.id.clone(),
        username: user.username.clone(),
        name: Some(user.name.clone()),
    }
}

fn source(kind: &str) -> Source {
    let mut source = Source {
        kind: kind.into(),
        ..Source::default()
    };
    match kind {
        "widget" => source.destination = Some("crm.example.com".into()),
        "email" => source.destination = Some("support@example.com".into()),
        "sms" => source.destination = Some("+4930555000".into()),
        "app" => {
            source.id = Some("whatsapp-app".into());
            source.alias = Some("WhatsApp".into());
        }
        _ => {}
    }
    source
}

const KINDS: [&str; 6] = ["widget", "email", "sms", "app", "api", "other"];

/// Adds the conversations of the seeded people `seed::people` made (none when there are none).
pub fn conversations(data: &mut Data) {
    let person = |data: &Data, i: u64| {
        let visitor = data
            .visitors
            .iter()
            .find(|v| v.id == format!("{:024x}", 0xf00d_0000_u64 + i))?;
        let contact = format!("{:024x}", 0xc0de_0000_u64 + i);
        Some((visitor.clone(), contact))
    };
    let Some((maria, maria_contact)) = person(data, 1) else {
        return;
    };
    let (one, two) = (agent(data, "agent.one"), agent(data, "agent.two"));
    let guest = Someone {
        id: maria.id.clone(),
        username: maria.username.clone(),
        name: Some(maria.name.clone()),
    };
    let mut number = 0;
    let mut message =
        |data: &mut Data, rid: &str, msg: &str, ts: String, u: &Someone, t: Option<&str>| {
            number += 1;
            data.messages.push(Message {
                id: format!("msg{number:05}seeded000"),
                rid: rid.into(),
                msg: msg.into(),
                ts,
                u: u.clone(),
                t: t.map(str::to_owned),
                token: (u.id == maria.id).then(|| maria.token.clone()),
                file: None,
            });
        };
    for k in 1..=CLOSED_CHATS as u32 {
        let day = 30 - k; // the newest (k = 1) on the 29th, starting before midnight
        let start = if k == 1 { 23 * 60 + 20 } else { 10 * 60 };
        let rid = format!("room{k:03}findme01xx");
        let served = if k == 2 { two.clone() } else { one.clone() };
        let comment = if k % 2 == 1 {
            format!("Solved, thanks (chat {k})")
        } else {
            String::new()
        };
        let length = if k == 1 {
            NEWEST_MESSAGES as u32 - 1
        } else {
            2
        };
        let kind = KINDS[(k as usize - 1) % KINDS.len()];
        data.rooms.push(Room {
            id: rid.clone(),
            fname: maria.name.clone(),
            ts: stamp(day, start),
            visitor_id: maria.id.clone(),
            contact_id: Some(maria_contact.clone()),
            served_by: Some(served.clone()),
            closed_at: Some(stamp(day, start + 2 * length + 5)),
            closer: Some("user".into()),
            closed_by: None,
            tags: match k % 3 {
                0 => vec!["billing".into()],
                1 => vec!["billing".into(), "urgent".into()],
                _ => Vec::new(),
            },
            source: source(kind),
        });
        message(data, &rid, "", stamp(day, start), &served, Some("uj")); // left out of every list
        for m in 1..=length {
            let (who, text) = match (k, m) {
                (1, 3) => (
                    &guest,
                    "<img src=x onerror=alert(1)> is what the form shows me".to_owned(),
                ),
                (1, 4) => (&guest, "designs.png".to_owned()),
                (_, m) if m % 2 == 1 => (&guest, format!("Hello, about order {k}: message {m}")),
                (_, m) => (&served, format!("Answer {m} to order {k}")),
            };
            message(data, &rid, &text, stamp(day, start + 2 * m), who, None);
            if (k, m) == (1, 4) {
                let last = data.messages.last_mut().expect("just pushed");
                last.file = Some(
                    json!({"_id": "file000000seeded", "name": "designs.png", "type": "image/png", "size": 17466}),
                );
            }
        }
        message(
            data,
            &rid,
            &comment,
            stamp(day, start + 2 * length + 5),
            &served,
            Some("livechat-close"),
        );
    }
    // Still open: never in a history, but the visitor's last chat.
    let open = "room000findme01xx".to_owned();
    data.rooms.push(Room {
        id: open.clone(),
        fname: maria.name.clone(),
        ts: stamp(30, 12 * 60),
        visitor_id: maria.id.clone(),
        contact_id: Some(maria_contact.clone()),
        served_by: Some(one.clone()),
        closed_at: None,
        closer: None,
        tags: Vec::new(),
        closed_by: None,
        source: source("widget"),
    });
    message(
        data,
        &open,
        "Are you still there?",
        stamp(30, 12 * 60 + 1),
        &guest,
        None,
    );
    set_last_chat(data, &maria.id, &open, &stamp(30, 12 * 60));
    for (i, kind) in KINDS.iter().enumerate() {
        let details = source(kind);
        data.channels.push(Channel {
            contact_id: maria_contact.clone(),
            name: details.id.clone().unwrap_or_else(|| kind.to_string()),
            visitor_id: maria.id.clone(),
            blocked: *kind == "sms",
            verified: i == 0,
            details,
            verified_by: (i == 0).then(|| {
                (
                    "email".into(),
                    "findme01@example.org".into(),
                    stamp(29, 9 * 60),
                )
            }),
        });
    }

    unidentified(data, &one);

    // Findme 03: one chat, served by agent.two.
    if let Some((third, third_contact)) = person(data, 3) {
        let rid = "room001findme03xx".to_owned();
        data.rooms.push(Room {
            id: rid.clone(),
            fname: third.name.clone(),
            ts: stamp(20, 9 * 60),
            visitor_id: third.id.clone(),
            contact_id: Some(third_contact.clone()),
            served_by: Some(two.clone()),
            closed_at: Some(stamp(20, 9 * 60 + 15)),
            closer: Some("visitor".into()),
            tags: Vec::new(),
            closed_by: None,
            source: source("widget"),
        });
        message(
            data,
            &rid,
            "An answer from agent two",
            stamp(20, 9 * 60 + 1),
            &two,
            None,
        );
        message(
            data,
            &rid,
            "",
            stamp(20, 9 * 60 + 15),
            &two,
            Some("livechat-close"),
        );
        set_last_chat(data, &third.id, &rid, &stamp(20, 9 * 60));
        data.channels.push(Channel {
            contact_id: third_contact,
            name: "widget".into(),
            visitor_id: third.id,
            blocked: false,
            verified: false,
            details: source("widget"),
            verified_by: None,
        });
    }
}

/// The contacts Rocket.Chat made from a first chat and nobody identified yet: one through the
/// widget, one by SMS (its channel blocked), each with its visitor, its closed chat and its
/// channel.
fn unidentified(data: &mut Data, agent: &Someone) {
    let people = [
        ("Visitor 7Q2", "widget", 29, false),
        ("+4915700000001", "sms", 27, true),
    ];
    for (n, (name, kind, day, blocked)) in people.into_iter().enumerate() {
        let n = n as u64;
        let visitor_id = format!("{:024x}", 0xf00d_ff00_u64 + n);
        let contact_id = format!("{:024x}", 0xc0de_ff00_u64 + n);
        let rid = format!("roomunknown{n:06}");
        let (at, phone) = (stamp(day, 9 * 60), (kind == "sms").then(|| name.to_owned()));
        data.guest_count += 1;
        data.visitors.push(Visitor {
            id: visitor_id.clone(),
            username: format!("guest-{}", data.guest_count),
            token: format!("{:032x}", 0xf1d_ff00_u64 + n),
            name: name.into(),
            email: None,
            phone: phone.clone(),
            livechat_data: Default::default(),
            last_chat: Some(json!({"_id": rid, "ts": at})),
            contact_manager: None,
            ts: at.clone(),
            updated_at: at.clone(),
        });
        data.contacts.push(Contact {
            id: contact_id.clone(),
            name: name.into(),
            emails: Vec::new(),
            phones: phone.into_iter().collect(),
            contact_manager: None,
            custom_fields: Default::default(),
            unknown: true,
            conflicting_fields: Vec::new(),
            disabled: false,
            created_at: at.clone(),
            updated_at: at.clone(),
        });
        data.rooms.push(Room {
            id: rid.clone(),
            fname: name.into(),
            ts: at.clone(),
            visitor_id: visitor_id.clone(),
            contact_id: Some(contact_id.clone()),
            served_by: Some(agent.clone()),
            closed_at: Some(stamp(day, 9 * 60 + 10)),
            closer: Some("visitor".into()),
            closed_by: None,
            tags: Vec::new(),
            source: source(kind),
        });
        data.messages.push(Message {
            id: format!("msgunknown{n:07}"),
            rid,
            msg: "Hello, is anyone there?".into(),
            ts: stamp(day, 9 * 60 + 1),
            u: Someone {
                id: visitor_id.clone(),
                username: format!("guest-{}", data.guest_count),
                name: Some(name.into()),
            },
            t: None,
            token: Some(format!("{:032x}", 0xf1d_ff00_u64 + n)),
            file: None,
        });
        data.channels.push(Channel {
            contact_id,
            name: kind.into(),
            visitor_id,
            blocked,
            verified: false,
            details: source(kind),
            verified_by: None,
        });
    }
}

fn set_last_chat(data: &mut Data, visitor: &str, room: &str, ts: &str) {
    if let Some(v) = data.visitors.iter_mut().find(|v| v.id == visitor) {
        v.last_chat = Some(json!({"_id": room, "ts": ts}));
    }
}
