//! Attribution and consistency expectations for every fixture in tests/fixtures, taken from
//! tests/fixtures/README.md (one `#[test]` per fixture file).
//!
//! Each test collects every failed expectation of its fixture and panics once at the end
//! with the whole list, so a single run shows every gap of the analyser.

use quotecheck::model::{EntityKind, Quote, QuoteKind, Via};
use quotecheck::span::Span;
use quotecheck::{Analysis, Config, Severity};

// ---------------------------------------------------------------------------------------
// Expectations
// ---------------------------------------------------------------------------------------

/// Who the README says the speaker is.
#[derive(Clone, Copy)]
enum Who {
    /// A resolved entity with this canonical name.
    Is(&'static str),
    /// A resolved entity with this canonical name, through this mention ("the ministry").
    As(&'static str, &'static str),
    /// An anonymous speaker with this mention text.
    Anon(&'static str),
    /// An anonymous speaker with this mention text, affiliated with the organisation named.
    AnonOf(&'static str, &'static str),
    /// No speaker at all.
    Nobody,
}

/// The shape of the quotation the README describes.
#[derive(Clone, Copy)]
enum Shape {
    Direct,
    /// A partial quotation (a fragment inside the writer's sentence): Partial or Mixed.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
    /// Scare quotes: a term, title or nickname, no speech.
    Scare,
    /// One quotation in two segments: the second segment opens with these words.
    Split(&'static str),
    /// One quotation over paragraphs `p..=last`, ending with these words.
    Block {
        last: usize,
        ends: &'static str,
    },
    /// Nested inside the top-level quotation of the same paragraph opening with these words.
    Nested(&'static str),
}

struct Row {
    /// 1-based paragraph (headline = 1) where the quotation opens.
    p: usize,
    /// The first words of its content.
    opens: &'static str,
    who: Who,
    via: Option<Via>,
    shape: Shape,
}

const EXPLICIT: Option<Via> = Some(Via::Explicit);
const PRONOUN: Option<Via> = Some(Via::Pronoun);
const CONTINUATION: Option<Via> = Some(Via::Continuation);
const ACCORDING_TO: Option<Via> = Some(Via::AccordingTo);

fn direct(p: usize, opens: &'static str, who: Who, via: Option<Via>) -> Row {
    Row { p, opens, who, via, shape: Shape::Direct }
}
fn partial(p: usize, opens: &'static str, who: Who, via: Option<Via>) -> Row {
    Row { p, opens, who, via, shape: Shape::Partial }
}
fn indirect(p: usize, opens: &'static str, who: Who, via: Option<Via>) -> Row {
    Row { p, opens, who, via, shape: Shape::Indirect }
}
fn scare(p: usize, opens: &'static str) -> Row {
    Row { p, opens, who: Who::Nobody, via: None, shape: Shape::Scare }
}
fn split(p: usize, first: &'static str, second: &'static str, who: Who, via: Option<Via>) -> Row {
    Row { p, opens: first, who, via, shape: Shape::Split(second) }
}
fn block(p: usize, last: usize, opens: &'static str, ends: &'static str, who: Who, via: Option<Via>) -> Row {
    Row { p, opens, who, via, shape: Shape::Block { last, ends } }
}
fn inner(p: usize, opens: &'static str, outer: &'static str, who: Who, via: Option<Via>) -> Row {
    Row { p, opens, who, via, shape: Shape::Nested(outer) }
}

use Who::{Anon, AnonOf, As, Is, Nobody};

// ---------------------------------------------------------------------------------------
// The checker: runs the analyser on a fixture and collects failed expectations
// ---------------------------------------------------------------------------------------

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Fx {
    name: &'static str,
    a: Analysis,
    /// Byte ranges of the blank-line-separated paragraphs; index 0 is ¶1.
    paras: Vec<Span>,
    failures: Vec<String>,
}

impl Fx {
    fn load(name: &'static str) -> Fx {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let a = quotecheck::analyze(name, &text, &Config::default());
        let mut paras = Vec::new();
        let mut start = 0;
        for block in text.split("\n\n") {
            let end = start + block.len();
            paras.push(Span::new(start, end));
            start = end + 2;
        }
        Fx { name, a, paras, failures: Vec::new() }
    }

    fn text(&self) -> &str {
        &self.a.text
    }

    fn fail(&mut self, msg: String) {
        self.failures.push(msg);
    }

    fn para(&self, p: usize) -> Span {
        self.paras[p - 1]
    }

    fn para_of(&self, offset: usize) -> usize {
        self.paras.iter().position(|s| s.start <= offset && offset <= s.end).map(|i| i + 1).unwrap_or(0)
    }

    /// Where `phrase` occurs in ¶p (the first occurrence); a missing phrase is a bug in this
    /// test file, not in the analyser.
    fn locate(&self, p: usize, phrase: &str) -> Span {
        let ps = self.para(p);
        let at = ps.slice(self.text()).find(phrase).unwrap_or_else(|| panic!("{}: “{phrase}” is not in ¶{p}", self.name));
        Span::new(ps.start + at, ps.start + at + phrase.len())
    }

    /// The quotation's words, whitespace-normalised: its segments if it has several, else
    /// its content.
    fn words(&self, q: &Quote) -> String {
        if q.segments.is_empty() {
            norm(q.content.slice(self.text()))
        } else {
            norm(&q.segments.iter().map(|s| s.slice(self.text())).collect::<Vec<_>>().join(" "))
        }
    }

    fn describe(&self, i: usize) -> String {
        let q = &self.a.quotes[i];
        let speaker = match &q.speaker {
            Some(s) => format!("speaker {:?} (mention “{}”, via {:?})", self.a.entities[s.entity].name, s.mention.slice(self.text()), s.via),
            None => "no speaker".to_string(),
        };
        let mut w = self.words(q);
        if w.chars().count() > 70 {
            w = format!("{}…", w.chars().take(70).collect::<String>());
        }
        format!("q{i} [{:?}, ¶{}, parent {:?}, {speaker}] “{w}”", q.kind, self.para_of(q.content.start), q.parent)
    }

    /// The quotation of ¶p (content opening there) with the given parent whose words
    /// contain `opens`; one opening with them is preferred, then the shortest.
    fn find(&self, p: usize, opens: &str, parent: Option<usize>) -> Option<usize> {
        let ps = self.para(p);
        let want = norm(opens);
        self.a
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.parent == parent && ps.start <= q.content.start && q.content.start <= ps.end)
            .filter(|(_, q)| self.words(q).contains(&want))
            .min_by_key(|(_, q)| (!self.words(q).starts_with(&want), q.content.len()))
            .map(|(i, _)| i)
    }

    fn quotes_in(&self, p: usize) -> String {
        let ps = self.para(p);
        let list: Vec<String> = (0..self.a.quotes.len())
            .filter(|&i| ps.contains(Span::new(self.a.quotes[i].content.start, self.a.quotes[i].content.start)))
            .map(|i| self.describe(i))
            .collect();
        if list.is_empty() {
            "no quotation at all there".to_string()
        } else {
            format!("quotations there: {}", list.join("; "))
        }
    }

    /// Checks every row of a fixture's table.
    fn rows(&mut self, rows: &[Row]) {
        for r in rows {
            self.row(r);
        }
    }

    fn row(&mut self, r: &Row) {
        let label = format!("{} ¶{} “{}”", self.name, r.p, r.opens);
        let parent = match r.shape {
            Shape::Nested(outer) => match self.find(r.p, outer, None) {
                Some(o) => Some(o),
                None => {
                    let m = format!("{label}: the outer quotation “{outer}” was not found ({})", self.quotes_in(r.p));
                    self.fail(m);
                    return;
                }
            },
            _ => None,
        };
        let Some(i) = self.find(r.p, r.opens, parent) else {
            let m = match parent {
                Some(o) => format!("{label}: expected a quotation nested in q{o} containing these words; {}", self.quotes_in(r.p)),
                None => format!("{label}: expected a top-level quotation containing these words; {}", self.quotes_in(r.p)),
            };
            self.fail(m);
            return;
        };
        let q = self.a.quotes[i].clone();
        let got = self.describe(i);
        let words = self.words(&q);
        let text = self.a.text.clone();

        // shape and kind
        let kind_ok = match r.shape {
            Shape::Direct | Shape::Split(_) => q.kind == QuoteKind::Direct,
            Shape::Partial => matches!(q.kind, QuoteKind::Partial | QuoteKind::Mixed),
            Shape::Indirect => q.kind == QuoteKind::Indirect,
            Shape::Scare => q.kind == QuoteKind::Scare,
            Shape::Block { .. } => q.kind == QuoteKind::Block,
            // a nested quotation with a speaker reports speech; one without a speaker and only
            // a word or two is a term (scare quote)
            Shape::Nested(_) => match r.who {
                Nobody => q.kind == QuoteKind::Scare || q.kind == QuoteKind::Direct,
                _ => q.kind != QuoteKind::Scare,
            },
        };
        if !kind_ok {
            let want = match r.shape {
                Shape::Direct | Shape::Split(_) => "Direct",
                Shape::Partial => "Partial or Mixed",
                Shape::Indirect => "Indirect",
                Shape::Scare => "Scare",
                Shape::Block { .. } => "Block",
                Shape::Nested(_) => "a speech quotation, not Scare",
            };
            self.fail(format!("{label}: kind: expected {want}, got {got}"));
        }
        if matches!(r.shape, Shape::Direct | Shape::Split(_) | Shape::Block { .. } | Shape::Scare) && !words.starts_with(&norm(r.opens)) {
            self.fail(format!("{label}: content should open with these words, got {got}"));
        }
        match r.shape {
            Shape::Split(second) => {
                let segs: Vec<String> = q.segments.iter().map(|s| norm(s.slice(&text))).collect();
                if segs.len() != 2 || !segs[0].starts_with(&norm(r.opens)) || !segs[1].starts_with(&norm(second)) {
                    self.fail(format!("{label}: expected one quotation of two segments, “{} …” / “{second} …”; got segments {segs:?} in {got}", r.opens));
                }
                let second_at = self.locate(r.p, second);
                if !q.content.contains(second_at) {
                    self.fail(format!("{label}: content does not cover the second part “{second}”: {got}"));
                }
                // the second part must not be a quotation of its own
                let dup: Vec<usize> =
                    (0..self.a.quotes.len()).filter(|&j| j != i && self.a.quotes[j].parent.is_none() && self.a.quotes[j].content.contains(second_at)).collect();
                for j in dup {
                    let d = self.describe(j);
                    self.fail(format!("{label}: the second part “{second}” is also a separate quotation: {d}"));
                }
            }
            Shape::Block { last, ends } => {
                let end_at = self.locate(last, ends);
                if !q.content.contains(end_at) {
                    self.fail(format!("{label}: expected one quotation running to “{ends}” in ¶{last}, got {got}"));
                }
                let segs: Vec<(usize, String)> = q.segments.iter().map(|s| (self.para_of(s.start), s.slice(&text).to_string())).collect();
                let want_paras: Vec<usize> = (r.p..=last).collect();
                let got_paras: Vec<usize> = segs.iter().map(|s| s.0).collect();
                if got_paras != want_paras {
                    self.fail(format!("{label}: expected one segment per paragraph {want_paras:?}, got segments in {got_paras:?}"));
                }
                if let Some((_, s)) = segs.iter().find(|(_, s)| s.contains(['“', '”'])) {
                    self.fail(format!("{label}: a segment includes a quotation mark: “{s}”"));
                }
                for p in r.p + 1..=last {
                    let ps = self.para(p);
                    let own: Vec<usize> = (0..self.a.quotes.len())
                        .filter(|&j| {
                            j != i
                                && self.a.quotes[j].parent.is_none()
                                && ps.contains(Span::new(self.a.quotes[j].content.start, self.a.quotes[j].content.start))
                        })
                        .collect();
                    for j in own {
                        let d = self.describe(j);
                        self.fail(format!("{label}: ¶{p} belongs to this quotation but is also a quotation of its own: {d}"));
                    }
                }
            }
            _ => {}
        }

        // speaker
        match (r.who, &q.speaker) {
            (Nobody, None) => {}
            (Nobody, Some(_)) => self.fail(format!("{label}: expected no speaker, got {got}")),
            (_, None) => self.fail(format!("{label}: expected {}, got {got}", self.who_text(r.who))),
            (who, Some(s)) => {
                let e = &self.a.entities[s.entity];
                let mention = norm(s.mention.slice(&text));
                let ok = match who {
                    Is(name) => e.name == name,
                    As(name, m) => e.name == name && mention.eq_ignore_ascii_case(m),
                    Anon(m) => e.kind == EntityKind::Anonymous && mention.eq_ignore_ascii_case(m),
                    AnonOf(m, org) => {
                        e.kind == EntityKind::Anonymous
                            && mention.eq_ignore_ascii_case(m)
                            && e.affiliation.map(|o| self.a.entities[o].name.as_str()) == Some(org)
                    }
                    Nobody => unreachable!(),
                };
                if !ok {
                    let extra = format!(" (entity kind {:?}, affiliation {:?})", e.kind, e.affiliation.map(|o| self.a.entities[o].name.clone()));
                    self.fail(format!("{label}: expected {}, got {got}{extra}", self.who_text(who)));
                }
            }
        }
        if let (Some(via), Some(s)) = (r.via, &q.speaker) {
            if s.via != via {
                self.fail(format!("{label}: expected via {via:?}, got via {:?}", s.via));
            }
        }
    }

    fn who_text(&self, w: Who) -> String {
        match w {
            Is(n) => format!("speaker “{n}”"),
            As(n, m) => format!("speaker “{n}” through the mention “{m}”"),
            Anon(m) => format!("an anonymous speaker “{m}”"),
            AnonOf(m, o) => format!("an anonymous speaker “{m}” affiliated with “{o}”"),
            Nobody => "no speaker".to_string(),
        }
    }

    /// The README's table lists every quotation in quotation marks: as many top-level
    /// quotations in marks (a reported clause holding quoted words counts as one) as the
    /// table has rows that are neither nested nor indirect.
    fn count_marked(&mut self, rows: &[Row]) {
        let want = rows.iter().filter(|r| !matches!(r.shape, Shape::Nested(_) | Shape::Indirect)).count();
        let got: Vec<usize> = (0..self.a.quotes.len())
            .filter(|&i| self.a.quotes[i].parent.is_none() && (self.a.quotes[i].marks.is_some() || self.a.quotes[i].kind == QuoteKind::Mixed))
            .collect();
        if got.len() != want {
            let list: Vec<String> = got.iter().map(|&i| self.describe(i)).collect();
            self.fail(format!("{}: expected {want} top-level quotations in marks, got {}: {}", self.name, got.len(), list.join("; ")));
        }
    }

    /// The speakers of two table rows are (or are not) one entity.
    fn same_speaker(&mut self, a: (usize, &str, Option<&str>), b: (usize, &str, Option<&str>), same: bool) {
        let find = |fx: &Fx, (p, opens, outer): (usize, &str, Option<&str>)| {
            let parent = match outer {
                Some(o) => Some(fx.find(p, o, None)?),
                None => None,
            };
            fx.find(p, opens, parent).and_then(|i| fx.a.quotes[i].speaker.as_ref().map(|s| s.entity))
        };
        let (ea, eb) = (find(self, a), find(self, b));
        if let (Some(x), Some(y)) = (ea, eb) {
            if (x == y) != same {
                let rel = if same { "the same entity" } else { "different entities" };
                self.fail(format!("{}: the speakers of “{}” and “{}” should be {rel}; got e{x} and e{y}", self.name, a.1, b.1));
            }
        }
        // a missing speaker is already reported by the row check
    }

    /// The affiliation of the person `name` is an organisation with a mention covering
    /// `phrase` in ¶p.
    fn affiliated(&mut self, name: &str, p: usize, phrase: &str) {
        let at = self.locate(p, phrase);
        let Some(e) = self.a.entities.iter().find(|e| e.name == name) else {
            self.fail(format!("{}: no entity named “{name}”", self.name));
            return;
        };
        let ok = e.affiliation.map(|o| &self.a.entities[o]).is_some_and(|o| o.mentions.iter().any(|m| m.contains(at)));
        if !ok {
            let got = e.affiliation.map(|o| self.a.entities[o].name.clone());
            self.fail(format!("{}: {name} should be affiliated with the organisation of “{phrase}” (¶{p}); affiliation is {got:?}", self.name));
        }
    }

    fn findings_of(&self, code: &str) -> Vec<usize> {
        (0..self.a.findings.len()).filter(|&i| self.a.findings[i].code == code).collect()
    }

    fn describe_finding(&self, i: usize) -> String {
        let f = &self.a.findings[i];
        let rel: Vec<String> = f.related.iter().map(|r| format!("“{}” (¶{})", norm(r.span.slice(self.text())), self.para_of(r.span.start))).collect();
        format!(
            "{} {:?} primary “{}” (¶{}) related [{}]",
            f.code,
            f.severity,
            norm(f.primary.slice(self.text())),
            self.para_of(f.primary.start),
            rel.join(", ")
        )
    }

    fn all_findings(&self, filter: impl Fn(&quotecheck::model::Finding) -> bool) -> String {
        let v: Vec<String> = (0..self.a.findings.len()).filter(|&i| filter(&self.a.findings[i])).map(|i| self.describe_finding(i)).collect();
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join("; ")
        }
    }

    fn is_consistency(f: &quotecheck::model::Finding) -> bool {
        f.code.starts_with("QC2")
    }

    /// A consistency finding `code` pairs the text `a` with the text `b` (either one as the
    /// primary span, the other as a related span), with severity at least `min`.
    /// Returns its index.
    fn tension(&mut self, code: &str, a: (usize, &str), b: (usize, &str), min: Severity) -> Option<usize> {
        let (sa, sb) = (self.locate(a.0, a.1), self.locate(b.0, b.1));
        let hit = self.a.findings.iter().position(|f| {
            f.code == code
                && ((f.primary.contains(sa) && f.related.iter().any(|r| r.span.contains(sb)))
                    || (f.primary.contains(sb) && f.related.iter().any(|r| r.span.contains(sa))))
        });
        match hit {
            None => {
                let all = self.all_findings(Self::is_consistency);
                self.fail(format!("{}: expected {code} between “{}” (¶{}) and “{}” (¶{}); consistency findings: {all}", self.name, a.1, a.0, b.1, b.0));
                None
            }
            Some(i) => {
                let sev = self.a.findings[i].severity;
                if sev < min {
                    let d = self.describe_finding(i);
                    self.fail(format!("{}: {code} should have severity {min:?} or higher, got {d}", self.name));
                }
                Some(i)
            }
        }
    }

    /// No consistency finding of severity warning or error.
    fn no_tension(&mut self) {
        let bad = self.all_findings(|f| Self::is_consistency(f) && f.severity >= Severity::Warning);
        if bad != "none" {
            self.fail(format!("{}: expected no QC2xx finding of warning or error, got: {bad}", self.name));
        }
    }

    fn none_of(&mut self, code: &str) {
        let bad = self.all_findings(|f| f.code == code);
        if bad != "none" {
            self.fail(format!("{}: expected no {code}, got: {bad}", self.name));
        }
    }

    /// Exactly `n` findings of `code`.
    fn count(&mut self, code: &str, n: usize) {
        let got = self.findings_of(code);
        if got.len() != n {
            let all = self.all_findings(|f| f.code == code);
            self.fail(format!("{}: expected {code} {n} time(s), got {}: {all}", self.name, got.len()));
        }
    }

    /// A finding `code` whose primary span covers `primary` in ¶p and (if given) has a
    /// related span covering `related` in ¶rp.
    fn lint(&mut self, code: &str, primary: (usize, &str), related: Option<(usize, &str)>) {
        let sp = self.locate(primary.0, primary.1);
        self.lint_at(code, sp, related);
    }

    /// As [`Fx::lint`], with the primary span given by position.
    fn lint_at(&mut self, code: &str, sp: Span, related: Option<(usize, &str)>) {
        let sr = related.map(|(p, s)| self.locate(p, s));
        let ok = self.a.findings.iter().any(|f| f.code == code && f.primary.contains(sp) && sr.map_or(true, |r| f.related.iter().any(|x| x.span.contains(r))));
        if !ok {
            let want_rel = related.map(|(p, s)| format!(", related covering “{s}” (¶{p})")).unwrap_or_default();
            let all = self.all_findings(|f| f.code == code);
            self.fail(format!(
                "{}: expected {code} with primary covering “{}” (¶{}){want_rel}; {code} findings: {all}",
                self.name,
                sp.slice(&self.a.text),
                self.para_of(sp.start)
            ));
        }
    }

    fn finish(self) {
        if !self.failures.is_empty() {
            panic!("{}: {} failed expectation(s):\n  - {}\n", self.name, self.failures.len(), self.failures.join("\n  - "));
        }
    }
}

/// Loads a fixture and checks its table (rows and the number of quotations in marks).
fn fixture(name: &'static str, rows: &[Row]) -> Fx {
    let mut fx = Fx::load(name);
    fx.rows(rows);
    fx.count_marked(rows);
    fx
}

// ---------------------------------------------------------------------------------------
// One test per fixture
// ---------------------------------------------------------------------------------------

#[test]
fn said_after() {
    fixture(
        "said_after.txt",
        &[
            direct(3, "We want every family on", Is("Dana Ortiz"), EXPLICIT),
            direct(5, "The delay is a matter", Is("Dana Ortiz"), EXPLICIT),
            direct(7, "Our mechanics are repairing buses", Is("Helen Osei"), EXPLICIT),
            direct(8, "Every month we wait, we", Is("Helen Osei"), EXPLICIT),
            direct(10, "We asked for a barrier", Is("Marcus Feld"), EXPLICIT),
            direct(11, "Put the barrier in the", Is("Marcus Feld"), EXPLICIT),
        ],
    )
    .finish();
}

#[test]
fn speaker_first() {
    fixture(
        "speaker_first.txt",
        &[
            direct(3, "Families who cross the harbor", Is("Ingrid Lund"), EXPLICIT),
            direct(5, "Our contract with the operator", Is("Ingrid Lund"), EXPLICIT),
            direct(6, "Fuel has gone up by", Is("Peter Vance"), EXPLICIT),
            direct(7, "The city’s auditors are welcome", Is("Peter Vance"), EXPLICIT),
            direct(8, "Nobody at this company wanted", Is("Peter Vance"), EXPLICIT),
            direct(9, "Six weeks is reasonable, as", Is("Rosa Adeyemi"), EXPLICIT),
        ],
    )
    .finish();
}

#[test]
fn split_quote() {
    fixture(
        "split_quote.txt",
        &[
            split(3, "We did not get everything", "but neither did the union,", Is("Clara Brandt"), PRONOUN),
            split(4, "The cap is a real", "but it means little if", Is("Tomas Hale"), PRONOUN),
            split(6, "I expect the members to", "although many of them will", Is("Tomas Hale"), EXPLICIT),
            split(7, "The money is in the", "and recruiting starts the morning", Is("Clara Brandt"), PRONOUN),
            split(8, "We have heard promises like", "so forgive us if we", Is("Tomas Hale"), EXPLICIT),
            split(9, "That is fair,", "and we will publish the", Is("Clara Brandt"), EXPLICIT),
        ],
    )
    .finish();
}

#[test]
fn according_to() {
    let rows = [
        direct(9, "The compensation is welcome, but", Is("Anton Brill"), EXPLICIT),
        indirect(2, "Kestova’s wheat harvest fell by", Is("Ministry of Agriculture"), EXPLICIT),
        indirect(3, "farms in the southern provinces", As("Ministry of Agriculture", "the ministry"), ACCORDING_TO),
        indirect(4, "Bread prices are not expected", AnonOf("a senior official at the ministry", "Ministry of Agriculture"), ACCORDING_TO),
        indirect(5, "the state grain reserve held", Is("Lidia Varga"), EXPLICIT),
        indirect(6, "the ministry would pay drought", Is("Lidia Varga"), EXPLICIT),
        indirect(7, "The reserve will not be", As("Lidia Varga", "the minister"), EXPLICIT),
        indirect(8, "Many southern growers will switch", Is("Anton Brill"), EXPLICIT),
        indirect(10, "at least 300 farms have", Is("Anton Brill"), ACCORDING_TO),
        // "according to a report released on Tuesday by the Institute": the source quotecheck
        // names is the report; the participle phrase after it is not followed
        indirect(11, "Any shortfall in flour production", As("a report", "a report"), ACCORDING_TO),
    ];
    let mut fx = fixture("according_to.txt", &rows);
    // the reported-speech table is this file's main content: nine clauses, and ¶12 is narrative
    let indirect: Vec<usize> = (0..fx.a.quotes.len()).filter(|&i| fx.a.quotes[i].kind == QuoteKind::Indirect).collect();
    if indirect.len() != 9 {
        let list: Vec<String> = indirect.iter().map(|&i| fx.describe(i)).collect();
        fx.fail(format!("according_to.txt: expected 9 indirect quotations, got {}: {}", indirect.len(), list.join("; ")));
    }
    let p12 = fx.para(12);
    if let Some(i) = (0..fx.a.quotes.len()).find(|&i| p12.overlaps(fx.a.quotes[i].content)) {
        let d = fx.describe(i);
        fx.fail(format!("according_to.txt: ¶12 is narrative, but got {d}"));
    }
    fx.finish();
}

#[test]
fn pronoun_continuation() {
    fixture(
        "pronoun_continuation.txt",
        &[
            direct(4, "The grass on those slopes", Is("Miriam Kohl"), PRONOUN),
            direct(5, "We are asking residents to", Is("Miriam Kohl"), PRONOUN),
            direct(6, "That means grills, chainsaws and", Is("Miriam Kohl"), CONTINUATION),
            direct(7, "Every neighborhood on the hill", Is("Victor Dunn"), PRONOUN),
            direct(8, "Three years ago, some of", Is("Victor Dunn"), CONTINUATION),
            direct(10, "If you see smoke, call", Is("Miriam Kohl"), EXPLICIT),
            direct(11, "We would much rather drive", Is("Miriam Kohl"), CONTINUATION),
        ],
    )
    .finish();
}

#[test]
fn multi_paragraph() {
    let mut fx = fixture(
        "multi_paragraph.txt",
        &[
            block(4, 5, "The bridge was designed for", "we have reached that point", Is("Yusuf Amari"), EXPLICIT),
            block(7, 9, "My bakery sits two hundred", "carry the cost of it", Is("Priya Kaur"), EXPLICIT),
            direct(11, "Nobody should have to walk", Is("Yusuf Amari"), PRONOUN),
        ],
    );
    // the open ends of ¶4, ¶7 and ¶8 are the newspaper convention
    fx.none_of("QC102");
    fx.finish();
}

#[test]
fn nested() {
    let rows = [
        direct(3, "The conductor walked through our", Is("Nora Quill"), EXPLICIT),
        inner(3, "We are stopping here until", "The conductor walked through our", Anon("the conductor"), EXPLICIT),
        direct(5, "A man near the door", Is("Nora Quill"), EXPLICIT),
        // "A man near the door kept shouting": a plain-noun subject with a prepositional
        // modifier is not taken as a speaker (it would too often be the wrong noun), so the
        // nested quotation stays unattributed
        Row { p: 5, opens: "Let us out,", who: Nobody, via: None, shape: Shape::Nested("A man near the door") },
        direct(6, "The conductor called our control", Is("Gideon Marsh"), EXPLICIT),
        inner(6, "I am not moving this", "The conductor called our control", Anon("the conductor"), EXPLICIT),
        direct(7, "My son kept asking me,", Is("Tobias Renn"), EXPLICIT),
        inner(7, "Are we moving yet?", "My son kept asking me,", Anon("my son"), EXPLICIT),
        direct(9, "We understand people were cold", Is("Gideon Marsh"), PRONOUN),
    ];
    let mut fx = fixture("nested.txt", &rows);
    // 3a's conductor is the same entity as 1a's
    fx.same_speaker(
        (3, "We are stopping here until", Some("The conductor walked through our")),
        (6, "I am not moving this", Some("The conductor called our control")),
        true,
    );
    fx.finish();
}

#[test]
fn apostrophes() {
    let mut fx = fixture(
        "apostrophes.txt",
        &[
            direct(4, "It’s the same floor I", Is("Ruth Calder"), EXPLICIT),
            direct(6, "When I signed the papers,", Is("Owen Pryce"), EXPLICIT),
            direct(7, "We don’t want it to", Is("Owen Pryce"), PRONOUN),
            direct(8, "Our neighbors’ patience got us", Is("Owen Pryce"), PRONOUN),
            split(9, "My father [Harold Calder] played", "and he'd be glad it's", Is("Ruth Calder"), EXPLICIT),
        ],
    );
    // apostrophes are not quotation marks
    fx.none_of("QC102");
    // “Harold Calder” (in brackets) is not a speaker
    let harold: Vec<String> = (0..fx.a.quotes.len())
        .filter(|&i| fx.a.quotes[i].speaker.as_ref().is_some_and(|s| fx.a.entities[s.entity].name.contains("Harold")))
        .map(|i| fx.describe(i))
        .collect();
    if !harold.is_empty() {
        fx.fail(format!("apostrophes.txt: Harold Calder must not be a speaker: {}", harold.join("; ")));
    }
    fx.finish();
}

#[test]
fn scare_quotes() {
    let mut fx = fixture(
        "scare_quotes.txt",
        &[
            // "what it calls a “reform”" reports the board's word: a mixed quotation
            partial(2, "pricing “reform” that would", Is("Delmar County Water Board"), PRONOUN),
            scare(3, "Water for All,"),
            scare(4, "heavy"),
            scare(5, "Bobby"),
            direct(5, "Nobody who uses a normal", Is("Robert “Bobby” Lane"), EXPLICIT),
            // "Critics say the “reform” is ...": the critics' claim, holding the term
            partial(6, "the “reform” is a rate", Is("Critics"), EXPLICIT),
            direct(7, "Every time the board says", Is("Heather Lindqvist"), EXPLICIT),
            Row { p: 7, opens: "reform,", who: Nobody, via: None, shape: Shape::Nested("Every time the board says") },
            scare(8, "Water for All"),
        ],
    );
    // 7a: the nested “reform” is a scare quote too
    if let Some(outer) = fx.find(7, "Every time the board says", None) {
        if let Some(i) = fx.find(7, "reform,", Some(outer)) {
            if fx.a.quotes[i].kind != QuoteKind::Scare {
                let d = fx.describe(i);
                fx.fail(format!("scare_quotes.txt ¶7 “reform,” (nested): expected kind Scare, got {d}"));
            }
        }
    }
    // #1 and #6 are reports of others' words, #5 and #7 direct quotations
    let speech: Vec<usize> = (0..fx.a.quotes.len())
        .filter(|&i| {
            let q = &fx.a.quotes[i];
            q.parent.is_none() && (q.marks.is_some() || q.kind == QuoteKind::Mixed) && q.kind != QuoteKind::Scare
        })
        .collect();
    if speech.len() != 4 {
        let list: Vec<String> = speech.iter().map(|&i| fx.describe(i)).collect();
        fx.fail(format!("scare_quotes.txt: expected 4 speech quotations, got {}: {}", speech.len(), list.join("; ")));
    }
    // “Bobby” is Robert Lane's nickname, not an entity of its own
    let bobby: Vec<String> = fx.a.entities.iter().filter(|e| e.name == "Bobby" || e.name == "Robert").map(|e| e.name.clone()).collect();
    if !bobby.is_empty() {
        fx.fail(format!("scare_quotes.txt: “Bobby” must not be an entity of its own, got {bobby:?}"));
    }
    fx.no_tension();
    fx.finish();
}

#[test]
fn reference_tension() {
    let mut fx = fixture(
        "reference_tension.txt",
        &[
            partial(3, "paused", Is("Jonas Kettering"), EXPLICIT),
            direct(7, "Of course the two foreign", Is("Jonas Kettering"), EXPLICIT),
            partial(8, "ordinary courtesy", Is("Jonas Kettering"), PRONOUN),
            direct(9, "A conversation in a hallway", Is("Jonas Kettering"), PRONOUN),
            direct(10, "The suspension stands until the", Is("Jonas Kettering"), CONTINUATION),
        ],
    );
    fx.affiliated("Jonas Kettering", 4, "the ministry");
    // exactly one tension: the reference state reversal, ministry ¶4 against Kettering ¶7
    fx.tension(
        "QC201",
        (4, "direct talks with Kestova stay suspended"),
        (7, "the two foreign ministers will have a one-on-one conversation"),
        Severity::Warning,
    );
    let n = fx.a.findings.iter().filter(|f| Fx::is_consistency(f)).count();
    if n != 1 {
        let all = fx.all_findings(Fx::is_consistency);
        fx.fail(format!("reference_tension.txt: expected exactly one consistency finding, got {n}: {all}"));
    }
    fx.finish();
}

#[test]
fn no_tension() {
    let mut fx = fixture(
        "no_tension.txt",
        &[
            direct(4, "East Hollow has waited a", Is("Celia Banks"), EXPLICIT),
            direct(5, "Families told us they needed", Is("Marta Solis"), EXPLICIT),
            direct(6, "Most parents here work until", Is("Gerald Hume"), EXPLICIT),
            direct(8, "The voters trusted us with", Is("Celia Banks"), EXPLICIT),
            direct(10, "That number tells you everything", Is("Gerald Hume"), EXPLICIT),
        ],
    );
    // no consistency findings and no attribution-lint findings at all
    if !fx.a.findings.is_empty() {
        let all = fx.all_findings(|_| true);
        fx.fail(format!("no_tension.txt: expected no findings at all, got: {all}"));
    }
    fx.finish();
}

#[test]
fn conditional() {
    let mut fx = fixture(
        "conditional.txt",
        &[
            direct(4, "If the audit is finished", Is("Alma Reyes"), EXPLICIT),
            direct(6, "Nobody wants these screenings on", Is("Alma Reyes"), EXPLICIT),
            direct(7, "Should the audit drag on", Is("Daniel Okoro"), EXPLICIT),
        ],
    );
    fx.no_tension();
    fx.finish();
}

#[test]
fn question() {
    let mut fx = fixture(
        "question.txt",
        &[
            direct(4, "Will the talks resume next", Anon("one reporter"), EXPLICIT),
            split(5, "Are we resuming the talks?", "not next week, and not", Is("Gloria Whitfield"), EXPLICIT),
            direct(6, "Is there any date at", Anon("another reporter"), EXPLICIT),
            direct(7, "There is not,", Is("Gloria Whitfield"), EXPLICIT),
            direct(8, "How can you negotiate with", Is("Samuel Ortega"), PRONOUN),
            direct(9, "Who said anything about a", Is("Samuel Ortega"), EXPLICIT),
        ],
    );
    // “another reporter” is not “one reporter”
    fx.same_speaker((4, "Will the talks resume next", None), (6, "Is there any date at", None), false);
    fx.no_tension();
    fx.finish();
}

#[test]
fn exception() {
    let mut fx = fixture(
        "exception.txt",
        &[
            split(4, "Medicine shipments from Dornia will", "because patients should not pay", Is("Hanna Vell"), EXPLICIT),
            direct(5, "Nothing other than medicine will", Is("Hanna Vell"), EXPLICIT),
            direct(7, "Insulin and heart drugs have", Is("Felix Tarrow"), EXPLICIT),
        ],
    );
    // the exception suppresses the contradiction; at most an info-level soft tension
    fx.no_tension();
    fx.finish();
}

#[test]
fn polarity_clash() {
    let mut fx = fixture(
        "polarity_clash.txt",
        &[direct(5, "We will raise fees this", Is("Walter Pimm"), EXPLICIT), direct(7, "The statement was written before", Is("Walter Pimm"), EXPLICIT)],
    );
    fx.affiliated("Walter Pimm", 2, "Tarn County Motor Licensing Agency");
    // exactly one tension, of the highest severity
    fx.tension("QC202", (2, "will not raise driver’s license or registration fees this year"), (5, "We will raise fees this year"), Severity::Error);
    let n = fx.a.findings.iter().filter(|f| Fx::is_consistency(f)).count();
    if n != 1 {
        let all = fx.all_findings(Fx::is_consistency);
        fx.fail(format!("polarity_clash.txt: expected exactly one consistency finding, got {n}: {all}"));
    }
    fx.finish();
}

#[test]
fn stance_clash() {
    let mut fx = fixture(
        "stance_clash.txt",
        &[
            direct(3, "We deny that any layoffs", Is("Lena Fairweather"), EXPLICIT),
            direct(6, "They are cutting the night", Is("Darnell Fisk"), EXPLICIT),
            direct(7, "Norrow is staying open. We", Is("Marianne Cole"), EXPLICIT),
            direct(8, "We will sit down with", Is("Darnell Fisk"), PRONOUN),
        ],
    );
    fx.affiliated("Lena Fairweather", 2, "Halberd Motors");
    fx.affiliated("Marianne Cole", 2, "Halberd Motors");
    // the union local is "the union" of ¶8; its full name in ¶5 comes with a relative clause
    // between it and its cue, which quotecheck does not bridge
    fx.affiliated("Darnell Fisk", 8, "the union");
    // T1: the company confirms the cuts, its spokeswoman denies them (highest severity)
    let t1 = fx.tension("QC203", (2, "plans to cut about 400 jobs"), (3, "any layoffs are planned at Norrow"), Severity::Error);
    // T2 (union against company) ranks below T1: info, or not reported; nothing else rises
    let others: Vec<String> = (0..fx.a.findings.len())
        .filter(|&i| Some(i) != t1 && Fx::is_consistency(&fx.a.findings[i]) && fx.a.findings[i].severity >= Severity::Warning)
        .map(|i| fx.describe_finding(i))
        .collect();
    if !others.is_empty() {
        fx.fail(format!("stance_clash.txt: only T1 may be warning or error; also got: {}", others.join("; ")));
    }
    // “about 400 jobs” / “400 families” against “412 positions” is an approximation
    let p4 = fx.para(4);
    let approx = fx.all_findings(|f| Fx::is_consistency(f) && (p4.overlaps(f.primary) || f.related.iter().any(|r| p4.overlaps(r.span))));
    if approx != "none" {
        fx.fail(format!("stance_clash.txt: “412 positions” (¶4) is not a tension, got: {approx}"));
    }
    fx.finish();
}

#[test]
fn unattributed() {
    let mut fx = fixture(
        "unattributed.txt",
        &[
            direct(2, "Nobody told us the water", Nobody, None),
            direct(5, "We tested those wells every", Nobody, None),
            // ambiguous: quotecheck gives it to the nearest candidate and reports QC103
            direct(6, "The pipes feeding those wells", Is("Paul Grady"), PRONOUN),
            direct(8, "We can do it in", Is("Paul Grady"), EXPLICIT),
            direct(9, "Families in Millrace should not", Is("Thomas Reilly"), EXPLICIT),
            // "several said they had been told that “...": the residents report what they
            // were told (mixed); the passive "had been told" names no speaker of its own
            partial(10, "they had been told that", As("several", "several"), EXPLICIT),
        ],
    );
    // unattributed quote: #1 and #2
    fx.count("QC101", 2);
    fx.lint("QC101", (2, "Nobody told us the water was unsafe"), None);
    fx.lint("QC101", (5, "We tested those wells every quarter"), None);
    // ambiguous pronoun: #3, “he” with Thomas Reilly and Paul Grady as candidates
    fx.count("QC103", 1);
    let he = fx.locate(6, "he said");
    let he = Span::new(he.start, he.start + 2);
    fx.lint_at("QC103", he, Some((6, "Thomas Reilly")));
    fx.lint_at("QC103", he, Some((6, "Paul Grady")));
    if let Some(f) = fx.a.findings.iter().find(|f| f.code == "QC103") {
        if f.primary != he {
            let d = fx.describe_finding(fx.a.findings.iter().position(|g| g == f).unwrap());
            fx.fail(format!("unattributed.txt: QC103 should point at “he” in ¶6, got {d}"));
        }
    }
    // speaker named inconsistently, and one person with two titles
    fx.count("QC104", 2);
    fx.lint("QC104", (9, "Thomas Reiley"), Some((6, "Thomas Reilly")));
    fx.lint("QC104", (7, "Town engineer"), Some((6, "county engineer")));
    // the unclosed “ in the middle of ¶10
    fx.count("QC102", 1);
    let mark = fx.locate(10, "“the worst");
    let mark = Span::new(mark.start, mark.start + '“'.len_utf8());
    if let Some(f) = fx.a.findings.iter().find(|f| f.code == "QC102") {
        if !f.primary.contains(mark) || !fx.para(10).contains(f.primary) {
            let d = fx.describe_finding(fx.a.findings.iter().position(|g| g == f).unwrap());
            fx.fail(format!("unattributed.txt: QC102 should point at the “ in ¶10, got {d}"));
        }
    }
    fx.no_tension();
    fx.finish();
}

#[test]
fn straight_quotes() {
    let mut fx = fixture(
        "straight_quotes.txt",
        &[
            direct(3, "We've simply outgrown the square,", Is("Alice Tran"), EXPLICIT),
            direct(4, "The rail yard gives us", Is("Samuel Burke"), EXPLICIT),
            direct(5, "It's the biggest change to", Is("Samuel Burke"), EXPLICIT),
            direct(6, "The vendors have been asking", Is("Samuel Burke"), EXPLICIT),
            split(7, "We'll keep the Saturday hours,", "but we're adding a Wednesday", Is("Alice Tran"), EXPLICIT),
            direct(11, "We'll lose some walk-in customers,", Is("Nadia Petrov"), EXPLICIT),
            direct(12, "But I'd rather have a", Is("Nadia Petrov"), PRONOUN),
            direct(13, "Ask me again in August.", Is("Nadia Petrov"), CONTINUATION),
        ],
    );
    // straight apostrophes are not quotation marks
    fx.none_of("QC102");
    fx.finish();
}
