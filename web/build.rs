//! Compiles the UI string tables in `locales/<lang>/<table>.json` into Rust constants.
//!
//! Each language is a folder; each table a JSON object of strings (one level of nested
//! objects allowed). The build fails, naming the file and key, when a language lacks a key
//! another has, has one too many, or when a string's `{placeholders}` differ between
//! languages. The generated `locale_<table>.rs` holds one `static` per language and a
//! `text(lang)` function; the struct it fills (`<Table>Text`, and `<Key>Text` for a nested
//! object) is written by hand in the table's module, so the compiler also checks every key
//! against its field. A new table (a new kind's `locales/<lang>/<kind>.json`) needs no change
//! here.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How a nested object of a table is compiled.
enum Nested {
    /// Into a struct named after its key (`help_kinds` → `HelpKindsText`), a field per key.
    Struct(String),
    /// Into a sorted `&[(key, text)]` slice, looked up by key.
    Map,
}

/// Nested objects compiled as maps rather than structs: `(table, key)`.
const MAPS: &[(&str, &str)] = &[
    ("tools", "errors"),
    ("tools", "chk_fields"),
    ("tools", "chk_problems"),
    ("lms_package", "problems"),
];

/// `help_kinds` → `HelpKinds`.
fn camel(snake: &str) -> String {
    snake.split('_').map(variant).collect()
}

type Table = BTreeMap<String, serde_json::Value>;

/// The operator's address for error reports, from `[workspace.metadata.kizuki]` in the
/// workspace `Cargo.toml` (`report_errors_url = "…"`), as `KIZUKI_REPORT_ERRORS_URL` for
/// `web/src/about.rs`. The build fails when the key is missing: the panel must say something.
fn report_errors_url() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap())
        .parent()
        .unwrap()
        .join("Cargo.toml");
    println!("cargo::rerun-if-changed={}", manifest.display());
    let text = std::fs::read_to_string(&manifest)
        .unwrap_or_else(|error| panic!("{}: {error}", manifest.display()));
    let mut section = "";
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
        } else if section == "[workspace.metadata.kizuki]" {
            if let Some(value) = line
                .strip_prefix("report_errors_url")
                .map(str::trim_start)
                .and_then(|rest| rest.strip_prefix('='))
            {
                let url = value.trim().trim_matches('"');
                println!("cargo::rustc-env=KIZUKI_REPORT_ERRORS_URL={url}");
                return;
            }
        }
    }
    panic!(
        "{}: set report_errors_url in [workspace.metadata.kizuki]",
        manifest.display()
    );
}

fn main() {
    report_errors_url();
    let locales = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    println!("cargo::rerun-if-changed={}", locales.display());
    let mut languages: Vec<String> = std::fs::read_dir(&locales)
        .unwrap_or_else(|error| panic!("{}: {error}", locales.display()))
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    languages.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    minified_directory(&out_dir);
    // Every table of the first language: `<stem>.json` fills the struct `<Stem>Text`.
    let first = locales.join(&languages[0]);
    let mut stems: Vec<String> = std::fs::read_dir(&first)
        .unwrap_or_else(|error| panic!("{}: {error}", first.display()))
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    stems.sort();
    for stem in &stems {
        let type_name = format!("{}Text", camel(stem));
        let tables: Vec<(String, Table)> = languages
            .iter()
            .map(|lang| {
                (
                    lang.clone(),
                    read_table(&locales.join(lang).join(format!("{stem}.json"))),
                )
            })
            .collect();
        check_same_keys(stem, &tables);
        let nested: Vec<(String, Nested)> = tables[0]
            .1
            .iter()
            .filter(|(_, value)| value.is_object())
            .map(|(key, _)| {
                let how = if MAPS.contains(&(stem.as_str(), key.as_str())) {
                    Nested::Map
                } else {
                    Nested::Struct(format!("{}Text", camel(key)))
                };
                (key.clone(), how)
            })
            .collect();
        let mut code = String::new();
        for (lang, table) in &tables {
            let _ = writeln!(
                code,
                "/// The `{lang}` strings of `locales/{lang}/{stem}.json`.\npub static {}: {type_name} = {};",
                lang.to_uppercase(),
                struct_literal(&type_name, table, &nested)
            );
        }
        let arms: String = languages
            .iter()
            .map(|lang| {
                format!(
                    "        Lang::{} => &{},\n",
                    variant(lang),
                    lang.to_uppercase()
                )
            })
            .collect();
        let _ = writeln!(
            code,
            "/// The strings of this table in `lang`.\npub fn text(lang: Lang) -> &'static {type_name} {{\n    match lang {{\n{arms}    }}\n}}"
        );
        std::fs::write(out_dir.join(format!("locale_{stem}.rs")), code).unwrap();
    }
}

