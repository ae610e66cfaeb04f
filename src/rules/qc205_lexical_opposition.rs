//! Opposite predicates for the same thing: “fares will rise” against “fares will fall”.
//!
//! Two committed, positive claims whose predicate classes are linked by an `opposes` entry
//! in grammar/predicates.toml (raise/cut, hire/lay off, support/oppose, win/lose).
//!
//! Fires:
//! ```text
//! The transit board said fares will rise in May.
//!
//! “Fares will fall in May,” the board chair, Lena Berg, said.
//! ```
//!
//! Does not fire:
//! ```text
//! The transit board said fares will rise in May.
//!
//! “Fares will rise a little in May,” the board chair, Lena Berg, said.
//! ```

use super::Doc;
use crate::claims::{Aspect, Claim, Modality, Polarity};
use crate::consistency::Clash;

fn committed(c: &Claim) -> bool {
    c.polarity == Polarity::Positive && matches!(c.modality, Modality::Asserted | Modality::Expected | Modality::Intended) && c.aspect == Aspect::None
}

pub fn judge(doc: &Doc, a: &Claim, b: &Claim) -> Option<Clash> {
    let (ca, cb) = (a.class?, b.class?);
    if ca == cb || !doc.lex.classes_oppose(ca, cb) || !committed(a) || !committed(b) || !super::share_topic(doc, a, b) {
        return None;
    }
    Some(Clash { first: format!("{} ({})", super::quoted(doc, a), a.predicate), second: format!("{} ({})", super::quoted(doc, b), b.predicate) })
}
