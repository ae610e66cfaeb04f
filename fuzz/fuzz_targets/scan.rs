//! The scanner on arbitrary bytes: no panic, and every span it returns (paragraphs, tokens,
//! quotation marks and segments, unbalanced marks, sentences) lies on char boundaries inside
//! the text; the per-token tables are as long as the token list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::scan::scan;
use quotecheck::span::Span;
use quotecheck::Lexicon;

fuzz_target!(|data: &[u8]| {
    // Valid UTF-8 as is; anything else through the lossy conversion (U+FFFD is 3 bytes, so
    // the lossy text exercises multi-byte boundaries too).
    let text = String::from_utf8_lossy(data);
    let s = scan(&text, Lexicon::builtin());
    let ok = |sp: Span, what: &str| {
        let (start, end) = (sp.start, sp.end);
        assert!(start <= end && end <= text.len(), "{what} span {start}..{end} outside a {}-byte text", text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{what} span {start}..{end} splits a char");
    };
    s.paragraphs.iter().for_each(|&p| ok(p, "paragraph"));
    s.tokens.iter().for_each(|t| ok(Span::new(t.start, t.end), "token"));
    for q in &s.quotes {
        ok(q.open, "opening mark");
        q.close.into_iter().for_each(|c| ok(c, "closing mark"));
        q.segments.iter().for_each(|&g| ok(g, "segment"));
        ok(q.outer(), "quotation");
        ok(q.content(), "quotation content");
    }
    s.unbalanced.iter().for_each(|u| ok(u.mark, "unbalanced mark"));
    s.too_deep.iter().for_each(|&d| ok(d, "too-deep mark"));
    for st in &s.sentences {
        ok(st.span, "sentence");
        assert!(st.paragraph < s.paragraphs.len().max(1));
        assert!(st.first_token <= st.end_token && st.end_token <= s.tokens.len());
    }
    assert_eq!(s.token_quote.len(), s.tokens.len());
    assert_eq!(s.token_depth.len(), s.tokens.len());
    assert_eq!(s.words.len(), s.tokens.len());
    assert_eq!(s.caps.len(), s.tokens.len());
    assert_eq!(s.paragraph_tokens.len(), s.paragraphs.len());
});
