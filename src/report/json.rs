//! The `quotecheck/1` JSON contract (see DESIGN.md): serialisable report types built from an
//! [`Analysis`]. Every span carries its exact text slice.
//!
//! The types also describe themselves as a JSON Schema ([`report_schema`], [`document_schema`];
//! `quotecheck schema` prints them). The schema is derived from these types and their serde
//! attributes, so it cannot drift from what is printed: a field's doc comment is its
//! `description`, `skip_serializing_if` makes a field optional, and an `Option` that is always
//! written is a required field that may be null.

use crate::claims::{Aspect, Modality, Polarity, Time};
use crate::model::{Analysis, EntityKind, Finding, QuoteKind, Severity, Via};
use crate::span::Span;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde::Serialize;

/// The schema name every report carries in its `schema` field.
pub const SCHEMA: &str = "quotecheck/1";

/// A byte range of the document and the exact text it covers.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct TextSpan {
    /// UTF-8 byte offset of the first byte, into the file as read.
    pub start: usize,
    /// UTF-8 byte offset just past the last byte.
    pub end: usize,
    /// The exact slice `start..end` of the file.
    pub text: String,
}

impl TextSpan {
    /// The span `s` of `text`, with its slice.
    pub fn new(text: &str, s: Span) -> Self {
        TextSpan { start: s.start, end: s.end, text: s.slice(text).to_string() }
    }
}

/// A span of a finding, with what it shows.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct LabeledSpan {
    /// UTF-8 byte offset of the first byte, into the file as read.
    pub start: usize,
    /// UTF-8 byte offset just past the last byte.
    pub end: usize,
    /// The exact slice `start..end` of the file.
    pub text: String,
    /// What this span is, in the finding (the speaker and their claim, for a tension).
    pub label: String,
}

/// Who a quotation is attributed to, and how quotecheck found them.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct SpeakerOut {
    /// The `id` of the speaker in `speakers`.
    #[schemars(pattern(r"^e[1-9][0-9]*$"))]
    pub entity: String,
    /// The mention the attribution rests on (a name, a title, a pronoun).
    pub mention: TextSpan,
    /// How the speaker was resolved.
    pub via: Via,
}

/// A quotation or a piece of reported speech.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct QuoteOut {
    /// `q1`, `q2`, ...
    #[schemars(pattern(r"^q[1-9][0-9]*$"))]
    pub id: String,
    pub kind: QuoteKind,
    /// From the first to the last character of the quoted content: the marks excluded for a
    /// direct quotation, the whole reported clause for indirect and mixed ones.
    pub content: TextSpan,
    /// The pieces of a discontiguous content (split by its cue, or across paragraphs); absent
    /// when the content is one piece.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(min = 1))]
    pub segments: Vec<TextSpan>,
    /// The speech verb or phrase ("said", "according to"); null when there is none.
    pub cue: Option<TextSpan>,
    /// Null when the quotation is unattributed.
    pub speaker: Option<SpeakerOut>,
    /// The `id` of the quotation this one is nested in (added field); absent when it is not
    /// nested.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", pattern(r"^q[1-9][0-9]*$"))]
    pub parent: Option<String>,
}

/// A person, organisation or group the article names or quotes, with all its mentions.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct SpeakerEntity {
    /// `e1`, `e2`, ...
    #[schemars(pattern(r"^e[1-9][0-9]*$"))]
    pub id: String,
    /// The name the speaker is reported under (for a known speaker of the configuration, its
    /// `name`).
    pub name: String,
    pub kind: EntityKind,
    /// Titles and roles the article gives them ("State Department spokesman").
    pub titles: Vec<String>,
    /// The `id` of the organisation they speak for; null when none is known.
    #[schemars(pattern(r"^e[1-9][0-9]*$"))]
    pub affiliation: Option<String>,
    /// Every mention (names, titles, pronouns).
    pub mentions: Vec<TextSpan>,
}

