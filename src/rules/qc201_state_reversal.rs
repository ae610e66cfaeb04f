//! One side says an activity is halted; the other says it is going ahead.
//!
//! State reversal compares result states: suspended, halted, frozen, cancelled, or “has not
//! resumed” on one side; happening, going ahead, resumed or lifted on the other, for the same
//! kind of activity (talks, a program, shipments). It is the reference case of quotecheck: an
//! organisation says direct talks stay suspended while its own spokesman says a one-on-one
//! conversation will of course happen. An exception or side-event scope (“except”, “on the
//! side of the summit”) lowers the severity one level but keeps the finding, because the
//! reader still needs the difference spelled out; a statement about what the exception
//! leaves out (“a ban on imports, except for medicine” against “medicine shipments will
//! continue”) is no clash at all.
//!
//! Fires:
//! ```text
//! The ministry said direct talks with the union stay suspended.
//!
//! “Of course the ministers will talk at the summit,” the ministry spokesman, Ivo Dane, said.
//! ```
//!
//! Does not fire:
//! ```text
//! The ministry said direct talks with the union stay suspended.
//!
//! “If the union lifts its blockade, the talks would resume,” the ministry spokesman, Ivo Dane,
//! said.
//! ```

use super::Doc;
use crate::claims::{Aspect, Claim, Modality, Polarity};
use crate::consistency::{Clash, Wording};

fn stopped(c: &Claim) -> bool {
    (c.aspect == Aspect::Cessation && c.polarity == Polarity::Positive) || (c.aspect == Aspect::Resumption && c.polarity == Polarity::Negative)
}

fn going(c: &Claim) -> bool {
    let committed = matches!(c.modality, Modality::Asserted | Modality::Expected | Modality::Intended);
    committed
        && matches!(
            (c.aspect, c.polarity),
            (Aspect::None | Aspect::Continues | Aspect::Resumption, Polarity::Positive) | (Aspect::Cessation, Polarity::Negative)
        )
}

/// What [`may_fire`] asks of one claim (see [`super::Sides`]): halted on one side, going
/// ahead on the other.
pub(super) fn sides(c: &Claim) -> super::Sides {
    super::Sides { p: stopped(c) as u8, q: going(c) as u8 }
}

/// What the judge asks of the claims' own fields, before anything else: halted on one side
/// and going ahead on the other (`met`, the claims' [`sides`] met), and one predicate class
/// (claims met only through a figure have no class to compare). The consistency pass asks
/// this of every pair first (see [`super::may_clash`]).
pub(super) fn may_fire(a: &Claim, b: &Claim, met: u8) -> bool {
    met != 0 && a.class.is_some() && a.class == b.class
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim, wording: Wording) -> Option<Clash> {
    if !may_fire(a, b, super::meet(sides(a), sides(b))) {
        return None;
    }
    let (sa, sb) = if stopped(a) && going(b) {
        ("halted", "going ahead")
    } else if going(a) && stopped(b) {
        ("going ahead", "halted")
    } else {
        return None;
    };
    if wording == Wording::Verdict {
        return Some(Clash::unworded());
    }
    Some(Clash { first: format!("{} ({}: {sa})", super::quoted(doc, a), a.predicate), second: format!("{} ({}: {sb})", super::quoted(doc, b), b.predicate) })
}
