//! Small original cases for the consistency pass: each pins one reason a finding must or
//! must not be reported, with a control that shows the rule still fires where it should.

use quotecheck::claims::{clause_frames, Polarity, Time};
use quotecheck::{analyze, Analysis, Config};

fn run(text: &str) -> Analysis {
    analyze("case.txt", text, &Config::default())
}

fn codes(a: &Analysis) -> Vec<&'static str> {
    a.findings.iter().map(|f| f.code).filter(|c| c.starts_with("QC2")).collect()
}

#[test]
fn an_infinitive_takes_its_time_from_a_past_cue() {
    // "refused to endorse" happened before: it must not clash with a present endorsement
    let a = run("The vote is risky for Ines Morrow, who pointedly refused to endorse Mayor Holt during a speech in July.\n");
    let c = a.claims.iter().find(|c| c.span.slice(&a.text).starts_with("to endorse")).expect("a claim for the refusal");
    assert_eq!(c.time, Time::Past);
    assert_eq!(c.polarity, Polarity::Negative);
}

#[test]
fn opposed_words_inside_a_title_are_not_claims() {
    // "Fail or Succeed" is a book's title, not the speaker's claim that something failed
    let frames = clause_frames("the mayor talked about “Decline: How Cities Choose to Fail or Succeed,” a best seller");
    assert!(frames.iter().all(|c| c.opposed.is_empty()), "{:?}", frames.iter().map(|c| &c.opposed).collect::<Vec<_>>());
    // control: the same verb outside a title is one side of an opposition
    let frames = clause_frames("the harbor bill would fail in the council");
    assert!(frames.iter().any(|c| !c.opposed.is_empty()));
}

