//! The review report in a real browser: Debian's chromium, headless, opens the report of the
//! sample article (and of the payload article, under a file name that is markup too) at
//! `#finding-N`, and the DOM it dumps after its scripts ran must show the quotations,
//! speakers and findings, both spans of finding N marked, and none of the payload executed.
//! A screenshot is left at target/report-screenshot.png for a person to look at.
//!
//! Without /usr/bin/chromium the test is skipped, saying so, except under CI (the CI variable
//! set), where it fails: `.ci/run` installs chromium.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

/// How long one chromium run may take before the test fails instead of hanging.
const TIMEOUT: Duration = Duration::from_secs(90);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A `file://` URL of an absolute path, every byte but the unreserved ones and `/` escaped.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for &b in s(path).as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Runs chromium headless with `args` and a fresh profile in `dir`, its stdout to `out`; fails
/// the test if it does not finish within [`TIMEOUT`].
fn chromium(dir: &Path, name: &str, args: &[&str], out: &Path) {
    let profile = dir.join(format!("profile-{name}"));
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile).expect("a profile folder");
    let log = dir.join(format!("chromium-{name}.log"));
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", s(&profile)),
        ])
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(out).expect("create the output file"))
        .stderr(std::fs::File::create(&log).expect("create the log file"))
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {TIMEOUT:?} (log: {})", log.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium failed: {status} (log: {})", log.display());
    let _ = std::fs::remove_dir_all(&profile);
}

/// The opening tags of the dumped DOM, each as written (`<span class="q" ...>`). Text and
/// attribute values are skipped, so markup shown as text (escaped) is not taken for a tag.
fn open_tags(dom: &str) -> Vec<&str> {
    let b = dom.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = dom[i..].find('<') {
        let start = i + k;
        i = start + 1;
        if dom[start..].starts_with("<!--") {
            i = start + dom[start..].find("-->").expect("a closed comment") + 3;
            continue;
        }
        let opening = b.get(i).is_some_and(|c| c.is_ascii_alphabetic());
        // to the end of the tag, over quoted attribute values
        let mut quote = None;
        while i < b.len() {
            match (quote, b[i]) {
                (None, b'"' | b'\'') => quote = Some(b[i]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            i += 1;
        }
        let tag = &dom[start..=i.min(b.len() - 1)];
        if opening {
            out.push(tag);
        }
        // the text of a script or style element is not markup
        for raw in ["script", "style"] {
            if opening && tag[1..].starts_with(raw) {
                i += dom[i..].find(&format!("</{raw}")).unwrap_or(0);
            }
        }
    }
    out
}

fn name(tag: &str) -> &str {
    let rest = &tag[1..];
    &rest[..rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len())]
}

/// The value of an attribute of a tag as written.
fn attr<'a>(tag: &'a str, attr: &str) -> Option<&'a str> {
    let needle = format!(" {attr}=\"");
    let at = tag.find(&needle)? + needle.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

fn classes(tag: &str) -> Vec<&str> {
    attr(tag, "class").map(|c| c.split(' ').collect()).unwrap_or_default()
}

