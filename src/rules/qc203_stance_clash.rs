//! One side confirms what the other denies.
//!
//! A stance verb takes a position on the clause it governs: “confirmed the layoffs”,
//! “denied that layoffs are planned”. When one claim confirms and another denies the same
//! kind of event, the two cannot both stand. Between a company and its own spokesperson this
//! is an error; between opposing parties (a union and a company) it is information.
//!
//! Fires:
//! ```text
//! The company confirmed 400 job cuts at the plant.
//!
//! “We deny that any layoffs are planned at the plant,” the company spokeswoman, Ana Holm, said.
//! ```
//!
//! Does not fire:
//! ```text
//! The company confirmed 400 job cuts at the plant.
//!
//! “We confirm the layoffs at the plant,” the company spokeswoman, Ana Holm, said.
//! ```

use super::Doc;
use crate::claims::{Claim, Stance};
use crate::consistency::{Clash, Wording};

/// What [`may_fire`] asks of one claim (see [`super::Sides`]): confirms on one side, denies on
/// the other.
pub(super) fn sides(c: &Claim) -> super::Sides {
    super::Sides { p: (c.stance == Some(Stance::Confirm)) as u8, q: (c.stance == Some(Stance::Deny)) as u8 }
}

/// What the judge asks of the claims' own fields, before it reads their words: one side
/// confirms, the other denies (`met`, the claims' [`sides`] met), and the two have one
/// predicate class or none (see `judge`). The consistency pass asks this of every pair first
/// (see [`super::may_clash`]).
pub(super) fn may_fire(a: &Claim, b: &Claim, met: u8) -> bool {
    met != 0 && a.class == b.class
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    if !may_fire(a, b, super::meet(sides(a), sides(b))) {
        return None;
    }
    // one side confirms, the other denies
    let (sa, sb) = match (a.stance?, b.stance?) {
        (Stance::Confirm, Stance::Deny) => ("confirmed", "denied"),
        (Stance::Deny, Stance::Confirm) => ("denied", "confirmed"),
        _ => return None,
    };
    // claims met only through a figure have no class to compare
    // the same kind of event; or, with no predicate class on either side, the same thing
    // named by two content words in common ("confirmed *the sale* of its *stadium*")
    let same = match (a.class, b.class) {
        (Some(x), Some(y)) => x == y,
        (None, None) => super::topic_strength(doc, a, b) >= 2,
        _ => false,
    };
    if !same {
        return None;
    }
    if wording == Wording::Verdict {
        return Some(Clash::unworded());
    }
    Some(Clash { first: format!("{} ({}: {sa})", super::quoted(doc, a), a.predicate), second: format!("{} ({}: {sb})", super::quoted(doc, b), b.predicate) })
}
