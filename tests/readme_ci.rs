//! The README's Pre-commit and GitHub Actions sections, and `.pre-commit-hooks.yaml`, as they
//! are written: every `quotecheck check` line of those sections, and the hook's `entry`, runs
//! with the built binary over an original fixture, and gives the exit code and the output the
//! docs promise. So the documented commands cannot rot.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

const README: &str = include_str!("../README.md");
const HOOKS: &str = include_str!("../.pre-commit-hooks.yaml");

/// A fixture with an error (QC102) and warnings, and one with no finding.
const WITH_ERROR: &str = "unattributed.txt";
const CLEAN: &str = "no_tension.txt";

/// The text of the README section `## name`, up to the next one.
fn section(name: &str) -> &'static str {
    let head = format!("\n## {name}\n");
    let start = README.find(&head).unwrap_or_else(|| panic!("the README has a {name} section")) + head.len();
    let rest = &README[start..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// The lines of a section's code: its fenced blocks and its indented blocks.
fn code_lines(section: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in section.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if fenced || line.starts_with("    ") {
            out.push(line);
        }
    }
    assert!(!fenced, "a fence is left open");
    out
}

/// The documented `quotecheck check` command lines of a section: an indented command, or a
/// workflow step's `run:`.
fn commands(section: &str) -> Vec<String> {
    code_lines(section)
        .into_iter()
        .map(|l| l.trim())
        .map(|l| l.strip_prefix("- run:").unwrap_or(l).trim())
        .filter(|l| l.starts_with("quotecheck check"))
        .map(str::to_string)
        .collect()
}

/// The value of `key:` in the first code line of a section (or YAML text) that sets it.
fn yaml_value<'a>(lines: impl IntoIterator<Item = &'a str>, key: &str) -> Option<&'a str> {
    let key = format!("{key}:");
    lines.into_iter().map(|l| l.trim().trim_start_matches("- ")).find_map(|l| l.strip_prefix(key.as_str())).map(|v| v.trim().trim_matches('"'))
}

/// A fresh folder holding `articles/` with copies of the given fixtures, as the root of an
/// articles repository.
fn workspace(name: &str, fixtures: &[&str]) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme_ci").join(name);
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("articles")).expect("create the workspace");
    for f in fixtures {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(f);
        std::fs::copy(&from, root.join("articles").join(f)).expect("copy a fixture");
    }
    root
}

/// What running a documented command line gave.
struct Run {
    output: Output,
    /// The file its stdout was redirected to (`> FILE`), read back.
    redirected: Option<(String, String)>,
}

