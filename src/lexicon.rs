//! The language facts quotecheck uses, loaded from the TOML files in `grammar/`.
//!
//! The files are compiled into the binary (`include_str!`) so the tool has no data to find
//! at run time; [`Lexicon::builtin`] parses them once. The raw file structures are public so
//! that the test that runs every entry's examples can walk them.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use serde::Deserialize;
use std::sync::OnceLock;

pub const CUES: &str = include_str!("../grammar/cues.toml");
pub const SPEAKERS: &str = include_str!("../grammar/speakers.toml");
pub const ABBREVIATIONS: &str = include_str!("../grammar/abbreviations.toml");
pub const CLAIMS: &str = include_str!("../grammar/claims.toml");
pub const PREDICATES: &str = include_str!("../grammar/predicates.toml");
pub const OPPOSITION: &str = include_str!("../grammar/opposition.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuesFile {
    #[serde(default)]
    pub takes_object: Vec<String>,
    #[serde(default)]
    pub irregular_past: Vec<String>,
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    #[serde(default)]
    pub clause_breaks_after_comma: Vec<String>,
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    #[serde(default)]
    pub participle_breaks: Vec<String>,
    #[serde(default)]
    pub noun_forms: Vec<String>,
    #[serde(default)]
    pub any_subject: Vec<String>,
    pub cue: Vec<CueEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueEntry {
    pub lemma: String,
    pub class: CueClass,
    /// Only right after a quotation, inverted ("“...,” read the notice").
    #[serde(default)]
    pub after_quote_only: bool,
    /// Only before a "to" infinitive, which is the reported content ("seemed to back the
    /// plan", "declined to comment"); elsewhere the word is no cue ("appeared on stage").
    #[serde(default)]
    pub before_to_only: bool,
    /// Never a cue before a "to" infinitive or a participle, where it only says that
    /// something goes on ("continues to grow", "continued talking").
    #[serde(default)]
    pub never_before_to: bool,
    /// Reports a clause only: a one- or two-word object is a thing, not words ("added two
    /// crews", "wrote to investors", "went on television").
    #[serde(default)]
    pub clause_only: bool,
    /// Reports a stance only with an "as" complement after its object or with a that-clause
    /// ("sees the levy as a tax", "saw that the vote was lost"); elsewhere the verb tells
    /// what someone saw or went through ("saw the parade", "will see fares rise").
    #[serde(default)]
    pub complement_only: bool,
    /// An evidential verb ("seems", "appeared", "is expected"): what it reports is its
    /// subject together with the complement ("the plan seemed doomed", "Holt is expected to
    /// win"), whether or not anyone is named as holding that view.
    #[serde(default)]
    pub evidential: bool,
    pub forms: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueClass {
    Speech,
    Belief,
    Intention,
    /// A position taken towards something (endorse, back, oppose): what is reported is the
    /// object, often a bare noun phrase ("endorsed the levy").
    Stance,
    Writing,
    AccordingTo,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakersFile {
    pub determiners: Vec<String>,
    pub modifiers: Vec<String>,
    pub not_heads: Vec<String>,
    #[serde(default)]
    pub not_surnames: Vec<String>,
    pub adverbs: Vec<String>,
    #[serde(default)]
    pub adjuncts: Vec<String>,
    pub not_names: Vec<String>,
    pub pronoun: Vec<PronounEntry>,
    pub honorific: Vec<WordsEntry>,
    pub role: Vec<WordsEntry>,
    pub group: Vec<WordsEntry>,
    pub organization: Vec<OrgEntry>,
    pub words: Vec<WordListEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordListEntry {
    pub name: String,
    pub words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<SpeakerExample>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerExample {
    pub text: String,
    pub speaker: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PronounEntry {
    pub form: String,
    pub gender: Gender,
    pub number: Number,
    #[serde(default)]
    pub organization: bool,
    /// "I", "we": the writer, or the speaker of the quotation it stands in; never a
    /// stand-in for someone named earlier.
    #[serde(default)]
    pub first_person: bool,
    /// The possessive determiner of the pronoun ("his" of "he"): "his claim that ..." is
    /// his report.
    #[serde(default)]
    pub possessive: Option<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordsEntry {
    pub forms: Vec<String>,
    #[serde(default)]
    pub gender: Gender,
    #[serde(default)]
    pub examples: Vec<String>,
    pub expect: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgEntry {
    #[serde(default)]
    pub generic: Vec<String>,
    pub heads: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
    pub expect: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Number {
    Singular,
    Plural,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbbreviationsFile {
    pub sentence_starters: Vec<String>,
    pub abbreviation: Vec<AbbrevEntry>,
    #[serde(default)]
    pub contraction: Vec<ContractionEntry>,
    #[serde(default)]
    pub small_words: Vec<SmallWordsEntry>,
}

/// The contractions of one kind (word-final forms or whole words) with the words each stands
/// for: forms lowercase, with ' for ’.
fn contractions(abbr: &AbbreviationsFile, suffix: bool) -> impl Iterator<Item = (String, Vec<String>)> + '_ {
    abbr.contraction
        .iter()
        .filter(move |e| e.suffix == suffix)
        .flat_map(|e| e.forms.iter().map(move |f| (f.to_lowercase().replace('’', "'"), e.expands.split(' ').map(str::to_string).collect())))
}

/// Words of a closed class that a remark quoted two ways may differ in (grammar/abbreviations.toml
/// `[[small_words]]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmallWordsEntry {
    pub group: String,
    pub forms: Vec<String>,
    /// Pairs of wordings of one remark that differ in words of the group only.
    #[serde(default)]
    pub examples: Vec<[String; 2]>,
}

/// A contraction and the words it stands for (grammar/abbreviations.toml `[[contraction]]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractionEntry {
    /// The forms end a word ("n't" in "didn't") rather than being the whole word ("won't").
    #[serde(default)]
    pub suffix: bool,
    pub forms: Vec<String>,
    pub expands: String,
    /// Pairs of wordings, contracted and not, that read as the same words.
    #[serde(default)]
    pub examples: Vec<[String; 2]>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbbrevEntry {
    pub group: String,
    pub can_end: bool,
    pub forms: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimsFile {
    pub negation: Vec<FormsEntry>,
    pub modality: Vec<FormsEntry>,
    pub certainty: Vec<FormsEntry>,
    pub aspect: Vec<FormsEntry>,
    pub scope: Vec<FormsEntry>,
    pub anaphoric: Vec<FormsEntry>,
    pub stance: Vec<FormsEntry>,
    pub light_verb: Vec<FormsEntry>,
    pub embedding: Vec<FormsEntry>,
    pub past: Vec<FormsEntry>,
    pub present: Vec<FormsEntry>,
    pub scope_contrast: Vec<PairsEntry>,
    #[serde(default)]
    pub subordinate: Vec<FormsEntry>,
    #[serde(default)]
    pub sequence: Vec<FormsEntry>,
    #[serde(default)]
    pub approximation: Vec<FormsEntry>,
    #[serde(default)]
    pub bound: Vec<FormsEntry>,
    #[serde(default)]
    pub per_head: Vec<FormsEntry>,
    #[serde(default)]
    pub denial: Vec<FormsEntry>,
    #[serde(default)]
    pub calendar: Vec<FormsEntry>,
    #[serde(default)]
    pub changed_from: Vec<FormsEntry>,
    #[serde(default)]
    pub unit: Vec<FormsEntry>,
    #[serde(default)]
    pub multiplier: Vec<FormsEntry>,
    #[serde(default)]
    pub share: Vec<ShareEntry>,
}

/// grammar/claims.toml `[[share]]`: a share said in words ("a majority of", "two-thirds
/// of"), read as a figure in percent.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareEntry {
    pub percent: f64,
    /// "lower" when the words say more than `percent` ("a majority of"), "upper" when less.
    pub bound: Option<String>,
    /// Each ends in "of".
    pub forms: Vec<String>,
    /// Words that, right before a form, make it a part of something else than a share
    /// ("the second half of the year").
    #[serde(default)]
    pub not_after: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairsEntry {
    pub pairs: Vec<[String; 2]>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormsEntry {
    pub value: Option<String>,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub suffixes: Vec<String>,
    /// Forms that count only as the first word of a clause.
    #[serde(default)]
    pub initial: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

/// grammar/opposition.toml: word pairs whose claims cannot both hold of one thing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OppositionFile {
    pub pair: Vec<OppositionEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OppositionEntry {
    pub a: Vec<String>,
    pub b: Vec<String>,
    /// antonym, reversal or stance
    pub kind: String,
    /// oewn (Open English WordNet) or project
    pub source: String,
    /// Two sentences, one for each side, about the same thing.
    pub example: [String; 2],
}

/// The parsed opposition file.
pub fn opposition_file() -> OppositionFile {
    parse("opposition.toml", OPPOSITION_JSON)
}

// The grammar files as JSON, converted by build.rs (serde_json reads them much faster than
// the TOML parser; the data are the same).
const CUES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/cues.json"));
const SPEAKERS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/speakers.json"));
const ABBREVIATIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/abbreviations.json"));
const CLAIMS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/claims.json"));
const PREDICATES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/predicates.json"));
const OPPOSITION_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/opposition.json"));
// ... and without the entries' examples, which only the tests read (see [`files`])
const CUES_RUN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/cues.run.json"));
const SPEAKERS_RUN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/speakers.run.json"));
const ABBREVIATIONS_RUN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/abbreviations.run.json"));
const CLAIMS_RUN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/claims.run.json"));
const PREDICATES_RUN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/predicates.run.json"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredicatesFile {
    #[serde(default)]
    pub noun_markers: Vec<String>,
    pub class: Vec<ClassEntry>,
    #[serde(default)]
    pub idiom: Vec<IdiomEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdiomEntry {
    pub class: String,
    pub verbs: Vec<String>,
    pub objects: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassEntry {
    pub name: String,
    pub verbs: Vec<String>,
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub opposes: Vec<String>,
    /// A step one person or body takes once (resigning, withdrawing): two claims of the class
    /// about the same participant are about the same step even when one says nothing else
    /// ("I will not resign" / "she has offered her resignation"). Not for what people do
    /// again and again (talk, know, win), where a shared participant says little.
    #[serde(default)]
    pub personal: bool,
    #[serde(default)]
    pub examples: Vec<String>,
}

/// An extra lexicon file, named by `lexicon = [...]` in `quotecheck.toml`: the sections of
/// grammar/cues.toml and grammar/speakers.toml, each optional, and entries without examples
/// allowed. [`Lexicon::extended`] merges it over the built-in lexicon.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconExtension {
    // grammar/cues.toml
    #[serde(default)]
    pub takes_object: Vec<String>,
    #[serde(default)]
    pub irregular_past: Vec<String>,
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    #[serde(default)]
    pub clause_breaks_after_comma: Vec<String>,
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    #[serde(default)]
    pub participle_breaks: Vec<String>,
    #[serde(default)]
    pub noun_forms: Vec<String>,
    #[serde(default)]
    pub any_subject: Vec<String>,
    #[serde(default)]
    pub cue: Vec<CueEntry>,
    // grammar/speakers.toml
    #[serde(default)]
    pub determiners: Vec<String>,
    #[serde(default)]
    pub modifiers: Vec<String>,
    #[serde(default)]
    pub not_heads: Vec<String>,
    #[serde(default)]
    pub not_surnames: Vec<String>,
    #[serde(default)]
    pub adverbs: Vec<String>,
    #[serde(default)]
    pub adjuncts: Vec<String>,
    #[serde(default)]
    pub not_names: Vec<String>,
    #[serde(default)]
    pub pronoun: Vec<PronounEntry>,
    #[serde(default)]
    pub honorific: Vec<WordsEntry>,
    #[serde(default)]
    pub role: Vec<WordsEntry>,
    #[serde(default)]
    pub group: Vec<WordsEntry>,
    #[serde(default)]
    pub organization: Vec<OrgEntry>,
    #[serde(default)]
    pub words: Vec<ExtraWordList>,
}

/// Words added to one of the closed word classes of grammar/speakers.toml (`[[words]]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraWordList {
    /// The name of an existing list; a new name would be read by no code.
    pub name: toml::Spanned<String>,
    pub words: Vec<String>,
    #[serde(default)]
    pub examples: Vec<SpeakerExample>,
}

impl LexiconExtension {
    /// The top-level keys an extension file may hold.
    pub const KEYS: &'static [&'static str] = &[
        "takes_object",
        "irregular_past",
        "auxiliaries",
        "clause_breaks_after_comma",
        "clause_breaks",
        "participle_breaks",
        "noun_forms",
        "any_subject",
        "cue",
        "determiners",
        "modifiers",
        "not_heads",
        "not_surnames",
        "adverbs",
        "adjuncts",
        "not_names",
        "pronoun",
        "honorific",
        "role",
        "group",
        "organization",
        "words",
    ];

    fn merge_into(&self, cues: &mut CuesFile, speakers: &mut SpeakersFile) {
        // the built-in tables are lowercase; so is what a user adds
        let low = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        let low_words = |e: &WordsEntry| WordsEntry { forms: low(&e.forms), ..e.clone() };
        cues.takes_object.extend(low(&self.takes_object));
        cues.irregular_past.extend(low(&self.irregular_past));
        cues.auxiliaries.extend(low(&self.auxiliaries));
        cues.clause_breaks_after_comma.extend(low(&self.clause_breaks_after_comma));
        cues.clause_breaks.extend(low(&self.clause_breaks));
        cues.participle_breaks.extend(low(&self.participle_breaks));
        cues.noun_forms.extend(low(&self.noun_forms));
        cues.any_subject.extend(low(&self.any_subject));
        for c in &self.cue {
            let c = CueEntry { lemma: c.lemma.to_lowercase(), forms: low(&c.forms), ..c.clone() };
            // a form belongs to one cue only: the user's entry takes it over
            for b in &mut cues.cue {
                b.forms.retain(|f| !c.forms.contains(f));
            }
            cues.cue.push(c);
        }
        speakers.determiners.extend(low(&self.determiners));
        speakers.modifiers.extend(low(&self.modifiers));
        speakers.not_heads.extend(low(&self.not_heads));
        speakers.not_surnames.extend(low(&self.not_surnames));
        speakers.adverbs.extend(low(&self.adverbs));
        speakers.adjuncts.extend(low(&self.adjuncts));
        speakers.not_names.extend(low(&self.not_names));
        speakers.pronoun.extend(self.pronoun.iter().map(|p| PronounEntry { form: p.form.to_lowercase(), ..p.clone() }));
        speakers.honorific.extend(self.honorific.iter().map(low_words));
        speakers.role.extend(self.role.iter().map(low_words));
        speakers.group.extend(self.group.iter().map(low_words));
        speakers.organization.extend(self.organization.iter().map(|o| OrgEntry { heads: low(&o.heads), generic: low(&o.generic), ..o.clone() }));
        for w in &self.words {
            if let Some(list) = speakers.words.iter_mut().find(|l| l.name == *w.name.get_ref()) {
                list.words.extend(low(&w.words));
            }
        }
    }
}

/// A lookup table from lowercase word sequences to values. Single words are a hash lookup;
/// phrases are indexed by their first word, longest first, so matching stays linear.
///
/// Once the lexicon is built, the same phrases are also held as sequences of word ids (see
/// [`Lexicon::word_id`]): [`PhraseTable::longest_ids`] matches the ids the scanner gave the
/// tokens, with an array index for the first word and integer compares for the rest, where
/// [`PhraseTable::longest`] hashes and compares strings.
#[derive(Debug)]
pub struct PhraseTable<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    /// By word id: 1 + the index in `id_lists` of the phrases starting with that word, 0 for none.
    id_first: Vec<u32>,
    /// The phrases of `by_first` as word ids, in the same order (longest first).
    id_lists: Vec<Vec<(Box<[WordId]>, T)>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable { by_first: HashMap::new(), id_first: Vec::new(), id_lists: Vec::new() }
    }
}

impl<T: Clone> PhraseTable<T> {
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return;
        }
        let list = self.by_first.entry(words[0].clone()).or_default();
        list.push((words, value));
        list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }

    /// The longest phrase starting at `words[0]`, with its length in words.
    pub fn longest<'a, S: AsRef<str>>(&'a self, words: &[S]) -> Option<(usize, &'a T)> {
        let first = words.first()?.as_ref();
        let list = self.by_first.get(first)?;
        list.iter().find(|(ws, _)| ws.len() <= words.len() && ws.iter().zip(words).all(|(a, b)| a == b.as_ref())).map(|(ws, v)| (ws.len(), v))
    }

    pub fn contains_word(&self, w: &str) -> bool {
        self.by_first.get(w).is_some_and(|l| l.iter().any(|(ws, _)| ws.len() == 1))
    }

    /// Whether some phrase starts with the word `id`: without it, [`PhraseTable::longest_ids`]
    /// finds nothing, and the ids of the words after it need not be gathered.
    pub fn starts_with_id(&self, id: WordId) -> bool {
        self.id_first.get(id as usize).is_some_and(|&x| x != 0)
    }

    /// [`PhraseTable::longest`] over word ids: the longest phrase starting at `ids[0]`.
    ///
    /// (Asked of nearly every word, and most words start no phrase: that answer is given
    /// inline, without a call; the phrases of a word that starts some are compared out of line.)
    #[inline]
    pub fn longest_ids(&self, ids: &[WordId]) -> Option<(usize, &T)> {
        let first = *ids.first()? as usize;
        let list = (*self.id_first.get(first)? as usize).checked_sub(1)?;
        self.longest_in_list(list, ids)
    }

    /// [`PhraseTable::longest_ids`] among the phrases of `id_lists[list]`.
    #[inline(never)]
    fn longest_in_list(&self, list: usize, ids: &[WordId]) -> Option<(usize, &T)> {
        self.id_lists[list].iter().find(|(ws, _)| ws.len() <= ids.len() && ws[1..] == ids[1..ws.len()]).map(|(ws, v)| (ws.len(), v))
    }

    /// Every word of every phrase, for the vocabulary.
    fn words(&self) -> impl Iterator<Item = &str> {
        self.by_first.values().flatten().flat_map(|(ws, _)| ws.iter().map(String::as_str))
    }

    /// Fills the id index from the string index once the vocabulary holds every word.
    fn index_ids(&mut self, vocab: &Vocab) {
        self.id_first = vec![0; vocab.len()];
        self.id_lists.clear();
        let id = |w: &str| vocab.get(w).unwrap_or_else(|| panic!("{w:?} is in the vocabulary"));
        for (first, list) in &self.by_first {
            self.id_lists.push(list.iter().map(|(ws, v)| (ws.iter().map(|w| id(w)).collect(), v.clone())).collect());
            self.id_first[id(first) as usize] = self.id_lists.len() as u32;
        }
    }
}

/// The vocabulary of the lexicon, word -> [`WordId`]. Every token of every document is
/// looked up here once ([`Lexicon::word_id`]). A word of up to seven bytes (most words of
/// news prose, and every punctuation mark) is keyed by one integer, its bytes and its
/// length, so that its look-up hashes no string and compares no bytes in memory; a
/// longer word is keyed by its string.
#[derive(Debug, Default)]
struct Vocab {
    short: HashMap<u64, WordId>,
    long: HashMap<Box<str>, WordId>,
}

impl Vocab {
    /// The integer key of a word of up to seven bytes: its bytes, then its length in the
    /// top byte (so "a" and "a\0" differ).
    fn short_key(w: &str) -> Option<u64> {
        let b = w.as_bytes();
        if b.len() > 7 {
            return None;
        }
        let mut key = (b.len() as u64) << 56;
        for (i, &c) in b.iter().enumerate() {
            key |= u64::from(c) << (8 * i);
        }
        Some(key)
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    fn get(&self, w: &str) -> Option<WordId> {
        match Self::short_key(w) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(w).copied(),
        }
    }

    /// The id of `w`, which becomes the next id if the word is new. (A word already there is
    /// looked up, not copied into a new key first: most words come several times, from
    /// several lists and phrases.)
    fn id_or_insert(&mut self, w: &str) -> WordId {
        let n = self.len() as WordId;
        match Self::short_key(w) {
            Some(k) => *self.short.entry(k).or_insert(n),
            None => {
                if let Some(&id) = self.long.get(w) {
                    return id;
                }
                self.long.insert(w.into(), n);
                n
            }
        }
    }

    /// Every word (for the tests).
    #[cfg(test)]
    fn words(&self) -> Vec<String> {
        let short = self.short.keys().map(|&k| {
            let bytes: Vec<u8> = (0..(k >> 56) as usize).map(|i| (k >> (8 * i)) as u8).collect();
            String::from_utf8(bytes).unwrap_or_default()
        });
        short.chain(self.long.keys().map(|w| w.to_string())).collect()
    }
}

/// The id of a word of the lexicon's vocabulary: every word that some word list, set, table
/// or phrase of the grammar files holds. The scanner gives every token the id of its
/// lowercase form once ([`crate::scan::Scan::words`]), so that testing a token against a
/// word class is one bit test ([`Lexicon::word_has`]) and matching a phrase compares
/// integers, instead of hashing the same string again at every question.
pub type WordId = u32;

/// The id of any word that is in no list of the lexicon.
pub const NO_WORD: WordId = u32::MAX;

/// The word classes a token is tested against on the hot paths, one bit each in the class
/// set of a vocabulary word ([`Lexicon::word_classes`]). The first group are sets of their
/// own in [`Lexicon`]; the rest are the `[[words]]` lists of grammar/speakers.toml, by name
/// ([`WordClass::list_name`]). What the classes hold is data in `grammar/`; this only names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum WordClass {
    Pronoun,
    Determiner,
    Role,
    Group,
    Modifier,
    NotName,
    NotHead,
    NotSurname,
    Adverb,
    Auxiliary,
    SentenceStarter,
    OrgHead,
    ClauseBreakAfterComma,
    ClauseBreak,
    ParticipleBreak,
    NounFormCue,
    IrregularPastCue,
    PresentAuxiliary,
    NounMarker,
    InitialConditional,
    /// A one-word cue form ([`PhraseTable::contains_word`] of `cues`).
    CueWord,
    /// A key of `opposition`.
    Opposition,
    /// A key of `idioms`.
    Idiom,
    // the [[words]] lists of grammar/speakers.toml
    NameParticles,
    NameSuffixes,
    RolePrepositions,
    RoleLinks,
    PassiveAuxiliaries,
    RelativePronouns,
    RestrictiveRelatives,
    SubjectPronouns,
    ObjectPronouns,
    DocumentNouns,
    GroupDeterminers,
    SingularQuantities,
    SettingPrepositions,
    ThingPronouns,
    ReportGoesOn,
    FindingNouns,
    QuestionWords,
    ClauseOpeners,
    Coordinators,
    PluralNouns,
    IndefiniteArticles,
    Quantifiers,
    StanceNounFollowers,
    Expletives,
    CueParticles,
    PublishingVerbs,
    Subordinators,
    SourcePostmodifiers,
    NamingWords,
    TimeDeterminers,
    LyNouns,
    ParticipleGoesOn,
    PastAuxiliaries,
    QuotingFrames,
    FloatingQuantifiers,
    AppositiveArticles,
    ParticipleObjectOpeners,
    IrregularPasts,
    /// A small word of grammar/abbreviations.toml (`small_words`).
    SmallWord,
    /// A whole-word contraction of grammar/abbreviations.toml (`contraction_words`).
    Contraction,
}

impl WordClass {
    /// The `[[words]]` lists of grammar/speakers.toml that have a class, by name.
    pub const LISTS: [(&'static str, WordClass); 38] = [
        ("name_particles", WordClass::NameParticles),
        ("name_suffixes", WordClass::NameSuffixes),
        ("role_prepositions", WordClass::RolePrepositions),
        ("role_links", WordClass::RoleLinks),
        ("passive_auxiliaries", WordClass::PassiveAuxiliaries),
        ("relative_pronouns", WordClass::RelativePronouns),
        ("restrictive_relatives", WordClass::RestrictiveRelatives),
        ("subject_pronouns", WordClass::SubjectPronouns),
        ("object_pronouns", WordClass::ObjectPronouns),
        ("document_nouns", WordClass::DocumentNouns),
        ("group_determiners", WordClass::GroupDeterminers),
        ("singular_quantities", WordClass::SingularQuantities),
        ("setting_prepositions", WordClass::SettingPrepositions),
        ("thing_pronouns", WordClass::ThingPronouns),
        ("report_goes_on", WordClass::ReportGoesOn),
        ("finding_nouns", WordClass::FindingNouns),
        ("question_words", WordClass::QuestionWords),
        ("clause_openers", WordClass::ClauseOpeners),
        ("coordinators", WordClass::Coordinators),
        ("plural_nouns", WordClass::PluralNouns),
        ("indefinite_articles", WordClass::IndefiniteArticles),
        ("quantifiers", WordClass::Quantifiers),
        ("stance_noun_followers", WordClass::StanceNounFollowers),
        ("expletives", WordClass::Expletives),
        ("cue_particles", WordClass::CueParticles),
        ("publishing_verbs", WordClass::PublishingVerbs),
        ("subordinators", WordClass::Subordinators),
        ("source_postmodifiers", WordClass::SourcePostmodifiers),
        ("naming_words", WordClass::NamingWords),
        ("time_determiners", WordClass::TimeDeterminers),
        ("ly_nouns", WordClass::LyNouns),
        ("participle_goes_on", WordClass::ParticipleGoesOn),
        ("past_auxiliaries", WordClass::PastAuxiliaries),
        ("quoting_frames", WordClass::QuotingFrames),
        ("floating_quantifiers", WordClass::FloatingQuantifiers),
        ("appositive_articles", WordClass::AppositiveArticles),
        ("participle_object_openers", WordClass::ParticipleObjectOpeners),
        ("irregular_pasts", WordClass::IrregularPasts),
    ];

    /// The name of the `[[words]]` list this class is, if it is one.
    pub fn list_name(self) -> Option<&'static str> {
        Self::LISTS.iter().find(|(_, c)| *c == self).map(|(n, _)| *n)
    }

    /// The class's bit in a class set ([`Lexicon::word_classes`]).
    pub const fn bit(self) -> u64 {
        1 << self as u32
    }
}

// every class has a bit of the u64 class set
const _: () = assert!((WordClass::Contraction as u32) < 64);

#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub class: CueClass,
    pub lemma: u16,
}

#[derive(Debug, Clone, Copy)]
pub struct Abbrev {
    pub can_end: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FrameWord {
    Negation,
    Modality(crate::claims::Modality),
    Certainty,
    Aspect(crate::claims::Aspect),
    Exception,
    Anaphoric,
    Stance(crate::claims::Stance),
    LightVerb,
    Embedding,
    Past,
    /// Opens a subordinate clause ("until", "because").
    Subordinate,
    /// Calls the clause after it false ("the myth that").
    Denial,
}

/// A predicate word: its class, and whether it is a verb (asserts the event) or a noun.
#[derive(Debug, Clone, Copy)]
pub struct Predicate {
    pub class: u16,
    pub verb: bool,
}

#[derive(Debug)]
pub struct Lexicon {
    pub cues: PhraseTable<Cue>,
    pub cue_lemmas: Vec<String>,
    /// Cue lemmas (indices into `cue_lemmas`) whose verb takes an object: told reporters.
    pub object_cues: HashSet<u16>,
    /// Cue lemmas used only inverted right after a quotation.
    pub after_quote_only: HashSet<u16>,
    /// Cue lemmas used only before a "to" infinitive.
    pub before_to_only: HashSet<u16>,
    pub never_before_to: HashSet<u16>,
    pub clause_only: HashSet<u16>,
    /// Cue lemmas that report only with an "as" complement or a that-clause.
    pub complement_only: HashSet<u16>,
    pub evidential: HashSet<u16>,
    /// Cue lemmas whose forms are hardly ever nouns: any plain noun phrase before them is
    /// their subject ("Protest groups say ...").
    pub any_subject_cues: HashSet<u16>,
    pub cue_irregular_past: HashSet<String>,
    /// Auxiliaries between a speaker and a cue ("has said").
    pub auxiliaries: HashSet<String>,
    pub clause_breaks_after_comma: HashSet<String>,
    pub clause_breaks: HashSet<String>,
    pub participle_breaks: HashSet<String>,
    pub noun_form_cues: HashSet<String>,
    pub abbreviations: HashMap<String, Abbrev>,
    pub sentence_starters: HashSet<String>,
    /// Whole-word contractions ("won't") and the words they stand for.
    pub contraction_words: HashMap<String, Vec<String>>,
    /// Word-final contractions ("n't", "'ll") and the words they stand for, longest first.
    pub contraction_suffixes: Vec<(String, Vec<String>)>,
    /// The small words of grammar/abbreviations.toml (articles, pronouns, prepositions, ...).
    pub small_words: HashSet<String>,
    pub determiners: HashSet<String>,
    pub modifiers: HashSet<String>,
    pub not_heads: HashSet<String>,
    pub not_surnames: HashSet<String>,
    /// Closed word classes by name (grammar/speakers.toml, `[[words]]`).
    pub word_lists: HashMap<String, HashSet<String>>,
    pub adverbs: HashSet<String>,
    /// Phrases between a cue and its clause ("in a statement").
    pub adjuncts: PhraseTable<()>,
    pub not_names: HashSet<String>,
    pub pronouns: HashMap<String, PronounEntry>,
    /// The possessive determiners of `pronouns`, each to its pronoun's form ("his" -> "he").
    possessives: HashMap<String, String>,
    pub honorifics: PhraseTable<Gender>,
    pub roles: HashMap<String, Gender>,
    pub groups: HashSet<String>,
    pub org_heads: HashSet<String>,
    /// generic noun ("company") -> the head words of organisations it may refer to
    pub org_generic: HashMap<String, HashSet<String>>,
    pub frame_words: PhraseTable<Vec<FrameWord>>,
    /// Conditional openers that count only clause-initially ("Should the audit ...").
    pub initial_conditionals: HashSet<String>,
    /// verb form -> (object words, class) for idioms like "cut ... jobs".
    pub idioms: HashMap<String, Vec<(HashSet<String>, u16)>>,
    pub negation_suffixes: Vec<String>,
    /// The last bytes of `negation_suffixes` (every byte for an empty suffix), for
    /// [`Lexicon::has_negation_suffix`] to rule most words out with one load.
    negation_suffix_ends: [bool; 256],
    pub present_auxiliaries: HashSet<String>,
    /// Setting words that keep two claims apart (bilateral / multilateral).
    pub scope_contrasts: Vec<(String, String)>,
    /// Words that put past claims in a sequence ("for", "after"): claims.toml `[[sequence]]`.
    pub sequence_words: HashSet<String>,
    /// grammar/opposition.toml: form -> (pair index, side b?).
    pub opposition: HashMap<String, (u16, bool)>,
    /// The pairs, for naming them in findings.
    pub opposition_pairs: Vec<OppositionEntry>,
    /// Exception and side-event phrases of grammar/claims.toml `[[scope]]` ("except for").
    pub exception_forms: Vec<String>,
    /// Words before a number that make it an estimate ("about", "more than").
    pub approximations: HashSet<String>,
    /// grammar/claims.toml `[[bound]]`: form -> a lower bound ("more than") or not ("up to").
    pub bounds: HashMap<String, bool>,
    /// grammar/claims.toml `[[calendar]]`: months and weekdays, lowercase.
    pub calendar: HashSet<String>,
    /// grammar/claims.toml `[[per_head]]`: "each" after a figure.
    pub per_head: HashSet<String>,
    /// grammar/claims.toml `[[changed_from]]`: "from" before a figure.
    pub changed_from: HashSet<String>,
    /// grammar/claims.toml `[[share]]`: form (ending in "of") -> percent in hundredths, and
    /// a lower bound (true), an upper one (false) or none.
    pub shares: HashMap<String, (u64, Option<bool>)>,
    /// The word before "of" of every share form ("majority", "thirds"): only a word of these
    /// asks the share table.
    pub share_heads: HashSet<String>,
    /// Words before a share form that make it no share ("second half of").
    pub share_blockers: HashSet<String>,
    /// What a number counts: noun (or phrase) -> normalised unit ("jobs" -> "people").
    pub units: HashMap<String, String>,
    /// Every word of a unit form ("percentage" of "percentage points"): part of how a figure
    /// is written, never what it measures.
    pub unit_words: HashSet<String>,
    /// Words after a number that multiply it ("million").
    pub multipliers: HashMap<String, f64>,
    /// The distinct words of `scope_contrasts`, and the pairs as indices into them.
    pub setting_words: Vec<String>,
    pub setting_pairs: Vec<(usize, usize)>,
    /// [`Lexicon::setting_bits`] without allocating: the bit of each one-word setting word, by
    /// its bytes, and the phrases ("in person") with theirs.
    setting_index: HashMap<Box<[u8]>, u64>,
    setting_phrases: Vec<(Box<[u8]>, u64)>,
    /// The length in bytes of the longest one-word setting word: longer words are no hit.
    setting_word_max: usize,
    /// By first byte, the lengths (bit n for n bytes, under 64) of the one-word setting words
    /// starting with it: most words of a claim are no setting word, and this says so without
    /// hashing them.
    setting_shapes: [u64; 128],
    pub predicates: PhraseTable<Predicate>,
    /// Words after which a verb-form predicate is a noun ("last fall").
    pub noun_markers: HashSet<String>,
    pub classes: Vec<ClassEntry>,
    /// By predicate class: the classes its `opposes` entries name, by index, in order.
    class_opposes: Vec<Vec<u16>>,
    /// The vocabulary: every word of the lexicon's lists, sets and phrases, with its id.
    vocab: Vocab,
    /// By word id: the [`WordClass`]es the word belongs to, as a bit set.
    word_classes: Vec<u64>,
}

/// A grammar file, from its JSON form (see build.rs).
fn parse<T: serde::de::DeserializeOwned>(name: &str, src: &str) -> T {
    match serde_json::from_str(src) {
        Ok(v) => v,
        // The grammar files are compiled in and checked by the test suite; a broken one is a
        // build defect, not bad user input.
        Err(e) => panic!("grammar/{name} is invalid: {e}"),
    }
}

impl Lexicon {
    /// The lexicon built from the grammar files compiled into quotecheck.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let (cues, speakers, abbr, claims, preds) = runtime_files();
        Lexicon::from_files(cues, speakers, abbr, claims, preds)
    }

    /// The built-in lexicon with the entries of `extensions` merged over it, in order: lists
    /// are extended, and a cue form an extension lists leaves the built-in cue it belonged to.
    /// Build it once per configuration (a few milliseconds) and share it.
    pub fn extended(extensions: &[LexiconExtension]) -> Lexicon {
        let (mut cues, mut speakers, abbr, claims, preds) = runtime_files();
        for x in extensions {
            x.merge_into(&mut cues, &mut speakers);
        }
        Lexicon::from_files(cues, speakers, abbr, claims, preds)
    }

    fn from_files(cues: CuesFile, speakers: SpeakersFile, abbr: AbbreviationsFile, claims: ClaimsFile, preds: PredicatesFile) -> Lexicon {
        // The parsed files are consumed: their strings move into the tables rather than being
        // copied and then dropped (start-up cost, paid by every process: most of it is
        // allocation). A word already lowercase is kept as it is.
        let lower = |s: String| if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) { s.to_lowercase() } else { s };
        let set = |v: Vec<String>| v.into_iter().map(lower).collect::<HashSet<_>>();
        let (mut cues, mut speakers, mut abbr, mut claims, mut preds) = (cues, speakers, abbr, claims, preds);
        let take = std::mem::take::<Vec<String>>;

        let mut lex = Lexicon {
            cues: PhraseTable::default(),
            cue_lemmas: Vec::new(),
            object_cues: HashSet::new(),
            after_quote_only: HashSet::new(),
            before_to_only: HashSet::new(),
            never_before_to: HashSet::new(),
            clause_only: HashSet::new(),
            complement_only: HashSet::new(),
            evidential: HashSet::new(),
            any_subject_cues: HashSet::new(),
            cue_irregular_past: take(&mut cues.irregular_past).into_iter().collect(),
            auxiliaries: take(&mut cues.auxiliaries).into_iter().collect(),
            clause_breaks_after_comma: take(&mut cues.clause_breaks_after_comma).into_iter().collect(),
            clause_breaks: take(&mut cues.clause_breaks).into_iter().collect(),
            participle_breaks: take(&mut cues.participle_breaks).into_iter().collect(),
            noun_form_cues: take(&mut cues.noun_forms).into_iter().collect(),
            abbreviations: HashMap::new(),
            sentence_starters: set(take(&mut abbr.sentence_starters)),
            contraction_words: contractions(&abbr, false).collect(),
            small_words: abbr.small_words.iter_mut().flat_map(|e| take(&mut e.forms).into_iter().map(lower)).collect(),
            contraction_suffixes: {
                let mut v: Vec<(String, Vec<String>)> = contractions(&abbr, true).collect();
                v.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
                v
            },
            determiners: set(take(&mut speakers.determiners)),
            modifiers: set(take(&mut speakers.modifiers)),
            not_heads: set(take(&mut speakers.not_heads)),
            not_surnames: set(take(&mut speakers.not_surnames)),
            word_lists: speakers.words.iter_mut().map(|w| (std::mem::take(&mut w.name), take(&mut w.words).into_iter().collect())).collect(),
            adverbs: set(take(&mut speakers.adverbs)),
            adjuncts: PhraseTable::default(),
            not_names: set(take(&mut speakers.not_names)),
            pronouns: speakers.pronoun.iter().map(|p| (p.form.clone(), p.clone())).collect(),
            possessives: speakers.pronoun.iter().filter_map(|p| Some((p.possessive.clone()?, p.form.clone()))).collect(),
            honorifics: PhraseTable::default(),
            roles: HashMap::new(),
            groups: HashSet::new(),
            org_heads: HashSet::new(),
            org_generic: HashMap::new(),
            frame_words: PhraseTable::default(),
            initial_conditionals: HashSet::new(),
            idioms: HashMap::new(),
            negation_suffixes: Vec::new(),
            negation_suffix_ends: [false; 256],
            present_auxiliaries: claims.present.iter_mut().flat_map(|e| take(&mut e.forms)).collect(),
            scope_contrasts: claims.scope_contrast.iter().flat_map(|e| e.pairs.iter().map(|[a, b]| (a.clone(), b.clone()))).collect(),
            approximations: claims.approximation.iter_mut().flat_map(|e| take(&mut e.forms)).collect(),
            calendar: claims.calendar.iter_mut().flat_map(|e| take(&mut e.forms)).collect(),
            per_head: claims.per_head.iter_mut().flat_map(|e| take(&mut e.forms)).collect(),
            changed_from: claims.changed_from.iter_mut().flat_map(|e| take(&mut e.forms)).collect(),
            shares: claims
                .share
                .iter()
                .flat_map(|e| {
                    let bound = e.bound.as_deref().map(|b| b == "lower");
                    e.forms.iter().map(move |f| (f.clone(), ((e.percent * 100.0).round() as u64, bound)))
                })
                .collect(),
            // (a hyphenated word is one token: "two-thirds" is the head of "two-thirds of")
            share_heads: claims
                .share
                .iter()
                .flat_map(|e| e.forms.iter().filter_map(|f| f.strip_suffix(" of")?.rsplit(' ').next().map(str::to_string)))
                .collect(),
            share_blockers: claims.share.iter_mut().flat_map(|e| take(&mut e.not_after)).collect(),
            bounds: claims.bound.iter().flat_map(|e| e.forms.iter().map(move |f| (f.clone(), e.value.as_deref() == Some("lower")))).collect(),
            sequence_words: claims.sequence.iter_mut().flat_map(|e| take(&mut e.forms)).collect(),
            opposition: HashMap::new(),
            opposition_pairs: Vec::new(),
            exception_forms: {
                // longest first, so "except for" wins over "except"
                let mut v: Vec<String> = claims.scope.iter().flat_map(|e| e.forms.iter().cloned()).collect();
                v.sort_by_key(|f| std::cmp::Reverse(f.len()));
                v
            },
            units: claims
                .unit
                .iter()
                .flat_map(|e| {
                    let v = e.value.clone().unwrap_or_else(|| panic!("grammar/claims.toml: a [[unit]] without a value"));
                    e.forms.iter().map(move |f| (f.clone(), v.clone()))
                })
                .collect(),
            unit_words: claims.unit.iter().flat_map(|e| e.forms.iter().flat_map(|f| f.split(' ').map(str::to_string))).collect(),
            multipliers: claims
                .multiplier
                .iter()
                .flat_map(|e| {
                    let v: f64 = e.value.as_deref().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("grammar/claims.toml: bad multiplier {:?}", e.value));
                    e.forms.iter().map(move |f| (f.clone(), v))
                })
                .collect(),
            setting_words: Vec::new(),
            setting_pairs: Vec::new(),
            setting_index: HashMap::new(),
            setting_phrases: Vec::new(),
            setting_word_max: 0,
            setting_shapes: [0; 128],
            predicates: PhraseTable::default(),
            // (moved in at the end, once the other tables are built from it)
            classes: Vec::new(),
            noun_markers: take(&mut preds.noun_markers).into_iter().collect(),
            class_opposes: preds
                .class
                .iter()
                .map(|a| (0..preds.class.len()).filter(|&b| a.opposes.contains(&preds.class[b].name)).map(|b| b as u16).collect())
                .collect(),
            vocab: Vocab::default(),
            word_classes: Vec::new(),
        };
        for a in &speakers.adjuncts {
            lex.adjuncts.insert(a, ());
        }
        for (i, c) in cues.cue.iter().enumerate() {
            if cues.takes_object.contains(&c.lemma) {
                lex.object_cues.insert(i as u16);
            }
            if c.before_to_only {
                lex.before_to_only.insert(i as u16);
            }
            if c.never_before_to {
                lex.never_before_to.insert(i as u16);
            }
            if c.clause_only {
                lex.clause_only.insert(i as u16);
            }
            if c.complement_only {
                lex.complement_only.insert(i as u16);
            }
            if c.evidential {
                lex.evidential.insert(i as u16);
            }
            if c.after_quote_only {
                lex.after_quote_only.insert(i as u16);
            }
            // (a cue of several words that opens with one of these verbs is one of them: "tell
            // reporters", "say in a statement")
            let first_word = c.lemma.split(' ').next().unwrap_or("");
            if cues.any_subject.contains(&c.lemma) || cues.any_subject.iter().any(|l| l == first_word) {
                lex.any_subject_cues.insert(i as u16);
            }
            lex.cue_lemmas.push(c.lemma.clone());
            for f in &c.forms {
                lex.cues.insert(f, Cue { class: c.class, lemma: i as u16 });
            }
        }
        for a in &abbr.abbreviation {
            for f in &a.forms {
                lex.abbreviations.insert(f.clone(), Abbrev { can_end: a.can_end });
            }
        }
        for h in &speakers.honorific {
            for f in &h.forms {
                // a gendered entry refines an earlier ungendered one for the same form
                lex.honorifics.insert(f, h.gender);
            }
        }
        for r in &speakers.role {
            for f in &r.forms {
                let g = lex.roles.entry(f.clone()).or_insert(r.gender);
                if r.gender != Gender::Unknown {
                    *g = r.gender;
                }
            }
        }
        for g in &speakers.group {
            lex.groups.extend(g.forms.iter().cloned());
        }
        for o in &speakers.organization {
            lex.org_heads.extend(o.heads.iter().cloned());
            for g in &o.generic {
                lex.org_generic.entry(g.clone()).or_default().extend(o.heads.iter().cloned());
            }
        }
        let opp = opposition_file();
        for (i, e) in opp.pair.iter().enumerate() {
            for (forms, side) in [(&e.a, false), (&e.b, true)] {
                for f in forms {
                    // a form belongs to one pair (a test checks); the first wins
                    lex.opposition.entry(f.to_lowercase()).or_insert((i as u16, side));
                }
            }
        }
        lex.opposition_pairs = opp.pair;
        use crate::claims::{Aspect, Modality, Stance};
        // one phrase may carry several facts ("held": a light verb and a past form)
        let mut fw: Vec<(String, FrameWord)> = Vec::new();
        for e in &claims.negation {
            for f in &e.forms {
                fw.push((f.clone(), FrameWord::Negation));
            }
            lex.negation_suffixes.extend(e.suffixes.iter().cloned());
        }
        for s in &lex.negation_suffixes {
            match s.as_bytes().last() {
                Some(&b) => lex.negation_suffix_ends[usize::from(b)] = true,
                None => lex.negation_suffix_ends = [true; 256],
            }
        }
        for e in &claims.modality {
            let m = e.value.as_deref().and_then(Modality::parse).unwrap_or_else(|| panic!("grammar/claims.toml: unknown modality {:?}", e.value));
            for f in &e.forms {
                fw.push((f.clone(), FrameWord::Modality(m)));
            }
            if m == Modality::Conditional {
                lex.initial_conditionals.extend(e.initial.iter().cloned());
            }
        }
        for e in &claims.certainty {
            for f in &e.forms {
                fw.push((f.clone(), FrameWord::Certainty));
            }
        }
        for e in &claims.aspect {
            let a = e.value.as_deref().and_then(Aspect::parse).unwrap_or_else(|| panic!("grammar/claims.toml: unknown aspect {:?}", e.value));
            for f in &e.forms {
                fw.push((f.clone(), FrameWord::Aspect(a)));
            }
        }
        for e in &claims.scope {
            for f in &e.forms {
                fw.push((f.clone(), FrameWord::Exception));
            }
        }
        for e in &claims.anaphoric {
            for f in &e.forms {
                fw.push((f.clone(), FrameWord::Anaphoric));
            }
        }
        for (list, w) in [
            (&claims.light_verb, FrameWord::LightVerb),
            (&claims.embedding, FrameWord::Embedding),
            (&claims.past, FrameWord::Past),
            (&claims.subordinate, FrameWord::Subordinate),
            (&claims.denial, FrameWord::Denial),
        ] {
            for e in list {
                for f in &e.forms {
                    fw.push((f.clone(), w));
                }
            }
        }
        for e in &claims.stance {
            let s = e.value.as_deref().and_then(Stance::parse).unwrap_or_else(|| panic!("grammar/claims.toml: unknown stance {:?}", e.value));
            for f in &e.forms {
                fw.push((f.clone(), FrameWord::Stance(s)));
            }
        }
        for (a, b) in lex.scope_contrasts.clone() {
            let mut idx = |w: &String| match lex.setting_words.iter().position(|x| x == w) {
                Some(i) => i,
                None => {
                    lex.setting_words.push(w.clone());
                    lex.setting_words.len() - 1
                }
            };
            let (x, y) = (idx(&a), idx(&b));
            lex.setting_pairs.push((x, y));
        }
        assert!(lex.setting_words.len() <= 64, "grammar/claims.toml: at most 64 distinct scope-contrast words");
        for (i, w) in lex.setting_words.iter().enumerate() {
            let bytes: Box<[u8]> = w.as_bytes().into();
            if w.contains(' ') {
                lex.setting_phrases.push((bytes, 1 << i));
            } else {
                lex.setting_word_max = lex.setting_word_max.max(bytes.len());
                // (a word of 64 bytes or more, or not starting with an ASCII byte, is never
                // filtered out: it is looked up)
                if let Some(&b) = bytes.first().filter(|b| b.is_ascii()) {
                    lex.setting_shapes[usize::from(b)] |= if bytes.len() < 64 { 1 << bytes.len() } else { u64::MAX };
                }
                *lex.setting_index.entry(bytes).or_default() |= 1 << i;
            }
        }
        let mut merged: HashMap<String, Vec<FrameWord>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (f, w) in fw {
            // (the phrase moves in as the key; only a new one is copied, for the order)
            match merged.entry(f) {
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    if !o.get().contains(&w) {
                        o.get_mut().push(w);
                    }
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    order.push(v.key().clone());
                    v.insert(vec![w]);
                }
            }
        }
        for f in order {
            let v = merged.remove(&f).unwrap_or_default();
            lex.frame_words.insert(&f, v);
        }
        for id in &preds.idiom {
            let class = preds.class.iter().position(|c| c.name == id.class);
            let Some(class) = class else { panic!("grammar/predicates.toml: idiom of unknown class {}", id.class) };
            let objects: HashSet<String> = id.objects.iter().cloned().collect();
            for v in &id.verbs {
                lex.idioms.entry(v.clone()).or_default().push((objects.clone(), class as u16));
            }
        }
        for (i, c) in preds.class.iter().enumerate() {
            for f in &c.verbs {
                lex.predicates.insert(f, Predicate { class: i as u16, verb: true });
            }
            for f in &c.nouns {
                lex.predicates.insert(f, Predicate { class: i as u16, verb: false });
            }
        }
        lex.classes = preds.class;
        lex.index_words();
        lex
    }

    /// Builds the vocabulary, the class set of every word and the id index of the phrase
    /// tables, from the finished lists.
    fn index_words(&mut self) {
        use WordClass as C;
        let sets: Vec<(C, Vec<&str>)> = vec![
            (C::Pronoun, self.pronouns.keys().map(String::as_str).collect()),
            (C::Determiner, self.determiners.iter().map(String::as_str).collect()),
            (C::Role, self.roles.keys().map(String::as_str).collect()),
            (C::Group, self.groups.iter().map(String::as_str).collect()),
            (C::Modifier, self.modifiers.iter().map(String::as_str).collect()),
            (C::NotName, self.not_names.iter().map(String::as_str).collect()),
            (C::NotHead, self.not_heads.iter().map(String::as_str).collect()),
            (C::NotSurname, self.not_surnames.iter().map(String::as_str).collect()),
            (C::Adverb, self.adverbs.iter().map(String::as_str).collect()),
            (C::Auxiliary, self.auxiliaries.iter().map(String::as_str).collect()),
            (C::SentenceStarter, self.sentence_starters.iter().map(String::as_str).collect()),
            (C::OrgHead, self.org_heads.iter().map(String::as_str).collect()),
            (C::ClauseBreakAfterComma, self.clause_breaks_after_comma.iter().map(String::as_str).collect()),
            (C::ClauseBreak, self.clause_breaks.iter().map(String::as_str).collect()),
            (C::ParticipleBreak, self.participle_breaks.iter().map(String::as_str).collect()),
            (C::NounFormCue, self.noun_form_cues.iter().map(String::as_str).collect()),
            (C::IrregularPastCue, self.cue_irregular_past.iter().map(String::as_str).collect()),
            (C::PresentAuxiliary, self.present_auxiliaries.iter().map(String::as_str).collect()),
            (C::NounMarker, self.noun_markers.iter().map(String::as_str).collect()),
            (C::InitialConditional, self.initial_conditionals.iter().map(String::as_str).collect()),
            (C::CueWord, self.cues.by_first.iter().filter(|(_, l)| l.iter().any(|(ws, _)| ws.len() == 1)).map(|(w, _)| w.as_str()).collect()),
            (C::Opposition, self.opposition.keys().map(String::as_str).collect()),
            (C::Idiom, self.idioms.keys().map(String::as_str).collect()),
            (C::SmallWord, self.small_words.iter().map(String::as_str).collect()),
            (C::Contraction, self.contraction_words.keys().map(String::as_str).collect()),
        ];
        let lists: Vec<(C, Vec<&str>)> = WordClass::LISTS
            .iter()
            .map(|&(name, c)| (c, self.word_lists.get(name).map(|l| l.iter().map(String::as_str).collect()).unwrap_or_default()))
            .collect();
        let mut vocab = Vocab::default();
        let id_of = |w: &str, vocab: &mut Vocab| -> usize { vocab.id_or_insert(w) as usize };
        let mut bits: Vec<(usize, u64)> = Vec::new();
        for (c, words) in sets.iter().chain(&lists) {
            for w in words {
                bits.push((id_of(w, &mut vocab), c.bit()));
            }
        }
        // the words of phrases and of the other tables (no class of their own, but a phrase
        // or a look-up needs their ids)
        let others: Vec<&str> = self
            .cues
            .words()
            .chain(self.adjuncts.words())
            .chain(self.honorifics.words())
            .chain(self.frame_words.words())
            .chain(self.predicates.words())
            .chain(self.word_lists.values().flatten().map(String::as_str))
            .collect();
        for w in others {
            id_of(w, &mut vocab);
        }
        let mut classes = vec![0u64; vocab.len()];
        for (id, b) in bits {
            classes[id] |= b;
        }
        self.cues.index_ids(&vocab);
        self.adjuncts.index_ids(&vocab);
        self.honorifics.index_ids(&vocab);
        self.frame_words.index_ids(&vocab);
        self.predicates.index_ids(&vocab);
        self.vocab = vocab;
        self.word_classes = classes;
    }

    /// The id of a lowercase word, or [`NO_WORD`] when no list of the lexicon holds it.
    pub fn word_id(&self, lower: &str) -> WordId {
        self.vocab.get(lower).unwrap_or(NO_WORD)
    }

    /// The classes of a word (by id) as a bit set; none for [`NO_WORD`].
    pub fn word_classes(&self, id: WordId) -> u64 {
        self.word_classes.get(id as usize).copied().unwrap_or(0)
    }

    /// Whether the word with id `id` is in the class `c`: the same answer as looking its
    /// string up in the set or list the class stands for.
    pub fn word_has(&self, id: WordId, c: WordClass) -> bool {
        self.word_classes(id) & c.bit() != 0
    }

    /// The pronoun whose possessive determiner `word` is ("his" -> he).
    pub fn pronoun_of_possessive(&self, word: &str) -> Option<&PronounEntry> {
        self.pronouns.get(self.possessives.get(word)?)
    }

    /// Whether `word` (lowercase) is in the closed word class `list` of grammar/speakers.toml.
    pub fn is(&self, list: &str, word: &str) -> bool {
        match self.word_lists.get(list) {
            Some(set) => set.contains(word),
            // a list the code names must exist; the lexicon test checks them all
            None => panic!("grammar/speakers.toml has no word list `{list}`"),
        }
    }

    /// A past-tense form of a cue ("said", "yelled").
    pub fn is_past_cue(&self, lower: &str) -> bool {
        lower.ends_with("ed") || self.cue_irregular_past.contains(lower)
    }

    /// Which scope-contrast words a text holds, as a bit set over the distinct words of the
    /// `scope_contrast` pairs (at most 64 words): a word of the lowercased text (split at
    /// anything but letters, digits and hyphens) that is one, or a phrase that the lowercased
    /// text contains.
    ///
    /// It runs for every claim. Most claim texts lowercase byte by byte (ASCII, or punctuation
    /// such as curly quotes that has no case and is no letter): for those the words are looked
    /// up without lowercasing the text into a new string; any other text takes the general way.
    pub fn setting_bits(&self, text: &str) -> u64 {
        // (only the non-ASCII characters need a look: the ASCII runs between them are skipped
        // a byte at a time, without decoding)
        let mut rest = text;
        while let Some(p) = rest.bytes().position(|b| !b.is_ascii()) {
            let Some(c) = rest[p..].chars().next() else { break };
            // curly quotes, dashes and ellipses (General Punctuation, which has no letter, digit
            // or cased character: a test checks) need no look-up in the Unicode tables
            if !GENERAL_PUNCTUATION.contains(&c) && (c.is_alphanumeric() || !c.to_lowercase().eq(std::iter::once(c))) {
                return self.setting_bits_general(text);
            }
            rest = &rest[p + c.len_utf8()..];
        }
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut bits = 0u64;
        let mut i = 0;
        while i < n {
            if !in_setting_word(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && in_setting_word(bytes[i]) {
                i += 1;
            }
            bits |= self.setting_word_bit(&bytes[start..i]);
        }
        for (phrase, bit) in &self.setting_phrases {
            let Some((&first, rest)) = phrase.split_first() else { continue };
            if n < phrase.len() {
                continue;
            }
            // the phrase can start only where a byte lowercases to its first byte: memchr
            // finds those (at most two bytes, the letter in either case) and only they are
            // compared further
            let starts = &bytes[..=n - phrase.len()];
            let matches_at = |k: usize| bytes[k + 1..k + phrase.len()].iter().zip(rest).all(|(&b, &p)| b.to_ascii_lowercase() == p);
            let upper = first.to_ascii_uppercase();
            let found = if first.is_ascii_lowercase() {
                memchr::memchr2_iter(first, upper, starts).any(matches_at)
            } else if first.is_ascii_uppercase() {
                false
            } else {
                memchr::memchr_iter(first, starts).any(matches_at)
            };
            if found {
                bits |= bit;
            }
        }
        bits
    }

    /// The bit of a one-word setting word (ASCII, any case), 0 for any other word.
    fn setting_word_bit(&self, word: &[u8]) -> u64 {
        let mut buf = [0u8; 64];
        if word.is_empty() || word.len() > self.setting_word_max || word.len() > buf.len() {
            return 0;
        }
        let shape = self.setting_shapes[usize::from(word[0].to_ascii_lowercase())];
        if word.len() < 64 && shape & (1 << word.len()) == 0 && shape != u64::MAX {
            return 0;
        }
        let low = &mut buf[..word.len()];
        for (l, &b) in low.iter_mut().zip(word) {
            *l = b.to_ascii_lowercase();
        }
        self.setting_index.get(&*low).copied().unwrap_or(0)
    }

    /// What [`Lexicon::setting_bits`] needs to answer for any span of `text` without reading
    /// it again: the claims of a document overlap (a quotation's, the reported clause's, the
    /// narrative's), and each used to be scanned byte by byte.
    pub fn setting_spans(&self, text: &str) -> SettingSpans {
        self.setting_spans_lowered(text, &text.to_ascii_lowercase())
    }

    /// [`Lexicon::setting_spans`], given `text.to_ascii_lowercase()`, which the claims stage
    /// has anyway.
    pub fn setting_spans_lowered(&self, text: &str, lower: &str) -> SettingSpans {
        debug_assert_eq!(text.len(), lower.len());
        let bytes = text.as_bytes();
        let mut idx = SettingSpans { len: text.len(), ..SettingSpans::default() };
        // the non-ASCII characters, found eight bytes at a time (most text has few)
        let mut p = 0;
        while p < bytes.len() {
            if p + 8 <= bytes.len() && u64::from_le_bytes(bytes[p..p + 8].try_into().unwrap_or_default()) & 0x8080_8080_8080_8080 == 0 {
                p += 8;
                continue;
            }
            if bytes[p].is_ascii() {
                p += 1;
                continue;
            }
            let c = text[p..].chars().next().unwrap_or_default();
            if !GENERAL_PUNCTUATION.contains(&c) && (c.is_alphanumeric() || !c.to_lowercase().eq(std::iter::once(c))) {
                idx.general.push(p);
            }
            p += c.len_utf8();
        }
        let mut i = 0;
        while i < bytes.len() {
            if !in_setting_word(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && in_setting_word(bytes[i]) {
                i += 1;
            }
            // (the lengths filter most words out before any look-up)
            let shape = self.setting_shapes[usize::from(bytes[start].to_ascii_lowercase())];
            if i - start < 64 && shape & (1 << (i - start)) == 0 {
                continue;
            }
            let bit = self.setting_word_bit(&bytes[start..i]);
            if bit != 0 {
                idx.words.push((start, i, bit));
            }
        }
        // every place the text, ASCII-lowercased, holds a phrase (overlapping ones too: the
        // search goes on from the byte after each); a substring search over the lowercase
        // text, where looking at every "i" for "in person" cost more than the rest of this
        let lower = lower.as_bytes();
        for (phrase, bit) in self.setting_phrases.iter().filter(|(p, _)| !p.is_empty()) {
            let mut at = Vec::new();
            let finder = memchr::memmem::Finder::new(&phrase[..]);
            let mut from = 0;
            while let Some(k) = lower.get(from..).and_then(|rest| finder.find(rest)) {
                at.push(from + k);
                from += k + 1;
            }
            idx.phrases.push((phrase.len(), *bit, at));
        }
        idx
    }

    /// [`Lexicon::setting_bits`] of `text[span]`, from the [`Lexicon::setting_spans`] of `text`.
    pub fn setting_bits_in(&self, idx: &SettingSpans, text: &str, span: crate::span::Span) -> u64 {
        let (s, e) = (span.start, span.end);
        debug_assert_eq!(idx.len, text.len());
        // a letter or a cased character outside ASCII: the general way
        let g = idx.general.partition_point(|&p| p < s);
        if idx.general.get(g).is_some_and(|&p| p < e) {
            return self.setting_bits_general(span.slice(text));
        }
        let bytes = text.as_bytes();
        let mut bits = 0u64;
        // the words of the document inside the span ...
        let w = idx.words.partition_point(|&(a, _, _)| a < s);
        for &(_, _, bit) in idx.words[w..].iter().take_while(|&&(_, b, _)| b <= e) {
            bits |= bit;
        }
        // ... and a word the span cuts at either end, which is another word inside it
        let cut_start = s > 0 && s < e && in_setting_word(bytes[s - 1]) && in_setting_word(bytes[s]);
        if cut_start {
            let end = (s..e).find(|&k| !in_setting_word(bytes[k])).unwrap_or(e);
            bits |= self.setting_word_bit(&bytes[s..end]);
        }
        let cut_end = e < bytes.len() && s < e && in_setting_word(bytes[e]) && in_setting_word(bytes[e - 1]);
        if cut_end {
            let start = (s..e).rev().find(|&k| !in_setting_word(bytes[k])).map_or(s, |k| k + 1);
            bits |= self.setting_word_bit(&bytes[start..e]);
        }
        for (len, bit, at) in &idx.phrases {
            let k = at.partition_point(|&k| k < s);
            if at.get(k).is_some_and(|&k| k + len <= e) {
                bits |= bit;
            }
        }
        bits
    }

    /// [`Lexicon::setting_bits`] for any text.
    fn setting_bits_general(&self, text: &str) -> u64 {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
        let mut bits = 0u64;
        for (i, w) in self.setting_words.iter().enumerate().take(64) {
            let hit = if w.contains(' ') { lower.contains(w.as_str()) } else { words.contains(&w.as_str()) };
            if hit {
                bits |= 1 << i;
            }
        }
        bits
    }

    /// True when one bit set holds one word of a contrast pair and the other the other.
    pub fn settings_contrast(&self, a: u64, b: u64) -> bool {
        // (most claims hold no setting word: the consistency pass asks this of every pair)
        if a == 0 || b == 0 {
            return false;
        }
        self.setting_pairs.iter().any(|&(x, y)| (a >> x & 1 == 1 && b >> y & 1 == 1) || (a >> y & 1 == 1 && b >> x & 1 == 1))
    }

    pub fn abbreviation(&self, lower_with_period: &str) -> Option<Abbrev> {
        self.abbreviations.get(lower_with_period).copied()
    }

    pub fn is_sentence_starter(&self, lower: &str) -> bool {
        self.sentence_starters.contains(lower)
    }

    pub fn class_name(&self, i: u16) -> &str {
        &self.classes[i as usize].name
    }

    /// The class is a step one participant takes once ([`ClassEntry::personal`]).
    pub fn class_is_personal(&self, i: u16) -> bool {
        self.classes.get(i as usize).is_some_and(|c| c.personal)
    }

    /// True when the two predicate classes are linked by an `opposes` entry.
    pub fn classes_oppose(&self, a: u16, b: u16) -> bool {
        self.opposed_classes(a).contains(&b)
    }

    /// The classes class `a` opposes ([`Lexicon::classes_oppose`]), in order; the
    /// consistency pass asks for every claim.
    pub fn opposed_classes(&self, a: u16) -> &[u16] {
        &self.class_opposes[a as usize]
    }

    /// A contraction ([`Lexicon::contraction_words`], [`Lexicon::contraction_suffixes`]) as
    /// the word before it (empty for a whole-word form) and the words it stands for; `lower`
    /// is a lowercase word with ' for apostrophes.
    pub fn expand_contraction<'a>(&'a self, lower: &'a str) -> Option<(&'a str, &'a [String])> {
        if let Some(words) = self.contraction_words.get(lower) {
            return Some(("", words));
        }
        self.contraction_suffixes.iter().find_map(|(suffix, words)| {
            let stem = lower.strip_suffix(suffix.as_str())?;
            (!stem.is_empty()).then_some((stem, words.as_slice()))
        })
    }

    /// Whether `lower` ends in a negation suffix ("n't"). Asked of every word of every clause:
    /// the last bytes are compared first, so most words need no comparison of the suffix.
    pub fn has_negation_suffix(&self, lower: &str) -> bool {
        let Some(&last) = lower.as_bytes().last() else { return self.negation_suffixes.iter().any(String::is_empty) };
        self.negation_suffix_ends[usize::from(last)] && self.negation_suffixes.iter().any(|s| lower.ends_with(s.as_str()))
    }
}

