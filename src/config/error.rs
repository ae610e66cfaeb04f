//! Errors in a configuration file or in one of the lexicon files it names. Each names the file
//! and points at the place (miette renders the line and column); unknown keys and values come
//! with the closest valid one.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// What is wrong, for callers that act on it (the message says it for people).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not valid TOML.
    Syntax,
    /// A key quotecheck does not know.
    UnknownKey,
    /// A rule code or name that is not in the registry.
    UnknownRule,
    /// A value of the right type that is not allowed (a level other than error, warning, info, off).
    BadValue,
    /// A value of the wrong type (a string where an array is wanted).
    WrongType,
    /// A required key is absent.
    MissingKey,
    /// One rule set twice in one table (by code and by name).
    Duplicate,
    /// A path pattern globset cannot read.
    BadGlob,
    /// A lexicon file that cannot be read.
    LexiconFile,
}

#[derive(Debug, Error, Diagnostic)]
pub enum ConfigError {
    #[error("cannot read configuration {path}")]
    #[diagnostic(code(quotecheck::config))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{message}")]
    #[diagnostic(code(quotecheck::config))]
    Invalid {
        kind: ErrorKind,
        /// The file the problem is in: the configuration, or a lexicon file it names.
        path: String,
        message: String,
        #[source_code]
        src: NamedSource<String>,
        #[label("{label}")]
        span: SourceSpan,
        label: String,
        #[help]
        help: Option<String>,
    },
}

impl ConfigError {
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            ConfigError::Io { .. } => None,
            ConfigError::Invalid { kind, .. } => Some(*kind),
        }
    }
}

/// The candidate closest to `word`, when it is close enough to be a likely typo: a letter or
/// two off (a third of the word for long ones), or one a prefix of the other ("warn").
pub(crate) fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for c in candidates {
        let lc = c.to_lowercase();
        let d = levenshtein(&w, &lc);
        let near = d <= 2.max(lc.chars().count() / 3) || (w.len() >= 3 && lc.starts_with(&w)) || (lc.len() >= 3 && w.starts_with(&lc));
        if !near || d >= w.len().max(lc.len()) {
            continue;
        }
        match best {
            Some((bd, _)) if d > bd => {}
            Some((bd, b)) if d == bd => tie |= !b.eq_ignore_ascii_case(c),
            _ => {
                best = Some((d, c));
                tie = false;
            }
        }
    }
    // several equally close ("QC299": QC201 ... QC205) is no suggestion
    best.filter(|_| !tie).map(|(_, c)| c)
}

/// The edit distance of two short words (crate::span's is capped for its own use).
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + usize::from(ca != *cb));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `a`, `b` and `c`, each in backticks.
pub(crate) fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(closest("rulez", ["rules", "speakers", "overrides", "lexicon"]), Some("rules"));
        assert_eq!(closest("speaker", ["rules", "speakers", "overrides", "lexicon"]), Some("speakers"));
        assert_eq!(closest("warn", ["error", "warning", "info", "off"]), Some("warning"));
        assert_eq!(closest("Error", ["error", "warning", "info", "off"]), Some("error"));
        assert_eq!(closest("colour", ["rules", "speakers", "overrides", "lexicon"]), None);
        assert_eq!(closest("x", ["error", "warning", "info", "off"]), None);
        assert_eq!(closest("QC299", ["QC201", "QC202", "QC203"]), None);
    }
}
