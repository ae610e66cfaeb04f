//! Ruled out on one side, possible on the other: a weak tension.
//!
//! One claim firmly says something will not happen (“will not”, “ruled out”), another says
//! it might. The two can both be true (plans change), so this is information by default, for
//! an editor who wants the difference explained.
//!
//! Fires:
//! ```text
//! The licensing agency said it will not raise fees this year.
//!
//! “Fees might rise in the autumn,” the agency director, Walter Pimm, said.
//! ```
//!
//! Does not fire:
//! ```text
//! The licensing agency said it will not raise fees this year.
//!
//! “Fees will not rise this year,” the agency director, Walter Pimm, said.
//! ```

use super::Doc;
use crate::claims::{Aspect, Claim, Modality, Polarity};
use crate::consistency::{Clash, Wording};

fn ruled_out(c: &Claim) -> bool {
    c.polarity == Polarity::Negative && matches!(c.modality, Modality::Asserted | Modality::Expected) && c.aspect == Aspect::None
}

fn possible(c: &Claim) -> bool {
    c.polarity == Polarity::Positive && c.modality == Modality::Possible && matches!(c.aspect, Aspect::None | Aspect::Resumption)
}

/// What [`may_fire`] asks of one claim (see [`super::Sides`]): ruled out on one side,
/// possible on the other.
pub(super) fn sides(c: &Claim) -> super::Sides {
    super::Sides { p: ruled_out(c) as u8, q: possible(c) as u8 }
}

/// What the judge asks of the claims' own fields, before anything else: ruled out on one side
/// and possible on the other (`met`, the claims' [`sides`] met), and one predicate class
/// (claims met only through a figure have no class to compare). The consistency pass asks
/// this of every pair first (see [`super::may_clash`]).
pub(super) fn may_fire(a: &Claim, b: &Claim, met: u8) -> bool {
    met != 0 && a.class.is_some() && a.class == b.class
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    if !may_fire(a, b, super::meet(sides(a), sides(b))) {
        return None;
    }
    let (sa, sb) = if ruled_out(a) && possible(b) {
        ("ruled out", "possible")
    } else if possible(a) && ruled_out(b) {
        ("possible", "ruled out")
    } else {
        return None;
    };
    if wording == Wording::Verdict {
        return Some(Clash::unworded());
    }
    Some(Clash { first: format!("{} ({}: {sa})", super::quoted(doc, a), a.predicate), second: format!("{} ({}: {sb})", super::quoted(doc, b), b.predicate) })
}
