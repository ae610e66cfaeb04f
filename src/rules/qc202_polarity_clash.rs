//! The same thing asserted and denied: “will raise fees” against “will not raise fees”.
//!
//! Two committed statements (asserted, expected or intended, not a question, a condition or
//! a possibility) about the same kind of event, one positive and one negative. Within one
//! speaker or one organisation this is an error an editor must resolve; between opposing
//! parties it is reported as information, since disputes are the stuff of news.
//!
//! Fires:
//! ```text
//! The licensing agency said it will not raise fees this year.
//!
//! “We will raise fees this year,” the agency director, Walter Pimm, said.
//! ```
//!
//! Does not fire:
//! ```text
//! The licensing agency said it will not raise fees this year.
//!
//! “We might raise fees one day,” the agency director, Walter Pimm, said.
//! ```

use super::Doc;
use crate::claims::{Aspect, Claim, Modality};
use crate::consistency::{Clash, Wording};

fn committed(c: &Claim) -> bool {
    matches!(c.modality, Modality::Asserted | Modality::Expected | Modality::Intended) && matches!(c.aspect, Aspect::None | Aspect::Continues)
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    // claims met only through a figure have no class to compare
    if a.class.is_none() || a.class != b.class || a.polarity == b.polarity || !committed(a) || !committed(b) || !super::share_topic(doc, a, b) {
        return None;
    }
    let word = |c: &Claim| match c.polarity {
        crate::claims::Polarity::Positive => "yes",
        crate::claims::Polarity::Negative => "no",
    };
    if wording == Wording::Verdict {
        return Some(Clash::unworded());
    }
    Some(Clash {
        first: format!("{} ({}: {})", super::quoted(doc, a), a.predicate, word(a)),
        second: format!("{} ({}: {})", super::quoted(doc, b), b.predicate, word(b)),
    })
}
