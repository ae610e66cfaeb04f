//! Scan: paragraphs, tokens (nom, see [`lexer`]), quotation spans and sentences.
//!
//! The quotation grammar is specified in `grammar/quotation.md`; this module implements it.
//! Everything here is linear in the input: one pass to find paragraphs, one nom pass per
//! paragraph for tokens, one stack pass for quotation marks, one pass for sentences.

pub mod lexer;

use crate::lexicon::{Lexicon, WordId};
use crate::span::Span;
pub use lexer::{Mark, TokKind, Token};

/// A quotation found by the scanner: marks matched, continuation across paragraphs resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The text between the marks, per paragraph (more than one for a multi-paragraph quote).
    pub segments: Vec<Span>,
    /// The opening mark of the first segment.
    pub open: Span,
    /// The closing mark of the last segment; `None` when the quotation is never closed.
    pub close: Option<Span>,
    /// 0 for a top-level quotation, 1 for one nested inside it, and so on.
    pub depth: usize,
    /// Single marks (‘ ’ or ') rather than double.
    pub single: bool,
    /// Index of the enclosing quotation, for nested ones.
    pub parent: Option<usize>,
}

impl Quotation {
    /// From the opening mark to the closing mark (or the end of the last segment).
    pub fn outer(&self) -> Span {
        let last = self.segments.last().copied().unwrap_or(self.open);
        Span::new(self.open.start, self.close.map(|c| c.end).unwrap_or(last.end))
    }

    pub fn content(&self) -> Span {
        let first = self.segments.first().copied().unwrap_or(self.open);
        let last = self.segments.last().copied().unwrap_or(self.open);
        first.cover(last)
    }
}

/// A quotation mark that has no partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unbalanced {
    pub mark: Span,
    /// True for an opening mark never closed, false for a closing mark never opened.
    pub opening: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// Index range into `Scan::tokens`.
    pub first_token: usize,
    pub end_token: usize,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub paragraphs: Vec<Span>,
    pub tokens: Vec<Token>,
    /// For each paragraph, its token range.
    pub paragraph_tokens: Vec<(usize, usize)>,
    pub quotes: Vec<Quotation>,
    pub unbalanced: Vec<Unbalanced>,
    /// Curly double marks used the other way round: a ” that opens a quotation, a “ that
    /// closes one (“ closing a quotation opened with „ is the German convention, not this).
    pub reversed: Vec<Span>,
    /// The first opening mark, per paragraph, past [`MAX_DEPTH`] levels of nesting.
    pub too_deep: Vec<Span>,
    /// Top-level sentences: a boundary inside a quotation does not end one (see [`Scan::inner_boundaries`]).
    pub sentences: Vec<Sentence>,
    /// Sentence ends that fall inside a quotation (token index of the final punctuation).
    pub inner_boundaries: Vec<usize>,
    /// For each token, the top-level quotation (index into `quotes`) that contains it.
    pub token_quote: Vec<Option<u32>>,
    /// For each token, how many quotations enclose it (0 for the writer's own words).
    pub token_depth: Vec<u8>,
    /// The first paragraph, when it is a title-case headline with no final period.
    pub headline: Option<usize>,
    /// The token that ends a dateline ("SORVIK —") at the start of a paragraph, per paragraph.
    pub datelines: Vec<Option<usize>>,
    /// For each token, the lexicon's id of its lowercase form ([`crate::lexicon::NO_WORD`]
    /// when no list holds it): the later stages ask about the same tokens many times, and a
    /// class test on an id is a bit test where the string would be hashed every time.
    pub words: Vec<WordId>,
    /// For each token, whether it is a word that starts with a capital letter.
    pub caps: Vec<bool>,
}

/// The longest line, in characters, of a text wrapped by hand at a fixed width: e-mail and
/// plain-text copy wrap at 72 to 80 columns.
const WRAP_WIDTH: usize = 100;

