//! quotecheck checks news copy before it is published: who said what, and whether what they
//! said holds together.
//!
//! The pipeline runs one way, each stage a module with one job:
//!
//! ```text
//! source ─► scan ─► attribute ─► claims ─► consistency ─┬─► findings ─► report
//!  (text,   (nom)   (cues,        (frames)  (pairs,      │   (+ attribution lint)
//!   md,              speakers,              rules)       │
//!   html)            entities)                           ┘
//! ```
//!
//! - [`source`] reads a file and refuses what is not UTF-8 text, naming the byte offset; it
//!   turns Markdown and HTML into a masked analysis text of the same length (prose at its
//!   original offsets, everything else spaces) and walks folders (honouring `.gitignore`);
//! - [`scan`] finds paragraphs, tokens, quotation marks and sentences (grammar/quotation.md);
//! - [`attribute`] finds cues and speakers and resolves speakers to entities;
//! - [`claims`] turns quotations, reported speech and narrative into claim frames;
//! - [`consistency`] and [`rules`] report tensions and attribution problems;
//! - [`report`] renders the findings (human, concise, JSON, JSON Lines, SARIF, GitHub Actions,
//!   and the HTML review report).
//!
//! Every span is a byte range into the document as read. [`analyze`] takes plain text;
//! [`analyze_input`] takes Markdown or HTML too, analyses the masked text and reports spans
//! and their text from the original.
//!
//! ```
//! let report = quotecheck::check_str("“We are ready,” Mayor Ana Holm said.", &quotecheck::Config::default());
//! assert_eq!(report.documents[0].quotes[0].speaker.as_ref().unwrap().mention.text, "Mayor Ana Holm");
//! ```

pub mod attribute;
pub mod baseline;
pub mod claims;
pub mod config;
pub mod consistency;
pub mod invariants;
pub mod lexicon;
pub mod model;
pub mod report;
pub mod rules;
pub mod scan;
pub mod source;
pub mod span;
pub mod suppress;

pub use lexicon::Lexicon;
pub use model::{Analysis, Severity};
pub use report::json::{DocumentReport, Report};
pub use source::SourceError;

use std::collections::BTreeMap;
use std::sync::Arc;

/// What a run may change for one document. The binary builds it from the `quotecheck.toml`
/// that governs the file ([`config::ConfigFile::config_for`]) and the command line.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Rules switched off on the command line (`--disable`), by code; wins over `levels`.
    pub disabled_rules: Vec<String>,
    /// Rule levels from the configuration, by code: off, or the severity that replaces the
    /// rule's default.
    pub levels: BTreeMap<&'static str, config::Level>,
    /// Speakers the configuration knows; mentions of them resolve to one entity each.
    pub speakers: Vec<config::KnownSpeaker>,
    /// The lexicon to use instead of the built-in one (extra lexicon files merged over it).
    pub lexicon: Option<Arc<Lexicon>>,
}

/// Analyses one document's text, read as plain text ([`analyze_input`] with
/// [`source::InputFormat::Text`]). `path` names it in the output, and its extension tells
/// whether `%% quotecheck-...` lines are suppression directives (plain text) or not (a
/// Markdown or HTML name, where `%%` may be prose).
///
/// Suppression directives are blanked before the analysis (their bytes become spaces, so no
/// offset moves) and the findings they cover are dropped; every span still points into `text`.
pub fn analyze(path: &str, text: &str, config: &Config) -> Analysis {
    analyze_input(path, text, source::InputFormat::Text, config)
}

/// Analyses one document read as `format` (plain text, Markdown or HTML). The pipeline runs
/// on the analysis text: the input-format mask of `original` ([`source::mask`], which has the
/// prose at the original offsets), with the suppression directives blanked. The directives
/// are read from `original` (in Markdown and HTML only the `<!-- -->` form, see
/// [`suppress::Syntax::for_input`]), since the mask blanks comments. The returned analysis
/// carries the `original` text, so every span's text is the exact slice of the file as read.
///
/// ```
/// use quotecheck::{analyze_input, source::InputFormat, Config};
/// let md = "# Ferry news\n\n“We are ready,” **Mayor Ana Holm** said.\n";
/// let a = analyze_input("news.md", md, InputFormat::Markdown, &Config::default());
/// let q = &a.quotes[0];
/// assert_eq!(q.content.slice(&a.text), "We are ready,");
/// assert_eq!(q.speaker.as_ref().unwrap().mention.slice(&a.text), "Mayor Ana Holm");
/// ```
pub fn analyze_input(path: &str, original: &str, format: source::InputFormat, config: &Config) -> Analysis {
    analyze_owned(path, original.to_string(), format, config)
}

/// [`analyze_input`] of a text the caller gives away: the analysis keeps it as its `text`,
/// without a copy (so a long document is not held twice while it is analysed).
pub fn analyze_owned(path: &str, original: String, format: source::InputFormat, config: &Config) -> Analysis {
    let mut a = {
        let directives = suppress::Directives::parse(&original, suppress::Syntax::for_input(format, path));
        let masked = source::mask(&original, format);
        let prose = directives.blank(&masked);
        debug_assert_eq!(prose.len(), original.len());
        analyze_text(path, &prose, &directives, config)
    };
    a.text = original;
    a
}

/// Runs the pipeline on the analysis text `text`; the caller stores the original document (of
/// the same length) as the analysis's `text`.
fn analyze_text(path: &str, text: &str, directives: &suppress::Directives, config: &Config) -> Analysis {
    let lex: &Lexicon = match &config.lexicon {
        Some(l) => l,
        None => Lexicon::builtin(),
    };
    let lower = text.to_ascii_lowercase();
    let scan = scan::scan_lowered(text, &lower, lex);
    let ctx = attribute::Ctx::new(text, &lower, &scan, lex);
    let att = attribute::attribute(&ctx, &config.speakers);
    // what only attribution needs (a few bytes per token) is let go before the claims and
    // rules, and the lowercase copy of the text before the rules: one long document's peak
    // memory is reached in the rules
    drop(ctx);
    let claims = claims::build(text, &lower, &scan, lex, &att.quotes, &att.entities);
    drop(lower);
    let doc = rules::Doc {
        text,
        scan: &scan,
        lex,
        quotes: &att.quotes,
        entities: &att.entities,
        claims: &claims,
        ambiguous: &att.ambiguous,
        disabled: &config.disabled_rules,
        levels: &config.levels,
        memo: rules::Memo::new(claims.len()),
    };
    let findings = rules::run(&doc);
    let findings = directives.apply(findings, &doc);
    Analysis { path: path.to_string(), text: String::new(), quotes: att.quotes, entities: att.entities, claims, findings }
}

/// Analyses a string as plain text and returns its `quotecheck/1` report: the [`Report`] that
/// `quotecheck check --format json -` prints for it, with the path `-`. The report is
/// [`serde::Serialize`], so a test can pin it with a snapshot (the README's "Using quotecheck
/// from Rust" has an example); [`report::json::report_schema`] is its JSON Schema.
///
/// ```
/// use quotecheck::{check_str, Config};
/// let report = check_str("“We are ready,” Mayor Ana Holm said.", &Config::default());
/// assert_eq!(report.summary.quotes, 1);
/// assert_eq!(report.documents[0].speakers[0].name, "Ana Holm");
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["schema"], "quotecheck/1");
/// ```
pub fn check_str(text: &str, config: &Config) -> Report {
    Report::new(vec![analyze("-", text, config)])
}
