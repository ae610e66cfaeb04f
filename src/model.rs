//! The analysis of one document: the plain data each stage produces.

use crate::claims::Claim;
use crate::lexicon::Gender;
use crate::span::Span;
use schemars::JsonSchema;
use serde::Serialize;

/// What kind of quotation, or reported speech, a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full quotation of a sentence or more, attributed outside its marks.
    Direct,
    /// A fragment in quotation marks inside the writer's sentence.
    Partial,
    /// Reported speech whose content holds quoted words.
    Mixed,
    /// Reported speech with no quotation marks ("X said that ...").
    Indirect,
    /// A quotation running over several paragraphs.
    Block,
    /// Quotation marks around a term, title or nickname, reporting no speech.
    Scare,
}

/// How a quotation's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// A speaker mention next to the cue.
    Explicit,
    /// He, she, they or it, resolved to an earlier speaker.
    Pronoun,
    /// A quotation with no cue of its own that continues the previous speaker.
    Continuation,
    /// "according to X".
    AccordingTo,
    /// A quotation with no cue, given to the speaker of the next quotation in its paragraph.
    Nearest,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRef {
    pub entity: usize,
    pub mention: Span,
    pub via: Via,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// From the first to the last character of the quoted content (marks excluded for
    /// direct quotations; the whole reported clause for indirect and mixed ones).
    pub content: Span,
    /// The pieces of a discontiguous content (split by its cue, or across paragraphs).
    pub segments: Vec<Span>,
    pub cue: Option<Span>,
    pub speaker: Option<SpeakerRef>,
    /// The quotation this one is nested in.
    pub parent: Option<usize>,
    /// Index of the scanner quotation(s) this came from, if any.
    pub marks: Option<Span>,
    pub sentence: usize,
}

/// What a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// An organisation ("the Harbor Authority", "the ministry").
    Organization,
    /// A collective source: several people, or a poll or report ("residents", "Democrats",
    /// "a new poll").
    Group,
    /// One unnamed person ("a senior ministry official").
    Anonymous,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub titles: Vec<String>,
    pub affiliation: Option<usize>,
    pub mentions: Vec<Span>,
    pub gender: Gender,
    /// Every spelling of the name used for this entity, in order of first use.
    pub spellings: Vec<(String, Span)>,
    /// Honorifics used for this entity (Mr., Ms.), with where.
    pub honorifics: Vec<(String, Span)>,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing: a weak tension, or one between unrelated parties.
    Info,
    /// Worth a look before publication.
    Warning,
    /// To fix before publication; fails the run by default (`--fail-on error`).
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn lower(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub primary: Span,
    pub primary_label: String,
    pub related: Vec<Related>,
    pub claims: Vec<usize>,
    pub help: String,
}

/// Everything quotecheck knows about one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub path: String,
    pub text: String,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}
