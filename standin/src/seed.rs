//! The users and custom fields a fresh stand-in starts with (printed on start).

use crate::model::{CustomField, Data, User};

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
    }
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
