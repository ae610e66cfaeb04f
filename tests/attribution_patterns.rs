//! One original example per attribution pattern: each names the speaker mention (and, where
//! it matters, the content) quotecheck must find. These pin the general rules the PolNeAR
//! error analysis led to, on prose written for the tests.

use quotecheck::model::{QuoteKind, Via};
use quotecheck::{analyze, Analysis, Config};

fn run(text: &str) -> Analysis {
    analyze("pattern.txt", text, &Config::default())
}

/// The speaker mention of the quote whose content contains `words`.
fn speaker_of(a: &Analysis, words: &str) -> Option<String> {
    let q = a.quotes.iter().find(|q| {
        let segs: Vec<&str> = if q.segments.is_empty() { vec![q.content.slice(&a.text)] } else { q.segments.iter().map(|s| s.slice(&a.text)).collect() };
        segs.iter().any(|s| s.contains(words))
    })?;
    q.speaker.as_ref().map(|s| s.mention.slice(&a.text).to_string())
}

fn check(text: &str, words: &str, speaker: &str) {
    let a = run(text);
    let got = speaker_of(&a, words);
    assert_eq!(got.as_deref(), Some(speaker), "in {text:?}, the speaker of {words:?}");
}

#[test]
fn appositive_between_speaker_and_cue() {
    // the mention spans the name and its description: one speaker
    check("“The levee will hold,” Eric Ames, a state senator, said.", "levee will hold", "Eric Ames, a state senator");
    check("Mayor Ana Holm, whose office runs the ferry, said the fares would stay low.", "fares would stay low", "Mayor Ana Holm");
}

#[test]
fn a_description_and_name_after_the_cue_are_one_speaker() {
    // after a quotation and its cue, the speaker slot takes a determiner and two plain words
    // (no role word of the lexicon among them) rather than crediting the previous speaker
    let text = "“The hall opens at nine,” said Mira Holt.\n\n“That is far too late,” said a local baker.\n";
    let a = run(text);
    assert_eq!(speaker_of(&a, "far too late").as_deref(), Some("a local baker"));
    // a name beside the description is the speaker's name, and later mentions by surname are
    // the same person
    let text =
        "“The hall opens at nine,” said Mira Holt.\n\n“That is far too late,” said the village baker, Ben Ruud. Ruud said he would write to the council.\n";
    let a = run(text);
    assert_eq!(speaker_of(&a, "far too late").as_deref(), Some("the village baker, Ben Ruud"));
    let ruud = a.entities.iter().find(|e| e.name == "Ben Ruud").expect("Ben Ruud is an entity");
    assert_eq!(ruud.titles, vec!["village baker".to_string()]);
    assert!(!a.entities.iter().any(|e| e.name == "Ruud" || e.name == "the village baker"), "one entity: {:?}", a.entities);
}

#[test]
fn a_place_after_its_towns_comma_is_not_the_subject() {
    // "Salem, Oregon," says where; the subject after it speaks
    check("Speaking at a fair in Salem, Oregon, Ada Holm went after her rival, calling him “a tired man.”", "tired man", "Ada Holm");
    // control: a country that acts is a subject like any other
    check("After the test, China said it was “firmly opposed” to the launch.", "firmly opposed", "China");
}

#[test]
fn a_clause_with_its_own_subject_is_not_an_appositive() {
    let a = run("Long before the vote, the mayor's aide rallied volunteers, saying, “We have to knock on every door.”");
    assert_eq!(speaker_of(&a, "knock on every door").as_deref(), Some("the mayor's aide"));
}

#[test]
fn participle_and_coordinated_cues_take_the_subject() {
    check("Councilwoman Rita Vance left the meeting early, saying, “This vote is rigged.”", "vote is rigged", "Councilwoman Rita Vance");
    check("Judge Ruth Ambler called the delay “regrettable” and said the trial would go on.", "trial would go on", "Judge Ruth Ambler");
    check("Thursday, after a long silence, Dr. Ines Wu spoke to reporters, adding, “The clinic stays open.”", "clinic stays open", "Dr. Ines Wu");
}

#[test]
fn relative_pronoun_speakers() {
    check("The plan was backed by Senator Oren Ward, who said that the bridge was overdue.", "the bridge was overdue", "Senator Oren Ward");
}

#[test]
fn colon_introductions_and_labels() {
    check("The mayor apologized on Friday: “We should have warned you sooner.”", "warned you sooner", "The mayor");
    check("Port chief Lena Marsh: “The cranes are back.”", "cranes are back", "Port chief Lena Marsh");
    let a = run("Transcript follows.\n\nQ: Will the ferry run in winter?\n\nHOLM: Every day, unless the harbor freezes.\n");
    assert_eq!(speaker_of(&a, "Every day, unless").as_deref(), Some("HOLM"));
    assert_eq!(speaker_of(&a, "ferry run in winter").as_deref(), Some("Q"));
}

#[test]
fn two_apostrophes_are_a_quotation_mark() {
    let a = run("''We will rebuild the pier,'' Mayor Ana Holm said.");
    assert_eq!(speaker_of(&a, "rebuild the pier").as_deref(), Some("Mayor Ana Holm"));
    assert_eq!(a.quotes[0].kind, QuoteKind::Direct);
}

#[test]
fn according_to_takes_the_whole_source_phrase() {
    let a = run("According to early results of a survey by the Harbor Board, turnout rose by a third.");
    let q = &a.quotes[0];
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.content.slice(&a.text), "turnout rose by a third");
    assert_eq!(q.speaker.as_ref().map(|s| s.via), Some(Via::AccordingTo));
}

#[test]
fn a_question_or_a_closing_period_keeps_its_attribution() {
    check("“Is the pier safe?” Captain Ilse Brandt asked.", "pier safe", "Captain Ilse Brandt");
    check("The debate ran late.\n\n“We are done for tonight.” Moderator Ray Ortiz said.", "done for tonight", "Moderator Ray Ortiz");
}

#[test]
fn a_quotation_going_on_after_its_attribution_is_one_quote() {
    let a = run("“The ferry is late,” Captain Ilse Brandt said. “It will be late again tomorrow.”");
    let top: Vec<_> = a.quotes.iter().filter(|q| q.parent.is_none()).collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].segments.len(), 2);
}

#[test]
fn reported_clauses_keep_that_and_stop_where_the_writer_resumes() {
    let a = run("Planner Ruth Ambler said that the depot would close in May, a move that angered drivers.");
    assert_eq!(a.quotes[0].content.slice(&a.text), "that the depot would close in May");
}

#[test]
fn passive_cues_have_no_speaker_but_progressive_ones_do() {
    let a = run("The drivers were told that the depot would close.");
    assert!(a.quotes.iter().all(|q| q.speaker.is_none()), "{:?}", a.quotes);
    check("Senator Oren Ward is insisting that the depot stays open.", "depot stays open", "Senator Oren Ward");
}

#[test]
fn quantities_speak() {
    check("Turnout will be low, 61 percent of voters said.", "Turnout will be low", "61 percent of voters");
}

#[test]
fn noun_forms_of_cues_after_a_lone_capital() {
    let a = run("Cost estimates, he added, were “based on the old design.”");
    assert_ne!(speaker_of(&a, "based on the old design").as_deref(), Some("Cost"));
}

#[test]
fn a_sentence_opening_common_word_is_not_a_subject() {
    check("Hours later, Mayor Ana Holm spoke again, telling reporters, “We are ready.”", "We are ready", "Mayor Ana Holm");
}

#[test]
fn speech_act_verbs_are_cues() {
    check("Mayor Ted Olsen derided the study as “a guess dressed up as data.”", "guess dressed up", "Mayor Ted Olsen");
}

#[test]
fn a_participle_hangs_on_the_nearest_pronoun_subject() {
    check(
        "Governor Tess Lindqvist, a longtime ally of the mayor, conceded the point even as she defended the budget, saying, “Every line of it was debated.”",
        "Every line of it",
        "she",
    );
}

#[test]
fn places_do_not_take_pronouns_from_people() {
    let a = run("Senator Ada Moss flew to Kansas City on Friday. “We are ready,” she said.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("We are ready")).expect("the quote");
    let e = q.speaker.as_ref().map(|s| a.entities[s.entity].name.clone());
    assert_eq!(e.as_deref(), Some("Ada Moss"));
    assert!(a.findings.iter().all(|f| f.code != "QC103"), "{:?}", a.findings);
}

#[test]
fn a_quotation_set_apart_by_a_comma_is_direct() {
    let a = run("Mayor Ana Holm weighed in as well, telling the council on Monday, “The pier is ours,” before she left.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("The pier is ours")).expect("the quote");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.content.slice(&a.text), "The pier is ours,");
}

#[test]
fn a_cue_particle_and_an_aside_stay_out_of_the_reported_clause() {
    let a = run("Senator Oren Ward called for a new audit of the ferry contract.");
    assert_eq!(a.quotes[0].content.slice(&a.text), "a new audit of the ferry contract");
    let a = run("Mayor Ana Holm said, apparently for the first time, that the pier would close.");
    assert_eq!(a.quotes[0].content.slice(&a.text), "that the pier would close");
}

#[test]
fn a_chain_of_appositives_leads_back_to_the_subject() {
    check("Dana Moss, a farmer from Ames, Iowa, visiting the county show, said she could not back the levy.", "could not back the levy", "Dana Moss");
    check("Ray Kim, 61, a retired doctor, said he was relieved but still worried about the clinic.", "he was relieved", "Ray Kim");
    check(
        "Sen. Jo Walsh (R-Ga.), one of the few authors still in office, said she remembers the night the bill passed.",
        "remembers the night",
        "Sen. Jo Walsh",
    );
    // a clause with its own subject in the chain is not an appositive
    let a = run("The ferry plan failed, he conceded, said the harbor master, who ran it.");
    assert_ne!(speaker_of(&a, "ferry plan failed").as_deref(), Some("The ferry plan"));
}

#[test]
fn a_tail_with_its_own_subject_is_the_reported_clause() {
    let a = run("Later in the day, the bureau said it would cooperate with the inquiry.");
    let q = a.quotes.iter().find(|q| q.speaker.is_some()).expect("an indirect report");
    assert_eq!(q.content.slice(&a.text), "it would cooperate with the inquiry");
    let a = run("Mayor Ann Lee is not rattled by the losses; in fact, she said it “humanizes” her.");
    assert!(a.quotes.iter().any(|q| q.content.slice(&a.text).starts_with("it “humanizes”") && q.speaker.is_some()));
}

#[test]
fn a_report_whose_pronoun_names_no_one_keeps_the_pronoun_as_its_speaker() {
    // "she" has no antecedent: the report and its quotation are kept, and "she" is an
    // unnamed speaker of her own (not someone else, and not no one)
    let a = run("The losses did not rattle anyone; in fact, she said it “humanizes” the office.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text) == "it “humanizes” the office").expect("the report");
    assert_eq!(q.kind, QuoteKind::Mixed);
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(sp.mention.slice(&a.text), "she");
    assert_eq!(a.entities[sp.entity].name, "she");
    // a single first name gives no gender, so "she" stands for no one named here either
    check("Melanie waved.\n\n“You winning?” she said.", "You winning", "she");
}

#[test]
fn a_place_after_a_name_does_not_hide_the_speaker() {
    check("“We should scrap the fee,” said Sen. Jo Marsh of Oregon, the only senator to back the plan.", "scrap the fee", "Sen. Jo Marsh");
    // a title keeps its "of": the name after it is the speaker
    check("“The port is open,” said Minister of Transport Ilse Brandt.", "port is open", "Minister of Transport Ilse Brandt");
}

#[test]
fn a_participle_after_a_quoted_comma_ends_the_reported_clause() {
    let a = run("Governor Lena Ames said that she had “widened the party’s base,” claiming credit for the turnout in the north.");
    let q = a.quotes.iter().find(|q| q.speaker.is_some()).expect("a mixed report");
    assert_eq!(q.content.slice(&a.text), "that she had “widened the party’s base,”");
}

#[test]
fn a_relative_pronoun_before_the_cue_is_a_mention_of_the_speaker() {
    let text = "The levy was debated for hours. Ferry captain Ilse Brandt, who said the crossing would reopen in May, left early.";
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("crossing would reopen")).expect("the report");
    let sp = q.speaker.as_ref().expect("a speaker");
    let ent = &a.entities[sp.entity];
    let who = text.find("who").unwrap();
    assert!(ent.mentions.iter().any(|m| m.start == who && m.slice(text) == "who"), "{:?}", ent.mentions);
}

#[test]
fn bare_noun_phrase_subjects_of_say() {
    check("Protest groups say the rules are less about safety than about being seen.", "less about safety", "Protest groups");
    check("More than 4 in 10 said the governor would handle the economy best.", "handle the economy best", "More than 4 in 10");
    check(
        "People with knowledge of the fund's work said many new donors had come aboard.",
        "new donors had come aboard",
        "People with knowledge of the fund's work",
    );
    check("In Laramie, a number of volunteers said they had stopped knocking on doors.", "stopped knocking", "a number of volunteers");
    // only cues that are hardly ever nouns: "estimates" here is the subject's noun
    let a = run("Cost estimates show the bridge will need new cables by spring.");
    assert!(a.quotes.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.mention.slice(&a.text) != "Cost estimates")));
    // a clause before the cue is no noun phrase
    let a = run("The board thinks the mayor said nothing about the levy at all.");
    assert!(a.quotes.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.mention.slice(&a.text) != "The board thinks the mayor")));
}

#[test]
fn a_headline_label_reports_its_speaker() {
    let text = "Mayor Ida Holt to Harbor Staff: Ferry Fares Will Not Rise\n\nThe mayor spoke on Monday. Later, Holt left the hall.\n";
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text) == "Ferry Fares Will Not Rise").expect("the headline report");
    assert_eq!(q.speaker.as_ref().map(|s| s.mention.slice(&a.text)), Some("Mayor Ida Holt"));
    assert_eq!(q.kind, QuoteKind::Indirect);
    // every headline word is capitalised: a "name" the article never uses is no speaker
    let a = run("Poll Results: Three Races Are Tight\n\nThe survey came out on Monday.\n");
    assert!(a.quotes.iter().all(|q| q.speaker.is_none()), "{:?}", a.quotes);
}

