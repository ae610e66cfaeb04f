//! Byte spans into the document as read. Every span anywhere in quotecheck is one of these.

use serde::Serialize;

/// A half-open byte range `start..end` into the original document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Shrinks the span past leading and trailing whitespace.
    pub fn trim(self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }

    /// Shrinks the span past leading and trailing characters for which `f` is true.
    pub fn trim_matches(self, text: &str, f: impl Fn(char) -> bool) -> Span {
        let s = self.slice(text);
        let t = s.trim_start_matches(&f);
        let start = self.start + (s.len() - t.len());
        let t2 = t.trim_end_matches(&f);
        Span::new(start, start + t2.len())
    }
}

/// 1-based line and column (in characters) of a byte offset, for human-facing output.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Line starts of a text, for turning many byte offsets into line and column quickly.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Levenshtein distance between two short strings (names), capped at 3: anything over 40
/// characters, differing in length by more than 2, or more than 2 edits apart counts as far
/// apart (3). Every caller asks only whether two names are one or two edits apart, so the
/// search stops as soon as a row of the table has no cell under 3, and the table lives on the
/// stack: this runs for every surname against the recently mentioned entities.
pub fn edit_distance(a: &str, b: &str) -> usize {
    const MAX: usize = 40;
    if a.is_ascii() && b.is_ascii() {
        // one byte per character: no need to decode
        return bounded_distance::<_, MAX>(a.as_bytes(), b.as_bytes());
    }
    let mut ca = ['\0'; MAX];
    let mut cb = ['\0'; MAX];
    let (mut n, mut m) = (0, 0);
    for c in a.chars() {
        if n == MAX {
            return 3;
        }
        ca[n] = c;
        n += 1;
    }
    for c in b.chars() {
        if m == MAX {
            return 3;
        }
        cb[m] = c;
        m += 1;
    }
    bounded_distance::<_, MAX>(&ca[..n], &cb[..m])
}

/// [`edit_distance`] over characters (or bytes), at most `MAX` of them.
fn bounded_distance<T: PartialEq, const MAX: usize>(a: &[T], b: &[T]) -> usize {
    const FAR: u8 = 3;
    if a.len() > MAX || b.len() > MAX || a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    // a prefix or suffix both share costs nothing
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[p..], &b[p..]);
    let q = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - q], &b[..b.len() - q]);
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return n.max(m).min(3);
    }
    let mut prev = [0u8; 64];
    let mut cur = [0u8; 64];
    for (j, x) in prev.iter_mut().enumerate().take(m + 1) {
        *x = j as u8;
    }
    for i in 1..=n {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        // every path to the last cell crosses this row, and costs never fall along a path
        if row_min >= FAR {
            return 3;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev[m].min(FAR))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_cover() {
        let t = "  ab c  ";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s.slice(t), "ab c");
        assert_eq!(Span::new(1, 2).cover(Span::new(5, 7)), Span::new(1, 7));
        assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("reilly", "reiley"), 1);
        assert_eq!(edit_distance("kirby", "kerry"), 2);
        assert_eq!(edit_distance("ames", "amesbury"), 3);
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("ab", ""), 2);
        assert_eq!(edit_distance("abcdef", "uvwxyz"), 3);
        assert_eq!(edit_distance("o’neil", "o'neill"), 2);
        assert_eq!(edit_distance(&"a".repeat(40), &"a".repeat(40)), 0);
        assert_eq!(edit_distance(&"a".repeat(41), &"a".repeat(41)), 3);
    }

    /// The capped distance agrees with the full Levenshtein distance, capped, on every pair of
    /// short strings over a small alphabet (with a character of three bytes).
    #[test]
    fn edit_distance_is_the_capped_levenshtein_distance() {
        fn full(a: &[char], b: &[char]) -> usize {
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            for i in 1..=a.len() {
                let mut cur = vec![i; b.len() + 1];
                for j in 1..=b.len() {
                    cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
                }
                prev = cur;
            }
            prev[b.len()]
        }
        let mut words: Vec<Vec<char>> = vec![vec![]];
        for len in 1..=5 {
            let start = words.len() - 3usize.pow(len - 1);
            for w in words[start..].to_vec() {
                for c in ['a', 'b', '’'] {
                    // (strings of a and b alone take the byte-wise way)
                    let mut v = w.clone();
                    v.push(c);
                    words.push(v);
                }
            }
        }
        for a in &words {
            for b in &words {
                let (sa, sb): (String, String) = (a.iter().collect(), b.iter().collect());
                assert_eq!(edit_distance(&sa, &sb), full(a, b).min(3), "{sa:?} {sb:?}");
            }
        }
    }

    #[test]
    fn line_col_counts_characters() {
        let t = "a\n“bc”";
        assert_eq!(line_col(t, 2), (2, 1));
        assert_eq!(line_col(t, 5), (2, 2));
        let ix = LineIndex::new(t);
        assert_eq!(ix.line_col(2), (2, 1));
        assert_eq!(ix.line_col(5), (2, 2));
        assert_eq!(ix.line_col(0), (1, 1));
    }
}
