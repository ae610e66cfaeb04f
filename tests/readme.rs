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

/// The README's example of a snapshot test is `tests/readme_library.rs` (which runs it), less
/// that file's `//!` header: the two cannot drift apart.
#[test]
fn readme_library_example_is_the_test_that_runs() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("\n## Using quotecheck from Rust\n").expect("a Using quotecheck from Rust section")..];
    let start = section.find("```rust\n").expect("a rust example") + "```rust\n".len();
    let example = &section[start..start + section[start..].find("\n```\n").expect("closed") + 1];
    let test = include_str!("readme_library.rs");
    let body = test.split_once("\n\n").filter(|(header, _)| header.lines().all(|l| l.starts_with("//!"))).expect("a //! header, then a blank line").1;
    assert_eq!(example, body, "the README example and tests/readme_library.rs differ: copy the test into the README");
}
