//! The rendered messages of the rules converted from ready-made text to typed arguments
//! (issue 13 point 7), read as a nurse reads them. Every expected text is written here
//! by hand from the rule's templates and the input, never produced by the code under test.

use kyoten_core::calendar::IsoDate;
use kyoten_core::calendar::wareki::WarekiError;
use kyoten_core::care::{
    CareItem, CareKind, ClinicalProfile, Frequency, LowSpo2, MotorLevel, Per, ShortStayGround,
    VentilationMode, WatchLevel,
};
use kyoten_core::finding::{Finding, Path};
use kyoten_core::scores::{EntitlementPolicy, compute, entitlement};
use kyoten_core::summary::{ConsentStatus, ConsentUse};
use kyoten_core::{calendar::Era, ops};
use serde_json::{Value, json};

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

fn item(kind: CareKind, since: &str) -> CareItem {
    let mut it = CareItem::new(kind);
    it.since = Some(d(since));
    it
}

fn profile(care: Vec<CareItem>, motor: Option<MotorLevel>) -> ClinicalProfile {
    ClinicalProfile {
        care,
        motor_level: motor,
        ..ClinicalProfile::default()
    }
}

/// Scores `p` for a child born 2020-05-01 on 2024-06-01.
fn score(p: &ClinicalProfile) -> Vec<Finding> {
    compute(
        p,
        d("2020-05-01"),
        d("2024-06-01"),
        &Path::root().key("clinical"),
    )
    .1
}

/// The one finding of `code` in `findings`, as (path, ja, en).
fn one(findings: &[Finding], code: &str) -> (String, String, String) {
    let found: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(found.len(), 1, "{code}: {findings:#?}");
    let f = found[0];
    (f.path.clone(), f.message_ja(), f.message_en())
}

fn none(findings: &[Finding], code: &str) {
    assert!(
        !findings.iter().any(|f| f.code == code),
        "{code}: {findings:#?}"
    );
}

// ---------------------------------------------------------------------------------------
// 超重症児スコア
// ---------------------------------------------------------------------------------------

#[test]
fn super_severe_nicu_rule_and_too_short_name_the_day_it_counts_from() {
    // Born 2024-01-10, tracheostomy since 2024-01-20, NICU discharge 2024-03-10: the
    // state counts from 2024-04-10 (discharge + 1 month) instead of 2024-07-20.
    let mut p = profile(
        vec![item(CareKind::Tracheostomy, "2024-01-20")],
        Some(MotorLevel::Bedridden),
    );
    p.nicu_discharge = Some(d("2024-03-10"));
    let base = Path::root().key("clinical");
    let f = compute(&p, d("2024-01-10"), d("2024-04-10"), &base).1;
    assert_eq!(
        one(&f, "scores.super_severe.nicu_rule"),
        (
            "/clinical/care/0".into(),
            "NICU退院時から続く状態として、退院後1か月の 2024-04-10 から数えています".into(),
            "Counted under the NICU rule: present at NICU discharge, counted from 2024-04-10 (1 month after discharge)".into()
        )
    );
    none(&f, "scores.super_severe.too_short");
    let f = compute(&p, d("2024-01-10"), d("2024-04-09"), &base).1;
    none(&f, "scores.super_severe.nicu_rule");
    assert_eq!(
        one(&f, "scores.super_severe.too_short"),
        (
            "/clinical/care/0".into(),
            "継続期間が6か月（NICU退院後は1か月）に満たないため数えていません（2024-04-10 から数えます）".into(),
            "Not counted: the state has lasted less than 6 months (1 month after NICU discharge); it counts from 2024-04-10".into()
        )
    );
}

#[test]
fn super_severe_not_daily_says_the_recorded_frequency() {
    let mut v = item(CareKind::Ventilator, "2022-01-01");
    v.ventilation = vec![VentilationMode::Nippv];
    v.frequency = Some(Frequency {
        times: 3,
        per: Per::Week,
    });
    let f = score(&profile(vec![v.clone()], Some(MotorLevel::Bedridden)));
    assert_eq!(
        one(&f, "scores.super_severe.not_daily"),
        (
            "/clinical/care/0/frequency".into(),
            "NIPPV・CPAP・カフマシンは毎日行う場合のみレスピレーター管理に含むため、記録された頻度（3回/週）では数えていません".into(),
            "Not counted: NIPPV, CPAP and cough assist count as row 1 (respirator) only when used every day (recorded: 3 per week)".into()
        )
    );
    v.frequency = Some(Frequency {
        times: 1,
        per: Per::Day,
    });
    none(
        &score(&profile(vec![v], Some(MotorLevel::Bedridden))),
        "scores.super_severe.not_daily",
    );
}

