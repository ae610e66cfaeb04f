//! The same quotation given twice in different words.
//!
//! A quotation is the speaker's exact words. When a story quotes one remark twice (a fragment
//! in the opening paragraph and the whole sentence further down, or one line in two places)
//! and the words differ, “will never sell” here and “will not sell” there, at least one of the
//! two misquotes the speaker. Two quotations of one speaker (or one of them with no speaker
//! given) that share most of their words in the same order, five at least, and differ in a
//! few small words (articles, pronouns, prepositions, auxiliaries, negations and fillers:
//! grammar/abbreviations.toml) are reported, with the words that differ. Where a content word
//! differs (“fight for his family”, “fight for his company”) the two are more often two
//! remarks of one shape, and are not. A shorter excerpt of a longer quotation is no
//! difference, nor are contractions (“won't” and “will not”), letter case, punctuation, an
//! ellipsis standing for words left out, or words in square brackets that the writer put in.
//!
//! Fires:
//! ```text
//! Mayor Ines Dahl said the council would “never sell the harbour to a private buyer.”
//!
//! “We will not sell the harbour to a private buyer,” Dahl said on Monday.
//! ```
//!
//! Does not fire (an excerpt, and a contraction):
//! ```text
//! Mayor Ines Dahl said the council would “not sell the harbour to a private buyer.”
//!
//! “We won't sell the harbour to a private buyer,” Dahl said on Monday.
//! ```

use std::hash::BuildHasher;

use super::Doc;
use crate::lexicon::WordClass;
use crate::model::{Finding, QuoteKind, Related};
use crate::scan::TokKind;
use crate::span::Span;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// The fewest words of the shorter quotation of a pair.
const MIN_WORDS: usize = 5;
/// The most words of the shorter quotation of a pair: a long passage given twice is rare, and
/// the comparison costs the product of the two lengths.
const MAX_WORDS: usize = 80;
/// How many quotations one word pair is listed for: a pair as common as “of the” says nothing
/// about which quotations repeat each other, and an unbounded list would make the pass
/// quadratic in the number of quotations.
const MAX_POSTINGS: usize = 16;
/// How many other quotations one quotation is compared with.
const MAX_CANDIDATES: usize = 8;
/// Words of the longer quotation taken on either side of where the shorter one lines up.
const SLACK: usize = 6;

/// A word of a quotation as the comparison sees it: the hash of its normalised form, or a gap
/// (an ellipsis, or words in square brackets) that stands for any words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Item {
    Word(u64),
    Gap,
}

/// One quotation's words, each with the text it comes from (the pieces of a contraction share
/// the span of the word) and whether it is a small word (grammar/abbreviations.toml).
struct Quoted {
    content: Span,
    speaker: Option<usize>,
    items: Vec<(Item, Span)>,
    small: Vec<bool>,
    words: usize,
}

fn normalised_items(doc: &Doc, content: Span, hasher: &foldhash::fast::FixedState, buf: &mut String) -> (Vec<(Item, Span)>, Vec<bool>) {
    let toks = &doc.scan.tokens;
    let lex = doc.lex;
    // (about one word in six bytes of English: room for most quotations at once)
    let room = content.len() / 5 + 4;
    let mut out: Vec<(Item, Span)> = Vec::with_capacity(room);
    let mut small: Vec<bool> = Vec::with_capacity(room);
    let mut k = toks.partition_point(|t| t.start < content.start);
    let mut bracket: Option<usize> = None;
    let push_gap = |out: &mut Vec<(Item, Span)>, small: &mut Vec<bool>, at: Span| {
        if out.last().map(|(i, _)| *i) != Some(Item::Gap) {
            out.push((Item::Gap, at));
            small.push(false);
        }
    };
    while k < toks.len() && toks[k].end <= content.end {
        let (t, id) = (toks[k], doc.scan.words[k]);
        let at = Span::new(t.start, t.end);
        k += 1;
        match t.kind {
            TokKind::Punct('[') => bracket = Some(t.start),
            TokKind::Punct(']') => {
                if let Some(s) = bracket.take() {
                    push_gap(&mut out, &mut small, Span::new(s, t.end));
                }
            }
            _ if bracket.is_some() => {}
            TokKind::Ellipsis => push_gap(&mut out, &mut small, at),
            TokKind::Word | TokKind::Number => {
                let raw = at.slice(doc.text);
                // most words: ASCII letters and digits, no contraction; the token's lexicon
                // id says whether it is a small word, and its lowercase form is hashed from a
                // buffer on the stack
                let mut stack = [0u8; 24];
                if raw.len() <= stack.len() && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') && !lex.word_has(id, WordClass::Contraction) {
                    for (d, b) in stack.iter_mut().zip(raw.bytes()) {
                        *d = b.to_ascii_lowercase();
                    }
                    let lower = std::str::from_utf8(&stack[..raw.len()]).unwrap_or_default();
                    small.push(lex.word_has(id, WordClass::SmallWord));
                    out.push((Item::Word(hasher.hash_one(lower)), at));
                    continue;
                }
                // the lowercase form, with ' for ’, in a buffer used again for every word
                buf.clear();
                for c in raw.chars() {
                    match c {
                        '’' => buf.push('\''),
                        c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                        c => buf.extend(c.to_lowercase()),
                    }
                }
                // "health-care" and "health care" are the same words
                for part in buf.split(['-', '‑']).filter(|p| !p.is_empty()) {
                    let (stem, words) = lex.expand_contraction(part).unwrap_or((part, &[]));
                    for w in std::iter::once(stem).filter(|s| !s.is_empty()).chain(words.iter().map(String::as_str)) {
                        small.push(lex.small_words.contains(w));
                        out.push((Item::Word(hasher.hash_one(w)), at));
                    }
                }
            }
            _ => {}
        }
    }
    (out, small)
}

