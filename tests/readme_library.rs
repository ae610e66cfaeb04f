//! The example of the README's "Using quotecheck from Rust", as it is printed there (after
//! this header): `tests/readme.rs` checks that the two are the same, and this file runs it.

use quotecheck::{check_str, Config};

#[test]
fn the_mayor_is_quoted_and_nothing_is_flagged() {
    let copy = "“We will reopen the ferry pier in May,” Mayor Ana Holm said.\n";
    let report = check_str(copy, &Config::default());
    assert_eq!(report.summary.findings.error, 0);
    insta::assert_json_snapshot!(report, @r#"
    {
      "schema": "quotecheck/1",
      "documents": [
        {
          "path": "-",
          "quotes": [
            {
              "id": "q1",
              "kind": "direct",
              "content": {
                "start": 3,
                "end": 40,
                "text": "We will reopen the ferry pier in May,"
              },
              "cue": {
                "start": 59,
                "end": 63,
                "text": "said"
              },
              "speaker": {
                "entity": "e1",
                "mention": {
                  "start": 44,
                  "end": 58,
                  "text": "Mayor Ana Holm"
                },
                "via": "explicit"
              }
            }
          ],
          "speakers": [
            {
              "id": "e1",
              "name": "Ana Holm",
              "kind": "person",
              "titles": [
                "Mayor"
              ],
              "affiliation": null,
              "mentions": [
                {
                  "start": 44,
                  "end": 58,
                  "text": "Mayor Ana Holm"
                }
              ]
            }
          ],
          "claims": [
            {
              "id": "c1",
              "speaker": "e1",
              "quote": "q1",
              "span": {
                "start": 3,
                "end": 39,
                "text": "We will reopen the ferry pier in May"
              },
              "predicate": "",
              "class": null,
              "polarity": "positive",
              "modality": "expected",
              "aspect": "resumption",
              "time": "future",
              "participants": []
            }
          ],
          "findings": []
        }
      ],
      "summary": {
        "documents": 1,
        "quotes": 1,
        "findings": {
          "error": 0,
          "warning": 0,
          "info": 0
        }
      }
    }
    "#);
}
