//! Attribution: cues, speaker mentions, the attribution patterns, and entity resolution.
//!
//! Three passes, each linear in the number of tokens:
//! 1. patterns: every quotation is matched against quote-cue-speaker, quote-speaker-cue,
//!    speaker-cue-quote (colon or comma, also from the end of the previous paragraph), split
//!    quotes and "according to"; every cue left over is tried for indirect speech
//!    ("X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE");
//! 2. entities: speaker mentions and the names in the narrative are resolved in document order
//!    (surnames, honorifics, "the spokesman", pronouns by recency and gender);
//! 3. quotations with no cue of their own: continuation of the previous speaker, the speaker
//!    of the next quotation in the paragraph, scare quotes, or unattributed.

pub mod entities;
pub mod mention;

use crate::lexicon::{Cue, CueClass, Lexicon, WordClass, NO_WORD};
use crate::model::{Entity, Quote, QuoteKind, SpeakerRef, Via};
use crate::scan::{Scan, TokKind};
use crate::span::Span;
use mention::{Mention, MentionKind};

/// Shared read-only view of one document for the attribution passes.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub scan: &'a Scan,
    pub lex: &'a Lexicon,
    /// Sentence index of every token.
    pub sent_of: std::rc::Rc<[u32]>,
    /// Quotation depth treated as the writer's own words: 0 for the article, 1 when looking
    /// for speakers inside a quotation (“He told us, ‘We are leaving.’”).
    pub level: u8,
    /// With `level` 1: the token range of the enclosing quotation; nothing outside counts.
    pub bound: Option<(usize, usize)>,
    /// Capitalised words seen in mid-sentence somewhere in the document (lowercased): the
    /// evidence that a sentence-opening capital is a name ("Hours later, Trump ..." is not).
    pub proper: std::rc::Rc<foldhash::HashSet<&'a str>>,
    /// What each token is in a speaker mention apart from quotation depth (which depends on
    /// `level` and `bound`), computed on first use: the mention search asks again and again
    /// about the same tokens. 0 is not yet known (see `mention::Np`). Shared with the nested
    /// views, whose answers differ only by depth.
    pub(crate) np_cache: std::rc::Rc<[std::cell::Cell<u8>]>,
    /// The honorific each token is (see `Ctx::honorific_at`), computed on first use like
    /// `np_cache`: building one mention asks about each of its words up to five times, and
    /// the answer takes a hash of the word and its period. 0 is not yet known.
    pub(crate) honorific_cache: std::rc::Rc<[std::cell::Cell<u8>]>,
    /// The tokens of each paragraph that is a one-line title-case headline, with or without
    /// a final period ("Mayor Says Ferry Will Return."), in text order: there a capitalised
    /// cue word is a cue, not part of a name.
    pub title_line: std::rc::Rc<[(usize, usize)]>,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, lower: &'a str, scan: &'a Scan, lex: &'a Lexicon) -> Self {
        let mut sent_of = vec![0u32; scan.tokens.len()];
        for (si, s) in scan.sentences.iter().enumerate() {
            for x in &mut sent_of[s.first_token..s.end_token] {
                *x = si as u32;
            }
        }
        // words written capitalised mid-sentence, outside a title-case headline
        let mut proper = foldhash::HashSet::default();
        for s in scan.sentences.iter().filter(|s| scan.headline != Some(s.paragraph)) {
            for k in s.first_token + 1..s.end_token {
                // (`caps`: a word that starts with a capital, found by the scanner)
                if scan.caps[k] {
                    let t = scan.tokens[k];
                    proper.insert(&lower[t.start..t.end]);
                }
            }
        }
        let np_cache = (0..scan.tokens.len()).map(|_| std::cell::Cell::new(0)).collect();
        let honorific_cache = (0..scan.tokens.len()).map(|_| std::cell::Cell::new(0)).collect();
        let title_line = title_line(text, scan);
        Ctx { text, lower, scan, lex, sent_of: sent_of.into(), level: 0, bound: None, proper: std::rc::Rc::new(proper), np_cache, honorific_cache, title_line }
    }

    /// A view for attributing quotations nested one level inside `outer` (a top-level one).
    pub fn nested(&self, outer: &crate::scan::Quotation) -> Ctx<'a> {
        let c = outer.content();
        let a = self.tok_at(c.start);
        let b = self.tok_at(c.end);
        Ctx {
            text: self.text,
            lower: self.lower,
            scan: self.scan,
            lex: self.lex,
            sent_of: self.sent_of.clone(),
            level: 1,
            bound: Some((a, b)),
            proper: self.proper.clone(),
            np_cache: self.np_cache.clone(),
            honorific_cache: self.honorific_cache.clone(),
            title_line: self.title_line.clone(),
        }
    }

    pub fn raw(&self, i: usize) -> &'a str {
        let t = self.scan.tokens[i];
        &self.text[t.start..t.end]
    }

    pub fn lw(&self, i: usize) -> &'a str {
        let t = self.scan.tokens[i];
        &self.lower[t.start..t.end]
    }

    /// Whether token `i`'s lowercase form ([`Ctx::lw`]) is in the word class `c`: the same
    /// answer as looking it up in the list or set the class stands for, by a bit test on the
    /// id the scanner gave the token ([`crate::scan::Scan::words`]).
    pub fn word_is(&self, i: usize, c: WordClass) -> bool {
        self.lex.word_has(self.scan.words[i], c)
    }

    /// A past-tense form of a cue ("said", "yelled"): [`Lexicon::is_past_cue`] of token `i`.
    pub fn is_past_cue(&self, i: usize) -> bool {
        self.lw(i).ends_with("ed") || self.word_is(i, WordClass::IrregularPastCue)
    }

    pub fn tok_span(&self, i: usize) -> Span {
        let t = self.scan.tokens[i];
        Span::new(t.start, t.end)
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.scan.caps[i]
    }

    pub fn in_quote(&self, i: usize) -> bool {
        if let Some((a, b)) = self.bound {
            if i < a || i >= b {
                return true;
            }
        }
        self.scan.token_depth[i] > self.level
    }

    pub fn sentence_start_token(&self, i: usize) -> usize {
        self.scan.sentences[self.sent_of[i] as usize].first_token
    }

    /// Token index of the token starting at byte `b`.
    pub fn tok_at(&self, b: usize) -> usize {
        self.scan.tokens.partition_point(|t| t.start < b)
    }

    /// A cue starting at token `i` (outside quotations), with its length in tokens.
    pub fn cue_at(&self, i: usize) -> Option<(usize, Cue)> {
        if i >= self.scan.tokens.len() || self.in_quote(i) || self.scan.tokens[i].kind != TokKind::Word {
            return None;
        }
        // a capitalised cue word in mid-sentence is part of a name ("State Department")
        // (and most words start no cue: asked first, before the next words are gathered)
        // (in a title-case headline a capitalised cue word is a cue when its form is a verb's
        // own, "Says", "Told"; a base form or an -ing form there is as often a noun: "Pricing
        // Plan", "Critics Question", "Warning")
        let capital = self.is_cap(i) && self.sentence_start_token(i) != i;
        let in_title = capital && {
            let p = self.title_line.partition_point(|&(_, b)| b <= i);
            self.title_line.get(p).is_some_and(|&(a, b)| a < i && i < b)
        };
        if !self.lex.cues.starts_with_id(self.scan.words[i]) || (capital && !in_title) {
            return None;
        }
        let end = (i + 4).min(self.scan.tokens.len());
        let ids = self.word_ids::<4>(i, end);
        let (n, c) = self.lex.cues.longest_ids(&ids.0[..ids.1]).map(|(n, c)| (n, *c))?;
        let lemma = &self.lex.cue_lemmas[c.lemma as usize];
        if in_title && (lemma.split(' ').next() == Some(self.lw(i)) || self.lw(i).ends_with("ing")) {
            return None;
        }
        Some((n, c))
    }

    /// The word ids of the run of words starting at token `i` (at most `N`, not reaching
    /// `end`), for the phrase tables, and how many there are.
    fn word_ids<const N: usize>(&self, i: usize, end: usize) -> ([u32; N], usize) {
        let mut ids = [NO_WORD; N];
        let mut n = 0;
        for k in i..end.min(i + N) {
            if self.scan.tokens[k].kind != TokKind::Word {
                break;
            }
            ids[n] = self.scan.words[k];
            n += 1;
        }
        (ids, n)
    }

    /// An adverb or an auxiliary between a speaker and a cue ("later", "has").
    fn is_skippable(&self, i: usize) -> bool {
        self.is_adverb(i) || (!self.in_quote(i) && self.word_is(i, WordClass::Auxiliary))
    }

    /// The token after an adverb or an adjunct phrase ("in a statement") starting at `i`.
    fn skip_adjunct(&self, i: usize, limit: usize) -> usize {
        if i >= limit || self.in_quote(i) {
            return i;
        }
        if self.is_adverb(i) {
            return i + 1;
        }
        let (ids, n) = self.word_ids::<6>(i, limit);
        match self.lex.adjuncts.longest_ids(&ids[..n]) {
            Some((n, _)) => i + n,
            None => i,
        }
    }

    /// The token after any run of adverbs and adjunct phrases starting at `i`.
    fn skip_adjuncts(&self, mut i: usize, limit: usize) -> usize {
        loop {
            let next = self.skip_adjunct(i, limit);
            if next == i {
                return i;
            }
            i = next;
        }
    }

    fn is_adverb(&self, i: usize) -> bool {
        let t = self.scan.tokens[i];
        if t.kind != TokKind::Word || self.in_quote(i) {
            return false;
        }
        let lw = self.lw(i);
        // "this morning", "last week": but not "said this is ..."
        if self.word_is(i, WordClass::TimeDeterminers) {
            return i + 1 < self.scan.tokens.len() && self.word_is(i + 1, WordClass::Adverb) && self.scan.tokens[i + 1].kind == TokKind::Word;
        }
        self.word_is(i, WordClass::Adverb) || (lw.len() > 4 && lw.ends_with("ly") && !self.is_cap(i) && !self.word_is(i, WordClass::LyNouns))
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.scan.tokens.len() && self.scan.tokens[i].kind == TokKind::Punct(c)
    }
}

/// A speaker found by a pattern, before entity resolution.
#[derive(Debug, Clone)]
struct Found {
    cue: Span,
    cue_tokens: (usize, usize),
    mention: Mention,
    via: Via,
}

#[derive(Debug, Clone)]
struct Draft {
    kind: QuoteKind,
    content: Span,
    segments: Vec<Span>,
    found: Option<Found>,
    /// The scanner quotation (top-level) this draft came from.
    scan_quote: Option<usize>,
    sentence: usize,
    /// The sentence the draft ends in (after joining continuations).
    last_sentence: usize,
    paragraph: usize,
    /// Token index where the quotation opens (or the clause starts).
    first_tok: usize,
    /// Resolved speaker, filled in pass 2 or 3.
    speaker: Option<SpeakerRef>,
    /// Dropped because merged into another (split quotes) or covered by a mixed quotation.
    dropped: bool,
    /// The cue of a report that names no one ("the plan is expected to pass").
    bare_cue: Option<Span>,
}

/// A pronoun attribution with two or more compatible candidates and no recent speaker.
#[derive(Debug, Clone)]
pub struct Ambiguity {
    pub quote: usize,
    pub mention: Span,
    pub candidates: Vec<usize>,
}

#[derive(Debug, Default)]
pub struct Attribution {
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub ambiguous: Vec<Ambiguity>,
}

/// The paragraphs that are title-case headlines: one sentence, not the only paragraph, and
/// every word of four letters or more capitalised (short words may stay lower case: "Says
/// He Will Run for a Second Term"). A final period may follow, as some archives add one.
/// Not only the first: round-ups and live blogs head each item with such a line.
fn title_line(text: &str, scan: &Scan) -> std::rc::Rc<[(usize, usize)]> {
    if scan.paragraphs.len() < 2 {
        return std::rc::Rc::new([]);
    }
    // sentences per paragraph (one pass)
    let mut sentences = vec![0u32; scan.paragraph_tokens.len()];
    for s in &scan.sentences {
        if let Some(n) = sentences.get_mut(s.paragraph) {
            *n += 1;
        }
    }
    let title = |&(a, b): &(usize, usize)| {
        let long = || scan.tokens[a..b].iter().filter(|t| t.kind == TokKind::Word && t.end - t.start >= 4).map(|t| &text[t.start..t.end]);
        long().count() >= 3 && long().all(|w| w.starts_with(char::is_uppercase))
    };
    scan.paragraph_tokens.iter().enumerate().filter(|&(p, r)| sentences[p] == 1 && title(r)).map(|(_, &r)| r).collect()
}

/// Finds every quotation's cue and speaker and resolves speakers to entities; `known` are the
/// speakers the configuration names (see [`entities::Resolver::with_known`]).
pub fn attribute(ctx: &Ctx, known: &[crate::config::KnownSpeaker]) -> Attribution {
    let mut drafts = direct_patterns(ctx);
    dash_signatures(ctx, &mut drafts);
    let mut absorbed = indirect_patterns(ctx, &mut drafts);
    asked_questions(ctx, &mut drafts);
    in_findings(ctx, &mut drafts);
    shares_of_findings(ctx, &mut drafts);
    transcript_labels(ctx, &mut drafts);
    relayed_reports(ctx, &mut drafts);
    noun_reports(ctx, &mut drafts);
    drafts.retain(|d| !d.dropped);
    embedded_quotes(ctx, &mut drafts);
    relative_frames(ctx, &mut drafts, &mut absorbed);
    drafts.sort_by_key(|d| (d.content.start, d.content.end));
    // two quotations in one sentence of the writer's ("sent its “reporter” into “a living
    // room”") make the same mixed quotation twice: report it once
    drafts.dedup_by(|b, a| a.kind == QuoteKind::Mixed && b.kind == QuoteKind::Mixed && a.content == b.content && a.found.is_none() == b.found.is_none());

    let mut res = entities::Resolver::with_known(ctx.lex, known);
    let ambiguous_by_draft = res.resolve_all(ctx, &mut drafts);
    no_cue_quotes(ctx, &mut drafts);
    let joined = join_continuations(ctx, &mut drafts);
    let ambiguous_by_draft: Vec<(usize, Vec<usize>)> = ambiguous_by_draft.into_iter().map(|(d, c)| (joined[d], c)).collect();
    // reported speech whose speaker could not be resolved reports nothing usable; a
    // question put by an unnamed asker has no speaker by design
    let keep: Vec<bool> = drafts.iter().map(|d| d.scan_quote.is_some() || d.speaker.is_some() || d.found.is_none()).collect();
    let mut remap = vec![usize::MAX; drafts.len()];
    let mut kept = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            remap[i] = kept;
            kept += 1;
        }
    }
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    let ambiguous_by_draft: Vec<(usize, Vec<usize>)> =
        ambiguous_by_draft.into_iter().filter(|(d, _)| remap[*d] != usize::MAX).map(|(d, c)| (remap[d], c)).collect();
    // a mixed quotation whose speaker was not resolved is gone: the quotations it took in
    // come back as they were (a scare quote stays a scare quote), so no quotation mark of
    // the article goes unreported
    if !absorbed.is_empty() {
        let live: foldhash::HashSet<Span> = drafts.iter().filter(|d| d.scan_quote.is_none()).map(|d| d.content).collect();
        for (_, mut d) in absorbed.into_iter().filter(|(by, _)| !live.contains(by)) {
            // inside a sentence with no speaker to give them to, as in `embedded_quotes`
            if d.kind == QuoteKind::Direct && first_own_token(ctx, ctx.sentence_start_token(d.first_tok), d.first_tok).is_some() {
                let words = d.content.slice(ctx.text).split_whitespace().count();
                d.kind = if words <= 3 { QuoteKind::Scare } else { QuoteKind::Partial };
            }
            drafts.push(d);
        }
    }
    let nested_speakers = nested_pass(ctx, &mut res);
    let entities = res.finish(ctx);

    let mut out = Attribution { entities, ..Default::default() };
    // (a draft becomes the quote of the same index)
    for (di, cands) in ambiguous_by_draft {
        if let Some(sp) = &drafts[di].speaker {
            out.ambiguous.push(Ambiguity { quote: di, mention: sp.mention, candidates: cands });
        }
    }
    // nested quotations are reported inside their parents
    let mut parent_of_scan: Vec<Option<usize>> = vec![None; ctx.scan.quotes.len()];
    // (the drafts are consumed: their parts move into the quotes, not copied)
    out.quotes.reserve_exact(drafts.len());
    for d in drafts {
        let idx = out.quotes.len();
        if let Some(sq) = d.scan_quote {
            parent_of_scan[sq] = Some(idx);
        }
        out.quotes.push(Quote {
            kind: d.kind,
            content: d.content,
            segments: if d.segments.len() > 1 { d.segments } else { Vec::new() },
            cue: d.found.as_ref().map(|f| f.cue).or(d.bare_cue),
            speaker: d.speaker,
            parent: None,
            marks: d.scan_quote.map(|q| ctx.scan.quotes[q].outer()),
            sentence: d.sentence,
        });
    }
    // nested quotations (depth 1 and deeper), for the record; no speaker of their own
    let mut nested = Vec::new();
    for (qi, q) in ctx.scan.quotes.iter().enumerate() {
        if q.depth == 0 {
            continue;
        }
        let mut top = q.parent;
        while let Some(p) = top {
            if ctx.scan.quotes[p].depth == 0 {
                break;
            }
            top = ctx.scan.quotes[p].parent;
        }
        let parent = top.and_then(|p| parent_of_scan[p]).or_else(|| {
            // the top-level quotation may be covered by a mixed or indirect quote
            out.quotes.iter().position(|x| x.content.contains(q.outer()))
        });
        let content = q.content();
        if content.is_empty() {
            continue;
        }
        let (cue, speaker) = match nested_speakers.get(&qi) {
            Some((c, s)) => (Some(*c), Some(s.clone())),
            None => (None, None),
        };
        // a word or two in quotation marks inside a quotation, with no speaker: a term
        let short = content.slice(ctx.text).split_whitespace().count() <= 3;
        nested.push(Quote {
            kind: if speaker.is_none() && short { QuoteKind::Scare } else { QuoteKind::Direct },
            content,
            segments: Vec::new(),
            cue,
            speaker,
            parent,
            marks: Some(q.outer()),
            sentence: ctx.sent_of.get(ctx.tok_at(q.open.start)).copied().unwrap_or(0) as usize,
        });
    }
    // keep the output in document order; remap the ambiguity indices accordingly
    let n_top = out.quotes.len();
    out.quotes.extend(nested);
    // (the quotes themselves are sorted, with their old index, and moved, not copied)
    let mut order: Vec<(usize, Quote)> = std::mem::take(&mut out.quotes).into_iter().enumerate().collect();
    order.sort_by_key(|(i, q)| (q.content.start, *i >= n_top, q.content.end));
    let mut new_index = vec![0; order.len()];
    for (new, (old, _)) in order.iter().enumerate() {
        new_index[*old] = new;
    }
    let mut sorted: Vec<Quote> = order.into_iter().map(|(_, q)| q).collect();
    for q in &mut sorted {
        q.parent = q.parent.map(|p| new_index[p]);
    }
    for a in &mut out.ambiguous {
        a.quote = new_index[a.quote];
    }
    out.quotes = sorted;
    out
}

/// Quotations inside quotations (“He told us, ‘We are leaving,’ and left”): the same
/// patterns, run inside the enclosing quotation as if it were the article.
fn nested_pass(ctx: &Ctx, res: &mut entities::Resolver) -> foldhash::HashMap<usize, (Span, SpeakerRef)> {
    let scan = ctx.scan;
    let mut out = foldhash::HashMap::default();
    for (qi, q) in scan.quotes.iter().enumerate() {
        let Some(p) = q.parent else { continue };
        if q.depth != 1 || scan.quotes[p].depth != 0 {
            continue;
        }
        let inner = ctx.nested(&scan.quotes[p]);
        let open_t = ctx.tok_at(q.open.start);
        let close_t = q.close.map(|c| ctx.tok_at(c.start));
        let found = close_t.and_then(|ct| after_pattern(&inner, ct).map(|(f, _)| f)).or_else(|| before_pattern(&inner, open_t));
        let Some(f) = found else { continue };
        let sentence = ctx.sent_of[open_t] as usize;
        let para = scan.sentences[sentence].paragraph;
        if let Some(sp) = res.resolve_one(&inner, &f.mention, f.via, sentence, para) {
            out.insert(qi, (f.cue, sp));
        }
    }
    out
}

