//! Converts the grammar files (TOML, the source of truth) to JSON at build time: the built-in
//! lexicon is read at every start of quotecheck, and serde_json reads the same data several
//! times faster than the TOML parser (about 10 million instructions less per process, a
//! few milliseconds of every run). `src/lexicon.rs` includes the JSON; the structs and their
//! checks (`deny_unknown_fields`, defaults) are the same for either format.

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["cues", "speakers", "abbreviations", "claims", "predicates", "opposition"] {
        let path = format!("grammar/{name}.toml");
        println!("cargo:rerun-if-changed={path}");
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let value: toml::Value = toml::from_str(&src).unwrap_or_else(|e| panic!("{path} is invalid: {e}"));
        let json = serde_json::to_string(&value).unwrap_or_else(|e| panic!("{path}: {e}"));
        std::fs::write(format!("{out}/{name}.json"), json).unwrap_or_else(|e| panic!("cannot write {name}.json: {e}"));
        // the run-time copy leaves out the entries' examples: only the tests read them, and
        // they are two fifths of the text every process would parse and then drop
        let json = serde_json::to_string(&without_examples(value)).unwrap_or_else(|e| panic!("{path}: {e}"));
        std::fs::write(format!("{out}/{name}.run.json"), json).unwrap_or_else(|e| panic!("cannot write {name}.run.json: {e}"));
    }
}

/// The value with every table's `examples` key removed, at any depth.
fn without_examples(v: toml::Value) -> toml::Value {
    match v {
        toml::Value::Table(t) => toml::Value::Table(t.into_iter().filter(|(k, _)| k != "examples").map(|(k, v)| (k, without_examples(v))).collect()),
        toml::Value::Array(a) => toml::Value::Array(a.into_iter().map(without_examples).collect()),
        other => other,
    }
}
