//! Entity resolution: one entity per person or organisation, built in document order.
//!
//! - A full name creates a person; a later surname, honorific form ("Mr. Kirby") or first
//!   name alone joins it. Two people may share a surname; a first name keeps them apart.
//! - "the spokesman" joins the most recent person whose titles hold that role word.
//! - "the ministry" joins the most recent organisation whose name ends in that word.
//! - Speakers the configuration knows (`[[speakers]]`) are indexed before the pass by name,
//!   alias, surname and title; the first mention that matches creates their entity, under
//!   the canonical name, and later ones join it like any other.
//! - he/she go to the most recent compatible *speaker* of this or the previous paragraph,
//!   else to the most recent compatible person mentioned; they/it to groups and
//!   organisations. Gender comes from the article itself: honorifics, gendered titles, and
//!   pronouns already resolved to that person.

use super::mention::{Mention, MentionKind};
use super::{Ctx, Draft};
use crate::config::KnownSpeaker;
use crate::lexicon::{Gender, Lexicon, WordClass};
use crate::model::{Entity, EntityKind, SpeakerRef};
use crate::scan::TokKind;
use crate::span::Span;
use foldhash::{HashMap, HashMapExt};

#[derive(Debug)]
struct Ent {
    e: Entity,
    surname: Option<String>,
    /// The length of `surname` in characters (0 with none): the search for a misspelled
    /// surname compares lengths before anything else, against every recent entity.
    surname_chars: usize,
    first: Option<String>,
    key: String,
    /// The words of `key` (split at whitespace), worked out the first time they are asked for
    /// ([`Ent::key_words`]): the look-ups of "the ministry" or "Halberd" compare them against
    /// every recent organisation, and splitting each key again there cost more than the rest
    /// of the look-up on a long article. (Not worked out for every entity: most are never
    /// looked at that way, and a list for each cost more than it saved on short articles.)
    /// Reset with `key` ([`Ent::set_key`]).
    key_words: std::cell::OnceCell<Vec<Box<str>>>,
    last_pos: usize,
    last_para: usize,
    /// Evidence that a "person" is one: a title or honorific, a gender, or having spoken.
    /// "Kansas City" or "Labor Day" have none, so they neither take pronouns first nor make
    /// a pronoun ambiguous.
    evidence: bool,
    /// A speaker from the configuration: the canonical name stays.
    known: bool,
    /// The configured organisation of a known speaker, by name.
    affiliation_name: Option<String>,
    /// The words of the titles, lowercase as "the spokesman" is compared with them (see
    /// [`Ent::add_title`]): that look-up runs against every recent entity.
    title_words: Vec<Box<str>>,
    /// Whether the entity is in [`Resolver::recent`] (so a touch need not search the window
    /// for an entity that is not in it).
    in_recent: bool,
    /// When the entity was last touched ([`Resolver::touches`] then): [`Resolver::recent`] is
    /// in the order of these, so a touch finds the entity's place there by binary search.
    touched: u64,
}

/// A speaker from the configuration, and the entity it became once mentioned.
#[derive(Debug)]
struct Known {
    spec: KnownSpeaker,
    surname: String,
    first: Option<String>,
    entity: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Resolver {
    ents: Vec<Ent>,
    /// (entity, paragraph, sentence) of every resolved speaker, in order.
    speakers: Vec<(usize, usize, usize)>,
    /// (entity, sentence, byte start) of every resolved mention, in order.
    seen: Vec<(usize, usize, usize)>,
    /// Plural groups named in the narrative, with their paragraph: candidates for "they".
    pending: Vec<(Mention, usize)>,
    /// Exact-key indexes: surname and first name of persons, organisation and group keys.
    by_surname: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
    org_key: HashMap<String, usize>,
    /// The first word of every organisation key of two words or more that has been made
    /// ("halberd" of "halberd motors"): a bare word that is none of them opens no such name,
    /// and the window need not be searched for one.
    org_first_words: foldhash::HashSet<String>,
    group_key: HashMap<String, usize>,
    /// The most recently mentioned entities, least recent first, at most [`WINDOW`]. Fuzzy
    /// look-ups (a misspelled surname, "the spokesman", "the company", a pronoun) search only
    /// these, so resolution stays linear however many entities a document holds; an article
    /// refers back by those means only to what it mentioned recently.
    recent: Vec<usize>,
    /// How many touches there have been (see [`Ent::touched`]).
    touches: u64,
    /// Speakers from the configuration, and indexes to them: full names and aliases, surnames,
    /// titles (without "the"), and the head words of titles.
    known: Vec<Known>,
    known_names: HashMap<String, Vec<usize>>,
    known_surnames: HashMap<String, Vec<usize>>,
    known_titles: HashMap<String, Vec<usize>>,
    known_heads: HashMap<String, Vec<usize>>,
}

const WINDOW: usize = 256;

impl Ent {
    fn new(name: String, kind: EntityKind, key: String, gender: Gender, titles: Vec<String>) -> Ent {
        let mut ent = Ent {
            e: Entity { name, kind, titles: Vec::new(), affiliation: None, mentions: Vec::new(), gender, spellings: Vec::new(), honorifics: Vec::new() },
            surname: None,
            surname_chars: 0,
            first: None,
            key_words: std::cell::OnceCell::new(),
            key,
            last_pos: 0,
            last_para: 0,
            evidence: false,
            known: false,
            affiliation_name: None,
            title_words: Vec::new(),
            in_recent: false,
            touched: 0,
        };
        for t in titles {
            ent.add_title(t);
        }
        ent
    }

    /// A new key (its words are worked out again when asked for).
    fn set_key(&mut self, key: String) {
        self.key_words = std::cell::OnceCell::new();
        self.key = key;
    }

    /// The words of `key`, split at whitespace.
    fn key_words(&self) -> &[Box<str>] {
        self.key_words.get_or_init(|| self.key.split_whitespace().map(Box::from).collect())
    }

    /// Adds a title, and its words to [`Ent::title_words`]: an ASCII title lowercased byte by
    /// byte, any other with full Unicode lowercasing (the forms "the spokesman" always took).
    fn add_title(&mut self, t: String) {
        if t.is_ascii() {
            self.title_words.extend(t.split_whitespace().map(|w| w.to_ascii_lowercase().into_boxed_str()));
        } else {
            self.title_words.extend(t.to_lowercase().split_whitespace().map(Box::from));
        }
        self.e.titles.push(t);
    }

    fn set_surname(&mut self, s: String) {
        self.surname_chars = s.chars().count();
        self.surname = Some(s);
    }

