//! The consistency pass: pairs claims that share a topic, runs the suppressors, then the
//! rules QC2xx, and ranks what is left by how the two speakers relate.
//!
//! Pairing: claims are bucketed by predicate class (and opposed classes meet through the
//! `opposes` links of `grammar/predicates.toml`). Each claim is compared with at most
//! [`WINDOW`] earlier claims of its bucket, nearest first, so the pass stays linear in the
//! number of claims even in a very long document; a tension between statements further apart
//! than that is rare in one article and would be reported for a nearer pair anyway.
//!
//! Suppressors, before any rule: questions, conditionals and hypotheticals assert nothing;
//! two clauses of one quotation, or one speaker in the same or the next paragraph, are a
//! speaker qualifying himself; the reporter against the reporter is narrative, not a source
//! conflict; claims about disjoint participants or in contrasting settings (bilateral against
//! multilateral), or a past event against a present state,
//! are about different things.

use crate::claims::{Claim, Modality, Time};
use crate::model::{Entity, EntityKind, Finding, Related, Severity};
use crate::rules::{self, Doc};
use std::collections::HashMap;

/// How many earlier claims of the same topic each claim is compared with.
pub const WINDOW: usize = 48;

/// What a consistency rule reports about a pair; the driver turns it into a finding.
pub struct Clash {
    /// Short description of each side's position, for the message and the labels.
    pub first: String,
    pub second: String,
}

/// How the two speakers of a pair relate; decides the rank of a clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// One speaker, two statements.
    SameSpeaker,
    /// An organisation and its own people, or two people of one organisation.
    SameFamily,
    /// The writer's narrative against a source.
    Narrative,
    /// Two unrelated parties: a dispute, which is normal reporting.
    Dispute,
}

pub fn relation(entities: &[Entity], a: Option<usize>, b: Option<usize>) -> Relation {
    match (a, b) {
        (None, None) => Relation::SameSpeaker,
        (None, _) | (_, None) => Relation::Narrative,
        (Some(x), Some(y)) if x == y => Relation::SameSpeaker,
        (Some(x), Some(y)) => {
            let fam = |e: usize| -> Option<usize> {
                let ent = entities.get(e)?;
                if ent.kind == EntityKind::Organization {
                    Some(e)
                } else {
                    ent.affiliation
                }
            };
            match (fam(x), fam(y)) {
                (Some(f), Some(g)) if f == g => Relation::SameFamily,
                _ => Relation::Dispute,
            }
        }
    }
}

fn asserts(c: &Claim) -> bool {
    !matches!(c.modality, Modality::Question | Modality::Conditional | Modality::Hypothetical)
}

fn paragraph(doc: &Doc, c: &Claim) -> usize {
    doc.scan.paragraphs.partition_point(|p| p.end < c.span.start)
}

/// One claim is set "bilateral", the other "multilateral" (grammar/claims.toml, scope_contrast).
pub fn contrasting_scope(doc: &Doc, a: &Claim, b: &Claim) -> bool {
    doc.lex.settings_contrast(a.settings, b.settings)
}

/// True when one text holds one word of a scope-contrast pair and the other text the other.
pub fn contrasting_texts(lex: &crate::Lexicon, a: &str, b: &str) -> bool {
    lex.settings_contrast(lex.setting_bits(a), lex.setting_bits(b))
}

fn disjoint(a: &Claim, b: &Claim) -> bool {
    !a.participants.is_empty() && !b.participants.is_empty() && !a.participants.iter().any(|p| b.participants.contains(p))
}

