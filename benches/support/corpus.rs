//! Benchmark corpora built from the project's own original fixtures (tests/fixtures/*.txt and
//! tests/consistency/fixtures/*.txt): articles are made by picking their paragraphs in a
//! seeded order, renaming the people in them, and mixing in template paragraphs with varied
//! speakers. No outside text is copied in. Used by benches/pipeline.rs and by
//! examples/bench_corpus.rs (which scripts/bench.sh runs to write the corpora to disk).
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A small deterministic generator (xorshift), so every run builds the same corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FIRST: &[&str] = &["Ana", "Jonas", "Mira", "Petra", "Karl", "Lise", "Oskar", "Ida", "Emil", "Sanna", "Tove", "Rune"];
const LAST: &[&str] = &["Holm", "Berger", "Vass", "Lindahl", "Okafor", "Strand", "Novak", "Aalto", "Ferreira", "Dahl", "Kovac", "Imre"];
const TITLE: &[&str] = &["Mayor", "Councillor", "Minister", "spokeswoman", "union leader", "Director"];
const SUFFIX: &[&str] = &["", "sen", "berg", "strom", "dal", "vik", "lund", "ek"];
const CUE: &[&str] = &["said", "told reporters", "added", "said on Tuesday", "wrote in a statement"];
const CLAIM: &[&str] = &[
    "We will reopen the ferry pier in May",
    "The plant will not close this year",
    "Talks with the union have been suspended",
    "The budget for the new school is already spent",
    "Nobody at the agency knew about the cracks",
    "We have asked the ministry for another forty million",
];

/// The fixture paragraphs and the surnames found in them.
pub struct Corpus {
    pub paragraphs: Vec<String>,
    surnames: BTreeSet<String>,
}

fn capitalised(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some(f) if f.is_uppercase()) && w.chars().count() > 2 && w.chars().all(char::is_alphabetic)
}

impl Corpus {
    /// Reads the fixtures under the crate root `root`.
    pub fn load(root: &Path) -> Corpus {
        let mut files: Vec<PathBuf> = Vec::new();
        for dir in ["tests/fixtures", "tests/consistency/fixtures"] {
            for e in std::fs::read_dir(root.join(dir)).expect("fixture folder") {
                let p = e.expect("entry").path();
                if p.extension().is_some_and(|x| x == "txt") {
                    files.push(p);
                }
            }
        }
        files.sort();
        let mut paragraphs = Vec::new();
        let mut surnames = BTreeSet::new();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("fixture text");
            for p in text.split("\n\n") {
                let p = p.trim();
                // directives are skipped: they would change what is reported
                if p.is_empty() || p.contains("%%") {
                    continue;
                }
                let words: Vec<&str> = p.split(|c: char| !c.is_alphabetic()).collect();
                for w in words.windows(2) {
                    if capitalised(w[0]) && capitalised(w[1]) {
                        surnames.insert(w[1].to_string());
                    }
                }
                paragraphs.push(p.to_string());
            }
        }
        Corpus { paragraphs, surnames }
    }

    /// The fixtures of this crate (for the bench, run from the crate root).
    pub fn here() -> Corpus {
        Corpus::load(Path::new(env!("CARGO_MANIFEST_DIR")))
    }

    /// `p` with every surname given the variant `suffix`.
    fn rename(&self, p: &str, suffix: &str, out: &mut String) {
        let mut word = String::new();
        for c in p.chars().chain(std::iter::once('\u{0}')) {
            if c.is_alphabetic() {
                word.push(c);
                continue;
            }
            out.push_str(&word);
            if !word.is_empty() && self.surnames.contains(&word) {
                out.push_str(suffix);
            }
            word.clear();
            if c != '\u{0}' {
                out.push(c);
            }
        }
    }

    /// One article of at least `bytes` bytes: a headline, then fixture paragraphs in a seeded
    /// order with renamed people, every third paragraph a template quote by a varied speaker.
    pub fn article(&self, seed: u64, bytes: usize) -> String {
        let mut rng = Rng::new(seed);
        let suffix = SUFFIX[(seed as usize) % SUFFIX.len()];
        let mut out = String::with_capacity(bytes + 4096);
        out.push_str(&format!("Council report number {seed} on harbour, plant and school\n\n"));
        let mut n = 0usize;
        while out.len() < bytes {
            if n % 3 == 2 {
                let (f, l, t) = (FIRST[rng.below(FIRST.len())], LAST[rng.below(LAST.len())], TITLE[rng.below(TITLE.len())]);
                let (c, q) = (CLAIM[rng.below(CLAIM.len())], CUE[rng.below(CUE.len())]);
                out.push_str(&format!("“{c},” {t} {f} {l}{suffix} {q}. “That is the plan.”"));
            } else {
                let p = &self.paragraphs[rng.below(self.paragraphs.len())];
                self.rename(p, suffix, &mut out);
            }
            out.push_str("\n\n");
            n += 1;
        }
        out
    }

    /// `count` articles of about `bytes` bytes each (sizes vary from half to one and a half).
    pub fn batch(&self, count: usize, bytes: usize) -> Vec<String> {
        let mut rng = Rng::new(count as u64);
        (0..count).map(|i| self.article(i as u64 + 1, bytes / 2 + rng.below(bytes.max(1)))).collect()
    }
}

/// The PolNeAR text folder `split` (`dev` or `train`) when it is on this machine: under
/// `$QUOTECHECK_POLNEAR` (the folder holding `data/`), else /work/shared/data/polnear.
pub fn polnear(split: &str) -> Option<PathBuf> {
    let base = std::env::var_os("QUOTECHECK_POLNEAR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/work/shared/data/polnear"));
    let dir = base.join("data").join(split).join("text");
    dir.is_dir().then_some(dir)
}

/// The texts of the `.txt` files in `dir`, sorted by name.
pub fn read_texts(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    v.sort();
    v
}
