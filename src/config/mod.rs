//! `quotecheck.toml`: rule levels, known speakers, per-path overrides and extra lexicon files.
//!
//! ```toml
//! lexicon = ["house-cues.toml"]
//!
//! [rules]
//! QC204 = "off"
//! state-reversal = "warning"
//!
//! [[speakers]]
//! name = "Jonas Kettering"
//! aliases = ["J. Kettering"]
//! titles = ["Foreign Ministry spokesman", "spokesman"]
//! affiliation = "Foreign Ministry"
//!
//! [[overrides]]
//! paths = ["opinion/**"]
//! [overrides.rules]
//! unattributed-quote = "info"
//! ```
//!
//! A file is governed by the nearest `quotecheck.toml` in its folder or a folder above it, or
//! by the one given with `--config`. The levels that apply to it: the defaults, then
//! `[rules]`, then each override whose `paths` match it (later ones win), then `--disable`.
//!
//! The file is read key by key from toml's spanned tables rather than through serde, so that
//! every problem points at its place and an unknown key gets the closest valid one.

// The errors carry the source text to point into; one ends a run or an input, so their size
// on the success path does not matter.
#![allow(clippy::result_large_err)]

mod error;

pub(crate) use error::closest;
pub use error::{ConfigError, ErrorKind};

use crate::lexicon::{Lexicon, LexiconExtension};
use crate::model::Severity;
use error::list;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use miette::NamedSource;
use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use toml::de::{DeString, DeTable, DeValue};
use toml::Spanned;

/// The name looked for in each folder.
pub const FILE_NAME: &str = "quotecheck.toml";

const TOP_KEYS: &[&str] = &["rules", "speakers", "overrides", "lexicon"];
const SPEAKER_KEYS: &[&str] = &["name", "aliases", "titles", "affiliation"];
const OVERRIDE_KEYS: &[&str] = &["paths", "rules"];
const LEVELS: &[&str] = &["error", "warning", "info", "off"];

/// A rule's configured level: off, or the severity that replaces its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "error" => Level::On(Severity::Error),
            "warning" => Level::On(Severity::Warning),
            "info" => Level::On(Severity::Info),
            "off" => Level::Off,
            _ => return None,
        })
    }
}

/// A person the configuration knows: mentions by name, alias or title resolve to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownSpeaker {
    /// The canonical name, reported for every mention.
    pub name: String,
    /// Other spellings of the name ("J. Kettering", "Jon Kettering").
    pub aliases: Vec<String>,
    /// Titles the person holds ("Foreign Ministry spokesman", "spokesman"): "the spokesman"
    /// refers to them when no one in the article holds that title.
    pub titles: Vec<String>,
    /// The organisation the person speaks for, by name.
    pub affiliation: Option<String>,
}

/// An `[[overrides]]` entry: rule levels for the files its globs match.
#[derive(Debug)]
pub struct Override {
    pub paths: Vec<String>,
    globs: GlobSet,
    pub rules: BTreeMap<&'static str, Level>,
}

/// One configuration file, read and checked.
#[derive(Debug)]
pub struct ConfigFile {
    /// The file as found or given.
    pub path: PathBuf,
    /// Its folder, absolute: override globs and lexicon paths are relative to it.
    pub dir: PathBuf,
    pub rules: BTreeMap<&'static str, Level>,
    pub speakers: Vec<KnownSpeaker>,
    pub overrides: Vec<Override>,
    /// The lexicon files named, as written.
    pub lexicon_files: Vec<String>,
    /// The built-in lexicon with those files merged over it, when there are any; built once
    /// per configuration file.
    pub lexicon: Option<Arc<Lexicon>>,
}

