//! The rule registry: the one place where codes are assigned. Codes are never reused.
//!
//! QC1xx check the attribution itself; QC2xx check claims against each other; QC9xx report
//! problems with the suppression comments themselves. Each rule lives
//! in its own file, and that file's `//!` comment is the rule's documentation, printed by
//! `quotecheck rule CODE`.

mod qc101_unattributed_quote;
mod qc102_unbalanced_quotes;
mod qc103_ambiguous_pronoun;
mod qc104_inconsistent_name;
mod qc105_reworded_quote;
mod qc201_state_reversal;
mod qc202_polarity_clash;
mod qc203_stance_clash;
mod qc204_modality_gap;
mod qc205_lexical_opposition;
pub(crate) mod qc206_numeric_mismatch;
pub(crate) mod qc901_unused_suppression;
pub(crate) mod qc902_invalid_suppression;

use crate::attribute::Ambiguity;
use crate::claims::Claim;
use crate::config::Level;
use crate::consistency::{Clash, Wording};
use crate::lexicon::Lexicon;
use crate::model::{Entity, Finding, Quote, Severity};
use crate::scan::Scan;

/// Everything a rule may look at for one document.
pub struct Doc<'a> {
    pub text: &'a str,
    pub scan: &'a Scan,
    pub lex: &'a Lexicon,
    pub quotes: &'a [Quote],
    pub entities: &'a [Entity],
    pub claims: &'a [Claim],
    pub ambiguous: &'a [Ambiguity],
    /// Rules switched off on the command line, by code.
    pub disabled: &'a [String],
    /// Rule levels from the configuration, by code.
    pub levels: &'a std::collections::BTreeMap<&'static str, Level>,
    /// What the rules derive from one claim, kept for the next pair that claim is part of
    /// ([`Memo::new`] with the number of claims; [`Memo::default`] keeps nothing).
    pub memo: Memo,
}

/// Per-claim word lists the consistency rules derive from a claim's text. A claim meets up to
/// `consistency::WINDOW` partners per topic and each pair used to derive them again; each list
/// depends on the claim alone, so it is computed once, on first use.
#[derive(Debug, Default)]
pub struct Memo {
    /// The content words of the claim ([`content_words_of`]), sorted, each word once: two
    /// claims' words in common are counted by walking two such lists side by side.
    pub(crate) content_set: Vec<std::cell::OnceCell<Vec<String>>>,
    /// The content words near the claim's key words ([`core_words_of`]), sorted, each once.
    pub(crate) core_set: Vec<std::cell::OnceCell<Vec<String>>>,
    /// The words of grammar/opposition.toml in the claim's text, in order, with their pair.
    pub(crate) opposition_words: Vec<std::cell::OnceCell<Vec<(u16, String)>>>,
    pub(crate) excepted: Vec<std::cell::OnceCell<Vec<String>>>,
    pub(crate) about: Vec<std::cell::OnceCell<Vec<String>>>,
    pub(crate) names_near: Vec<std::cell::OnceCell<Vec<String>>>,
    pub(crate) complement: Vec<std::cell::OnceCell<Vec<String>>>,
    pub(crate) share_of: Vec<std::cell::OnceCell<Vec<String>>>,
    /// What the numeric rule reads beside a claim's figures (a value changed from, a figure
    /// per head), as flags: asked for every pair the claim is in.
    pub(crate) figure_marks: Vec<std::cell::OnceCell<u8>>,
    /// [`quoted`] of each claim: a claim may be described in the findings of several pairs.
    pub(crate) quoted: Vec<std::cell::OnceCell<String>>,
    /// [`lowercase`] of each claim.
    pub(crate) lowercase: Vec<std::cell::OnceCell<String>>,
}

impl Memo {
    /// Room for `claims` claims.
    pub fn new(claims: usize) -> Memo {
        let cells = || (0..claims).map(|_| std::cell::OnceCell::new()).collect::<Vec<_>>();
        Memo {
            content_set: cells(),
            core_set: cells(),
            opposition_words: (0..claims).map(|_| std::cell::OnceCell::new()).collect(),
            excepted: cells(),
            about: cells(),
            names_near: cells(),
            complement: cells(),
            share_of: cells(),
            figure_marks: (0..claims).map(|_| std::cell::OnceCell::new()).collect(),
            quoted: (0..claims).map(|_| std::cell::OnceCell::new()).collect(),
            lowercase: (0..claims).map(|_| std::cell::OnceCell::new()).collect(),
        }
    }
}

