//! `quotecheck schema`: the JSON Schema of the `quotecheck/1` output, derived from the report
//! types. Every JSON and JSON Lines output over the fixtures is valid against it, also with
//! every object closed (so a field that is printed but missing from the schema fails too), and
//! documents with a wrong enum value or a missing required field are not. The schema itself is
//! a snapshot, so a change of the contract shows in review.

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The fixture folders: the original mini-articles and the consistency fixtures.
const INPUTS: [&str; 2] = ["tests/fixtures", "tests/consistency/fixtures"];

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("quotecheck runs")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn parse(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

/// What `quotecheck schema ARGS` prints, as printed and parsed.
fn printed_schema(args: &[&str]) -> (String, Value) {
    let mut all = vec!["schema"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let s = text(&o);
    let v = parse(&s);
    (s, v)
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options().should_validate_formats(true).build(schema).expect("the schema compiles")
}

/// The schema with every object closed: `additionalProperties: false` wherever properties are
/// listed. The published schema leaves objects open, since the contract lets fields be added
/// within `quotecheck/1`; closed, it shows that nothing is printed that the schema lacks.
fn closed(schema: &Value) -> Value {
    match schema {
        Value::Object(m) => {
            let mut m: serde_json::Map<String, Value> = m.iter().map(|(k, v)| (k.clone(), closed(v))).collect();
            if m.contains_key("properties") {
                m.insert("additionalProperties".into(), Value::Bool(false));
            }
            Value::Object(m)
        }
        Value::Array(a) => Value::Array(a.iter().map(closed).collect()),
        v => v.clone(),
    }
}

/// Validation against the schema, and against the closed schema.
struct Check {
    open: jsonschema::Validator,
    closed: jsonschema::Validator,
}

impl Check {
    fn new(schema: &Value) -> Self {
        Check { open: validator(schema), closed: validator(&closed(schema)) }
    }

    fn errors(&self, instance: &Value) -> Vec<String> {
        let mut out: Vec<String> = self.open.iter_errors(instance).map(|e| format!("{e} at {}", e.instance_path())).collect();
        out.extend(self.closed.iter_errors(instance).map(|e| format!("(closed) {e} at {}", e.instance_path())));
        out
    }

    fn assert_valid(&self, what: &str, instance: &Value) {
        let errors = self.errors(instance);
        assert!(errors.is_empty(), "{what} is not valid against the printed schema:\n{}", errors.join("\n"));
    }
}

/// The optional and nullable fields of the contract, and empty-or-not lists of findings.
const BRANCHES: [&str; 10] = [
    "quote.segments",
    "quote.cue",
    "quote.speaker",
    "quote.parent",
    "speaker.affiliation",
    "claim.quote",
    "claim.class",
    "claim.amounts",
    "finding.related",
    "finding.claims",
];

/// Which optional and nullable branches of the contract the outputs exercised, so that the
/// validation is known to have seen each of them both ways.
#[derive(Default, Debug)]
struct Seen(std::collections::BTreeSet<String>);

impl Seen {
    fn both(&mut self, name: &str, present: bool) {
        self.0.insert(format!("{name}: {}", if present { "present" } else { "absent or null" }));
    }

    fn document(&mut self, d: &Value) {
        let has = |v: &Value, k: &str| v.get(k).is_some_and(|x| !x.is_null());
        for q in d["quotes"].as_array().into_iter().flatten() {
            self.both("quote.segments", has(q, "segments"));
            self.both("quote.cue", has(q, "cue"));
            self.both("quote.speaker", has(q, "speaker"));
            self.both("quote.parent", has(q, "parent"));
        }
        for e in d["speakers"].as_array().into_iter().flatten() {
            self.both("speaker.affiliation", has(e, "affiliation"));
        }
        for c in d["claims"].as_array().into_iter().flatten() {
            self.both("claim.quote", has(c, "quote"));
            self.both("claim.class", has(c, "class"));
            self.both("claim.amounts", has(c, "amounts"));
        }
        for f in d["findings"].as_array().into_iter().flatten() {
            self.both("finding.related", f["related"].as_array().is_some_and(|r| !r.is_empty()));
            self.both("finding.claims", f["claims"].as_array().is_some_and(|r| !r.is_empty()));
        }
    }
}

#[test]
fn every_json_output_over_the_fixtures_is_valid_against_the_schema() {
    let report = Check::new(&printed_schema(&[]).1);
    let document = Check::new(&printed_schema(&["--jsonl"]).1);
    let mut seen = Seen::default();
    let mut documents = 0;
    for dir in INPUTS {
        for command in ["check", "extract"] {
            let o = run(&[command, "--format", "json", dir]);
            assert!(matches!(o.status.code(), Some(0 | 1)), "{command} {dir}: {}", String::from_utf8_lossy(&o.stderr));
            let whole = parse(&text(&o));
            report.assert_valid(&format!("{command} --format json {dir}"), &whole);
            let docs = whole["documents"].as_array().expect("documents");
            assert!(docs.len() >= 10, "{dir}: only {} documents", docs.len());
            documents += docs.len();
            for d in docs {
                seen.document(d);
            }

            let o = run(&[command, "--format", "jsonl", dir]);
            assert!(matches!(o.status.code(), Some(0 | 1)), "{command} {dir}: {}", String::from_utf8_lossy(&o.stderr));
            let lines: Vec<Value> = text(&o).lines().map(parse).collect();
            for (line, d) in lines.iter().enumerate() {
                document.assert_valid(&format!("{command} --format jsonl {dir}, line {}", line + 1), d);
            }
            // the two formats carry the same documents
            assert_eq!(&lines, docs, "{command} {dir}: --format jsonl and --format json differ");
        }
    }
    assert!(documents >= 4 * 25, "only {documents} documents checked");

    // standard input, an empty input, and a document with nothing in it
    for (what, input) in [("a short text", "Headline\n\n“Nobody told us anything.”\n"), ("empty input", ""), ("no quotes", "The ferry runs at noon.\n")] {
        let o = run_stdin(&["check", "--format", "json", "-"], input);
        report.assert_valid(what, &parse(&text(&o)));
        let o = run_stdin(&["extract", "--format", "jsonl", "-"], input);
        document.assert_valid(what, &parse(&text(&o)));
    }

    let missing: Vec<String> =
        BRANCHES.iter().flat_map(|n| [format!("{n}: present"), format!("{n}: absent or null")]).filter(|k| !seen.0.contains(k)).collect();
    assert!(missing.is_empty(), "the fixtures never exercise {missing:?}");
}

/// The report of a fixture with quotes, speakers, claims and findings of both kinds.
fn sample() -> Value {
    let o = run(&["check", "--format", "json", "tests/fixtures/reference_tension.txt", "tests/fixtures/unattributed.txt"]);
    parse(&text(&o))
}

/// `doc` with the value at `pointer` replaced, or removed when `value` is `None`.
fn edit(doc: &Value, pointer: &str, value: Option<Value>) -> Value {
    let mut doc = doc.clone();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let target = doc.pointer_mut(parent).unwrap_or_else(|| panic!("{parent} is in the sample"));
    match (target, value) {
        (Value::Object(m), Some(v)) => {
            m.insert(key.to_string(), v);
        }
        (Value::Object(m), None) => {
            assert!(m.remove(key).is_some(), "{pointer} is in the sample");
        }
        (Value::Array(a), Some(v)) => a[key.parse::<usize>().expect("an index")] = v,
        (t, _) => panic!("cannot edit {pointer} in {t}"),
    }
    doc
}

#[test]
fn the_schema_rejects_wrong_values_and_missing_fields() {
    let report = Check::new(&printed_schema(&[]).1);
    let sample = sample();
    report.assert_valid("the sample", &sample);
    assert!(sample.pointer("/documents/0/findings/0/related/0").is_some(), "the sample has a tension");
    assert!(
        sample.pointer("/documents/1/quotes").and_then(Value::as_array).is_some_and(|q| q.iter().any(|q| q["speaker"].is_null())),
        "the sample has an unattributed quote"
    );

    let bad = [
        ("/documents/0/quotes/0/kind", Some(json!("paraphrase")), "a quote kind that does not exist"),
        ("/documents/0/quotes/0/speaker/via", Some(json!("guess")), "a `via` that does not exist"),
        ("/documents/0/findings/0/severity", Some(json!("fatal")), "a severity that does not exist"),
        ("/documents/0/claims/0/modality", Some(json!("certain")), "a modality that does not exist"),
        ("/documents/0/claims/0/time", Some(json!("yesterday")), "a time that does not exist"),
        ("/schema", Some(json!("quotecheck/2")), "another schema version"),
        ("/summary", None, "no summary"),
        ("/documents/0/path", None, "a document without a path"),
        ("/documents/0/quotes/0/cue", None, "a quote without its `cue` (null is written, never left out)"),
        ("/documents/0/quotes/0/speaker", None, "a quote without its `speaker`"),
        ("/documents/0/claims/0/polarity", None, "a claim without a polarity"),
        ("/documents/0/findings/0/fingerprint", None, "a finding without a fingerprint"),
        ("/documents/0/quotes/0/content", Some(Value::Null), "a null content"),
        ("/documents/0/quotes/0/content/start", Some(json!(-1)), "a negative offset"),
        ("/documents/0/quotes/0/segments", Some(json!([])), "empty segments (left out instead)"),
        ("/documents/0/quotes/0/parent", Some(Value::Null), "a null parent (left out instead)"),
        ("/documents/0/findings/0/code", Some(json!("E201")), "a code that is not QC and three digits"),
        ("/summary/findings/error", Some(json!("2")), "a count as a string"),
    ];
    for (pointer, value, what) in bad {
        let doc = edit(&sample, pointer, value);
        assert!(!report.open.is_valid(&doc), "the schema accepts {what} ({pointer})");
    }

    // what the contract allows: nulls where a value may be missing, extra fields
    let good = [
        ("/documents/0/quotes/0/cue", Value::Null),
        ("/documents/0/quotes/0/speaker", Value::Null),
        ("/documents/0/speakers/0/affiliation", Value::Null),
        ("/documents/0/claims/0/class", Value::Null),
        ("/documents/0/added_later", json!({"any": "thing"})),
    ];
    for (pointer, value) in good {
        let doc = edit(&sample, pointer, Some(value));
        let errors: Vec<String> = report.open.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "the schema rejects {pointer}: {errors:?}");
    }

    // one line of --format jsonl is one document
    let document = Check::new(&printed_schema(&["--jsonl"]).1);
    let line = sample["documents"][0].clone();
    document.assert_valid("a document", &line);
    assert!(!document.open.is_valid(&edit(&line, "/findings/0/severity", Some(json!("fatal")))));
    assert!(!document.open.is_valid(&edit(&line, "/quotes", None)));
    assert!(!document.open.is_valid(&sample), "a whole report is no document");
}

#[test]
fn the_printed_schema_is_the_library_schema_and_a_valid_2020_12_schema() {
    let (_, report) = printed_schema(&[]);
    let (_, document) = printed_schema(&["--jsonl"]);
    assert_eq!(report, quotecheck::report::json::report_schema());
    assert_eq!(document, quotecheck::report::json::document_schema());
    for s in [&report, &document] {
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        if let Err(e) = jsonschema::meta::validate(s) {
            panic!("not a valid JSON Schema: {e}");
        }
    }
    assert_eq!(report["properties"]["schema"]["const"], quotecheck::report::json::SCHEMA);
}

/// The contract as reviewers see it: a change to the report types changes this snapshot.
#[test]
fn schema_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!("quotecheck_schema", printed_schema(&[]).0);
        insta::assert_snapshot!("quotecheck_schema_jsonl", printed_schema(&["--jsonl"]).0);
    });
}
