//! Languages: the `locale` prop and attribute, the browser's languages, right to left, the
//! `labels` that win over a language, and what happens without a catalogue.

use crate::harness::*;
use leptos::prelude::*;
use omnichannel_contact_form::embed::define_custom_element;
use omnichannel_contact_form::{ContactWidget, Labels};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

const OK: Answer = Answer(200, r#"{"contact":"c1","success":true}"#, &[]);

/// Serves the catalogues as `dist/i18n/` does.
fn serve_catalogues() {
    for (tag, text) in [
        ("de", include_str!("../../i18n/de.txt")),
        ("fr", include_str!("../../i18n/fr.txt")),
        ("es", include_str!("../../i18n/es.txt")),
        ("pt-BR", include_str!("../../i18n/pt-BR.txt")),
        ("ar", include_str!("../../i18n/ar.txt")),
    ] {
        route(&format!("/i18n/{tag}.txt"), 200, text);
    }
}

/// A signed-in widget speaking `locale` (none: the browser's languages), with `labels`.
fn mount_in(locale: Option<&'static str>, labels: Labels) -> HtmlElement {
    let host = new_host();
    leptos::mount::mount_to(host.clone(), move || {
        view! { <ContactWidget server=SERVER credentials=agent() locale=locale.map(str::to_owned) labels=labels /> }
    })
    .forget();
    host
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn root(host: &Element) -> Element {
    host.query_selector(".ocf")
        .unwrap()
        .expect("the widget's root")
}

fn labels(host: &Element) -> Vec<String> {
    let list = host.query_selector_all("label:not([hidden])").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.text_content())
        .collect()
}

/// Waits until the form shows `label` (its language's texts have come).
async fn wait_label(host: &Element, label: &str) {
    wait_for(&format!("the label {label:?}"), || {
        labels(host).iter().any(|l| l == label)
    })
    .await;
}

#[wasm_bindgen_test]
async fn german_labels_messages_plurals_and_a_save() {
    clear_storage();
    stub_fetch(&[OK]);
    serve_catalogues();
    let host = mount_in(Some("de-AT"), Labels::default());
    wait_label(&host, "E-Mail").await;
    ready().await;
    assert_eq!(
        labels(&host),
        [
            "Kontakt suchen",
            "Name",
            "E-Mail",
            "Telefon",
            "Kontaktmanager"
        ]
    );
    assert_eq!(root(&host).get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(root(&host).get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        button_texts(&host),
        [
            "Kontakt anlegen",
            "Neuer Kontakt",
            "Kontakte importieren",
            "Abmelden"
        ]
    );

    click(&host, "Kontakt anlegen");
    leptos::task::tick().await;
    assert_eq!(
        field_error(&host, "name").as_deref(),
        Some("Geben Sie den Namen des Kontakts ein.")
    );
    wait_status(&host, "Ein Feld muss vor dem Speichern korrigiert werden.").await;
    type_into(&host, "email", "nicht-gültig");
    click(&host, "Kontakt anlegen");
    leptos::task::tick().await;
    wait_status(
        &host,
        "2 Felder müssen vor dem Speichern korrigiert werden.",
    )
    .await;

    fill_valid(&host);
    click(&host, "Kontakt anlegen");
    leptos::task::tick().await;
    wait_status(&host, "Kontakt angelegt (ID c1).").await;
    assert_eq!(
        button_texts(&host),
        [
            "Kontakt aktualisieren",
            "Neuer Kontakt",
            "Kontakte importieren",
            "Abmelden",
            "Unterhaltungen"
        ]
    );
}

/// The left edge, on screen, of characters `from..to` of the text inside `element`.
fn left_of(element: &web_sys::Element, from: u32, to: u32) -> f64 {
    let measure = js_sys::Function::new_with_args(
        "element, from, to",
        "const range = document.createRange(); const text = element.firstChild; \
         range.setStart(text, from); range.setEnd(text, to); \
         return range.getBoundingClientRect().left;",
    );
    let left = measure.call3(
        &wasm_bindgen::JsValue::NULL,
        element,
        &from.into(),
        &to.into(),
    );
    left.unwrap().as_f64().expect("a position")
}

#[wasm_bindgen_test]
async fn the_arabic_phone_hint_shows_the_number_the_right_way_round() {
    clear_storage();
    stub_fetch(&[]);
    serve_catalogues();
    let host = mount_in(Some("ar"), Labels::default());
    wait_label(&host, "الاسم").await;
    let number = host
        .query_selector("[name='phone']")
        .unwrap()
        .and_then(|input| {
            let hint = format!("[id='{}-hint'] bdi", input.id());
            host.query_selector(&hint).unwrap()
        })
        .expect("the number in the hint is isolated in a <bdi>");
    assert_eq!(number.text_content().as_deref(), Some("+966 11 234 5678"));
    let (plus, last) = (left_of(&number, 0, 4), left_of(&number, 12, 16));
    assert!(
        plus < last,
        "+966 is drawn left of 5678 in a right-to-left form ({plus} < {last})"
    );
}

#[wasm_bindgen_test]
async fn arabic_is_right_to_left_on_the_root_with_ltr_email_and_phone() {
    clear_storage();
    stub_fetch(&[Answer(
        400,
        r#"{"success":false,"error":"Invalid phone number [error-invalid-phone]"}"#,
        &[],
    )]);
    serve_catalogues();
    let host = mount_in(Some("ar"), Labels::default());
    wait_label(&host, "الاسم").await;
    ready().await;
    let widget = root(&host);
    assert_eq!(widget.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("ar"));
    let html = document().document_element().unwrap();
    assert_eq!(
        html.get_attribute("dir"),
        None,
        "never the host page's <html>"
    );
    for (name, dir) in [
        ("name", "auto"),
        ("email", "ltr"),
        ("phone", "ltr"),
        ("contactManager", "ltr"),
    ] {
        assert_eq!(
            input(&host, name).get_attribute("dir").as_deref(),
            Some(dir),
            "{name}"
        );
    }
    let computed = web_sys::window()
        .unwrap()
        .get_computed_style(&widget)
        .unwrap()
        .unwrap();
    assert_eq!(computed.get_property_value("direction").unwrap(), "rtl");

    click(&host, "تسجيل جهة الاتصال");
    leptos::task::tick().await;
    assert_eq!(
        field_error(&host, "name").as_deref(),
        Some("أدخل اسم جهة الاتصال.")
    );
    fill_valid(&host);
    click(&host, "تسجيل جهة الاتصال");
    leptos::task::tick().await;
    wait_status(&host, "رفض الخادم جهة الاتصال: Invalid phone number").await;
    let region = host
        .query_selector(".ocf-status[role=status]")
        .unwrap()
        .unwrap();
    assert!(
        region
            .inner_html()
            .contains("<bdi>Invalid phone number [error-invalid-phone]</bdi>"),
        "the server's words are isolated inside the Arabic sentence: {}",
        region.inner_html()
    );
}

#[wasm_bindgen_test]
async fn labels_win_over_the_language_key_by_key() {
    clear_storage();
    stub_fetch(&[]);
    serve_catalogues();
    let (labels_given, problems) = Labels::new([("register", "Créer la fiche")]);
    assert!(problems.is_empty());
    let host = mount_in(Some("fr"), labels_given);
    wait_label(&host, "Nom").await;
    assert_eq!(
        button_texts(&host),
        [
            "Créer la fiche",
            "Nouveau contact",
            "Importer des contacts",
            "Se déconnecter"
        ]
    );
}

#[wasm_bindgen_test]
async fn without_a_locale_the_browsers_languages_decide() {
    clear_storage();
    stub_fetch(&[]);
    serve_catalogues();
    js_sys::eval(r#"window.__languages = ["zh-CN", "pt-PT", "en"];"#).unwrap();
    let host = mount_in(None, Labels::default());
    wait_label(&host, "Nome").await;
    assert_eq!(root(&host).get_attribute("lang").as_deref(), Some("pt-BR"));
    assert!(button_texts(&host).contains(&"Cadastrar contato".to_owned()));
}

#[wasm_bindgen_test]
async fn an_unknown_locale_or_a_missing_catalogue_speaks_english_and_says_why() {
    clear_storage();
    stub_fetch(&[]);
    record_warnings();
    let host = mount_in(Some("zh-Hans"), Labels::default());
    wait_label(&host, "Name").await;
    assert_eq!(root(&host).get_attribute("lang").as_deref(), Some("en"));
    // No catalogue served: the Spanish one is missing.
    route("/i18n/es.txt", 404, "");
    let other = mount_in(Some("es"), Labels::default());
    wait_label(&other, "Email").await;
    assert_eq!(root(&other).get_attribute("lang").as_deref(), Some("en"));
    let said = warnings().join("\n");
    restore_warnings();
    assert!(
        said.contains("locale \"zh-Hans\" is not available"),
        "{said}"
    );
    assert!(said.contains("the es texts are not available"), "{said}");
    assert!(said.contains("HTTP 404"), "{said}");
}

#[wasm_bindgen_test]
async fn the_locale_attribute_switches_in_place_and_keeps_what_was_typed() {
    clear_storage();
    stub_fetch(&[]);
    serve_catalogues();
    define_custom_element();
    let wrapper = document().create_element("div").unwrap();
    wrapper.set_inner_html(
        r#"<omnichannel-contact-form server="https://chat.example.com" auth-token="agent-token" user-id="agent-id" locale="de"></omnichannel-contact-form>"#,
    );
    document().body().unwrap().append_child(&wrapper).unwrap();
    let element = wrapper.first_element_child().unwrap();
    let inside = || -> HtmlElement {
        let shadow = element.shadow_root().expect("an open shadow root");
        shadow
            .query_selector("div")
            .unwrap()
            .unwrap()
            .unchecked_into()
    };
    wait_label(&inside(), "Telefon").await;
    type_into(&inside(), "name", "Ada Lovelace");
    type_into(&inside(), "email", "ada@");
    click(&inside(), "Kontakt anlegen");
    wait_for("the email's mark", || {
        field_error(&inside(), "email").is_some()
    })
    .await;
    let german = field_error(&inside(), "email").expect("the email is marked");

    element.set_attribute("locale", "ar").unwrap();
    wait_label(&inside(), "الهاتف").await;
    assert_eq!(root(&inside()).get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(input(&inside(), "name").value(), "Ada Lovelace");
    assert_eq!(input(&inside(), "email").value(), "ada@");
    let arabic = field_error(&inside(), "email").expect("the mark stays");
    assert!(
        arabic != german
            && arabic
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "the mark is said again in Arabic: {arabic}"
    );

    element.remove_attribute("locale").unwrap();
    wait_label(&inside(), "Phone").await;
    assert_eq!(root(&inside()).get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(input(&inside(), "name").value(), "Ada Lovelace");
    element.remove();
}