/// The index of `c` in `doc.claims`, found by its address (the rules get claims by
/// reference); none for a claim from elsewhere.
pub(crate) fn index_of(doc: &Doc, c: &Claim) -> Option<usize> {
    let range = doc.claims.as_ptr_range();
    let p: *const Claim = c;
    range.contains(&p).then(|| (p as usize - range.start as usize) / std::mem::size_of::<Claim>())
}

/// `derive(c)` from `cells` when `c` is one of the document's claims (computed on first use),
/// else computed now.
pub(crate) fn memoized<'d, T: Clone>(
    doc: &Doc,
    cells: &'d [std::cell::OnceCell<Vec<T>>],
    c: &Claim,
    derive: impl FnOnce() -> Vec<T>,
) -> std::borrow::Cow<'d, [T]> {
    match index_of(doc, c).and_then(|i| cells.get(i)) {
        Some(cell) => std::borrow::Cow::Borrowed(cell.get_or_init(derive)),
        None => std::borrow::Cow::Owned(derive()),
    }
}

impl Doc<'_> {
    /// Whether the rule runs: not switched off on the command line nor by the configuration.
    pub fn enabled(&self, code: &str) -> bool {
        !self.disabled.iter().any(|d| d.eq_ignore_ascii_case(code)) && self.levels.get(code) != Some(&Level::Off)
    }

    /// The rule's severity in this run: the configured level, or the registry's default. A
    /// rule that ranks some of its findings lower (a dispute between two parties, quotation
    /// marks nested too deep) ranks them from this one.
    pub fn severity(&self, code: &str) -> Severity {
        match self.levels.get(code) {
            Some(Level::On(s)) => *s,
            _ => find(code).map(|r| r.severity).unwrap_or(Severity::Warning),
        }
    }
}

pub type LintFn = fn(&Doc, &mut Vec<Finding>);
/// A consistency rule: the clash between two claims, if any, worded when asked
/// ([`Wording`]); the same verdict either way.
pub type JudgeFn = fn(&Doc, &Claim, &Claim, Wording) -> Option<Clash>;

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// The rule's source file; its `//!` lines are the documentation.
    source: &'static str,
    pub lint: Option<LintFn>,
    pub judge: Option<JudgeFn>,
}

impl Rule {
    /// The rule's documentation: the `//!` comment of its file.
    /// Example blocks (fenced as `text` so rustdoc leaves them alone) print indented.
    pub fn doc(&self) -> String {
        let mut out = String::new();
        let mut in_example = false;
        for line in self.source.lines() {
            match line.strip_prefix("//!") {
                Some(rest) => {
                    let rest = rest.strip_prefix(' ').unwrap_or(rest);
                    if rest.starts_with("```") {
                        in_example = !in_example;
                        continue;
                    }
                    if in_example && !rest.is_empty() {
                        out.push_str("    ");
                    }
                    out.push_str(rest);
                    out.push('\n');
                }
                None if out.is_empty() => continue,
                None => break,
            }
        }
        out
    }

    /// The example text after `label` in the documentation ("Fires", "Does not fire"; the
    /// label line may add a remark in parentheses before its colon).
    pub fn example(&self, label: &str) -> Option<String> {
        let mut lines = self.source.lines().filter_map(|l| l.strip_prefix("//!")).map(|l| l.strip_prefix(' ').unwrap_or(l));
        lines.by_ref().find(|l| {
            let l = l.trim();
            l.ends_with(':') && (l == format!("{label}:") || l.starts_with(&format!("{label} (")))
        })?;
        lines.next().filter(|l| l.starts_with("```"))?;
        let body: Vec<&str> = lines.take_while(|l| !l.starts_with("```")).collect();
        Some(body.join("\n"))
    }