/// One asserted clause, as a frame.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct ClaimOut {
    /// `c1`, `c2`, ...
    #[schemars(pattern(r"^c[1-9][0-9]*$"))]
    pub id: String,
    /// The `id` of the speaker in `speakers`, or `reporter` for the article's own narrative.
    #[schemars(pattern(r"^(reporter|e[1-9][0-9]*)$"))]
    pub speaker: String,
    /// The `id` of the quotation the claim comes from; null when it comes from none (the
    /// narrative).
    #[schemars(pattern(r"^q[1-9][0-9]*$"))]
    pub quote: Option<String>,
    /// The clause.
    pub span: TextSpan,
    /// The predicate word as written (lowercase); empty when none was recognised.
    pub predicate: String,
    /// The predicate class of the lexicon (`TALK`, `PAY`, ...); null when there is none.
    pub class: Option<String>,
    pub polarity: Polarity,
    pub modality: Modality,
    pub aspect: Aspect,
    /// Added field: past, present or future.
    pub time: Time,
    /// The `id`s of the entities the clause names or implies.
    #[schemars(inner(pattern(r"^e[1-9][0-9]*$")))]
    pub participants: Vec<String>,
    /// Added field: the numbers the claim gives, with what they count; absent when it gives
    /// none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(min = 1))]
    pub amounts: Vec<AmountOut>,
}

/// A number with what it counts ("about 2,000 residents": 2000, "people", approx).
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct AmountOut {
    /// The number, with its multiplier applied ("2.5 million" is 2500000).
    pub value: f64,
    /// What it counts: a unit or a noun ("$", "people").
    pub unit: String,
    /// Whether it is an estimate: an approximation word stands before it ("about", "more
    /// than").
    pub approx: bool,
    /// The figure as written.
    pub text: String,
}

// values come from parsed digits, never NaN
impl Eq for AmountOut {}

/// An attribution problem, or a tension between two claims.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct FindingOut {
    /// The rule's code (`QC201`).
    #[schemars(pattern(r"^QC[0-9]{3}$"))]
    pub code: String,
    /// The rule's name (`state-reversal`).
    pub rule: String,
    /// The severity reported, after the configuration and the ranking of the clash.
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The span the finding is about; for a tension, the first claim's.
    pub primary: LabeledSpan,
    /// Other spans: for a tension, the other claim's.
    pub related: Vec<LabeledSpan>,
    /// The `id`s of the claims a tension compares; empty for attribution findings.
    #[schemars(inner(pattern(r"^c[1-9][0-9]*$")))]
    pub claims: Vec<String>,
    /// How to resolve it.
    pub help: String,
    /// A stable identifier of the finding that survives edits elsewhere in the article (see
    /// Baseline in the README).
    #[schemars(pattern(r"^[0-9a-f]{16}$"))]
    pub fingerprint: String,
}

/// The report of one document; one line of `--format jsonl`.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct DocumentReport {
    /// The input as given (`-` for standard input).
    pub path: String,
    /// Every quotation and piece of reported speech.
    pub quotes: Vec<QuoteOut>,
    /// Every person, organisation and group the article quotes or names.
    pub speakers: Vec<SpeakerEntity>,
    /// Every claim: one per asserted clause of a quotation, of reported speech or of the
    /// narrative.
    pub claims: Vec<ClaimOut>,
    /// The findings, by the offset of their primary span.
    pub findings: Vec<FindingOut>,
}

/// Findings by severity.
#[derive(Debug, Clone, Default, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Counts {
    /// Findings of severity `error`.
    pub error: usize,
    /// Findings of severity `warning`.
    pub warning: usize,
    /// Findings of severity `info`.
    pub info: usize,
}

/// Totals over all documents.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Summary {
    /// The number of documents reported.
    pub documents: usize,
    /// The number of quotes over all documents.
    pub quotes: usize,
    /// The number of findings over all documents, by severity.
    pub findings: Counts,
}

/// The `quotecheck/1` report: what `check --format json` and `extract --format json` print.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Report {
    /// Always `quotecheck/1`.
    #[schemars(extend("const" = SCHEMA))]
    pub schema: &'static str,
    /// One report per input, in the order of the inputs.
    pub documents: Vec<DocumentReport>,
    /// Totals over all documents.
    pub summary: Summary,
}

/// The JSON Schema (draft 2020-12) of a [`Report`], the output of `--format json`, derived
/// from the types: `quotecheck schema` prints it.
pub fn report_schema() -> serde_json::Value {
    schema_for::<Report>()
}

