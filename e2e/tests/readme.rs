//! The front page stays true: the embedding snippet `README.md` shows is the page this test
//! serves (only its two placeholders, the widget's folder and the server, filled in), and an
//! agent signs in and registers a contact through it; and the picture the README shows,
//! `docs/images/form.png`, is taken here on every run, so it shows the form as it is.

use e2e::{click_script, host_site_with, type_script, Browser};
use rc_standin::{seed, Options};
use serde_json::json;

/// The lines of the README's fenced `html` block that follows its embedding-snippet marker.
fn readme_snippet() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md reads");
    let marker = readme
        .find("<!-- the embedding snippet")
        .expect("the README marks its embedding snippet");
    let block = &readme[marker..];
    let start = block
        .find("```html\n")
        .expect("an html block after the marker")
        + 8;
    let end = start + block[start..].find("```").expect("the block ends");
    block[start..end].to_owned()
}

#[test]
fn the_snippet_is_one_script_and_one_element_with_placeholders() {
    let snippet = readme_snippet();
    assert_eq!(snippet.lines().count(), 2, "{snippet}");
    assert!(snippet.contains(r#"<script type="module" src="/widgets/contact/contact-form.js">"#));
    assert!(snippet.contains(r#"<omnichannel-contact-form server="https://chat.example.com""#));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_readme_snippet_registers_a_contact() {
    // The site serves the widget's files at its root; the stand-in answers on the same origin.
    let site = host_site_with(&[], no_required_field()).await;
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title></head>
<body><h1>Intranet</h1>
{}<script>window.saved = []; document.addEventListener("contact-saved", (e) => window.saved.push(e.detail.contact));</script>
</body></html>"#,
        readme_snippet()
            .replace("/widgets/contact/", "/")
            .replace("https://chat.example.com", &site.url)
    );
    site.write("intranet.html", &page);
    let b = Browser::start().await;
    b.open(&format!("{}/intranet.html", site.url)).await;
    let root = r#"document.querySelector("omnichannel-contact-form").shadowRoot"#;
    b.sign_in_within(root, "agent.one").await;
    b.js(&type_script(root, "name", "Grace Hopper")).await;
    b.js(&type_script(root, "email", "grace@example.org")).await;
    b.js(&click_script(root, "Register contact")).await;
    b.wait_status_in(root, "Contact registered").await;

    // `api="auto"` chose the Contact Center of the stand-in (7.12).
    let contacts = site
        .state
        .store
        .read(|d| {
            d.contacts
                .iter()
                .filter(|c| c.name == "Grace Hopper")
                .map(|c| (c.id.clone(), c.emails.clone()))
                .collect::<Vec<_>>()
        })
        .await;
    assert_eq!(contacts.len(), 1, "{contacts:?}");
    assert_eq!(contacts[0].1, vec!["grace@example.org".to_owned()]);
    assert_eq!(b.js("return window.saved").await, json!([contacts[0].0]));
    b.finish().await;
}

/// The README's picture: the form signed in, in English and light beside Arabic and dark.
#[tokio::test(flavor = "multi_thread")]
async fn the_front_page_picture_is_taken_from_the_form_as_it_is() {
    let site = host_site_with(&[], no_required_field()).await;
    let element = |locale: &str, theme: &str| {
        format!(
            r#"<omnichannel-contact-form server="{url}" api="contacts" locale="{locale}" theme="{theme}" auth-token="{pat}" user-id="agentOne000000001"></omnichannel-contact-form>"#,
            url = site.url,
            pat = seed::PERSONAL_ACCESS_TOKEN
        )
    };
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Picture</title>
<style>body {{ margin: 0; display: grid; grid-template-columns: 1fr 1fr; background: #f2f2f2; }}
.side {{ padding: 16px; }} .dark {{ background: #1b1b1b; }}</style></head>
<body><div class="side">{light}</div><div class="side dark">{dark}</div>
<script type="module" src="/contact-form.js"></script></body></html>"#,
        light = element("en", "light"),
        dark = element("ar", "dark"),
    );
    site.write("picture.html", &page);
    let b = Browser::start().await;
    b.client
        .set_window_size(1200, 1230)
        .await
        .expect("the window resizes");
    b.open(&format!("{}/picture.html", site.url)).await;
    b.wait_js(
        "both forms drawn by the wasm, in their languages",
        r#"const [en, ar] = [...document.querySelectorAll("omnichannel-contact-form")].map((e) => e.shadowRoot);
           const ready = (r, label) => r && [...r.querySelectorAll("button")].some((b) => b.textContent.trim() === label);
           return ready(en, "Register contact") && ready(ar, "تسجيل جهة الاتصال")
             && !!ar.querySelector(".ocf[dir='rtl']");"#,
    )
    .await;
    b.doc_picture("form", None).await;
    b.finish().await;
}

/// The stand-in's options with Company optional, so the form saves with a name and an email.
fn no_required_field() -> Options {
    Options {
        required_field: false,
        ..Options::default()
    }
}
