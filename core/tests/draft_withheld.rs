//! Draft mode (issue 13): a field not filled in yet is read with a stand-in so that the
//! rest can be computed, and nothing computed from a stand-in is shown as a result. The
//! parts of a result that rest on one are left out (the report's `withheld`, with an
//! `input.draft.withheld` finding at the field), and findings that exist only because of
//! a stand-in are dropped. Tried as a nurse filling in the demo form field by field.

#[path = "common/reports.rs"]
mod reports;

use reports::{blank, codes, example as file, pair, run_draft as run};
use serde_json::{Value, json};

const SUMMARY: &str = "summary-request.ventilated-tracheostomy-gastrostomy.json";
const DOB: &str = "/summary/child/date_of_birth";

/// No date of birth yet: the timeline keeps what does not need it (as_of, the first
/// consultation) and withholds the age, the school entry year and every milestone (the
/// stand-in would have made the child 26).
#[test]
fn the_timeline_waits_for_the_date_of_birth() {
    let r = run("summary.timeline", &blank(file(SUMMARY), DOB));
    assert_eq!(r["provisional"], json!(true));
    assert_eq!(r["valid"], json!(true));
    assert_eq!(
        r["withheld"],
        json!([
            "/date_of_birth",
            "/age",
            "/school_entry_year",
            "/milestones"
        ])
    );
    assert_eq!(
        r["result"],
        json!({"as_of": "2026-11-23", "first_consultation": "2021-06-14"})
    );
    assert_eq!(
        codes(&r),
        [
            pair("input.draft.not_filled", DOB),
            pair("input.draft.withheld", DOB)
        ]
    );
    assert_eq!(r["findings"][1]["args"], json!({"count": 4}));
    assert_eq!(
        r["findings"][1]["message_ja"],
        json!("未入力のため、結果のうち 4 か所を空けています（入力すると表示されます）")
    );
    assert_eq!(
        r["findings"][1]["message_en"],
        json!("Not filled in yet: 4 part(s) of the result are left out until it is")
    );
}

/// The same blank date of birth in the other views the form shows.
#[test]
fn the_other_summary_views_withhold_what_needs_the_date_of_birth() {
    let d = blank(file(SUMMARY), DOB);
    let r = run("summary.validate", &d);
    assert_eq!(r["withheld"], json!(["/age"]));
    assert_eq!(r["result"].get("age"), None);
    assert_eq!(
        r["result"]["care_kinds"],
        json!([
            "ventilator",
            "tracheostomy",
            "suctioning",
            "nebulizer",
            "tube_feeding",
            "position_change"
        ])
    );
    let r = run("summary.emergency_view", &d);
    assert_eq!(
        r["withheld"],
        json!([
            "/child/date_of_birth",
            "/child/age",
            "/sections/0/items",
            "/text_ja"
        ])
    );
    assert_eq!(r["result"]["child"]["sex"], json!("male"));
    assert_eq!(r["result"]["sections"][0]["section"], json!("patient"));
    assert_eq!(r["result"]["sections"][0].get("items"), None);
    // The scores: only the short-stay grounds and the over-18 list depend on the age.
    let r = run("summary.scores", &d);
    assert_eq!(
        r["withheld"],
        json!(["/short_stay/grounds", "/short_stay/over_18"])
    );
    assert_eq!(r["result"]["medical_care"]["total"], json!(42));
    assert_eq!(r["result"]["short_stay"]["eligible"], json!(false));
}