/// The quotations the rule compares: top-level quotations of speech (not scare quotes), in
/// document order, with their speaker's entity.
fn quotations(doc: &Doc) -> Vec<Quoted> {
    let hasher = foldhash::fast::FixedState::default();
    let top: Vec<Span> = doc.scan.quotes.iter().filter(|q| q.depth == 0).map(|q| q.content()).collect();
    // for each top-level quotation: none, or the speaker of the quotation of speech it is in
    let mut speech: Vec<Option<Option<usize>>> = vec![None; top.len()];
    let mut scare = vec![false; top.len()];
    for q in doc.quotes.iter().filter(|q| q.parent.is_none() && q.kind != QuoteKind::Indirect) {
        let segments = if q.segments.is_empty() { std::slice::from_ref(&q.content) } else { &q.segments[..] };
        for seg in segments {
            let mut i = top.partition_point(|s| s.end <= seg.start);
            while i < top.len() && top[i].start < seg.end.max(seg.start + 1) {
                if top[i].overlaps(*seg) || top[i] == *seg {
                    if q.kind == QuoteKind::Scare {
                        scare[i] = true;
                    } else if speech[i].is_none() {
                        speech[i] = Some(q.speaker.as_ref().map(|s| s.entity));
                    }
                }
                i += 1;
            }
        }
    }
    // a quotation is compared only with another of its speaker or one with no speaker: one
    // that has no such partner is not read at all (most speakers of a story are quoted once)
    let mut per_speaker: HashMap<usize, usize> = HashMap::new();
    let mut unattributed = 0;
    for i in 0..top.len() {
        match (speech[i], scare[i]) {
            (Some(Some(e)), false) => *per_speaker.entry(e).or_default() += 1,
            (Some(None), false) => unattributed += 1,
            _ => {}
        }
    }
    let speech_count = per_speaker.values().sum::<usize>() + unattributed;
    let has_partner = |speaker: Option<usize>| match speaker {
        Some(e) => per_speaker.get(&e).is_some_and(|&n| n >= 2) || unattributed > 0,
        None => speech_count >= 2 && speech_count > unattributed,
    };
    let mut out = Vec::new();
    let mut buf = String::new();
    for (i, &content) in top.iter().enumerate() {
        let (Some(speaker), false) = (speech[i], scare[i]) else { continue };
        if !has_partner(speaker) {
            continue;
        }
        let (items, small) = normalised_items(doc, content, &hasher, &mut buf);
        let words = items.iter().filter(|(it, _)| *it != Item::Gap).count();
        if words >= MIN_WORDS {
            out.push(Quoted { content, speaker, items, small, words });
        }
    }
    out
}

/// How the words of the shorter quotation (`a`) line up with a window of the longer one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    /// the same word
    Same,
    /// one word for another
    Changed,
    /// a word of `a` that the other quotation does not have
    OnlyA,
    /// a word of the other quotation that `a` does not have
    OnlyB,
    /// words that a gap stands for, or words of `a` beyond where the other quotation starts or
    /// ends (an excerpt may start or end anywhere)
    Free,
}

struct Alignment {
    /// (index in a or none, index in b or none, step), in order
    steps: Vec<(Option<usize>, Option<usize>, Step)>,
    edits: usize,
    same: usize,
}

