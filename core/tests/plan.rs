//! Plan rules, operations, the two real example documents, and property tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "common/reports.rs"]
mod reports;
use kyoten_core::ops;
use kyoten_core::plan::{self, Plan};
use proptest::prelude::*;
use serde_json::{Value, json};

// ---------------------------------------------------------------- helpers

/// A small valid plan: three items covering all six tasks, two organisations.
fn base() -> Value {
    json!({
        "region": "テスト地域",
        "fiscal_year": 2017,
        "fiscal_year_label": "平成29年度",
        "status": "draft",
        "issue_groups": [{"no": 1, "title": "課題一"}],
        "organisations": [
            {"id": "a", "name": "機関A", "member": true, "sector": "medical"},
            {"id": "b", "name": "機関B", "member": false, "sector": "welfare"}
        ],
        "items": [
            {"no": 1, "tasks": [1, 2], "issue_group": 1, "title": "取組一", "lead": ["a"], "cooperating": ["b"],
             "schedule": [
                {"quarter": "q1", "phases": ["method_study"]},
                {"quarter": "q2", "phases": ["rollout", "progress_report"]},
                {"quarter": "q3", "phases": ["rollout"]}
             ]},
            {"no": 2, "tasks": [3, 4], "title": "取組二", "lead": ["a"]},
            {"no": 3, "tasks": [5, 6], "title": "取組三", "lead": ["a"]}
        ]
    })
}

fn run(op: &str, doc: &Value) -> Value {
    let out = ops::run(op, doc.to_string().as_bytes()).expect("operation exists");
    serde_json::from_str(&out.json).expect("report is JSON")
}

fn findings(doc: &Value) -> Vec<(String, String, String)> {
    run("plan.validate", doc)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["path"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn has(doc: &Value, code: &str, path: &str) -> bool {
    findings(doc).iter().any(|(c, p, _)| c == code && p == path)
}

fn has_code(doc: &Value, code: &str) -> bool {
    findings(doc).iter().any(|(c, _, _)| c == code)
}

/// Asserts `code` is absent from the base plan and present at `path` after `mutate`.
fn fails(code: &str, path: &str, mutate: impl FnOnce(&mut Value)) {
    assert!(
        !has_code(&base(), code),
        "{code} must not fire on the base plan"
    );
    let mut doc = base();
    mutate(&mut doc);
    assert!(
        has(&doc, code, path),
        "{code} expected at {path}, got {:?}",
        findings(&doc)
    );
}

// ---------------------------------------------------------------- base plan

#[test]
fn base_plan_is_clean() {
    let r = run("plan.validate", &base());
    assert_eq!(r["valid"], true);
    assert_eq!(r["findings"].as_array().unwrap().len(), 0, "{r}");
    assert_eq!(r["result"]["items"], 3);
    assert_eq!(r["result"]["tasks_covered"], json!([1, 2, 3, 4, 5, 6]));
}

// ---------------------------------------------------------------- every rule, passing and failing

#[test]
fn region_empty() {
    fails("plan.region.empty", "/region", |d| {
        d["region"] = json!("　 ")
    });
}

#[test]
fn fiscal_year_implausible() {
    fails("plan.fiscal_year.implausible", "/fiscal_year", |d| {
        d["fiscal_year"] = json!(29)
    });
    fails("plan.fiscal_year.implausible", "/fiscal_year", |d| {
        d["fiscal_year"] = json!(20017)
    });
    let mut ok = base();
    ok["fiscal_year"] = json!(2000);
    ok["fiscal_year_label"] = json!("2000年度");
    assert!(!has_code(&ok, "plan.fiscal_year.implausible"));
}

#[test]
fn fiscal_year_missing_for_schedule() {
    fails(
        "plan.fiscal_year.missing_for_schedule",
        "/fiscal_year",
        |d| {
            d.as_object_mut().unwrap().remove("fiscal_year");
        },
    );
    // No schedule anywhere: no fiscal year is fine.
    let mut ok = base();
    ok.as_object_mut().unwrap().remove("fiscal_year");
    ok["items"][0].as_object_mut().unwrap().remove("schedule");
    assert!(!has_code(&ok, "plan.fiscal_year.missing_for_schedule"));
}

#[test]
fn fiscal_year_label_mismatch_and_unreadable() {
    fails(
        "plan.fiscal_year_label.mismatch",
        "/fiscal_year_label",
        |d| d["fiscal_year_label"] = json!("平成30年度"),
    );
    fails(
        "plan.fiscal_year_label.unreadable",
        "/fiscal_year_label",
        |d| d["fiscal_year_label"] = json!("来年度"),
    );
    // 令和元年度 and 平成31年度 both name FY2019; full-width digits are read.
    for label in ["令和元年度", "平成31年度", "２０１９年度"] {
        let mut ok = base();
        ok["fiscal_year"] = json!(2019);
        ok["fiscal_year_label"] = json!(label);
        assert!(findings(&ok).is_empty(), "{label}: {:?}", findings(&ok));
    }
}

#[test]
fn issue_group_rules() {
    fails(
        "plan.issue_group.duplicate_number",
        "/issue_groups/1/no",
        |d| {
            d["issue_groups"]
                .as_array_mut()
                .unwrap()
                .push(json!({"no": 1, "title": "課題二"}));
        },
    );
    fails(
        "plan.issue_group.empty_title",
        "/issue_groups/0/title",
        |d| d["issue_groups"][0]["title"] = json!(""),
    );
    fails("plan.issue_group.unused", "/issue_groups/1", |d| {
        d["issue_groups"]
            .as_array_mut()
            .unwrap()
            .push(json!({"no": 2, "title": "課題二"}));
    });
    fails(
        "plan.item.unknown_issue_group",
        "/items/0/issue_group",
        |d| d["items"][0]["issue_group"] = json!(9),
    );
}

#[test]
fn organisation_rules() {
    fails(
        "plan.organisation.duplicate_id",
        "/organisations/2/id",
        |d| {
            d["organisations"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "a", "name": "機関C", "member": true, "sector": "other"}));
        },
    );
    fails("plan.organisation.empty_id", "/organisations/0/id", |d| {
        d["organisations"][0]["id"] = json!(" ");
    });
    fails(
        "plan.organisation.empty_name",
        "/organisations/1/name",
        |d| {
            d["organisations"][1]["name"] = json!("");
        },
    );
    fails(
        "plan.organisation.duplicate_name",
        "/organisations/1/name",
        |d| {
            d["organisations"][1]["name"] = json!("機関A");
        },
    );
    fails("plan.organisation.unused", "/organisations/1", |d| {
        d["items"][0].as_object_mut().unwrap().remove("cooperating");
    });
}

#[test]
fn items_empty_and_uncovered_tasks() {
    fails("plan.items.empty", "/items", |d| d["items"] = json!([]));
    fails("plan.task.uncovered", "/items", |d| {
        d["items"][2]["tasks"] = json!([5])
    });
    let mut doc = base();
    doc["items"][2]["tasks"] = json!([5]);
    let f = findings(&doc);
    let uncovered: Vec<_> = f
        .iter()
        .filter(|(c, _, _)| c == "plan.task.uncovered")
        .collect();
    assert_eq!(uncovered.len(), 1);
    assert_eq!(uncovered[0].2, "warning");
    let r = run("plan.validate", &doc);
    assert!(
        r["findings"][0]["message_ja"]
            .as_str()
            .unwrap()
            .contains("タスク6")
    );
    assert_eq!(r["valid"], true, "an uncovered task is a warning only");
}