    /// Whether a title holds the lowercase word `w`.
    fn holds_title_word(&self, w: &str) -> bool {
        self.title_words.iter().any(|x| **x == *w)
    }
}

/// A name or title as the indexes hold it: lowercase, periods and extra spaces dropped
/// ("J. Kettering" and "J Kettering" are one key).
fn name_key(s: &str) -> String {
    // (one pass: the words between spaces, periods and commas, joined by single spaces)
    let lower = s.to_lowercase();
    let mut key = String::with_capacity(lower.len());
    for w in lower.split(|c: char| c.is_whitespace() || c == '.' || c == ',').filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    }
    key
}

/// A title as the indexes hold it: its name key without a leading "the".
fn title_key(s: &str) -> String {
    let k = name_key(s);
    k.strip_prefix("the ").map(str::to_string).unwrap_or(k)
}

/// What the resolution pass meets in document order: a draft's speaker, or a name of the
/// narrative (by index: the events are sorted, and a mention is large to move).
enum Event {
    Speaker(usize),
    Narrative(usize),
}

/// Longest name a person mention may have; a longer capitalised run is a headline or a title.
const MAX_NAME_WORDS: usize = 4;

/// "“...,” Lake County Recorder Ella Pratt said": a speaker's capitalised run longer than
/// any name (`MAX_NAME_WORDS`) is a title written in capitals before the name. Next to a cue
/// it is no headline: the person is the last two words (three with a middle initial, "John
/// B. Marsh"), and the words before them are the title. Returns the mention so read, or
/// None when the name is short enough as it is.
fn long_name_tail(ctx: &Ctx, m: &Mention) -> Option<Mention> {
    let (a, b) = m.name?;
    let words: Vec<usize> = (a..b).filter(|&k| ctx.scan.tokens[k].kind == TokKind::Word).collect();
    // (not "the North American Free Trade Agreement, which ... said": a phrase after an
    // article, or standing for a relative pronoun, names a thing as often as a person)
    if m.kind != MentionKind::Person || words.len() <= MAX_NAME_WORDS || m.relative.is_some() || ctx.word_is(m.first, WordClass::Determiner) {
        return None;
    }
    let n = words.len();
    let initial = ctx.raw(words[n - 2]).chars().count() == 1;
    let first = words[n - if initial { 3 } else { 2 }];
    let mut short = m.clone();
    short.name = Some((first, b));
    short.title = Some(Span::new(m.title.map_or(ctx.scan.tokens[a].start, |t| t.start), ctx.scan.tokens[first - 1].end));
    Some(short)
}

pub(super) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

impl Resolver {
    pub fn new() -> Self {
        Resolver {
            ents: Vec::new(),
            speakers: Vec::new(),
            seen: Vec::new(),
            pending: Vec::new(),
            by_surname: HashMap::new(),
            by_first: HashMap::new(),
            org_key: HashMap::new(),
            org_first_words: foldhash::HashSet::default(),
            group_key: HashMap::new(),
            recent: Vec::new(),
            touches: 0,
            known: Vec::new(),
            known_names: HashMap::new(),
            known_surnames: HashMap::new(),
            known_titles: HashMap::new(),
            known_heads: HashMap::new(),
        }
    }

    /// A resolver that knows `speakers` before the pass: a mention by full name or alias, by
    /// surname (when no one in the article holds it), or by title ("the spokesman", when no
    /// one mentioned holds it) resolves to the known speaker.
    pub fn with_known(lex: &Lexicon, speakers: &[KnownSpeaker]) -> Self {
        let mut r = Resolver::new();
        // the surname of a name, skipping a suffix ("Tom Hale Jr.")
        let surname = |key: &str| -> String {
            let words: Vec<&str> = key.split_whitespace().collect();
            let mut i = words.len().saturating_sub(1);
            if i > 0 && lex.is("name_suffixes", words[i]) {
                i -= 1;
            }
            words.get(i).map(|w| w.to_string()).unwrap_or_default()
        };
        for (k, spec) in speakers.iter().enumerate() {
            let canonical = name_key(&spec.name);
            let sur = surname(&canonical);
            let first = canonical.split_whitespace().next().filter(|f| *f != sur).map(str::to_string);
            for n in std::iter::once(&spec.name).chain(&spec.aliases) {
                let key = name_key(n);
                push_unique(r.known_names.entry(key.clone()).or_default(), k);
                let s = surname(&key);
                if !s.is_empty() {
                    push_unique(r.known_surnames.entry(s).or_default(), k);
                }
            }
            for t in &spec.titles {
                let key = title_key(t);
                if let Some(head) = key.split_whitespace().last() {
                    push_unique(r.known_heads.entry(head.to_string()).or_default(), k);
                }
                push_unique(r.known_titles.entry(key).or_default(), k);
            }
            r.known.push(Known { spec: spec.clone(), surname: sur, first, entity: None });
        }
        r
    }

    /// The entity of known speaker `k`, created on its first mention.
    fn known_entity(&mut self, k: usize) -> usize {
        if let Some(e) = self.known[k].entity {
            return e;
        }
        let kn = &self.known[k];
        let titles = kn.spec.titles.iter().map(|t| t.strip_prefix("the ").or_else(|| t.strip_prefix("The ")).unwrap_or(t).to_string()).collect();
        let mut ent = Ent::new(kn.spec.name.clone(), EntityKind::Person, name_key(&kn.spec.name), Gender::Unknown, titles);
        ent.set_surname(kn.surname.clone());
        ent.first = kn.first.clone();
        ent.evidence = true;
        ent.known = true;
        ent.affiliation_name = kn.spec.affiliation.clone();
        let (surname, first) = (kn.surname.clone(), kn.first.clone());
        self.ents.push(ent);
        let id = self.ents.len() - 1;
        self.by_surname.entry(surname).or_default().push(id);
        if let Some(f) = first {
            self.by_first.entry(f).or_default().push(id);
        }
        self.known[k].entity = Some(id);
        id
    }

    /// The one known speaker `index` holds for `key`, if exactly one (two known speakers
    /// sharing a surname or a title leave the mention to the article).
    fn known_one(index: &HashMap<String, Vec<usize>>, key: &str, ok: impl Fn(usize) -> bool) -> Option<usize> {
        let hits: Vec<usize> = index.get(key)?.iter().copied().filter(|&k| ok(k)).collect();
        (hits.len() == 1).then(|| hits[0])
    }

