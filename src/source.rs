//! Reading input: files, folders and standard input, as UTF-8 text, Markdown or HTML.
//!
//! Nothing is rewritten: every offset in the output points into the file on disk. Plain text
//! is analysed exactly as read; a byte-order mark is kept (and skipped by the scanner as a
//! non-word character). Markdown and HTML are analysed through a *masked analysis text*
//! ([`mask`]) of exactly the same byte length: every byte that is not prose is an ASCII space,
//! block boundaries are blank lines, entities are decoded in place. Input that is not text is
//! refused with an error that names the file and the byte where it goes wrong.
//!
//! Folders are walked recursively ([`expand`]) with the `ignore` crate: `.gitignore`,
//! `.ignore` and git's exclude files are honoured, hidden entries are skipped, symbolic links
//! are not followed into folders.

pub mod html;
pub mod jsonl;
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

    #[error("{path}: {message}; the rest of the file is applied")]
    #[diagnostic(code(quotecheck::ignore_file), severity(Warning))]
    IgnoreFile { path: String, message: String },
}

/// Decodes bytes read from `path` as UTF-8 text.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, SourceError> {
    // (memchr: many bytes at a time, where a byte-by-byte search cost as much as decoding)
    if let Some(offset) = memchr::memchr(0, &bytes) {
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

/// The extensions taken when walking a folder (any case). A file named on the command line is
/// read whatever its extension.
pub const WALKED_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// The command-line paths expanded to the files to check.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Files to read, in a stable order: the paths as given, each folder's files sorted by
    /// name, depth first. `-` stands for standard input.
    pub files: Vec<PathBuf>,
    /// Paths that could not be expanded (missing, unreadable folders), each named.
    pub errors: Vec<SourceError>,
    /// Problems that cost nothing to the run, such as a bad pattern in a `.gitignore`.
    pub warnings: Vec<SourceError>,
}

/// Expands the command-line paths: files as given (any extension), folders walked
/// recursively for [`WALKED_EXTENSIONS`]. The walk honours `.gitignore` files (in a git
/// repository or not), `.ignore` files and git's exclude files, skips hidden entries, and does
/// not follow symbolic links into folders, so a link loop cannot trap it. A symbolic link to a
/// file with a taken extension is taken: reading it then fails with a named error if it is a
/// loop or dangles.
pub fn expand(paths: &[PathBuf]) -> Expanded {
    let mut out = Expanded::default();
    for p in paths {
        if p.as_os_str() == "-" {
            out.files.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.files.push(p.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.errors.push(SourceError::Missing { path: p.display().to_string() }),
            Err(e) => out.errors.push(SourceError::Io { path: p.display().to_string(), source: e }),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Expanded) {
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .hidden(true)
        // an articles folder need not be a git repository for its .gitignore to count
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                if let Some(err) = e.error() {
                    out.warnings.extend(ignore_file_warnings(dir, err));
                }
                let Some(ft) = e.file_type() else { continue };
                if ft.is_dir() || e.depth() == 0 {
                    continue;
                }
                let taken = e.path().extension().and_then(|x| x.to_str()).is_some_and(|x| WALKED_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
                if taken {
                    out.files.push(e.into_path());
                }
            }
            Err(err) => out.errors.push(walk_error(dir, err)),
        }
    }
}

/// The operating system's error under a wrapped one ("IO error for operation on PATH: ..."),
/// so that the message names the path once, as for a file.
fn os_error(e: std::io::Error) -> std::io::Error {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|r| r as &(dyn std::error::Error + 'static));
    while let Some(c) = cur {
        if let Some(code) = c.downcast_ref::<std::io::Error>().and_then(std::io::Error::raw_os_error) {
            return std::io::Error::from_raw_os_error(code);
        }
        cur = c.source();
    }
    e
}

/// The problems found in a folder's ignore files (a bad pattern is skipped, the others apply).
fn ignore_file_warnings(dir: &Path, err: &ignore::Error) -> Vec<SourceError> {
    fn collect(err: &ignore::Error, path: Option<&Path>, out: &mut Vec<(Option<PathBuf>, String)>) {
        match err {
            ignore::Error::Partial(errs) => errs.iter().for_each(|e| collect(e, path, out)),
            ignore::Error::WithPath { path, err } => collect(err, Some(path), out),
            other => out.push((path.map(Path::to_path_buf), other.to_string())),
        }
    }
    let mut found = Vec::new();
    collect(err, None, &mut found);
    found.into_iter().map(|(path, message)| SourceError::IgnoreFile { path: path.as_deref().unwrap_or(dir).display().to_string(), message }).collect()
}

/// A walk error as a [`SourceError::Io`] naming the path it is about.
fn walk_error(root: &Path, err: ignore::Error) -> SourceError {
    let mut path = None;
    let mut err = err;
    loop {
        err = match err {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert(p);
                *err
            }
            ignore::Error::WithDepth { err, .. } => *err,
            ignore::Error::Loop { ancestor, child } => {
                let path = child.display().to_string();
                let msg = format!("symbolic link loop back to {}", ancestor.display());
                return SourceError::Io { path, source: std::io::Error::other(msg) };
            }
            other => {
                let path = path.as_deref().unwrap_or(root).display().to_string();
                let source = match other {
                    ignore::Error::Io(e) => os_error(e),
                    other => std::io::Error::other(other.to_string()),
                };
                return SourceError::Io { path, source };
            }
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
