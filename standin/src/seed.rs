//! The users and custom fields a fresh stand-in starts with (printed on start).

use crate::model::{Conflict, Contact, CustomField, Data, User, Visitor};

/// The fixed two-factor code of the seeded two-factor user.
pub const TOTP_CODE: &str = "123456";
/// The seeded personal access token (of `agent.one`).
pub const PERSONAL_ACCESS_TOKEN: &str = "pat-agent-one-0123456789abcdef";

fn user(id: &str, username: &str, name: &str, roles: &[&str]) -> User {
    User {
        id: id.into(),
        username: username.into(),
        name: name.into(),
        email: format!("{username}@example.com"),
        password: format!("{username}-pass"),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        totp_code: None,
        tokens: Vec::new(),
    }
}

fn field(
    id: &str,
    label: &str,
    visibility: &str,
    kind: &str,
    required: bool,
    regexp: &str,
    options: &str,
) -> CustomField {
    CustomField {
        id: id.into(),
        label: label.into(),
        scope: "visitor".into(),
        visibility: visibility.into(),
        kind: kind.into(),
        required,
        regexp: regexp.into(),
        options: options.into(),
        default_value: String::new(),
    }
}

/// Fresh data. `required_field` controls whether the `company` field is required.
pub fn data(required_field: bool) -> Data {
    let mut agent_one = user(
        "agentOne000000001",
        "agent.one",
        "Agent One",
        &["user", "livechat-agent"],
    );
    agent_one.tokens.push(PERSONAL_ACCESS_TOKEN.into());
    let mut two_factor = user(
        "twoFactor00000001",
        "twofactor",
        "Two Factor",
        &["user", "livechat-agent"],
    );
    two_factor.totp_code = Some(TOTP_CODE.into());
    Data {
        users: vec![
            user(
                "admin000000000001",
                "admin",
                "Administrator",
                &["user", "admin"],
            ),
            user(
                "manager0000000001",
                "manager",
                "Livechat Manager",
                &["user", "livechat-manager"],
            ),
            agent_one,
            user(
                "agentTwo000000001",
                "agent.two",
                "Agent Two",
                &["user", "livechat-agent"],
            ),
            user("plainUser00000001", "plain", "Plain User", &["user"]),
            two_factor,
        ],
        visitors: Vec::new(),
        contacts: Vec::new(),
        custom_fields: vec![
            field(
                "company",
                "Company",
                "visible",
                "input",
                required_field,
                "",
                "",
            ),
            field(
                "customerId",
                "Customer ID",
                "visible",
                "input",
                false,
                "^[A-Z]{2}-[0-9]{4}$",
                "",
            ),
            field(
                "tier",
                "Tier",
                "visible",
                "select",
                false,
                "",
                "Bronze,Silver,Gold",
            ),
            field(
                "internalNote",
                "Internal note",
                "hidden",
                "input",
                false,
                "",
                "",
            ),
        ],
        guest_count: 0,
        rooms: Vec::new(),
        messages: Vec::new(),
        channels: Vec::new(),
    }
}

/// Adds `n` people to find, each as a visitor (legacy) and as a Contact Center contact:
/// `Findme 01`, `findme01@example.org`, `+493000000001`, …, created a minute apart, so both
/// searches and their paging have something to show (`--seed-contacts N`); and one unknown
/// contact, `Findme unknown` (as a channel leaves one that never identified itself), which
/// searches leave out unless asked.
pub fn people(data: &mut Data, n: usize) {
    if n == 0 {
        return;
    }
    for i in 1..=n {
        let created = format!("2026-11-01T{:02}:{:02}:00.000Z", i / 60 % 24, i % 60);
        let name = format!("Findme {i:02}");
        let email = format!("findme{i:02}@example.org");
        let phone = format!("+4930{i:08}");
        data.guest_count += 1;
        data.visitors.push(Visitor {
            id: format!("{:024x}", 0xf00d_0000_u64 + i as u64),
            username: format!("guest-{}", data.guest_count),
            token: format!("{:032x}", 0xf1d_0000_u64 + i as u64),
            name: name.clone(),
            email: Some(email.clone()),
            phone: Some(phone.clone()),
            livechat_data: Default::default(),
            last_chat: None,
            contact_manager: None,
            ts: created.clone(),
            updated_at: created.clone(),
        });
        data.contacts.push(Contact {
            id: format!("{:024x}", 0xc0de_0000_u64 + i as u64),
            name,
            emails: vec![email],
            phones: vec![phone],
            contact_manager: None,
            custom_fields: Default::default(),
            unknown: false,
            // Findme 02 came in through two channels that named it differently.
            conflicting_fields: if i == 2 { conflicts() } else { Vec::new() },
            disabled: false,
            created_at: created.clone(),
            updated_at: created,
        });
    }
    data.contacts.push(Contact {
        id: format!("{:024x}", 0xc0de_ffff_u64),
        name: "Findme unknown".into(),
        emails: Vec::new(),
        phones: Vec::new(),
        contact_manager: None,
        custom_fields: Default::default(),
        unknown: true,
        conflicting_fields: Vec::new(),
        disabled: false,
        created_at: "2026-10-31T00:00:00.000Z".into(),
        updated_at: "2026-10-31T00:00:00.000Z".into(),
    });
    crate::history_seed::conversations(data);
}

/// The conflicting values `Findme 02` is seeded with: another name, another manager and another
/// company, as channels would have reported them.
pub fn conflicts() -> Vec<Conflict> {
    let conflict = |field: &str, value: &str| Conflict {
        field: field.into(),
        value: value.into(),
    };
    vec![
        conflict("name", "Findme Two"),
        conflict("manager", "agentTwo000000001"),
        conflict("customFields.company", "Other Co"),
    ]
}

/// The sign-ins a developer needs, as printed on start.
pub fn describe(data: &Data) -> String {
    let mut out = String::from("Seeded users (username / password, roles):\n");
    for u in &data.users {
        let extra = match &u.totp_code {
            Some(code) => format!("  two-factor code {code}"),
            None => String::new(),
        };
        out.push_str(&format!(
            "  {:<10} / {:<16} {}{}\n",
            u.username,
            u.password,
            u.roles.join(", "),
            extra
        ));
    }
    if !data.contacts.is_empty() {
        out.push_str(&format!(
            "People to find: {} visitors and {} Contact Center contacts, one unknown (try \"findme\")\n",
            data.visitors.len(),
            data.contacts.len()
        ));
    }
    if !data.rooms.is_empty() {
        let closed = |name: &str| {
            data.rooms
                .iter()
                .filter(|r| r.fname == name && r.closed_at.is_some())
                .count()
        };
        out.push_str(&format!(
            "Conversations: Findme 01 has {} closed chats and one open, through six kinds of source; Findme 03 has {}, served by agent.two; Findme 02 none\n",
            closed("Findme 01"),
            closed("Findme 03"),
        ));
    }
    if let Some(owner) = data
        .users
        .iter()
        .find(|u| u.tokens.iter().any(|t| t == PERSONAL_ACCESS_TOKEN))
    {
        out.push_str(&format!(
            "Personal access token of {}: X-Auth-Token {PERSONAL_ACCESS_TOKEN}, X-User-Id {}\n",
            owner.username, owner.id
        ));
    }
    out
}
