//! The Rocket.Chat calls the widget makes, each one method of a [`Client`]: the settings and
//! the signed-in user travel together, so no call can be made without both.

use crate::api::http::send;
use crate::api::reply::ApiError;
use crate::api::wire::{self, Answer};
use crate::domain::agents::{Agent, SUGGESTIONS};
use crate::domain::credentials::Credentials;
use crate::domain::custom_fields::CustomField;
use crate::domain::record::ContactRecord;
use crate::settings::config::{ApiChoice, Config};
use gloo_net::http::{Request, RequestBuilder};

/// A request on its way: the transport's one future, boxed.
pub(super) type Sent =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<Answer, ApiError>>>>;

/// `send`, boxed: the one place its future is made for the calls.
#[inline(never)]
fn sent(request: RequestBuilder, body: Option<String>, timeout_ms: u32) -> Sent {
    Box::pin(send(request, body, timeout_ms))
}

/// A signed-in user's connection to one server.
#[derive(Debug, Clone)]
pub struct Client {
    config: Config,
    credentials: Credentials,
}

/// A 200 whose body has the wrong shape: the one place that says so.
pub(super) fn decoded<T>(value: Option<T>) -> Result<T, ApiError> {
    value.ok_or(ApiError::Unexpected { status: 200 })
}

/// `POST /api/v1/login` with a username or email, a password and, when asked, a two-factor code.
pub async fn login(
    config: &Config,
    user: &str,
    password: &str,
    code: Option<&str>,
) -> Result<Credentials, ApiError> {
    let request = Request::post(&config.url("/api/v1/login"));
    let body = wire::login_body(user, password, code);
    match sent(request, Some(body), config.timeout_ms).await {
        Ok(answer) => decoded(wire::credentials(&answer)),
        Err(ApiError::SignedOut) => Err(ApiError::WrongCredentials),
        Err(other) => Err(other),
    }
}

impl Client {
    /// The calls of `credentials`' user to `config`'s server.
    pub fn new(config: Config, credentials: Credentials) -> Self {
        Client {
            config,
            credentials,
        }
    }

    /// `POST /api/v1/omnichannel/contact`: registers or updates a contact; gives its id.
    pub async fn save_contact(&self, body: String) -> Result<String, ApiError> {
        let reply = self.post("/api/v1/omnichannel/contact", body).await?;
        decoded(wire::saved_contact_id(&reply))
    }

    /// `GET /api/v1/omnichannel/contact?contactId=`: the stored contact, or `None` when it is
    /// gone.
    pub async fn load_contact(&self, contact_id: &str) -> Result<Option<ContactRecord>, ApiError> {
        let query = [("contactId", contact_id)];
        let reply = self.get("/api/v1/omnichannel/contact", query).await?;
        decoded(wire::contact_record(&reply))
    }

    /// The remembered contact `id` through this client's API, or `None` when the server no
    /// longer has it. A Contact Center contact's manager (a user id) gets its username, which
    /// the form shows.
    pub async fn load(&self, id: &str) -> Result<Option<ContactRecord>, ApiError> {
        if !self.contact_center() {
            return self.load_contact(id).await;
        }
        let Some(mut record) = self.center_contact(id).await? else {
            return Ok(None);
        };
        self.name_managers(&mut record).await;
        Ok(Some(record))
    }

    /// `GET /api/v1/omnichannel/contact.search?<key>=<value>`: the contact whose email (sent
    /// lower-cased) or phone is exactly `value`, if any.
    pub async fn search_contact(
        &self,
        key: &str,
        value: &str,
    ) -> Result<Option<ContactRecord>, ApiError> {
        let reply = self
            .get("/api/v1/omnichannel/contact.search", [(key, value)])
            .await?;
        decoded(wire::contact_record(&reply))
    }

    /// `GET /api/v1/livechat/users/agent?text=`: agents whose name or username contains `text`.
    pub async fn search_agents(&self, text: &str) -> Result<Vec<Agent>, ApiError> {
        self.agents(text, SUGGESTIONS).await
    }

    /// Up to `count` agents whose name or username contains `text`.
    pub(super) async fn agents(&self, text: &str, count: usize) -> Result<Vec<Agent>, ApiError> {
        let count = count.to_string();
        let query = [("text", text), ("count", count.as_str())];
        let reply = self.get("/api/v1/livechat/users/agent", query).await?;
        decoded(wire::agents(&reply))
    }

    /// `GET /api/v1/livechat/custom-fields`: the visitor fields the form shows.
    pub async fn load_custom_fields(&self) -> Result<Vec<CustomField>, ApiError> {
        let reply = self.get("/api/v1/livechat/custom-fields", []).await?;
        decoded(wire::custom_field_definitions(&reply))
    }

    /// `POST /api/v1/logout`: ends the login token on the server.
    pub async fn logout(&self) -> Result<(), ApiError> {
        let request = self.authorised(Request::post(&self.config.url("/api/v1/logout")));
        sent(request, None, self.config.timeout_ms).await.map(drop)
    }

    /// An authorised `GET` of `path` with `query`: its successful answer. The request is built
    /// here and then sent as one boxed future, so that each call awaits the same code rather
    /// than a copy of the transport's.
    #[inline(never)]
    pub(super) fn get<'a>(
        &self,
        path: &str,
        query: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Sent {
        let request = self.authorised(Request::get(&self.config.url(path)).query(query));
        sent(request, None, self.config.timeout_ms)
    }

    /// An authorised `POST` of `body` to `path`: its successful answer (boxed, as `get`'s).
    pub(super) fn post(&self, path: &str, body: String) -> Sent {
        let request = self.authorised(Request::post(&self.config.url(path)));
        sent(request, Some(body), self.config.timeout_ms)
    }

    /// Whether this client saves to the Contact Center (`api: "contacts"`, or what `"auto"`
    /// settled on) rather than the legacy endpoint.
    pub fn contact_center(&self) -> bool {
        self.config.api == ApiChoice::Contacts
    }

    /// The settings this client talks with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn authorised(&self, request: RequestBuilder) -> RequestBuilder {
        request
            .header("X-Auth-Token", &self.credentials.auth_token)
            .header("X-User-Id", &self.credentials.user_id)
    }
}