#[test]
fn the_report_works_in_chromium() {
    if !Path::new(CHROMIUM).exists() {
        if std::env::var_os("CI").is_some() {
            panic!("{CHROMIUM} is missing: the browser test must run in CI (.ci/run installs Debian's chromium with apt-get)");
        }
        eprintln!("skipped: {CHROMIUM} is missing (apt-get install chromium, or run .ci/run, to run this test)");
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report_browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let payload = dir.join("pier\"><img src=x onerror=alert(1)>.txt");
    std::fs::copy(fixture("report/payload.txt"), &payload).expect("copy the payload article");
    let page = dir.join("report.html");
    let o = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["report", "-o", s(&page), "--config", s(&fixture("report/payload.toml")), s(&fixture("report/desk.txt")), s(&payload)])
        .output()
        .expect("quotecheck runs");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&page).expect("the report");

    // the state reversal of the sample article: the board vs its spokeswoman
    let item = html.find("<code>QC201</code>").map(|at| &html[html[..at].rfind("<li class=\"finding").expect("in a finding")..at]).expect("a QC201 finding");
    let id = &item[item.find("id=\"").expect("an id") + 4..];
    let id = &id[..id.find('"').expect("closed")];
    // the entry is `finding-N-item`; the URL names the finding, `#finding-N`
    let id = id.strip_suffix("-item").expect("a finding entry's id");
    assert!(id.starts_with("finding-"), "{id}");

    let dom_file = dir.join("dom.html");
    let url = format!("{}#{id}", file_url(&page));
    chromium(&dir, "dom", &["--dump-dom", &url], &dom_file);
    let dom = std::fs::read_to_string(&dom_file).expect("the dumped DOM");

    let tags = open_tags(&dom);
    // the script ran (under the page's CSP, which allows it by hash)
    let root = tags.iter().find(|t| name(t) == "html").expect("an <html> element");
    assert_eq!(attr(root, "data-ready"), Some("true"), "the script did not run: {root}");
    // both spans of the finding are marked (every piece of them), and nothing else
    let spans = [format!("{id}-primary"), format!("{id}-related-1")];
    let mut own = 0;
    for span in &spans {
        let pieces: Vec<&&str> = tags.iter().filter(|t| attr(t, "data-fs").is_some_and(|f| f.split(' ').any(|x| x == span))).collect();
        assert!(!pieces.is_empty(), "{span} is in the DOM");
        for p in &pieces {
            assert!(classes(p).contains(&"selected"), "{span} is marked: {p}");
        }
        own += pieces.len();
    }
    let marked = tags.iter().filter(|t| name(t) == "mark" && classes(t).contains(&"selected")).count();
    assert_eq!(marked, own, "only the spans of {id} are marked");
    let li = tags.iter().find(|t| attr(t, "id") == Some(&format!("{id}-item"))).expect("the finding");
    assert!(classes(li).contains(&"selected") && attr(li, "aria-current") == Some("true"), "{li}");
    // quotations, speakers, findings
    for text in [
        "Of course the talks with the union will continue every morning this week",
        "Nobody on the quay wants a strike.",
        "Petra Ulvaeus",
        "Tomas Brenning",
        "Lindholm Harbour Board",
        "state-reversal",
        "unattributed-quote",
        "Speaker: Petra Ulvaeus (Board spokeswoman)&#10;Resolved: pronoun",
    ] {
        // the tooltips are attributes: chromium writes their line breaks as they are
        let text = text.replace("&#10;", "\n");
        assert!(dom.contains(&text), "{text:?} is in the DOM");
    }
    // the payload is text: no element, no handler, no link to javascript:, nothing ran
    for t in &tags {
        assert!(!matches!(name(t), "img" | "iframe" | "object" | "embed" | "b"), "a payload element: {t}");
        let names: String = t.split('"').step_by(2).collect();
        assert!(!names.contains(" on"), "an event handler: {t}");
        if let Some(href) = attr(t, "href") {
            assert!(href.starts_with('#'), "a link out of the page: {t}");
        }
    }
    assert_eq!(tags.iter().filter(|t| name(t) == "script").count(), 1, "one script element: the report's");
    assert_eq!(attr(root, "data-pwned"), None, "a payload ran");
    for text in ["&lt;script&gt;alert(1)&lt;/script&gt;", "\"&gt;&lt;img src=x onerror=alert(1)&gt;", "&lt;a href=\"javascript:alert(1)\"&gt;"] {
        assert!(dom.contains(text), "{text:?} is shown as text");
    }

    // a span's own link (#finding-N-related-1) chooses its finding too
    let span_dom = dir.join("dom-span.html");
    chromium(&dir, "span", &["--dump-dom", &format!("{}#{id}-related-1", file_url(&page))], &span_dom);
    let span_dom = std::fs::read_to_string(&span_dom).expect("the dumped DOM");
    let span_tags = open_tags(&span_dom);
    let selected: Vec<&&str> = span_tags.iter().filter(|t| name(t) == "mark" && classes(t).contains(&"selected")).collect();
    assert_eq!(selected.len(), own, "both spans of {id} are marked from #{id}-related-1");
    assert!(selected.iter().all(|t| attr(t, "data-fs").is_some_and(|f| f.starts_with(&format!("{id}-")))), "{selected:?}");

    // a screenshot for a person to look at
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().expect("the target folder");
    let shot = target.join("report-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    let blank = dir.join("screenshot.out");
    chromium(&dir, "shot", &[&format!("--screenshot={}", s(&shot)), "--window-size=1280,1600", &url], &blank);
    let png = std::fs::read(&shot).expect("the screenshot is written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(png.len() > 20_000, "the screenshot is nearly empty ({} bytes)", png.len());
    eprintln!("screenshot: {}", shot.display());
}