#[test]
fn super_severe_below_threshold_names_the_threshold() {
    let mut s = item(CareKind::Suctioning, "2022-01-01");
    s.frequency = Some(Frequency {
        times: 5,
        per: Per::Day,
    });
    let f = score(&profile(vec![s.clone()], Some(MotorLevel::Bedridden)));
    let (path, ja, en) = one(&f, "scores.super_severe.below_threshold");
    assert_eq!(path, "/clinical/care/0");
    assert_eq!(
        ja,
        "頻度が基準に達しないか記録がないため数えていません（基準: 1日6回以上）"
    );
    assert_eq!(
        en,
        "Not counted: the frequency is below the row's threshold or not recorded (threshold: 6 times a day or more)"
    );
    s.frequency = Some(Frequency {
        times: 6,
        per: Per::Day,
    });
    none(
        &score(&profile(vec![s], Some(MotorLevel::Bedridden))),
        "scores.super_severe.below_threshold",
    );
    // Row 4 without oxygen: SpO2 ≤ 90% for 9% of the time is below 10%.
    let mut p = profile(vec![], Some(MotorLevel::Bedridden));
    p.low_spo2 = Some(LowSpo2 {
        percent_of_time: 9,
        since: Some(d("2022-01-01")),
    });
    let (path, ja, _) = one(&score(&p), "scores.super_severe.below_threshold");
    assert_eq!(path, "/clinical/low_spo2/percent_of_time");
    assert_eq!(
        ja,
        "頻度が基準に達しないか記録がないため数えていません（基準: SpO2 90% 以下が時間の10%以上）"
    );
    // Continuous drainage without an artificial bladder.
    let (_, ja, en) = one(
        &score(&profile(
            vec![item(CareKind::ContinuousCatheterization, "2022-01-01")],
            Some(MotorLevel::Bedridden),
        )),
        "scores.super_severe.below_threshold",
    );
    assert_eq!(
        ja,
        "頻度が基準に達しないか記録がないため数えていません（基準: 人工膀胱（膀胱瘻・尿路ストーマ）の場合のみ）"
    );
    assert!(en.ends_with("(threshold: only with an artificial bladder (cystostomy or urostomy))"));
}

