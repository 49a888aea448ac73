//! Scripts run in the page to type and click inside a shadow root, where WebDriver's own
//! elements do not reach.

use serde_json::json;

/// A script that types `value` into the input named `name` under `root` (a JS expression: an
/// element or a shadow root) as an input event; it returns whether the input was there.
pub fn type_script(root: &str, name: &str, value: &str) -> String {
    format!(
        r#"const input = {root}.querySelector("input[name='{name}']");
           if (!input) return false;
           input.value = {value};
           input.dispatchEvent(new Event("input", {{ bubbles: true }}));
           return true;"#,
        value = json!(value)
    )
}

/// A script that clicks the button reading `text` under `root`; it returns whether there was one.
pub fn click_script(root: &str, text: &str) -> String {
    format!(
        r#"const button = [...{root}.querySelectorAll("button")].find((b) => b.textContent.trim() === {text});
           if (!button) return false;
           button.click();
           return true;"#,
        text = json!(text)
    )
}
