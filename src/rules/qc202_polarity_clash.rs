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

/// Flags of one claim for [`may_fire`].
const COMMITTED: u8 = 1;
const POSITIVE: u8 = 2;

/// What [`may_fire`] asks of one claim (kept per claim by the consistency pass).
pub(super) fn traits(c: &Claim) -> u8 {
    (if committed(c) { COMMITTED } else { 0 }) | (if c.polarity == crate::claims::Polarity::Positive { POSITIVE } else { 0 })
}

/// What the judge asks of the claims' own fields, before it reads their words: one predicate
/// class (claims met only through a figure have no class to compare), two polarities, both
/// committed. `ta` and `tb` are the claims' [`traits`]. The consistency pass asks this of
/// every pair first (see [`super::may_clash`]).
pub(super) fn may_fire(a: &Claim, ta: u8, b: &Claim, tb: u8) -> bool {
    a.class.is_some() && a.class == b.class && ta & tb & COMMITTED != 0 && (ta ^ tb) & POSITIVE != 0
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    if !may_fire(a, traits(a), b, traits(b)) || !super::share_topic(doc, a, b) {
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
