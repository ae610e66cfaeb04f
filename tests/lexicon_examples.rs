//! Every entry of every lexicon in grammar/ carries examples; this runs them all.
//!
//! Each test collects all failures of one file before failing, so one run shows every entry
//! whose examples no longer behave as the entry says.

use quotecheck::claims::{clause_frames, Aspect, Modality, Polarity, Stance, Time};
use quotecheck::lexicon::{files, Lexicon};
use quotecheck::model::Analysis;
use quotecheck::{analyze, Config};

fn run(text: &str) -> Analysis {
    analyze("example.txt", text, &Config::default())
}

fn report(failures: Vec<String>) {
    assert!(failures.is_empty(), "{} failing examples:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_entry_has_examples() {
    let (cues, speakers, abbr, claims, preds) = files();
    let mut missing = Vec::new();
    for c in &cues.cue {
        if c.examples.is_empty() {
            missing.push(format!("cue {}", c.lemma));
        }
    }
    for e in speakers.honorific.iter().chain(&speakers.role).chain(&speakers.group) {
        if e.examples.is_empty() {
            missing.push(format!("speakers {:?}", e.forms.first()));
        }
    }
    // examples are optional in a user's lexicon file, never in the built-in one
    for p in &speakers.pronoun {
        if p.examples.is_empty() {
            missing.push(format!("pronoun {}", p.form));
        }
    }
    for o in &speakers.organization {
        if o.examples.is_empty() {
            missing.push(format!("organization {:?}", o.heads.first()));
        }
    }
    for e in &abbr.abbreviation {
        if e.examples.is_empty() {
            missing.push(format!("abbreviation group {}", e.group));
        }
    }
    for e in &abbr.contraction {
        if e.examples.is_empty() {
            missing.push(format!("contraction {:?}", e.forms));
        }
    }
    for e in &abbr.small_words {
        if e.examples.is_empty() {
            missing.push(format!("small words {}", e.group));
        }
    }
    let groups = [
        &claims.negation,
        &claims.modality,
        &claims.certainty,
        &claims.aspect,
        &claims.scope,
        &claims.anaphoric,
        &claims.stance,
        &claims.light_verb,
        &claims.embedding,
        &claims.past,
        &claims.present,
        &claims.subordinate,
        &claims.sequence,
        &claims.approximation,
        &claims.unit,
        &claims.multiplier,
        &claims.bound,
        &claims.per_head,
        &claims.changed_from,
        &claims.calendar,
        &claims.denial,
    ];
    for g in groups {
        for e in g {
            if e.examples.is_empty() {
                missing.push(format!("claims {:?}", e.forms.first()));
            }
        }
    }
    for c in &preds.class {
        if c.examples.is_empty() {
            missing.push(format!("class {}", c.name));
        }
    }
    // (the run-time copy of the lexicon leaves examples out, so no field requires them:
    // every kind of entry is checked here)
    for i in &preds.idiom {
        if i.examples.is_empty() {
            missing.push(format!("idiom {}", i.class));
        }
    }
    for w in &speakers.words {
        if w.examples.is_empty() {
            missing.push(format!("word list {}", w.name));
        }
    }
    for e in &claims.share {
        if e.examples.is_empty() {
            missing.push(format!("share {:?}", e.forms.first()));
        }
    }
    for e in &claims.scope_contrast {
        if e.examples.is_empty() {
            missing.push(format!("scope contrast {:?}", e.pairs.first()));
        }
    }
    report(missing);
}

#[test]
fn cue_examples_find_their_cue() {
    let (cues, ..) = files();
    let mut failures = Vec::new();
    for c in &cues.cue {
        for ex in &c.examples {
            let a = run(ex);
            let hit = a.quotes.iter().any(|q| q.speaker.is_some() && q.cue.is_some_and(|s| c.forms.iter().any(|f| s.slice(&a.text).to_lowercase() == *f)));
            if !hit {
                let got: Vec<String> = a.quotes.iter().map(|q| format!("{:?} cue={:?}", q.kind, q.cue.map(|s| s.slice(&a.text).to_string()))).collect();
                failures.push(format!("cue `{}`: {ex:?} -> {got:?}", c.lemma));
            }
        }
    }
    report(failures);
}

fn speaker_mention_contains(a: &Analysis, word: &str) -> bool {
    let w = word.to_lowercase();
    a.quotes.iter().any(|q| q.speaker.as_ref().is_some_and(|s| s.mention.slice(&a.text).to_lowercase().contains(w.trim_end_matches('.'))))
}

#[test]
fn speaker_examples_name_their_speaker() {
    let (_, speakers, ..) = files();
    let mut failures = Vec::new();
    for p in &speakers.pronoun {
        for ex in &p.examples {
            if !speaker_mention_contains(&run(ex), &p.form) {
                failures.push(format!("pronoun {}: {ex:?}", p.form));
            }
        }
    }
    let entries = speakers.honorific.iter().chain(&speakers.role).chain(&speakers.group);
    for e in entries {
        let expect = e.expect.clone().unwrap_or_else(|| e.forms[0].clone());
        for ex in &e.examples {
            let a = run(ex);
            // the mention holds the expected word, or one of the entry's own forms
            let ok = speaker_mention_contains(&a, &expect) || e.forms.iter().any(|f| speaker_mention_contains(&a, f));
            if !ok {
                let got: Vec<String> = a.quotes.iter().filter_map(|q| q.speaker.as_ref()).map(|s| s.mention.slice(&a.text).to_string()).collect();
                failures.push(format!("{expect}: {ex:?} -> {got:?}"));
            }
        }
    }
    for o in &speakers.organization {
        let expect = o.expect.clone().unwrap_or_else(|| o.heads[0].clone());
        for ex in &o.examples {
            let a = run(ex);
            let org = a.quotes.iter().filter_map(|q| q.speaker.as_ref()).any(|s| {
                let e = &a.entities[s.entity];
                let name = e.name.to_lowercase();
                e.kind == quotecheck::model::EntityKind::Organization
                    && (name.contains(&expect.to_lowercase()) || o.heads.iter().any(|h| name.split_whitespace().any(|w| w == h)))
            });
            if !org {
                failures.push(format!("organization {expect}: {ex:?}"));
            }
        }
    }
    report(failures);
}

#[test]
fn abbreviation_examples_split_where_marked() {
    let (_, _, abbr, ..) = files();
    let lex = Lexicon::builtin();
    let mut failures = Vec::new();
    for g in &abbr.abbreviation {
        for ex in &g.examples {
            let expected: Vec<&str> = ex.split(" | ").collect();
            let text = expected.join(" ");
            let scan = quotecheck::scan::scan(&text, lex);
            let got: Vec<&str> = scan.sentences.iter().map(|s| s.span.slice(&text)).collect();
            if got != expected {
                failures.push(format!("{}: expected {expected:?}, got {got:?}", g.group));
            }
        }
    }
    report(failures);
}

/// One speaker quoted in two wordings: first the sentence quoted whole, then again in a later
/// paragraph. Whether QC105 (reworded-quote) reports the pair.
fn quoted_twice_differs(first: &str, second: &str) -> bool {
    let text = format!("“{first}” Mayor Ines Dahl said on Monday.\n\nThe council met again on Tuesday.\n\n“{second}” Dahl told reporters.\n");
    analyze("example.txt", &text, &Config::default()).findings.iter().any(|f| f.code == "QC105")
}

#[test]
fn contraction_examples_quote_the_same_words() {
    let (_, _, abbr, ..) = files();
    let mut failures = Vec::new();
    for e in &abbr.contraction {
        for [contracted, full] in &e.examples {
            if quoted_twice_differs(contracted, full) {
                failures.push(format!("contraction {:?}: {contracted:?} and {full:?} were reported as different wordings", e.forms));
            }
            // the contraction read as its words, one small word put in is still found
            let (head, rest) = full.split_once(' ').unwrap_or((full, ""));
            let changed = format!("{head} just {rest}");
            if !quoted_twice_differs(contracted, &changed) {
                failures.push(format!("contraction {:?}: {contracted:?} and {changed:?} were not reported", e.forms));
            }
        }
    }
    report(failures);
}

#[test]
fn small_word_examples_are_one_remark_quoted_two_ways() {
    let (_, _, abbr, ..) = files();
    let mut failures = Vec::new();
    for e in &abbr.small_words {
        for [one, other] in &e.examples {
            if !quoted_twice_differs(one, other) {
                failures.push(format!("small words {}: {one:?} and {other:?} were not reported", e.group));
            }
        }
    }
    report(failures);
}

/// The frames of an example, with a description for failure messages.
fn frames(ex: &str) -> (Vec<quotecheck::claims::Claim>, String) {
    let f = clause_frames(ex);
    let d = f
        .iter()
        .map(|c| {
            format!(
                "[{:?} {:?} {:?} {:?} {:?} class={:?} exc={} stance={:?}]",
                c.polarity, c.modality, c.aspect, c.time, c.predicate, c.class, c.exception, c.stance
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    (f, d)
}

#[test]
fn claim_lexicon_examples_set_their_frame_field() {
    let (_, _, _, claims, _) = files();
    let mut failures = Vec::new();
    let mut check = |what: &str, examples: &[String], ok: &dyn Fn(&quotecheck::claims::Claim) -> bool| {
        for ex in examples {
            let (f, d) = frames(ex);
            if !f.iter().any(ok) {
                failures.push(format!("{what}: {ex:?} -> {d}"));
            }
        }
    };
    for e in &claims.negation {
        check("negation", &e.examples, &|c| c.polarity == Polarity::Negative);
    }
    for e in &claims.modality {
        let want = e.value.as_deref().and_then(Modality::parse).expect("a known modality");
        check(&format!("modality {want:?}"), &e.examples, &|c| c.modality == want);
    }
    for e in &claims.certainty {
        check("certainty", &e.examples, &|c| c.certain);
    }
    for e in &claims.aspect {
        let want = e.value.as_deref().and_then(Aspect::parse).expect("a known aspect");
        check(&format!("aspect {want:?}"), &e.examples, &|c| c.aspect == want);
    }
    for e in &claims.scope {
        check("scope", &e.examples, &|c| c.exception);
    }
    for e in &claims.anaphoric {
        // the anaphoric clause inherits the topic of the clause before it
        check("anaphoric", &e.examples, &|c| c.class.is_some() && c.span.len() > 0 && c.predicate != "that");
    }
    for e in &claims.stance {
        let want = e.value.as_deref().and_then(Stance::parse).expect("a known stance");
        check("stance", &e.examples, &|c| c.stance == Some(want));
    }
    for e in &claims.light_verb {
        check("light verb", &e.examples, &|c| c.class.is_some());
    }
    for e in &claims.embedding {
        check("embedding", &e.examples, &|c| c.polarity == Polarity::Negative && c.class.is_some());
    }
    for e in &claims.denial {
        // the clause called false holds a negation: the claim comes out positive
        assert!(e.examples.iter().all(|x| x.contains(" not ") || x.contains("n't")), "a denial example negates the clause it calls false");
        check("denial", &e.examples, &|c| c.polarity == Polarity::Positive && c.class.is_some());
    }
    for e in &claims.past {
        check("past", &e.examples, &|c| c.time == Time::Past);
    }
    for e in &claims.present {
        check("present", &e.examples, &|c| c.time == Time::Present);
    }
    for e in &claims.subordinate {
        // the state in the subordinate clause ("until ... lifts") is not the claim's
        check("subordinate", &e.examples, &|c| c.aspect == Aspect::Cessation);
    }
    report(failures);
}

#[test]
fn scope_contrast_examples_keep_claims_apart() {
    let (_, _, _, claims, _) = files();
    let lex = Lexicon::builtin();
    for e in &claims.scope_contrast {
        for ex in &e.examples {
            let (a, b) = ex.split_once(" | ").expect("scope_contrast examples hold two sentences separated by ' | '");
            assert!(quotecheck::consistency::contrasting_texts(lex, a, b), "{ex:?}");
            // and the pair would otherwise be about the same activity
            assert_eq!(clause_frames(a)[0].class, clause_frames(b)[0].class, "{ex:?}");
        }
    }
}

#[test]
fn predicate_examples_get_their_class() {
    let (.., preds) = files();
    let lex = Lexicon::builtin();
    let mut failures = Vec::new();
    for c in &preds.class {
        for ex in &c.examples {
            let (f, d) = frames(ex);
            if !f.iter().any(|x| x.class.map(|k| lex.class_name(k)) == Some(c.name.as_str())) {
                failures.push(format!("{}: {ex:?} -> {d}", c.name));
            }
        }
    }
    for i in &preds.idiom {
        for ex in &i.examples {
            let (f, d) = frames(ex);
            if !f.iter().any(|x| x.class.map(|k| lex.class_name(k)) == Some(i.class.as_str())) {
                failures.push(format!("idiom {}: {ex:?} -> {d}", i.class));
            }
        }
    }
    report(failures);
}

#[test]
fn word_list_examples_attribute_their_speaker() {
    let (_, speakers, ..) = files();
    let mut failures = Vec::new();
    for list in &speakers.words {
        assert!(!list.examples.is_empty(), "word list {} has no examples", list.name);
        for ex in &list.examples {
            let a = run(&ex.text);
            let got: Vec<String> = a.quotes.iter().filter_map(|q| q.speaker.as_ref()).map(|s| s.mention.slice(&a.text).to_string()).collect();
            if !got.iter().any(|g| g == &ex.speaker) {
                failures.push(format!("{}: {:?} -> {got:?}, expected {:?}", list.name, ex.text, ex.speaker));
            }
        }
    }
    report(failures);
}

#[test]
fn the_word_lists_the_code_names_exist() {
    let lex = Lexicon::builtin();
    for name in [
        "bare_listener_cues",
        "name_particles",
        "name_suffixes",
        "role_prepositions",
        "role_links",
        "representative_roles",
        "passive_auxiliaries",
        "relative_pronouns",
        "frame_relatives",
        "noun_clause_openers",
        "place_names",
        "subject_pronouns",
        "object_pronouns",
        "clause_openers",
        "coordinators",
        "plural_nouns",
        "indefinite_articles",
        "appositive_articles",
        "series_conjunctions",
        "quantifiers",
        "person_noun_endings",
        "cue_particles",
        "stance_noun_followers",
        "expletives",
        "finding_nouns",
        "report_goes_on",
        "long_report_goes_on",
        "participle_goes_on",
        "past_auxiliaries",
        "participle_object_openers",
        "irregular_pasts",
        "label_words",
        "group_determiners",
        "singular_quantities",
        "setting_prepositions",
        "thing_pronouns",
        "publishing_verbs",
        "subordinators",
        "source_postmodifiers",
        "naming_words",
        "quoting_frames",
        "time_determiners",
        "ly_nouns",
        "floating_quantifiers",
        "report_nouns",
        "participle_groups",
    ] {
        assert!(lex.word_lists.contains_key(name), "grammar/speakers.toml lacks [[words]] {name}");
    }
}

#[test]
fn number_examples_give_their_amount() {
    let (_, _, _, claims, _) = files();
    let mut failures = Vec::new();
    let amounts = |ex: &str| clause_frames(ex).into_iter().flat_map(|c| c.amounts).collect::<Vec<_>>();
    for e in &claims.approximation {
        for ex in &e.examples {
            if !amounts(ex).iter().any(|m| m.approx) {
                failures.push(format!("approximation: {ex:?} gives no estimate"));
            }
        }
    }
    for e in &claims.bound {
        let lower = e.value.as_deref() == Some("lower");
        let want = if lower { quotecheck::claims::Bound::Lower } else { quotecheck::claims::Bound::Upper };
        for ex in &e.examples {
            if !amounts(ex).iter().any(|m| m.bound == Some(want)) {
                failures.push(format!("bound: {ex:?} gives no {want:?} bound"));
            }
        }
    }
    // a share in words is a figure in percent, of the entry's value and bound
    for e in &claims.share {
        if e.examples.is_empty() {
            failures.push(format!("share {:?}: no example", e.forms.first()));
        }
        let want = e.bound.as_deref().map(|b| if b == "lower" { quotecheck::claims::Bound::Lower } else { quotecheck::claims::Bound::Upper });
        for ex in &e.examples {
            let got = amounts(ex);
            if !got.iter().any(|m| m.unit == "percent" && m.hundredths == (e.percent * 100.0).round() as u64 && m.bound == want) {
                failures.push(format!("share: {ex:?} gives no {}% share with bound {want:?}: {got:?}", e.percent));
            }
        }
        for f in &e.forms {
            if !f.ends_with(" of") {
                failures.push(format!("share form {f:?} does not end in \"of\""));
            }
        }
    }
    // a per-head word follows a figure, a changed-from word comes before one (the rule reads
    // them there)
    for (section, entries, after) in [("per_head", &claims.per_head, true), ("changed_from", &claims.changed_from, false)] {
        for e in entries.iter() {
            for ex in &e.examples {
                let got = amounts(ex);
                let near = got.iter().any(|m| {
                    let (before, rest) = (&ex[..m.span.start], &ex[m.span.end..]);
                    let words = |t: &str| t.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>();
                    let (b, r) = (words(before), words(rest));
                    let window: Vec<&String> = if after { r.iter().take(2).collect() } else { b.iter().rev().take(3).collect() };
                    window.iter().any(|w| e.forms.contains(w))
                });
                if !near {
                    failures.push(format!("{section}: {ex:?} has no figure with one of its forms beside it"));
                }
            }
        }
    }
    // each calendar example names one of the forms, capitalised as in running text
    for e in &claims.calendar {
        for ex in &e.examples {
            let words: Vec<String> = ex.split(|ch: char| !ch.is_alphanumeric()).map(str::to_lowercase).collect();
            if !words.iter().any(|w| e.forms.contains(w)) {
                failures.push(format!("calendar: {ex:?} names no month or weekday of the list"));
            }
        }
    }
    for e in &claims.unit {
        let unit = e.value.clone().unwrap_or_default();
        for ex in &e.examples {
            let got = amounts(ex);
            // a time unit is a duration: no amount at all
            let ok = if unit == "time" { got.is_empty() } else { got.iter().any(|m| m.unit == unit) };
            if !ok {
                failures.push(format!("unit {unit}: {ex:?} -> {:?}", got.iter().map(|m| &m.unit).collect::<Vec<_>>()));
            }
        }
    }
    for e in &claims.multiplier {
        let factor: f64 = e.value.as_deref().and_then(|v| v.parse().ok()).unwrap_or(0.0);
        for ex in &e.examples {
            if !amounts(ex).iter().any(|m| m.value() >= factor) {
                failures.push(format!("multiplier {factor}: {ex:?} is not multiplied"));
            }
        }
    }
    report(failures);
}

/// Each pair of grammar/opposition.toml, said once in the narrative and once by a source,
/// is reported as a tension; no form belongs to two pairs.
#[test]
fn opposition_examples_are_reported() {
    let opp = quotecheck::lexicon::opposition_file();
    assert!(!opp.pair.is_empty());
    let mut seen = std::collections::HashMap::new();
    let mut failures = Vec::new();
    for (i, e) in opp.pair.iter().enumerate() {
        for f in e.a.iter().chain(&e.b) {
            if let Some(j) = seen.insert(f.to_lowercase(), i) {
                if j != i {
                    failures.push(format!("{f:?} is in pairs {j} and {i}"));
                }
            }
        }
        assert!(matches!(e.kind.as_str(), "antonym" | "reversal" | "stance"), "{:?}", e.kind);
        assert!(matches!(e.source.as_str(), "oewn" | "project"), "{:?}", e.source);
        let [first, second] = &e.example;
        let quoted = second.trim_end_matches('.');
        let text = format!("{first}\n\n“{quoted},” the board’s engineer, Ada Holm, said.\n");
        let a = run(&text);
        // reported as a lexical opposition, or by the rule that knows the pair better (a
        // reversal is a state reversal, confirm/deny a stance clash)
        let found = a.findings.iter().any(|f| f.code.starts_with("QC2") && f.related.len() == 1);
        if !found {
            let frames: Vec<String> =
                a.claims.iter().map(|c| format!("{:?} {:?} {:?} {:?}", c.span.slice(&a.text), c.polarity, c.modality, c.opposed)).collect();
            failures.push(format!("{} / {}: no tension in {text:?}; claims {frames:?}", e.a[0], e.b[0]));
        }
    }
    report(failures);
}
