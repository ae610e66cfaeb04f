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
    for c in &a.claims {
        assert!(c.speaker.is_none_or(|e| e < a.entities.len()));
        assert!(c.quote.is_none_or(|q| q < a.quotes.len()));
    }
    for f in &a.findings {
        assert!(f.claims.iter().all(|&c| c < a.claims.len()));
    }
    let doc = DocumentReport::from_analysis(&a);
    let json = serde_json::to_value(&doc).expect("the report serialises");
    let mut stack = vec![&json];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e), Some(t)) = (m.get("start"), m.get("end"), m.get("text")) {
                    let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                    assert!(s <= e && e <= text.len(), "{format:?}: span {s}..{e} outside a {}-byte text", text.len());
                    assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{format:?}: span {s}..{e} splits a char");
                    assert_eq!(t.as_str().unwrap(), &text[s..e], "{format:?}: span text differs from the slice");
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            _ => {}
        }
    }
    // The whole report (summary and all) renders too.
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