    /// Resolves every speaker mention of the drafts and the names in the narrative. Returns
    /// the drafts whose pronoun had several compatible candidates.
    pub(super) fn resolve_all(&mut self, ctx: &Ctx, drafts: &mut [Draft]) -> Vec<(usize, Vec<usize>)> {
        let mut names: Vec<Option<Mention>> = narrative_names(ctx).into_iter().map(Some).collect();
        let mut events: Vec<(usize, Event)> = Vec::with_capacity(drafts.len() + names.len());
        let mut taken: Vec<Span> = Vec::with_capacity(drafts.len());
        for (i, d) in drafts.iter().enumerate() {
            if let Some(f) = &d.found {
                events.push((f.mention.span.start, Event::Speaker(i)));
                taken.push(f.mention.span);
            }
        }
        taken.sort();
        for (k, m) in names.iter().enumerate() {
            let Some(m) = m else { continue };
            let i = taken.partition_point(|s| s.end <= m.span.start);
            if taken.get(i).is_some_and(|s| s.overlaps(m.span)) {
                continue;
            }
            events.push((m.span.start, Event::Narrative(k)));
        }
        events.sort_by_key(|(p, _)| *p);
        // (every event may add to both: room for them at once)
        self.seen.reserve(events.len());
        self.speakers.reserve(drafts.len());
        let mut ambiguous = Vec::new();
        for (_, ev) in events {
            match ev {
                Event::Narrative(k) => {
                    let Some(m) = names[k].take() else { continue };
                    if m.kind == MentionKind::Group {
                        let para = Self::para_of(ctx, &m);
                        self.pending.push((m, para));
                        continue;
                    }
                    let sent = ctx.sent_of[m.first] as usize;
                    let create = match m.kind {
                        MentionKind::Organization => true,
                        MentionKind::Person => {
                            let (a, b) = m.name.unwrap_or((m.first, m.end));
                            let words = (a..b).filter(|&k| ctx.scan.tokens[k].kind == TokKind::Word).count();
                            words >= 2 || m.honorific.is_some() || m.role_title
                        }
                        _ => false,
                    };
                    if let Some(e) = self.resolve(ctx, &m, create).map(|(e, _)| e) {
                        self.seen.push((e, sent, m.span.start));
                    }
                }
                Event::Speaker(di) => {
                    let Some(f) = drafts[di].found.as_ref() else { continue };
                    let sent = drafts[di].sentence;
                    let para = drafts[di].paragraph;
                    let pronoun = f.mention.kind == MentionKind::Pronoun;
                    let (span, relative, via) = (f.mention.span, f.mention.relative, if pronoun { crate::model::Via::Pronoun } else { f.via });
                    let mut unresolved = false;
                    // "I", "we": the writer or the quotation's speaker, an unnamed speaker of its
                    // own; it stands for no one named earlier, and no later pronoun looks back to
                    // it (nor is it ambiguous)
                    let w = ctx.lw(f.mention.first);
                    let first_person = pronoun && ctx.lex.pronouns.get(w).or_else(|| ctx.lex.pronoun_of_possessive(w)).is_some_and(|p| p.first_person);
                    if first_person {
                        let e = self.unresolved_pronoun(ctx, &f.mention);
                        drafts[di].speaker = Some(SpeakerRef { entity: e, mention: span, via });
                        continue;
                    }
                    let got = if pronoun {
                        // "“You winning?” she said." with no one the pronoun can stand for: the
                        // pronoun is still who the text says spoke; it becomes an unnamed
                        // speaker of its own rather than no speaker at all (and the
                        // ambiguous-pronoun rule says so)
                        self.pronoun(ctx, &f.mention, sent, para).or_else(|| {
                            unresolved = true;
                            Some((self.unresolved_pronoun(ctx, &f.mention), Vec::new()))
                        })
                    } else {
                        // (a label's colon is no cue word: "Veto Power Impedes Peace Efforts:"
                        // opening a line is a headline, not a title and a name)
                        let cue_word = ctx.scan.tokens[f.cue_tokens.0].kind == TokKind::Word;
                        let short = long_name_tail(ctx, &f.mention).filter(|_| cue_word);
                        self.resolve(ctx, short.as_ref().unwrap_or(&f.mention), true)
                    };
                    if let Some((e, cands)) = got {
                        drafts[di].speaker = Some(SpeakerRef { entity: e, mention: span, via });
                        self.touch(e, span, para);
                        if let Some(rel) = relative {
                            self.touch(e, rel, para);
                        }
                        self.ents[e].evidence = true;
                        self.speakers.push((e, para, sent));
                        self.seen.push((e, sent, span.start));
                        if cands.len() >= 2 || unresolved {
                            ambiguous.push((di, cands));
                        }
                    }
                }
            }
        }
        ambiguous
    }

    /// An unnamed entity for a pronoun that matches no one named nearby (see `pronoun`).
    fn unresolved_pronoun(&mut self, ctx: &Ctx, m: &Mention) -> usize {
        let text = m.span.slice(ctx.text).to_string();
        let key = format!("?{}@{}", text.to_lowercase(), m.span.start);
        let kind = match pronoun_class(ctx, m) {
            PronounClass::Person(_) => EntityKind::Anonymous,
            PronounClass::Plural => EntityKind::Group,
            PronounClass::Thing => EntityKind::Organization,
        };
        self.ents.push(Ent::new(text, kind, key, m.gender, Vec::new()));
        self.ents.len() - 1
    }

    /// Resolves one speaker mention found after the main pass (nested quotations).
    pub(super) fn resolve_one(&mut self, ctx: &Ctx, m: &Mention, via: crate::model::Via, sent: usize, para: usize) -> Option<SpeakerRef> {
        let (e, via) = if m.kind == MentionKind::Pronoun {
            (self.pronoun(ctx, m, sent, para)?.0, crate::model::Via::Pronoun)
        } else {
            (self.resolve(ctx, m, true)?.0, via)
        };
        self.touch(e, m.span, para);
        Some(SpeakerRef { entity: e, mention: m.span, via })
    }

    fn touch(&mut self, e: usize, span: Span, para: usize) {
        let ent = &mut self.ents[e];
        // mentions arrive in document order; the same span may be touched twice in a row
        if ent.e.mentions.last() != Some(&span) && !ent.e.mentions.iter().rev().take(4).any(|m| *m == span) {
            ent.e.mentions.push(span);
        }
        ent.last_pos = span.start;
        ent.last_para = para;
        if ent.in_recent && self.recent.last() == Some(&e) {
            // (the most recent entity touched again, as often: it stays where it is)
            self.recent.pop();
        } else if ent.in_recent {
            // `recent` holds each entity once, in the order of their last touches: the
            // entity's place is found by its own (a search of the window, from its recent
            // end, cost more than the rest of the touch)
            let last = ent.touched;
            let ents = &self.ents;
            let i = self.recent.partition_point(|&x| ents[x].touched < last);
            debug_assert_eq!(self.recent.get(i), Some(&e));
            self.recent.remove(i);
        }
        self.touches += 1;
        let ent = &mut self.ents[e];
        ent.touched = self.touches;
        ent.in_recent = true;
        self.recent.push(e);
        if self.recent.len() > WINDOW {
            let out = self.recent.remove(0);
            self.ents[out].in_recent = false;
        }
    }

    fn para_of(ctx: &Ctx, m: &Mention) -> usize {
        ctx.scan.sentences[ctx.sent_of[m.first] as usize].paragraph
    }

