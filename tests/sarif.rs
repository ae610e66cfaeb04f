//! `check --format sarif`: the log of all fixtures in one run is valid against the official
//! SARIF 2.1.0 schema (from ../shared, skipped where it is absent), and says the same as the
//! JSON report: same findings in the same order, levels mapped, regions in code points.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    // relative paths, as a CI job passes them
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

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

/// The SARIF log and the JSON report of every fixture, in one run each.
fn fixture_logs() -> (Value, Value) {
    let sarif = run(&["check", "--format", "sarif", "tests/fixtures"]);
    assert_eq!(sarif.status.code(), Some(1), "the fixtures hold errors: {}", String::from_utf8_lossy(&sarif.stderr));
    let report = run(&["check", "--format", "json", "tests/fixtures"]);
    (json(&sarif), json(&report))
}

/// `$QUOTECHECK_SHARED`, or `../shared` beside the checkout.
fn shared() -> PathBuf {
    match std::env::var_os("QUOTECHECK_SHARED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

#[test]
fn valid_against_the_official_schema() {
    let path = shared().join("schemas/sarif-schema-2.1.0.json");
    let Ok(schema) = std::fs::read_to_string(&path) else {
        println!("skipped: the SARIF schema is not at {} (set QUOTECHECK_SHARED to the shared folder)", path.display());
        return;
    };
    let schema: Value = serde_json::from_str(&schema).expect("the schema is JSON");
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles");
    let (log, _) = fixture_logs();
    let stdin_log = json(&run_stdin(&["check", "--format", "sarif", "-"], "Headline\n\n“Nobody told us anything.”\n"));
    let empty_log = json(&run(&["check", "--format", "sarif", "tests/fixtures/no_tension.txt"]));
    for (what, instance) in [("fixtures", &log), ("stdin", &stdin_log), ("no findings", &empty_log)] {
        let errors: Vec<String> = validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{what}: the SARIF log breaks the schema:\n{}", errors.join("\n"));
    }
    assert_eq!(empty_log["runs"][0]["results"], serde_json::json!([]));
    // the validator does reject what the schema forbids
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "info".into();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert_eq!(validator.iter_errors(&broken).count(), 2);
}

#[test]
fn same_findings_as_the_json_report() {
    let (log, report) = fixture_logs();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    let run = &log["runs"][0];
    assert_eq!(log["runs"].as_array().map(Vec::len), Some(1), "one run for all files");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["name"], "quotecheck");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let registry = quotecheck::rules::all();
    assert_eq!(rules.len(), registry.len(), "every rule of the registry");
    for (r, want) in rules.iter().zip(&registry) {
        assert_eq!(r["id"], want.code);
        assert_eq!(r["name"], want.name);
        assert!(r["fullDescription"]["text"].as_str().is_some_and(|t| t.len() > r["shortDescription"]["text"].as_str().unwrap_or("").len()));
    }
    let level_of = |code: &str| rules.iter().find(|r| r["id"] == code).map(|r| r["defaultConfiguration"]["level"].clone());
    assert_eq!(level_of("QC102"), Some("error".into()));
    assert_eq!(level_of("QC101"), Some("warning".into()));
    assert_eq!(level_of("QC204"), Some("note".into()), "our info is SARIF's note");

    let artifacts = run["artifacts"].as_array().expect("artifacts");
    let results = run["results"].as_array().expect("results");
    let documents = report["documents"].as_array().expect("documents");
    assert_eq!(artifacts.len(), documents.len());
    let findings: Vec<(usize, &Value)> =
        documents.iter().enumerate().flat_map(|(i, d)| d["findings"].as_array().into_iter().flatten().map(move |f| (i, f))).collect();
    assert_eq!(results.len(), findings.len(), "one result per finding");
    assert!(results.len() >= 8, "the fixtures give findings of several rules");
    let mut levels = Vec::new();
    for (r, (doc, f)) in results.iter().zip(&findings) {
        let uri = documents[*doc]["path"].as_str().expect("path");
        assert!(uri.starts_with("tests/fixtures/"), "relative paths stay relative: {uri}");
        assert_eq!(artifacts[*doc]["location"]["uri"], uri);
        assert_eq!(r["ruleId"], f["code"]);
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"], "ruleIndex points at the rule");
        let level = match f["severity"].as_str() {
            Some("error") => "error",
            Some("warning") => "warning",
            Some("info") => "note",
            other => panic!("severity {other:?}"),
        };
        assert_eq!(r["level"], level);
        levels.push(level);
        assert_eq!(r["message"]["text"], f["message"]);
        assert_eq!(r["partialFingerprints"]["quotecheck/v2"], f["fingerprint"]);
        let primary = &r["locations"][0]["physicalLocation"];
        assert_eq!(primary["artifactLocation"]["uri"], uri);
        assert_eq!(primary["artifactLocation"]["index"], *doc);
        assert_eq!(primary["region"]["snippet"]["text"], f["primary"]["text"]);
        let related = r["relatedLocations"].as_array().map(Vec::as_slice).unwrap_or_default();
        let want: &[Value] = f["related"].as_array().map(Vec::as_slice).unwrap_or_default();
        assert_eq!(related.len(), want.len());
        for (i, (got, want)) in related.iter().zip(want).enumerate() {
            assert_eq!(got["id"], i + 1);
            assert_eq!(got["message"]["text"], want["label"]);
            assert_eq!(got["physicalLocation"]["region"]["snippet"]["text"], want["text"]);
        }
        if f["code"].as_str().is_some_and(|c| c.starts_with("QC2")) {
            assert!(!related.is_empty(), "a consistency finding cites its second claim: {r}");
            assert_eq!(r["properties"]["speakers"].as_array().map(Vec::len), Some(2), "{r}");
        }
    }
    assert!(levels.contains(&"error") && levels.contains(&"warning"), "{levels:?}");
    assert!(results.iter().any(|r| r["ruleId"].as_str().is_some_and(|c| c.starts_with("QC2"))), "the fixtures hold a tension");
}

/// Every region, read back from the file in code points, is its snippet.
#[test]
fn regions_read_back_in_code_points() {
    let (log, _) = fixture_logs();
    let run = &log["runs"][0];
    let mut checked = 0;
    for r in run["results"].as_array().expect("results") {
        let locations = r["locations"].as_array().into_iter().chain(r["relatedLocations"].as_array()).flatten();
        for l in locations {
            let p = &l["physicalLocation"];
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p["artifactLocation"]["uri"].as_str().expect("uri"));
            let text = std::fs::read_to_string(&path).expect("fixture");
            check_region(&text, &p["region"]);
            checked += 1;
        }
    }
    assert!(checked >= 10);
}

