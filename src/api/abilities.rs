//! What the signed-in user may do with contacts, read from the server as one more method of
//! [`Client`]: three GETs that need only the sign-in (Rocket.Chat has no "may I" route).

use crate::api::client::decoded;
use crate::api::reply::ApiError;
use crate::api::wire::abilities as wire;
use crate::api::Client;
use crate::domain::abilities::{Abilities, BLOCK, DELETE, UNBLOCK};

impl Client {
    /// The licence's modules (`licenses.info`; a server without the route has none), the
    /// user's roles (`me`) and the permission records (`permissions.listAll`), as what the user
    /// may do.
    pub async fn abilities(&self) -> Result<Abilities, ApiError> {
        let none = Vec::<(&str, &str)>::new;
        let modules = match self.get("/api/v1/licenses.info", none()).await {
            Ok(answer) => decoded(wire::modules(&answer))?,
            Err(ApiError::Unexpected { status: 404 } | ApiError::NotJson { status: 404 }) => {
                Vec::new()
            }
            Err(e) => return Err(e),
        };
        let me = self.get("/api/v1/me", none()).await?;
        let roles = decoded(wire::roles(&me))?;
        let listed = self.get("/api/v1/permissions.listAll", none()).await?;
        let records = decoded(wire::granted(&listed, &[DELETE, BLOCK, UNBLOCK]))?;
        Ok(Abilities::of(&modules, &roles, &records))
    }
}
