//! The consistency pass: pairs claims that share a topic, runs the suppressors, then the
//! rules QC2xx, and ranks what is left by how the two speakers relate.
//!
//! Pairing: claims are bucketed by predicate class (and opposed classes meet through the
//! `opposes` links of `grammar/predicates.toml`), and claims that give a number by what it
//! counts. Each claim is compared with at most
//! [`WINDOW`] earlier claims of its bucket, the nearest ones, so the pass stays linear in the
//! number of claims even in a very long document; a tension between statements further apart
//! than that is rare in one article and would be reported for a nearer pair anyway.
//!
//! Before anything else, the judges' own conditions on the two claims' fields
//! ([`rules::may_clash`]): most pairs of a long article fail them.
//!
//! Suppressors, before any rule: questions, conditionals and hypotheticals assert nothing;
//! two clauses of one quotation, or one speaker in the same or the next paragraph, are a
//! speaker qualifying himself; the reporter against the reporter is narrative, not a source
//! conflict; claims about disjoint participants or in contrasting settings (bilateral against
//! multilateral), about what the other's exception leaves out ("except for medicine" against
//! "medicine shipments continue"), or a past event against a present state, are about
//! different things.

use crate::claims::{Claim, Modality, Time};
use crate::model::{Entity, EntityKind, Finding, Related, Severity};
use crate::rules::{self, Doc};
use foldhash::{HashMap, HashMapExt};

/// What brings two claims together for comparison (a kind of thing counted is the claim's
/// own string, borrowed: no copy is made to look it up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Topic<'c> {
    /// A predicate class of grammar/predicates.toml.
    Class(u16),
    /// A kind of thing counted ("people", "percent").
    Counts(&'c str),
    /// A pair of grammar/opposition.toml ("open" / "closed").
    Opposed(u16),
}

/// How many earlier claims of the same topic each claim is compared with.
pub const WINDOW: usize = 48;

/// What a consistency rule reports about a pair; the driver turns it into a finding.
pub struct Clash {
    /// Short description of each side's position, for the message and the labels (empty
    /// when the judge was asked for the verdict alone, see [`Wording`]).
    pub first: String,
    pub second: String,
}

/// Whether a judge words the clash it finds. The pass asks every pair for the verdict alone
/// and has only the pair that wins worded: on a long article most clashing pairs lose to a
/// better-ranked pair of the same claim, and wording each of them cost more than judging it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    Verdict,
    Words,
}

impl Clash {
    /// A clash found, not worded ([`Wording::Verdict`]).
    pub fn unworded() -> Clash {
        Clash { first: String::new(), second: String::new() }
    }
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
            // (a person's own spokesman or lawyer is of that person's family: their
            // affiliation is the person)
            let speaks_for = |p: usize, q: usize| entities.get(p).is_some_and(|e| e.affiliation == Some(q));
            match (fam(x), fam(y)) {
                (Some(f), Some(g)) if f == g => Relation::SameFamily,
                _ if speaks_for(x, y) || speaks_for(y, x) => Relation::SameFamily,
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

/// The words an exception names: "a ban on imports, except for medicine" -> ["medicine"]
/// (content words of four letters or more, up to three words after the exception phrase).
fn excepted<'d>(doc: &'d Doc, c: &Claim) -> std::borrow::Cow<'d, [String]> {
    if !c.exception {
        return std::borrow::Cow::Borrowed(&[]);
    }
    rules::memoized(doc, &doc.memo.excepted, c, || excepted_words(doc, c))
}

fn excepted_words(doc: &Doc, c: &Claim) -> Vec<String> {
    let text = c.span.slice(doc.text).to_lowercase();
    let words: Vec<&str> = text.split(|ch: char| !ch.is_alphanumeric() && ch != '-').filter(|w| !w.is_empty()).collect();
    for form in &doc.lex.exception_forms {
        let f: Vec<&str> = form.split(' ').collect();
        if let Some(i) = (0..words.len().saturating_sub(f.len() - 1)).find(|&i| words[i..i + f.len()] == f[..]) {
            return words[i + f.len()..].iter().take(3).filter(|w| w.chars().count() >= 4).map(|w| w.to_string()).collect();
        }
    }
    Vec::new()
}

