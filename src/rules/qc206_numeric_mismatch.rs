//! Two figures for the same thing at the same time.
//!
//! When one statement puts a number on something ("1,200 jobs", "58 percent") and another
//! puts a different number on the same kind of thing, about the same subject and the same
//! time, a reader cannot tell which is right. A share said in words ("a majority of",
//! "two-thirds of"; `[[share]]` in grammar/claims.toml) is a figure in percent. Counts are
//! compared by what they count, with nouns of one kind taken together (jobs, workers and
//! people; see `[[unit]]` in grammar/claims.toml), and only when a content word within six
//! words of each figure is the same (what is measured: "*turnout* was 58 percent",
//! "*exports* fell 12 percent") and their predicates, if any, are of one class. An estimate ("about 2,000",
//! "roughly 640") clashes only with a figure more than a tenth away from it; two exact
//! figures clash when they differ at all. Two ranges ("between $30,000 and $60,000", "$35,000 to
//! $60,000") agree only when both bounds do; a figure inside a range agrees with it, and a
//! bound ("more than 2,000", "up to 300") with any figure on its open side. Figures that are
//! not one measurement of one thing are left alone: several of a kind in one clause (a
//! breakdown, "46 percent to 44 percent"), a figure per head ("$2,700 each") against a
//! total, the value something changed from ("from the current $7.25"), a share of a part
//! ("81 percent of dock workers") against a share of the whole, figures next to two
//! different names ("Harbor Tower Holdings", "Harbor Restaurants"). Between a company and its
//! own people it is an error; between the narrative and a source a warning when the two
//! share the words next to their figures or the name; between opposing parties information.
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
use crate::claims::{Bound, Claim, Modality, Polarity};
use crate::consistency::{Clash, Wording};

/// How far apart an estimate and another figure may be and still agree.
const ESTIMATE_TOLERANCE: f64 = 0.10;

fn committed(c: &Claim) -> bool {
    c.polarity == Polarity::Positive && matches!(c.modality, Modality::Asserted | Modality::Expected | Modality::Intended)
}

/// How many words either side of a figure say what it measures.
const NEAR: usize = 6;

/// Content words near a claim's figures, other than numbers and unit words: what the figure
/// measures ("*exports* fell 12 percent in the third *quarter*"). Words far from the figure
/// are about something else as often as not.
fn about<'d>(doc: &'d Doc, c: &Claim) -> std::borrow::Cow<'d, [String]> {
    super::memoized(doc, &doc.memo.about, c, || about_words(doc, c))
}

fn about_words(doc: &Doc, c: &Claim) -> Vec<String> {
    let text = c.span.slice(doc.text);
    // the words before the figures and the words after them, apart: a unit word is read
    // differently on either side (below)
    let (mut before_all, mut after_all) = (String::new(), String::new());
    for m in &c.amounts {
        let (s, e) = (m.span.start.saturating_sub(c.span.start), m.span.end.saturating_sub(c.span.start).min(text.len()));
        let before: Vec<&str> = text[..s].split_whitespace().rev().take(NEAR).collect();
        let after: Vec<&str> = text[e..].split_whitespace().take(NEAR).collect();
        before_all.push_str(&before.join(" "));
        before_all.push(' ');
        after_all.push_str(&after.join(" "));
        after_all.push(' ');
    }
    let lex = doc.lex;
    // a unit word after a figure says what it counts ("1,200 *jobs*", "40 percent of
    // *voters*"), which the units compare already; before a figure of another kind it is
    // who or what the figure is about ("the dismissed *staff* earned $30,000": a sum of
    // money, paid to staff). Units of time ("a year", "weeks") say when or how long, never
    // what, on either side.
    let unit_kept = |w: &str, before: bool| match lex.units.get(w) {
        Some(u) => before && u != "time" && !c.amounts.iter().any(|m| &m.unit == u),
        None => !lex.unit_words.contains(w),
    };
    let words = |t: &str, before: bool| -> Vec<String> {
        t.split(|ch: char| !ch.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| {
                let w = w.as_str();
                w.chars().count() >= 4
                    && !w.chars().any(|ch| ch.is_ascii_digit())
                    && unit_kept(w, before)
                    && !lex.determiners.contains(w)
                    && !lex.multipliers.contains_key(w)
                    && !lex.auxiliaries.contains(w)
                    && !lex.approximations.contains(w)
                    && !lex.clause_breaks_after_comma.contains(w)
                    && !lex.participle_breaks.contains(w)
            })
            .collect()
    };
    let mut out = words(&before_all, true);
    out.extend(words(&after_all, false));
    out
}

