//! `quotecheck report`: the HTML review report, read back tag by tag. The JSON report of the
//! same input is the reference: every quotation, speaker, claim and finding it lists must be in
//! the page, in the right place. And article text is untrusted: none of it may become markup.

use base64::Engine as _;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("quotecheck runs")
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report_html").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// The report of `args` (inputs and options), written with `-o` to `dir/report.html`.
fn report(dir: &Path, args: &[&str]) -> String {
    let out = dir.join("report.html");
    let o = run(&[&["report", "-o", s(&out)], args].concat());
    assert_eq!(o.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty(), "with -o nothing goes to stdout");
    std::fs::read_to_string(&out).expect("the report is written")
}

/// The `quotecheck/1` JSON of the same inputs.
fn json(args: &[&str]) -> Value {
    let o = run(&[&["check", "--format", "json"], args].concat());
    serde_json::from_slice(&o.stdout).expect("JSON output")
}

/// A copy of the payload article under a name that is markup too (a valid file name on Unix).
const HOSTILE_NAME: &str = "pier\"><img src=x onerror=alert(1)>.txt";

fn payload_copy(dir: &Path) -> PathBuf {
    let p = dir.join(HOSTILE_NAME);
    std::fs::copy(fixture("report/payload.txt"), &p).expect("copy the payload article");
    p
}

// ---- a small HTML reader: enough for the page quotecheck writes, which escapes every `<` of
// ---- text, so that every `<` starts a tag, a comment or the doctype

#[derive(Debug, Clone)]
struct Tag {
    name: String,
    close: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split(' ').any(|x| x == class))
    }
}

#[derive(Debug, Clone)]
enum Token {
    Tag(Tag),
    /// Text as written (entities not decoded).
    Text(String),
}

fn tokens(html: &str) -> Vec<Token> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let end = html[i..].find('<').map_or(b.len(), |k| i + k);
            out.push(Token::Text(html[i..end].to_string()));
            i = end;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i += html[i..].find("-->").expect("a closed comment") + 3;
            continue;
        }
        if html[i..].starts_with("<!") {
            i += html[i..].find('>').expect("a closed doctype") + 1;
            continue;
        }
        i += 1;
        let close = b[i] == b'/';
        if close {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        assert!(!name.is_empty(), "a `<` that starts no tag at byte {start}: {}", &html[start.saturating_sub(40)..(start + 40).min(html.len())]);
        let mut attrs = Vec::new();
        loop {
            while b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            if html[i..].starts_with("/>") {
                i += 2;
                break;
            }
            let a = i;
            while !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let attr = html[a..i].to_ascii_lowercase();
            let mut value = String::new();
            if b[i] == b'=' {
                i += 1;
                let q = b[i];
                if q == b'"' || q == b'\'' {
                    let end = html[i + 1..].find(q as char).expect("a closed attribute value") + i + 1;
                    value = html[i + 1..end].to_string();
                    i = end + 1;
                } else {
                    let v = i;
                    while !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[v..i].to_string();
                }
            }
            attrs.push((attr, value));
        }
        let raw = !close && (name == "script" || name == "style");
        out.push(Token::Tag(Tag { name: name.clone(), close, attrs }));
        if raw {
            let end = html[i..].find(&format!("</{name}")).expect("a closed raw text element") + i;
            out.push(Token::Text(html[i..end].to_string()));
            i = end;
        }
    }
    out
}

/// Text or an attribute value as the browser reads it (the references quotecheck writes).
fn unescape(s: &str) -> String {
    s.replace("&#10;", "\n").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn tags(toks: &[Token]) -> impl Iterator<Item = &Tag> {
    toks.iter().filter_map(|t| match t {
        Token::Tag(t) if !t.close => Some(t),
        _ => None,
    })
}

fn by_id<'a>(toks: &'a [Token], id: &str) -> &'a Tag {
    let mut found = tags(toks).filter(|t| t.attr("id") == Some(id));
    let t = found.next().unwrap_or_else(|| panic!("no element with id {id}"));
    assert!(found.next().is_none(), "two elements with id {id}");
    t
}

