//! GitHub Actions output (`check --format github`): one workflow command per finding, which
//! the runner turns into an annotation on the file and line.
//!
//! ```text
//! ::error file=article.txt,line=7,col=59,endLine=7,endColumn=99,title=QC201 state-reversal::The ministry says …
//! ```
//!
//! `error`, `warning` and `notice` carry the severity (our `info` is GitHub's `notice`).
//! Columns are 1-based and count characters; `endColumn` is the column of the last character
//! of the span, as GitHub's annotations count it.

use crate::model::{Analysis, Severity};
use crate::span::{floor_char_boundary, LineIndex};
use std::fmt::Write as _;

/// The workflow command for a severity.
pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message: `%`, carriage return and line feed.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: as a message, and also `:` and `,`, which end a value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One line per finding of a document, in the order of the document.
pub fn render(a: &Analysis) -> String {
    let lines = LineIndex::new(&a.text);
    let mut out = String::new();
    // standard input has no file to annotate: the annotation still carries line and column
    let file = match a.path.as_str() {
        "-" => String::new(),
        p if cfg!(windows) => format!("file={},", escape_property(&p.replace('\\', "/"))),
        p => format!("file={},", escape_property(p)),
    };
    for f in &a.findings {
        let (line, col) = lines.line_col(f.primary.start);
        // the last character of the span; an empty span ends where it starts
        let last = if f.primary.is_empty() { f.primary.start } else { floor_char_boundary(&a.text, f.primary.end - 1) };
        let (end_line, end_col) = lines.line_col(last.max(f.primary.start));
        let title = escape_property(&format!("{} {}", f.code, f.rule));
        let _ = writeln!(
            out,
            "::{} {file}line={line},col={col},endLine={end_line},endColumn={end_col},title={title}::{}",
            command(f.severity),
            escape_data(&f.message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::Finding;
    use crate::span::Span;

    #[test]
    fn one_line_per_finding_with_character_columns() {
        let text = "Zoë: “ab”\nthe end";
        let start = text.find("ab").unwrap_or_default();
        let finding = Finding {
            code: "QC101",
            rule: "unattributed-quote",
            severity: Severity::Info,
            message: "two\nlines, 100%: here".to_string(),
            primary: Span::new(start, start + 2),
            primary_label: String::new(),
            related: Vec::new(),
            claims: Vec::new(),
            help: String::new(),
        };
        let a = Analysis {
            path: "news/a,b:c.txt".to_string(),
            text: text.to_string(),
            quotes: Vec::new(),
            entities: Vec::new(),
            claims: Vec::new(),
            findings: vec![finding],
        };
        assert_eq!(
            render(&a),
            "::notice file=news/a%2Cb%3Ac.txt,line=1,col=7,endLine=1,endColumn=8,title=QC101 unattributed-quote::two%0Alines, 100%25: here\n"
        );
        let a = Analysis { path: "-".to_string(), ..a };
        assert!(render(&a).starts_with("::notice line=1,col=7,"));
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50%, then: a\r\nb"), "50%25, then: a%0D%0Ab");
        assert_eq!(escape_property("50%, then: a\r\nb"), "50%25%2C then%3A a%0D%0Ab");
    }
}