#[test]
fn super_severe_excluded_says_which_exclusion() {
    // A feeding pump with tube feeding (not enteral): the pump is left out.
    let f = score(&profile(
        vec![
            item(CareKind::TubeFeeding, "2022-01-01"),
            item(CareKind::FeedingPump, "2022-01-01"),
        ],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(
        one(&f, "scores.super_severe.excluded"),
        (
            "/clinical/care/1".into(),
            "排他的な項目のため数えていません（持続注入ポンプは腸ろう・腸管栄養のときのみ数えます）".into(),
            "Not counted: the rows exclude each other (the feeding pump counts only with enteral feeding)".into()
        )
    );
    // With enteral feeding the pump counts: no exclusion.
    none(
        &score(&profile(
            vec![
                item(CareKind::EnteralFeeding, "2022-01-01"),
                item(CareKind::FeedingPump, "2022-01-01"),
            ],
            Some(MotorLevel::Bedridden),
        )),
        "scores.super_severe.excluded",
    );
}

#[test]
fn not_a_row_names_the_kind_of_care_in_both_scores() {
    let f = score(&profile(
        vec![item(CareKind::SeizureCare, "2022-01-01")],
        Some(MotorLevel::Bedridden),
    ));
    let (_, ja, en) = one(&f, "scores.super_severe.not_a_row");
    assert_eq!(ja, "超重症児スコアの項目にないケアです（痙攣時の対応）");
    assert_eq!(
        en,
        "This kind of care is not a row of the super-severe score (seizure care)"
    );
    let f = score(&profile(
        vec![item(CareKind::PositionChange, "2022-01-01")],
        None,
    ));
    let (_, ja, en) = one(&f, "scores.medical_care.not_a_row");
    assert_eq!(ja, "医療的ケア判定スコアの項目にないケアです（体位交換）");
    assert_eq!(
        en,
        "This kind of care is not a row of the medical care score (position changes)"
    );
    none(
        &score(&profile(
            vec![item(CareKind::Suctioning, "2022-01-01")],
            None,
        )),
        "scores.medical_care.not_a_row",
    );
}

#[test]
fn super_severe_motor_findings_carry_the_total() {
    // A central line (row 7, 10 points) for over 6 months.
    let line = || vec![item(CareKind::CentralLine, "2022-01-01")];
    let (_, ja, en) = one(
        &score(&profile(line(), None)),
        "scores.super_severe.motor_unknown",
    );
    assert_eq!(
        ja,
        "運動機能が記録されていないため判定できません（合計 10 点）"
    );
    assert_eq!(
        en,
        "No category: the motor level is not recorded (total 10 points)"
    );
    let (path, ja, en) = one(
        &score(&profile(line(), Some(MotorLevel::Walks))),
        "scores.super_severe.motor_not_met",
    );
    assert_eq!(path, "/clinical/motor_level");
    assert_eq!(
        ja,
        "運動機能が座位までではないため、合計点（10 点）にかかわらず該当しません"
    );
    assert_eq!(
        en,
        "Neither category: the child walks, whatever the total (10 points)"
    );
    let f = score(&profile(line(), Some(MotorLevel::Bedridden)));
    none(&f, "scores.super_severe.motor_unknown");
    none(&f, "scores.super_severe.motor_not_met");
}

// ---------------------------------------------------------------------------------------
// 医療的ケア判定スコア, 大島分類, 医療型短期入所
// ---------------------------------------------------------------------------------------

fn watched(kind: CareKind, w: WatchLevel) -> CareItem {
    let mut it = item(kind, "2022-01-01");
    it.watch = Some(w);
    it
}

#[test]
fn medical_care_notes_carry_rows_and_points() {
    // Row 12: intermittent (5) + continuous watched low (3): 12b is the unconfirmed part.
    let f = score(&profile(
        vec![
            item(CareKind::IntermittentCatheterization, "2022-01-01"),
            watched(CareKind::ContinuousCatheterization, WatchLevel::Low),
        ],
        None,
    ));
    assert_eq!(
        one(&f, "scores.medical_care.select_one_unconfirmed"),
        (
            "/clinical/care/1".into(),
            "同じ行（導尿・排便管理）の複数の項目を数えています。公式の別表が「いずれか一つを選択」とする場合、この項目（別表の 12b、3 点）は数えません（未確認）".into(),
            "Two parts of one row (catheterisation or bowel care) are both counted; if the official table says to choose one, this part (row 12b, 3 points) does not count (unconfirmed)".into()
        )
    );
    // Glucose low (3) beside a subcutaneous pump.
    let f = score(&profile(
        vec![
            watched(CareKind::SubcutaneousPump, WatchLevel::Low),
            watched(CareKind::BloodGlucose, WatchLevel::Low),
        ],
        None,
    ));
    let (path, ja, _) = one(&f, "scores.medical_care.glucose_pump_note");
    assert_eq!(path, "/clinical/care/1");
    assert!(
        ja.contains("血糖測定（3 点）の数え方を変える可能性があります（未確認）"),
        "{ja}"
    );
    // Ventilator (watch high) and tracheostomy watched high: the tracheostomy's watch
    // score, 2 points, is left out.
    let mut v = item(CareKind::Ventilator, "2022-01-01");
    v.ventilation = vec![VentilationMode::Invasive];
    v.watch = Some(WatchLevel::High);
    let f = score(&profile(
        vec![v, watched(CareKind::Tracheostomy, WatchLevel::High)],
        None,
    ));
    let (path, ja, en) = one(&f, "scores.medical_care.tracheostomy_watch_with_ventilator");
    assert_eq!(path, "/clinical/care/1/watch");
    assert_eq!(
        ja,
        "人工呼吸器と気管切開の両方があるため、気管切開の見守りスコア（2 点）を数えていません（医師意見書の注記、未確認）"
    );
    assert_eq!(
        en,
        "Ventilator and tracheostomy: the tracheostomy's watch score (2 points) is not counted (physician-form note, unconfirmed)"
    );
    // Two devices: 10 points not added.
    let mut v = item(CareKind::Ventilator, "2022-01-01");
    v.ventilation = vec![VentilationMode::Nippv, VentilationMode::CoughAssist];
    let (_, ja, en) = one(
        &score(&profile(vec![v], None)),
        "scores.medical_care.one_ventilator_item",
    );
    assert_eq!(
        ja,
        "人工呼吸器の項目は機器の数にかかわらず一度だけ数えています（機器 2 種類、10 点を加えていません。医師意見書の注記、未確認）"
    );
    assert_eq!(
        en,
        "Ventilator row counted once whatever the number of devices (2 devices, 10 points not added; physician-form note, unconfirmed)"
    );
    // Level 1 with 3 points (a nebuliser).
    let (path, ja, en) = one(
        &score(&profile(
            vec![item(CareKind::Nebulizer, "2022-01-01")],
            None,
        )),
        "scores.medical_care.level1_unconfirmed",
    );
    assert_eq!(path, "/clinical");
    assert_eq!(ja, "区分1の下限（3点）は未確認です（合計 3 点）");
    assert_eq!(
        en,
        "The lower bound of level 1 (3 points) is unconfirmed (total 3 points)"
    );
}

#[test]
fn oshima_above_80_says_which_quotient() {
    let p = |iq: Option<u16>, dq: Option<u16>| ClinicalProfile {
        iq,
        dq,
        motor_level: Some(MotorLevel::Bedridden),
        ..ClinicalProfile::default()
    };
    let (path, ja, en) = one(&score(&p(Some(95), None)), "scores.oshima.above_80");
    assert_eq!(path, "/clinical/iq");
    assert_eq!(ja, "IQ が80を超えるため大島分類の区分はありません（IQ 95）");
    assert_eq!(en, "No Oshima cell: IQ above 80 (IQ 95)");
    let (path, ja, _) = one(&score(&p(None, Some(85))), "scores.oshima.above_80");
    assert_eq!(path, "/clinical/dq");
    assert_eq!(ja, "IQ が80を超えるため大島分類の区分はありません（DQ 85）");
    none(&score(&p(Some(80), None)), "scores.oshima.above_80");
}

#[test]
fn entitlement_findings_name_the_ground_and_age() {
    let decide = |grounds: &[ShortStayGround], age: u32, accept: bool| {
        let mut f = Vec::new();
        entitlement::decide(
            grounds,
            age,
            EntitlementPolicy {
                accept_unconfirmed_grounds: accept,
            },
            &Path::root().key("grounds"),
            &Path::root().key("birth_date"),
            &mut f,
        );
        f
    };
    let f = decide(&[ShortStayGround::SevereMotorIntellectual], 19, false);
    assert_eq!(
        one(&f, "scores.short_stay.child_ground_over_18"),
        (
            "/birth_date".into(),
            "18歳以上（19 歳）のため、児童の根拠を適用していません（重症心身障害児（大島分類1〜4））".into(),
            "Not applied: a ground for children under 18, and the person is 19 (severe motor and intellectual disabilities (Oshima 1-4))".into()
        )
    );
    none(
        &decide(&[ShortStayGround::SevereMotorIntellectual], 17, false),
        "scores.short_stay.child_ground_over_18",
    );
    let unconfirmed = [ShortStayGround::VegetativeAndCareScore8];
    let (path, ja, en) = one(
        &decide(&unconfirmed, 10, false),
        "scores.short_stay.unconfirmed_ground_not_accepted",
    );
    assert_eq!(path, "/grounds");
    assert_eq!(
        ja,
        "該当する根拠が未確認のもの（一つの資料のみ）だけのため対象としていません（遷延性意識障害かつ医療的ケア判定スコア8点以上（未確認）。方針で認めることができます）"
    );
    assert_eq!(
        en,
        "Not entitled: the only grounds that apply are unconfirmed (one source only: persistent vegetative state with medical care score 8+ (unconfirmed)); a policy can accept them"
    );
    let (_, ja, _) = one(
        &decide(&unconfirmed, 10, true),
        "scores.short_stay.unconfirmed_ground",
    );
    assert_eq!(
        ja,
        "未確認の根拠（一つの資料のみ）に基づき、方針により対象としています（遷延性意識障害かつ医療的ケア判定スコア8点以上（未確認））"
    );
    none(
        &decide(&[ShortStayGround::MedicalCareScore16], 10, false),
        "scores.short_stay.unconfirmed_ground_not_accepted",
    );
}

// ---------------------------------------------------------------------------------------
// Child summary: consents, timeline, emergency view, values with decimals
// ---------------------------------------------------------------------------------------

#[test]
fn consent_findings_name_the_use_and_the_date() {
    let at = Path::root().key("summary");
    let text = |s: ConsentStatus| {
        let f = s.finding(ConsentUse::Research, &at).unwrap();
        (f.path.clone(), f.message_ja(), f.message_en())
    };
    assert_eq!(
        text(ConsentStatus::NoneRecorded),
        (
            "/summary/consents".into(),
            "情報提供についての同意の記録がありません（利用目的: 研究）".into(),
            "No consent to share the summary is recorded (use: research)".into()
        )
    );
    assert_eq!(
        text(ConsentStatus::NotCovered).1,
        "この利用目的・提供先についての同意の記録がありません（利用目的: 研究）"
    );
    assert_eq!(
        text(ConsentStatus::Withdrawn {
            index: 1,
            on: d("2026-03-31")
        }),
        (
            "/summary/consents/1/withdrawn_on".into(),
            "この利用目的についての同意は撤回されています（研究、2026-03-31 に撤回）".into(),
            "The consent for this use has been withdrawn (research, withdrawn on 2026-03-31)"
                .into()
        )
    );
    assert_eq!(
        text(ConsentStatus::Expired {
            index: 2,
            on: d("2025-12-31")
        }),
        (
            "/summary/consents/2/expires_on".into(),
            "この利用目的についての同意は有効期限を過ぎています（研究、2025-12-31 まで有効）"
                .into(),
            "The consent for this use has run out (research, valid until 2025-12-31)".into()
        )
    );
    assert!(
        ConsentStatus::Covered { index: 0 }
            .finding(ConsentUse::Research, &at)
            .is_none()
    );
}

fn summary_example() -> Value {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/examples/summary-request.ventilated-tracheostomy-gastrostomy.json"
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn run(op: &str, doc: &Value) -> Value {
    let out = ops::run(op, doc.to_string().as_bytes()).expect("operation exists");
    serde_json::from_str(&out.json).unwrap()
}

/// The findings of `code` in a report, as (path, ja, en, args).
fn found(report: &Value, code: &str) -> Vec<(String, String, String, Value)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["message_ja"].as_str().unwrap().to_owned(),
                f["message_en"].as_str().unwrap().to_owned(),
                f["args"].clone(),
            )
        })
        .collect()
}

