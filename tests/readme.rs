//! The README's rule table is generated from the rule registry; this keeps them equal.

#[test]
fn readme_rule_table_matches_the_registry() {
    let readme = include_str!("../README.md");
    let start = readme.find("<!-- rules:start -->").expect("README has the rules:start marker");
    let end = readme.find("<!-- rules:end -->").expect("README has the rules:end marker");
    let table = readme[start + "<!-- rules:start -->".len()..end].trim();
    let mut want = String::from("| code | rule | default | what it reports |\n|---|---|---|---|\n");
    for r in quotecheck::rules::all() {
        want.push_str(&format!("| {} | {} | {} | {} |\n", r.code, r.name, r.severity.as_str(), r.summary()));
    }
    assert_eq!(table, want.trim(), "regenerate the README table from `quotecheck rule`:\n{want}");
}