#[test]
fn shares_of_different_things_do_not_clash() {
    let base = "Data from the port authority show that women made up about 41 percent of the harbor workforce last year.";
    let other = run(&format!("{base} Women made up about 25 percent of senior managers at the harbor last year.\n"));
    assert!(!codes(&other).contains(&"QC206"), "{:?}", other.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    // control: two shares of the same thing do clash
    let same = run(&format!("{base} Women made up about 25 percent of the harbor workforce last year.\n"));
    assert!(codes(&same).contains(&"QC206"), "{:?}", same.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}

#[test]
fn two_ranges_clash_when_a_bound_differs_though_one_bound_agrees() {
    let base = "The cannery laid off 300 workers who were paid between $30,000 and $60,000 a year, the company said.\n\n";
    let differ = run(&format!("{base}The laid-off workers were paid $35,000 to $60,000 a year, the union said.\n"));
    let f = differ.findings.iter().find(|f| f.code == "QC206").expect("a numeric mismatch between the two ranges");
    assert!(f.message.contains("$30,000 to $60,000") && f.message.contains("$35,000 to $60,000"), "{}", f.message);
    // control: the same range in other words agrees
    let same = run(&format!("{base}The laid-off workers were paid $30,000 to $60,000 a year, the union said.\n"));
    assert!(!codes(&same).contains(&"QC206"), "{:?}", same.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}

#[test]
fn a_word_of_the_unit_is_not_what_a_figure_measures() {
    // "percentage" is part of "percentage points" on both sides: a lead and a margin of
    // error share no measured thing
    let text = "In the previous Harbor Gazette poll, conducted in early September, Ada Holt led Ivo Morrow by 6 percentage points among likely voters. In April, her lead had been 9 points.\n\nThe Harbor Gazette poll ran from Oct. 2 to 5 and reached 900 adults by telephone. Its sample of registered voters is 712, with a margin of error of plus or minus 3 percentage points; 540 of them are likely voters.\n";
    let a = run(text);
    assert!(!codes(&a).contains(&"QC206"), "{:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    // control: two leads in the same race at the same time do clash
    let b = run("In the previous Harbor Gazette poll, conducted in early September, Ada Holt led Ivo Morrow by 6 percentage points among likely voters.\n\nIn early September, Ada Holt led Ivo Morrow by 2 percentage points among likely voters, the Harbor Gazette said.\n");
    assert!(codes(&b).contains(&"QC206"), "{:?}", b.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}

fn warnings(a: &Analysis) -> Vec<&str> {
    a.findings.iter().filter(|f| f.code.starts_with("QC2") && f.severity >= quotecheck::model::Severity::Warning).map(|f| f.message.as_str()).collect()
}

#[test]
fn a_name_shared_far_from_the_clashing_words_is_no_warning() {
    // the reporter's "Mayor Holt" sentence and the source's are about different things (a
    // vote won, a bill not won): sharing the name is not enough for a warning
    let a = run(
        "Mayor Ada Holt has won the backing of the harbor unions after a long campaign.\n\n“Holt has not won a single vote in the council on the dredging bill,” said Ivo Morrow, a council member.\n",
    );
    assert!(warnings(&a).is_empty(), "{:?}", warnings(&a));
    // control: the same two sentences about the same thing, next to the clashing words
    let a = run(
        "The dredging bill has won a majority in the council.\n\n“The dredging bill has not won a majority in the council,” said Ivo Morrow, a council member.\n",
    );
    assert!(!warnings(&a).is_empty(), "{:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}

#[test]
fn opposite_words_between_the_narrative_and_a_source_are_information() {
    // two words of an opposition pair in the reporter's sentence and a source's: info at most
    let a = run("The ferry plan is open to review, the harbor board said.\n\n“The ferry plan is closed to review,” said Ivo Morrow, a council member.\n");
    assert!(warnings(&a).is_empty() || !a.findings.iter().any(|f| f.code == "QC205" && f.message.contains("article's own text")));
    let narrative =
        run("The old ferry terminal is open to visitors again.\n\n“The old ferry terminal is closed to visitors,” said Ivo Morrow, a council member.\n");
    let f = narrative.findings.iter().find(|f| f.code == "QC205").expect("the opposition is still reported");
    assert_eq!(f.severity, quotecheck::model::Severity::Info, "{}", f.message);
}

#[test]
fn a_clause_with_several_figures_of_a_kind_is_a_breakdown() {
    // "46 percent to 44 percent" gives one figure for each candidate: which of them the
    // other claim's 45 percent is about, the words do not say
    let base = "Support for the harbor levy stands at 45 percent among likely voters, the Gazette poll found.\n\n";
    let a = run(&format!("{base}“Among likely voters the levy leads the toll, 46 percent to 44 percent,” said Ivo Morrow, who ran the poll.\n"));
    assert!(!codes(&a).contains(&"QC206"), "{:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    // control: one figure for the same thing clashes
    let a = run(&format!("{base}“Support for the harbor levy stands at 38 percent among likely voters,” said Ivo Morrow, who ran the poll.\n"));
    assert!(codes(&a).contains(&"QC206"), "{:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}

#[test]
fn a_bound_agrees_with_any_figure_on_its_open_side() {
    let base = "More than 2,000 residents of Ulfsby were evacuated overnight, the county said.\n\n";
    let a = run(&format!("{base}“About 2,400 residents of Ulfsby were evacuated overnight,” the county's fire chief, Ada Holt, said.\n"));
    assert!(!codes(&a).contains(&"QC206"), "{:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    // control: a figure below the floor clashes
    let a = run(&format!("{base}“About 1,200 residents of Ulfsby were evacuated overnight,” the county's fire chief, Ada Holt, said.\n"));
    assert!(codes(&a).contains(&"QC206"), "{:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}

#[test]
fn a_figure_inside_the_other_range_agrees() {
    let base = "The new ferry terminal will cost between $80 million and $90 million, the port authority said.\n\n";
    let a = run(&format!("{base}“The new ferry terminal will cost about $85 million,” the authority's director, Ada Holt, said.\n"));
    assert!(!codes(&a).contains(&"QC206"), "{:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    // control: a figure outside the range clashes
    let a = run(&format!("{base}“The new ferry terminal will cost about $60 million,” the authority's director, Ada Holt, said.\n"));
    assert!(codes(&a).contains(&"QC206"), "{:?}", a.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}

#[test]
fn a_result_state_far_from_the_predicate_is_not_its_aspect() {
    // what is stopped is the rival, not the winning
    let frames = clause_frames("the only way to stop the rival slate from taking the board and winning the vote");
    let c = frames.iter().find(|c| c.predicate.starts_with("win")).expect("a claim with the predicate");
    assert_eq!(c.aspect, quotecheck::claims::Aspect::None, "{c:?}");
    // control: a result state next to its predicate is its aspect
    let frames = clause_frames("the talks with the union stay suspended");
    assert!(frames.iter().any(|c| c.aspect == quotecheck::claims::Aspect::Continues || c.aspect == quotecheck::claims::Aspect::Cessation));
}

#[test]
fn a_persons_own_spokesman_is_of_her_family() {
    let text = "“I will not sell the farm,” Ada Holt told reporters on Monday.\n\n“The farm has been sold,” her spokesman said on Tuesday.\n";
    let a = run(text);
    let holt = a.entities.iter().position(|e| e.name == "Ada Holt").expect("Ada Holt");
    let spokesman = a.entities.iter().find(|e| e.name.contains("spokesman")).expect("the spokesman");
    assert_eq!(spokesman.affiliation, Some(holt));
    assert_eq!(
        quotecheck::consistency::relation(&a.entities, Some(holt), a.entities.iter().position(|e| e.name.contains("spokesman"))),
        quotecheck::consistency::Relation::SameFamily
    );
    // control: a spokesman of no one named ("a spokesman") belongs to no one
    let a = run("“I will not sell the farm,” Ada Holt told reporters on Monday.\n\n“The farm has been sold,” a spokesman said on Tuesday.\n");
    assert!(a.entities.iter().filter(|e| e.name.contains("spokesman")).all(|e| e.affiliation.is_none()));
}

#[test]
fn an_organisation_named_by_its_owner_yields_to_the_owner() {
    // "the trust" is the Harrow Valley Trust, not the trust's board, which the article also
    // names; the chief executive and the trust are then one family
    let text = "The chief executive of the Harrow Valley Trust said on Monday that the trust's board had never approved the sale.\n\nIn a statement in May, the trust said that the board approved the sale of the mill.\n";
    let a = run(text);
    let trust = a.entities.iter().position(|e| e.name == "Harrow Valley Trust").expect("the trust by name");
    let the_trust = a.entities.iter().find(|e| e.name == "the trust").expect("the trust");
    assert_eq!(the_trust.affiliation, Some(trust), "{:?}", a.entities);
    // control: a title naming only the owner still finds the owner's organisation when it
    // is the only one ("Holm spokesman" of "Holm's campaign")
    let a = run(
        "Ada Holm is running for mayor. Holm's campaign opened an office in the port on Monday.\n\n“We will win the port,” said Holm spokesman Per Lund.\n",
    );
    let campaign = a.entities.iter().position(|e| e.name.contains("campaign")).expect("the campaign");
    let lund = a.entities.iter().find(|e| e.name == "Per Lund").expect("Per Lund");
    assert_eq!(lund.affiliation, Some(campaign), "{:?}", a.entities);
}

#[test]
fn a_participle_before_its_noun_is_no_predicate() {
    // "paid" describes the speeches: nothing is paid in this clause
    let frames = clause_frames("the senator halted all paid speeches last year");
    assert!(frames.iter().all(|c| c.predicate != "paid"), "{:?}", frames.iter().map(|c| &c.predicate).collect::<Vec<_>>());
    // control: "paid" as the clause's verb is its predicate
    let frames = clause_frames("the harbor board paid the contractors in March");
    assert!(frames.iter().any(|c| c.predicate == "paid"), "{:?}", frames.iter().map(|c| &c.predicate).collect::<Vec<_>>());
}

fn qc206(text: &str) -> bool {
    codes(&run(text)).contains(&"QC206")
}

#[test]
fn figures_for_two_payees_that_share_a_word_do_not_clash() {
    let base = "The Kessmoor harbor trust paid Harbor Tower Holdings $35,000 in March.\n\n";
    assert!(!qc206(&format!("{base}“Harbor Restaurants was paid $125,000 in March,” said Ivo Morrow, a member of the trust's board.\n")));
    // control: the same payee named twice
    assert!(qc206(&format!("{base}“Harbor Tower Holdings was paid $125,000 in March,” said Ivo Morrow, a member of the trust's board.\n")));
}

#[test]
fn a_figure_per_head_compares_only_with_another() {
    let base = "Donors to the Kessmoor harbor fund gave about $130,000 this year.\n\n";
    assert!(!qc206(&format!("{base}“Donors to the Kessmoor harbor fund gave $2,700 each this year,” said Ivo Morrow, the fund's treasurer.\n")));
    assert!(qc206(&format!("{base}“Donors to the Kessmoor harbor fund gave $2,700 this year,” said Ivo Morrow, the fund's treasurer.\n")));
}

#[test]
fn the_value_something_changed_from_is_not_compared() {
    let base = "The ferry fare in Kessmoor is $7.\n\n";
    assert!(!qc206(&format!("{base}“The ferry fare in Kessmoor has gone up from the current $5,” said Ada Holt, the harbor board's chair.\n")));
    assert!(qc206(&format!("{base}“The ferry fare in Kessmoor is $5,” said Ada Holt, the harbor board's chair.\n")));
}

#[test]
fn a_share_of_a_part_and_a_share_of_the_whole_do_not_clash() {
    let base = "Approval of the Kessmoor harbor levy is 50 percent.\n\n";
    assert!(!qc206(&format!("{base}“Approval of the Kessmoor harbor levy is 81 percent of dock workers,” said Ada Holt, who ran the poll.\n")));
    assert!(qc206(&format!("{base}“Approval of the Kessmoor harbor levy is 41 percent,” said Ada Holt, who ran the poll.\n")));
}

#[test]
fn a_preposition_after_a_figure_is_not_what_it_counts() {
    let frames = clause_frames("with 222 seats at stake, the party is sure of at least 120 in the north");
    let units: Vec<&str> = frames.iter().flat_map(|c| c.amounts.iter().map(|m| m.unit.as_str())).collect();
    assert!(!units.contains(&"in"), "{units:?}");
    assert_eq!(units.iter().filter(|u| **u == "seat").count(), 2, "{units:?}");
}

#[test]
fn a_unit_word_before_a_sum_says_whose_sum_it_is() {
    // "staff" counts people ("300 staff"), but before a sum of money it says whose pay the
    // sum is: both ranges are the pay of the same dismissed staff, and they differ
    let base = "The dismissed staff earned between $30,000 and $60,000 a year, the company said on Monday.\n\n";
    let differ = run(&format!("{base}“The staff we let go were earning $35,000 to $60,000 a year,” the company’s chief executive, Tom Reyes, said.\n"));
    let f = differ.findings.iter().find(|f| f.code == "QC206").expect("a numeric mismatch between the two pay ranges");
    assert_eq!(f.severity, quotecheck::Severity::Error, "{}", f.message);
    // control: after a figure, the unit word is what the figure counts, which the units
    // compare already; two shares of voters about different things do not clash
    let other = run("Support for the harbor levy stands at 40 percent of voters, the council’s poll found.\n\nJust 28 percent of voters had heard of the new ferry timetable, the poll found.\n");
    assert!(!codes(&other).contains(&"QC206"), "{:?}", other.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}

#[test]
fn a_share_in_words_meets_a_figure_of_the_same_share() {
    let base = "The new footbridge is backed by a majority of residents, the town council said on Tuesday.\n\n";
    let differ = run(&format!("{base}“The footbridge is backed by 44 percent of residents,” the council’s chief planner, Mara Lind, said.\n"));
    let f = differ.findings.iter().find(|f| f.code == "QC206").expect("a majority against 44 percent");
    assert!(f.message.contains("a majority") && f.message.contains("44"), "{}", f.message);
    // control: a majority agrees with a figure above half
    let agree = run(&format!("{base}“The footbridge is backed by 58 percent of residents,” the council’s chief planner, Mara Lind, said.\n"));
    assert!(!codes(&agree).contains(&"QC206"), "{:?}", agree.findings.iter().map(|f| &f.message).collect::<Vec<_>>());
    // control: "the second half of" is a part of a time, not a share
    let frames = clause_frames("the bridge will open in the second half of the year");
    assert!(frames.iter().all(|c| c.amounts.is_empty()), "{:?}", frames.iter().map(|c| &c.amounts).collect::<Vec<_>>());
}

#[test]
fn a_named_representative_and_a_bare_refusal_to_resign() {
    // "her press secretary, Tomas Lind" speaks for the mayor; "I will not resign" says nothing
    // but its predicate, and resigning is a step one person takes once (`personal` in
    // grammar/predicates.toml), so the mayor is what both claims are about
    let text = "The mayor, Greta Sand, spoke to reporters outside Holby city hall on Monday.\n\n\
                “I will not resign,” Sand said.\n\n\
                Two hours later her press secretary, Tomas Lind, gave another account. “The mayor has offered her resignation to the council,” Lind said.\n";
    let a = run(text);
    let lind = a.entities.iter().find(|e| e.name == "Tomas Lind").expect("an entity for Lind");
    assert_eq!(lind.affiliation.map(|o| a.entities[o].name.as_str()), Some("Greta Sand"));
    let warned = a.findings.iter().find(|f| f.code == "QC202").expect("a polarity clash");
    assert!(warned.severity >= quotecheck::model::Severity::Warning, "{}", warned.message);
    // control: talking is something people do again and again; a bare "I will not talk" and
    // a talk the mayor has had are not one event
    let talk = "The mayor, Greta Sand, spoke to reporters outside Holby city hall on Monday.\n\n\
                “I will not talk,” Sand said.\n\n\
                Two hours later her press secretary, Tomas Lind, gave another account. “The mayor has talked to the council,” Lind said.\n";
    assert!(!codes(&run(talk)).contains(&"QC202"), "{:?}", run(talk).findings.iter().map(|f| &f.message).collect::<Vec<_>>());
}