/// Splits the text into paragraphs. Blank lines separate paragraphs; a text with no blank
/// line at all is taken as one paragraph per line (many feeds write news that way), and so is
/// a text whose lines are too long to have been wrapped by hand: there a single line break
/// can only end a paragraph (copy pasted from the web often puts blank lines after the
/// headline only and single line breaks between the paragraphs of the body).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut pos = 0;
    // (how many lines are longer than any hand wrapping)
    let mut long = 0usize;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        lines.push(Span::new(pos, pos + body.len()));
        pos += line.len();
        long += (body.len() > WRAP_WIDTH && body.chars().count() > WRAP_WIDTH) as usize;
    }
    // one long line (a web address, a table row) in text wrapped by hand does not make it
    // unwrapped; two do. (A count, not a share of the lines: text added at the end never
    // changes how the paragraphs before it are split, unless it adds long lines itself.)
    let wrapped = long < 2;
    let blank = |s: &Span| s.slice(text).trim().is_empty();
    let has_blank = lines.iter().any(blank);
    let mut out = Vec::new();
    if !has_blank || !wrapped {
        for l in lines {
            let t = l.trim(text);
            if !t.is_empty() {
                out.push(t);
            }
        }
        return out;
    }
    let mut cur: Option<Span> = None;
    for l in lines {
        if blank(&l) {
            if let Some(c) = cur.take() {
                out.push(c.trim(text));
            }
        } else {
            cur = Some(match cur {
                Some(c) => c.cover(l),
                None => l,
            });
        }
    }
    if let Some(c) = cur {
        out.push(c.trim(text));
    }
    out
}

/// Quotations nest at most this deep; deeper marks are reported once and not matched.
pub const MAX_DEPTH: usize = 8;

struct Open {
    single: bool,
    straight: bool,
    /// Index into the output `quotes` once created (created at open time for ordering).
    quote: usize,
}

/// Runs the whole scanner over a document.
pub fn scan(text: &str, lex: &Lexicon) -> Scan {
    scan_lowered(text, &text.to_ascii_lowercase(), lex)
}

/// [`scan`], given the text's ASCII-lowercase form (`text.to_ascii_lowercase()`), which the
/// caller has made for the later stages anyway.
pub fn scan_lowered(text: &str, lower: &str, lex: &Lexicon) -> Scan {
    debug_assert_eq!(text.len(), lower.len());
    let mut s = Scan { paragraphs: paragraphs(text), ..Default::default() };
    // room for a token every four bytes (news prose has one every five or six), so the list
    // is seldom moved as it grows; what is left over is given back below. (Grown by doubling
    // alone it ends up to twice the size it needs: 24 bytes a token, the largest list kept.)
    s.tokens.reserve(text.len() / 4);
    s.paragraph_tokens.reserve(s.paragraphs.len());
    for p in &s.paragraphs {
        let first = s.tokens.len();
        lexer::lex_paragraph(text, p.start, p.slice(text), &mut s.tokens);
        s.paragraph_tokens.push((first, s.tokens.len()));
    }
    s.tokens.shrink_to_fit();
    match_quotes(text, &mut s);
    assign_tokens_to_quotes(&mut s);
    s.words = s.tokens.iter().map(|t| lex.word_id(&lower[t.start..t.end])).collect();
    s.caps = s.tokens.iter().map(|t| t.kind == TokKind::Word && text[t.start..].chars().next().is_some_and(char::is_uppercase)).collect();
    split_sentences(text, lower, lex, &mut s);
    find_headline_and_datelines(text, lex, &mut s);
    s
}

