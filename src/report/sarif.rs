//! SARIF 2.1.0 output (`check --format sarif`): one log, one run, every document of the run.
//!
//! Only the parts of SARIF that quotecheck has something to say in are modelled. Lines and
//! columns are 1-based, columns and character offsets count Unicode code points (the run says
//! so with `columnKind`), while quotecheck's spans are UTF-8 byte ranges: every position is
//! converted here. Results keep the order of the JSON report: by file, then by offset.

use super::json::finding_fingerprint;
use crate::model::{Analysis, Finding, Severity};
use crate::rules::{self, Rule};
use crate::span::{LineIndex, Span};
use serde::Serialize;
use std::collections::BTreeMap;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const VERSION: &str = "2.1.0";
/// The key of quotecheck's fingerprint in `partialFingerprints`: the JSON report's
/// `fingerprint`, versioned so that a change of the hash can take a new key.
/// v2: the fingerprint also holds the speakers of the claims a finding compares.
pub const FINGERPRINT_KEY: &str = "quotecheck/v2";

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    /// Always `unicodeCodePoints`: SARIF's default is UTF-16 code units.
    pub column_kind: &'static str,
    pub artifacts: Vec<Artifact>,
    pub results: Vec<SarifResult>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub rules: Vec<ReportingDescriptor>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    pub id: &'static str,
    pub name: &'static str,
    pub short_description: Message,
    pub full_description: Message,
    /// The whole documentation, examples included (`quotecheck rule CODE`); code scanning
    /// shows it beside an alert.
    pub help: Message,
    pub default_configuration: Configuration,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Message {
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Artifact {
    pub location: ArtifactLocation,
    /// In bytes, as SARIF counts an artifact's length.
    pub length: usize,
    pub encoding: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ArtifactLocation {
    pub uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: &'static str,
    pub rule_index: usize,
    pub level: &'static str,
    pub message: Message,
    pub locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<Location>,
    pub partial_fingerprints: BTreeMap<&'static str, String>,
    pub properties: ResultProperties,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<usize>,
    pub physical_location: PhysicalLocation,
    pub message: Message,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    pub region: Region,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    /// The column just past the region's last character, as SARIF defines it.
    pub end_column: usize,
    pub char_offset: usize,
    pub char_length: usize,
    pub snippet: Message,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ResultProperties {
    /// Who made the claims of a consistency finding (`reporter` for the article's own
    /// narrative); absent for attribution lint.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    /// The finding's own advice (the rule's documentation is in `help` of the rule).
    pub help: String,
}

/// SARIF's level for a severity: our `info` is SARIF's `note`.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as given on the command line, as a SARIF URI reference: forward slashes, relative
/// paths kept relative, absolute ones as `file://` URIs, standard input as `stdin`, and
/// anything a URI cannot hold percent-encoded.
pub fn artifact_uri(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    // a backslash separates folders only on Windows; elsewhere it is part of a name
    let path = if cfg!(windows) { path.replace('\\', "/") } else { path.to_string() };
    let drive = cfg!(windows) && path.len() >= 2 && path.as_bytes()[0].is_ascii_alphabetic() && path.as_bytes()[1] == b':';
    if path.starts_with("//") {
        // a UNC path //server/share/x
        format!("file:{}", encode(&path, true))
    } else if path.starts_with('/') {
        format!("file://{}", encode(&path, true))
    } else if drive && path[2..].starts_with('/') {
        format!("file:///{}", encode(&path, true))
    } else {
        // in a relative reference a colon before the first slash would read as a scheme
        encode(&path, false)
    }
}

fn encode(path: &str, keep_colon: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) || (keep_colon && b == b':');
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Plain-text SARIF messages read `[text](target)` as a link to a location. Quoted copy can
/// hold square brackets ([bracketed insertions]); where one is followed by a parenthesis, the
/// brackets are escaped so that no consumer takes them for a link.
fn message_text(s: &str) -> String {
    if s.contains("](") {
        s.replace('[', "\\[").replace(']', "\\]")
    } else {
        s.to_string()
    }
}

/// Positions in one document, in lines and Unicode code points.
struct Positions<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    /// Code points before each block of `BLOCK` bytes.
    blocks: Vec<usize>,
}

const BLOCK: usize = 4096;

/// Counts the characters that start in `bytes` (a UTF-8 continuation byte starts none).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Self {
        let mut blocks = vec![0];
        let mut n = 0;
        for chunk in text.as_bytes().chunks(BLOCK) {
            n += chars_in(chunk);
            blocks.push(n);
        }
        Positions { text, lines: LineIndex::new(text), blocks }
    }

    /// Code points before a byte offset.
    fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let b = byte / BLOCK;
        self.blocks[b] + chars_in(&self.text.as_bytes()[b * BLOCK..byte])
    }

    fn region(&self, span: Span) -> Region {
        let (start_line, start_column) = self.lines.line_col(span.start);
        let (end_line, end_column) = self.lines.line_col(span.end);
        let char_offset = self.char_offset(span.start);
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
            char_offset,
            char_length: self.char_offset(span.end).saturating_sub(char_offset),
            snippet: Message { text: span.slice(self.text).to_string() },
        }
    }
}