/// The words right after each figure, up to the end of its phrase (a comma or a period):
/// what the figure is a share or count of ("58 percent *of top executives*").
fn complement<'d>(doc: &'d Doc, c: &Claim) -> std::borrow::Cow<'d, [String]> {
    super::memoized(doc, &doc.memo.complement, c, || complement_words(doc, c))
}

fn complement_words(doc: &Doc, c: &Claim) -> Vec<String> {
    let text = c.span.slice(doc.text);
    let mut out = Vec::new();
    for m in &c.amounts {
        let e = m.span.end.saturating_sub(c.span.start).min(text.len());
        let rest = &text[e..];
        let phrase = rest.split([',', '.', ';', ':', '(', '—', '–']).next().unwrap_or("");
        let words: Vec<String> = phrase
            .split(|ch: char| !ch.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| w.chars().count() >= 4)
            .filter(|w| {
                let lex = doc.lex;
                !lex.units.contains_key(w.as_str())
                    && !lex.unit_words.contains(w.as_str())
                    && !lex.auxiliaries.contains(w.as_str())
                    && !lex.determiners.contains(w.as_str())
                    && !lex.multipliers.contains_key(w.as_str())
            })
            .take(3)
            .collect();
        out.extend(words);
    }
    out
}

/// The head noun of "of ..." right after a share ("41 percent *of both the private and
/// federal workforces*", "25 percent of top *executives* in the private sector"): the phrase
/// ends at its first preposition, and its last word is what the share is of.
fn share_of<'d>(doc: &'d Doc, c: &Claim) -> std::borrow::Cow<'d, [String]> {
    super::memoized(doc, &doc.memo.share_of, c, || share_of_words(doc, c))
}

fn share_of_words(doc: &Doc, c: &Claim) -> Vec<String> {
    let text = c.span.slice(doc.text);
    let mut out = Vec::new();
    for m in &c.amounts {
        let e = m.span.end.saturating_sub(c.span.start).min(text.len());
        let rest = &text[e..];
        let phrase = rest.split([',', '.', ';', ':', '(', '—', '–']).next().unwrap_or("");
        let words: Vec<String> = phrase.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        // "percent of", "% of": the unit may or may not be part of the figure's span
        let of = words.iter().take(2).position(|w| w == "of");
        let Some(of) = of else { continue };
        let tail = &words[of + 1..];
        let end = tail.iter().position(|w| doc.lex.is("role_prepositions", w) || doc.lex.clause_breaks_after_comma.contains(w.as_str())).unwrap_or(tail.len());
        if let Some(head) = tail[..end].iter().rev().find(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic)) {
            out.push(head.trim_end_matches('s').to_string());
        }
    }
    out
}

/// Capitalised words near a claim's figures ("*Wisconsin*", "*Tamsk*"): the place or body
/// the figure is about.
fn names_near<'d>(doc: &'d Doc, c: &Claim) -> std::borrow::Cow<'d, [String]> {
    super::memoized(doc, &doc.memo.names_near, c, || names_near_words(doc, c))
}

