//! A suppression comment that names an unknown rule, or is not a directive quotecheck knows.
//!
//! A misspelled code in `quotecheck-disable-next-line QC2O1` suppresses nothing, and a
//! misspelled directive (`quotecheck-disabel`) is ignored altogether; either way the finding
//! the writer meant to hide is still reported, and the comment looks as if it worked. The
//! finding names the unknown word and suggests the closest rule or directive.
//!
//! Fires:
//! ```text
//! <!-- quotecheck-disable-next-line QC299 -->
//! %% quotecheck-disabel QC101
//! ```
//!
//! Does not fire:
//! ```text
//! <!-- quotecheck-disable-next-line QC201, unattributed-quote -->
//! ```

use crate::model::{Finding, Severity};
use crate::span::Span;

/// The finding for the unknown word at `at`; `what` says what it should have been ("rule",
/// "directive") and `suggestion` the closest valid one.
pub(crate) fn finding(at: Span, word: &str, what: &str, suggestion: Option<&str>, severity: Severity) -> Finding {
    let message = match suggestion {
        Some(s) => format!("Unknown {what} `{word}` in a suppression comment; did you mean `{s}`?"),
        None => format!("Unknown {what} `{word}` in a suppression comment"),
    };
    let help = match what {
        "rule" => "Name rules by code or name (`quotecheck rule` lists them); separate several with commas or spaces.",
        _ => "The directives are quotecheck-disable-next-line, quotecheck-disable and quotecheck-enable.",
    };
    Finding {
        code: "QC902",
        rule: "invalid-suppression",
        severity,
        message,
        primary: at,
        primary_label: format!("unknown {what}"),
        related: Vec::new(),
        claims: Vec::new(),
        help: help.to_string(),
    }
}
