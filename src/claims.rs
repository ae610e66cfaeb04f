//! The claim model: one claim per asserted clause, from quotations, from reported speech and
//! from the writer's own sentences (speaker `reporter`), each a frame built from the lexicons
//! in `grammar/claims.toml` and `grammar/predicates.toml`.

use crate::lexicon::{FrameWord, Lexicon, SettingSpans, WordClass, WordId, NO_WORD};
use crate::model::{Entity, Quote, QuoteKind};
use crate::scan::{Scan, TokKind};
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};
use schemars::JsonSchema;
use serde::Serialize;

/// Whether the clause asserts or denies its predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// The clause asserts its predicate.
    Positive,
    /// The clause denies it ("will not raise fees", "refused to sign").
    Negative,
}

/// How the clause commits to its predicate: asserted, possible, expected, intended, or not
/// asserted at all (a condition, a hypothesis, a question).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as a fact.
    Asserted,
    /// Possible, or recommended ("may", "could", "should").
    Possible,
    /// Expected ("will", "is set to").
    Expected,
    /// Intended ("plans to", "wants to").
    Intended,
    /// Under a condition ("if", "unless").
    Conditional,
    /// Supposed, not asserted ("imagine", "in theory").
    Hypothetical,
    /// Asked, not asserted ("whether").
    Question,
}

/// Whether the clause says an activity goes on, stops or resumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Aspect {
    /// Neither.
    None,
    /// The activity goes on ("remains in place", "still").
    Continues,
    /// It stops ("suspended", "halted").
    Cessation,
    /// It starts again ("resumed", "reopen").
    Resumption,
}

/// When the clause places its predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Time {
    /// Before the report.
    Past,
    /// At the time of the report.
    Present,
    /// After it.
    Future,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Confirm,
    Deny,
}

impl Modality {
    /// The modality named in grammar/claims.toml ("possible", "expected", ...).
    pub fn parse(name: &str) -> Option<Modality> {
        Some(match name {
            "asserted" => Modality::Asserted,
            "possible" => Modality::Possible,
            "expected" => Modality::Expected,
            "intended" => Modality::Intended,
            "conditional" => Modality::Conditional,
            "hypothetical" => Modality::Hypothetical,
            "question" => Modality::Question,
            _ => return None,
        })
    }
}

impl Aspect {
    /// The aspect named in grammar/claims.toml ("cessation", "continues", "resumption").
    pub fn parse(name: &str) -> Option<Aspect> {
        Some(match name {
            "cessation" => Aspect::Cessation,
            "continues" => Aspect::Continues,
            "resumption" => Aspect::Resumption,
            _ => return None,
        })
    }
}