    /// Resolves a non-pronoun mention; creates an entity when `create`.
    fn resolve(&mut self, ctx: &Ctx, m: &Mention, create: bool) -> Option<(usize, Vec<usize>)> {
        let para = Self::para_of(ctx, m);
        let e = match m.kind {
            MentionKind::Person => {
                let e = self.person(ctx, m, create)?;
                // "her press secretary, Jakob Eriksen": a named representative speaks for
                // the person the title's possessive stands for, as an unnamed one does
                if let Some(t) = m.title.map(|t| t.slice(ctx.text).trim()) {
                    let mut words = t.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty());
                    if let (Some(first), Some(last)) = (words.next(), words.next_back()) {
                        if ctx.lex.is("representative_roles", &last.to_lowercase()) {
                            self.represents(e, &first.to_lowercase(), para);
                        }
                    }
                }
                e
            }
            MentionKind::Organization => self.org(ctx, m, create)?,
            // "..., the board said in a statement. “...,” the statement said.": the statement
            // (letter, release) just mentioned speaks for whoever issued it, the most recent
            // speaker of this or the previous paragraph
            MentionKind::Anonymous | MentionKind::Group
                if ctx.lw(m.first) == "the"
                    && m.head.as_ref().is_some_and(|(_, h)| ctx.lex.is("document_nouns", h))
                    && self.speakers.last().is_some_and(|&(_, p, _)| p + 1 >= para) =>
            {
                self.speakers.last().map(|&(e, _, _)| e)?
            }
            MentionKind::Group | MentionKind::Anonymous => {
                let e = self.group(ctx, m)?;
                // "her press secretary", "his lawyers": people who speak for the person the
                // possessive stands for
                if m.head.as_ref().is_some_and(|(_, h)| ctx.lex.is("representative_roles", h)) {
                    self.represents(e, ctx.lw(m.first), para);
                }
                // "an official at the ministry": the complement names the affiliation
                if let Some((a, b)) = m.org {
                    if let Some(org_m) = ctx.build(a, b).filter(|o| o.kind == MentionKind::Organization) {
                        if let Some(o) = self.org(ctx, &org_m, true) {
                            self.touch(o, org_m.span, para);
                            self.ents[e].e.affiliation.get_or_insert(o);
                        }
                    }
                }
                e
            }
            MentionKind::Pronoun => return None,
        };
        self.touch(e, m.span, para);
        Some((e, Vec::new()))
    }

    /// `e` is a representative (spokesman, lawyer, press secretary) of the person a possessive
    /// `his` or `her` before the role stands for: the nearest compatible entity of this or the
    /// previous paragraph becomes `e`'s affiliation, so that a clash between the two is one
    /// side contradicting itself, not a dispute.
    fn represents(&mut self, e: usize, possessive: &str, para: usize) {
        let g = match possessive {
            "his" => Gender::Male,
            "her" => Gender::Female,
            _ => return,
        };
        let class = PronounClass::Person(g);
        let owner = self
            .recent
            .iter()
            .copied()
            .filter(|&x| x != e && self.ents[x].last_para + 1 >= para && self.compatible_class(x, class))
            .max_by_key(|&x| self.ents[x].last_pos);
        if let Some(o) = owner {
            self.ents[e].e.affiliation.get_or_insert(o);
        }
    }

    fn title_text(ctx: &Ctx, m: &Mention) -> Option<String> {
        let t = m.title?;
        let s = t.slice(ctx.text).trim().trim_end_matches(',');
        let s = ["the ", "The ", "a ", "an "].iter().find_map(|a| s.strip_prefix(a)).unwrap_or(s);
        (!s.is_empty()).then(|| s.to_string())
    }

    fn person(&mut self, ctx: &Ctx, m: &Mention, create: bool) -> Option<usize> {
        let (a, b) = m.name?;
        let words: Vec<&str> = (a..b).filter(|&k| ctx.scan.tokens[k].kind == TokKind::Word).map(|k| strip_possessive(ctx.raw(k))).collect();
        if words.is_empty() || words.len() > MAX_NAME_WORDS {
            return None;
        }
        let mut sur_i = words.len() - 1;
        if sur_i > 0 && ctx.lex.is("name_suffixes", words[sur_i].to_lowercase().trim_end_matches('.')) {
            sur_i -= 1;
        }
        let surname = words[sur_i].to_lowercase();
        let first = (sur_i > 0).then(|| words[0].to_lowercase());
        let name_text = {
            let s = Span::new(ctx.scan.tokens[a].start, ctx.scan.tokens[b - 1].end);
            let t = s.slice(ctx.text);
            strip_possessive(t).to_string()
        };
        let compatible = |x: &Ent| match (&x.first, &first) {
            (Some(f1), Some(f2)) => f1 == f2 || (f1.len() <= 2 || f2.len() <= 2) && f1.chars().next() == f2.chars().next(),
            _ => true,
        };
        let mut best: Option<usize> = None;
        // a configured speaker's full name or alias
        // (no configured speakers, no key to build)
        if let Some(k) = (!self.known_names.is_empty()).then(|| Self::known_one(&self.known_names, &name_key(&words.join(" ")), |_| true)).flatten() {
            best = Some(self.known_entity(k));
        }
        if best.is_none() {
            for &i in self.by_surname.get(&surname).map(Vec::as_slice).unwrap_or(&[]) {
                let x = &self.ents[i];
                if compatible(x) && best.is_none_or(|b| self.ents[b].last_pos < x.last_pos) {
                    best = Some(i);
                }
            }
        }
        if best.is_none() {
            // a configured speaker's surname, no one in the article holding it yet
            let known = &self.known;
            let fits = |k: usize| match (&known[k].first, &first) {
                (Some(f1), Some(f2)) => f1 == f2 || (f1.len() <= 2 || f2.len() <= 2) && f1.chars().next() == f2.chars().next(),
                _ => true,
            };
            if let Some(k) = Self::known_one(&self.known_surnames, &surname, fits) {
                best = Some(self.known_entity(k));
            }
        }
        if best.is_none() {
            // "Thomas Reiley" after "Thomas Reilly": the same first name (or none given) and a
            // surname one letter off is the same person misspelled; the inconsistent-name
            // lint reports it
            // (the last match in the window wins: look from its recent end, and stop there)
            let long = if first.is_some() { 4 } else { 5 };
            let chars = surname.chars().count();
            for &i in self.recent.iter().rev() {
                let x = &self.ents[i];
                // (the lengths first, from the entity: a surname one edit apart is at most
                // one character longer or shorter, and most recent entities fail here)
                if x.surname_chars < long || x.surname_chars.abs_diff(chars) > 1 {
                    continue;
                }
                let same_first = first.is_none() || x.first == first;
                let plural = |s: &str| {
                    s.strip_suffix('s') == Some(surname.as_str())
                        || surname.strip_suffix('s') == Some(s)
                        || ctx.lex.not_surnames.contains(s)
                        || ctx.lex.not_surnames.contains(surname.as_str())
                };
                if x.e.kind == EntityKind::Person && same_first && x.surname.as_deref().is_some_and(|s| one_edit_apart(s, &surname) && !plural(s)) {
                    best = Some(i);
                    break;
                }
            }
        }
        if best.is_none() && first.is_none() {
            // a first name alone ("Hillary") joins a person with that first name, if only one
            let hits: Vec<usize> = self.by_first.get(&surname).cloned().unwrap_or_default();
            if hits.len() == 1 {
                best = Some(hits[0]);
            }
        }
        if best.is_none() && words.len() == 1 && m.honorific.is_none() && !m.role_title && self.org_first_words.contains(surname.as_str()) {
            // "Halberd rejected the claim" after "Halberd Motors": a bare word that opens the
            // name of an organisation just mentioned is that organisation's short form
            let org = self.recent.iter().rev().copied().find(|&i| {
                let x = &self.ents[i];
                x.e.kind == EntityKind::Organization && x.key.contains(' ') && x.key_words().first().map(|w| &**w) == Some(surname.as_str())
            });
            if let Some(o) = org {
                return Some(o);
            }
        }
        let e = match best {
            Some(e) => e,
            None if create => {
                let mut ent = Ent::new(name_text.clone(), EntityKind::Person, name_text.to_lowercase(), Gender::Unknown, Vec::new());
                ent.set_surname(surname.clone());
                self.ents.push(ent);
                let id = self.ents.len() - 1;
                self.by_surname.entry(surname.clone()).or_default().push(id);
                id
            }
            None => return None,
        };
        if let Some(f) = &first {
            if self.ents[e].first.is_none() {
                self.by_first.entry(f.clone()).or_default().push(e);
            }
        }
        let ent = &mut self.ents[e];
        if ent.known {
            // the configured name stays, whatever the article calls the speaker
        } else if first.is_some() && ent.first.is_none() {
            ent.first = first;
            ent.e.name = name_text.clone();
        } else if name_text.len() > ent.e.name.len() && words.len() >= 2 {
            ent.e.name = name_text.clone();
        }
        let name_span = Span::new(ctx.scan.tokens[a].start, ctx.scan.tokens[b - 1].end);
        // a surname a letter or two off the entity's is a misspelling worth recording (a
        // first name alone, "Donald" for Donald Trump, is not)
        let misspelled = !ctx.lex.not_surnames.contains(surname.as_str())
            && ent.surname.as_deref().is_some_and(|s| {
                // the same surname is no edit apart: no distance to compute, no copies to make
                if s == surname {
                    return false;
                }
                fn straight(x: &str) -> std::borrow::Cow<'_, str> {
                    if x.contains('’') {
                        x.replace('’', "'").into()
                    } else {
                        x.into()
                    }
                }
                let d = crate::span::edit_distance(&straight(s), &straight(&surname));
                // "Clintons", "Americans": a plural is not a misspelling
                let plural = s.strip_suffix('s') == Some(surname.as_str()) || surname.strip_suffix('s') == Some(s);
                (1..=2).contains(&d) && !plural
            });
        let same_surname = ent.surname.as_deref() == Some(surname.as_str());
        if ((words.len() >= 2 && same_surname) || misspelled) && !ent.e.spellings.iter().any(|(s, _)| *s == name_text) {
            ent.e.spellings.push((name_text, name_span));
        }
        if let Some(t) = Self::title_text(ctx, m) {
            if !ent.e.titles.contains(&t) {
                ent.add_title(t);
            }
        }
        if let Some(h) = m.honorific {
            ent.e.honorifics.push((h.slice(ctx.text).to_string(), h));
        }
        if m.honorific.is_some() || m.role_title || m.gender != Gender::Unknown {
            ent.evidence = true;
        }
        if m.gender != Gender::Unknown && ent.e.gender == Gender::Unknown {
            ent.e.gender = m.gender;
        }
        Some(e)
    }

    fn org(&mut self, ctx: &Ctx, m: &Mention, create: bool) -> Option<usize> {
        let (a, b) = m.name.unwrap_or((m.first, m.end));
        let span = Span::new(ctx.scan.tokens[a].start, ctx.scan.tokens[b - 1].end);
        let full = span.slice(ctx.text);
        let text = full.strip_prefix("the ").or_else(|| full.strip_prefix("The ")).unwrap_or(full);
        let key = text.to_lowercase();
        // a generic name keeps its article: "the ministry", not "ministry"
        let display = if text.chars().next().is_some_and(char::is_lowercase) { format!("the {text}") } else { text.to_string() };
        // the same name, or "the ministry" for a recently named "Foreign Ministry"
        let mut best: Option<usize> = self.org_key.get(&key).copied();
        let generic = !key.contains(' ');
        if best.is_none() && generic {
            let kinds = ctx.lex.org_generic.get(key.as_str());
            for &i in &self.recent {
                let x = &self.ents[i];
                if x.e.kind != EntityKind::Organization || !x.key.contains(' ') {
                    continue;
                }
                let last = x.key_words().last().map_or("", |w| &**w);
                let same = x.key_words().iter().any(|w| **w == *key) || kinds.is_some_and(|k| k.contains(last));
                if same && best.is_none_or(|b| self.ents[b].last_pos < x.last_pos) {
                    best = Some(i);
                }
            }
        }
        // "Ministry" or "Transit authority" (a headline's short form) named before "the
        // Ministry of Maritime Affairs": an earlier organisation whose words all belong to
        // this longer name is the same one, and takes the full name
        if best.is_none() && !generic {
            let words: Vec<&str> = key.split_whitespace().collect();
            let shorter = self
                .recent
                .iter()
                .copied()
                .filter(|&i| {
                    let x = &self.ents[i];
                    // a short proper name only: "the ministry" is resolved by its kind, above
                    x.e.kind == EntityKind::Organization
                        && !x.e.name.starts_with("the ")
                        && x.key.len() < key.len()
                        && x.key_words().iter().all(|w| words.contains(&&**w))
                })
                .max_by_key(|&i| self.ents[i].last_pos);
            if let Some(e) = shorter {
                self.ents[e].e.name = display.clone();
                self.ents[e].set_key(key.clone());
                self.note_org_key(&key);
                self.org_key.insert(key, e);
                return Some(e);
            }
        }
        match best {
            Some(e) => Some(e),
            None if create => {
                self.ents.push(Ent::new(display, EntityKind::Organization, key.clone(), Gender::Unknown, Vec::new()));
                let id = self.ents.len() - 1;
                self.note_org_key(&key);
                self.org_key.insert(key, id);
                Some(id)
            }
            None => None,
        }
    }

    /// Records the first word of an organisation key of two words or more.
    fn note_org_key(&mut self, key: &str) {
        if key.contains(' ') {
            if let Some(first) = key.split_whitespace().next() {
                if !self.org_first_words.contains(first) {
                    self.org_first_words.insert(first.to_string());
                }
            }
        }
    }

    fn group(&mut self, ctx: &Ctx, m: &Mention) -> Option<usize> {
        let text = m.span.slice(ctx.text);
        let det_less = match text.split_once(' ') {
            Some((first, rest)) if ctx.lex.determiners.contains(first.to_lowercase().as_str()) => rest,
            _ => text,
        };
        // "the spokesman": the most recent person holding that role
        if let Some((_, head)) = &m.head {
            let definite = ctx.lw(m.first) == "the";
            if definite && !m.plural {
                let mut best: Option<usize> = None;
                for &i in &self.recent {
                    let x = &self.ents[i];
                    // (the cheap tests first; the title words are kept lowercase per entity)
                    if x.e.kind == EntityKind::Person
                        && best.is_none_or(|b| self.ents[b].last_pos < x.last_pos)
                        && x.holds_title_word(head)
                        && title_head_holds(ctx, &x.e.titles, head)
                    {
                        best = Some(i);
                    }
                }
                if best.is_some() {
                    return best;
                }
                // a configured speaker's title: "the foreign ministry spokesman", or the bare
                // head word of one ("the spokesman")
                let key = title_key(det_less);
                let hit = Self::known_one(&self.known_titles, &key, |_| true).or_else(|| {
                    if key == *head {
                        Self::known_one(&self.known_heads, head, |_| true)
                    } else {
                        None
                    }
                });
                if let Some(k) = hit {
                    return Some(self.known_entity(k));
                }
            }
        }
        let key = det_less.to_lowercase();
        // "a source", "one reporter", "another official" introduce someone new; "the source"
        // and a bare plural ("officials") refer back
        let first = ctx.lw(m.first);
        let indefinite = !m.plural && matches!(first, "a" | "an" | "one" | "another" | "some");
        if !indefinite {
            if let Some(&i) = self.group_key.get(&key) {
                return Some(i);
            }
        }
        let kind = if m.kind == MentionKind::Group { EntityKind::Group } else { EntityKind::Anonymous };
        self.ents.push(Ent::new(text.to_string(), kind, key.clone(), m.gender, Self::title_text(ctx, m).into_iter().collect()));
        let id = self.ents.len() - 1;
        self.group_key.insert(key, id);
        Some(id)
    }

    /// Resolves he/she/they/it. Returns the entity and, when there was no recent speaker and
    /// several people fit, the candidates (for the ambiguous-pronoun lint).
    fn pronoun(&mut self, ctx: &Ctx, m: &Mention, sent: usize, para: usize) -> Option<(usize, Vec<usize>)> {
        let class = pronoun_class(ctx, m);
        let ok = |r: &Resolver, e: usize| r.compatible_class(e, class);
        // 1. the most recent compatible speaker of this or the previous paragraph
        let recent = self.speakers.iter().rev().take(WINDOW).take_while(|(_, p, _)| *p + 1 >= para).find(|(e, _, _)| ok(self, *e)).map(|(e, _, _)| *e);
        // candidates mentioned in the previous sentence or this one
        let mut cands: Vec<usize> = Vec::new();
        for &(e, s, _) in self.seen.iter().rev().take(WINDOW) {
            if s + 1 < sent {
                break;
            }
            let person = matches!(class, PronounClass::Person(_));
            if ok(self, e) && (!person || self.ents[e].evidence) && !cands.contains(&e) {
                cands.push(e);
            }
        }
        // 0. the subject of this very sentence ("Most voters said they ...", "The inspector
        // general had indicated that he thought ..."): a pronoun later in the sentence that
        // the first name of the sentence can stand for refers to it more often than to the
        // speaker of the paragraph
        if let Some(e) = self.sentence_subject(ctx, m, sent, para, class) {
            self.learn_gender(e, class);
            return Some((e, Vec::new()));
        }
        if let Some(e) = recent {
            self.learn_gender(e, class);
            return Some((e, Vec::new()));
        }
        // 2. the most recent compatible mention within the last three paragraphs
        let near = |r: &Resolver, e: usize| ok(r, e) && r.ents[e].last_para + 3 >= para && !r.ents[e].e.mentions.is_empty();
        let nearest = self
            .recent
            .iter()
            .copied()
            .filter(|&e| near(self, e) && (self.ents[e].evidence || !matches!(class, PronounClass::Person(_))))
            .max_by_key(|&e| self.ents[e].last_pos)
            .or_else(|| self.recent.iter().copied().filter(|&e| near(self, e)).max_by_key(|&e| self.ents[e].last_pos));
        // "they": a group named in the narrative since ("Local farmers gathered ...") is more
        // recent than any entity, and becomes one now
        if class == PronounClass::Plural {
            let after = nearest.map(|e| self.ents[e].last_pos).unwrap_or(0);
            if let Some(g) = self
                .pending
                .iter()
                .rev()
                .take(WINDOW)
                .take_while(|(_, p)| *p + 1 >= para)
                .find(|(g, _)| g.span.start >= after && g.span.start < m.span.start)
                .map(|(g, _)| g.clone())
            {
                let e = self.group(ctx, &g)?;
                self.touch(e, g.span, para);
                return Some((e, Vec::new()));
            }
        }
        let nearest = nearest?;
        self.learn_gender(nearest, class);
        let ambiguous = if cands.len() >= 2 { cands } else { Vec::new() };
        Some((nearest, ambiguous))
    }

    /// The entity first named in sentence `sent` (a plural group too, for "they"), when the
    /// pronoun `m` can stand for it. Looks back over this sentence's mentions only (at most
    /// `WINDOW` of each list).
    fn sentence_subject(&mut self, ctx: &Ctx, m: &Mention, sent: usize, para: usize, class: PronounClass) -> Option<usize> {
        let named = self.seen.iter().rev().take(WINDOW).take_while(|(_, s, _)| *s == sent).last().map(|&(e, _, pos)| (e, pos));
        let group = if class == PronounClass::Plural {
            self.pending
                .iter()
                .rev()
                .take(WINDOW)
                .filter(|(g, _)| g.span.start < m.span.start)
                .take_while(|(g, _)| ctx.sent_of[g.first] as usize == sent)
                .last()
                .map(|(g, _)| g.clone())
        } else {
            None
        };
        // the subject opens the sentence: a name after an opening phrase ("After the results
        // from New York were in, ...") is too often a place or an object
        let opening = ctx.scan.tokens[ctx.scan.sentences[sent].first_token].start;
        match (named, group) {
            (Some((e, pos)), g) if g.as_ref().is_none_or(|g| pos < g.span.start) => (pos == opening && self.compatible_class(e, class)).then_some(e),
            (_, Some(g)) if g.span.start == opening => {
                let e = self.group(ctx, &g)?;
                self.touch(e, g.span, para);
                Some(e)
            }
            _ => None,
        }
    }

    fn compatible_class(&self, e: usize, class: PronounClass) -> bool {
        let x = &self.ents[e].e;
        match class {
            // (an unnamed person too: "A nurse told the paper ... “...,” she said"; but not the
            // unnamed speaker made for a pronoun that stood for no one, see
            // `unresolved_pronoun`)
            PronounClass::Person(g) => {
                (x.kind == EntityKind::Person || (x.kind == EntityKind::Anonymous && !self.ents[e].key.starts_with('?')))
                    && (x.gender == Gender::Unknown || g == Gender::Unknown || x.gender == g)
            }
            PronounClass::Plural => matches!(x.kind, EntityKind::Group | EntityKind::Organization),
            PronounClass::Thing => x.kind == EntityKind::Organization,
        }
    }

    fn learn_gender(&mut self, e: usize, class: PronounClass) {
        if let PronounClass::Person(g) = class {
            if self.ents[e].e.gender == Gender::Unknown {
                self.ents[e].e.gender = g;
            }
        }
    }

    /// The entities, with affiliations filled in: a person whose title names an organisation
    /// of the article ("State Department spokesman") belongs to it. The resolver's last use:
    /// the entities are moved out.
    pub fn finish(&mut self, ctx: &Ctx) -> Vec<Entity> {
        let orgs: Vec<usize> = (0..self.ents.len()).filter(|&i| self.ents[i].e.kind == EntityKind::Organization).collect();
        // a known speaker's configured organisation, when the article names it: by its name,
        // or by the generic word that ends it ("the ministry" for "Foreign Ministry")
        for i in 0..self.ents.len() {
            let Some(aff) = self.ents[i].affiliation_name.as_deref().map(name_key) else { continue };
            let last = aff.split_whitespace().last().unwrap_or("").to_string();
            let exact = orgs.iter().copied().find(|&o| self.ents[o].key == aff);
            let generic = orgs.iter().copied().find(|&o| self.ents[o].key == last);
            if let Some(o) = exact.or(generic) {
                self.ents[i].e.affiliation = Some(o);
            }
        }
        // the organisation the article is mostly about, for "company spokeswoman"
        let main_org = orgs.iter().copied().max_by_key(|&o| (self.ents[o].e.mentions.len(), usize::MAX - o));
        let mut org_words: HashMap<String, Vec<usize>> = HashMap::new();
        for &o in &orgs {
            for w in self.ents[o].key.split_whitespace() {
                org_words.entry(strip_possessive(w).to_string()).or_default().push(o);
            }
        }
        for i in 0..self.ents.len() {
            if self.ents[i].e.kind == EntityKind::Organization {
                continue;
            }
            let titles: Vec<String> = self.ents[i].e.titles.iter().map(|t| t.to_lowercase()).collect();
            let words = |t: &String| t.split_whitespace().map(|w| strip_possessive(w).to_string()).collect::<Vec<_>>();
            let title_words: Vec<Vec<String>> = titles.iter().map(words).collect();
            let has_word = |w: &str| title_words.iter().any(|ws| ws.iter().any(|x| x == w));
            let raw_titles: Vec<&str> = self.ents[i].e.titles.iter().flat_map(|t| t.split_whitespace()).collect();
            let score = |o: usize| -> u8 {
                let key = &self.ents[o].key;
                let kw: Vec<&str> = key.split_whitespace().collect();
                // "Delmar Taxpayers League director" names another organisation than the
                // "Delmar County Water Board", whatever words they share
                let names_other = raw_titles.iter().any(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && ctx.lex.org_heads.contains(w.to_lowercase().as_str())
                        && !kw.contains(&w.to_lowercase().as_str())
                });
                if names_other {
                    0
                } else if titles.iter().any(|t| t.contains(key.as_str())) {
                    3
                } else if kw.len() > 1 && has_word(strip_possessive(kw[0])) && (kw[0] == strip_possessive(kw[0]) || kw.last().is_some_and(|w| has_word(w))) {
                    // ("state" of "State Department" in "state spokesman", "Clinton campaign
                    // spokesman" of "Clinton's campaign")
                    2
                } else if kw.len() > 1 && has_word(strip_possessive(kw[0])) {
                    // a possessive first word names the owner: "Clinton spokesman" is likely
                    // of "Clinton's campaign", but "the trust" is not of "the trust's board"
                    // when the article names the trust itself (that match, by the generic
                    // word that ends it, scores as much and wins the tie below)
                    1
                } else if kw.iter().take_while(|w| !ctx.lex.is("role_prepositions", w)).last().is_some_and(|w| has_word(w)) {
                    // the generic word that heads the name: the last word, or the last before
                    // its complement ("ministry" of "Ministry of Health")
                    1
                } else if kw
                    .last()
                    .is_some_and(|w| raw_titles.iter().any(|r| r.chars().next().is_some_and(char::is_uppercase) && strip_possessive(&r.to_lowercase()) == *w))
                {
                    // the complement, in a formal title written in capitals ("Agriculture
                    // Minister" of "Ministry of Agriculture"; an opposition "health
                    // spokeswoman" is not of the Ministry of Health)
                    1
                } else {
                    0
                }
            };
            // only organisations sharing a word with a title can score
            let mut cands: Vec<usize> = title_words.iter().flatten().filter_map(|w| org_words.get(w.as_str())).flatten().copied().collect();
            cands.sort_unstable();
            cands.dedup();
            // (at one score, an organisation in its own name before one named by its owner:
            // "the trust" is the trust, not "the trust's board")
            let owned = |o: usize| self.ents[o].key.split_whitespace().next().is_some_and(|w| w != strip_possessive(w));
            let best = cands.into_iter().map(|o| (score(o), o)).filter(|(s, _)| *s > 0).max_by_key(|&(s, o)| (s, !owned(o), usize::MAX - o));
            if self.ents[i].e.affiliation.is_some() {
                continue;
            }
            self.ents[i].e.affiliation = match best {
                Some((_, o)) => Some(o),
                None => {
                    // "company spokeswoman": a lowercase generic word, and no organisation
                    // named in capitals that the article never mentioned otherwise
                    let raw_words: Vec<&str> = self.ents[i].e.titles.iter().flat_map(|t| t.split_whitespace()).collect();
                    // (of the main organisation's kind: "head of the nurses' association" is
                    // not of the ministry the article is about; see `org_generic`)
                    let of_kind = |o: usize, w: &str| {
                        let heads = ctx.lex.org_generic.get(w);
                        self.ents[o].key.split_whitespace().any(|k| heads.is_some_and(|h| h.contains(strip_possessive(k))))
                    };
                    let generic = raw_words.iter().any(|w| {
                        w.chars().next().is_some_and(char::is_lowercase) && ctx.lex.org_generic.contains_key(*w) && main_org.is_some_and(|o| of_kind(o, w))
                    });
                    let named_elsewhere =
                        raw_words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase) && ctx.lex.org_heads.contains(w.to_lowercase().as_str()));
                    if generic && !named_elsewhere {
                        main_org
                    } else {
                        None
                    }
                }
            };
        }
        for x in &mut self.ents {
            x.e.mentions.sort();
        }
        // (the resolver is done with: its entities are moved out, not copied)
        std::mem::take(&mut self.ents).into_iter().map(|x| x.e).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PronounClass {
    Person(Gender),
    Plural,
    Thing,
}

