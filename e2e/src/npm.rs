//! The npm package as a web developer takes it: `scripts/package.sh`'s tarball installed into a
//! clean project, the pinned tools of `.tools/` (`scripts/setup.sh`) run over it, and its
//! widget files copied beside a bundle. Shared by the package's and the frameworks' tests.

use rc_standin::state::AppState;
use rc_standin::{Options, Standin};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A pinned tool of `.tools/node_modules/.bin`.
pub fn tool(name: &str) -> PathBuf {
    let path = root().join(".tools/node_modules/.bin").join(name);
    assert!(
        path.exists(),
        "no {name}: scripts/setup.sh installs it into .tools/"
    );
    path
}

/// The tarball `scripts/package.sh` packed, for the crate's version.
pub fn tarball() -> PathBuf {
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml reads");
    let version = cargo
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("the crate's version");
    let path = root().join(format!("target/npm/omnichannel-contact-form-{version}.tgz"));
    assert!(
        path.is_file(),
        "no {}: run scripts/package.sh (scripts/test.sh does)",
        path.display()
    );
    path
}

/// Runs `program` in `dir`; gives whether it succeeded and what it printed.
pub fn run(dir: &Path, program: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{} does not run: {e}", program.display()));
    let printed =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), printed)
}

/// `tsc --strict --noEmit` (ES2022 with the DOM, modules resolved as a bundler does) with the
/// `extra` options over `files`, in `dir`: whether they type-check, and why not.
pub fn tsc(dir: &Path, extra: &[&str], files: &[&str]) -> (bool, String) {
    let mut args = vec![
        "--strict",
        "--noEmit",
        "--target",
        "ES2022",
        "--module",
        "ESNext",
        "--moduleResolution",
        "bundler",
        "--lib",
        "ES2022,DOM",
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(files);
    run(dir, &tool("tsc"), &args)
}

/// A clean project named `name` with the tarball installed (offline: it has no dependencies),
/// and these packages of `.tools/` linked into its `node_modules` as a project's own install
/// would put them.
pub fn project(name: &str, packages: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    std::fs::write(
        dir.join("package.json"),
        format!(r#"{{"name": "{name}", "private": true, "type": "module"}}"#),
    )
    .expect("package.json");
    let tarball = tarball();
    let (ok, printed) = run(
        &dir,
        Path::new("npm"),
        &[
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            tarball.to_str().unwrap(),
        ],
    );
    assert!(ok, "npm install of the tarball failed:\n{printed}");
    for package in packages {
        let from = root().join(".tools/node_modules").join(package);
        assert!(
            from.is_dir(),
            "no {package}: scripts/setup.sh installs it into .tools/"
        );
        let to = dir.join("node_modules").join(package);
        std::fs::create_dir_all(to.parent().unwrap()).expect("node_modules/@scope");
        std::os::unix::fs::symlink(&from, &to).expect("the package is linked");
    }
    dir
}

/// Copies the package's widget files (the module, the wasm, the lazy parts, its snippets, the
/// catalogues and the styles) into `site`, beside a bundle, as the package's README says.
pub fn copy_widget_files(project: &Path, site: &Path) {
    std::fs::create_dir_all(site).expect("the site's folder");
    let package = project.join("node_modules/omnichannel-contact-form");
    // The lazy parts' files, as the README's `*.wasm` and `__wasm_split-*.js` copy them.
    let parts: Vec<String> = std::fs::read_dir(&package)
        .expect("the installed package reads")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".wasm") || n.starts_with("__wasm_split-"))
        .collect();
    assert!(
        parts.iter().any(|n| n.starts_with("split_conversations-")),
        "the package ships the Conversations part: {parts:?}"
    );
    let named = [
        "omnichannel-contact-form.js",
        "snippets",
        "i18n",
        "widget.css",
    ];
    for name in named
        .iter()
        .copied()
        .chain(parts.iter().map(String::as_str))
    {
        let (ok, printed) = run(
            project,
            Path::new("cp"),
            &[
                "-r",
                package.join(name).to_str().unwrap(),
                site.to_str().unwrap(),
            ],
        );
        assert!(ok, "{printed}");
    }
}

/// A stand-in serving `site` (a bundle with the widget's files beside it) and its API on one
/// origin, no custom field required: its URL and state.
pub async fn serve(site: &Path) -> (String, Arc<AppState>) {
    let options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        static_dir: Some(site.to_owned()),
        required_field: false,
        ..Options::default()
    };
    let standin = Standin::bind(&options).await.expect("the stand-in starts");
    let state = standin.state.clone();
    (format!("http://{}", standin.spawn()), state)
}
