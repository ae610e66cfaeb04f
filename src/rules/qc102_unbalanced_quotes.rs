//! A quotation mark with no partner.
//!
//! An opening mark that is never closed, or a closing mark that was never opened, leaves the
//! reader unsure where a speaker's words end. The one accepted open end is the newspaper
//! convention for a quotation running over several paragraphs: a paragraph ends with no
//! closing mark and the next paragraph opens with a mark. Apostrophes (don't, the '90s,
//! Travelers') are not quotation marks. Nesting deeper than eight levels is reported too.
//!
//! A curly double mark turned the wrong way (”Yes,” she said, as autocorrect often leaves it
//! after an ellipsis) still pairs with its partner, so the quotation is read and attributed,
//! but the mark is reported so that the right one (“) can be put in.
//!
//! Fires:
//! ```text
//! The mayor called it “a fair deal and went home.
//! ```
//!
//! Does not fire:
//! ```text
//! “The first part runs on.
//!
//! “And ends here,” the mayor said.
//! ```

use super::Doc;
use crate::model::Finding;

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    for u in &doc.scan.unbalanced {
        let (message, label, help) = if u.opening {
            (
                "This quotation mark opens a quotation that is never closed",
                "opened here, never closed",
                "Close the quotation where the speaker's words end. If it continues into the next paragraph, open that paragraph with a quotation mark.",
            )
        } else {
            (
                "This closing quotation mark has no opening mark before it",
                "closes nothing",
                "Add the opening mark where the quotation starts, or remove this one.",
            )
        };
        out.push(Finding {
            code: "QC102",
            rule: "unbalanced-quotes",
            severity: doc.severity("QC102"),
            message: message.to_string(),
            primary: u.mark,
            primary_label: label.to_string(),
            related: Vec::new(),
            claims: Vec::new(),
            help: help.to_string(),
        });
    }
    for &m in &doc.scan.reversed {
        let (message, help) = if m.slice(doc.text) == "”" {
            ("This closing quotation mark (”) opens a quotation", "Write an opening mark (“) here.")
        } else {
            ("This opening quotation mark (“) closes a quotation", "Write a closing mark (”) here.")
        };
        out.push(Finding {
            code: "QC102",
            rule: "unbalanced-quotes",
            severity: doc.severity("QC102"),
            message: message.to_string(),
            primary: m,
            primary_label: "turned the wrong way".to_string(),
            related: Vec::new(),
            claims: Vec::new(),
            help: help.to_string(),
        });
    }
    for &m in &doc.scan.too_deep {
        out.push(Finding {
            code: "QC102",
            rule: "unbalanced-quotes",
            // marks nested too deep are a lesser problem than a missing partner
            severity: doc.severity("QC102").lower(),
            message: format!("Quotation marks nest more than {} levels deep here; the deeper marks are not read as quotations", crate::scan::MAX_DEPTH),
            primary: m,
            primary_label: "too deep".to_string(),
            related: Vec::new(),
            claims: Vec::new(),
            help: "Check the quotation marks in this paragraph.".to_string(),
        });
    }
}