fn pronoun_class(ctx: &Ctx, m: &Mention) -> PronounClass {
    // ("his claim that ...": a possessive stands for its pronoun)
    let w = ctx.lw(m.first);
    match ctx.lex.pronoun_of_possessive(w).map_or(w, |p| p.form.as_str()) {
        "he" => PronounClass::Person(Gender::Male),
        "she" => PronounClass::Person(Gender::Female),
        "they" => PronounClass::Plural,
        // first person: a person, or people
        w => match ctx.lex.pronouns.get(w) {
            Some(p) if p.first_person && p.number == crate::lexicon::Number::Plural => PronounClass::Plural,
            Some(p) if p.first_person => PronounClass::Person(Gender::Unknown),
            _ => PronounClass::Thing,
        },
    }
}

/// Whether two names are exactly one edit apart: `edit_distance(a, b) == 1` (names over 40
/// characters count as far apart there, and here), without the table. This runs against
/// every recent person: past the common prefix, one substitution, insertion or deletion
/// must leave the rests equal.
fn one_edit_apart(a: &str, b: &str) -> bool {
    const MAX: usize = 40;
    if a.is_ascii() && b.is_ascii() {
        return a.len() <= MAX && b.len() <= MAX && one_edit(a.as_bytes(), b.as_bytes());
    }
    let mut ca = ['\0'; MAX];
    let mut cb = ['\0'; MAX];
    let fill = |s: &str, buf: &mut [char; MAX]| -> Option<usize> {
        let mut n = 0;
        for c in s.chars() {
            *buf.get_mut(n)? = c;
            n += 1;
        }
        Some(n)
    };
    match (fill(a, &mut ca), fill(b, &mut cb)) {
        (Some(n), Some(m)) => one_edit(&ca[..n], &cb[..m]),
        _ => false,
    }
}

