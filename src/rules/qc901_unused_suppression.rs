//! A suppression comment that suppresses nothing.
//!
//! `quotecheck-disable-next-line` and `quotecheck-disable` comments hide findings; one that
//! no longer hides anything (the copy was fixed, or the finding moved) is left-over noise
//! that would hide a new finding there later without anyone deciding so. Remove it. A code
//! that names a rule switched off for the file (in `quotecheck.toml` or with `--disable`) is
//! not reported: there was nothing for it to hide.
//!
//! Fires:
//! ```text
//! <!-- quotecheck-disable-next-line QC101 -->
//! “The budget is balanced,” said Treasurer Ana Holm.   (no QC101 finding on this line)
//! ```
//!
//! Does not fire:
//! ```text
//! <!-- quotecheck-disable-next-line QC101 -->
//! “The budget is balanced.”   (an unattributed quotation: the comment hides its finding)
//! ```

use crate::model::{Finding, Severity};
use crate::span::Span;

/// The finding for a directive at `at` of which `unused` (codes, or "all rules") hid nothing.
pub(crate) fn finding(at: Span, directive: &str, unused: &[String], whole: bool, severity: Severity) -> Finding {
    let (message, label) = if whole {
        (format!("This `{directive}` comment suppresses no finding"), "suppresses nothing".to_string())
    } else {
        let codes = unused.join(", ");
        (format!("This `{directive}` comment suppresses no {codes} finding"), format!("no {codes} finding to suppress"))
    };
    Finding {
        code: "QC901",
        rule: "unused-suppression",
        severity,
        message,
        primary: at,
        primary_label: label,
        related: Vec::new(),
        claims: Vec::new(),
        help: if whole {
            "Remove the comment, or move it to the finding it is meant for.".to_string()
        } else {
            "Remove the unused codes from the comment.".to_string()
        },
    }
}