#[test]
fn item_tasks() {
    fails("plan.item.no_task", "/items/1/tasks", |d| {
        d["items"][1]["tasks"] = json!([])
    });
    fails("plan.item.task_out_of_range", "/items/1/tasks/1", |d| {
        d["items"][1]["tasks"] = json!([3, 7])
    });
    fails("plan.item.task_out_of_range", "/items/1/tasks/0", |d| {
        d["items"][1]["tasks"] = json!([0, 3, 4])
    });
    fails("plan.item.duplicate_task", "/items/1/tasks/2", |d| {
        d["items"][1]["tasks"] = json!([3, 4, 3])
    });
    // A number that is not even a u8 is an input finding at the same path.
    let mut doc = base();
    doc["items"][1]["tasks"] = json!([3, 300]);
    assert!(has(&doc, "input.invalid_value", "/items/1/tasks/1"));
}

#[test]
fn membership_entries_name_a_mention_of_the_item() {
    fails(
        "plan.item.membership_not_mentioned",
        "/items/0/membership/0/organisation",
        |d| {
            // b is cooperating in item 1, not lead.
            d["items"][0]["membership"] =
                json!([{"organisation": "b", "list": "lead", "member": true}])
        },
    );
    fails(
        "plan.item.membership_duplicate",
        "/items/0/membership/1",
        |d| {
            d["items"][0]["membership"] = json!([
                {"organisation": "b", "list": "cooperating", "member": true},
                {"organisation": "b", "list": "cooperating", "member": false}
            ])
        },
    );
    let r = {
        let mut d = base();
        d["items"][0]["membership"] =
            json!([{"organisation": "zz", "list": "cooperating", "member": true}]);
        run("plan.validate", &d)
    };
    assert_eq!(r["valid"], false);
    assert_eq!(r["errors"], 1);
}

#[test]
fn item_lead_rules() {
    fails("plan.item.no_lead", "/items/1/lead", |d| {
        d["items"][1].as_object_mut().unwrap().remove("lead");
    });
    fails("plan.item.lead_not_member", "/items/1/lead/1", |d| {
        d["items"][1]["lead"] = json!(["a", "b"])
    });
    // A non-member cooperating is fine.
    assert!(!has_code(&base(), "plan.item.lead_not_member"));
    // Membership is per mention: a member organisation written as a non-member in this
    // item's lead list is a non-member lead here, and the other way round.
    fails("plan.item.lead_not_member", "/items/1/lead/0", |d| {
        d["items"][1]["membership"] =
            json!([{"organisation": "a", "list": "lead", "member": false}])
    });
    let mut ok = base();
    ok["items"][1]["lead"] = json!(["a", "b"]);
    ok["items"][1]["membership"] = json!([{"organisation": "b", "list": "lead", "member": true}]);
    assert!(
        !has_code(&ok, "plan.item.lead_not_member"),
        "{:?}",
        findings(&ok)
    );
    // The same organisation written as a non-member in another list changes nothing here.
    let mut ok = base();
    ok["items"][0]["cooperating"] = json!(["b", "a"]);
    ok["items"][0]["membership"] =
        json!([{"organisation": "a", "list": "cooperating", "member": false}]);
    assert!(findings(&ok).is_empty(), "{:?}", findings(&ok));
    // An implementer stands in for a lead.
    let mut ok = base();
    ok["items"][1].as_object_mut().unwrap().remove("lead");
    ok["items"][1]["implementer"] = json!({"by": "prefecture"});
    assert!(!has_code(&ok, "plan.item.no_lead"));
}

#[test]
fn item_organisation_references() {
    fails(
        "plan.item.unknown_organisation",
        "/items/0/cooperating/1",
        |d| d["items"][0]["cooperating"] = json!(["b", "zzz"]),
    );
    fails(
        "plan.item.unknown_organisation",
        "/items/0/proposing/0",
        |d| d["items"][0]["proposing"] = json!(["zzz"]),
    );
    fails(
        "plan.item.unknown_organisation",
        "/items/2/implementer/organisation",
        |d| d["items"][2]["implementer"] = json!({"by": "consigned", "organisation": "zzz"}),
    );
    fails("plan.item.duplicate_organisation", "/items/0/lead/1", |d| {
        d["items"][0]["lead"] = json!(["a", "a"])
    });
}

#[test]
fn item_numbering() {
    fails("plan.item.duplicate_number", "/items/2/no", |d| {
        d["items"][2]["no"] = json!(2)
    });
    fails("plan.items.numbering_gap", "/items/2/no", |d| {
        d["items"][2]["no"] = json!(5)
    });
    fails("plan.item.number_zero", "/items/0/no", |d| {
        d["items"][0]["no"] = json!(0)
    });
    // Numbering that does not start at 1: the gap is before the first item.
    fails("plan.items.numbering_gap", "/items/0/no", |d| {
        for i in 0..3 {
            d["items"][i]["no"] = json!(i + 2);
        }
    });
    let mut doc = base();
    doc["items"][2]["no"] = json!(5);
    let r = run("plan.validate", &doc);
    let gap = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "plan.items.numbering_gap")
        .unwrap()
        .clone();
    assert_eq!(gap["severity"], "warning");
    assert!(
        gap["message_ja"].as_str().unwrap().contains("3〜4"),
        "{gap}"
    );
    // Huge numbers are a gap, reported once, without iterating the range.
    let mut big = base();
    big["items"][2]["no"] = json!(4_000_000_000u32);
    let gaps = findings(&big)
        .into_iter()
        .filter(|(c, _, _)| c == "plan.items.numbering_gap")
        .count();
    assert_eq!(gaps, 1);
}

#[test]
fn per_task_numbering() {
    let mut doc = base();
    doc["numbering"] = json!("per_task");
    for (i, no) in [1, 1, 1].iter().enumerate() {
        doc["items"][i]["no"] = json!(no);
    }
    // Each item is number 1 under its own first task: no duplicate, no gap.
    assert!(findings(&doc).is_empty(), "{:?}", findings(&doc));
    doc["items"][1]["tasks"] = json!([1, 4]);
    assert!(has(&doc, "plan.item.duplicate_number", "/items/1/no"));
    doc["items"][1]["no"] = json!(3);
    assert!(has(&doc, "plan.items.numbering_gap", "/items/1/no"));
    assert!(!has_code(&doc, "plan.item.duplicate_number"));
}

#[test]
fn item_title_and_content() {
    fails("plan.item.empty_title", "/items/2/title", |d| {
        d["items"][2]["title"] = json!("")
    });
    fails("plan.item.duplicate_title", "/items/2/title", |d| {
        d["items"][2]["title"] = json!("取組一")
    });
    fails("plan.item.empty_content_line", "/items/0/content/1", |d| {
        d["items"][0]["content"] = json!(["内容", " "])
    });
}

fn with_repeat(repeats: Value, tasks: Value) -> Value {
    let mut d = base();
    d["items"]
        .as_array_mut()
        .unwrap()
        .push(json!({"no": 4, "tasks": tasks, "title": "取組一", "repeats": repeats}));
    d
}

#[test]
fn repeat_rules() {
    // A valid 再掲: no lead needed, no duplicate-title note.
    let ok = with_repeat(json!({"no": 1}), json!([4]));
    assert!(findings(&ok).is_empty(), "{:?}", findings(&ok));
    assert!(has(
        &with_repeat(json!({"no": 9}), json!([4])),
        "plan.item.repeat_unknown",
        "/items/3/repeats"
    ));
    assert!(has(
        &with_repeat(json!({"no": 4}), json!([4])),
        "plan.item.repeat_self",
        "/items/3/repeats"
    ));
    assert!(has(
        &with_repeat(json!({"no": 1}), json!([2])),
        "plan.item.repeat_same_task",
        "/items/3/tasks"
    ));
    let mut chain = with_repeat(json!({"no": 1}), json!([4]));
    chain["items"]
        .as_array_mut()
        .unwrap()
        .push(json!({"no": 5, "tasks": [6], "title": "取組一", "repeats": {"no": 4}}));
    assert!(has(
        &chain,
        "plan.item.repeat_of_repeat",
        "/items/4/repeats"
    ));
    assert!(!has(
        &chain,
        "plan.item.repeat_of_repeat",
        "/items/3/repeats"
    ));
    // Per-task numbering needs the task in the reference.
    let mut pt = with_repeat(json!({"no": 1}), json!([4]));
    pt["numbering"] = json!("per_task");
    assert!(has(
        &pt,
        "plan.item.repeat_task_missing",
        "/items/3/repeats/task"
    ));
    pt["items"][3]["repeats"] = json!({"task": 1, "no": 1});
    assert!(!has_code(&pt, "plan.item.repeat_task_missing"));
    assert!(!has_code(&pt, "plan.item.repeat_unknown"));
    pt["items"][3]["repeats"] = json!({"task": 2, "no": 1});
    assert!(has(&pt, "plan.item.repeat_unknown", "/items/3/repeats"));
}

