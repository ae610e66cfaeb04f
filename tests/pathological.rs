//! Pathological inputs through the binary: each finishes and gives a clear result. No time
//! limit is asserted here; scripts/bench.sh measures the large cases (a 50 MB line among them).
//!
//! Covered elsewhere and not repeated: 10,000 nested marks and 10 MB with one unclosed mark
//! (tests/cli.rs), short runs of marks, apostrophes, cues and periods through the library
//! (tests/robustness.rs), a folder with symlink loops and an unreadable file in a batch, with
//! the other files still checked and exit code 2 (tests/batch.rs).

use std::path::PathBuf;
use std::process::{Command, Output};

/// A file in a temp folder of its own, removed with the folder when dropped.
struct Tmp(PathBuf);

impl Drop for Tmp {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

impl std::ops::Deref for Tmp {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

fn tmp(name: &str, bytes: &[u8]) -> Tmp {
    let dir = std::env::temp_dir().join(format!("quotecheck-pathological-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    Tmp(p)
}

fn check_jsonl(path: &PathBuf) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotecheck")).args(["check", "--format", "jsonl", "--jobs", "1"]).arg(path).output().expect("run quotecheck")
}

/// The one report line of a single-file jsonl run.
fn report(o: &Output) -> serde_json::Value {
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.lines().count(), 1, "one report line; stderr: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_str(out.trim()).expect("a JSON line")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn five_megabytes_on_one_line() {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 5 << 20 {
        text.push_str(&format!("“We will reopen pier {i} in May,” Mayor Ana Holm said. The council met again on Tuesday. "));
        i += 1;
    }
    let f = tmp("oneline.txt", text.as_bytes());
    let o = check_jsonl(&f);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let r = report(&o);
    assert_eq!(r["quotes"].as_array().expect("quotes").len(), i, "every quotation found");
    assert!(r["quotes"].as_array().unwrap().iter().all(|q| q["speaker"]["mention"]["text"] == "Mayor Ana Holm"), "each one attributed");
}

#[test]
fn a_hundred_thousand_quotation_marks() {
    // 50,000 closed pairs of curly marks, then 100,000 straight marks, on 1,000 lines
    let mut text = String::new();
    for line in 0..1000 {
        for _ in 0..50 {
            text.push_str("“Yes,” ");
        }
        for _ in 0..50 {
            text.push_str("\"no\" ");
        }
        text.push_str(&format!("line {line}.\n"));
    }
    let f = tmp("marks.txt", text.as_bytes());
    let o = check_jsonl(&f);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let r = report(&o);
    assert_eq!(r["quotes"].as_array().expect("quotes").len(), 100_000, "each pair is one quotation");
}

#[test]
fn marks_nested_a_hundred_thousand_deep_alternating_double_and_single() {
    let text = format!("{}deep{}", "“‘".repeat(50_000), "’”".repeat(50_000));
    let f = tmp("nested.txt", text.as_bytes());
    let o = Command::new(env!("CARGO_BIN_EXE_quotecheck")).args(["check", "--format", "concise"]).arg(&*f).output().expect("run");
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("QC102 unbalanced-quotes: Quotation marks nest more than 8 levels deep"));
}

#[test]
fn a_file_of_only_apostrophes_gives_no_claims() {
    // Runs of apostrophes are not quotations, except that two straight ones (`''`, the
    // typewriter stand-in for a double mark) pair up: those are reported as empty quotations.
    let text = "'’".repeat(200_000) + "\n" + &"''''\n".repeat(10_000);
    let f = tmp("apostrophes.txt", text.as_bytes());
    let o = check_jsonl(&f);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let r = report(&o);
    assert_eq!(r["claims"].as_array().expect("claims").len(), 0);
    assert!(r["quotes"].as_array().expect("quotes").iter().all(|q| q["content"]["text"] == ""));
}

#[test]
fn a_nul_byte_deep_in_the_file_is_named_with_its_offset() {
    let mut bytes = "“Fine,” she said.\n".repeat(10_000).into_bytes();
    let at = bytes.len() - 7;
    bytes[at] = 0;
    let f = tmp("nul.txt", &bytes);
    let good = tmp("good.txt", "“We are ready,” Mayor Ana Holm said.\n".as_bytes());
    let o = Command::new(env!("CARGO_BIN_EXE_quotecheck")).args(["check", "--format", "jsonl"]).arg(&*f).arg(&*good).output().expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("nul.txt looks like a binary file (a NUL byte at byte {at})")), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1, "the good file is still checked");
}

#[test]
fn invalid_utf8_deep_in_the_file_is_named_with_its_offset() {
    let mut bytes = "“Fine,” she said.\n".repeat(10_000).into_bytes();
    let at = bytes.len() - 3;
    bytes[at] = 0xff;
    let f = tmp("latin.txt", &bytes);
    let o = check_jsonl(&f);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("latin.txt is not UTF-8 text: invalid byte sequence at byte {at}")), "{}", stderr(&o));
}

/// One reported clause of 2.4 MB with 150,000 "and"s: the clause-end walk looks back for a
/// quotation at every coordinator, and must do so incrementally (it once rescanned the clause
/// each time, which took seconds here and grows with the square of the length).
#[test]
fn a_reported_clause_with_a_hundred_and_fifty_thousand_ands() {
    let text = format!("Ida Holt said that {}stay.", "ships and docks ".repeat(150_000));
    let r = checked_report("ands.txt", &text);
    let quotes = r["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 1, "one report");
    assert_eq!(quotes[0]["speaker"]["mention"]["text"], "Ida Holt");
}

/// One sentence of 60,000 relative clauses whose verb is a cue ("met critics who say ...").
/// Each looks ahead for a quotation in its sentence; the look is bounded, or the sentence
/// would be read once per clause (square of its length).
#[test]
fn a_sentence_with_sixty_thousand_relative_clause_cues() {
    let text = format!("The mayor met {}rain.", "critics who say ".repeat(60_000));
    assert!(checked_report("relatives.txt", &text)["quotes"].as_array().is_some_and(|q| !q.is_empty()));
}

/// `text` checked as a file `name`: the run succeeds (exit code 0, or 1 for findings) and
/// its report is returned.
fn checked_report(name: &str, text: &str) -> serde_json::Value {
    let f = tmp(name, text.as_bytes());
    let o = check_jsonl(&f);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    report(&o)
}