fn names_near_words(doc: &Doc, c: &Claim) -> Vec<String> {
    let text = c.span.slice(doc.text);
    let mut out = Vec::new();
    for m in &c.amounts {
        let (s, e) = (m.span.start.saturating_sub(c.span.start), m.span.end.saturating_sub(c.span.start).min(text.len()));
        let words: Vec<&str> = text[..s].split_whitespace().collect();
        // a capital opening the clause or a sentence is no name
        let opening = |i: usize| i == 0 || words[i - 1].ends_with(['.', '!', '?', '“', '"', ':']);
        let from = words.len().saturating_sub(NEAR + 2);
        let before = (from..words.len()).map(|i| (words[i], opening(i)));
        let after = text[e..].split_whitespace().take(NEAR + 2).map(|w| (w, false));
        // a name is the whole run of capitalised words ("Harbor Tower Holdings" and "Harbor
        // Restaurants" are two payees, though both say "Harbor"); a capital that opens the
        // sentence belongs to a name only when the word after it has one too
        let seq: Vec<(&str, bool)> = before.chain(after).collect();
        let bare = |w: &str| -> String {
            let b = w.trim_matches(|ch: char| !ch.is_alphanumeric());
            b.strip_suffix("’s").or_else(|| b.strip_suffix("'s")).unwrap_or(b).to_string()
        };
        // (a month or a weekday says when, not what: grammar/claims.toml `[[calendar]]`)
        let capital = |w: &str| {
            let b = bare(w);
            b.chars().next().is_some_and(char::is_uppercase) && b.chars().count() > 1 && !doc.lex.calendar.contains(b.to_lowercase().trim_end_matches('.'))
        };
        let mut run: Vec<String> = Vec::new();
        let mut flush = |run: &mut Vec<String>| {
            if !run.is_empty() {
                out.push(run.join(" "));
                run.clear();
            }
        };
        for (i, &(w, opens)) in seq.iter().enumerate() {
            let next_capital = seq.get(i + 1).is_some_and(|&(x, o)| !o && capital(x)) && !w.ends_with([',', ';', ':', '.', ')']);
            if capital(w) && (!opens || next_capital) {
                run.push(bare(w).to_lowercase());
                // a run ends at punctuation after the word ("Ulfsby, Mora")
                if w.ends_with([',', ';', ':', '.', ')']) {
                    flush(&mut run);
                }
            } else {
                flush(&mut run);
            }
        }
        flush(&mut run);
    }
    out
}

/// The two claims name the same place or body next to their figures ("2,000 residents of
/// *Ulfsby*" and "1,500 people moved out of *Ulfsby*"): the figures are about one thing.
pub(crate) fn same_names_near(doc: &Doc, a: &Claim, b: &Claim) -> bool {
    let (na, nb) = (names_near(doc, a), names_near(doc, b));
    na.iter().any(|w| nb.contains(w))
}

/// A range given by two figures of one unit ("between $30,000 and $60,000", "12 to 15
/// percent"): its bounds, in order.
fn range<'c>(doc: &Doc, c: &'c Claim) -> Option<(&'c crate::claims::Amount, &'c crate::claims::Amount)> {
    c.amounts.windows(2).find_map(|w| {
        let (p, q) = (&w[0], &w[1]);
        let between = doc.text.get(p.span.end..q.span.start)?.trim();
        let joins = ["and", "to", "-", "–", "through"].iter().any(|w| between.eq_ignore_ascii_case(w));
        (p.unit == q.unit && p.hundredths < q.hundredths && joins).then_some((p, q))
    })
}

/// A figure of the claim is a value something changed from ([`changes_from`]).
const CHANGED_FROM: u8 = 1;
/// A figure of the claim is given per head ([`per_unit`]).
const PER_HEAD: u8 = 2;

/// [`CHANGED_FROM`] and [`PER_HEAD`] of a claim, worked out once per claim.
fn figure_marks(doc: &Doc, c: &Claim) -> u8 {
    let derive = || (changes_from(doc, c) as u8 * CHANGED_FROM) | (per_unit(doc, c) as u8 * PER_HEAD);
    match super::index_of(doc, c).and_then(|i| doc.memo.figure_marks.get(i)) {
        Some(cell) => *cell.get_or_init(derive),
        None => derive(),
    }
}

