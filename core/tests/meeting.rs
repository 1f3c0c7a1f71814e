//! Integration tests of the meeting records (issue 17): the Atsugi minutes against the
//! seed, every rule passing and failing, the views, and the progress link.

#[path = "common/reports.rs"]
mod reports;
use serde_json::{Value, json};

const ATSUGI: &str = include_str!("../../schemas/examples/meeting.atsugi-2016-12-19.json");
const ODAWARA: &str =
    include_str!("../../schemas/examples/meeting.odawara-2017-09-constructed.json");
const CARE: &str = include_str!("../../schemas/examples/meeting.care-conference-constructed.json");
const PROGRESS: &str =
    include_str!("../../schemas/examples/meeting-progress-request.odawara-fy2017.json");
const PLAN: &str = include_str!("../../schemas/examples/plan.odawara-fy2017.json");

fn run(op: &str, doc: &Value) -> Value {
    let out = kyoten_core::ops::run(op, doc.to_string().as_bytes()).expect("operation in table");
    let v: Value = serde_json::from_str(&out.json).expect("report is JSON");
    assert_eq!(v["valid"].as_bool(), Some(out.valid));
    v
}

fn parse(s: &str) -> Value {
    serde_json::from_str(s).expect("example is JSON")
}

/// (code, path) of every finding, leaving out the held plan's own findings (under `/plan`:
/// the Odawara example has one informational `plan.item.duplicate_title`).
fn findings(op: &str, doc: &Value) -> Vec<(String, String)> {
    run(op, doc)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| !f["path"].as_str().unwrap_or("").starts_with("/plan/"))
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_owned(),
                f["path"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn has(op: &str, doc: &Value, code: &str, path: &str) -> bool {
    findings(op, doc)
        .iter()
        .any(|(c, p)| c == code && p == path)
}

fn codes(op: &str, doc: &Value) -> Vec<String> {
    findings(op, doc).into_iter().map(|(c, _)| c).collect()
}

/// The rule fires on the mutated document at `path`, and not on the base.
fn fails(base: &Value, code: &str, path: &str, mutate: impl FnOnce(&mut Value)) {
    assert!(
        !codes("meeting.validate", base).contains(&code.to_owned()),
        "{code} on the base document"
    );
    let mut doc = base.clone();
    mutate(&mut doc);
    let f = findings("meeting.validate", &doc);
    assert!(
        f.iter().any(|(c, p)| c == code && p == path),
        "{code} at {path} expected, got {f:?}"
    );
}

#[test]
fn atsugi_minutes_validate_and_match_the_seed() {
    let doc = parse(ATSUGI);
    let v = run("meeting.validate", &doc);
    assert_eq!(v["valid"], true, "{v}");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(0), "{v}");
    let r = &v["result"];
    // Counted by hand from the seed's 主な意見.
    assert_eq!(r["statements"], 33);
    let per_item: Vec<(u64, u64)> = r["per_item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["item"]["no"].as_u64().unwrap(),
                i["statements"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        per_item,
        vec![
            (1, 8),
            (3, 2),
            (9, 4),
            (11, 2),
            (14, 1),
            (16, 3),
            (17, 9),
            (18, 1),
            (19, 1),
            (20, 1),
            (21, 1)
        ]
    );
    let orgs = r["per_organisation"].as_array().unwrap();
    assert_eq!(orgs.len(), 15);
    // Order of first statement, and a few counts: 厚木医師会 (№1, №17), 座間養護ＰＴＡ (№3, №17),
    // 総合療育 (№18 only).
    assert_eq!(orgs[0]["organisation"], "atsugi-ishikai");
    assert_eq!(orgs[0]["statements"], 2);
    let count = |id: &str| {
        orgs.iter()
            .find(|o| o["organisation"] == id)
            .map(|o| o["statements"].as_u64().unwrap())
    };
    assert_eq!(count("zama-yogo-pta"), Some(2));
    assert_eq!(count("sogo-ryoiku"), Some(1));
    assert_eq!(count("atsugi-hwc"), Some(3));
    assert_eq!(count("futaba-life"), Some(3));
    assert_eq!(r["attendees_listed"], false);
    assert_eq!(r["decisions"], 0);
    assert_eq!(r["carried_over"], 2);
    assert_eq!(r["next_month"], "2017-09");
    assert_eq!(r["date_wareki"], "平成28年12月19日");
    assert_eq!(r["quarter"], "q3");
    assert_eq!(r["fiscal_year"], 2016);
    // The record as transcribed: seed wording kept.
    assert_eq!(doc["date_text"], "平成 28年 12月 19日（月）");
    assert_eq!(doc["next_meeting"]["text"], "平成 29年９月頃");
    assert!(doc.get("attendees").is_none());
    assert_eq!(doc["agenda"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        doc["statements"][0]["text"]
            .as_str()
            .map(|t| t.starts_with("地域包括ケアシステムに小児も入れていきたい。")),
        Some(true)
    );
    assert_eq!(doc["statements"][32]["organisation"], "sogo-ryoiku");
    assert_eq!(
        doc["statements"][14]["item_label"],
        "小児科及び内科医向け研修会"
    );
    assert_eq!(
        doc["carried_over"][0]["text"],
        "※コーディネートについては、引き続きの検討課題としたが、各自でできることから取り組むこととした。"
    );
    assert_eq!(doc["place"], "神奈川県厚木合同庁舎");
}

#[test]
fn child_ids() {
    // The care conference's child id follows the summary's child-id rule
    // (`ChildId::is_well_formed`): the example's id is one of a summary example's.
    let base = parse(CARE);
    assert_eq!(
        base["care_conference"]["child_id"],
        "kyoten:atsugi:2025-0041"
    );
    let ok = |id: &str| {
        let mut doc = base.clone();
        doc["care_conference"]["child_id"] = json!(id);
        !has(
            "meeting.validate",
            &doc,
            "meeting.care_conference.invalid_child_id",
            "/care_conference/child_id",
        )
    };
    assert!(ok("kyoten:odawara:2024-0017"));
    assert!(ok("c1"));
    assert!(ok(&"a".repeat(64)));
    assert!(!ok(&"a".repeat(65)));
    assert!(!ok(""));
    assert!(!ok("-c1"));
    assert!(!ok("佐藤"));
    assert!(!ok("sato hinata"));
}

#[test]
fn atsugi_numbers_stay_unresolved_beside_odawaras_plan() {
    let mut plan = parse(PLAN);
    plan.as_object_mut().unwrap().remove("$schema");
    let mut atsugi = parse(ATSUGI);
    atsugi.as_object_mut().unwrap().remove("$schema");
    let doc =
        json!({"as_of": "2016-12-20", "fiscal_year": 2016, "plan": plan, "meetings": [atsugi]});
    let f = findings("meetings.by_item", &doc);
    // Only the note that the numbers belong to another plan; no unknown-item errors.
    assert_eq!(
        f,
        vec![(
            "meetings.plan.other_plan".to_owned(),
            "/meetings/0/plan".to_owned()
        )]
    );
    let v = run("meetings.by_item", &doc);
    let items = v["result"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 11);
    assert!(items.iter().all(|i| i["resolved"] == false));
    assert!(items.iter().all(|i| i["plan_region"] == "厚木地域"));
    let no17 = items.iter().find(|i| i["item"]["no"] == 17).unwrap();
    assert_eq!(no17["meetings"][0]["statements"], 9);
    // №17: こども医療 (twice), 座間養護ＰＴＡ, リハセンター, 座間養護, 厚木市立病院, 厚木医師会,
    // 厚木児相, 厚木ＨＷＣ: 9 statements by 8 organisations.
    assert_eq!(
        no17["meetings"][0]["speakers"].as_array().map(Vec::len),
        Some(8)
    );
    assert_eq!(no17["meetings"][0]["speakers"][0], "kodomo-iryo");
    assert_eq!(no17["meetings"][0]["date"], "2016-12-19");
    let no9 = items.iter().find(|i| i["item"]["no"] == 9).unwrap();
    assert_eq!(no9["meetings"][0]["carried_over"], 2);
    let orgs = v["result"]["organisations"].as_array().unwrap();
    assert_eq!(orgs.len(), 15);
    assert!(orgs.iter().all(|o| o["meetings_with_attendee_list"] == 0));
    assert_eq!(v["result"]["meetings"], 1);
}

#[test]
fn odawara_september_meeting_holds_item_1s_meeting_phase() {
    let doc = parse(PROGRESS);
    let v = run("meetings.progress", &doc);
    assert_eq!(v["valid"], true, "{}", v["findings"]);
    let ev = v["result"]["evidence"].as_array().unwrap();
    let item1 = ev.iter().find(|e| e["item"]["no"] == 1).unwrap();
    assert_eq!(
        item1["meeting_phases"],
        json!([{"quarter": "q2", "held_on": ["2017-09-20"]}, {"quarter": "q4", "held_on": []}])
    );
    assert_eq!(item1["discussed_on"], json!(["2017-09-20"]));
    assert_eq!(item1["decisions"].as_array().map(Vec::len), Some(1));
    // Item 1's Q2 status is not in the plan's progress part: the meeting makes it done, so
    // it is not late on 2017-10-16 (Q2 ended). Without the meeting it would be late and
    // unreported.
    assert_eq!(
        v["result"]["done_by_meetings"],
        json!([{"item": {"no": 1}, "quarter": "q2", "held_on": "2017-09-20"}])
    );
    let late = v["result"]["progress"]["late"].as_array().unwrap();
    assert!(
        !late
            .iter()
            .any(|l| l["item"]["no"] == 1 && l["quarter"] == "q2")
    );
    // The plan's 29 statuses: 25 done, 3 delayed, 1 not started, over 90 scheduled
    // item-quarters; the meeting adds one done. Two pieces of evidence (会議録): item 1 and
    // item 2, both discussed on 2017-09-20.
    assert_eq!(
        v["result"]["progress"]["totals"],
        json!({"scheduled": 90, "done": 26, "delayed": 3, "not_started": 1, "unreported": 60})
    );
    assert_eq!(v["result"]["progress"]["evidence"], 2);
    let mut without = doc.clone();
    without["meetings"] = json!([]);
    let w = run("meetings.progress", &without);
    let late = w["result"]["progress"]["late"].as_array().unwrap();
    assert!(
        late.iter()
            .any(|l| l["item"]["no"] == 1 && l["quarter"] == "q2")
    );
    assert_eq!(
        w["result"]["progress"]["totals"],
        json!({"scheduled": 90, "done": 25, "delayed": 3, "not_started": 1, "unreported": 61})
    );
    assert_eq!(w["result"]["progress"]["evidence"], 0);
    assert_eq!(w["result"]["done_by_meetings"], json!([]));
    // Without meetings, meetings.progress is plan.progress of the same plan (the plan sits
    // at /plan instead of the root).
    let p = run("plan.progress", &doc["plan"]);
    assert_eq!(
        w["result"]["progress"]
            .to_string()
            .replace("\"/plan/items/", "\"/items/"),
        p["result"].to_string()
    );
    // A reported status wins over the meeting: item 1 Q2 reported delayed stays late, now
    // with the meeting's minutes as its evidence.
    let mut reported = doc.clone();
    reported["plan"]["progress"]["statuses"]
        .as_array_mut()
        .unwrap()
        .push(json!({"item": {"no": 1}, "quarter": "q2", "status": "delayed", "reason": "scheduling"}));
    let r = run("meetings.progress", &reported);
    assert_eq!(r["result"]["done_by_meetings"], json!([]));
    let late = r["result"]["progress"]["late"].as_array().unwrap();
    let l1 = late
        .iter()
        .find(|l| l["item"]["no"] == 1 && l["quarter"] == "q2")
        .expect("item 1 Q2 late");
    assert_eq!(l1["status"], "delayed");
    assert_eq!(l1["evidence"], 1);
    // A meeting of another region's plan is no evidence.
    let mut other = doc.clone();
    other["meetings"][0]["plan"]["region"] = json!("厚木地域");
    let o = run("meetings.progress", &other);
    let late = o["result"]["progress"]["late"].as_array().unwrap();
    assert!(
        late.iter()
            .any(|l| l["item"]["no"] == 1 && l["quarter"] == "q2")
    );
    assert_eq!(o["result"]["progress"]["evidence"], 0);
    // A meeting after the progress date is not held yet.
    let mut future = doc.clone();
    future["plan"]["progress"]["as_of"] = json!("2017-09-19");
    let fut = run("meetings.progress", &future);
    let ev = fut["result"]["evidence"].as_array().unwrap();
    let item1 = ev.iter().find(|e| e["item"]["no"] == 1).unwrap();
    assert_eq!(item1["meeting_phases"][0]["held_on"], json!([]));
    assert_eq!(fut["result"]["done_by_meetings"], json!([]));
    assert!(findings("meetings.progress", &future).contains(&(
        "meetings.date.after_as_of".into(),
        "/meetings/0/date".into()
    )));
    // A plan without a progress part: nothing to report.
    let mut bare = doc.clone();
    bare["plan"].as_object_mut().unwrap().remove("progress");
    let b = run("meetings.progress", &bare);
    assert!(b["result"].is_null(), "{b}");
    assert!(
        b["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "plan.progress.none" && f["path"] == "/plan")
    );
}

/// The Atsugi minutes (厚木地域, 2016-12-19) beside the Odawara plan: another region's plan,
/// so no evidence, nothing done by them, and progress as without meetings.
#[test]
fn atsugi_minutes_are_no_evidence_for_odawaras_plan() {
    let mut doc = parse(PROGRESS);
    let mut atsugi = parse(ATSUGI);
    atsugi.as_object_mut().unwrap().remove("$schema");
    atsugi.as_object_mut().unwrap().remove("version");
    doc["meetings"] = json!([atsugi]);
    let v = run("meetings.progress", &doc);
    assert_eq!(v["result"]["done_by_meetings"], json!([]));
    assert_eq!(v["result"]["progress"]["evidence"], 0);
    assert_eq!(v["result"]["progress"]["totals"]["done"], 25);
    assert!(
        findings("meetings.progress", &doc)
            .contains(&("meetings.plan.other_plan".into(), "/meetings/0/plan".into())),
        "{}",
        v["findings"]
    );
}

#[test]
fn odawara_meeting_checked_against_its_plan() {
    let mut plan = parse(PLAN);
    plan.as_object_mut().unwrap().remove("$schema");
    let mut m = parse(ODAWARA);
    m.as_object_mut().unwrap().remove("$schema");
    let doc = json!({"as_of": "2017-10-16", "plan": plan, "meetings": [m]});
    assert_eq!(findings("meetings.by_item", &doc), vec![]);
    let v = run("meetings.by_item", &doc);
    let items = v["result"]["items"].as_array().unwrap();
    assert!(items.iter().all(|i| i["resolved"] == true));
    let item1 = items.iter().find(|i| i["item"]["no"] == 1).unwrap();
    assert_eq!(item1["meetings"][0]["statements"], 2);
    assert_eq!(
        item1["meetings"][0]["speakers"],
        json!(["odawara-hokenfukushi", "odawara-ishikai"])
    );
    assert_eq!(
        item1["meetings"][0]["decisions"].as_array().map(Vec::len),
        Some(1)
    );
    let orgs = v["result"]["organisations"].as_array().unwrap();
    let yogo = orgs
        .iter()
        .find(|o| o["organisation"] == "odawara-yogo")
        .unwrap();
    assert_eq!(yogo["attended"], 1);
    assert_eq!(yogo["meetings_with_attendee_list"], 1);
    assert_eq!(yogo["statements"], 1);
    // An item the plan does not have (Odawara's plan has 23 items).
    let mut bad = doc.clone();
    bad["meetings"][0]["statements"][1]["items"][0]["no"] = json!(24);
    assert!(has(
        "meetings.by_item",
        &bad,
        "meetings.plan.unknown_item",
        "/meetings/0/statements/1/items/0"
    ));
    bad["meetings"][0]["decisions"][0]["items"][0]["no"] = json!(99);
    assert!(has(
        "meetings.by_item",
        &bad,
        "meetings.plan.unknown_item",
        "/meetings/0/decisions/0/items/0"
    ));
    // An organisation the plan does not have.
    let mut bad = doc.clone();
    bad["meetings"][0]["organisations"][2]["id"] = json!("atsugi-ishikai");
    bad["meetings"][0]["attendees"][2]["organisation"] = json!("atsugi-ishikai");
    bad["meetings"][0]["statements"][1]["organisation"] = json!("atsugi-ishikai");
    assert!(has(
        "meetings.by_item",
        &bad,
        "meetings.plan.unknown_organisation",
        "/meetings/0/organisations/2/id"
    ));
    // The held plan is checked too (its findings under /plan).
    let mut bad_plan = doc.clone();
    bad_plan["plan"]["items"][0]["tasks"][0] = json!(0);
    let v = run("meetings.by_item", &bad_plan);
    assert_eq!(v["valid"], false);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == "/plan/items/0/tasks/0" && f["severity"] == "error")
    );
    // A meeting after as_of.
    let mut late = doc.clone();
    late["as_of"] = json!("2017-09-01");
    assert!(has(
        "meetings.by_item",
        &late,
        "meetings.date.after_as_of",
        "/meetings/0/date"
    ));
}

#[test]
fn date_and_time_rules() {
    let base = parse(ATSUGI);
    fails(&base, "meeting.date_text.mismatch", "/date_text", |d| {
        d["date"] = json!("2016-12-20")
    });
    fails(
        &base,
        "calendar.wareki.weekday_mismatch",
        "/date_text",
        |d| d["date_text"] = json!("平成 28年 12月 19日（火）"),
    );
    fails(&base, "calendar.wareki.outside_era", "/date_text", |d| {
        d["date_text"] = json!("平成三十一年五月一日")
    });
    fails(&base, "meeting.time.invalid", "/start_time", |d| {
        d["start_time"] = json!("19：00")
    });
    fails(&base, "meeting.time.invalid", "/end_time", |d| {
        d["end_time"] = json!("24:00")
    });
    fails(&base, "meeting.time.end_before_start", "/end_time", |d| {
        d["end_time"] = json!("18:59")
    });
    fails(&base, "meeting.time_text.mismatch", "/time_text", |d| {
        d["start_time"] = json!("18:00")
    });
    fails(&base, "meeting.time_text.mismatch", "/time_text", |d| {
        d["time_text"] = json!("夜")
    });
    use kyoten_core::meeting::rules::parse_time_text;
    assert_eq!(parse_time_text("19：00～21：00"), Some((1140, Some(1260))));
    assert_eq!(parse_time_text("9:30-11:00"), Some((570, Some(660))));
    assert_eq!(parse_time_text("19時00分～21時"), Some((1140, Some(1260))));
    assert_eq!(parse_time_text("14:00"), Some((840, None)));
    assert_eq!(parse_time_text("25:00"), None);
    assert_eq!(kyoten_core::meeting::rules::parse_time("00:00"), Some(0));
    assert_eq!(kyoten_core::meeting::rules::parse_time("23:59"), Some(1439));
    assert_eq!(kyoten_core::meeting::rules::parse_time("9:00"), None);
}

#[test]
fn next_meeting_rules() {
    let base = parse(ATSUGI);
    fails(
        &base,
        "meeting.next_meeting.before_this_one",
        "/next_meeting/month",
        |d| d["next_meeting"] = json!({"month": "2016-11"}),
    );
    fails(
        &base,
        "meeting.next_meeting.before_this_one",
        "/next_meeting/date",
        |d| d["next_meeting"] = json!({"date": "2016-12-18"}),
    );
    // The same month as this meeting is not "before".
    let mut same = base.clone();
    same["next_meeting"] = json!({"month": "2016-12"});
    assert!(
        !codes("meeting.validate", &same)
            .contains(&"meeting.next_meeting.before_this_one".to_owned())
    );
    fails(
        &base,
        "meeting.next_meeting.text_mismatch",
        "/next_meeting/text",
        |d| d["next_meeting"]["month"] = json!("2017-10"),
    );
    fails(
        &base,
        "meeting.next_meeting.date_and_month",
        "/next_meeting",
        |d| d["next_meeting"]["date"] = json!("2017-09-11"),
    );
    fails(
        &base,
        "meeting.next_meeting.undated",
        "/next_meeting",
        |d| d["next_meeting"] = json!({"text": "未定"}),
    );
}

#[test]
fn statement_and_attendee_rules() {
    let base = parse(ATSUGI);
    fails(
        &base,
        "meeting.statement.empty",
        "/statements/4/text",
        |d| d["statements"][4]["text"] = json!("  "),
    );
    fails(
        &base,
        "meeting.statement.unknown_organisation",
        "/statements/2/organisation",
        |d| d["statements"][2]["organisation"] = json!("nowhere"),
    );
    fails(&base, "meeting.statement.duplicate", "/statements/1", |d| {
        d["statements"][1] = d["statements"][0].clone();
    });
    fails(
        &base,
        "meeting.organisation.duplicate_id",
        "/organisations/1/id",
        |d| d["organisations"][1]["id"] = json!("atsugi-ishikai"),
    );
    fails(&base, "meeting.plan.missing", "/plan", |d| {
        d.as_object_mut().unwrap().remove("plan");
    });
    // An attendee list that is given: the speakers must be on it.
    fails(
        &base,
        "meeting.statement.speaker_not_listed",
        "/statements/32/organisation",
        |d| {
            let all: Vec<Value> = d["organisations"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|o| o["id"] != "sogo-ryoiku")
                .map(|o| json!({"organisation": o["id"]}))
                .collect();
            d["attendees"] = Value::Array(all);
        },
    );
    let mut listed = base.clone();
    let all: Vec<Value> = base["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| json!({"organisation": o["id"]}))
        .collect();
    listed["attendees"] = Value::Array(all);
    assert_eq!(findings("meeting.validate", &listed), vec![]);
    fails(
        &base,
        "meeting.attendee.unknown_organisation",
        "/attendees/0/organisation",
        |d| d["attendees"] = json!([{"organisation": "nowhere"}]),
    );
}

#[test]
fn decision_rules() {
    let base = parse(ODAWARA);
    assert_eq!(findings("meeting.validate", &base), vec![]);
    fails(
        &base,
        "meeting.decision.no_responsible",
        "/decisions/0/responsible",
        |d| d["decisions"][0]["responsible"] = json!([]),
    );
    fails(
        &base,
        "meeting.decision.unknown_responsible",
        "/decisions/0/responsible/0",
        |d| d["decisions"][0]["responsible"] = json!(["nowhere"]),
    );
    fails(
        &base,
        "meeting.decision.due_before_meeting",
        "/decisions/0/due",
        |d| d["decisions"][0]["due"] = json!("2017-09-19"),
    );
    fails(
        &base,
        "meeting.decision.done_before_meeting",
        "/decisions/0/done_on",
        |d| d["decisions"][0]["done_on"] = json!("2017-09-01"),
    );
}

#[test]
fn care_conference_rules() {
    let base = parse(CARE);
    assert_eq!(findings("meeting.validate", &base), vec![]);
    fails(
        &base,
        "meeting.care_conference.no_family",
        "/care_conference/participants",
        |d| {
            let p = d["care_conference"]["participants"].as_array_mut().unwrap();
            p.retain(|x| x["kind"] != "family");
            d["statements"][0]["organisation"] = json!("hub");
        },
    );
    fails(
        &base,
        "meeting.care_conference.no_coordinator",
        "/care_conference/coordinator",
        |d| {
            d["care_conference"]
                .as_object_mut()
                .unwrap()
                .remove("coordinator");
        },
    );
    fails(
        &base,
        "meeting.care_conference.unknown_participant",
        "/care_conference/coordinator",
        |d| d["care_conference"]["coordinator"] = json!("someone"),
    );
    fails(
        &base,
        "meeting.care_conference.unknown_participant",
        "/care_conference/services/0/provider",
        |d| d["care_conference"]["services"][0]["provider"] = json!("someone"),
    );
    fails(
        &base,
        "meeting.care_conference.duplicate_participant",
        "/care_conference/participants/2/id",
        |d| d["care_conference"]["participants"][2]["id"] = json!("kodomo"),
    );
    fails(
        &base,
        "meeting.care_conference.no_role",
        "/care_conference/participants/1",
        |d| {
            d["care_conference"]["participants"][1]
                .as_object_mut()
                .unwrap()
                .remove("role");
        },
    );
    fails(
        &base,
        "meeting.care_conference.review_before_meeting",
        "/care_conference/review_on",
        |d| d["care_conference"]["review_on"] = json!("2026-10-05"),
    );
    fails(
        &base,
        "meeting.care_conference.invalid_child_id",
        "/care_conference/child_id",
        |d| d["care_conference"]["child_id"] = json!("佐藤 2021-06-14"),
    );
    fails(
        &base,
        "meeting.care_conference.missing",
        "/care_conference",
        |d| {
            d.as_object_mut().unwrap().remove("care_conference");
        },
    );
    let council = parse(ODAWARA);
    fails(
        &council,
        "meeting.care_conference.unexpected",
        "/care_conference",
        |d| d["care_conference"] = base["care_conference"].clone(),
    );
}

#[test]
fn open_care_conference_assignments() {
    let mut cc = parse(CARE);
    cc.as_object_mut().unwrap().remove("$schema");
    let doc = json!({"as_of": "2026-11-15", "meetings": [cc]});
    let v = run("care_conferences.open", &doc);
    assert_eq!(v["findings"], json!([]));
    let children = v["result"]["children"].as_array().unwrap();
    assert_eq!(children.len(), 1);
    let c = &children[0];
    assert_eq!(c["child_id"], "kyoten:atsugi:2025-0041");
    assert_eq!(c["conferences"], 1);
    assert_eq!(c["coordinator"], "soudan");
    assert_eq!(c["review_overdue"], false);
    // The second decision was done on 2026-10-20: only the first is open.
    let open = c["open"].as_array().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["decision"], "/meetings/0/decisions/0");
    assert_eq!(open[0]["due"], "2026-11-30");
    assert_eq!(open[0]["overdue"], false);
    // Later: the assignment and the review are overdue.
    let mut later = doc.clone();
    later["as_of"] = json!("2027-02-01");
    let f = findings("care_conferences.open", &later);
    assert_eq!(
        f,
        vec![
            (
                "care_conferences.review_overdue".to_owned(),
                "/meetings/0/care_conference/review_on".to_owned()
            ),
            (
                "care_conferences.assignment_overdue".to_owned(),
                "/meetings/0/decisions/0/due".to_owned()
            ),
        ]
    );
    // A second, later conference for the same child: its review date counts.
    let mut two = later.clone();
    let mut second = cc.clone();
    second["date"] = json!("2027-01-12");
    second["decisions"] = json!([]);
    second["care_conference"]["review_on"] = json!("2027-04-13");
    two["meetings"].as_array_mut().unwrap().push(second);
    let v = run("care_conferences.open", &two);
    let c = &v["result"]["children"][0];
    assert_eq!(c["conferences"], 2);
    assert_eq!(c["last_conference"], "2027-01-12");
    assert_eq!(c["review_on"], "2027-04-13");
    assert_eq!(c["review_overdue"], false);
    assert_eq!(c["open"].as_array().map(Vec::len), Some(1));
}

#[test]
fn care_conference_consent_is_checked_when_the_summary_is_held() {
    let base = parse(include_str!(
        "../../schemas/examples/meeting-records.care-conference-with-summary.json"
    ));
    assert_eq!(
        base["summaries"][0]["child"]["id"],
        base["meetings"][0]["care_conference"]["child_id"]
    );
    let consent_findings = |doc: &Value| -> Vec<(String, String)> {
        findings("care_conferences.open", doc)
            .into_iter()
            .filter(|(c, _)| c.starts_with("consent."))
            .collect()
    };
    // Passing: consent 1 (information_sharing, care_conference; care team; given
    // 2026-10-15) covers the use on 2026-11-15.
    assert_eq!(consent_findings(&base), vec![]);
    assert_eq!(findings("care_conferences.open", &base), vec![]);
    let one = |code: &str, path: &str| vec![(code.to_owned(), path.to_owned())];
    // Withdrawn on 2026-11-01.
    let mut doc = base.clone();
    doc["summaries"][0]["consents"][1]["withdrawn_on"] = json!("2026-11-01");
    assert_eq!(
        consent_findings(&doc),
        one("consent.withdrawn", "/summaries/0/consents/1/withdrawn_on")
    );
    // Ran out on 2026-11-14 (the day before as_of).
    let mut doc = base.clone();
    doc["summaries"][0]["consents"][1]["expires_on"] = json!("2026-11-14");
    assert_eq!(
        consent_findings(&doc),
        one("consent.expired", "/summaries/0/consents/1/expires_on")
    );
    // The use is not among those consented to.
    let mut doc = base.clone();
    doc["summaries"][0]["consents"][1]["uses"] = json!(["information_sharing"]);
    assert_eq!(
        consent_findings(&doc),
        one("consent.not_covered", "/summaries/0/consents")
    );
    // Given only after as_of.
    let mut doc = base.clone();
    doc["summaries"][0]["consents"][1]["given_on"] = json!("2026-11-16");
    assert_eq!(
        consent_findings(&doc),
        one("consent.not_covered", "/summaries/0/consents")
    );
    // No consent recorded at all.
    let mut doc = base.clone();
    doc["summaries"][0]["consents"] = json!([]);
    assert_eq!(
        consent_findings(&doc),
        one("consent.none", "/summaries/0/consents")
    );
    // A summary of another child is not checked for this child's conference.
    doc["summaries"][0]["child"]["id"] = json!("kyoten:atsugi:2025-0099");
    assert_eq!(consent_findings(&doc), vec![]);
    // The held summary is checked by the summary's own rules, under /summaries/0.
    let mut doc = base.clone();
    doc["summaries"][0]["child"]["id"] = json!("");
    for op in ["care_conferences.open", "meetings.by_item"] {
        assert!(
            has(
                op,
                &doc,
                "summary.child.id_invalid",
                "/summaries/0/child/id"
            ),
            "{op}"
        );
    }
    // Without a summary nothing is checked (the record holds the child's id only).
    let mut doc = base.clone();
    doc.as_object_mut().unwrap().remove("summaries");
    assert_eq!(consent_findings(&doc), vec![]);
}

#[test]
fn findings_never_echo_text_or_names() {
    let mut doc = parse(CARE);
    let secret = "秘密の発言ZQX";
    doc["statements"][0]["text"] = json!(secret);
    doc["statements"][1]["text"] = json!(secret);
    doc["statements"][1]["organisation"] = json!("mother");
    doc["date_text"] = json!("秘密ZQX");
    doc["next_meeting"] = json!({"text": "秘密ZQX", "month": "2020-01"});
    doc["care_conference"]["coordinator"] = json!("秘密ZQX");
    doc["care_conference"]["child_id"] = json!("秘密ZQX");
    doc["decisions"][0]["responsible"] = json!(["秘密ZQX"]);
    let out = kyoten_core::ops::run("meeting.validate", doc.to_string().as_bytes()).unwrap();
    let v: Value = serde_json::from_str(&out.json).unwrap();
    let f = v["findings"].as_array().unwrap();
    assert!(f.len() >= 6, "{f:?}");
    let text = serde_json::to_string(f).unwrap();
    assert!(!text.contains("ZQX"), "{text}");
}

#[test]
fn staffing_reads_the_hubs_own_meeting_records() {
    let base = parse(include_str!(
        "../../schemas/examples/failing/staffing-request.no-meetings.json"
    ));
    let staff_meeting = |date: &str| json!({"kind": "hub_staff", "date": date});
    let codes_of = |doc: &Value| -> Vec<(String, String)> {
        let v = run("staffing.check", doc);
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_owned(),
                    f["path"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        codes_of(&base),
        vec![("staffing.meetings.missing".to_owned(), "/hub".to_owned())]
    );
    // Monthly hub-staff meetings in the records: no finding (as_of 2026-11-01).
    let mut held = base.clone();
    held["meeting_records"] = json!([
        staff_meeting("2026-08-04"),
        staff_meeting("2026-09-01"),
        staff_meeting("2026-10-06")
    ]);
    assert_eq!(codes_of(&held), vec![]);
    // A council meeting is not a hub-staff meeting.
    let mut council = base.clone();
    council["meeting_records"] = json!([{"kind": "council", "date": "2026-10-06"}]);
    assert_eq!(
        codes_of(&council),
        vec![("staffing.meetings.missing".to_owned(), "/hub".to_owned())]
    );
    // A gap of 63 days between two recorded meetings points at the later record; the
    // last one, 2026-09-01, is 61 days before as_of (at most 35).
    let mut gap = base.clone();
    gap["meeting_records"] = json!([staff_meeting("2026-06-30"), staff_meeting("2026-09-01")]);
    assert_eq!(
        codes_of(&gap),
        vec![
            (
                "staffing.meetings.gap_too_long".to_owned(),
                "/meeting_records/1/date".to_owned()
            ),
            (
                "staffing.meetings.overdue".to_owned(),
                "/meeting_records/1/date".to_owned()
            )
        ]
    );
    // The records are validated as meetings.
    let mut bad = base.clone();
    bad["meeting_records"] =
        json!([{"kind": "hub_staff", "date": "2026-10-06", "end_time": "25:00"}]);
    assert!(codes_of(&bad).contains(&(
        "meeting.time.invalid".to_owned(),
        "/meeting_records/0/end_time".to_owned()
    )));
}

/// Japanese and English messages of the first finding of `code` in `op`'s report.
fn messages(op: &str, doc: &Value, code: &str) -> (String, String) {
    let v = run(op, doc);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("{code} expected in {v}"))
        .clone();
    (
        f["message_ja"].as_str().unwrap().to_owned(),
        f["message_en"].as_str().unwrap().to_owned(),
    )
}

/// The findings with dates and numbers read with them (issue 13, findings as data); the
/// expected texts are written by hand from the templates.
#[test]
fn messages_carry_their_dates_and_numbers() {
    let m = |ja: &str, en: &str| (ja.to_owned(), en.to_owned());
    let one = |base: &str, code: &str, mutate: &dyn Fn(&mut Value)| {
        let mut d = parse(base);
        mutate(&mut d);
        messages("meeting.validate", &d, code)
    };
    // The Atsugi minutes say 平成28年12月19日（月）.
    assert_eq!(
        one(ATSUGI, "meeting.date_text.mismatch", &|d| d["date"] =
            json!("2016-12-20")),
        m(
            "記録どおりの開催日が開催日（西暦）と合いません（2016-12-19 と読めます、開催日は 2016-12-20）",
            "The date as written does not read to the meeting's date (it reads as 2016-12-19, the meeting's date is 2016-12-20)"
        )
    );
    assert_eq!(
        one(
            ATSUGI,
            "meeting.next_meeting.before_this_one",
            &|d| d["next_meeting"] = json!({"date": "2016-12-18"})
        ),
        m(
            "次回開催予定が今回の会議より前です（次回 2016-12-18、今回 2016-12-19）",
            "The next meeting is before this one (next 2016-12-18, this one 2016-12-19)"
        )
    );
    assert_eq!(
        one(
            ATSUGI,
            "meeting.next_meeting.before_this_one",
            &|d| d["next_meeting"] = json!({"month": "2016-11"})
        ),
        m(
            "次回開催予定が今回の会議より前です（次回 2016年11月頃、今回 2016-12-19）",
            "The next meeting is before this one (next around 11/2016, this one 2016-12-19)"
        )
    );
    // The Odawara council met on 2017-09-20.
    assert_eq!(
        one(
            ODAWARA,
            "meeting.decision.due_before_meeting",
            &|d| d["decisions"][0]["due"] = json!("2017-09-19")
        ),
        m(
            "決定事項の期限（2017-09-19）が会議の日（2017-09-20）より前です",
            "A decision is due (2017-09-19) before the meeting was held (2017-09-20)"
        )
    );
    assert_eq!(
        one(
            ODAWARA,
            "meeting.decision.done_before_meeting",
            &|d| d["decisions"][0]["done_on"] = json!("2017-09-01")
        ),
        m(
            "決定事項の完了日（2017-09-01）が会議の日（2017-09-20）より前です",
            "A decision is marked done (2017-09-01) before the meeting was held (2017-09-20)"
        )
    );
    // The care conference was held on 2026-10-06.
    assert_eq!(
        one(
            CARE,
            "meeting.care_conference.review_before_meeting",
            &|d| d["care_conference"]["review_on"] = json!("2026-10-05")
        ),
        m(
            "見直し予定日（2026-10-05）が会議の日（2026-10-06）より前です",
            "The review date (2026-10-05) is before the conference (2026-10-06)"
        )
    );
    // Views over a year of records.
    let mut cc = parse(CARE);
    cc.as_object_mut().unwrap().remove("$schema");
    let later = json!({"as_of": "2027-02-01", "meetings": [cc]});
    assert_eq!(
        messages(
            "care_conferences.open",
            &later,
            "care_conferences.review_overdue"
        ),
        m(
            "ケア会議の見直し予定日（2027-01-12）を過ぎています（基準日 2027-02-01）",
            "The care conference's review date 2027-01-12 has passed (as of 2027-02-01)"
        )
    );
    assert_eq!(
        messages(
            "care_conferences.open",
            &later,
            "care_conferences.assignment_overdue"
        ),
        m(
            "未完了の担当事項の期限（2026-11-30）を過ぎています（基準日 2027-02-01）",
            "An open assignment is past its due date 2026-11-30 (as of 2027-02-01)"
        )
    );
    let early = json!({"as_of": "2026-10-01", "meetings": [later["meetings"][0].clone()]});
    assert_eq!(
        messages("meetings.by_item", &early, "meetings.date.after_as_of"),
        m(
            "基準日（2026-10-01）より後の会議です（開催日 2026-10-06。開催済みとして数えません）",
            "A meeting dated 2026-10-06, after the reference date 2026-10-01 (not counted as held)"
        )
    );
    let mut plan = parse(PLAN);
    plan.as_object_mut().unwrap().remove("$schema");
    let mut od = parse(ODAWARA);
    od.as_object_mut().unwrap().remove("$schema");
    od["statements"][1]["items"][0]["no"] = json!(24);
    let doc = json!({"as_of": "2017-10-16", "plan": plan, "meetings": [od]});
    assert_eq!(
        messages("meetings.by_item", &doc, "meetings.plan.unknown_item"),
        m(
            "計画にない取組番号です（24 番）",
            "The plan has no item number 24"
        )
    );
}

/// One validation per input type (issue 13): `meetings.by_item` and
/// `care_conferences.open` carry the same checks of one year of records (run once by
/// `execute`); `care_conferences.open` adds only its own overdue dates. Over every
/// meeting-records example, failing and invalid example.
#[test]
fn both_views_of_the_records_carry_the_same_findings() {
    let mut checked = 0;
    for path in reports::example_paths("meeting-records.") {
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(
            reports::shared_findings("meetings.by_item", &bytes, "care_conferences."),
            reports::shared_findings("care_conferences.open", &bytes, "care_conferences."),
            "{}",
            path.display()
        );
        checked += 1;
    }
    // 4 examples, 2 invalid ones.
    assert!(checked >= 6, "only {checked} meeting-records documents");
}
