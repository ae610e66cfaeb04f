//! Two figures for the same thing at the same time.
//!
//! When one statement puts a number on something ("1,200 jobs", "58 percent") and another
//! puts a different number on the same kind of thing, about the same subject and the same
//! time, a reader cannot tell which is right. Counts are compared by what they count, with
//! nouns of one kind taken together (jobs, workers and people; see `[[unit]]` in
//! grammar/claims.toml), and only when the two claims share a topic (a participant or a
//! content word) and their predicates, if any, are of one class. An estimate ("about 2,000",
//! "roughly 640") clashes only with a figure more than a tenth away from it; two exact
//! figures clash when they differ at all. Between a company and its own people it is an
//! error; between the narrative and a source a warning; between opposing parties
//! information.
//!
//! Fires:
//! ```text
//! The mining company will cut 1,200 jobs at its Tamsk pit, it said.
//!
//! “Around 900 workers at Tamsk will be laid off,” the company’s chief executive, Ola Moe, said.
//! ```
//!
//! Does not fire:
//! ```text
//! The mining company will cut 1,200 jobs at its Tamsk pit, it said.
//!
//! “About 1,150 workers at Tamsk will be laid off,” the company’s chief executive, Ola Moe,
//! said.
//! ```

use super::Doc;
use crate::claims::{Claim, Modality, Polarity};
use crate::consistency::Clash;

/// How far apart an estimate and another figure may be and still agree.
const ESTIMATE_TOLERANCE: f64 = 0.10;

fn committed(c: &Claim) -> bool {
    c.polarity == Polarity::Positive && matches!(c.modality, Modality::Asserted | Modality::Expected | Modality::Intended)
}

/// Content words of a claim other than numbers and unit words: what the figure is about.
fn about(doc: &Doc, c: &Claim) -> Vec<String> {
    c.span
        .slice(doc.text)
        .split(|ch: char| !ch.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !w.chars().any(|ch| ch.is_ascii_digit()) && !doc.lex.units.contains_key(w.as_str()))
        .filter(|w| !doc.lex.determiners.contains(w.as_str()) && !doc.lex.multipliers.contains_key(w.as_str()))
        .collect()
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim) -> Option<Clash> {
    if !committed(a) || !committed(b) || a.time != b.time {
        return None;
    }
    if a.class.is_some() && b.class.is_some() && a.class != b.class {
        return None;
    }
    // the figures of one kind on each side; any pair that agrees settles it ("11 million,
    // of which the insurer paid 8 million" agrees with "paid 8 million")
    let (x, y) = a.amounts.iter().find_map(|x| b.amounts.iter().find(|y| y.unit == x.unit).map(|y| (x, y)))?;
    let agree = |p: &crate::claims::Amount, q: &crate::claims::Amount| {
        let (u, v) = (p.value(), q.value());
        if p.approx || q.approx {
            (u - v).abs() <= ESTIMATE_TOLERANCE * u.max(v)
        } else {
            p.hundredths == q.hundredths
        }
    };
    if a.amounts.iter().any(|p| b.amounts.iter().any(|q| p.unit == q.unit && agree(p, q))) {
        return None;
    }
    // the same thing measured: a participant in common, or a content word besides the
    // figures and their units ("turnout", "exports")
    let shared = a.participants.iter().any(|p| b.participants.contains(p)) || {
        let wa = about(doc, a);
        about(doc, b).iter().any(|w| wa.contains(w))
    };
    if !shared {
        return None;
    }
    let fig = |m: &crate::claims::Amount| m.span.slice(doc.text).to_string();
    Some(Clash { first: format!("{} (figure: {})", super::quoted(doc, a), fig(x)), second: format!("{} (figure: {})", super::quoted(doc, b), fig(y)) })
}