/// One claim is about what the other's exception leaves out ("a ban on imports, except for
/// medicine" against "medicine shipments will continue"): no clash, that is the exception.
fn about_the_exception(doc: &Doc, a: &Claim, b: &Claim) -> bool {
    // one of `words` is a word of the claim's text, split at anything but letters, digits
    // and hyphens: an occurrence with no such character on either side (the excepted words
    // are themselves such words; the text is not split into words for every pair)
    let mentions = |c: &Claim, words: &[String]| {
        let t = rules::lowercase(doc, c);
        let inner = |ch: char| ch.is_alphanumeric() || ch == '-';
        words.iter().any(|x| {
            t.match_indices(x.as_str()).any(|(p, _)| !t[..p].chars().next_back().is_some_and(inner) && !t[p + x.len()..].chars().next().is_some_and(inner))
        })
    };
    let (ea, eb) = (excepted(doc, a), excepted(doc, b));
    (!ea.is_empty() && mentions(b, &ea)) || (!eb.is_empty() && mentions(a, &eb))
}

fn disjoint(a: &Claim, b: &Claim) -> bool {
    !a.participants.is_empty() && !b.participants.is_empty() && !a.participants.iter().any(|p| b.participants.contains(p))
}

/// Runs the consistency rules over the claims of one document.
pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    let claims = doc.claims;
    // which consistency rules run, and at what level, asked once rather than for every pair
    // (the level when a rule first fires: most documents have no clash at all)
    let enabled: Vec<bool> = rules::CONSISTENCY.iter().map(|r| doc.enabled(r.code)).collect();
    let mut levels: Vec<Option<Severity>> = vec![None; rules::CONSISTENCY.len()];
    let mut buckets: HashMap<Topic, Vec<usize>> = HashMap::new();
    // the topics of the claim at hand (one list, emptied for each claim)
    let mut topics: Vec<Topic> = Vec::new();
    // what the judges ask first of each claim, worked out once: a claim meets up to WINDOW
    // partners per topic
    let traits: Vec<rules::Traits> = claims.iter().map(|c| rules::traits(doc, c)).collect();
    // for each claim, the last claim whose partners it was among (see `partners` below)
    let mut met: Vec<usize> = vec![usize::MAX; claims.len()];
    for (j, b) in claims.iter().enumerate() {
        // a claim meets earlier claims of its predicate class, of the classes opposed to it,
        // and claims that count the same kind of thing
        topics.clear();
        if let Some(class) = b.class {
            topics.push(Topic::Class(class));
            topics.extend(doc.lex.opposed_classes(class).iter().map(|&o| Topic::Class(o)));
        }
        for m in &b.amounts {
            if !topics.contains(&Topic::Counts(&m.unit)) {
                topics.push(Topic::Counts(&m.unit));
            }
        }
        for &(pair, _) in &b.opposed {
            if !topics.contains(&Topic::Opposed(pair)) {
                topics.push(Topic::Opposed(pair));
            }
        }
        if topics.is_empty() {
            continue;
        }
        // the partners: the last WINDOW claims of each topic, each taken once
        // each pair is judged once: `j` comes once, and its partners once each (no set of
        // pairs seen is needed; on a long article one grew with every pair and its random
        // access cost more time than any rule); a claim may share several topics with `j`,
        // and `met` marks the partners `j` has taken (one mark per claim, not a list sorted
        // and deduplicated for every claim)
        let partners = topics.iter().filter_map(|t| buckets.get(t)).flat_map(|list| list.iter().rev().take(WINDOW).copied());
        // one finding per claim: the best-ranked pair (highest severity, then the nearest
        // earlier claim), so a statement contradicted by a lede and by the quote the lede
        // sums up is reported once, against the source that ranks highest
        // (the finding, with its messages and labels, is built once, for the pair that wins)
        // (the partners come topic by topic, not in order: the best is the highest
        // (severity, index), which the order they come in does not change)
        let mut best: Option<(&rules::Rule, usize, Relation, Severity)> = None;
        for i in partners {
            if met[i] == j {
                continue;
            }
            met[i] = j;
            let a = &claims[i];
            // the judges' own conditions on the two claims' fields first: most pairs of a
            // long article fail them, and they cost less than the suppressors below
            if !rules::may_clash(doc, a, &traits[i], b, &traits[j]) {
                continue;
            }
            if !asserts(a) || !asserts(b) {
                continue;
            }
            if a.quote.is_some() && a.quote == b.quote {
                continue;
            }
            if a.speaker.is_none() && b.speaker.is_none() {
                continue;
            }
            if disjoint(a, b) || contrasting_scope(doc, a, b) || about_the_exception(doc, a, b) {
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
            for (k, rule) in rules::CONSISTENCY.iter().enumerate().filter(|&(k, _)| enabled[k]) {
                let Some(judge) = rule.judge else { continue };
                if judge(doc, a, b, Wording::Verdict).is_some() {
                    // rank first: the clash is worded and the finding (messages, labels)
                    // built only for the pair that wins
                    let level = *levels[k].get_or_insert_with(|| doc.severity(rule.code));
                    let (rel, severity) = rank(doc, rule, level, a, b);
                    if best.as_ref().is_none_or(|x| (severity, i) > (x.3, x.1)) {
                        best = Some((rule, i, rel, severity));
                    }
                    break;
                }
            }
        }
        if let Some((rule, i, rel, severity)) = best {
            // the judges depend on the two claims alone: asked again, with words, they find
            // the same clash
            if let Some(clash) = rule.judge.and_then(|judge| judge(doc, &claims[i], b, Wording::Words)) {
                out.push(finding(doc, rule, i, j, clash, rel, severity));
            }
        }
        if let Some(class) = b.class {
            buckets.entry(Topic::Class(class)).or_default().push(j);
        }
        for &t in topics.iter().filter(|t| matches!(t, Topic::Counts(_) | Topic::Opposed(_))) {
            buckets.entry(t).or_default().push(j);
        }
    }
}

