//! `summaries.aggregate`, `consultations.summarize`, `trainings.summarize`: the seed's
//! tables reproduced from the example logs, and hand-counted aggregations.

use serde_json::{Value, json};

fn run(op: &str, input: &Value) -> Value {
    let out = kyoten_core::ops::run(op, input.to_string().as_bytes()).unwrap();
    serde_json::from_str(&out.json).unwrap()
}

fn example(name: &str) -> Value {
    let path = format!("{}/../schemas/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn codes(report: &Value) -> Vec<(String, String)> {
    report["findings"]
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
}

fn nums(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect()
}

/// (label, count) pairs of a list of count rows.
fn pairs(v: &Value, label: &str, count: &str) -> Vec<(String, u64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[label].as_str().unwrap().to_owned(),
                r[count].as_u64().unwrap(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------- consultations

#[test]
fn consultation_example_reproduces_every_printed_cell() {
    let r = run(
        "consultations.summarize",
        &example("consultation-log.hinatabokko-fy2012.json"),
    );
    assert_eq!(r["valid"], true);
    assert_eq!(r["findings"].as_array().unwrap().len(), 0);
    let s = &r["result"];
    assert_eq!(s["fiscal_year_ja"], "平成24年度");
    // 相談件数: 4月 … 3月, 計 (the seed leaves March of 平成24年度 blank: 0).
    let m = &s["monthly"];
    assert_eq!(m[0]["label_ja"], "平成24年度");
    assert_eq!(nums(&m[0]["months"]), [7, 2, 6, 6, 7, 9, 7, 3, 9, 9, 4, 0]);
    assert_eq!(m[0]["total"], 69);
    assert_eq!(m[1]["label_ja"], "平成23年度");
    assert_eq!(nums(&m[1]["months"]), [0, 0, 0, 0, 2, 1, 1, 2, 3, 8, 3, 9]);
    assert_eq!(m[1]["total"], 29);
    // (うち地域住民)
    let residents = s["monthly_by_source"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "resident")
        .unwrap();
    assert_eq!(residents["label_ja"], "うち地域住民");
    assert_eq!(
        nums(&residents["months"]),
        [1, 0, 1, 0, 2, 0, 1, 0, 0, 3, 2, 0]
    );
    assert_eq!(residents["total"], 10);
    // 相談元施設: the seed's eight rows (68), then the one 「不明」 that makes 69.
    let expected: Vec<(String, u64)> = [
        ("居宅介護支援事業所", 29),
        ("医療機関", 20),
        ("地域住民", 10),
        ("地域包括支援センター", 3),
        ("訪問看護ステーション", 2),
        ("グループホーム", 2),
        ("障がい者支援センター", 1),
        ("小規模多機能施設", 1),
        ("不明", 1),
    ]
    .iter()
    .map(|(l, n)| ((*l).to_owned(), *n))
    .collect();
    assert_eq!(pairs(&s["by_source"], "label_ja", "count"), expected);
    // 主な相談内容: the seed's top five (62), then 「その他」 7.
    let expected: Vec<(String, u64)> = [
        ("地域資源の情報提供", 19),
        ("相談支援", 13),
        ("医療依存度の高い方の入所先", 12),
        ("往診医について", 10),
        ("入所施設について", 8),
        ("その他", 7),
    ]
    .iter()
    .map(|(l, n)| ((*l).to_owned(), *n))
    .collect();
    assert_eq!(pairs(&s["by_topic"], "label_ja", "count"), expected);
    // 相談件数は昨年度の約2倍以上: 69 / 29 = 2.379… → 2.38.
    assert_eq!(s["year_on_year"]["this_year"], 69);
    assert_eq!(s["year_on_year"]["last_year"], 29);
    assert_eq!(s["year_on_year"]["difference"], 40);
    assert_eq!(s["year_on_year"]["ratio"], 2.38);
    // Every consultation serves task 6; resolution is not recorded in the seed.
    assert_eq!(s["by_task"][5]["count"], 69);
    assert_eq!(s["resolution"][2]["count"], 69);
}

#[test]
fn consultations_outside_the_years_and_without_topic() {
    let log = json!({
        "fiscal_year": 2024,
        "consultations": [
            {"date": "2024-04-01", "source": "family", "topics": ["short_stay"], "resolved": true, "task": 5},
            {"date": "2025-03-31", "source": "family", "topics": [], "resolved": false},
            {"date": "2023-04-01", "source": "school", "topics": ["schooling"]},
            {"date": "2025-04-01", "source": "school", "topics": ["schooling"]},
            {"date": "2022-03-31", "source": "school", "topics": ["schooling"]},
            {"date": "2024-06-10", "source": "school", "topics": ["schooling", "medical_care", "schooling"]}
        ]
    });
    let r = run("consultations.summarize", &log);
    assert_eq!(
        codes(&r),
        [
            (
                "stats.consultations.no_topic".to_owned(),
                "/consultations/1/topics".to_owned()
            ),
            (
                "stats.consultations.outside_years".to_owned(),
                "/consultations/3/date".to_owned()
            ),
            (
                "stats.consultations.outside_years".to_owned(),
                "/consultations/4/date".to_owned()
            ),
        ]
    );
    let s = &r["result"];
    assert_eq!(
        nums(&s["monthly"][0]["months"]),
        [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    );
    assert_eq!(
        nums(&s["monthly"][1]["months"]),
        [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    );
    // The third consultation names schooling twice: counted once there.
    assert_eq!(
        pairs(&s["by_topic"], "key", "count"),
        [
            ("short_stay".to_owned(), 1),
            ("medical_care".to_owned(), 1),
            ("schooling".to_owned(), 1),
            ("unknown".to_owned(), 1)
        ]
    );
    assert_eq!(
        pairs(&s["resolution"], "key", "count"),
        [
            ("resolved".to_owned(), 1),
            ("unresolved".to_owned(), 1),
            ("not_recorded".to_owned(), 1)
        ]
    );
    assert_eq!(s["by_task"][4]["count"], 1);
    assert_eq!(s["by_task"][6]["count"], 2);
    assert_eq!(s["year_on_year"]["ratio"], 3.0);
    // No previous year: no ratio.
    let r = run(
        "consultations.summarize",
        &json!({"fiscal_year": 2024, "consultations": []}),
    );
    assert!(r["result"]["year_on_year"].get("ratio").is_none());
}

// ---------------------------------------------------------------- trainings

#[test]
fn training_example_reproduces_every_row() {
    let r = run(
        "trainings.summarize",
        &example("training-log.professions-fy2012.json"),
    );
    assert_eq!(r["valid"], true);
    assert_eq!(r["findings"].as_array().unwrap().len(), 0);
    let s = &r["result"];
    let rows: Vec<(String, String, String, u64)> = s["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["date_ja"].as_str().unwrap().to_owned(),
                r["audience_ja"].as_str().unwrap().to_owned(),
                r["theme"].as_str().unwrap().to_owned(),
                r["attendees"].as_u64().unwrap(),
            )
        })
        .collect();
    let seed = [
        ("7/13", "訪問看護師・薬剤師", "「スキンケア・褥瘡ケア」", 45),
        ("8/9", "介護職", "「看護の視点を生かした高齢者ケア」", 81),
        (
            "9/27",
            "介護・看護職員",
            "「慢性腎不全・透析に関する学習会1」",
            77,
        ),
        (
            "10/11",
            "介護支援専門員",
            "「地域包括支援センターの困難事例」",
            71,
        ),
        ("11/14", "医師", "「事例検討会」医師間の連携", 27),
        ("2/14", "訪問看護師", "「事例検討会」", 35),
        (
            "3/7",
            "介護・看護職員",
            "「慢性腎不全・透析に関する学習会2」",
            85,
        ),
    ];
    let seed: Vec<(String, String, String, u64)> = seed
        .iter()
        .map(|(d, a, t, n)| ((*d).into(), (*a).into(), (*t).into(), *n))
        .collect();
    assert_eq!(rows, seed);
    assert_eq!(s["total"]["sessions"], 7);
    assert_eq!(s["total"]["attendees"], 421);
    let by_prof: Vec<(String, u64, u64)> = s["by_profession"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_owned(),
                r["sessions"].as_u64().unwrap(),
                r["attendees"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, u64, u64)> = [
        ("doctor", 1, 27),
        ("nurse", 2, 162),
        ("visiting_nurse", 2, 80),
        ("pharmacist", 1, 45),
        ("care_worker", 3, 243),
        ("care_manager", 1, 71),
    ]
    .iter()
    .map(|(k, s, a)| ((*k).to_owned(), *s, *a))
    .collect();
    assert_eq!(by_prof, expected);
    let q: Vec<(u64, u64)> = s["by_quarter"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["sessions"].as_u64().unwrap(),
                r["attendees"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(q, [(0, 0), (3, 203), (2, 98), (2, 120)]);
    assert_eq!(s["by_task"][2]["sessions"], 7);
    assert_eq!(s["by_task"][2]["attendees"], 421);
    assert_eq!(s["by_task"][6]["sessions"], 0);
}

#[test]
fn trainings_without_audience_or_outside_the_year() {
    let log = json!({
        "fiscal_year": 2024,
        "trainings": [
            {"date": "2025-01-20", "audience": [], "theme": "x", "attendees": 12},
            {"date": "2024-05-01", "audience": ["teacher", "teacher"], "theme": "y", "attendees": 30, "task": 4},
            {"date": "2025-04-01", "audience": ["teacher"], "theme": "z", "attendees": 5}
        ]
    });
    let r = run("trainings.summarize", &log);
    assert_eq!(
        codes(&r),
        [
            (
                "stats.trainings.no_profession".to_owned(),
                "/trainings/0/audience".to_owned()
            ),
            (
                "stats.trainings.outside_year".to_owned(),
                "/trainings/2/date".to_owned()
            ),
        ]
    );
    let s = &r["result"];
    assert_eq!(s["sessions"][0]["date_ja"], "5/1");
    assert_eq!(s["sessions"][0]["audience_ja"], "教員");
    assert_eq!(s["sessions"][1]["audience_ja"], "不明");
    assert_eq!(s["total"]["attendees"], 42);
    assert_eq!(s["by_quarter"][3]["attendees"], 12);
    assert_eq!(s["by_task"][3]["attendees"], 30);
    assert_eq!(s["by_task"][6]["attendees"], 12);
}

// ---------------------------------------------------------------- aggregate

/// A minimal summary: id (`None`: an empty id, which is not well formed), birth, sex, kana,
/// municipality code, care kinds.
fn kid(
    id: Option<&str>,
    birth: &str,
    sex: &str,
    kana: &str,
    code: Option<&str>,
    care: &[&str],
) -> Value {
    let mut child = json!({
        "name": "氏名テスト", "kana": kana, "sex": sex, "date_of_birth": birth,
        "municipality": "テスト市", "id": id.unwrap_or("")
    });
    if let Some(code) = code {
        child["municipality_code"] = json!(code);
    }
    let care: Vec<Value> = care.iter().map(|k| json!({"kind": k})).collect();
    json!({"child": child, "allergies": {"status": "none_known"}, "clinical": {"care": care}})
}

fn request(mode: &str, threshold: u32, summaries: Vec<Value>) -> Value {
    json!({"as_of": "2026-11-23", "mode": mode, "threshold": threshold, "summaries": summaries})
}

fn table<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["result"]["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()
}

/// (key, count or None when suppressed) of a table's rows.
fn cells(t: &Value) -> Vec<(String, Option<u64>)> {
    t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["key"].as_str().unwrap().to_owned(), c["count"].as_u64()))
        .collect()
}

fn some(rows: &[(&str, Option<u64>)]) -> Vec<(String, Option<u64>)> {
    rows.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
}

#[test]
fn internal_example_counts_by_hand() {
    let r = run(
        "summaries.aggregate",
        &example("aggregate-request.odawara-internal.json"),
    );
    assert_eq!(r["valid"], true);
    assert_eq!(r["result"]["children"]["count"], 11);
    assert_eq!(
        cells(table(&r, "municipality")),
        some(&[
            ("142069", Some(5)),
            ("142174", Some(2)),
            ("143642", Some(1)),
            ("143821", Some(2)),
            ("unknown", Some(1)),
        ])
    );
    assert_eq!(
        cells(table(&r, "age_band")),
        some(&[
            ("0-4", Some(1)),
            ("5-9", Some(6)),
            ("10-14", Some(2)),
            ("15-19", Some(1)),
            ("20+", Some(1)),
        ])
    );
    // 2021-05-10 and 2023-01-15: preschool; 2020-04-01 (早生まれ) starts school in April 2026.
    assert_eq!(
        cells(table(&r, "school_stage")),
        some(&[
            ("preschool", Some(2)),
            ("elementary", Some(6)),
            ("junior_high", Some(1)),
            ("high_school", Some(1)),
            ("after_high_school", Some(1)),
        ])
    );
    // IQ 15/10/15 bedridden → 1 (three); IQ 20 sits → 2; IQ 25 sits → 3 (three).
    assert_eq!(
        cells(table(&r, "oshima")),
        some(&[
            ("1", Some(3)),
            ("2", Some(1)),
            ("3", Some(3)),
            ("4", Some(0)),
            ("5-25", Some(2)),
            ("above_80", Some(1)),
            ("not_recorded", Some(1)),
        ])
    );
    let care = cells(table(&r, "care_kind"));
    assert!(care.contains(&("tube_feeding".to_owned(), Some(7))));
    assert!(care.contains(&("suctioning".to_owned(), Some(6))));
    assert!(care.contains(&("none".to_owned(), Some(1))));
    let odawara = &r["result"]["municipality_by_care_kind"]["rows"][0];
    assert_eq!(odawara["key"], "142069");
    let tube = odawara["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "tube_feeding")
        .unwrap();
    assert_eq!(tube["count"], 5);
    // The output holds no name, kana or date of birth of any child.
    let text = r.to_string();
    for s in ["例", "レイ", "2021-05-10", "小田原市", "南足柄市"] {
        assert!(!text.contains(s), "{s} leaked");
    }
}

#[test]
fn same_id_counts_once_twins_stay_two() {
    let a = kid(
        Some("h:1"),
        "2019-08-08",
        "female",
        "イチカ",
        Some("142069"),
        &["tube_feeding"],
    );
    let twin = kid(
        Some("h:2"),
        "2019-08-08",
        "female",
        "フタバ",
        Some("142069"),
        &["tube_feeding"],
    );
    let again = kid(
        Some("h:1"),
        "2019-08-08",
        "female",
        "イチカ",
        Some("142069"),
        &["suctioning"],
    );
    let r = run(
        "summaries.aggregate",
        &request("internal", 10, vec![a, twin, again]),
    );
    assert_eq!(
        codes(&r),
        [(
            "stats.aggregate.duplicate_child".to_owned(),
            "/summaries/2/child/id".to_owned()
        )]
    );
    assert_eq!(r["result"]["children"]["count"], 2);
    let care = cells(table(&r, "care_kind"));
    // The first summary counts: suctioning from the second copy is not added.
    assert!(care.contains(&("tube_feeding".to_owned(), Some(2))));
    assert!(care.contains(&("suctioning".to_owned(), Some(0))));
}

#[test]
fn possible_duplicate_without_shared_id_is_a_warning() {
    let a = kid(
        Some("hospital:7"),
        "2018-01-01",
        "male",
        "テスト タロウ",
        Some("142069"),
        &[],
    );
    let b = kid(
        Some("school:99"),
        "2018-01-01",
        "male",
        "テストタロウ",
        Some("142069"),
        &[],
    );
    let c = kid(
        None,
        "2018-01-01",
        "male",
        "テスト タロウ",
        Some("142069"),
        &[],
    );
    let r = run(
        "summaries.aggregate",
        &request("internal", 10, vec![a, b, c]),
    );
    assert_eq!(
        codes(&r),
        [
            (
                "stats.aggregate.possible_duplicate".to_owned(),
                "/summaries/1/child".to_owned()
            ),
            (
                "stats.aggregate.no_id".to_owned(),
                "/summaries/2/child".to_owned()
            ),
            (
                "stats.aggregate.possible_duplicate".to_owned(),
                "/summaries/2/child".to_owned()
            ),
            (
                "summary.child.id_invalid".to_owned(),
                "/summaries/2/child/id".to_owned()
            ),
        ]
    );
    assert_eq!(r["result"]["children"]["count"], 3);
}

#[test]
fn consents_withdrawn_not_covering_expired_and_covered() {
    let statistics = |given: &str, expires: Option<&str>, withdrawn: Option<&str>| {
        let mut c =
            json!({"uses": ["statistics"], "to": "hub", "given_on": given, "given_by": "mother"});
        if let Some(e) = expires {
            c["expires_on"] = json!(e);
        }
        if let Some(w) = withdrawn {
            c["withdrawn_on"] = json!(w);
        }
        c
    };
    let with = |id: &str, kana: &str, consents: Vec<Value>| {
        let mut k = kid(
            Some(id),
            "2020-01-01",
            "male",
            kana,
            Some("142069"),
            &["suctioning"],
        );
        k["consents"] = json!(consents);
        k
    };
    let summaries = vec![
        // Withdrawn on 2026-06-01 (before as_of 2026-11-23): not counted.
        with(
            "w",
            "ア",
            vec![statistics("2025-01-01", None, Some("2026-06-01"))],
        ),
        // Consents recorded, none for statistics: counted, with the information.
        with(
            "n",
            "イ",
            vec![
                json!({"uses": ["emergency_sheet"], "to": "any_medical_institution_in_emergency", "given_on": "2025-01-01", "given_by": "father"}),
            ],
        ),
        // Ran out on 2026-03-31: counted, with the information at expires_on.
        with(
            "e",
            "ウ",
            vec![statistics("2025-04-01", Some("2026-03-31"), None)],
        ),
        // Withdrawal dated after as_of: still covered, counted, no finding.
        with(
            "c",
            "エ",
            vec![statistics("2025-01-01", None, Some("2027-01-01"))],
        ),
        // No consent at all: counted, no finding from the aggregation.
        with("z", "オ", vec![]),
    ];
    let r = run("summaries.aggregate", &request("internal", 10, summaries));
    assert_eq!(
        codes(&r),
        [
            (
                "stats.aggregate.consent_withdrawn".to_owned(),
                "/summaries/0/consents/0/withdrawn_on".to_owned()
            ),
            (
                "stats.aggregate.consent_not_covering".to_owned(),
                "/summaries/1/consents".to_owned()
            ),
            (
                "stats.aggregate.consent_not_covering".to_owned(),
                "/summaries/2/consents/0/expires_on".to_owned()
            ),
        ]
    );
    assert_eq!(r["valid"], true);
    // Five summaries, one withdrawn: four children.
    assert_eq!(r["result"]["children"]["count"], 4);
    assert!(cells(table(&r, "care_kind")).contains(&("suctioning".to_owned(), Some(4))));
    // Passing: a current consent to the hub for statistics gives no finding at all.
    let ok = run(
        "summaries.aggregate",
        &request(
            "internal",
            10,
            vec![with("ok", "カ", vec![statistics("2025-01-01", None, None)])],
        ),
    );
    assert!(codes(&ok).is_empty(), "{ok}");
    assert_eq!(ok["result"]["children"]["count"], 1);
}

#[test]
fn born_after_as_of_and_bad_codes() {
    let later = kid(Some("a"), "2027-01-01", "male", "ア", Some("142069"), &[]);
    let bad = kid(Some("b"), "2020-01-01", "male", "イ", Some("142060"), &[]);
    let none = kid(Some("c"), "2020-01-01", "male", "ウ", None, &[]);
    let r = run(
        "summaries.aggregate",
        &request("internal", 10, vec![later, bad, none]),
    );
    assert_eq!(r["valid"], false);
    assert_eq!(
        codes(&r),
        [
            (
                "stats.aggregate.born_after_as_of".to_owned(),
                "/summaries/0/child/date_of_birth".to_owned()
            ),
            (
                "stats.aggregate.municipality_code_invalid".to_owned(),
                "/summaries/1/child/municipality_code".to_owned()
            ),
            (
                "stats.aggregate.municipality_code_missing".to_owned(),
                "/summaries/2/child/municipality_code".to_owned()
            ),
        ]
    );
    assert_eq!(
        cells(table(&r, "municipality")),
        some(&[("unknown", Some(2))])
    );
}

fn many(n: usize, code: &str, prefix: &str, care: &[&str]) -> Vec<Value> {
    (0..n)
        .map(|i| {
            kid(
                Some(&format!("{prefix}{i}")),
                "2016-06-01",
                "female",
                &format!("カナ{prefix}{i}"),
                Some(code),
                care,
            )
        })
        .collect()
}

#[test]
fn publication_suppresses_small_cells_and_a_partner() {
    // 15 in 小田原市, 12 in 南足柄市, 3 in 箱根町: 3 is under 10, so the smallest released
    // municipality (12) goes too, or 3 = 30 − 15 − 12.
    let mut s = many(15, "142069", "o", &["tube_feeding"]);
    s.extend(many(12, "142174", "m", &["tube_feeding"]));
    s.extend(many(3, "143821", "h", &["tube_feeding"]));
    let r = run("summaries.aggregate", &request("publication", 10, s));
    assert_eq!(r["result"]["children"]["count"], 30);
    assert_eq!(
        cells(table(&r, "municipality")),
        some(&[("142069", Some(15)), ("142174", None), ("143821", None)])
    );
    // Everyone is 10 on 2026-11-23: the other age bands are zeros, suppressed; and the 30
    // goes too, or 30 − 30 would tell that the four suppressed bands are all 0.
    assert_eq!(
        cells(table(&r, "age_band")),
        some(&[
            ("0-4", None),
            ("5-9", None),
            ("10-14", None),
            ("15-19", None),
            ("20+", None),
        ])
    );
    // Cross-table column tube_feeding: 15, 12, 3 with total 30 released: 3 and 12 hidden.
    let rows = r["result"]["municipality_by_care_kind"]["rows"]
        .as_array()
        .unwrap();
    let col = |row: &Value| {
        row["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == "tube_feeding")
            .unwrap()["count"]
            .as_u64()
    };
    let got: Vec<Option<u64>> = rows.iter().map(col).collect();
    assert_eq!(got, [Some(15), None, None]);
    // Internal: every count.
    let mut s = many(15, "142069", "o", &["tube_feeding"]);
    s.extend(many(12, "142174", "m", &["tube_feeding"]));
    s.extend(many(3, "143821", "h", &["tube_feeding"]));
    let r = run("summaries.aggregate", &request("internal", 10, s));
    assert_eq!(r["result"]["suppressed_cells"], 0);
    assert_eq!(
        cells(table(&r, "municipality")),
        some(&[
            ("142069", Some(15)),
            ("142174", Some(12)),
            ("143821", Some(3))
        ])
    );
}

#[test]
fn publication_under_threshold_hides_everything_and_warns_on_low_threshold() {
    let r = run(
        "summaries.aggregate",
        &request("publication", 10, many(4, "142069", "x", &["oxygen"])),
    );
    assert!(r["result"]["children"]["count"].is_null());
    assert_eq!(r["result"]["children"]["suppressed"], true);
    let r = run(
        "summaries.aggregate",
        &request("publication", 3, many(4, "142069", "x", &["oxygen"])),
    );
    assert_eq!(
        codes(&r),
        [(
            "stats.aggregate.threshold_low".to_owned(),
            "/threshold".to_owned()
        )]
    );
    assert_eq!(r["result"]["children"]["count"], 4);
}

#[test]
fn no_summary_at_all_gives_empty_tables() {
    for mode in ["publication", "internal"] {
        let r = run("summaries.aggregate", &request(mode, 10, vec![]));
        assert_eq!(r["valid"], true);
        assert_eq!(cells(table(&r, "municipality")), some(&[]));
        assert_eq!(r["result"]["municipality_by_care_kind"]["rows"], json!([]));
    }
}

#[test]
fn default_mode_is_publication_with_threshold_ten() {
    let r = run(
        "summaries.aggregate",
        &json!({"as_of": "2026-11-23", "summaries": many(9, "142069", "d", &[])}),
    );
    assert_eq!(r["result"]["mode"], "publication");
    assert_eq!(r["result"]["threshold"], 10);
    assert!(r["result"]["children"]["count"].is_null());
}

#[test]
fn streaming_aggregator_equals_the_operation() {
    use kyoten_core::finding::Path;
    use kyoten_core::stats::aggregate::{AggregateRequest, Aggregator, Mode, aggregate};
    let req: AggregateRequest =
        serde_json::from_value(example("aggregate-request.odawara-internal.json")).unwrap();
    let mut agg = Aggregator::new(req.as_of, Mode::Internal, 10);
    for (i, s) in req.summaries.iter().enumerate() {
        agg.add(&Path::root().key("summaries").index(i), s);
    }
    let (streamed, findings) = agg.finish();
    let whole = aggregate(&req);
    assert_eq!(whole.result, Some(streamed));
    assert_eq!(whole.findings, findings);
}

#[test]
fn task_numbers_outside_one_to_six_are_errors() {
    let r = run(
        "consultations.summarize",
        &json!({"fiscal_year": 2024, "consultations": [
            {"date": "2024-05-01", "source": "family", "topics": ["other"], "task": 7},
            {"date": "2024-05-02", "source": "family", "topics": ["other"], "task": 6}
        ]}),
    );
    assert_eq!(
        codes(&r),
        [(
            "stats.consultations.task_out_of_range".to_owned(),
            "/consultations/0/task".to_owned()
        )]
    );
    assert_eq!(r["result"]["by_task"][6]["count"], 1);
    let r = run(
        "trainings.summarize",
        &json!({"fiscal_year": 2024, "trainings": [
            {"date": "2024-05-01", "audience": ["doctor"], "theme": "t", "attendees": 3, "task": 0},
            {"date": "2024-05-01", "audience": ["doctor"], "theme": "t", "attendees": 3, "task": 1}
        ]}),
    );
    assert_eq!(
        codes(&r),
        [(
            "stats.trainings.task_out_of_range".to_owned(),
            "/trainings/0/task".to_owned()
        )]
    );
}

#[test]
fn clinical_errors_are_reported_and_the_child_still_counted() {
    let mut s = kid(Some("a"), "2015-01-01", "male", "ア", Some("142069"), &[]);
    s["clinical"]["iq"] = json!(250);
    let r = run("summaries.aggregate", &request("internal", 10, vec![s]));
    assert_eq!(r["valid"], false);
    let errors: Vec<(String, String)> = codes(&r)
        .into_iter()
        .filter(|(c, _)| c.starts_with("care."))
        .collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].1, "/summaries/0/clinical/iq");
    assert_eq!(r["result"]["children"]["count"], 1);
}

#[test]
fn ndjson_lines_one_at_a_time() {
    use kyoten_core::calendar::IsoDate;
    use kyoten_core::finding::Path;
    use kyoten_core::input::Limits;
    use kyoten_core::stats::aggregate::{Aggregator, Mode};
    let lines = [
        kid(
            Some("a"),
            "2015-01-01",
            "male",
            "ア",
            Some("142069"),
            &["oxygen"],
        )
        .to_string(),
        "{\"child\": 3}".to_owned(),
        kid(
            Some("a"),
            "2015-01-01",
            "male",
            "ア",
            Some("142069"),
            &["oxygen"],
        )
        .to_string(),
    ];
    let mut agg = Aggregator::new(IsoDate::parse("2026-11-23").unwrap(), Mode::Internal, 10);
    let counted: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| agg.add_json(&Path::root().index(i), l.as_bytes(), &Limits::default()))
        .collect();
    assert_eq!(counted, [true, false, true]);
    let (result, findings) = agg.finish();
    assert_eq!(result.children.count, Some(1));
    // The unreadable line's `input.*` findings, all under /1, then the duplicate.
    let (last, before) = findings.split_last().unwrap();
    assert!(!before.is_empty());
    assert!(
        before
            .iter()
            .all(|f| f.code.starts_with("input.") && f.path.starts_with("/1")),
        "{findings:?}"
    );
    assert_eq!(last.code, "stats.aggregate.duplicate_child");
    assert_eq!(last.path, "/2/child/id");
}

#[test]
fn beyond_the_kept_findings_only_their_number() {
    // 600 children with an empty id and no code: an error, a warning and an information
    // each, 1,800 in all, found in that order (the report lists them by location). The first 997 are kept (333 errors, 332 warnings,
    // 332 notes); 267 errors, 268 warnings and 268 notes remain.
    let s: Vec<Value> = (0..600)
        .map(|i| kid(None, "2016-06-01", "female", &format!("カナ{i}"), None, &[]))
        .collect();
    let r = run("summaries.aggregate", &request("internal", 10, s));
    let f = r["findings"].as_array().unwrap();
    let mut hist = std::collections::BTreeMap::new();
    for x in f {
        *hist.entry(x["code"].as_str().unwrap()).or_insert(0) += 1;
    }
    assert_eq!(f.len(), 1000, "{hist:?}");
    assert_eq!(hist.get("stats.aggregate.more_errors"), Some(&1));
    let by_code = |code: &str| f.iter().find(|x| x["code"] == code).unwrap();
    assert_eq!(hist.get("stats.aggregate.more_warnings"), Some(&1));
    assert_eq!(hist.get("stats.aggregate.more_infos"), Some(&1));
    assert_eq!(
        by_code("stats.aggregate.more_warnings")["message_en"],
        "More warnings than can be listed (only their number is kept: 268)"
    );
    assert_eq!(
        by_code("stats.aggregate.more_infos")["message_ja"],
        "このほかにも情報があります（多すぎるため件数のみ：268 件）"
    );
    assert_eq!(r["errors"], 334);
    assert_eq!(r["warnings"], 333);
    assert_eq!(r["infos"], 333);
    assert_eq!(r["result"]["children"]["count"], 600);
}

#[test]
fn a_code_not_six_digits_and_an_ill_formed_id_are_the_summarys_errors() {
    let short = kid(Some("s"), "2020-01-01", "male", "ア", Some("14206"), &[]);
    let slashed = kid(Some("a/b"), "2020-01-01", "male", "イ", Some("142069"), &[]);
    let r = run(
        "summaries.aggregate",
        &request("internal", 10, vec![short, slashed]),
    );
    assert_eq!(r["valid"], false);
    assert_eq!(
        codes(&r),
        [
            (
                "summary.municipality_code.invalid".to_owned(),
                "/summaries/0/child/municipality_code".to_owned()
            ),
            (
                "stats.aggregate.no_id".to_owned(),
                "/summaries/1/child".to_owned()
            ),
            (
                "summary.child.id_invalid".to_owned(),
                "/summaries/1/child/id".to_owned()
            ),
        ]
    );
    // Both counted: one under no code, one under 小田原市's code.
    assert_eq!(r["result"]["children"]["count"], 2);
    assert_eq!(
        cells(table(&r, "municipality")),
        some(&[("142069", Some(1)), ("unknown", Some(1))])
    );
}