#[test]
fn implementer_rules() {
    fails(
        "plan.item.implementer_organisation_missing",
        "/items/2/implementer/organisation",
        |d| d["items"][2]["implementer"] = json!({"by": "consigned"}),
    );
    fails(
        "plan.item.implementer_organisation_unexpected",
        "/items/2/implementer/organisation",
        |d| d["items"][2]["implementer"] = json!({"by": "prefecture", "organisation": "a"}),
    );
    let mut ok = base();
    ok["items"][2]["implementer"] = json!({"by": "consigned", "organisation": "a"});
    assert!(findings(&ok).is_empty(), "{:?}", findings(&ok));
}

#[test]
fn schedule_rules() {
    fails(
        "plan.schedule.duplicate_quarter",
        "/items/0/schedule/3/quarter",
        |d| {
            d["items"][0]["schedule"]
                .as_array_mut()
                .unwrap()
                .push(json!({"quarter": "q1", "phases": ["rollout"]}));
        },
    );
    fails("plan.schedule.empty_entry", "/items/1/schedule/0", |d| {
        d["items"][1]["schedule"] = json!([{"quarter": "q2"}])
    });
    fails(
        "plan.schedule.other_empty",
        "/items/1/schedule/0/phases/1",
        |d| {
            d["items"][1]["schedule"] =
                json!([{"quarter": "q2", "phases": [{"other": "評価"}, {"other": " "}]}])
        },
    );
    fails(
        "plan.schedule.phase_regression",
        "/items/0/schedule/2/phases/0",
        |d| d["items"][0]["schedule"][2]["phases"] = json!(["method_study"]),
    );
    // Two quarters later, listed out of order in the document: still found, by quarter order.
    fails(
        "plan.schedule.phase_regression",
        "/items/1/schedule/0/phases/1",
        |d| {
            d["items"][1]["schedule"] = json!([
                {"quarter": "q4", "phases": ["progress_report", "training_planning"]},
                {"quarter": "q2", "phases": ["rollout"]}
            ])
        },
    );
}

#[test]
fn phase_regression_exceptions() {
    // A note gives the reason: no warning.
    let mut doc = base();
    doc["items"][0]["schedule"][2] =
        json!({"quarter": "q3", "phases": ["survey_design"], "note": "第2期の調査のため"});
    assert!(!has_code(&doc, "plan.schedule.phase_regression"));
    // Design and implementation in the same quarter is not going back.
    let mut same = base();
    same["items"][0]["schedule"] =
        json!([{"quarter": "q1", "phases": ["rollout", "method_study"]}]);
    assert!(!has_code(&same, "plan.schedule.phase_regression"));
    // Design first, then implementation, then meetings: fine.
    let mut fine = base();
    fine["items"][0]["schedule"] = json!([
        {"quarter": "q1", "phases": ["course_planning"]},
        {"quarter": "q2", "phases": ["rollout"]},
        {"quarter": "q3", "phases": ["meeting", {"other": "評価"}], "note": "１０月頃"}
    ]);
    assert!(findings(&fine).is_empty(), "{:?}", findings(&fine));
}

#[test]
fn messages_never_echo_input_text() {
    let mut doc = base();
    doc["region"] = json!("");
    doc["organisations"][1]["name"] = json!("山田太郎");
    doc["organisations"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "秘密機関", "name": "山田太郎", "member": false, "sector": "other"}));
    doc["items"][0]["title"] = json!("佐藤花子の取組");
    doc["items"][2]["title"] = json!("佐藤花子の取組");
    doc["items"][1]["lead"] = json!(["秘密機関", "未登録の佐藤"]);
    doc["items"][1]["schedule"] = json!([{"quarter": "q1", "phases": [{"other": "秘密"}]}]);
    let r = run("plan.validate", &doc);
    let text = r["findings"].to_string();
    for secret in ["山田", "佐藤", "秘密"] {
        assert!(!text.contains(secret), "{secret} echoed: {text}");
    }
    assert!(r["findings"].as_array().unwrap().len() >= 4);
}

#[test]
fn every_plan_rule_is_exercised_by_this_file() {
    let src = include_str!("plan.rs");
    for rule in plan::RULES {
        assert!(
            src.contains(&format!("\"{}\"", rule.code)),
            "no test names {}",
            rule.code
        );
        assert!(rule.code.starts_with("plan."));
        assert!(!rule.ja.is_empty() && !rule.en.is_empty());
    }
    let mut codes: Vec<_> = plan::RULES.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), plan::RULES.len(), "codes are unique");
}