impl ConfigFile {
    /// Reads and checks the configuration file at `path` and the lexicon files it names.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        let src = std::fs::read_to_string(path).map_err(|source| ConfigError::Io { path: path.display().to_string(), source })?;
        ConfigFile::parse(path, &src)
    }

    /// Checks `src` as the configuration file at `path` (which names it in errors, and whose
    /// folder the globs and lexicon paths are relative to).
    pub fn parse(path: &Path, src: &str) -> Result<ConfigFile, ConfigError> {
        let file = SourceFile { path: path.display().to_string(), src };
        let root = DeTable::parse(src).map_err(|e| file.toml_error(&e))?;
        let mut cfg = ConfigFile {
            path: path.to_path_buf(),
            dir: normalize(&absolute(path)).parent().map(Path::to_path_buf).unwrap_or_default(),
            rules: BTreeMap::new(),
            speakers: Vec::new(),
            overrides: Vec::new(),
            lexicon_files: Vec::new(),
            lexicon: None,
        };
        let mut lexicon_entries = Vec::new();
        for (key, value) in in_order(root.get_ref()) {
            match key.get_ref().as_ref() {
                "rules" => cfg.rules = file.rules(value, "[rules]")?,
                "speakers" => {
                    for t in file.tables(key, value, "[[speakers]]")? {
                        cfg.speakers.push(file.speaker(t)?);
                    }
                }
                "overrides" => {
                    for t in file.tables(key, value, "[[overrides]]")? {
                        cfg.overrides.push(file.override_entry(t)?);
                    }
                }
                "lexicon" => lexicon_entries = file.strings(value, "`lexicon`", "a list of lexicon files")?,
                other => return Err(file.unknown_key(key, other, TOP_KEYS, "the top level")),
            }
        }
        if !lexicon_entries.is_empty() {
            let mut extensions = Vec::new();
            for (name, span) in &lexicon_entries {
                extensions.push(file.lexicon_file(&cfg.dir, name, span.clone())?);
            }
            cfg.lexicon_files = lexicon_entries.into_iter().map(|(n, _)| n).collect();
            cfg.lexicon = Some(Arc::new(Lexicon::extended(&extensions)));
        }
        Ok(cfg)
    }

    /// The run configuration for `file` (None: standard input): the levels of `[rules]` and of
    /// every override matching the file, in order, with the speakers and the lexicon.
    pub fn config_for(&self, file: Option<&Path>) -> crate::Config {
        let mut levels = self.rules.clone();
        if let Some(rel) = file.and_then(|f| normalize(&absolute(f)).strip_prefix(&self.dir).ok().map(Path::to_path_buf)) {
            for o in &self.overrides {
                if o.globs.is_match(&rel) {
                    levels.extend(o.rules.iter().map(|(k, v)| (*k, *v)));
                }
            }
        }
        crate::Config { disabled_rules: Vec::new(), levels, speakers: self.speakers.clone(), lexicon: self.lexicon.clone() }
    }
}

/// The nearest `quotecheck.toml` in `dir` or a folder above it, up to the filesystem root.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let start = normalize(&absolute(dir));
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// A configuration that could not be loaded; `first` is true the first time it is met, so the
/// error is reported once however many files it governs.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    pub error: Arc<ConfigError>,
    pub first: bool,
}

/// Finds and loads the configuration of each input, reading every file once.
#[derive(Debug, Default)]
pub struct Loader {
    /// `--config`: one file for every input.
    fixed: Option<PathBuf>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Result<Arc<ConfigFile>, Arc<ConfigError>>>,
}

impl Loader {
    /// A loader that looks for `quotecheck.toml` upward from each file, or that uses `fixed`.
    pub fn new(fixed: Option<PathBuf>) -> Loader {
        Loader { fixed, ..Default::default() }
    }

