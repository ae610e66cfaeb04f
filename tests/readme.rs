//! The README's rule table is generated from the rule registry; this keeps them equal. And
//! the README's configuration example must be one quotecheck accepts.

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

/// The configuration example of the README is a valid configuration (its lexicon file is
/// the one of tests/fixtures/config/lexicon, which has the same name).
#[test]
fn readme_configuration_example_is_valid() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## Configuration").expect("a Configuration section")..];
    let start = section.find("```toml\n").expect("a toml example") + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").expect("closed")];
    let at = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config/lexicon/quotecheck.toml");
    let c = quotecheck::config::ConfigFile::parse(&at, example).unwrap_or_else(|e| panic!("README example: {e}"));
    assert_eq!(c.speakers.len(), 1);
    assert_eq!(c.overrides.len(), 1);
    assert!(c.lexicon.is_some());
}