/// The JSON Schema of a [`DocumentReport`], one line of `--format jsonl`
/// (`quotecheck schema --jsonl`).
pub fn document_schema() -> serde_json::Value {
    schema_for::<DocumentReport>()
}

/// The schema of what serialising `T` prints: an `Option` that is always written is required
/// (and may be null), a field with `skip_serializing_if` is optional.
fn schema_for<T: JsonSchema>() -> serde_json::Value {
    let settings = SchemaSettings::draft2020_12().for_serialize().with_transform(RecursiveTransform(unwrap_description));
    settings.into_generator().into_root_schema_for::<T>().to_value()
}

/// Doc comments are wrapped at the source's width; a description is read as prose, so the
/// lines of each paragraph are joined.
fn unwrap_description(schema: &mut Schema) {
    if let Some(serde_json::Value::String(d)) = schema.get_mut("description") {
        *d = d.split("\n\n").map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n\n");
    }
}

/// A stable identifier of a finding that survives edits elsewhere in the article: the rule,
/// the whitespace-normalised text of its spans, and nothing positional (FNV-1a, 64 bits).
pub fn fingerprint(code: &str, texts: &[&str]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut feed = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    };
    for b in code.bytes() {
        feed(b);
    }
    for t in texts {
        feed(0x1f);
        for w in t.split_whitespace() {
            // (an ASCII word lowercases byte by byte, with no new string)
            if w.is_ascii() {
                for b in w.bytes() {
                    feed(b.to_ascii_lowercase());
                }
            } else {
                for b in w.to_lowercase().bytes() {
                    feed(b);
                }
            }
            feed(b' ');
        }
    }
    format!("{h:016x}")
}

/// The fingerprint of a finding of `a`, the same in every output format that carries one and
/// in baselines: the rule, the text of its spans, and the speakers of the claims it compares
/// (the same words from someone else are another finding).
pub fn finding_fingerprint(a: &Analysis, f: &Finding) -> String {
    let text = a.text.as_str();
    let mut texts = vec![f.primary.slice(text)];
    texts.extend(f.related.iter().map(|r| r.span.slice(text)));
    let speaker = |c: usize| a.claims.get(c).and_then(|c| c.speaker).and_then(|e| a.entities.get(e)).map(|e| e.name.as_str()).unwrap_or("reporter");
    texts.extend(f.claims.iter().map(|&c| speaker(c)));
    fingerprint(f.code, &texts)
}

impl DocumentReport {
    /// The report of one analysed document: ids (`q1`, `e1`, `c1`) by position in the
    /// analysis, every span with its text.
    pub fn from_analysis(a: &Analysis) -> Self {
        let t = a.text.as_str();
        let eid = |e: usize| format!("e{}", e + 1);
        let quotes = a
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| QuoteOut {
                id: format!("q{}", i + 1),
                kind: q.kind,
                content: TextSpan::new(t, q.content),
                segments: q.segments.iter().map(|s| TextSpan::new(t, *s)).collect(),
                cue: q.cue.map(|c| TextSpan::new(t, c)),
                speaker: q.speaker.as_ref().map(|s| SpeakerOut { entity: eid(s.entity), mention: TextSpan::new(t, s.mention), via: s.via }),
                parent: q.parent.map(|p| format!("q{}", p + 1)),
            })
            .collect();
        let speakers = a
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| SpeakerEntity {
                id: eid(i),
                name: e.name.clone(),
                kind: e.kind,
                titles: e.titles.clone(),
                affiliation: e.affiliation.map(eid),
                mentions: e.mentions.iter().map(|m| TextSpan::new(t, *m)).collect(),
            })
            .collect();
        let lex = crate::Lexicon::builtin();
        let claims = a
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| ClaimOut {
                id: format!("c{}", i + 1),
                speaker: c.speaker.map(eid).unwrap_or_else(|| "reporter".to_string()),
                quote: c.quote.map(|q| format!("q{}", q + 1)),
                span: TextSpan::new(t, c.span),
                predicate: c.predicate.clone(),
                class: c.class.map(|k| lex.class_name(k).to_string()),
                polarity: c.polarity,
                modality: c.modality,
                aspect: c.aspect,
                time: c.time,
                participants: c.participants.iter().map(|&p| eid(p)).collect(),
                amounts: c
                    .amounts
                    .iter()
                    .map(|m| AmountOut { value: m.value(), unit: m.unit.clone(), approx: m.approx, text: m.span.slice(t).to_string() })
                    .collect(),
            })
            .collect();
        let findings = a
            .findings
            .iter()
            .map(|f| FindingOut {
                code: f.code.to_string(),
                rule: f.rule.to_string(),
                severity: f.severity,
                message: f.message.clone(),
                primary: LabeledSpan { start: f.primary.start, end: f.primary.end, text: f.primary.slice(t).to_string(), label: f.primary_label.clone() },
                related: f
                    .related
                    .iter()
                    .map(|r| LabeledSpan { start: r.span.start, end: r.span.end, text: r.span.slice(t).to_string(), label: r.label.clone() })
                    .collect(),
                claims: f.claims.iter().map(|c| format!("c{}", c + 1)).collect(),
                help: f.help.clone(),
                fingerprint: finding_fingerprint(a, f),
            })
            .collect();
        DocumentReport { path: a.path.clone(), quotes, speakers, claims, findings }
    }
}