impl Stance {
    pub fn parse(name: &str) -> Option<Stance> {
        Some(match name {
            "confirm" => Stance::Confirm,
            "deny" => Stance::Deny,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The speaker entity; `None` is the reporter's own narrative.
    pub speaker: Option<usize>,
    pub quote: Option<usize>,
    pub span: Span,
    /// The predicate word as written (lowercase), or empty when none was recognised.
    pub predicate: String,
    pub class: Option<u16>,
    pub polarity: Polarity,
    pub modality: Modality,
    pub aspect: Aspect,
    pub time: Time,
    pub participants: Vec<usize>,
    /// An exception or side-event scope ("except", "on the side of").
    pub exception: bool,
    /// A booster ("of course", "absolutely").
    pub certain: bool,
    pub stance: Option<Stance>,
    /// Scope-contrast words of the clause (bilateral, multilateral, ...), as a bit set.
    pub settings: u64,
    /// The numbers the clause gives, with what they count, in order.
    pub amounts: Vec<Amount>,
    /// Words of grammar/opposition.toml in the clause (outside a subordinate clause): pair
    /// index and side, with the word's position in the clause (in words).
    pub opposed: Vec<(u16, bool)>,
}

/// A number with the thing it counts: "about 2,000 residents", "12 percent".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The value in hundredths, so claims stay comparable with `Eq` (8.5 -> 850).
    pub hundredths: u64,
    /// What is counted, normalised by grammar/claims.toml `[[unit]]` ("jobs" -> "people"),
    /// or the noun itself, singular.
    pub unit: String,
    /// An estimate ("about", "more than").
    pub approx: bool,
    /// A bound ("more than", "up to"), of grammar/claims.toml `[[bound]]`.
    pub bound: Option<Bound>,
    pub span: Span,
}

/// Which side of a figure an estimate leaves open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// "more than 2,000": any figure above agrees.
    Lower,
    /// "up to 300": any figure below agrees.
    Upper,
}

impl Amount {
    pub fn value(&self) -> f64 {
        self.hundredths as f64 / 100.0
    }
}

/// The numbers of the clause `a..b` that count something: "1,200 jobs", "about 2,000
/// residents", "58 percent", "48 million crowns". Years ("in 1998"), durations ("six
/// months") and numbers with nothing after them are skipped. The lexer splits "1,200" at
/// the comma, so digit groups written without spaces are joined here.
fn amounts(text: &str, lower: &str, scan: &Scan, lex: &Lexicon, a: usize, b: usize) -> Vec<Amount> {
    let toks = &scan.tokens;
    let mut out: Vec<Amount> = Vec::new();
    let word = |i: usize| if i < b { &lower[toks[i].start..toks[i].end] } else { "" };
    let mut k = a;
    while k < b {
        // "9/11", "24/7", "3-2": a number joined to another by a slash or hyphen is a date,
        // a name or a score, not an amount
        // (asked of numbers only: most tokens of a clause are none, and the test reads the
        // text on either side)
        let glued = |i: usize| i < toks.len() && matches!(&text[toks[i].start..toks[i].end], "/" | "-");
        // (this runs over every token of every clause: the kind is asked first, and "of" is
        // compared as bytes, before any word is sliced out of the text or looked up)
        match toks[k].kind {
            TokKind::Number => {}
            TokKind::Word => {
                let next_is_of = k + 1 < b && lower.as_bytes().get(toks[k + 1].start..toks[k + 1].end) == Some(b"of".as_slice());
                if next_is_of && lex.share_heads.contains(word(k)) {
                    if let Some(m) = share_in_words(lower, scan, lex, a, k) {
                        out.push(m);
                    }
                }
                k += 1;
                continue;
            }
            _ => {
                k += 1;
                continue;
            }
        }
        if (k > 0 && glued(k - 1) && toks[k - 1].end == toks[k].start) || (glued(k + 1) && toks[k + 1].start == toks[k].end) {
            k += 1;
            continue;
        }
        let start = k;
        let mut digits = text[toks[k].start..toks[k].end].replace(',', "");
        let mut e = k + 1;
        while e + 1 < b
            && toks[e].kind == TokKind::Punct(',')
            && toks[e].start == toks[e - 1].end
            && toks[e + 1].start == toks[e].end
            && toks[e + 1].kind == TokKind::Number
            && toks[e + 1].end - toks[e + 1].start == 3
        {
            digits.push_str(&text[toks[e + 1].start..toks[e + 1].end]);
            e += 2;
        }
        k = e;
        let Ok(mut value) = digits.trim_end_matches('.').parse::<f64>() else { continue };
        // a year is no amount ("in 1998"), unless a listed unit follows ("2000 residents")
        let year =
            !digits.contains(['.', ',']) && digits.len() == 4 && (1800.0..=2100.0).contains(&value) && !text[toks[start].start..toks[e - 1].end].contains(',');
        let mut u = e;
        if let Some(m) = lex.multipliers.get(word(u)) {
            value *= m;
            u += 1;
        }
        // the unit: a currency sign before it, a listed phrase of two words, a listed word,
        // or the noun itself
        let two = format!("{} {}", word(u), word(u + 1));
        let currency = (start > a).then(|| &text[toks[start - 1].start..toks[start - 1].end]).filter(|c| matches!(*c, "$" | "£" | "€"));
        let unit = if let Some(c) = currency {
            c.to_string()
        } else if let Some(x) = lex.units.get(two.as_str()) {
            x.clone()
        } else if let Some(x) = lex.units.get(word(u)) {
            x.clone()
        } else if u < b
            && toks[u].kind == TokKind::Word
            && !lex.determiners.contains(word(u))
            // ("at least 120 in that state": a preposition after a figure is no noun it counts)
            && !lex.is("role_prepositions", word(u))
            && !lex.is("setting_prepositions", word(u))
        {
            // an adjective may stand before the noun ("1,200 new jobs"): take the unit from
            // the word after it when that one is listed
            match lex.units.get(word(u + 1)) {
                Some(x) if u + 1 < b && toks[u + 1].kind == TokKind::Word => x.clone(),
                _ => word(u).trim_end_matches('s').to_string(),
            }
        } else if let Some(prev) = out.last().filter(|_| !year) {
            // "11 million crowns, of which the insurer paid 8 million": a bare figure after
            // one with a unit counts the same thing
            prev.unit.clone()
        } else {
            continue;
        };
        if unit == "time" || unit.is_empty() || (year && !lex.units.values().any(|v| *v == unit) && currency.is_none()) {
            continue;
        }
        let (approx, bound) = estimate_before(lower, scan, lex, a, start);
        // the figure as written: currency sign, digits and multiplier ("$60 million")
        let first = if currency.is_some() { start - 1 } else { start };
        out.push(Amount { hundredths: (value * 100.0).round() as u64, unit, approx, bound, span: Span::new(toks[first].start, toks[u.max(e) - 1].end) });
    }
    out
}

/// A share said in words whose last word before "of" is token `head` ("a *majority* of",
/// "two-*thirds* of"; grammar/claims.toml `[[share]]`), as a figure in percent: the longest
/// form that ends there, unless a word of `not_after` stands before it ("the second half
/// of the year"). A bound word before it bounds it as it bounds a number ("more than half
/// of"); a share with no bound of its own or before it is an estimate.
fn share_in_words(lower: &str, scan: &Scan, lex: &Lexicon, a: usize, head: usize) -> Option<Amount> {
    let toks = &scan.tokens;
    let end = toks[head + 1].end;
    // (the forms are of up to four words, "of" included)
    let (start, &(hundredths, own)) = (head.saturating_sub(3).max(a)..=head).find_map(|s| lex.shares.get(&lower[toks[s].start..end]).map(|v| (s, v)))?;
    if start > a && lex.share_blockers.contains(&lower[toks[start - 1].start..toks[start - 1].end]) {
        return None;
    }
    let (approx, before) = estimate_before(lower, scan, lex, a, start);
    let bound = own.map(|lower| if lower { Bound::Lower } else { Bound::Upper }).or(before);
    Some(Amount { hundredths, unit: "percent".to_string(), approx: approx || bound.is_none(), bound, span: Span::new(toks[start].start, toks[head].end) })
}

/// What the one or two words right before token `start` (not before `a`) say of the figure
/// there: whether they make it an estimate (grammar/claims.toml `[[approximation]]`, "about",
/// "more than"), and the bound they set (`[[bound]]`: "more than" a lower one, "up to" an
/// upper one).
fn estimate_before(lower: &str, scan: &Scan, lex: &Lexicon, a: usize, start: usize) -> (bool, Option<Bound>) {
    let toks = &scan.tokens;
    let word = |i: usize| &lower[toks[i].start..toks[i].end];
    let before1 = if start > a { word(start - 1) } else { "" };
    let before2 = if start > a + 1 { format!("{} {}", word(start - 2), before1) } else { String::new() };
    let approx = lex.approximations.contains(before1) || lex.approximations.contains(before2.as_str());
    let bound = lex.bounds.get(before2.as_str()).or_else(|| lex.bounds.get(before1)).map(|&lower| if lower { Bound::Lower } else { Bound::Upper });
    (approx, bound)
}

/// How far (in tokens) a negation or a modal may stand before the word it bears on.
const NEG_REACH: usize = 4;
const MODAL_REACH: usize = 5;

/// The frame of a clause given as a token range.
///
/// Scope is local, because a clause often holds more than one predicate: a negation bears on
/// the predicate (or the result-state word) at most [`NEG_REACH`] tokens after it, or on the
/// clause embedded by a negated "mean"/"signal" ("doesn't mean the talks resumed"); a modal
/// bears on what follows it within [`MODAL_REACH`] tokens. Conditionals and question marks
/// bear on the whole clause.
fn frame(text: &str, lower: &str, scan: &Scan, lex: &Lexicon, settings: &SettingSpans, a: usize, b: usize) -> Claim {
    frame_in(text, lower, scan, lex, settings, a, b, &mut FrameScratch::default())
}

/// The word positions [`frame_in`] collects for one clause, kept from one clause to the next
/// (cleared, not freed): a document has thousands of clauses, and each used to allocate them
/// anew.
#[derive(Default)]
struct FrameScratch {
    negs: Vec<usize>,
    modals: Vec<(usize, Modality)>,
    aspects: Vec<(usize, Aspect)>,
    lights: Vec<usize>,
    embeds: Vec<usize>,
    pasts: Vec<usize>,
    preds: Vec<(usize, crate::lexicon::Predicate)>,
    stance_at: Vec<usize>,
    opposed: Vec<(usize, u16, bool)>,
    targets: Vec<usize>,
}

/// [`frame`], with the scratch lists of `scratch`.
#[allow(clippy::too_many_arguments)]
fn frame_in(text: &str, lower: &str, scan: &Scan, lex: &Lexicon, settings: &SettingSpans, a: usize, b: usize, scratch: &mut FrameScratch) -> Claim {
    let toks = &scan.tokens;
    let FrameScratch { negs, modals, aspects, lights, embeds, pasts, preds, stance_at, opposed, targets } = scratch;
    for v in [&mut *negs, &mut *lights, &mut *embeds, &mut *pasts, &mut *stance_at, &mut *targets] {
        v.clear();
    }
    modals.clear();
    aspects.clear();
    preds.clear();
    opposed.clear();
    let mut clause_modality = Modality::Asserted;
    let mut exception = false;
    let mut certain = false;
    let mut stance = None;
    // (`stance_at`: a stance verb makes a noun an event too, "confirmed layoffs")
    let mut anaphoric = false;
    // where a subordinate clause starts ("until the federation lifts ..."), if it does
    let mut sub_at: Option<usize> = None;
    // where a denial noun stands ("the myth that ..."), if one does
    let mut denied_at: Option<usize> = None;
    // word positions only: punctuation and marks do not count towards reach
    let mut pos = 0usize;
    // the word before, by its lexicon id (see `Scan::words`)
    let mut prev_word: Option<WordId> = None;
    let mut k = a;
    // the ids of the next (up to) five words, for the phrase tables
    let mut ids = [NO_WORD; 5];
    while k < b {
        if toks[k].kind != TokKind::Word {
            k += 1;
            continue;
        }
        // (the words after it only when some phrase of either table starts with the word:
        // most words start none, and then neither table finds anything)
        ids[0] = scan.words[k];
        let mut n = 1;
        if lex.frame_words.starts_with_id(ids[0]) || lex.predicates.starts_with_id(ids[0]) {
            let mut j = k + 1;
            while j < b && n < 5 && toks[j].kind == TokKind::Word {
                ids[n] = scan.words[j];
                n += 1;
                j += 1;
            }
        }
        let ids = &ids[..n];
        let (id, w) = (ids[0], &lower[toks[k].start..toks[k].end]);
        let mut phrase = lex.frame_words.longest_ids(ids);
        // "its plan to build", "the aim to cut": after a determiner the word is a noun, not
        // the modal phrase ("plans to build")
        if prev_word.is_some_and(|d| lex.word_has(d, WordClass::Determiner))
            && phrase.is_some_and(|(n, v)| n > 1 && v.iter().all(|f| matches!(f, FrameWord::Modality(_))))
        {
            phrase = None;
        }
        if lex.has_negation_suffix(w) && phrase.is_none_or(|(n, _)| n == 1) {
            negs.push(pos);
        }
        // a multiword frame phrase ("plans to", "expected to") or a modal is not a predicate
        let frame_phrase = phrase.is_some_and(|(n, v)| n > 1 || v.iter().any(|f| matches!(f, FrameWord::Modality(_))));
        // a capitalised word inside the sentence is part of a name ("the Ministry of Trade")
        let in_name = k > a && scan.caps[k];
        if !frame_phrase && !in_name {
            if let Some((_, p)) = lex.predicates.longest_ids(ids) {
                let mut p = *p;
                // "a rise in", "the cut", "last fall": a verb form after a determiner is a noun
                let after_determiner = prev_word.is_some_and(|d| lex.word_has(d, WordClass::Determiner) || lex.word_has(d, WordClass::NounMarker));
                if p.verb && after_determiner {
                    p.verb = false;
                }
                // "all paid speeches", "the proposed cuts": a participle between a determiner
                // or quantifier and the next word describes that word; it is no event of the
                // clause (read as one, "halted all paid speeches" was payment halted)
                let participle = w.ends_with("ed") || w.ends_with("aid") || w.ends_with("en");
                let describes = participle
                    && (after_determiner || prev_word.is_some_and(|d| lex.word_has(d, WordClass::Quantifiers)))
                    && toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Word && t.start == toks[k].end + 1);

                // "cut 400 jobs": an idiom gives the verb another class
                if let Some(list) = lex.word_has(id, WordClass::Idiom).then(|| lex.idioms.get(w)).flatten() {
                    let ahead: Vec<&str> = toks[k + 1..b].iter().filter(|t| t.kind == TokKind::Word).take(3).map(|t| &lower[t.start..t.end]).collect();
                    if let Some((_, c)) = list.iter().find(|(objs, _)| ahead.iter().any(|a| objs.contains(*a))) {
                        p.class = *c;
                    }
                }
                if !describes {
                    preds.push((pos, p));
                }
            }
        }
        // (not inside a name or a title: "How Societies Choose to Fail or Succeed")
        if let Some(&(pair, side)) = (!in_name && lex.word_has(id, WordClass::Opposition)).then(|| lex.opposition.get(w)).flatten() {
            opposed.push((pos, pair, side));
        }
        // an inverted condition puts its subject right after the verb ("Had *the* vote
        // passed", "Were *it* not"); "were well paid" is a verb phrase that lost its subject
        // (the second part of a report split by its cue) and asserts
        if pos == 0 && lex.word_has(id, WordClass::InitialConditional) && inverted_subject_follows(lex, scan, k + 1, b) {
            clause_modality = Modality::Conditional;
        }
        let step = match phrase {
            Some((n, fws)) => {
                for fw in fws {
                    match *fw {
                        FrameWord::Negation => negs.push(pos),
                        FrameWord::Modality(m @ (Modality::Conditional | Modality::Hypothetical | Modality::Question)) => {
                            if rank(m) > rank(clause_modality) {
                                clause_modality = m;
                            }
                        }
                        FrameWord::Modality(m) => modals.push((pos, m)),
                        FrameWord::Certainty => certain = true,
                        FrameWord::Aspect(x) => aspects.push((pos, x)),
                        FrameWord::Exception => exception = true,
                        FrameWord::Anaphoric => anaphoric = true,
                        FrameWord::Stance(x) => {
                            stance = Some(x);
                            stance_at.push(pos);
                        }
                        FrameWord::LightVerb => lights.push(pos),
                        // a subordinate clause once the main clause has its predicate or state
                        FrameWord::Subordinate => {
                            if sub_at.is_none() && (!aspects.is_empty() || !preds.is_empty()) {
                                sub_at = Some(pos);
                            }
                        }
                        FrameWord::Embedding => embeds.push(pos),
                        FrameWord::Denial => denied_at = denied_at.or(Some(pos)),
                        FrameWord::Past => pasts.push(pos),
                    }
                }
                n
            }
            None => 1,
        };
        prev_word = Some(id);
        // advance `step` words
        let mut taken = 0;
        while k < b && taken < step {
            if toks[k].kind == TokKind::Word {
                taken += 1;
                pos += 1;
            }
            k += 1;
        }
    }
    // what a subordinate clause says is not the claim's own state or event
    if let Some(cut) = sub_at {
        aspects.retain(|&(p, _)| p < cut);
        preds.retain(|&(p, _)| p < cut);
        opposed.retain(|&(p, _, _)| p < cut);
    }
    // the predicate: the first verb, or a noun that a result-state word or a light verb
    // makes an event, whichever comes first
    // (a result-state word may follow its noun at some distance: "talks with the union stay
    // suspended")
    // (how far a result-state word may stand from the predicate it is the state of)
    let state_of = |x: usize, p: usize| (x <= p && p - x <= 3) || (x > p && x - p <= 5);
    let licensed = |p: usize| {
        aspects.iter().any(|&(x, _)| state_of(x, p)) || lights.iter().chain(stance_at.iter()).any(|&l| (l < p && p - l <= 4) || (l > p && l - p <= 2))
    };
    let pred = preds.iter().find(|(p, x)| x.verb || licensed(*p)).copied();
    // a result-state word far from the predicate is about something else in the clause
    // ("the only way to *stop* the bill from passing the committee and *winning* the floor
    // vote": the winning is not stopped); with a predicate, the aspect is that of the words
    // near it (the reach that lets a result-state word make a noun an event)
    if let Some((p, _)) = pred {
        aspects.retain(|&(x, _)| state_of(x, p));
    }
    let aspect = if aspects.iter().any(|a| a.1 == Aspect::Resumption) {
        Aspect::Resumption
    } else if aspects.iter().any(|a| a.1 == Aspect::Cessation) {
        Aspect::Cessation
    } else if aspects.iter().any(|a| a.1 == Aspect::Continues) {
        Aspect::Continues
    } else {
        Aspect::None
    };
    // the words the negations and modals may bear on
    targets.extend(aspects.iter().map(|a| a.0));
    if let Some((p, _)) = pred {
        targets.push(p);
    }
    // the words of an opposition pair take negation, modality and tense like a predicate
    targets.extend(opposed.iter().map(|&(p, _, _)| p));
    let bears = |n: usize, reach: usize| targets.iter().any(|&t| n < t && (t - n <= reach || embeds.iter().any(|&e| n < e && e < t && e - n <= 3)));
    let negations = if targets.is_empty() { negs.len() } else { negs.iter().filter(|&&n| bears(n, NEG_REACH)).count() };
    // "the myth that the board does not know": the clause after a denial noun is called false
    let negations = negations + denied_at.is_some_and(|d| targets.iter().any(|&t| t > d)) as usize;
    let mut modality = Modality::Asserted;
    for &(m, v) in modals.iter() {
        if (targets.is_empty() || bears(m, MODAL_REACH)) && rank(v) > rank(modality) {
            modality = v;
        }
    }
    if rank(clause_modality) > rank(modality) {
        modality = clause_modality;
    }
    // a question mark at the end of the clause
    let mut e = b;
    while e > a && matches!(toks[e - 1].kind, TokKind::Mark(_)) {
        e -= 1;
    }
    if e > a && toks[e - 1].kind == TokKind::Punct('?') {
        modality = Modality::Question;
    }
    let time = if matches!(modality, Modality::Expected | Modality::Intended) {
        Time::Future
    } else if aspect == Aspect::Continues {
        Time::Present
    } else if targets.iter().any(|&t| pasts.iter().any(|&p| p <= t && t - p <= 3)) || (targets.is_empty() && !pasts.is_empty()) {
        Time::Past
    } else {
        // a regular past form with nothing present-tense before it ("suspended the talks",
        // but not "has suspended", "are suspended", "stay suspended")
        let word_at = |wp: usize| nth_word(lower, scan, a, b, wp);
        let past_form = targets
            .iter()
            .any(|&t| word_at(t).is_some_and(|w| w.ends_with("ed")) && !(t > 0 && word_at(t - 1).is_some_and(|w| lex.present_auxiliaries.contains(w))));
        if past_form {
            Time::Past
        } else {
            Time::Present
        }
    };
    let span = trim_clause_marks(text, Span::new(toks[a].start, toks[b - 1].end));
    let (predicate, class) = match pred.and_then(|(p, x)| nth_word(lower, scan, a, b, p).map(|w| (w, x))) {
        Some((w, x)) => (w.to_string(), Some(x.class)),
        None => (if anaphoric { "that".to_string() } else { String::new() }, None),
    };
    Claim {
        speaker: None,
        quote: None,
        span,
        predicate,
        class,
        polarity: if negations % 2 == 1 { Polarity::Negative } else { Polarity::Positive },
        modality,
        aspect,
        time,
        participants: Vec::new(),
        exception,
        certain,
        stance,
        settings: lex.setting_bits_in(settings, text, span),
        amounts: amounts(text, lower, scan, lex, a, b),
        opposed: opposed.iter().map(|&(_, pair, side)| (pair, side)).collect(),
    }
}