/// Whether `a` and `b` are exactly one substitution, insertion or deletion apart.
fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        // equal strings are no edit apart
        std::cmp::Ordering::Equal => p < a.len() && a[p + 1..] == b[p + 1..],
        std::cmp::Ordering::Less => a[p..] == b[p + 1..],
        std::cmp::Ordering::Greater => a[p + 1..] == b[p..],
    }
}

/// Names of people and organisations in the writer's own sentences (outside quotations), for
/// entity resolution and pronoun candidates. A title-case headline is skipped: its capitals
/// are not names.
fn narrative_names(ctx: &Ctx) -> Vec<Mention> {
    let scan = ctx.scan;
    let mut out = Vec::new();
    for s in scan.sentences.iter() {
        if scan.headline == Some(s.paragraph) {
            continue;
        }
        let mut i = s.first_token;
        // a dateline ("TARN CITY —") names a place, not a person
        if let Some(d) = scan.datelines[s.paragraph] {
            if d >= i && d < s.end_token {
                i = d + 1;
            }
        }
        while i < s.end_token {
            let starter = ctx.is_cap(i)
                || ctx.word_is(i, WordClass::Determiner)
                || ctx.word_is(i, WordClass::Role)
                || ctx.word_is(i, WordClass::Group)
                || ctx.word_is(i, WordClass::Modifier);
            if ctx.in_quote(i) || !starter {
                i += 1;
                continue;
            }
            let limit = (i..s.end_token.min(i + 24)).find(|&k| ctx.in_quote(k) && ctx.nickname_at(k).is_none()).unwrap_or(s.end_token.min(i + 24));
            match ctx.mention_after(i, limit) {
                Some(m) if m.end > i => {
                    let mut next = m.end;
                    // "the ministry's spokesman, Tomas Lind, struck a different note": a name
                    // and a description side by side are one person
                    let mut m = m;
                    if ctx.is_punct(m.end, ',') {
                        if let Some(j) = (m.end + 2..limit.min(m.end + 14)).find(|&j| ctx.is_punct(j, ',') || j + 1 == s.end_token) {
                            let j = if ctx.is_punct(j, ',') { j } else { j };
                            let merged = super::with_appositive(ctx, m.clone(), m.end + 1, j);
                            if merged.span != m.span {
                                m = merged;
                                next = j;
                            }
                        }
                    }
                    let named = matches!(m.kind, MentionKind::Person | MentionKind::Organization) && m.name.is_some();
                    if named || (m.kind == MentionKind::Group && m.plural) {
                        out.push(m);
                    }
                    i = next;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// Whether one of `titles` holds `head` before its complement: "the association" is not the
/// person titled "head of the nurses association" (the words after a role preposition,
/// grammar/speakers.toml `role_prepositions`, name whom the title is held at).
fn title_head_holds(ctx: &Ctx, titles: &[String], head: &str) -> bool {
    titles.iter().any(|t| t.split_whitespace().map(str::to_lowercase).take_while(|w| !ctx.lex.is("role_prepositions", w)).any(|w| w == head))
}

fn push_unique(v: &mut Vec<usize>, k: usize) {
    if !v.contains(&k) {
        v.push(k);
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit_apart;

    /// The shortcut agrees with the distance on every pair of strings up to 4 characters
    /// over a small alphabet (with a character of three bytes).
    #[test]
    fn one_edit_apart_agrees_with_the_distance() {
        let mut words: Vec<String> = vec![String::new()];
        let mut last = words.clone();
        for _ in 0..4 {
            last = last.iter().flat_map(|w| ['a', 'b', '’'].map(|c| format!("{w}{c}"))).collect();
            words.extend(last.iter().cloned());
        }
        // and past the 40 characters where the distance stops counting
        for n in [38, 39, 40, 41] {
            for c in ["a", "’"] {
                let long = c.repeat(n);
                words.extend([long.clone(), format!("{long}b"), format!("b{long}"), format!("{}b", c.repeat(n - 1))]);
            }
        }
        for a in &words {
            for b in &words {
                assert_eq!(one_edit_apart(a, b), crate::span::edit_distance(a, b) == 1, "{a:?} {b:?}");
            }
        }
    }
}