fn speaker_name(doc: &Doc, s: Option<usize>) -> String {
    match s.and_then(|e| doc.entities.get(e)) {
        Some(e) => e.name.clone(),
        None => "the article's own text".to_string(),
    }
}

/// How the two speakers relate, and the severity of a clash between claims `a` and `b`.
fn rank(doc: &Doc, rule: &rules::Rule, level: Severity, a: &Claim, b: &Claim) -> (Relation, Severity) {
    let rel = relation(doc.entities, a.speaker, b.speaker);
    // A clash inside one source family outranks a dispute between parties, which is the
    // ordinary stuff of news; an exception or side-event scope softens any of them.
    // the rule's level: its default, or the one the configuration sets
    let base = level;
    // The narrative against a source is worth a warning only when the two are clearly about
    // the same thing; a loose match between a reporter's aside and a quote is information.
    // (asked only for the narrative, the one relation it matters for)
    // Two words of an opposition pair in a reporter's sentence and a source's are, in
    // political and business copy, nearly always about different contests, bills or
    // companies (reviewed on the PolNeAR train split: every such warning was); the pair
    // alone never makes the narrative against a source worth a warning.
    // Otherwise the two must share the words next to what clashes: two of them (a
    // participant counts as one), or, for claims without figures, half of the shorter
    // claim's ("the riverside *plan* has not been abandoned" against a long sentence about
    // the plan).
    let clear = || {
        if rule.code == "QC205" {
            return false;
        }
        let except = [a.predicate.as_str(), b.predicate.as_str()];
        let (shared, shorter) = rules::core_overlap(doc, a, b, &except);
        let person = a.participants.iter().any(|p| b.participants.contains(p)) as usize;
        // (figures need the two: a short claim with a figure shares "worth" or "delegates"
        // with half the figures of a business or election story)
        let half = rule.code != "QC206" && shared >= 1 && 2 * shared >= shorter;
        // (a figure's own name is evidence enough: "2,000 residents of *Ulfsby*" / "1,500
        // people moved out of *Ulfsby*")
        let named = rule.code == "QC206" && rules::qc206_numeric_mismatch::same_names_near(doc, a, b);
        person + shared >= 2 || half || named
    };
    let mut severity = match rel {
        Relation::SameSpeaker | Relation::SameFamily => base,
        Relation::Narrative if clear() => base.min(Severity::Warning),
        Relation::Narrative | Relation::Dispute => Severity::Info,
    };
    if a.exception || b.exception {
        severity = severity.lower();
    }
    (rel, severity)
}

fn finding(doc: &Doc, rule: &rules::Rule, i: usize, j: usize, clash: Clash, rel: Relation, severity: Severity) -> Finding {
    let a = &doc.claims[i];
    let b = &doc.claims[j];
    let scoped = a.exception || b.exception;
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