/// Pass 1a: the top-level quotations and the cue patterns around them.
fn direct_patterns(ctx: &Ctx) -> Vec<Draft> {
    let scan = ctx.scan;
    let mut drafts: Vec<Draft> = Vec::new();
    // where the last "after" attribution ended, for split quotes: (token after it, draft)
    let mut split_from: Option<(usize, usize)> = None;
    for (qi, q) in scan.quotes.iter().enumerate() {
        if q.depth != 0 {
            continue;
        }
        let open_t = ctx.tok_at(q.open.start);
        let close_t = q.close.map(|c| ctx.tok_at(c.start));
        if open_t >= scan.tokens.len() {
            continue;
        }
        let sent_open = ctx.sent_of[open_t] as usize;
        let paragraph = scan.sentences[sent_open].paragraph;
        let content = q.content();
        let segments = q.segments.clone();
        let multi_para = segments.len() > 1;

        // a split quotation: “A,” he said, “B.”
        if let Some((after_end, di)) = split_from.take() {
            let mut k = after_end;
            while k < open_t && (ctx.is_punct(k, ',') || ctx.is_adverb(k)) {
                k += 1;
            }
            // “That is fair,” Brandt said when told of his remarks, “and we will ...”: a short
            // clause may follow the cue when the second part goes on in lower case
            let goes_on = content.slice(ctx.text).chars().next().is_some_and(char::is_lowercase);
            let short_clause = goes_on
                && open_t > after_end
                && open_t - after_end <= 12
                && ctx.word_is(after_end, WordClass::SentenceStarter)
                && (after_end..open_t).all(|i| !ctx.in_quote(i) && matches!(scan.tokens[i].kind, TokKind::Word | TokKind::Punct(',')));
            let same_sentence = ctx.sent_of[after_end.min(open_t)] == ctx.sent_of[open_t];
            if (k == open_t || short_clause) && same_sentence && after_end < open_t && ctx.is_punct(open_t - 1, ',') {
                let d: &mut Draft = &mut drafts[di];
                d.segments.extend(segments.iter().copied());
                d.content = d.content.cover(content);
                split_from = None;
                // the merged quote may itself be followed by a further cue; rare, ignored
                continue;
            }
        }

        // Robert “Bobby” Lane: a nickname inside a name reports no speech; nor does a name the
        // writer gives with a naming word (`naming_words`: known as “the Ferry Queen”, a
        // program dubbed “Operation Tide”)
        let named = open_t > 0 && {
            let p = open_t - 1;
            let p = if ctx.lw(p) == "as" && p > 0 { p - 1 } else { p };
            !ctx.in_quote(p) && ctx.word_is(p, WordClass::NamingWords)
        };
        let nickname = ctx.nickname_at(open_t).is_some() || named;
        let mut found = None;
        let mut kind = if nickname {
            QuoteKind::Scare
        } else if multi_para {
            QuoteKind::Block
        } else {
            QuoteKind::Direct
        };
        let mut content_span = content;
        if let Some(ct) = close_t.filter(|_| !nickname) {
            if let Some((f, end_tok)) = after_pattern(ctx, ct) {
                // words of the writer's own before the opening mark make it a mixed quotation
                // ... from the last colon, semicolon, dash or opening parenthesis before it
                // ("... (“Ferry Saved,” declared the Gazette)"); a colon right before the mark
                // introduces a plain direct quotation
                let s0 = scan.sentences[sent_open].first_token;
                let s0 = (s0..open_t)
                    .rev()
                    .find(|&i| !ctx.in_quote(i) && matches!(scan.tokens[i].kind, TokKind::Punct(':' | ';' | '(') | TokKind::Dash))
                    .map(|i| i + 1)
                    .unwrap_or(s0);
                // a comma or colon right before the mark sets the quotation apart: no lead
                // ... unless the quotation goes on in lower case after a comma: it finishes
                // the writer's sentence ("The party, held every four years, “allows us to ...,”
                // said ...")
                let goes_on = content.slice(ctx.text).chars().next().is_some_and(char::is_lowercase);
                let set_apart = open_t > 0 && ((ctx.is_punct(open_t - 1, ',') && !goes_on) || ctx.is_punct(open_t - 1, ':'));
                let lead = if set_apart { None } else { first_own_token(ctx, s0, open_t) };
                // "On this week's episode of “Morning Table,” Holt said her rival was wrong":
                // a cue with a clause of its own after it reports that clause; the quotation
                // before it (a title, a scare quote) is not what was said
                // ("told the paper" has an object, not a clause: `object_cues` are left alone)
                let object_cue = ctx.cue_at(f.cue_tokens.0).is_some_and(|(_, c)| ctx.lex.object_cues.contains(&c.lemma));
                let own_clause = lead.is_some() && !object_cue && {
                    let v = ctx.skip_adjuncts(end_tok, scan.tokens.len());
                    v < scan.tokens.len()
                        && ctx.sent_of[v] as usize == sent_open
                        && !ctx.in_quote(v)
                        && (ctx.lw(v) == "that" || ctx.word_is(v, WordClass::SubjectPronouns) || ctx.word_is(v, WordClass::Determiner))
                };
                if !own_clause {
                    if let Some(l) = lead.filter(|_| !multi_para) {
                        kind = QuoteKind::Mixed;
                        content_span = Span::new(scan.tokens[l].start, q.close.map(|c| c.end).unwrap_or(content.end));
                        content_span = trim_clause(ctx, content_span);
                    }
                    found = Some(f);
                    split_from = Some((end_tok, drafts.len()));
                }
            }
        }
        if found.is_none() && !nickname {
            found = before_pattern(ctx, open_t).or_else(|| colon_intro(ctx, open_t)).or_else(|| period_intro(ctx, open_t));
        }
        drafts.push(Draft {
            kind,
            content: content_span,
            segments: if kind == QuoteKind::Mixed { vec![content_span] } else { segments },
            found,
            scan_quote: Some(qi),
            sentence: sent_open,
            last_sentence: sent_open,
            paragraph,
            first_tok: open_t,
            speaker: None,
            dropped: false,
            bare_cue: None,
        });
    }
    drafts
}

/// A quotation that fills its paragraph, signed with a dash and a name, either in the next
/// paragraph ("“…”" / "— Mayor Ann Holt, in a speech on Friday."), as fact-check columns and
/// quotation boxes set them, or after its closing mark on the same line ("“…” ― Ann Holt"),
/// as testimonials and reader round-ups do: the name is the speaker.
fn dash_signatures(ctx: &Ctx, drafts: &mut [Draft]) {
    const MAX_SIGNATURE: usize = 24;
    let scan = ctx.scan;
    let is_dash = |k: usize| scan.tokens[k].kind == TokKind::Dash || ctx.raw(k) == "-";
    for d in drafts.iter_mut() {
        let Some(sq) = d.scan_quote else { continue };
        if d.found.is_some() || d.kind == QuoteKind::Scare {
            continue;
        }
        let Some(close) = scan.quotes[sq].close else { continue };
        let close_t = ctx.tok_at(close.start);
        let pi = scan.sentences[ctx.sent_of[close_t] as usize].paragraph;
        let (a, b) = scan.paragraph_tokens[pi];
        // the quotation opens its line (a paragraph may hold several, one per line)
        // (a quotation over several paragraphs is closed in a later one than it opens in)
        if d.first_tok < a {
            continue;
        }
        let para = scan.paragraphs[pi];
        let open = scan.tokens[d.first_tok].start;
        let line_start = ctx.text[para.start..open].rfind('\n').map_or(para.start, |n| para.start + n + 1);
        if !ctx.text[line_start..open].trim().is_empty() {
            continue;
        }
        // the tokens up to the end of that line
        let line_end = ctx.text[close.end..para.end].find('\n').map_or(para.end, |n| close.end + n);
        let b_line = (close_t + 1..b).find(|&k| scan.tokens[k].start >= line_end).unwrap_or(b);
        // after its closing mark come only punctuation, or punctuation, a dash and the
        // signature; a quotation that fills its paragraph may be signed in the next one
        let after = (close_t + 1..b_line).find(|&k| !matches!(scan.tokens[k].kind, TokKind::Punct(_)));
        let (na, nb) = match after {
            Some(k) if is_dash(k) && b_line - k <= MAX_SIGNATURE => (k, b_line),
            Some(_) => continue,
            None if a == d.first_tok && b_line == b => match scan.paragraph_tokens.get(pi + 1) {
                Some(&(na, nb)) => (na, nb),
                None => continue,
            },
            None => continue,
        };
        if nb - na > MAX_SIGNATURE || nb <= na + 1 || !is_dash(na) {
            continue;
        }
        let Some(m) = ctx.mention_after(na + 1, nb) else { continue };
        // the name alone, or the name and a comma before a note on the occasion
        let signed = m.first == na + 1 && (m.end == nb || matches!(scan.tokens[m.end].kind, TokKind::Punct('.' | ',')));
        if signed && matches!(m.kind, MentionKind::Person | MentionKind::Organization) {
            d.found = Some(found(ctx, na, 1, m, Via::Explicit));
        }
    }
}

/// The first token in `from..to` that is the writer's own word (not punctuation, not inside
/// another quotation), if any.
fn first_own_token(ctx: &Ctx, from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&i| !ctx.in_quote(i) && matches!(ctx.scan.tokens[i].kind, TokKind::Word | TokKind::Number))
}

/// Trims trailing commas and spaces off a clause span.
fn trim_clause(ctx: &Ctx, s: Span) -> Span {
    s.trim_matches(ctx.text, |c: char| c.is_whitespace() || c == ',' || c == ';' || c == ':')
}

/// The longest phrase (tokens) taken whole as the speaker between a quotation and its cue
/// when the mention rules do not read it (see `after_pattern`): real ones are up to six or
/// seven words ("the billionaire real estate mogul"); a longer stretch is a clause.
const MAX_AFTER_QUOTE_SPEAKER: usize = 8;

/// “...,” Kirby said / “...,” said Kirby / “...,” according to X. Returns the speaker and the
/// token after the attribution.
fn after_pattern(ctx: &Ctx, close_t: usize) -> Option<(Found, usize)> {
    let toks = &ctx.scan.tokens;
    let s = ctx.sent_of[close_t] as usize;
    let limit = quote_free_limit(ctx, close_t + 1, ctx.scan.sentences[s].end_token);
    let mut t = close_t + 1;
    while t < limit && (ctx.is_punct(t, ',') || toks[t].kind == TokKind::Dash) {
        t += 1;
    }
    // "“...,” as the mayor put it.": the comparative "as" before a speaker and cue
    if t + 2 < limit && ctx.lw(t) == "as" {
        t += 1;
    }
    if t >= limit {
        return None;
    }
    // CUE SPEAKER
    if let Some((n, cue)) = ctx.cue_at(t) {
        let mut m0 = t + n;
        // a stance is taken towards a thing, it does not frame a quotation; nor does a
        // participle ("“...,” referring to the rebels": the rebels are talked about)
        if cue.class == CueClass::Stance || (cue.class != CueClass::AccordingTo && ctx.lw(t).ends_with("ing")) {
            return None;
        }
        if cue.class == CueClass::AccordingTo {
            let m = ctx.mention_after(m0, limit)?;
            let end = m.end;
            return Some((found(ctx, t, n, m, Via::AccordingTo), end));
        }
        while m0 < limit && ctx.is_adverb(m0) && !ctx.is_cap(m0) {
            m0 += 1;
        }
        if let Some(mut m) = ctx.plain_speaker_after(m0, limit).or_else(|| ctx.mention_after(m0, limit)) {
            let end = m.end;
            // “...,” said the council's spokeswoman, Mira Holt.: a name set beside the
            // description is the speaker's (up to the next comma or the sentence end)
            if ctx.is_punct(end, ',') {
                if let Some(j) =
                    (end + 2..(end + 8).min(limit + 1)).find(|&j| j == limit || ctx.is_punct(j, ',') || ctx.is_punct(j, '.') || ctx.is_punct(j, ';'))
                {
                    m = with_appositive(ctx, m, end + 1, j);
                }
            }
            return Some((found(ctx, t, n, m, Via::Explicit), end));
        }
    }
    // SPEAKER[, APPOSITIVE,] [adverbs] CUE: “...,” Eric Ames, a state senator, said.
    if let Some(mut m) = ctx.mention_after(t, limit) {
        let mut k = m.end;
        // “...,” Rep. Ida Holt (R-Ore.) said; “...,” the Harbor Agency (HA) said: a
        // parenthetical right after the name (party and state, an acronym) belongs to it
        if ctx.is_punct(k, '(') {
            if let Some(c) = (k + 1..(k + 8).min(limit)).find(|&j| ctx.is_punct(j, ')')) {
                m.span = Span::new(m.span.start, ctx.tok_span(c).end);
                k = c + 1;
            }
        }
        if ctx.is_punct(k, ',') {
            if let Some(j) = (k + 1..(k + 30).min(limit)).find(|&j| ctx.is_punct(j, ',')) {
                m = with_appositive(ctx, m, k + 1, j);
                k = j + 1;
                // “...,” Ida Holt, the attorney general of Ohio, one of the states suing,
                // said: more descriptions may follow the first one, each closed by a comma,
                // as long as none holds a clause of its own (a subject pronoun, a cue outside
                // a relative clause) or a quotation
                let mut p = k;
                for _ in 0..2 {
                    if p >= limit || ctx.cue_at(p).is_some() || ctx.is_adverb(p) {
                        break;
                    }
                    let Some(j) = (p + 1..(p + 20).min(limit)).find(|&j| ctx.is_punct(j, ',')) else { break };
                    let relative = (p..j).any(|i| ctx.word_is(i, WordClass::RelativePronouns));
                    if (p..j).any(|i| ctx.in_quote(i) || ctx.word_is(i, WordClass::SubjectPronouns) || (!relative && ctx.cue_at(i).is_some())) {
                        break;
                    }
                    p = j + 1;
                    let mut v = p;
                    while v < limit && ctx.is_adverb(v) {
                        v += 1;
                    }
                    if ctx.cue_at(v).is_some() {
                        k = p;
                        break;
                    }
                }
            }
        }
        while k < limit && ctx.is_adverb(k) {
            k += 1;
        }
        if let Some((n, cue)) = ctx.cue_at(k) {
            // "“...?” Her critics cited it as evidence": a verb with an object pronoun of its
            // own talks about the quotation, it does not frame it
            // (but "said this week", "said this morning": a time adjunct, not an object)
            let own_object = k + n < limit
                && ctx.word_is(k + n, WordClass::ThingPronouns)
                && ctx.skip_adjunct(k + n, limit) == k + n
                && !ctx.lex.object_cues.contains(&cue.lemma);
            if own_object {
                return None;
            }
            if cue.class != CueClass::AccordingTo && m.kind != MentionKind::Pronoun || k == m.end {
                return Some((found(ctx, k, n, m, Via::Explicit), k + n));
            }
        }
        // “...,” an official who spoke on condition of anonymity said.
        if k < limit && ctx.lw(k) == "who" {
            if let Some(c) = (k + 1..(k + 17).min(limit)).find(|&c| ctx.cue_at(c).is_some()) {
                let mut e = c;
                while e > k && ctx.is_skippable(e - 1) {
                    e -= 1;
                }
                if let (Some(r), Some((n, cue))) = (relative_clause_subject(ctx, t, e), ctx.cue_at(c)) {
                    if r.first == m.first && cue.class != CueClass::AccordingTo {
                        return Some((found(ctx, c, n, r, Via::Explicit), c + n));
                    }
                }
            }
        }
    }
    // SPEAKER [adverbs] CUE
    for c in t + 1..(t + 12).min(limit) {
        if let Some((n, cue)) = ctx.cue_at(c) {
            if cue.class == CueClass::AccordingTo {
                return None;
            }
            let mut e = c;
            while e > t && ctx.is_skippable(e - 1) {
                e -= 1;
            }
            // right after a quotation, a speech or writing cue with nothing but a phrase of
            // words before it has that phrase for its speaker, whatever its head: "“...,” the
            // shipping magnate told reporters", "“...,” Lake Harbor Tours ticket clerk Ida
            // Moss wrote". The mention rules know the heads and titles of most speakers, not
            // all; a phrase of the writer's own in this place is the attribution.
            let speech = matches!(cue.class, CueClass::Speech | CueClass::Writing);
            // (a noun phrase: after its first word, capitalised words, plain nouns and
            // adjectives, figures; no function word, as in "“...,” when Holt said")
            let plain = |a: usize| {
                a < e
                    && e - a <= MAX_AFTER_QUOTE_SPEAKER
                    && (a..e).all(|k| {
                        let word = toks[k].kind != TokKind::Word || k == a || ctx.is_cap(k) || ctx.is_free_modifier(k) || ctx.word_is(k, WordClass::Modifier);
                        word && !ctx.in_quote(k)
                            && ctx.cue_at(k).is_none()
                            && matches!(toks[k].kind, TokKind::Word | TokKind::Number | TokKind::Punct('.' | '$' | '&'))
                    })
            };
            let opens_phrase = |a: usize| ctx.is_cap(a) || ctx.is_free_modifier(a) || ctx.word_is(a, WordClass::Determiner);
            let mut m = match ctx.mention_before(e, t) {
                Some(m) => m,
                // "the billionaire shipping magnate", "this source": a determiner opens it
                // (two words at least, and a past form: after a plain noun a present form is
                // mostly a noun itself, "the top shows", "the note")
                None if speech && plain(t) && ctx.word_is(t, WordClass::Determiner) && e >= t + 3 && ctx.is_past_cue(c) => ctx.phrase_mention(t, e)?,
                None => return None,
            };
            if m.first != t {
                // "market manager Alice Tran said": plain nouns before the mention describe it
                if m.first - t <= 2 && (t..m.first).all(|k| ctx.is_free_modifier(k)) {
                    m = ctx.build(t, m.end)?;
                } else if speech && plain(t) && m.name.is_some() && opens_phrase(t) {
                    // a name after title words the mention rules do not know ("WXYZ Morning
                    // Show co-host Ella Pratt"): the whole phrase is the speaker
                    m = ctx.build(t, m.end).filter(|b| b.name.is_some() && b.kind == m.kind).unwrap_or(m);
                } else if speech && m.first == t + 1 && m.name.is_none() && ctx.word_is(t, WordClass::ThingPronouns) && m.kind == MentionKind::Anonymous {
                    // "this source", "that official": a role after a demonstrative
                    m = ctx.build(t, m.end).unwrap_or(m);
                } else {
                    return None;
                }
            }
            return Some((found(ctx, c, n, m, Via::Explicit), c + n));
        }
        // stop at anything that cannot be part of a mention or an adverb
        if !(ctx.is_adverb(c) || matches!(toks[c].kind, TokKind::Word | TokKind::Number | TokKind::Punct('.' | '$' | '&'))) {
            return None;
        }
    }
    None
}

/// An estimate of a figure starts at token `k`: a two-word form of `approximation`
/// (grammar/claims.toml: "at least", "up to"), or a one-word form before a number ("about
/// 2,000", "over 300").
fn opens_estimate(ctx: &Ctx, k: usize) -> bool {
    let toks = &ctx.scan.tokens;
    let two = k + 1 < toks.len() && toks[k + 1].kind == TokKind::Word && ctx.lex.approximations.contains(&format!("{} {}", ctx.lw(k), ctx.lw(k + 1)));
    let one = k + 1 < toks.len() && toks[k + 1].kind == TokKind::Number && ctx.lex.approximations.contains(ctx.lw(k));
    two || one
}

/// A mention headed by a plain noun ("the harbor"), not a name, pronoun, role or group.
fn free_headed(ctx: &Ctx, m: &Mention) -> bool {
    m.name.is_none()
        && m.kind != MentionKind::Pronoun
        && m.head.as_ref().is_some_and(|(_, h)| !ctx.lex.roles.contains_key(h.as_str()) && !ctx.lex.groups.contains(h.as_str()))
}

/// "The results show that ...", "Her allies fear that ...", "The crews want to keep ...": a cue right after its subject
/// (adverbs and auxiliaries between) and right before the complementizer "that" is a verb,
/// whatever the subject's head, when the cue form is not mostly a plural noun ("claims that
/// ...") and agrees with that head as a verb: a base form after a plural, an -s form after a
/// singular, a past form after either ("the budget plan that he ..." has a noun). "that"
/// before an auxiliary or a past form opens a relative clause ("the report that was filed").
fn that_complement(ctx: &Ctx, c: usize, n: usize, m: &Mention) -> bool {
    let k = c + n;
    // (an intention's "to" before a verb is its complementizer as well: "The ferry crews
    // want to keep the route"; "to the mayor" or "to Salem" is a preposition)
    let infinitive = k + 1 < ctx.scan.tokens.len()
        && ctx.lw(k) == "to"
        && ctx.cue_at(c).is_some_and(|(_, q)| q.class == CueClass::Intention)
        && ctx.scan.tokens[k + 1].kind == TokKind::Word
        && !ctx.is_cap(k + 1)
        && !ctx.word_is(k + 1, WordClass::Determiner);
    if k + 1 >= ctx.scan.tokens.len() || !(ctx.lw(k) == "that" || infinitive) || ctx.in_quote(k) || ctx.word_is(c + n - 1, WordClass::NounFormCue) || m.end > c
    {
        return false;
    }
    let next = ctx.lw(k + 1);
    if !infinitive
        && (ctx.scan.tokens[k + 1].kind != TokKind::Word || ctx.word_is(k + 1, WordClass::Auxiliary) || ctx.cue_at(k + 1).is_some() || next.ends_with("ed"))
    {
        return false;
    }
    if !(m.end..c).all(|j| ctx.is_adverb(j) || ctx.word_is(j, WordClass::Auxiliary)) {
        return false;
    }
    let Some((h, head)) = m.head.as_ref() else { return false };
    let plural = mention::s_form(head) && !ctx.is_cap(*h);
    let form = ctx.lw(c + n - 1);
    // (an auxiliary before the cue carries the agreement: "has long maintained that")
    let aux = m.end < c && (m.end..c).any(|j| ctx.word_is(j, WordClass::Auxiliary));
    aux || ctx.is_past_cue(c + n - 1) || mention::s_form(form) != plural
}