#[test]
fn timeline_and_emergency_view_findings_carry_dates_and_counts() {
    let clean = summary_example();
    assert!(
        found(
            &run("summary.timeline", &clean),
            "summary.timeline.no_first_consultation"
        )
        .is_empty()
    );
    let mut doc = clean.clone();
    doc["summary"]["history"].as_array_mut().unwrap().remove(0);
    // Born 2021-06-14: reaches 20 at the end of 2041-06-13.
    let f = found(
        &run("summary.timeline", &doc),
        "summary.timeline.no_first_consultation",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].1,
        "障害年金の請求に必要な初診日が受診歴にありません（20歳に達する日: 2041-06-13）"
    );
    assert_eq!(
        f[0].2,
        "No first-consultation date (初診日) is recorded for the disability pension claim (the child reaches 20 on 2041-06-13)"
    );
    assert_eq!(f[0].3, json!({"reaches_20": "2041-06-13"}));

    assert!(
        found(
            &run("summary.emergency_view", &clean),
            "summary.emergency_view.truncated"
        )
        .is_empty()
    );
    // Three diagnoses fit the screen; a fourth is left out.
    let mut doc = clean;
    doc["summary"]["diagnoses"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "胃食道逆流症", "icd10": "K21.9"}));
    let f = found(
        &run("summary.emergency_view", &doc),
        "summary.emergency_view.truncated",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "/summary/diagnoses");
    assert_eq!(f[0].1, "一画面に収めるため一部を省略しました（診断 1 件）");
    assert_eq!(
        f[0].2,
        "Some items were left out to fit one screen (diagnoses: 1 left out)"
    );
}

