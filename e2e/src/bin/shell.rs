//! Writes what the release build's wasm draws first into `loader/contact-form.js` and each
//! other language's drawn texts into `i18n/shell/` (run by `scripts/shell.sh` after
//! `trunk build --release`).

#[tokio::main]
async fn main() {
    let (drawn, texts) = e2e::shell::first_draws().await;
    e2e::shell::write_loader(&drawn);
    e2e::shell::write_texts(&texts);
    println!("loader/contact-form.js and i18n/shell/: the shell as the wasm draws it now");
}