/// The speaker of a cue at token `c`: the mention right before it (adverbs skipped), or the
/// one before an appositive ("Ames, a state senator, said"), or, for a participle or a
/// coordinated cue ("..., saying", "by tweeting", "but told"), the subject of the sentence.
fn speaker_before(ctx: &Ctx, c: usize, floor: usize) -> Option<Mention> {
    // "waved to the senator before asking her": a participle after "before", "after",
    // "while" hangs on the clause; its speaker is that clause's subject, never the phrase
    // just before the preposition (which the adverb and verb skipping below would reach)
    if ctx.lw(c).ends_with("ing") && c > floor && !ctx.in_quote(c - 1) && ctx.word_is(c - 1, WordClass::ParticipleBreak) {
        return clause_subject(ctx, c, c, floor, true);
    }
    let mut e = c;
    while e > floor && ctx.is_adverb(e - 1) {
        e -= 1;
    }
    // "they had been told": a passive cue's subject is the listener, not the speaker
    // (only before a past participle: "is pledging" is not passive)
    // ("is worried that", "was convinced": a state of mind, no passive)
    let belief = ctx.cue_at(c).is_some_and(|(_, q)| q.class == CueClass::Belief);
    // ("was quoted as saying": a cue of several words that ends in a speech verb's
    // participle, `-ing`, has the passive's subject for its speaker)
    let saying = ctx.cue_at(c).is_some_and(|(n, _)| n > 1 && ctx.lw(c + n - 1).ends_with("ing"));
    if e > floor && ctx.word_is(e - 1, WordClass::PassiveAuxiliaries) && ctx.lex.is_past_cue(ctx.lw(c)) && !belief && !saying {
        return None;
    }
    while e > floor && ctx.is_skippable(e - 1) {
        e -= 1;
    }
    // "Ames and Holt have both argued", "the drivers each said": a quantifier floated after
    // the subject counts it and is no speaker of its own; the phrase before it (auxiliaries
    // aside) is. Only when the quantifier follows a word in its clause: "All said ..." and
    // "..., most said" open a clause and are the speaker.
    if e > floor + 1 && ctx.word_is(e - 1, WordClass::FloatingQuantifiers) && !opens_clause(ctx, e - 1, floor) && ctx.scan.tokens[e - 2].kind == TokKind::Word {
        let mut k = e - 1;
        while k > floor && ctx.is_skippable(k - 1) {
            k -= 1;
        }
        if ctx.mention_before(k, floor).is_some_and(|m| m.end == k) {
            e = k;
        }
    }
    // "did not respond to a request for comment": a negated cue with a "to" phrase reports
    // nothing ("wouldn't say how ..." reports a question); an intention's "to" opens the
    // infinitive it reports, negated or not ("they do not want to lose the pier")
    let negated = negated_between(ctx, e, c);
    if negated && ctx.cue_at(c).is_some_and(|(n, q)| q.class != CueClass::Intention && c + n < ctx.scan.tokens.len() && ctx.lw(c + n) == "to") {
        return None;
    }
    // "Gov. John Kasich (R-OH), said": a parenthetical (and its comma) after the name
    if e > floor + 1 && ctx.is_punct(e - 1, ',') && ctx.is_punct(e - 2, ')') {
        e -= 1;
    }
    if e > floor && ctx.is_punct(e - 1, ')') {
        if let Some(o) = (floor.max(e.saturating_sub(8))..e - 1).rev().find(|&i| ctx.is_punct(i, '(')) {
            e = o;
        }
    }
    // "kept asking", "began shouting": the verb before a participle cue is not the speaker
    if ctx.lw(c).ends_with("ing") && e > floor && ctx.word_is(e - 1, WordClass::NotHead) {
        e -= 1;
    }
    // "Trump, who said that ...": the relative pronoun stands for the phrase before its comma
    if e > floor + 1 && ctx.word_is(e - 1, WordClass::RelativePronouns) && ctx.is_punct(e - 2, ',') {
        let personal = ctx.word_is(e - 1, WordClass::RestrictiveRelatives);
        if let Some(mut m) = ctx.mention_before(e - 2, floor).or_else(|| if personal { ctx.antecedent_before(e - 2, floor) } else { None }) {
            if matches!(m.kind, MentionKind::Person | MentionKind::Organization | MentionKind::Anonymous | MentionKind::Group) {
                m.relative = Some(ctx.tok_span(e - 1));
                return Some(m);
            }
        }
    }
    // (how far a quotation after a relative-clause cue is looked for, in tokens)
    const QUOTE_AHEAD: usize = 64;
    // "met critics who say he should resign", "won among voters who said the economy
    // comes first": a restrictive relative clause whose verb is the cue, on a phrase after a
    // verb or preposition inside the clause; its speaker is the phrase the pronoun stands
    // for, and the clause runs on to the end of the sentence or a main verb after a comma.
    // A subject phrase ("Voters who say ... favor ...", "Among those who ..., most ...")
    // has its main clause after the report, with no mark of where the report ends.
    if e > floor + 1 && ctx.word_is(e - 1, WordClass::RestrictiveRelatives) && !ctx.in_quote(e - 1) {
        if let Some(mut m) = ctx.mention_before(e - 1, floor).or_else(|| ctx.antecedent_before(e - 1, floor)) {
            // (not after a cue or a conjunction: "said a member who supports her" and "a
            // mayor and party donor who backs her" describe the speaker of another report)
            let b = m.first.saturating_sub(1);
            let inside = m.first > ctx.sentence_start_token(m.first) + 1
                && ctx.scan.tokens[b].kind == TokKind::Word
                && !ctx.in_quote(b)
                && ctx.cue_at(b).is_none()
                && !ctx.word_is(b, WordClass::Coordinators)
                // (and no quotation follows in the sentence: "a candidate who promised a
                // wall: “...”" leaves the quotation to the writer's attribution; looked for
                // in a bounded stretch, since a sentence may hold many such clauses)
                && (c..ctx.scan.sentences[ctx.sent_of[c] as usize].end_token.min(c + QUOTE_AHEAD)).all(|k| !ctx.in_quote(k));
            // (a name takes its relative clause after a comma: "the staff in Salem who said"
            // ties the clause to the staff, not to the town)
            if inside
                && m.name.is_none()
                && m.end == e - 1
                && matches!(m.kind, MentionKind::Person | MentionKind::Organization | MentionKind::Anonymous | MentionKind::Group)
            {
                m.relative = Some(ctx.tok_span(e - 1));
                return Some(m);
            }
        }
    }
    // "an official who spoke on condition of anonymity said": a restrictive relative clause
    // between the subject and the cue; whatever it names is not the speaker
    if let Some(m) = relative_clause_subject(ctx, floor, e) {
        return Some(m);
    }
    if let Some(m) = postmodified_source(ctx, floor, e) {
        return Some(m);
    }
    if let Some(m) = ctx.mention_before(e, floor) {
        return Some(document_author(ctx, &m, floor).unwrap_or(m));
    }
    if let Some(m) = attribution_before_participle(ctx, c, e, floor) {
        return Some(m);
    }
    if e > floor + 1 && ctx.is_punct(e - 1, ',') {
        if let Some(m) = appositive_chain_head(ctx, floor, e - 1) {
            return Some(m);
        }
    }
    // a phrase that opens its clause (the sentence, or after a comma): before a participle,
    // the only speaker an appositive between commas or dashes may follow
    let opens = |m: &Mention| m.first == floor || m.first == ctx.sentence_start_token(m.first) || ctx.is_punct(m.first - 1, ',');
    if e > floor + 1 && ctx.is_punct(e - 1, ',') {
        let lo = floor.max(e.saturating_sub(30));
        for j in (lo..e - 1).rev() {
            if ctx.in_quote(j) {
                break;
            }
            if ctx.is_punct(j, ',') {
                // an appositive or relative clause between the commas ("Ames, a state
                // senator, said"; "Ames, whose group backs the bill, said"), but not a clause
                // with a subject of its own ("..., even as he defended it, saying")
                let first = j + 1;
                let pronoun = (first..e - 1).any(|k| ctx.word_is(k, WordClass::SubjectPronouns));
                // "Police said the driver, a man of 40, was held at the scene, adding ...": a
                // stretch that opens with an auxiliary is the predicate of the clause, not an
                // appositive of the phrase before it (a cue form is not enough: "Ames, asked
                // about the fares, had said" is an aside)
                let predicate = ctx.word_is(first, WordClass::Auxiliary);
                if predicate {
                    break;
                }
                // "..., Clinton's aide rallied supporters, saying": a subject and its verb
                let clause = !ctx.word_is(first, WordClass::RelativePronouns)
                    && ctx.mention_after(first, e - 1).is_some_and(|m| {
                        // "Menendez also rejected ...": adverbs may stand before the verb
                        let mut v = m.end;
                        while v < e - 1 && ctx.is_adverb(v) {
                            v += 1;
                        }
                        m.end < e - 1 && (ctx.is_free_modifier(m.end) || ctx.cue_at(v).is_some())
                    });
                if !pronoun && !clause {
                    // "The mayor fired her deputy, Ames, saying ...", "Kirby was in Salem,
                    // Oregon, promising ...": before a participle the phrase and its appositive
                    // must open the clause; after a verb or a preposition they are its object
                    // or a place, and the participle goes with the clause's subject (below)
                    // (nor is a place after its town's comma: "in Salem, Oregon, Ada Holm ...")
                    if let Some(m) = ctx.mention_before(j, floor).filter(|m| (!ctx.lw(c).ends_with("ing") || opens(m)) && !town_place(ctx, m)) {
                        if matches!(m.kind, MentionKind::Person | MentionKind::Organization | MentionKind::Anonymous | MentionKind::Group) {
                            return Some(with_appositive(ctx, m, j + 1, e - 1));
                        }
                    }
                }
                break;
            }
        }
    }
    // "Ames — a state senator since 2010 — said", "A former governor -- Paul Brown, who lost
    // in 2008 -- said": an aside between dashes after the subject, as between commas (the
    // opening dash looked for within a bounded stretch, not across a quotation); before a
    // participle the subject must open its clause, as above
    // (a hyphen standing alone, " - ", is a dash as well: some wires type it so)
    const MAX_DASH_ASIDE: usize = 30;
    let dash = |k: usize| matches!(ctx.scan.tokens[k].kind, TokKind::Dash | TokKind::Punct('-'));
    if e > floor + 1 && dash(e - 1) && !ctx.in_quote(e - 1) {
        let lo = floor.max(e.saturating_sub(MAX_DASH_ASIDE));
        let open = (lo..e - 1).rev().take_while(|&j| !ctx.in_quote(j)).find(|&j| dash(j));
        if let Some(j) = open.filter(|&j| j > floor) {
            if let Some(m) = ctx.mention_before(j, floor).filter(|m| m.end == j && (!ctx.lw(c).ends_with("ing") || opens(m))) {
                if matches!(m.kind, MentionKind::Person | MentionKind::Organization | MentionKind::Anonymous | MentionKind::Group) {
                    return Some(with_appositive(ctx, m, j + 1, e - 1));
                }
            }
        }
    }
    // participles and coordinated cues take the subject of the sentence
    let word = ctx.lw(c);
    let prev = if e > floor { Some(e - 1) } else { None };
    let participle = word.ends_with("ing") && prev.is_some_and(|p| ctx.is_punct(p, ',') || ctx.word_is(p, WordClass::ParticipleBreak));
    let coordinated = prev.is_some_and(|p| ctx.word_is(p, WordClass::Coordinators));
    if participle || coordinated {
        return clause_subject(ctx, c, e, floor, participle);
    }
    None
}

/// "The ferry will run, Ames said, adding, “...”", "“It is late,” Ames said Tuesday, noting
/// ...": a participle cue (at `c`, its comma at `e - 1`) after an attribution set off by a
/// comma or a quotation goes on with that attribution's speaker, not with the subject of the
/// sentence (which is the subject of what was reported). The attribution is a named or
/// described speaker, a speech cue and at most a short object or adverbial ("said Tuesday in
/// Salem", "told reporters"); a clause of its own ("aides believe her years in office,
/// promoting ...") leaves the participle to the other rules.
fn attribution_before_participle(ctx: &Ctx, c: usize, e: usize, floor: usize) -> Option<Mention> {
    // speaker, adverbs, cue, short tail
    const MAX_ATTRIBUTION: usize = 14;
    const MAX_TAIL: usize = 4;
    if !ctx.lw(c).ends_with("ing") || e <= floor + 2 || !ctx.is_punct(e - 1, ',') {
        return None;
    }
    let lo = floor.max((e - 1).saturating_sub(MAX_ATTRIBUTION));
    // (the floor itself is a boundary: the sentence start or the end of a quotation)
    let first = match (lo..e - 1).rev().find(|&j| ctx.in_quote(j) || ctx.is_punct(j, ',') || matches!(ctx.scan.tokens[j].kind, TokKind::Mark(_))) {
        Some(j) => j + 1,
        None if lo == floor => floor,
        None => return None,
    };
    if ctx.word_is(first, WordClass::RelativePronouns) {
        return None;
    }
    // "“...,” said Ada Holt of the union, adding ...": the inverted order, a speech cue and
    // then the speaker, which runs up to the participle's comma
    if let Some((n, _)) = ctx.cue_at(first).filter(|(_, q)| matches!(q.class, CueClass::Speech | CueClass::Writing)) {
        return ctx.mention_after(first + n, e - 1).filter(|m| m.first == first + n && m.end == e - 1 && m.kind != MentionKind::Pronoun);
    }
    let m = ctx.mention_after(first, e - 1).filter(|m| m.first == first && m.kind != MentionKind::Pronoun)?;
    let mut v = m.end;
    while v < e - 1 && ctx.is_adverb(v) {
        v += 1;
    }
    let (n, q) = ctx.cue_at(v)?;
    (matches!(q.class, CueClass::Speech | CueClass::Writing) && v + n + MAX_TAIL >= e - 1 && (v + n..e - 1).all(|k| ctx.scan.tokens[k].kind == TokKind::Word))
        .then_some(m)
}

/// "Ames called the ferry a “relic,” adding that it should be sold", "... called him a
/// “bully” and said ...": a participle or coordinated cue right after a closing quotation
/// mark (a comma on either side of it) goes on with the clause the quotation stands in, and
/// its speaker is that clause's subject. The look back for a speaker stops at a quotation
/// (`lookback_floor`), so the subject is looked for from the sentence start here, at most
/// `LOOKBACK` tokens back.
fn after_quotation_subject(ctx: &Ctx, c: usize, sentence_start: usize) -> Option<Mention> {
    let floor = sentence_start.max(c.saturating_sub(LOOKBACK));
    let mut e = c;
    let coordinated = e > floor && ctx.word_is(e - 1, WordClass::Coordinators) && !ctx.in_quote(e - 1);
    if coordinated {
        e -= 1;
    }
    let participle = ctx.lw(c).ends_with("ing") && !coordinated;
    if !(participle || coordinated) {
        return None;
    }
    if e > floor && ctx.is_punct(e - 1, ',') {
        e -= 1;
    }
    let quoted = |k: usize| ctx.in_quote(k) || matches!(ctx.scan.tokens[k].kind, TokKind::Mark(_));
    // (a participle needs its comma: "“...” adding" is no participle phrase)
    let comma_inside = e > floor + 1 && quoted(e - 1) && ctx.is_punct(e - 2, ',');
    if e <= floor + 1 || !quoted(e - 1) || (participle && e == c && !comma_inside) {
        return None;
    }
    // (and the clause must open before the quotation, with a subject of its own)
    let open = (floor..e).find(|&k| quoted(k))?;
    if open <= floor {
        return None;
    }
    clause_subject(ctx, c, open, floor, false)
}

/// The speaker of a participle or coordinated cue at `c` (`e`: where the words before it
/// end): the subject of the clause the cue hangs on.
fn clause_subject(ctx: &Ctx, c: usize, e: usize, floor: usize, participle: bool) -> Option<Mention> {
    // the subject of the clause the cue hangs on, when it is a pronoun with no comma
    // between it and the cue ("... even as he defended the campaign, saying ...")
    let stop = if participle { e - 1 } else { e };
    let lo = floor.max(stop.saturating_sub(20));
    if let Some(p) = (lo..stop).rev().find(|&k| ctx.is_punct(k, ',') || ctx.in_quote(k) || ctx.word_is(k, WordClass::SubjectPronouns)) {
        // a pronoun right after a cue (or its "that") is the subject of that report
        // ("saying he has been ... and calling him ..."), not of the clause
        let reported = p > lo && (ctx.cue_at(p - 1).is_some() || (ctx.lw(p - 1) == "that" && p - 1 > lo && ctx.cue_at(p - 2).is_some()));
        if ctx.word_is(p, WordClass::Pronoun) && p > ctx.sentence_start_token(p) && !reported {
            return Some(ctx.mention_after(p, p + 1)).flatten();
        }
    }
    // the subject may stand before a quotation earlier in the sentence ("He called it
    // “a courtesy” and said ...")
    let s0 = if ctx.level == 0 { ctx.sentence_start_token(c) } else { floor };
    subject_of(ctx, s0.min(floor), e).or_else(|| {
        // "There were sharper jabs, such as when Holt knocked Ames and called him ...": a
        // sentence whose own subject names no one; the cue is coordinated with the verb of a
        // subordinate clause, whose subject is the speaker (the subordinator is looked for
        // within the last MAX_SUBORDINATE tokens, so the look stays bounded)
        const MAX_SUBORDINATE: usize = 24;
        let lo = s0.min(floor).max(e.saturating_sub(MAX_SUBORDINATE));
        let sub = (lo..e).rev().take_while(|&k| !ctx.in_quote(k)).find(|&k| ctx.word_is(k, WordClass::Subordinators))?;
        subject_of(ctx, sub + 1, e)
    })
}

/// "Officials familiar with the plan said", "people close to the mayor said": an anonymous
/// or group source followed by a post-modifier (`source_postmodifiers`: familiar with, close
/// to, briefed on) that runs up to the cue. The mention is the whole phrase; the head before
/// the post-modifier must be a role or group word ("a source", "two aides"), and the words
/// after it a plain phrase of at most eight words (no punctuation or quotation).
fn postmodified_source(ctx: &Ctx, floor: usize, e: usize) -> Option<Mention> {
    const MAX_TAIL: usize = 8;
    let lo = floor.max(e.saturating_sub(MAX_TAIL + 2));
    let j = (lo..e).rev().find(|&j| ctx.word_is(j, WordClass::SourcePostmodifiers) && !ctx.in_quote(j))?;
    if j + 2 > e || (j + 1..e).any(|k| ctx.scan.tokens[k].kind != TokKind::Word || ctx.in_quote(k)) {
        return None;
    }
    // "familiar with the plan said": a cue word after a determiner is the phrase's noun
    if ctx.word_is(e - 1, WordClass::Determiner) || ctx.word_is(e - 1, WordClass::GroupDeterminers) {
        return None;
    }
    let mut m = ctx.mention_before(j, floor).filter(|m| m.end == j && matches!(m.kind, MentionKind::Group | MentionKind::Anonymous))?;
    m.span = Span::new(m.span.start, ctx.scan.tokens[e - 1].end);
    m.end = e;
    Some(m)
}

/// "The council issued a statement saying ...", "Ames shot back in an essay arguing ...": a
/// document that its author put out speaks for the author. When the phrase before a cue is
/// an indefinite document noun (`document_nouns`) that is the object of a publishing verb
/// (`publishing_verbs`, with an optional particle: "put out") or follows "in", the speaker
/// is the subject of that clause. "The statement said" (definite) stays with the document,
/// which the resolver links to the last speaker.
fn document_author(ctx: &Ctx, m: &Mention, floor: usize) -> Option<Mention> {
    if !ctx.word_is(m.first, WordClass::IndefiniteArticles) || !m.head.as_ref().is_some_and(|(_, h)| ctx.lex.is("document_nouns", h)) {
        return None;
    }
    let mut k = m.first.checked_sub(1).filter(|&k| k >= floor)?;
    if ctx.word_is(k, WordClass::CueParticles) && k > floor && ctx.word_is(k - 1, WordClass::PublishingVerbs) {
        k -= 1;
    }
    if !(ctx.word_is(k, WordClass::PublishingVerbs) || ctx.lw(k) == "in") || ctx.in_quote(k) {
        return None;
    }
    let s0 = if ctx.level == 0 { ctx.sentence_start_token(k) } else { floor };
    subject_of(ctx, s0.max(floor), k).filter(|s| s.kind != MentionKind::Group || s.plural || s.name.is_some())
}

/// "Protest groups say ...", "More than 4 in 10 said ...", "People with knowledge of the
/// talks said ...": before a cue whose forms are hardly ever nouns (grammar/cues.toml,
/// `any_subject`), the plain noun phrase that opens the clause is the speaker, though no
/// mention rule knows its head. The phrase runs from the clause start (after an
/// introductory phrase and its comma) to the cue and must look like a noun phrase: at most
/// 12 words, no punctuation, quotation, pronoun subject, conjunction or other cue in it.
/// "18% who say": a relative pronoun right before the cue is left out.
fn bare_subject(ctx: &Ctx, floor: usize, c: usize) -> Option<Mention> {
    const MAX_WORDS: usize = 12;
    let cue = ctx.cue_at(c)?.1;
    // a finite verb only: "the storm warning" is a noun; other cues take a bare subject
    // headed by a finding noun ("Exit polling showed that ...", "Early polls show ...")
    let finding_head = c > floor && ctx.word_is(c - 1, WordClass::FindingNouns);
    if ctx.lw(c).ends_with("ing") {
        return None;
    }
    // other cues take one when the phrase agrees with the cue as a subject with its verb
    // (checked below, once the phrase is known)
    let any_subject = ctx.lex.any_subject_cues.contains(&cue.lemma) || finding_head;
    // "took to the radio to say": an infinitive is no finite verb either; the words before
    // it are a whole clause, not a noun phrase; the speaker is a named subject opening the
    // clause, when nobody else is named on the way ("urged voters to say no" has none)
    if c > floor && ctx.lw(c - 1) == "to" {
        if !any_subject {
            return None;
        }
        let m = subject_of(ctx, floor, c - 1)?;
        let plain = (m.end..c - 1)
            .all(|k| ctx.scan.tokens[k].kind == TokKind::Word && !ctx.in_quote(k) && !ctx.word_is(k, WordClass::Pronoun) && (!ctx.is_cap(k) || k == m.end));
        return (plain && c - 1 - m.end <= 8 && matches!(m.kind, MentionKind::Person | MentionKind::Organization)).then_some(m);
    }
    let toks = &ctx.scan.tokens;
    let mut start = (floor..c).rev().find(|&k| !matches!(toks[k].kind, TokKind::Word | TokKind::Number)).map(|k| k + 1).unwrap_or(floor);
    // only an introductory phrase ending in a comma may stand before the subject
    if start > floor && !ctx.is_punct(start - 1, ',') && !(start == ctx.sentence_start_token(start)) {
        return None;
    }
    if let Some(d) = ctx.scan.datelines[ctx.scan.sentences[ctx.sent_of[c] as usize].paragraph] {
        if d >= start && d < c {
            start = d + 1;
        }
    }
    while start < c && ctx.word_is(start, WordClass::ClauseOpeners) {
        start += 1;
    }
    let mut end = c;
    if end > start + 1 && ctx.word_is(end - 1, WordClass::RelativePronouns) {
        end -= 1;
    }
    if start >= end || end - start > MAX_WORDS {
        return None;
    }
    let clause_word = |k: usize| {
        let w = ctx.lw(k);
        ctx.in_quote(k)
            || ctx.word_is(k, WordClass::Pronoun)
            || w == "that"
            || ctx.word_is(k, WordClass::Coordinators) && k + 1 < end && ctx.word_is(k + 1, WordClass::SubjectPronouns)
            || ctx.word_is(k, WordClass::ClauseBreakAfterComma) && w != "and"
            || ctx.word_is(k, WordClass::ParticipleBreak)
            || ctx.word_is(k, WordClass::Auxiliary)
            || ctx.cue_at(k).is_some()
            // "Forecasters upgraded the storm": a past form after the first word is the
            // phrase's own verb ("Registered voters say" opens with an adjective)
            || (w.ends_with("ed") && w.len() > 4 && !ctx.is_cap(k) && k > start)
    };
    if (start..end).any(clause_word) {
        return None;
    }
    if !any_subject && !verb_agrees(ctx, start, end - 1, c) {
        return None;
    }
    ctx.phrase_mention(start, end)
}

/// A phrase starting at `first` opens its clause: it starts the sentence (or the stretch
/// looked at), or follows a comma, semicolon or colon, an opening conjunction ("But") or a
/// subordinator ("While").
fn opens_clause(ctx: &Ctx, first: usize, floor: usize) -> bool {
    if first <= floor || first == ctx.sentence_start_token(first) {
        return true;
    }
    let p = first - 1;
    !ctx.in_quote(p)
        && (matches!(ctx.scan.tokens[p].kind, TokKind::Punct(',' | ';' | ':'))
            || ctx.word_is(p, WordClass::ClauseOpeners)
            || ctx.word_is(p, WordClass::Subordinators))
}

/// "Three-quarters support ...", "Harbor pilots want ...", "Few believe ...": a present cue
/// form after a plain noun phrase (`start..=head`) that opens its clause is its verb, not a
/// noun of the phrase, when the head is a plural that names people or a quantity and the cue
/// is in the base form that agrees with it. A plural head is a quantity (`quantifiers`, a
/// number, "%") or a lowercase word with an ending of a noun for people
/// (`person_noun_endings`: "pilots" does not qualify, "voters" does); things make up most of
/// the other plural heads before a cue form ("the statistics show", "the rules allow"), which
/// PolNeAR rarely takes for sources. "The harvest report" (a singular before a base form)
/// stays a noun phrase, and so does "an alleged theft" (a past form, often a participle
/// before a noun; an opening determiner lets `speaker_before` take "the crowd yelled").
fn verb_agrees(ctx: &Ctx, start: usize, head: usize, c: usize) -> bool {
    let verb = ctx.lw(c);
    // (no prepositional phrase: "in a video posted ...", "with his proposed ...")
    if ctx.word_is(start, WordClass::SettingPrepositions) || ctx.word_is(start, WordClass::RolePrepositions) || ctx.is_past_cue(c) || verb.ends_with('s') {
        return false;
    }
    let h = ctx.lw(head);
    let quantity = ctx.word_is(head, WordClass::Quantifiers) || matches!(ctx.scan.tokens[head].kind, TokKind::Number | TokKind::Punct('%'));
    let people = ctx.is_free_modifier(head) && ctx.lex.word_lists.get("person_noun_endings").is_some_and(|l| l.iter().any(|e| h.ends_with(e.as_str())));
    quantity || people
}

/// "Eric Ames, a state senator, said" / "the authority's chair, Petra Holm, said": a name and
/// a description set side by side between commas are one speaker. The mention keeps its
/// token range (callers step past it), spans both, and carries the description as its title,
/// so the entity gets the name, the title and, through the title, its affiliation.
pub(super) fn with_appositive(ctx: &Ctx, m: Mention, a: usize, b: usize) -> Mention {
    let Some(x) = ctx.mention_after(a, b).filter(|x| x.first == a && x.end == b) else { return m };
    match (m.name.is_some(), x.name.is_some()) {
        (true, false) if matches!(x.kind, MentionKind::Anonymous | MentionKind::Group) && m.kind == MentionKind::Person => {
            let mut m = m;
            m.title = m.title.or(Some(x.span));
            m.span = Span::new(m.span.start, x.span.end);
            m
        }
        // ("her chief of staff, Tom Reyes": a phrase with a role word that ends in a group
        // word is one person's title)
        (false, true)
            if x.kind == MentionKind::Person
                && (matches!(m.kind, MentionKind::Anonymous | MentionKind::Person) || (m.kind == MentionKind::Group && m.role_title)) =>
        {
            let mut x = x;
            x.title = Some(m.span);
            x.span = Span::new(m.span.start, x.span.end);
            x.first = m.first;
            x.end = m.end;
            if x.gender == crate::lexicon::Gender::Unknown {
                x.gender = m.gender;
            }
            x
        }
        _ => m,
    }
}

