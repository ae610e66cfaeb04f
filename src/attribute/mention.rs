//! Speaker mentions: the noun phrase next to a cue ("State Department spokesman John Kirby",
//! "a senior official", "he", "the Harbor Authority"), found by walking tokens with the word
//! classes of `grammar/speakers.toml`.

use super::Ctx;
use crate::lexicon::{Gender, WordClass};
use crate::scan::TokKind;
use crate::span::Span;

/// Whether a lowercase word has the form of a regular plural, or of a present verb agreeing
/// with a singular subject: a final "s", not "ss" ("residents", "says"; not "press").
pub(crate) fn s_form(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Pronoun,
    Person,
    Organization,
    Group,
    Anonymous,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Token range `first..end`.
    pub first: usize,
    pub end: usize,
    pub span: Span,
    pub kind: MentionKind,
    /// Token range of the proper name (persons) or the organisation's name.
    pub name: Option<(usize, usize)>,
    /// The words before the name that describe the speaker ("State Department spokesman").
    pub title: Option<Span>,
    pub gender: Gender,
    /// The honorific used (Mr., Ms.), if any.
    pub honorific: Option<Span>,
    /// The role or group word heading a mention with no name ("official", "aides").
    pub head: Option<(usize, String)>,
    pub plural: bool,
    /// The title holds a role word or an honorific ("spokesman", "Gov."), not only plain
    /// modifiers ("neighboring").
    pub role_title: bool,
    /// The organisation in a complement ("an official at *the ministry*"), as a token range.
    pub org: Option<(usize, usize)>,
    /// "Ames, who said ...": the relative pronoun that stands for this mention before the
    /// cue, itself a mention of the same entity.
    pub relative: Option<Span>,
}

/// How a token can take part in a speaker mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Np {
    Pronoun,
    Det,
    Cap,
    Role,
    Group,
    Modifier,
    /// "of" inside a title ("Secretary of State").
    Of,
    /// A period that belongs to an abbreviation or an initial ("Mr.", "J.").
    Period,
    Stop,
}

/// The longest speaker mention looked for, in tokens. Real mentions are far shorter
/// ("Republican vice-presidential nominee Gov. Mike Pence (R-IN)" is 9); the bound keeps every
/// search constant-time per token, so a page of "Mr. Mr. Mr." stays linear.
const MAX_NP: usize = 16;

impl Np {
    /// Every kind, each at the index of its discriminant (checked at compile time below).
    const ALL: [Np; 9] = [Np::Pronoun, Np::Det, Np::Cap, Np::Role, Np::Group, Np::Modifier, Np::Of, Np::Period, Np::Stop];
}

const _: () = {
    let mut i = 0;
    while i < Np::ALL.len() {
        assert!(Np::ALL[i] as usize == i);
        i += 1;
    }
};

