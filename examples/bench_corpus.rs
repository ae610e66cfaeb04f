//! Writes the benchmark corpora of scripts/bench.sh: `cargo run --release --example
//! bench_corpus -- OUTDIR`. Everything is generated from the project's own fixtures
//! (benches/support/corpus.rs); PolNeAR dev, when present, is copied 1x, 10x and 100x.
//!
//! OUTDIR/
//!   gen-1x/, gen-10x/, gen-100x/   84, 840 and 8,400 generated articles (~6.7 KB each)
//!   dev-1x/, dev-10x/, dev-100x/   PolNeAR dev copied 1, 10 and 100 times (if present)
//!   single-1k.txt, single-1m.txt, single-50m.txt   one article of 1 KB, 1 MB, 50 MB
//!   oneline-50m.txt                50 MB of prose on one line (no newline)

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::fs;
use std::path::Path;

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    let out = std::env::args().nth(1).expect("usage: bench_corpus OUTDIR");
    let out = Path::new(&out);
    fs::create_dir_all(out).expect("create OUTDIR");
    let c = corpus::Corpus::here();

    let gen = c.batch(84, 6700);
    for times in [1usize, 10, 100] {
        let dir = out.join(format!("gen-{times}x"));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("mkdir");
        for r in 0..times {
            for (i, t) in gen.iter().enumerate() {
                write(&dir.join(format!("{r:03}-{i:03}.txt")), t);
            }
        }
    }
    if let Some(dev) = corpus::polnear("dev") {
        let texts = corpus::read_texts(&dev);
        for times in [1usize, 10, 100] {
            let dir = out.join(format!("dev-{times}x"));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).expect("mkdir");
            for r in 0..times {
                for (name, t) in &texts {
                    write(&dir.join(format!("{r:03}-{name}")), t);
                }
            }
        }
    } else {
        eprintln!("note: PolNeAR dev not found; only the generated corpora are written");
    }
    for (name, size) in [("single-1k.txt", 1usize << 10), ("single-1m.txt", 1 << 20), ("single-50m.txt", 50 << 20)] {
        let mut t = c.article(42, size);
        if size < 4096 {
            // the 1 KB article: cut at a paragraph end near 1 KB
            let cut = t[..size.min(t.len())].rfind("\n\n").unwrap_or(t.len().min(size));
            t.truncate(cut.max(1));
            t.push('\n');
        }
        write(&out.join(name), &t);
    }
    let one = c.article(43, 50 << 20).replace('\n', " ");
    write(&out.join("oneline-50m.txt"), &one);
}
