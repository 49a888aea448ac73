//! Reading Rocket.Chat's answers: every status and body shape becomes a typed result.

use crate::api::wire::{self, Answer, Shape};
use crate::domain::abilities;
use crate::domain::catalogue::{english_display, Say, Texts};
use crate::domain::texts::Text;
use thiserror::Error;

/// Everything that can go wrong talking to the server, worded for the person at the form.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    /// 400: the server refused the data; `message` is its own `error` text.
    Rejected {
        /// Rocket.Chat's `error` text, e.g. `No user found with username x [error-contact-manager-not-found]`.
        message: String,
        /// Rocket.Chat's `errorType`, when it sent one.
        error_type: Option<String>,
    },
    /// 401 on any call but login: the login token is unknown or was revoked.
    SignedOut,
    /// 401 on login: wrong username, email or password.
    WrongCredentials,
    /// Login needs a two-factor code; `method` is `totp` or `email`.
    TwoFactorRequired {
        /// How the code is delivered: `totp` (an app) or `email`.
        method: String,
    },
    /// The two-factor code was wrong or expired.
    TwoFactorInvalid,
    /// 403: the user lacks the route's permission (`view-l-room` for the legacy endpoint).
    Forbidden {
        /// The permission the route requires.
        permission: &'static str,
        /// Rocket.Chat's `error` text.
        message: String,
    },
    /// 429: too many calls; `wait_seconds` is how long the server asks to wait, when known.
    RateLimited {
        /// Seconds until the server accepts calls again.
        wait_seconds: Option<u64>,
    },
    /// 5xx: the server failed.
    Server {
        /// The HTTP status.
        status: u16,
    },
    /// The body was not JSON (an HTML page from a proxy, say).
    NotJson {
        /// The HTTP status.
        status: u16,
    },
    /// JSON, but not the shape Rocket.Chat sends.
    Unexpected {
        /// The HTTP status.
        status: u16,
    },
    /// The request never got an answer: offline, DNS, refused connection.
    Network,
    /// No answer within the configured time: the request was cancelled.
    Timeout {
        /// The time allowed, in whole seconds (rounded up).
        seconds: u32,
    },
    /// The server is reachable but refused the browser's CORS preflight (Rocket.Chat's default).
    CorsRefused {
        /// The server's base URL.
        server: String,
    },
}

impl ApiError {
    /// The same error, a 403 naming `permission` (a Contact Center route's own).
    pub fn needing(self, permission: &'static str) -> Self {
        match self {
            ApiError::Forbidden { message, .. } => ApiError::Forbidden {
                permission,
                message,
            },
            other => other,
        }
    }

    /// Whether the server answered with a refusal, so the request certainly changed nothing
    /// (unlike a lost answer, a timeout or a server failure, after which it may have).
    pub fn refused(&self) -> bool {
        matches!(
            self,
            ApiError::Rejected { .. }
                | ApiError::SignedOut
                | ApiError::Forbidden { .. }
                | ApiError::RateLimited { .. }
                | ApiError::CorsRefused { .. }
        )
    }

    /// The HTTP status behind the error, as `contact-error` events report it (0: no answer).
    pub fn status(&self) -> u16 {
        match self {
            ApiError::Rejected { .. } => 400,
            ApiError::SignedOut
            | ApiError::WrongCredentials
            | ApiError::TwoFactorRequired { .. }
            | ApiError::TwoFactorInvalid => 401,
            ApiError::Forbidden { .. } => 403,
            ApiError::RateLimited { .. } => 429,
            ApiError::Server { status }
            | ApiError::NotJson { status }
            | ApiError::Unexpected { status } => *status,
            ApiError::Network | ApiError::CorsRefused { .. } | ApiError::Timeout { .. } => 0,
        }
    }
}

impl Say for ApiError {
    fn say(&self, t: &Texts) -> String {
        let status = |key, status: &u16| t.fill(key, &[("status", &status.to_string())]);
        match self {
            ApiError::Rejected { message, .. } => t.fill(Text::Rejected, &[("message", message)]),
            ApiError::SignedOut => t.get(Text::SignedOut).into(),
            ApiError::WrongCredentials => t.get(Text::WrongCredentials).into(),
            ApiError::TwoFactorRequired { method } if method == "email" => {
                t.get(Text::CodeByEmail).into()
            }
            ApiError::TwoFactorRequired { .. } => t.get(Text::CodeFromApp).into(),
            ApiError::TwoFactorInvalid => t.get(Text::CodeInvalid).into(),
            // Since 7.11 only admins and livechat managers may delete: not agents.
            ApiError::Forbidden {
                permission,
                message,
            } => t.fill(
                match *permission {
                    abilities::DELETE => Text::ForbiddenToDelete,
                    _ => Text::Forbidden,
                },
                &[("permission", permission), ("message", message)],
            ),
            ApiError::RateLimited {
                wait_seconds: Some(seconds),
            } => t.count(Text::RateLimited, *seconds, &[]),
            ApiError::RateLimited { wait_seconds: None } => t.get(Text::RateLimitedMinute).into(),
            ApiError::Server { status: s } => status(Text::ServerProblem, s),
            ApiError::NotJson { status: s } => status(Text::NotJson, s),
            ApiError::Unexpected { status: s } => status(Text::Unexpected, s),
            ApiError::Network => t.get(Text::Network).into(),
            ApiError::Timeout { seconds } => t.count(Text::Timeout, u64::from(*seconds), &[]),
            ApiError::CorsRefused { server } => t.fill(Text::Cors, &[("server", server)]),
        }
    }
}
english_display!(ApiError);