fn read_table(path: &Path) -> Table {
    let json =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&json).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// `ja` → `Ja`: the `kizuki_core::Lang` variant of a locale folder.
fn variant(lang: &str) -> String {
    let mut chars = lang.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Every `key` (or `outer.key`) of a table with its text.
fn flatten(table: &Table) -> BTreeMap<String, String> {
    let mut flat = BTreeMap::new();
    for (key, value) in table {
        match value {
            serde_json::Value::String(text) => {
                flat.insert(key.clone(), text.clone());
            }
            serde_json::Value::Object(inner) => {
                for (inner_key, inner_value) in inner {
                    let text = inner_value
                        .as_str()
                        .unwrap_or_else(|| panic!("{key}.{inner_key}: not a string"));
                    flat.insert(format!("{key}.{inner_key}"), text.to_string());
                }
            }
            _ => panic!("{key}: a locale value is a string or an object of strings"),
        }
    }
    flat
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

fn check_same_keys(stem: &str, tables: &[(String, Table)]) {
    let Some((first_lang, first)) = tables.first() else {
        panic!("no language folder in locales/")
    };
    let first = flatten(first);
    for (lang, table) in &tables[1..] {
        let other = flatten(table);
        if let Some(key) = first.keys().find(|key| !other.contains_key(*key)) {
            panic!("locales/{lang}/{stem}.json lacks \"{key}\" (it is in {first_lang})");
        }
        if let Some(key) = other.keys().find(|key| !first.contains_key(*key)) {
            panic!("locales/{lang}/{stem}.json has \"{key}\", which {first_lang} lacks");
        }
        for (key, text) in &first {
            if placeholders(text) != placeholders(&other[key]) {
                panic!(
                    "locales/{lang}/{stem}.json \"{key}\": placeholders differ from {first_lang}"
                );
            }
        }
    }
}

fn struct_literal(type_name: &str, table: &Table, nested: &[(String, Nested)]) -> String {
    let mut code = format!("{type_name} {{\n");
    for (key, value) in table {
        let field = match value {
            serde_json::Value::String(text) => format!("{text:?}"),
            serde_json::Value::Object(inner) => {
                let inner: Table = inner.clone().into_iter().collect();
                match nested.iter().find(|(name, _)| name == key) {
                    Some((_, Nested::Struct(inner_type))) => {
                        struct_literal(inner_type, &inner, &[])
                    }
                    Some((_, Nested::Map)) => {
                        let pairs: String = inner
                            .iter()
                            .map(|(k, v)| {
                                format!("({k:?}, {:?}), ", v.as_str().unwrap_or_default())
                            })
                            .collect();
                        format!("&[{pairs}]")
                    }
                    None => panic!("{key}: a nested object not declared in web/build.rs"),
                }
            }
            _ => panic!("{key}: not a string"),
        };
        let _ = writeln!(code, "    {key}: {field},");
    }
    code.push('}');
    code
}

/// The built-in resource directory (`content/directory/default.json`, compiled into every
/// module by `help.rs`) without its indentation: the same data, about 5 KB less in each wasm.
/// The file itself is checked by the core's content tests; here it only has to be JSON.
fn minified_directory(out_dir: &Path) {
    let path = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap())
        .join("../content/directory/default.json");
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    std::fs::write(out_dir.join("directory_default.json"), value.to_string()).unwrap();
}