/// A byte of a word, for the setting words: ASCII letters, digits and hyphens (a non-ASCII
/// character, when no letter or digit, separates words).
fn in_setting_word(b: u8) -> bool {
    SETTING_WORD_BYTES[usize::from(b)]
}

/// [`in_setting_word`] for every byte: one load where two range tests and a compare were.
static SETTING_WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'-';
        b += 1;
    }
    t
};

/// The setting words and phrases of one document, by position ([`Lexicon::setting_spans`]).
#[derive(Debug, Default)]
pub struct SettingSpans {
    len: usize,
    /// Where a character stands that sends a span to the general way (a non-ASCII letter,
    /// digit or cased character), in order.
    general: Vec<usize>,
    /// Every maximal run of word bytes that is a setting word: start, end, bit; in order.
    words: Vec<(usize, usize, u64)>,
    /// Each phrase: its length, its bit, and every position it starts at, in order.
    phrases: Vec<(usize, u64, Vec<usize>)>,
}

/// The Unicode block General Punctuation (’ “ ” — … •): no character of it is a letter or a
/// digit or changes when lowercased.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// The grammar files without their examples, as the built-in lexicon reads them.
fn runtime_files() -> (CuesFile, SpeakersFile, AbbreviationsFile, ClaimsFile, PredicatesFile) {
    parse_files([CUES_RUN_JSON, SPEAKERS_RUN_JSON, ABBREVIATIONS_RUN_JSON, CLAIMS_RUN_JSON, PREDICATES_RUN_JSON])
}

