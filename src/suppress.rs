//! Inline suppression comments.
//!
//! ```text
//! <!-- quotecheck-disable-next-line QC201 -->     the next non-blank line
//! <!-- quotecheck-disable QC101, QC103 -->        from here ...
//! <!-- quotecheck-enable -->                      ... to here (with codes: only those)
//! %% quotecheck-disable-next-line QC201           the same, as a line of a plain-text file
//! ```
//!
//! Rules are named by code or name, separated by commas or spaces; none means every rule. A
//! finding is suppressed when its primary span starts on a suppressed line. The comment form
//! works in any file; the `%%` form only in plain text (not in Markdown or HTML, where `%%`
//! may be prose).
//!
//! Directives are read from the file as written ([`Directives::parse`]): in Markdown and HTML
//! the input-format mask blanks comments, so they are found before it. They are not article
//! prose: [`Directives::blank`] turns their bytes into spaces (newlines kept) in the analysis
//! text (the file itself, or its masked text, of the same length), so no offset moves. A directive that suppresses
//! nothing is reported (QC901), and so is an unknown rule or directive in one (QC902);
//! neither of those can itself be suppressed.

use crate::model::Finding;
use crate::rules::{self, Doc};
use crate::source::InputFormat;
use crate::span::Span;
use std::borrow::Cow;

/// Which directive forms a file may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Plain text: `<!-- ... -->` comments and `%% ...` lines.
    PlainText,
    /// Markdown and HTML: `<!-- ... -->` comments only.
    Markup,
}

impl Syntax {
    /// For a document read as `format`: Markdown and HTML take comments only; a document read
    /// as plain text goes by its name ([`Syntax::for_path`]), so a Markdown or HTML file read
    /// as text (`--input-format text`, or an extension such as `.mkd` that is not masked)
    /// still does not take `%%` prose for a directive.
    pub fn for_input(format: InputFormat, path: &str) -> Syntax {
        match format {
            InputFormat::Markdown | InputFormat::Html => Syntax::Markup,
            InputFormat::Text => Syntax::for_path(path),
        }
    }

    /// By the file's extension; standard input (`-`) and unknown extensions are plain text.
    pub fn for_path(path: &str) -> Syntax {
        let ext = std::path::Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd" | "html" | "htm" | "xhtml") => Syntax::Markup,
            _ => Syntax::PlainText,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
}

const NAMES: &[(&str, Kind)] = &[("quotecheck-disable-next-line", Kind::NextLine), ("quotecheck-disable", Kind::Disable), ("quotecheck-enable", Kind::Enable)];

#[derive(Debug, Clone)]
struct Directive {
    kind: Kind,
    name: &'static str,
    /// The whole comment, or the whole `%%` line.
    span: Span,
    /// The rules named, by code; empty with `named` false: every rule.
    codes: Vec<&'static str>,
    /// Whether any rule was named at all (a directive naming only unknown rules hides nothing).
    named: bool,
    /// The first line it applies to: the next non-blank line (next-line), or its own line.
    line: usize,
}

#[derive(Debug, Clone)]
struct Unknown {
    word: String,
    at: Span,
    what: &'static str,
    suggestion: Option<&'static str>,
}

/// The suppression directives of one document.
#[derive(Debug, Clone, Default)]
pub struct Directives {
    list: Vec<Directive>,
    unknown: Vec<Unknown>,
    /// Every directive's bytes, to blank before the analysis.
    blanks: Vec<Span>,
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
}

/// A directive found in the text, before it is checked: its span, and the text after the
/// `quotecheck-` marker's start (name and rules).
fn candidates(text: &str, syntax: Syntax) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    let mut from = 0;
    // (memmem: most texts have no comment, and each is searched for one in full)
    let (opener, closer) = (memchr::memmem::Finder::new("<!--"), memchr::memmem::Finder::new("-->"));
    while let Some(i) = opener.find(&text.as_bytes()[from..]) {
        let open = from + i;
        let Some(j) = closer.find(&text.as_bytes()[open + 4..]) else { break };
        let close = open + 4 + j;
        let inner = Span::new(open + 4, close).trim(text);
        if inner.slice(text).starts_with("quotecheck-") {
            out.push((Span::new(open, close + 3), inner));
        }
        from = close + 3;
    }
    if syntax == Syntax::PlainText {
        // a line whose first non-blank characters are "%%": each "%%" of the text is looked
        // at (memmem), not every line (the same lines: "%%" after nothing but white space)
        let b = text.as_bytes();
        let mut from = 0;
        for p in memchr::memmem::find_iter(b, "%%") {
            if p < from {
                continue;
            }
            let start = memchr::memrchr(b'\n', &b[..p]).map_or(0, |k| k + 1);
            let end = memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |k| p + k + 1);
            from = end;
            let line = &text[start..end];
            let body = line.trim_end_matches(['\n', '\r']);
            let lead = body.len() - body.trim_start().len();
            if start + lead != p {
                continue;
            }
            if let Some(rest) = body[lead..].strip_prefix("%%") {
                let after = rest.trim_start();
                if rest.len() > after.len() && after.starts_with("quotecheck-") {
                    let inner_start = start + body.len() - after.len();
                    let inner = Span::new(inner_start, start + body.len()).trim(text);
                    out.push((Span::new(start + lead, start + body.len()), inner));
                }
            }
        }
    }
    out.sort_by_key(|(s, _)| s.start);
    out
}

