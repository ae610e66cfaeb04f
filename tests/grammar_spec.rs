//! Runs the examples of grammar/quotation.md against the scanner, so the spec and the nom
//! code cannot drift apart.

use quotecheck::scan::scan;
use quotecheck::Lexicon;

struct Example {
    text: String,
    quotes: Option<Vec<String>>,
    unbalanced: Option<usize>,
    reversed: Option<usize>,
    sentences: Option<Vec<String>>,
}

fn split_list(v: &str) -> Vec<String> {
    let v = v.trim();
    if v.is_empty() {
        Vec::new()
    } else {
        v.split(" | ").map(|s| s.trim().to_string()).collect()
    }
}

fn examples() -> Vec<Example> {
    let spec = include_str!("../grammar/quotation.md");
    let mut out = Vec::new();
    let mut cur: Option<Example> = None;
    for line in spec.lines() {
        if line.starts_with("```example") {
            cur = Some(Example { text: String::new(), quotes: None, unbalanced: None, reversed: None, sentences: None });
        } else if line.starts_with("```") {
            if let Some(e) = cur.take() {
                out.push(e);
            }
        } else if let Some(e) = cur.as_mut() {
            if let Some(v) = line.strip_prefix("text:") {
                e.text = v.trim().replace("\\n", "\n");
            } else if let Some(v) = line.strip_prefix("quotes:") {
                e.quotes = Some(split_list(v));
            } else if let Some(v) = line.strip_prefix("unbalanced:") {
                e.unbalanced = Some(v.trim().parse().expect("a number"));
            } else if let Some(v) = line.strip_prefix("reversed:") {
                e.reversed = Some(v.trim().parse().expect("a number"));
            } else if let Some(v) = line.strip_prefix("sentences:") {
                e.sentences = Some(split_list(v));
            }
        }
    }
    out
}

#[test]
fn spec_examples_hold() {
    let list = examples();
    assert!(list.len() >= 7, "the spec's examples were not found");
    let mut failures = Vec::new();
    for e in list {
        let s = scan(&e.text, Lexicon::builtin());
        if let Some(want) = &e.quotes {
            let got: Vec<String> = s.quotes.iter().map(|q| q.segments.iter().map(|g| g.slice(&e.text)).collect::<Vec<_>>().join(" + ")).collect();
            if &got != want {
                failures.push(format!("{:?}: quotes {got:?}, spec says {want:?}", e.text));
            }
        }
        if let Some(n) = e.unbalanced {
            if s.unbalanced.len() != n {
                failures.push(format!("{:?}: {} unbalanced, spec says {n}", e.text, s.unbalanced.len()));
            }
        }
        if let Some(n) = e.reversed {
            if s.reversed.len() != n {
                failures.push(format!("{:?}: {} reversed marks, spec says {n}", e.text, s.reversed.len()));
            }
        }
        if let Some(want) = &e.sentences {
            let got: Vec<String> = s.sentences.iter().map(|x| x.span.slice(&e.text).to_string()).collect();
            if &got != want {
                failures.push(format!("{:?}: sentences {got:?}, spec says {want:?}", e.text));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
