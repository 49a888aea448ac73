//! The example Leptos app (`examples/leptos-app`, built by `scripts/test.sh`) uses
//! `<ContactWidget/>` and its `on_saved` callback: it works in the browser, not only compiles.

use e2e::Browser;
use rc_standin::{Options, Standin};
use std::net::SocketAddr;
use std::path::PathBuf;

#[tokio::test(flavor = "multi_thread")]
async fn the_example_app_saves_a_contact_and_lists_it() {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/leptos-app");
    assert!(
        dist.join("index.html").is_file(),
        "no example build in {}: run `trunk --config examples/leptos-app/Trunk.toml build` (scripts/test.sh does)",
        dist.display()
    );
    let options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        static_dir: Some(dist),
        required_field: false,
        ..Options::default()
    };
    let standin = Standin::bind(&options).await.expect("the stand-in starts");
    let state = standin.state.clone();
    let url = format!("http://{}", standin.spawn());
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "Ada from the app").await;
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    let id = state.store.read(|d| d.visitors[0].id.clone()).await;
    let listed = b
        .wait_js(
            "the app's list",
            "const li = document.querySelector('li'); return li && li.textContent;",
        )
        .await;
    assert_eq!(listed, format!("{id} (registered)"));
    b.finish().await;
}
