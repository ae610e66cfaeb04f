//! Baselines: the findings a team has accepted, recorded so that only new ones are reported.
//!
//! A finding is recorded by its path and its fingerprint ([`crate::report::json::finding_fingerprint`]:
//! the rule, the normalised text of its spans and its speakers; no line numbers), so an edit
//! elsewhere in the article does not bring it back. The same fingerprint twice in one file is
//! recorded with a count, and hides that many.
//!
//! The file is small, versioned JSON, sorted, one finding per line so that it diffs well:
//!
//! ```json
//! {
//!   "schema": "quotecheck-baseline/1",
//!   "findings": [
//!     {"path":"news/harbour.txt","code":"QC101","fingerprint":"8c1f0e2a9b3d4c5e"}
//!   ]
//! }
//! ```

// The errors carry the source text to point into; one ends a run or an input, so their size
// on the success path does not matter.
#![allow(clippy::result_large_err)]

use crate::model::Analysis;
use crate::report::json::finding_fingerprint;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use thiserror::Error;

pub const SCHEMA: &str = "quotecheck-baseline/1";

#[derive(Debug, Error, Diagnostic)]
pub enum BaselineError {
    #[error("cannot read baseline {path}")]
    #[diagnostic(code(quotecheck::baseline), help("write one with --write-baseline {path}"))]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("baseline {path} is not valid JSON: {message} (line {line}, column {column})")]
    #[diagnostic(code(quotecheck::baseline), help("fix the file, or write it again with --write-baseline {path}"))]
    Syntax {
        path: String,
        message: String,
        line: usize,
        column: usize,
        #[source_code]
        src: NamedSource<String>,
        #[label("here")]
        at: SourceSpan,
    },

    #[error("{path} is not a quotecheck baseline: {message}")]
    #[diagnostic(code(quotecheck::baseline), help("a baseline is written by --write-baseline; its schema is {SCHEMA}"))]
    Format { path: String, message: String },

    #[error("cannot write baseline {path}")]
    #[diagnostic(code(quotecheck::baseline))]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, relative to the baseline's folder where it lies below it ('/' separated).
    pub path: String,
    pub code: String,
    pub fingerprint: String,
    /// How many findings of this fingerprint the file had (omitted when one).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    schema: String,
    findings: Vec<Entry>,
}

/// The recorded findings, with how many of each may still be hidden in this run.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    remaining: BTreeMap<(String, String), usize>,
}