#[test]
fn large_plans_stay_fast() {
    // 40 000 items, half of them 再掲 of the first half, each with references: a
    // quadratic check would take minutes here.
    let n = 20_000u32;
    let mut items = Vec::new();
    for no in 1..=n {
        items.push(
            json!({"no": no, "tasks": [1 + no % 6], "title": format!("t{no}"), "lead": ["a", "a"]}),
        );
    }
    for no in 1..=n {
        items.push(json!({"no": n + no, "tasks": [1 + (no + 1) % 6], "title": format!("t{no}"), "repeats": {"no": no}}));
    }
    let mut doc = base();
    doc["items"] = Value::Array(items);
    let start = std::time::Instant::now();
    let r = run("plan.coverage", &doc);
    assert_eq!(r["result"]["initiatives"], n);
    assert_eq!(r["result"]["repeats"], n);
    // The duplicate lead of each initiative is a warning; the plan stays valid.
    assert_eq!(r["warnings"], u64::from(n));
    assert_eq!(r["valid"], true);
    assert!(
        start.elapsed().as_secs() < 120,
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn past_initiative_rules() {
    fails(
        "plan.past_initiative.empty_text",
        "/past_initiatives/1/text",
        |d| d["past_initiatives"] = json!([{"text": "研修会"}, {"text": ""}]),
    );
    fails(
        "plan.past_initiative.task_out_of_range",
        "/past_initiatives/0/task",
        |d| d["past_initiatives"] = json!([{"text": "研修会", "task": 9}]),
    );
    let mut ok = base();
    ok["past_initiatives"] =
        json!([{"text": "研修会", "task": 3, "by": "consignee"}, {"text": "連絡会"}]);
    assert!(findings(&ok).is_empty(), "{:?}", findings(&ok));
}

// ---------------------------------------------------------------- input problems

#[test]
fn unreadable_input_is_a_finding() {
    let r = run(
        "plan.validate",
        &json!({"region": "x", "items": [], "extra": 1}),
    );
    assert_eq!(r["findings"][0]["code"], "input.unknown_field");
    assert_eq!(r["findings"][0]["path"], "/extra");
    assert!(r.get("result").is_none());
    let mut doc = base();
    doc["items"][0]["schedule"][0]["quarter"] = json!("q5");
    assert!(has(
        &doc,
        "input.unknown_value",
        "/items/0/schedule/0/quarter"
    ));
    let mut doc = base();
    doc["items"][0]["schedule"][0]["phases"][0] = json!("検討");
    assert_eq!(findings(&doc)[0].0, "input.unknown_value");
}

// ---------------------------------------------------------------- coverage

#[test]
fn coverage_counts_repeats_once_per_task() {
    let mut doc = with_repeat(json!({"no": 1}), json!([4]));
    // A second 再掲 of item 1 under task 4 again: still one initiative there.
    doc["items"]
        .as_array_mut()
        .unwrap()
        .push(json!({"no": 5, "tasks": [4, 6], "title": "取組一", "repeats": {"no": 1}}));
    let c = &run("plan.coverage", &doc)["result"];
    assert_eq!(c["items"], 5);
    assert_eq!(c["initiatives"], 3);
    assert_eq!(c["repeats"], 2);
    let t4 = &c["per_task"][3];
    assert_eq!(t4["task"], 4);
    assert_eq!(
        t4["items"], 2,
        "item 2 directly, item 1 via 再掲 (twice, counted once)"
    );
    assert_eq!(t4["via_repeat"], 1);
    assert_eq!(t4["item_refs"], json!([{"no": 1}, {"no": 2}]));
    let t6 = &c["per_task"][5];
    assert_eq!(t6["items"], 2);
    assert_eq!(c["per_task"][0]["items"], 1);
    assert_eq!(c["uncovered_tasks"], json!([]));
    // Lead load counts initiatives only.
    assert_eq!(
        c["lead_load"],
        json!([{"organisation": "a", "name": "機関A", "member": true, "items": 3}])
    );
}

#[test]
fn coverage_per_quarter() {
    let c = &run("plan.coverage", &base())["result"];
    let q = &c["per_quarter"];
    assert_eq!(q[0]["quarter"], "q1");
    assert_eq!(q[0]["active_items"], 1);
    assert_eq!(
        q[0]["phases"],
        json!([{"phase": "method_study", "label_ja": "方法検討", "count": 1}])
    );
    assert_eq!(q[1]["phases"][0]["phase"], "rollout");
    assert_eq!(q[1]["phases"][1]["phase"], "progress_report");
    assert_eq!(q[3]["active_items"], 0);
    assert_eq!(q[3]["phases"], json!([]));
}

// ---------------------------------------------------------------- progress

/// The small plan with its progress part.
fn progress_doc(as_of: &str, statuses: Value) -> Value {
    let mut plan = base();
    plan["progress"] = json!({"as_of": as_of, "statuses": statuses});
    plan
}

#[test]
fn progress_totals_and_late_items() {
    let doc = progress_doc(
        "2017-10-15",
        json!([
            {"item": {"no": 1}, "quarter": "q1", "status": "done"},
            {"item": {"no": 1}, "quarter": "q2", "status": "delayed", "note": "担当者不在"}
        ]),
    );
    let r = run("plan.progress", &doc);
    assert_eq!(r["valid"], true, "{r}");
    let p = &r["result"];
    assert_eq!(p["fiscal_year"], 2017);
    assert_eq!(
        p["totals"],
        json!({"scheduled": 3, "done": 1, "delayed": 1, "not_started": 0, "unreported": 1})
    );
    assert_eq!(p["per_quarter"][0]["ended"], true);
    assert_eq!(p["per_quarter"][1]["ended"], true);
    assert_eq!(p["per_quarter"][2]["ended"], false);
    assert_eq!(p["per_quarter"][2]["totals"]["unreported"], 1);
    // Q2 ended on 30 September and is delayed: late. Q3 has not ended.
    assert_eq!(
        p["late"],
        json!([{"item": {"no": 1}, "title": "取組一", "lead": ["機関A"], "path": "/items/0",
                "quarter": "q2", "status": "delayed", "note": "担当者不在", "evidence": 0}])
    );
    assert_eq!(p["per_task"][0]["totals"]["scheduled"], 3);
    assert_eq!(p["per_task"][1]["totals"]["done"], 1);
    assert_eq!(p["per_task"][2]["totals"]["scheduled"], 0);
}

#[test]
fn progress_quarter_end_boundary() {
    // On the last day of Q2 it has not ended yet; the next day it has.
    let on = run("plan.progress", &progress_doc("2017-09-30", json!([])));
    assert_eq!(on["result"]["late"].as_array().unwrap().len(), 1, "only Q1");
    let after = run("plan.progress", &progress_doc("2017-10-01", json!([])));
    let late = after["result"]["late"].as_array().unwrap();
    assert_eq!(late.len(), 2);
    assert!(late[1].get("status").is_none(), "unreported has no status");
}

#[test]
fn progress_rules() {
    let r = run(
        "plan.progress",
        &progress_doc(
            "2018-04-01",
            json!([
                {"item": {"no": 9}, "quarter": "q1", "status": "done"},
                {"item": {"no": 1}, "quarter": "q4", "status": "done"},
                {"item": {"no": 1}, "quarter": "q1", "status": "done"},
                {"item": {"no": 1}, "quarter": "q1", "status": "not_started"}
            ]),
        ),
    );
    let codes: Vec<(String, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["path"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(codes.contains(&(
        "plan.progress.unknown_item".into(),
        "/progress/statuses/0/item".into()
    )));
    assert!(codes.contains(&(
        "plan.progress.unscheduled_quarter".into(),
        "/progress/statuses/1/quarter".into()
    )));
    assert!(codes.contains(&(
        "plan.progress.duplicate_status".into(),
        "/progress/statuses/3".into()
    )));
    assert!(codes.contains(&(
        "plan.progress.as_of_outside_year".into(),
        "/progress/as_of".into()
    )));
    // The first of two statuses counts.
    assert_eq!(r["result"]["per_quarter"][0]["totals"]["done"], 1);
    // Passing: a clean envelope has none of them.
    let ok = run(
        "plan.progress",
        &progress_doc(
            "2017-05-01",
            json!([{"item": {"no": 1}, "quarter": "q1", "status": "not_started"}]),
        ),
    );
    assert!(ok["findings"].as_array().unwrap().is_empty(), "{ok}");
    // Plan findings point into the plan.
    let mut bad = progress_doc("2017-05-01", json!([]));
    bad["items"][1]["tasks"] = json!([8]);
    let r = run("plan.progress", &bad);
    // (Findings are in document order: a finding about the whole plan comes first.)
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "plan.item.task_out_of_range")
        .unwrap();
    assert_eq!(f["path"], "/items/1/tasks/0");
    // No fiscal year: no result.
    let mut nofy = progress_doc("2017-05-01", json!([]));
    nofy.as_object_mut().unwrap().remove("fiscal_year");
    nofy.as_object_mut().unwrap().remove("fiscal_year_label");
    let r = run("plan.progress", &nofy);
    assert!(
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "plan.progress.no_fiscal_year" && f["path"] == "/fiscal_year")
    );
    assert!(r.get("result").is_none());
    assert_eq!(r["valid"], false);
}

// ---------------------------------------------------------------- the real example documents

fn example(name: &str) -> Value {
    let path = format!("{}/../schemas/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn odawara_plan_validates_with_counts_from_the_seed() {
    let doc = example("plan.odawara-fy2017.json");
    assert_eq!(doc["$schema"], "../plan.schema.json");
    let r = run("plan.validate", &doc);
    assert_eq!(r["valid"], true, "{}", r["findings"]);
    assert_eq!(r["errors"], 0);
    assert_eq!(r["warnings"], 0, "{}", r["findings"]);
    // The one info: items 4 and 21 share a title in the seed (different groups and leads).
    assert_eq!(
        findings(&doc),
        vec![(
            "plan.item.duplicate_title".into(),
            "/items/20/title".into(),
            "info".into()
        )]
    );
    let s = &r["result"];
    assert_eq!(s["items"], 23, "seed 001 numbers items 1–23");
    assert_eq!(s["issue_groups"], 6, "(1)…(6)");
    assert_eq!(s["repeats"], 0);
    assert_eq!(s["tasks_covered"], json!([1, 2, 3, 4, 5, 6]));
    // Every item in order, with its issue group by category as in the seed.
    let items = doc["items"].as_array().unwrap();
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item["no"], i + 1);
    }
    let groups: Vec<u64> = items
        .iter()
        .map(|i| i["issue_group"].as_u64().unwrap())
        .collect();
    assert_eq!(
        groups,
        [
            1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6
        ]
    );
    // Parenthesised organisations are not members; proposers are.
    let orgs = doc["organisations"].as_array().unwrap();
    let member = |name: &str| {
        orgs.iter()
            .find(|o| o["name"] == name)
            .unwrap_or_else(|| panic!("{name} declared"))["member"]
            .clone()
    };
    assert_eq!(member("小田原医師会"), true);
    assert_eq!(member("太陽の門"), true);
    assert_eq!(member("県議会・市議会"), false);
    assert_eq!(member("小田原地域の保健・医療・福祉関係機関等"), false);
    assert_eq!(
        member("おだわら障がい者総合相談支援センター（クローバー）"),
        false
    );
    // Membership is marked per mention (items 6, 8, 16 and 20): an organisation written
    // outside parentheses elsewhere is written inside them there.
    let mention = |no: usize, id: &str| {
        let item = &items[no - 1];
        item["membership"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["organisation"] == id && m["list"] == "cooperating")
            .map(|m| m["member"].clone())
    };
    assert_eq!(mention(6, "iryo-kikan"), Some(json!(false)));
    assert_eq!(mention(8, "iryo-kikan"), Some(json!(false)));
    assert_eq!(mention(16, "odawara-shiritsu-byoin"), Some(json!(false)));
    assert_eq!(mention(16, "houmon-kango"), Some(json!(false)));
    assert_eq!(mention(16, "kankei-kikan"), Some(json!(false)));
    assert_eq!(mention(20, "accomo-care"), Some(json!(false)));
    assert_eq!(member("医療機関"), true, "outside parentheses in item 22");
    assert_eq!(mention(22, "iryo-kikan"), None);
    // Every reading the PDF text leaves open is recorded in the notes.
    let notes = doc["notes"].as_str().unwrap();
    for needle in ["項目5・9", "項目17・21", "項目20"] {
        assert!(notes.contains(needle), "{needle}");
    }
    for no in [5, 9, 17, 20, 21] {
        let n = items[no - 1]["notes"].as_str().unwrap();
        assert!(n.contains("二通り"), "item {no}: {n}");
    }
    // Item 19's cooperating cell is "－"; item 4 has none either.
    assert!(items[18].get("cooperating").is_none() && items[3].get("cooperating").is_none());
    // Item 1: meetings around September and January.
    assert_eq!(
        items[0]["schedule"],
        json!([
            {"quarter": "q2", "phases": ["meeting"], "note": "９月頃"},
            {"quarter": "q4", "phases": ["meeting"], "note": "１月頃"}
        ])
    );
}

#[test]
fn odawara_coverage_matches_hand_count() {
    let c = run("plan.coverage", &example("plan.odawara-fy2017.json"))["result"].clone();
    let per_task: Vec<u64> = c["per_task"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["items"].as_u64().unwrap())
        .collect();
    // Task 1: 1,5,13; 2: 7,12,22,23; 3: 8,10,18,19,20,21; 4: 2,3,4,6,14,15,17; 5: 8,9,16; 6: 11,12,16.
    assert_eq!(per_task, [3, 4, 6, 7, 3, 3]);
    assert_eq!(c["uncovered_tasks"], json!([]));
    let active: Vec<u64> = c["per_quarter"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["active_items"].as_u64().unwrap())
        .collect();
    assert_eq!(active, [22, 23, 22, 23]);
    // The quarter of each phase is a reading (the PDF text bunches the schedule words at
    // the end of each page; items 5 and 9 can be read either way round, and 研修企画 can
    // be item 17's or 21's): count each phase over the whole year, which every reading
    // shares. Seed page 1: 方法検討 ×10, 調査内容検討 ×1; page 2: 方法検討 ×6, 講習会企画
    // ×2, 研修企画 ×1, 調査内容検討 ×2; 進捗報告 twice for items 2–23; 会議開催 twice
    // for item 1.
    let mut year: std::collections::BTreeMap<String, u64> = Default::default();
    for q in c["per_quarter"].as_array().unwrap() {
        for ph in q["phases"].as_array().unwrap() {
            *year
                .entry(ph["phase"].as_str().unwrap().to_owned())
                .or_default() += ph["count"].as_u64().unwrap();
        }
    }
    assert_eq!(year["method_study"], 16);
    assert_eq!(year["survey_design"], 3);
    assert_eq!(year["course_planning"], 2);
    assert_eq!(year["training_planning"], 1);
    assert_eq!(year["progress_report"], 44);
    assert_eq!(year["meeting"], 2);
    // 順次実施 ×22 in the seed (11 per page): at least one quarter of rollout for 22 items.
    assert!(year["rollout"] >= 22);
    let load = c["lead_load"].as_array().unwrap();
    assert_eq!(
        load[0],
        json!({"organisation": "taiyo-no-mon", "name": "太陽の門", "member": true, "items": 6})
    );
    assert_eq!(
        load[1],
        json!({"organisation": "yugawara-hoken-center", "name": "湯河原町保健センター", "member": true, "items": 5})
    );
    assert_eq!(
        load[2],
        json!({"organisation": "odawara-ishikai", "name": "小田原医師会", "member": true, "items": 4})
    );
    assert_eq!(load.len(), 17, "17 distinct proposing / lead organisations");
    assert_eq!(c["implementers"]["unspecified"], 23);
}

#[test]
fn kanagawa_table_validates_with_counts_from_the_seed() {
    let doc = example("plan.kanagawa-tasks.json");
    assert_eq!(doc["$schema"], "../plan.schema.json");
    let r = run("plan.validate", &doc);
    assert_eq!(r["valid"], true, "{}", r["findings"]);
    assert!(
        r["findings"].as_array().unwrap().is_empty(),
        "{}",
        r["findings"]
    );
    assert_eq!(r["result"]["items"], 31);
    assert_eq!(r["result"]["repeats"], 2);
    let c = run("plan.coverage", &doc)["result"].clone();
    assert_eq!(c["initiatives"], 29);
    let per_task: Vec<(u64, u64)> = c["per_task"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["items"].as_u64().unwrap(),
                t["via_repeat"].as_u64().unwrap(),
            )
        })
        .collect();
    // ①–③, ①–③, ①–⑧, ①（再掲）–③, ①–⑩, ①（再掲）–④.
    assert_eq!(per_task, [(3, 0), (3, 0), (8, 0), (3, 1), (10, 0), (4, 1)]);
    // 14 ○ in the seed: 4 read as 県実施 (tasks 1–2), 10 as 茅ヶ崎モデル (tasks 3–5).
    assert_eq!(
        c["implementers"],
        json!({"prefecture": 4, "consigned": 25, "unspecified": 0})
    );
    assert_eq!(c["model_area"], 10);
    // The 再掲 links: task 4 ① → task 1 ②, task 6 ① → task 3 ①.
    assert_eq!(
        c["per_task"][3]["item_refs"][0],
        json!({"task": 1, "no": 2})
    );
    assert_eq!(
        c["per_task"][5]["item_refs"][0],
        json!({"task": 3, "no": 1})
    );
}

