//! “..., he said” where “he” could be more than one person, or no one named nearby.
//!
//! A pronoun attribution is clear when the pronoun continues a speaker of the same or the
//! previous paragraph. When no such speaker fits and the sentence before names two or more
//! people the pronoun could stand for (same gender, or gender unknown), the reader has to
//! guess who is talking. quotecheck still picks the nearest one, and says so here.
//!
//! Fires (both men have spoken before, and neither in the last two paragraphs):
//! ```text
//! “We need the money,” Councilman Ray Ortiz said. “We need it now,” Councilman Sam Webb said.
//!
//! The council met for three hours on Monday.
//!
//! The budget passed late in the evening.
//!
//! Ortiz thanked Webb after the vote. “It took too long,” he said.
//! ```
//!
//! A pronoun that stands for no one named nearby (in its paragraph or the three before it,
//! where quotecheck looks for the person a pronoun means: "“You winning?” she said." after
//! a lone first name, which gives no gender) is reported too: the quotation keeps the pronoun
//! as its speaker, and the reader cannot tell who that is.
//!
//! Does not fire (Ortiz is the recent speaker):
//! ```text
//! “We need the money,” Councilman Ray Ortiz said. “We need it now,” Councilman Sam Webb said.
//!
//! “We are ready,” Ortiz said. Webb nodded. “It took too long,” he said.
//! ```

use super::Doc;
use crate::model::{Finding, Related};

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    for a in doc.ambiguous {
        if a.candidates.is_empty() {
            out.push(Finding {
                code: "QC103",
                rule: "ambiguous-pronoun",
                severity: doc.severity("QC103"),
                message: format!("“{}” matches no one named in this paragraph or the three before it", a.mention.slice(doc.text)),
                primary: a.mention,
                primary_label: "who is this?".to_string(),
                related: Vec::new(),
                claims: Vec::new(),
                help: "Name the speaker here, or close enough before that the pronoun clearly means them.".to_string(),
            });
            continue;
        }
        let names: Vec<String> = a.candidates.iter().filter_map(|&e| doc.entities.get(e)).map(|e| e.name.clone()).collect();
        let chosen = doc.quotes.get(a.quote).and_then(|q| q.speaker.as_ref()).and_then(|s| doc.entities.get(s.entity));
        let related = a
            .candidates
            .iter()
            .filter_map(|&e| doc.entities.get(e))
            .filter_map(|e| {
                // the last mention of each candidate before the pronoun
                e.mentions.iter().rev().find(|m| m.end <= a.mention.start).map(|m| Related { span: *m, label: format!("could be {}", e.name) })
            })
            .collect();
        out.push(Finding {
            code: "QC103",
            rule: "ambiguous-pronoun",
            severity: doc.severity("QC103"),
            message: format!(
                "“{}” could refer to {}; quotecheck chose {}",
                a.mention.slice(doc.text),
                names.join(" or "),
                chosen.map(|e| e.name.as_str()).unwrap_or("none")
            ),
            primary: a.mention,
            primary_label: "who is this?".to_string(),
            related,
            claims: Vec::new(),
            help: "Name the speaker instead of using a pronoun.".to_string(),
        });
    }
}
