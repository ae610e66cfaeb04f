//! `quotecheck.toml`, suppression comments and baselines, as a user meets them on the command
//! line. Snapshots hold the whole run (arguments, exit code, stdout, stderr) and live in the
//! top-level snapshots/ folder; review a changed one as a user would read the output.
//!
//! Runs are deterministic: relative paths from the package folder (or from a scratch folder
//! for baselines), `NO_COLOR`, and miette's fixed width.

use insta_cmd::assert_cmd_snapshot;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

/// The binary, run from `dir`, with no colors and no environment that would change how errors
/// are drawn.
fn qc_in(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    c.current_dir(dir).env("NO_COLOR", "1");
    for v in ["FORCE_COLOR", "CLICOLOR_FORCE", "NO_GRAPHICS", "FORCE_HYPERLINK"] {
        c.env_remove(v);
    }
    c
}

fn qc() -> Command {
    qc_in(Path::new(MANIFEST))
}

fn run(args: &[&str]) -> Output {
    qc().args(args).output().expect("quotecheck runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("config-cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn copy_fixture(from: &str, to: &Path) {
    std::fs::copy(Path::new(MANIFEST).join(from), to).expect("copy fixture");
}

// --- configuration -----------------------------------------------------------------------

/// tests/fixtures/config/severity/quotecheck.toml makes QC101 an error and QC201 a warning;
/// without it (tests/fixtures/config/pier.txt, the same text) they are a warning and an error.
#[test]
fn config_severity_replaces_the_default() {
    settings().bind(|| {
        assert_cmd_snapshot!("config_default_levels", qc().args(["check", "--format", "concise", "tests/fixtures/config/pier.txt"]));
        assert_cmd_snapshot!("config_severity", qc().args(["check", "--format", "concise", "tests/fixtures/config/severity/pier.txt"]));
        assert_cmd_snapshot!("config_severity_github", qc().args(["check", "--format", "github", "tests/fixtures/config/severity/pier.txt"]));
    });
}

/// The configured severity is the one every format reports.
#[test]
fn config_severity_in_json_and_sarif() {
    let f = "tests/fixtures/config/severity/pier.txt";
    let o = run(&["check", "--format", "json", f]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let levels: Vec<(String, String)> = v["documents"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["code"].as_str().unwrap_or_default().to_string(), f["severity"].as_str().unwrap_or_default().to_string()))
        .collect();
    assert_eq!(levels, vec![("QC201".into(), "warning".into()), ("QC101".into(), "error".into())]);
    assert_eq!(v["summary"]["findings"], serde_json::json!({"error": 1, "warning": 1, "info": 0}));
    let o = run(&["check", "--format", "sarif", f]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("sarif");
    let levels: Vec<(String, String)> = v["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| (r["ruleId"].as_str().unwrap_or_default().to_string(), r["level"].as_str().unwrap_or_default().to_string()))
        .collect();
    assert_eq!(levels, vec![("QC201".into(), "warning".into()), ("QC101".into(), "error".into())]);
}

/// --fail-on and --exit-zero judge the configured severity, and --disable wins over the file.
#[test]
fn fail_on_uses_the_configured_severity_and_disable_wins() {
    let f = "tests/fixtures/config/severity/pier.txt";
    // QC101 is an error here
    assert_eq!(run(&["check", f]).status.code(), Some(1));
    assert_eq!(run(&["check", "--exit-zero", f]).status.code(), Some(0));
    // without QC101 only QC201 is left, a warning here
    let o = run(&["check", "--format", "concise", "--disable", "unattributed-quote", f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stdout(&o).contains("QC101"), "{}", stdout(&o));
    assert_eq!(run(&["check", "--disable", "QC101", "--fail-on", "warning", f]).status.code(), Some(1));
    // --disable also beats an override that sets a level
    let o = run(&["check", "--format", "concise", "--disable", "QC201", "tests/fixtures/config/overrides"]);
    assert!(!stdout(&o).contains("QC201"), "{}", stdout(&o));
}

#[test]
fn config_rule_off() {
    settings().bind(|| {
        assert_cmd_snapshot!(
            "config_rule_off",
            qc().args(["check", "--format", "concise", "--config", "tests/fixtures/config/rule-off.toml", "tests/fixtures/config/pier.txt"])
        );
    });
}

/// One configuration, two folders: `opinion/**` switches QC101 off and lowers QC201 to info.
#[test]
fn config_per_path_override() {
    settings().bind(|| {
        assert_cmd_snapshot!("config_override", qc().args(["check", "--format", "concise", "tests/fixtures/config/overrides"]));
    });
}

/// The spokesman and "J. Halvorsen" are one configured person, named as configured.
#[test]
fn config_known_speaker() {
    let f = "tests/fixtures/config/speakers/harbour.txt";
    settings().bind(|| {
        assert_cmd_snapshot!("config_speakers_unknown", qc().args(["extract", "--config", "tests/fixtures/config/none.toml", f]));
        assert_cmd_snapshot!("config_speakers_known", qc().args(["extract", f]));
    });
    let o = run(&["extract", "--format", "json", f]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let speakers = v["documents"][0]["speakers"].as_array().expect("speakers");
    let jon = speakers.iter().find(|s| s["name"] == "Jon Halvorsen").expect("the configured name");
    let mentions: Vec<&str> = jon["mentions"].as_array().expect("mentions").iter().filter_map(|m| m["text"].as_str()).collect();
    assert_eq!(mentions, vec!["the spokesman", "Halvorsen", "J. Halvorsen"]);
    let office = speakers.iter().find(|s| s["id"] == jon["affiliation"]).expect("an affiliation");
    assert_eq!(office["name"], "the port office");
    assert!(!speakers.iter().any(|s| s["name"] == "the spokesman" || s["name"] == "J. Halvorsen"), "{speakers:?}");
}

/// A cue and a role word from the configuration's lexicon file.
#[test]
fn config_lexicon_file() {
    let f = "tests/fixtures/config/lexicon/dredging.txt";
    settings().bind(|| {
        assert_cmd_snapshot!("config_lexicon", qc().args(["extract", f]));
    });
    let o = run(&["extract", "--config", "tests/fixtures/config/none.toml", f]);
    assert!(stdout(&o).contains("(none)"), "without the lexicon file nobody harrumphs: {}", stdout(&o));
}

#[test]
fn config_errors_name_the_place() {
    settings().bind(|| {
        assert_cmd_snapshot!(
            "config_unknown_key",
            qc().args(["check", "--config", "tests/fixtures/config/errors/unknown-key.toml", "tests/fixtures/config/pier.txt"])
        );
        assert_cmd_snapshot!(
            "config_bad_value",
            qc().args(["check", "--config", "tests/fixtures/config/errors/bad-value.toml", "tests/fixtures/config/pier.txt"])
        );
    });
}

/// A broken quotecheck.toml found by discovery is reported once, the files it governs fail,
/// the others are still checked, and the run exits 2.
#[test]
fn a_broken_discovered_config_fails_its_files_only() {
    let dir = scratch("broken");
    std::fs::create_dir_all(dir.join("desk")).expect("folder");
    std::fs::write(dir.join("desk/quotecheck.toml"), "[rules]\nQC101 = \"loud\"\n").expect("write");
    copy_fixture("tests/fixtures/config/pier.txt", &dir.join("desk/a.txt"));
    copy_fixture("tests/fixtures/config/pier.txt", &dir.join("desk/b.txt"));
    copy_fixture("tests/fixtures/config/pier.txt", &dir.join("c.txt"));
    let o = qc_in(&dir).args(["check", "--format", "concise", "desk", "c.txt"]).output().expect("runs");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.matches("invalid level `loud` for QC101").count(), 1, "{err}");
    assert!(err.contains("desk/quotecheck.toml:2:9"), "{err}");
    let out = stdout(&o);
    assert!(out.contains("c.txt:") && !out.contains("desk/"), "{out}");
}

// --- suppression comments ----------------------------------------------------------------

/// `%% quotecheck-...` lines in plain text: next-line, a range, an unused directive, an unused
/// code, and an unknown rule.
#[test]
fn suppression_in_plain_text() {
    settings().bind(|| {
        assert_cmd_snapshot!("suppress_txt", qc().args(["check", "--format", "concise", "tests/fixtures/suppress/letters.txt"]));
    });
}

/// `<!-- quotecheck-... -->` comments: next-line, a range re-enabled for one rule only, an
/// unused code, an unknown directive and an unknown rule.
#[test]
fn suppression_in_markdown() {
    settings().bind(|| {
        assert_cmd_snapshot!("suppress_md", qc().args(["check", "--format", "concise", "tests/fixtures/suppress/pier.md"]));
    });
}

/// A `<!-- quotecheck-disable-next-line QC201 -->` comment in Markdown and in HTML: the input
/// mask skips comments as markup, so the directive is read from the file as written, and it
/// hides the QC201 finding on the next line of the file. Without the comment the finding is
/// there, on that line, sliced from the file as written.
#[test]
fn next_line_directive_in_markdown_and_html_input() {
    use quotecheck::source::InputFormat;
    let dir = scratch("markup-directive");
    for (file, format) in [("ferry.md", InputFormat::Markdown), ("ferry.html", InputFormat::Html)] {
        let rel = format!("tests/fixtures/suppress/{file}");
        let text = std::fs::read_to_string(Path::new(MANIFEST).join(&rel)).expect("fixture");
        let directive = "<!-- quotecheck-disable-next-line QC201 -->";
        let at = text.find(directive).expect("the fixture holds the directive");
        assert!(!quotecheck::source::mask(&text, format).contains("quotecheck-"), "{file}: the mask blanks comments");

        // on the command line, the format from the extension
        let o = run(&["check", "--format", "json", &rel]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let findings = v["documents"][0]["findings"].as_array().expect("findings");
        assert!(findings.is_empty(), "{file}: the directive hides QC201 and is used (no QC901): {findings:?}");

        // the same file without the directive line
        let bare: String = text.split_inclusive('\n').filter(|l| !l.contains(directive)).collect();
        std::fs::write(dir.join(file), &bare).expect("write");
        let o = qc_in(&dir).args(["check", "--format", "json", file]).output().expect("runs");
        assert_eq!(o.status.code(), Some(1), "{file}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let findings = v["documents"][0]["findings"].as_array().expect("findings");
        let codes: Vec<&str> = findings.iter().filter_map(|f| f["code"].as_str()).collect();
        assert_eq!(codes, ["QC201"], "{file}");
        let start = findings[0]["primary"]["start"].as_u64().expect("start") as usize;
        let end = findings[0]["primary"]["end"].as_u64().expect("end") as usize;
        assert_eq!(findings[0]["primary"]["text"].as_str(), Some(&bare[start..end]), "{file}: the text is the slice of the file");
        // the finding starts on the line that followed the directive
        let line_after_directive = text[..at].matches('\n').count() + 1;
        assert_eq!(bare[..start].matches('\n').count() + 1, line_after_directive, "{file}");

        // the library, given the format
        let a = quotecheck::analyze_input(file, &text, format, &quotecheck::Config::default());
        assert_eq!(a.text, text);
        assert!(a.findings.is_empty(), "{file}: {:?}", a.findings);
        assert!(a.quotes.iter().all(|q| !q.content.slice(&text).contains("quotecheck-")));
        let b = quotecheck::analyze_input(file, &bare, format, &quotecheck::Config::default());
        assert_eq!(b.findings.iter().map(|f| f.code).collect::<Vec<_>>(), ["QC201"], "{file}");
    }
}

/// The directives are not prose: without them the same text gives the findings they hide.
#[test]
fn directives_are_not_analysed_and_offsets_hold() {
    let text = std::fs::read_to_string(Path::new(MANIFEST).join("tests/fixtures/suppress/letters.txt")).expect("fixture");
    let a = quotecheck::analyze("letters.txt", &text, &quotecheck::Config::default());
    // every span still points into the text as read
    for f in &a.findings {
        assert!(text.is_char_boundary(f.primary.start) && f.primary.end <= text.len());
    }
    assert!(a.quotes.iter().all(|q| !q.content.slice(&text).contains("quotecheck-")));
    let qc901 = a.findings.iter().find(|f| f.code == "QC901").expect("an unused directive");
    assert_eq!(qc901.primary.slice(&text), "%% quotecheck-disable-next-line");
    let bare: String = text.lines().filter(|l| !l.contains("quotecheck-")).map(|l| format!("{l}\n")).collect();
    let b = quotecheck::analyze("letters.txt", &bare, &quotecheck::Config::default());
    assert_eq!(b.findings.iter().filter(|f| f.code == "QC101").count(), 5);
}

// --- baselines ---------------------------------------------------------------------------

/// Write a baseline, hide what it records, and keep hiding it after an edit elsewhere in the
/// article (a paragraph inserted before the findings, with a new finding of its own).
#[test]
fn baseline_write_hide_and_survive_edits() {
    let dir = scratch("baseline");
    copy_fixture("tests/fixtures/config/pier.txt", &dir.join("pier.txt"));
    settings().bind(|| {
        assert_cmd_snapshot!("baseline_write", qc_in(&dir).args(["check", "--write-baseline", "quotecheck-baseline.json", "pier.txt"]));
        let written = std::fs::read_to_string(dir.join("quotecheck-baseline.json")).expect("baseline written");
        insta::assert_snapshot!("baseline_file", written);
        // written atomically: no temporary file left beside it
        let mut names: Vec<String> =
            std::fs::read_dir(&dir).expect("list").filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names, vec!["pier.txt", "quotecheck-baseline.json"]);

        assert_cmd_snapshot!("baseline_hide", qc_in(&dir).args(["check", "--baseline", "quotecheck-baseline.json", "pier.txt"]));

        let text = std::fs::read_to_string(dir.join("pier.txt")).expect("read");
        let edited = text.replacen(
            "Residents have collected",
            "The ferry ran late four times last week.\n\n“Nobody told us the boat would wait at the pier for an hour.”\n\nResidents have collected",
            1,
        );
        let edited = edited.replacen("BRAKE ISLAND — ", "BRAKE ISLAND — The quay was icy on Monday morning. ", 1);
        assert_ne!(edited, text);
        std::fs::write(dir.join("pier.txt"), edited).expect("write");
        assert_cmd_snapshot!("baseline_after_edit", qc_in(&dir).args(["check", "--baseline", "quotecheck-baseline.json", "pier.txt"]));
    });
    // the baseline is keyed by the path from its own folder: it works from anywhere
    let o = run(&[
        "check",
        "--format",
        "concise",
        "--baseline",
        &dir.join("quotecheck-baseline.json").display().to_string(),
        &dir.join("pier.txt").display().to_string(),
    ]);
    assert_eq!(stdout(&o).lines().count(), 1, "only the new finding: {}", stdout(&o));
    assert!(stderr(&o).contains("2 hidden by the baseline"), "{}", stderr(&o));
}

#[test]
fn baseline_errors() {
    settings().bind(|| {
        assert_cmd_snapshot!("baseline_corrupt", qc().args(["check", "--baseline", "tests/fixtures/baseline/corrupt.json", "tests/fixtures/config/pier.txt"]));
        assert_cmd_snapshot!("baseline_missing", qc().args(["check", "--baseline", "tests/fixtures/baseline/missing.json", "tests/fixtures/config/pier.txt"]));
    });
}

/// A baseline is not written when an input could not be checked: it would be missing that
/// input's findings, which would all come back later.
#[test]
fn baseline_not_written_when_an_input_fails() {
    let dir = scratch("baseline-fail");
    copy_fixture("tests/fixtures/config/pier.txt", &dir.join("pier.txt"));
    let o = qc_in(&dir).args(["check", "--write-baseline", "b.json", "pier.txt", "gone.txt"]).output().expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("baseline b.json not written"), "{}", stderr(&o));
    assert!(!dir.join("b.json").exists());
}
