//! What the stand-in's HTTP tests share: start a stand-in, call it, sign in.

#![allow(dead_code)] // each test file uses its own part

use rc_standin::{Options, Standin};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

pub struct Rc {
    pub base: String,
    pub http: Client,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

pub async fn start_with(options: Options) -> Rc {
    let options = Options {
        listen: "127.0.0.1:0".parse().unwrap(),
        ..options
    };
    let standin = Standin::bind(&options).await.expect("the stand-in starts");
    let addr = standin.spawn();
    Rc {
        base: format!("http://{addr}"),
        http: Client::new(),
    }
}

pub async fn start() -> Rc {
    start_with(Options::default()).await
}

impl Rc {
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        auth: Option<(&str, &str)>,
        body: Option<Value>,
    ) -> Answer {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some((user, token)) = auth {
            request = request
                .header("X-User-Id", user)
                .header("X-Auth-Token", token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("the stand-in answers");
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Answer {
            status,
            headers,
            body,
            text,
        }
    }

    pub async fn get_as(&self, auth: &(String, String), path: &str) -> Answer {
        let auth = Some((auth.0.as_str(), auth.1.as_str()));
        self.call(Method::GET, path, auth, None).await
    }

    pub async fn login(&self, user: &str) -> (String, String) {
        let a = self
            .call(
                Method::POST,
                "/api/v1/login",
                None,
                Some(json!({"user": user, "password": format!("{user}-pass")})),
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        (
            a.body["data"]["userId"].as_str().unwrap().to_owned(),
            a.body["data"]["authToken"].as_str().unwrap().to_owned(),
        )
    }

    pub async fn save_as(&self, auth: &(String, String), body: Value) -> Answer {
        self.call(
            Method::POST,
            "/api/v1/omnichannel/contact",
            Some((&auth.0, &auth.1)),
            Some(body),
        )
        .await
    }

    pub async fn record(&self, auth: &(String, String), id: &str) -> Value {
        let a = self
            .call(
                Method::GET,
                &format!("/api/v1/omnichannel/contact?contactId={id}"),
                Some((&auth.0, &auth.1)),
                None,
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        a.body["contact"].clone()
    }
}