#[test]
fn examples_round_trip_through_the_model() {
    for name in [
        "plan.odawara-fy2017.json",
        "plan.kanagawa-tasks.json",
        "plan.odawara-fy2017-progress.json",
    ] {
        let doc = example(name);
        let plan: Plan = serde_json::from_value(doc.clone()).unwrap();
        assert_eq!(serde_json::to_value(&plan).unwrap(), doc, "{name}");
    }
}

#[test]
fn odawara_progress_midyear() {
    // On 2017-10-01 Q1 and Q2 have ended; nothing reported: all Q1/Q2 slots are late.
    let mut doc = example("plan.odawara-fy2017.json");
    doc["progress"] = json!({"as_of": "2017-10-01", "statuses": [
        {"item": {"no": 2}, "quarter": "q1", "status": "done"},
        {"item": {"no": 2}, "quarter": "q2", "status": "done"}
    ]});
    let r = run("plan.progress", &doc);
    assert_eq!(r["valid"], true, "{}", r["findings"]);
    let p = &r["result"];
    // Slots: 22 items × 4 quarters + item 1 × 2 = 90.
    assert_eq!(p["totals"]["scheduled"], 90);
    assert_eq!(p["totals"]["done"], 2);
    // Late: Q1 22 + Q2 23 − 2 done = 43.
    assert_eq!(p["late"].as_array().unwrap().len(), 43);
}