/// "Dana Moss, 60, a farmer from Ames, Iowa, who runs the co-op, said": when a comma
/// stands right before the cue, the speaker is the subject that opens the sentence and the
/// comma-separated pieces after it are appositives. Taking the mention before the last
/// comma instead finds "Iowa" or nothing at all ("60"). The pieces must not hold a clause
/// of their own: no subject pronoun, no quotation, and a past-tense cue only inside a
/// relative clause ("who has endorsed her"), so "The plan failed, he conceded, ..." is left
/// alone. (Present-tense cue words are not checked: "the state fair" is no report.)
fn appositive_chain_head(ctx: &Ctx, floor: usize, comma: usize) -> Option<Mention> {
    const MAX_CHAIN: usize = 40;
    let m = subject_of(ctx, floor, comma)?;
    if !matches!(m.kind, MentionKind::Person | MentionKind::Organization | MentionKind::Anonymous | MentionKind::Group) {
        return None;
    }
    // the subject ends at a comma or a parenthetical ("Sen. Ames (R-Ga.), one of ...")
    let mut k = m.end;
    if ctx.is_punct(k, '(') {
        k = (k..(k + 8).min(comma)).find(|&j| ctx.is_punct(j, ')'))? + 1;
    }
    if !ctx.is_punct(k, ',') || k >= comma || comma - k > MAX_CHAIN {
        return None;
    }
    let mut relative = false;
    for j in k..comma {
        if ctx.is_punct(j, ',') {
            relative = j + 1 < comma && ctx.word_is(j + 1, WordClass::RelativePronouns);
            continue;
        }
        if ctx.in_quote(j) || ctx.word_is(j, WordClass::SubjectPronouns) || (!relative && ctx.cue_at(j).is_some() && ctx.is_past_cue(j)) {
            return None;
        }
    }
    let next = (k + 1..=comma).find(|&j| ctx.is_punct(j, ',')).unwrap_or(comma);
    Some(if k == m.end { with_appositive(ctx, m, k + 1, next) } else { m })
}

/// The subject of the sentence starting at `from`: the mention at its start, after a
/// dateline or a short introductory phrase ending in a comma ("Pressed further, Kirby ...").
fn subject_of(ctx: &Ctx, from: usize, limit: usize) -> Option<Mention> {
    let scan = ctx.scan;
    let s = &scan.sentences[ctx.sent_of[from] as usize];
    let mut start = first_own_token(ctx, from, limit)?;
    if let Some(d) = scan.datelines[s.paragraph] {
        if d >= start && d + 1 < limit {
            start = d + 1;
        }
    }
    // "And then Trump went on the attack": opening conjunctions and adverbs are not the subject
    while start + 1 < limit && ctx.word_is(start, WordClass::ClauseOpeners) {
        start += 1;
    }
    // a lone capitalised word opening the sentence is a name only if the document also
    // writes it capitalised in mid-sentence ("Appearing before supporters, Suu Kyi said")
    let lone_common = |m: &Mention| {
        m.kind == MentionKind::Person && m.end == m.first + 1 && m.first == ctx.sentence_start_token(m.first) && !ctx.proper.contains(ctx.lw(m.first))
    };
    let direct = ctx.mention_after(start, limit).filter(|m| m.first == start && !lone_common(m));
    if direct.is_some() {
        return direct;
    }
    // after an introductory phrase: "Thursday, after remaining neutral, Warren appeared ..."
    let mut tried = 0;
    for comma in (start..(start + 25).min(limit)).filter(|&k| ctx.is_punct(k, ',')) {
        // (a place after its town's comma is no subject: "in Dover, Ohio, Ada Holm said")
        if let Some(m) = ctx.mention_after(comma + 1, limit).filter(|m| m.first == comma + 1 && m.kind != MentionKind::Group && !town_place(ctx, m)) {
            return Some(m);
        }
        tried += 1;
        if tried == 3 {
            break;
        }
    }
    None
}

/// A place name alone ("Ohio", "New Hampshire"; grammar/speakers.toml `place_names`) set off
/// by commas after a town ("in Salem, Oregon, Ada Holm said"): where, not who. (A country
/// or state that acts is a subject as any other: "After the test, China said ...".)
fn town_place(ctx: &Ctx, m: &Mention) -> bool {
    m.first > 0
        && ctx.is_punct(m.first - 1, ',')
        && ctx.is_punct(m.end, ',')
        && m.honorific.is_none()
        && !m.role_title
        && ctx.lex.is("place_names", &ctx.lower[m.span.start..m.span.end])
}

/// How far back a speaker or clause is looked for before a quotation or cue: to the sentence
/// start or the previous quotation, but never more than this many tokens, so a giant
/// sentence costs linear time.
const LOOKBACK: usize = 64;

fn lookback_floor(ctx: &Ctx, sentence_start: usize, at: usize) -> usize {
    let lo = sentence_start.max(at.saturating_sub(LOOKBACK));
    (lo..at).rev().find(|&i| ctx.in_quote(i) && ctx.nickname_at(i).is_none()).map(|i| i + 1).unwrap_or(lo)
}

/// The end of the stretch `from..end` that holds no quotation.
fn quote_free_limit(ctx: &Ctx, from: usize, end: usize) -> usize {
    (from..end).find(|&i| ctx.in_quote(i)).unwrap_or(end)
}

fn found(ctx: &Ctx, cue_tok: usize, n: usize, mention: Mention, via: Via) -> Found {
    let cue = Span::new(ctx.scan.tokens[cue_tok].start, ctx.scan.tokens[cue_tok + n - 1].end);
    Found { cue, cue_tokens: (cue_tok, cue_tok + n), mention, via }
}

/// Kirby said: “...” / Kirby said, “...” / According to Kirby, “...”, also when the colon
/// ends the previous paragraph.
fn before_pattern(ctx: &Ctx, open_t: usize) -> Option<Found> {
    let scan = ctx.scan;
    if open_t == 0 {
        return None;
    }
    let s = &scan.sentences[ctx.sent_of[open_t] as usize];
    let (mut end, floor) = if open_t == s.first_token {
        // the previous paragraph may end "X said:"
        let prev = open_t - 1;
        if !ctx.is_punct(prev, ':') || ctx.sent_of[prev] as usize + 1 != ctx.sent_of[open_t] as usize {
            return None;
        }
        let ps = &scan.sentences[ctx.sent_of[prev] as usize];
        if ps.paragraph + 1 != s.paragraph {
            return None;
        }
        (prev, ps.first_token)
    } else {
        let floor = lookback_floor(ctx, s.first_token, open_t);
        (open_t, floor)
    };
    // the mark must follow a colon or a comma (or a dash)
    if end > floor && (ctx.is_punct(end - 1, ':') || ctx.is_punct(end - 1, ',') || scan.tokens[end - 1].kind == TokKind::Dash) {
        end -= 1;
    } else if end == open_t {
        return None;
    }
    // According to X, “...”
    if let Some((n, cue)) = ctx.cue_at(floor) {
        if cue.class == CueClass::AccordingTo {
            let m = ctx.mention_after(floor + n, end)?;
            if m.end == end {
                return Some(found(ctx, floor, n, m, Via::AccordingTo));
            }
            return None;
        }
    }
    // a label: “Frank Ames: “...”” at the start of a paragraph or after a dash
    if ctx.is_punct(end, ':') || (end < open_t && ctx.is_punct(end, ':')) {
        if let Some(m) = ctx.mention_before(end, floor) {
            let named = matches!(m.kind, MentionKind::Person | MentionKind::Organization) && m.name.is_some();
            let opens = m.first == floor || (m.first > floor && ctx.scan.tokens[m.first - 1].kind == TokKind::Dash);
            if opens && named && end - m.first <= 8 {
                let cue = ctx.tok_span(end);
                return Some(Found { cue, cue_tokens: (end, end + 1), mention: m, via: Via::Explicit });
            }
        }
    }
    // skip trailing adverbials and a short object ("told reporters on Friday:")
    for c in (floor..end).rev().take(8) {
        if let Some((n, cue)) = ctx.cue_at(c) {
            // a manner cue kept for after a quotation frames one right after it as well
            // ("Some chanted “Four more years!”"), but not across other words
            if matches!(cue.class, CueClass::AccordingTo | CueClass::Stance)
                || (ctx.lex.after_quote_only.contains(&cue.lemma) && (c + n != end || cue.class != CueClass::Speech))
                || ctx.lex.before_to_only.contains(&cue.lemma)
            {
                return None;
            }
            // what lies between the cue and the mark must be an object or adverbials
            let between_ok = (c + n..end).all(|i| ctx.scan.tokens[i].kind == TokKind::Word && !ctx.in_quote(i));
            if !between_ok {
                return None;
            }
            // "Said Comey, “...”": the cue opens the sentence and the speaker follows it
            if c == floor || c == ctx.sentence_start_token(c) {
                if let Some(m) = ctx.mention_after(c + n, end).filter(|m| m.end == end) {
                    return Some(found(ctx, c, n, m, Via::Explicit));
                }
            }
            let m = speaker_before(ctx, c, floor)?;
            return Some(found(ctx, c, n, m, Via::Explicit));
        }
    }
    None
}

/// “Clinton has since apologized: “...”” — a quotation introduced by a colon, with no cue,
/// belongs to the subject of the sentence that introduces it (also when the colon ends the
/// previous paragraph).
fn colon_intro(ctx: &Ctx, open_t: usize) -> Option<Found> {
    if open_t == 0 || !ctx.is_punct(open_t - 1, ':') {
        return None;
    }
    let colon = open_t - 1;
    let s = &ctx.scan.sentences[ctx.sent_of[colon] as usize];
    let Some(m) = subject_of(ctx, s.first_token, colon) else {
        return possessor_intro(ctx, s.first_token, colon);
    };
    if m.kind == MentionKind::Group && m.name.is_none() && !m.plural {
        return possessor_intro(ctx, s.first_token, colon);
    }
    // "The timing doesn't surprise pollster Dan Shaw: “...”": a subject that is no source
    // (a plain noun, no role word, no name) gives the quotation to the named person right
    // before the colon
    let plain = m.head.as_ref().is_none_or(|(t, _)| !ctx.word_is(*t, WordClass::Role) && !ctx.word_is(*t, WordClass::Group));
    // (not after a cue: "Another user tweeted at Ms. Merkel: “...”" is the user's; and only
    // a short clause is looked through, so that each quotation costs a bounded look)
    if m.kind == MentionKind::Anonymous && m.name.is_none() && plain && colon - m.end <= 24 && !(m.end..colon).any(|k| ctx.cue_at(k).is_some()) {
        if let Some(named) = ctx.mention_before(colon, m.end).filter(|n| n.kind == MentionKind::Person && n.name.is_some() && n.end == colon) {
            return Some(found(ctx, colon, 1, named, Via::Nearest));
        }
    }
    // the verb after the subject stands as the cue ("apologized", "echoed")
    let v = verb_after(ctx, m.end, colon).unwrap_or(colon);
    Some(found(ctx, v, 1, m, Via::Nearest))
}

/// "not" or a contracted "n't" among the tokens `a..b` (before a cue: "did not respond",
/// "wouldn't say"). Not the lexicon's negation list, which holds "never" and "no longer":
/// "has never said" still reports.
fn negated_between(ctx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).any(|k| ctx.lw(k) == "not" || ctx.lw(k).ends_with("n't") || ctx.lw(k).ends_with("n’t"))
}

/// "Ana Berg agreed. “The voters are tired of it.”", "Holt said in a statement. “…”": a
/// sentence of the writer's that ends with a cue reporting nothing (only adverbs and setting
/// phrases after it) introduces the quotation that opens the next sentence of the same
/// paragraph, as a colon would. A negated cue ("did not say.") introduces nothing.
fn period_intro(ctx: &Ctx, open_t: usize) -> Option<Found> {
    let s = ctx.sent_of[open_t] as usize;
    if s == 0 || open_t != ctx.scan.sentences[s].first_token || open_t == 0 || !ctx.is_punct(open_t - 1, '.') {
        return None;
    }
    let prev = &ctx.scan.sentences[s - 1];
    let period = open_t - 1;
    if prev.paragraph != ctx.scan.sentences[s].paragraph || prev.end_token != open_t || (prev.first_token..period).any(|k| ctx.in_quote(k)) {
        return None;
    }
    // the last cue of the sentence, with nothing but adjuncts between it and the period
    let (c, n) = (prev.first_token..period).rev().take(12).find_map(|c| ctx.cue_at(c).map(|(n, cue)| (c, n, cue))).and_then(|(c, n, cue)| {
        (ctx.skip_adjuncts(c + n, period) == period && cue.class != CueClass::AccordingTo && cue.class != CueClass::Stance).then_some((c, n))
    })?;
    if negated_between(ctx, prev.first_token, c) {
        return None;
    }
    let m = speaker_before(ctx, c, prev.first_token)?;
    Some(found(ctx, c, n, m, Via::Explicit))
}

/// "Her reply was blunt: “…”", "Holt's message was simple: “…”": a sentence that opens
/// with a possessive pronoun or a possessive name and ends in a colon before the quotation
/// introduces the possessor's words.
fn possessor_intro(ctx: &Ctx, from: usize, colon: usize) -> Option<Found> {
    let t = first_own_token(ctx, from, colon)?;
    if t + 2 >= colon || ctx.in_quote(t) {
        return None;
    }
    let w = ctx.lw(t);
    let m = if ctx.word_is(t, WordClass::Pronoun) && ctx.word_is(t, WordClass::GroupDeterminers) {
        ctx.mention_after(t, t + 1)?
    } else if ctx.is_cap(t) && (w.ends_with("'s") || w.ends_with("’s")) {
        let mut m = ctx.build(t, t + 1).filter(|m| m.kind == MentionKind::Person && m.name.is_some())?;
        // the name without its possessive ending
        let end = ctx.scan.tokens[t].end - if w.ends_with("'s") { 2 } else { "’s".len() };
        m.span = Span::new(m.span.start, end);
        m
    } else {
        return None;
    };
    let v = verb_after(ctx, t + 2, colon).unwrap_or(colon);
    Some(found(ctx, v, 1, m, Via::Nearest))
}

/// Transcripts and digests: a paragraph opening with a speaker label and a colon ("Q: ...",
/// "WALLACE: ...", "Frank Ames: ...") reports that speaker's words to the end of the
/// paragraph, with or without quotation marks. Labels are a name, a capitalised word written
/// in capitals, or Q and A.
/// "Mayor Holt: Ferry fares will not rise", "Holt to harbor staff: No layoffs this year": a
/// headline that opens with a named speaker (and, after "to", the audience) and a colon
/// reports what the speaker said, in headline style. The speaker must carry a name that
/// the article also writes capitalised mid-sentence, so "Poll Results: ..." or "Why It
/// Matters: ..." are left alone.
fn headline_label(ctx: &Ctx, pi: usize, a: usize, b: usize) -> Option<Draft> {
    let colon = (a + 1..(a + 12).min(b)).find(|&k| ctx.is_punct(k, ':'))?;
    if colon + 3 >= b || (a..colon).any(|k| ctx.in_quote(k)) {
        return None;
    }
    // in a title-case headline every word is capitalised: the name's last word must also
    // be written capitalised in the article's own sentences
    let named = |m: &Mention| {
        m.name.is_some_and(|(x, y)| (x..y).rev().find(|&k| ctx.scan.tokens[k].kind == TokKind::Word).is_some_and(|k| ctx.proper.contains(ctx.lw(k))))
            && matches!(m.kind, MentionKind::Person | MentionKind::Organization)
    };
    if ctx.lex.is("label_words", ctx.lw(colon - 1)) {
        return None;
    }
    let m = ctx.mention_after(a, colon).filter(named)?;
    // the audience: "to" and a mention that ends at the colon
    let audience_ok = m.end == colon || (ctx.lw(m.end) == "to" && ctx.mention_after(m.end + 1, colon).is_some_and(|x| x.end == colon));
    if !audience_ok {
        return None;
    }
    let content = Span::new(ctx.scan.tokens[colon + 1].start, ctx.scan.tokens[b - 1].end).trim(ctx.text);
    let words = (colon + 1..b).filter(|&k| matches!(ctx.scan.tokens[k].kind, TokKind::Word | TokKind::Number)).count();
    if words < 3 {
        return None;
    }
    let quoted = (colon + 1..b).any(|k| ctx.in_quote(k));
    Some(label_draft(ctx, pi, a, colon, content, m, if quoted { QuoteKind::Mixed } else { QuoteKind::Indirect }))
}

/// The report of a label line "SPEAKER: CONTENT" (a transcript or a headline): the colon is
/// its cue.
fn label_draft(ctx: &Ctx, pi: usize, a: usize, colon: usize, content: Span, m: Mention, kind: QuoteKind) -> Draft {
    let si = ctx.sent_of[a] as usize;
    Draft {
        kind,
        content,
        segments: vec![content],
        found: Some(Found { cue: ctx.tok_span(colon), cue_tokens: (colon, colon + 1), mention: m, via: Via::Explicit }),
        scan_quote: None,
        sentence: si,
        last_sentence: si,
        paragraph: pi,
        first_tok: colon + 1,
        speaker: None,
        dropped: false,
        bare_cue: None,
    }
}

/// "SPEAKER: words" opening a paragraph of a transcript: a name (or a label in capitals)
/// before a colon within the first few words.
fn transcript_label(ctx: &Ctx, pi: usize, a: usize, b: usize) -> Option<Draft> {
    let scan = ctx.scan;
    let colon = (a + 1..(a + 6).min(b)).find(|&k| ctx.is_punct(k, ':'))?;
    if (a..colon).any(|k| scan.tokens[k].kind != TokKind::Word) || colon + 3 >= b || ctx.in_quote(colon + 1) {
        return None;
    }
    // "Contributing: ...", "The Latest: ...", "UPDATE: ...": a newsroom label, no speaker
    if ctx.lex.is("label_words", ctx.lw(colon - 1)) {
        return None;
    }
    let caps = (a..colon).all(|k| ctx.raw(k).chars().all(|c| !c.is_lowercase()));
    let m = match ctx.mention_after(a, colon).filter(|m| m.end == colon && m.name.is_some()) {
        Some(m) => m,
        None if caps => ctx.phrase_mention(a, colon)?,
        None => return None,
    };
    let content = Span::new(scan.tokens[colon + 1].start, scan.tokens[b - 1].end).trim(ctx.text);
    Some(label_draft(ctx, pi, a, colon, content, m, QuoteKind::Direct))
}

fn transcript_labels(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let scan = ctx.scan;
    let mut new = Vec::new();
    for (pi, &(a, b)) in scan.paragraph_tokens.iter().enumerate() {
        if b <= a + 3 || ctx.in_quote(a) {
            continue;
        }
        let label = if scan.headline == Some(pi) { headline_label(ctx, pi, a, b) } else { transcript_label(ctx, pi, a, b) };
        let Some(d) = label else { continue };
        // quotations inside the label line belong to it
        for x in drafts.iter_mut() {
            if x.found.is_none() && d.content.contains(x.content) {
                x.dropped = true;
            }
        }
        new.push(d);
    }
    drafts.retain(|d| !d.dropped);
    drafts.extend(new);
}