/// A headline is the first paragraph when it has no final period and most of its words are
/// capitalised; a dateline is a run of all-capital words (and commas) ending in a dash or a
/// spaced hyphen at the start of a paragraph, where a state's abbreviation may follow a comma
/// and a news agency may stand in parentheses ("ORLANDO, Fla. (Reuters) -"), and the wire
/// services' date may follow the comma ("OSLO, Nov. 4 (UPI) —", "OSLO, June 4 (Reuters) -":
/// a month of grammar/claims.toml `[[calendar]]` and a day number). Neither is the writer's
/// claim or a speaker's name.
fn find_headline_and_datelines(text: &str, lex: &Lexicon, s: &mut Scan) {
    let word = |t: &Token| &text[t.start..t.end];
    if let Some(&(a, b)) = s.paragraph_tokens.first() {
        let last_is_period = b > a && s.tokens[b - 1].kind == TokKind::Punct('.');
        let words: Vec<&Token> = s.tokens[a..b].iter().filter(|t| t.kind == TokKind::Word).collect();
        let caps = words.iter().filter(|t| word(t).chars().next().is_some_and(char::is_uppercase)).count();
        if !last_is_period && !words.is_empty() && caps * 2 >= words.len() && s.paragraphs.len() > 1 {
            s.headline = Some(0);
        }
    }
    for &(a, b) in &s.paragraph_tokens {
        let mut found = None;
        // "ORLANDO, Fla. (Reuters) - ...": after the capitals and a comma, a state's
        // abbreviation; a news agency in parentheses; a spaced hyphen for the dash
        // "Washington (AFP) – ...": a place in title case is a dateline too when a news
        // agency's one-word name in parentheses follows it
        let mut after_comma = false;
        let mut in_parens = false;
        let mut agency = false;
        let capitals = s.tokens[a].kind == TokKind::Word && word(&s.tokens[a]).chars().all(|c| !c.is_lowercase());
        let title_case = |t: &Token| t.kind == TokKind::Word && word(t).starts_with(char::is_uppercase);
        for k in a..b.min(a + 12) {
            let t = s.tokens[k];
            let dash = t.kind == TokKind::Dash || word(&t) == "-";
            match t.kind {
                _ if dash && k > a && (capitals || agency) && !in_parens => {
                    found = Some(k);
                    break;
                }
                // (what came before is title-case words, commas and periods: anything else
                // ended the walk)
                TokKind::Punct('(') if k > a && !capitals && !in_parens => {
                    agency = k + 2 < b && title_case(&s.tokens[k + 1]) && word(&s.tokens[k + 1]).len() >= 2 && s.tokens[k + 2].kind == TokKind::Punct(')');
                    in_parens = true;
                }
                TokKind::Word if !capitals && !in_parens && title_case(&t) => {}
                TokKind::Word if word(&t).chars().all(|c| !c.is_lowercase()) => {}
                TokKind::Word
                    if after_comma && word(&t).starts_with(char::is_uppercase) && s.tokens.get(k + 1).is_some_and(|n| n.kind == TokKind::Punct('.')) => {}
                TokKind::Word if in_parens => {}
                // the date after the place: a month (then its period, above) and a day
                TokKind::Word if after_comma && lex.calendar.contains(&word(&t).to_lowercase()) => {}
                TokKind::Number if after_comma && !in_parens => {}
                TokKind::Punct('(') if k > a => in_parens = true,
                TokKind::Punct(')') if in_parens => in_parens = false,
                TokKind::Punct(',') => after_comma = true,
                TokKind::Punct('.') => {}
                _ => break,
            }
        }
        s.datelines.push(found);
    }
}

