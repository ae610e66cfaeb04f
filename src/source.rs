//! Reading input: files, folders and standard input, as UTF-8 text.
//!
//! Nothing is rewritten: the text is analysed exactly as read, so every offset in the
//! output points into the file on disk. A byte-order mark is kept (and skipped by the
//! scanner as a non-word character). Input that is not text is refused with an error that
//! names the file and the byte where it goes wrong.

use miette::{Diagnostic, NamedSource, SourceSpan};
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error, Diagnostic)]
pub enum SourceError {
    #[error("cannot read {path}: {source}")]
    #[diagnostic(code(quotecheck::io))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{path} is not UTF-8 text: invalid byte sequence at byte {offset}")]
    #[diagnostic(code(quotecheck::encoding), help("convert the file to UTF-8 (for example with iconv) and run again"))]
    InvalidUtf8 {
        path: String,
        offset: usize,
        #[source_code]
        src: NamedSource<String>,
        #[label("this byte is not valid UTF-8")]
        at: SourceSpan,
    },

    #[error("{path} looks like a binary file (a NUL byte at byte {offset}), not article text")]
    #[diagnostic(code(quotecheck::binary), help("pass text, Markdown or HTML files only"))]
    Binary { path: String, offset: usize },

    #[error("{path}: no such file or directory")]
    #[diagnostic(code(quotecheck::missing))]
    Missing { path: String },
}

/// Decodes bytes read from `path` as UTF-8 text.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, SourceError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(SourceError::Binary { path: path.to_string(), offset });
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // show the valid text up to the bad byte, and a little context, lossily
            let from = offset.saturating_sub(200);
            let shown = String::from_utf8_lossy(&bytes[from..(offset + 40).min(bytes.len())]).into_owned();
            let at_in_shown = String::from_utf8_lossy(&bytes[from..offset]).len();
            Err(SourceError::InvalidUtf8 {
                path: path.to_string(),
                offset,
                src: NamedSource::new(format!("{path} (from byte {from})"), shown),
                at: (at_in_shown, 1).into(),
            })
        }
    }
}

pub fn read_file(path: &Path) -> Result<String, SourceError> {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(b) => decode(&name, b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(SourceError::Missing { path: name }),
        Err(e) => Err(SourceError::Io { path: name, source: e }),
    }
}

/// The extensions read when walking a folder.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];

/// Expands the command-line paths: files as given, folders walked recursively (sorted, hidden
/// entries skipped, symlinked folders not followed so a loop cannot trap the walk).
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut errors),
            Ok(_) => files.push(p.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => errors.push(SourceError::Missing { path: p.display().to_string() }),
            Err(e) => errors.push(SourceError::Io { path: p.display().to_string(), source: e }),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<SourceError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(SourceError::Io { path: dir.display().to_string(), source: e });
            return;
        }
    };
    let mut list: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    list.sort();
    for p in list {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(&p) else { continue };
        if meta.is_dir() {
            walk(&p, files, errors);
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())) {
            files.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = decode("a.txt", b"ok \xff here".to_vec()).unwrap_err();
        assert!(matches!(err, SourceError::InvalidUtf8 { offset: 3, .. }), "{err}");
    }

    #[test]
    fn nul_is_binary() {
        let err = decode("a.bin", b"PK\x03\x04\x00".to_vec()).unwrap_err();
        assert!(matches!(err, SourceError::Binary { offset: 4, .. }));
    }
}