/// Whether the word at or after token `k` (before `b`) can be the subject of an inverted
/// condition: a pronoun, a determiner or a name.
fn inverted_subject_follows(lex: &Lexicon, scan: &Scan, k: usize, b: usize) -> bool {
    let Some(i) = (k..b).find(|&i| scan.tokens[i].kind == TokKind::Word) else { return false };
    let id = scan.words[i];
    scan.caps[i] || lex.word_has(id, WordClass::Pronoun) || lex.word_has(id, WordClass::Determiner) || lex.word_has(id, WordClass::SubjectPronouns)
}

/// Trims a clause of edge punctuation and of quotation marks left over from the quotation
/// around it, keeping marks that pair up inside ("such contact “ordinary courtesy”").
fn trim_clause_marks(text: &str, span: Span) -> Span {
    let edge = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':');
    let mut s = span.trim_matches(text, edge);
    let opening = |c: char| matches!(c, '“' | '‘' | '„' | '«');
    let closing = |c: char| matches!(c, '”' | '’' | '»');
    loop {
        let t = s.slice(text);
        let (Some(first), Some(last)) = (t.chars().next(), t.chars().next_back()) else { break };
        let (opens, closes) = count_marks(t, opening, closing);
        let cut_front = closing(first) || first == '"' && t.matches('"').count() % 2 == 1 || (opening(first) && closes == 0);
        let cut_back = opening(last) || (closing(last) && opens == 0) || (last == '"' && t.matches('"').count() % 2 == 1);
        if cut_front {
            s = Span::new(s.start + first.len_utf8(), s.end).trim_matches(text, edge);
        } else if cut_back {
            s = Span::new(s.start, s.end - last.len_utf8()).trim_matches(text, edge);
        } else {
            break;
        }
        if s.is_empty() {
            break;
        }
    }
    s
}

