//! What every analysis promises, checked: the property tests, the fuzz targets and the
//! regression inputs found by fuzzing all hold the pipeline to the same contract, and a
//! library user can check a report they were handed in the same way.
//!
//! - every span of the JSON report (quotations, segments, cues, speaker mentions, entity
//!   mentions, claims, findings) lies on char boundaries inside the document, and its `text`
//!   is the slice;
//! - claims name entities and quotations that exist, findings name claims that exist.

use crate::model::Analysis;
use crate::report::json::DocumentReport;

/// A broken promise of the analysis, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    #[error("span {start}..{end} lies outside the {len}-byte document")]
    Outside { start: usize, end: usize, len: usize },
    #[error("span {start}..{end} splits a character")]
    SplitsChar { start: usize, end: usize },
    #[error("span {start}..{end} says {said:?}, but the document holds {actual:?} there")]
    TextDiffers { start: usize, end: usize, said: String, actual: String },
    #[error("claim {claim} names {what} {index}, which does not exist")]
    DanglingClaim { claim: usize, what: &'static str, index: usize },
    #[error("finding {finding} names claim {claim}, which does not exist")]
    DanglingFinding { finding: usize, claim: usize },
}

/// Checks an analysis and its JSON report; the first violation found is returned.
pub fn check(a: &Analysis) -> Result<(), Violation> {
    for (i, c) in a.claims.iter().enumerate() {
        if let Some(e) = c.speaker.filter(|&e| e >= a.entities.len()) {
            return Err(Violation::DanglingClaim { claim: i, what: "entity", index: e });
        }
        if let Some(q) = c.quote.filter(|&q| q >= a.quotes.len()) {
            return Err(Violation::DanglingClaim { claim: i, what: "quotation", index: q });
        }
    }
    for (i, f) in a.findings.iter().enumerate() {
        if let Some(&c) = f.claims.iter().find(|&&c| c >= a.claims.len()) {
            return Err(Violation::DanglingFinding { finding: i, claim: c });
        }
    }
    let json = serde_json::to_value(DocumentReport::from_analysis(a)).expect("a report always serialises");
    check_spans(&json, &a.text)
}

/// Every object with `start`, `end` and `text` in a JSON report is a span of `text`.
pub fn check_spans(json: &serde_json::Value, text: &str) -> Result<(), Violation> {
    let mut stack = vec![json];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e), Some(t)) = (m.get("start").and_then(|v| v.as_u64()), m.get("end").and_then(|v| v.as_u64()), m.get("text")) {
                    let (start, end) = (s as usize, e as usize);
                    if start > end || end > text.len() {
                        return Err(Violation::Outside { start, end, len: text.len() });
                    }
                    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                        return Err(Violation::SplitsChar { start, end });
                    }
                    let said = t.as_str().unwrap_or_default();
                    if said != &text[start..end] {
                        return Err(Violation::TextDiffers { start, end, said: said.to_string(), actual: text[start..end].to_string() });
                    }
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_span_is_caught() {
        let json = serde_json::json!({"quotes": [{"content": {"start": 0, "end": 3, "text": "abd"}}]});
        assert!(matches!(check_spans(&json, "abc"), Err(Violation::TextDiffers { .. })));
        let json = serde_json::json!({"span": {"start": 1, "end": 2, "text": "x"}});
        assert!(matches!(check_spans(&json, "é"), Err(Violation::SplitsChar { .. })));
        let json = serde_json::json!({"span": {"start": 0, "end": 9, "text": "x"}});
        assert!(matches!(check_spans(&json, "abc"), Err(Violation::Outside { .. })));
        assert_eq!(check_spans(&serde_json::json!({"span": {"start": 0, "end": 2, "text": "ab"}}), "abc"), Ok(()));
    }
}