impl Ctx<'_> {
    // (inlined, and the look-up kept out of line: a mention search asks this of the same
    // tokens again and again, and the answer is almost always in the cache already)
    #[inline]
    fn np(&self, i: usize) -> Np {
        if self.in_quote(i) {
            return Np::Stop;
        }
        // the cache holds 1 + the index in `Np::ALL`, 0 for not yet known
        let cell = &self.np_cache[i];
        match cell.get() {
            0 => {
                let np = self.np_unquoted(i);
                cell.set(np as u8 + 1);
                np
            }
            c => Np::ALL[usize::from(c - 1)],
        }
    }

    /// [`Ctx::np`] of a token outside any quotation: it depends on the document alone.
    #[inline(never)]
    fn np_unquoted(&self, i: usize) -> Np {
        let t = self.scan.tokens[i];
        match t.kind {
            TokKind::Word => {}
            // "61 percent said", "two aides said", "26% say"
            TokKind::Number => return Np::Modifier,
            TokKind::Punct('%') => return Np::Group,
            // "Sanders' campaign", "the teachers’ union": a lone closing single mark right after
            // a word in -s, before another word, is a plural or name possessive (no single
            // quotation is open, or the token would be inside it); it binds the owner to the
            // noun after it, as the "'s" of "Holt's aide" does
            TokKind::Mark(crate::scan::Mark::SingleClose)
                if i > 0
                    && self.scan.tokens[i - 1].end == t.start
                    && self.scan.tokens[i - 1].kind == TokKind::Word
                    && self.raw(i - 1).ends_with(['s', 'S'])
                    && self.scan.tokens.get(i + 1).is_some_and(|n| n.kind == TokKind::Word && n.start > t.end) =>
            {
                return Np::Modifier;
            }
            TokKind::Punct('.') => {
                // attached to a single capital letter or an abbreviation: "J." "Mr." "Sen."
                if i > 0 && self.scan.tokens[i - 1].end == t.start && self.scan.tokens[i - 1].kind == TokKind::Word {
                    let prev = self.raw(i - 1);
                    let ab = &self.lower[self.scan.tokens[i - 1].start..t.end];
                    let single_cap = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
                    if single_cap || self.lex.abbreviation(ab).is_some_and(|a| !a.can_end) {
                        return Np::Period;
                    }
                }
                return Np::Stop;
            }
            _ => return Np::Stop,
        }
        let lw = self.lw(i);
        // every class of the word at once (see `Scan::words`)
        let classes = self.lex.word_classes(self.scan.words[i]);
        let has = |c: WordClass| classes & c.bit() != 0;
        // (English writes "I" capitalised everywhere: a first-person pronoun stays one)
        if has(WordClass::Pronoun) && (!self.is_cap_mid(i) || self.lex.pronouns.get(lw).is_some_and(|p| p.first_person)) {
            return Np::Pronoun;
        }
        if has(WordClass::Determiner) && !self.is_cap_mid(i) {
            return Np::Det;
        }
        if has(WordClass::Role) {
            return Np::Role;
        }
        if has(WordClass::Group) {
            return Np::Group;
        }
        if lw == "of" || lw == "for" {
            return Np::Of;
        }
        // ("said Le Pen", "De Blasio said", "Al Gore": a particle written with a capital
        // before another capitalised word opens the name, or is a given name, as "Al")
        if has(WordClass::NameParticles) && !(self.is_cap(i) && i + 1 < self.scan.tokens.len() && self.is_cap(i + 1)) {
            return Np::Of;
        }
        if self.is_cap(i) {
            if has(WordClass::NotName) && !(self.continues_name(i) && !has(WordClass::Adverb)) {
                return Np::Stop;
            }
            return Np::Cap;
        }
        if has(WordClass::Modifier) || lw.ends_with("'s") || lw.ends_with("’s") {
            return Np::Modifier;
        }
        Np::Stop
    }

    /// The top-level quotation holding token `i`, when it is a nickname between the parts of
    /// a name (Robert “Bobby” Lane): (its opening-mark token, its closing-mark token).
    pub fn nickname_at(&self, i: usize) -> Option<(usize, usize)> {
        if self.level != 0 {
            return None;
        }
        let qi = self.scan.token_quote[i]? as usize;
        let q = &self.scan.quotes[qi];
        let close = q.close?;
        let o = self.tok_at(q.open.start);
        let c = self.tok_at(close.start);
        let cap = |k: usize| k < self.scan.tokens.len() && self.is_cap(k) && self.scan.token_quote[k].is_none();
        // (the words are counted last, and only up to three: this is asked of every token of
        // a quotation near a name, and a long quotation was counted whole every time)
        let short = || q.content().slice(self.text).split_whitespace().take(3).count() <= 2;
        (o > 0 && cap(o - 1) && cap(c + 1) && short()).then_some((o, c))
    }

    /// "Judicial Watch said", "Ian Read said", "Ms. From said": a capitalised word that opens
    /// no name ("watch", "read", "from") still ends one when it follows a capitalised name word
    /// of the same sentence with nothing between. Only one such word: the word before must be
    /// a plain name word itself (no second not-name, pronoun or determiner), and the caller
    /// leaves out adverbs that stand between a subject and its verb ("Kirby Monday said").
    fn continues_name(&self, i: usize) -> bool {
        if i == 0 || self.sentence_start_token(i) == i || self.in_quote(i - 1) {
            return false;
        }
        let p = i - 1;
        let t = self.scan.tokens[p];
        if t.kind == TokKind::Punct('.') {
            // an honorific or an initial: "Ms. From", "J. Read"
            return self.np(p) == Np::Period;
        }
        let bad = [WordClass::NotName, WordClass::Pronoun, WordClass::Determiner, WordClass::Adverb];
        t.kind == TokKind::Word && self.is_cap(p) && self.lex.word_classes(self.scan.words[p]) & bad.iter().fold(0, |m, c| m | c.bit()) == 0
    }

    /// A pronoun or determiner written with a capital in mid-sentence is part of a name.
    fn is_cap_mid(&self, i: usize) -> bool {
        self.is_cap(i) && self.sentence_start_token(i) != i && self.raw(i).chars().all(|c| c.is_uppercase())
    }

    /// The speaker mention that ends just before token `end` (exclusive), not reaching below
    /// `floor`. Used for "Kirby said" and "a senior official said".
    pub fn mention_before(&self, end: usize, floor: usize) -> Option<Mention> {
        if end <= floor {
            return None;
        }
        let h = end - 1;
        // "those polled said", "half of those surveyed say": "those" with a past participle
        // names the people it describes (`participle_groups`), though the participle is a cue
        // form of its own
        if h > floor && self.lex.is("participle_groups", self.lw(h - 1)) && !self.in_quote(h - 1) && self.lw(h).ends_with("ed") && !self.is_cap(h) {
            return self.phrase_mention(h - 1, end).map(|m| Mention { plural: true, ..m });
        }
        // "the crowd yelled", "The Democratic frontrunner wrote": a plain noun heads the
        // mention only when a determiner opens it
        // ("a lawyer for the city said": a modifier word ends a mention as a plain noun too)
        let free_head = matches!(self.np(h), Np::Stop | Np::Modifier) && self.scan.tokens[h].kind == TokKind::Word && self.is_free_modifier(h);
        // "most said", "several said": a quantifier standing for a group already named
        if self.np(h) == Np::Det && self.word_is(h, WordClass::Quantifiers) {
            return self.phrase_mention(h, end);
        }
        match self.np(h) {
            Np::Pronoun => return Some(self.pronoun_mention(h)),
            Np::Cap | Np::Role | Np::Group | Np::Period => {}
            _ if free_head => {}
            _ => return None,
        }
        let mut k = end;
        let mut free = 0;
        let mut held = false;
        let floor = floor.max(end.saturating_sub(MAX_NP));
        while k > floor {
            let i = k - 1;
            match self.np(i) {
                Np::Cap | Np::Role | Np::Group | Np::Modifier | Np::Period => k = i,
                Np::Stop if k < end && self.nickname_at(i).is_some_and(|(o, c)| c == i && o > floor) => {
                    k = self.nickname_at(i).map(|(o, _)| o).unwrap_or(i);
                }
                Np::Stop if free < 2 && self.is_free_modifier(i) && (free_head || k < end) => {
                    free += 1;
                    k = i;
                }
                Np::Of => {
                    // only between two parts of the phrase: "Secretary of State John Kerry"
                    if i > floor && matches!(self.np(i - 1), Np::Cap | Np::Role | Np::Group) && k < end {
                        k = i;
                    } else {
                        break;
                    }
                }
                Np::Det => {
                    k = i;
                    // "a senior official at the ministry": the organisation was a
                    // complement; the mention goes on with the role before it
                    // (also "Holt of the Harbor Trust": a name and its organisation)
                    if i >= floor + 2
                        && self.role_prep(i - 1)
                        && (matches!(self.np(i - 2), Np::Role | Np::Group)
                            || (self.lw(i - 1) == "of" && self.np(i - 2) == Np::Cap && !self.word_is(i - 2, WordClass::OrgHead)))
                        && !self.in_quote(i - 1)
                    {
                        k = i - 1;
                        // ("Everyone in the valley knows": the plain noun that ended the
                        // phrase was held by the complement's determiner; after "of" only
                        // for a role word, "members of the board": a quantity or group word
                        // before "of" counts a thing as often, "half of the year")
                        held |= self.lw(i - 1) != "of" || self.np(i - 2) == Np::Role;
                        continue;
                    }
                    break;
                }
                // "the state senator and former harbor master": two titles of one person
                Np::Stop
                    if k < end
                        && self.lw(i) == "and"
                        && i > floor
                        && self.np(i - 1) == Np::Role
                        && self.np(h) == Np::Role
                        && (k..end).all(|j| self.np(j) != Np::Det) =>
                {
                    k = i;
                }
                // "the senator from Oregon said": a role word's place
                Np::Stop
                    if k < end
                        && i > floor
                        && self.np(i - 1) == Np::Role
                        && self.role_prep(i)
                        && !self.in_quote(i)
                        && (k..end).all(|j| self.np(j) == Np::Cap) =>
                {
                    k = i;
                }
                // "Fishermen in Porthaven say", "Farmers across Wales said": a plural that
                // opens the sentence, capitalised only for that (the article never writes it
                // so in mid-sentence), before a place is a group of people from there; the
                // lexicon knows "residents" or "voters" as group words, not every trade
                Np::Stop
                    if k < end
                        && i > floor
                        && i - 1 == self.sentence_start_token(i - 1)
                        && self.np(i - 1) == Np::Cap
                        // (a plural: "-s", or "-men" as in "fishermen", or a plural of the
                        // lexicon, "people")
                        && (s_form(self.lw(i - 1)) || self.lw(i - 1).ends_with("men") || self.word_is(i - 1, WordClass::PluralNouns))
                        && !self.proper.contains(self.lw(i - 1))
                        && self.role_prep(i)
                        && !self.in_quote(i)
                        && (k..end).all(|j| self.np(j) == Np::Cap) =>
                {
                    return self.phrase_mention(i - 1, end).map(|m| Mention { plural: true, head: Some((i - 1, self.lw(i - 1).to_string())), ..m });
                }
                Np::Pronoun | Np::Stop => break,
            }
        }
        // plain nouns must be held by a determiner ("the crowd"), else they were not a mention
        if (free_head || free > 0) && !held {
            // "Town engineer Paul Grady said": plain nouns before a name or role are its
            // title when nothing but a clause boundary comes before them
            let bounded = k == floor
                || k == self.sentence_start_token(k)
                || self.in_quote(k - 1)
                || matches!(self.scan.tokens[k - 1].kind, TokKind::Punct(',' | ';' | ':') | TokKind::Dash);
            let titled = !free_head && bounded;
            // a plain-noun head ("the crowd") must be the subject of its clause, not the
            // object of a preposition ("near the door")
            let opened = k < end && self.np(k) == Np::Det && (!free_head || bounded);
            if !opened && !titled {
                // drop the plain words and keep what is a mention on its own
                let mut k2 = k;
                while k2 < end && self.np(k2) == Np::Stop {
                    k2 += 1;
                }
                return if free_head { None } else { self.build(k2, end) };
            }
        }
        // "one of the aides said": the quantity before the group is part of the mention
        let mut j = k;
        if j > floor && self.word_is(j - 1, WordClass::GroupDeterminers) {
            j -= 1;
        }
        if j >= floor + 2 && self.lw(j - 1) == "of" && self.np(j - 2) == Np::Det {
            if let Some(p) = self.partitive(j - 2, end).filter(|p| p.end == end) {
                return Some(p);
            }
        }
        self.build(k, end)
    }

    /// The phrase before a personal relative pronoun ("who") when no mention rule takes it:
    /// "met a young farmer who said ...", "uniting liberals who wanted ...". The pronoun
    /// shows the phrase names people, so a plain noun heads it wherever it stands (a mention
    /// headed by one must otherwise open its clause, see [`Ctx::mention_before`]): up to
    /// three plain words ending at `end`, after a determiner, or without one when the head is
    /// a plural ("-s").
    pub fn antecedent_before(&self, end: usize, floor: usize) -> Option<Mention> {
        const MAX_WORDS: usize = 3;
        let mut k = end;
        while k > floor && end - k < MAX_WORDS && (self.is_free_modifier(k - 1) || (k < end && self.np(k - 1) == Np::Modifier)) {
            k -= 1;
        }
        if k == end || !self.is_free_modifier(end - 1) {
            return None;
        }
        let h = self.lw(end - 1);
        let plural = s_form(h);
        let mut m = if k > floor && self.np(k - 1) == Np::Det && !self.word_is(k - 1, WordClass::Quantifiers) {
            self.phrase_mention(k - 1, end)?
        } else if !plural || (k > floor && self.scan.tokens[k - 1].kind == TokKind::Word && self.np(k - 1) != Np::Stop) {
            return None;
        } else {
            self.phrase_mention(k, end)?
        };
        m.plural = plural;
        m.kind = if m.plural { MentionKind::Group } else { MentionKind::Anonymous };
        Some(m)
    }

    /// The speaker mention starting at token `start`, not reaching `limit`. Used for
    /// "said Kirby" and "according to a senior official".
    pub fn mention_after(&self, start: usize, limit: usize) -> Option<Mention> {
        let limit = limit.min(start + MAX_NP);
        if start >= limit {
            return None;
        }
        if self.np(start) == Np::Pronoun {
            return Some(self.pronoun_mention(start));
        }
        if let Some(m) = self.partitive(start, limit) {
            return Some(m);
        }
        let mut k = start;
        if self.np(k) == Np::Det {
            k += 1;
        }
        let heads = |i: usize| i < limit && matches!(self.np(i), Np::Role | Np::Cap | Np::Group);
        while k < limit {
            match self.np(k) {
                Np::Cap | Np::Role | Np::Group | Np::Modifier | Np::Period => k += 1,
                // "Secretary of State", "Clara van der Berg": connectors before a capital
                // but not after a personal name: "Sen. Jo Marsh of Oregon" is Jo Marsh, from
                // Oregon (a name cannot be built across the place)
                Np::Of
                    if k > start
                        && !(self.np(k - 1) == Np::Cap && !self.word_is(k - 1, WordClass::OrgHead) && !self.word_is(k, WordClass::NameParticles))
                        && (k + 1..limit.min(k + 3)).find(|&j| self.np(j) != Np::Of).is_some_and(|j| self.np(j) == Np::Cap) =>
                {
                    k += 1
                }
                Np::Stop if k > start && self.nickname_at(k).is_some_and(|(o, c)| o == k && c + 1 < limit) => {
                    k = self.nickname_at(k).map(|(_, c)| c + 1).unwrap_or(k + 1);
                }
                // "passenger Nora Quill", "chief operating officer": up to two plain nouns
                // before a role word or a name describe the speaker (but in "Ortiz thanked
                // Webb" a past form right after a name is its verb)
                Np::Stop
                    if !(k > start && self.np(k - 1) == Np::Cap && self.is_past_cue(k))
                        && self.is_free_modifier(k)
                        && (heads(k + 1) || (k + 1 < limit && self.is_free_modifier(k + 1) && heads(k + 2))) =>
                {
                    k += 1
                }
                _ => break,
            }
        }
        // a trailing modifier or "of" is not part of the mention
        while k > start && matches!(self.np(k - 1), Np::Modifier | Np::Of | Np::Det) {
            k -= 1;
        }
        // "the conductor", "a man": a determiner and one plain noun
        if k == start && self.np(start) == Np::Det && start + 1 < limit && self.np(start + 1) == Np::Stop && self.is_free_modifier(start + 1) {
            return self.build(start, start + 2);
        }
        // "a senior official at the ministry", "a spokesman for the campaign"; "Holt of the
        // Harbor Trust": a personal name with its organisation
        if k > start
            && k + 1 < limit
            && (matches!(self.np(k - 1), Np::Role | Np::Group) || (self.np(k - 1) == Np::Cap && self.lw(k) == "of" && !self.word_is(k - 1, WordClass::OrgHead)))
            && self.role_prep(k)
            && !self.in_quote(k)
            && matches!(self.np(k + 1), Np::Det | Np::Cap)
        {
            if let Some(org) = self.mention_after(k + 1, limit).filter(|o| o.first == k + 1) {
                // ("a lawyer for the family": a role word's complement may be a plain noun;
                // "asked the company for a meeting" is no such complement)
                let role_complement = org.kind == MentionKind::Anonymous && self.np(k - 1) == Np::Role && self.np(k + 1) == Np::Det;
                // ("a statement from Kelby Police", "a spokesman for Harlow Airlines": a named
                // organisation or body without an article, as with one; a person or a place
                // after the preposition, "a senator from Ohio", is left to the rules of places)
                if matches!(org.kind, MentionKind::Organization | MentionKind::Group) || role_complement {
                    k = org.end;
                }
            }
        }
        self.build(start, k)
    }

    /// "“...,” said a local trader.": right after a quotation and its cue, a determiner and
    /// two plain words that end the clause (a comma, the sentence end) name the speaker,
    /// though neither is a role word of the lexicon. Elsewhere a plain noun heads a
    /// mention only after a determiner and alone ([`Ctx::mention_after`]), since "the
    /// local paper" may as well be an addressee or an object; in this slot nothing else can
    /// stand. Tried before [`Ctx::mention_after`], whose determiner-and-one-noun rule would
    /// stop at "the village" in "said the village baker".
    pub(crate) fn plain_speaker_after(&self, start: usize, limit: usize) -> Option<Mention> {
        if start + 3 > limit || self.np(start) != Np::Det || self.in_quote(start) {
            return None;
        }
        let end = start + 3;
        let closes = end == limit || matches!(self.scan.tokens[end].kind, TokKind::Punct(',' | '.' | ';') | TokKind::Dash);
        (closes && self.is_free_modifier(start + 1) && self.is_free_modifier(start + 2)).then(|| self.build(start, end)).flatten()
    }

    /// "one of those advisers", "two of his aides", "some of the protesters": a quantity of
    /// a group of people is a speaker too; one of them is an anonymous source, more of
    /// them a group. The group phrase after "of" may open with a demonstrative or a
    /// possessive pronoun, and must be headed by a role or group word.
    fn partitive(&self, start: usize, limit: usize) -> Option<Mention> {
        if start + 3 > limit || self.np(start) != Np::Det || self.lw(start + 1) != "of" || self.in_quote(start) {
            return None;
        }
        let mut g = start + 2;
        if self.word_is(g, WordClass::GroupDeterminers) {
            g += 1;
        }
        let inner = self.mention_after(g, limit)?;
        if inner.first != g || !matches!(inner.kind, MentionKind::Group | MentionKind::Anonymous) {
            return None;
        }
        let one = self.word_is(start, WordClass::SingularQuantities);
        Some(Mention {
            first: start,
            span: Span::new(self.scan.tokens[start].start, inner.span.end),
            kind: if one { MentionKind::Anonymous } else { MentionKind::Group },
            plural: !one,
            ..inner
        })
    }

    /// A source phrase that no mention rule covers ("early results of exit polls conducted
    /// for the networks"), taken whole as a group source. Used after "according to", where
    /// whatever stands between the cue and the comma is the source.
    pub(crate) fn phrase_mention(&self, a: usize, b: usize) -> Option<Mention> {
        if a >= b || (a..b).any(|i| self.in_quote(i)) || !(a..b).any(|i| self.scan.tokens[i].kind == TokKind::Word) {
            return None;
        }
        let last = (a..b).rev().find(|&i| self.scan.tokens[i].kind == TokKind::Word)?;
        let span = Span::new(self.scan.tokens[a].start, self.scan.tokens[b - 1].end);
        Some(Mention {
            first: a,
            end: b,
            span,
            kind: MentionKind::Group,
            name: None,
            title: Some(span),
            gender: Gender::Unknown,
            honorific: None,
            head: Some((last, self.lw(last).to_string())),
            plural: false,
            org: None,
            role_title: false,
            relative: None,
        })
    }

    /// Whether the word at `i` is a possessive determiner ("his", "its", "their").
    pub(crate) fn is_possessive_determiner(&self, i: usize) -> bool {
        self.lex.pronoun_of_possessive(self.lw(i)).is_some()
    }

    /// "his", "their": a possessive determiner, as the pronoun it stands for.
    pub(crate) fn possessive_mention(&self, i: usize) -> Option<Mention> {
        Some(self.pronoun_entry_mention(i, self.lex.pronoun_of_possessive(self.lw(i))?))
    }

    fn pronoun_mention(&self, i: usize) -> Mention {
        self.pronoun_entry_mention(i, &self.lex.pronouns[self.lw(i)])
    }

    fn pronoun_entry_mention(&self, i: usize, p: &crate::lexicon::PronounEntry) -> Mention {
        Mention {
            first: i,
            end: i + 1,
            span: self.tok_span(i),
            kind: MentionKind::Pronoun,
            name: None,
            title: None,
            gender: p.gender,
            honorific: None,
            head: Some((i, self.lw(i).to_string())),
            plural: p.number == crate::lexicon::Number::Plural,
            org: None,
            role_title: false,
            relative: None,
        }
    }

    /// A lowercase content word that may stand before a role or a name in a speaker
    /// mention ("passenger", "guild"): not a function word, an adverb or a cue.
    pub fn is_free_modifier(&self, i: usize) -> bool {
        let t = self.scan.tokens[i];
        if t.kind != TokKind::Word || self.in_quote(i) || self.is_cap(i) {
            return false;
        }
        let lw = self.lw(i);
        // a sentence starter, an adverb, a word that is no name, a pronoun, a word that heads
        // no mention or a one-word cue
        let excluded = [WordClass::SentenceStarter, WordClass::Adverb, WordClass::NotName, WordClass::Pronoun, WordClass::NotHead, WordClass::CueWord];
        // (the class bits before the characters: one load against two walks over the word)
        lw.len() > 2
            && self.lex.word_classes(self.scan.words[i]) & excluded.iter().fold(0, |m, c| m | c.bit()) == 0
            && lw.chars().all(|c| c.is_alphanumeric() || c == '-')
            && lw.chars().any(char::is_alphabetic)
    }

    /// A preposition that ties a role word to a place or an organisation inside a mention
    /// ("a senior official at the ministry", "an adviser to the governor").
    fn role_prep(&self, i: usize) -> bool {
        self.word_is(i, WordClass::RolePrepositions) || self.word_is(i, WordClass::RoleLinks)
    }

    /// Classifies the token range `a..b` as a mention (grammar/speakers.toml).
    pub(crate) fn build(&self, a: usize, b_full: usize) -> Option<Mention> {
        if a >= b_full {
            return None;
        }
        // ("the head of Harlow Airlines": capitals after "of" that hold an organisation word
        // name the organisation the role is in, unlike "Secretary of State")
        let org_after = |i: usize| (i + 1..b_full).take_while(|&j| matches!(self.np(j), Np::Cap | Np::Period)).any(|j| self.word_is(j, WordClass::OrgHead));
        // "an official at the ministry": classify by the part before the preposition, but
        // keep the whole phrase as the mention and its title
        // "Sen. Ida Holt of Oregon", "the senator from Oregon": likewise a place after a
        // personal name or a role word
        let b = (a + 1..b_full)
            .find(|&i| {
                let w = self.lw(i);
                let prep = self.role_prep(i) && i + 1 < b_full;
                // ("Secretary of State" is one title: a capital after "of" belongs to it)
                (prep && matches!(self.np(i - 1), Np::Role | Np::Group) && (self.np(i + 1) == Np::Det || (self.np(i + 1) == Np::Cap && (w != "of" || org_after(i)))))
                    // ("Residents of Oak Hill", "members of Congress": after a plural role or
                    // group word, "of" and a capital are where or whom, not a title's part as
                    // in "Secretary of State")
                    || (prep && w == "of" && matches!(self.np(i - 1), Np::Role | Np::Group) && self.np(i + 1) == Np::Cap && s_form(self.lw(i - 1)))
                    || (prep
                        && w == "of"
                        && self.np(i - 1) == Np::Cap
                        && !self.word_is(i - 1, WordClass::OrgHead)
                        && !self.word_is(i - 1, WordClass::Role)
                        && !self.is_honorific_word(i - 1)
                        && b_full - i <= 5
                        && (i + 1..b_full).all(|j| self.np(j) == Np::Cap || (j == i + 1 && self.np(j) == Np::Det && j + 1 < b_full)))
            })
            .unwrap_or(b_full);
        // what each token is; on the stack, since a mention is short (MAX_NP) and build runs
        // for every candidate phrase
        let mut on_stack = [Np::Stop; 2 * MAX_NP];
        let on_heap: Vec<Np>;
        let classes: &[Np] = if b - a <= on_stack.len() {
            for (c, i) in on_stack.iter_mut().zip(a..b) {
                *c = self.np(i);
            }
            &on_stack[..b - a]
        } else {
            on_heap = (a..b).map(|i| self.np(i)).collect();
            &on_heap
        };
        if classes.is_empty() {
            return None;
        }
        let det_free = classes[0] == Np::Det && classes[b - a - 1] == Np::Stop && self.is_free_modifier(b - 1);
        if !classes.iter().any(|c| matches!(c, Np::Cap | Np::Role | Np::Group)) && !det_free {
            return None;
        }
        // the proper name: the trailing run of capitalised words that are not titles,
        // honorifics, roles or organisation words
        let mut n0 = b;
        while n0 > a {
            let i = n0 - 1;
            let c = classes[i - a];
            // "Secretary of State John Kerry": a word after "of" belongs to the title
            let after_of = i > a && self.lw(i - 1) == "of";
            let possessive = i + 1 < b && (self.lw(i).ends_with("'s") || self.lw(i).ends_with("’s"));
            if possessive {
                break;
            }
            if let Some((o, c)) = self.nickname_at(i) {
                if c == i && o > a {
                    n0 = o;
                    continue;
                }
            }
            // "Tom Berg Jr.": a name suffix (`name_suffixes`) and its period end the name
            let suffix = |j: usize| j > a && self.word_is(j, WordClass::NameSuffixes) && (j + 1 == b || (j + 2 == b && classes[j + 1 - a] == Np::Period));
            // "Mr. King", "Rep. Ana Bishop": a title word that ends the mention after an
            // abbreviated honorific, or after a given name that follows a title, is a surname
            // (but "Secretary General" stays a title)
            let surname = |i: usize| {
                if i + 1 != b || !self.is_cap(i) {
                    return false;
                }
                // back over at most two given names
                let mut j = i;
                while j > a.max(i.saturating_sub(2)) && classes[j - 1 - a] == Np::Cap && !self.is_honorific_word(j - 1) {
                    j -= 1;
                }
                let abbreviated = j >= a + 2 && classes[j - 1 - a] == Np::Period && self.is_honorific_word(j - 2);
                // "Ada King, a teacher": given names that open the mention, with no article
                // before them, make the title word a surname; an organisation word before it
                // keeps it a title ("Senate Speaker")
                let given = j < i && j == a && (j..i).all(|k| !self.word_is(k, WordClass::OrgHead));
                abbreviated || given || (j < i && j > a && self.is_honorific_word(j - 1))
            };
            let part = match c {
                Np::Cap if suffix(i) => true,
                Np::Cap if self.is_honorific_word(i) && surname(i) => true,
                Np::Cap => !self.word_is(i, WordClass::OrgHead) && !self.is_honorific_word(i) && !after_of,
                Np::Period => i > a && (self.raw(i - 1).chars().count() == 1 || (i == b - 1 && suffix(i - 1))),
                Np::Of => self.word_is(i, WordClass::NameParticles) && n0 < b,
                _ => false,
            };
            if !part {
                break;
            }
            n0 = i;
        }
        // a single-letter "name" left over from an initial is not a name
        // "Greyford's Millrace" names a place or thing, not a person
        // but two name words after it are a person of that organisation ("the Gazette's Rosa
        // Lind", "Norvale's Ada M. Brook"): a place or thing is rarely named in two words
        let after_possessive = n0 > a && (self.lw(n0 - 1).ends_with("'s") || self.lw(n0 - 1).ends_with("’s"));
        let name_words = (n0..b).filter(|&i| classes[i - a] == Np::Cap && self.raw(i).chars().count() > 1).count();
        let name_has_word = if after_possessive { name_words >= 2 } else { name_words >= 1 };
        let last = b - 1;
        let first_content = if classes[0] == Np::Det { a + 1 } else { a };
        let span = Span::new(self.scan.tokens[a].start, self.scan.tokens[b_full - 1].end);
        let mut m = Mention {
            first: a,
            end: b_full,
            span,
            kind: MentionKind::Person,
            name: None,
            title: None,
            gender: Gender::Unknown,
            honorific: None,
            head: None,
            plural: false,
            org: (b < b_full).then_some((b + 1, b_full)),
            role_title: (first_content..n0.min(b)).any(|i| classes[i - a] == Np::Role || self.honorific_at(i).is_some()),
            relative: None,
        };
        // gender and honorific from the words before the name
        for i in first_content..n0.min(b) {
            if let Some(g) = self.honorific_at(i) {
                m.honorific = Some(self.honorific_span(i));
                if g != Gender::Unknown {
                    m.gender = g;
                }
            }
            // (the class bit first: most words are no role, and need no look-up)
            if let Some(&g) = self.word_is(i, WordClass::Role).then(|| self.lex.roles.get(self.lw(i))).flatten() {
                if g != Gender::Unknown {
                    m.gender = g;
                }
            }
        }
        let org_word = (first_content..b).any(|i| self.word_is(i, WordClass::OrgHead) && matches!(classes[i - a], Np::Cap | Np::Group));
        if name_has_word && n0 < b {
            m.name = Some((n0, b));
            if n0 > first_content {
                let t = Span::new(self.scan.tokens[first_content].start, self.scan.tokens[n0 - 1].end);
                m.title = Some(t);
            }
            // "Harlow Corp" / "the Transit Authority": a capitalised run with an org word
            // ("Ministry" may be classed a group word: capitalised, it is part of the name)
            let cap_run_has_org = (first_content..b)
                .all(|i| matches!(classes[i - a], Np::Cap | Np::Of | Np::Period) || (classes[i - a] == Np::Group && self.is_cap(i)))
                && org_word;
            if cap_run_has_org {
                m.kind = MentionKind::Organization;
                m.name = Some((first_content, b));
                m.title = None;
            }
            return Some(m);
        }
        // no personal name: an organisation, a group or an anonymous source
        let head = self.lw(last);
        if org_word && matches!(classes[last - a], Np::Cap | Np::Group) && !self.word_is(last, WordClass::Role) {
            m.kind = MentionKind::Organization;
            m.name = Some((first_content, b));
            return Some(m);
        }
        match classes[last - a] {
            Np::Role | Np::Group | Np::Stop if classes[last - a] != Np::Stop || det_free => {
                m.plural = s_form(head) || self.word_is(last, WordClass::PluralNouns);
                m.kind = if m.plural || classes[last - a] == Np::Group { MentionKind::Group } else { MentionKind::Anonymous };
                if n0 > first_content || b < b_full {
                    let t = Span::new(self.scan.tokens[first_content].start, self.scan.tokens[b_full - 1].end);
                    m.title = Some(t);
                }
                m.head = Some((last, head.to_string()));
                Some(m)
            }
            Np::Cap => {
                // a capitalised group word or a lone honorific-looking word: treat as a group
                if self.word_is(last, WordClass::Group) {
                    m.kind = MentionKind::Group;
                    m.plural = true;
                    m.head = Some((last, head.to_string()));
                    return Some(m);
                }
                // "the mayor of Holby", "the chief executive of Tesco", "the Secretary of
                // State": a role word with "of" and capitalised words after it, and no
                // personal name, is one holder of that office (the capitals after "of" are
                // the office's, see `after_of` above)
                let of = (first_content + 1..last).rev().find(|&j| classes[j - a] == Np::Of)?;
                let role = of - 1;
                let complement = (of + 1..b).all(|j| matches!(classes[j - a], Np::Cap | Np::Of | Np::Period) || (j == of + 1 && classes[j - a] == Np::Det));
                if classes[role - a] != Np::Role || !complement {
                    return None;
                }
                let role_word = self.lw(role);
                m.plural = s_form(role_word) || self.word_is(role, WordClass::PluralNouns);
                m.kind = if m.plural { MentionKind::Group } else { MentionKind::Anonymous };
                m.title = Some(Span::new(self.scan.tokens[first_content].start, self.scan.tokens[b_full - 1].end));
                m.head = Some((role, role_word.to_string()));
                Some(m)
            }
            _ => None,
        }
    }

    fn is_honorific_word(&self, i: usize) -> bool {
        self.honorific_at(i).is_some()
    }

    /// The gender an honorific or title at token `i` gives ("Mr." male, "Gov." unknown).
    #[inline]
    fn honorific_at(&self, i: usize) -> Option<Gender> {
        // the cache holds 1 for none, 2, 3 or 4 for an honorific of each gender
        let cell = &self.honorific_cache[i];
        match cell.get() {
            0 => {
                let h = self.honorific_uncached(i);
                cell.set(match h {
                    None => 1,
                    Some(Gender::Male) => 2,
                    Some(Gender::Female) => 3,
                    Some(Gender::Unknown) => 4,
                });
                h
            }
            1 => None,
            2 => Some(Gender::Male),
            3 => Some(Gender::Female),
            _ => Some(Gender::Unknown),
        }
    }

    /// [`Ctx::honorific_at`], looked up (out of line, like [`Ctx::np_unquoted`]).
    #[inline(never)]
    fn honorific_uncached(&self, i: usize) -> Option<Gender> {
        let t = self.scan.tokens[i];
        let with_period = self.scan.tokens.get(i + 1).filter(|n| n.start == t.end && n.kind == TokKind::Punct('.'));
        if let Some(p) = with_period {
            if let Some((1, g)) = self.lex.honorifics.longest(&[&self.lower[t.start..p.end]]) {
                return Some(*g);
            }
        }
        self.lex.honorifics.longest_ids(&[self.scan.words[i]]).filter(|(n, _)| *n == 1).map(|(_, g)| *g)
    }

    fn honorific_span(&self, i: usize) -> Span {
        let t = self.scan.tokens[i];
        match self.scan.tokens.get(i + 1) {
            Some(n) if n.start == t.end && n.kind == TokKind::Punct('.') => Span::new(t.start, n.end),
            _ => Span::new(t.start, t.end),
        }
    }
}
