//! Markdown and HTML input: the two fixtures `markdown_article.md` and `html_article.html`
//! are analysed through their masked analysis text. The quotations and speakers found must be
//! the article's, nothing from code, scripts, comments or front matter may be reported, and
//! every span in the JSON report must carry the exact slice of the file as written.

use quotecheck::report::json::DocumentReport;
use quotecheck::source::InputFormat;
use quotecheck::{analyze_input, Analysis, Config};
use serde_json::Value;
use std::path::Path;

fn load(name: &str) -> (String, Analysis) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    // read the raw bytes: the spans are checked against the file, not against anything the
    // library built from it
    let bytes = std::fs::read(&path).expect("fixture exists");
    let original = String::from_utf8(bytes).expect("fixture is UTF-8");
    let a = analyze_input(&format!("tests/fixtures/{name}"), &original, InputFormat::from_path(&path), &Config::default());
    (original, a)
}

/// Every `{start, end, text}` object anywhere in the JSON report, with where it was found.
fn spans(v: &Value, at: &str, out: &mut Vec<(String, usize, usize, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) =
                (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64), m.get("text").and_then(Value::as_str))
            {
                out.push((at.to_string(), s as usize, e as usize, t.to_string()));
            }
            for (k, x) in m {
                spans(x, &format!("{at}.{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                spans(x, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn assert_spans_are_slices_of_the_file(original: &str, a: &Analysis) {
    let json = serde_json::to_value(DocumentReport::from_analysis(a)).expect("serialisable");
    let mut found = Vec::new();
    spans(&json, "document", &mut found);
    assert!(found.len() > 20, "the report holds spans: {}", found.len());
    for (at, start, end, text) in found {
        let slice = original.get(start..end).unwrap_or_else(|| panic!("{at}: {start}..{end} is not a char range of the file"));
        assert_eq!(text, slice, "{at}: the text of {start}..{end} is the file's slice");
    }
}

/// The byte range of the first occurrence of `from` up to the end of the following `to`.
fn region(text: &str, from: &str, to: &str) -> (usize, usize) {
    let s = text.find(from).unwrap_or_else(|| panic!("{from:?} in the fixture"));
    let e = text[s..].find(to).map(|e| s + e + to.len()).unwrap_or_else(|| panic!("{to:?} after {from:?}"));
    (s, e)
}

/// No quotation, mention, claim or finding of the analysis starts or ends inside any of
/// `regions` (a sentence may run across a masked link target, but nothing is found in it).
fn assert_nothing_reported_in(a: &Analysis, regions: &[(usize, usize)], what: &str) {
    let json = serde_json::to_value(DocumentReport::from_analysis(a)).expect("serialisable");
    let mut found = Vec::new();
    spans(&json, "document", &mut found);
    for (at, start, end, text) in found {
        for &(s, e) in regions {
            let inside = |x: usize| s < x && x < e;
            assert!(!inside(start) && !inside(end), "{at} ({text:?}) starts or ends in {what} {s}..{e}");
        }
    }
}

struct Expect {
    kind: &'static str,
    opens: &'static str,
    speaker: &'static str,
    /// The opening words of the second segment of a split quotation.
    second: Option<&'static str>,
}

fn assert_quotes(a: &Analysis, expected: &[Expect]) {
    let report = DocumentReport::from_analysis(a);
    let got: Vec<String> = report
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().and_then(|s| report.speakers.iter().find(|e| e.id == s.entity)).map(|e| e.name.as_str()).unwrap_or("-");
            format!("{} {:?} {speaker}", serde_json::to_value(q.kind).expect("kind").as_str().unwrap_or_default(), q.content.text)
        })
        .collect();
    assert_eq!(report.quotes.len(), expected.len(), "quotes found:\n{}", got.join("\n"));
    for (q, (e, line)) in report.quotes.iter().zip(expected.iter().zip(&got)) {
        let kind = serde_json::to_value(q.kind).expect("kind");
        assert_eq!(kind, e.kind, "{line}");
        assert!(q.content.text.starts_with(e.opens), "{line}: opens with {:?}", e.opens);
        let speaker = q.speaker.as_ref().and_then(|s| report.speakers.iter().find(|x| x.id == s.entity)).map(|x| x.name.as_str());
        assert_eq!(speaker, Some(e.speaker), "{line}");
        match e.second {
            Some(second) => {
                assert_eq!(q.segments.len(), 2, "{line}: a split quotation");
                assert!(q.segments[1].text.starts_with(second), "{line}: second segment opens with {second:?}");
            }
            None => assert!(q.segments.len() <= 1, "{line}: one segment"),
        }
    }
}