/// One HTTP answer, as received.
#[derive(Debug, Clone, Copy)]
pub struct Reply<'a> {
    /// HTTP status.
    pub status: u16,
    /// The body text.
    pub body: &'a str,
    /// `X-RateLimit-Reset` (epoch milliseconds) minus now, in milliseconds, when the header came.
    pub reset_in_ms: Option<f64>,
}

impl Reply<'_> {
    /// A successful answer's members, for the call's own reader, or the error the answer
    /// stands for.
    pub fn accepted(&self) -> Result<Answer, ApiError> {
        let status = self.status;
        let (shape, mut answer) = wire::answer(self.body);
        let error = answer.error.0.take();
        let text = error
            .clone()
            .or(answer.message.0.take())
            .unwrap_or_default();
        // Two-factor answers are recognised by their `error`, whatever the status.
        if !(200..=299).contains(&status) {
            match error.as_deref() {
                Some("totp-required") => {
                    let details = answer.details.0.take().and_then(|d| d.0.method);
                    return Err(ApiError::TwoFactorRequired {
                        method: details.unwrap_or_else(|| "totp".to_owned()),
                    });
                }
                Some("totp-invalid") => return Err(ApiError::TwoFactorInvalid),
                _ => {}
            }
        }
        match (status, shape) {
            (200..=299, Shape::Object) if answer.success.0 != Some(false) => Ok(answer),
            (200..=299 | 400, _) if !text.is_empty() => Err(ApiError::Rejected {
                message: text,
                error_type: answer.error_type.0.take(),
            }),
            (401, _) => Err(ApiError::SignedOut),
            (403, Shape::Object | Shape::Other) => Err(ApiError::Forbidden {
                permission: "view-l-room",
                message: text,
            }),
            (429, _) => Err(ApiError::RateLimited {
                wait_seconds: error
                    .as_deref()
                    .and_then(wait_from_text)
                    .or_else(|| self.reset_in_ms.map(seconds_from_ms)),
            }),
            (500..=599, _) => Err(ApiError::Server { status }),
            (_, Shape::NotJson) => Err(ApiError::NotJson { status }),
            (_, _) => Err(ApiError::Unexpected { status }),
        }
    }
}

/// Reads `N` from Rocket.Chat's "You must wait N seconds before trying this endpoint again".
pub fn wait_from_text(text: &str) -> Option<u64> {
    let after = text.split("must wait ").nth(1)?;
    after.split(' ').next()?.parse().ok()
}

