//! The nom lexer: one paragraph of text into words, numbers, quotation marks and punctuation.
//!
//! It follows `grammar/quotation.md` (sections "Tokens" and "Marks"). Every token keeps its
//! byte range in the document. Whitespace is skipped. The lexer decides only what a mark
//! *looks like* from its two neighbours; whether a `'` is an apostrophe or a closing quote is
//! settled later by the matcher, which sees the whole paragraph.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::char;
use nom::combinator::value;
use nom::{IResult, Parser};
// (the parsers of [`word`], which only the tests run)
#[cfg(test)]
use nom::{bytes::complete::take_while1, character::complete::anychar, combinator::recognize, multi::many0, sequence::pair};

/// What a quotation mark can be, judged from its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// “ „ « ‹ or a left-flanking straight `"`.
    DoubleOpen,
    /// ” » › or a right-flanking straight `"`.
    DoubleClose,
    /// A straight `"` with the same kind of character on both sides.
    DoubleEither,
    /// A curly double mark turned against its position: ” where a quotation would open
    /// (at the start of a paragraph, after a space, before a word) or “ where one would close
    /// (after a word or punctuation, before a space). Such marks come from a word processor's
    /// autocorrect after an ellipsis or a dash. It closes the open double quotation if there
    /// is one, and otherwise opens one, so the quotation is still read (and the mark reported).
    DoubleFlipped,
    /// ‘ or a left-flanking `'`, which may still be an apostrophe ('em, 'n').
    SingleOpen,
    /// ’ or `'` after a letter or punctuation, before a non-letter: a closing quote if a single
    /// quote is open, otherwise a possessive apostrophe (Travelers’).
    SingleClose,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Mark(Mark),
    /// An apostrophe that stands alone: ’90s, rock ’n’ roll.
    Apostrophe,
    /// — – or `--`
    Dash,
    /// … or `...`
    Ellipsis,
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '‑')
}

/// A word: letters and digits, with inner apostrophes, hyphens and periods joining runs
/// (don't, O’Brien, one-on-one, U.S, 3.5). A joiner is only taken when a letter or digit
/// follows it, so a trailing period or possessive apostrophe stays a token of its own.
/// (The definition; the lexer uses [`ascii_word`] and [`unicode_word`], which a test
/// checks against it.)
#[cfg(test)]
fn word(input: &str) -> IResult<&str, &str> {
    recognize(pair(take_while1(is_word_char), many0(pair(joiner, take_while1(is_word_char))))).parse(input)
}

/// [`word`] for the common case, a word of ASCII letters and digits with ASCII joiners:
/// the same answer without the parser combinators, byte by byte. `None` when the word
/// starts with anything else or reaches a non-ASCII byte, so [`word`] decides.
fn ascii_word(input: &str) -> Option<(&str, &str)> {
    let b = input.as_bytes();
    if !b.first()?.is_ascii_alphanumeric() {
        return None;
    }
    let mut i = 1;
    loop {
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        match b.get(i) {
            // a joiner counts when a letter or digit follows it
            Some(b'\'' | b'-' | b'.' | b'&') => match b.get(i + 1) {
                Some(n) if n.is_ascii_alphanumeric() => i += 2,
                Some(n) if !n.is_ascii() => return None,
                _ => break,
            },
            Some(n) if !n.is_ascii() => return None,
            _ => break,
        }
    }
    Some((&input[i..], &input[..i]))
}

/// [`word`] without the parser combinators, for a word that [`ascii_word`] leaves: one with
/// a character outside ASCII ("O’Brien", "Zoë"). `input` starts with a word character.
fn unicode_word(input: &str) -> (&str, &str) {
    let mut end = 0;
    loop {
        // a run of word characters ...
        let run = input[end..].find(|c: char| !is_word_char(c)).unwrap_or(input.len() - end);
        end += run;
        // ... and a joiner, if a word character follows it
        let mut next = input[end..].chars();
        match next.next() {
            Some(j) if is_inner_joiner(j) && next.next().is_some_and(is_word_char) => end += j.len_utf8(),
            _ => break,
        }
    }
    (&input[end..], &input[..end])
}