impl Directives {
    pub fn parse(text: &str, syntax: Syntax) -> Directives {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut d = Directives { line_starts, ..Default::default() };
        let found = candidates(text, syntax);
        d.blanks = found.iter().map(|(s, _)| *s).collect();
        // a line is blank for next-line purposes once the directives are blanked
        let blanked = d.blank(text);
        for (span, inner) in found {
            let words = words(text, inner);
            let Some(&(name_at, name)) = words.first() else { continue };
            let Some(&(full, kind)) = NAMES.iter().find(|(n, _)| *n == name) else {
                let suggestion = crate::config::closest(name, NAMES.iter().map(|(n, _)| *n));
                d.unknown.push(Unknown { word: name.to_string(), at: name_at, what: "directive", suggestion });
                continue;
            };
            let mut codes = Vec::new();
            for &(at, w) in &words[1..] {
                match rules::find(w) {
                    Some(r) if !codes.contains(&r.code) => codes.push(r.code),
                    Some(_) => {}
                    None => {
                        let all = rules::all();
                        let suggestion = crate::config::closest(w, all.iter().flat_map(|r| [r.code, r.name]));
                        d.unknown.push(Unknown { word: w.to_string(), at, what: "rule", suggestion });
                    }
                }
            }
            let own_line = d.line_of(span.start);
            let line = match kind {
                Kind::NextLine => {
                    let end_line = d.line_of(span.end);
                    (end_line + 1..d.line_starts.len()).find(|&l| !d.line_text(&blanked, l).trim().is_empty()).unwrap_or(usize::MAX)
                }
                _ => own_line,
            };
            d.list.push(Directive { kind, name: full, span, codes, named: words.len() > 1, line });
        }
        d
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.line_starts[line];
        let end = self.line_starts.get(line + 1).copied().unwrap_or(text.len());
        &text[start..end]
    }