/// Writes the [`DocumentReport`] of `a` as compact JSON (one line of `--format jsonl`): the
/// same bytes as `serde_json::to_string(&DocumentReport::from_analysis(a))`, without building
/// the report's strings first and with a faster escape of the text slices, which are most of
/// the output. A test holds the two to the same output on every fixture, so a field added
/// to the report types must be added here too.
pub fn write_document(a: &Analysis, out: &mut Vec<u8>) {
    let t = a.text.as_str();
    let mut w = Writer { out };
    w.raw("{\"path\":");
    w.string(&a.path);
    w.raw(",\"quotes\":");
    w.list(a.quotes.iter().enumerate(), |w, (i, q)| {
        w.raw("{\"id\":");
        w.id('q', i);
        w.raw(",\"kind\":");
        w.value(&q.kind);
        w.raw(",\"content\":");
        w.span(t, q.content);
        if !q.segments.is_empty() {
            w.raw(",\"segments\":");
            w.list(&q.segments, |w, s| w.span(t, *s));
        }
        w.raw(",\"cue\":");
        match q.cue {
            Some(c) => w.span(t, c),
            None => w.raw("null"),
        }
        w.raw(",\"speaker\":");
        match &q.speaker {
            Some(s) => {
                w.raw("{\"entity\":");
                w.id('e', s.entity);
                w.raw(",\"mention\":");
                w.span(t, s.mention);
                w.raw(",\"via\":");
                w.value(&s.via);
                w.raw("}");
            }
            None => w.raw("null"),
        }
        if let Some(p) = q.parent {
            w.raw(",\"parent\":");
            w.id('q', p);
        }
        w.raw("}");
    });
    w.raw(",\"speakers\":");
    w.list(a.entities.iter().enumerate(), |w, (i, e)| {
        w.raw("{\"id\":");
        w.id('e', i);
        w.raw(",\"name\":");
        w.string(&e.name);
        w.raw(",\"kind\":");
        w.value(&e.kind);
        w.raw(",\"titles\":");
        w.list(&e.titles, |w, x| w.string(x));
        w.raw(",\"affiliation\":");
        match e.affiliation {
            Some(x) => w.id('e', x),
            None => w.raw("null"),
        }
        w.raw(",\"mentions\":");
        w.list(&e.mentions, |w, m| w.span(t, *m));
        w.raw("}");
    });
    w.raw(",\"claims\":");
    let lex = crate::Lexicon::builtin();
    w.list(a.claims.iter().enumerate(), |w, (i, c)| {
        w.raw("{\"id\":");
        w.id('c', i);
        w.raw(",\"speaker\":");
        match c.speaker {
            Some(e) => w.id('e', e),
            None => w.raw("\"reporter\""),
        }
        w.raw(",\"quote\":");
        match c.quote {
            Some(q) => w.id('q', q),
            None => w.raw("null"),
        }
        w.raw(",\"span\":");
        w.span(t, c.span);
        w.raw(",\"predicate\":");
        w.string(&c.predicate);
        w.raw(",\"class\":");
        match c.class {
            Some(k) => w.string(lex.class_name(k)),
            None => w.raw("null"),
        }
        w.raw(",\"polarity\":");
        w.value(&c.polarity);
        w.raw(",\"modality\":");
        w.value(&c.modality);
        w.raw(",\"aspect\":");
        w.value(&c.aspect);
        w.raw(",\"time\":");
        w.value(&c.time);
        w.raw(",\"participants\":");
        w.list(&c.participants, |w, &p| w.id('e', p));
        if !c.amounts.is_empty() {
            w.raw(",\"amounts\":");
            w.list(&c.amounts, |w, m| {
                w.raw("{\"value\":");
                w.value(&m.value());
                w.raw(",\"unit\":");
                w.string(&m.unit);
                w.raw(",\"approx\":");
                w.raw(if m.approx { "true" } else { "false" });
                w.raw(",\"text\":");
                w.string(m.span.slice(t));
                w.raw("}");
            });
        }
        w.raw("}");
    });
    w.raw(",\"findings\":");
    w.list(&a.findings, |w, f| {
        w.raw("{\"code\":");
        w.string(f.code);
        w.raw(",\"rule\":");
        w.string(f.rule);
        w.raw(",\"severity\":");
        w.value(&f.severity);
        w.raw(",\"message\":");
        w.string(&f.message);
        w.raw(",\"primary\":");
        w.labeled(t, f.primary, &f.primary_label);
        w.raw(",\"related\":");
        w.list(&f.related, |w, r| w.labeled(t, r.span, &r.label));
        w.raw(",\"claims\":");
        w.list(&f.claims, |w, &c| w.id('c', c));
        w.raw(",\"help\":");
        w.string(&f.help);
        w.raw(",\"fingerprint\":");
        w.string(&finding_fingerprint(a, f));
        w.raw("}");
    });
    w.raw("}");
}