/// Matches quotation marks paragraph by paragraph with a stack (grammar/quotation.md,
/// "Matching"). A double quotation left open at the end of a paragraph continues into the
/// next paragraph when that paragraph begins with an opening double mark (the newspaper
/// convention); otherwise it is unbalanced.
fn match_quotes(text: &str, s: &mut Scan) {
    let mut quotes: Vec<Quotation> = Vec::new();
    let mut alive: Vec<bool> = Vec::new();
    // A top-level quotation left open at the end of the previous paragraph.
    let mut carry: Option<usize> = None;
    for (pi, &(a, b)) in s.paragraph_tokens.iter().enumerate() {
        let para = s.paragraphs[pi];
        let mut stack: Vec<Open> = Vec::new();
        let mut overflow = 0usize;
        for ti in a..b {
            let tok = s.tokens[ti];
            let mark = match tok.kind {
                TokKind::Mark(m) => m,
                _ => continue,
            };
            let straight = matches!(&text[tok.start..tok.end], "\"" | "'" | "''" | "``");
            let span = Span::new(tok.start, tok.end);
            let is_double = matches!(mark, Mark::DoubleOpen | Mark::DoubleClose | Mark::DoubleEither | Mark::DoubleFlipped);
            // Which opening mark would this close?
            let nearest_double = stack.iter().rposition(|o| !o.single);
            let opens = match mark {
                Mark::DoubleOpen => true,
                Mark::DoubleClose => false,
                Mark::DoubleEither => !nearest_double.is_some_and(|i| stack[i].straight),
                // a turned mark does whatever pairs it: it closes an open quotation, and
                // otherwise opens one
                Mark::DoubleFlipped => nearest_double.is_none(),
                Mark::SingleOpen => true,
                Mark::SingleClose => false,
            };
            if opens && stack.len() >= MAX_DEPTH {
                // deeper than any real copy nests: stop treating marks as quotations here,
                // so the output stays linear in the input, and say so once
                if overflow == 0 {
                    s.too_deep.push(span);
                }
                overflow += 1;
                continue;
            }
            if !opens && overflow > 0 {
                overflow -= 1;
                continue;
            }
            if opens {
                if mark == Mark::DoubleFlipped && &text[tok.start..tok.end] == "”" {
                    s.reversed.push(span); // a ” opening
                }
                // A continuation paragraph opens with a mark: join it to the carried quotation.
                if is_double && stack.is_empty() && ti == a {
                    if let Some(q) = carry.take() {
                        quotes[q].segments.push(Span::new(tok.end, tok.end));
                        stack.push(Open { single: false, straight, quote: q });
                        continue;
                    }
                }
                let depth = stack.len();
                let parent = stack.last().map(|o| o.quote);
                quotes.push(Quotation { segments: vec![Span::new(tok.end, tok.end)], open: span, close: None, depth, single: !is_double, parent });
                alive.push(true);
                stack.push(Open { single: !is_double, straight, quote: quotes.len() - 1 });
                continue;
            }
            // closing
            let target = if is_double {
                nearest_double
            } else {
                // a single closing mark closes a single quote opened after the nearest double
                let floor = nearest_double.map(|i| i + 1).unwrap_or(0);
                stack[floor..].iter().rposition(|o| o.single).map(|i| i + floor)
            };
            match target {
                Some(i) => {
                    // anything opened above the target and never closed: single marks were
                    // apostrophes after all ('em); an unclosed double mark is reported
                    for o in stack.drain(i + 1..) {
                        discard_open(&mut alive, &mut s.unbalanced, &quotes, o);
                    }
                    if let Some(o) = stack.pop() {
                        let q = &mut quotes[o.quote];
                        if mark == Mark::DoubleFlipped && &text[q.open.start..q.open.end] != "„" {
                            s.reversed.push(span); // a “ closing
                        }
                        if let Some(seg) = q.segments.last_mut() {
                            seg.end = tok.start;
                        }
                        q.close = Some(span);
                    }
                }
                None => {
                    if is_double {
                        s.unbalanced.push(Unbalanced { mark: span, opening: false });
                    }
                    // a lone single closing mark is a possessive apostrophe (Travelers’)
                }
            }
        }
        // End of paragraph: what is still open?
        let next_starts_with_open = s.paragraph_tokens.get(pi + 1).is_some_and(|&(na, nb)| {
            na < nb && matches!(s.tokens[na].kind, TokKind::Mark(Mark::DoubleOpen) | TokKind::Mark(Mark::DoubleEither) | TokKind::Mark(Mark::DoubleFlipped))
        });
        let mut carried = None;
        for (k, o) in stack.into_iter().enumerate() {
            if k == 0 && !o.single && next_starts_with_open {
                if let Some(seg) = quotes[o.quote].segments.last_mut() {
                    seg.end = para.end;
                }
                carried = Some(o.quote);
            } else if k == 0 && !o.single {
                // an unclosed top-level double quotation still quotes to the end of the
                // paragraph: keep it (so it can be attributed) and report the mark
                if let Some(seg) = quotes[o.quote].segments.last_mut() {
                    seg.end = para.end;
                }
                s.unbalanced.push(Unbalanced { mark: quotes[o.quote].open, opening: true });
            } else {
                // nested and unclosed: single marks were apostrophes ('em); a double one is
                // reported, and dropped so that unclosed nests cannot multiply the output
                discard_open(&mut alive, &mut s.unbalanced, &quotes, o);
            }
        }
        carry = carried;
    }
    if let Some(q) = carry {
        s.unbalanced.push(Unbalanced { mark: quotes[q].open, opening: true });
    }
    // Drop discarded quotations and remap parents.
    let mut remap = vec![usize::MAX; quotes.len()];
    let mut out = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.into_iter().enumerate() {
        if alive[i] {
            remap[i] = out.len();
            out.push(q);
        }
    }
    for q in &mut out {
        q.parent = q.parent.and_then(|p| (remap[p] != usize::MAX).then_some(remap[p]));
        for seg in &mut q.segments {
            *seg = seg.trim(text);
        }
    }
    s.unbalanced.sort_by_key(|u| u.mark.start);
    s.quotes = out;
}