fn descriptor(r: &Rule) -> ReportingDescriptor {
    let doc = r.doc();
    // the prose before the examples, its paragraphs unwrapped: the doc comment's line
    // breaks are only the source file's width
    let prose = doc.split("\nFires").next().unwrap_or(&doc);
    let prose = prose.split("\n\n").map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n");
    ReportingDescriptor {
        id: r.code,
        name: r.name,
        short_description: Message { text: r.summary() },
        full_description: Message { text: prose },
        help: Message { text: doc.trim_end().to_string() },
        default_configuration: Configuration { level: level(r.severity) },
    }
}

/// Builds one SARIF log from documents added one at a time, so that a batch need not keep
/// every document's text in memory.
pub struct SarifBuilder {
    rules: Vec<&'static Rule>,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult>,
}

impl Default for SarifBuilder {
    fn default() -> Self {
        SarifBuilder::new()
    }
}

impl SarifBuilder {
    pub fn new() -> Self {
        SarifBuilder { rules: rules::all(), artifacts: Vec::new(), results: Vec::new() }
    }

    pub fn add(&mut self, a: &Analysis) {
        let index = self.artifacts.len();
        let uri = artifact_uri(&a.path);
        self.artifacts.push(Artifact { location: ArtifactLocation { uri: uri.clone(), index: None }, length: a.text.len(), encoding: "utf-8" });
        let pos = Positions::new(&a.text);
        let at = |span: Span, id: Option<usize>, label: &str| Location {
            id,
            physical_location: PhysicalLocation { artifact_location: ArtifactLocation { uri: uri.clone(), index: Some(index) }, region: pos.region(span) },
            message: Message { text: message_text(label) },
        };
        for f in &a.findings {
            let rule_index = self.rules.iter().position(|r| r.code == f.code).unwrap_or_default();
            self.results.push(SarifResult {
                rule_id: f.code,
                rule_index,
                level: level(f.severity),
                message: Message { text: message_text(&f.message) },
                locations: vec![at(f.primary, None, &f.primary_label)],
                related_locations: f.related.iter().enumerate().map(|(i, r)| at(r.span, Some(i + 1), &r.label)).collect(),
                partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, finding_fingerprint(a, f))]),
                properties: ResultProperties { speakers: speakers(a, f), help: f.help.clone() },
            });
        }
    }

    pub fn finish(self) -> Log {
        let driver = Driver { name: "quotecheck", version: env!("CARGO_PKG_VERSION"), rules: self.rules.iter().map(|r| descriptor(r)).collect() };
        Log {
            schema: SCHEMA_URI,
            version: VERSION,
            runs: vec![Run { tool: Tool { driver }, column_kind: "unicodeCodePoints", artifacts: self.artifacts, results: self.results }],
        }
    }
}

/// The speakers of a finding's claims, in order, each once.
fn speakers(a: &Analysis, f: &Finding) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &c in &f.claims {
        let Some(claim) = a.claims.get(c) else { continue };
        let name = match claim.speaker {
            Some(e) => a.entities.get(e).map(|e| e.name.clone()).unwrap_or_default(),
            None => "reporter".to_string(),
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The SARIF log of a set of documents.
pub fn log<'a>(analyses: impl IntoIterator<Item = &'a Analysis>) -> Log {
    let mut b = SarifBuilder::new();
    for a in analyses {
        b.add(a);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(artifact_uri("tests/fixtures/a.txt"), "tests/fixtures/a.txt");
        assert_eq!(artifact_uri("./a b.txt"), "./a%20b.txt");
        assert_eq!(artifact_uri("-"), "stdin");
        assert_eq!(artifact_uri("/tmp/x.txt"), "file:///tmp/x.txt");
        assert_eq!(artifact_uri("a:b.txt"), "a%3Ab.txt");
        assert_eq!(artifact_uri("100%/ö.txt"), "100%25/%C3%B6.txt");
        if cfg!(windows) {
            assert_eq!(artifact_uri(r"C:\news\a.txt"), "file:///C:/news/a.txt");
            assert_eq!(artifact_uri(r"news\a.txt"), "news/a.txt");
        } else {
            assert_eq!(artifact_uri(r"news\a.txt"), "news%5Ca.txt");
        }
    }

    #[test]
    fn regions_count_code_points() {
        let t = "“Ä” x\nöö “yes”";
        let p = Positions::new(t);
        let start = t.find("yes").unwrap();
        let r = p.region(Span::new(start, start + 3));
        assert_eq!((r.start_line, r.start_column, r.end_line, r.end_column), (2, 5, 2, 8));
        assert_eq!((r.char_offset, r.char_length), (10, 3));
        assert_eq!(r.snippet.text, "yes");
    }

    #[test]
    fn char_offsets_across_blocks() {
        let t = "é".repeat(5000) + "x";
        let p = Positions::new(&t);
        assert_eq!(p.char_offset(t.len() - 1), 5000);
        assert_eq!(p.char_offset(t.len()), 5001);
        assert_eq!(p.char_offset(2 * BLOCK), BLOCK);
    }

    #[test]
    fn brackets_escaped_only_where_they_could_read_as_links() {
        assert_eq!(message_text("My father [Harold] played"), "My father [Harold] played");
        assert_eq!(message_text("[a](1)"), "\\[a\\](1)");
    }
}