#[cfg(test)]
fn joiner(input: &str) -> IResult<&str, char> {
    let (rest, c) = anychar(input)?;
    if is_inner_joiner(c) && rest.chars().next().is_some_and(is_word_char) {
        Ok((rest, c))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Char)))
    }
}

fn ellipsis(input: &str) -> IResult<&str, TokKind> {
    value(TokKind::Ellipsis, alt((tag("..."), tag("…"), tag(". . .")))).parse(input)
}

fn dash(input: &str) -> IResult<&str, TokKind> {
    value(TokKind::Dash, alt((tag("--"), tag("—"), tag("–"), tag("―")))).parse(input)
}

/// Two straight apostrophes (or two backticks) written for a double quotation mark, as some
/// wire feeds do: ''Yes,'' she said. Read as one straight double mark.
fn doubled_single(input: &str) -> IResult<&str, char> {
    value('"', alt((tag("''"), tag("``")))).parse(input)
}

fn mark_char(input: &str) -> IResult<&str, char> {
    alt((char('"'), char('“'), char('”'), char('„'), char('«'), char('»'), char('‹'), char('›'), char('\''), char('‘'), char('’'), char('‚'))).parse(input)
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '/' | '“' | '‘' | '„' | '«' | '"' | '\''),
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, ')' | ']' | '}' | '—' | '–' | '-' | ',' | '.' | ';' | ':' | '?' | '!' | '…' | '”' | '’' | '"' | '\'' | '»'),
    }
}

/// Whether a mark in opening position is followed by what a quotation starts with: a
/// character that is neither a space nor closing punctuation, or, at the start of a
/// paragraph, anything but the end of the line (”  … and so on,” a paragraph may begin).
fn opens_words(before: Option<char>, after: Option<char>) -> bool {
    match after {
        None | Some('\n') | Some('\r') => false,
        Some(a) if a.is_whitespace() => before.is_none_or(|b| b == '\n' || b == '\r'),
        Some(a) => !is_closing_context(Some(a)),
    }
}

/// Classifies a mark from the characters before and after it (grammar/quotation.md, "Marks").
fn classify(c: char, before: Option<char>, after: Option<char>) -> TokKind {
    let letter_before = before.is_some_and(|b| b.is_alphanumeric());
    let letter_after = after.is_some_and(|a| a.is_alphanumeric());
    let digit_after = after.is_some_and(|a| a.is_ascii_digit());
    match c {
        '“' if before.is_some_and(|b| !is_opening_context(Some(b))) && is_closing_context(after) => TokKind::Mark(Mark::DoubleFlipped),
        '”' if is_opening_context(before) && opens_words(before, after) => TokKind::Mark(Mark::DoubleFlipped),
        '“' | '„' | '«' | '‹' => TokKind::Mark(Mark::DoubleOpen),
        '”' | '»' | '›' => TokKind::Mark(Mark::DoubleClose),
        '"' => {
            let open = is_opening_context(before) && !after.is_some_and(char::is_whitespace);
            let close = is_closing_context(after) && !before.is_some_and(char::is_whitespace);
            match (open, close) {
                (true, false) => TokKind::Mark(Mark::DoubleOpen),
                (false, true) => TokKind::Mark(Mark::DoubleClose),
                _ => TokKind::Mark(Mark::DoubleEither),
            }
        }
        '‘' | '‚' => {
            if digit_after && !letter_before {
                TokKind::Apostrophe // ‘90s typed with the wrong curly mark
            } else {
                TokKind::Mark(Mark::SingleOpen)
            }
        }
        '’' | '\'' => {
            if (letter_before && letter_after) || (digit_after && !letter_before) {
                TokKind::Apostrophe // don't; the ’90s
            } else if before.is_none_or(|b| b.is_whitespace()) && after.is_some_and(|a| !a.is_whitespace()) {
                // left-flanking: a quote opening ('Yes') or an elision ('em); the matcher decides
                if c == '’' {
                    TokKind::Apostrophe
                } else {
                    TokKind::Mark(Mark::SingleOpen)
                }
            } else if before.is_some_and(|b| !b.is_whitespace()) {
                TokKind::Mark(Mark::SingleClose)
            } else {
                TokKind::Apostrophe
            }
        }
        _ => TokKind::Punct(c),
    }
}