    /// `text` with every directive replaced by spaces (line breaks kept): the same length,
    /// so every offset into it is an offset into `text`. `text` is the text the directives
    /// were parsed from, or one of the same length with the same offsets (the input-format
    /// mask of it).
    pub fn blank<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.blanks.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut bytes = text.as_bytes().to_vec();
        for s in &self.blanks {
            // whole characters of `text`, should a masked text hold one across the edge
            let (mut start, mut end) = (s.start.min(text.len()), s.end.min(text.len()));
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            while !text.is_char_boundary(end) {
                end += 1;
            }
            for b in &mut bytes[start..end] {
                if *b != b'\n' && *b != b'\r' {
                    *b = b' ';
                }
            }
        }
        // whole characters were replaced by ASCII spaces, so the bytes are still UTF-8
        Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
    }

    /// Drops the findings the directives suppress and adds the findings about the directives
    /// themselves (unused, unknown rule or directive), in document order.
    pub fn apply(&self, findings: Vec<Finding>, doc: &Doc) -> Vec<Finding> {
        if self.list.is_empty() && self.unknown.is_empty() {
            return findings;
        }
        // used[directive][k]: whether its k-th code (or, with no codes, the directive) hid something
        let mut used: Vec<Vec<bool>> = self.list.iter().map(|d| vec![false; d.codes.len().max(1)]).collect();
        let timeline = self.timeline();
        let mut out = Vec::with_capacity(findings.len());
        for f in findings {
            let line = self.line_of(f.primary.start);
            let mut hidden = false;
            for (i, d) in self.list.iter().enumerate() {
                if d.kind == Kind::NextLine && d.line == line {
                    hidden |= self.credit(d, &mut used[i], f.code);
                }
            }
            let at = timeline.partition_point(|(l, _)| *l <= line);
            if at > 0 {
                // a rule named on its own wins the credit over "every rule"
                let state = &timeline[at - 1].1;
                let by_code = state.iter().find(|a| a.code == Some(f.code));
                let by_all = state.iter().find(|a| a.code.is_none() && !a.except.contains(&f.code));
                if let Some(a) = by_code.or(by_all) {
                    let d = &self.list[a.directive];
                    hidden |= self.credit(d, &mut used[a.directive], f.code);
                }
            }
            if !hidden {
                out.push(f);
            }
        }
        if doc.enabled("QC901") {
            for (d, used) in self.list.iter().zip(&used) {
                if d.kind == Kind::Enable || (d.named && d.codes.is_empty()) {
                    continue;
                }
                if d.codes.is_empty() {
                    if !used[0] {
                        out.push(rules::qc901_unused_suppression::finding(d.span, d.name, &[], true, doc.severity("QC901")));
                    }
                    continue;
                }
                // a rule switched off for this file had nothing to report: its code is not unused
                let unused: Vec<String> = d.codes.iter().zip(used).filter(|(c, u)| !**u && doc.enabled(c)).map(|(c, _)| c.to_string()).collect();
                if !unused.is_empty() {
                    out.push(rules::qc901_unused_suppression::finding(d.span, d.name, &unused, false, doc.severity("QC901")));
                }
            }
        }
        if doc.enabled("QC902") {
            for u in &self.unknown {
                out.push(rules::qc902_invalid_suppression::finding(u.at, &u.word, u.what, u.suggestion, doc.severity("QC902")));
            }
        }
        out.sort_by(|a, b| (a.primary.start, a.primary.end, a.code).cmp(&(b.primary.start, b.primary.end, b.code)));
        out
    }

    /// Whether directive `d` covers `code`; if so, records that it was used.
    fn credit(&self, d: &Directive, used: &mut [bool], code: &str) -> bool {
        if code.starts_with("QC9") {
            return false;
        }
        if d.codes.is_empty() {
            if d.named {
                return false;
            }
            used[0] = true;
            return true;
        }
        match d.codes.iter().position(|c| *c == code) {
            Some(k) => {
                used[k] = true;
                true
            }
            None => false,
        }
    }

    /// The disable/enable ranges as a series of states, each from a line on.
    fn timeline(&self) -> Vec<(usize, Vec<Active>)> {
        let mut out: Vec<(usize, Vec<Active>)> = Vec::new();
        let mut state: Vec<Active> = Vec::new();
        for (i, d) in self.list.iter().enumerate() {
            match d.kind {
                Kind::NextLine => continue,
                Kind::Disable if d.codes.is_empty() && d.named => continue,
                Kind::Disable if d.codes.is_empty() => {
                    state.push(Active { directive: i, code: None, except: Vec::new() });
                }
                Kind::Disable => {
                    for &c in &d.codes {
                        state.push(Active { directive: i, code: Some(c), except: Vec::new() });
                    }
                }
                Kind::Enable if d.codes.is_empty() && !d.named => state.clear(),
                Kind::Enable => {
                    state.retain(|a| a.code.is_none_or(|c| !d.codes.contains(&c)));
                    for a in state.iter_mut().filter(|a| a.code.is_none()) {
                        a.except.extend(d.codes.iter().copied());
                    }
                }
            }
            out.push((d.line, state.clone()));
        }
        out
    }
}

/// A range suppression in force: a directive's code (or every rule but `except`).
#[derive(Debug, Clone)]
struct Active {
    directive: usize,
    code: Option<&'static str>,
    except: Vec<&'static str>,
}

/// The words of a directive (name, then rules), split at commas and white space.
fn words(text: &str, inner: Span) -> Vec<(Span, &str)> {
    let s = inner.slice(text);
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let sep = ch == ',' || ch.is_whitespace();
        match (sep, start) {
            (false, None) => start = Some(i),
            (true, Some(b)) => {
                out.push((Span::new(inner.start + b, inner.start + i), &s[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanking_keeps_offsets() {
        let text = "Head\n%% quotecheck-disable-next-line QC101\n“Ready.” <!-- quotecheck-enable -->\n";
        let d = Directives::parse(text, Syntax::PlainText);
        let b = d.blank(text);
        assert_eq!(b.len(), text.len());
        let lines: Vec<&str> = b.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "Head");
        assert!(lines[1].trim().is_empty() && lines[1].len() == text.lines().nth(1).unwrap_or("").len());
        assert_eq!(lines[2].trim_end(), "“Ready.”");
    }

    #[test]
    fn percent_lines_only_in_plain_text() {
        let text = "%% quotecheck-disable\n";
        assert_eq!(Directives::parse(text, Syntax::PlainText).list.len(), 1);
        assert_eq!(Directives::parse(text, Syntax::Markup).list.len(), 0);
    }

    #[test]
    fn next_line_skips_blank_lines_and_other_directives() {
        let text = "<!-- quotecheck-disable-next-line QC101 -->\n\n%% quotecheck-disable-next-line QC102\n\nText\n";
        let d = Directives::parse(text, Syntax::PlainText);
        assert_eq!(d.list.iter().map(|x| x.line).collect::<Vec<_>>(), vec![4, 4]);
    }

    #[test]
    fn words_split_at_commas_and_spaces() {
        let text = "quotecheck-disable QC101,QC102  state-reversal";
        let w: Vec<&str> = words(text, Span::new(0, text.len())).into_iter().map(|(_, w)| w).collect();
        assert_eq!(w, vec!["quotecheck-disable", "QC101", "QC102", "state-reversal"]);
    }
}
