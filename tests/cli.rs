//! The command line as a user meets it: exit codes, formats, stdin, and bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("quotecheck runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quotecheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write temp file");
    p
}

#[test]
fn clean_article_exits_zero() {
    let o = run(&["check", &fixture("no_tension.txt")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

#[test]
fn errors_exit_one_unless_told_otherwise() {
    let f = fixture("unattributed.txt"); // holds an unclosed quotation mark: an error
    assert_eq!(run(&["check", &f]).status.code(), Some(1));
    assert_eq!(run(&["check", "--exit-zero", &f]).status.code(), Some(0));
    assert_eq!(run(&["check", "--fail-on", "never", &f]).status.code(), Some(0));
    // the reference tension is a warning: only --fail-on warning makes it fail
    let r = fixture("reference_tension.txt");
    assert_eq!(run(&["check", &r]).status.code(), Some(0));
    assert_eq!(run(&["check", "--fail-on", "warning", &r]).status.code(), Some(1));
}

#[test]
fn human_output_labels_both_spans_of_a_tension() {
    let o = run(&["check", &fixture("reference_tension.txt")]);
    let out = stdout(&o);
    assert!(out.contains("QC201 state-reversal"), "{out}");
    assert!(out.contains("ministry: “that direct talks with Kestova stay suspended"), "{out}");
    assert!(out.contains("Jonas Kettering: “Of course the two foreign ministers"), "{out}");
}

#[test]
fn concise_lines_carry_place_and_severity() {
    let o = run(&["check", "--format", "concise", &fixture("unattributed.txt")]);
    let out = stdout(&o);
    assert!(out.lines().any(|l| l.contains("unattributed.txt:19:") && l.contains(": error QC102 unbalanced-quotes: ")), "{out}");
}

#[test]
fn json_and_jsonl_follow_the_contract() {
    let a = fixture("said_after.txt");
    let b = fixture("split_quote.txt");
    let o = run(&["check", "--format", "json", &a, &b]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json output");
    assert_eq!(v["schema"], "quotecheck/1");
    assert_eq!(v["summary"]["documents"], 2);
    let o = run(&["extract", "--format", "jsonl", &a, &b]);
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).expect("utf-8").lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let d: serde_json::Value = serde_json::from_str(l).expect("one document per line");
        assert!(d["quotes"].as_array().is_some_and(|q| !q.is_empty()));
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    let o = run_stdin(&["extract", "-"], "“The pier will open in May,” Mayor Ana Holm said.".as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Ana Holm"), "{}", stdout(&o));
}

#[test]
fn folders_are_walked() {
    let o = run(&["extract", "--format", "jsonl", &format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"))]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).lines().count() >= 12);
}

#[test]
fn bad_input_is_named_and_the_rest_still_checked() {
    let bad = tmp("latin1.txt", b"caf\xe9 au lait");
    let bin = tmp("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00");
    let good = fixture("no_tension.txt");
    let o = run(&["extract", "--format", "jsonl", bad.to_str().unwrap(), bin.to_str().unwrap(), &good]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("latin1.txt is not UTF-8 text: invalid byte sequence at byte 3"), "{err}");
    assert!(err.contains("image.txt looks like a binary file"), "{err}");
    assert_eq!(stdout(&o).lines().count(), 1, "the good file is still reported");
    let o = run(&["check", "/no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/file.txt: no such file or directory"));
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    let o = run(&["check", "--disable", "QC999", &fixture("no_tension.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown rule `QC999`"));
}

#[test]
fn empty_input_is_a_normal_result() {
    let e = tmp("empty.txt", b"");
    let o = run(&["check", "--format", "json", e.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["summary"]["quotes"], 0);
}

#[test]
fn ten_megabytes_with_one_unclosed_mark() {
    let mut text = String::from("The mayor said “this goes on ");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str("and on, with words, commas and periods. ");
    }
    let f = tmp("long.txt", text.as_bytes());
    let o = run(&["check", "--format", "concise", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error QC102 unbalanced-quotes"));
}

#[test]
fn a_mark_turned_the_wrong_way_is_reported_once_and_the_quotation_still_attributed() {
    let text = "The council met late.\n\n”We stay until it is done,” the mayor said.\n";
    let o = run_stdin(&["check", "--format", "concise", "-"], text.as_bytes());
    let out = stdout(&o);
    assert_eq!(out.matches("QC102").count(), 1, "{out}");
    assert!(out.contains(":3:1: error QC102 unbalanced-quotes: This closing quotation mark (”) opens a quotation"), "{out}");
    let o = run_stdin(&["extract", "--format", "jsonl", "-"], text.as_bytes());
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let q = &v["quotes"][0];
    assert_eq!(q["kind"], "direct", "{v}");
    let m = &q["speaker"]["mention"];
    assert_eq!(&text[m["start"].as_u64().unwrap() as usize..m["end"].as_u64().unwrap() as usize], "the mayor");
}

#[test]
fn a_pronoun_that_names_no_one_is_reported_and_kept_as_the_speaker() {
    let text = "Melanie waved.\n\n“You winning?” she said.\n";
    let o = run_stdin(&["check", "--format", "concise", "-"], text.as_bytes());
    let out = stdout(&o);
    assert!(out.contains(":3:16: warning QC103 ambiguous-pronoun: “she” matches no one named in this paragraph or the three before it"), "{out}");
    assert!(!out.contains("QC101"), "{out}");
}

#[test]
fn ten_thousand_nested_marks() {
    let text = format!("{}deep{}", "“".repeat(10_000), "”".repeat(10_000));
    let o = run_stdin(&["check", "--format", "concise", "-"], text.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("warning QC102 unbalanced-quotes: Quotation marks nest more than 8 levels deep"));
}

#[test]
fn rule_documentation() {
    let o = run(&["rule"]);
    let out = stdout(&o);
    for code in ["QC101", "QC102", "QC103", "QC104", "QC201", "QC202", "QC203", "QC204", "QC205"] {
        assert!(out.contains(code), "{code} missing from {out}");
    }
    let o = run(&["rule", "state-reversal"]);
    assert!(stdout(&o).starts_with("QC201 state-reversal (default: error)"));
    assert!(stdout(&o).contains("Fires:"));
    assert_eq!(run(&["rule", "QC999"]).status.code(), Some(2));
}

#[test]
fn github_annotations_escape_property_values_and_messages_apart() {
    // a file name with a comma, a colon, a percent sign and (where the system allows) a
    // line break: each would end or corrupt the `file=` value unless escaped
    let name = if cfg!(unix) { "odd, name: 100%\n.txt" } else { "odd, name 100%.txt" };
    let f = tmp(name, "Well Water\n\n“Nobody told us anything about the wells.”\n".as_bytes());
    let o = run(&["check", "--format", "github", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "a warning only: {}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "one line per finding: {out}");
    // the quotation's 40 characters, its marks excluded, are columns 2 to 41 of line 3
    let want_name = if cfg!(unix) { "odd%2C name%3A 100%25%0A.txt" } else { "odd%2C name 100%25.txt" };
    let line = out.lines().next().unwrap_or_default();
    assert!(line.starts_with("::warning file="), "{line}");
    let (props, message) = line["::warning ".len()..].split_once("::").expect("properties::message");
    assert!(props.contains(&format!("{want_name},line=3,col=2,endLine=3,endColumn=41,")), "{props}");
    assert!(props.ends_with(",title=QC101 unattributed-quote"), "{props}");
    // in the message a colon and a comma are plain text
    assert_eq!(message, "This quotation has no speaker: no cue names who said it, and it does not continue a speaker from before");

    // a name broken over two lines of a hard-wrapped paragraph: the line break in the
    // message is escaped, so every finding stays one workflow command
    let text = "Greyford Water\n\n“We can do it in one summer,” Town engineer Thomas Reilly said.\n\n“Families should not wait another year,” council member Thomas\nReiley said.\n";
    let o = run_stdin(&["check", "--format", "github", "-"], text.as_bytes());
    let out = stdout(&o);
    assert!(!out.is_empty() && out.lines().all(|l| l.starts_with("::warning ") || l.starts_with("::error ") || l.starts_with("::notice ")), "{out}");
    assert!(out.contains("title=QC104 inconsistent-name::"), "{out}");
}

#[test]
fn a_hard_wrapped_name_gives_one_concise_line_per_finding() {
    // the misspelled surname is broken over two lines; the message quotes it on one
    let text = "Mayor Thomas Reilly opened the hall. “The roof is fixed,” Reilly said.\n\nLater, Mayor Thomas\nReiley said the doors would open at nine.\n";
    let o = run_stdin(&["check", "--format", "concise", "-"], text.as_bytes());
    let out = stdout(&o);
    let qc104: Vec<&str> = out.lines().filter(|l| l.contains("QC104")).collect();
    assert_eq!(qc104.len(), 1, "{out}");
    assert!(qc104[0].contains("Thomas Reiley"), "{out}");
    for line in out.lines().filter(|l| !l.trim().is_empty()) {
        assert!(line.contains(": "), "a stray line in concise output: {line:?}\n{out}");
    }
}

#[test]
fn extract_claims_view_lists_each_speakers_claims_with_marks() {
    let o = run(&["extract", "--format", "claims", &fixture("reference_tension.txt")]);
    assert!(o.status.success());
    let out = stdout(&o);
    // the spokesman's heading, with his title and organisation, then his claims in order
    let spokesman = out.find("Jonas Kettering (Foreign Ministry spokesman").expect("a heading per speaker");
    let halted = out.find("halted").expect("state marks");
    assert!(spokesman < halted, "{out}");
    assert!(out.contains("+ expected future except"), "modality, time and scope marks: {out}");
    assert!(out.contains("the article's own text"), "the narrative's claims come last: {out}");
}
