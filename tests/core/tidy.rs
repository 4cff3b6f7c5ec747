//! Tidiness rules that run as ordinary tests: the core stays pure, every Rust file says
//! what it is for.

use crate::repo_root;

#[test]
fn the_core_library_has_no_web_dependencies() {
    let manifest = std::fs::read_to_string(repo_root().join("core/Cargo.toml")).unwrap();
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    for web in ["wasm-bindgen", "web-sys", "js-sys", "gloo", "yew"] {
        let named = dependencies
            .lines()
            .any(|line| line.trim_start().starts_with(web));
        assert!(!named, "core/Cargo.toml depends on {web}");
    }
    // The command-line tools and the server live in `cli/`, so the core builds with its own
    // few dependencies.
    for tool in ["axum", "tokio", "tower-http", "clap", "anyhow"] {
        let named = dependencies
            .lines()
            .any(|line| line.trim_start().starts_with(tool));
        assert!(
            !named,
            "core/Cargo.toml depends on {tool}: it belongs to cli/"
        );
    }
}

#[test]
fn the_core_library_reads_no_clock_and_does_no_io() {
    let mut offenders = Vec::new();
    visit(&repo_root().join("core/src"), &mut |path, text| {
        for banned in [
            "SystemTime",
            "Instant::now",
            "std::fs",
            "std::net",
            "std::env",
            "println!",
        ] {
            if text.contains(banned) {
                offenders.push(format!("{}: {banned}", path.display()));
            }
        }
    });
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn every_rust_file_starts_with_a_doc_line() {
    let mut missing = Vec::new();
    for folder in ["core/src", "web/src", "cli/src", "tests/core", "tests/cli"] {
        visit(&repo_root().join(folder), &mut |path, text| {
            if !text.starts_with("//!") {
                missing.push(path.display().to_string());
            }
        });
    }
    assert!(
        missing.is_empty(),
        "files without a `//!` first line: {missing:#?}"
    );
}

fn visit(folder: &std::path::Path, check: &mut dyn FnMut(&std::path::Path, &str)) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            visit(&path, check);
        } else if path.extension().is_some_and(|e| e == "rs") {
            check(&path, &std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The kinds are listed once (`core/src/kind.rs`, and `web/src/kind.rs` for their views):
/// every other file asks for a kind by type (`pack.content::<Checklist>()`), so adding a
/// kind never means finding the matches that forgot it. A kind's own folders may name it.
#[test]
fn no_file_outside_the_kind_folders_names_a_kinds_variant() {
    let variants = kizuki_core::kind::KIND_NAMES.iter().map(|name| {
        let mut chars = name.chars();
        let first = chars.next().unwrap().to_ascii_uppercase();
        format!("{first}{}", chars.as_str())
    });
    let patterns: Vec<String> = variants
        .flat_map(|variant| [format!("Kit::{variant}("), format!("KitState::{variant}(")])
        .collect();
    let mut offenders = Vec::new();
    for folder in ["core/src", "web/src", "cli/src"] {
        visit(&repo_root().join(folder), &mut |path, text| {
            let relative = path.strip_prefix(repo_root()).unwrap();
            let in_kind_folder = relative.components().any(|c| c.as_os_str() == "kind")
                || relative.ends_with("kind.rs");
            if in_kind_folder {
                return;
            }
            for pattern in &patterns {
                if text.contains(pattern.as_str()) {
                    offenders.push(format!("{}: {pattern}", relative.display()));
                }
            }
        });
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// No `_ =>` arm hides a kind: the registry generates every match over kinds.
#[test]
fn the_kind_registry_is_the_only_match_over_kinds() {
    let registry = std::fs::read_to_string(repo_root().join("core/src/kind.rs")).unwrap();
    assert!(
        registry.contains("macro_rules! kinds"),
        "the kinds are listed by one macro"
    );
    let listed = registry
        .split("kinds! {")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|line| line.contains("feature = \""))
        .count();
    assert_eq!(
        listed,
        kizuki_core::kind::KIND_NAMES.len(),
        "every kind is in the list once"
    );
}