/// Runs a documented command line in `root` as a shell would, with the built binary for
/// `quotecheck`: `> FILE` writes stdout to the file, and `FILE...` stands for `files`.
fn run_line(root: &Path, line: &str, files: &[&str]) -> Run {
    let (command, target) = match line.split_once(" > ") {
        Some((c, t)) => (c, Some(t.trim())),
        None => (line, None),
    };
    let mut words = command.split_whitespace();
    assert_eq!(words.next(), Some("quotecheck"), "{line}");
    let mut args: Vec<String> = Vec::new();
    for w in words {
        if w == "FILE..." {
            args.extend(files.iter().map(|f| f.to_string()));
        } else {
            assert!(!w.starts_with('<') && !w.contains('$') && !w.contains('#'), "`{line}` is not a plain command");
            args.push(w.to_string());
        }
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck")).args(&args).current_dir(root).output().expect("quotecheck runs");
    let redirected = target.map(|t| {
        std::fs::write(root.join(t), &output.stdout).expect("write the redirected output");
        (t.to_string(), String::from_utf8(output.stdout.clone()).expect("UTF-8 output"))
    });
    Run { output, redirected }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// The GitHub Actions workflow: the SARIF step writes a valid log that the upload step reads,
/// whatever was found; the annotation step prints workflow commands and fails on an error.
#[test]
fn github_actions_section_commands_run_as_documented() {
    let section = section("GitHub Actions");
    let commands = commands(section);
    let sarif: Vec<&String> = commands.iter().filter(|c| c.contains("--format sarif")).collect();
    let github: Vec<&String> = commands.iter().filter(|c| c.contains("--format github")).collect();
    assert_eq!((sarif.len(), github.len(), commands.len()), (1, 1, 2), "expected one SARIF and one annotation step: {commands:?}");
    assert!(commands.iter().all(|c| c.ends_with("articles/") || c.contains(" articles/ ")), "the steps check articles/: {commands:?}");

    let root = workspace("github_actions", &[WITH_ERROR]);
    let run = run_line(&root, sarif[0], &[]);
    assert_eq!(run.output.status.code(), Some(0), "--exit-zero: {}", String::from_utf8_lossy(&run.output.stderr));
    let (file, text) = run.redirected.expect("the SARIF step redirects to a file");
    assert_eq!(yaml_value(code_lines(section), "sarif_file"), Some(file.as_str()), "the upload step reads the file the SARIF step writes");
    let log: Value = serde_json::from_str(&text).expect("the SARIF log is JSON");
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    assert!(
        results.iter().all(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == format!("articles/{WITH_ERROR}")),
        "paths relative to the repository root"
    );

    let run = run_line(&root, github[0], &[]);
    assert_eq!(run.output.status.code(), Some(1), "an error finding fails the job: {}", String::from_utf8_lossy(&run.output.stderr));
    let out = stdout(&run.output);
    assert!(!out.is_empty());
    for line in out.lines() {
        assert!(line.starts_with("::"), "not a workflow command: {line}");
        let (level, rest) = line[2..].split_once(' ').expect("::level properties::message");
        assert!(matches!(level, "error" | "warning" | "notice"), "{line}");
        assert!(rest.starts_with(&format!("file=articles/{WITH_ERROR},line=")), "{line}");
        assert!(rest.contains(",title=QC") && rest.contains("::"), "{line}");
    }
    assert!(out.lines().any(|l| l.starts_with("::error ")), "the fixture's error is annotated");
    assert_eq!(out.lines().count(), results.len(), "one annotation per SARIF result");

    // with nothing to report, the annotation step passes
    let clean = workspace("github_actions_clean", &[CLEAN]);
    let run = run_line(&clean, github[0], &[]);
    assert_eq!((run.output.status.code(), stdout(&run.output).as_str()), (Some(0), ""));
}

/// The hook as `.pre-commit-hooks.yaml` defines it: one hook, whose entry is the command the
/// README documents, over the files quotecheck walks.
fn hook() -> (&'static str, &'static str, &'static str, &'static str) {
    let lines: Vec<&str> = HOOKS.lines().filter(|l| !l.trim_start().starts_with('#')).collect();
    assert_eq!(lines.iter().filter(|l| l.starts_with("- id:")).count(), 1, "one hook");
    let get = |k: &str| yaml_value(lines.iter().copied(), k).unwrap_or_else(|| panic!("the hook has `{k}`"));
    (get("id"), get("entry"), get("language"), get("files"))
}

#[test]
fn pre_commit_hook_and_section_run_as_documented() {
    let (id, entry, language, files) = hook();
    assert_eq!(id, "quotecheck");
    assert!(matches!(language, "rust" | "system"), "language {language}");

    // `files` selects exactly the extensions a folder walk takes, in any case
    let alternatives = files.strip_prefix("(?i)\\.(").and_then(|f| f.strip_suffix(")$")).unwrap_or_else(|| panic!("files is (?i)\\.(a|b|...)$: {files}"));
    let mut listed: Vec<&str> = alternatives.split('|').collect();
    let mut walked = quotecheck::source::WALKED_EXTENSIONS.to_vec();
    listed.sort_unstable();
    walked.sort_unstable();
    assert_eq!(listed, walked, "the hook's files and the folder walk differ");

    // the README's hooks: the repository one by its id, the local one with the same entry
    let section = section("Pre-commit");
    let code = code_lines(section);
    assert!(code.iter().filter_map(|l| l.trim().strip_prefix("- id:")).all(|v| v.trim() == id), "the README names the hook {id}");
    assert_eq!(yaml_value(code.iter().copied(), "entry"), Some(entry), "the README's local hook and the hook file differ");
    assert_eq!(yaml_value(code.iter().copied(), "files"), Some(files), "the README's local hook and the hook file differ");

    // the command a commit runs: the hook's entry with the staged files, as the README shows
    let commands = commands(section);
    assert_eq!(commands, vec![format!("{entry} FILE...")], "the README shows the command the hook runs");
    let root = workspace("pre_commit", &[WITH_ERROR, CLEAN]);
    let (with_error, clean) = (format!("articles/{WITH_ERROR}"), format!("articles/{CLEAN}"));
    let run = run_line(&root, &commands[0], &[&with_error, &clean]);
    assert_eq!(run.output.status.code(), Some(1), "an error finding stops the commit: {}", String::from_utf8_lossy(&run.output.stderr));
    let out = stdout(&run.output);
    assert!(out.contains("QC102") && out.contains(&format!("{with_error}:")), "human diagnostics name the rule and the file:\n{out}");
    assert!(!out.contains(&clean), "the clean file has no finding");

    let run = run_line(&root, &commands[0], &[&clean]);
    assert_eq!(run.output.status.code(), Some(0), "a clean file passes: {}", String::from_utf8_lossy(&run.output.stderr));
    assert_eq!(stdout(&run.output), "");
    assert!(String::from_utf8_lossy(&run.output.stderr).contains("no findings"));
}
