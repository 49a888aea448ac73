//! Chromium driven through chromedriver, used the way a person uses the page: open, type,
//! click, wait, audit with axe, take the guides' pictures; and waiting on the stand-in's data.

use crate::scripts::{click_script, type_script};
use crate::{free_port, PATIENCE};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use rc_standin::state::AppState;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// Chrome's network emulation, through chromedriver's bridge to the DevTools protocol:
/// `offline` cuts the page off the network as flight mode or a pulled cable does (requests fail,
/// `navigator.onLine` turns false, and `online` fires when it comes back).
#[derive(Debug)]
struct NetworkConditions {
    offline: bool,
}

impl fantoccini::wd::WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let params = json!({
            "offline": self.offline,
            "latency": 0,
            "downloadThroughput": -1,
            "uploadThroughput": -1,
        });
        let body = json!({"cmd": "Network.emulateNetworkConditions", "params": params});
        (http::Method::POST, Some(body.to_string()))
    }
}

/// A headless Chromium session with its own chromedriver and profile.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver on a free loopback port and opens a session, in English.
    pub async fn start() -> Browser {
        Browser::start_in("en-US").await
    }

    /// [`Browser::start`] with Chromium set to the language `lang` (a BCP 47 tag), as a person
    /// whose browser speaks it: its interface and `navigator.languages`.
    pub async fn start_in(lang: &str) -> Browser {
        let port = free_port();
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            // Chromium on Linux takes its language from the environment.
            .env("LANGUAGE", lang.replace('-', "_"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {chromedriver}: {e} (scripts/setup.sh installs it)")
            });
        let profile = std::env::temp_dir().join(format!("e2e-chromium-{port}"));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1000,900",
                    // gc() for the tests that prove nothing depends on a JS object staying alive;
                    // performance.memory to the byte, for the import's benchmark.
                    "--js-flags=--expose-gc", "--enable-precise-memory-info",
                    format!("--user-data-dir={}", profile.display()),
                    format!("--lang={lang}"),
                ],
                "prefs": { "intl.accept_languages": lang },
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if started.elapsed() > PATIENCE => panic!("chromedriver did not start: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Browser {
            client,
            driver,
            profile,
        }
    }

    /// A browser on `url`, signed in through the widget as the seeded `user` (whose password is
    /// `<user>-pass`).
    pub async fn signed_in(url: &str, user: &str) -> Browser {
        let b = Browser::start().await;
        b.open(url).await;
        b.sign_in(user, &format!("{user}-pass")).await;
        b.wait_status("Signed in.").await;
        b
    }

    /// Ends the session and chromedriver.
    pub async fn finish(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }

    /// Opens `url`; on the demo page, waits until the wasm has taken the drawn form over.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("the page opens");
        self.taken_over().await;
    }

    /// Reloads the page, and waits as [`Browser::open`] does.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("the page reloads");
        self.taken_over().await;
    }

    /// On the demo page (the loader draws the form before the wasm is there), waits for the
    /// takeover, so that what a test types goes to the wasm's form.
    pub async fn taken_over(&self) {
        let script = "const demo = document.getElementById('omnichannel-contact-form-demo'); \
                      return !demo || document.body.hasAttribute('data-ready')";
        self.wait_js("the wasm's form", script).await;
    }

    /// Waits for the input (or select) named `name`.
    pub async fn input(&self, name: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(&format!("[name='{name}']")))
            .await
            .unwrap_or_else(|e| panic!("no input {name}: {e}"))
    }

    /// Whether an input named `name` is on the page now.
    pub async fn has_input(&self, name: &str) -> bool {
        self.client
            .find(Locator::Css(&format!("input[name='{name}']")))
            .await
            .is_ok()
    }

    /// Replaces the text of the input named `name`, typing as a person does.
    pub async fn fill(&self, name: &str, text: &str) {
        let field = self.input(name).await;
        field.clear().await.expect("the input clears");
        field.send_keys(text).await.expect("typing works");
    }

    /// Waits until the input named `name` holds `expected` (a stored record loads after the
    /// page shows).
    pub async fn wait_value(&self, name: &str, expected: &str) {
        let started = Instant::now();
        while self.value(name).await != expected {
            assert!(
                started.elapsed() < PATIENCE,
                "{name} never showed {expected:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Takes the page off the network, or puts it back.
    pub async fn set_online(&self, online: bool) {
        self.client
            .issue_cmd(NetworkConditions { offline: !online })
            .await
            .expect("chromedriver emulates the network");
    }

    /// Chooses the option `value` of the select named `name`.
    pub async fn choose(&self, name: &str, value: &str) {
        self.input(name)
            .await
            .select_by_value(value)
            .await
            .expect("the option is chosen");
    }

    /// The current value of the input named `name`.
    pub async fn value(&self, name: &str) -> String {
        self.input(name)
            .await
            .prop("value")
            .await
            .expect("the value reads")
            .unwrap_or_default()
    }

    /// Clicks the button whose text is `text`, waiting for it.
    pub async fn click(&self, text: &str) {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&format!(
                "//button[normalize-space()='{text}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("no button {text:?}: {e}"))
            .click()
            .await
            .expect("the click lands");
    }

    /// Clicks the element `xpath` finds (an option, a radio), waiting for it; `what` names it
    /// if it never comes.
    pub async fn click_at(&self, what: &str, xpath: &str) {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|e| panic!("no {what}: {e}"))
            .click()
            .await
            .expect("the click lands");
    }

    /// Whether a button reading `text` is on the page now.
    pub async fn has_button(&self, text: &str) -> bool {
        self.client
            .find(Locator::XPath(&format!(
                "//button[normalize-space()='{text}']"
            )))
            .await
            .is_ok()
    }

    /// The wasm files the page has fetched so far, by file name, in order.
    pub async fn wasm_fetched(&self) -> Vec<String> {
        let names = self
            .js("return performance.getEntriesByType('resource')
                    .map((e) => new URL(e.name).pathname.split('/').pop())
                    .filter((n) => n.endsWith('.wasm'))")
            .await;
        serde_json::from_value(names).expect("a list of names")
    }

    /// Waits until the page's status region contains `text`.
    pub async fn wait_status(&self, text: &str) -> String {
        self.wait_status_in("document", text).await
    }

    /// The error shown under the input named `name`, if any.
    pub async fn field_error(&self, name: &str) -> Option<String> {
        let id = self.input(name).await.attr("id").await.ok().flatten()?;
        let script = format!("const e = document.getElementById('{id}-error'); return e && !e.hidden ? e.textContent : null;");
        match self.client.execute(&script, vec![]).await {
            Ok(Value::String(s)) => Some(s),
            _ => None,
        }
    }

    /// Runs `script` in the page and gives its result.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until `script` returns something truthy, and gives it.
    pub async fn wait_js(&self, what: &str, script: &str) -> Value {
        let started = Instant::now();
        loop {
            let value = self.js(script).await;
            if !matches!(value, Value::Null | Value::Bool(false)) && value != json!("") {
                return value;
            }
            assert!(started.elapsed() < PATIENCE, "never saw: {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs axe-core over the page in the widget's light theme and then its dark one, and
    /// fails with `what` on any violation.
    pub async fn audited_light_and_dark(&self, what: &str) {
        for theme in ["light", "dark"] {
            self.js(&format!(
                "document.querySelector('.ocf').className = 'ocf' + ({} === 'dark' ? ' ocf--dark' : '')",
                json!(theme)
            ))
            .await;
            assert_eq!(self.audit().await, Vec::<String>::new(), "{what}, {theme}");
        }
    }

    /// Runs axe-core (WCAG 2.x A and AA, and best practices) over the page, shadow roots
    /// included, and gives each violation as a line: rule, impact, targets and what is wrong.
    pub async fn audit(&self) -> Vec<String> {
        if self.js("return typeof axe === 'undefined'").await == json!(true) {
            let axe = std::fs::read_to_string(axe_path()).unwrap_or_else(|e| {
                panic!("no axe-core ({e}): scripts/setup.sh installs it into .tools/")
            });
            self.js(&format!("{axe}\nreturn true;")).await;
        }
        let script = r#"
            const done = arguments[arguments.length - 1];
            const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
            axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
              .then((r) => done(r.violations.flatMap((v) => v.nodes.map((n) =>
                `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${n.failureSummary.replace(/\s+/g, " ")}`))))
              .catch((e) => done([`axe failed: ${e}`]));"#;
        let found = self
            .client
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("axe did not run: {e}"));
        serde_json::from_value(found).expect("a list of violations")
    }

    /// Signs `user` (password `<user>-pass`, as the stand-in seeds it) in through the sign-in
    /// form under `root` (a JS expression: an element's shadow root), then waits for the form.
    pub async fn sign_in_within(&self, root: &str, user: &str) {
        self.wait_js(
            "the sign-in form",
            &format!(r#"const r = {root}; return !!r && !!r.querySelector("input[name='user']")"#),
        )
        .await;
        self.js(&type_script(root, "user", user)).await;
        self.js(&type_script(root, "password", &format!("{user}-pass")))
            .await;
        self.js(&click_script(root, "Sign in")).await;
        self.wait_status_in(root, "Signed in.").await;
        self.wait_js(
            "the form",
            &format!(r#"return !!{root}.querySelector("input[name='name']")"#),
        )
        .await;
    }

    /// Waits until the widget's status region under `root` (a JS expression) contains `text`
    /// (not the Conversations section's own, under a saved contact).
    pub async fn wait_status_in(&self, root: &str, text: &str) -> String {
        let script = format!(
            r#"const s = {root}.querySelector(".ocf-status[role='status']"); return s ? s.textContent : "";"#
        );
        let started = Instant::now();
        loop {
            let status = self
                .js(&script)
                .await
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if status.contains(text) {
                return status;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "status under {root} never contained {text:?}; it reads {status:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Writes a screenshot to `target/e2e-screenshots/<name>.png`, to be looked at.
    pub async fn picture(&self, name: &str) {
        let shot = self.client.screenshot().await.expect("a screenshot");
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("a folder for screenshots");
        std::fs::write(dir.join(format!("{name}.png")), shot).expect("the screenshot is written");
    }

    /// Writes a picture for the guides, `docs/images/<name>.png`: the element `selector` finds
    /// (scrolled into view), or the whole window. Taken on every run, so it shows the widget
    /// as it is.
    pub async fn doc_picture(&self, name: &str, selector: Option<&str>) {
        let shot = match selector {
            Some(selector) => {
                let element = self
                    .client
                    .find(Locator::Css(selector))
                    .await
                    .expect("the element to picture");
                element.screenshot().await
            }
            None => self.client.screenshot().await,
        };
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/images");
        std::fs::create_dir_all(&dir).expect("docs/images/");
        std::fs::write(dir.join(format!("{name}.png")), shot.expect("a picture"))
            .expect("the picture is written");
    }

    /// Signs in through the widget's sign-in form.
    pub async fn sign_in(&self, user: &str, password: &str) {
        self.sign_in_pressing(user, password, "Sign in").await;
    }

    /// Signs in through a sign-in form whose button reads `button` (another language's).
    pub async fn sign_in_pressing(&self, user: &str, password: &str, button: &str) {
        self.fill("user", user).await;
        self.fill("password", password).await;
        self.click(button).await;
    }
}

/// axe-core's browser build, installed by `scripts/setup.sh`.
pub fn axe_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/node_modules/axe-core/axe.min.js")
}

/// Waits until `check` holds on the stand-in's data.
pub async fn wait_data(
    state: &AppState,
    what: &str,
    check: impl Fn(&rc_standin::model::Data) -> bool,
) {
    let started = Instant::now();
    while !state.store.read(&check).await {
        assert!(
            started.elapsed() < PATIENCE,
            "the stand-in never saw: {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