/// How many characters of `t` are `opening` and how many `closing` marks. The marks are
/// non-ASCII characters whose UTF-8 starts with 0xE2 (“ ” ‘ ’ „) or 0xC2 (« »): only the
/// characters at those bytes (memchr) are decoded, not every character of the clause.
fn count_marks(t: &str, opening: impl Fn(char) -> bool, closing: impl Fn(char) -> bool) -> (usize, usize) {
    let (mut opens, mut closes) = (0, 0);
    // a lead byte (0b11xxxxxx) always starts a character
    for p in memchr::memchr2_iter(0xE2, 0xC2, t.as_bytes()) {
        let c = t[p..].chars().next().unwrap_or_default();
        opens += usize::from(opening(c));
        closes += usize::from(closing(c));
    }
    (opens, closes)
}

/// The `n`th word (0-based) of the clause `a..b`, lowercase.
fn nth_word<'a>(lower: &'a str, scan: &Scan, a: usize, b: usize, n: usize) -> Option<&'a str> {
    scan.tokens[a..b].iter().filter(|t| t.kind == TokKind::Word).nth(n).map(|t| &lower[t.start..t.end])
}

/// Which modality wins when a clause has several: the least committed one.
fn rank(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Expected => 1,
        Modality::Intended => 2,
        Modality::Possible => 3,
        Modality::Hypothetical => 4,
        Modality::Conditional => 5,
        Modality::Question => 6,
    }
}