/// Pass 1b: indirect speech from the cues that no quotation used.
/// Returns the quotation drafts that a mixed quotation took in, with the mixed
/// quotation's content, so they come back if its speaker cannot be resolved.
fn indirect_patterns(ctx: &Ctx, drafts: &mut Vec<Draft>) -> Vec<(Span, Draft)> {
    let scan = ctx.scan;
    let mut absorbed = Vec::new();
    let mut used = vec![false; scan.tokens.len()];
    for d in drafts.iter() {
        if let Some(f) = &d.found {
            for u in &mut used[f.cue_tokens.0..f.cue_tokens.1] {
                *u = true;
            }
        }
    }
    // top-level draft index by scanner quotation, to mark quotations covered by mixed content
    let mut draft_of_scan = vec![usize::MAX; scan.quotes.len()];
    for (i, d) in drafts.iter().enumerate() {
        if let Some(q) = d.scan_quote {
            draft_of_scan[q] = i;
        }
    }
    let mut new = Vec::new();
    let mut evidentials = Vec::new();
    for (si, s) in scan.sentences.iter().enumerate() {
        let mut i = s.first_token;
        while i < s.end_token {
            if used[i] || ctx.in_quote(i) {
                i += 1;
                continue;
            }
            let Some((n, cue)) = ctx.cue_at(i) else {
                i += 1;
                continue;
            };
            // some cues only work inverted after a quotation ("“...,” read the notice"), or
            // right before one ("Some chanted “Four more years!”")
            // (speech only: "can read “Water for All”" names a title)
            let quote_next = cue.class == CueClass::Speech && i + n < s.end_token && ctx.in_quote(i + n);
            if ctx.lex.after_quote_only.contains(&cue.lemma) && !quote_next {
                i += n;
                continue;
            }
            // evidential verbs report their subject with its complement ("seemed doomed", "is
            // expected to win"), also with no one named as holding the view
            let passive_belief = cue.class == CueClass::Belief && passive_before_to(ctx, s, i, n);
            // (after the other cues: "... are expected to rise, according to X" is X's report)
            if ctx.lex.evidential.contains(&cue.lemma) || passive_belief {
                evidentials.push((si, i, n, passive_belief));
                i += n;
                continue;
            }
            // some cues never stand before a "to" infinitive or a participle ("continues to
            // grow"), and some only before a "to" infinitive ("declined to comment")
            let never = ctx.lex.never_before_to.contains(&cue.lemma);
            let only = ctx.lex.before_to_only.contains(&cue.lemma);
            if never || only {
                let mut k = i + n;
                while k < s.end_token && ctx.is_adverb(k) {
                    k += 1;
                }
                let to = k < s.end_token && ctx.lw(k) == "to";
                let participle = k < s.end_token && ctx.lw(k).ends_with("ing") && ctx.scan.tokens[k].kind == TokKind::Word;
                if (never && (to || participle) && !ctx.in_quote(k)) || (only && !to) {
                    i += n;
                    continue;
                }
            }
            let got: Option<Found2> = if cue.class == CueClass::AccordingTo {
                according_to(ctx, si, i, n)
            } else {
                let whole = |got: Option<(Span, Found)>| got.map(|(c, f)| (c, vec![c], f));
                // "After the vote, farmers plan to sue": an intention's "to" infinitive is what
                // it reports, never the phrase before its subject
                let infinitive = cue.class == CueClass::Intention && {
                    let mut k = i + n;
                    while k < s.end_token && ctx.is_adverb(k) {
                        k += 1;
                    }
                    k < s.end_token && ctx.lw(k) == "to" && !ctx.in_quote(k)
                };
                if cue.class == CueClass::Stance || infinitive {
                    whole(speaker_then_clause(ctx, si, i, n))
                } else {
                    parenthetical(ctx, si, i, n).or_else(|| whole(clause_then_speaker(ctx, si, i, n).or_else(|| speaker_then_clause(ctx, si, i, n))))
                }
            };
            // belief and intention cues are often nouns ("the harbor plan"): they need a
            // speaker that is a name, a pronoun, a role or a group, not any noun phrase; and
            // "Cost estimates, ..." is a noun after a lone sentence-opening capital
            let got = got.filter(|(_, _, f)| {
                let m = &f.mention;
                // (a person's name that the article also writes capitalised mid-sentence is
                // a name all the same: "Holt hopes the ferry will run")
                let known_name = m.kind == MentionKind::Person && ctx.proper.contains(ctx.lw(m.first));
                let lone_opener = m.end == m.first + 1 && m.first == ctx.sentence_start_token(m.first) && m.kind != MentionKind::Pronoun && !known_name;
                let noun_cue = ctx.word_is(f.cue_tokens.0, WordClass::NounFormCue);
                (!matches!(cue.class, CueClass::Belief | CueClass::Intention | CueClass::Stance) || !free_headed(ctx, m) || that_complement(ctx, i, n, m))
                    && !(noun_cue && lone_opener)
            });
            // "sees the levy as a tax", "saw that the vote was lost": some perception verbs
            // report a stance only with an "as" complement or a that-clause (grammar/cues.toml,
            // `complement_only`)
            // (the inverted order frames a whole clause: "The plan is sound, Ames maintained")
            let got =
                got.filter(|(content, _, f)| !ctx.lex.complement_only.contains(&cue.lemma) || stance_complement(ctx, *content) || content.end <= f.cue.start);
            if let Some((content, segments, f)) = got {
                let end_tok = f.cue_tokens.1;
                // quotations inside the reported clause make it a mixed quotation; the
                // quotations met are found through the clause's own tokens (linear)
                let (ca, cb) = (ctx.tok_at(content.start), ctx.tok_at(content.end));
                let mut inside: Vec<usize> = Vec::new();
                for k in ca..cb.min(scan.tokens.len()) {
                    if let Some(qi) = scan.token_quote[k] {
                        let qi = qi as usize;
                        if inside.last() != Some(&qi) && scan.quotes[qi].open.start >= content.start {
                            inside.push(qi);
                        }
                    }
                }
                let taken = |qi: usize| draft_of_scan[qi] != usize::MAX && drafts[draft_of_scan[qi]].found.is_some();
                // "Berg said Holt was “right” when she said that “the harbor is in ruins”": a
                // quotation given to a speaker by a cue of its own inside the reported clause,
                // before the quotation, is a report nested in this one; this one stands all
                // the same (the nested report keeps its speaker)
                let nested = |qi: usize| {
                    drafts[draft_of_scan[qi]].found.as_ref().is_some_and(|g| g.cue.start >= content.start && g.cue.end <= scan.quotes[qi].open.start)
                };
                let taken_speaker = inside.iter().any(|&qi| taken(qi) && !nested(qi));
                let kind = if inside.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
                if !taken_speaker {
                    // extend over a quotation that runs past the clause end
                    let content = inside.iter().fold(content, |c, &qi| c.cover(scan.quotes[qi].outer()));
                    let free: Vec<usize> = inside.iter().copied().filter(|&qi| draft_of_scan[qi] != usize::MAX && !taken(qi)).collect();
                    for qi in free {
                        absorbed.push((content, drafts[draft_of_scan[qi]].clone()));
                        drafts[draft_of_scan[qi]].dropped = true;
                    }
                    // "Cost estimates, he added, were “based on a prototype”": the parenthetical
                    // cue stays out of a mixed quotation as well, unless a quotation runs across it
                    let across = |a: Span, b: Span| inside.iter().any(|&qi| scan.quotes[qi].outer().start < a.end && scan.quotes[qi].outer().end > b.start);
                    let segments = match segments.as_slice() {
                        _ if segments.len() > 1 && kind == QuoteKind::Indirect => segments,
                        [a, b] if !across(*a, *b) => vec![Span::new(content.start.min(a.start), a.end), Span::new(b.start, content.end.max(b.end))],
                        _ => vec![content],
                    };
                    new.push(Draft {
                        kind,
                        content,
                        segments,
                        found: Some(f),
                        scan_quote: None,
                        sentence: si,
                        last_sentence: si,
                        paragraph: s.paragraph,
                        first_tok: ctx.tok_at(content.start),
                        speaker: None,
                        dropped: false,
                        bare_cue: None,
                    });
                    for u in &mut used[i..end_tok.max(i + n)] {
                        *u = true;
                    }
                    // PolNeAR-style univocal attribution: a cue inside a reported clause does
                    // not open a second report of its own
                    let (ca, cb) = (ctx.tok_at(content.start), ctx.tok_at(content.end));
                    for u in &mut used[ca..cb.min(scan.tokens.len())] {
                        *u = true;
                    }
                }
            }
            i += n;
        }
    }
    for (si, i, n, passive) in evidentials {
        if used[i] {
            continue;
        }
        if let Some(d) = evidential(ctx, si, i, n, passive) {
            let (ca, cb) = (ctx.tok_at(d.content.start), ctx.tok_at(d.content.end).min(scan.tokens.len()));
            if used[ca..cb].iter().any(|&u| u) {
                continue;
            }
            for u in &mut used[ca.min(i)..cb.max(i + n)] {
                *u = true;
            }
            new.push(d);
        }
    }
    drafts.extend(new);
    absorbed
}

/// Whether a reported clause is a that-clause or holds the "as" of an object complement
/// ("the levy as a tax on commuters"). The "as" is looked for within the first words only:
/// it follows the object, and a bounded look keeps the pass linear.
fn stance_complement(ctx: &Ctx, content: Span) -> bool {
    // the longest object phrase before "as" (tokens)
    const MAX_OBJECT: usize = 12;
    let (a, b) = (ctx.tok_at(content.start), ctx.tok_at(content.end).min(ctx.scan.tokens.len()));
    a < b && (ctx.lw(a) == "that" || (a + 1..b.min(a + 1 + MAX_OBJECT)).any(|k| ctx.lw(k) == "as" && !ctx.in_quote(k)))
}

/// "In a survey released Monday, 60 percent of tenants said ...": the share of respondents
/// reports inside the finding, and PolNeAR (like an editor) takes the poll or survey for the
/// source. The speaker of a cue whose mention opens with a share (a number, "%" or a
/// quantifier) becomes the opening "In ..." phrase before it when that phrase holds a finding
/// noun (`finding_nouns`) and ends at the comma right before the share. Looks back at most
/// `MAX_BACK` tokens. (`in_findings` covers the same opening when no cue follows.)
fn shares_of_findings(ctx: &Ctx, drafts: &mut [Draft]) {
    const MAX_BACK: usize = 24;
    for d in drafts.iter_mut().filter(|d| !d.dropped) {
        let Some(f) = d.found.as_mut() else { continue };
        let m = &f.mention;
        let share = (m.first..m.end.min(m.first + 2))
            .any(|k| matches!(ctx.scan.tokens[k].kind, TokKind::Number | TokKind::Punct('%')) || ctx.word_is(k, WordClass::Quantifiers));
        if !share || m.first == 0 {
            continue;
        }
        // the sentence opens with "In", the opening phrase ends at the comma right before the
        // share (no other comma in it) and holds a finding noun, all within `MAX_BACK` tokens
        let Some(own) = first_own_token(ctx, ctx.sentence_start_token(m.first), m.first) else { continue };
        if ctx.lw(own) != "in" || m.first - own > MAX_BACK || !ctx.is_punct(m.first - 1, ',') {
            continue;
        }
        let phrase = own + 1..m.first - 1;
        if phrase.clone().any(|j| ctx.in_quote(j) || ctx.is_punct(j, ',')) || !phrase.clone().any(|j| ctx.word_is(j, WordClass::FindingNouns)) {
            continue;
        }
        if let Some(src) = ctx.phrase_mention(phrase.start, phrase.end) {
            f.mention = src;
            f.via = Via::AccordingTo;
        }
    }
}

/// "In the latest poll, the mayor leads by four points": a sentence opening with "in" and a
/// poll, survey or study (grammar/speakers.toml, `finding_nouns`) reports what that finding
/// says, as "according to" does. Runs after the other patterns: "In a statement, the board
/// said ..." is the board's report.
fn in_findings(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    const MAX_SOURCE: usize = 12;
    let scan = ctx.scan;
    let mut taken: Vec<Span> = drafts.iter().map(|d| d.content).collect();
    taken.sort();
    let overlaps = |taken: &[Span], s: Span| {
        let i = taken.partition_point(|t| t.end <= s.start);
        taken[i.saturating_sub(1)..].iter().take(3).any(|t| t.overlaps(s))
    };
    let mut new = Vec::new();
    for (si, s) in scan.sentences.iter().enumerate() {
        let Some(first) = first_own_token(ctx, s.first_token, s.end_token) else { continue };
        if ctx.lw(first) != "in" || ctx.in_quote(first) {
            continue;
        }
        let Some(comma) = (first + 1..s.end_token.min(first + 1 + MAX_SOURCE)).find(|&k| ctx.is_punct(k, ',')) else { continue };
        if comma < first + 2 || !ctx.word_is(comma - 1, WordClass::FindingNouns) || (first + 1..comma).any(|k| ctx.in_quote(k)) {
            continue;
        }
        let Some(m) = ctx.phrase_mention(first + 1, comma) else { continue };
        let Some(content) = clause_span(ctx, comma + 1, clause_end(ctx, comma + 1, s.end_token)) else { continue };
        if overlaps(&taken, content) {
            continue;
        }
        new.push(Draft {
            kind: QuoteKind::Indirect,
            content,
            segments: vec![content],
            found: Some(found(ctx, first, 1, m, Via::AccordingTo)),
            scan_quote: None,
            sentence: si,
            last_sentence: si,
            paragraph: s.paragraph,
            first_tok: comma + 1,
            speaker: None,
            dropped: false,
            bare_cue: None,
        });
    }
    let _ = &mut taken;
    drafts.extend(new);
}

/// "the mayor's claim that the ferry would run", "his warning that fares will rise",
/// "speculation that the deal will fail": a noun of saying or believing (grammar/speakers.toml,
/// `report_nouns`) right before "that" reports the that-clause. The possessor before the noun
/// (over at most `MAX_MODIFIERS` words: "her repeated assurances") is the speaker; a noun with
/// an article or none names no one, and the report is output with its cue only, as PolNeAR
/// annotates it. A "that" followed by an auxiliary or a past form opens a relative clause
/// ("the claim that was rejected", "the warning that followed"); PolNeAR train, over some 90
/// nouns of saying and believing: of 42 such "that"s, 2 opened a report. A cue form with
/// nothing before it to make it a noun ("the mayor hopes that") is a verb, left to the verb
/// patterns. PolNeAR train: 91 reports found, 66 of them gold. Linear: a bounded look back
/// (`MAX_MODIFIERS` and the speaker rules' own bounds) at each "that" after such a noun.
fn noun_reports(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    const MAX_MODIFIERS: usize = 2;
    let scan = ctx.scan;
    let mut taken: Vec<Span> = drafts.iter().map(|d| d.content).collect();
    taken.sort();
    let overlaps = |s: Span| {
        let i = taken.partition_point(|t| t.end <= s.start);
        taken[i.saturating_sub(1)..].iter().take(3).any(|t| t.overlaps(s))
    };
    let mut new = Vec::new();
    for (si, s) in scan.sentences.iter().enumerate() {
        for k in s.first_token + 1..s.end_token.saturating_sub(2) {
            let noun = k - 1;
            if ctx.lw(k) != "that" || ctx.in_quote(k) || ctx.in_quote(noun) || !ctx.lex.is("report_nouns", ctx.lw(noun)) {
                continue;
            }
            let next = k + 1;
            let w = ctx.lw(next);
            if scan.tokens[next].kind != TokKind::Word || ctx.word_is(next, WordClass::Auxiliary) || (w.ends_with("ed") && !ctx.is_cap(next)) {
                continue;
            }
            // the word that makes the noun a noun: a possessor or a determiner, over a few
            // plain modifiers ("his repeated", "the campaign's false")
            let possessor = |j: usize| ["'s", "’s", "s'", "s’"].iter().any(|p| ctx.lw(j).ends_with(p)) || matches!(scan.tokens[j].kind, TokKind::Mark(_));
            let mut owner = None;
            for j in (s.first_token.max(noun.saturating_sub(MAX_MODIFIERS + 1))..noun).rev() {
                // "the hawks’ warnings": the apostrophe of a plural possessive is a mark of its own
                let apostrophe = j > s.first_token
                    && matches!(scan.tokens[j].kind, TokKind::Mark(_))
                    && scan.tokens[j - 1].end == scan.tokens[j].start
                    && scan.tokens[j - 1].kind == TokKind::Word
                    && ctx.lw(j - 1).ends_with('s')
                    && matches!(ctx.raw(j), "'" | "’");
                if apostrophe {
                    owner = Some(j);
                    break;
                }
                if scan.tokens[j].kind != TokKind::Word || ctx.in_quote(j) {
                    break;
                }
                if possessor(j) || ctx.word_is(j, WordClass::Determiner) || ctx.word_is(j, WordClass::GroupDeterminers) {
                    owner = Some(j);
                    break;
                }
                if ctx.cue_at(j).is_some() || ctx.word_is(j, WordClass::Auxiliary) {
                    break;
                }
            }
            if owner.is_none() && ctx.cue_at(noun).is_some() {
                continue;
            }
            let mention = owner.and_then(|j| {
                let w = ctx.lw(j);
                if let Some(m) = ctx.possessive_mention(j) {
                    Some(m)
                } else if possessor(j) {
                    // (the apostrophe of "the hawks’" is a token of its own, after the phrase)
                    let mark = matches!(scan.tokens[j].kind, TokKind::Mark(_));
                    let end = if mark { j } else { j + 1 };
                    // ("the harbor master's", "budget hawks’", which no speaker rule heads: the
                    // phrase from its determiner over at most `MAX_MODIFIERS` words, or the head
                    // with one plain word before it)
                    let phrase = || {
                        let lo = s.first_token.max(end.saturating_sub(MAX_MODIFIERS + 2));
                        let plain = |i: usize| scan.tokens[i].kind == TokKind::Word && !ctx.in_quote(i);
                        let det = (lo..end - 1).rev().take_while(|&i| plain(i)).find(|&i| ctx.word_is(i, WordClass::Determiner));
                        let a = det.unwrap_or(if end >= 2 && end - 2 >= s.first_token && ctx.is_free_modifier(end - 2) { end - 2 } else { end - 1 });
                        ctx.phrase_mention(a, end)
                    };
                    let mut m = ctx.mention_before(end, s.first_token).filter(|m| m.end == end && (mark || possessive(ctx, m))).or_else(phrase)?;
                    // the name without its possessive ending
                    if !mark {
                        let bare = entities::strip_possessive(w).trim_end_matches(['\'', '’']);
                        m.span = Span::new(m.span.start, scan.tokens[j].end - (w.len() - bare.len()));
                    }
                    Some(m)
                } else {
                    None
                }
            });
            // "Ames rejected the notion that ...", "critics raised concerns that ...": with no
            // possessor, the noun phrase is the object of a verb, whose subject PolNeAR takes
            // for the source
            let phrase_start = match owner {
                Some(j) if ctx.word_is(j, WordClass::Determiner) => Some(j),
                None => Some(noun),
                _ => None,
            };
            let mention = mention.or_else(|| {
                let v = phrase_start?.checked_sub(1).filter(|&v| v > s.first_token)?;
                if scan.tokens[v].kind != TokKind::Word
                    || ctx.in_quote(v)
                    || ctx.is_cap(v)
                    || ctx.word_is(v, WordClass::Determiner)
                    || ctx.word_is(v, WordClass::RolePrepositions)
                {
                    return None;
                }
                speaker_before(ctx, v, s.first_token).filter(|m| m.relative.is_none() && !free_headed(ctx, m))
            });
            let Some(content) = clause_span_min(ctx, k, clause_end(ctx, k, s.end_token), 3) else { continue };
            if overlaps(content) {
                continue;
            }
            let cue = Span::new(scan.tokens[noun].start, scan.tokens[noun].end);
            let bare = mention.is_none();
            new.push(Draft {
                kind: QuoteKind::Indirect,
                content,
                segments: vec![content],
                found: mention.map(|m| found(ctx, noun, 1, m, Via::Explicit)),
                scan_quote: None,
                sentence: si,
                last_sentence: si,
                paragraph: s.paragraph,
                first_tok: k,
                speaker: None,
                dropped: false,
                bare_cue: bare.then_some(cue),
            });
        }
    }
    drafts.extend(new);
}

/// "Asked whether the ferry would run, Holt said ...", "When asked why, ...": the question
/// an unnamed asker (usually the reporter) put, reported from the question word
/// (grammar/speakers.toml, `question_words`) to the end of its clause. It has no speaker:
/// the asker is not named, and the answer that follows is the speaker's own report.
fn asked_questions(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let scan = ctx.scan;
    let mut taken: Vec<Span> = drafts.iter().map(|d| d.content).collect();
    taken.sort();
    let overlaps = |taken: &[Span], s: Span| {
        let i = taken.partition_point(|t| t.end <= s.start);
        taken[i.saturating_sub(1)..].iter().take(3).any(|t| t.overlaps(s))
    };
    let mut new = Vec::new();
    for (si, s) in scan.sentences.iter().enumerate() {
        let Some(first) = first_own_token(ctx, s.first_token, s.end_token) else { continue };
        // "Asked ..." opening the sentence, or "when asked ..." anywhere in it
        let Some(k) = (first..s.end_token)
            .find(|&t| ctx.lw(t) == "asked" && !ctx.in_quote(t) && (t == first || (t > s.first_token && ctx.word_is(t - 1, WordClass::ParticipleBreak))))
        else {
            continue;
        };
        // past the asker ("Asked by the host ...") and a phrase of when or where ("Asked
        // during a debate why ..."), to the question word, the infinitive or "about"
        let opens = |j: usize| ctx.word_is(j, WordClass::QuestionWords) || matches!(ctx.lw(j), "to" | "about");
        let Some(q) = (k + 1..(k + 9).min(s.end_token)).take_while(|&j| !ctx.in_quote(j) && ctx.scan.tokens[j].kind == TokKind::Word).find(|&j| opens(j))
        else {
            continue;
        };
        if q > k + 1 && !ctx.word_is(k + 1, WordClass::SettingPrepositions) {
            continue;
        }
        // the question ends at the comma before the answer ("Asked which ward was his
        // favorite, he demurred")
        let to = (q..s.end_token).find(|&j| ctx.is_punct(j, ',') && !ctx.in_quote(j)).unwrap_or(s.end_token);
        let Some(content) = clause_span_min(ctx, q, clause_end(ctx, q, to), 2) else { continue };
        if overlaps(&taken, content) {
            continue;
        }
        new.push(Draft {
            kind: QuoteKind::Indirect,
            content,
            segments: vec![content],
            found: None,
            scan_quote: None,
            sentence: si,
            last_sentence: si,
            paragraph: s.paragraph,
            first_tok: q,
            speaker: None,
            dropped: false,
            bare_cue: None,
        });
    }
    let _ = &mut taken;
    drafts.extend(new);
}

