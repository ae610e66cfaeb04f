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