    /// The first sentence of the documentation.
    pub fn summary(&self) -> String {
        let d = self.doc();
        d.lines().next().unwrap_or("").trim().to_string()
    }
}

macro_rules! rule {
    ($code:literal, $name:literal, $sev:ident, $file:literal, lint = $f:path) => {
        Rule { code: $code, name: $name, severity: Severity::$sev, source: include_str!($file), lint: Some($f), judge: None }
    };
    ($code:literal, $name:literal, $sev:ident, $file:literal, judge = $f:path) => {
        Rule { code: $code, name: $name, severity: Severity::$sev, source: include_str!($file), lint: None, judge: Some($f) }
    };
    ($code:literal, $name:literal, $sev:ident, $file:literal) => {
        Rule { code: $code, name: $name, severity: Severity::$sev, source: include_str!($file), lint: None, judge: None }
    };
}

/// Attribution lint, run in this order.
pub static LINT: &[Rule] = &[
    rule!("QC101", "unattributed-quote", Warning, "qc101_unattributed_quote.rs", lint = qc101_unattributed_quote::check),
    rule!("QC102", "unbalanced-quotes", Error, "qc102_unbalanced_quotes.rs", lint = qc102_unbalanced_quotes::check),
    rule!("QC103", "ambiguous-pronoun", Warning, "qc103_ambiguous_pronoun.rs", lint = qc103_ambiguous_pronoun::check),
    rule!("QC104", "inconsistent-name", Warning, "qc104_inconsistent_name.rs", lint = qc104_inconsistent_name::check),
    rule!("QC105", "reworded-quote", Warning, "qc105_reworded_quote.rs", lint = qc105_reworded_quote::check),
];

/// Consistency rules, tried in this order on each pair; the first that fires reports it.
pub static CONSISTENCY: &[Rule] = &[
    rule!("QC201", "state-reversal", Error, "qc201_state_reversal.rs", judge = qc201_state_reversal::judge),
    rule!("QC203", "stance-clash", Error, "qc203_stance_clash.rs", judge = qc203_stance_clash::judge),
    rule!("QC206", "numeric-mismatch", Error, "qc206_numeric_mismatch.rs", judge = qc206_numeric_mismatch::judge),
    rule!("QC202", "polarity-clash", Error, "qc202_polarity_clash.rs", judge = qc202_polarity_clash::judge),
    rule!("QC205", "lexical-opposition", Warning, "qc205_lexical_opposition.rs", judge = qc205_lexical_opposition::judge),
    rule!("QC204", "modality-gap", Info, "qc204_modality_gap.rs", judge = qc204_modality_gap::judge),
];

/// One claim's flags for a judge's first test (its `sides`), as two sets: a pair may clash
/// only where the `p` flags of one claim meet the `q` flags of the other ([`meet`]). One side
/// of a pair halted, the other going ahead: `p` halted, `q` going ahead. Both sides committed:
/// the flag in both sets.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sides {
    pub p: u8,
    pub q: u8,
}

/// The flags two claims' [`Sides`] meet in, either way round.
pub(crate) fn meet(a: Sides, b: Sides) -> u8 {
    (a.p & b.q) | (a.q & b.p)
}

/// What the consistency judges ask first of one claim (see [`may_clash`]): the [`Sides`] of
/// every judge of [`CONSISTENCY`], one byte each (in its order) of `p` and of `q`, worked out
/// once per claim, so that the flags of a pair are met for all judges at once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Traits {
    p: u64,
    q: u64,
}

pub(crate) fn traits(doc: &Doc, c: &Claim) -> Traits {
    let all = [
        qc201_state_reversal::sides(c),
        qc203_stance_clash::sides(c),
        qc206_numeric_mismatch::sides(c),
        qc202_polarity_clash::sides(c),
        qc205_lexical_opposition::sides(doc, c),
        qc204_modality_gap::sides(c),
    ];
    let mut t = Traits::default();
    for (k, s) in all.iter().enumerate() {
        t.p |= u64::from(s.p) << (8 * k);
        t.q |= u64::from(s.q) << (8 * k);
    }
    t
}