    /// The configuration file governing `file` (None: standard input, looked for from the
    /// current folder), if there is one.
    pub fn for_file(&mut self, file: Option<&Path>) -> Result<Option<Arc<ConfigFile>>, LoadFailure> {
        let path = match &self.fixed {
            Some(p) => p.clone(),
            None => {
                let dir = match file {
                    Some(f) => normalize(&absolute(f)).parent().map(Path::to_path_buf).unwrap_or_default(),
                    None => absolute(Path::new(".")),
                };
                let found = self.by_dir.entry(dir.clone()).or_insert_with(|| discover(&dir)).clone();
                match found {
                    Some(p) => p,
                    None => return Ok(None),
                }
            }
        };
        let first = !self.loaded.contains_key(&path);
        let entry = self.loaded.entry(path.clone()).or_insert_with(|| ConfigFile::load(&path).map(Arc::new).map_err(Arc::new));
        match entry {
            Ok(c) => Ok(Some(c.clone())),
            Err(e) => Err(LoadFailure { error: e.clone(), first }),
        }
    }
}

/// `path` made absolute against the current folder, without resolving symbolic links.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `a/./b/../c` as `a/c`, without touching the filesystem.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

type Entry<'a, 'i> = (&'a Spanned<DeString<'i>>, &'a Spanned<DeValue<'i>>);

/// A table's entries in the order they are written (toml's map is sorted by key), so the first
/// problem reported is the first in the file.
fn in_order<'a, 'i>(t: &'a DeTable<'i>) -> Vec<Entry<'a, 'i>> {
    let mut v: Vec<Entry> = t.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

/// The file being read, for building errors that point into it.
struct SourceFile<'s> {
    path: String,
    src: &'s str,
}

