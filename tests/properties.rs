//! Properties of the whole pipeline, checked with proptest on article-like strings: words
//! from a small vocabulary, quotation marks of every kind, punctuation, newlines, cue words
//! and capitalised names. Case counts are modest so the suite stays fast; a failing case is
//! shrunk and printed by proptest.
//!
//! - no string makes the pipeline panic;
//! - every span of the JSON report lies on char boundaries inside the document, with `text`
//!   equal to the slice;
//! - the output is the same on two runs, and for `--jobs 1` and `--jobs 4`;
//! - appending an unrelated paragraph leaves the findings before it as they were.

use std::process::Command;

use proptest::prelude::*;
use quotecheck::report::json::DocumentReport;
use quotecheck::source::InputFormat;
use quotecheck::{analyze, analyze_input, Config};

const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "''",
    "'",
    "„",
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\n\n",
    ".",
    ".",
    ",",
    ",",
    ":",
    ";",
    "?",
    "!",
    "—",
    "said",
    "said",
    "told",
    "told reporters",
    "according to",
    "says",
    "added",
    "he",
    "she",
    "they",
    "it",
    "the",
    "a",
    "we",
    "will",
    "not",
    "never",
    "would",
    "talks",
    "plan",
    "bridge",
    "tax",
    "rise",
    "fall",
    "open",
    "close",
    "resume",
    "suspended",
    "approved",
    "rejected",
    "is",
    "was",
    "ready",
    "safe",
    "Mr.",
    "Ms.",
    "Sen.",
    "Mayor",
    "spokesman",
    "minister",
    "Ana",
    "Holm",
    "John",
    "Kirby",
    "Lena",
    "Ames",
    "Ministry",
    "of",
    "Transport",
    "council",
    "police",
    "2,000",
    "$5 million",
    "on Monday",
    "é",
    "日本",
    "🙂",
    "don't",
    "that",
];

/// An article-like string: 0 to 80 pieces, each followed by a space or not.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), any::<bool>()), 0..80).prop_map(|v| {
        let mut s = String::new();
        for (p, space) in v {
            s.push_str(p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn report(text: &str, format: InputFormat) -> serde_json::Value {
    let a = analyze_input("prop.txt", text, format, &Config::default());
    serde_json::to_value(DocumentReport::from_analysis(&a)).expect("serialisable")
}

/// Every object of `json` with `start`, `end` and `text` lies on char boundaries of `text`
/// and carries the exact slice (`quotecheck::invariants`).
fn spans_hold(json: &serde_json::Value, text: &str) -> Result<(), TestCaseError> {
    quotecheck::invariants::check_spans(json, text).map_err(|v| TestCaseError::fail(v.to_string()))
}

/// The end of the last span in a finding (primary and related).
fn finding_end(f: &serde_json::Value) -> u64 {
    std::iter::once(&f["primary"]).chain(f["related"].as_array().unwrap()).map(|s| s["end"].as_u64().unwrap()).max().unwrap()
}

/// A finding without the ids that count objects of the whole document (`claims`), which an
/// appended paragraph may renumber without changing what the finding says.
fn finding_key(f: &serde_json::Value) -> serde_json::Value {
    let mut f = f.clone();
    f.as_object_mut().unwrap().remove("claims");
    f
}

/// A paragraph that is unrelated to any article by construction: no quotation mark, no name
/// or capitalised word, no pronoun, no cue and no predicate word of the lexicon (nothing is
/// asserted), only lowercase scenery.
const UNRELATED: &[&str] = &["rain and wind over the hills in the morning.", "grey clouds above the old harbour wall.", "a quiet street with tall trees."];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// (a) and (b): no panic, and every span holds, in all three input formats.
    #[test]
    fn spans_lie_on_char_boundaries(text in article()) {
        for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
            spans_hold(&report(&text, format), &text)?;
        }
    }

    /// (c) Two runs give the same report.
    #[test]
    fn output_is_deterministic(text in article()) {
        let a = serde_json::to_string(&DocumentReport::from_analysis(&analyze("p.txt", &text, &Config::default()))).unwrap();
        let b = serde_json::to_string(&DocumentReport::from_analysis(&analyze("p.txt", &text, &Config::default()))).unwrap();
        prop_assert_eq!(a, b);
    }

    /// (d) Appending an unrelated paragraph does not change the findings that end before it.
    /// The paragraph is joined the way the document already separates its paragraphs: after
    /// a blank line when it has one, else on a new line (a text with no blank line is one
    /// paragraph per line, so adding the first blank line would re-split the whole document
    /// into different paragraphs: that is a change of the document, not an unrelated addition).
    #[test]
    fn unrelated_paragraph_keeps_earlier_findings(text in article(), which in 0..UNRELATED.len()) {
        let has_blank = text.split_inclusive('\n').any(|l| l.trim().is_empty());
        let sep = match (has_blank, text.ends_with('\n')) {
            (true, _) => "\n\n",
            (false, true) => "",
            (false, false) => "\n",
        };
        let extended = format!("{text}{sep}{}", UNRELATED[which]);
        let before = report(&text, InputFormat::Text);
        let after = report(&extended, InputFormat::Text);
        let limit = text.len() as u64;
        let keep = |r: &serde_json::Value| -> Vec<serde_json::Value> {
            r["findings"].as_array().unwrap().iter().filter(|f| finding_end(f) <= limit).map(finding_key).collect()
        };
        prop_assert_eq!(keep(&before), keep(&after), "extended text: {:?}", extended);
    }
}

/// (c) The CLI prints the same JSON for `--jobs 1` and `--jobs 4` over a folder of generated
/// articles (one run of each, over 16 files: a process per case would make the suite slow).
#[test]
fn output_is_the_same_for_any_number_of_jobs() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let dir = std::env::temp_dir().join(format!("quotecheck-props-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut runner = TestRunner::deterministic();
    let strategy = article();
    for i in 0..16 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        std::fs::write(dir.join(format!("a{i:02}.txt")), text).unwrap();
    }
    let run = |jobs: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_quotecheck")).args(["check", "--format", "json", "--jobs", jobs]).arg(&dir).output().unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1), "quotecheck failed: {}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let one = run("1");
    let four = run("4");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!one.is_empty());
    assert_eq!(String::from_utf8_lossy(&one), String::from_utf8_lossy(&four));
}
