//! Snapshots of every fixture: the JSON report, the human (miette) rendering and the
//! who-said-what table; and of the SARIF and GitHub output of two fixtures. Review a changed
//! snapshot as an editor would read it before accepting it (`cargo insta review`).

use quotecheck::report::{self, github, json::DocumentReport, sarif, HumanStyle};
use quotecheck::source::InputFormat;
use quotecheck::{analyze, analyze_input, Config};
use std::path::Path;

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).expect("tests/fixtures exists") {
        let p = e.expect("readable entry").path();
        if p.extension().and_then(|x| x.to_str()) == Some("txt") {
            let name = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            out.push((name, std::fs::read_to_string(&p).expect("fixture is UTF-8")));
        }
    }
    out.sort();
    out
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn fixture_reports() {
    let list = fixtures();
    assert!(list.len() >= 12, "expected at least 12 fixtures, found {}", list.len());
    for (name, text) in list {
        let a = analyze(&format!("tests/fixtures/{name}.txt"), &text, &Config::default());
        let json = DocumentReport::from_analysis(&a);
        let human = report::human(&a, HumanStyle { color: false, width: 100 });
        let table = report::table(&a);
        let claims = report::claims_view(&a);
        settings().bind(|| {
            insta::assert_json_snapshot!(format!("{name}__json"), json);
            insta::assert_snapshot!(format!("{name}__human"), human);
            insta::assert_snapshot!(format!("{name}__table"), table);
            insta::assert_snapshot!(format!("{name}__claims"), claims);
        });
    }
}

/// A tension with two spans, and attribution lint of every severity but info, in one run.
#[test]
fn sarif_and_github_reports() {
    let names = ["reference_tension", "unattributed"];
    let analyses: Vec<_> = names
        .iter()
        .map(|name| {
            let path = format!("tests/fixtures/{name}.txt");
            let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&path)).expect("fixture is UTF-8");
            analyze(&path, &text, &Config::default())
        })
        .collect();
    let mut log = sarif::log(&analyses);
    // the snapshot need not change with each release
    log.runs[0].tool.driver.version = "[version]";
    let log = serde_json::to_string_pretty(&log).expect("serialisable");
    settings().bind(|| {
        insta::assert_snapshot!("reference_tension_and_unattributed__sarif", log);
        for (name, a) in names.iter().zip(&analyses) {
            insta::assert_snapshot!(format!("{name}__github"), github::render(a));
        }
    });
}

/// The Markdown and HTML fixtures, read through their masked analysis text. Every `text` is
/// the slice of the file as written, so markup and entities inside a span show as they are.
#[test]
fn markup_fixture_reports() {
    for file in ["markdown_article.md", "html_article.html"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(file);
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let a = analyze_input(&format!("tests/fixtures/{file}"), &text, InputFormat::from_path(&path), &Config::default());
        let name = file.split('.').next().unwrap_or(file);
        settings().bind(|| insta::assert_json_snapshot!(format!("{name}__json"), DocumentReport::from_analysis(&a)));
    }
}
