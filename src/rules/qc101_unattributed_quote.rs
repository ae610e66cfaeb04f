//! A direct quotation that no speaker is given for.
//!
//! Readers must be able to tell who said every quoted sentence. A direct quotation with no
//! cue ("said", "told", ...) in its sentence, that does not continue the speaker of the
//! paragraph before, and that no later quotation of its paragraph attributes, has no speaker
//! at all. Partial quotations and scare quotes (a term, title or nickname in quotation marks)
//! are not checked here.
//!
//! Fires:
//! ```text
//! “The budget will not survive the winter.”
//! (a paragraph of its own, after narrative, with no speaker anywhere near)
//! ```
//!
//! Does not fire:
//! ```text
//! “The budget will not survive the winter,” said Treasurer Ana Holm.
//! ```

use super::Doc;
use crate::model::{Finding, QuoteKind};

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    for q in doc.quotes {
        if q.parent.is_some() || q.speaker.is_some() || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Block) {
            continue;
        }
        out.push(Finding {
            code: "QC101",
            rule: "unattributed-quote",
            severity: doc.severity("QC101"),
            message: "This quotation has no speaker: no cue names who said it, and it does not continue a speaker from before".to_string(),
            primary: q.content,
            primary_label: "who said this?".to_string(),
            related: Vec::new(),
            claims: Vec::new(),
            help: "Add an attribution (“..., Name said.”) or make clear that the previous speaker is still talking.".to_string(),
        });
    }
}