fn seconds_from_ms(ms: f64) -> u64 {
    // Whole seconds, rounded up, at least one: "wait 0 seconds" helps nobody.
    let secs = (ms / 1000.0).ceil();
    if secs.is_nan() || secs < 1.0 {
        1
    } else {
        secs as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Result<Answer, ApiError> {
        Reply {
            status,
            body,
            reset_in_ms: None,
        }
        .accepted()
    }

    fn read(status: u16, body: &str) -> Result<(), ApiError> {
        answer(status, body).map(drop)
    }

    #[test]
    fn success_gives_the_body() {
        let body = r#"{"contact":"65f0c0ffee0123456789abcd","success":true}"#;
        assert_eq!(
            wire::saved_contact_id(&answer(200, body).unwrap()).as_deref(),
            Some("65f0c0ffee0123456789abcd")
        );
    }

    #[test]
    fn bad_request_carries_the_servers_text_and_type() {
        let body = r#"{"success":false,"error":"No user found with username ghost [error-contact-manager-not-found]","errorType":"error-contact-manager-not-found"}"#;
        assert_eq!(
            read(400, body),
            Err(ApiError::Rejected {
                message: "No user found with username ghost [error-contact-manager-not-found]"
                    .into(),
                error_type: Some("error-contact-manager-not-found".into()),
            })
        );
        let check = read(
            400,
            r#"{"success":false,"error":"Match error: Missing key 'name'"}"#,
        );
        assert_eq!(
            check.unwrap_err().to_string(),
            "The server refused the contact: Match error: Missing key 'name'"
        );
    }

    #[test]
    fn unauthorized_in_both_shapes_means_signed_out() {
        let v7 = r#"{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}"#;
        let v6 = r#"{"status":"error","message":"You must be logged in to do this."}"#;
        assert_eq!(read(401, v7), Err(ApiError::SignedOut));
        assert_eq!(read(401, v6), Err(ApiError::SignedOut));
        assert_eq!(read(401, "Unauthorized"), Err(ApiError::SignedOut));
    }

    #[test]
    fn two_factor_answers() {
        let body = r#"{"status":"error","error":"totp-required","message":"TOTP Required [totp-required]","details":{"method":"email","codeGenerated":true}}"#;
        let err = read(401, body).unwrap_err();
        assert_eq!(
            err,
            ApiError::TwoFactorRequired {
                method: "email".into()
            }
        );
        assert!(err.to_string().contains("sent to your email"));
        assert_eq!(
            read(401, r#"{"error":"totp-required"}"#),
            Err(ApiError::TwoFactorRequired {
                method: "totp".into()
            })
        );
        assert_eq!(
            read(400, r#"{"status":"error","error":"totp-invalid"}"#),
            Err(ApiError::TwoFactorInvalid)
        );
    }

    #[test]
    fn forbidden_names_the_permission() {
        let body = r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#;
        let err = read(403, body).unwrap_err();
        assert!(err.to_string().contains("view-l-room"));
        assert!(err.to_string().contains("[error-unauthorized]"));
    }

    #[test]
    fn a_refused_delete_names_the_roles_that_may_delete() {
        let refused = ApiError::Forbidden {
            permission: "delete-livechat-contact",
            message: "[error-unauthorized]".into(),
        };
        let said = refused.to_string();
        assert!(said.contains("roles livechat-manager or admin"), "{said}");
        assert!(!said.contains("livechat-agent"), "{said}");
    }

    #[test]
    fn rate_limit_reads_the_wait_from_the_text_or_the_header() {
        let body = r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 42 seconds before trying this endpoint again. [error-too-many-requests]"}"#;
        assert_eq!(
            read(429, body),
            Err(ApiError::RateLimited {
                wait_seconds: Some(42)
            })
        );
        let header_only = Reply {
            status: 429,
            body: "{}",
            reset_in_ms: Some(12_100.0),
        };
        assert_eq!(
            header_only.accepted().map(drop),
            Err(ApiError::RateLimited {
                wait_seconds: Some(13)
            })
        );
        let past = Reply {
            status: 429,
            body: "",
            reset_in_ms: Some(-50.0),
        };
        assert_eq!(
            past.accepted().map(drop),
            Err(ApiError::RateLimited {
                wait_seconds: Some(1)
            })
        );
        assert_eq!(
            read(429, ""),
            Err(ApiError::RateLimited { wait_seconds: None })
        );
        assert!(read(429, body)
            .unwrap_err()
            .to_string()
            .contains("Wait 42 seconds"));
        assert_eq!(wait_from_text("You must wait 1 seconds before"), Some(1));
        assert_eq!(wait_from_text("slow down"), None);
    }

    #[test]
    fn server_errors_html_and_odd_shapes() {
        assert_eq!(
            read(502, "<html>Bad Gateway</html>"),
            Err(ApiError::Server { status: 502 })
        );
        assert_eq!(
            read(500, r#"{"success":false}"#),
            Err(ApiError::Server { status: 500 })
        );
        assert_eq!(
            read(200, "<!doctype html><p>login</p>"),
            Err(ApiError::NotJson { status: 200 })
        );
        assert_eq!(
            read(404, "Not Found"),
            Err(ApiError::NotJson { status: 404 })
        );
        assert_eq!(
            read(200, "[1,2]"),
            Err(ApiError::Unexpected { status: 200 })
        );
        assert_eq!(
            read(200, r#"{"success":false}"#),
            Err(ApiError::Unexpected { status: 200 })
        );
        assert_eq!(
            read(404, r#"{"foo":1}"#),
            Err(ApiError::Unexpected { status: 404 })
        );
        assert_eq!(
            read(400, r#"{"success":false}"#),
            Err(ApiError::Unexpected { status: 400 })
        );
        assert_eq!(
            read(
                200,
                r#"{"success":false,"error":"Invalid value for Company field"}"#
            ),
            Err(ApiError::Rejected {
                message: "Invalid value for Company field".into(),
                error_type: None
            })
        );
    }

    #[test]
    fn statuses_for_events() {
        assert_eq!(read(403, r#"{"error":"x"}"#).unwrap_err().status(), 403);
        assert_eq!(read(502, "").unwrap_err().status(), 502);
        assert_eq!(ApiError::Network.status(), 0);
        let cors = ApiError::CorsRefused {
            server: "https://chat.example.com".into(),
        };
        assert_eq!(cors.status(), 0);
        assert!(cors.to_string().contains("\"Enable CORS\""));
        assert!(cors.to_string().contains("Admin > General > REST API"));
    }

    #[test]
    fn timeouts_say_how_long_was_waited() {
        let one = ApiError::Timeout { seconds: 1 }.to_string();
        assert!(
            one.starts_with(
                "The server did not answer within 1 second, so the request was cancelled."
            ),
            "{one}"
        );
        assert!(ApiError::Timeout { seconds: 15 }
            .to_string()
            .contains("within 15 seconds"));
        assert_eq!(ApiError::Timeout { seconds: 15 }.status(), 0);
    }
}