/// Where the reported clause that starts at `from` ends, at most at `to` (grammar/cues.toml,
/// `clause_breaks`): PolNeAR-style content stops where the reporter's own words take over
/// again ("called the plan “a mess”, linking to ...").
fn clause_end(ctx: &Ctx, from: usize, to: usize) -> usize {
    // the longest subject phrase a relative clause may follow (tokens, comma included)
    const MAX_SUBJECT: usize = 8;
    // the longest rest of a sentence read for a cue before a long report goes on (tokens)
    const MAX_LONG_REST: usize = 40;
    // the longest rest of a sentence read for a closing comma after ", a ..." (tokens)
    const MAX_APPOSITIVE: usize = 40;
    // the fewest tokens of a report before such an appositive: after a bare name the phrase
    // says who the name is and belongs to the report ("criticized Ada Holm, the mayor")
    const MIN_BEFORE_APPOSITIVE: usize = 5;
    let toks = &ctx.scan.tokens;
    let subordinate = in_subordinate_clause(ctx, from);
    // whether a quotation stands in `from..seen_to`: advanced only as far as asked, so the
    // walk stays linear in the clause's length
    let (mut seen_to, mut quoted_before) = (from, false);
    // whether `from..past_to` holds a past-tense verb, a comma or a quotation (for "and")
    let (mut past_to, mut past_seen, mut series_or_quote) = (from, false, false);
    // whether `from..past_to` holds an -ing word (for "and" + a participle)
    let ing_form = |i: usize| ctx.scan.tokens[i].kind == TokKind::Word && ctx.lw(i).ends_with("ing") && ctx.lw(i).len() > 5;
    let mut ing_seen = false;
    // whether `from..past_to` holds a verb of the report's own (an auxiliary, a past form or
    // a cue word) or opens with "that" (for "and" + an irregular past)
    let mut verb_seen = ctx.lw(from) == "that";
    let mut k = from + 1;
    while k < to {
        if ctx.scan.token_depth[k] > ctx.level {
            k += 1;
            continue;
        }
        let kind = toks[k].kind;
        // "While critics argue that X, the president has ...": a report inside a subordinate
        // clause ends where the main clause begins, at the clause's comma
        if subordinate && kind == TokKind::Punct(',') && !number_comma(ctx, k) {
            return k;
        }
        // ... and at a comma inside a closing quotation mark: "After the mayor called the
        // plan “a fraud,” the council voted it down"
        if subordinate && k >= from + 2 && matches!(toks[k - 1].kind, TokKind::Mark(_)) && ctx.is_punct(k - 2, ',') {
            return k;
        }
        // "people -- unnamed -- are threatened", "46 percent of members — and 31 percent of
        // all voters — remain undecided": an aside of up to ten words between dashes goes on
        // (PolNeAR train: content runs through a dash more often than it stops at one)
        if kind == TokKind::Dash {
            if let Some(j) = (k + 1..(k + 12).min(to)).find(|&j| toks[j].kind == TokKind::Dash) {
                k = j + 1;
                continue;
            }
        }
        if matches!(kind, TokKind::Punct(';') | TokKind::Dash | TokKind::Punct('(')) {
            return k;
        }
        // "..., Clinton said ..." / "... and Trump says ...": another speaker and cue start a
        // report of their own
        let coordinator = kind == TokKind::Word && ctx.word_is(k, WordClass::Coordinators);
        let joins = kind == TokKind::Punct(',') || coordinator;
        // "says she hopes to win, but she knows that “...”": a second clause that quotes the
        // speaker is the same report going on, when the first held no quotation and the
        // quotation opens within a few words, after no new noun phrase ("and there was “no
        // evidence”", "and “we will ...”", not "and at one point the crowd chanted “...”")
        // The same holds after the other words that end a report, after a comma ("..., but
        // “we are still counting”", "..., as “a disgrace”") or anywhere ("but “...”"), and
        // for a participle after a comma, which has no subject of its own to bring in
        // ("..., calling it “a mess”", "..., noting her “limited” role"): PolNeAR bundles the
        // quoted words with the report they finish.
        // (a cue after the comma opens a report of its own, as PolNeAR marks it: "...,
        // saying “...”")
        let after_comma_word = kind == TokKind::Word && k > from && ctx.is_punct(k - 1, ',') && ctx.cue_at(k).is_none();
        let at_break = coordinator || (kind == TokKind::Word && ctx.word_is(k, WordClass::ClauseBreak)) || after_comma_word;
        if at_break {
            while seen_to < k {
                quoted_before |= ctx.scan.token_depth[seen_to] > ctx.level;
                seen_to += 1;
            }
        }
        let participle = after_comma_word && ctx.lw(k).ends_with("ing") && ctx.lw(k).len() > 5;
        let quoted_sequel = at_break
            && !quoted_before
            && (k + 1..(k + 7).min(to)).find(|&j| ctx.scan.token_depth[j] > ctx.level).is_some_and(|q| {
                // (after a subordinator, a cue of its own is a report of its own: "..., although
                // he tweeted that “...”")
                (k + 1..q).all(|j| {
                    toks[j].kind == TokKind::Word
                        && !ctx.is_cap(j)
                        && (participle || !ctx.word_is(j, WordClass::Determiner))
                        && (coordinator || ctx.cue_at(j).is_none())
                })
            });
        if joins && !quoted_sequel && k + 2 < to {
            if let Some(m) = ctx.mention_after(k + 1, to) {
                let mut c = m.end;
                while c < to && ctx.is_skippable(c) {
                    c += 1;
                }
                if m.first == k + 1 && ctx.cue_at(c).is_some() {
                    return k;
                }
            }
        }
        if kind == TokKind::Word {
            let w = ctx.lw(k);
            let next = (k + 1 < to).then(|| ctx.lw(k + 1));
            // a comma inside a closing quotation mark ends the clause as well: "said that
            // he had “expanded the party,” claiming ..."
            let after_comma = ctx.is_punct(k - 1, ',') || (k >= 2 && matches!(toks[k - 1].kind, TokKind::Mark(_)) && ctx.is_punct(k - 2, ','));
            // "that X, and that Y": a second complement of the same cue goes on
            let continues = ctx.word_is(k, WordClass::Coordinators) && next == Some("that");
            // "said the bridge would stay shut until the engineers had checked every cable, and
            // the ferry would run in its place": after a reported clause at least as long as
            // the rest of the sentence, a comma and one of these words usually go on with the
            // report (`long_report_goes_on`); after a short one they usually end it
            // (and when the rest holds no cue of a report of its own: "..., but now Ames plans
            // to ..."; the rest is read only when it is short, so the walk stays linear)
            let long_goes_on = after_comma
                && ctx.lex.is("long_report_goes_on", w)
                && k - from >= to - k
                && to - k <= MAX_LONG_REST
                && (k + 1..to).all(|j| ctx.cue_at(j).is_none());
            let goes_on = ctx.word_is(k, WordClass::ReportGoesOn) || long_goes_on;
            // "said the agency, which has drawn criticism for years, is in retreat": a
            // relative clause between the reported clause's subject and its verb; the report
            // goes on when an auxiliary follows the relative clause's closing comma
            if after_comma && ctx.word_is(k, WordClass::RelativePronouns) && k - from <= MAX_SUBJECT {
                let close = (k + 2..(k + 25).min(to)).find(|&j| ctx.scan.token_depth[j] <= ctx.level && ctx.is_punct(j, ','));
                if let Some(j) = close.filter(|&j| j + 1 < to && ctx.word_is(j + 1, WordClass::Auxiliary)) {
                    k = j + 1;
                    continue;
                }
            }
            // "said that, while the ferry loses money, it is vital": a clause put before the
            // reported clause's subject, right after "that", is part of the report
            let after_that = k >= from + 2 && ctx.lw(k - 2) == "that" && k - 2 == from;
            if after_comma
                && !continues
                && !goes_on
                && !after_that
                && !quoted_sequel
                && (ctx.word_is(k, WordClass::ClauseBreakAfterComma) || (w.ends_with("ing") && w.len() > 5))
            {
                return k - 1;
            }
            if continues {
                k += 1;
                continue;
            }
            // "..., a move that angered drivers": the writer's comment on the whole report
            if after_comma && ctx.word_is(k, WordClass::IndefiniteArticles) {
                let rel = (k + 1..(k + 4).min(to)).find(|&j| ctx.lw(j) == "that" || ctx.word_is(j, WordClass::RelativePronouns));
                if rel.is_some() {
                    return k - 1;
                }
            }
            // "said the pier would close, a step the council had long resisted", "..., the
            // worst storm in a decade": a noun phrase opened by an article after the sentence's
            // last comma is an appositive the writer adds on the report or on its last noun
            // (PolNeAR train, gold contents without quotation marks: such a final phrase ends
            // the content 208 times and goes on 160; one closed by a later comma, "Ames, a
            // pilot, said", mostly goes on and is left alone). Read only when the rest of the
            // sentence is short (`MAX_APPOSITIVE` tokens), so the walk stays linear.
            // (after a quotation the phrase is left to the report, as PolNeAR bundles quoted
            // words with what finishes them: "called the deal “a steal,” the best in years")
            let appositive = after_comma && ctx.word_is(k, WordClass::AppositiveArticles) && k - from >= MIN_BEFORE_APPOSITIVE && to - k <= MAX_APPOSITIVE;
            if appositive {
                while seen_to < k {
                    quoted_before |= ctx.scan.token_depth[seen_to] > ctx.level;
                    seen_to += 1;
                }
            }
            if appositive
                && !quoted_sequel
                && !quoted_before
                && (k + 1..to).all(|j| {
                    ctx.scan.token_depth[j] <= ctx.level
                        && ctx.cue_at(j).is_none()
                        && !ctx.lex.is("series_conjunctions", ctx.lw(j))
                        && !matches!(toks[j].kind, TokKind::Punct(',') | TokKind::Punct(';') | TokKind::Punct(':') | TokKind::Dash | TokKind::Mark(_))
                })
                // (an auxiliary within two words of the article makes the phrase the subject of
                // the reported clause after a fronted phrase: "said that even in small towns,
                // the ferry is a lifeline"; one further on is a relative clause's, "a step the
                // board had resisted"; a clitic "'s" is a possessive here)
                && !(k + 2..(k + 4).min(to)).any(|j| ctx.word_is(j, WordClass::Auxiliary) && toks[j].start != toks[j - 1].end)
            {
                return k - 1;
            }
            if ctx.word_is(k, WordClass::ClauseBreak) && !quoted_sequel && !long_goes_on {
                return k;
            }
            // ("said the board could save money by closing the pier": after some of these
            // words the reported clause goes on, unless a cue follows, "by saying ...")
            let goes_on_before_participle = ctx.word_is(k, WordClass::ParticipleGoesOn) && ctx.cue_at(k + 1).is_none();
            if ctx.word_is(k, WordClass::ParticipleBreak) && !goes_on_before_participle && next.is_some_and(|n| n.ends_with("ing") && n.len() > 5) {
                return k;
            }
            if ctx.word_is(k, WordClass::Coordinators) {
                // ("... and has said that ...": auxiliaries and adverbs may come first)
                let mut v = k + 1;
                while v < to && v < k + 4 && ctx.is_skippable(v) {
                    v += 1;
                }
                // (a cue's bare base form goes on with the reported clause's own verb phrase,
                // "would muddle the figures and consider the fines a cost"; a report of its
                // own has the tense of a report, "and warned", "and says")
                let base_form = |i: usize| ctx.cue_at(i).is_some_and(|(n, q)| n == 1 && ctx.lex.cue_lemmas[q.lemma as usize] == ctx.lw(i));
                // (a past form: "-ed" on a word longer than "used")
                let ed_form = |i: usize| ctx.scan.tokens[i].kind == TokKind::Word && ctx.lw(i).ends_with("ed") && ctx.lw(i).len() > 4;
                let verb =
                    |i: usize| i < to && (ed_form(i) || (ctx.scan.tokens[i].kind == TokKind::Word && ctx.word_is(i, WordClass::CueWord) && !base_form(i)));
                // (a bare "not" is no auxiliary: "personal and not work-related")
                let auxiliary = (k + 1..v).any(|i| ctx.word_is(i, WordClass::Auxiliary) && ctx.lw(i) != "not");
                // "said the crew had checked the hull and repainted the deck": after a reported
                // clause in the past tense (a verb in -ed or `past_auxiliaries`), with no comma
                // (a series: "suggested X, called Y and boycotted Z") and no quotation, a past
                // verb after "and" that is no cue goes on with the clause
                // (`past_to` only moves forward, so the clause is read once)
                let past = |i: usize| ed_form(i) || (ctx.scan.tokens[i].kind == TokKind::Word && ctx.word_is(i, WordClass::PastAuxiliaries));
                while past_to < k {
                    past_seen |= past(past_to);
                    ing_seen |= ing_form(past_to);
                    verb_seen |= ed_form(past_to)
                        || ctx.word_is(past_to, WordClass::Auxiliary)
                        || ctx.word_is(past_to, WordClass::CueWord)
                        || ctx.word_is(past_to, WordClass::IrregularPasts);
                    series_or_quote |= ctx.is_punct(past_to, ',') || ctx.scan.token_depth[past_to] > ctx.level;
                    past_to += 1;
                }
                // "dismissed the remarks as “a stunt” and reportedly urged ...": adverbs alone
                // before the verb start a second verb phrase of the subject's as well
                let adverbs = v > k + 1 && (k + 1..v).all(|i| ctx.is_adverb(i));
                let parallel = past_seen && !series_or_quote && !after_comma && ctx.cue_at(k + 1).is_none() && ctx.cue_at(v).is_none();
                if (verb(k + 1) || ((auxiliary || adverbs) && verb(v))) && !parallel {
                    return k;
                }
                // "talked about the ferry and made a motion to ...": an irregular past likewise,
                // after a report with no verb of its own (a noun phrase, an infinitive); after a
                // reported clause it may be the clause's ("said the town paid the fee and also
                // paid the fines") (grammar/speakers.toml `irregular_pasts`)
                let irregular = |i: usize| i < to && ctx.scan.tokens[i].kind == TokKind::Word && ctx.word_is(i, WordClass::IrregularPasts);
                if (irregular(k + 1) || ((auxiliary || adverbs) && irregular(v))) && !verb_seen && !parallel {
                    return k;
                }
                // "criticizing the state of the pier and inspecting the ferry": a participle with an
                // object after "and" is the speaker's next act, unless the report itself holds
                // an -ing word it continues as a series ("about raising fares and cutting
                // routes"); an -ing word before a noun is an adjective ("slow and tiring work")
                // (grammar/speakers.toml `participle_object_openers`)
                let p = if adverbs { v } else { k + 1 };
                let participle = p + 1 < to
                    && ing_form(p)
                    && ctx.scan.token_depth[p + 1] <= ctx.level
                    && (ctx.word_is(p + 1, WordClass::ParticipleObjectOpeners) || ctx.is_cap(p + 1));
                if participle && !ing_seen && !quoted_before {
                    return k;
                }
            }
        }
        k += 1;
    }
    to
}

/// Whether the comma at `k` groups a number's digits ("5,000").
fn number_comma(ctx: &Ctx, k: usize) -> bool {
    let toks = &ctx.scan.tokens;
    k > 0
        && k + 1 < toks.len()
        && toks[k - 1].end == toks[k].start
        && toks[k].end == toks[k + 1].start
        && toks[k - 1].kind == TokKind::Number
        && toks[k + 1].kind == TokKind::Number
}

/// Whether the cue before `from` stands in a subordinate clause: the clause it belongs to
/// (from the sentence start or the last comma before it) opens with a subordinating word
/// (`subordinators`: "While critics argue ...", "..., though she said ..."), after any
/// opening conjunction or adverb.
fn in_subordinate_clause(ctx: &Ctx, from: usize) -> bool {
    let s0 = ctx.sentence_start_token(from);
    let lo = s0.max(from.saturating_sub(LOOKBACK));
    let mut start = (lo..from).rev().find(|&k| ctx.scan.token_depth[k] <= ctx.level && ctx.is_punct(k, ',')).map_or(lo, |c| c + 1);
    if start == lo && lo != s0 {
        return false;
    }
    // "Holm, who backed the levy last year, now opposes it": a relative clause set off by
    // commas on the sentence's subject ends at its closing comma, as a subordinate clause
    // does; on a later phrase ("said Holm, who added that ..., and ...", "met Ruud, who
    // said ..., in May") it may run to the sentence end
    if start > lo
        && start + 1 < from
        && ctx.word_is(start, WordClass::RelativePronouns)
        && ctx.mention_before(start - 1, s0).is_some_and(|m| {
            let mut first = s0;
            while first < m.first && ctx.word_is(first, WordClass::ClauseOpeners) {
                first += 1;
            }
            m.first == first
        })
    {
        return true;
    }
    while start + 1 < from && ctx.word_is(start, WordClass::ClauseOpeners) {
        start += 1;
    }
    start < from && ctx.scan.token_depth[start] <= ctx.level && ctx.word_is(start, WordClass::Subordinators)
}

/// Ends a clause span before the sentence's final punctuation.
fn clause_span(ctx: &Ctx, from_tok: usize, to_tok: usize) -> Option<Span> {
    clause_span_min(ctx, from_tok, to_tok, 3)
}

fn clause_span_min(ctx: &Ctx, from_tok: usize, to_tok: usize, min_words: usize) -> Option<Span> {
    if from_tok >= to_tok {
        return None;
    }
    let toks = &ctx.scan.tokens;
    let mut e = to_tok;
    while e > from_tok && matches!(toks[e - 1].kind, TokKind::Punct('.') | TokKind::Punct(',') | TokKind::Punct(';') | TokKind::Punct(':') | TokKind::Dash) {
        e -= 1;
    }
    let words = (from_tok..e).filter(|&k| matches!(toks[k].kind, TokKind::Word | TokKind::Number)).count();
    if words < min_words {
        return None;
    }
    Some(Span::new(toks[from_tok].start, toks[e - 1].end))
}

/// CLAUSE, Kirby said. / CLAUSE, said Kirby.
fn clause_then_speaker(ctx: &Ctx, si: usize, c: usize, n: usize) -> Option<(Span, Found)> {
    let s = &ctx.scan.sentences[si];
    // the tail after the cue must be short and hold no further clause; a cue's participle
    // after a comma ("..., an official said, adding that ...") starts a report of its own, a
    // clause break the writer's words (", compared with ..."); a gerund subject goes on
    // ("..., he said, replacing her would be ...")
    let new_clause_at = |k: usize| {
        ctx.is_punct(k, ',')
            && k + 1 < s.end_token
            && ((ctx.lw(k + 1).ends_with("ing") && ctx.cue_at(k + 1).is_some()) || ctx.word_is(k + 1, WordClass::ClauseBreakAfterComma))
    };
    let tail_end = (c + n..s.end_token).find(|&k| new_clause_at(k)).unwrap_or(s.end_token);
    // "..., an official told The Herald.": the listener of an object cue is no tail
    let object_cue = ctx.cue_at(c).is_some_and(|(_, q)| ctx.lex.object_cues.contains(&q.lemma));
    let tail_from = if object_cue {
        ctx.mention_after(c + n, tail_end).filter(|o| o.kind != MentionKind::Pronoun || ctx.word_is(c + n, WordClass::ObjectPronouns)).map_or(c + n, |o| o.end)
    } else {
        c + n
    };
    let tail: Vec<usize> = (tail_from..tail_end.min(tail_from + 13)).collect();
    let long_tail = tail_end > tail_from + 12;
    // CLAUSE, SPEAKER CUE [adverbials].
    let mut e = c;
    while e > s.first_token && ctx.is_skippable(e - 1) {
        e -= 1;
    }
    // ("..., people familiar with the plan said": a source with its post-modifier)
    let before = postmodified_source(ctx, s.first_token, e).or_else(|| ctx.mention_before(e, s.first_token));
    let (m, comma) = match before {
        Some(m) if m.first > s.first_token && ctx.is_punct(m.first - 1, ',') => {
            let comma = m.first - 1;
            (m, comma)
        }
        // "CLAUSE, a wide array of economists say": a few words of the speaker phrase that
        // the mention rules leave out stand between the comma and the mention
        Some(m)
            if (m.first.saturating_sub(7).max(s.first_token)..m.first).rev().any(|k| ctx.is_punct(k, ',')) && {
                let comma = (m.first.saturating_sub(7).max(s.first_token)..m.first).rev().find(|&k| ctx.is_punct(k, ',')).unwrap_or(m.first);
                // ("..., something that Trump mocked": a relative clause about the clause
                // before it, no speaker)
                (comma + 1..m.first).all(|k| {
                    let w = ctx.lw(k);
                    ctx.scan.tokens[k].kind == TokKind::Word
                        && !ctx.in_quote(k)
                        && ctx.cue_at(k).is_none()
                        && !ctx.word_is(k, WordClass::Pronoun)
                        && w != "that"
                        && !ctx.word_is(k, WordClass::RelativePronouns)
                })
            } =>
        {
            let comma = (m.first.saturating_sub(7).max(s.first_token)..m.first).rev().find(|&k| ctx.is_punct(k, ',')).unwrap_or(m.first);
            let full = ctx.phrase_mention(comma + 1, m.end).unwrap_or(m);
            (full, comma)
        }
        _ => {
            // CLAUSE, CUE SPEAKER.
            if c > s.first_token && ctx.is_punct(c - 1, ',') {
                let m = ctx.mention_after(c + n, tail_end)?;
                let rest = (m.end..tail_end).filter(|&k| ctx.scan.tokens[k].kind == TokKind::Word).count();
                if rest > 0 && !ctx.is_punct(m.end, ',') {
                    return None;
                }
                let content = clause_span(ctx, s.first_token, c - 1)?;
                return Some((content, found(ctx, c, n, m, Via::Explicit)));
            }
            return None;
        }
    };
    let tail_words = tail.iter().filter(|&&k| ctx.scan.tokens[k].kind == TokKind::Word).count();
    // "Later in the day, the bureau said it would cooperate": a tail that opens with a
    // subject or holds a quotation is the reported clause, not an adverbial
    let tail_clause = tail.first().is_some_and(|&k| {
        let w = ctx.lw(k);
        ctx.word_is(k, WordClass::SubjectPronouns) || w == "it" || ctx.word_is(k, WordClass::Determiner)
    }) || tail.iter().any(|&k| ctx.in_quote(k));
    if tail_clause {
        return None;
    }
    // "..., she said in a video message to the crowd": a setting phrase, however long, is
    // no clause as long as it holds no "that", no subject pronoun and no auxiliary verb
    let setting_tail = !long_tail
        && tail.first().is_some_and(|&k| ctx.word_is(k, WordClass::SettingPrepositions))
        && !tail.iter().any(|&k| ctx.lw(k) == "that" || ctx.word_is(k, WordClass::SubjectPronouns) || ctx.word_is(k, WordClass::Auxiliary));
    // a tail longer than a few words holds a clause of its own
    let tail_ok = !long_tail
        && (tail_words == 0
            || setting_tail
            || tail.iter().all(|&k| ctx.is_adverb(k) || !matches!(ctx.scan.tokens[k].kind, TokKind::Word) || ctx.is_cap(k))
            || tail_words <= 3 && !tail.iter().any(|&k| ctx.lw(k) == "that"));
    if !tail_ok {
        return None;
    }
    let mut from = first_own_token(ctx, s.first_token, comma).unwrap_or(s.first_token);
    // “Owners must face fines” for every spill, she said: a quotation that opens the sentence
    // and runs on into the writer's words without a break is part of the reported clause
    if from > s.first_token && ctx.in_quote(from - 1) && ctx.in_quote(s.first_token) && ctx.scan.token_quote[from - 1] == ctx.scan.token_quote[s.first_token] {
        let close = ctx.scan.tokens[from - 1];
        let gap = &ctx.text[close.end..ctx.scan.tokens[from].start];
        let runs_on = ctx.scan.tokens[from].kind == TokKind::Word
            && !gap.contains(['\n', '\r'])
            && ctx.text[..close.start].trim_end().ends_with(|ch: char| ch.is_alphanumeric());
        if runs_on && matches!(close.kind, TokKind::Mark(_)) {
            from = s.first_token;
        }
    }
    if let Some(d) = ctx.scan.datelines[s.paragraph] {
        if d >= from && d < comma {
            from = d + 1;
        }
    }
    let content = clause_span(ctx, from, comma)?;
    Some((content, found(ctx, c, n, m, Via::Explicit)))
}

/// "Many of the closures, he said, have involved public courses": a speaker and cue set
/// between commas inside the reported clause. The report is the clause on both sides of
/// them, in two pieces; the second piece goes on with the interrupted clause (lower case,
/// not a participle, a conjunction or a subordinator, which would start a clause of the
/// writer's own).
fn parenthetical(ctx: &Ctx, si: usize, c: usize, n: usize) -> Option<Found2> {
    let s = &ctx.scan.sentences[si];
    let mut e = c;
    while e > s.first_token && ctx.is_skippable(e - 1) {
        e -= 1;
    }
    let m = ctx.mention_before(e, s.first_token)?;
    if m.first <= s.first_token + 1 || !ctx.is_punct(m.first - 1, ',') || m.relative.is_some() {
        return None;
    }
    let comma = m.first - 1;
    let mut k = ctx.skip_adjuncts(c + n, s.end_token);
    // "The solution, the partner told them, was simple": the listener of an object cue
    if k < s.end_token && !ctx.is_punct(k, ',') && ctx.cue_at(c).is_some_and(|(_, q)| ctx.lex.object_cues.contains(&q.lemma)) {
        if ctx.word_is(k, WordClass::ObjectPronouns) {
            k = ctx.skip_adjuncts(k + 1, s.end_token);
        } else if let Some(o) = ctx.mention_after(k, s.end_token).filter(|o| o.kind != MentionKind::Pronoun) {
            k = ctx.skip_adjuncts(o.end, s.end_token);
        }
    }
    if k + 1 >= s.end_token || !ctx.is_punct(k, ',') {
        return None;
    }
    let after = k + 1;
    let w = ctx.lw(after);
    let goes_on = !ctx.is_cap(after)
        && !(w.ends_with("ing") && w.len() > 4)
        && !ctx.word_is(after, WordClass::Coordinators)
        && !ctx.word_is(after, WordClass::ClauseBreakAfterComma)
        && !ctx.word_is(after, WordClass::ParticipleBreak)
        && ctx.cue_at(after).is_none();
    if !goes_on {
        return None;
    }
    let from = first_own_token(ctx, s.first_token, comma)?;
    let before = clause_span_min(ctx, from, comma, 1)?;
    let rest = clause_span_min(ctx, after, clause_end(ctx, after, s.end_token), 1)?;
    Some((before.cover(rest), vec![before, rest], found(ctx, c, n, m, Via::Explicit)))
}