/// The words right before and right after each figure of the claim, lowercase.
fn around(doc: &Doc, c: &Claim, m: &crate::claims::Amount) -> (Vec<String>, Vec<String>) {
    let text = c.span.slice(doc.text);
    let (s, e) = (m.span.start.saturating_sub(c.span.start).min(text.len()), m.span.end.saturating_sub(c.span.start).min(text.len()));
    let words = |t: &str| t.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>();
    // (a short stretch on either side only: asked for every pair a claim is in, the words of
    // the whole clause cost more than the rest of the judge; a word cut by the stretch's
    // start is dropped)
    const REACH: usize = 64;
    let mut from = s.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut before = words(&text[from..s]);
    if from > 0 && !before.is_empty() {
        before.remove(0);
    }
    let keep = before.len().saturating_sub(3);
    before.drain(..keep);
    let mut to = (e + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after: Vec<String> = words(&text[e..to]).into_iter().take(2).collect();
    (before, after)
}

/// A figure of the claim is the value something changed from (grammar/claims.toml
/// `[[changed_from]]`): "from" right before it, or "from the" / "from its" with one more
/// word ("from the current $7.25").
fn changes_from(doc: &Doc, c: &Claim) -> bool {
    c.amounts.iter().any(|m| {
        let (before, _) = around(doc, c, m);
        let n = before.len();
        let from = |i: usize| doc.lex.changed_from.contains(before[i].as_str());
        (n >= 1 && from(n - 1))
            || (n >= 2 && from(n - 2) && doc.lex.determiners.contains(before[n - 1].as_str()))
            || (n >= 3 && from(n - 3) && doc.lex.determiners.contains(before[n - 2].as_str()))
    })
}

/// A figure of the claim is given per head (grammar/claims.toml `[[per_head]]`): "each",
/// "apiece" or "per" right after it (or after its unit word).
fn per_unit(doc: &Doc, c: &Claim) -> bool {
    c.amounts.iter().any(|m| around(doc, c, m).1.iter().any(|w| doc.lex.per_head.contains(w.as_str())))
}

/// The claim gives more than one figure of `unit`, and they are not the two ends of one
/// range ([`range`]).
fn breakdown(doc: &Doc, c: &Claim, unit: &str) -> bool {
    let n = c.amounts.iter().filter(|m| m.unit == unit).count();
    n > 2 || (n == 2 && range(doc, c).is_none_or(|(p, _)| p.unit != unit))
}

/// What [`may_fire`] asks of one claim (see [`super::Sides`]): committed and giving a figure,
/// on both sides.
pub(super) fn sides(c: &Claim) -> super::Sides {
    let f = (committed(c) && !c.amounts.is_empty()) as u8;
    super::Sides { p: f, q: f }
}

/// What the judge asks of the claims' own fields, before it reads their words: both
/// committed and giving figures (`met`, the claims' [`sides`] met), at one time, of one
/// predicate class if both have one, and a figure of one kind on each side. The consistency
/// pass asks this of every pair first (see [`super::may_clash`]).
pub(super) fn may_fire(a: &Claim, b: &Claim, met: u8) -> bool {
    met != 0
        && a.time == b.time
        && !(a.class.is_some() && b.class.is_some() && a.class != b.class)
        && a.amounts.iter().any(|x| b.amounts.iter().any(|y| y.unit == x.unit))
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    if !may_fire(a, b, super::meet(sides(a), sides(b))) {
        return None;
    }
    // the figures of one kind on each side; any pair that agrees settles it ("11 million,
    // of which the insurer paid 8 million" agrees with "paid 8 million")
    let (x, y) = a.amounts.iter().find_map(|x| b.amounts.iter().find(|y| y.unit == x.unit).map(|y| (x, y)))?;
    // a clause with several figures of the kind that are no range gives a figure for each
    // of several things ("Hale had 46 percent to Moe's 44 percent", "172 seats in the north
    // and 98 in the south"): which of them the other claim's figure is about, the words do
    // not say
    if breakdown(doc, a, &x.unit) || breakdown(doc, b, &x.unit) {
        return None;
    }
    // a figure "from" which something changed is an earlier value ("raise the wage from $7.25
    // to $12", "up from 37 percent"); a figure "each" or "per" person is a share of a total
    // and compares only with another such share ("contributed $2,700 each")
    let (ma, mb) = (figure_marks(doc, a), figure_marks(doc, b));
    if (ma | mb) & CHANGED_FROM != 0 || (ma & PER_HEAD) != (mb & PER_HEAD) {
        return None;
    }
    // "81 percent of Democrats" is a share of a part; "an approval of 50 percent" of the whole
    if x.unit == "percent" && share_of(doc, a).is_empty() != share_of(doc, b).is_empty() {
        return None;
    }
    let agree = |p: &crate::claims::Amount, q: &crate::claims::Amount| {
        let (u, v) = (p.value(), q.value());
        let tol = ESTIMATE_TOLERANCE * u.max(v);
        // a bound agrees with any figure on its open side ("more than 2,000" and "2,400"),
        // two bounds the same way always do, a floor and a ceiling when the floor is lower
        let within = |bound: Bound, at: f64, other: f64| match bound {
            Bound::Lower => other >= at - tol,
            Bound::Upper => other <= at + tol,
        };
        match (p.bound, q.bound) {
            (Some(x), Some(y)) if x == y => true,
            (Some(Bound::Lower), Some(Bound::Upper)) => u <= v + tol,
            (Some(Bound::Upper), Some(Bound::Lower)) => v <= u + tol,
            (Some(x), _) => within(x, u, v),
            (None, Some(y)) => within(y, v, u),
            _ if p.approx || q.approx => (u - v).abs() <= tol,
            _ => p.hundredths == q.hundredths,
        }
    };
    // two ranges of one unit agree only when both bounds do ("$30,000 to $60,000" and
    // "$35,000 to $60,000" share a bound and still disagree); otherwise one agreeing pair
    // of figures settles it
    let ranges = match (range(doc, a), range(doc, b)) {
        (Some(ra), Some(rb)) if ra.0.unit == rb.0.unit => Some((ra, rb)),
        _ => None,
    };
    // a figure inside the other's range agrees with it ("90 percent" and "90 to 95 percent")
    let inside = |r: Option<(&crate::claims::Amount, &crate::claims::Amount)>, c: &Claim| {
        r.is_some_and(|(lo, hi)| c.amounts.iter().any(|m| m.unit == lo.unit && m.hundredths >= lo.hundredths && m.hundredths <= hi.hundredths))
    };
    if ranges.is_none() && (inside(range(doc, a), b) || inside(range(doc, b), a)) {
        return None;
    }
    match ranges {
        Some((ra, rb)) if agree(ra.0, rb.0) && agree(ra.1, rb.1) => return None,
        Some(_) => {}
        None if a.amounts.iter().any(|p| b.amounts.iter().any(|q| p.unit == q.unit && agree(p, q))) => return None,
        None => {}
    }
    // the same thing measured: a content word next to the figures, besides the figures and
    // their units ("turnout", "exports", "Tamsk")
    let (na, nb) = (names_near(doc, a), names_near(doc, b));
    let shared = na.iter().any(|w| nb.contains(w)) || {
        let wa = about(doc, a);
        about(doc, b).iter().any(|w| wa.contains(w))
    };
    if !shared {
        return None;
    }
    // "10% of Wisconsin" and "3% of Florida": figures for two named places or bodies
    if !na.is_empty() && !nb.is_empty() && !na.iter().any(|w| nb.contains(w)) {
        return None;
    }
    // "41 percent of the workforce" and "25 percent of top executives": shares of two things
    let (ca, cb) = (complement(doc, a), complement(doc, b));
    if !ca.is_empty() && !cb.is_empty() && !ca.iter().any(|w| cb.contains(w)) {
        return None;
    }
    let (sa, sb) = (share_of(doc, a), share_of(doc, b));
    if !sa.is_empty() && !sb.is_empty() && !sa.iter().any(|w| sb.contains(w)) {
        return None;
    }
    if wording == Wording::Verdict {
        return Some(Clash::unworded());
    }
    let fig = |m: &crate::claims::Amount| m.span.slice(doc.text).to_string();
    let (fa, fb) = match ranges {
        Some((ra, rb)) => (format!("{} to {}", fig(ra.0), fig(ra.1)), format!("{} to {}", fig(rb.0), fig(rb.1))),
        None => (fig(x), fig(y)),
    };
    Some(Clash { first: format!("{} (figure: {})", super::quoted(doc, a), fa), second: format!("{} (figure: {})", super::quoted(doc, b), fb) })
}
