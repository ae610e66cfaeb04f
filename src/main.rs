//! The `quotecheck` command line: a thin shell around the library. Only this file renders
//! errors; the library returns them typed.

use clap::{Parser, Subcommand, ValueEnum};
use miette::{Diagnostic, ReportHandler};
use quotecheck::baseline::{self, Baseline, Recorder};
use quotecheck::config::{ConfigFile, LoadFailure, Loader};
use quotecheck::model::Severity;
use quotecheck::report::{self, github, json, sarif, HumanStyle};
use quotecheck::source::jsonl::{Record, RecordError, Records};
use quotecheck::source::InputFormat;
use quotecheck::{analyze_input, analyze_owned, source, Analysis, Config};
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(name = "quotecheck", version, about = "Checks news copy before publication: who said what, and whether it holds together")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint articles: attribution problems and tensions between claims.
    Check {
        /// Files or folders (walked recursively for .txt, .md, .markdown, .html, .htm,
        /// honouring .gitignore); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        #[command(flatten)]
        input: InputArgs,
        /// Exit 1 when a finding at or above this severity is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        /// Always exit 0 when the run itself succeeded.
        #[arg(long)]
        exit_zero: bool,
        /// Switch a rule off (code or name); may be repeated. Wins over the configuration.
        #[arg(long, value_name = "RULE")]
        disable: Vec<String>,
        /// Use this configuration file for every input instead of looking for quotecheck.toml.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
        /// Hide the findings recorded in this baseline file.
        #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
        baseline: Option<PathBuf>,
        /// Record the current findings in this baseline file instead of reporting them.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
    },
    /// Who said what: every quotation with its speaker and cue.
    Extract {
        /// Files or folders (walked recursively for .txt, .md, .markdown, .html, .htm,
        /// honouring .gitignore); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
        format: ExtractFormat,
        #[command(flatten)]
        input: InputArgs,
        /// Use this configuration file for every input instead of looking for quotecheck.toml.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// The review report: one self-contained HTML page of who said what and where claims pull
    /// apart, for editors to open in a browser.
    Report {
        /// Files or folders (walked recursively for .txt, .md, .markdown, .html, .htm,
        /// honouring .gitignore); `-` reads standard input. One section per article.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the page to this file (replaced whole, never half-written); `-` writes it to
        /// standard output.
        #[arg(long, short = 'o', value_name = "FILE", default_value = "-")]
        output: PathBuf,
        #[command(flatten)]
        input: InputArgs,
        /// Switch a rule off (code or name); may be repeated. Wins over the configuration.
        #[arg(long, value_name = "RULE")]
        disable: Vec<String>,
        /// Use this configuration file for every input instead of looking for quotecheck.toml.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// The rule list, or one rule's documentation.
    Rule {
        /// A rule code (QC201) or name (state-reversal).
        code: Option<String>,
    },
    /// The JSON Schema of the `quotecheck/1` output of `--format json`.
    Schema {
        /// The schema of one line of `--format jsonl` (one document) instead.
        #[arg(long)]
        jsonl: bool,
    },
}

/// How the inputs are read and how many are checked at once.
#[derive(clap::Args)]
struct InputArgs {
    /// Read every input as this format [default: by extension: .md and .markdown are
    /// Markdown, .html and .htm are HTML, anything else and stdin are text]. `jsonl` reads
    /// records {"id": "...", "text": "..."}, one per line, and writes one result line per
    /// record (with --format jsonl).
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Check this many files at once [default: the number of cores]. The output is the same
    /// for any number.
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Text,
    Markdown,
    Html,
    /// JSON Lines of records {"id": "...", "text": "...", "format": "text|markdown|html"}.
    Jsonl,
}

impl InputArgs {
    /// The format every file is read as, if one is given (none for `jsonl`, whose records
    /// say their own).
    fn file_format(&self) -> Option<InputFormat> {
        match self.input_format? {
            InputFormatArg::Text => Some(InputFormat::Text),
            InputFormatArg::Markdown => Some(InputFormat::Markdown),
            InputFormatArg::Html => Some(InputFormat::Html),
            InputFormatArg::Jsonl => None,
        }
    }

    fn jsonl(&self) -> bool {
        matches!(self.input_format, Some(InputFormatArg::Jsonl))
    }

    fn jobs(&self) -> usize {
        match self.jobs {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Concise,
    Json,
    Jsonl,
    /// One SARIF 2.1.0 log for the whole run (code scanning).
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// Who said what: one line per quotation.
    Table,
    /// Each speaker's claims in order, with polarity, modality and state marks.
    Claims,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// How errors look on stderr: wide enough that a file name and its message stay on one line;
/// colors only on a terminal and without `NO_COLOR`, so piped output is plain.
fn error_handler() -> miette::MietteHandler {
    miette::MietteHandlerOpts::new().width(140).build()
}

fn main() -> ExitCode {
    let _ = miette::set_hook(Box::new(|_| Box::new(error_handler())));
    // internal errors are reported per document by `analyses`, not by the default hook
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    let result = match cli.command {
        Command::Check { paths, format, input, fail_on, exit_zero, disable, config, baseline, write_baseline } => {
            let opts = CheckOptions { format, fail_on, exit_zero, disable, config, baseline, write_baseline };
            run_check(&mut stdout, &paths, &input, opts)
        }
        Command::Extract { paths, format, input, config } => run_extract(&mut stdout, &paths, &input, format, config),
        Command::Report { paths, output, input, disable, config } => run_report(&mut stdout, &paths, &input, &output, &disable, config),
        Command::Rule { code } => run_rule(&mut stdout, code.as_deref()),
        Command::Schema { jsonl } => {
            let schema = if jsonl { json::document_schema() } else { json::report_schema() };
            writeln!(stdout, "{}", to_json_pretty(&schema)).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quotecheck: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints an error on stderr the way miette's hook would, for errors held by reference.
fn report_error(e: &dyn Diagnostic) {
    struct Show<'a>(&'a dyn Diagnostic);
    impl std::fmt::Display for Show<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            error_handler().debug(self.0, f)
        }
    }
    eprintln!("{}", Show(e));
}

/// One input to check: a file (or `-` for standard input) with the configuration file that
/// governs it, looked up before the inputs are checked, one after the other in their order.
struct Input {
    path: PathBuf,
    config: Result<Option<Arc<ConfigFile>>, LoadFailure>,
}

/// What became of one input.
enum Outcome {
    Analysed(Analysis),
    Unreadable(source::SourceError),
    /// The configuration governing the input could not be loaded; the input was not read.
    BadConfig(LoadFailure),
}

/// Reads one input (a file, or `-` for standard input) and analyses it as `format`, or as its
/// extension says, with the configuration that governs it (`disabled`, from the command line,
/// on top).
fn check_one(input: &Input, format: Option<InputFormat>, disabled: &[String]) -> Outcome {
    let f = input.path.as_path();
    let stdin = f.as_os_str() == "-";
    let mut config = match &input.config {
        Ok(Some(c)) => c.config_for((!stdin).then_some(f)),
        Ok(None) => Config::default(),
        Err(fail) => return Outcome::BadConfig(fail.clone()),
    };
    config.disabled_rules = disabled.to_vec();
    let (name, text) = if stdin {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            return Outcome::Unreadable(source::SourceError::Io { path: "-".into(), source: e });
        }
        ("-".to_string(), source::decode("-", buf))
    } else {
        (f.display().to_string(), source::read_file(f))
    };
    let format = format.unwrap_or(if stdin { InputFormat::Text } else { InputFormat::from_path(f) });
    match text {
        // (the text is given away: the analysis keeps it, not a copy of it)
        Ok(t) => Outcome::Analysed(analyze_owned(&name, t, format, &config)),
        Err(e) => Outcome::Unreadable(e),
    }
}

/// The result line of a record of `--input-format jsonl` that has no report: its id (when
/// the line has one) and what went wrong, so that the output keeps one line per input line.
#[derive(serde::Serialize)]
struct FailedRecord {
    id: Option<String>,
    error: String,
}

/// Reads and analyses every input, `jobs` at a time, each with the configuration that governs
/// it (`disabled`, from the command line, on top), and hands the analyses to `each` in the
/// order of the inputs; inputs that fail, and inputs whose configuration is broken, are
/// reported on stderr, in that order too, and counted. A broken configuration is reported
/// once, with the first input it governs, however many it governs. With
/// `--input-format jsonl` the inputs are records (see [`record_analyses`]), and a record that
/// gives no analysis comes to `each` as a [`FailedRecord`]; other inputs give none.
fn analyses(
    paths: &[PathBuf],
    input: &InputArgs,
    loader: &mut Loader,
    disabled: &[String],
    mut each: impl FnMut(Result<Analysis, FailedRecord>) -> std::io::Result<()>,
) -> std::io::Result<usize> {
    if input.jsonl() {
        return record_analyses(paths, input.jobs(), loader, disabled, each);
    }
    let expanded = source::expand(paths);
    for w in &expanded.warnings {
        report_error(w);
    }
    let mut failed = expanded.errors.len();
    for e in &expanded.errors {
        report_error(e);
    }
    let format = input.file_format();
    // configurations are found and loaded here, in the order of the inputs, so that which
    // input reports a broken one does not depend on the number of jobs
    let inputs: Vec<Input> = expanded
        .files
        .into_iter()
        .map(|path| {
            let file = (path.as_os_str() != "-").then_some(path.as_path());
            let config = loader.for_file(file);
            Input { path, config }
        })
        .collect();
    in_order(
        &inputs,
        input.jobs(),
        |i| check_one(i, format, disabled),
        |i, outcome| {
            match outcome {
                Ok(Outcome::Analysed(a)) => each(Ok(a))?,
                Ok(Outcome::Unreadable(e)) => {
                    report_error(&e);
                    failed += 1;
                }
                Ok(Outcome::BadConfig(fail)) => {
                    if fail.first {
                        report_error(&*fail.error);
                    }
                    failed += 1;
                }
                // A bug must not cost the user the rest of the batch: the document is reported
                // as failed (exit code 2) and the others are still checked.
                Err(payload) => {
                    let what = panic_message(&*payload);
                    let f = &i.path;
                    let name = if f.as_os_str() == "-" { "-".to_string() } else { f.display().to_string() };
                    eprintln!("quotecheck: internal error while checking {name}: {what}\n  please report it with the file that caused it");
                    failed += 1;
                }
            }
            Ok(())
        },
    )?;
    Ok(failed)
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_default()
}

/// One line of a JSON Lines input, with the configuration of the input it is in; or an input
/// that could not be read (or stopped being readable), reported in its turn.
enum RecordJob {
    Line { source: Arc<str>, line: usize, record: Result<Record, RecordError>, config: Result<Option<Arc<ConfigFile>>, LoadFailure> },
    Unreadable(source::SourceError),
}

/// Opens a file of records; a folder is refused (records come from files or standard input).
fn open_records(path: &Path) -> Result<std::fs::File, source::SourceError> {
    let name = path.display().to_string();
    if path.is_dir() {
        let why = std::io::Error::other("it is a folder; --input-format jsonl reads files of records, or - for standard input");
        return Err(source::SourceError::Io { path: name, source: why });
    }
    std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => source::SourceError::Missing { path: name },
        _ => source::SourceError::Io { path: name, source: e },
    })
}

/// `--input-format jsonl`: reads the records of every input (a file, or `-` for standard
/// input) one line at a time and analyses them, `jobs` at a time, each as its `format` says
/// (plain text without one), named by its `id`. Every line comes to `each` in input order: its
/// analysis, or a [`FailedRecord`] (reported on stderr with the input and line number, and
/// counted) when the line is not a record, when the configuration of its input is broken, or
/// on an internal error. The configuration of a record is the one governing its input (for
/// standard input, the current folder's), with the overrides that match the id read as a
/// path. Memory holds a window of lines, whatever the number of records.
fn record_analyses(
    paths: &[PathBuf],
    jobs: usize,
    loader: &mut Loader,
    disabled: &[String],
    mut each: impl FnMut(Result<Analysis, FailedRecord>) -> std::io::Result<()>,
) -> std::io::Result<usize> {
    let lines = paths.iter().flat_map(|path| -> Box<dyn Iterator<Item = RecordJob>> {
        let stdin = path.as_os_str() == "-";
        let reader: Box<dyn BufRead> = if stdin {
            Box::new(std::io::stdin().lock())
        } else {
            match open_records(path) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => return Box::new(std::iter::once(RecordJob::Unreadable(e))),
            }
        };
        let name: Arc<str> = if stdin { "standard input".into() } else { path.display().to_string().into() };
        let mut config = loader.for_file((!stdin).then_some(path.as_path()));
        Box::new(Records::new(reader).map(move |item| match item {
            Ok((line, record)) => {
                let this = config.clone();
                // a broken configuration is reported with the first record it governs only
                if let Err(fail) = &mut config {
                    fail.first = false;
                }
                RecordJob::Line { source: name.clone(), line, record, config: this }
            }
            Err(e) => RecordJob::Unreadable(source::SourceError::Io { path: name.to_string(), source: e }),
        }))
    });
    let mut failed = 0;
    in_order(
        lines,
        jobs,
        |job| match job {
            RecordJob::Line { record: Ok(r), config: Ok(c), .. } => {
                let mut config = match c {
                    Some(c) => c.config_for(Some(Path::new(&r.id))),
                    None => Config::default(),
                };
                config.disabled_rules = disabled.to_vec();
                Some(analyze_input(&r.id, &r.text, r.format.unwrap_or(InputFormat::Text), &config))
            }
            _ => None,
        },
        |job, outcome| {
            let (source, line, record, config) = match job {
                RecordJob::Line { source, line, record, config } => (source, line, record, config),
                RecordJob::Unreadable(e) => {
                    report_error(&e);
                    failed += 1;
                    return Ok(());
                }
            };
            let id = match &record {
                Ok(r) => Some(r.id.clone()),
                Err(e) => e.id().map(str::to_string),
            };
            let error = match (record, config, outcome) {
                (Err(e), _, _) => {
                    eprintln!("quotecheck: {source}, line {line}: {e}");
                    e.to_string()
                }
                (Ok(_), Err(fail), _) => {
                    if fail.first {
                        report_error(&*fail.error);
                    }
                    format!("not checked: the configuration has an error: {}", fail.error)
                }
                (Ok(_), Ok(_), Ok(Some(a))) => return each(Ok(a)),
                (Ok(_), Ok(_), Ok(None)) => "internal error: no analysis".to_string(),
                (Ok(r), Ok(_), Err(payload)) => {
                    let what = panic_message(&*payload);
                    eprintln!(
                        "quotecheck: internal error while checking {source}, line {line} (id {:?}): {what}\n  please report it with the record that caused it",
                        r.id
                    );
                    format!("internal error: {what}")
                }
            };
            failed += 1;
            each(Err(FailedRecord { id, error }))
        },
    )?;
    Ok(failed)
}