const VOID: &[&str] = &["meta", "br", "hr", "img", "input", "link"];

/// What is inside an element: its decoded text and the tags it holds.
#[derive(Debug, Default)]
struct Inside {
    text: String,
    tags: Vec<Tag>,
}

/// What is inside each element that `pick` selects (by the keys it returns), all pieces of a
/// key concatenated in order; checks on the way that the tags nest properly.
fn inside(toks: &[Token], mut pick: impl FnMut(&Tag) -> Vec<String>) -> BTreeMap<String, Inside> {
    let mut out: BTreeMap<String, Inside> = BTreeMap::new();
    let mut stack: Vec<(String, Vec<String>)> = Vec::new();
    for t in toks {
        match t {
            Token::Tag(tag) if !tag.close => {
                for key in stack.iter().flat_map(|(_, keys)| keys) {
                    out.entry(key.clone()).or_default().tags.push(tag.clone());
                }
                if !VOID.contains(&tag.name.as_str()) {
                    stack.push((tag.name.clone(), pick(tag)));
                }
            }
            Token::Tag(tag) => {
                let (name, _) = stack.pop().expect("a closing tag has an opening one");
                assert_eq!(name, tag.name, "tags cross");
            }
            Token::Text(x) => {
                for key in stack.iter().flat_map(|(_, keys)| keys) {
                    out.entry(key.clone()).or_default().text.push_str(&unescape(x));
                }
            }
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    out
}

/// The decoded text inside each element that `pick` selects.
fn texts(toks: &[Token], pick: impl FnMut(&Tag) -> Vec<String>) -> BTreeMap<String, String> {
    inside(toks, pick).into_iter().map(|(k, v)| (k, v.text)).collect()
}

/// The decoded text of the article (the `.src` blocks), one entry per article in order.
fn article_texts(toks: &[Token]) -> Vec<String> {
    let mut n = 0;
    let keyed = texts(toks, |t| {
        if !t.has_class("src") {
            return vec![];
        }
        n += 1;
        vec![format!("{n:04}")]
    });
    keyed.into_values().collect()
}

/// The text of a quotation of the JSON report as the page marks it: its segments when it is
/// split, else its content.
fn quote_text(q: &Value) -> String {
    match q["segments"].as_array() {
        Some(segs) => segs.iter().map(|s| s["text"].as_str().unwrap_or_default()).collect(),
        None => q["content"]["text"].as_str().unwrap_or_default().to_string(),
    }
}

// ---- the tests

#[test]
fn every_quotation_is_in_the_text_with_its_speaker_cue_and_resolution() {
    let dir = scratch("quotes");
    let desk = fixture("report/desk.txt");
    let html = report(&dir, &[s(&desk)]);
    let toks = tokens(&html);
    let doc = &json(&[s(&desk)])["documents"][0];
    let quotes = doc["quotes"].as_array().expect("quotes");
    let speakers = doc["speakers"].as_array().expect("speakers");
    // the sample article has every kind of attribution the report explains
    let vias: Vec<&str> = quotes.iter().filter_map(|q| q["speaker"]["via"].as_str()).collect();
    for via in ["explicit", "pronoun", "continuation"] {
        assert!(vias.contains(&via), "desk.txt should have a quotation attributed by {via}: {vias:?}");
    }
    assert!(quotes.iter().any(|q| q["speaker"].is_null()), "desk.txt should have an unattributed quotation");

    let pieces = texts(&toks, |t| t.attr("data-q").map(|q| vec![q.to_string()]).unwrap_or_default());
    for (i, q) in quotes.iter().enumerate() {
        let id = format!("d1-q{}", i + 1);
        let first = by_id(&toks, &id);
        assert_eq!(first.attr("tabindex"), Some("0"), "{id} can be focused");
        let desc = first.attr("aria-describedby").expect("a description");
        by_id(&toks, desc);
        let tip = unescape(first.attr("data-tip").expect("a tooltip"));
        let want = quote_text(q);
        assert_eq!(pieces.get(&id).map(String::as_str), Some(want.as_str()), "the text of {id}");
        if q["kind"] == "scare" {
            continue;
        }
        match q["speaker"].as_object() {
            Some(sp) => {
                let e: usize = sp["entity"].as_str().and_then(|e| e[1..].parse().ok()).expect("an entity id");
                let name = speakers[e - 1]["name"].as_str().expect("a name");
                assert!(tip.contains(&format!("Speaker: {name}")), "{id}: {tip}");
                assert!(tip.contains(&format!("Resolved: {}", sp["via"].as_str().expect("via"))), "{id}: {tip}");
                assert!(first.has_class(&format!("c{}", (e - 1) % 12)), "{id} has its speaker's colour: {first:?}");
                assert!(!first.has_class("none"));
            }
            None => {
                assert!(tip.contains("unattributed"), "{id}: {tip}");
                assert!(first.has_class("none"), "{id} is marked unattributed: {first:?}");
            }
        }
        match q["cue"]["text"].as_str() {
            Some(cue) => assert!(tip.contains(&format!("Cue: “{cue}”")), "{id}: {tip}"),
            None => assert!(tip.contains("Cue: none"), "{id}: {tip}"),
        }
    }
    // every cue is underlined
    let mut n = 0;
    let cues = texts(&toks, |t| {
        if !t.has_class("cue") {
            return vec![];
        }
        n += 1;
        vec![n.to_string()]
    });
    for q in quotes {
        if let Some(cue) = q["cue"]["text"].as_str() {
            assert!(cues.values().any(|c| c == cue), "cue {cue:?} is marked");
        }
    }
}

#[test]
fn the_text_shown_is_the_article_exactly() {
    let dir = scratch("text");
    let desk = fixture("report/desk.txt");
    let md = fixture("markdown_article.md");
    let payload = payload_copy(&dir);
    let html = report(&dir, &["--config", s(&fixture("report/payload.toml")), s(&desk), s(&md), s(&payload)]);
    let texts = article_texts(&tokens(&html));
    let want: Vec<String> = [&desk, &md, &payload].iter().map(|p| std::fs::read_to_string(p).expect("read")).collect();
    assert_eq!(texts, want);
}

#[test]
fn the_speakers_panel_counts_quotations_and_lists_claims_in_order() {
    let dir = scratch("speakers");
    let desk = fixture("report/desk.txt");
    let html = report(&dir, &[s(&desk)]);
    let toks = tokens(&html);
    let doc = &json(&[s(&desk)])["documents"][0];
    let quotes = doc["quotes"].as_array().expect("quotes");
    let claims = doc["claims"].as_array().expect("claims");
    // the text and the claim links inside each speaker's entry
    let entries = inside(&toks, |t| t.attr("id").filter(|id| id.starts_with("d1-e")).map(|id| vec![id.to_string()]).unwrap_or_default());
    for sp in doc["speakers"].as_array().expect("speakers") {
        let id = sp["id"].as_str().expect("id");
        let key = format!("d1-{id}");
        let inner = entries.get(&key).unwrap_or_else(|| panic!("{key} is in the panel"));
        let entry = &inner.text;
        assert!(entry.contains(sp["name"].as_str().expect("name")), "{entry}");
        for title in sp["titles"].as_array().expect("titles") {
            assert!(entry.contains(title.as_str().expect("title")), "{entry}");
        }
        let n = quotes.iter().filter(|q| q["speaker"]["entity"] == id).count();
        let counted = if n == 1 { "1 quotation".to_string() } else { format!("{n} quotations") };
        assert!(entry.contains(&counted), "{key} says {counted}: {entry}");
        let want: Vec<String> = claims.iter().filter(|c| c["speaker"] == id).map(|c| format!("d1-{}", c["id"].as_str().expect("claim id"))).collect();
        let links: Vec<String> = inner.tags.iter().filter_map(|t| t.attr("href")).filter(|h| h.starts_with("#d1-c")).map(|h| h[1..].to_string()).collect();
        assert_eq!(links, want, "the claims of {key}, in order");
        for c in &want {
            by_id(&toks, c);
        }
    }
    // Petra Ulvaeus has three quotations, one of them by "she"
    let ulvaeus = &entries.values().find(|e| e.text.contains("Petra Ulvaeus")).expect("Ulvaeus has an entry").text;
    assert!(ulvaeus.contains("3 quotations"), "{ulvaeus}");
}

#[test]
fn each_finding_marks_both_of_its_spans() {
    let dir = scratch("findings");
    let desk = fixture("report/desk.txt");
    let tension = fixture("reference_tension.txt");
    let html = report(&dir, &[s(&desk), s(&tension)]);
    let toks = tokens(&html);
    let docs = json(&[s(&desk), s(&tension)]);
    let marked = texts(&toks, |t| t.attr("data-fs").map(|f| f.split(' ').map(str::to_string).collect()).unwrap_or_default());
    let items =
        texts(&toks, |t| t.attr("id").filter(|id| id.starts_with("finding-") && t.has_class("finding")).map(|id| vec![id.to_string()]).unwrap_or_default());
    let mut n = 0;
    let mut with_related = 0;
    for doc in docs["documents"].as_array().expect("documents") {
        for f in doc["findings"].as_array().expect("findings") {
            n += 1;
            let item = by_id(&toks, &format!("finding-{n}-item"));
            assert!(item.has_class(&format!("sev-{}", f["severity"].as_str().expect("severity"))));
            assert!(tags(&toks).any(|t| t.attr("href") == Some(&format!("#finding-{n}"))), "a link that chooses finding-{n}");
            let text = &items[&format!("finding-{n}-item")];
            for key in ["code", "rule", "severity", "message", "help"] {
                assert!(text.contains(f[key].as_str().expect("a string")), "finding-{n} shows its {key}: {text}");
            }
            let mut want = vec![(format!("finding-{n}-primary"), &f["primary"])];
            for (j, r) in f["related"].as_array().expect("related").iter().enumerate() {
                want.push((format!("finding-{n}-related-{}", j + 1), r));
            }
            let ids: Vec<&str> = want.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(item.attr("data-spans"), Some(ids.join(" ").as_str()));
            for (id, span) in &want {
                let mark = by_id(&toks, id);
                assert_eq!(mark.name, "mark");
                assert_eq!(marked.get(id).map(String::as_str), span["text"].as_str(), "the text of {id}");
                assert!(tags(&toks).any(|t| t.attr("href") == Some(&format!("#{id}"))), "a link to {id}");
            }
            if want.len() > 1 {
                with_related += 1;
            }
        }
    }
    assert!(n >= 3 && with_related >= 2, "{n} findings, {with_related} with two spans");
}

#[test]
fn several_articles_get_a_section_each_an_index_and_a_summary() {
    let dir = scratch("several");
    let files = [fixture("report/desk.txt"), fixture("reference_tension.txt"), fixture("unattributed.txt")];
    let args: Vec<&str> = files.iter().map(|p| s(p)).collect();
    let html = report(&dir, &args);
    let toks = tokens(&html);
    let docs = json(&args);
    // landmarks, each once
    for name in ["header", "nav", "main", "footer"] {
        assert_eq!(tags(&toks).filter(|t| t.name == name).count(), 1, "one <{name}>");
    }
    assert_eq!(tags(&toks).filter(|t| t.name == "aside").count(), 3, "an <aside> per article");
    assert_eq!(tags(&toks).filter(|t| t.name == "h1").count(), 1);
    // the index links to every section, in order
    let hrefs: Vec<&str> = tags(&toks).filter_map(|t| t.attr("href")).filter(|h| h.starts_with("#doc-")).collect();
    assert_eq!(hrefs, ["#doc-1", "#doc-2", "#doc-3"]);
    for (i, f) in files.iter().enumerate() {
        let h = texts(&toks, |t| if t.attr("id") == Some(&format!("doc-{}-h", i + 1)) { vec!["h".into()] } else { vec![] });
        assert_eq!(h["h"], s(f));
    }
    // the summary rows: per article, and the total
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut in_row = false;
    let mut cell: Option<String> = None;
    for t in &toks {
        match t {
            Token::Tag(t) if t.name == "tr" && !t.close => {
                cells.push(Vec::new());
                in_row = true;
            }
            Token::Tag(t) if t.name == "tr" => in_row = false,
            Token::Tag(t) if in_row && (t.name == "td" || t.name == "th") && !t.close => cell = Some(String::new()),
            Token::Tag(t) if in_row && (t.name == "td" || t.name == "th") => cells.last_mut().expect("a row").push(cell.take().unwrap_or_default()),
            Token::Text(x) => {
                if let Some(c) = &mut cell {
                    c.push_str(&unescape(x));
                }
            }
            _ => {}
        }
    }
    assert_eq!(cells.len(), 5, "head, three articles, total: {cells:?}");
    let mut total = [0usize; 6];
    for (doc, row) in docs["documents"].as_array().expect("documents").iter().zip(&cells[1..4]) {
        let quotes = doc["quotes"].as_array().expect("quotes");
        let speech: Vec<&Value> = quotes.iter().filter(|q| q["kind"] != "scare").collect();
        let speakers: std::collections::BTreeSet<&str> = quotes.iter().filter_map(|q| q["speaker"]["entity"].as_str()).collect();
        let sev = |level: &str| doc["findings"].as_array().expect("findings").iter().filter(|f| f["severity"] == level).count();
        let want = [speech.len(), speech.iter().filter(|q| q["speaker"].is_null()).count(), speakers.len(), sev("error"), sev("warning"), sev("info")];
        assert_eq!(row[0], doc["path"].as_str().expect("path"));
        let got: Vec<usize> = row[1..].iter().map(|c| c.parse().expect("a number")).collect();
        assert_eq!(got, want, "the row of {}", row[0]);
        for (t, w) in total.iter_mut().zip(want) {
            *t += w;
        }
    }
    let got: Vec<usize> = cells[4][1..].iter().map(|c| c.parse().expect("a number")).collect();
    assert_eq!(got, total, "the total row");
    let summary = &docs["summary"]["findings"];
    assert_eq!(total[3..].to_vec(), ["error", "warning", "info"].map(|k| summary[k].as_u64().expect("a count") as usize));
    // finding numbers run on across articles
    let n: usize = docs["documents"].as_array().expect("documents").iter().map(|d| d["findings"].as_array().expect("findings").len()).sum();
    by_id(&toks, &format!("finding-{n}-item"));
    assert!(!html.contains(&format!("id=\"finding-{}-item\"", n + 1)));
}

#[test]
fn the_page_is_the_same_on_every_run_and_on_stdout() {
    let dir = scratch("determinism");
    let files = [fixture("report/desk.txt"), fixture("reference_tension.txt"), fixture("nested.txt"), fixture("html_article.html")];
    let args: Vec<&str> = files.iter().map(|p| s(p)).collect();
    let one = report(&dir, &[&["--jobs", "1"], &args[..]].concat());
    let four = report(&dir, &[&["--jobs", "4"], &args[..]].concat());
    assert!(one == four, "the page differs between one job and four");
    let o = run(&[&["report"], &args[..]].concat());
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout == one.as_bytes(), "without -o the page goes to stdout, the same");
    let o = run(&[&["report", "-o", "-"], &args[..]].concat());
    assert!(o.stdout == one.as_bytes(), "-o - is stdout");
}

#[test]
fn a_missing_file_is_a_clear_error_and_no_page_is_written() {
    let dir = scratch("missing");
    let out = dir.join("report.html");
    let missing = dir.join("no-such-article.txt");
    let o = run(&["report", "-o", s(&out), s(&fixture("report/desk.txt")), s(&missing)]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no-such-article.txt: no such file or directory"), "{err}");
    assert!(err.contains("report not written"), "{err}");
    assert!(!out.exists(), "no partial report");
    // a folder that does not exist for the page
    let o = run(&["report", "-o", s(&dir.join("nowhere/report.html")), s(&fixture("report/desk.txt"))]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cannot write the report") && err.contains("nowhere/report.html"), "{err}");
    // an unknown rule, a broken configuration: usage errors
    assert_eq!(run(&["report", "--disable", "QC999", s(&fixture("report/desk.txt"))]).status.code(), Some(2));
    assert_eq!(run(&["report", "--config", s(&fixture("config/errors/bad-value.toml")), s(&fixture("report/desk.txt"))]).status.code(), Some(2));
}

#[test]
fn input_formats_and_configuration_are_honoured_like_check() {
    let dir = scratch("formats");
    let md = fixture("markdown_article.md");
    let quote_texts = |v: &Value| -> Vec<String> { v["documents"][0]["quotes"].as_array().expect("quotes").iter().map(quote_text).collect() };
    let page_quotes = |html: &str| -> Vec<String> {
        let toks = tokens(html);
        let pieces = texts(&toks, |t| t.attr("data-q").map(|q| vec![q.to_string()]).unwrap_or_default());
        let mut keyed: Vec<(usize, String)> = pieces.into_iter().map(|(k, v)| (k[4..].parse().expect("q number"), v)).collect();
        keyed.sort();
        keyed.into_iter().map(|(_, v)| v).collect()
    };
    // Markdown by its extension, and as told
    let by_ext = report(&dir, &[s(&md)]);
    assert_eq!(page_quotes(&by_ext), quote_texts(&json(&[s(&md)])));
    let copy = dir.join("article.txt");
    std::fs::copy(&md, &copy).expect("copy");
    let told = report(&dir, &["--input-format", "markdown", s(&copy)]);
    assert_eq!(page_quotes(&told), page_quotes(&by_ext));
    let as_text = report(&dir, &[s(&copy)]);
    assert_eq!(page_quotes(&as_text), quote_texts(&json(&[s(&copy)])));
    // --disable and a configuration change the findings as they do for check
    let desk = fixture("report/desk.txt");
    let html = report(&dir, &[s(&desk)]);
    assert!(html.contains("<code>QC101</code>"));
    let html = report(&dir, &["--disable", "unattributed-quote", s(&desk)]);
    assert!(!html.contains("<code>QC101</code>"));
    let html = report(&dir, &["--config", s(&fixture("config/rule-off.toml")), s(&desk)]);
    assert!(!html.contains("<code>QC101</code>"));
    // JSON Lines records are articles too
    let records = dir.join("records.jsonl");
    let text = std::fs::read_to_string(&desk).expect("read");
    std::fs::write(
        &records,
        format!("{}\n{}\n", serde_json::json!({"id": "a", "text": text}), serde_json::json!({"id": "b", "text": "“Fine,” Ana Holm said.\n"})),
    )
    .expect("write");
    let html = report(&dir, &["--input-format", "jsonl", s(&records)]);
    assert_eq!(article_texts(&tokens(&html)), [text.as_str(), "“Fine,” Ana Holm said.\n"]);
}

#[test]
fn article_text_never_becomes_markup() {
    let dir = scratch("escaping");
    let payload = payload_copy(&dir);
    let html = report(&dir, &["--config", s(&fixture("report/payload.toml")), s(&payload), s(&fixture("report/desk.txt"))]);
    let toks = tokens(&html);
    // only the elements the report writes
    let allowed = [
        "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3", "h4", "p", "nav", "table", "thead", "tbody", "tfoot", "tr", "th",
        "td", "main", "section", "div", "span", "mark", "aside", "ol", "ul", "li", "code", "q", "footer", "script",
    ];
    for t in tags(&toks) {
        assert!(allowed.contains(&t.name.as_str()), "unexpected <{}>", t.name);
        for (name, value) in &t.attrs {
            assert!(!name.starts_with("on"), "an event handler: {name}={value:?}");
            assert!(!matches!(name.as_str(), "src" | "style" | "srcdoc" | "formaction" | "action"), "<{} {name}>", t.name);
            if name == "href" {
                assert!(value.starts_with('#'), "a link out of the page: {value}");
            }
        }
    }
    let scripts: Vec<&Tag> = tags(&toks).filter(|t| t.name == "script").collect();
    assert_eq!(scripts.len(), 1, "one script: the report's own");
    assert!(scripts[0].attrs.is_empty());
    // the payload is there, as text
    let text: String = toks.iter().filter_map(|t| if let Token::Text(x) = t { Some(unescape(x)) } else { None }).collect();
    for p in
        ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">", "Ola <script>alert(1)</script> Nord", HOSTILE_NAME]
    {
        assert!(text.contains(p), "{p:?} is shown as text");
    }
    let tips: String = tags(&toks).filter_map(|t| t.attr("data-tip")).map(unescape).collect();
    assert!(tips.contains("Speaker: Ola <script>alert(1)</script> Nord (\"><img src=x onerror=alert(1)> chair)"), "{tips}");
    // the policy forbids everything but the page's own style and script, named by hash
    let csp = tags(&toks).find(|t| t.attr("http-equiv") == Some("Content-Security-Policy")).and_then(|t| t.attr("content")).map(unescape).expect("a CSP meta");
    let raw = |name: &str| {
        let at = toks.iter().position(|t| matches!(t, Token::Tag(t) if t.name == name && !t.close)).expect("the element");
        match &toks[at + 1] {
            Token::Text(x) => x.clone(),
            _ => String::new(),
        }
    };
    let hash = |text: &str| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())));
    let want = format!("default-src 'none'; style-src {}; script-src {}; base-uri 'none'; form-action 'none'", hash(&raw("style")), hash(&raw("script")));
    assert_eq!(csp, want);
    assert!(!raw("script").contains("pier") && !raw("script").contains("Ulvaeus"), "no article text in the script");
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

/// The page of a short article, with the constant stylesheet and script (and their hashes)
/// left out: review it as the page's structure.
#[test]
fn small_report_snapshot() {
    let text = "Ferry Talks Halted\n\nThe ferry board said talks with the crew remain suspended.\n\n“Of course we will hold talks with the crew on Friday,” board spokesman Ari Lamm said.\n\n“Nobody wants the ferry tied up.”\n";
    let a = quotecheck::analyze("ferry.txt", text, &quotecheck::Config::default());
    let page = quotecheck::report::html::render(&[a]);
    let cut = |page: &str, open: &str, close: &str| {
        let start = page.find(open).expect("open") + open.len();
        let end = start + page[start..].find(close).expect("close");
        format!("{}[constant]{}", &page[..start], &page[end..])
    };
    let page = cut(&cut(&page, "<style>", "</style>"), "<script>", "</script>");
    // a SHA-256 in base64 is 44 characters
    let mut page = page;
    let mut from = 0;
    while let Some(k) = page[from..].find("sha256-") {
        let at = from + k + "sha256-".len();
        page.replace_range(at..at + 44, "[hash]");
        from = at;
    }
    settings().bind(|| insta::assert_snapshot!("report_html_small", page));
}
