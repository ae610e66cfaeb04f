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

/// What [`may_fire`] asks of one claim (see [`super::Sides`]): committed and positive on one
/// side, committed and negative on the other.
pub(super) fn sides(c: &Claim) -> super::Sides {
    let positive = c.polarity == crate::claims::Polarity::Positive;
    super::Sides { p: (committed(c) && positive) as u8, q: (committed(c) && !positive) as u8 }
}

/// What the judge asks of the claims' own fields, before it reads their words: two
/// polarities, both committed (`met`, the claims' [`sides`] met), and one predicate class
/// (claims met only through a figure have no class to compare). The consistency pass asks
/// this of every pair first (see [`super::may_clash`]).
pub(super) fn may_fire(a: &Claim, b: &Claim, met: u8) -> bool {
    met != 0 && a.class.is_some() && a.class == b.class
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    if !may_fire(a, b, super::meet(sides(a), sides(b))) || !super::share_topic(doc, a, b) {
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