fn discard_open(alive: &mut [bool], unbalanced: &mut Vec<Unbalanced>, quotes: &[Quotation], o: Open) {
    if !o.single {
        unbalanced.push(Unbalanced { mark: quotes[o.quote].open, opening: true });
    }
    alive[o.quote] = false;
}

/// Records, for every token, the top-level quotation whose marks enclose it (marks included).
fn assign_tokens_to_quotes(s: &mut Scan) {
    s.token_quote = vec![None; s.tokens.len()];
    let mut ti = 0;
    for (qi, q) in s.quotes.iter().enumerate() {
        if q.depth != 0 {
            continue;
        }
        let outer = q.outer();
        while ti < s.tokens.len() && s.tokens[ti].start < outer.start {
            ti += 1;
        }
        let mut k = ti;
        while k < s.tokens.len() && s.tokens[k].start < outer.end {
            s.token_quote[k] = Some(qi as u32);
            k += 1;
        }
        ti = k;
    }
    // nesting depth of every token (marks count as inside); quotations nest at most
    // MAX_DEPTH deep, so this touches each token at most that many times
    s.token_depth = vec![0; s.tokens.len()];
    for q in &s.quotes {
        let outer = q.outer();
        let a = s.tokens.partition_point(|t| t.start < outer.start);
        let b = s.tokens.partition_point(|t| t.start < outer.end);
        for d in &mut s.token_depth[a..b] {
            *d = (*d).max(q.depth as u8 + 1);
        }
    }
}

fn is_closer(kind: TokKind) -> bool {
    matches!(
        kind,
        TokKind::Mark(Mark::DoubleClose) | TokKind::Mark(Mark::SingleClose) | TokKind::Mark(Mark::DoubleEither) | TokKind::Punct(')') | TokKind::Punct(']')
    )
}

