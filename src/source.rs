//! Reading input: files, folders and standard input, as UTF-8 text, Markdown or HTML.
//!
//! Nothing is rewritten: every offset in the output points into the file on disk. Plain text
//! is analysed exactly as read; a byte-order mark is kept (and skipped by the scanner as a
//! non-word character). Markdown and HTML are analysed through a *masked analysis text*
//! ([`mask`]) of exactly the same byte length: every byte that is not prose is an ASCII space,
//! block boundaries are blank lines, entities are decoded in place. Input that is not text is
//! refused with an error that names the file and the byte where it goes wrong.

pub mod html;
pub mod markdown;
mod masked;

use miette::{Diagnostic, NamedSource, SourceSpan};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// How a file is read: which of its bytes are prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Every byte is article text.
    Text,
    /// CommonMark with tables and footnotes (pulldown-cmark); see [`markdown`].
    Markdown,
    /// HTML, tags and scripts masked, entities decoded; see [`html`].
    Html,
}

impl InputFormat {
    /// The format a file's extension says: `.md` and `.markdown` are Markdown, `.html` and
    /// `.htm` are HTML, anything else (`.txt`, none) is text.
    pub fn from_path(path: &Path) -> InputFormat {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown") => InputFormat::Markdown,
            Some("html" | "htm") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }
}

/// The analysis text of `original` read as `format`: the text itself for plain text, else the
/// masked text, of the same byte length, with the prose at the same offsets.
///
/// ```
/// use quotecheck::source::{mask, InputFormat};
/// let html = "<p>&ldquo;Yes,&rdquo; she said.</p>";
/// let masked = mask(html, InputFormat::Html);
/// assert_eq!(masked.len(), html.len());
/// assert_eq!(masked.trim(), "“Yes,    ” she said.");
/// ```
pub fn mask(original: &str, format: InputFormat) -> Cow<'_, str> {
    match format {
        InputFormat::Text => Cow::Borrowed(original),
        InputFormat::Markdown => Cow::Owned(markdown::mask(original)),
        InputFormat::Html => Cow::Owned(html::mask(original)),
    }
}

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