/// The example with one value replaced, validated: the findings of `code`.
fn with_value(pointer: &str, value: Value, code: &str) -> Vec<(String, String, String, Value)> {
    let mut doc = summary_example();
    *doc.pointer_mut(pointer).unwrap() = value;
    found(&run("summary.validate", &doc), code)
}

#[test]
fn values_out_of_range_are_written_exactly_with_their_unit() {
    let code = "summary.value.out_of_range";
    assert!(found(&run("summary.validate", &summary_example()), code).is_empty());
    let f = with_value("/summary/vital_signs/spo2_percent/max", json!(101), code);
    assert_eq!(
        f,
        vec![(
            "/summary/vital_signs/spo2_percent/max".to_owned(),
            "値が範囲外です（101 %、範囲は 0〜100 %）".to_owned(),
            "The value is out of range (101 %; allowed: 0–100 %)".to_owned(),
            json!({"value": "101", "min": "0", "max": "100", "unit": {"code": "", "label_ja": "%", "label_en": "%"}})
        )]
    );
    // A decimal setting: inspiratory time 5.5 s, allowed 0.1–5 s.
    let f = with_value("/summary/devices/0/settings/3/value", json!(5.5), code);
    assert_eq!(f[0].1, "値が範囲外です（5.5 秒、範囲は 0.1〜5 秒）");
    assert_eq!(
        f[0].2,
        "The value is out of range (5.5 s; allowed: 0.1–5 s)"
    );
    assert_eq!(f[0].3["value"], "5.5");
    assert_eq!(f[0].3["min"], "0.1");
    let f = with_value("/summary/vital_signs/weight_kg", json!(0.25), code);
    assert_eq!(f[0].1, "値が範囲外です（0.25 kg、範囲は 0.3〜200 kg）");
    let f = with_value("/summary/medications/0/times_per_day", json!(0), code);
    assert_eq!(
        f[0].2,
        "The value is out of range (0 times a day; allowed: 1–24 times a day)"
    );
    assert_eq!(f[0].1, "値が範囲外です（0 回/日、範囲は 1〜24 回/日）");
    // A dose number has no unit.
    let f = with_value("/summary/vaccinations/0/dose", json!(0), code);
    assert_eq!(f[0].1, "値が範囲外です（0、範囲は 1〜10）");
    assert_eq!(f[0].2, "The value is out of range (0; allowed: 1–10)");
    // A number too large to write exactly is left out of the message, not rounded.
    let f = with_value("/summary/vital_signs/weight_kg", json!(1e300), code);
    assert_eq!(f[0].1, "値が範囲外です（範囲は 0.3〜200 kg）");
    assert_eq!(f[0].3.get("value"), None);
}