/// Splits each paragraph into top-level sentences (grammar/quotation.md, "Sentences").
fn split_sentences(text: &str, lower: &str, lex: &Lexicon, s: &mut Scan) {
    for pi in 0..s.paragraph_tokens.len() {
        let (a, b) = s.paragraph_tokens[pi];
        let mut start = a;
        let mut i = a;
        while i < b {
            let tok = s.tokens[i];
            // an ellipsis does not end a sentence: in quotations it marks left-out words
            let ender = matches!(tok.kind, TokKind::Punct('.') | TokKind::Punct('?') | TokKind::Punct('!'));
            if !ender {
                i += 1;
                continue;
            }
            // a period after an abbreviation or an initial does not end a sentence unless the
            // abbreviation may end one and the next word starts a new sentence
            let mut j = i + 1;
            while j < b && (is_closer(s.tokens[j].kind) || matches!(s.tokens[j].kind, TokKind::Punct('.') | TokKind::Punct('?') | TokKind::Punct('!'))) {
                j += 1;
            }
            if j >= b {
                i = j;
                continue;
            }
            let next = s.tokens[j];
            let next_text = &text[next.start..next.end];
            let next_starts = next_text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(next.kind, TokKind::Mark(Mark::DoubleOpen) | TokKind::Mark(Mark::SingleOpen) | TokKind::Mark(Mark::DoubleEither) | TokKind::Dash)
                || matches!(next.kind, TokKind::Punct('(') | TokKind::Punct('['));
            let gap = next.start > s.tokens[j - 1].end;
            if !next_starts || !gap {
                i = j;
                continue;
            }
            if tok.kind == TokKind::Punct('.') && i > a {
                let prev = s.tokens[i - 1];
                if prev.end == tok.start && prev.kind == TokKind::Word {
                    let w = &lower[prev.start..tok.end];
                    let raw = &text[prev.start..prev.end];
                    let initial = raw.chars().count() == 1 && raw.chars().all(char::is_uppercase);
                    if let Some(ab) = lex.abbreviation(w) {
                        let next_lower = &lower[next.start..next.end];
                        let opens_quote = matches!(next.kind, TokKind::Mark(Mark::DoubleOpen) | TokKind::Mark(Mark::DoubleEither));
                        if !(ab.can_end && (lex.is_sentence_starter(next_lower) || opens_quote)) {
                            i = j;
                            continue;
                        }
                    } else if initial {
                        i = j;
                        continue;
                    }
                }
            }
            // inside a quotation after the closers? then it is an inner boundary
            let last = j - 1;
            let inside = s.token_quote[last].is_some() && s.token_quote[j] == s.token_quote[last] && s.token_quote[j].is_some();
            if inside {
                s.inner_boundaries.push(i);
                i = j;
                continue;
            }
            // “Really?” Smith asked. — after a question or exclamation that closes a quotation,
            // a cue within the next few words keeps the attribution in the same sentence
            let closes_quote = j > i + 1
                && matches!(s.tokens[j - 1].kind, TokKind::Mark(Mark::DoubleClose) | TokKind::Mark(Mark::DoubleEither) | TokKind::Mark(Mark::SingleClose));
            // a period too, when all that follows is a short attribution ("“...” Trump said.")
            let short_attribution = tok.kind == TokKind::Punct('.')
                && (j..(j + 7).min(b))
                    .find(|&k| matches!(s.tokens[k].kind, TokKind::Punct('.')))
                    .is_some_and(|end| (j..end).all(|k| s.tokens[k].kind == TokKind::Word) && end + 1 >= b);
            if closes_quote && (matches!(tok.kind, TokKind::Punct('?') | TokKind::Punct('!')) || short_attribution) {
                let is_cue = |k: usize| s.tokens[k].kind == TokKind::Word && lex.cues.contains_word(&lower[s.tokens[k].start..s.tokens[k].end]);
                let cue_follows = (j..(j + 5).min(b)).take_while(|&k| s.tokens[k].kind == TokKind::Word).any(is_cue);
                // “Really?” Ada Moss, a retired nurse, said. — or after a name and an appositive
                // between commas (words only, so the next sentence is not taken in)
                let appositive_cue = || {
                    let c1 = (j..(j + 5).min(b)).find(|&k| s.tokens[k].kind != TokKind::Word)?;
                    if c1 == j || s.tokens[c1].kind != TokKind::Punct(',') {
                        return None;
                    }
                    let c2 = (c1 + 1..(c1 + 16).min(b)).find(|&k| s.tokens[k].kind != TokKind::Word && s.tokens[k].kind != TokKind::Number)?;
                    (s.tokens[c2].kind == TokKind::Punct(',') && (c2 + 1..(c2 + 3).min(b)).take_while(|&k| s.tokens[k].kind == TokKind::Word).any(is_cue))
                        .then_some(())
                };
                let cue_follows = cue_follows || appositive_cue().is_some();
                if cue_follows {
                    s.inner_boundaries.push(i);
                    i = j;
                    continue;
                }
            }
            push_sentence(s, pi, start, j);
            start = j;
            i = j;
        }
        if start < b {
            push_sentence(s, pi, start, b);
        }
    }
}

