//! Writes what the release build's wasm draws first into `loader/contact-form.js` (run by
//! `scripts/shell.sh` after `trunk build --release`).

#[tokio::main]
async fn main() {
    let drawn = e2e::shell::first_draws().await;
    e2e::shell::write_loader(&drawn);
    println!("loader/contact-form.js: the shell as the wasm draws it now");
}
