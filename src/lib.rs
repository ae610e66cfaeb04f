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
//! - [`report`] renders the findings (human, concise, JSON, JSON Lines, SARIF, GitHub Actions).
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
pub mod claims;
pub mod consistency;
pub mod lexicon;
pub mod model;
pub mod report;
pub mod rules;
pub mod scan;
pub mod source;
pub mod span;

pub use lexicon::Lexicon;
pub use model::{Analysis, Severity};
pub use report::json::{DocumentReport, Report};
pub use source::SourceError;

/// What a run may change: rules switched off (by code).
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub disabled_rules: Vec<String>,
}

/// Analyses one document's text. `path` is only used to name it in the output.
pub fn analyze(path: &str, text: &str, config: &Config) -> Analysis {
    analyze_text(path, text, text.to_string(), config)
}

/// Analyses one document read as `format` (plain text, Markdown or HTML). The pipeline runs
/// on the masked analysis text ([`source::mask`]), which has the prose at the original
/// offsets; the returned analysis carries the `original` text, so every span's text is the
/// exact slice of the file as read.
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
    match source::mask(original, format) {
        std::borrow::Cow::Borrowed(text) => analyze_text(path, text, original.to_string(), config),
        std::borrow::Cow::Owned(masked) => analyze_text(path, &masked, original.to_string(), config),
    }
}

/// Runs the pipeline on `text` and stores `original` (of the same length) as the document.
fn analyze_text(path: &str, text: &str, original: String, config: &Config) -> Analysis {
    debug_assert_eq!(text.len(), original.len());
    let lex = Lexicon::builtin();
    let lower = text.to_ascii_lowercase();
    let scan = scan::scan(text, lex);
    let ctx = attribute::Ctx::new(text, &lower, &scan, lex);
    let att = attribute::attribute(&ctx);
    let claims = claims::build(text, &lower, &scan, lex, &att.quotes, &att.entities);
    let doc = rules::Doc {
        text,
        scan: &scan,
        lex,
        quotes: &att.quotes,
        entities: &att.entities,
        claims: &claims,
        ambiguous: &att.ambiguous,
        disabled: &config.disabled_rules,
    };
    let findings = rules::run(&doc);
    Analysis { path: path.to_string(), text: original, quotes: att.quotes, entities: att.entities, claims, findings }
}

/// Analyses a string and returns the serialisable `quotecheck/1` report for it.
pub fn check_str(text: &str, config: &Config) -> Report {
    Report::new(vec![analyze("-", text, config)])
}