/// Splits `a..b` into clauses: at the sentence ends the scanner found (`ends`, so an
/// abbreviation's period is not one), semicolons, and ", but".
fn clauses(lower: &str, scan: &Scan, lex: &Lexicon, ends: &[bool], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    clauses_into(&mut out, lower, scan, lex, ends, a, b);
    out
}

/// [`clauses`], into `out` (emptied first): [`build`] splits every quotation segment and
/// every stretch of narrative, most into one to three clauses, and a new list for each cost
/// more than splitting it (one list is reused instead).
fn clauses_into(out: &mut Vec<(usize, usize)>, lower: &str, scan: &Scan, lex: &Lexicon, ends: &[bool], a: usize, b: usize) {
    let toks = &scan.tokens;
    let word = |i: usize| if i < b && toks[i].kind == TokKind::Word { &lower[toks[i].start..toks[i].end] } else { "" };
    out.clear();
    let mut start = a;
    let mut k = a;
    while k < b {
        let cut_after = match toks[k].kind {
            TokKind::Punct(';') => true,
            TokKind::Punct('.') | TokKind::Punct('?') | TokKind::Punct('!') => ends[k],
            // ", but ...", and ", and we ..." / ", while the board ...": a conjunction and a
            // subject of its own start another clause, with its own frame
            TokKind::Punct(',') => {
                let next = word(k + 1);
                let subject = |w: &str| lex.is("subject_pronouns", w) || w == "it" || lex.determiners.contains(w);
                next == "but" || (lex.clause_breaks_after_comma.contains(next) && subject(word(k + 2)))
            }
            _ => false,
        };
        if cut_after {
            if start <= k {
                out.push((start, k + 1));
            }
            start = k + 1;
        }
        k += 1;
    }
    if start < b {
        out.push((start, b));
    }
    out.retain(|&(x, y)| (x..y).any(|i| toks[i].kind == TokKind::Word));
}