/// Whether any consistency rule could find a clash between `a` and `b` (with their
/// [`traits`] `ta` and `tb`): the conditions on the claims' own fields (class, polarity,
/// modality, aspect, time, stance, figures, opposition words) that each judge of
/// [`CONSISTENCY`] asks before anything else, taken together. Each judge starts with its own
/// `may_fire`, so a pair this rejects is one no judge reports; the consistency pass asks it of
/// every pair before the suppressors and the judges, which cost more (on a long article most
/// pairs that share a topic fail here, most of them at the flags, met for all judges at once).
/// (A new judge must add its `sides` and `may_fire` here, or it is never asked.)
pub(crate) fn may_clash(doc: &Doc, a: &Claim, ta: &Traits, b: &Claim, tb: &Traits) -> bool {
    let met = (ta.p & tb.q) | (ta.q & tb.p);
    if met == 0 {
        return false;
    }
    let lane = |k: usize| (met >> (8 * k)) as u8;
    qc201_state_reversal::may_fire(a, b, lane(0))
        || qc203_stance_clash::may_fire(a, b, lane(1))
        || qc206_numeric_mismatch::may_fire(a, b, lane(2))
        || qc202_polarity_clash::may_fire(a, b, lane(3))
        || qc205_lexical_opposition::may_fire(doc, a, b, lane(4))
        || qc204_modality_gap::may_fire(a, b, lane(5))
}

/// Findings about suppression comments, reported by [`crate::suppress`] after the other rules.
pub static SUPPRESSION: &[Rule] = &[
    rule!("QC901", "unused-suppression", Info, "qc901_unused_suppression.rs"),
    rule!("QC902", "invalid-suppression", Warning, "qc902_invalid_suppression.rs"),
];

/// Every rule, by code.
pub fn all() -> Vec<&'static Rule> {
    let mut v: Vec<&Rule> = LINT.iter().chain(CONSISTENCY.iter()).chain(SUPPRESSION.iter()).collect();
    v.sort_by_key(|r| r.code);
    v
}

pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    // codes and names are unique (tested), so the registry order does not matter; no list is
    // built, since the consistency pass asks for each finding's severity
    LINT.iter()
        .chain(CONSISTENCY.iter())
        .chain(SUPPRESSION.iter())
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name))
}

