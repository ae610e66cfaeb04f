//! `cargo bench`: the speed of `quotecheck::analyze` (the whole pipeline: scan, attribution,
//! claims, consistency and rules) on corpora built from the project's own fixtures
//! (benches/support/corpus.rs), and on PolNeAR dev and train when they are on this machine
//! (`QUOTECHECK_POLNEAR`, or /work/shared/data/polnear; skipped otherwise). Each case counts
//! bytes, so divan prints the throughput. Every case is capped at a few seconds; the whole run
//! takes well under a minute. The whole-process figures are scripts/bench.sh's.

#[path = "support/corpus.rs"]
mod corpus;

use corpus::Corpus;
use divan::counter::BytesCount;
use divan::Bencher;
use quotecheck::{analyze, Config};
use std::sync::LazyLock;

static CORPUS: LazyLock<Corpus> = LazyLock::new(Corpus::here);
/// One long article of about 1 MB.
static LONG: LazyLock<String> = LazyLock::new(|| CORPUS.article(7, 1 << 20));
/// 1,000 articles of about 4 KB each (4 MB in all).
static BATCH: LazyLock<Vec<String>> = LazyLock::new(|| CORPUS.batch(1000, 4096));
/// A dev-sized batch: 84 articles of about 6.7 KB (PolNeAR dev's shape, 0.56 MB).
static DEV_LIKE: LazyLock<Vec<String>> = LazyLock::new(|| CORPUS.batch(84, 6700));

fn main() {
    divan::main();
}

fn run_batch(texts: &[String]) -> usize {
    let config = Config::default();
    texts.iter().map(|t| analyze("bench.txt", t, &config).findings.len()).sum()
}

fn bytes(texts: &[String]) -> usize {
    texts.iter().map(String::len).sum()
}

/// One ~1 MB article, read as plain text.
#[divan::bench(sample_count = 5, sample_size = 1, max_time = 8)]
fn long_article_1mb(b: Bencher) {
    let text: &str = &LONG;
    let config = Config::default();
    b.counter(BytesCount::new(text.len())).bench(|| analyze("long.txt", divan::black_box(text), &config).findings.len());
}

/// 1,000 generated articles one after another on one core.
#[divan::bench(sample_count = 5, sample_size = 1, max_time = 8)]
fn batch_1000_articles(b: Bencher) {
    let texts: &[String] = &BATCH;
    b.counter(BytesCount::new(bytes(texts))).bench(|| run_batch(divan::black_box(texts)));
}

/// Full-pipeline throughput on a dev-sized generated batch (84 articles).
#[divan::bench(sample_count = 10, sample_size = 1, max_time = 5)]
fn pipeline_generated_dev_sized(b: Bencher) {
    let texts: &[String] = &DEV_LIKE;
    b.counter(BytesCount::new(bytes(texts))).bench(|| run_batch(divan::black_box(texts)));
}

/// Full-pipeline throughput on PolNeAR dev or train, when present (else an empty batch, and
/// a note on stderr).
#[divan::bench(args = ["dev", "train"], sample_count = 5, sample_size = 1, max_time = 8)]
fn pipeline_polnear(b: Bencher, split: &str) {
    let texts: Vec<String> = match corpus::polnear(split) {
        Some(dir) => corpus::read_texts(&dir).into_iter().map(|(_, t)| t).collect(),
        None => {
            eprintln!("note: PolNeAR {split} not found (set QUOTECHECK_POLNEAR); this case measures nothing");
            Vec::new()
        }
    };
    b.counter(BytesCount::new(bytes(&texts))).bench(|| run_batch(divan::black_box(&texts)));
}
