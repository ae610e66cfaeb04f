//! Every rule's documentation shows an example that fires and one that does not (the doc
//! comment of its file, printed by `quotecheck rule CODE`). This runs them: the first must
//! report the rule, the second must not.

use quotecheck::{analyze, Config};

#[test]
fn every_rule_example_behaves_as_documented() {
    let mut failures = Vec::new();
    for r in quotecheck::rules::all() {
        let fires = r.example("Fires").unwrap_or_else(|| panic!("{} has no Fires example", r.code));
        let quiet = r.example("Does not fire").unwrap_or_else(|| panic!("{} has no Does-not-fire example", r.code));
        let hits = |text: &str| analyze("example.txt", text, &Config::default()).findings.iter().any(|f| f.code == r.code);
        if !hits(&fires) {
            failures.push(format!("{} does not fire on its example:\n{fires}", r.code));
        }
        if hits(&quiet) {
            failures.push(format!("{} fires on its counter-example:\n{quiet}", r.code));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
