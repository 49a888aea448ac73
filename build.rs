//! Release builds for the browser get a 64 KB stack instead of Rust's 1 MB default, which
//! was most of the widget's linear memory (1,152 KB → 192 KB). Only release: unoptimised test
//! builds need far bigger frames. The end-to-end suite runs every flow on the release build,
//! the deepest (a 64-deep JSON answer, 300 custom fields) included; Rust puts the stack first
//! in memory, so an overflow traps instead of overwriting data.
//!
//! It also writes `field_names.rs`: the four contact fields' names in every catalogue of
//! `i18n/`, so that the import matches a spreadsheet's headers against the very names the widget
//! shows in each language, without fetching five catalogues.
//!
//! With the `split` feature (the trunk builds: lazy parts) the wasm keeps its relocations
//! (`--emit-relocs`), which the splitter needs to move a part's code into a chunk of its own.

use std::path::PathBuf;

/// The release build's stack, in bytes.
const STACK_SIZE: u32 = 64 * 1024;

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.starts_with("wasm32") && std::env::var("PROFILE").as_deref() == Ok("release") {
        println!("cargo:rustc-link-arg=-zstack-size={STACK_SIZE}");
    }
    if target.starts_with("wasm32") && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg=--emit-relocs");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("field_names.rs"), field_names()).expect("OUT_DIR is writable");
}

/// `FIELD_NAMES`: `(key, name)` for the keys `Name`, `Email`, `Phone` and `ContactManager` of
/// every `i18n/<tag>.txt`, in file name order.
fn field_names() -> String {
    println!("cargo:rerun-if-changed=i18n");
    let mut files: Vec<PathBuf> = std::fs::read_dir("i18n")
        .expect("i18n/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut names = Vec::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file).expect("a catalogue is readable");
        for line in text.lines() {
            let Some((key, name)) = line.split_once(" = ") else {
                continue;
            };
            if ["Name", "Email", "Phone", "ContactManager"].contains(&key) {
                names.push(format!("({key:?}, {name:?})"));
            }
        }
    }
    format!(
        "/// The contact fields' names in every catalogue (`build.rs`).\npub const FIELD_NAMES: [(&str, &str); {}] = [{}];\n",
        names.len(),
        names.join(", ")
    )
}