/// Builds every claim of the document.
pub fn build(text: &str, lower: &str, scan: &Scan, lex: &Lexicon, quotes: &[Quote], entities: &[Entity]) -> Vec<Claim> {
    let toks = &scan.tokens;
    let tok_at = |b: usize| toks.partition_point(|t| t.start < b);
    let index = mention_index(entities);
    let settings = lex.setting_spans_lowered(text, lower);
    let titled = title_heads(entities);
    let mut claims = Vec::new();
    let mut scratch = FrameScratch::default();
    // the clauses of the segment or stretch at hand ([`clauses_into`])
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // the sentence-final punctuation tokens, top-level and inside quotations
    let ends = sentence_ends(scan);
    // covered[i]: token i belongs to some quotation or reported clause
    let mut covered = vec![false; toks.len()];
    for (qi, q) in quotes.iter().enumerate() {
        // a report that names no one ("the plan is expected to pass") is the reporter's own
        // hedged statement: it stays in the narrative
        if q.parent.is_some() || q.kind == QuoteKind::Scare || (q.speaker.is_none() && q.cue.is_some()) {
            continue;
        }
        let segs: Vec<Span> = if q.segments.is_empty() { vec![q.content] } else { q.segments.clone() };
        for s in &segs {
            let (a, b) = (tok_at(s.start), tok_at(s.end));
            for c in &mut covered[a..b.min(toks.len())] {
                *c = true;
            }
        }
        if let Some(c) = q.cue {
            let i = tok_at(c.start);
            if i < covered.len() {
                covered[i] = true;
            }
        }
        let Some(sp) = &q.speaker else { continue };
        let stance_from_cue = q.cue.and_then(|c| {
            let (_, v) = lex.frame_words.longest(&[&lower[c.start..c.end]])?;
            v.iter().find_map(|f| match f {
                FrameWord::Stance(s) => Some(*s),
                _ => None,
            })
        });
        // "refused to sign", "declined to comment": an implicative cue negates what it reports
        let negating_cue = q.cue.is_some_and(|c| {
            let w = &lower[c.start..c.end];
            lex.frame_words.longest(&[w, "to"]).is_some_and(|(n, v)| n == 2 && v.iter().any(|f| matches!(f, FrameWord::Negation)))
        });
        // the claim before, by index into `claims` (not a copy of it)
        let mut prev: Option<usize> = None;
        for s in &segs {
            let (a, b) = (tok_at(s.start), tok_at(s.end));
            clauses_into(&mut spans, lower, scan, lex, &ends, a, b.min(toks.len()));
            for &(x, y) in &spans {
                let mut c = frame_in(text, lower, scan, lex, &settings, x, y, &mut scratch);
                if c.span.is_empty() {
                    continue;
                }
                c.speaker = Some(sp.entity);
                c.quote = Some(qi);
                if negating_cue {
                    c.polarity = flip(c.polarity);
                }
                // "confirmed the sale": a report that is only a noun phrase takes its time from
                // the cue, and so does an infinitive ("declined to endorse her")
                let infinitive = lower[c.span.start..].starts_with("to ");
                let tenseless = infinitive || (c.class.is_none() && c.aspect == Aspect::None && c.opposed.is_empty());
                if q.kind == QuoteKind::Indirect && tenseless && c.time == Time::Present {
                    if let Some(cw) = q.cue.map(|cs| &lower[cs.start..cs.end]) {
                        if lex.is_past_cue(cw) {
                            c.time = Time::Past;
                        }
                    }
                }
                // "rejected that view", "endorsed the levy": a report that is only a noun
                // phrase is the object of its cue, which is then the predicate
                // (no auxiliary or copula in it: "agreed that the hours were long" is a clause)
                // (at most eight words, none an auxiliary: the words are not collected, and
                // the ninth settles it)
                let phrase_only = lower[c.span.start..c.span.end].split_whitespace().enumerate().all(|(n, w)| n < 8 && !lex.auxiliaries.contains(w));
                if q.kind == QuoteKind::Indirect && phrase_only && c.class.is_none() && c.predicate.is_empty() {
                    if let Some(cs) = q.cue {
                        let cw = &lower[cs.start..cs.end];
                        if let Some((1, p)) = lex.predicates.longest(&[cw]) {
                            if p.verb {
                                c.class = Some(p.class);
                                c.predicate = cw.to_string();
                            }
                        }
                    }
                }
                // "praised the new rules": the cue itself takes a side of an opposition
                if let Some(cw) = q.cue.map(|cs| &lower[cs.start..cs.end]) {
                    if let Some(&(pair, side)) = lex.opposition.get(cw) {
                        if !c.opposed.contains(&(pair, side)) {
                            c.opposed.push((pair, side));
                        }
                    }
                }
                if c.stance.is_none() {
                    c.stance = stance_from_cue;
                    if stance_from_cue == Some(Stance::Deny) {
                        c.polarity = flip(c.polarity);
                    }
                } else if c.stance == Some(Stance::Deny) {
                    // "We deny that layoffs are planned" asserts that they are not
                    c.polarity = flip(c.polarity);
                }
                inherit(&mut c, prev.map(|p| &claims[p]));
                c.participants = participants(&index, c.span);
                add_implicit_participants(&mut c, lower, scan, lex, &titled, Some(sp.entity));
                if c.class.is_some() {
                    prev = Some(claims.len());
                }
                claims.push(c);
            }
        }
    }
    // the reporter's own sentences: what no quotation or reported clause covers, leaving out
    // the headline and datelines
    for s in &scan.sentences {
        if scan.headline == Some(s.paragraph) {
            continue;
        }
        let mut a = s.first_token;
        if let Some(d) = scan.datelines[s.paragraph] {
            if d >= a && d < s.end_token {
                a = d + 1;
            }
        }
        while a < s.end_token {
            while a < s.end_token && covered[a] {
                a += 1;
            }
            let mut b = a;
            while b < s.end_token && !covered[b] {
                b += 1;
            }
            if b > a {
                let mut prev: Option<usize> = None;
                clauses_into(&mut spans, lower, scan, lex, &ends, a, b);
                for &(x, y) in &spans {
                    let words = (x..y).filter(|&i| toks[i].kind == TokKind::Word).count();
                    if words < 3 {
                        continue;
                    }
                    let mut c = frame_in(text, lower, scan, lex, &settings, x, y, &mut scratch);
                    if c.class.is_none() && c.aspect == Aspect::None && c.amounts.is_empty() && c.opposed.is_empty() {
                        continue;
                    }
                    inherit(&mut c, prev.map(|p| &claims[p]));
                    c.participants = participants(&index, c.span);
                    add_implicit_participants(&mut c, lower, scan, lex, &titled, None);
                    prev = Some(claims.len());
                    claims.push(c);
                }
            }
            a = b;
        }
    }
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    claims
}