fn push_sentence(s: &mut Scan, paragraph: usize, first: usize, end: usize) {
    let span = Span::new(s.tokens[first].start, s.tokens[end - 1].end);
    s.sentences.push(Sentence { span, paragraph, first_token: first, end_token: end });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Scan {
        scan(t, Lexicon::builtin())
    }

    fn contents(t: &str, s: &Scan) -> Vec<String> {
        s.quotes.iter().map(|q| q.segments.iter().map(|g| g.slice(t)).collect::<Vec<_>>().join(" | ")).collect()
    }

    #[test]
    fn paragraphs_by_blank_lines_or_lines() {
        let t = "One.\nstill one.\n\nTwo.\n";
        assert_eq!(paragraphs(t).len(), 2);
        let t = "One.\nTwo.\nThree.";
        assert_eq!(paragraphs(t).len(), 3);
        // lines longer than any hand wrapping: each line break ends a paragraph
        let long = "word ".repeat(30);
        let t = format!("Headline\n\n{long}\n{long}\n");
        assert_eq!(paragraphs(&t).len(), 3);
        // but one long line (a web address) in text wrapped by hand changes nothing: its
        // wrapped lines stay one paragraph
        let t = format!("The harbor board met on\nMonday and voted.\n\nThe minutes are at\nhttps://example.org/{}\nfor anyone.\n", "x".repeat(120));
        assert_eq!(paragraphs(&t).len(), 2);
    }

    #[test]
    fn curly_and_nested() {
        let t = "“We heard him say ‘never again,’ and left,” Ames said.";
        let s = run(t);
        assert_eq!(contents(t, &s), vec!["We heard him say ‘never again,’ and left,", "never again,"]);
        assert_eq!(s.quotes[1].depth, 1);
        assert_eq!(s.quotes[1].parent, Some(0));
        assert!(s.unbalanced.is_empty());
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "The Travelers’ bus left in the ’90s, and don't ask about the Smiths' dog.";
        let s = run(t);
        assert!(s.quotes.is_empty(), "{:?}", contents(t, &s));
        assert!(s.unbalanced.is_empty());
    }

    #[test]
    fn continuation_across_paragraphs() {
        let t = "“First part of it.\n\n“Second part,” Ames said.";
        let s = run(t);
        assert_eq!(s.quotes.len(), 1);
        assert_eq!(s.quotes[0].segments.len(), 2);
        assert!(s.unbalanced.is_empty());
    }

    #[test]
    fn unclosed_and_stray_marks_are_reported() {
        let t = "He said “this never ends.\n\nNew paragraph here.” Done.";
        let s = run(t);
        assert_eq!(s.unbalanced.len(), 2);
        assert!(s.unbalanced[0].opening);
        assert!(!s.unbalanced[1].opening);
    }

    #[test]
    fn sentences_skip_abbreviations_and_quote_inside() {
        let t = "Sen. Ames met Mr. J. Doe at 5 p.m. Monday. “It went well. We agreed,” he said. Later they left.";
        let s = run(t);
        let got: Vec<&str> = s.sentences.iter().map(|x| x.span.slice(t)).collect();
        assert_eq!(got, vec!["Sen. Ames met Mr. J. Doe at 5 p.m. Monday.", "“It went well. We agreed,” he said.", "Later they left."]);
        assert_eq!(s.inner_boundaries.len(), 1);
    }

    #[test]
    fn straight_quotes() {
        let t = "\"Yes,\" she said, \"and 'no' too.\"";
        let s = run(t);
        assert_eq!(contents(t, &s), vec!["Yes,", "and 'no' too.", "no"]);
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let t = "“".repeat(10_000);
        let s = run(&t);
        assert_eq!(s.unbalanced.len(), MAX_DEPTH);
        assert_eq!(s.too_deep.len(), 1);
        let t = format!("{}x{}", "“".repeat(5_000), "”".repeat(5_000));
        let s = run(&t);
        assert_eq!(s.quotes.len(), MAX_DEPTH);
        assert!(s.unbalanced.is_empty());
    }
}