#[test]
fn a_question_put_by_an_unnamed_asker_is_reported_without_a_speaker() {
    let a = run("Asked whether the ferry would run in winter, Mayor Ida Holt said the repairs would take a year.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text) == "whether the ferry would run in winter").expect("the question");
    assert!(q.speaker.is_none() && q.kind == QuoteKind::Indirect);
    assert!(a.quotes.iter().any(|q| q.content.slice(&a.text) == "the repairs would take a year" && q.speaker.is_some()));
    // a question is no assertion: no claim is made of it
    assert!(a.claims.iter().all(|c| !c.span.slice(&a.text).contains("ferry would run")));
    // "asked" with no question word, infinitive or "about" after it is not a question report
    // (a request, "Asked to stay, ...", is one, as PolNeAR annotates it)
    let a = run("Asked politely, the driver said the depot would close at noon.");
    assert!(a.quotes.iter().all(|q| q.speaker.is_some()));
}

#[test]
fn a_name_and_a_description_side_by_side_are_one_speaker() {
    let a = run("“We will not raise fares,” the authority’s chair, Petra Holm, told the committee. Later the authority’s finance director, Hugo Strand, told reporters that fares would rise.");
    let holm = a.entities.iter().find(|e| e.name == "Petra Holm").expect("Petra Holm");
    assert_eq!(holm.titles, vec!["authority’s chair".to_string()]);
    let strand = a.entities.iter().find(|e| e.name == "Hugo Strand").expect("Hugo Strand");
    assert_eq!(strand.titles, vec!["authority’s finance director".to_string()]);
    // no separate entity for the descriptions
    assert!(
        a.entities.iter().all(|e| !e.name.contains("chair") && !e.name.contains("director")),
        "{:?}",
        a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    let a = run("“The levee will hold,” Eric Ames, a state senator, said.");
    let ames = a.entities.iter().find(|e| e.name == "Eric Ames").expect("Eric Ames");
    assert_eq!(ames.titles, vec!["state senator".to_string()]);
}

#[test]
fn attitude_verbs_report_their_infinitive() {
    check("Governor Tom Reyes appeared to back the ferry plan on Tuesday.", "to back the ferry plan", "Governor Tom Reyes");
    // "appeared on stage" reports nothing
    let a = run("Governor Tom Reyes appeared on stage with the ferry crews on Tuesday.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    // "refused to sign" reports a refusal: the claim is that he will not sign
    let a = run("Councillor Ben Amari refused to sign the levy order on Monday.");
    assert!(a.claims.iter().any(|c| c.span.slice(&a.text).contains("sign the levy order") && c.polarity == quotecheck::claims::Polarity::Negative));
}

#[test]
fn short_reports_after_speaker_and_cue() {
    // with the speaker and cue first, one or two words are a whole report
    check("Asked whether the ferry would run in winter, the harbor master said no.", "no", "the harbor master");
    check("The Dockworkers Union endorsed Councillor Breda Quist.", "Councillor Breda Quist", "The Dockworkers Union");
    // after a listener, what follows must be a clause: here it was the thing written
    let a = run("A fisherman wrote a single line.");
    assert!(a.quotes.is_empty(), "got {:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
}

#[test]
fn stance_cues_report_their_object_but_not_as_nouns() {
    check("Senator Olu Banfield supports raising the ferry subsidy.", "raising the ferry subsidy", "Senator Olu Banfield");
    check("Most residents favor a later closing time for the park.", "a later closing time", "Most residents");
    // a noun after a possessive or before a preposition; a verb taken towards nothing
    for text in [
        "The senator's support rose after the debate on the harbor.",
        "Support among farmers for the levy fell sharply this spring.",
        "The council backed away from the harbor plan on Monday.",
        "The governor later backed down on the toll increase.",
    ] {
        let a = run(text);
        assert!(a.quotes.is_empty(), "{text:?} reports nothing, got {:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
    }
    // a stance does not frame a quotation
    let a = run("Mayor Ida Holt endorsed “the people's budget” on Friday.");
    assert!(a.quotes.iter().all(|q| q.cue.is_none_or(|c| c.slice(&a.text) != "endorsed") || q.kind != QuoteKind::Direct));
}

#[test]
fn a_cue_word_followed_by_an_auxiliary_is_a_noun() {
    for text in ["The army report is classified, and the harbor survey was late.", "The mayor's remarks can be long-winded."] {
        let a = run(text);
        assert!(a.quotes.is_empty(), "{text:?}: got {:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
    }
    // inside a sentence, a subject gapped by a relative clause is reported all the same
    check("The council approved a levy that engineers said was overdue by a decade.", "was overdue by a decade", "engineers");
}

#[test]
fn a_bare_word_opening_an_organisation_name_is_its_short_form() {
    let a = run("Brask Ferries said the winter timetable would start in October. Brask rejected the complaint from the harbor council.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("the complaint")).expect("the second report is found");
    let e = q.speaker.as_ref().map(|s| a.entities[s.entity].name.clone());
    assert_eq!(e.as_deref(), Some("Brask Ferries"));
    // the noun-phrase report takes its cue as predicate, so the claim says what was done
    let c = a.claims.iter().find(|c| c.quote.is_some_and(|qi| std::ptr::eq(&a.quotes[qi], q))).expect("a claim for the report");
    assert_eq!(c.predicate, "rejected");
    assert!(c.class.is_some());
}

/// The text of each content segment of the quote whose content contains `words`.
fn segments_of(a: &Analysis, words: &str) -> Option<Vec<String>> {
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains(words))?;
    let segs = if q.segments.is_empty() { vec![q.content] } else { q.segments.clone() };
    Some(segs.iter().map(|s| s.slice(&a.text).to_string()).collect())
}

#[test]
fn evidential_verbs_report_subject_and_complement() {
    // no one is named as holding the view: a report with no speaker
    let a = run("The harbor seemed calm again.");
    assert_eq!(segments_of(&a, "calm").unwrap(), ["The harbor", "calm again"]);
    assert!(a.quotes[0].speaker.is_none());
    // the passive: the subject is what the view is about, not who holds it
    let a = run("Mayor Ida Holt is widely expected to sign the harbor budget.");
    assert_eq!(segments_of(&a, "sign").unwrap(), ["Mayor Ida Holt", "to sign the harbor budget"]);
    assert!(a.quotes[0].speaker.is_none());
    // a named subject of "appear" is the speaker
    check("Governor Tom Reyes appeared to back the ferry plan on Tuesday.", "back the ferry plan", "Governor Tom Reyes");
    let a = run("Governor Tom Reyes appeared to back the ferry plan on Tuesday.");
    assert_eq!(segments_of(&a, "back").unwrap(), ["Governor Tom Reyes", "to back the ferry plan on Tuesday"]);
    // conjunctions stay out of the subject; places and times are no complement
    let a = run("The crowd cheered when the ferry seemed ready to leave.");
    assert_eq!(segments_of(&a, "ready").unwrap(), ["the ferry", "ready to leave"]);
    for text in ["The band appeared on stage at nine.", "The mayor appeared before the council on Monday."] {
        let a = run(text);
        assert!(a.quotes.is_empty(), "{text:?}: got {:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
    }
}

#[test]
fn a_relative_clause_between_speaker_and_cue() {
    check("“The books are closed,” a harbor official who spoke on condition of anonymity said Wednesday.", "books are closed", "a harbor official");
    // what the relative clause names is not the speaker
    check("A harbor official who met Mayor Ida Holt on Monday said the pier would close.", "the pier would close", "A harbor official");
}

#[test]
fn two_titles_joined_by_and_are_one_speaker() {
    check("“The pier will close,” the Oregon senator and presidential candidate said.", "pier will close", "the Oregon senator and presidential candidate");
}

#[test]
fn according_to_after_an_opener_and_a_whole_phrase_source() {
    check("But, according to the poll, 46 percent of the voters remain undecided.", "46 percent of the voters", "the poll");
    check("Now, according to the recent state survey, some districts are swinging.", "some districts are swinging", "the recent state survey");
}

#[test]
fn a_sentence_opening_with_in_and_a_poll_reports_the_poll() {
    check("In the latest harbor survey, most residents back the ferry plan.", "most residents back the ferry plan", "the latest harbor survey");
    // "In a statement, X said": the statement's issuer reports, as before
    check("In a statement, the harbor board said the ferry would run in winter.", "the ferry would run in winter", "the harbor board");
}

#[test]
fn a_quotation_finishing_the_writers_sentence_after_a_comma_is_mixed() {
    let a = run("The fair, held every summer since 1950, “brings the whole valley together,” said organizer Ida Holt.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("whole valley")).expect("the quotation");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert!(q.content.slice(&a.text).starts_with("The fair"), "{:?}", q.content.slice(&a.text));
    // a capital after the comma starts the speaker's own sentence: a plain direct quotation
    let a = run("Asked about the fair, “It brings the whole valley together,” said organizer Ida Holt.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("whole valley")).expect("the quotation");
    assert_eq!(q.kind, QuoteKind::Direct);
}

#[test]
fn a_report_goes_on_through_including_who_because_and_when() {
    // grammar/speakers.toml, `report_goes_on`: these subordinators after a comma do not hand
    // the sentence back to the writer, unlike ", according to" or ", while"
    let text = "Harbor master Lina Dorn said the pier would close for a month, including the kiosk, because the pilings had rotted.";
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("pier would close")).expect("the report");
    assert!(q.content.slice(&a.text).ends_with("the pilings had rotted"), "{:?}", q.content.slice(&a.text));
    let a = run("Mayor Ana Holm said the ferry captain, who retired in May, would lead the parade, when the weather allowed it.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("ferry captain")).expect("the report");
    assert!(q.content.slice(&a.text).ends_with("when the weather allowed it"), "{:?}", q.content.slice(&a.text));
    // ", according to" still ends it
    let a = run("The pier will close for a month, according to harbor master Lina Dorn, who inspected it.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("pier will close")).expect("the report");
    assert_eq!(q.content.slice(&a.text), "The pier will close for a month");
}

#[test]
fn an_organisations_possessive_before_a_full_name_is_a_person_of_it() {
    check("“Turnout barely moves from week to week,” the Gazette's Rosa Lind said.", "Turnout barely moves", "the Gazette's Rosa Lind");
    check("“The count will take a week,” Norvale's Ada M. Brook wrote in April.", "count will take a week", "Norvale's Ada M. Brook");
}

#[test]
fn a_question_quote_keeps_a_speaker_with_an_appositive_after_it() {
    // the question mark inside the quotation does not end the sentence when a name, an
    // appositive between commas and a cue follow
    check("“Is the ferry running today?” Eva Lund, a retired pilot, said.", "ferry running today", "Eva Lund");
    check("“Can we go home now?” Tom Birch, 42, said quietly.", "go home now", "Tom Birch");
}

#[test]
fn an_infinitive_cue_takes_the_named_subject_of_its_clause() {
    // not the whole clause before "to say" as a noun phrase
    check("Mayor Ann Holt went down to the pier to say the ferry would run all winter.", "ferry would run", "Mayor Ann Holt");
    // somebody else named on the way: the urging is the report, the mayor said nothing
    check("The council urged Mayor Ann Holt to say the ferry would run all winter.", "ferry would run", "The council");
}

#[test]
fn a_participle_or_a_verb_with_its_own_object_after_a_quotation_does_not_frame_it() {
    // "referring to X" names what was talked about, not who talked
    check("The mayor vowed, “We will rebuild the pier by June,” referring to the storm-damaged landing.", "rebuild the pier", "The mayor");
    // "cited it": the verb's own object is the quotation; the colon introduction stands
    check("Ortega, tired, finally answered: “Why does it matter now?” Her rivals cited it for weeks.", "Why does it matter", "Ortega");
}

#[test]
fn an_introductory_phrase_or_a_clause_before_a_participle_is_no_appositive() {
    // "Like X," opens the sentence; "Menendez rejected the plan" is a clause with its own
    // verb (a cue word, too), so the participle's subject is Menendez, not the name before
    check(
        "Mayor Ruth Ambler spoke first. Like Ambler, Councillor Ivo Menz rejected the levy, arguing that the harbor fund was “already stretched thin.”",
        "harbor fund",
        "Councillor Ivo Menz",
    );
}

#[test]
fn a_quantity_of_a_group_is_a_speaker() {
    check("“The count is not over,” said one of those organizers, who asked not to be named.", "count is not over", "one of those organizers");
    check("“We are staying,” one of his aides said.", "We are staying", "one of his aides");
    check("One of the volunteers said the shelter would open at dawn.", "shelter would open", "One of the volunteers");
}

#[test]
fn a_quotation_signed_with_a_dash_in_the_next_paragraph() {
    let text = "“The idea that I would close the pier is just not accurate.”\n\n- Holt.\n\n“I went to the harbor before the storm.”\n\n—Mayor Ann Holt, speaking after the vote.\n";
    check(text, "close the pier", "Holt");
    check(text, "went to the harbor", "Mayor Ann Holt");
    // a dash paragraph that is a sentence of its own signs nothing
    let a = run("“The pier stays shut.”\n\n- Holt closed the pier on Friday and left town.\n");
    assert_eq!(speaker_of(&a, "pier stays shut"), None);
}

#[test]
fn a_name_with_an_adverb_and_its_own_verb_is_a_clause_before_a_participle() {
    check(
        "Mayor Ruth Ambler spoke first. Like Ambler, Councillor Ivo Menz also rejected the levy, arguing that the harbor fund was “already stretched thin.”",
        "harbor fund",
        "Councillor Ivo Menz",
    );
}

#[test]
fn a_pronoun_right_after_a_cue_is_the_subject_of_that_report() {
    // the second participle hangs on the sentence subject, not on the "he" of the first report
    let text = "Ines Morrow runs the family shipyard. She has defended her father, saying he promoted women at the yard and calling him “a fair boss.”";
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("fair boss")).expect("the report");
    assert_eq!(q.speaker.as_ref().map(|s| s.mention.slice(&a.text)), Some("She"));
}

#[test]
fn a_name_before_an_auxiliary_after_a_listener_cue_is_the_reported_subject() {
    // "writes Holt has ...": Holt is no listener of "writes"
    let text = "Campaign manager Ivo Menz sent a memo on Monday.\n\nHe writes Holt has “built a lead that cannot be closed.”";
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("cannot be closed")).expect("the report");
    assert!(q.content.slice(&a.text).starts_with("Holt has"), "{:?}", q.content.slice(&a.text));
    assert_eq!(speaker_of(&a, "cannot be closed").as_deref(), Some("He"));
}

#[test]
fn a_phrase_of_where_it_was_said_stands_before_the_reported_clause() {
    let a = run("The Harbor Gazette noted in an editorial on Thursday that the mayor “has run out of excuses.”");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("out of excuses")).expect("the report");
    assert!(q.content.slice(&a.text).starts_with("that the mayor"), "{:?}", q.content.slice(&a.text));
    let a = run("As the Harbor Gazette noted in its editorial, the mayor “has run out of excuses.”");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("out of excuses")).expect("the report");
    assert!(q.content.slice(&a.text).starts_with("the mayor"), "{:?}", q.content.slice(&a.text));
}

#[test]
fn a_manner_cue_frames_a_quotation_right_after_it() {
    // "chanted" is kept for inverted use ("“...,” the crowd chanted"), but a quotation right
    // after it is framed as well; with other words between, it is no report
    check("Supporters waved flags at the pier. Some chanted “Four more years for the mayor!”", "Four more years", "Some");
    check("Mayor Ida Kross laughed, “That is the best news all week.”", "best news all week", "Mayor Ida Kross");
    let a = run("The crowd laughed at the idea of a second pier.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
}

#[test]
fn a_title_after_read_is_no_report() {
    let a = run("The board will vote in April. Residents can read “Water for All” on the county website.");
    assert_eq!(speaker_of(&a, "Water for All"), None);
}

#[test]
fn a_report_in_a_relative_clause_ends_where_the_main_clause_goes_on() {
    let a = run("Ada Brook, who said the old pier was unsafe in 2019, resigned from the harbor board on Friday.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("pier was unsafe")).expect("the report");
    assert_eq!(q.content.slice(&a.text), "the old pier was unsafe in 2019");
    assert_eq!(speaker_of(&a, "pier was unsafe").as_deref(), Some("Ada Brook"));
}

#[test]
fn a_speaker_and_cue_between_commas_inside_the_reported_clause() {
    let a = run("Golf consultant Ivo Menz spoke on Monday. Many of the closures, he said, have involved public courses.");
    let q = a.quotes.iter().find(|q| q.segments.iter().any(|s| s.slice(&a.text).contains("public courses"))).expect("a report in two pieces");
    let pieces: Vec<&str> = q.segments.iter().map(|s| s.slice(&a.text)).collect();
    assert_eq!(pieces, ["Many of the closures", "have involved public courses"]);
    assert_eq!(q.speaker.as_ref().map(|s| s.mention.slice(&a.text)), Some("he"));
    // a participle after the second comma is a report of its own, not the clause going on
    let a = run("The pier will close for a month, an official said, adding that the kiosk stays open.");
    assert!(a.quotes.iter().all(|q| q.segments.len() < 2), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
}

#[test]
fn a_cue_participle_after_an_inverted_speaker_is_a_report_of_its_own() {
    let a = run("The pier will close for a month, a harbor official said, adding that the kiosk would stay open.");
    let first = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("pier will close")).expect("the inverted report");
    assert_eq!(first.content.slice(&a.text), "The pier will close for a month");
    assert_eq!(speaker_of(&a, "pier will close").as_deref(), Some("a harbor official"));
    // and the participle's words are not the content of "said"
    assert!(a.quotes.iter().all(|q| !q.content.slice(&a.text).starts_with("adding")));
}

#[test]
fn a_bare_subject_headed_by_a_finding_noun_reports() {
    check("Exit polling showed that Mayor Holt won every ward except the harbor.", "won every ward", "Exit polling");
    check("Early polls show voters along the coast rejecting the levy.", "rejecting the levy", "Early polls");
}

#[test]
fn a_name_before_a_plain_noun_after_according_to_is_a_source_thing() {
    check("According to the Harbor Gazette average, the mayor is up six points.", "mayor is up six points", "the Harbor Gazette average");
    check("According to a Channel Nine tally, the mayor has won 58 wards.", "won 58 wards", "a Channel Nine tally");
}

#[test]
fn an_aside_between_dashes_stays_in_the_report() {
    let a = run("According to the harbor survey, 46 percent of members — and 31 percent of all residents — remain undecided about the levy.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("46 percent")).expect("the report");
    assert!(q.content.slice(&a.text).ends_with("remain undecided about the levy"), "{:?}", q.content.slice(&a.text));
}

#[test]
fn questions_put_to_a_speaker_end_at_the_answer() {
    let cases = [
        ("Asked which ward was his favorite, the mayor smiled and changed the subject.", "which ward was his favorite"),
        ("Asked during a debate in May why he trailed so badly, Holt said he would gain ground.", "why he trailed so badly"),
        ("“You bet I would,” Holt said when asked whether he would close the pier for the winter.", "whether he would close the pier for the winter"),
        ("Asked by the host to respond to the criticism, Holt shrugged.", "to respond to the criticism"),
    ];
    for (text, question) in cases {
        let a = run(text);
        assert!(
            a.quotes.iter().any(|q| q.content.slice(&a.text) == question),
            "{text:?}: {:?}",
            a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn writers_comparisons_relative_asides_and_possessive_nouns_are_not_reports() {
    // ", compared with ..." is the writer's comparison, not part of the report
    let a = run("Almost half said they wanted a harbor master from outside the board, compared with four in ten last year.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("harbor master")).expect("the report");
    assert_eq!(q.content.slice(&a.text), "they wanted a harbor master from outside the board");
    // "..., something that Holt mocked": a relative clause about the report, no speaker
    let a = run("Ortega said that his boat was saved by a rope, something that Holt mocked.");
    assert_eq!(speaker_of(&a, "saved by a rope").as_deref(), Some("Ortega"));
    // "the mayor's remarks had ...": a noun after a possessive, not a cue
    let a = run("Councillor Ada Holt said the mayor's remarks had already made him a danger to the harbor.");
    assert_eq!(speaker_of(&a, "danger to the harbor").as_deref(), Some("Councillor Ada Holt"));
}

#[test]
fn two_quotations_in_one_writers_sentence_make_one_mixed_quotation() {
    let a = run(
        "Mayor Ada Holt spoke on Monday.\n\nThe Gazette sent its “harbor correspondent” Ivo Menz into “a flooded basement on Dock Street” to watch the storm.",
    );
    let mixed: Vec<&str> = a.quotes.iter().filter(|q| q.kind == QuoteKind::Mixed).map(|q| q.content.slice(&a.text)).collect();
    let mut unique = mixed.clone();
    unique.dedup();
    assert_eq!(mixed, unique, "the same mixed quotation is reported twice");
}

#[test]
fn a_document_put_out_speaks_for_its_author() {
    check("The town council released a statement on Friday saying the bridge would stay closed until spring.", "bridge would stay closed", "The town council");
    check("Mr. Lind, who had called the judge biased, issued a statement Tuesday saying, “I regret the remark.”", "regret the remark", "Mr. Lind");
    check("Within the hour, Senator Oren Ward sent out a letter saying the vote would wait.", "vote would wait", "Senator Oren Ward");
    // the document itself speaks when it is the subject
    check("The board met late. The statement said the fares would rise.", "fares would rise", "The statement");
}

#[test]
fn a_signature_after_the_closing_mark_names_the_speaker_of_its_line() {
    // a reader round-up: one paragraph, one quotation per line, each signed after a dash
    let text = "Readers wrote in.\n\n“The ferry should run all winter.” ― Ana Lindqvist\n“I hope the council listens this time.” ― Tomas Berg.\n\nMore letters follow.\n";
    check(text, "ferry should run all winter", "Ana Lindqvist");
    check(text, "council listens this time", "Tomas Berg");
    // a dash aside that goes on is no signature
    let a = run("“The ferry should run,” ― and nobody disagreed at the meeting.\n");
    assert_eq!(speaker_of(&a, "ferry should run"), None);
    // a quotation over two paragraphs, closed on a signed line, is checked without a panic
    let a = run("“The ferry should run all winter.\n\n“And the fares should fall.” ― Ana Lindqvist\n");
    assert!(a.quotes.iter().any(|q| q.content.slice(&a.text).contains("fares should fall")));
}

#[test]
fn a_relative_clause_after_the_reported_subject_does_not_end_the_report() {
    let a = run("Oren Ward spoke on Monday. He said the plan, which the council passed in May, would cost too much.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).starts_with("the plan")).expect("a report");
    assert_eq!(q.content.slice(&a.text), "the plan, which the council passed in May, would cost too much");
    // a relative clause on the whole report is the writer's comment
    let a = run("Oren Ward said the plan would cost more, which the council, to its credit, has admitted.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).starts_with("the plan")).expect("a report");
    assert_eq!(q.content.slice(&a.text), "the plan would cost more");
}

/// The content of the report whose content starts with `start`.
fn content_from(a: &Analysis, start: &str) -> Option<String> {
    a.quotes.iter().find(|q| q.content.slice(&a.text).starts_with(start)).map(|q| q.content.slice(&a.text).to_string())
}

#[test]
fn a_report_in_a_subordinate_clause_ends_where_the_main_clause_begins() {
    let a = run("While critics argue that the ferry loses money, Mayor Ida Holt has called it vital.");
    assert_eq!(content_from(&a, "that the ferry").as_deref(), Some("that the ferry loses money"));
    let a = run("Ida Holt spoke first. Although in May she said the plan was a mistake, at the meeting this week she defended it.");
    assert_eq!(content_from(&a, "the plan was").as_deref(), Some("the plan was a mistake"));
    // a clause put right after "that" belongs to the report
    let a = run("Holt said that, while the ferry loses money, it is vital.");
    assert_eq!(content_from(&a, "that").as_deref(), Some("that, while the ferry loses money, it is vital"));
}

#[test]
fn a_dateline_with_a_state_and_an_agency_names_no_speaker() {
    let text = "Mayor Meets Survivors.\n\nTARN CITY, Ore. (Wire) - Mayor Ida Holt met survivors on Thursday and said the city must act.\n\n“The last attacks were terrible,” she said.\n";
    check(text, "the city must act", "Mayor Ida Holt");
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("attacks were terrible")).expect("the quote");
    let e = q.speaker.as_ref().map(|s| a.entities[s.entity].name.clone());
    assert_eq!(e.as_deref(), Some("Ida Holt"));
}

#[test]
fn a_sentence_adverb_before_a_comma_is_no_name() {
    check("Instead, the senator is sticking to her message, hoping to avoid any misstep.", "avoid any misstep", "the senator");
}

#[test]
fn a_negated_auxiliary_stands_between_speaker_and_cue() {
    check("Sen. Ida Holt wouldn’t say how the party would rank the bills.", "how the party would rank", "Sen. Ida Holt");
    check("Sen. Ida Holt did not say whether the party would rank the bills.", "whether the party would rank", "Sen. Ida Holt");
}

#[test]
fn a_place_after_a_name_or_role_is_part_of_the_mention_not_of_the_name() {
    let entity = |text: &str, words: &str| {
        let a = run(text);
        let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains(words)).expect("the report");
        q.speaker.as_ref().map(|s| a.entities[s.entity].name.clone())
    };
    check("Sen. Ida Holt of New York said the party would rank the bills.", "party would rank", "Sen. Ida Holt of New York");
    assert_eq!(entity("Sen. Ida Holt of New York said the party would rank the bills.", "party would rank").as_deref(), Some("Ida Holt"));
    assert_eq!(entity("Sen. Ida Holt of Texas said the party would rank the bills.", "party would rank").as_deref(), Some("Ida Holt"));
    check("The senator from Oregon said the party would rank the bills.", "party would rank", "The senator from Oregon");
    // a title with "of" stays a title
    assert_eq!(entity("Secretary of State Ida Holt said the party would rank the bills.", "party would rank").as_deref(), Some("Ida Holt"));
}

#[test]
fn a_source_with_a_post_modifier_runs_up_to_the_cue() {
    check("Officials familiar with the plan said the ferry would run.", "ferry would run", "Officials familiar with the plan");
    check("People close to the mayor said the ferry would run.", "ferry would run", "People close to the mayor");
    check("Aides familiar with her thinking said the ferry would run.", "ferry would run", "Aides familiar with her thinking");
    // a name is no anonymous source: the relative clause stays out
    check("Ida Holt, who is close to the mayor, said the ferry would run.", "ferry would run", "Ida Holt");
}

#[test]
fn an_adverb_between_auxiliary_and_cue() {
    check("Ida Holt has long said the ferry would run.", "ferry would run", "Ida Holt");
    check("Ida Holt has always argued that the ferry should run.", "ferry should run", "Ida Holt");
}

#[test]
fn a_known_name_before_a_noun_like_cue_and_states_of_mind() {
    let text = "Ida Holt and Ana Berg met on Monday.\n\nHolt hopes the ferry will run. Berg is worried that it will stop.\n";
    check(text, "ferry will run", "Holt");
    check(text, "it will stop", "Berg");
    // a lone capital nobody writes as a name mid-sentence stays no speaker
    let a = run("Harbor hopes were dashed on Tuesday.");
    assert!(a.quotes.iter().all(|q| q.speaker.is_none()), "{:?}", a.quotes);
}

#[test]
fn where_it_was_said_before_that_is_not_reported() {
    let text = "Ida Holt spoke twice.\n\nHolt said Tuesday night on Tarn Radio that the ferry would run. She wrote on Facebook that fares would fall. She said at a rally in Ostby that the pier would reopen.\n";
    assert_eq!(content_from(&run(text), "that the ferry").as_deref(), Some("that the ferry would run"));
    assert_eq!(content_from(&run(text), "that fares").as_deref(), Some("that fares would fall"));
    assert_eq!(content_from(&run(text), "that the pier").as_deref(), Some("that the pier would reopen"));
}

#[test]
fn a_name_suffix_with_its_period_ends_the_name() {
    check("Tom Berg Jr. said the ferry would run.", "ferry would run", "Tom Berg Jr.");
    let a = run("Tom Berg Jr. spoke first. Berg later said the ferry would run.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("ferry would run")).expect("the report");
    assert_eq!(q.speaker.as_ref().map(|s| a.entities[s.entity].name.as_str()), Some("Tom Berg Jr."));
}

#[test]
fn a_name_the_writer_gives_is_no_speech() {
    let a = run("Ida Holt, known as “the Ferry Queen,” said the boats would keep running.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("Ferry Queen")).expect("the quotation");
    assert_eq!(q.kind, QuoteKind::Scare);
    assert!(q.speaker.is_none());
    let a = run("The plan, dubbed “Operation Tide,” will cost millions.");
    assert!(a.quotes.iter().all(|q| q.kind == QuoteKind::Scare), "{:?}", a.quotes);
}

#[test]
fn a_cue_whose_adjuncts_run_to_the_end_of_the_text() {
    // regression: the setting-phrase check read the token after the end of the text
    let a = run("Ida Holt said on Monday");
    assert!(a.quotes.iter().all(|q| q.content.end <= a.text.len()));
    let a = run("The ministry did not respond to a request for comment.");
    assert!(a.quotes.is_empty(), "a negated cue with a \"to\" phrase reports nothing: {:?}", a.quotes);
}

#[test]
fn a_description_with_a_relative_clause_after_a_name_is_its_appositive() {
    let a = run("Ana Berg, a former mayor who now runs the harbor board, said the ferry would stop.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("ferry would stop")).expect("the report");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(a.entities[sp.entity].name, "Ana Berg");
    assert!(sp.mention.slice(&a.text).starts_with("Ana Berg, a former mayor"));
    // with no name before it, the description is the speaker
    check("An official who spoke on condition of anonymity said the ferry would stop.", "ferry would stop", "An official");
}

#[test]
fn a_possessive_name_opening_a_colon_introduction_is_the_speaker() {
    let text = "Ida Holt spoke on Monday. Holt's message was simple: “The ferry will run.”";
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("ferry will run")).expect("the quotation");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(sp.mention.slice(&a.text), "Holt");
    assert_eq!(a.entities[sp.entity].name, "Ida Holt");
}

#[test]
fn a_parenthetical_after_a_name_before_the_cue_belongs_to_the_mention() {
    check("“We will not wait for them,” Rep. Ida Holt (R-Ore.) said.", "not wait for them", "Rep. Ida Holt (R-Ore.)");
    check("“Nothing has changed,” Sen. Tom Berg (D) said on Friday.", "Nothing has changed", "Sen. Tom Berg (D)");
    check("“The fares stay,” the Harbor Transit Agency (HTA) said.", "fares stay", "the Harbor Transit Agency (HTA)");
}

#[test]
fn several_descriptions_between_the_name_and_the_cue() {
    let a = run("“It is an overreach,” Tom Berg, the attorney general of Ohio, one of the states suing the agency, said at an event.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("an overreach")).expect("the quotation");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(a.entities[sp.entity].name, "Tom Berg");
    // no report of "an event"
    assert!(a.quotes.iter().all(|q| !q.content.slice(&a.text).contains("an event")), "{:?}", a.quotes);
}

#[test]
fn a_name_with_its_organisation_after_of() {
    for text in [
        "“It was the least bad outcome,” Mr. Ruiz of the River Trust said.",
        "“It was the least bad outcome,” said Ana Ruiz of the River Trust.",
        "Ana Ruiz of the River Trust said it was the least bad outcome.",
    ] {
        let a = run(text);
        let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("least bad outcome")).expect("the quotation");
        let sp = q.speaker.as_ref().expect("a speaker");
        assert!(sp.mention.slice(&a.text).ends_with("Ruiz of the River Trust"), "{text}: {}", sp.mention.slice(&a.text));
        assert!(a.entities[sp.entity].name.ends_with("Ruiz"), "{text}: {}", a.entities[sp.entity].name);
    }
}

#[test]
fn a_cue_with_a_clause_of_its_own_does_not_take_the_quotation_before_it() {
    let a = run("On this week's episode of “Harbor Talk,” Gov. Ida Holt said her rival was wrong.");
    let title = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("Harbor Talk")).expect("the title");
    assert_eq!(title.kind, QuoteKind::Scare);
    check("On this week's episode of “Harbor Talk,” Gov. Ida Holt said her rival was wrong.", "her rival was wrong", "Gov. Ida Holt");
    // an adjunct after the cue is no clause: the mixed quotation stays
    let a = run("The city is “in deep trouble,” Holt said the other day.");
    assert!(a.quotes.iter().any(|q| q.kind == QuoteKind::Mixed && q.content.slice(&a.text).starts_with("The city is")), "{:?}", a.quotes);
    // nor is the object of "told"
    let a = run("The city is “in deep trouble,” Holt told the paper.");
    assert!(a.quotes.iter().any(|q| q.kind == QuoteKind::Mixed && q.content.slice(&a.text).starts_with("The city is")), "{:?}", a.quotes);
}

#[test]
fn a_sentence_ending_in_a_cue_introduces_the_next_quotation() {
    check("Ana Berg agreed. “The voters are tired of it.”", "voters are tired", "Ana Berg");
    check("Ida Holt, the director of the party, said in a statement. “There are no paper ballots.”", "no paper ballots", "Ida Holt, the director of the party");
    // a negated cue introduces nothing
    let a = run("Ana Berg did not agree. “The voters are tired of it.”");
    assert_eq!(speaker_of(&a, "voters are tired"), None);
}

#[test]
fn a_long_setting_phrase_after_a_final_cue_is_no_clause() {
    check("Ana Berg spoke first. The wall will fall, she said at a rally in the old town on Monday.", "The wall will fall", "she");
    let a = run("Ana Berg spoke first. The wall will fall, she said at a rally in the old town on Monday.");
    assert!(a.quotes.iter().all(|q| !q.content.slice(&a.text).contains("rally")), "{:?}", a.quotes);
}

#[test]
fn a_title_word_after_an_honorific_is_a_surname() {
    check("“It is fine,” Mr. King added.", "It is fine", "Mr. King");
    check("“It is fine,” said Rep. Ana Bishop.", "It is fine", "Rep. Ana Bishop");
    // a title before a name stays a title
    let a = run("“Peace is near,” King Aldric said.");
    let q = &a.quotes[0];
    assert_eq!(a.entities[q.speaker.as_ref().expect("a speaker").entity].name, "Aldric");
}

#[test]
fn a_plain_noun_subject_with_a_present_cue_that_is_no_noun() {
    // "say" is hardly ever a noun: the plain noun phrase before it is the speaker
    check("The candidates say the plan is good.", "the plan is good", "The candidates");
    // "this" opens the reported clause unless a word of time follows it
    check("Some said this is just a rough patch.", "this is just a rough patch", "Some");
    // a present form that is often a noun still needs a speaker rule's head
    let a = run("The farm plans are good.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    // nor is a plain noun with an auxiliary before the cue a speaker
    let a = run("The expansion would add ten bays for buses.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
}

#[test]
fn a_parenthetical_cue_with_its_listener() {
    let a = run("Tom Berg spoke first. The solution, Berg told the board on Monday, was simple.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("The solution")).expect("the report");
    let parts: Vec<&str> = q.segments.iter().map(|s| s.slice(&a.text)).collect();
    assert_eq!(parts, ["The solution", "was simple"]);
    assert_eq!(q.speaker.as_ref().map(|s| s.mention.slice(&a.text)), Some("Berg"));
}

#[test]
fn continuing_is_no_report_before_an_infinitive_and_state_is_a_noun() {
    for text in [
        "Ida Holt continues to lead the field.",
        "Tom Berg continued talking to the crowd.",
        "The tour was led by Ana Ruiz and state Sen. Ida Holt, who opened the port.",
    ] {
        let a = run(text);
        assert!(a.quotes.is_empty(), "{text}: {:?}", a.quotes);
    }
    check("Tom Berg spoke first. “It is over,” Berg continued.", "It is over", "Berg");
    check("The senator stated that the port would close.", "the port would close", "The senator");
}

#[test]
fn a_report_with_a_nested_report_of_its_own() {
    let text = "Ida Holt spoke first. Tom Berg said Holt was “absolutely right” when she said on Monday that under the mayor, “the harbor has been reduced to rubble.”";
    let a = run(text);
    let outer = a.quotes.iter().find(|q| q.kind == QuoteKind::Mixed).expect("the outer report");
    assert!(outer.content.slice(&a.text).starts_with("Holt was “absolutely right” when she said"), "{}", outer.content.slice(&a.text));
    assert_eq!(outer.speaker.as_ref().map(|s| s.mention.slice(&a.text)), Some("Tom Berg"));
    // the nested report keeps its own speaker
    let inner = a.quotes.iter().find(|q| q.kind == QuoteKind::Direct && q.content.slice(&a.text).contains("reduced to rubble")).expect("the nested quotation");
    assert_eq!(inner.speaker.as_ref().map(|s| s.mention.slice(&a.text)), Some("she"));
}

#[test]
fn a_role_with_its_complement_after_a_clause() {
    check("The relatives watched it, said a spokesman for the senator.", "relatives watched it", "a spokesman for the senator");
    check("The relatives watched it, a lawyer for the city said.", "relatives watched it", "a lawyer for the city");
    // an appositive with a complement is the name's description, all of it
    check("Tom Berg, a spokesman for the harbor board, said the relatives watched it.", "relatives watched it", "Tom Berg, a spokesman for the harbor board");
}

#[test]
fn a_final_source_with_a_postmodifier_or_a_named_listener() {
    check("The ferry will stop, two people familiar with the plan said.", "ferry will stop", "two people familiar with the plan");
    check("The ferry will stop, a senior official told The Harbor Times.", "ferry will stop", "a senior official");
}

#[test]
fn a_role_tied_by_to_on_or_within() {
    check("“The count is wrong,” said a senior adviser to the governor.", "count is wrong", "a senior adviser to the governor");
    check("A delegate on the county slate, Ed Marsh, said the vote was “rigged.”", "rigged", "A delegate on the county slate, Ed Marsh");
    check("Officials within the agency said the pumps were “never tested.”", "never tested", "Officials within the agency");
    // "to" after a cue is still an infinitive: the content is not cut into a mention
    check("A spokesman for the port declined to comment.", "to comment", "A spokesman for the port");
}

#[test]
fn a_preposition_after_a_subject_is_not_skipped_on_the_way_to_its_verb() {
    // "on" is an adverb of time in "the mayor on Monday called", not in "a man on banks"
    check("The mayor on Monday called the vote “rigged.”", "rigged", "The mayor");
    let a = run("A man on banks, Jim Poolman, said the vote was “rigged.”");
    assert!(a.quotes.iter().all(|q| q.cue.map(|c| c.slice(&a.text)) != Some("banks")), "“banks” taken for a cue");
}

#[test]
fn a_quotation_running_on_into_the_writers_words_before_the_cue() {
    let a = run("Ida Holt spoke next.\n\n“Owners must face fines” for every spill, she said.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("for every spill")).expect("the report");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.content.slice(&a.text), "“Owners must face fines” for every spill");
    assert_eq!(q.speaker.as_ref().map(|s| s.mention.slice(&a.text)), Some("she"));
    // a quotation closed with its own comma is a quotation of its own before the cue
    check("Ida Holt spoke next. “Owners must face fines,” she said.", "Owners must face fines", "she");
}

#[test]
fn a_participle_after_before_or_after_takes_the_subject_of_its_clause() {
    check("The singer waved to the senator before asking her, “Where do we go from here?”", "Where do we go", "The singer");
    check("Mayor Ida Holt thanked the crew after telling the crowd, “We rebuild in spring.”", "rebuild in spring", "Mayor Ida Holt");
}

#[test]
fn broadcast_roles_head_a_mention() {
    check("“Why wait another year?” a narrator in the new ad asks.", "Why wait", "a narrator in the new ad");
    check("The moderator pointed out that the mayor had not answered the question.", "had not answered", "The moderator");
}

#[test]
fn an_aside_report_does_not_take_over_the_next_quotation() {
    let text = "“The leases cannot be ended at will,” spokesman Ron Hale said in July, after the mayor stated an interest in ending the deal. “These contracts are binding.”";
    check(text, "These contracts are binding", "spokesman Ron Hale");
    // a report in a sentence of its own does take over
    check("“The leases stand,” Hale said. The mayor said that she would appeal. “We will win in court.”", "We will win", "The mayor");
}

#[test]
fn a_report_ends_where_and_opens_a_new_predicate_with_an_auxiliary() {
    let a = run("Tom Hale described himself as “a harbor man” and has said that he will keep the ferry.");
    let contents: Vec<&str> = a.quotes.iter().map(|q| q.content.slice(&a.text)).collect();
    assert!(contents.contains(&"himself as “a harbor man”"), "{contents:?}");
    assert!(contents.contains(&"that he will keep the ferry"), "{contents:?}");
    // a bare "not" is no new predicate
    let a = run("Ida Holt said the notes were personal and not work-related.");
    assert_eq!(a.quotes[0].content.slice(&a.text), "the notes were personal and not work-related");
}

#[test]
fn a_title_case_dateline_with_an_agency_is_no_speaker() {
    check("Port City (AFP) – Mayor Ida Holt took a swipe at her rival, saying that “loud words” do harm.", "do harm", "Mayor Ida Holt");
    // a one-letter party label in parentheses is no agency
    let s = quotecheck::scan::scan("Tom Hale (R) – a former mayor – said the port would reopen.", quotecheck::Lexicon::builtin());
    assert_eq!(s.datelines, vec![None]);
    let s = quotecheck::scan::scan("Port City (AFP) – The port will reopen.", quotecheck::Lexicon::builtin());
    assert_eq!(s.datelines, vec![Some(5)]); // the dash, token 5
}

#[test]
fn a_report_goes_on_into_a_quoted_second_clause() {
    let a = run("Ida Holt said the count was too close to call, and there was “no evidence” of fraud.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("too close")).expect("the report");
    assert_eq!(q.content.slice(&a.text), "the count was too close to call, and there was “no evidence” of fraud");
    assert_eq!(q.kind, QuoteKind::Mixed);
    let a = run("Tom Hale says the ferry costs too much, and “we will cut it” next year.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("costs too much")).expect("the report");
    assert_eq!(q.content.slice(&a.text), "the ferry costs too much, and “we will cut it” next year");
    // a new subject before the quotation is a clause of the writer's
    let a = run("Tom Hale mentioned the ferry, and at one point the crowd chanted “Fix it now!”");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("the ferry")).expect("the report");
    assert_eq!(q.content.slice(&a.text), "the ferry");
}

#[test]
fn a_colon_after_a_named_person_when_the_subject_is_no_source() {
    check("The timing of the surge does not surprise pollster Dan Shaw: “Lesser-known candidates gain after early wins.”", "Lesser-known", "pollster Dan Shaw");
    // after a cue the subject keeps the quotation
    check("Another reader wrote to Mayor Ida Holt: “Your plan will sink the port.”", "sink the port", "Another reader");
}

#[test]
fn a_cue_in_its_base_form_after_and_goes_on_with_the_report() {
    // "and consider ..." carries on the reported clause's verb phrase; "and warned ..." is a
    // report of its own
    let a = run("Mayor Ida Holt said the harbor board would raise the fees and consider a toll on the bridge.");
    assert_eq!(content_from(&a, "the harbor board").as_deref(), Some("the harbor board would raise the fees and consider a toll on the bridge"));
    let a = run("Mayor Ida Holt said the harbor board would raise the fees and warned that the bridge was unsafe.");
    assert_eq!(content_from(&a, "the harbor board").as_deref(), Some("the harbor board would raise the fees"));
}

#[test]
fn perception_verbs_report_a_stance_only_with_a_complement() {
    // "sees X as Y" and "saw that ..." report a view; "saw the parade" or "will see fares
    // rise" report nothing
    check("Councillor Mira Osei sees the ferry levy as a tax on commuters.", "the ferry levy as a tax", "Councillor Mira Osei");
    check("Councillor Mira Osei saw that the vote was lost.", "that the vote was lost", "Councillor Mira Osei");
    let a = run("Councillor Mira Osei saw the parade from the balcony of the town hall.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
    let a = run("Commuters from Dunmore will see their fares rise by a third next spring.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
}

#[test]
fn single_line_breaks_end_paragraphs_in_text_not_wrapped_by_hand() {
    // a blank line after the headline only; the body's lines are too long for hand wrapping,
    // so each is a paragraph: a subheading with no final period is not part of the sentence
    // on the next line, and its words are not the speaker's
    let text = "Harbor Vote Delayed.\n\nThe harbor board met for four hours on Monday night and put off the vote on the new ferry terminal until the spring.\nFerry Terminal Plan Goes Back To The Drawing Board\nChairman Ola Brandt said the plan would come back in a smaller form before the summer season began at the harbor.\n";
    check(text, "the plan would come back", "Chairman Ola Brandt");
}

#[test]
fn a_participle_after_a_set_off_attribution_keeps_its_speaker() {
    // the subject of the sentence is what was reported about; the participle goes on with
    // the attribution between the commas (or after the quotation)
    check("The two mayors will meet next week, Pell said, adding, “They need to sit down and talk.”", "sit down and talk", "Pell");
    check(
        "The council will play the “harbor card,” Fenwick said Tuesday, adding that the way to beat it “is to show the figures.”",
        "show the figures",
        "Fenwick",
    );
}

#[test]
fn restrictive_relative_clause_on_an_object_reports() {
    // "who" with no comma right before the cue, on a phrase after a verb or preposition:
    // the phrase is the speaker, and the report runs to the end of the sentence
    check("The mayor of Dunmore met with critics who say the ferry should stop in winter.", "the ferry should stop in winter", "critics");
    check("Halvorsen won easily among the farmers who said the new dam mattered most.", "the new dam mattered most", "the farmers");
    let a = run("The levy passed with 40 percent support, compared with 23 percent who said the bridge was too costly.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text) == "the bridge was too costly").expect("the report in the relative clause");
    assert_eq!(q.kind, QuoteKind::Indirect);
}

#[test]
fn a_phrase_between_a_quotation_and_its_cue_is_the_speaker() {
    // a determiner and plain nouns the speaker lists do not know, before a past-tense cue
    check("The ferry sailed at dawn. “We will be back by noon,” the veteran tugboat skipper told reporters.", "back by noon", "the veteran tugboat skipper");
    // title words before a name that no rule reads as a title
    check(
        "The ferry sailed at dawn. “We will be back by noon,” WKRT Morning Edition co-host Nell Ruiz said.",
        "back by noon",
        "WKRT Morning Edition co-host Nell Ruiz",
    );
    // a role after a demonstrative
    check("Officials were split. “The pier will not open,” this official told the Gazette.", "pier will not open", "this official");
    // not a clause opened by a function word: the quotation is left to the other rules
    let a = run("The ad ends with the mayor saying, “That is fair,” when her rival criticized the fares.");
    assert_ne!(speaker_of(&a, "That is fair").as_deref(), Some("her rival"));
}

#[test]
fn a_long_capitalised_title_before_a_speakers_name() {
    // five capitalised words and more are a title and a name, next to a cue
    let a = run("“We counted every ballot twice,” Port Haven Public Advocate Ella Pratt said. Pratt left at noon. “It took all night,” Pratt said.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("every ballot")).expect("the quotation");
    let sp = q.speaker.as_ref().expect("a speaker");
    assert_eq!(sp.mention.slice(&a.text), "Port Haven Public Advocate Ella Pratt");
    let e = &a.entities[sp.entity];
    assert_eq!(e.name, "Ella Pratt");
    let later = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("all night")).and_then(|q| q.speaker.as_ref()).expect("a speaker");
    assert_eq!(later.entity, sp.entity);
}

#[test]
fn a_quotation_that_finishes_a_report_after_a_break_word_belongs_to_it() {
    // the report goes on through ", but", ", as" and ", which" when the quotation opens
    // right after the break word: one mixed quotation, as PolNeAR bundles it
    for (text, tail) in [
        ("The harbor master said the ferry would run all winter, but “only when the ice allows it.”", "only when the ice"),
        ("Councilor Dana Reyes described the budget, in its present form, as “a gift to the landlords.”", "a gift to the landlords"),
        ("Reyes said she had voted for the levy, which “will pay for the new docks.”", "will pay for the new docks"),
    ] {
        let a = run(text);
        let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains(tail)).expect("the quotation");
        assert_eq!(q.kind, QuoteKind::Mixed, "in {text:?}");
        assert!(q.content.start < a.text.find(tail).unwrap() - 10, "in {text:?}, the report runs on into the quotation: {:?}", q.content.slice(&a.text));
    }
    // a cue of its own after a subordinator is another report
    let a = run("Reyes said she would vote for the levy, although she wrote that it “costs too much.”");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("she would vote")).expect("the first report");
    assert!(!q.content.slice(&a.text).contains("costs too much"));
}

#[test]
fn a_participle_or_coordinated_cue_after_a_quotation_takes_the_clause_subject() {
    // the look back for a speaker stops at a quotation; a participle (after the quotation's
    // comma) or a cue after "and" goes on with the clause the quotation stands in
    let text = "Harbor master Lina Dorn spoke on Monday. Dorn called the old ferry a “relic,” adding that it should be sold for scrap.";
    check(text, "it should be sold for scrap", "Dorn");
    let text = "Harbor master Lina Dorn spoke on Monday. Dorn called the council a “bunch of sleepwalkers” and said the vote was a mistake.";
    check(text, "the vote was a mistake", "Dorn");
}

#[test]
fn a_long_report_goes_on_past_a_comma_and() {
    // after a reported clause at least as long as the rest of the sentence, ", and" goes on
    // with the report; after a short one it ends it
    let a = run("Pilot Ines Varga said the old ferry had carried every school class across the bay for thirty years, and it would sail again.");
    assert_eq!(
        content_from(&a, "the old ferry").as_deref(),
        Some("the old ferry had carried every school class across the bay for thirty years, and it would sail again")
    );
    let a = run("Pilot Ines Varga said the ferry was late, and the passengers on the pier waited in the rain for most of the long afternoon.");
    assert_eq!(content_from(&a, "the ferry").as_deref(), Some("the ferry was late"));
    // a cue in the rest starts a report of its own
    let a = run("Pilot Ines Varga said the old ferry had carried every school class across the bay for thirty years, but now Varga plans to retire.");
    assert_eq!(content_from(&a, "the old ferry").as_deref(), Some("the old ferry had carried every school class across the bay for thirty years"));
}

#[test]
fn newsroom_labels_before_a_colon_are_no_speakers() {
    // a kicker ("The Latest:", "UPDATE:") or a credit ("Contributing:") is no one speaking
    let text = "The Latest: Harbor board to vote on the new fares.\n\nThe harbor board met on Monday night.\n\nUPDATE: The vote was moved to Friday after the storm.\n\nContributing: Ana Ortiz.\n";
    let a = run(text);
    let labelled: Vec<&str> = a.quotes.iter().filter(|q| q.speaker.is_some()).map(|q| q.content.slice(&a.text)).collect();
    assert!(labelled.is_empty(), "{labelled:?}");
    // a name before the colon still speaks
    check("Ferry Talks Resume.\n\nLina Dorn: “The fares stay where they are.”\n", "fares stay", "Lina Dorn");
}

#[test]
fn maintain_reports_only_a_clause() {
    // "maintains a lead" keeps something; "maintained that ..." and the inverted order report
    let a = run("Mayor Ida Holt maintains a comfortable lead over her rival in the harbor wards.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
    check("Mayor Ida Holt has long maintained that the ferry pays for itself.", "that the ferry pays for itself", "Mayor Ida Holt");
    check("The ferry pays for itself, Mayor Ida Holt maintained.", "The ferry pays for itself", "Mayor Ida Holt");
}

#[test]
fn a_word_that_opens_no_name_still_ends_one() {
    // "watch", "read", "from" open no name at the start of a sentence, but after a first name
    // or inside a capitalised run they are the name's last word
    check("Harbor Watch said the new fares would hurt commuters.", "the new fares", "Harbor Watch");
    check("“The pier needs work,” said Ines Read, who chairs the board.", "The pier needs work", "Ines Read");
    check("Ms. From said the ferry had been late all week.", "the ferry had been late", "Ms. From");
    // an adverb after the name is no part of it
    check("Councilor Dana Pike Monday said the ferry would sail again.", "the ferry would sail", "Councilor Dana Pike");
}

#[test]
fn a_pronoun_refers_to_the_subject_of_its_own_sentence() {
    // the speaker of the paragraph before is not who "he" or "they" is when the sentence opens
    // with someone else the pronoun can stand for
    let spoken_by = |text: &str, words: &str| {
        let a = run(text);
        let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains(words)).expect("the report");
        q.speaker.as_ref().map(|s| a.entities[s.entity].name.clone())
    };
    let text = "“We will keep the fares low,” Mayor Paul Holt said.\n\nCouncilor Tomas Rek was upset because he thought the fares were already too high.\n";
    assert_eq!(spoken_by(text, "already too high").as_deref(), Some("Tomas Rek"));
    let text = "“We will keep the fares low,” the harbor board said.\n\nMany residents were upset because they thought the fares were already too high.\n";
    assert_eq!(spoken_by(text, "already too high").as_deref(), Some("Many residents"));
    // a name after an opening phrase is no subject
    let text =
        "“We will keep the fares low,” Mayor Paul Holt said.\n\nAfter the vote in Port Elm, the crowd left, and he said the fares were already too high.\n";
    assert_eq!(spoken_by(text, "already too high").as_deref(), Some("Paul Holt"));
}

#[test]
fn a_participle_after_an_object_and_its_appositive_takes_the_subject() {
    // the phrase before the commas is an object or a place, not the one who speaks
    check(
        "Late last week, the ferry company wrote a long letter to the harbor board's chairman, Ivo Sand, calling the new fares unfair.",
        "the new fares unfair",
        "the ferry company",
    );
    check(
        "Pilot Tomas Rek was two hundred miles away in Port Elm, Maine, promising to keep the ferry running.",
        "to keep the ferry running",
        "Pilot Tomas Rek",
    );
    check("In May, a federal judge sided with the ferry workers, saying the fares were illegal.", "the fares were illegal", "a federal judge");
}

#[test]
fn a_plain_plural_of_people_agrees_with_a_present_cue() {
    // "lobbyists", "contenders" are no role or group words; the base form of the cue after
    // them, at the clause start, is their verb
    check("Freight lobbyists describe the new toll as a burden on small firms.", "new toll", "Freight lobbyists");
    check("The three contenders agree that the bridge must be rebuilt.", "bridge must be rebuilt", "The three contenders");
    check("Skating instructors blast the new rink rules.", "new rink rules", "Skating instructors");
    // a singular before the base form is a noun phrase: no report
    let a = run("The harvest report on Monday was late.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    // a past form after a plain phrase is often a participle
    let a = run("In a video posted on Monday, the ferry was seen leaving early.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
}

#[test]
fn a_personal_relative_pronoun_makes_its_phrase_a_speaker() {
    // "who" shows the plain noun before it names people, even as an object
    check("The rally was organized by dock unions, who have insisted on a vote.", "a vote", "dock unions");
}

#[test]
fn a_reported_clause_goes_on_through_by_and_a_participle() {
    // the means belong to what was said ...
    let a = run("Harbor master Lina Dorn said the board could save money by closing the old pier.");
    assert_eq!(segments_of(&a, "save money").unwrap(), ["the board could save money by closing the old pier"]);
    // ... but a cue after "by" starts a report of its own
    let a = run("The skipper answered the charge by saying that the nets had been checked twice.");
    assert!(!a.quotes.iter().any(|q| q.content.slice(&a.text).contains("the charge by")), "{:?}", a.quotes);
}

#[test]
fn and_with_a_past_verb_goes_on_after_a_past_reported_clause() {
    // a reported clause in the past tense: the second past verb is part of it
    let a = run("Engineer Tomas Lind said the crew had checked the hull and repainted the deck.");
    assert_eq!(segments_of(&a, "checked the hull").unwrap(), ["the crew had checked the hull and repainted the deck"]);
    // a present one: the past verb is the speaker's next act
    let a = run("Engineer Tomas Lind said the hull is sound and praised the crew.");
    assert_eq!(segments_of(&a, "hull is sound").unwrap(), ["the hull is sound"]);
    // a quotation in the clause: the writer goes on with the speaker's acts
    let a = run("Engineer Tomas Lind wrote that the hull was “sound as a bell” and thanked the crew.");
    assert!(a.quotes.iter().any(|q| q.content.slice(&a.text).ends_with("bell”")), "{:?}", a.quotes);
}

#[test]
fn a_parenthetical_cue_stays_out_of_a_mixed_quotation() {
    let a = run("The new fares, the harbor chief added, were “set by the board alone.”");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("set by the board")).expect("the report");
    let pieces: Vec<&str> = q.segments.iter().map(|s| s.slice(&a.text)).collect();
    assert_eq!(pieces, ["The new fares", "were “set by the board alone.”"]);
    assert_eq!(speaker_of(&a, "set by the board").as_deref(), Some("the harbor chief"));
}

#[test]
fn a_cue_in_a_title_case_headline() {
    // every long word of a headline is capitalised: the cue is a cue there, not part of a name
    let a = run("Harbor Chief Says Ferry Will Return Next Spring.\n\nThe harbor chief, Ana Ruiz, spoke on Monday.\n");
    assert_eq!(segments_of(&a, "Ferry Will Return").unwrap(), ["Ferry Will Return Next Spring"]);
    assert_eq!(speaker_of(&a, "Ferry Will Return").as_deref(), Some("Harbor Chief"));
    // in running text a capitalised cue word stays part of a name
    let a = run("The ferry left from Says Point on Monday, and the harbor reopened.\n\nIt was late.\n");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
}

#[test]
fn a_report_relayed_by_an_according_to_phrase_is_credited_to_its_source() {
    // the writer has the words only from someone else's account: the report is credited to
    // that account (PolNeAR's source), and the quotation after it goes on with it
    let text = "“Bring the boats in before dark,” the harbor master said at the dock, according to the Bayside Courier. “Nobody goes out tomorrow.”";
    check(text, "Bring the boats in", "the Bayside Courier");
    check(text, "Nobody goes out", "the Bayside Courier");
    check("She told the crew that the season was over, according to two deckhands who were there.", "the season was over", "two deckhands who were there");
    // with no according-to phrase, the speaker is the one next to the verb
    check("“Bring the boats in before dark,” the harbor master said at the dock.", "Bring the boats in", "the harbor master");
}

#[test]
fn a_cue_word_right_after_the_subject_is_its_verb_for_a_quotation_inside_the_sentence() {
    // "chided" frames no clause here; the quoted words in its object are the subject's
    check("Councilman Ivo Sand chided the treasurer for doubting whether the ferry met the “winter rule” at all.", "winter rule", "Councilman Ivo Sand");
    // a cue before a setting ("said after ...") frames no quotation there: its report is the
    // one before it, and the quoted word stays the writer's
    let a = run("“Let me finish,” Holt said after a brief “sorry” to the mayor.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("sorry")).expect("the quotation");
    assert!(q.speaker.is_none(), "{:?}", q.speaker);
}

#[test]
fn a_coordinated_cue_in_a_subordinate_clause_takes_that_clause_subject() {
    // the sentence's own subject ("There") names no one; the clause after "when" has one
    check(
        "There were sharper jabs, such as when Mayor Ada Lund mocked the council on fares and called its chairman a “coward,” a charge he denied.",
        "coward",
        "Mayor Ada Lund",
    );
}

#[test]
fn adverbs_then_a_verb_after_and_start_a_new_verb_phrase() {
    // the report of "dismissed ... as" ends before "and reportedly urged ..."
    let a = run("Harbor chief Lena Marsh dismissed the council's fare plan as “a stunt for the cameras” and reportedly urged the board to vote it down.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("a stunt")).expect("the quotation");
    assert_eq!(q.content.slice(&a.text), "the council's fare plan as “a stunt for the cameras”");
    assert_eq!(q.speaker.as_ref().map(|s| s.mention.slice(&a.text)), Some("Harbor chief Lena Marsh"));
}

#[test]
fn words_chanted_titled_or_used_are_the_subjects_report() {
    // a quoting frame word (`quoting_frames`) before the quotation makes it the sentence
    // subject's words, though no verb of saying frames it
    for (text, words, speaker) in [
        ("Ferry workers in the port joined the chant “Fair Pay Now” on Monday.", "Fair Pay Now", "Ferry workers in the port"),
        ("The Harbor Party released a radio ad on Friday titled “Tides Turn.”", "Tides Turn", "The Harbor Party"),
        ("Senator Ruth Ambler has used the term “fiscal cliff” in every speech this month.", "fiscal cliff", "Senator Ruth Ambler"),
    ] {
        let a = run(text);
        let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains(words)).expect("the quotation");
        assert_eq!(q.kind, QuoteKind::Direct, "in {text:?}");
        assert_eq!(speaker_of(&a, words).as_deref(), Some(speaker), "in {text:?}");
    }
    // ... but not a name given to the subject itself, nor words in a clause of someone else's
    for text in ["The ad, titled “Tides Turn,” runs on Friday.", "Mayor Eric Ames left the hall when a heckler shouted “Resign!”"] {
        let a = run(text);
        assert!(a.quotes.iter().all(|q| q.speaker.is_none()), "in {text:?}");
    }
}

#[test]
fn a_quantifier_floated_after_the_subject_is_not_the_speaker() {
    // "both", "all", "each" after the subject (and an auxiliary) count it; the subject speaks
    check(
        "The harbor master and Councilwoman Rita Vance have both argued that the ferry should run later.",
        "ferry should run later",
        "Councilwoman Rita Vance",
    );
    check("The bakers each said the flour had doubled in price.", "flour had doubled", "The bakers");
    // opening its clause, the quantifier is the subject
    check("The nurses met on Friday. All said the ward was short of staff.", "short of staff", "All");
}

#[test]
fn a_time_phrase_after_the_cue_is_no_object_of_its_own() {
    // "this week" after "said" is when it was said, not a pronoun object that talks about the quotation
    check("“The ferry will run all winter,” the harbor master said this week.", "ferry will run", "the harbor master");
    check("“The ferry will run all winter,” Councilwoman Ruth Ames said this morning.", "ferry will run", "Councilwoman Ruth Ames");
}

#[test]
fn a_share_of_respondents_reports_inside_the_survey_that_opens_the_sentence() {
    // the survey is the source of what its respondents said; a share with no survey speaks itself
    check(
        "In a survey of tenants released on Monday, 60 percent said the rent had risen too fast.",
        "rent had risen",
        "a survey of tenants released on Monday",
    );
    check("The tenants met on Monday, and 60 percent said the rent had risen too fast.", "rent had risen", "60 percent");
}

// dir3

#[test]
fn a_relative_clause_whose_cue_names_the_quotation_is_its_subjects_report() {
    // "what/who/whom/which SUBJECT CUE (as) “...”": the clause, from the pronoun to the closing
    // mark, is the report of the clause's subject, and the sentence after it is not
    let cases = [
        (
            "The port grew fast during what the historian Lena Berg called “the decade of the cranes” in her last book.",
            "the historian Lena Berg",
            "what the historian Lena Berg called “the decade of the cranes”",
        ),
        (
            "Volunteers walked beside the marchers, whom Chief Ana Ruiz described as “calm,” for most of the day.",
            "Chief Ana Ruiz",
            "whom Chief Ana Ruiz described as “calm,”",
        ),
        ("The town hoped to shed what Mayor Tom Lee called “a reputation problem.”", "Mayor Tom Lee", "what Mayor Tom Lee called “a reputation problem.”"),
    ];
    for (text, speaker, content) in cases {
        let a = run(text);
        let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains('“')).unwrap_or_else(|| panic!("no quote in {text:?}"));
        assert_eq!(q.content.slice(&a.text), content, "in {text:?}");
        assert_eq!(q.kind, QuoteKind::Mixed, "in {text:?}");
        assert_eq!(speaker_of(&a, "“").as_deref(), Some(speaker), "in {text:?}");
    }
    // a report of the same speaker that the free relative sits in keeps its words ("what it
    // called"), and a cue with a clause after it frames no name ("which he said has ...")
    let text = "The harbor board pledged new fees as a deterrence to what it called “reckless anchoring.”";
    let a = run(text);
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains('“')).unwrap();
    assert!(q.content.slice(&a.text).starts_with("new fees"), "in {text:?}: {:?}", q.content.slice(&a.text));
    let text = "The council raised the toll, which Mayor Tom Lee said has become “a tax on the poor.”";
    let a = run(text);
    assert!(a.quotes.iter().all(|q| !q.content.slice(&a.text).starts_with("which")), "in {text:?}");
}

#[test]
fn an_aside_between_dashes_after_the_subject_keeps_the_subject_the_speaker() {
    // "X — aside — said": as for an appositive between commas; a spaced hyphen is a dash too
    check("Jason Hale — a teacher from Dover — says the vote was “a big deal.”", "big deal", "Jason Hale");
    check("A former governor -- Paul Brown, who lost the 2008 race -- said the plan \"offered nothing new at all.\"", "offered nothing", "A former governor");
    check("Ruth Ames - the harbor master since 2019 - said the ferry would run all winter.", "ferry would run", "Ruth Ames");
}

// ind3

#[test]
fn first_person_pronouns_are_speakers_of_their_own() {
    // the writer's "I" and "we" report what they think or know, at the sentence start or not
    check("I think the new ferry schedule is too little, too late.", "ferry schedule is too little", "I");
    check("After two winters on the pier, we know that the harbor budget ran short.", "harbor budget ran short", "we");
    check("The plan, I said at the time, was never going to pass the council.", "never going to pass", "I");
    // and stand for no one named before them: a later "they" still finds the farmers
    let a = run("Local farmers met at the hall on Monday. We believe the levy is fair. They said the levy would ruin them.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("ruin them")).expect("the farmers' report");
    let e = q.speaker.as_ref().expect("a speaker").entity;
    let we = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("levy is fair")).expect("the writer's report");
    assert_ne!(we.speaker.as_ref().expect("a speaker").entity, e, "\"we\" is not the farmers");
}

#[test]
fn a_cue_before_a_that_clause_is_a_verb_whatever_its_subject() {
    // a plain noun phrase agreeing with the cue is its subject when "that" opens a clause after it
    check("The survey results show that rural voters want a later ferry.", "rural voters want", "The survey results");
    check("Her allies think that the harbor vote will be close.", "harbor vote will be close", "Her allies");
    // ... but a noun before a relative "that" reports nothing
    let a = run("The harbor plan that was approved on Monday costs less.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
}

#[test]
fn an_aside_between_dashes_after_the_subject_is_skipped() {
    // the subject before the opening dash speaks
    check("Ada Ruiz — a teacher from the east ward — said she would vote for the levy.", "vote for the levy", "Ada Ruiz");
    check("Two harbor pilots - including one who sits on the board - said the channel is silting up.", "channel is silting", "Two harbor pilots");
}

// dir4

/// The content of the quote whose text holds `words`.
fn content_of(a: &Analysis, words: &str) -> String {
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains(words)).unwrap_or_else(|| panic!("no quote with {words:?}"));
    q.content.slice(&a.text).to_string()
}

#[test]
fn the_listener_and_the_setting_before_that_are_no_content() {
    // after a cue with a listener, the words up to a near "that" are the listener and where
    // it was said: the reported clause starts at "that"
    let text = "Mayor Ida Holt told a crowded hall in Dover, New Jersey on Friday that the ferry was “here to stay.”";
    assert_eq!(content_of(&run(text), "here to stay"), "that the ferry was “here to stay.”");
    let text = "The treasurer told investors that the harbor bonds were “safe as houses.”";
    assert_eq!(content_of(&run(text), "safe as houses"), "that the harbor bonds were “safe as houses.”");
    // ... but a question word or an infinitive opens the content itself
    let text = "A reporter asked the mayor if the closure meant that the ferry would “never come back.”";
    assert!(content_of(&run(text), "never come back").starts_with("if the closure"), "in {text:?}");
}

#[test]
fn a_report_in_a_subordinate_clause_ends_at_a_comma_inside_the_closing_mark() {
    // the comma of the subordinate clause stands inside the quotation's closing mark: the main
    // clause after it is no part of the report
    let text = "Although Mayor Ida Holt told the board that the pier was “safe for now,” the council closed it.";
    assert_eq!(content_of(&run(text), "safe for now"), "that the pier was “safe for now,”");
    let text = "When the mayor called the ferry plan \"a waste of money,\" Councillor Ruth Ames walked out.";
    assert_eq!(content_of(&run(text), "waste of money"), "the ferry plan \"a waste of money,\"");
}

// ind4

#[test]
fn a_noun_of_saying_before_a_that_clause_reports_the_clause() {
    // the possessor is the speaker: a name, a phrase, a possessive pronoun, a plural in s’
    check("Donald Ames's false claims that the mine was safe did not help him.", "mine was safe", "Donald Ames");
    check("The harbor master's warning that the pier would close surprised the crew.", "pier would close", "The harbor master");
    check("Rates stayed low, belying budget hawks’ warnings that they would soar.", "they would soar", "budget hawks");
    check("Councillor Ida Moss spoke last. Few in the hall shared her belief that the levy would pass.", "levy would pass", "her");
    // with no possessor, the subject of the verb the noun phrase is the object of
    check("Mayor Tilde Aronsen voiced confidence that the ferry would run by May.", "ferry would run", "Mayor Tilde Aronsen");
    // a noun with no one before it reports with its cue and no speaker
    let a = run("There was speculation that the harbor board might resign before spring.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains("board might resign")).expect("the speculation is reported");
    assert!(q.speaker.is_none() && q.cue.is_some_and(|c| c.slice(&a.text) == "speculation"));
    // a relative "that" (before an auxiliary or a past form) reports nothing
    for text in ["The claim that was rejected by the court came from a farmer.", "The warning that followed the storm was brief."] {
        let a = run(text);
        assert!(a.quotes.is_empty(), "{text}: {:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
    }
}

#[test]
fn those_with_a_participle_names_a_group_that_speaks() {
    // "those polled", "those surveyed": the participle is a cue form, but the phrase is the subject
    check("Nearly half of those surveyed say the ferry should run all year.", "ferry should run", "those surveyed");
    check("Those polled said the mayor was doing well.", "mayor was doing well", "Those polled");
}

// dir5

#[test]
fn a_capitalised_name_particle_opens_the_name() {
    // "Le", "De", "Van", "Al" written with a capital before another capitalised word are part
    // of the name (or a given name): the speaker after an inverted cue, and the whole name
    // before a cue
    check("“The harbor stays open,” said Le Marchand, who chairs the port board.", "harbor stays open", "Le Marchand");
    check("“We have the votes,” said Van Doren. “The levy will pass.”", "levy will pass", "Van Doren");
    check("“Nobody asked the fishermen,” said Al Brodsky, who runs the bait shop.", "Nobody asked", "Al Brodsky");
    check("De Santos said the ferry would run again in May.", "ferry would run", "De Santos");
    // control: a lowercase particle inside a name stays inside it
    check("“The river is rising,” said Engineer Clara van der Berg.", "river is rising", "Engineer Clara van der Berg");
}

#[test]
fn a_quotation_in_parentheses_is_not_led_by_the_words_before_them() {
    // a quotation with its cue after it inside parentheses: the writer's words before the
    // parenthesis are no part of it
    let text = "The mayor's remark drew wide notice (“Holt Sinks the Ferry,” declared the Gazette) and a rebuke from the council.";
    assert_eq!(content_of(&run(text), "Sinks the Ferry"), "Holt Sinks the Ferry,");
    assert_eq!(speaker_of(&run(text), "Sinks the Ferry").as_deref(), Some("the Gazette"));
}

#[test]
fn a_hyphen_between_spaces_is_a_dash() {
    // typewritten copy sets a dash as a hyphen between spaces: the words before it are no
    // lead of the quotation after it, as with an em dash
    let text = "Holt said the levy plan was rushed - \"we need to read the details first,\" she told reporters.";
    assert_eq!(content_of(&run(text), "read the details"), "we need to read the details first,");
    // and a reported clause ends at it
    let text = "Mayor Ida Holt said the ferry would run in May - a promise she has made before.";
    assert_eq!(content_of(&run(text), "ferry would run"), "the ferry would run in May");
}

// wire

#[test]
fn a_wire_dateline_with_a_date_is_no_part_of_the_report() {
    // "CITY, Month Day (Agency) —": the date after the comma is part of the dateline, so the
    // report that opens the paragraph starts after it
    let a = run("HARBOR CITY, June 4 (Wire) - The ferry service will end in May, two council members said on Tuesday.\n");
    assert_eq!(content_from(&a, "The ferry").as_deref(), Some("The ferry service will end in May"));
    let a = run("TARN CITY, Nov. 19 (Wire) — The harbor trust will sell its last tug, officials said.\n");
    assert_eq!(content_from(&a, "The harbor").as_deref(), Some("The harbor trust will sell its last tug"));
    // no dash after it: no dateline, a capitalised name and a date open a sentence
    let a = run("TARN CITY, June 4 was the day the ferry stopped, officials said.\n");
    assert!(content_from(&a, "TARN").is_some());
}

#[test]
fn a_setting_with_a_possessive_or_a_cue_noun_before_that_is_no_part_of_the_report() {
    // "said on its website that", "wrote in a note that": where it was said, not what
    let a = run("The ferry company said on its website that fares would rise in May.");
    assert_eq!(content_from(&a, "that").as_deref(), Some("that fares would rise in May"));
    let a = run("Analysts at Harbor Bank wrote in a note that the fares were overdue for a rise.");
    assert_eq!(content_from(&a, "that").as_deref(), Some("that the fares were overdue for a rise"));
    let a = run("Ida Holt argued in her weekly column that the pier should close.");
    assert_eq!(content_from(&a, "that").as_deref(), Some("that the pier should close"));
}

#[test]
fn a_participle_after_an_inverted_attribution_goes_on_with_its_speaker() {
    // "“...,” said X of Y, adding that ...": cue first, then the speaker, then the participle
    check(
        "“We are not leaving,” said Ada Holt of the harbor union, adding that the crews would strike.",
        "the crews would strike",
        "Ada Holt of the harbor union",
    );
    check("“We are not leaving,” said Ada Holt, noting that the crews had voted twice.", "the crews had voted twice", "Ada Holt");
}

#[test]
fn a_predicate_between_commas_is_no_appositive_before_a_participle() {
    // "the driver, a man of 40, was held ..., adding": "was held ..." is the verb phrase of
    // the reported clause, so the participle goes with the subject of the sentence
    check(
        "Police said the driver, a 40-year-old man from Dover, was arrested at the scene, adding that no one else was hurt.",
        "no one else was hurt",
        "Police",
    );
}

#[test]
fn a_plain_noun_subject_before_a_past_cue_of_several_words_reports() {
    // "The airline told reporters ...": a past form opening a cue of several words is a verb,
    // as "said" is, so the plain noun before it is the subject
    check("The airline told reporters the flights would resume on Tuesday.", "the flights would resume", "The airline");
    check("The ferry operator pointed out the fares had not risen in years.", "the fares had not risen", "The ferry operator");
}

#[test]
fn late_before_a_word_of_time_is_no_part_of_the_report() {
    let a = run("The ferry company said late on Sunday that all crossings would resume.");
    assert_eq!(content_from(&a, "that").as_deref(), Some("that all crossings would resume"));
    let a = run("The ferry company said late Sunday that all crossings would resume.");
    assert_eq!(content_from(&a, "that").as_deref(), Some("that all crossings would resume"));
    // before anything else "late" opens the reported clause
    let a = run("The ferry company said late crossings would be cancelled.");
    assert_eq!(content_from(&a, "late").as_deref(), Some("late crossings would be cancelled"));
}

#[test]
fn a_plain_noun_listener_before_the_reported_clause_is_no_part_of_it() {
    let a = run("The ferry company told investors the crossings would resume in May.");
    assert_eq!(content_from(&a, "the crossings").as_deref(), Some("the crossings would resume in May"));
    let a = run("Ida Holt told parliament she would not resign.");
    assert_eq!(content_from(&a, "she").as_deref(), Some("she would not resign"));
    // a listener followed by its own clause start is kept apart, but a cue word is not a listener
    let a = run("Ida Holt told everyone the pier was safe.");
    assert_eq!(content_from(&a, "the pier").as_deref(), Some("the pier was safe"));
}

#[test]
fn a_report_in_a_relative_clause_after_its_pronoun_ends_with_the_clause() {
    // "X, which officials said ..., VERB": the main clause takes up its verb after the comma
    let a = run("The new timetable, which officials said will start in May, was dropped on Friday.");
    assert_eq!(content_from(&a, "will start").as_deref(), Some("will start in May"));
    let a = run("The pier, which the mayor believes is unsafe, has been closed since March.");
    assert_eq!(content_from(&a, "is unsafe").as_deref(), Some("is unsafe"));
}

#[test]
fn a_title_ending_in_a_group_word_takes_the_name_after_it() {
    // "Her chief of staff, Tom Reyes, said": "staff" is a group word, but the phrase is one
    // person's title and the name after it is that person
    check("Her chief of staff, Tom Reyes, said the office would stay open.", "the office would stay open", "Her chief of staff, Tom Reyes");
    let a = run("Her chief of staff, Tom Reyes, said the office would stay open.");
    let q = a.quotes.iter().find(|q| q.content.slice(&a.text).starts_with("the office")).expect("the report");
    assert_eq!(q.speaker.as_ref().map(|s| a.entities[s.entity].name.as_str()), Some("Tom Reyes"));
}

// ind5

#[test]
fn a_report_in_a_relative_clause_on_the_subject_ends_at_its_closing_comma() {
    // the relative clause set off by commas on the sentence's subject ends where the main
    // clause's verb phrase goes on
    assert_eq!(content_of(&run("Ben Ruud, who backed the levy last year, now opposes it."), "the levy"), "the levy last year");
    assert_eq!(content_of(&run("The mayor, who said the pier would open soon, left early."), "pier would"), "the pier would open soon");
    // ... but on a phrase later in the sentence the clause may run to the sentence end
    let text = "The crowd cheered for Ada Holm, who said the ferry would run in May, June and July.";
    assert_eq!(content_of(&run(text), "ferry would"), "the ferry would run in May, June and July");
    // a comma between digits ends no clause
    assert_eq!(content_of(&run("Ida Moss, who expects 5,000 visitors, opened the fair."), "visitors"), "5,000 visitors");
    let text = "While the mayor said 3,000 people came, the council counted fewer.";
    assert_eq!(content_of(&run(text), "people came"), "3,000 people came");
}

#[test]
fn a_negated_intention_reports_its_infinitive() {
    // "did not respond to ..." reports nothing, but an intention's "to" opens what it reports
    check("The farmers do not want to lose the winter route.", "lose the winter route", "The farmers");
    check("Councillor Ida Moss didn't plan to run again.", "to run again", "Councillor Ida Moss");
    let a = run("The harbor master did not respond to a request for comment.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
}

#[test]
fn an_intention_before_to_reports_the_infinitive_not_the_opening_phrase() {
    // the phrase before the subject is no report framed by the cue after it
    assert_eq!(content_of(&run("After the vote, the farmers plan to sue the county."), "sue"), "to sue the county");
    assert_eq!(content_of(&run("Across most of the valley, farmers want to limit imports."), "limit"), "to limit imports");
}

#[test]
fn an_intention_verb_before_its_infinitive_takes_any_subject() {
    // a cue right after its subject and before "to" and a verb is a verb whatever the head
    // of the subject, when it agrees with it; a noun form reports nothing
    check("The ferry crews want to keep the winter route.", "keep the winter route", "The ferry crews");
    check("Mill owners hoped to reopen by spring.", "reopen by spring", "Mill owners");
    let a = run("The harbor plan to close the pier angered the crews.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
}

#[test]
fn a_title_case_headline_inside_the_text_has_cues() {
    // a round-up heads each item with a title-case line: its capitalised verb form is a cue
    let text = "Harbor round-up for Monday.\n\nMayor Ida Holm Says The Pier Will Reopen In May\n\nThe mayor spoke at the town hall.\n";
    check(text, "The Pier Will Reopen In May", "Mayor Ida Holm");
    // ... but not in a paragraph of running text
    let a = run("Harbor round-up for Monday.\n\nThe old Says Tower was closed, and the Holm Says Ferry ran late on the first day of the season.\n");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
}

#[test]
fn a_lone_quantifier_or_indefinite_pronoun_is_a_group_speaker() {
    check("The two skippers met at the dock. Both think the new pier will silt up.", "pier will silt up", "Both");
    check("Few believe the ferry will sail before May.", "ferry will sail", "Few");
    check("Nobody thinks the pier will be ready by June.", "pier will be ready", "Nobody");
}
#[test]
fn a_participle_aside_after_the_subject_ends_before_the_main_verb() {
    // "The governor, citing privacy rules, declined to say ...": the aside's report ends at
    // its comma, and the main clause's own report is found as well
    let a = run("The ferry union, fearing job losses, warned that its members would strike.");
    assert_eq!(content_from(&a, "job losses").as_deref(), Some("job losses"));
    assert_eq!(content_from(&a, "that its").as_deref(), Some("that its members would strike"));
}

// ind6

#[test]
fn a_given_name_before_a_title_word_makes_it_a_surname() {
    // "King", "Bishop", "Pope" are titles before a name, but after a given name that opens
    // the mention they are the surname
    check("Ada King, a teacher, said the school was closing.", "the school was closing", "Ada King, a teacher");
    check("The pier is unsafe, said Tomas Bishop.", "The pier is unsafe", "Tomas Bishop");
}

#[test]
fn a_group_word_with_a_place_complement_speaks_for_a_belief_cue() {
    // the plain noun at the end belongs to the complement ("in the valley"), held by its
    // determiner: the group word before it heads the speaker
    check("Everyone in the valley knows the river will flood.", "the river will flood", "Everyone in the valley");
    check("Officials at the port fear the cranes will rust.", "the cranes will rust", "Officials at the port");
    check("Members of the board believe the fund is too small.", "the fund is too small", "Members of the board");
}

#[test]
fn a_restrictive_clause_of_a_cue_and_its_object_leaves_the_subject_as_speaker() {
    // "who backed the senator" sits between the subject and the main verb: the senator is the
    // clause's object, not the one who says the race is over
    check("Voters who backed the senator say the race is over.", "the race is over", "Voters");
}
#[test]
fn a_pronoun_may_stand_for_an_unnamed_person_who_just_spoke() {
    // "A nurse told the paper ... “...,” she said": the nurse, not a named woman quoted in an
    // earlier paragraph
    let a = run("Dr Ada Holm said the ward was full.\n\nA night nurse told the paper the corridor was packed. “Nobody came for hours,” she said.\n");
    let entity_of = |words: &str| {
        let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains(words)).expect(words);
        q.speaker.as_ref().map(|s| s.entity)
    };
    assert!(entity_of("corridor was packed").is_some());
    assert_eq!(entity_of("Nobody came"), entity_of("corridor was packed"));
    assert_ne!(entity_of("Nobody came"), entity_of("ward was full"));
}

#[test]
fn a_plural_or_name_possessive_binds_the_owner_to_the_speaker() {
    // "Sanders' campaign", "the teachers’ union": the lone apostrophe after -s is a possessive
    check("The count was close. Saunders' campaign said the count was wrong.", "count was wrong", "Saunders' campaign");
    check("The count was close. The teachers’ union said the count was wrong.", "count was wrong", "The teachers’ union");
    // a single quotation still closes after -s
    check("The count was close. 'We trust the voters,' said Ada Holm.", "We trust the voters", "Ada Holm");
}

#[test]
fn a_description_matches_a_title_by_its_head_not_its_complement() {
    // "the nurses association" is not the person titled "head of the nurses association"
    let a =
        run("Intro.\n\nThe head of the nurses association, Lars Berg, said his members were ready.\n\nThe nurses association said its members would strike.\n");
    let entity_of = |words: &str| {
        let q = a.quotes.iter().find(|q| q.content.slice(&a.text).contains(words)).expect(words);
        q.speaker.as_ref().map(|s| s.entity)
    };
    assert!(entity_of("members would strike").is_some());
    assert_ne!(entity_of("members would strike"), entity_of("members were ready"));
}

#[test]
fn a_portfolio_word_is_no_affiliation_but_a_formal_title_is() {
    let affiliation = |text: &str, name: &str| {
        let a = run(text);
        let e = a.entities.iter().find(|e| e.name == name).expect(name);
        e.affiliation.map(|o| a.entities[o].name.clone())
    };
    // an opposition "health spokeswoman" is not of the Ministry of Health
    let text = "The Ministry of Health said the plan was sound.\n\nOpposition health spokeswoman Karin Olsen said it came too late.\n";
    assert_eq!(affiliation(text, "Karin Olsen"), None);
    // "Health Minister", written as a formal title, is
    let text = "The Ministry of Health said the plan was sound.\n\nHealth Minister Karin Olsen said it came on time.\n";
    assert_eq!(affiliation(text, "Karin Olsen").as_deref(), Some("Ministry of Health"));
    // "head of the nurses' association" is not of the ministry the article is about
    let text = "The Ministry of Health said the plan was sound.\n\nThe head of the nurses association, Lars Berg, said his members were ready.\n";
    assert_eq!(affiliation(text, "Lars Berg"), None);
}

#[test]
fn a_plural_role_before_of_and_a_place_is_the_speaker() {
    // "Residents of Oak Hill said": the place after "of" is where they live, not a person
    // named "Hill" with the title "Residents of Oak"
    check("Intro.\n\nResidents of Oak Hill have complained that the smell is worse.", "the smell is worse", "Residents of Oak Hill");
    check("Intro.\n\nFor years, residents of Pine Hollow said the smell was worse.", "the smell was worse", "residents of Pine Hollow");
    // a singular title keeps its capitalised complement: "Secretary of State Ada Holm"
    check("Intro.\n\nSecretary of State Ada Holm said the talks were over.", "the talks were over", "Secretary of State Ada Holm");
}

#[test]
fn a_cue_of_several_words_takes_the_subject_its_first_verb_takes() {
    // "told reporters" is "tell" with its listener: any noun phrase opening the clause is its
    // subject, as before "told" alone ("The mayor of Holby" is no name the mention rules know)
    check("Intro.\n\nThe mayor of Holby told reporters the bridge would open in May.", "the bridge would open", "The mayor of Holby");
    check("Intro.\n\nThe mayor of Holby told voters the bridge would open in May.", "the bridge would open", "The mayor of Holby");
}

#[test]
fn a_role_of_a_capitalised_complement_is_one_office_holder() {
    // "the chief executive of Brenmark": a role word, "of" and capitals, with no personal
    // name, is the holder of that office; set beside a name, it is that person's title
    check(
        "Intro.\n\nThe chief executive of Brenmark, Dave Lunn, said on Monday that sales had risen.",
        "sales had risen",
        "The chief executive of Brenmark, Dave Lunn",
    );
    check("Intro.\n\nThe mayor of Holby, Greta Sand, said the bridge would open.", "the bridge would open", "The mayor of Holby, Greta Sand");
    let a = run("Intro.\n\nThe mayor of Holby, Greta Sand, said the bridge would open.");
    let e = a.entities.iter().find(|e| e.name == "Greta Sand").expect("an entity for Greta Sand");
    assert_eq!(e.titles, vec!["mayor of Holby".to_string()]);
}

#[test]
fn a_role_of_a_named_organisation_is_its_officer_not_the_organisation() {
    // "the head of Harlow Airlines": capitals with an organisation word after "of" name the
    // organisation the role is in (was one organisation called "the head of Harlow Airlines");
    // "Secretary of State" has none and stays one title
    let a = run("Intro.\n\nThe head of Harlow Airlines said fares would rise.");
    let head = a.entities.iter().find(|e| e.name.contains("head of")).expect("an entity for the head");
    assert_eq!(head.kind, quotecheck::model::EntityKind::Anonymous);
    assert_eq!(head.affiliation.map(|o| a.entities[o].name.as_str()), Some("Harlow Airlines"));
    // "Corp" without its period is an organisation word, as "Corp." is
    let b = run("Intro.\n\nBrenmark Corp said sales had risen.");
    assert_eq!(b.entities[0].kind, quotecheck::model::EntityKind::Organization, "{:?}", b.entities[0].name);
    check("Intro.\n\nSecretary of State Ada Holm said the talks were over.", "the talks were over", "Secretary of State Ada Holm");
}

#[test]
fn a_plural_opening_the_sentence_before_a_place_is_a_group_from_there() {
    // "Fishermen" is capitalised only because it opens the sentence: with "in Porthaven" it is
    // a group of people from there, not a person named Porthaven
    check("Intro.\n\nFishermen in Porthaven say the mooring charges are too high.", "the mooring charges", "Fishermen in Porthaven");
    check("Intro.\n\nFarmers across Wales say the price is too low.", "the price is too low", "Farmers across Wales");
}

#[test]
fn an_estimate_after_the_cue_opens_what_was_said() {
    // "at" and "about" are particles of some cues ("looked at", "talked about"), but "at
    // least two" and "about 2,000" are estimates of a figure, the start of the report
    let a = run("Intro.\n\nOfficials said at least two members oppose the plan.");
    assert_eq!(content_of(&a, "two members"), "at least two members oppose the plan");
    let b = run("Intro.\n\nOfficials said about 2,000 people had left the valley.");
    assert_eq!(content_of(&b, "people had left"), "about 2,000 people had left the valley");
    // control: a particle before a noun phrase is still the cue's
    let c = run("Intro.\n\nThe senator called for a new audit of the ferry contract.");
    assert_eq!(content_of(&c, "audit"), "a new audit of the ferry contract");
}

#[test]
fn the_subject_of_quoted_as_saying_is_the_speaker() {
    // a passive cue's subject is usually the listener ("was told"); "was quoted as saying"
    // is the exception, its subject spoke
    check("Intro.\n\nThe harbor master was quoted as saying the pier would reopen in June.", "the pier would reopen", "The harbor master");
    let a = run("Intro.\n\nThe harbor master was quoted as saying the pier would reopen in June.");
    assert_eq!(content_of(&a, "the pier"), "the pier would reopen in June");
}

#[test]
fn a_closing_appositive_of_the_writer_ends_the_report() {
    // a noun phrase opened by an article after the sentence's last comma is the writer's
    // comment on the report, not part of it
    let text = "Councillor Petra Lind said the night ferry would stop running in March, a step the harbor board had long resisted.";
    assert_eq!(content_of(&run(text), "night ferry"), "the night ferry would stop running in March");
    let text = "The inspectors reported that the west pier had cracked after the storm, the worst damage in a decade.";
    assert_eq!(content_of(&run(text), "west pier"), "that the west pier had cracked after the storm");
    // controls: a list of items goes on ("and", "or"), a phrase with a verb of its own is the
    // reported clause's subject after a fronted phrase, a phrase after quoted words stays with
    // them, and after a bare name the phrase says who the name is
    let text = "Councillor Petra Lind said the board wanted lower fares for pupils, the repair of the old pier or a second ferry.";
    assert!(content_of(&run(text), "lower fares").ends_with("a second ferry"));
    let text = "Councillor Petra Lind said that even in the quiet months, the ferry was full most evenings.";
    assert!(content_of(&run(text), "quiet months").ends_with("most evenings"));
    let text = "Councillor Petra Lind called the timetable “a muddle,” the third complaint this spring.";
    assert!(content_of(&run(text), "muddle").contains("third complaint"));
    let text = "The pilots praised Ines Varga, the captain of the night ferry.";
    assert!(content_of(&run(text), "Ines Varga").ends_with("night ferry"));
}

#[test]
fn charged_reports_only_with_a_that_clause_or_after_a_quotation() {
    // the criminal sense ("charged a man with theft", "charged over the fire") names no
    // words; "charged that ..." and "“...,” X charged" do
    let a = run("Man charged after crash on bypass\n\nPolice charged a man with theft on Monday. Two teenagers charged over the fire will appear in court.\n");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
    check("Intro.\n\nThe senator charged that the audit was rigged.", "the audit was rigged", "The senator");
    check("Intro.\n\n“The count was rigged,” Milo Farrant charged.", "The count was rigged", "Milo Farrant");
}

#[test]
fn a_named_body_after_a_role_or_document_preposition_is_part_of_the_mention() {
    // "a statement from Kelby Police", "a professor at Harlow University": a named
    // organisation or body after the preposition, with no article, belongs to the mention as
    // "the police" does
    check("Intro.\n\nTwo drivers were hurt, according to a statement from Kelby Police.", "Two drivers were hurt", "a statement from Kelby Police");
    check("Intro.\n\n“The data are thin,” said Ada Moss, a professor at Harlow University.", "The data are thin", "Ada Moss, a professor at Harlow University");
}

#[test]
fn a_participle_after_an_intention_form_makes_it_a_noun() {
    // "Harbour plan approved": the headline's passive, not a plan of "Harbour"'s
    let a = run("Harbour plan approved\n\nIntro.\n\nThe ferry plan rejected on Monday was costly.\n");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes.iter().map(|q| q.content.slice(&a.text)).collect::<Vec<_>>());
    // controls: an infinitive and a noun phrase are what is planned
    check("Intro.\n\nFarmers plan to protest on Friday.", "to protest on Friday", "Farmers");
}

#[test]
fn a_quotation_that_ends_a_reports_sentence_belongs_to_the_report() {
    // the report stops at ", but"; the quoted words later in its sentence, with no cue of
    // their own, are the same speaker's words inside the paraphrase: one mixed report
    let text = "The council member told reporters that the budget had been balanced for years, but now the city faces “a hole we cannot fill with fees alone.”";
    let a = run(text);
    assert_eq!(content_of(&a, "balanced"), "that the budget had been balanced for years, but now the city faces “a hole we cannot fill with fees alone.”");
    assert_eq!(a.quotes.iter().filter(|q| q.kind != QuoteKind::Scare).count(), 1, "{:?}", a.quotes);
    // control: a quotation in the next sentence stays a quotation of its own
    let text = "The council member told reporters that the budget had been balanced for years. Now the city faces “a hole we cannot fill with fees alone.”";
    assert_eq!(content_of(&run(text), "balanced"), "that the budget had been balanced for years");
}

#[test]
fn a_participle_with_an_object_after_and_ends_the_report() {
    // "and" with an -ing word that takes an object is the speaker's next act, not more of
    // what was criticized
    let text = "Mayor Ines Varga toured the harbor, criticizing the state of the pier and inspecting the new ferry.";
    assert_eq!(content_of(&run(text), "state of the pier"), "the state of the pier");
    // controls: a series of gerunds in the report goes on, and an -ing adjective before a
    // noun is part of the phrase
    let text = "Councillor Petra Lind talked about raising the fares and cutting the night routes.";
    assert_eq!(content_of(&run(text), "raising"), "raising the fares and cutting the night routes");
    let text = "Councillor Petra Lind called the crossing a slow and tiring trip for most passengers.";
    assert!(content_of(&run(text), "the crossing").ends_with("most passengers"));
}

#[test]
fn an_irregular_past_after_and_ends_a_report_with_no_verb() {
    // "and made ..." after a reported noun phrase is the speaker's next act, as "and asked"
    // would be
    let text = "Councillor Petra Lind talked about the night ferry and made a motion to extend the timetable.";
    assert_eq!(content_of(&run(text), "night ferry"), "the night ferry");
    // control: after a reported clause the past may be the clause's own second verb
    let text = "Councillor Petra Lind said the town paid the harbor fee and also paid the fines.";
    assert!(content_of(&run(text), "harbor fee").ends_with("paid the fines"));
}
