//! A lazy part whose code cannot be fetched, in the browser suite's unsplit build (the split
//! build's own failures are `e2e/tests/lazy_parts.rs`'s): it is said in words with **Try
//! again**, nothing else changes, and Try again fetches again and shows the part.

use crate::harness::*;
use leptos::prelude::*;
use omnichannel_contact_form::domain::texts::Text;
use omnichannel_contact_form::settings::config::Config;
use omnichannel_contact_form::state::widget::events::Listeners;
use omnichannel_contact_form::state::widget::session::Session;
use omnichannel_contact_form::view::lazy::{said, LazyPart, Phase, Unfetched};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen_test::wasm_bindgen_test;

/// How many times the part's code was asked for.
static TRIES: AtomicUsize = AtomicUsize::new(0);

/// A part's code that cannot be fetched the first time, and can the second.
fn flaky() -> Pin<Box<dyn Future<Output = Result<(), Unfetched>>>> {
    Box::pin(async {
        match TRIES.fetch_add(1, Ordering::SeqCst) {
            0 => Err(Unfetched),
            _ => Ok(()),
        }
    })
}

#[wasm_bindgen_test]
async fn a_part_that_cannot_be_fetched_is_said_and_try_again_fetches_it_again() {
    let host = new_host();
    let config = Config::new(SERVER).expect("a server");
    leptos::mount::mount_to(host.clone(), move || {
        let session = Session::new(config.clone(), None, Listeners::default());
        let part = LazyPart::new(session, flaky);
        view! {
            <button type="button" on:click=move |_| part.open()>"Open"</button>
            {said(part, Text::LoadingConversations)}
            {move || (part.phase() == Phase::Open).then(|| view! { <p class="shown">"The part"</p> })}
        }
    })
    .forget();
    let text = |host: &web_sys::HtmlElement| host.text_content().unwrap_or_default();
    click(&host, "Open");
    wait_for("the words", || {
        text(&host).contains("This part of the form could not be loaded.")
    })
    .await;
    assert!(host.query_selector(".shown").unwrap().is_none());
    assert_eq!(TRIES.load(Ordering::SeqCst), 1);
    click(&host, "Try again");
    wait_for("the part", || {
        host.query_selector(".shown").unwrap().is_some()
    })
    .await;
    assert!(find_button(&host, "Try again").is_none(), "Try again went");
    assert!(
        !text(&host).contains("could not be loaded"),
        "the words went"
    );
    assert_eq!(TRIES.load(Ordering::SeqCst), 2);
}