/// For every token, whether it is the final punctuation of a sentence the scanner found,
/// top-level or inside a quotation (so an abbreviation's period is not one).
fn sentence_ends(scan: &Scan) -> Vec<bool> {
    let toks = &scan.tokens;
    let mut ends = vec![false; toks.len()];
    for s in &scan.sentences {
        if let Some(k) = (s.first_token..s.end_token).rev().find(|&k| matches!(toks[k].kind, TokKind::Punct('.' | '?' | '!'))) {
            ends[k] = true;
        }
    }
    for &k in &scan.inner_boundaries {
        ends[k] = true;
    }
    ends
}

/// The frame of every clause of `text`, as the writer's own claims (for tests and for
/// exploring the lexicons).
pub fn clause_frames(text: &str) -> Vec<Claim> {
    let lex = Lexicon::builtin();
    let scan = crate::scan::scan(text, lex);
    let lower = text.to_ascii_lowercase();
    let ends = sentence_ends(&scan);
    let settings = lex.setting_spans(text);
    let mut out = Vec::new();
    for s in &scan.sentences {
        let mut prev: Option<Claim> = None;
        for (x, y) in clauses(&lower, &scan, lex, &ends, s.first_token, s.end_token) {
            let mut c = frame(text, &lower, &scan, lex, &settings, x, y);
            inherit(&mut c, prev.as_ref());
            if c.class.is_some() {
                prev = Some(c.clone());
            }
            out.push(c);
        }
    }
    out
}