#[test]
fn a_plan_without_progress_has_nothing_to_report() {
    let r = run("plan.progress", &example("plan.odawara-fy2017.json"));
    assert_eq!(r["valid"], true);
    let none: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "plan.progress.none")
        .collect();
    assert_eq!(none.len(), 1);
    assert_eq!(none[0]["path"], "");
    assert!(r.get("result").is_none());
}

#[test]
fn progress_indicators_and_evidence_rules() {
    let mut doc = progress_doc("2017-10-15", json!([]));
    doc["progress"]["indicators"] = json!([
        {"item": {"no": 1}, "measure": "参加者数", "unit": "人", "target": 20, "actual": 25},
        {"item": {"no": 7}, "measure": "回数", "target": 2, "actual": 1},
        {"item": {"no": 1}, "measure": "回数", "target": 0, "actual": 0}
    ]);
    doc["progress"]["evidence"] = json!([
        {"kind": "document", "item": {"no": 1}, "quarter": "q2", "title": "記録"},
        {"kind": "other", "item": {"no": 9}, "title": "メモ"}
    ]);
    let r = run("plan.progress", &doc);
    let codes: Vec<(String, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["path"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            (
                "plan.progress.evidence_unknown_item".to_owned(),
                "/progress/evidence/1/item".to_owned()
            ),
            (
                "plan.progress.indicator_over_target".to_owned(),
                "/progress/indicators/0/actual".to_owned()
            ),
            (
                "plan.progress.indicator_unknown_item".to_owned(),
                "/progress/indicators/1/item".to_owned()
            ),
        ]
    );
    let p = &r["result"];
    // 25 of 20 → 125 %; a zero target gives no percentage.
    assert_eq!(p["indicators"][0]["achieved_percent"], 125);
    assert_eq!(p["indicators"][0]["title"], "取組一");
    assert!(p["indicators"][1].get("achieved_percent").is_none());
    assert_eq!(p["indicators"].as_array().unwrap().len(), 2);
    // Q1 and Q2 of item 1 are late; the Q2 one has the document.
    assert_eq!(p["late"][0]["evidence"], 0);
    assert_eq!(p["late"][1]["evidence"], 1);
    assert_eq!(p["evidence"], 2);
}

// ---------------------------------------------------------------- property tests

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zあ-ん０-９・（）]{0,8}",
        "\\PC{0,6}"
    ]
}

fn phase() -> impl Strategy<Value = plan::Phase> {
    use plan::Phase::*;
    prop_oneof![
        Just(MethodStudy),
        Just(SurveyDesign),
        Just(CoursePlanning),
        Just(TrainingPlanning),
        Just(Rollout),
        Just(Meeting),
        Just(ProgressReport),
        text().prop_map(Other),
    ]
}

fn quarter() -> impl Strategy<Value = kyoten_core::calendar::Quarter> {
    use kyoten_core::calendar::Quarter::*;
    prop_oneof![Just(Q1), Just(Q2), Just(Q3), Just(Q4)]
}

fn ids() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-d]", 0..3)
}

fn item() -> impl Strategy<Value = plan::Item> {
    use kyoten_core::tasks::TaskNo;
    (
        (
            0u32..6,
            prop::option::of(text()),
            prop::collection::vec(any::<u8>().prop_map(TaskNo), 0..3),
        ),
        (
            prop::option::of(0u32..4),
            prop::option::of(text()),
            text(),
            prop::collection::vec(text(), 0..2),
        ),
        (ids(), ids(), ids()),
        prop::collection::vec(
            (
                quarter(),
                prop::collection::vec(phase(), 0..3),
                prop::option::of(text()),
            )
                .prop_map(|(quarter, phases, note)| plan::ScheduleEntry {
                    quarter,
                    phases,
                    note,
                }),
            0..4,
        ),
        (
            prop::option::of((any::<bool>(), prop::option::of("[a-d]")).prop_map(
                |(p, organisation)| plan::Implementer {
                    by: if p {
                        plan::ImplementerKind::Prefecture
                    } else {
                        plan::ImplementerKind::Consigned
                    },
                    organisation,
                },
            )),
            any::<bool>(),
            prop::option::of(
                (prop::option::of((0u8..8).prop_map(TaskNo)), 0u32..6)
                    .prop_map(|(task, no)| plan::ItemRef { task, no }),
            ),
            prop::option::of(text()),
            prop::option::of(text()),
        ),
    )
        .prop_map(
            |(
                (no, label, tasks),
                (issue_group, category, title, content),
                (proposing, lead, cooperating),
                schedule,
                (implementer, model_area, repeats, remarks, notes),
            )| plan::Item {
                // One mention written per item (some naming an organisation not in the
                // list, when the lead list is empty and the id is made up).
                membership: lead
                    .first()
                    .cloned()
                    .or_else(|| model_area.then(|| "zz".to_owned()))
                    .map(|organisation| plan::Membership {
                        organisation,
                        list: plan::OrganisationList::Lead,
                        member: model_area,
                        notes: None,
                    })
                    .into_iter()
                    .collect(),
                no,
                label,
                tasks,
                issue_group,
                category,
                title,
                content,
                proposing,
                lead,
                cooperating,
                schedule,
                implementer,
                model_area,
                repeats,
                remarks,
                notes,
            },
        )
}

fn sector() -> impl Strategy<Value = plan::Sector> {
    use plan::Sector::*;
    prop_oneof![
        Just(Administration),
        Just(Medical),
        Just(Welfare),
        Just(Education),
        Just(Family),
        Just(Legislature),
        Just(Mixed),
        Just(Other)
    ]
}

fn past() -> impl Strategy<Value = plan::PastInitiative> {
    use plan::PastBy::*;
    (
        text(),
        prop::option::of(any::<u8>().prop_map(kyoten_core::tasks::TaskNo)),
        prop::option::of(prop_oneof![Just(Prefecture), Just(Consignee), Just(Others)]),
    )
        .prop_map(|(text, task, by)| plan::PastInitiative { text, task, by })
}