fn at(v: &Value, k: &str) -> usize {
    v[k].as_u64().unwrap_or_else(|| panic!("{k} missing in {v}")) as usize
}

fn check_region(text: &str, region: &Value) {
    let chars: Vec<char> = text.chars().collect();
    let (offset, len) = (at(region, "charOffset"), at(region, "charLength"));
    let snippet: String = chars[offset..offset + len].iter().collect();
    assert_eq!(region["snippet"]["text"], snippet, "charOffset/charLength in code points");
    // lines and columns: 1-based, endColumn just past the last character
    let lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
    let (sl, sc, el, ec) = (at(region, "startLine"), at(region, "startColumn"), at(region, "endLine"), at(region, "endColumn"));
    let before: usize = lines[..sl - 1].iter().map(|l| l.len() + 1).sum();
    assert_eq!(before + sc - 1, offset, "startLine/startColumn agree with charOffset");
    let before_end: usize = lines[..el - 1].iter().map(|l| l.len() + 1).sum();
    assert_eq!(before_end + ec - 1, offset + len, "endLine/endColumn agree with charLength");
}

#[test]
fn columns_count_code_points_after_non_ascii_text() {
    // an original two-paragraph text: the unclosed mark on line 3 follows eight non-ASCII
    // characters of its line, each two or three bytes long
    let text = "Zoë’s Café Closes Early\n\nThe owner, Zoë Ångström, told the café’s regulars that “the kitchen will stay open until June.\n";
    let o = run_stdin(&["check", "--format", "sarif", "-"], text);
    assert_eq!(o.status.code(), Some(1));
    let log = json(&o);
    let results = log["runs"][0]["results"].as_array().expect("results");
    let r = results.iter().find(|r| r["ruleId"] == "QC102").expect("the unclosed mark is reported");
    assert_eq!(r["level"], "error");
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules[at(r, "ruleIndex")]["name"], "unbalanced-quotes");
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "stdin");
    let region = &loc["region"];
    let byte = text.find('“').expect("the mark");
    let line_start = text[..byte].rfind('\n').expect("line 3") + 1;
    let col = text[line_start..byte].chars().count() + 1;
    assert_eq!(col, 56);
    assert!(byte - line_start + 1 > col, "the line has multi-byte characters before the mark");
    assert_eq!((at(region, "startLine"), at(region, "startColumn")), (3, col));
    assert_eq!((at(region, "endLine"), at(region, "endColumn")), (3, col + 1), "one character, though three bytes");
    assert_eq!(at(region, "charOffset"), text[..byte].chars().count());
    assert_eq!(at(region, "charLength"), 1);
    assert_eq!(region["snippet"]["text"], "“");
    check_region(text, region);
}

#[test]
fn results_are_ordered_by_file_then_offset() {
    let (log, _) = fixture_logs();
    let keys: Vec<(u64, u64)> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let p = &r["locations"][0]["physicalLocation"];
            (p["artifactLocation"]["index"].as_u64().unwrap_or(u64::MAX), p["region"]["charOffset"].as_u64().unwrap_or(u64::MAX))
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    let again = json(&run(&["check", "--format", "sarif", "tests/fixtures"]));
    assert_eq!(log, again, "the same input gives the same log");
}