/// Lines `a` up with `b[lo..hi]` so that the fewest words differ: all of `a` is used, words of
/// `b` before and after the match are free. Words of `a` before the first word in common are
/// free only when `b` itself starts there, after the last one only when `b` ends there.
fn align(a: &[(Item, Span)], b: &[(Item, Span)], lo: usize, hi: usize) -> Alignment {
    let (m, w) = (a.len(), hi - lo);
    let cols = w + 1;
    // the score: the fewest words differing first, then the most words in common (a word in
    // common lowers it by one, a differing word raises it by more than all words in common
    // can lower it)
    let edit = 2 * (m + w) as i64 + 2;
    let diag_cost = |x: Item, y: Item| match (x, y) {
        (Item::Gap, _) | (_, Item::Gap) => 0,
        _ if x == y => -1,
        _ => edit,
    };
    let skip_cost = |x: Item, y: Item| if x == Item::Gap || y == Item::Gap { 0 } else { edit };
    let mut d = vec![0i64; (m + 1) * cols];
    for i in 1..=m {
        d[i * cols] = d[(i - 1) * cols] + if a[i - 1].0 == Item::Gap { 0 } else { edit };
    }
    for i in 1..=m {
        for j in 1..=w {
            let (x, y) = (a[i - 1].0, b[lo + j - 1].0);
            let diag = d[(i - 1) * cols + j - 1] + diag_cost(x, y);
            let up = d[(i - 1) * cols + j] + skip_cost(x, y);
            let left = d[i * cols + j - 1] + skip_cost(x, y);
            d[i * cols + j] = diag.min(up).min(left);
        }
    }
    let bj = (0..=w).min_by_key(|&j| (d[m * cols + j], j)).unwrap_or(0);
    let mut steps = Vec::with_capacity(m + w);
    let (mut i, mut j) = (m, bj);
    while i > 0 {
        let here = d[i * cols + j];
        if j == 0 {
            steps.push((Some(i - 1), None, if a[i - 1].0 == Item::Gap { Step::Free } else { Step::OnlyA }));
            i -= 1;
            continue;
        }
        let (x, y) = (a[i - 1].0, b[lo + j - 1].0);
        let gap = x == Item::Gap || y == Item::Gap;
        if here == d[(i - 1) * cols + j - 1] + diag_cost(x, y) {
            let step = if gap {
                Step::Free
            } else if x == y {
                Step::Same
            } else {
                Step::Changed
            };
            steps.push((Some(i - 1), Some(lo + j - 1), step));
            i -= 1;
            j -= 1;
        } else if here == d[(i - 1) * cols + j] + skip_cost(x, y) {
            steps.push((Some(i - 1), None, if gap { Step::Free } else { Step::OnlyA }));
            i -= 1;
        } else {
            steps.push((None, Some(lo + j - 1), if gap { Step::Free } else { Step::OnlyB }));
            j -= 1;
        }
    }
    steps.reverse();
    // words of `a` before the first word in common are free when that word is the first of
    // `b` (an excerpt that starts there), and after the last one when it is the last of `b`
    let first = steps.iter().position(|s| s.2 == Step::Same);
    let last = steps.iter().rposition(|s| s.2 == Step::Same);
    if let (Some(f), Some(l)) = (first, last) {
        if steps[f].1 == Some(0) {
            steps[..f].iter_mut().filter(|s| s.2 == Step::OnlyA).for_each(|s| s.2 = Step::Free);
        }
        if steps[l].1 == Some(b.len() - 1) {
            steps[l + 1..].iter_mut().filter(|s| s.2 == Step::OnlyA).for_each(|s| s.2 = Step::Free);
        }
    }
    let edits = steps.iter().filter(|s| matches!(s.2, Step::Changed | Step::OnlyA | Step::OnlyB)).count();
    let same = steps.iter().filter(|s| s.2 == Step::Same).count();
    Alignment { steps, edits, same }
}

/// A run of differing words: the spans of the words on each side (either may be empty).
struct Hunk {
    a: Vec<Span>,
    b: Vec<Span>,
}