fn plan_strategy() -> impl Strategy<Value = Plan> {
    (
        (
            prop::option::of(text()),
            prop::option::of(text()),
            text(),
            prop::option::of(1990i32..2110),
        ),
        (
            prop::option::of(prop_oneof![Just("平成29年度".to_owned()), text()]),
            prop::option::of(prop_oneof![
                Just(plan::PlanStatus::Draft),
                Just(plan::PlanStatus::Adopted)
            ]),
            prop_oneof![Just(plan::Numbering::Plan), Just(plan::Numbering::PerTask)],
        ),
        prop::collection::vec(
            (0u32..4, text()).prop_map(|(no, title)| plan::IssueGroup { no, title }),
            0..3,
        ),
        prop::collection::vec(
            (
                "[a-e]",
                text(),
                any::<bool>(),
                sector(),
                any::<bool>(),
                prop::option::of(text()),
            )
                .prop_map(|(id, name, member, sector, collective, notes)| {
                    plan::Organisation {
                        id,
                        name,
                        member,
                        sector,
                        collective,
                        notes,
                    }
                }),
            0..4,
        ),
        prop::collection::vec(item(), 0..6),
        (
            prop::option::of(text()),
            prop::collection::vec(past(), 0..3),
        ),
    )
        .prop_map(
            |(
                (schema, title, region, fiscal_year),
                (fiscal_year_label, status, numbering),
                issue_groups,
                organisations,
                items,
                (notes, past_initiatives),
            )| Plan {
                schema,
                version: None,
                title,
                region,
                fiscal_year,
                fiscal_year_label,
                status,
                numbering,
                issue_groups,
                organisations,
                items,
                past_initiatives,
                notes,
                progress: None,
            },
        )
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let keys = prop_oneof![
        Just("region".to_owned()),
        Just("items".to_owned()),
        Just("tasks".to_owned()),
        Just("no".to_owned()),
        Just("title".to_owned()),
        Just("lead".to_owned()),
        Just("schedule".to_owned()),
        Just("quarter".to_owned()),
        Just("phases".to_owned()),
        Just("repeats".to_owned()),
        Just("organisations".to_owned()),
        Just("fiscal_year".to_owned()),
        "\\PC{0,4}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(json!("q1")),
        Just(json!("rollout")),
        "\\PC{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_plans_survive_serialise_then_parse(p in plan_strategy()) {
        let text = serde_json::to_string(&p).unwrap();
        let back: Plan = kyoten_core::input::read(text.as_bytes(), &Default::default())
            .map_err(|u| u.findings)
            .unwrap();
        prop_assert_eq!(back, p);
    }

    #[test]
    fn generated_plans_give_a_report_on_every_operation(p in plan_strategy()) {
        let text = serde_json::to_string(&p).unwrap();
        for op in ["plan.validate", "plan.coverage"] {
            let out = ops::run(op, text.as_bytes()).unwrap();
            let v: Value = serde_json::from_str(&out.json).unwrap();
            prop_assert_eq!(v["valid"].as_bool().unwrap(), out.valid);
            prop_assert!(v.get("result").is_some());
        }
        let env = json!({"as_of": "2017-12-01", "plan": p, "statuses": [
            {"item": {"no": 1}, "quarter": "q1", "status": "done"}
        ]});
        let out = ops::run("plan.progress_upgrade", env.to_string().as_bytes()).unwrap();
        let upgraded: Value = serde_json::from_str(&out.json).unwrap();
        let out = ops::run("plan.progress", upgraded["result"].to_string().as_bytes()).unwrap();
        let _: Value = serde_json::from_str(&out.json).unwrap();
    }

    #[test]
    fn validation_never_panics_on_arbitrary_json(v in arbitrary_json()) {
        let bytes = v.to_string();
        for op in ["plan.validate", "plan.coverage", "plan.progress", "plan.progress_upgrade"] {
            let out = ops::run(op, bytes.as_bytes()).unwrap();
            let report: Value = serde_json::from_str(&out.json).unwrap();
            prop_assert_eq!(report["valid"].as_bool().unwrap(), out.valid);
        }
        let wrapped = json!({"as_of": "2017-04-01", "plan": v});
        let _ = ops::run("plan.progress_upgrade", wrapped.to_string().as_bytes()).unwrap();
    }
}

#[test]
fn progress_example_documents() {
    // The older request upgrades to the plan with its progress part.
    let old = example("progress-request.odawara-fy2017.json");
    assert_eq!(old["$schema"], "../progress-request.schema.json");
    let r = run("plan.progress_upgrade", &old);
    assert_eq!(r["valid"], true, "{}", r["findings"]);
    let mut plan = example("plan.odawara-fy2017.json");
    plan.as_object_mut().unwrap().remove("$schema");
    let mut upgraded = r["result"].clone();
    let progress = upgraded
        .as_object_mut()
        .unwrap()
        .remove("progress")
        .unwrap();
    assert_eq!(upgraded, plan);
    assert_eq!(progress["as_of"], "2017-10-16");
    assert_eq!(progress["statuses"], old["statuses"]);

    // The plan kept with its progress.
    let doc = example("plan.odawara-fy2017-progress.json");
    let r = run("plan.progress", &doc);
    assert_eq!(r["errors"], 0, "{}", r["findings"]);
    assert_eq!(r["warnings"], 0, "{}", r["findings"]);
    let p = &r["result"];
    // Reported: Q1 22 (19 done, items 5 and 22 delayed, item 13 not started);
    // Q2 8 (items 1, 2, 3, 7, 12, 17, 19 done, item 10 delayed). 90 slots in all.
    assert_eq!(
        p["totals"],
        json!({"scheduled": 90, "done": 26, "delayed": 3, "not_started": 1, "unreported": 60})
    );
    // On 2017-10-16 Q1 and Q2 have ended: late = 3 in Q1 + (23 − 7) in Q2.
    let late = p["late"].as_array().unwrap();
    assert_eq!(late.len(), 19);
    // Items 1–3 are done in Q2; item 4 is the first late one (nothing reported).
    assert_eq!(
        late[0],
        json!({"item": {"no": 4}, "title": "事例検討や事例集を持ち寄る検討会の実施",
               "lead": ["こども医療センター"], "path": "/items/3", "quarter": "q2", "evidence": 0})
    );
    assert_eq!(
        late[1],
        json!({"item": {"no": 5}, "title": "受入体制整備に係る基準ルールづくり",
               "lead": ["湯河原町保健センター"], "path": "/items/4", "quarter": "q1",
               "status": "delayed", "reason": "scheduling", "reason_ja": "日程調整中",
               "note": "日程調整中", "evidence": 0})
    );
    let item10 = late.iter().find(|l| l["item"]["no"] == 10).unwrap();
    assert_eq!(item10["lead"], json!(["小田原市障がい福祉課"]));
    assert_eq!(item10["reason_ja"], "関係機関との調整中");
    assert_eq!(
        item10["evidence"], 1,
        "a report for no quarter counts in each"
    );
    assert_eq!(p["per_quarter"][2]["ended"], false);
    // Task ③ in the grid: items 8, 10, 18, 19, 20, 21. Q1 all done; Q2 19 done, 10 delayed.
    let t3 = &p["per_task"][2];
    assert_eq!(t3["task"], 3);
    assert_eq!(
        t3["quarters"][0],
        json!({"scheduled": 6, "done": 6, "delayed": 0, "not_started": 0, "unreported": 0})
    );
    assert_eq!(
        t3["quarters"][1],
        json!({"scheduled": 6, "done": 1, "delayed": 1, "not_started": 0, "unreported": 4})
    );
    // Indicators: 42 of 60 → 70 %, 1 of 2 → 50 %, no actual yet, 2 of 4 → 50 %.
    let pct: Vec<Value> = p["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.get("achieved_percent").cloned().unwrap_or(Value::Null))
        .collect();
    assert_eq!(pct, [json!(70), json!(50), Value::Null, json!(50)]);
    assert_eq!(p["evidence"], 3);
}

// ---------------------------------------------------------------- messages with their numbers

/// The Japanese and English messages of the first finding of `code` in `op`'s report.
fn messages(op: &str, doc: &Value, code: &str) -> (String, String) {
    let r = run(op, doc);
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("{code} expected in {r}"))
        .clone();
    (
        f["message_ja"].as_str().unwrap().to_owned(),
        f["message_en"].as_str().unwrap().to_owned(),
    )
}