impl SourceFile<'_> {
    fn error(&self, kind: ErrorKind, span: std::ops::Range<usize>, message: String, label: &str, help: Option<String>) -> ConfigError {
        // a zero-width span at the end of the file still gets a visible label
        let span = if span.is_empty() && span.start >= self.src.len() { self.src.len().saturating_sub(1)..self.src.len() } else { span };
        ConfigError::Invalid {
            kind,
            path: self.path.clone(),
            message,
            src: NamedSource::new(self.path.clone(), self.src.to_string()),
            span: (span.start, span.len()).into(),
            label: label.to_string(),
            help,
        }
    }

    fn toml_error(&self, e: &toml::de::Error) -> ConfigError {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim_end().trim_end_matches('.').to_string();
        self.error(ErrorKind::Syntax, span, format!("invalid TOML: {message}"), "here", None)
    }

    fn unknown_key(&self, key: &Spanned<DeString>, name: &str, known: &[&str], place: &str) -> ConfigError {
        let message = match closest(name, known.iter().copied()) {
            Some(s) => format!("unknown key `{name}`, did you mean `{s}`?"),
            None => format!("unknown key `{name}`"),
        };
        self.error(ErrorKind::UnknownKey, key.span(), message, "unknown key", Some(format!("the keys allowed at {place} are {}", list(known))))
    }

    fn wrong_type(&self, v: &Spanned<DeValue>, what: &str, want: &str) -> ConfigError {
        let found = v.get_ref().type_str();
        let article = if found.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        self.error(ErrorKind::WrongType, v.span(), format!("{what} must be {want}, not {article} {found}"), &format!("{article} {found}"), None)
    }

    fn string<'v>(&self, v: &'v Spanned<DeValue>, what: &str) -> Result<&'v str, ConfigError> {
        match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Ok(s.as_ref()),
            DeValue::String(_) => Err(self.error(ErrorKind::BadValue, v.span(), format!("{what} is empty"), "empty", None)),
            _ => Err(self.wrong_type(v, what, "a string")),
        }
    }

    /// An array of non-empty strings, each with its span.
    fn strings(&self, v: &Spanned<DeValue>, what: &str, want: &str) -> Result<Vec<(String, std::ops::Range<usize>)>, ConfigError> {
        let DeValue::Array(items) = v.get_ref() else {
            return Err(self.wrong_type(v, what, &format!("{want} (an array of strings)")));
        };
        let mut out = Vec::new();
        for item in items.iter() {
            out.push((self.string(item, &format!("each entry of {what}"))?.to_string(), item.span()));
        }
        Ok(out)
    }

    /// The tables of an array of tables (`[[speakers]]`).
    fn tables<'a, 'i>(&self, key: &Spanned<DeString>, v: &'a Spanned<DeValue<'i>>, what: &str) -> Result<Vec<&'a Spanned<DeValue<'i>>>, ConfigError> {
        match v.get_ref() {
            DeValue::Array(items) if items.iter().all(|t| t.get_ref().is_table()) => Ok(items.iter().collect()),
            _ => Err(self.error(
                ErrorKind::WrongType,
                key.span(),
                format!("`{}` must be an array of tables, written as {what} sections", key.get_ref()),
                "not an array of tables",
                None,
            )),
        }
    }

    /// A `[rules]` table: rule (code or name) = level.
    fn rules(&self, v: &Spanned<DeValue>, what: &str) -> Result<BTreeMap<&'static str, Level>, ConfigError> {
        let DeValue::Table(t) = v.get_ref() else {
            return Err(self.wrong_type(v, what, "a table"));
        };
        let mut out: BTreeMap<&'static str, Level> = BTreeMap::new();
        let mut seen: HashMap<&'static str, String> = HashMap::new();
        for (key, value) in in_order(t) {
            let name = key.get_ref().as_ref();
            let Some(rule) = crate::rules::find(name) else {
                let all = crate::rules::all();
                let names = all.iter().flat_map(|r| [r.code, r.name]);
                let message = match closest(name, names) {
                    Some(s) => format!("unknown rule `{name}`, did you mean `{s}`?"),
                    None => format!("unknown rule `{name}`"),
                };
                return Err(self.error(
                    ErrorKind::UnknownRule,
                    key.span(),
                    message,
                    "no rule has this code or name",
                    Some("`quotecheck rule` lists the rules".into()),
                ));
            };
            if let Some(before) = seen.insert(rule.code, name.to_string()) {
                return Err(self.error(
                    ErrorKind::Duplicate,
                    key.span(),
                    format!("rule {} ({}) is set twice in {what}", rule.code, rule.name),
                    &format!("already set as `{before}`"),
                    Some("keep one of the two lines".into()),
                ));
            }
            let level = match value.get_ref() {
                DeValue::String(s) => match Level::parse(s) {
                    Some(l) => l,
                    None => {
                        let message = match closest(s, LEVELS.iter().copied()) {
                            Some(c) => format!("invalid level `{s}` for {} ({}), did you mean `{c}`?", rule.code, rule.name),
                            None => format!("invalid level `{s}` for {} ({})", rule.code, rule.name),
                        };
                        return Err(self.error(
                            ErrorKind::BadValue,
                            value.span(),
                            message,
                            "not a level",
                            Some(format!("a rule's level is one of {}", list(LEVELS))),
                        ));
                    }
                },
                _ => {
                    let mut e = self.wrong_type(value, &format!("the level of {}", rule.code), "a string");
                    if let ConfigError::Invalid { help, .. } = &mut e {
                        *help = Some(format!("a rule's level is one of {}, in quotation marks", list(LEVELS)));
                    }
                    return Err(e);
                }
            };
            out.insert(rule.code, level);
        }
        Ok(out)
    }

    fn speaker(&self, v: &Spanned<DeValue>) -> Result<KnownSpeaker, ConfigError> {
        let DeValue::Table(t) = v.get_ref() else { unreachable!("checked by `tables`") };
        let mut s = KnownSpeaker { name: String::new(), aliases: Vec::new(), titles: Vec::new(), affiliation: None };
        for (key, value) in in_order(t) {
            match key.get_ref().as_ref() {
                "name" => s.name = self.string(value, "`name`")?.trim().to_string(),
                "aliases" => {
                    s.aliases = self.strings(value, "`aliases`", "a list of other spellings")?.into_iter().map(|(a, _)| a.trim().to_string()).collect()
                }
                "titles" => s.titles = self.strings(value, "`titles`", "a list of titles")?.into_iter().map(|(a, _)| a.trim().to_string()).collect(),
                "affiliation" => s.affiliation = Some(self.string(value, "`affiliation`")?.trim().to_string()),
                other => return Err(self.unknown_key(key, other, SPEAKER_KEYS, "[[speakers]]")),
            }
        }
        if s.name.is_empty() {
            return Err(self.error(
                ErrorKind::MissingKey,
                v.span(),
                "a [[speakers]] entry has no `name`".into(),
                "this entry",
                Some("give the speaker's canonical name: name = \"Jonas Kettering\"".into()),
            ));
        }
        Ok(s)
    }

    fn override_entry(&self, v: &Spanned<DeValue>) -> Result<Override, ConfigError> {
        let DeValue::Table(t) = v.get_ref() else { unreachable!("checked by `tables`") };
        let mut paths = None;
        let mut rules = BTreeMap::new();
        for (key, value) in in_order(t) {
            match key.get_ref().as_ref() {
                "paths" => paths = Some(self.strings(value, "`paths`", "a list of globs")?),
                "rules" => rules = self.rules(value, "[overrides.rules]")?,
                other => return Err(self.unknown_key(key, other, OVERRIDE_KEYS, "[[overrides]]")),
            }
        }
        let Some(paths) = paths.filter(|p| !p.is_empty()) else {
            return Err(self.error(
                ErrorKind::MissingKey,
                v.span(),
                "an [[overrides]] entry has no `paths`".into(),
                "this entry",
                Some("say which files it is for: paths = [\"opinion/**\"]".into()),
            ));
        };
        let mut set = GlobSetBuilder::new();
        for (p, at) in &paths {
            // `*` stays within one folder; `**` crosses folders
            let glob = GlobBuilder::new(p)
                .literal_separator(true)
                .build()
                .map_err(|e| self.error(ErrorKind::BadGlob, at.clone(), format!("invalid glob `{p}`: {}", e.kind()), "this glob", None))?;
            set.add(glob);
        }
        let globs = set.build().map_err(|e| self.error(ErrorKind::BadGlob, v.span(), format!("invalid globs: {e}"), "these globs", None))?;
        Ok(Override { paths: paths.into_iter().map(|(p, _)| p).collect(), globs, rules })
    }

    /// Reads the lexicon file `name` (relative to `dir`), checking its top-level keys here
    /// for a helpful message and the rest through serde.
    fn lexicon_file(&self, dir: &Path, name: &str, at: std::ops::Range<usize>) -> Result<LexiconExtension, ConfigError> {
        let path = dir.join(name);
        let src = std::fs::read_to_string(&path).map_err(|e| {
            self.error(
                ErrorKind::LexiconFile,
                at.clone(),
                format!("cannot read lexicon file `{name}`: {e}"),
                "this file",
                Some("lexicon paths are relative to the folder of the configuration file".into()),
            )
        })?;
        let shown = Path::new(&self.path).parent().map(|p| p.join(name)).unwrap_or_else(|| PathBuf::from(name));
        let lex_file = SourceFile { path: shown.display().to_string(), src: &src };
        let root = DeTable::parse(&src).map_err(|e| lex_file.toml_error(&e))?;
        for (key, _) in in_order(root.get_ref()) {
            let k = key.get_ref().as_ref();
            if !LexiconExtension::KEYS.contains(&k) {
                let message = match closest(k, LexiconExtension::KEYS.iter().copied()) {
                    Some(s) => format!("unknown key `{k}`, did you mean `{s}`?"),
                    None => format!("unknown key `{k}`"),
                };
                return Err(lex_file.error(
                    ErrorKind::UnknownKey,
                    key.span(),
                    message,
                    "not a lexicon section",
                    Some("a lexicon file holds the sections of grammar/cues.toml and grammar/speakers.toml".into()),
                ));
            }
        }
        let ext: LexiconExtension = toml::from_str(&src).map_err(|e| {
            let mut err = lex_file.toml_error(&e);
            if let ConfigError::Invalid { kind, message, .. } = &mut err {
                *kind = ErrorKind::BadValue;
                *message = message.trim_start_matches("invalid TOML: ").to_string();
            }
            err
        })?;
        let (_, speakers, ..) = crate::lexicon::files();
        for w in &ext.words {
            let n = w.name.get_ref();
            if !speakers.words.iter().any(|l| l.name == *n) {
                let names: Vec<&str> = speakers.words.iter().map(|l| l.name.as_str()).collect();
                let message = match closest(n, names.iter().copied()) {
                    Some(s) => format!("unknown word list `{n}`, did you mean `{s}`?"),
                    None => format!("unknown word list `{n}`"),
                };
                return Err(lex_file.error(ErrorKind::BadValue, w.name.span(), message, "no such list", Some(format!("the word lists are {}", list(&names)))));
            }
        }
        Ok(ext)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Result<ConfigFile, ConfigError> {
        ConfigFile::parse(Path::new("/nowhere/quotecheck.toml"), src)
    }

    fn kind(src: &str) -> ErrorKind {
        parse(src).err().and_then(|e| e.kind()).expect("an error with a kind")
    }

    #[test]
    fn levels_by_code_and_name() {
        let c = parse("[rules]\nQC204 = \"off\"\nstate-reversal = \"warning\"\n").expect("valid");
        assert_eq!(c.rules.get("QC204"), Some(&Level::Off));
        assert_eq!(c.rules.get("QC201"), Some(&Level::On(Severity::Warning)));
    }

    #[test]
    fn problems_have_kinds_and_suggestions() {
        let e = parse("[rulez]\nQC204 = \"off\"\n").expect_err("error");
        assert_eq!(e.to_string(), "unknown key `rulez`, did you mean `rules`?");
        assert_eq!(kind("[rules]\nQC299 = \"off\"\n"), ErrorKind::UnknownRule);
        assert_eq!(kind("[rules]\nQC204 = \"fatal\"\n"), ErrorKind::BadValue);
        assert_eq!(kind("[rules]\nQC204 = false\n"), ErrorKind::WrongType);
        assert_eq!(kind("[rules]\nQC204 = \"off\"\nmodality-gap = \"info\"\n"), ErrorKind::Duplicate);
        assert_eq!(kind("[[speakers]]\naliases = [\"K\"]\n"), ErrorKind::MissingKey);
        assert_eq!(kind("[[speakers]]\nname = \"A B\"\nalias = [\"K\"]\n"), ErrorKind::UnknownKey);
        assert_eq!(kind("[[overrides]]\npaths = [\"a/[\"]\n"), ErrorKind::BadGlob);
        assert_eq!(kind("rules = 3\n"), ErrorKind::WrongType);
        assert_eq!(kind("[rules\n"), ErrorKind::Syntax);
        assert_eq!(kind("lexicon = [\"no-such-file.toml\"]\n"), ErrorKind::LexiconFile);
    }

    #[test]
    fn overrides_match_relative_to_the_config_folder() {
        let c = parse("[rules]\nQC101 = \"error\"\n[[overrides]]\npaths = [\"opinion/**\"]\n[overrides.rules]\nQC101 = \"off\"\n").expect("valid");
        let news = c.config_for(Some(Path::new("/nowhere/news/a.txt")));
        let opinion = c.config_for(Some(Path::new("/nowhere/opinion/2024/a.txt")));
        let elsewhere = c.config_for(Some(Path::new("/elsewhere/opinion/a.txt")));
        assert_eq!(news.levels.get("QC101"), Some(&Level::On(Severity::Error)));
        assert_eq!(opinion.levels.get("QC101"), Some(&Level::Off));
        assert_eq!(elsewhere.levels.get("QC101"), Some(&Level::On(Severity::Error)));
        assert_eq!(c.config_for(None).levels.get("QC101"), Some(&Level::On(Severity::Error)));
    }

    #[test]
    fn normalizing_paths() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}