#[test]
fn markdown_article_quotes_and_speakers() {
    let (text, a) = load("markdown_article.md");
    assert_quotes(
        &a,
        &[
            Expect { kind: "indirect", opens: "The ferry across Corven Bay will carry", speaker: "the harbor authority", second: None },
            // straight quotes, split by `said **Mira Castell**`
            Expect { kind: "direct", opens: "We have rebuilt both landing stages", speaker: "Mira Castell", second: Some("Nobody boards") },
            Expect { kind: "indirect", opens: "the first crossings would run", speaker: "Mira Castell", second: None },
            // inside the block quote, split by its cue
            Expect { kind: "direct", opens: "The timetable will grow", speaker: "Mira Castell", second: Some("We are hiring twelve deckhands") },
            // marked with &ldquo; ... &rdquo;
            Expect { kind: "direct", opens: "My daughter has never been on the ferry,", speaker: "Tobias Wren", second: None },
            // a list item
            Expect { kind: "indirect", opens: "Tickets go on sale in May", speaker: "the harbor authority", second: None },
            Expect { kind: "indirect", opens: "he would bake a cake", speaker: "Tobias Wren", second: None },
        ],
    );
    assert!(a.findings.is_empty(), "no findings: {:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    // the entity-marked quotation opens right after `&ldquo;` in the file
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).starts_with("My daughter")).expect("Wren's quote");
    assert!(text[..q.content.start].ends_with("&ldquo;"));
    assert!(text[q.content.end..].starts_with("&rdquo;"));
    let regions = [
        region(&text, "---\n", "---\n\n"),
        region(&text, "<!--", "-->"),
        region(&text, "```json", "\n```\n"),
        region(&text, "`\"sails\"`", "`\"sails\"`"),
        region(&text, "(https://", "\"Schedule\")"),
    ];
    assert_nothing_reported_in(&a, &regions, "front matter, a comment, code or a link target");
}

#[test]
fn html_article_quotes_and_speakers() {
    let (text, a) = load("html_article.html");
    assert_quotes(
        &a,
        &[
            Expect { kind: "direct", opens: "Every book that could be saved", speaker: "Noor Haddad", second: None },
            Expect { kind: "indirect", opens: "the children&rsquo;s section", speaker: "Noor Haddad", second: None },
            // inside <blockquote>
            Expect { kind: "direct", opens: "We lost about four thousand books", speaker: "Noor Haddad", second: None },
            Expect { kind: "indirect", opens: "the new barrier would hold back", speaker: "Paul Ferris", second: None },
            // inside <em>
            Expect { kind: "direct", opens: "It feels like the town", speaker: "Ines Marlow", second: None },
        ],
    );
    assert!(a.findings.is_empty(), "no findings: {:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    let q = &a.quotes[0];
    assert!(text[..q.content.start].ends_with("&ldquo;"));
    let regions = [
        region(&text, "<head>", "<title>"),
        region(&text, "</title>", "</head>"),
        region(&text, "<pre>", "</pre>"),
        region(&text, "<!-- editor", "-->"),
        region(&text, "<script>\n", "</script>"),
        region(&text, "<p data-note=\"", "\">"),
    ];
    assert_nothing_reported_in(&a, &regions, "the head, code, a comment, a script or a tag");
}

#[test]
fn every_span_is_the_exact_slice_of_the_file() {
    for name in ["markdown_article.md", "html_article.html"] {
        let (text, a) = load(name);
        assert_eq!(a.text, text, "{name}: the analysis carries the original text");
        assert_spans_are_slices_of_the_file(&text, &a);
    }
}

#[test]
fn read_as_text_the_markup_would_be_reported() {
    // the same files read as plain text: the quotation marks in code, front matter and
    // scripts then count, which is what the masking is for
    for name in ["markdown_article.md", "html_article.html"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        let text = std::fs::read_to_string(&path).expect("fixture");
        let a = analyze_input(name, &text, InputFormat::Text, &Config::default());
        assert!(!a.findings.is_empty() || a.quotes.len() > 7, "{name}: read as text, markup shows up");
    }
}

#[test]
fn plain_text_analysis_is_unchanged() {
    let text = "“We are ready,” Mayor Ana Holm said.\n";
    let a = quotecheck::analyze("a.txt", text, &Config::default());
    let b = analyze_input("a.txt", text, InputFormat::Text, &Config::default());
    assert_eq!(serde_json::to_string(&DocumentReport::from_analysis(&a)).ok(), serde_json::to_string(&DocumentReport::from_analysis(&b)).ok());
}

/// A small deterministic generator (xorshift), as in tests/robustness.rs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

#[test]
fn random_markup_keeps_every_span_on_the_file() {
    let pieces = [
        "<p>",
        "</p>",
        "<br>",
        "<div class=\"a > b\">",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<pre>",
        "</pre>",
        "<",
        ">",
        "&ldquo;",
        "&rdquo;",
        "&rsquo;",
        "&#8220;",
        "&#x201D;",
        "&amp;",
        "&bogus;",
        "&",
        "# ",
        "## ",
        "> ",
        "- ",
        "1. ",
        "```",
        "`",
        "*",
        "**",
        "_",
        "[",
        "](",
        ")",
        "---\n",
        "+++\n",
        "|",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "é",
        "—",
        "…",
        "said",
        "told",
        "Mayor Ana Holm",
        "Kettering",
        "he",
        "she",
        "the ministry",
        "according to",
        "We are ready",
        "the talks",
        "will not resume",
        ".",
        ",",
        "?",
        "said the spokesman",
        "Ms. Lund",
        "\u{FEFF}",
    ];
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for round in 0..300 {
        let n = 5 + (rng.next() % 200) as usize;
        let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
        for format in [InputFormat::Markdown, InputFormat::Html] {
            let masked = quotecheck::source::mask(&text, format);
            assert_eq!(masked.len(), text.len(), "round {round} {format:?}: {text:?}");
            let a = analyze_input("random", &text, format, &Config::default());
            let json = serde_json::to_value(DocumentReport::from_analysis(&a)).expect("serialisable");
            let mut found = Vec::new();
            spans(&json, "document", &mut found);
            for (at, start, end, t) in found {
                assert!(text.get(start..end) == Some(t.as_str()), "round {round} {format:?}: {at} {start}..{end} is not a slice of {text:?}");
            }
        }
    }
}
