//! Opposite words for the same thing: “fares will rise” against “fares will fall”.
//!
//! Two committed, positive claims that use the two sides of an opposition: predicate
//! classes linked by an `opposes` entry in grammar/predicates.toml (raise/cut, hire/lay off,
//! support/oppose, win/lose), or the two words of a pair in grammar/opposition.toml (“the
//! plant is open” / “the plant is closed”: antonyms of Open English WordNet reviewed for
//! news usage, reversals such as suspend/resume, stances such as accept/reject). The claims
//! must share a topic besides those words (a content word next to the words that clash), and
//! be set at the same time. The message names the pair and where it comes from. Between the
//! article's narrative and a source an opposition pair is information only: in news copy the
//! two words nearly always describe different contests, bills or companies.
//!
//! Fires:
//! ```text
//! The transit board said fares will rise in May.
//!
//! “Fares will fall in May,” the board chair, Lena Berg, said.
//! ```
//!
//! Does not fire:
//! ```text
//! The transit board said fares will rise in May.
//!
//! “Fares will rise a little in May,” the board chair, Lena Berg, said.
//! ```

use super::Doc;
use crate::claims::{Aspect, Claim, Modality, Polarity};
use crate::consistency::{Clash, Wording};

fn committed(c: &Claim) -> bool {
    c.polarity == Polarity::Positive && matches!(c.modality, Modality::Asserted | Modality::Expected | Modality::Intended) && c.aspect == Aspect::None
}

/// The pair of grammar/opposition.toml that the two claims take opposite sides of, with the
/// word each uses.
fn opposed_pair(a: &Claim, b: &Claim) -> Option<u16> {
    a.opposed.iter().find(|(p, side)| b.opposed.iter().any(|(q, other)| q == p && other != side)).map(|(p, _)| *p)
}

/// The first word of the clause that belongs to the pair.
fn word_of(doc: &Doc, c: &Claim, pair: u16) -> String {
    // (the clause's opposition words are found once per claim: a claim meets many partners)
    let words = super::memoized(doc, &doc.memo.opposition_words, c, || {
        c.span
            .slice(doc.text)
            .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
            .map(str::to_lowercase)
            .filter_map(|w| doc.lex.opposition.get(w.as_str()).map(|&(p, _)| (p, w)))
            .collect()
    });
    words.iter().find(|(p, _)| *p == pair).map(|(_, w)| w.clone()).unwrap_or_default()
}

/// A positive, committed claim, whatever its aspect: a result state may be the pair's own
/// word ("closed"), so the aspect does not matter for the words of a pair.
fn firm(c: &Claim) -> bool {
    c.polarity == Polarity::Positive && matches!(c.modality, Modality::Asserted | Modality::Expected | Modality::Intended)
}

/// Predicate classes linked by an `opposes` entry.
fn classes_oppose(doc: &Doc, a: &Claim, b: &Claim) -> bool {
    match (a.class, b.class) {
        (Some(ca), Some(cb)) => ca != cb && doc.lex.classes_oppose(ca, cb),
        _ => false,
    }
}

/// Flags of one claim for [`may_fire`] (see [`super::Sides`]).
/// A firm claim with words of grammar/opposition.toml, on both sides.
const FIRM_WORDS: u8 = 1;
/// A committed claim ([`committed`]) whose class opposes some class on one side, a committed
/// claim with a class on the other: the classes of a pair oppose only so.
const COMMITTED_CLASSES: u8 = 2;

/// What [`may_fire`] asks of one claim (see [`super::Sides`]).
pub(super) fn sides(doc: &Doc, c: &Claim) -> super::Sides {
    let words = if firm(c) && !c.opposed.is_empty() { FIRM_WORDS } else { 0 };
    let classed = committed(c) && c.class.is_some();
    let opposing = classed && c.class.is_some_and(|k| !doc.lex.opposed_classes(k).is_empty());
    super::Sides { p: words | if opposing { COMMITTED_CLASSES } else { 0 }, q: words | if classed { COMMITTED_CLASSES } else { 0 } }
}

/// What the judge asks of the claims' own fields, before it reads their words: two firm
/// claims at one time on opposite sides of a pair, or two committed claims of opposed
/// classes (`met`, the claims' [`sides`] met, holds the flags of those the pair may be). The
/// consistency pass asks this of every pair first (see [`super::may_clash`]).
pub(super) fn may_fire(doc: &Doc, a: &Claim, b: &Claim, met: u8) -> bool {
    (met & FIRM_WORDS != 0 && a.time == b.time && opposed_pair(a, b).is_some()) || (met & COMMITTED_CLASSES != 0 && classes_oppose(doc, a, b))
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    let met = super::meet(sides(doc, a), sides(doc, b));
    if !may_fire(doc, a, b, met) {
        return None;
    }
    if let Some(pair) = opposed_pair(a, b) {
        // what both are about: a participant, or a content word next to the pair's words
        // (here the predicate noun counts: "accepted *the proposal*" / "rejected *the proposal*")
        // (the cheap conditions first: the word lists below are only needed when they hold)
        let firm_pair = firm(a) && firm(b) && a.time == b.time;
        let (wa, wb) = if firm_pair { (word_of(doc, a, pair), word_of(doc, b, pair)) } else { Default::default() };
        let topic = firm_pair && super::core_overlap(doc, a, b, &[]).0 > 0;
        // two past claims told in sequence ("was shut for fourteen months" / "reopened after
        // the repairs") say what happened in turn
        // (a word both share, "after the crash" on each side, sets them at one time)
        let sequence = |c: &Claim| -> Vec<String> {
            c.span.slice(doc.text).split(|ch: char| !ch.is_alphanumeric()).map(str::to_lowercase).filter(|w| doc.lex.sequence_words.contains(w)).collect()
        };
        let in_turn = topic && a.time == crate::claims::Time::Past && b.time == crate::claims::Time::Past && {
            let (sa, sb) = (sequence(a), sequence(b));
            sa.iter().any(|w| !sb.contains(w)) || sb.iter().any(|w| !sa.contains(w))
        };
        if firm_pair && topic && !in_turn {
            if wording == Wording::Verdict {
                return Some(Clash::unworded());
            }
            let e = &doc.lex.opposition_pairs[pair as usize];
            let source = if e.source == "oewn" { "Open English WordNet" } else { "quotecheck" };
            return Some(Clash {
                first: format!("{} ({wa})", super::quoted(doc, a)),
                second: format!("{} ({wb}; “{wa}” and “{wb}” are opposites: {} pair of grammar/opposition.toml, from {source})", super::quoted(doc, b), e.kind),
            });
        }
    }
    if !(committed(a) && committed(b) && classes_oppose(doc, a, b)) || !super::share_topic(doc, a, b) {
        return None;
    }
    if wording == Wording::Verdict {
        return Some(Clash::unworded());
    }
    Some(Clash { first: format!("{} ({})", super::quoted(doc, a), a.predicate), second: format!("{} ({})", super::quoted(doc, b), b.predicate) })
}
