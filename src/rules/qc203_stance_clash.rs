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

/// Flags of one claim for [`may_fire`].
const CONFIRM: u8 = 1;
const DENY: u8 = 2;

/// What [`may_fire`] asks of one claim (kept per claim by the consistency pass).
pub(super) fn traits(c: &Claim) -> u8 {
    match c.stance {
        Some(Stance::Confirm) => CONFIRM,
        Some(Stance::Deny) => DENY,
        _ => 0,
    }
}

/// What the judge asks of the claims' own fields, before it reads their words: one side
/// confirms, the other denies, and the two have one predicate class or none (see `judge`).
/// `ta` and `tb` are the claims' [`traits`]. The consistency pass asks this of every pair
/// first (see [`super::may_clash`]).
pub(super) fn may_fire(a: &Claim, ta: u8, b: &Claim, tb: u8) -> bool {
    super::crossed(ta, tb, CONFIRM, DENY) && a.class == b.class
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    if !may_fire(a, traits(a), b, traits(b)) {
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