/// Runs the consistency rules over the claims of one document.
pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    let claims = doc.claims;
    let mut buckets: HashMap<u16, Vec<usize>> = HashMap::new();
    let mut seen_pairs: std::collections::HashSet<(usize, usize)> = Default::default();
    for (j, b) in claims.iter().enumerate() {
        let Some(class) = b.class else { continue };
        let mut partners: Vec<usize> = Vec::new();
        let mut classes = vec![class];
        classes.extend((0..doc.lex.classes.len() as u16).filter(|&o| doc.lex.classes_oppose(class, o)));
        for c in &classes {
            if let Some(list) = buckets.get(c) {
                partners.extend(list.iter().rev().take(WINDOW));
            }
        }
        partners.sort_unstable();
        for i in partners {
            let a = &claims[i];
            if !asserts(a) || !asserts(b) {
                continue;
            }
            if a.quote.is_some() && a.quote == b.quote {
                continue;
            }
            if a.speaker.is_none() && b.speaker.is_none() {
                continue;
            }
            if disjoint(a, b) || contrasting_scope(doc, a, b) {
                continue;
            }
            // a past event and a present or future state are about different times
            if (a.time == Time::Past) != (b.time == Time::Past) {
                continue;
            }
            // one speaker going on in the same or the next paragraph is elaborating, not
            // contradicting himself
            if a.speaker.is_some() && a.speaker == b.speaker && paragraph(doc, b) <= paragraph(doc, a) + 1 {
                continue;
            }
            if !seen_pairs.insert((i, j)) {
                continue;
            }
            for rule in rules::CONSISTENCY {
                if !doc.enabled(rule.code) {
                    continue;
                }
                let Some(judge) = rule.judge else { continue };
                if let Some(clash) = judge(doc, a, b) {
                    out.push(finding(doc, rule, i, j, clash));
                    break;
                }
            }
        }
        buckets.entry(class).or_default().push(j);
    }
}

fn speaker_name(doc: &Doc, s: Option<usize>) -> String {
    match s.and_then(|e| doc.entities.get(e)) {
        Some(e) => e.name.clone(),
        None => "the article's own text".to_string(),
    }
}

fn finding(doc: &Doc, rule: &rules::Rule, i: usize, j: usize, clash: Clash) -> Finding {
    let a = &doc.claims[i];
    let b = &doc.claims[j];
    let rel = relation(doc.entities, a.speaker, b.speaker);
    // A clash inside one source family outranks a dispute between parties, which is the
    // ordinary stuff of news; an exception or side-event scope softens any of them.
    // the rule's level: its default, or the one the configuration sets
    let base = doc.severity(rule.code);
    let mut severity = match rel {
        Relation::SameSpeaker | Relation::SameFamily => base,
        Relation::Narrative => base.min(Severity::Warning),
        Relation::Dispute => Severity::Info,
    };
    let scoped = a.exception || b.exception;
    if scoped {
        severity = severity.lower();
    }
    let na = speaker_name(doc, a.speaker);
    let nb = speaker_name(doc, b.speaker);
    let who_b = match rel {
        Relation::SameSpeaker => format!("{nb} also"),
        Relation::SameFamily => {
            let title = b.speaker.and_then(|e| doc.entities.get(e)).and_then(|e| e.titles.first().cloned());
            match title {
                Some(t) => format!("{nb} ({t})"),
                None => format!("{nb}, from the same organisation,"),
            }
        }
        Relation::Narrative | Relation::Dispute => nb.clone(),
    };
    let mut message = capitalize(&format!("{na} says {}, but {who_b} says {}", clash.first, clash.second));
    if scoped {
        message.push_str(" (one side is limited by an exception or a side event)");
    }
    let relation_note = match rel {
        Relation::SameSpeaker => "one speaker",
        Relation::SameFamily => "one organisation and its own people",
        Relation::Narrative => "the article's narrative against a source",
        Relation::Dispute => "two different parties; a dispute may be normal reporting",
    };
    Finding {
        code: rule.code,
        rule: rule.name,
        severity,
        message,
        primary: a.span,
        primary_label: format!("{na}: {}", clash.first),
        related: vec![Related { span: b.span, label: format!("{nb}: {}", clash.second) }],
        claims: vec![i, j],
        help: format!(
            "Both statements are about the same thing ({relation_note}). Make clear how both can hold (a different time, an exception, an informal setting) or correct one of them."
        ),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