#[test]
fn an_inverted_range_and_an_impossible_weight_are_written_exactly() {
    let code = "summary.value.range_inverted";
    assert!(found(&run("summary.validate", &summary_example()), code).is_empty());
    let f = with_value("/summary/vital_signs/temperature_c/min", json!(37.5), code);
    assert_eq!(
        f,
        vec![(
            "/summary/vital_signs/temperature_c".to_owned(),
            "下限が上限より大きくなっています（下限 37.5、上限 37.3 ℃）".to_owned(),
            "The minimum is above the maximum (minimum 37.5, maximum 37.3 °C)".to_owned(),
            json!({"min": "37.5", "max": "37.3", "unit": {"code": "", "label_ja": "℃", "label_en": "°C"}})
        )]
    );
    // Measured 2026-11-02 at 5 years: 0.4 × 14.0 = 5.6 kg to 2 × 26.0 = 52 kg.
    let code = "summary.weight.implausible";
    assert!(found(&run("summary.validate", &summary_example()), code).is_empty());
    let f = with_value("/summary/vital_signs/weight_kg", json!(140), code);
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].1,
        "体重がこの年齢ではありえない値です（140 kg、5 歳では 5.6〜52 kg。入力の誤りの可能性）"
    );
    assert_eq!(
        f[0].2,
        "The weight is impossible for the child's age (140 kg; 5.6–52 kg at age 5; probably a typing slip)"
    );
    assert_eq!(
        f[0].3,
        json!({"years": 5, "weight": "140", "min": "5.6", "max": "52"})
    );
}