fn flip(p: Polarity) -> Polarity {
    match p {
        Polarity::Positive => Polarity::Negative,
        Polarity::Negative => Polarity::Positive,
    }
}

/// "Of course that would happen": an anaphoric predicate takes the topic of the clause before.
fn inherit(c: &mut Claim, prev: Option<&Claim>) {
    if c.class.is_some() || c.predicate != "that" {
        return;
    }
    if let Some(p) = prev {
        if p.class.is_some() {
            c.class = p.class;
            c.predicate = p.predicate.clone();
            c.exception |= p.exception;
            if c.participants.is_empty() {
                c.participants = p.participants.clone();
            }
        }
    }
}

/// Every entity mention of the document, sorted by position, for [`participants`].
fn mention_index(entities: &[Entity]) -> Vec<(Span, usize)> {
    let mut v: Vec<(Span, usize)> = entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i))).collect();
    v.sort();
    v
}

/// The last word of each person's titles ("transport minister" -> "minister"), for the one
/// person who holds it; a head two people share names neither.
fn title_heads(entities: &[Entity]) -> HashMap<String, usize> {
    let mut seen: HashMap<String, Option<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != crate::model::EntityKind::Person {
            continue;
        }
        for t in &e.titles {
            if let Some(h) = t.split_whitespace().last() {
                let h = h.to_lowercase();
                let slot = seen.entry(h).or_insert(Some(i));
                if *slot != Some(i) {
                    *slot = None;
                }
            }
        }
    }
    seen.into_iter().filter_map(|(h, e)| e.map(|e| (h, e))).collect()
}

/// Participants a claim names without a recorded mention: "I", "me", "my" in a quotation
/// are its speaker, and "the minister" the one person whose title ends in that word.
/// ("we" is left out: an organisation's people say "we" of everything they do, so it tells
/// nothing about what two claims are about.)
fn add_implicit_participants(c: &mut Claim, lower: &str, scan: &Scan, lex: &Lexicon, titled: &HashMap<String, usize>, speaker: Option<usize>) {
    let toks = &scan.tokens;
    let (a, b) = (toks.partition_point(|t| t.start < c.span.start), toks.partition_point(|t| t.start < c.span.end));
    let mut prev = "";
    let mut prev_id = NO_WORD;
    for (t, &id) in toks[a..b].iter().zip(&scan.words[a..b]) {
        if t.kind != TokKind::Word {
            continue;
        }
        let w = &lower[t.start..t.end];
        let who = match (w, speaker) {
            ("i" | "me" | "my" | "myself", Some(s)) => Some(s),
            _ if lex.word_has(prev_id, WordClass::Determiner) || prev == "the" => titled.get(w).copied(),
            _ => None,
        };
        if let Some(e) = who {
            if !c.participants.contains(&e) {
                c.participants.push(e);
            }
        }
        prev = w;
        prev_id = id;
    }
    c.participants.sort_unstable();
}

/// Entities with a mention inside the span (binary search in the sorted mention index).
fn participants(index: &[(Span, usize)], span: Span) -> Vec<usize> {
    let from = index.partition_point(|(m, _)| m.start < span.start);
    let mut out: Vec<usize> = index[from..].iter().take_while(|(m, _)| m.start < span.end).filter(|(m, _)| span.contains(*m)).map(|(_, e)| *e).collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame_of(s: &str) -> Claim {
        let lex = Lexicon::builtin();
        let scan = crate::scan::scan(s, lex);
        let lower = s.to_ascii_lowercase();
        frame(s, &lower, &scan, lex, &lex.setting_spans(s), 0, scan.tokens.len())
    }

    #[test]
    fn negation_and_modality() {
        let c = frame_of("The agency won't raise fees this year.");
        assert_eq!(c.polarity, Polarity::Negative);
        assert_eq!(c.modality, Modality::Expected);
        assert_eq!(c.predicate, "raise");
        let c = frame_of("Will the talks resume?");
        assert_eq!(c.modality, Modality::Question);
        assert_eq!(c.aspect, Aspect::Resumption);
    }

    #[test]
    fn double_negation_of_rule_out_is_possibility() {
        let c = frame_of("We won't rule out a meeting.");
        assert_eq!(c.polarity, Polarity::Positive);
        assert_eq!(c.modality, Modality::Possible);
    }

    #[test]
    fn inverted_condition_needs_its_subject() {
        // "Had the vote passed": the verb before its subject is a condition
        assert_eq!(frame_of("Had the vote passed, the depot would have closed.").modality, Modality::Conditional);
        assert_eq!(frame_of("Were it not for the grant, the pool would shut.").modality, Modality::Conditional);
        // the second part of a report split by its cue starts with its verb and asserts
        // ("The guards, the warden said, were well paid")
        assert_eq!(frame_of("were well paid for the night shifts.").modality, Modality::Asserted);
        assert_eq!(frame_of("had been hard to find all winter.").modality, Modality::Asserted);
    }

    #[test]
    fn suspension_state() {
        let c = frame_of("The suspension of direct talks stays in place.");
        assert_eq!(c.aspect, Aspect::Cessation);
        assert_eq!(c.polarity, Polarity::Positive);
    }
}
