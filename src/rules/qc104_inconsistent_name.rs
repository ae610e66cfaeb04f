//! One speaker named two ways: two spellings, two honorifics, or two conflicting titles.
//!
//! A name spelled “Reilly” once and “Reiley” later, a person called “Mr.” and then “Ms.”, or
//! one person called “county engineer” and later “town engineer”, is either a typo or two
//! people merged by mistake; both need an editor. Titles that only shorten or extend one
//! another (“State Department spokesman”, “spokesman”) are consistent.
//!
//! Fires:
//! ```text
//! Planner Thomas Reilly approved the map. ... Thomas Reiley said it was final.
//! ```
//!
//! Does not fire:
//! ```text
//! Planner Thomas Reilly approved the map. ... Reilly said it was final.
//! ```

use super::Doc;
use crate::model::{EntityKind, Finding, Related, Severity};
use crate::span::Span;

use crate::span::edit_distance as distance;

fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

fn first(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// A QC104 warning: `primary` is the later form, `before` the earlier one.
fn warning(message: String, primary: Span, primary_label: String, before: Span, before_label: String, help: &str) -> Finding {
    Finding {
        code: "QC104",
        rule: "inconsistent-name",
        severity: Severity::Warning,
        message,
        primary,
        primary_label,
        related: vec![Related { span: before, label: before_label }],
        claims: Vec::new(),
        help: help.to_string(),
    }
}

fn misspelling(earlier: &str, at_earlier: Span, later: &str, at_later: Span) -> Finding {
    warning(
        format!("“{later}” looks like a different spelling of “{earlier}”"),
        at_later,
        "spelled this way here".to_string(),
        at_earlier,
        "and this way before".to_string(),
        "Use one spelling of the name throughout, or make clear these are two people.",
    )
}

fn honorific_gender(h: &str) -> Option<bool> {
    match h.trim_end_matches('.').to_lowercase().as_str() {
        "mr" => Some(true),
        "mrs" | "ms" | "miss" => Some(false),
        _ => None,
    }
}

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    let first_new = out.len();
    // two entities with one first name whose surnames differ by a letter or two: one person
    // misspelled. Compared within groups of the same first name, so the cost stays small.
    let mut by_first: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind == EntityKind::Person {
            if let Some((n, _)) = e.spellings.first() {
                by_first.entry(first(n)).or_default().push(i);
            }
        }
    }
    for persons in by_first.values() {
        // a first name shared by hundreds of people is no evidence of a typo; cap the pairs
        let persons = &persons[..persons.len().min(64)];
        for (k, &i) in persons.iter().enumerate() {
            for &j in &persons[k + 1..] {
                let (a, b) = (&doc.entities[i], &doc.entities[j]);
                let (Some((na, sa)), Some((nb, sb))) = (a.spellings.first(), b.spellings.first()) else {
                    continue;
                };
                let (sur_a, sur_b) = (surname(na), surname(nb));
                if !first(na).eq_ignore_ascii_case(first(nb)) || sur_a.eq_ignore_ascii_case(sur_b) || sur_a.chars().count() < 4 {
                    continue;
                }
                // one edit for a short surname, two for a long one: "Reilly"/"Reiley" is a typo,
                // "Kirby"/"Kerry" are two people
                let allowed = if sur_a.chars().count() >= 8 { 2 } else { 1 };
                let (la, lb) = (sur_a.to_lowercase(), sur_b.to_lowercase());
                let plural = la.strip_suffix('s') == Some(lb.as_str()) || lb.strip_suffix('s') == Some(la.as_str());
                let not_names = doc.lex.not_surnames.contains(la.as_str()) || doc.lex.not_surnames.contains(lb.as_str());
                if distance(&la, &lb) <= allowed && !plural && !not_names {
                    out.push(misspelling(na, *sa, nb, *sb));
                }
            }
        }
    }
    for e in doc.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        // one person, two spellings of the surname (the resolver joined them)
        if let Some((first_spelling, s0)) = e.spellings.first() {
            for (other, s1) in &e.spellings[1..] {
                let norm = |x: &str| x.to_lowercase().replace('’', "'");
                let not_names =
                    doc.lex.not_surnames.contains(norm(surname(other)).as_str()) || doc.lex.not_surnames.contains(norm(surname(first_spelling)).as_str());
                if norm(surname(other)) != norm(surname(first_spelling)) && !not_names {
                    out.push(misspelling(first_spelling, *s0, other, *s1));
                }
            }
        }
        // Mr. then Ms.
        let mut gendered = e.honorifics.iter().filter_map(|(h, s)| honorific_gender(h).map(|g| (g, h, *s)));
        if let Some((g0, h0, s0)) = gendered.next() {
            if let Some((_, h1, s1)) = gendered.find(|(g, _, _)| *g != g0) {
                out.push(warning(
                    format!("{} is called “{h0}” and later “{h1}”", e.name),
                    s1,
                    format!("“{h1}” here"),
                    s0,
                    format!("“{h0}” before"),
                    "Use one honorific for the person throughout.",
                ));
            }
        }
        // two titles with the same head word and different, non-nested modifiers
        for (k, t1) in e.titles.iter().enumerate() {
            for t2 in &e.titles[k + 1..] {
                let (l1, l2) = (t1.to_lowercase(), t2.to_lowercase());
                let head1 = l1.split_whitespace().last();
                // one title's words all in the other: a shorter or longer form of it
                let w1: Vec<&str> = l1.split_whitespace().collect();
                let w2: Vec<&str> = l2.split_whitespace().collect();
                let nested = w1.iter().all(|w| w2.contains(w)) || w2.iter().all(|w| w1.contains(w));
                if head1 != l2.split_whitespace().last() || nested {
                    continue;
                }
                // only a job title conflicts ("county engineer" / "town engineer"), not the
                // words that happened to precede a name
                if !head1.is_some_and(|h| doc.lex.roles.contains_key(h)) {
                    continue;
                }
                let span_of = |t: &str| e.mentions.iter().find(|m| m.slice(doc.text).contains(t)).copied();
                let (Some(s1), Some(s2)) = (span_of(t1), span_of(t2)) else {
                    continue;
                };
                out.push(warning(
                    format!("{} is called “{t1}” and later “{t2}”", e.name),
                    s2,
                    format!("“{t2}”"),
                    s1,
                    format!("“{t1}” before"),
                    "Check which title is right and use it throughout.",
                ));
            }
        }
    }
    // the constructors above give the default; the configuration may set another
    let severity = doc.severity("QC104");
    for f in &mut out[first_new..] {
        f.severity = severity;
    }
}
