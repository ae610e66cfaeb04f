//! Inputs that libFuzzer found to break quotecheck (see Robustness in the README and
//! fuzz/). Each file under tests/fuzz_regressions/ (other than its README.md) is one crashing
//! input as found, bytes as is; the first runs found none, so the folder holds only its
//! README for now. This test runs the fuzz targets' checks on each: the scanner, and the whole pipeline
//! read as plain text, Markdown and HTML, with every span of the JSON report on char
//! boundaries inside the document and its `text` equal to the slice.

use quotecheck::report::json::DocumentReport;
use quotecheck::source::InputFormat;
use quotecheck::{analyze_input, Config, Lexicon, Report};

fn check(text: &str, format: InputFormat, name: &str) {
    let a = analyze_input("fuzz.txt", text, format, &Config::default());
    if let Err(v) = quotecheck::invariants::check(&a) {
        panic!("{name} ({format:?}): {v}");
    }
    let doc = DocumentReport::from_analysis(&a);
    serde_json::to_string(&Report::from_documents(vec![doc])).expect("the report renders");
}

#[test]
fn crashing_inputs_found_by_fuzzing_now_pass() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_regressions");
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.extension().is_some_and(|e| e == "md") {
            continue; // the folder's README
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let name = path.file_name().unwrap().to_string_lossy();
        quotecheck::scan::scan(&text, Lexicon::builtin());
        for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
            check(&text, format, &name);
        }
    }
}
