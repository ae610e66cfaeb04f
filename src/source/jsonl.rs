//! Records for batch engines: JSON Lines of `{"id": "...", "text": "..."}`, one article per
//! line (`--input-format jsonl`).
//!
//! [`Records`] reads them one line at a time, so a stream of any length needs memory for one
//! line. Each line gives a [`Record`] or a [`RecordError`] that says what is wrong with it,
//! and the caller keeps going: a batch engine piping records through quotecheck needs one
//! result per input line, in order, whatever one line holds.
//!
//! ```
//! use quotecheck::source::jsonl::Records;
//! use quotecheck::source::InputFormat;
//! let input = "{\"id\": \"a\", \"text\": \"“Yes,” she said.\"}\nnot json\n{\"id\": \"c\", \"text\": \"# Hi\", \"format\": \"markdown\"}\n";
//! let lines: Vec<_> = Records::new(input.as_bytes()).map(|l| l.unwrap()).collect();
//! assert_eq!(lines[0].0, 1);
//! assert_eq!(lines[0].1.as_ref().unwrap().id, "a");
//! assert_eq!(lines[1].1.as_ref().unwrap_err().to_string(), "not JSON: expected ident at column 2");
//! assert_eq!(lines[2].1.as_ref().unwrap().format, Some(InputFormat::Markdown));
//! ```

use super::InputFormat;
use serde_json::Value;
use std::io::BufRead;
use thiserror::Error;

/// One article of a JSON Lines input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The record's `id`: the `path` of its report.
    pub id: String,
    /// The article; every offset of its report is a byte offset into it.
    pub text: String,
    /// The record's `format`, if it has one (none: plain text).
    pub format: Option<InputFormat>,
}

/// What is wrong with one line of a JSON Lines input. The message does not name the line:
/// the caller knows where it is, and the same record gives the same message wherever it sits
/// in a stream.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum RecordError {
    #[error("not UTF-8 text: invalid byte sequence at byte {offset} of the line")]
    NotUtf8 { offset: usize },
    #[error("an empty line, not a record")]
    Empty,
    #[error("not JSON: {message}")]
    NotJson { message: String },
    #[error("not a JSON object (a record is {{\"id\": \"...\", \"text\": \"...\"}})")]
    NotObject,
    #[error("no \"id\" field")]
    MissingId,
    #[error("\"id\" is not a string")]
    IdNotString,
    #[error("no \"text\" field")]
    MissingText { id: String },
    #[error("\"text\" is not a string")]
    TextNotString { id: String },
    #[error("\"format\" must be \"text\", \"markdown\" or \"html\", not {given}")]
    BadFormat { id: String, given: String },
    #[error("\"text\" looks binary (a NUL character at byte {offset}), not article text")]
    Binary { id: String, offset: usize },
}

impl RecordError {
    /// The record's id when the line has a string `id`, so a failed result can still name it.
    pub fn id(&self) -> Option<&str> {
        match self {
            RecordError::MissingText { id } | RecordError::TextNotString { id } | RecordError::BadFormat { id, .. } | RecordError::Binary { id, .. } => {
                Some(id)
            }
            _ => None,
        }
    }
}

/// Reads one line's record. Fields other than `id`, `text` and `format` are ignored; a
/// `format` of null is no format.
pub fn parse_record(line: &str) -> Result<Record, RecordError> {
    if line.trim().is_empty() {
        return Err(RecordError::Empty);
    }
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // serde_json says "at line 1 column N"; the line is the caller's to name
        let mut message = e.to_string();
        if let Some(at) = message.rfind(" at line ") {
            message.truncate(at);
        }
        RecordError::NotJson { message: format!("{message} at column {}", e.column()) }
    })?;
    let Value::Object(mut fields) = value else { return Err(RecordError::NotObject) };
    let id = match fields.remove("id") {
        None => return Err(RecordError::MissingId),
        Some(Value::String(s)) => s,
        Some(_) => return Err(RecordError::IdNotString),
    };
    let text = match fields.remove("text") {
        None => return Err(RecordError::MissingText { id }),
        Some(Value::String(s)) => s,
        Some(_) => return Err(RecordError::TextNotString { id }),
    };
    let format = match fields.remove("format") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s == "text" => Some(InputFormat::Text),
        Some(Value::String(s)) if s == "markdown" => Some(InputFormat::Markdown),
        Some(Value::String(s)) if s == "html" => Some(InputFormat::Html),
        Some(other) => return Err(RecordError::BadFormat { id, given: other.to_string() }),
    };
    // a file with a NUL byte is refused as binary (see `decode`); a record is no different
    if let Some(offset) = text.find('\0') {
        return Err(RecordError::Binary { id, offset });
    }
    Ok(Record { id, text, format })
}