/// Runs the attribution lint and the consistency pass; findings come out in document order.
pub fn run(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in LINT {
        if doc.enabled(r.code) {
            if let Some(f) = r.lint {
                f(doc, &mut out);
            }
        }
    }
    crate::consistency::check(doc, &mut out);
    // messages quote the article, whose lines may be hard-wrapped: one line per message,
    // so the concise and GitHub formats keep one finding per line
    let one_line = |s: &mut String| {
        if s.contains(['\n', '\r']) {
            *s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    };
    for f in &mut out {
        one_line(&mut f.message);
        one_line(&mut f.primary_label);
        one_line(&mut f.help);
        for r in &mut f.related {
            one_line(&mut r.label);
        }
    }
    out.sort_by(|a, b| (a.primary.start, a.primary.end, a.code).cmp(&(b.primary.start, b.primary.end, b.code)));
    out
}

/// Two claims share a topic beyond their predicate class: a core word (four letters or more,
/// other than the predicates themselves and function or cue words) — "will not raise *fees*"
/// and "will raise *fees*". Used by the rules that compare bare polarity, where a shared
/// class alone ("supports" / "opposes") says too little about what is talked about.
///
/// For a step one person takes once (a `personal` class of grammar/predicates.toml:
/// resigning), a participant of both is the topic when one claim says nothing but its
/// predicate: "I will not resign" (the minister) and "the minister has offered her
/// resignation". Not for every class: on PolNeAR train, a shared participant with a bare
/// claim of any class paired "I didn't know him that well" with "the comments he has made",
/// and "Let me talk" with "I'm not speaking" (four new errors, all false).
pub(crate) fn share_topic(doc: &Doc, a: &Claim, b: &Claim) -> bool {
    let except = [a.predicate.as_str(), b.predicate.as_str()];
    if core_overlap(doc, a, b, &except).0 > 0 {
        return true;
    }
    let personal = a.class.is_some_and(|k| doc.lex.class_is_personal(k)) && a.class == b.class;
    let bare = |c: &Claim| memoized(doc, &doc.memo.core_set, c, || core_words_of(doc, c)).iter().all(|w| except.contains(&w.as_str()));
    personal && a.participants.iter().any(|p| b.participants.contains(p)) && (bare(a) || bare(b))
}

/// The content words of a claim (four letters or more; not function, cue or adverb words),
/// lowercase, in order.
fn content_words_of(doc: &Doc, c: &Claim) -> Vec<String> {
    c.span.slice(doc.text).split(|ch: char| !ch.is_alphanumeric()).map(|w| w.to_lowercase()).filter(|w| is_content(doc, w)).collect()
}

/// The content words of a claim ([`content_words_of`]), sorted, each word once (kept per
/// claim).
fn content_set<'d>(doc: &'d Doc, c: &Claim) -> std::borrow::Cow<'d, [String]> {
    memoized(doc, &doc.memo.content_set, c, || {
        let mut v = content_words_of(doc, c);
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// How many content words two claims have in common, other than the words in `except`,
/// counting up to `enough` (the callers need to know "none", "one" or "two").
pub(crate) fn shared_content_words(doc: &Doc, a: &Claim, b: &Claim, except: &[&str], enough: usize) -> usize {
    let (sa, sb) = (content_set(doc, a), content_set(doc, b));
    // both lists are sorted and hold each word once: walk them side by side
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < sa.len() && j < sb.len() && n < enough {
        match sa[i].cmp(&sb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !except.contains(&sa[i].as_str()) {
                    n += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How many words either side of a key word are the claim's core ([`core_words_of`]).
const CORE_REACH: usize = 6;

/// A content word of the claim's text: four letters or more, not a function, cue or adverb
/// word (lowercase).
fn is_content(doc: &Doc, w: &str) -> bool {
    // the five sets asked at once, by the word's class bits (one look-up, not five)
    use crate::lexicon::WordClass as C;
    let not_content = [C::SentenceStarter, C::NotHead, C::Determiner, C::CueWord, C::Adverb].iter().fold(0, |m, c| m | c.bit());
    w.chars().count() >= 4 && doc.lex.word_classes(doc.lex.word_id(w)) & not_content == 0
}

/// The content words within [`CORE_REACH`] words of the claim's key words: its predicate,
/// its words of grammar/opposition.toml and its figures. A long clause of news copy names
/// many things; what the clash is about sits next to the words that clash ("the *plant* is
/// closed", "*turnout* was 58 percent"), and two claims that share only words far from them
/// ("in a swipe against *Trump*" / "the proposal championed by *Trump*") are about
/// different things as often as not.
fn core_words_of(doc: &Doc, c: &Claim) -> Vec<String> {
    let text = c.span.slice(doc.text);
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (ch.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    let first_predicate_word = c.predicate.split(' ').next().unwrap_or("");
    let mut figures: Vec<usize> = c.amounts.iter().map(|m| m.span.start.saturating_sub(c.span.start)).collect();
    figures.sort_unstable();
    let mut key = vec![false; words.len()];
    let mut predicate_seen = false;
    // (the figures come in text order: one pointer walks them beside the words, so a clause
    // of many figures costs no more than its words)
    let mut f = 0;
    for (k, (at, w)) in words.iter().enumerate() {
        let predicate = !predicate_seen && !first_predicate_word.is_empty() && w == first_predicate_word;
        predicate_seen |= predicate;
        let next_at = words.get(k + 1).map_or(text.len(), |x| x.0);
        while f < figures.len() && figures[f] < *at {
            f += 1;
        }
        let figure = f < figures.len() && figures[f] < next_at;
        key[k] = predicate || doc.lex.opposition.contains_key(w.as_str()) || figure;
    }
    // the predicate is a key word and a core word: "accepted *the proposal*" is about the
    // proposal whatever the other claim's predicate is; the words of a pair and the figures
    // are what clashes, not what it is about
    let topical = |k: usize, w: &str| !key[k] || (w == first_predicate_word && !doc.lex.opposition.contains_key(w));
    // a claim whose text holds none of its key words (the content of "the union *supports*
    // the wind farm" is "the wind farm") is core all through
    let keyless = !key.iter().any(|&k| k);
    let mut out: Vec<String> = Vec::new();
    // a name is what the article is about, not what the two claims say of it: in political
    // copy "Trump" or "Clinton" sits next to half the clashing words of an article; the
    // common nouns next to them ("the *plant* is closed", "*turnout* was") say what is meant
    // (a capital at the start of the claim is the sentence's, not a name's)
    let named = |at: usize| at > 0 && text[at..].starts_with(|ch: char| ch.is_uppercase());
    for (k, (at, w)) in words.iter().enumerate() {
        let near = keyless || (k.saturating_sub(CORE_REACH)..(k + CORE_REACH + 1).min(words.len())).any(|x| key[x]);
        // (a figure's unit says how it is counted, not what: "percent", "million")
        let unit = w.chars().any(|ch| ch.is_ascii_digit())
            || (!c.amounts.is_empty()
                && (doc.lex.units.contains_key(w.as_str()) || doc.lex.unit_words.contains(w.as_str()) || doc.lex.multipliers.contains_key(w.as_str())));
        if near && topical(k, w) && !named(*at) && !unit && is_content(doc, w) {
            out.push(w.clone());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The core words two claims have in common, besides `except`, and the size of the smaller
/// of their two core sets.
pub(crate) fn core_overlap(doc: &Doc, a: &Claim, b: &Claim, except: &[&str]) -> (usize, usize) {
    let sa = memoized(doc, &doc.memo.core_set, a, || core_words_of(doc, a));
    let sb = memoized(doc, &doc.memo.core_set, b, || core_words_of(doc, b));
    let shared = sa.iter().filter(|w| !except.contains(&w.as_str()) && sb.binary_search(w).is_ok()).count();
    (shared, sa.len().min(sb.len()))
}

/// How clearly two claims are about the same thing: 2 for a participant in common or two
/// content words in common, 1 for one content word, 0 for none. A dispute with the
/// narrative needs 2 to be worth a warning (see `consistency`).
pub(crate) fn topic_strength(doc: &Doc, a: &Claim, b: &Claim) -> u8 {
    if a.participants.iter().any(|p| b.participants.contains(p)) {
        return 2;
    }
    let except = [a.predicate.as_str(), b.predicate.as_str()];
    // the same predicate word on both sides ("plan" and "plan") counts as one word in common
    let same_predicate = !a.predicate.is_empty() && a.predicate == b.predicate;
    (shared_content_words(doc, a, b, &except, 2) + same_predicate as usize).min(2) as u8
}

/// The claim's text, lowercase (kept per claim, see [`Memo`]).
pub(crate) fn lowercase<'d>(doc: &'d Doc, c: &Claim) -> std::borrow::Cow<'d, str> {
    let derive = || c.span.slice(doc.text).to_lowercase();
    match index_of(doc, c).and_then(|i| doc.memo.lowercase.get(i)) {
        Some(cell) => std::borrow::Cow::Borrowed(cell.get_or_init(derive)),
        None => std::borrow::Cow::Owned(derive()),
    }
}

/// Shared wording for describing a claim's state in messages: its first twelve words in
/// quotation marks (kept per claim, see [`Memo`]).
pub(crate) fn quoted<'d>(doc: &'d Doc, c: &Claim) -> std::borrow::Cow<'d, str> {
    let derive = || {
        let mut out = String::from("“");
        let mut words = c.span.slice(doc.text).split_whitespace();
        for (k, w) in words.by_ref().take(12).enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.push_str(if words.next().is_some() { " …”" } else { "”" });
        out
    };
    match index_of(doc, c).and_then(|i| doc.memo.quoted.get(i)) {
        Some(cell) => std::borrow::Cow::Borrowed(cell.get_or_init(derive)),
        None => std::borrow::Cow::Owned(derive()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let all = all();
        for (i, r) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|s| s.code != r.code && s.name != r.name), "{} twice", r.code);
            let d = r.doc();
            assert!(d.lines().count() >= 3, "{} has no documentation", r.code);
            assert!(d.contains("Fires") && d.contains("Does not fire"), "{} lacks examples", r.code);
        }
    }
}