// ---------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------

#[test]
fn wareki_findings_name_the_era_and_the_weekday() {
    let f = WarekiError::OutsideEra(Era::Heisei).finding("/date_text");
    assert_eq!(
        f.message_ja(),
        "その元号の期間外の日付です（平成は 1989-01-08 から 2019-04-30 まで）"
    );
    assert_eq!(
        f.message_en(),
        "The date lies outside that era (Heisei runs from 1989-01-08 to 2019-04-30)"
    );
    // The current era has no last day: the optional part inside is left out.
    let f = WarekiError::OutsideEra(Era::Reiwa).finding("/date_text");
    assert_eq!(
        f.message_ja(),
        "その元号の期間外の日付です（令和は 2019-05-01 から）"
    );
    assert_eq!(
        f.message_en(),
        "The date lies outside that era (Reiwa runs from 2019-05-01)"
    );
    let f = WarekiError::WeekdayMismatch(d("2024-04-01")).finding("/date_text");
    assert_eq!(
        f.message_ja(),
        "曜日が日付と合いません（2024-04-01 は月曜日）"
    );
    assert_eq!(
        f.message_en(),
        "The weekday does not match the date (2024-04-01 is a Monday)"
    );
    // Through an operation: 令和元年4月30日 is before Reiwa began.
    let r = run("calendar.convert", &json!({"values": ["令和元年4月30日"]}));
    let f = found(&r, "calendar.wareki.outside_era");
    assert_eq!(f.len(), 1, "{r:#}");
    assert_eq!(
        f[0].1,
        "その元号の期間外の日付です（令和は 2019-05-01 から）"
    );
    assert_eq!(f[0].3["start"], "2019-05-01");
    let r = run("calendar.convert", &json!({"values": ["令和元年5月1日"]}));
    assert!(found(&r, "calendar.wareki.outside_era").is_empty(), "{r:#}");
}

#[test]
fn an_age_beyond_the_calendar_is_its_own_finding() {
    let r = run(
        "calendar.age",
        &json!({"birth_date": "9985-01-01", "as_of": "9990-01-01"}),
    );
    let f = found(&r, "calendar.age.beyond_calendar");
    assert_eq!(f.len(), 1, "{r:#}");
    assert_eq!(f[0].0, "/birth_date");
    assert_eq!(
        f[0].1,
        "生年月日から求める日付（20歳に達する日など）が 9999 年を超えるため計算できません"
    );
    assert_eq!(f[0].3, json!({"year": 9999}));
    assert!(found(&r, "calendar.wareki.outside_era").is_empty());
    let r = run(
        "calendar.age",
        &json!({"birth_date": "2020-01-01", "as_of": "2024-01-01"}),
    );
    assert_eq!(r["errors"], 0, "{r:#}");
}

// ---------------------------------------------------------------------------------------
// Staffing: the share below the minimum, with its exact percentage
// ---------------------------------------------------------------------------------------

#[test]
fn a_share_below_the_minimum_shows_its_percentage_with_two_decimals() {
    // 197 of 1000 minutes is 19.70% exactly: the trailing zero is written, as in the
    // result's `share.percent`.
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/examples/staffing-request.compliant.json"
    );
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let rule = "staffing.staff.share_below_minimum";
    assert!(found(&run("staffing.check", &doc), rule).is_empty());
    // The family support nurse (minimum 20%) gives 197 of 1000 minutes a week.
    doc["hub"]["staff"][1]["contracted_minutes"] = json!(1000);
    doc["hub"]["staff"][1]["hub_minutes"] = json!(197);
    let r = run("staffing.check", &doc);
    let f = found(&r, rule);
    assert_eq!(f.len(), 1, "{r:#}");
    assert_eq!(
        f[0].1,
        "拠点事業に充てる時間の割合（197 分 / 1000 分 = 19.70%）が最低割合 20% に達していません"
    );
    assert_eq!(
        f[0].2,
        "The share of working time given to the hub (197 of 1000 minutes = 19.70%) is below the minimum of 20%"
    );
    assert_eq!(f[0].3["share"], "19.70");
    assert_eq!(f[0].0, "/hub/staff/1/hub_minutes");
    assert_eq!(r["result"]["staff"][1]["share"]["percent"], "19.70");
}
