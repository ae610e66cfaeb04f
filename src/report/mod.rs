//! One finding model, several renderers: human (miette), concise, JSON, JSON Lines, SARIF,
//! GitHub Actions annotations, the HTML review report, and the readable who-said-what table of
//! `quotecheck extract`.

pub mod github;
pub mod html;
pub mod json;
pub mod sarif;

use crate::model::{Analysis, Finding, Severity};
use crate::span::LineIndex;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use std::fmt::Write as _;
use std::sync::Arc;

/// A finding as a miette diagnostic, with a label on every span.
#[derive(Debug)]
struct FindingDiagnostic {
    message: String,
    code: String,
    severity: Severity,
    help: String,
    src: NamedSource<Arc<String>>,
    labels: Vec<LabeledSpan>,
}

impl std::fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// How human output looks.
#[derive(Debug, Clone, Copy)]
pub struct HumanStyle {
    pub color: bool,
    pub width: usize,
}

impl Default for HumanStyle {
    fn default() -> Self {
        HumanStyle { color: false, width: 100 }
    }
}

fn handler(style: HumanStyle) -> GraphicalReportHandler {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false)
}

/// Renders every finding of a document with miette, both spans of a tension labelled.
pub fn human(a: &Analysis, style: HumanStyle) -> String {
    let h = handler(style);
    let src = Arc::new(a.text.clone());
    let mut out = String::new();
    for f in &a.findings {
        let d = diagnostic(a, f, src.clone());
        let _ = h.render_report(&mut out, &d);
        out.push('\n');
    }
    out
}

fn diagnostic(a: &Analysis, f: &Finding, src: Arc<String>) -> FindingDiagnostic {
    let mut labels = vec![LabeledSpan::new_primary_with_span(Some(f.primary_label.clone()), (f.primary.start, f.primary.len()))];
    for r in &f.related {
        labels.push(LabeledSpan::new_with_span(Some(r.label.clone()), (r.span.start, r.span.len())));
    }
    FindingDiagnostic {
        message: f.message.clone(),
        code: format!("{} {}", f.code, f.rule),
        severity: f.severity,
        help: f.help.clone(),
        src: NamedSource::new(a.path.clone(), src),
        labels,
    }
}

/// `path:line:col: severity code name: message`, one line per finding.
pub fn concise(a: &Analysis) -> String {
    let mut out = String::new();
    let lines = LineIndex::new(&a.text);
    for f in &a.findings {
        let (l, c) = lines.line_col(f.primary.start);
        let _ = writeln!(out, "{}:{}:{}: {} {} {}: {}", a.path, l, c, f.severity.as_str(), f.code, f.rule, f.message);
    }
    out
}

fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let cut: String = one_line.chars().take(n.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The who-said-what table of `quotecheck extract`: line, speaker, how it was resolved, cue,
/// and the quotation (shortened).
pub fn table(a: &Analysis) -> String {
    let mut rows: Vec<[String; 5]> = vec![["LINE".into(), "SPEAKER".into(), "VIA".into(), "CUE".into(), "QUOTE".into()]];
    let lines = LineIndex::new(&a.text);
    for q in &a.quotes {
        if q.parent.is_some() {
            continue;
        }
        let (line, _) = lines.line_col(q.content.start);
        let (speaker, via) = match &q.speaker {
            Some(s) => (a.entities.get(s.entity).map(|e| e.name.clone()).unwrap_or_default(), serde_plain(&s.via)),
            None if q.kind == crate::model::QuoteKind::Scare => ("(scare quote)".to_string(), "-".to_string()),
            None => ("(none)".to_string(), "-".to_string()),
        };
        let cue = q.cue.map(|c| c.slice(&a.text).to_string()).unwrap_or_else(|| "-".into());
        let kind = serde_plain(&q.kind);
        rows.push([line.to_string(), clip(&speaker, 28), via, cue, format!("[{kind}] {}", clip(q.content.slice(&a.text), 70))]);
    }
    let widths: Vec<usize> = (0..4).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    let mut out = format!("{}\n", a.path);
    for r in &rows {
        for (i, w) in widths.iter().enumerate() {
            let _ = write!(out, "{:<w$}  ", r[i], w = w);
        }
        let _ = writeln!(out, "{}", r[4]);
    }
    out
}

fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The claims view of `extract --format claims`: for each speaker (and the article's own
/// narrative), the claims in document order, one line each, with marks an editor can scan:
/// `+`/`-` for polarity, the modality when it is not a plain assertion, the state (halted,
/// continues, resumed), the time when not present, and the figures.
pub fn claims_view(a: &Analysis) -> String {
    use crate::claims::{Aspect, Modality, Polarity, Time};
    let lex = crate::Lexicon::builtin();
    let lines = LineIndex::new(&a.text);
    // speakers in order of their first claim; the narrative last
    let mut order: Vec<Option<usize>> = Vec::new();
    for c in &a.claims {
        if c.speaker.is_some() && !order.contains(&c.speaker) {
            order.push(c.speaker);
        }
    }
    if a.claims.iter().any(|c| c.speaker.is_none()) {
        order.push(None);
    }
    let mut out = format!("{}\n", a.path);
    if a.claims.is_empty() {
        out.push_str("  (no claims)\n");
        return out;
    }
    for who in order {
        let head = match who.and_then(|e| a.entities.get(e)) {
            Some(e) => {
                let mut h = e.name.clone();
                let mut extra: Vec<String> = e.titles.iter().take(1).cloned().collect();
                if let Some(org) = e.affiliation.and_then(|o| a.entities.get(o)) {
                    extra.push(org.name.clone());
                }
                if !extra.is_empty() {
                    let _ = write!(h, " ({})", extra.join(", "));
                }
                h
            }
            None => "the article's own text".to_string(),
        };
        let _ = writeln!(out, "{head}");
        for c in a.claims.iter().filter(|c| c.speaker == who) {
            let (line, col) = lines.line_col(c.span.start);
            let mut marks: Vec<String> = vec![if c.polarity == Polarity::Negative { "-".into() } else { "+".into() }];
            let modality = match c.modality {
                Modality::Asserted => None,
                Modality::Possible => Some("possible"),
                Modality::Expected => Some("expected"),
                Modality::Intended => Some("intended"),
                Modality::Conditional => Some("if"),
                Modality::Hypothetical => Some("hypothetical"),
                Modality::Question => Some("question"),
            };
            marks.extend(modality.map(String::from));
            match c.aspect {
                Aspect::Cessation => marks.push("halted".into()),
                Aspect::Continues => marks.push("continues".into()),
                Aspect::Resumption => marks.push("resumed".into()),
                Aspect::None => {}
            }
            match c.time {
                Time::Past => marks.push("past".into()),
                Time::Future => marks.push("future".into()),
                Time::Present => {}
            }
            if c.exception {
                marks.push("except".into());
            }
            let topic = match c.class {
                Some(k) => format!("{} {}", lex.class_name(k), c.predicate),
                None => "-".to_string(),
            };
            let figures: Vec<&str> = c.amounts.iter().map(|m| m.span.slice(&a.text)).collect();
            let figs = if figures.is_empty() { String::new() } else { format!(" [{}]", figures.join(", ")) };
            let text = c.span.slice(&a.text).split_whitespace().collect::<Vec<_>>().join(" ");
            let _ = writeln!(out, "  {:>7}  {:<28} {:<18} {}{}", format!("{line}:{col}"), marks.join(" "), clip(&topic, 18), clip(&text, 80), figs);
        }
    }
    out
}
