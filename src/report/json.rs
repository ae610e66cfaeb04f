//! The `quotecheck/1` JSON contract (see DESIGN.md): serialisable report types built from an
//! [`Analysis`]. Every span carries its exact text slice.

use crate::claims::{Aspect, Modality, Polarity, Time};
use crate::model::{Analysis, EntityKind, Finding, QuoteKind, Severity, Via};
use crate::span::Span;
use serde::Serialize;

pub const SCHEMA: &str = "quotecheck/1";

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl TextSpan {
    pub fn new(text: &str, s: Span) -> Self {
        TextSpan { start: s.start, end: s.end, text: s.slice(text).to_string() }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LabeledSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerOut {
    pub entity: String,
    pub mention: TextSpan,
    pub via: Via,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct QuoteOut {
    pub id: String,
    pub kind: QuoteKind,
    pub content: TextSpan,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<TextSpan>,
    pub cue: Option<TextSpan>,
    pub speaker: Option<SpeakerOut>,
    /// The quotation this one is nested in (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerEntity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub titles: Vec<String>,
    pub affiliation: Option<String>,
    pub mentions: Vec<TextSpan>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ClaimOut {
    pub id: String,
    pub speaker: String,
    pub quote: Option<String>,
    pub span: TextSpan,
    pub predicate: String,
    pub class: Option<String>,
    pub polarity: Polarity,
    pub modality: Modality,
    pub aspect: Aspect,
    /// Added field: past, present or future.
    pub time: Time,
    pub participants: Vec<String>,
    /// Added field: the numbers the claim gives, with what they count.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<AmountOut>,
}

/// A number with what it counts ("about 2,000 residents": 2000, "people", approx).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AmountOut {
    pub value: f64,
    pub unit: String,
    pub approx: bool,
    pub text: String,
}

// values come from parsed digits, never NaN
impl Eq for AmountOut {}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FindingOut {
    pub code: String,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub primary: LabeledSpan,
    pub related: Vec<LabeledSpan>,
    pub claims: Vec<String>,
    pub help: String,
    pub fingerprint: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DocumentReport {
    pub path: String,
    pub quotes: Vec<QuoteOut>,
    pub speakers: Vec<SpeakerEntity>,
    pub claims: Vec<ClaimOut>,
    pub findings: Vec<FindingOut>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub quotes: usize,
    pub findings: Counts,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Report {
    pub schema: &'static str,
    pub documents: Vec<DocumentReport>,
    pub summary: Summary,
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
            for b in w.to_lowercase().bytes() {
                feed(b);
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

impl Report {
    pub fn new(analyses: Vec<Analysis>) -> Self {
        let documents: Vec<DocumentReport> = analyses.iter().map(DocumentReport::from_analysis).collect();
        Report::from_documents(documents)
    }

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