/// The records of a JSON Lines stream, one line at a time: each item is the line's number
/// (from 1) and its record or what is wrong with it. A line ends at `\n`, and a `\r` before
/// it is dropped; a last line without `\n` counts. A read error ends the stream after it is
/// given.
pub struct Records<R> {
    reader: R,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Records<R> {
    pub fn new(reader: R) -> Self {
        Records { reader, line: 0, buf: Vec::new(), done: false }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = std::io::Result<(usize, Result<Record, RecordError>)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.buf.clear();
        match self.reader.read_until(b'\n', &mut self.buf) {
            Ok(0) => {
                self.done = true;
                None
            }
            Ok(_) => {
                self.line += 1;
                let mut bytes = self.buf.as_slice();
                bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
                bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
                let record = match std::str::from_utf8(bytes) {
                    Ok(line) => parse_record(line),
                    Err(e) => Err(RecordError::NotUtf8 { offset: e.valid_up_to() }),
                };
                Some(Ok((self.line, record)))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        parse_record(line).expect_err("a bad record").to_string()
    }

    #[test]
    fn a_record_keeps_its_id_text_and_format_and_ignores_other_fields() {
        let r = parse_record(r#"{"id": "x/1", "text": "Hi \u201cthere\u201d", "lang": "en", "format": "html"}"#).expect("a record");
        assert_eq!(r, Record { id: "x/1".into(), text: "Hi “there”".into(), format: Some(InputFormat::Html) });
        let r = parse_record(r#"{"text": "", "id": "", "format": null}"#).expect("a record");
        assert_eq!(r.format, None);
    }

    #[test]
    fn every_bad_line_says_what_is_wrong() {
        assert_eq!(err(""), "an empty line, not a record");
        assert_eq!(err("{\"id\": \"a\""), "not JSON: EOF while parsing an object at column 10");
        assert_eq!(err("[1]"), "not a JSON object (a record is {\"id\": \"...\", \"text\": \"...\"})");
        assert_eq!(err(r#"{"text": "t"}"#), "no \"id\" field");
        assert_eq!(err(r#"{"id": 3, "text": "t"}"#), "\"id\" is not a string");
        assert_eq!(err(r#"{"id": "a"}"#), "no \"text\" field");
        assert_eq!(err(r#"{"id": "a", "text": ["t"]}"#), "\"text\" is not a string");
        assert_eq!(err(r#"{"id": "a", "text": "t", "format": "pdf"}"#), "\"format\" must be \"text\", \"markdown\" or \"html\", not \"pdf\"");
        assert_eq!(err(r#"{"id": "a", "text": "t\u0000"}"#), "\"text\" looks binary (a NUL character at byte 1), not article text");
        assert_eq!(parse_record(r#"{"id": "a", "text": 1}"#).expect_err("bad").id(), Some("a"));
        assert_eq!(parse_record("{}").expect_err("bad").id(), None);
    }

    #[test]
    fn lines_are_numbered_and_a_bad_one_does_not_stop_the_stream() {
        let input: &[u8] = b"{\"id\": \"a\", \"text\": \"1\"}\r\n\xff\n\n{\"id\": \"d\", \"text\": \"4\"}";
        let lines: Vec<_> = Records::new(input).map(|l| l.expect("no read error")).collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0], (1, Ok(Record { id: "a".into(), text: "1".into(), format: None })));
        assert_eq!(lines[1], (2, Err(RecordError::NotUtf8 { offset: 0 })));
        assert_eq!(lines[2], (3, Err(RecordError::Empty)));
        assert_eq!(lines[3].0, 4);
        assert_eq!(lines[3].1.as_ref().map(|r| r.id.as_str()), Ok("d"));
    }
}