fn hunks(al: &Alignment, a: &Quoted, b: &Quoted) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    let mut open = false;
    for &(i, j, step) in &al.steps {
        match step {
            Step::Changed | Step::OnlyA | Step::OnlyB => {
                if !open {
                    out.push(Hunk { a: Vec::new(), b: Vec::new() });
                    open = true;
                }
                let h = out.last_mut().expect("a hunk was just opened");
                // (the pieces of one contraction share its span: the word is listed once)
                if let Some(i) = i {
                    if h.a.last() != Some(&a.items[i].1) {
                        h.a.push(a.items[i].1);
                    }
                }
                if let Some(j) = j {
                    if h.b.last() != Some(&b.items[j].1) {
                        h.b.push(b.items[j].1);
                    }
                }
            }
            Step::Same => open = false,
            Step::Free => {}
        }
    }
    out
}

fn words_of(doc: &Doc, spans: &[Span]) -> String {
    match (spans.first(), spans.last()) {
        (Some(f), Some(l)) => format!("“{}”", f.cover(*l).slice(doc.text)),
        _ => "nothing".to_string(),
    }
}

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    let qs = quotations(doc);
    if qs.len() < 2 {
        return;
    }
    let hasher = foldhash::fast::FixedState::default();
    // every two adjacent words of each quotation, to find the quotations that share words:
    // for each pair of words, its latest listing and how many there are; each listing points
    // to the one before (no list per pair of words)
    let bigram = |x: u64, y: u64| x.rotate_left(17) ^ y;
    let mut heads: HashMap<u64, (u32, u32)> = HashMap::with_capacity(qs.iter().map(|q| q.items.len()).sum());
    // (quotation, position, the listing before or u32::MAX)
    let mut listings: Vec<(u32, u32, u32)> = Vec::with_capacity(qs.iter().map(|q| q.items.len()).sum());
    // (two small words side by side, "of the", "it is", say nothing of which quotations repeat
    // each other: they are not listed, and the lists of the others stay short)
    let informative = |q: &Quoted, p: usize| !(q.small[p] && q.small[p + 1]);
    for (q, quoted) in qs.iter().enumerate() {
        for (p, pair) in quoted.items.windows(2).enumerate() {
            if !informative(quoted, p) {
                continue;
            }
            if let (Item::Word(x), Item::Word(y)) = (pair[0].0, pair[1].0) {
                let head = heads.entry(bigram(x, y)).or_insert((u32::MAX, 0));
                let last_q = (head.0 != u32::MAX).then(|| listings[head.0 as usize].0);
                if (head.1 as usize) < MAX_POSTINGS && last_q != Some(q as u32) {
                    listings.push((q as u32, p as u32, head.0));
                    *head = (listings.len() as u32 - 1, head.1 + 1);
                }
            }
        }
    }
    // the comparison's cost is bounded by the words of the document's quotations, so that many
    // near-identical quotations cannot make the pass quadratic
    let mut budget: usize = qs.iter().map(|q| q.items.len()).sum::<usize>() * 64 + 4096;
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let mut reported: HashSet<(usize, usize)> = HashSet::new();
    for (ai, a) in qs.iter().enumerate() {
        if a.words > MAX_WORDS {
            continue;
        }
        // a quotation given twice in the same words is compared once
        let key = a.items.iter().fold(0u64, |h, (it, _)| {
            let x = match it {
                Item::Word(w) => *w,
                Item::Gap => 0,
            };
            hasher.hash_one((h, x))
        });
        if seen.insert(key, ai).is_some() {
            continue;
        }
        // quotations sharing at least two word pairs with this one: (quotation, shared,
        // lowest and highest offset of the shared pairs)
        let mut cands: Vec<(usize, usize, isize, isize)> = Vec::new();
        for (p, pair) in a.items.windows(2).enumerate() {
            let (Item::Word(x), Item::Word(y)) = (pair[0].0, pair[1].0) else { continue };
            if !informative(a, p) {
                continue;
            }
            let mut at = heads.get(&bigram(x, y)).map_or(u32::MAX, |h| h.0);
            while at != u32::MAX {
                let (bq, bp, before) = listings[at as usize];
                at = before;
                let bi = bq as usize;
                let b = &qs[bi];
                // each pair once, from its shorter quotation (the later one of two as long)
                let shorter = (a.words, std::cmp::Reverse(ai)) < (b.words, std::cmp::Reverse(bi));
                // one speaker's words: the same entity, or one of the two with no speaker given
                // (but not both: two unattributed quotations may be anyone's)
                let same_speaker = match (a.speaker, b.speaker) {
                    (Some(x), Some(y)) => x == y,
                    (None, None) => false,
                    _ => true,
                };
                if bi == ai || !shorter || !same_speaker {
                    continue;
                }
                let off = bp as isize - p as isize;
                match cands.iter().position(|c| c.0 == bi) {
                    Some(k) => {
                        let c = &mut cands[k];
                        c.1 += 1;
                        c.2 = c.2.min(off);
                        c.3 = c.3.max(off);
                    }
                    None if cands.len() < MAX_CANDIDATES => cands.push((bi, 1, off, off)),
                    None => {}
                }
            }
        }
        // the best match first (the most word pairs in common, then the nearest), and one
        // finding per quotation: a remark given in one wording five times and in another once
        // is one finding
        cands.sort_by_key(|c| (std::cmp::Reverse(c.1), ai.abs_diff(c.0)));
        // (a quotation of m words that differs in e of them still shares m - 1 - 2e pairs of
        // adjacent words; a third of that at least, where the other starts or ends inside it
        // and pairs of small words are not counted)
        let edits = (a.words / 5).max(1);
        let needed = ((a.words - 1).saturating_sub(2 * edits) / 3).max(2);
        for &(bi, _, lo_off, hi_off) in cands.iter().filter(|c| c.1 >= needed) {
            let b = &qs[bi];
            let lo = (lo_off - SLACK as isize).max(0) as usize;
            let hi = ((hi_off + (a.items.len() + SLACK) as isize).max(0) as usize).min(b.items.len());
            if lo >= hi {
                continue;
            }
            let cells = (a.items.len() + 1) * (hi - lo + 1);
            if cells > budget {
                break;
            }
            budget -= cells;
            let al = align(&a.items, &b.items, lo, hi);
            let compared = al.steps.iter().filter(|s| s.0.is_some() && s.2 != Step::Free).count();
            // a few words changed in a quotation otherwise the same: one in five at most, and
            // three in four of the compared words (five at least) the same
            let few = al.edits >= 1 && al.edits <= (compared / 5).max(1);
            if !few || al.same < MIN_WORDS || al.same * 4 < compared * 3 {
                continue;
            }
            // every differing word a small one: where a content word differs, the two are
            // more often two remarks of one shape than one remark quoted two ways
            let small = |s: &(Option<usize>, Option<usize>, Step)| s.0.is_none_or(|i| a.small[i]) && s.1.is_none_or(|j| b.small[j]);
            if !al.steps.iter().filter(|s| matches!(s.2, Step::Changed | Step::OnlyA | Step::OnlyB)).all(small) {
                continue;
            }
            if !reported.insert((ai.min(bi), ai.max(bi))) {
                continue;
            }
            out.push(finding(doc, a, b, &hunks(&al, a, b)));
            break;
        }
    }
}

