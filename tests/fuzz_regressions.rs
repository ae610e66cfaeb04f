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
    let doc = DocumentReport::from_analysis(&a);
    let json = serde_json::to_value(&doc).expect("the report serialises");
    let mut stack = vec![&json];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e), Some(t)) = (m.get("start"), m.get("end"), m.get("text")) {
                    let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                    assert!(s <= e && e <= text.len(), "{name} ({format:?}): span {s}..{e} outside a {}-byte text", text.len());
                    assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{name} ({format:?}): span {s}..{e} splits a char");
                    assert_eq!(t.as_str().unwrap(), &text[s..e], "{name} ({format:?}): span text differs");
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            _ => {}
        }
    }
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