/// The pieces [`write_document`] writes JSON with, the way serde_json's compact formatter
/// writes them.
struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

impl Writer<'_> {
    fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    /// The separator before element `k` of an array.
    /// A JSON array: `each` writes one element, the commas and brackets are written here.
    fn list<I: IntoIterator>(&mut self, items: I, mut each: impl FnMut(&mut Self, I::Item)) {
        self.raw("[");
        for (k, x) in items.into_iter().enumerate() {
            if k > 0 {
                self.out.push(b',');
            }
            each(self, x);
        }
        self.raw("]");
    }

    /// An id such as `"q3"` for index 2.
    fn id(&mut self, prefix: char, index: usize) {
        self.out.push(b'"');
        let mut buf = [0u8; 4];
        self.out.extend_from_slice(prefix.encode_utf8(&mut buf).as_bytes());
        self.uint(index + 1);
        self.out.push(b'"');
    }

    fn uint(&mut self, mut n: usize) {
        // two digits a step, from a table of the hundred pairs: every span writes two
        // offsets, up to seven digits each in a long article, and a digit a step (a division
        // each) made this a tenth of the writer's time
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        while n >= 100 {
            let d = n % 100 * 2;
            n /= 100;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&PAIRS[d..d + 2]);
        }
        if n >= 10 {
            i -= 2;
            buf[i..i + 2].copy_from_slice(&PAIRS[n * 2..n * 2 + 2]);
        } else {
            i -= 1;
            buf[i] = b'0' + n as u8;
        }
        self.out.extend_from_slice(&buf[i..]);
    }

    /// Anything else (enum names, numbers with a fraction) through serde_json itself.
    fn value<T: Serialize + ?Sized>(&mut self, v: &T) {
        // writing into a Vec cannot fail, nor can serialising these plain values
        let _ = serde_json::to_writer(&mut *self.out, v);
    }

    /// A [`TextSpan`]: `{"start":..,"end":..,"text":".."}`.
    fn span(&mut self, t: &str, s: Span) {
        self.raw("{\"start\":");
        self.uint(s.start);
        self.raw(",\"end\":");
        self.uint(s.end);
        self.raw(",\"text\":");
        self.string(s.slice(t));
        self.raw("}");
    }

    /// A [`LabeledSpan`].
    fn labeled(&mut self, t: &str, s: Span, label: &str) {
        self.raw("{\"start\":");
        self.uint(s.start);
        self.raw(",\"end\":");
        self.uint(s.end);
        self.raw(",\"text\":");
        self.string(s.slice(t));
        self.raw(",\"label\":");
        self.string(label);
        self.raw("}");
    }

    /// A JSON string, escaped as serde_json escapes it: `"` and `\` with a backslash, the
    /// control characters below U+0020 as `\b \t \n \f \r` or `\u00xx` (lowercase hex),
    /// everything else as it is. Eight bytes at a time are checked for anything to escape
    /// (most text has nothing), and only a word that has is looked at byte by byte.
    fn string(&mut self, s: &str) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        // a byte of `x` is zero
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
        let needs_escape = |w: u64| w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0 || zero(w ^ (ONES * b'"' as u64)) || zero(w ^ (ONES * b'\\' as u64));
        let b = s.as_bytes();
        self.out.reserve(b.len() + 2);
        self.out.push(b'"');
        let mut start = 0;
        let mut i = 0;
        while i < b.len() {
            // (the eight bytes taken as one slice, so they are read as one word; byte by byte,
            // each was a load with its own bounds check)
            if let Some(eight) = b.get(i..i + 8) {
                let w = u64::from_le_bytes(eight.try_into().unwrap_or_default());
                if !needs_escape(w) {
                    i += 8;
                    continue;
                }
            }
            let c = b[i];
            let esc: &[u8] = match c {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                0x08 => b"\\b",
                0x09 => b"\\t",
                0x0a => b"\\n",
                0x0c => b"\\f",
                0x0d => b"\\r",
                0x00..=0x1f => b"",
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.out.extend_from_slice(&b[start..i]);
            if esc.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]]);
            } else {
                self.out.extend_from_slice(esc);
            }
            i += 1;
            start = i;
        }
        self.out.extend_from_slice(&b[start..]);
        self.out.push(b'"');
    }
}