/// Lexes `text[base..base + para.len()]` (one paragraph) into `out`.
pub fn lex_paragraph(doc: &str, base: usize, para: &str, out: &mut Vec<Token>) {
    let mut rest = para;
    while !rest.is_empty() {
        let offset = base + (para.len() - rest.len());
        let first = match rest.chars().next() {
            Some(c) => c,
            None => break,
        };
        if first == ' ' {
            rest = &rest[1..];
            continue;
        }
        if first.is_whitespace() {
            let n = rest.len() - rest.trim_start().len();
            rest = &rest[n..];
            continue;
        }
        // a hyphen with a space on either side is a dash, as typewritten copy sets one ("the
        // ferry - and the pier - will close")
        if first == '-' && doc[..offset].ends_with(char::is_whitespace) && rest[1..].starts_with(char::is_whitespace) {
            out.push(Token { start: offset, end: offset + 1, kind: TokKind::Dash });
            rest = &rest[1..];
            continue;
        }
        // ASCII punctuation that cannot start an ellipsis, a dash or a quotation mark is a
        // token of its own, as the parsers below would find after trying them all
        // (a period or a hyphen too, unless an ellipsis or a dash starts with it)
        let plain = match first {
            '.' => !rest.starts_with("...") && !rest.starts_with(". . ."),
            '-' => !rest.starts_with("--"),
            '\'' | '"' | '`' => false,
            c => c.is_ascii_punctuation(),
        };
        if plain {
            out.push(Token { start: offset, end: offset + 1, kind: TokKind::Punct(first) });
            rest = &rest[1..];
            continue;
        }
        // (a word starts with a letter or a digit, and then is always found: [`word`] fails
        // on anything else, so nothing else tries it)
        if is_word_char(first) {
            let (r, w) = ascii_word(rest).unwrap_or_else(|| unicode_word(rest));
            let kind = if w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') { TokKind::Number } else { TokKind::Word };
            out.push(Token { start: offset, end: offset + w.len(), kind });
            rest = r;
            continue;
        }
        // (an ellipsis or a dash starts with one of these: a quotation mark, the most common
        // character left here, need not fail both parsers first)
        let may_dash = matches!(first, '.' | '-' | '…' | '—' | '–' | '―');
        if let Some((r, kind)) = may_dash.then(|| alt((ellipsis, dash)).parse(rest).ok()).flatten() {
            out.push(Token { start: offset, end: offset + (rest.len() - r.len()), kind });
            rest = r;
            continue;
        }
        if let Ok((r, c)) = alt((doubled_single, mark_char)).parse(rest) {
            let before = doc[..offset].chars().next_back();
            let after = r.chars().next();
            let len = rest.len() - r.len();
            out.push(Token { start: offset, end: offset + len, kind: classify(c, before, after) });
            rest = r;
            continue;
        }
        // any other single character is punctuation; anychar cannot fail on non-empty input
        let c = first;
        out.push(Token { start: offset, end: offset + c.len_utf8(), kind: TokKind::Punct(c) });
        rest = &rest[c.len_utf8()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(s: &str) -> Vec<(String, TokKind)> {
        let mut v = Vec::new();
        lex_paragraph(s, 0, s, &mut v);
        v.iter().map(|t| (s[t.start..t.end].to_string(), t.kind)).collect()
    }

    /// The lexer as it was before its fast paths: the nom parsers for every token.
    fn lex_reference(para: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut rest = para;
        while let Some(first) = rest.chars().next() {
            let offset = para.len() - rest.len();
            if first.is_whitespace() {
                rest = rest.trim_start();
            } else if first == '-' && para[..offset].ends_with(char::is_whitespace) && rest[1..].starts_with(char::is_whitespace) {
                out.push(Token { start: offset, end: offset + 1, kind: TokKind::Dash });
                rest = &rest[1..];
            } else if let Ok((r, w)) = word(rest) {
                let kind = if w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') { TokKind::Number } else { TokKind::Word };
                out.push(Token { start: offset, end: offset + w.len(), kind });
                rest = r;
            } else if let Ok((r, kind)) = alt((ellipsis, dash)).parse(rest) {
                out.push(Token { start: offset, end: offset + (rest.len() - r.len()), kind });
                rest = r;
            } else if let Ok((r, c)) = alt((doubled_single, mark_char)).parse(rest) {
                let kind = classify(c, para[..offset].chars().next_back(), r.chars().next());
                out.push(Token { start: offset, end: offset + (rest.len() - r.len()), kind });
                rest = r;
            } else {
                out.push(Token { start: offset, end: offset + first.len_utf8(), kind: TokKind::Punct(first) });
                rest = &rest[first.len_utf8()..];
            }
        }
        out
    }

    /// The fast paths of the lexer change no token: every string of up to four pieces
    /// (letters, digits, joiners, periods, hyphens, marks, spaces, non-ASCII) lexes as the
    /// nom parsers alone lex it.
    #[test]
    fn fast_paths_agree_with_the_parsers() {
        let pieces = ["a", "7", "'", "-", ".", ". ", "&", "’", "é", " ", "\n", ",", "\"", "“", "`", "—", "…", "%", "\u{a0}", "‑", "―"];
        let mut inputs: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            inputs = inputs.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
            for s in &inputs {
                let mut fast = Vec::new();
                lex_paragraph(s, 0, s, &mut fast);
                assert_eq!(fast, lex_reference(s), "{s:?}");
            }
        }
    }

    /// The byte-wise fast path agrees with the nom word parser wherever it answers.
    #[test]
    fn ascii_words_agree_with_the_parser() {
        let pieces = ["a", "Z", "7", "ab", "'", "-", ".", "&", "’", "‑", "é", " ", ",", "x9", "\u{1F600}", "ß", "—"];
        let mut inputs: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            inputs = inputs.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
            for s in &inputs {
                if let Some(fast) = ascii_word(s) {
                    assert_eq!(Some(fast), word(s).ok(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let t = lex("Don’t say one-on-one to O'Brien.");
        assert_eq!(t[0].0, "Don’t");
        assert_eq!(t[2].0, "one-on-one");
        assert_eq!(t[4].0, "O'Brien");
        assert_eq!(t[5].1, TokKind::Punct('.'));
    }

    #[test]
    fn decades_and_possessives() {
        let t = lex("the ’90s and the '80s, Travelers’ cheques");
        assert_eq!(t[1].1, TokKind::Apostrophe);
        assert_eq!(t[5].1, TokKind::Apostrophe);
        assert_eq!(t[9].1, TokKind::Mark(Mark::SingleClose));
    }

    #[test]
    fn straight_double_marks_by_flank() {
        let t = lex("\"Go,\" he said.");
        assert_eq!(t[0].1, TokKind::Mark(Mark::DoubleOpen));
        assert_eq!(t[3].1, TokKind::Mark(Mark::DoubleClose));
    }

    #[test]
    fn doubled_apostrophes_are_a_double_mark() {
        let t = lex("''Yes,'' she said.");
        assert_eq!(t[0], ("''".to_string(), TokKind::Mark(Mark::DoubleOpen)));
        assert_eq!(t[3], ("''".to_string(), TokKind::Mark(Mark::DoubleClose)));
    }

    #[test]
    fn a_spaced_hyphen_is_a_dash() {
        let t = lex("the ferry - and the pier - will close; a well-run pier -3");
        assert_eq!(t[2].1, TokKind::Dash);
        assert_eq!(t[6].1, TokKind::Dash);
        assert_eq!(t[11].0, "well-run");
        assert_eq!(t[13], ("-".to_string(), TokKind::Punct('-')));
    }

    #[test]
    fn ellipsis_and_dash() {
        let t = lex("wait ... now — or… never -- ok");
        assert_eq!(t[1].1, TokKind::Ellipsis);
        assert_eq!(t[3].1, TokKind::Dash);
        assert_eq!(t[5].1, TokKind::Ellipsis);
        assert_eq!(t[7].1, TokKind::Dash);
    }
}
