//! QC105 (reworded-quote): one remark quoted twice in different words. Original prose.

use quotecheck::model::Finding;
use quotecheck::{analyze, Config};

fn findings(text: &str) -> Vec<Finding> {
    analyze("story.txt", text, &Config::default()).findings.into_iter().filter(|f| f.code == "QC105").collect()
}

/// The harbour story: the mayor's remark as a fragment in the opening paragraph, then again in
/// full further down, in the wording given.
fn harbour(fragment: &str, full: &str) -> String {
    format!(
        "Mayor Ines Dahl said on Monday that the council would “{fragment}”\n\n\
         Two buyers have made offers since the spring.\n\n\
         “{full}” Dahl told a meeting at the town hall.\n"
    )
}

#[test]
fn a_small_word_changed_is_reported_at_the_later_quotation() {
    let text = harbour("never sell the harbour to a private buyer.", "We will not sell the harbour to a private buyer.");
    let f = findings(&text);
    assert_eq!(f.len(), 1, "{f:#?}");
    // the finding points at the words that differ, the later one first
    assert_eq!(f[0].primary.slice(&text), "not");
    assert_eq!(f[0].related[0].span.slice(&text), "never");
    assert!(f[0].message.contains("Ines Dahl"), "{}", f[0].message);
    assert!(f[0].message.contains("“not” here, “never” earlier"), "{}", f[0].message);
}

#[test]
fn a_word_put_in_or_left_out_is_named_as_such() {
    let text = harbour("not sell the harbour to any private buyer.", "We will not sell the harbour to a private buyer.");
    let f = findings(&text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("“a” here, “any” earlier"), "{}", f[0].message);

    let text = harbour("not sell the old harbour to a private buyer.", "We will not sell the harbour to a private buyer.");
    // "old" is a content word: two remarks of one shape are not reported
    assert!(findings(&text).is_empty());

    let text = harbour("not ever sell the harbour to a private buyer.", "We will not sell the harbour to a private buyer.");
    let f = findings(&text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("“ever” left out here"), "{}", f[0].message);
}

#[test]
fn an_excerpt_of_the_longer_quotation_is_no_difference() {
    // the fragment starts with a word the full sentence does not have before "we", but the
    // full quotation starts there: the fragment may come from a longer remark
    let text = harbour("and we will not sell the harbour.", "We will not sell the harbour to a private buyer.");
    assert!(findings(&text).is_empty(), "{:#?}", findings(&text));
    let text = harbour("not sell the harbour to a private buyer.", "We will not sell the harbour to a private buyer.");
    assert!(findings(&text).is_empty());
}

#[test]
fn an_ellipsis_and_words_in_brackets_stand_for_words_left_out_or_put_in() {
    let text = harbour("never … sell the harbour to a private buyer.", "We will never, not while I am mayor, sell the harbour to a private buyer.");
    assert!(findings(&text).is_empty(), "{:#?}", findings(&text));
    let text = "“[The council] will not sell the harbour to a private buyer,” Mayor Ines Dahl said.\n\n\
                “We will not sell the harbour to a private buyer,” Dahl said again later.\n";
    assert!(findings(text).is_empty(), "{:#?}", findings(text));
}

#[test]
fn a_content_word_changed_is_two_remarks_of_one_shape() {
    let text = "“I have watched him fight for his family,” the councillor said.\n\n\
                “I have watched him fight for his town,” the councillor said.\n";
    assert!(findings(text).is_empty(), "{:#?}", findings(text));
}

#[test]
fn two_speakers_sharing_words_are_not_compared() {
    let text = "“We will not sell the harbour to a private buyer,” Mayor Ines Dahl said.\n\n\
                “We will never sell the harbour to a private buyer,” said Councillor Rolf Brandt.\n";
    assert!(findings(text).is_empty(), "{:#?}", findings(text));
    // the same two with one speaker
    let text = "“We will not sell the harbour to a private buyer,” Mayor Ines Dahl said.\n\n\
                “We will never sell the harbour to a private buyer,” Dahl said.\n";
    assert_eq!(findings(text).len(), 1);
}

#[test]
fn short_quotations_and_scare_quotes_are_not_compared() {
    let text = "Dahl called the offer “a very bad deal.” Later she said it was “a bad deal.”\n";
    assert!(findings(text).is_empty());
}

#[test]
fn identical_repeats_are_fine_and_cost_little() {
    // a thousand copies of one quotation, and one changed copy at the end: one finding, not one
    // per copy
    let mut text = String::new();
    for _ in 0..1000 {
        text.push_str("“We will not sell the harbour to a private buyer,” Mayor Ines Dahl said.\n\n");
    }
    text.push_str("“We will never sell the harbour to a private buyer,” Dahl said.\n");
    assert_eq!(findings(&text).len(), 1);
}