impl Baseline {
    /// Reads a baseline; a missing, unreadable or malformed file is an error, never an empty
    /// baseline (that would report everything it was meant to hide, or hide nothing silently).
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let name = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|source| BaselineError::Read { path: name.clone(), source })?;
        Baseline::parse(&name, &src)
    }

    /// Reads the text of a baseline file named `name`.
    pub fn parse(name: &str, src: &str) -> Result<Baseline, BaselineError> {
        let file: BaselineFile = serde_json::from_str(src).map_err(|e| match e.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                let message = e.to_string().split(" at line ").next().unwrap_or_default().to_string();
                let offset = offset_of(src, e.line(), e.column());
                BaselineError::Syntax {
                    path: name.to_string(),
                    message,
                    line: e.line(),
                    column: e.column(),
                    src: NamedSource::new(name, src.to_string()),
                    at: (offset, 0).into(),
                }
            }
            _ => BaselineError::Format { path: name.to_string(), message: e.to_string() },
        })?;
        if file.schema != SCHEMA {
            return Err(BaselineError::Format {
                path: name.to_string(),
                message: format!("its schema is `{}`, and this quotecheck reads {SCHEMA}", file.schema),
            });
        }
        let mut remaining = BTreeMap::new();
        for e in file.findings {
            *remaining.entry((e.path, e.fingerprint)).or_insert(0) += e.count;
        }
        Ok(Baseline { remaining })
    }

    /// Removes from `a` the findings the baseline holds for `path_key`, as many of each
    /// fingerprint as recorded; returns how many were hidden.
    pub fn hide(&mut self, path_key: &str, a: &mut Analysis) -> usize {
        let before = a.findings.len();
        let mut fingerprints = a.findings.iter().map(|f| finding_fingerprint(a, f)).collect::<Vec<_>>().into_iter();
        a.findings.retain(|_| {
            let fp = fingerprints.next().unwrap_or_default();
            match self.remaining.get_mut(&(path_key.to_string(), fp)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        before - a.findings.len()
    }
}

/// Collects findings for a new baseline.
#[derive(Debug, Clone, Default)]
pub struct Recorder {
    entries: BTreeMap<(String, String, String), usize>,
}

impl Recorder {
    /// Records every finding of `a` under `path_key`.
    pub fn add(&mut self, path_key: &str, a: &Analysis) {
        for f in &a.findings {
            let fp = finding_fingerprint(a, f);
            *self.entries.entry((path_key.to_string(), f.code.to_string(), fp)).or_insert(0) += 1;
        }
    }

    /// How many findings were recorded.
    pub fn len(&self) -> usize {
        self.entries.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The baseline file: sorted by path, code and fingerprint, one finding per line.
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\n  \"schema\": \"{SCHEMA}\",\n  \"findings\": [");
        for (i, ((path, code, fingerprint), count)) in self.entries.iter().enumerate() {
            let e = Entry { path: path.clone(), code: code.clone(), fingerprint: fingerprint.clone(), count: *count };
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            // serialising plain strings and numbers cannot fail
            out.push_str(&serde_json::to_string(&e).unwrap_or_default());
        }
        out.push_str(if self.entries.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
        out
    }

    /// Writes the baseline to `path` atomically: a temporary file in the same folder, renamed
    /// over the old one, so a reader never sees half a file.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let err = |source| BaselineError::Write { path: path.display().to_string(), source };
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "baseline".into());
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = (|| {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(self.to_json().as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map_err(err)
    }
}

/// How `file` (as named on the command line) is recorded in the baseline at `baseline`:
/// relative to the baseline's folder when it lies below it, so the baseline stays valid from
/// any working folder; '/'-separated. Standard input is `-`.
pub fn path_key(file: &str, baseline: &Path) -> String {
    use crate::config::{absolute, normalize};
    if file == "-" {
        return file.to_string();
    }
    let abs = normalize(&absolute(Path::new(file)));
    let dir = normalize(&absolute(baseline)).parent().map(Path::to_path_buf).unwrap_or_default();
    let rel = abs.strip_prefix(&dir).map(Path::to_path_buf).unwrap_or_else(|_| Path::new(file).to_path_buf());
    rel.to_string_lossy().replace('\\', "/")
}

/// The byte offset of serde_json's 1-based line and column (a column counts bytes).
fn offset_of(src: &str, line: usize, column: usize) -> usize {
    let start: usize = src.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let mut at = (start + column.saturating_sub(1)).min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_counts() {
        let mut r = Recorder::default();
        r.entries.insert(("b.txt".into(), "QC101".into(), "00ff".into()), 2);
        r.entries.insert(("a.txt".into(), "QC102".into(), "11ee".into()), 1);
        let json = r.to_json();
        assert_eq!(
            json,
            "{\n  \"schema\": \"quotecheck-baseline/1\",\n  \"findings\": [\n    {\"path\":\"a.txt\",\"code\":\"QC102\",\"fingerprint\":\"11ee\"},\n    {\"path\":\"b.txt\",\"code\":\"QC101\",\"fingerprint\":\"00ff\",\"count\":2}\n  ]\n}\n"
        );
        let b = Baseline::parse("x.json", &json).expect("reads back");
        assert_eq!(b.remaining.get(&("b.txt".to_string(), "00ff".to_string())), Some(&2));
        assert!(Baseline::parse("x.json", &Recorder::default().to_json()).is_ok());
    }

    #[test]
    fn errors_name_the_place() {
        let e = Baseline::parse("x.json", "{\n  \"schema\": \"quotecheck-baseline/1\",\n  \"findings\": [,]\n}\n").unwrap_err();
        assert!(matches!(e, BaselineError::Syntax { line: 3, column: 16, .. }), "{e:?}");
        let e = Baseline::parse("x.json", "{\"schema\": \"other/2\", \"findings\": []}").unwrap_err();
        assert!(matches!(e, BaselineError::Format { .. }), "{e:?}");
    }
}