/// A care item whose kind is not chosen yet is not counted as the first choice: the
/// medical care score counts the other four items (12 + 8 + 3 + 10 = 33, the complete
/// summary's 42 less the suctioning's 9), and the super-severe total and items, which
/// would change with the choice, are withheld.
#[test]
fn a_blank_choice_is_not_counted_as_its_first_choice() {
    let complete = run("summary.scores", &file(SUMMARY));
    assert_eq!(complete["result"]["medical_care"]["total"], json!(42));
    let r = run(
        "summary.scores",
        &blank(file(SUMMARY), "/summary/clinical/care/2/kind"),
    );
    assert_eq!(r["result"]["medical_care"]["total"], json!(33));
    let counted: Vec<&str> = r["result"]["medical_care"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["path"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        counted,
        [
            "/summary/clinical/care/0",
            "/summary/clinical/care/1",
            "/summary/clinical/care/3",
            "/summary/clinical/care/4"
        ]
    );
    assert_eq!(
        r["withheld"],
        json!(["/super_severe/total", "/super_severe/items"])
    );
    assert!(codes(&r).contains(&pair(
        "input.draft.withheld",
        "/summary/clinical/care/2/kind"
    )));
}

/// `calendar.age`: without the date of birth only the fiscal year is known; without
/// `as_of` nothing is (the whole result is withheld: `""`).
#[test]
fn the_age_waits_for_both_dates() {
    let d = file("age-request.school-entry.json");
    let r = run("calendar.age", &blank(d.clone(), "/birth_date"));
    assert_eq!(
        r["result"],
        json!({"fiscal_year": 2026, "fiscal_year_wareki": "令和8年度"})
    );
    assert_eq!(
        r["withheld"],
        json!([
            "/age",
            "/birth_date_wareki",
            "/reaches_six",
            "/school_entry",
            "/junior_high_entry",
            "/high_school_entry",
            "/reaches_twenty"
        ])
    );
    let r = run("calendar.age", &blank(d, "/as_of"));
    assert_eq!(r.get("result"), None);
    assert_eq!(r["withheld"], json!([""]));
    assert_eq!(
        codes(&r),
        [
            pair("input.draft.not_filled", "/as_of"),
            pair("input.draft.withheld", "/as_of")
        ]
    );
}

/// A meeting without its date yet: the stand-in date made the written date text look
/// wrong (`meeting.date_text.mismatch`, an error); that finding is about the stand-in,
/// not about anything written, and is dropped.
#[test]
fn a_finding_caused_by_a_standin_is_dropped() {
    let r = run(
        "meeting.validate",
        &file("invalid/meeting.missing-date.json"),
    );
    assert_eq!(r["valid"], json!(true), "{r}");
    assert_eq!(
        codes(&r),
        [
            pair("input.draft.not_filled", "/date"),
            pair("input.draft.withheld", "/date")
        ]
    );
    assert_eq!(
        r["withheld"],
        json!(["/date", "/date_wareki", "/fiscal_year", "/quarter"])
    );
}

/// More than sixteen fields not filled in (more than are varied one by one): what rests on them
/// is still withheld, attributed to the whole document (`input.draft.withheld` at "").
#[test]
fn many_blank_fields_are_varied_together() {
    let mut d = blank(file(SUMMARY), DOB);
    for p in [
        "/summary/child/name",
        "/summary/child/sex",
        "/summary/child/municipality",
        "/summary/guardians/0/name",
        "/summary/guardians/0/relationship",
        "/summary/guardians/1/name",
        "/summary/guardians/1/relationship",
        "/summary/emergency_contacts/0/name",
        "/summary/emergency_contacts/0/relationship",
        "/summary/emergency_contacts/0/phone",
        "/summary/emergency_contacts/1/name",
        "/summary/emergency_contacts/1/relationship",
        "/summary/emergency_contacts/1/phone",
        "/summary/emergency_contacts/2/name",
        "/summary/emergency_contacts/2/relationship",
        "/summary/emergency_contacts/2/phone",
        "/summary/child/kana",
        "/summary/child/id",
        "/summary/diagnoses/0/name",
        "/summary/diagnoses/1/name",
        "/summary/diagnoses/2/name",
    ] {
        d = blank(d, p);
    }
    let r = run("summary.timeline", &d);
    let reminders = codes(&r)
        .iter()
        .filter(|c| c.0 == "input.draft.not_filled")
        .count();
    // (More than 16, whichever of these fields the summary requires.)
    assert!(reminders > 16, "{reminders}");
    assert_eq!(
        r["withheld"],
        json!([
            "/date_of_birth",
            "/age",
            "/school_entry_year",
            "/milestones"
        ])
    );
    let notes: Vec<(String, String)> = codes(&r)
        .into_iter()
        .filter(|c| c.0 == "input.draft.withheld")
        .collect();
    assert_eq!(notes, [pair("input.draft.withheld", "")]);
}

/// A blank text field (the kana) changes nothing computed: no withheld part.
#[test]
fn a_blank_text_withholds_nothing() {
    let r = run(
        "summary.scores",
        &blank(file(SUMMARY), "/summary/child/kana"),
    );
    assert_eq!(r["provisional"], json!(true));
    assert_eq!(r.get("withheld"), None);
    assert_eq!(r["result"]["medical_care"]["total"], json!(42));
}

/// The nurse fills the form field by field: texts and dates of the summary (and of the
/// age request) left blank one at a time, every operation the form calls: no result
/// ever shows a stand-in date (2000-01-01 = 平成12年1月1日, or the second one,
/// 2024-07-15 = 令和6年7月15日), in its result or in a finding. (A blank may still leave
/// a real problem: a reference to a team member whose id is blank names no member.)
#[test]
fn no_result_ever_shows_a_standin() {
    fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if k != "$schema" && k != "version" {
                        leaves(x, format!("{at}/{k}"), out);
                    }
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    leaves(x, format!("{at}/{i}"), out);
                }
            }
            Value::String(_) => out.push(at),
            _ => {}
        }
    }
    let (mut checked, mut drafts) = (0, 0);
    for (example, ops) in [
        (
            SUMMARY,
            &[
                "summary.validate",
                "summary.scores",
                "summary.emergency_view",
                "summary.timeline",
            ][..],
        ),
        ("age-request.school-entry.json", &["calendar.age"][..]),
    ] {
        let d = file(example);
        let mut fields = Vec::new();
        leaves(&d, String::new(), &mut fields);
        // Every child field and date of the request, and every fourth other field (the
        // test stays a few seconds long).
        let chosen = fields.iter().enumerate().filter(|(i, p)| {
            i % 4 == 0 || p.starts_with("/summary/child") || !p.contains("/summary/")
        });
        for (_, p) in chosen {
            let doc = blank(d.clone(), p);
            for op in ops {
                let r = run(op, &doc);
                // The result and every finding (a message may quote a date).
                let text = json!([r["result"], r["findings"]]).to_string();
                for standin in [
                    "2000-01-01",
                    "平成12年1月1日",
                    "2024-07-15",
                    "令和6年7月15日",
                ] {
                    assert!(!text.contains(standin), "{op} {p}: {standin} in {text}");
                }
                if r["provisional"] == json!(true) {
                    drafts += 1;
                }
                checked += 1;
            }
        }
    }
    // (An optional field left blank is simply absent: that report is complete.)
    assert!(checked > 200 && drafts > 100, "{checked} {drafts}");
}
