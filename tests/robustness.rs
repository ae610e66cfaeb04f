//! No input makes quotecheck panic, and every span it reports lies on character boundaries
//! inside its document with `text` equal to the slice. Random documents are built from the
//! characters the scanner cares about (quotation marks of every kind, apostrophes, periods,
//! capitals, cue words, newlines), with a fixed seed so a failure reproduces.

use quotecheck::report::json::DocumentReport;
use quotecheck::{analyze, Config};

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "„",
    "«",
    "»",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "—",
    "…",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "they",
    "the",
    "a",
    "Mr.",
    "Sen.",
    "U.S.",
    "Kirby",
    "Ames",
    "Holm",
    "spokesman",
    "officials",
    "talks",
    "suspended",
    "not",
    "will",
    "would",
    "resume",
    "if",
    "except",
    "é",
    "日本",
    "🙂",
    "don't",
    "'90s",
    "Travelers'",
    "(",
    ")",
    "[",
    "]",
    "Ministry",
    "of",
    "Agriculture",
    "that",
    "saying",
    "and",
    "but",
];

fn check(text: &str) {
    let a = analyze("random.txt", text, &Config::default());
    if let Err(v) = quotecheck::invariants::check(&a) {
        panic!("{v} in {text:?}");
    }
}

#[test]
fn random_documents_never_break_the_pipeline() {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for _ in 0..3000 {
        let n = 1 + (rng.next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
            if rng.next() % 3 == 0 {
                text.push(' ');
            }
        }
        check(&text);
    }
}

#[test]
fn pathological_shapes() {
    check("");
    check("\n\n\n");
    check(&"'".repeat(5000));
    check(&"’".repeat(5000));
    check(&"\"".repeat(5001));
    check(&"“ ".repeat(3000));
    check(&"” ".repeat(3000));
    check(&"said ".repeat(3000));
    check(&"Mr. ".repeat(3000));
    check(&format!("{}x", ". ".repeat(3000)));
    check("\u{feff}“Hello,” she said.");
    check("“Hi,” said\u{a0}Ana Holm.\r\n\r\n“Bye,” she said.\r\n");
}

#[test]
fn output_is_the_same_every_run() {
    let text = include_str!("fixtures/reference_tension.txt");
    let a = serde_json::to_string(&DocumentReport::from_analysis(&analyze("a", text, &Config::default()))).unwrap();
    let b = serde_json::to_string(&DocumentReport::from_analysis(&analyze("a", text, &Config::default()))).unwrap();
    assert_eq!(a, b);
}
