//! `--input-format jsonl`: records {"id", "text", "format"} one per line in, one result line
//! per record out, in input order, the same for any number of jobs; a bad line gives an error
//! line in its place and exit code 2 while the other records are still checked.

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
}

/// Runs quotecheck with `args` in `dir` (a scratch folder, so no configuration applies),
/// `input` on standard input.
fn run(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = bin().current_dir(dir).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("quotecheck runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    // written from a thread: the output of early records comes while later ones are written
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("quotecheck ends");
    // a run that stops early (a usage error) does not read its input
    if let Err(e) = writer.join().expect("writer") {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "stdin written");
    }
    out
}

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotecheck-jsonl-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn lines(o: &Output) -> Vec<Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line: {e}: {l}"))).collect()
}

fn record(id: &str, text: &str) -> String {
    json!({"id": id, "text": text}).to_string()
}

const CHECK: &[&str] = &["check", "--input-format", "jsonl", "--format", "jsonl", "--exit-zero", "-"];

/// Records of different lengths, so that with several jobs later ones can finish first.
fn many() -> (Vec<String>, String) {
    let mut ids = Vec::new();
    let mut input = String::new();
    for i in 0..60 {
        let id = format!("batch/{:02}-{}", 59 - i, ["a", "b", "c"][i % 3]);
        let mut text = String::new();
        for k in 0..(1 + (i * 7) % 13) {
            text.push_str(&format!("“The pier opens in week {k},” Mayor Ana Holm said.\n\nHe said the ferry would not stop.\n\n"));
        }
        input.push_str(&record(&id, &text));
        input.push('\n');
        ids.push(id);
    }
    (ids, input)
}

#[test]
fn ids_and_order_are_kept_and_the_output_is_the_same_for_any_number_of_jobs() {
    let dir = scratch("order");
    let (ids, input) = many();
    let one = run(&dir, &[CHECK, &["--jobs", "1"]].concat(), &input);
    let four = run(&dir, &[CHECK, &["--jobs", "4"]].concat(), &input);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(four.status.code(), Some(0), "{}", stderr(&four));
    assert_eq!(stdout(&one), stdout(&four), "stdout differs between --jobs 1 and --jobs 4");
    let docs = lines(&one);
    let paths: Vec<&str> = docs.iter().map(|d| d["path"].as_str().expect("a document report")).collect();
    assert_eq!(paths, ids);
    assert!(docs.iter().all(|d| d["quotes"].as_array().is_some_and(|q| !q.is_empty())));
    // extract takes records too, and its lines are the same document reports
    let extract = run(&dir, &["extract", "--input-format", "jsonl", "--format", "jsonl", "--jobs", "4", "-"], &input);
    assert_eq!(extract.status.code(), Some(0), "{}", stderr(&extract));
    assert_eq!(stdout(&extract), stdout(&one));
}

#[test]
fn a_record_gets_the_report_its_text_gets_as_a_file() {
    let dir = scratch("same");
    let text = "“We are ready,” Mayor Ana Holm said. “The ferry will run,” she added.\n\n“No,” a \"source\" said.\n";
    std::fs::write(dir.join("story.txt"), text).expect("write");
    let file = bin().current_dir(&dir).args(["check", "--format", "jsonl", "story.txt"]).output().expect("runs");
    let rec = run(&dir, &["check", "--input-format", "jsonl", "--format", "jsonl", "-"], &(record("story.txt", text) + "\n"));
    assert_eq!(stdout(&rec), stdout(&file));
    assert_eq!(rec.status.code(), file.status.code(), "the exit code follows the findings as for files");
}

#[test]
fn a_bad_line_gives_an_error_line_in_its_place_and_exit_2_while_the_rest_is_checked() {
    let dir = scratch("bad");
    let good = |id: &str| record(id, "“We are ready,” Mayor Ana Holm said.");
    let input = [
        good("first"),
        "this is not json".to_string(),
        r#"{"id": "no-text"}"#.to_string(),
        r#"{"id": "number", "text": 42}"#.to_string(),
        r#"{"text": "no id"}"#.to_string(),
        r#"{"id": "odd", "text": "x", "format": "pdf"}"#.to_string(),
        String::new(),
        good("last"),
    ]
    .join("\n");
    for jobs in ["1", "4"] {
        let o = run(&dir, &[CHECK, &["--jobs", jobs]].concat(), &input);
        assert_eq!(o.status.code(), Some(2), "a bad line fails the run");
        let out = lines(&o);
        assert_eq!(out.len(), 8, "one result line per input line");
        assert_eq!(out[0]["path"], "first");
        assert_eq!(out[0]["quotes"][0]["speaker"]["mention"]["text"], "Mayor Ana Holm");
        assert_eq!(out[7]["path"], "last");
        assert_eq!(out[7]["quotes"].as_array().map(Vec::len), Some(1));
        assert_eq!(out[1], json!({"id": null, "error": "not JSON: expected ident at column 2"}));
        assert_eq!(out[2], json!({"id": "no-text", "error": "no \"text\" field"}));
        assert_eq!(out[3], json!({"id": "number", "error": "\"text\" is not a string"}));
        assert_eq!(out[4], json!({"id": null, "error": "no \"id\" field"}));
        assert_eq!(out[5], json!({"id": "odd", "error": "\"format\" must be \"text\", \"markdown\" or \"html\", not \"pdf\""}));
        assert_eq!(out[6], json!({"id": null, "error": "an empty line, not a record"}));
        let err = stderr(&o);
        for (line, what) in
            [(2, "not JSON"), (3, "no \"text\" field"), (4, "\"text\" is not a string"), (5, "no \"id\""), (6, "\"format\""), (7, "an empty line")]
        {
            assert!(err.contains(&format!("quotecheck: standard input, line {line}: {what}")), "line {line} named on stderr:\n{err}");
        }
        assert!(!err.contains("line 1:") && !err.contains("line 8:"), "good lines are not named:\n{err}");
    }
}

