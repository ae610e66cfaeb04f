//! The whole pipeline on arbitrary bytes, read as plain text, Markdown and HTML: no panic,
//! the JSON report renders, and every span in it (quotations, cues, speakers, entity
//! mentions, claims, findings) lies on char boundaries inside the document with its `text`
//! equal to the slice; indices between claims, entities, quotes and findings are in range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::report::json::DocumentReport;
use quotecheck::source::InputFormat;
use quotecheck::{analyze_input, Config, Report};

fn check(text: &str, format: InputFormat, path: &str) {
    let a = analyze_input(path, text, format, &Config::default());
    assert_eq!(a.text, text);
    if let Err(v) = quotecheck::invariants::check(&a) {
        panic!("{format:?}: {v}");
    }
    // The whole report (summary and all) renders too.
    let doc = DocumentReport::from_analysis(&a);
    serde_json::to_string(&Report::from_documents(vec![doc])).expect("the report renders");
}

fuzz_target!(|data: &[u8]| {
    // quotecheck refuses non-UTF-8 input before the pipeline (source::read), so only valid
    // UTF-8 reaches it; the lossy conversion keeps the rest of the input useful.
    let text = String::from_utf8_lossy(data);
    check(&text, InputFormat::Text, "fuzz.txt");
    check(&text, InputFormat::Markdown, "fuzz.md");
    check(&text, InputFormat::Html, "fuzz.html");
});