/// Runs `work` on every item on a pool of `jobs` threads and passes the items with their
/// results to `emit` in the order of the items, as soon as each one's turn comes: the output
/// is the same as one thread's. Items are taken from the iterator only as a window of them is
/// free (in flight, or finished early and waiting for their turn), so memory does not grow
/// with the number of items, and a stream is read as it is checked. A panic in `work` is
/// caught and handed on.
fn in_order<T: Send, R: Send>(
    items: impl IntoIterator<Item = T>,
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(T, std::thread::Result<R>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut items = items.into_iter();
    let run = |item: &T| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
    let few = matches!(items.size_hint().1, Some(0 | 1));
    let pool = if jobs > 1 && !few {
        // the main thread's stack size: deep input must not fail on a worker and pass on main
        rayon::ThreadPoolBuilder::new().num_threads(jobs).stack_size(8 << 20).thread_name(|i| format!("quotecheck-{i}")).build().ok()
    } else {
        None
    };
    let Some(pool) = pool else {
        for item in items {
            let r = run(&item);
            emit(item, r)?;
        }
        return Ok(());
    };
    let window = jobs * 8;
    let (tx, rx) = std::sync::mpsc::channel();
    pool.in_place_scope(|scope| {
        let (mut submitted, mut emitted) = (0, 0);
        let mut exhausted = false;
        let mut ready = BTreeMap::new();
        let mut take = |i: usize, item: T, r: std::thread::Result<R>, ready: &mut BTreeMap<usize, (T, std::thread::Result<R>)>, emitted: &mut usize| {
            ready.insert(i, (item, r));
            while let Some((item, r)) = ready.remove(emitted) {
                // on a write error, stop submitting; the scope waits for the tasks in flight
                emit(item, r)?;
                *emitted += 1;
            }
            Ok::<(), std::io::Error>(())
        };
        loop {
            while !exhausted && submitted < emitted + window {
                // write what is done before taking the next item, which may wait on input
                while let Ok((i, item, r)) = rx.try_recv() {
                    take(i, item, r, &mut ready, &mut emitted)?;
                }
                let Some(item) = items.next() else {
                    exhausted = true;
                    break;
                };
                let (tx, run, i) = (tx.clone(), &run, submitted);
                scope.spawn(move |_| {
                    let r = run(&item);
                    // the receiver outlives the scope; a send cannot fail
                    let _ = tx.send((i, item, r));
                });
                submitted += 1;
            }
            if emitted == submitted {
                break;
            }
            // every spawned task sends once (panics are caught), so this cannot wait forever
            let Ok((i, item, r)) = rx.recv() else { break };
            take(i, item, r, &mut ready, &mut emitted)?;
        }
        Ok(())
    })
}

/// A loader for `--config` (checked now, so a broken file stops the run before any input is
/// read) or for discovery.
fn loader(config: Option<PathBuf>) -> Result<Loader, ExitCode> {
    let fixed = config.is_some();
    let mut loader = Loader::new(config);
    if fixed {
        if let Err(fail) = loader.for_file(None) {
            report_error(&*fail.error);
            return Err(ExitCode::from(2));
        }
    }
    Ok(loader)
}

struct CheckOptions {
    format: CheckFormat,
    fail_on: FailOn,
    exit_zero: bool,
    disable: Vec<String>,
    config: Option<PathBuf>,
    baseline: Option<PathBuf>,
    write_baseline: Option<PathBuf>,
}

fn run_check(out: &mut impl Write, paths: &[PathBuf], input: &InputArgs, opts: CheckOptions) -> std::io::Result<ExitCode> {
    let CheckOptions { format, fail_on, exit_zero, disable, config, baseline, write_baseline } = opts;
    if input.jsonl() {
        if !matches!(format, CheckFormat::Jsonl) {
            eprintln!("quotecheck: --input-format jsonl writes one result line per record: use it with --format jsonl");
            return Ok(ExitCode::from(2));
        }
        if write_baseline.is_some() {
            eprintln!("quotecheck: --write-baseline does not take --input-format jsonl (write the baseline from the files)");
            return Ok(ExitCode::from(2));
        }
    }
    for d in &disable {
        if quotecheck::rules::find(d).is_none() {
            eprintln!("quotecheck: unknown rule `{d}` (see `quotecheck rule`)");
            return Ok(ExitCode::from(2));
        }
    }
    let disabled: Vec<String> = disable.iter().filter_map(|d| quotecheck::rules::find(d)).map(|r| r.code.to_string()).collect();
    let mut loader = match loader(config) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let mut hide = match &baseline {
        Some(p) => match Baseline::load(p) {
            Ok(b) => Some((b, p.clone())),
            Err(e) => {
                report_error(&e);
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    if let Some(target) = write_baseline {
        let mut rec = Recorder::default();
        let failed = analyses(paths, input, &mut loader, &disabled, |r| {
            // records (which give failures) are refused with --write-baseline
            if let Ok(a) = r {
                rec.add(&baseline::path_key(&a.path, &target), &a);
            }
            Ok(())
        })?;
        if failed > 0 {
            eprintln!("quotecheck: baseline {} not written: {failed} input(s) could not be checked", target.display());
            return Ok(ExitCode::from(2));
        }
        if let Err(e) = rec.write(&target) {
            report_error(&e);
            return Ok(ExitCode::from(2));
        }
        let n = rec.len();
        eprintln!("quotecheck: wrote {n} finding{} to the baseline {}", if n == 1 { "" } else { "s" }, target.display());
        return Ok(ExitCode::SUCCESS);
    }
    let style = HumanStyle { color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(), width: 100 };
    let mut worst: Option<Severity> = None;
    let mut docs = Vec::new();
    let mut line = Vec::new();
    let mut sarif_log = sarif::SarifBuilder::new();
    let mut total = 0usize;
    let mut hidden = 0usize;
    let failed = analyses(paths, input, &mut loader, &disabled, |r| {
        // a failed record comes only with --input-format jsonl, which writes --format jsonl
        let mut a = match r {
            Ok(a) => a,
            Err(failed) => return writeln!(out, "{}", to_json(&failed)),
        };
        if let Some((b, p)) = &mut hide {
            hidden += b.hide(&baseline::path_key(&a.path, p), &mut a);
        }
        for f in &a.findings {
            worst = worst.max(Some(f.severity));
        }
        total += a.findings.len();
        match format {
            CheckFormat::Human => write!(out, "{}", report::human(&a, style))?,
            CheckFormat::Concise => write!(out, "{}", report::concise(&a))?,
            CheckFormat::Jsonl => write_jsonl(out, &a, &mut line)?,
            CheckFormat::Json => docs.push(json::DocumentReport::from_analysis(&a)),
            CheckFormat::Sarif => sarif_log.add(&a),
            CheckFormat::Github => write!(out, "{}", github::render(&a))?,
        }
        Ok(())
    })?;
    match format {
        CheckFormat::Json => writeln!(out, "{}", to_json_pretty(&json::Report::from_documents(docs)))?,
        CheckFormat::Sarif => writeln!(out, "{}", to_json_pretty(&sarif_log.finish()))?,
        _ => {}
    }
    if let CheckFormat::Human | CheckFormat::Concise = format {
        let by_baseline = match &hide {
            Some((_, p)) if hidden > 0 => format!("{hidden} hidden by the baseline {}", p.display()),
            _ => String::new(),
        };
        if total == 0 && failed == 0 {
            if by_baseline.is_empty() {
                eprintln!("quotecheck: no findings");
            } else {
                eprintln!("quotecheck: no new findings ({by_baseline})");
            }
        } else if !by_baseline.is_empty() {
            eprintln!("quotecheck: {total} finding{} reported, {by_baseline}", if total == 1 { "" } else { "s" });
        }
    }
    if failed > 0 {
        return Ok(ExitCode::from(2));
    }
    let over = match (fail_on.threshold(), worst) {
        (Some(t), Some(w)) => w >= t,
        _ => false,
    };
    Ok(if over && !exit_zero { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn run_extract(out: &mut impl Write, paths: &[PathBuf], input: &InputArgs, format: ExtractFormat, config: Option<PathBuf>) -> std::io::Result<ExitCode> {
    if input.jsonl() && !matches!(format, ExtractFormat::Jsonl) {
        eprintln!("quotecheck: --input-format jsonl writes one result line per record: use it with --format jsonl");
        return Ok(ExitCode::from(2));
    }
    let mut loader = match loader(config) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let mut docs = Vec::new();
    let mut line = Vec::new();
    let mut first = true;
    let failed = analyses(paths, input, &mut loader, &[], |r| {
        // a failed record comes only with --input-format jsonl, which writes --format jsonl
        let a = match r {
            Ok(a) => a,
            Err(failed) => return writeln!(out, "{}", to_json(&failed)),
        };
        match format {
            ExtractFormat::Table | ExtractFormat::Claims => {
                if !first {
                    writeln!(out)?;
                }
                first = false;
                let view = if matches!(format, ExtractFormat::Table) { report::table(&a) } else { report::claims_view(&a) };
                write!(out, "{view}")?
            }
            ExtractFormat::Jsonl => write_jsonl(out, &a, &mut line)?,
            ExtractFormat::Json => docs.push(json::DocumentReport::from_analysis(&a)),
        }
        Ok(())
    })?;
    if let ExtractFormat::Json = format {
        writeln!(out, "{}", to_json_pretty(&json::Report::from_documents(docs)))?;
    }
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// `quotecheck report`: analyses every input like `check` (formats, configuration, `--disable`)
/// and writes one HTML page. The page is written only when every input was analysed: a report
/// that silently lacks an article would be taken for the whole day's copy. Findings do not
/// change the exit code (the report is for reading, `check` is the gate).
fn run_report(
    out: &mut impl Write,
    paths: &[PathBuf],
    input: &InputArgs,
    output: &Path,
    disable: &[String],
    config: Option<PathBuf>,
) -> std::io::Result<ExitCode> {
    for d in disable {
        if quotecheck::rules::find(d).is_none() {
            eprintln!("quotecheck: unknown rule `{d}` (see `quotecheck rule`)");
            return Ok(ExitCode::from(2));
        }
    }
    let disabled: Vec<String> = disable.iter().filter_map(|d| quotecheck::rules::find(d)).map(|r| r.code.to_string()).collect();
    let mut loader = match loader(config) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let mut docs = Vec::new();
    let failed = analyses(paths, input, &mut loader, &disabled, |r| {
        // a record that gives no analysis is reported on stderr and counted in `failed`
        if let Ok(a) = r {
            docs.push(a);
        }
        Ok(())
    })?;
    if failed > 0 {
        eprintln!("quotecheck: report not written: {failed} input(s) could not be checked");
        return Ok(ExitCode::from(2));
    }
    let page = report::html::render(&docs);
    if output.as_os_str() == "-" {
        out.write_all(page.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    match report::html::write(output, &page) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            report_error(&e);
            Ok(ExitCode::from(2))
        }
    }
}

fn run_rule(out: &mut impl Write, code: Option<&str>) -> std::io::Result<ExitCode> {
    match code {
        None => {
            for r in quotecheck::rules::all() {
                writeln!(out, "{}  {:<20} {:<8} {}", r.code, r.name, r.severity.as_str(), r.summary())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(c) => match quotecheck::rules::find(c) {
            Some(r) => {
                writeln!(out, "{} {} (default: {})\n", r.code, r.name, r.severity.as_str())?;
                write!(out, "{}", r.doc())?;
                Ok(ExitCode::SUCCESS)
            }
            None => {
                eprintln!("quotecheck: unknown rule `{c}` (run `quotecheck rule` for the list)");
                Ok(ExitCode::from(2))
            }
        },
    }
}

/// One line of `--format jsonl`: the document's report ([`json::write_document`], the same
/// bytes as serialising [`json::DocumentReport`]), built in `line`, which is kept from one
/// document to the next.
fn write_jsonl(out: &mut impl Write, a: &quotecheck::Analysis, line: &mut Vec<u8>) -> std::io::Result<()> {
    line.clear();
    json::write_document(a, line);
    line.push(b'\n');
    out.write_all(line)
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    // serialising plain data structures cannot fail
    serde_json::to_string(v).unwrap_or_default()
}

fn to_json_pretty<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::in_order;

    #[test]
    fn results_come_in_the_order_of_the_items_whatever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        for jobs in [1, 2, 4] {
            let mut seen = Vec::new();
            in_order(
                &items,
                jobs,
                |&&i| {
                    // later items finish first
                    std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                    i * 2
                },
                |&i, r| {
                    assert_eq!(r.ok(), Some(i * 2));
                    seen.push(i);
                    Ok(())
                },
            )
            .expect("no write error");
            assert_eq!(seen, items, "jobs {jobs}");
        }
    }

    #[test]
    fn a_panic_is_handed_on_in_its_place_and_a_write_error_stops_the_run() {
        let items: Vec<u32> = (0..50).collect();
        let mut out = Vec::new();
        in_order(
            &items,
            3,
            |&&i| if i == 7 { panic!("boom") } else { i },
            |&i, r| {
                out.push((i, r.is_ok()));
                Ok(())
            },
        )
        .expect("no write error");
        assert_eq!(out.len(), 50);
        assert_eq!(out[7], (7, false));
        assert!(out.iter().enumerate().all(|(k, &(i, ok))| k as u32 == i && (ok || i == 7)));
        let mut emitted = 0;
        let r = in_order(
            &items,
            3,
            |&&i| i,
            |_, _| {
                emitted += 1;
                if emitted == 10 {
                    Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
                } else {
                    Ok(())
                }
            },
        );
        assert!(r.is_err());
        assert_eq!(emitted, 10);
    }
}