fn finding(doc: &Doc, a: &Quoted, b: &Quoted, hunks: &[Hunk]) -> Finding {
    // the finding stands at the later of the two quotations
    let a_later = a.content.start > b.content.start;
    let (later, earlier) = if a_later { (a, b) } else { (b, a) };
    let side = |h: &Hunk, of_later: bool| if of_later == a_later { h.a.clone() } else { h.b.clone() };
    let diffs: Vec<String> = hunks
        .iter()
        .take(3)
        .map(|h| {
            let (here, before) = (side(h, true), side(h, false));
            match (here.is_empty(), before.is_empty()) {
                (false, false) => format!("{} here, {} earlier", words_of(doc, &here), words_of(doc, &before)),
                (false, true) => format!("{} added here", words_of(doc, &here)),
                _ => format!("{} left out here", words_of(doc, &before)),
            }
        })
        .collect();
    let more = if hunks.len() > 3 { format!(" (and {} more)", hunks.len() - 3) } else { String::new() };
    let cover = |spans: Vec<Span>, whole: Span| spans.iter().copied().reduce(|x, y| x.cover(y)).unwrap_or(whole);
    let here: Vec<Span> = hunks.iter().flat_map(|h| side(h, true)).collect();
    let before: Vec<Span> = hunks.iter().flat_map(|h| side(h, false)).collect();
    let who = later.speaker.or(earlier.speaker).and_then(|e| doc.entities.get(e)).map(|e| format!(" of {}", e.name)).unwrap_or_default();
    Finding {
        code: "QC105",
        rule: "reworded-quote",
        severity: doc.severity("QC105"),
        message: format!("This quotation{who} is given earlier in other words: {}{more}", diffs.join("; ")),
        primary: cover(here, later.content),
        primary_label: "quoted this way here".to_string(),
        related: vec![Related { span: cover(before, earlier.content), label: "and this way earlier".to_string() }],
        claims: Vec::new(),
        help: "A quotation gives the speaker's exact words: check both against the notes or the recording and make them the same, or take the \
               quotation marks off the one that paraphrases."
            .to_string(),
    }
}