/// Kirby said (that) CLAUSE. / Kirby told reporters CLAUSE. / Kirby plans to CLAUSE.
fn speaker_then_clause(ctx: &Ctx, si: usize, c: usize, n: usize) -> Option<(Span, Found)> {
    let s = &ctx.scan.sentences[si];
    let floor = lookback_floor(ctx, s.first_token, c);
    let m = match speaker_before(ctx, c, floor) {
        Some(m) => {
            // a present form after a plain noun is usually a noun itself ("a harvest report"),
            // except for the cues that hardly ever are, right after the subject ("The
            // candidates say ...", not "The expansion would add ...")
            let any_subject = m.end == c && ctx.cue_at(c).is_some_and(|(_, q)| ctx.lex.any_subject_cues.contains(&q.lemma)) && !ctx.lw(c).ends_with("ing");
            // ("The ads ask ...", "Most farm groups want ...": a phrase opening its clause
            // that agrees with the cue form is its subject, see `verb_agrees`)
            let agrees = m.end == c && opens_clause(ctx, m.first, floor) && verb_agrees(ctx, m.first, c - 1, c);
            // (nor after a relative pronoun: "voters who want ...")
            if free_headed(ctx, &m)
                && !any_subject
                && !agrees
                && !that_complement(ctx, c, n, &m)
                && m.relative.is_none()
                // (a past form is a verb: of a cue of several words, the first word's form
                // counts, "told reporters", "pointed out")
                && !ctx.lex.is_past_cue(ctx.lw(c))
            {
                return None;
            }
            m
        }
        None => bare_subject(ctx, floor, c).or_else(|| after_quotation_subject(ctx, c, s.first_token))?,
    };
    let mut k = c + n;
    let cue = ctx.cue_at(c).map(|(_, q)| q);
    // "Trump's remarks had made him ...": a cue form that is mostly a plural noun, after a
    // possessive, is that noun
    if possessive(ctx, &m) && ctx.word_is(c, WordClass::NounFormCue) {
        return None;
    }
    // a stance word after a possessive or before a preposition is a noun ("the senator's
    // support", "support among farmers") or is not taken towards anything ("backed away");
    // other cues after a possessive report all the same ("the mayor's plan is to ...")
    if cue.is_some_and(|q| q.class == CueClass::Stance) {
        if possessive(ctx, &m) || k >= s.end_token || ctx.scan.tokens[k].kind != TokKind::Word || ctx.word_is(k, WordClass::StanceNounFollowers) {
            return None;
        }
    }
    let takes_object = cue.is_some_and(|q| ctx.lex.object_cues.contains(&q.lemma));
    // an object of told/asked/assured ("told reporters", "told the council")
    let before_object = k;
    if takes_object && k < s.end_token && !ctx.in_quote(k) && ctx.lw(k) != "that" {
        if let Some(obj) = ctx.mention_after(k, s.end_token) {
            // "writes Clinton has built a lead": a name before an auxiliary is the subject of
            // the reported clause, not the listener
            let subject = obj.end < s.end_token && ctx.word_is(obj.end, WordClass::Auxiliary);
            if (obj.kind != MentionKind::Pronoun || ctx.word_is(k, WordClass::ObjectPronouns)) && !subject {
                k = obj.end;
            }
        } else if ctx.word_is(k, WordClass::ObjectPronouns) {
            k += 1;
        } else if k + 2 < s.end_token
            && ctx.lex.is("bare_listener_cues", ctx.lw(c))
            && ctx.scan.tokens[k].kind == TokKind::Word
            && !ctx.is_cap(k)
            && ctx.cue_at(k).is_none()
            && !ctx.word_is(k, WordClass::Determiner)
            && !ctx.word_is(k, WordClass::Pronoun)
            && !ctx.word_is(k, WordClass::Auxiliary)
            // (a function word opens a phrase or a clause: "wrote to his followers", "asked
            // whether the minister", "wrote while a student")
            && ctx.lw(k) != "to"
            && !ctx.word_is(k, WordClass::QuestionWords)
            && !ctx.word_is(k, WordClass::Subordinators)
            && !ctx.word_is(k, WordClass::SettingPrepositions)
            && !ctx.word_is(k, WordClass::RolePrepositions)
            && !ctx.is_adverb(k)
            && !ctx.in_quote(k + 1)
            && (ctx.word_is(k + 1, WordClass::Determiner) || ctx.word_is(k + 1, WordClass::SubjectPronouns))
        {
            // "told investors the fares ...", "told parliament he ...": a plain noun that no
            // mention takes, right before a determiner or a subject pronoun, is the listener
            // and the reported clause starts after it
            k += 1;
        }
    }
    loop {
        let mut next = ctx.skip_adjunct(k, s.end_token);
        // "proclaimed in July - falsely - that ...": a short aside between dashes
        if next == k && k < s.end_token && (ctx.scan.tokens[k].kind == TokKind::Dash || ctx.raw(k) == "-") {
            if let Some(j) = (k + 1..(k + 6).min(s.end_token)).find(|&j| ctx.scan.tokens[j].kind == TokKind::Dash || ctx.raw(j) == "-") {
                next = j + 1;
            }
        }
        if next == k {
            break;
        }
        k = next;
    }
    // "noted in an op-ed Thursday that ...", "wrote in his weekly column, ...": a phrase of
    // where it was said, before the complementizer or a comma, that no adjunct list names
    let end = s.end_token;
    // ("said on Fox News that", "wrote on Facebook that": a name after the preposition;
    // "on" was skipped as an adverb of time, "on Monday", above)
    // (and "said on its website that": a possessive determiner after it)
    if k > before_object && k < end && (ctx.is_cap(k) || ctx.is_possessive_determiner(k)) && ctx.word_is(k - 1, WordClass::SettingPrepositions) {
        k -= 1;
    }
    // (a possessive determiner too: "said on its website that", "wrote in her column that")
    let det = k + 2 < end && (ctx.word_is(k + 1, WordClass::Determiner) || ctx.is_possessive_determiner(k + 1));
    let named = k + 1 < end && ctx.is_cap(k + 1) && !ctx.in_quote(k + 1);
    if (det || named) && ctx.word_is(k, WordClass::SettingPrepositions) && !ctx.in_quote(k) {
        let first = if det { k + 2 } else { k + 1 };
        // (no clause among the words: no cue, except a cue form right after the determiner,
        // which is a noun: "wrote in a note that", "said in a statement that")
        let plain = |t: usize| ctx.scan.tokens[t].kind == TokKind::Word && !ctx.in_quote(t) && (ctx.cue_at(t).is_none() || (det && t == first));
        if let Some(j) = (first..(k + 7).min(end)).find(|&j| ctx.lw(j) == "that" || ctx.is_punct(j, ',')) {
            if j > first && (k + 1..j).all(plain) {
                k = j;
            }
        }
    }
    while k < s.end_token && ctx.is_punct(k, ',') {
        k += 1;
    }
    // "called for a special prosecutor", "railed against the forces of hate": the particle
    // belongs to the cue, not to what was said
    // (but "said at least two members", "said about 2,000 people": an estimate of a figure,
    // `approximation` in grammar/claims.toml, opens what was said)
    if k + 1 < s.end_token && !ctx.in_quote(k) && ctx.word_is(k, WordClass::CueParticles) && !opens_estimate(ctx, k) {
        k += 1;
    }
    // "said, apparently for the first time, that ...": an aside before the complementizer
    if let Some(t) = (k..(k + 8).min(s.end_token)).find(|&j| ctx.lw(j) == "that" && j > k && ctx.is_punct(j - 1, ',')) {
        if (k..t).all(|j| !ctx.in_quote(j) && matches!(ctx.scan.tokens[j].kind, TokKind::Word | TokKind::Punct(','))) {
            k = t;
        }
    }
    // "told a crowd in Dover on Friday that ...", "told investors that ...": after a cue with a
    // listener, the words up to a near "that" are the listener and the setting (a plain plural
    // or a long noun phrase that `mention_after` did not take), unless a clause begins among
    // them: a cue, an auxiliary, a subject pronoun, a question word ("asked if the raid meant
    // that ...") or an infinitive ("urged voters to reject a bill that ...")
    if takes_object && k < s.end_token && !ctx.in_quote(k) && ctx.lw(k) != "that" {
        // the longest listener and setting read (tokens)
        const MAX_LISTENER: usize = 12;
        if let Some(t) = (k + 1..(k + MAX_LISTENER).min(s.end_token)).find(|&j| ctx.lw(j) == "that") {
            let plain = |j: usize| {
                matches!(ctx.scan.tokens[j].kind, TokKind::Word | TokKind::Number | TokKind::Punct(','))
                    && !ctx.in_quote(j)
                    && ctx.cue_at(j).is_none()
                    && !ctx.word_is(j, WordClass::Auxiliary)
                    && !ctx.word_is(j, WordClass::SubjectPronouns)
                    && !ctx.word_is(j, WordClass::QuestionWords)
                    && ctx.lw(j) != "to"
            };
            if !ctx.in_quote(t) && (k..t).all(plain) {
                k = t;
            }
        }
    }
    // the complementizer belongs to the reported clause ("said that the talks ..."), as
    // PolNeAR marks content
    if k >= s.end_token {
        return None;
    }
    // a colon or a quotation mark right after the cue is a direct quotation, handled elsewhere
    if matches!(ctx.scan.tokens[k].kind, TokKind::Punct(':') | TokKind::Punct('.') | TokKind::Punct('?')) {
        return None;
    }
    // a reported clause opening with an auxiliary has its subject gapped ("a move officials
    // said was overdue", "what she said is growing demand"): it needs a speaker inside the
    // sentence; at the sentence start the cue was a noun ("The army report is classified")
    if !ctx.in_quote(k) && ctx.word_is(k, WordClass::Auxiliary) && m.first == ctx.sentence_start_token(m.first) {
        return None;
    }
    // with the speaker and cue before it, even one word is a report ("said no", "endorsed
    // Quist"); the inverted order needs a clause, see `clause_then_speaker`, and so does a
    // cue with a listener ("told reporters the line was closed", not "wrote a single line")
    // "Harbour plan approved", "Ferry plans scrapped": a past participle right after an
    // intention form makes the form a noun, the subject of a headline's passive; what is
    // planned or wanted is an infinitive, a clause or a noun phrase ("plan to strike", "plan
    // a protest"), never a participle
    if cue.is_some_and(|q| q.class == CueClass::Intention) && k < s.end_token && !ctx.in_quote(k) && {
        let w = ctx.lw(k);
        w.len() > 4 && w.ends_with("ed") && !ctx.is_cap(k)
    } {
        return None;
    }
    let clause_only = cue.is_some_and(|q| ctx.lex.clause_only.contains(&q.lemma));
    // and a word or two after a preposition is a circumstance ("said in Paris", "wrote to
    // the board")
    let speech = cue.is_some_and(|q| matches!(q.class, CueClass::Speech | CueClass::Writing));
    let circumstance = k < s.end_token && (ctx.word_is(k, WordClass::RolePrepositions) || (speech && ctx.lw(k) == "to"));
    let min_words = if (k > before_object && takes_object) || clause_only || circumstance { 3 } else { 1 };
    // "Ada Brook, who said the pier was unsafe, resigned": a report inside a relative clause
    // ends where the main clause takes up its verb again
    let mut to = s.end_token;
    // (and "The plan, which officials said will start in May, was dropped": the speaker of a
    // relative clause set off by a comma, after its pronoun)
    let in_relative = m.first >= 2 && ctx.word_is(m.first - 1, WordClass::RelativePronouns) && ctx.is_punct(m.first - 2, ',');
    // (and "The governor, citing privacy rules, declined ...": a participle aside right after
    // the subject and its comma)
    let aside = c >= 1 && m.end == c - 1 && ctx.is_punct(c - 1, ',') && ctx.lw(c).ends_with("ing");
    if m.relative.is_some() || in_relative || aside {
        let main_verb = |j: usize| {
            let w = ctx.lw(j);
            (w.ends_with("ed") && w.len() > 3) || ctx.cue_at(j).is_some() || ctx.word_is(j, WordClass::Auxiliary)
        };
        if let Some(j) = (k..s.end_token.saturating_sub(1)).find(|&j| ctx.is_punct(j, ',') && !ctx.in_quote(j) && main_verb(j + 1)) {
            to = j;
        }
    }
    let content = clause_span_min(ctx, k, clause_end(ctx, k, to), min_words)?;
    Some((content, found(ctx, c, n, m, Via::Explicit)))
}

/// "is expected to", "were thought to": a belief cue in the passive, before an infinitive.
fn passive_before_to(ctx: &Ctx, s: &crate::scan::Sentence, c: usize, n: usize) -> bool {
    let mut b = c;
    while b > s.first_token && (ctx.is_adverb(b - 1) || ctx.lw(b - 1) == "not") {
        b -= 1;
    }
    let mut k = c + n;
    while k < s.end_token && ctx.is_adverb(k) {
        k += 1;
    }
    b > s.first_token && ctx.word_is(b - 1, WordClass::PassiveAuxiliaries) && k < s.end_token && ctx.lw(k) == "to"
}

/// An evidential report: the subject and the complement of "seem", "appear" or a passive
/// belief cue. PolNeAR marks both as the content ("[the plan] seemed [doomed]"); the subject
/// is also the speaker when it names someone, except in the passive, where the view is
/// someone else's ("Holt is expected to win").
fn evidential(ctx: &Ctx, si: usize, c: usize, n: usize, passive: bool) -> Option<Draft> {
    const MAX_SUBJECT_WORDS: usize = 12;
    let s = &ctx.scan.sentences[si];
    let toks = &ctx.scan.tokens;
    let mut k = c + n;
    // (the adverb list holds "on" and "this" for "said on Monday"; here they start the
    // complement: "appeared on stage")
    while k < s.end_token && ctx.is_adverb(k) && !ctx.word_is(k, WordClass::CueParticles) && !ctx.word_is(k, WordClass::Determiner) {
        k += 1;
    }
    if k >= s.end_token || ctx.in_quote(k) || toks[k].kind != TokKind::Word {
        return None;
    }
    let w = ctx.lw(k);
    let to = w == "to";
    // without "to", only an adjective-like complement: not a place, a time or a thing
    // ("appeared on stage", "seemed the best choice")
    let adjective = !passive
        && !ctx.word_is(k, WordClass::RolePrepositions)
        && !ctx.word_is(k, WordClass::CueParticles)
        && !ctx.word_is(k, WordClass::Determiner)
        && !ctx.word_is(k, WordClass::Pronoun)
        && !ctx.word_is(k, WordClass::IndefiniteArticles)
        && !ctx.word_is(k, WordClass::ParticipleBreak)
        && !ctx.word_is(k, WordClass::ClauseBreakAfterComma)
        && !ctx.is_cap(k);
    if !to && !adjective {
        return None;
    }
    let complement = clause_span_min(ctx, k, clause_end(ctx, k, s.end_token), if to { 2 } else { 1 })?;
    // the subject: back over auxiliaries, adverbs and "not", then to the clause start
    let mut e = c;
    while e > s.first_token && (ctx.is_skippable(e - 1) || ctx.lw(e - 1) == "not") {
        e -= 1;
    }
    let mut start =
        (s.first_token..e).rev().find(|&j| ctx.in_quote(j) || !matches!(toks[j].kind, TokKind::Word | TokKind::Number)).map_or(s.first_token, |j| j + 1);
    // "But when the harbor seemed calm", "The crowd cheered as the ferry seemed ready": the
    // subject starts after the last conjunction
    let conjunction = |j: usize| {
        ctx.word_is(j, WordClass::ClauseOpeners)
            || ctx.word_is(j, WordClass::ClauseBreakAfterComma)
            || ctx.word_is(j, WordClass::ParticipleBreak)
            || ctx.word_is(j, WordClass::QuestionWords)
    };
    if let Some(j) = (start..e).rev().find(|&j| conjunction(j) && !(j + 1 == e && ctx.word_is(j, WordClass::RelativePronouns))) {
        start = j + 1;
    }
    // "a plan that seemed doomed": the relative pronoun stands for the subject
    if e > start && (ctx.word_is(e - 1, WordClass::RelativePronouns) || ctx.lw(e - 1) == "that") {
        start = e - 1;
    }
    // "it seems", "there appears": no subject to report; nor when a phrase opens the
    // sentence without a comma ("By noon the harbor seemed calm"), whose end is unknown
    let expletive = (e == start + 1 && ctx.word_is(start, WordClass::Expletives)) || (start < e && ctx.word_is(start, WordClass::RolePrepositions));
    let subject = (start < e && e - start <= MAX_SUBJECT_WORDS && !expletive).then(|| Span::new(toks[start].start, toks[e - 1].end));
    let found = if passive {
        None
    } else {
        speaker_before(ctx, c, start).filter(|m| m.first >= start && !free_headed(ctx, m)).map(|m| found(ctx, c, n, m, Via::Explicit))
    };
    let segments = match subject {
        Some(sub) => vec![sub, complement],
        None => vec![complement],
    };
    let content = segments.iter().fold(complement, |a, b| a.cover(*b));
    let bare = found.is_none();
    Some(Draft {
        kind: QuoteKind::Indirect,
        content,
        segments,
        found,
        scan_quote: None,
        sentence: si,
        last_sentence: si,
        paragraph: s.paragraph,
        first_tok: ctx.tok_at(content.start),
        speaker: None,
        dropped: false,
        bare_cue: bare.then(|| Span::new(toks[c].start, toks[c + n - 1].end)),
    })
}

/// The phrase before "who" when a relative clause with no comma before it runs up to `e`
/// ("a White House official who spoke anonymously to discuss strategy said").
fn relative_clause_subject(ctx: &Ctx, floor: usize, e: usize) -> Option<Mention> {
    const MAX_CLAUSE: usize = 16;
    let lo = floor.max(e.saturating_sub(MAX_CLAUSE));
    let who = (lo..e).rev().find(|&k| ctx.lw(k) == "who")?;
    if who + 1 >= e || who == floor || ctx.is_punct(who - 1, ',') {
        return None;
    }
    // the clause holds words and commas only, and no report of its own
    let plain = (who + 1..e).all(|k| {
        !ctx.in_quote(k)
            && (ctx.is_punct(k, ',') || ctx.scan.tokens[k].kind == TokKind::Word)
            && ctx.cue_at(k).is_none()
            && !ctx.word_is(k, WordClass::SubjectPronouns)
    });
    // "Voters who backed the senator say ...": a clause of just a cue verb and its object
    // (a mention that runs up to `e`) is no report of its own that could take the speaker;
    // the object is not the main verb's subject either
    let object_clause = || {
        let mut v = who + 1;
        while v < e && (ctx.is_adverb(v) || ctx.word_is(v, WordClass::Auxiliary)) {
            v += 1;
        }
        ctx.cue_at(v).is_some_and(|(n, _)| v + n < e && ctx.mention_after(v + n, e).is_some_and(|x| x.first == v + n && x.end == e))
    };
    if !plain && !object_clause() {
        return None;
    }
    let m = ctx.mention_before(who, floor)?;
    if !(m.end == who && matches!(m.kind, MentionKind::Person | MentionKind::Anonymous | MentionKind::Group | MentionKind::Organization)) {
        return None;
    }
    // "Ana Berg, a former mayor who now runs the board, said": the description with its
    // relative clause is an appositive of the name before its comma
    if m.name.is_none() && m.first > floor + 1 && ctx.is_punct(m.first - 1, ',') {
        if let Some(named) = ctx.mention_before(m.first - 1, floor).filter(|n| n.name.is_some() && n.kind == MentionKind::Person) {
            return Some(with_appositive(ctx, named, m.first, m.end));
        }
    }
    Some(m)
}

/// A mention that ends in a possessive ("the mayor's", "the farmers'") determines a noun.
fn possessive(ctx: &Ctx, m: &Mention) -> bool {
    let said_by = m.span.slice(ctx.text);
    ["'s", "’s", "s'", "s’"].iter().any(|p| said_by.ends_with(p))
}

/// According to X, CLAUSE. / CLAUSE, according to X.
fn according_to(ctx: &Ctx, si: usize, c: usize, n: usize) -> Option<Found2> {
    let s = &ctx.scan.sentences[si];
    let (m, src_end) = according_source(ctx, s, c + n)?;
    let first_own = first_own_token(ctx, s.first_token, c);
    let after = src_end + 1;
    // "according to X, who inspected it": a relative clause describes the source, it is no
    // second piece of the report
    let has_after = ctx.is_punct(src_end, ',') && after < s.end_token && !ctx.word_is(after, WordClass::RelativePronouns);
    let before = (c > s.first_token && ctx.is_punct(c - 1, ',')).then(|| clause_span(ctx, first_own.unwrap_or(s.first_token), c - 1)).flatten();
    let following = if has_after { clause_span(ctx, after, clause_end(ctx, after, s.end_token)) } else { None };
    let f = found(ctx, c, n, m, Via::AccordingTo);
    // "But, according to X, ...", "Now according to X, ...": openers and adverbs before the cue
    let only_openers = (s.first_token..c)
        .all(|k| !matches!(ctx.scan.tokens[k].kind, TokKind::Word | TokKind::Number) || ctx.word_is(k, WordClass::ClauseOpeners) || ctx.is_adverb(k));
    match (before, following) {
        // According to X, CLAUSE.
        (None, Some(a)) if first_own.is_none() || first_own == Some(c) || only_openers => Some((a, vec![a], f)),
        // CLAUSE, according to X.
        (Some(b), None) => Some((b, vec![b], f)),
        // CLAUSE, according to X, CLAUSE.
        (Some(b), Some(a)) => Some((b.cover(a), vec![b, a], f)),
        _ => None,
    }
}

/// “A,” Ames said, according to the Ledger. / Ames told aides that A, according to two
/// people present. — a report the writer has only from someone else's account: the
/// according-to phrase right after it names whom the article credits for the report, and
/// that is its source, as PolNeAR annotates it (on PolNeAR train such a report is credited to
/// the according-to source 36 times and to the speaker of the verb twice).
fn relayed_reports(ctx: &Ctx, drafts: &mut [Draft]) {
    // (how far after the verb, its speaker or its reported clause the according-to phrase is
    // looked for, in tokens: "said Monday at a news conference in Ohio, according to ...")
    const RELAY_WINDOW: usize = 12;
    // the contents of the according-to reports, by sentence
    let mut relayed: foldhash::HashMap<usize, Vec<Span>> = foldhash::HashMap::default();
    for d in drafts.iter().filter(|d| d.found.as_ref().is_some_and(|f| f.via == Via::AccordingTo)) {
        relayed.entry(d.sentence).or_default().push(d.content);
    }
    for i in 0..drafts.len() {
        let Some(f) = drafts[i].found.as_ref() else { continue };
        if !matches!(f.via, Via::Explicit | Via::Pronoun) {
            continue;
        }
        let si = ctx.sent_of.get(f.cue_tokens.0).copied().unwrap_or(0) as usize;
        let s = &ctx.scan.sentences[si];
        let mut end = f.cue_tokens.1.max(f.mention.end);
        // a reported clause after the verb ("told aides that A, according to ...") comes
        // before the phrase; a quotation after it does not ("said, “A,” according to" is rare)
        if drafts[i].scan_quote.is_none() && drafts[i].content.start >= f.cue.end {
            end = end.max(ctx.tok_at(drafts[i].content.end));
        }
        let limit = s.end_token.min(end + RELAY_WINDOW);
        let mut at = None;
        for k in end..limit {
            if let Some((n, cue)) = ctx.cue_at(k) {
                if cue.class == CueClass::AccordingTo {
                    at = Some((k, n));
                }
                break;
            }
            if ctx.in_quote(k) || ctx.is_punct(k, ';') {
                break;
            }
        }
        let Some((k, n)) = at else { continue };
        // "Officials have called the ban illegal, according to the agency": the according-to
        // report already takes in the whole of this one and credits it to its source; this
        // one, nested in it, keeps its own speaker
        let content = drafts[i].content;
        if relayed.get(&drafts[i].sentence).is_some_and(|v| v.iter().any(|c| c.contains(content))) {
            continue;
        }
        let Some((source, _)) = according_source(ctx, s, k + n) else { continue };
        if let Some(f) = drafts[i].found.as_mut() {
            f.mention = source;
            f.via = Via::AccordingTo;
        }
    }
}