impl Report {
    /// The report of some analysed documents, in their order.
    pub fn new(analyses: Vec<Analysis>) -> Self {
        let documents: Vec<DocumentReport> = analyses.iter().map(DocumentReport::from_analysis).collect();
        Report::from_documents(documents)
    }

    /// The report of some document reports (one per line of `--format jsonl`), with their
    /// summary.
    pub fn from_documents(documents: Vec<DocumentReport>) -> Self {
        let mut counts = Counts::default();
        let mut quotes = 0;
        for d in &documents {
            quotes += d.quotes.len();
            for f in &d.findings {
                match f.severity {
                    Severity::Error => counts.error += 1,
                    Severity::Warning => counts.warning += 1,
                    Severity::Info => counts.info += 1,
                }
            }
        }
        Report { schema: SCHEMA, summary: Summary { documents: documents.len(), quotes, findings: counts }, documents }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &Analysis) {
        let mut fast = Vec::new();
        write_document(a, &mut fast);
        let serde = serde_json::to_string(&DocumentReport::from_analysis(a)).unwrap();
        assert_eq!(String::from_utf8(fast).unwrap(), serde, "{}", a.path);
    }

    /// Numbers print as `Display` prints them, at every width.
    #[test]
    fn uint_is_display() {
        let mut ns: Vec<usize> = (0..1000).collect();
        ns.extend((1..20).map(|k| 10usize.pow(k)).flat_map(|p| [p - 1, p, p + 1]));
        ns.push(usize::MAX);
        for n in ns {
            let mut out = Vec::new();
            Writer { out: &mut out }.uint(n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    /// The direct writer prints what serde_json prints for the report, on every fixture of
    /// the test suite (read as plain text) and on text full of what JSON escapes.
    #[test]
    fn write_document_is_serde_json_of_the_report() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut dirs = vec![root];
        let mut files = 0;
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "txt" || x == "md" || x == "html") {
                    let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                    same(&crate::analyze(&p.display().to_string(), &text, &crate::Config::default()));
                    files += 1;
                }
            }
        }
        assert!(files > 40, "{files} fixtures");
        let odd = ["\"", "\\", "\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1f}", "\u{7f}", "é", "“", "a", " "];
        for n in 0..40 {
            let mut text = String::from("“We will not close the pier,” Mayor Ana Holm said. ");
            for k in 0..n {
                text.push_str(odd[(k * 7 + n) % odd.len()]);
            }
            text.push_str(" “The pier stays closed,” Holm said later, “for now.”");
            same(&crate::analyze(&format!("odd\"{n}\\.txt"), &text, &crate::Config::default()));
        }
    }
}