fn plan_messages(code: &str, mutate: impl FnOnce(&mut Value)) -> (String, String) {
    let mut doc = base();
    mutate(&mut doc);
    messages("plan.validate", &doc, code)
}

/// The findings that carry numbers (issue 13, findings as data) read with them, in both
/// languages; the expected texts are written by hand from the templates.
#[test]
fn messages_carry_their_numbers() {
    let m = |ja: &str, en: &str| (ja.to_owned(), en.to_owned());
    assert_eq!(
        plan_messages("plan.fiscal_year.implausible", |d| d["fiscal_year"] =
            json!(29)),
        m(
            "29 年度はありえない年度です（2000〜2099 年度）",
            "Fiscal year 29 is implausible (expected 2000–2099)"
        )
    );
    assert_eq!(
        plan_messages(
            "plan.fiscal_year_label.mismatch",
            |d| d["fiscal_year_label"] = json!("平成30年度")
        ),
        m(
            "年度の表記（2018 年度）が年度の値（2017 年度）と一致しません",
            "The fiscal year as written (FY2018) does not match the fiscal year (FY2017)"
        )
    );
    assert_eq!(
        plan_messages("plan.issue_group.duplicate_number", |d| {
            d["issue_groups"]
                .as_array_mut()
                .unwrap()
                .push(json!({"no": 1, "title": "課題二"}));
        }),
        m(
            "課題番号 1 が重複しています",
            "Duplicate issue group number 1"
        )
    );
    assert_eq!(
        plan_messages(
            "plan.item.unknown_issue_group",
            |d| d["items"][0]["issue_group"] = json!(9)
        ),
        m(
            "課題番号 9 は計画に登録されていません",
            "Refers to issue group 9, which the plan does not declare"
        )
    );
    assert_eq!(
        plan_messages("plan.item.task_out_of_range", |d| d["items"][1]["tasks"] =
            json!([3, 7])),
        m(
            "タスク7はありません（タスク番号は 1〜6 です）",
            "There is no task 7 (task numbers are 1–6)"
        )
    );
    assert_eq!(
        plan_messages(
            "plan.past_initiative.task_out_of_range",
            |d| d["past_initiatives"] = json!([{"text": "研修会", "task": 9}])
        ),
        m(
            "タスク9はありません（タスク番号は 1〜6 です）",
            "There is no task 9 (task numbers are 1–6)"
        )
    );
    assert_eq!(
        plan_messages("plan.task.uncovered", |d| d["items"][2]["tasks"] =
            json!([5])),
        m("どの取組もタスク6を扱っていません", "No item serves task 6")
    );
    assert_eq!(
        plan_messages(
            "plan.item.membership_not_mentioned",
            |d| d["items"][0]["membership"] =
                json!([{"organisation": "b", "list": "lead", "member": true}])
        ),
        m(
            "会議委員所属の記載が、この取組の「主たる機関」の欄にない機関を指しています",
            "The membership entry names an organisation that is not in the item's lead list"
        )
    );
    // 取組 N is the item's place in the plan (the third item repeats the first's number).
    assert_eq!(
        plan_messages("plan.item.duplicate_number", |d| d["items"][2]["no"] =
            json!(1)),
        m(
            "取組番号が重複しています（取組 1 と同じ）",
            "Duplicate item number (same as item 1)"
        )
    );
    assert_eq!(
        plan_messages("plan.item.duplicate_title", |d| d["items"][2]["title"] =
            json!("取組二")),
        m(
            "取組 2 と同じ項目名です（同じ取組なら再掲として参照してください）",
            "Same title as item 2 (if it is the same initiative, mark it as 再掲)"
        )
    );
    assert_eq!(
        plan_messages("plan.items.numbering_gap", |d| d["items"][2]["no"] =
            json!(4)),
        m(
            "取組番号に欠番があります（3 番が欠番）",
            "Item numbers have a gap (3 missing)"
        )
    );
    assert_eq!(
        plan_messages("plan.items.numbering_gap", |d| d["items"][2]["no"] =
            json!(6)),
        m(
            "取組番号に欠番があります（3〜5 番が欠番）",
            "Item numbers have a gap (3 to 5 missing)"
        )
    );
    assert_eq!(
        plan_messages("plan.items.numbering_gap", |d| {
            d["numbering"] = json!("per_task");
            d["items"][1]["no"] = json!(3);
        }),
        m(
            "取組番号に欠番があります（タスク3の 1〜2 番が欠番）",
            "Item numbers have a gap (task 3: 1 to 2 missing)"
        )
    );
    assert_eq!(
        plan_messages(
            "plan.schedule.phase_regression",
            |d| d["items"][0]["schedule"][2]["phases"] = json!(["method_study"])
        ),
        m(
            "第2四半期に実施の後、第3四半期で検討・企画に戻っています（理由を補足に書いてください）",
            "Goes back from implementation in Q2 to design in Q3 (give the reason in the note)"
        )
    );
    // 再掲 references.
    let unknown = with_repeat(json!({"no": 9}), json!([4]));
    assert_eq!(
        messages("plan.validate", &unknown, "plan.item.repeat_unknown"),
        m(
            "再掲の参照先の取組（取組番号 9）がありません",
            "The item this 再掲 repeats (number 9) does not exist"
        )
    );
    let mut pt = with_repeat(json!({"task": 2, "no": 1}), json!([4]));
    pt["numbering"] = json!("per_task");
    assert_eq!(
        messages("plan.validate", &pt, "plan.item.repeat_unknown"),
        m(
            "再掲の参照先の取組（タスク2の取組番号 1）がありません",
            "The item this 再掲 repeats (task 2, number 1) does not exist"
        )
    );
    let mut chain = with_repeat(json!({"no": 1}), json!([4]));
    chain["items"]
        .as_array_mut()
        .unwrap()
        .push(json!({"no": 5, "tasks": [6], "title": "取組一", "repeats": {"no": 4}}));
    assert_eq!(
        messages("plan.validate", &chain, "plan.item.repeat_of_repeat"),
        m(
            "再掲の参照先（取組 4）がそれ自体再掲です（元の取組を参照してください）",
            "The 再掲 target (item 4) is itself a 再掲 (refer to the original item)"
        )
    );
    // Progress.
    let doc = progress_doc(
        "2018-04-01",
        json!([{"item": {"no": 9}, "quarter": "q1", "status": "done"}]),
    );
    assert_eq!(
        messages("plan.progress", &doc, "plan.progress.unknown_item"),
        m(
            "計画にない取組（取組番号 9）の状況です",
            "Status for an item the plan does not have (number 9)"
        )
    );
    assert_eq!(
        messages("plan.progress", &doc, "plan.progress.as_of_outside_year"),
        m(
            "基準日が 2018 年度で、計画の年度（2017 年度）の外です",
            "The reference date is in FY2018, outside the plan's fiscal year (FY2017)"
        )
    );
}

/// One validation per input type (issue 13): every operation on a plan (`plan.validate`,
/// `plan.coverage`, `plan.progress`) carries the same plan findings, run once by
/// `execute`; `plan.progress` adds only its own (`plan.progress.*`). Over every plan
/// example, failing and invalid example.
#[test]
fn every_plan_operation_carries_the_same_plan_findings() {
    let mut checked = 0;
    for path in reports::example_paths("plan.") {
        let bytes = std::fs::read(&path).unwrap();
        let validate = reports::shared_findings("plan.validate", &bytes, "plan.progress.");
        for op in ["plan.coverage", "plan.progress"] {
            let other = reports::shared_findings(op, &bytes, "plan.progress.");
            assert_eq!(other, validate, "{}: {op}", path.display());
        }
        checked += 1;
    }
    // 3 examples, 4 invalid ones.
    assert!(checked >= 7, "only {checked} plan documents");
}