/// CLAUSE, according to X: the source phrase after the cue (which ends at `start`), and the
/// token it runs to.
fn according_source(ctx: &Ctx, s: &crate::scan::Sentence, start: usize) -> Option<(Mention, usize)> {
    // the source runs to the next comma (or the sentence end): "according to early results
    // of exit polls conducted for the networks, ..."
    let comma = (start..s.end_token.min(start + 30)).find(|&k| ctx.is_punct(k, ',') || ctx.in_quote(k));
    let src_end = comma.filter(|&k| ctx.is_punct(k, ',')).unwrap_or_else(|| {
        let mut e = s.end_token;
        while e > start && matches!(ctx.scan.tokens[e - 1].kind, TokKind::Punct(_)) {
            e -= 1;
        }
        e
    });
    // a mention cut short inside its noun phrase by a word the mention rules stop at ("the
    // recent state poll") takes in the rest of the phrase; a complement stays out ("a report
    // released on Tuesday by ...", "an official at the ministry")
    let m = match ctx.mention_after(start, src_end) {
        Some(m)
            if m.end < src_end
                && src_end - start <= 8
                && (m.end..src_end).all(|k| {
                    let w = ctx.lw(k);
                    ctx.scan.tokens[k].kind == TokKind::Word && !ctx.word_is(k, WordClass::RolePrepositions) && !w.ends_with("ed") && !w.ends_with("ing")
                }) =>
        {
            // ... but a name before a plain noun names the thing, not a person ("the Harbor
            // Gazette average", "a Channel 4 tally"): the phrase keeps its own kind
            let kind = if m.kind == MentionKind::Person { None } else { Some(m.kind) };
            ctx.phrase_mention(start, src_end).map(|p| Mention { kind: kind.unwrap_or(p.kind), ..p }).unwrap_or(m)
        }
        Some(m) => m,
        None => ctx.phrase_mention(start, src_end)?,
    };
    Some((m, src_end))
}

/// A reported clause (maybe in two pieces around its cue) and who reported it.
type Found2 = (Span, Vec<Span>, Found);

/// Quotation marks inside the writer's own sentence with no cue: a title or a nickname is a
/// scare quote; otherwise the words are the sentence subject's ("Ames called the plan “a
/// disaster”", "She blamed it on a “disturbed person”"), reported from the verb after the
/// subject to the end of the sentence, as PolNeAR annotates them. With no subject to give
/// them to, short ones are scare quotes and longer ones unattributed partial quotations.
fn embedded_quotes(ctx: &Ctx, drafts: &mut [Draft]) {
    // how far (in tokens) a quoting frame word may stand from the subject it is taken to
    // belong to ("Holt's campaign released a radio ad in the county on Friday titled …")
    const MAX_FRAME_DISTANCE: usize = 24;
    let scan = ctx.scan;
    for d in drafts.iter_mut() {
        let Some(sq) = d.scan_quote else { continue };
        if d.found.is_some() || d.segments.len() > 1 {
            continue;
        }
        let q = &scan.quotes[sq];
        let s = &scan.sentences[d.sentence];
        let open_t = d.first_tok;
        if first_own_token(ctx, s.first_token, open_t).is_none() {
            continue; // the quotation opens its sentence: not embedded
        }
        // "Ferry workers joined the chant “Fair Pay Now”", "an ad titled “Enough”": a word that
        // gives the quotation as words chanted, printed or used (`quoting_frames`) makes it a
        // report of them, whatever its length or case, though no verb of saying frames it. It
        // is the sentence subject's when there is one; the quotation alone is the report.
        if let Some(frame) = quoting_frame(ctx, s.first_token, open_t) {
            // the subject's own words only if the frame word is in its clause, not in a
            // subordinate or restrictive relative one of someone else ("…, when a boy
            // shouted “…”", "an ad in which children yell “…”"): no subordinator, and no
            // relative pronoun but one set off by a comma (", which is run by …,"), between
            // them, within a bounded stretch
            let own_clause = |m: &Mention| {
                m.end <= frame
                    && frame - m.end <= MAX_FRAME_DISTANCE
                    && (m.end..frame).all(|k| {
                        let restrictive = ctx.word_is(k, WordClass::RelativePronouns) && !(k > 0 && ctx.is_punct(k - 1, ','));
                        !ctx.word_is(k, WordClass::Subordinators) && !restrictive && !ctx.is_punct(k, ';')
                    })
            };
            // "The ad, titled “Enough”, ...": a name set off by a comma right after the
            // subject (or a word or two later, where the mention stops short of the noun: "The
            // 30-second spot, titled") is the subject's own name, not words it says
            let names_subject = |m: &Mention| ctx.word_is(frame, WordClass::NamingWords) && frame > m.end && frame - m.end <= 3 && ctx.is_punct(frame - 1, ',');
            let subject = subject_of(ctx, s.first_token, frame).filter(|m| own_clause(m) && !names_subject(m));
            // with no subject to give them to, the words are left as they were: a report with
            // no speaker would be no one's (a crowd the mention rules do not take for a speaker,
            // a title whose author the sentence names elsewhere)
            if let Some(m) = subject {
                d.kind = QuoteKind::Direct;
                d.found = Some(found(ctx, frame, 1, m, Via::Nearest));
                continue;
            }
        }
        let inner = q.content();
        let words: Vec<&str> = inner.slice(ctx.text).split_whitespace().collect();
        let close_t = q.close.map(|c| ctx.tok_at(c.start)).unwrap_or(open_t);
        // Robert “Bobby” Lane; a title in capitals ("Fox News Sunday")
        let nickname = open_t > 0 && ctx.is_cap(open_t - 1) && close_t + 1 < scan.tokens.len() && ctx.is_cap(close_t + 1) && words.len() <= 2;
        let title = !words.is_empty() && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()) || w.len() <= 3);
        if nickname || title {
            d.kind = QuoteKind::Scare;
            continue;
        }
        let subject = subject_of(ctx, s.first_token, open_t).filter(|m| m.kind != MentionKind::Group || m.name.is_some());
        // (a cue word right after the subject is its verb as well: "Holt chided Ames for
        // asking whether he met the “residency” rule" is Holt's, though "chided" frames no
        // clause of its own here)
        let verb = |m: &Mention| verb_after(ctx, m.end, open_t).or_else(|| cue_verb_after(ctx, m.end, open_t));
        match subject {
            Some(m) if m.end < open_t && verb(&m).is_some() => {
                // the verb after the subject opens the reported clause
                let Some(v) = verb(&m) else {
                    continue;
                };
                let from = (v + 1).min(open_t);
                let end_tok = s.end_token;
                let Some(content) = clause_span(ctx, from, clause_end(ctx, from.max(open_t), end_tok)) else {
                    continue;
                };
                let content = content.cover(q.outer()).trim(ctx.text);
                d.kind = QuoteKind::Mixed;
                d.content = content;
                d.segments = vec![content];
                d.found = Some(found(ctx, v, 1, m, Via::Nearest));
            }
            _ => {
                d.kind = if words.len() <= 3 { QuoteKind::Scare } else { QuoteKind::Partial };
            }
        }
    }
}

/// "the town grew during what the historian Ann Cole called “the decade of the mills” in her
/// book", "the marchers, whom he described as “calm,” walked on": a cue in a relative clause
/// (`frame_relatives`) whose object is the quotation frames the quotation as its subject's
/// words. The report is the relative clause, from its pronoun to the quotation's closing
/// mark (PolNeAR marks it so), whatever report of another speaker the clause sits in: that
/// report ends before the pronoun, and the rest of the sentence after the quotation is no
/// one's report.
fn relative_frames(ctx: &Ctx, drafts: &mut Vec<Draft>, absorbed: &mut Vec<(Span, Draft)>) {
    // the longest object between the cue and the quotation ("as a long-winded “...”",
    // "the Soviet “...”"), and the longest subject between the pronoun and the cue (tokens)
    const MAX_OBJECT: usize = 4;
    const MAX_SUBJECT: usize = 6;
    let scan = ctx.scan;
    let toks = &scan.tokens;
    let mut drop = vec![false; drafts.len()];
    // the draft of each quotation, the quotations each report took in, and the reports by
    // their content: looked up, not searched, so the pass stays linear in the quotations
    let mut own: Vec<Option<usize>> = vec![None; scan.quotes.len()];
    for (i, d) in drafts.iter().enumerate() {
        if let Some(sq) = d.scan_quote {
            own[sq] = Some(i);
        }
    }
    let mut taken: foldhash::HashMap<Span, Vec<usize>> = foldhash::HashMap::default();
    let mut taken_by: Vec<Option<usize>> = vec![None; scan.quotes.len()];
    for (a, (by, d)) in absorbed.iter().enumerate() {
        taken.entry(*by).or_default().push(a);
        if let Some(sq) = d.scan_quote {
            taken_by[sq] = Some(a);
        }
    }
    let mut report_at: foldhash::HashMap<Span, usize> =
        drafts.iter().enumerate().filter(|(_, d)| d.scan_quote.is_none()).map(|(i, d)| (d.content, i)).collect();
    // (absorbed drafts moved out to the draft list, removed from `absorbed` at the end)
    let mut moved = vec![false; absorbed.len()];
    for (qi, q) in scan.quotes.iter().enumerate() {
        if q.depth != 0 || q.close.is_none() {
            continue;
        }
        let open_t = ctx.tok_at(q.open.start);
        let floor = ctx.sentence_start_token(open_t.min(toks.len().saturating_sub(1)));
        // the cue: the nearest one within MAX_OBJECT words before the mark, over words only
        let mut cue = None;
        let mut p = open_t;
        while p > floor && open_t - p < MAX_OBJECT + 2 {
            p -= 1;
            if toks[p].kind != TokKind::Word || ctx.in_quote(p) || ctx.lex.is("frame_relatives", ctx.lw(p)) {
                break;
            }
            if let Some((n, _)) = ctx.cue_at(p).filter(|(n, _)| p + n <= open_t) {
                cue = Some((p, n));
                break;
            }
        }
        let Some((c, n)) = cue else { continue };
        // a cue of words (not of a belief: "what he believes “...”") whose object is the
        // quotation, named or described, not a clause: no verb or subject between them and
        // none opening the quotation ("which he said has “...”", "who he said were “...”",
        // "which she added “is ...”")
        let clause = |k: usize| {
            ctx.word_is(k, WordClass::Auxiliary) || ctx.word_is(k, WordClass::SubjectPronouns) || ctx.cue_at(k).is_some() || ctx.lw(k).ends_with("ed")
        };
        let words_cue = ctx.cue_at(c).is_some_and(|(_, q)| matches!(q.class, CueClass::Speech | CueClass::Writing));
        if !words_cue || (c + n..open_t).any(clause) || (open_t + 1 < toks.len() && ctx.word_is(open_t + 1, WordClass::Auxiliary)) {
            continue;
        }
        // auxiliaries and adverbs before the cue ("have long called"), not a passive one
        // ("which a clerk was found guilty of “...”": the clause's subject is no speaker)
        let mut s = c;
        while s > floor && c - s < 3 && ctx.is_skippable(s - 1) {
            if ctx.word_is(s - 1, WordClass::PassiveAuxiliaries) {
                break;
            }
            s -= 1;
        }
        // the pronoun and the subject right after it, which ends where the auxiliaries start
        let Some(r) =
            (s.saturating_sub(MAX_SUBJECT + 1).max(floor)..s.saturating_sub(1)).rev().find(|&r| ctx.lex.is("frame_relatives", ctx.lw(r)) && !ctx.in_quote(r))
        else {
            continue;
        };
        let Some(m) = ctx.mention_after(r + 1, s).filter(|m| m.first == r + 1 && m.end == s && !possessive(ctx, m)) else {
            continue;
        };
        // ("what he called a “bold” plan to ...", "what it calls a “reform” that would ...": a
        // quotation that only modifies the noun after it, or one a restrictive clause goes on
        // from, is not the object; the report goes on past it, as the clause reads it)
        let close_t = ctx.tok_at(q.outer().end);
        let modifier = close_t < toks.len()
            && toks[close_t].kind == TokKind::Word
            && !ctx.is_cap(close_t)
            && !ctx.word_is(close_t, WordClass::Coordinators)
            && (!ctx.word_is(close_t, WordClass::SmallWord) || ctx.lex.is("noun_clause_openers", ctx.lw(close_t)));
        if modifier {
            continue;
        }
        let content = Span::new(toks[r].start, q.outer().end);
        let frame = |d: &mut Draft| {
            d.kind = QuoteKind::Mixed;
            d.content = content;
            d.segments = vec![content];
            d.first_tok = r;
            d.found = Some(found(ctx, c, n, m.clone(), Via::Explicit));
        };
        if let Some(i) = own[qi] {
            frame(&mut drafts[i]);
            continue;
        }
        // the quotation was taken into a report: the relative clause's own (its cue is the
        // report's) or another's around it
        let Some(a) = taken_by[qi] else { continue };
        let by = absorbed[a].0;
        let Some(&i) = report_at.get(&by) else { continue };
        let d = &mut drafts[i];
        if d.content.start > content.start {
            if d.found.as_ref().is_some_and(|f| f.cue_tokens.0 == c) {
                frame(d);
            } else {
                continue;
            }
        } else {
            // "pledged sanctions as a deterrence to what it called “a clear threat”": the
            // report's own speaker naming a thing in its own words goes on with the report
            // (a relative clause set off by a comma, "..., whom he described as “calm,”", is
            // an aside of its own)
            if m.kind == MentionKind::Pronoun && !ctx.is_punct(r - 1, ',') {
                continue;
            }
            moved[a] = true;
            let mut qd = absorbed[a].1.clone();
            frame(&mut qd);
            match clause_span(ctx, d.first_tok, r) {
                Some(cut) if d.segments.len() <= 1 => {
                    d.content = cut;
                    d.segments = vec![cut];
                }
                _ => drop[i] = true,
            }
            drop.push(false);
            drafts.push(qd);
        }
        // the other quotations the report took in stay with it if they are still inside it
        // (the ones left outside come back on their own, as for a report that is gone)
        let now = drafts[i].content;
        report_at.remove(&by);
        if drop[i] {
            continue;
        }
        report_at.insert(now, i);
        let group = taken.remove(&by).unwrap_or_default();
        let (inside, outside): (Vec<usize>, Vec<usize>) =
            group.into_iter().filter(|&b| !moved[b]).partition(|&b| absorbed[b].1.scan_quote.is_some_and(|sq| now.contains(scan.quotes[sq].outer())));
        for &b in &inside {
            absorbed[b].0 = now;
        }
        // (a report cut before the relative clause may hold no quotation any more)
        if inside.is_empty() && drafts[i].kind == QuoteKind::Mixed {
            drafts[i].kind = QuoteKind::Indirect;
        }
        taken.insert(now, inside);
        if !outside.is_empty() {
            taken.entry(by).or_default().extend(outside);
        }
    }
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    let mut i = 0;
    absorbed.retain(|_| {
        i += 1;
        !moved[i - 1]
    });
}

/// The `quoting_frames` word right before the quotation opening at `open_t` ("chants of “…”",
/// "an ad titled, “…”", "the phrase “…”"): at most two tokens back, over "of", a comma, a
/// colon or a dash, and not before `floor` (the sentence start).
fn quoting_frame(ctx: &Ctx, floor: usize, open_t: usize) -> Option<usize> {
    let mut p = open_t.checked_sub(1)?;
    for _ in 0..2 {
        let linking = ctx.lw(p) == "of" || matches!(ctx.scan.tokens[p].kind, TokKind::Punct(',' | ':') | TokKind::Dash);
        if !linking || p <= floor {
            break;
        }
        p -= 1;
    }
    (p >= floor && !ctx.in_quote(p) && ctx.word_is(p, WordClass::QuotingFrames)).then_some(p)
}

/// The verb right after a sentence subject (adverbs skipped), if it comes before `limit` and
/// no clause boundary (", but", ";") separates it from there.
fn verb_after(ctx: &Ctx, from: usize, limit: usize) -> Option<usize> {
    let mut v = from;
    // (not "on" or "this": between a subject and its verb they open a phrase, "a man on
    // banks", not an adverb of time)
    while v < limit && ctx.is_skippable(v) && !ctx.word_is(v, WordClass::CueParticles) && !ctx.word_is(v, WordClass::Determiner) {
        v += 1;
    }
    if v >= limit || !ctx.is_free_modifier(v) {
        return None;
    }
    let boundary = (v..limit).any(|k| ctx.is_punct(k, ';') || (ctx.is_punct(k, ',') && k + 1 < limit && ctx.word_is(k + 1, WordClass::ClauseBreakAfterComma)));
    (!boundary).then_some(v)
}

/// The one-word cue right after a sentence subject (auxiliaries and adverbs skipped), taken
/// as the subject's verb when the cue frames no report of its own, as `verb_after` does for
/// other verbs. Not an evidential cue ("appears weak before the “offensive”" judges, it does
/// not report), nor one followed by a setting preposition ("“Let me finish,” Holt said after
/// a brief “sorry”": the cue's report, if any, is elsewhere).
fn cue_verb_after(ctx: &Ctx, from: usize, limit: usize) -> Option<usize> {
    let mut v = from;
    while v < limit && ctx.is_skippable(v) && !ctx.word_is(v, WordClass::CueParticles) && !ctx.word_is(v, WordClass::Determiner) {
        v += 1;
    }
    if v >= limit || ctx.is_cap(v) {
        return None;
    }
    let (n, cue) = ctx.cue_at(v)?;
    if n != 1 || ctx.lex.evidential.contains(&cue.lemma) || (v + 1 < limit && ctx.word_is(v + 1, WordClass::SettingPrepositions)) {
        return None;
    }
    let boundary = (v..limit).any(|k| ctx.is_punct(k, ';') || (ctx.is_punct(k, ',') && k + 1 < limit && ctx.word_is(k + 1, WordClass::ClauseBreakAfterComma)));
    (!boundary).then_some(v)
}

/// “A,” Ames said. “B.” — the quotation after the attribution, in the same paragraph and with
/// no cue of its own, goes on with the same quotation: one quote in two segments, as the
/// reader takes it (and as PolNeAR annotates it).
/// Returns, for every draft, its index after the join.
fn join_continuations(ctx: &Ctx, drafts: &mut Vec<Draft>) -> Vec<usize> {
    // in place: the drafts kept move down over the ones joined to them (a copy of the whole
    // list was, for a long article, the peak of its memory)
    let mut new_index = Vec::with_capacity(drafts.len());
    let mut kept = 0;
    for i in 0..drafts.len() {
        let (done, rest) = drafts.split_at_mut(i);
        let d = &rest[0];
        let joins = d.kind == QuoteKind::Direct
            && d.speaker.as_ref().is_some_and(|s| s.via == Via::Continuation)
            && done[..kept].last().is_some_and(|p: &Draft| {
                p.paragraph == d.paragraph
                    && d.sentence <= p.last_sentence + 1
                    && p.scan_quote.is_some()
                    && p.kind == QuoteKind::Direct
                    && p.speaker.as_ref().map(|s| s.entity) == d.speaker.as_ref().map(|s| s.entity)
            });
        // "Ames said that the bridge, which opened in May, is “already sinking.”": a
        // quotation with no cue of its own that goes on with the speaker of a report in the
        // same sentence is the end of that report (the report stopped at a comma before it:
        // a relative clause, ", but", ", and"); the writer quotes the speaker's words
        // inside the paraphrase, so the report runs on to the quotation as one mixed report
        let ends_report = d.kind == QuoteKind::Partial
            && d.speaker.as_ref().is_some_and(|s| s.via == Via::Continuation)
            && done[..kept].last().is_some_and(|p: &Draft| {
                p.kind == QuoteKind::Indirect
                    && p.scan_quote.is_none()
                    && p.last_sentence == d.sentence
                    && p.content.end <= d.content.start
                    && p.speaker.as_ref().map(|s| s.entity) == d.speaker.as_ref().map(|s| s.entity)
            });
        if ends_report {
            // (up to the closing mark, as the other mixed reports)
            let q = d.scan_quote.map_or(d.content, |sq| ctx.scan.quotes[sq].outer());
            let p = &mut done[kept - 1];
            p.content = p.content.cover(d.content).cover(q);
            p.segments = vec![p.content];
            p.kind = QuoteKind::Mixed;
            new_index.push(kept - 1);
            continue;
        }
        if joins {
            let p = &mut done[kept - 1];
            p.segments.extend(d.segments.iter().copied());
            p.content = p.content.cover(d.content);
            p.last_sentence = d.sentence;
            new_index.push(kept - 1);
            continue;
        }
        new_index.push(kept);
        drafts.swap(kept, i);
        kept += 1;
    }
    drafts.truncate(kept);
    new_index
}

/// Pass 3: quotations that have no cue of their own.
fn no_cue_quotes(ctx: &Ctx, drafts: &mut [Draft]) {
    let scan = ctx.scan;
    let n = drafts.len();
    // the last speaker seen, with its paragraph
    let mut last: Option<(SpeakerRef, usize)> = None;
    // the sentence of the last attributed quotation
    let mut last_quote_sentence = None;
    for i in 0..n {
        if drafts[i].speaker.is_some() {
            // “A,” Hale said, after the mayor stated an interest in the deal. “B.” — a report
            // that hangs on the sentence of an attributed quotation is the writer's aside;
            // the next quotation goes on with the quotation's speaker
            let aside = drafts[i].kind != QuoteKind::Direct && last_quote_sentence == Some(drafts[i].sentence);
            // "... laws that burden women who want a clinic nearby": the speaker of a
            // restrictive relative clause is a description inside another statement, not
            // someone the next quotation goes on with
            let restrictive = drafts[i].found.as_ref().is_some_and(|f| {
                f.mention.relative.is_some_and(|r| {
                    let t = ctx.tok_at(r.start);
                    t > 0 && !ctx.is_punct(t - 1, ',')
                })
            });
            let aside = aside || restrictive;
            if !aside {
                last = drafts[i].speaker.clone().map(|s| (s, drafts[i].paragraph));
                last_quote_sentence = drafts[i].scan_quote.map(|_| drafts[i].sentence);
            }
            continue;
        }
        let Some(sq) = drafts[i].scan_quote else {
            continue;
        };
        let q = &scan.quotes[sq];
        let open_t = drafts[i].first_tok;
        let s = &scan.sentences[drafts[i].sentence];
        let lead = first_own_token(ctx, s.first_token, open_t);
        let words = q.content().slice(ctx.text).split_whitespace().count();
        let para = drafts[i].paragraph;
        let para_first = scan.paragraph_tokens[para].0;
        let opens_paragraph = open_t == para_first;
        if drafts[i].kind == QuoteKind::Scare {
            continue;
        }
        // continuation: the same paragraph had a speaker, or the paragraph opens with the
        // quotation right after a paragraph whose last attribution was someone's
        let cont = match &last {
            Some((sp, p)) if *p == para => Some(sp.clone()),
            Some((sp, p)) if *p + 1 == para && opens_paragraph => Some(sp.clone()),
            _ => None,
        };
        if let Some(mut sp) = cont {
            if lead.is_none() || words > 3 {
                sp.via = Via::Continuation;
                drafts[i].speaker = Some(sp.clone());
                last = Some((sp, para));
                continue;
            }
        }
        // nearest: the next quotation in the same paragraph is attributed
        if lead.is_none() {
            if let Some(next) = drafts[i + 1..].iter().take_while(|d| d.paragraph == para).find(|d| d.scan_quote.is_some()) {
                if let Some(sp) = &next.speaker {
                    let mut sp = sp.clone();
                    sp.via = Via::Nearest;
                    drafts[i].speaker = Some(sp.clone());
                    last = Some((sp, para));
                    continue;
                }
            }
        }
    }
}