#[test]
fn offsets_are_byte_offsets_into_the_record_text() {
    let dir = scratch("unicode");
    let text = "Ærø — Ålesund 🚢: “Ça va très bien,” said Ødegård Ñúñez.\n";
    let o = run(&dir, CHECK, &(record("ünïcode/1", text) + "\n"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = &lines(&o)[0];
    assert_eq!(doc["path"], "ünïcode/1");
    let content = &doc["quotes"][0]["content"];
    let (start, end) = (content["start"].as_u64().expect("start") as usize, content["end"].as_u64().expect("end") as usize);
    assert_eq!(start, text.find("Ça").expect("in the text"), "a byte offset, not a character count");
    assert_eq!(&text[start..end], content["text"].as_str().expect("text"));
    assert!(content["text"].as_str().is_some_and(|t| t.starts_with("Ça va très bien")));
    let mention = &doc["quotes"][0]["speaker"]["mention"];
    let m = mention["start"].as_u64().expect("start") as usize..mention["end"].as_u64().expect("end") as usize;
    assert_eq!(&text[m], mention["text"].as_str().expect("text"));
}

#[test]
fn a_record_format_reads_it_as_markdown_or_html() {
    let dir = scratch("format");
    let md = "# Ferry news\n\n“We are ready,” **Mayor Ana Holm** said.\n";
    let html = "<p>&ldquo;We are ready,&rdquo; <b>Mayor Ana Holm</b> said.</p>";
    let input = [
        json!({"id": "news.md", "text": md, "format": "markdown"}).to_string(),
        json!({"id": "plain", "text": md}).to_string(),
        json!({"id": "page", "text": html, "format": "html"}).to_string(),
    ]
    .join("\n");
    let o = run(&dir, CHECK, &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs = lines(&o);
    assert_eq!(docs[0]["quotes"][0]["speaker"]["mention"]["text"], "Mayor Ana Holm");
    assert_eq!(docs[2]["quotes"][0]["speaker"]["mention"]["text"], "Mayor Ana Holm");
    // markup stays in the exact slice of an HTML record: offsets are into the text as given
    assert_eq!(docs[2]["quotes"][0]["content"]["text"], "We are ready,");
    // the same Markdown as a file gives the same report
    std::fs::write(dir.join("news.md"), md).expect("write");
    let file = bin().current_dir(&dir).args(["check", "--format", "jsonl", "news.md"]).output().expect("runs");
    assert_eq!(serde_json::from_slice::<Value>(&file.stdout).expect("a JSON line"), docs[0]);
    // without a format a record is plain text: the ** stay in the analysed text
    assert_ne!(docs[1]["quotes"], docs[0]["quotes"]);
}

#[test]
fn records_come_from_files_too_and_a_missing_one_is_named() {
    let dir = scratch("files");
    std::fs::write(dir.join("a.jsonl"), record("a1", "“Yes,” Ana Holm said.") + "\n" + &record("a2", "“No,” Ana Holm said.") + "\n").expect("write");
    std::fs::write(dir.join("b.jsonl"), record("b1", "“Maybe,” Ana Holm said.") + "\r\n{oops").expect("write");
    let o = run(&dir, &["check", "--input-format", "jsonl", "--format", "jsonl", "a.jsonl", "missing.jsonl", "b.jsonl"], "");
    assert_eq!(o.status.code(), Some(2));
    let docs = lines(&o);
    let ids: Vec<&str> = docs.iter().map(|d| d["path"].as_str().or(d["id"].as_str()).unwrap_or("-")).collect();
    assert_eq!(ids, ["a1", "a2", "b1", "-"]);
    let err = stderr(&o);
    assert!(err.contains("missing.jsonl: no such file or directory"), "{err}");
    assert!(err.contains("quotecheck: b.jsonl, line 2: not JSON"), "{err}");
    // a folder is not walked for records
    let o = run(&dir, &["check", "--input-format", "jsonl", "--format", "jsonl", "."], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("it is a folder"), "{}", stderr(&o));
}

#[test]
fn other_output_formats_are_a_usage_error() {
    let dir = scratch("usage");
    let input = record("a", "“Yes,” Ana Holm said.") + "\n";
    for args in [
        &["check", "--input-format", "jsonl", "-"][..],
        &["check", "--input-format", "jsonl", "--format", "json", "-"],
        &["extract", "--input-format", "jsonl", "-"],
        &["check", "--input-format", "jsonl", "--format", "jsonl", "--write-baseline", "b.json", "-"],
    ] {
        let o = run(&dir, args, &input);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(stderr(&o).contains("--input-format jsonl"), "{args:?}: {}", stderr(&o));
    }
}