/// The five grammar files from their JSON, in the order cues, speakers, abbreviations,
/// claims, predicates.
fn parse_files(json: [&str; 5]) -> (CuesFile, SpeakersFile, AbbreviationsFile, ClaimsFile, PredicatesFile) {
    let [cues, speakers, abbr, claims, preds] = json;
    (
        parse("cues.toml", cues),
        parse("speakers.toml", speakers),
        parse("abbreviations.toml", abbr),
        parse("claims.toml", claims),
        parse("predicates.toml", preds),
    )
}

/// Parsed grammar files, for tests that run every entry's examples.
pub fn files() -> (CuesFile, SpeakersFile, AbbreviationsFile, ClaimsFile, PredicatesFile) {
    parse_files([CUES_JSON, SPEAKERS_JSON, ABBREVIATIONS_JSON, CLAIMS_JSON, PREDICATES_JSON])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_has_no_letter_digit_or_case() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric() && c.to_lowercase().eq(std::iter::once(c)), "{c:?}");
        }
    }

    /// The JSON the build made of the grammar files holds what the TOML holds.
    #[test]
    fn grammar_json_is_the_toml() {
        for (toml_src, json) in [
            (CUES, CUES_JSON),
            (SPEAKERS, SPEAKERS_JSON),
            (ABBREVIATIONS, ABBREVIATIONS_JSON),
            (CLAIMS, CLAIMS_JSON),
            (PREDICATES, PREDICATES_JSON),
            (OPPOSITION, OPPOSITION_JSON),
        ] {
            let from_toml: serde_json::Value = serde_json::to_value(toml::from_str::<toml::Value>(toml_src).unwrap()).unwrap();
            let from_json: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(from_toml, from_json);
        }
    }

    /// A word's class bits say what the sets and lists they stand for say, and a phrase
    /// found by ids is the phrase found by strings.
    #[test]
    fn word_classes_agree_with_the_sets() {
        let lex = Lexicon::builtin();
        let sets: Vec<(WordClass, &HashSet<String>)> = vec![
            (WordClass::Determiner, &lex.determiners),
            (WordClass::Group, &lex.groups),
            (WordClass::Modifier, &lex.modifiers),
            (WordClass::NotName, &lex.not_names),
            (WordClass::NotHead, &lex.not_heads),
            (WordClass::NotSurname, &lex.not_surnames),
            (WordClass::Adverb, &lex.adverbs),
            (WordClass::Auxiliary, &lex.auxiliaries),
            (WordClass::SentenceStarter, &lex.sentence_starters),
            (WordClass::OrgHead, &lex.org_heads),
            (WordClass::ClauseBreakAfterComma, &lex.clause_breaks_after_comma),
            (WordClass::ClauseBreak, &lex.clause_breaks),
            (WordClass::ParticipleBreak, &lex.participle_breaks),
            (WordClass::NounFormCue, &lex.noun_form_cues),
            (WordClass::IrregularPastCue, &lex.cue_irregular_past),
            (WordClass::PresentAuxiliary, &lex.present_auxiliaries),
            (WordClass::NounMarker, &lex.noun_markers),
            (WordClass::InitialConditional, &lex.initial_conditionals),
            (WordClass::SmallWord, &lex.small_words),
        ];
        let mut words: Vec<String> = lex.vocab.words();
        assert_eq!(words.len(), lex.vocab.len());
        words.extend(["", "zzz", "Said", "the ministry", "a\0", "seventy", "seventy-one"].map(String::from));
        for w in &words {
            let w = w.as_str();
            let id = lex.word_id(w);
            for (c, set) in &sets {
                assert_eq!(lex.word_has(id, *c), set.contains(w), "{w:?} {c:?}");
            }
            assert_eq!(lex.word_has(id, WordClass::Pronoun), lex.pronouns.contains_key(w), "{w:?}");
            assert_eq!(lex.word_has(id, WordClass::Role), lex.roles.contains_key(w), "{w:?}");
            assert_eq!(lex.word_has(id, WordClass::Opposition), lex.opposition.contains_key(w), "{w:?}");
            assert_eq!(lex.word_has(id, WordClass::Idiom), lex.idioms.contains_key(w), "{w:?}");
            assert_eq!(lex.word_has(id, WordClass::CueWord), lex.cues.contains_word(w), "{w:?}");
            for (name, c) in WordClass::LISTS {
                assert_eq!(lex.word_has(id, c), lex.is(name, w), "{w:?} {name}");
                assert_eq!(c.list_name(), Some(name));
            }
        }
        fn same<T: Clone + std::fmt::Debug>(lex: &Lexicon, t: &PhraseTable<T>) {
            let shown = |x: Option<(usize, &T)>| x.map(|(n, v)| (n, format!("{v:?}")));
            for list in t.by_first.values() {
                for (ws, _) in list {
                    for extra in [None, Some("the"), Some("zzz")] {
                        let mut ws: Vec<&str> = ws.iter().map(String::as_str).collect();
                        ws.extend(extra);
                        for n in 1..=ws.len() {
                            let ids: Vec<WordId> = ws[..n].iter().map(|w| lex.word_id(w)).collect();
                            assert_eq!(shown(t.longest_ids(&ids)), shown(t.longest(&ws[..n])), "{ws:?}");
                        }
                    }
                }
            }
        }
        same(lex, &lex.cues);
        same(lex, &lex.adjuncts);
        same(lex, &lex.honorifics);
        same(lex, &lex.frame_words);
        same(lex, &lex.predicates);
        assert_eq!(lex.word_id("zzz"), NO_WORD);
    }

    /// The setting bits of a span, from the document's index, are those of its text, for
    /// every span between character boundaries of texts that take either way.
    #[test]
    fn setting_bits_of_spans_agree_with_the_text() {
        let lex = Lexicon::builtin();
        let texts = [
            "Direct talks stay suspended, in person or by phone; bilateral--multilateral, one-on-one.",
            "They met in person. In PERSON in-person inperson Bilaterally “private” talks-public",
            "Federal-state ties: the état met in person, ΣΊΣΥΦΟΣ public … formal",
        ];
        for t in texts {
            let idx = lex.setting_spans(t);
            let bounds: Vec<usize> = (0..=t.len()).filter(|&k| t.is_char_boundary(k)).collect();
            for (x, &s) in bounds.iter().enumerate() {
                for &e in &bounds[x..] {
                    let span = crate::span::Span::new(s, e);
                    assert_eq!(lex.setting_bits_in(&idx, t, span), lex.setting_bits(&t[s..e]), "{:?}", &t[s..e]);
                }
            }
        }
    }

    /// The byte-wise setting look-up finds what the general one finds, on texts that take
    /// either way.
    #[test]
    fn setting_bits_agree_with_the_general_way() {
        let lex = Lexicon::builtin();
        let texts = [
            "",
            "Direct talks stay suspended.",
            "They will talk in a MULTILATERAL forum, in Person or by phone.",
            "the “bilateral” track—and the one-on-one talks; Federal-state ties",
            "Informally, the état said it met in person",
            "ΣΊΣΥΦΟΣ public İn person private",
            "in  person, in\nperson, inperson, person in",
            "publicly-privately formal, formally; domestic/foreign full…partial",
            "Officials’ unofficial talks online",
        ];
        let mut hits = 0;
        for t in texts {
            assert_eq!(lex.setting_bits(t), lex.setting_bits_general(t), "{t:?}");
            hits += lex.setting_bits(t).count_ones();
        }
        assert!(hits > 10);
    }
}
