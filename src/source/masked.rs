//! The masked analysis text shared by the Markdown and HTML readers.
//!
//! A [`Masker`] starts from the original text with every byte masked: an ASCII space, except
//! line ends (`\n`, `\r`), which are kept so that masked regions keep the lines they had.
//! The readers then unmask the prose, in document order, and say where blocks begin and end.
//! The result has exactly the original byte length, so every offset found in it is an offset
//! into the original file, and a char boundary there.

/// Builds a masked analysis text of the same byte length as `src`.
pub(crate) struct Masker<'a> {
    src: &'a str,
    out: Vec<u8>,
    /// Where the last prose written ends, once some has been written.
    last_prose_end: Option<usize>,
    /// A block boundary was seen since the last prose.
    pending_break: bool,
}

impl<'a> Masker<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        let out = src.bytes().map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' }).collect();
        Masker { src, out, last_prose_end: None, pending_break: false }
    }

    /// A block starts or ends here: the next prose must be a paragraph of its own.
    pub(crate) fn block(&mut self) {
        self.pending_break = true;
    }

    /// Keeps `start..end` of the original as prose.
    pub(crate) fn prose(&mut self, start: usize, end: usize) {
        if !self.valid(start, end) || start == end {
            return;
        }
        self.before_prose(start);
        self.out[start..end].copy_from_slice(&self.src.as_bytes()[start..end]);
        self.last_prose_end = Some(end);
    }

    /// Writes `decoded` for the original `start..end` (an entity or an escape): spaces first,
    /// the decoded text last, so it ends where the original does. A decoding longer than the
    /// original cannot be written in place; the original is kept as prose then.
    pub(crate) fn decoded(&mut self, start: usize, end: usize, decoded: &str) {
        if !self.valid(start, end) || start == end {
            return;
        }
        // only an ASCII original (an entity, an escape) is replaced: then every byte of it is a
        // char boundary of the file, wherever the decoded char lands
        if decoded.len() > end - start || !self.src[start..end].is_ascii() {
            self.prose(start, end);
            return;
        }
        self.before_prose(start);
        let at = end - decoded.len();
        for b in &mut self.out[start..at] {
            *b = b' ';
        }
        self.out[at..end].copy_from_slice(decoded.as_bytes());
        self.last_prose_end = Some(end);
    }

    /// The range lies inside the text, on char boundaries, and after the prose written so far
    /// (the readers go forward; anything else is ignored rather than allowed to break the
    /// length or the UTF-8 of the result).
    fn valid(&self, start: usize, end: usize) -> bool {
        start <= end
            && end <= self.src.len()
            && self.src.is_char_boundary(start)
            && self.src.is_char_boundary(end)
            && self.last_prose_end.is_none_or(|last| last <= start)
    }

    /// Makes sure a pending block boundary shows as a blank line between the last prose and
    /// `start`. The gap between them is all masked bytes (spaces and line ends): two line ends
    /// in it already make a blank line; otherwise, where there is room, the first two bytes of
    /// the gap become line ends. With no room (a one-byte gap) the original line ends are all
    /// there is.
    fn before_prose(&mut self, start: usize) {
        if !std::mem::take(&mut self.pending_break) {
            return;
        }
        let Some(from) = self.last_prose_end else { return };
        let gap = &mut self.out[from..start];
        if gap.iter().filter(|&&b| b == b'\n').count() >= 2 {
            return;
        }
        if gap.len() >= 2 {
            gap[0] = b'\n';
            gap[1] = b'\n';
        }
    }

    /// The masked text. It is valid UTF-8 by construction: only whole chars of the original
    /// and ASCII are written, at char boundaries.
    pub(crate) fn finish(self) -> String {
        match String::from_utf8(self.out) {
            Ok(s) => s,
            // unreachable by construction; a fully masked text still keeps every offset valid
            Err(e) => e.into_bytes().iter().map(|&b| if b == b'\n' || b == b'\r' { b as char } else { ' ' }).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_masked_but_line_ends() {
        let m = Masker::new("a“b\r\nc");
        assert_eq!(m.finish(), "     \r\n ");
    }

    #[test]
    fn prose_is_kept_and_a_block_gets_a_blank_line() {
        let src = "<p>One</p><p>Two</p>";
        let mut m = Masker::new(src);
        m.block();
        m.prose(3, 6);
        m.block();
        m.block();
        m.prose(13, 16);
        let out = m.finish();
        assert_eq!(out.len(), src.len());
        assert_eq!(out, "   One\n\n     Two    ");
    }

    #[test]
    fn no_room_keeps_the_original_line_end() {
        let src = "A\nB";
        let mut m = Masker::new(src);
        m.prose(0, 1);
        m.block();
        m.prose(2, 3);
        assert_eq!(m.finish(), "A\nB");
    }

    #[test]
    fn decoded_text_ends_where_the_original_does() {
        let src = "&rdquo;x";
        let mut m = Masker::new(src);
        m.decoded(0, 7, "”");
        m.prose(7, 8);
        assert_eq!(m.finish(), "    ”x");
    }

    #[test]
    fn only_ascii_is_decoded_in_place() {
        // a decoding over non-ASCII could put a char boundary where the file has none
        let src = "é\\x";
        let mut m = Masker::new(src);
        m.decoded(0, 3, "x");
        assert_eq!(m.finish(), "é\\ ");
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let src = "“x”";
        let mut m = Masker::new(src);
        m.prose(1, 4); // inside a char
        m.prose(3, 99);
        m.decoded(0, 3, "too long");
        let out = m.finish();
        assert_eq!(out.len(), src.len());
    }
}
