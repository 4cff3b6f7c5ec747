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

/// The variants of the kinds (`Checklist`, …), from the core's one list of kinds.
fn kind_variants() -> Vec<String> {
    kizuki_core::kind::KIND_NAMES
        .iter()
        .map(|name| {
            let mut chars = name.chars();
            let first = chars.next().unwrap().to_ascii_uppercase();
            format!("{first}{}", chars.as_str())
        })
        .collect()
}

/// Every Rust file the kind rules look at: the crates' sources and their tests.
const RUST_FOLDERS: [&str; 5] = ["core/src", "web/src", "cli/src", "tests/core", "tests/cli"];

/// The kinds are listed once (`core/src/kind.rs`, and `web/src/kind.rs` for their views):
/// every other file asks for a kind by type (`pack.content::<Checklist>()`,
/// `state.get::<Checklist>()`, `KitState::from(answers)`), so adding a kind never means
/// finding the matches that forgot it. A kind's own folders may name it.
#[test]
fn no_file_outside_the_kind_folders_names_a_kinds_variant() {
    let patterns: Vec<String> = kind_variants()
        .into_iter()
        .flat_map(|variant| [format!("Kit::{variant}("), format!("KitState::{variant}(")])
        .collect();
    let mut offenders = Vec::new();
    for folder in RUST_FOLDERS {
        visit(&repo_root().join(folder), &mut |path, text| {
            let relative = path.strip_prefix(repo_root()).unwrap();
            let in_kind_folder = relative.components().any(|c| c.as_os_str() == "kind")
                || relative.ends_with("kind.rs");
            // This file's own examples of what the rules catch.
            if in_kind_folder || relative.ends_with("tests/core/tidy.rs") {
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

/// No arm hides a kind: nowhere (kind folders included) does a `match` over kinds have a
/// catch-all arm (`_`, or a bare binding), nor a `let`/`if let` pattern pick one kind and
/// let the others fall through. The only matches over kinds are the exhaustive ones the
/// `kinds!` list generates in `core/src/kind.rs`; code that wants one kind asks for it by
/// type and gets an `Option`.
#[test]
fn no_wildcard_arm_over_kinds() {
    let variants = kind_variants();
    let mut offenders = Vec::new();
    for folder in RUST_FOLDERS {
        visit(&repo_root().join(folder), &mut |path, text| {
            let relative = path
                .strip_prefix(repo_root())
                .unwrap()
                .display()
                .to_string();
            if relative.ends_with("tests/core/tidy.rs") {
                return; // its own examples, checked below
            }
            for finding in wildcards_over_kinds(text, &variants) {
                offenders.push(format!("{relative}: {finding}"));
            }
        });
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// The catch-alls over kinds in one file's text (see [`no_wildcard_arm_over_kinds`]).
fn wildcards_over_kinds(text: &str, variants: &[String]) -> Vec<String> {
    let names_a_kind = |pattern: &str| {
        pattern.contains("$variant")
            || variants.iter().any(|variant| {
                pattern.contains(&format!("Kit::{variant}"))
                    || pattern.contains(&format!("KitState::{variant}"))
            })
    };
    let mut findings = Vec::new();
    // A refutable `let` on one kind: the other kinds fall to its `else` (or are skipped).
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        if let Some(pattern) = code.split("let ").nth(1) {
            let pattern = pattern.split(" = ").next().unwrap_or_default();
            if names_a_kind(pattern) {
                findings.push(format!("a pattern on one kind: `{}`", line.trim()));
            }
        }
    }
    // A `match` whose arms name kinds and also catch everything else.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("match ") {
        let start = from + found;
        from = start + 6;
        let Some(open) = text[start..].find('{').map(|i| start + i) else {
            break;
        };
        // The match's block, and its arms' patterns: text before `=>` at the block's depth.
        let mut depth = 0usize;
        let mut arm_start = open + 1;
        let mut patterns = Vec::new();
        let mut index = open;
        while index < bytes.len() {
            match bytes[index] {
                b'{' | b'(' | b'[' => depth += 1,
                b'}' | b')' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    // A block body without a comma ends its arm.
                    if depth == 1 && bytes[index] == b'}' {
                        arm_start = index + 1;
                    }
                }
                b',' if depth == 1 => arm_start = index + 1,
                b'=' if depth == 1 && bytes.get(index + 1) == Some(&b'>') => {
                    patterns.push(text[arm_start..index].trim().to_string());
                    arm_start = index + 2;
                }
                _ => {}
            }
            index += 1;
        }
        if !patterns.iter().any(|p| names_a_kind(p)) {
            continue;
        }
        // Every arm of a match over kinds names a kind, but an `Err(…)` (no kind inside).
        for pattern in &patterns {
            let pattern = pattern
                .lines()
                .filter(|l| !l.trim_start().starts_with("#[") && !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join(" ");
            let pattern = pattern.trim();
            if !names_a_kind(pattern) && !pattern.starts_with("Err(") {
                findings.push(format!("an arm `{pattern}` that catches other kinds"));
            }
        }
    }
    findings
}

/// The rule above catches what it is meant to (a tidy check that cannot fail checks nothing).
#[test]
fn the_wildcard_rule_finds_catch_alls_and_passes_exhaustive_matches() {
    let variants = kind_variants();
    let wildcard =
        "match &pack.pack().kit {\n    Kit::Course(course) => Some(course),\n    _ => None,\n}";
    assert_eq!(wildcards_over_kinds(wildcard, &variants).len(), 1);
    let binding = "match (self, state) {\n    (Kit::Plan(p), KitState::Plan(s)) => f(p, s),\n    (kit, state) => Err(kit.mismatch(state)),\n}";
    assert_eq!(wildcards_over_kinds(binding, &variants).len(), 1);
    let let_else = "let Kit::Checklist(checklist) = &pack.pack().kit else {\n    return;\n};";
    assert_eq!(wildcards_over_kinds(let_else, &variants).len(), 1);
    let nested = "match import(pack, text) {\n    Ok(Export { state: KitState::Plan(cases), .. }) => Some(cases),\n    Ok(_) => None,\n    Err(error) => None,\n}";
    assert_eq!(wildcards_over_kinds(nested, &variants).len(), 1);
    let exhaustive = "match self {\n    Kit::Checklist(c) => c.validate(v),\n    Kit::Plan(p) => p.validate(v),\n}";
    assert!(wildcards_over_kinds(exhaustive, &variants).is_empty());
    let other_match = "match name {\n    \"a\" => 1,\n    _ => 0,\n}";
    assert!(wildcards_over_kinds(other_match, &variants).is_empty());
}

/// The registry lists every kind once, by one macro.
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

/// The kinds one function's text asks for by type (`pack.content::<Checklist>()`,
/// `state.get::<Checklist>()`, `into_state::<Checklist>()`, `Checklist::of(…)`,
/// `Checklist::state_of(…)`, an aggregate report's `figures::<Checklist>()`), comments left
/// out.
fn kinds_asked_for(text: &str, variants: &[String]) -> Vec<String> {
    let code = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    variants
        .iter()
        .filter(|variant| {
            [
                format!("content::<{variant}>"),
                format!("get::<{variant}>"),
                format!("into_state::<{variant}>"),
                format!("{variant}::of("),
                format!("{variant}::state_of("),
                format!("figures::<{variant}>"),
            ]
            .iter()
            .any(|pattern| code.contains(pattern.as_str()))
        })
        .cloned()
        .collect()
}

/// The chains over kinds in one file: each function (the text from one `fn ` to the next)
/// that asks for two kinds or more.
fn chains_over_kinds(text: &str, variants: &[String]) -> Vec<Vec<String>> {
    text.split("fn ")
        .map(|function| kinds_asked_for(function, variants))
        .filter(|kinds| kinds.len() > 1)
        .collect()
}

/// Calls `check` with the path (from the repository's root) and text of every Rust file
/// outside the kind folders and the tests: tests may compare kinds, and the kind folders
/// are where kinds live.
fn visit_outside_kind_folders(mut check: impl FnMut(&str, &str)) {
    for folder in RUST_FOLDERS {
        visit(&repo_root().join(folder), &mut |path, text| {
            let relative = path.strip_prefix(repo_root()).unwrap();
            let in_kind_folder = relative.components().any(|c| c.as_os_str() == "kind")
                || relative.ends_with("kind.rs");
            let is_test = relative.starts_with("tests") || relative.ends_with("tests.rs");
            if !(in_kind_folder || is_test) {
                check(&relative.display().to_string(), text);
            }
        });
    }
}

/// No chain over kinds outside the kind folders: a function that asks for two kinds or more by
/// type (`if let Some(c) = pack.content::<Checklist>() … else if … content::<Course>()`)
/// is a list of kinds that a new kind would have to join. What differs by kind is a method
/// of `Kind` (CSV, report, stats, …), written in the kind's folder and dispatched by the
/// `kinds!` list; a function outside may ask for the one kind it is about (the CLI's `ics`).
#[test]
fn no_file_outside_the_kind_folders_asks_for_several_kinds() {
    let variants = kind_variants();
    let mut offenders = Vec::new();
    visit_outside_kind_folders(|relative, text| {
        for kinds in chains_over_kinds(text, &variants) {
            offenders.push(format!("{relative}: {}", kinds.join(", ")));
        }
    });
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// The rule above finds the chain `core/src/stats.rs` had, and passes one kind.
#[test]
fn the_chain_rule_finds_a_chain_over_kinds() {
    let variants = kind_variants();
    let chain = "if let Some(checklist) = Checklist::of(&pack.kit) {\n    a(checklist);\n} else if let Some(plan) = Plan::of(&pack.kit) {\n    b(plan);\n}";
    assert_eq!(kinds_asked_for(chain, &variants), ["Checklist", "Plan"]);
    let typed = "let Some(cases) = export.state.get::<Plan>() else { return };\nif pack.content::<Plan>().is_none() {}";
    assert_eq!(kinds_asked_for(typed, &variants), ["Plan"]);
    let commented = "// pack.content::<Course>() and state.get::<Checklist>()";
    assert!(kinds_asked_for(commented, &variants).is_empty());
    assert_eq!(chains_over_kinds(chain, &variants).len(), 1);
    let two_commands =
        "fn ics() { pack.content::<Plan>(); }\nfn xapi() { pack.content::<Course>(); }";
    assert!(chains_over_kinds(two_commands, &variants).is_empty());
    // An aggregate report's figures asked for by kind, as the aggregation page once did.
    let figures =
        "report.figures::<Checklist>().map(a);\nreport.figures::<Questionnaire>().map(b);";
    assert_eq!(
        kinds_asked_for(figures, &variants),
        ["Checklist", "Questionnaire"]
    );
}

/// The aggregation page (`web/src/tools/aggregate.rs`) draws every kind's figures through
/// `kind::aggregate_kind`, each kind's view in its own folder: the chain the page had (a
/// checklist's figures, else a course's, then a questionnaire's group analysis) put back
/// into today's file is found, and today's file has none.
#[test]
fn the_chain_rule_holds_on_the_aggregation_page() {
    let variants = kind_variants();
    let page = std::fs::read_to_string(repo_root().join("web/src/tools/aggregate.rs")).unwrap();
    assert!(chains_over_kinds(&page, &variants).is_empty());
    let old_chain = "\nfn figures(props: &KitProps, text: &ToolsText, report: &AggregateReport) -> Html {\n    if let (Some(checklist), Some(figures)) = (\n        props.pack.content::<Checklist>(),\n        report.figures::<Checklist>(),\n    ) {\n        checklist_figures(props.lang, text, checklist, figures, report.min_group)\n    } else if let (Some(course), Some(figures)) =\n        (props.pack.content::<Course>(), report.figures::<Course>())\n    {\n        course_figures(props.lang, text, course, figures, report.min_group, report.files_valid)\n    } else {\n        html! {}\n    }\n}\n";
    let with_chain = format!("{page}{old_chain}");
    assert_eq!(
        chains_over_kinds(&with_chain, &variants),
        [["Checklist", "Course"]]
    );
    let groups = "\nfn report_view(report: &AggregateReport) -> Html {\n    let checklist = report.figures::<Checklist>();\n    let groups = report.figures::<Questionnaire>();\n}\n";
    assert_eq!(
        chains_over_kinds(&format!("{page}{groups}"), &variants),
        [["Checklist", "Questionnaire"]]
    );
}

/// Release builds of the widgets compile with `-Zfmt-debug=none` (scripts/lib.sh): `{:?}`
/// prints nothing there. So no code the widgets ship (the core and the web crate, but for
/// their tests) formats with `Debug`: every text a person may read is worded with `Display`
/// or by hand.
#[test]
fn the_widgets_code_formats_nothing_with_debug() {
    let offenders = shipped_lines(&["core/src", "web/src"], debug_formats);
    assert!(
        offenders.is_empty(),
        "`{{:?}}` prints nothing in a release build (-Zfmt-debug=none): {offenders:#?}"
    );
}

/// The lines `find` picks out of each file under `folders` but test files (`tests.rs`,
/// anything under a `tests` folder), as `path: line`.
fn shipped_lines(folders: &[&str], find: fn(&str) -> Vec<String>) -> Vec<String> {
    let mut found = Vec::new();
    for folder in folders {
        visit(&repo_root().join(folder), &mut |path, text| {
            let is_test_file = path.file_name().is_some_and(|name| name == "tests.rs")
                || path.components().any(|part| part.as_os_str() == "tests");
            if !is_test_file {
                found.extend(
                    find(text)
                        .into_iter()
                        .map(|line| format!("{}: {line}", path.display())),
                );
            }
        });
    }
    found
}

/// The lines of a file's shipped part (before its `#[cfg(test)]` module) that format with
/// `Debug` (`{:?}`, `{name:?}`, `{:#?}`).
fn debug_formats(text: &str) -> Vec<String> {
    shipped_code_lines(text, |code| {
        code.contains(":?}") || code.contains(":#?}") || code.contains("{:?")
    })
}

/// The lines of a file's shipped part (before its `#[cfg(test)]` module), comment lines
/// aside, that `matches`, trimmed.
fn shipped_code_lines(text: &str, matches: impl Fn(&str) -> bool) -> Vec<String> {
    // The test module starts at a `#[cfg(test)]` of its own line, unindented (one inside a
    // function marks a test-only statement, not the end of the shipped code).
    let shipped = match text.find("\n#[cfg(test)]") {
        Some(at) => &text[..at],
        None if text.starts_with("#[cfg(test)]") => "",
        None => text,
    };
    shipped
        .lines()
        .map(str::trim)
        .filter(|code| !code.starts_with("//") && matches(code))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_debug_rule_finds_debug_formatting_outside_tests() {
    let shipped = "fn f(x: u8) -> String {\n    format!(\"a {x:?} b\")\n}\n";
    assert_eq!(debug_formats(shipped), ["format!(\"a {x:?} b\")"]);
    assert_eq!(
        debug_formats("let s = format!(\"{:#?}\", v);"),
        ["let s = format!(\"{:#?}\", v);"]
    );
    let tests_only = "fn f() {}\n/// says `{:?}` in a doc line\n#[cfg(test)]\nmod tests { fn g() { panic!(\"{:?}\", 1) } }\n";
    assert!(debug_formats(tests_only).is_empty());
    assert!(debug_formats("let s = format!(\"{x} {y:>4}\");").is_empty());
}

/// The web kits on the shell (`web/src/shell/record.rs`: checklist, course, stress
/// self-check) read, save and erase their record only through its `Record`, whose effects
/// the view runs after rendering: none of their files calls storage itself, so no reducer of
/// theirs can (issue 14: reducers are pure). The planner's record is sealed by its vault
/// (`kind/plan/vault_store.rs`, the shell's `Record` over a `VaultStore`): its reducer is held
/// apart, below.
const KITS_ON_THE_SHELL: [&str; 3] = ["checklist", "course", "questionnaire"];

/// What only the shell's record may call for those kits.
const RECORD_STORAGE_CALLS: [&str; 5] = [
    "save_plain",
    "load_plain",
    "platform::remove",
    "keep_before_import",
    "platform::write",
];

/// The planner's reducer (`kind/plan/state.rs`) writes nothing: its saves are the shell's
/// `Record` effects over the vault, erasing and keeping a damaged record aside run in
/// `flows.rs`. It may read (the record when the page opens, another tab's sealed text).
#[test]
fn the_planners_reducer_writes_no_storage() {
    let state = std::fs::read_to_string(repo_root().join("web/src/kind/plan/state.rs")).unwrap();
    let writes = [
        "vault_store::save",
        "vault_store::erase",
        "vault_store::keep_aside",
        "platform::write",
        "platform::remove",
        "save_plain",
    ];
    let found: Vec<_> = writes.iter().filter(|call| state.contains(*call)).collect();
    assert!(
        found.is_empty(),
        "the planner's reducer writes storage: {found:?}"
    );
    // The calls exist where they belong.
    let flows = std::fs::read_to_string(repo_root().join("web/src/kind/plan/flows.rs")).unwrap();
    for call in ["vault_store::erase", "vault_store::keep_aside"] {
        assert!(flows.contains(call), "flows.rs no longer calls {call}");
    }
}

#[test]
fn the_kits_on_the_shell_touch_their_record_only_through_it() {
    let web = repo_root().join("web/src/kind");
    let mut found = Vec::new();
    for kit in KITS_ON_THE_SHELL {
        let mut check = |path: &std::path::Path, text: &str| {
            for call in RECORD_STORAGE_CALLS {
                if text.contains(call) {
                    found.push(format!("{}: {call}", path.display()));
                }
            }
        };
        let file = web.join(format!("{kit}.rs"));
        check(&file, &std::fs::read_to_string(&file).unwrap());
        let folder = web.join(kit);
        if folder.is_dir() {
            visit(&folder, &mut check);
        }
    }
    assert!(
        found.is_empty(),
        "kits on the shell touching storage themselves: {found:#?}"
    );
    // The rule looks for calls that exist: the shell's record makes them.
    let record = std::fs::read_to_string(repo_root().join("web/src/shell/record.rs")).unwrap();
    for call in [
        "save_plain",
        "load_plain",
        "platform::remove",
        "keep_before_import",
    ] {
        assert!(
            record.contains(call),
            "the shell's record no longer calls {call}"
        );
    }
}

/// One notice view and one "are you sure?" (issue 14's web shell): no file of the web crate
/// but `shell/notice.rs` draws an element with `data-notice` (the kind of a shell notice),
/// and none but `shell/confirm.rs` writes the reload button's test id or a `kizuki-confirm`
/// box. A kit decides where a notice shows; it does not draw one.
#[test]
fn the_shells_notices_and_questions_are_drawn_in_one_place_each() {
    let web = repo_root().join("web/src");
    let mut found = Vec::new();
    visit(&web, &mut |path, text| {
        let name = path
            .strip_prefix(&web)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let rules: [(&str, &str); 3] = [
            ("data-notice=", "shell/notice.rs"),
            ("\"other-tab-reload\"", "shell/notice.rs"),
            ("\"kizuki-confirm", "shell/confirm.rs"),
        ];
        for (needle, home) in rules {
            if name != home && text.contains(needle) {
                found.push(format!("{name}: {needle}"));
            }
        }
    });
    assert!(found.is_empty(), "drawn outside the shell: {found:#?}");
    // The rule looks for what the shell writes.
    let notice = std::fs::read_to_string(web.join("shell/notice.rs")).unwrap();
    assert!(notice.contains("data-notice=") && notice.contains("\"other-tab-reload\""));
    let confirm = std::fs::read_to_string(web.join("shell/confirm.rs")).unwrap();
    assert!(confirm.contains("\"kizuki-confirm"));
}

/// The web crate's words live in `web/locales/<lang>/*.json` (a third language is one more
/// folder): no code the widgets ship holds a Japanese word. Punctuation used to join lists
/// (「、」「・」) is not a word; tests and comments may say anything.
#[test]
fn the_web_code_holds_no_japanese_words() {
    let offenders = shipped_lines(&["web/src"], japanese_words);
    assert!(
        offenders.is_empty(),
        "Japanese words in the web crate's code (put them in web/locales/): {offenders:#?}"
    );
}

/// The lines of a file's shipped part (before its `#[cfg(test)]` module), comments aside,
/// with a kana or kanji letter.
fn japanese_words(text: &str) -> Vec<String> {
    let is_japanese_letter = |c: char| {
        matches!(c,
            '\u{3041}'..='\u{3096}' // hiragana
            | '\u{30A1}'..='\u{30FA}' // katakana (not 「・」 or 「ー」 alone)
            | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // kanji
            | '\u{FF66}'..='\u{FF9D}') // half-width katakana
    };
    shipped_code_lines(text, |code| code.chars().any(is_japanese_letter))
}

#[test]
fn the_japanese_rule_finds_words_outside_comments_and_tests() {
    let shipped = "fn f() -> &'static str {\n    \"日本語\"\n}\n";
    assert_eq!(japanese_words(shipped), ["\"日本語\""]);
    assert_eq!(japanese_words("let k = \"カナ\";"), ["let k = \"カナ\";"]);
    let allowed = "/// 「日本語」 in a doc line\nlet s = labels.join(\"、\");\nlet d = \"・\";\n#[cfg(test)]\nmod tests { const T: &str = \"テスト\"; }\n";
    assert!(japanese_words(allowed).is_empty());
}

/// The comparisons of a kind's name in one file's text (`kind == "checklist"`,
/// `"course" != name`), comments left out.
fn kind_name_comparisons(text: &str, names: &[&str]) -> Vec<String> {
    let mut findings = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for name in names {
            let compared = [
                format!("== \"{name}\""),
                format!("!= \"{name}\""),
                format!("\"{name}\" =="),
                format!("\"{name}\" !="),
            ]
            .iter()
            .any(|pattern| code.contains(pattern.as_str()));
            if compared {
                findings.push(format!("`{}`", line.trim()));
            }
        }
    }
    findings
}

/// No file outside the kind folders decides by a kind's name (`if kind == "checklist" { … }
/// else { … }`): the other kinds fall to the `else` unseen, a catch-all arm written as an
/// `if`. What differs by kind is said by the kind (the aggregation page's minimum-group
/// words: `FiguresView::MIN_GROUP_COUNTS_FILES`, in the kind's folder). Tests may compare.
#[test]
fn no_file_outside_the_kind_folders_compares_a_kind_name() {
    let mut offenders = Vec::new();
    visit_outside_kind_folders(|relative, text| {
        for finding in kind_name_comparisons(text, kizuki_core::kind::KIND_NAMES) {
            offenders.push(format!("{relative}: {finding}"));
        }
    });
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// The rule above finds the comparison the aggregation page had, and passes other strings.
#[test]
fn the_name_rule_finds_a_comparison_of_a_kinds_name() {
    let names = kizuki_core::kind::KIND_NAMES;
    let old = "    let (min_label, min_help) = if kind == \"checklist\" {";
    assert_eq!(kind_name_comparisons(old, names).len(), 1);
    assert_eq!(
        kind_name_comparisons("if \"course\" != name { a() }", names).len(),
        1
    );
    let fine = "let pack = \"mh-checklist\";\nif kind == \"aggregate\" {}\n// kind == \"plan\"";
    assert!(kind_name_comparisons(fine, names).is_empty());
}

/// Every JSON read in the core and the web goes through `kizuki_core::json::from_slice`, which
/// reads structs only from objects: one plain serde_json read of a type would compile that
/// type's second (array) way back into the widget (core/src/json.rs).
#[test]
fn every_json_read_goes_through_the_core_json_reader() {
    let offenders: Vec<String> = shipped_lines(&["core/src", "web/src"], plain_json_reads)
        .into_iter()
        .filter(|line| {
            !line.starts_with(&format!(
                "{}",
                repo_root().join("core/src/json.rs").display()
            )) && !line.starts_with(&format!(
                "{}",
                repo_root().join("core/src/json_keys.rs").display()
            ))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "read JSON with kizuki_core::json::from_slice: {offenders:#?}"
    );
}

/// The lines of a file's shipped part that read JSON with serde_json's own functions.
fn plain_json_reads(text: &str) -> Vec<String> {
    shipped_code_lines(text, |code| {
        [
            "from_slice",
            "from_str",
            "from_reader",
            "from_value",
            "Deserializer::from_",
        ]
        .iter()
        .any(|read| code.contains(&format!("serde_json::{read}")))
    })
}

#[test]
fn the_json_read_rule_finds_serde_jsons_own_reads() {
    let text = "let a: T = serde_json::from_str(s)?;\nlet b = kizuki_core::json::from_slice::<T>(s)?;\n// serde_json::from_slice in a comment\n#[cfg(test)]\nmod tests { fn f() { serde_json::from_value::<T>(v); } }\n";
    assert_eq!(
        plain_json_reads(text),
        ["let a: T = serde_json::from_str(s)?;"]
    );
}
