//! quotecheck checks news copy before it is published: who said what, and whether what they
//! said holds together.
//!
//! The pipeline runs one way, each stage a module with one job:
//!
//! ```text
//! source ─► scan ─► attribute ─► claims ─► consistency ─┬─► findings ─► report
//!  (text)   (nom)   (cues,        (frames)  (pairs,      │   (+ attribution lint)
//!                    speakers,              rules)       │
//!                    entities)                           ┘
//! ```
//!
//! - [`source`] reads a file and refuses what is not UTF-8 text, naming the byte offset;
//! - [`scan`] finds paragraphs, tokens, quotation marks and sentences (grammar/quotation.md);
//! - [`attribute`] finds cues and speakers and resolves speakers to entities;
//! - [`claims`] turns quotations, reported speech and narrative into claim frames;
//! - [`consistency`] and [`rules`] report tensions and attribution problems;
//! - [`report`] renders the findings (human, concise, JSON, JSON Lines, SARIF, GitHub Actions).
//!
//! Every span is a byte range into the document as read.
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

/// Analyses one document's text. `path` names it in the output, and its extension tells
/// whether `%% quotecheck-...` lines are suppression directives (plain text) or not (Markdown,
/// HTML).
///
/// Suppression directives are blanked before the analysis (their bytes become spaces, so no
/// offset moves) and the findings they cover are dropped; every span still points into `text`.
pub fn analyze(path: &str, text: &str, config: &Config) -> Analysis {
    let directives = suppress::Directives::parse(text, suppress::Syntax::for_path(path));
    let blanked = directives.blank(text);
    let prose: &str = &blanked;
    let lex: &Lexicon = match &config.lexicon {
        Some(l) => l,
        None => Lexicon::builtin(),
    };
    let lower = prose.to_ascii_lowercase();
    let scan = scan::scan(prose, lex);
    let ctx = attribute::Ctx::new(prose, &lower, &scan, lex);
    let att = attribute::attribute(&ctx, &config.speakers);
    let claims = claims::build(prose, &lower, &scan, lex, &att.quotes, &att.entities);
    let doc = rules::Doc {
        text: prose,
        scan: &scan,
        lex,
        quotes: &att.quotes,
        entities: &att.entities,
        claims: &claims,
        ambiguous: &att.ambiguous,
        disabled: &config.disabled_rules,
        levels: &config.levels,
    };
    let findings = rules::run(&doc);
    let findings = directives.apply(findings, &doc);
    Analysis { path: path.to_string(), text: text.to_string(), quotes: att.quotes, entities: att.entities, claims, findings }
}

/// Analyses a string and returns the serialisable `quotecheck/1` report for it.
pub fn check_str(text: &str, config: &Config) -> Report {
    Report::new(vec![analyze("-", text, config)])
}
