//! Scores of CLINICAL.md A–D. Every expected number here is computed by hand from the
//! tables in CLINICAL.md, never by calling the code under test.

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{
    CareItem, CareKind, ClinicalCondition, ClinicalProfile, Frequency, LowSpo2, MotorLevel, Per,
    ShortStayGround, SuctionSite, UrinaryRoute, VentilationMode, WatchLevel, validate_clinical,
};
use kyoten_core::finding::{Finding, Path, Severity};
use kyoten_core::scores::{
    self, MedicalCareLevel, OshimaGroup, ScoreResult, SuperSevereCategory, WelfareCategory,
    compute, short_stay_grounds,
};

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}
const BIRTH: &str = "2020-05-01";
const AS_OF: &str = "2024-06-01";
/// More than 6 months before AS_OF.
const LONG_AGO: &str = "2022-01-01";

fn item(kind: CareKind) -> CareItem {
    let mut it = CareItem::new(kind);
    it.since = Some(d(LONG_AGO));
    it
}
fn with_freq(kind: CareKind, times: u16, per: Per) -> CareItem {
    let mut it = item(kind);
    it.frequency = Some(Frequency { times, per });
    it
}
fn vent(modes: &[VentilationMode]) -> CareItem {
    let mut it = item(CareKind::Ventilator);
    it.ventilation = modes.to_vec();
    it
}
fn profile(care: Vec<CareItem>, motor: Option<MotorLevel>) -> ClinicalProfile {
    ClinicalProfile {
        care,
        motor_level: motor,
        ..ClinicalProfile::default()
    }
}
fn score(p: &ClinicalProfile) -> (ScoreResult, Vec<Finding>) {
    compute(p, d(BIRTH), d(AS_OF), &Path::root().key("clinical"))
}
fn score_on(p: &ClinicalProfile, as_of: &str) -> (ScoreResult, Vec<Finding>) {
    compute(p, d(BIRTH), d(as_of), &Path::root().key("clinical"))
}
fn validate(p: &ClinicalProfile) -> Vec<Finding> {
    let mut f = Vec::new();
    validate_clinical(p, &Path::root().key("clinical"), d(BIRTH), d(AS_OF), &mut f);
    f
}
fn has(findings: &[Finding], code: &str) -> bool {
    findings.iter().any(|f| f.code == code)
}
fn has_at(findings: &[Finding], code: &str, path: &str) -> bool {
    findings.iter().any(|f| f.code == code && f.path == path)
}
fn ss_total(care: Vec<CareItem>) -> u16 {
    score(&profile(care, Some(MotorLevel::Bedridden)))
        .0
        .super_severe
        .total
}
fn mc_total(care: Vec<CareItem>) -> u16 {
    score(&profile(care, None)).0.medical_care.total
}
fn watched(kind: CareKind, w: WatchLevel) -> CareItem {
    let mut it = item(kind);
    it.watch = Some(w);
    it
}

// ---------------------------------------------------------------------------------------
// A. 超重症児スコア: every row
// ---------------------------------------------------------------------------------------

#[test]
fn ss_row1_respirator_counts_invasive_nippv_cpap_cough_assist() {
    for mode in [
        VentilationMode::Invasive,
        VentilationMode::Nippv,
        VentilationMode::Cpap,
        VentilationMode::CoughAssist,
    ] {
        let (r, _) = score(&profile(vec![vent(&[mode])], Some(MotorLevel::Bedridden)));
        assert_eq!(r.super_severe.total, 10, "{mode:?}");
        assert_eq!(r.super_severe.items.len(), 1);
        assert_eq!(r.super_severe.items[0].row, "1");
        assert_eq!(r.super_severe.items[0].points, 10);
        assert!(
            r.super_severe.items[0]
                .item_ja
                .starts_with("レスピレーター管理")
        );
        assert_eq!(r.super_severe.items[0].path, "/clinical/care/0");
    }
    // High-flow alone is not a respirator for this score.
    let (r, f) = score(&profile(
        vec![vent(&[VentilationMode::HighFlow])],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(r.super_severe.total, 0);
    assert!(has_at(
        &f,
        "scores.super_severe.device_not_listed",
        "/clinical/care/0/ventilation"
    ));
    // High-flow with CPAP: counts once.
    assert_eq!(
        ss_total(vec![vent(&[
            VentilationMode::HighFlow,
            VentilationMode::Cpap
        ])]),
        10
    );
}

fn vent_freq(modes: &[VentilationMode], times: u16, per: Per) -> CareItem {
    let mut it = vent(modes);
    it.frequency = Some(Frequency { times, per });
    it
}

#[test]
fn ss_row1_nippv_cpap_cough_assist_count_only_when_used_every_day() {
    use VentilationMode as V;
    let bed = Some(MotorLevel::Bedridden);
    for mode in [V::Nippv, V::Cpap, V::CoughAssist] {
        // No frequency: read as every day, and said so.
        let (r, f) = score(&profile(vec![vent(&[mode])], bed));
        assert_eq!(r.super_severe.total, 10, "{mode:?}");
        assert!(has_at(
            &f,
            "scores.super_severe.daily_assumed",
            "/clinical/care/0"
        ));
        // Once a day: every day, counted without a note.
        let (r, f) = score(&profile(vec![vent_freq(&[mode], 1, Per::Day)], bed));
        assert_eq!(r.super_severe.total, 10, "{mode:?}");
        assert!(!has(&f, "scores.super_severe.daily_assumed"));
        assert!(!has(&f, "scores.super_severe.not_daily"));
        // 7 a week: read as every day.
        assert_eq!(
            score(&profile(vec![vent_freq(&[mode], 7, Per::Week)], bed))
                .0
                .super_severe
                .total,
            10
        );
        // 6 a week: not every day, not counted.
        let (r, f) = score(&profile(vec![vent_freq(&[mode], 6, Per::Week)], bed));
        assert_eq!(r.super_severe.total, 0, "{mode:?}");
        assert!(has_at(
            &f,
            "scores.super_severe.not_daily",
            "/clinical/care/0/frequency"
        ));
    }
    // Invasive ventilation counts at any frequency, without a note.
    let (r, f) = score(&profile(
        vec![vent_freq(&[V::Invasive, V::CoughAssist], 2, Per::Week)],
        bed,
    ));
    assert_eq!(r.super_severe.total, 10);
    assert!(!has(&f, "scores.super_severe.not_daily"));
    assert!(!has(&f, "scores.super_severe.daily_assumed"));
    // A state shorter than 6 months is not counted, and not said to be read as daily.
    let mut short = vent(&[V::Cpap]);
    short.since = Some(d("2024-03-01"));
    let (r, f) = score(&profile(vec![short], bed));
    assert_eq!(r.super_severe.total, 0);
    assert!(has(&f, "scores.super_severe.too_short"));
    assert!(!has(&f, "scores.super_severe.daily_assumed"));
    // The frequency is a detail a ventilator may carry: no validation finding.
    assert_eq!(
        validate(&profile(vec![vent_freq(&[V::Nippv], 1, Per::Day)], bed)),
        vec![]
    );
}

#[test]
fn ss_rows_2_3_4_7_11_13_fixed_points() {
    assert_eq!(ss_total(vec![item(CareKind::Tracheostomy)]), 8);
    assert_eq!(ss_total(vec![item(CareKind::NasopharyngealAirway)]), 5);
    assert_eq!(ss_total(vec![item(CareKind::Oxygen)]), 5);
    assert_eq!(ss_total(vec![item(CareKind::CentralLine)]), 10);
    assert_eq!(ss_total(vec![item(CareKind::Dialysis)]), 10);
    assert_eq!(ss_total(vec![item(CareKind::Stoma)]), 5);
    let (r, _) = score(&profile(
        vec![item(CareKind::Stoma)],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(r.super_severe.items[0].row, "13");
    assert_eq!(r.super_severe.items[0].item_ja, "人工肛門");
}

#[test]
fn ss_row4_low_spo2_without_oxygen_threshold_10_percent() {
    let mut p = profile(vec![], Some(MotorLevel::Bedridden));
    p.low_spo2 = Some(LowSpo2 {
        percent_of_time: 10,
        since: Some(d(LONG_AGO)),
    });
    let (r, _) = score(&p);
    assert_eq!(r.super_severe.total, 5);
    assert_eq!(r.super_severe.items[0].path, "/clinical/low_spo2");
    p.low_spo2 = Some(LowSpo2 {
        percent_of_time: 9,
        since: Some(d(LONG_AGO)),
    });
    let (r, f) = score(&p);
    assert_eq!(r.super_severe.total, 0);
    assert!(has_at(
        &f,
        "scores.super_severe.below_threshold",
        "/clinical/low_spo2/percent_of_time"
    ));
    // Oxygen and low SpO2 are one row: 5, not 10.
    p.care = vec![item(CareKind::Oxygen)];
    p.low_spo2 = Some(LowSpo2 {
        percent_of_time: 50,
        since: Some(d(LONG_AGO)),
    });
    assert_eq!(score(&p).0.super_severe.total, 5);
}

#[test]
fn ss_row5_suction_8_or_3_never_both() {
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Suctioning, 1, Per::Hour)]),
        8
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Suctioning, 2, Per::Hour)]),
        8
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Suctioning, 24, Per::Day)]),
        8
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Suctioning, 23, Per::Day)]),
        3
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Suctioning, 6, Per::Day)]),
        3
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Suctioning, 5, Per::Day)]),
        0
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Suctioning, 42, Per::Week)]),
        3
    );
    let (r, _) = score(&profile(
        vec![with_freq(CareKind::Suctioning, 1, Per::Hour)],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(r.super_severe.items.len(), 1, "one item, never 8 + 3");
    assert_eq!(r.super_severe.items[0].item_ja, "1回/時間以上の頻回の吸引");
    let (r, f) = score(&profile(
        vec![item(CareKind::Suctioning)],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(r.super_severe.total, 0);
    assert!(has_at(
        &f,
        "scores.super_severe.below_threshold",
        "/clinical/care/0"
    ));
}

#[test]
fn ss_row6_nebuliser_6_a_day_or_continuous() {
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Nebulizer, 6, Per::Day)]),
        3
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::Nebulizer, 5, Per::Day)]),
        0
    );
    let mut c = item(CareKind::Nebulizer);
    c.continuous = true;
    assert_eq!(ss_total(vec![c]), 3);
}

#[test]
fn ss_rows_8_9_feeding_routes_exclude_each_other() {
    assert_eq!(ss_total(vec![item(CareKind::OralFeedingAssisted)]), 3);
    assert_eq!(ss_total(vec![item(CareKind::TubeFeeding)]), 5);
    assert_eq!(ss_total(vec![item(CareKind::EnteralFeeding)]), 8);
    assert_eq!(
        ss_total(vec![
            item(CareKind::EnteralFeeding),
            item(CareKind::FeedingPump)
        ]),
        11
    );
    // The pump adds only to row 9.
    let (r, f) = score(&profile(
        vec![item(CareKind::TubeFeeding), item(CareKind::FeedingPump)],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(r.super_severe.total, 5);
    assert!(has_at(
        &f,
        "scores.super_severe.excluded",
        "/clinical/care/1"
    ));
    // One route only: the highest.
    let (r, f) = score(&profile(
        vec![
            item(CareKind::OralFeedingAssisted),
            item(CareKind::TubeFeeding),
        ],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(r.super_severe.total, 5);
    assert!(has_at(
        &f,
        "scores.super_severe.excluded",
        "/clinical/care/0"
    ));
    assert_eq!(
        ss_total(vec![
            item(CareKind::OralFeedingAssisted),
            item(CareKind::TubeFeeding),
            item(CareKind::EnteralFeeding),
            item(CareKind::FeedingPump),
        ]),
        11
    );
}

#[test]
fn ss_row10_hypertonia_3_a_day() {
    assert_eq!(
        ss_total(vec![with_freq(CareKind::HypertoniaCare, 3, Per::Day)]),
        3
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::HypertoniaCare, 2, Per::Day)]),
        0
    );
}

#[test]
fn ss_row12_catheterisation_3_a_day_or_artificial_bladder_once() {
    assert_eq!(
        ss_total(vec![with_freq(
            CareKind::IntermittentCatheterization,
            3,
            Per::Day
        )]),
        5
    );
    assert_eq!(
        ss_total(vec![with_freq(
            CareKind::IntermittentCatheterization,
            2,
            Per::Day
        )]),
        0
    );
    for (route, points) in [
        (UrinaryRoute::Cystostomy, 5),
        (UrinaryRoute::Urostomy, 5),
        (UrinaryRoute::UrethralCatheter, 0),
        (UrinaryRoute::Nephrostomy, 0),
    ] {
        let mut c = item(CareKind::ContinuousCatheterization);
        c.urinary_route = Some(route);
        assert_eq!(ss_total(vec![c]), points, "{route:?}");
    }
    let mut c = item(CareKind::ContinuousCatheterization);
    c.urinary_route = Some(UrinaryRoute::Cystostomy);
    let (r, f) = score(&profile(
        vec![
            with_freq(CareKind::IntermittentCatheterization, 4, Per::Day),
            c,
        ],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(r.super_severe.total, 5);
    assert!(has_at(
        &f,
        "scores.super_severe.excluded",
        "/clinical/care/1"
    ));
}

#[test]
fn ss_row14_position_changes_6_a_day() {
    assert_eq!(
        ss_total(vec![with_freq(CareKind::PositionChange, 6, Per::Day)]),
        3
    );
    assert_eq!(
        ss_total(vec![with_freq(CareKind::PositionChange, 5, Per::Day)]),
        0
    );
}

#[test]
fn ss_kinds_outside_the_table_are_named_not_counted() {
    let (r, f) = score(&profile(
        vec![item(CareKind::BloodGlucose), item(CareKind::SeizureCare)],
        Some(MotorLevel::Bedridden),
    ));
    assert_eq!(r.super_severe.total, 0);
    assert!(has_at(
        &f,
        "scores.super_severe.not_a_row",
        "/clinical/care/0"
    ));
    assert!(has_at(
        &f,
        "scores.super_severe.not_a_row",
        "/clinical/care/1"
    ));
}

#[test]
fn ss_maximum_is_86() {
    let mut c = item(CareKind::ContinuousCatheterization);
    c.urinary_route = Some(UrinaryRoute::Urostomy);
    let mut neb = item(CareKind::Nebulizer);
    neb.continuous = true;
    let all = vec![
        vent(&[VentilationMode::Invasive]),
        item(CareKind::Tracheostomy),
        item(CareKind::NasopharyngealAirway),
        item(CareKind::Oxygen),
        with_freq(CareKind::Suctioning, 2, Per::Hour),
        neb,
        item(CareKind::CentralLine),
        item(CareKind::OralFeedingAssisted),
        item(CareKind::TubeFeeding),
        item(CareKind::EnteralFeeding),
        item(CareKind::FeedingPump),
        with_freq(CareKind::HypertoniaCare, 5, Per::Day),
        item(CareKind::Dialysis),
        with_freq(CareKind::IntermittentCatheterization, 5, Per::Day),
        c,
        item(CareKind::Stoma),
        with_freq(CareKind::PositionChange, 8, Per::Day),
    ];
    // 10+8+5+5+8+3+10+8+3+3+10+5+5+3 = 86
    assert_eq!(ss_total(all), 86);
    assert_eq!(scores::super_severe::max_total(), 86);
}

// Thresholds: 9/10 and 24/25, with the motor condition and the 2021 welfare rule.

fn nine() -> Vec<CareItem> {
    // oral 3 + nebuliser 3 + position changes 3
    vec![
        item(CareKind::OralFeedingAssisted),
        with_freq(CareKind::Nebulizer, 6, Per::Day),
        with_freq(CareKind::PositionChange, 6, Per::Day),
    ]
}
fn ten() -> Vec<CareItem> {
    // airway 5 + oxygen 5
    vec![item(CareKind::NasopharyngealAirway), item(CareKind::Oxygen)]
}
fn twenty_four() -> Vec<CareItem> {
    // respirator 10 + tracheostomy 8 + nebuliser 3 + position 3
    vec![
        vent(&[VentilationMode::Invasive]),
        item(CareKind::Tracheostomy),
        with_freq(CareKind::Nebulizer, 6, Per::Day),
        with_freq(CareKind::PositionChange, 6, Per::Day),
    ]
}
fn twenty_five() -> Vec<CareItem> {
    // respirator 10 + IVH 10 + airway 5
    vec![
        vent(&[VentilationMode::Nippv]),
        item(CareKind::CentralLine),
        item(CareKind::NasopharyngealAirway),
    ]
}

#[test]
fn ss_thresholds_9_10_24_25_when_sitting() {
    for motor in [MotorLevel::Sits, MotorLevel::Bedridden] {
        let cases = [
            (
                nine(),
                9,
                SuperSevereCategory::NotApplicable,
                WelfareCategory::NotApplicable,
            ),
            (
                ten(),
                10,
                SuperSevereCategory::SemiSuperSevere,
                WelfareCategory::SpecialII,
            ),
            (
                twenty_four(),
                24,
                SuperSevereCategory::SemiSuperSevere,
                WelfareCategory::SpecialII,
            ),
            (
                twenty_five(),
                25,
                SuperSevereCategory::SuperSevere,
                WelfareCategory::SpecialI,
            ),
        ];
        for (care, total, cat, welfare) in cases {
            let (r, _) = score(&profile(care, Some(motor)));
            assert_eq!(r.super_severe.total, total);
            assert_eq!(r.super_severe.category, cat, "{total} {motor:?}");
            assert_eq!(r.super_severe.welfare_2021, welfare, "{total}");
            assert_eq!(r.super_severe.motor_up_to_sitting, Some(true));
        }
    }
}

#[test]
fn ss_motor_condition_applies_to_both_categories_but_not_to_welfare_2021() {
    for motor in [
        MotorLevel::Runs,
        MotorLevel::Walks,
        MotorLevel::WalksWithDifficulty,
    ] {
        for (care, welfare) in [
            (ten(), WelfareCategory::SpecialII),
            (twenty_five(), WelfareCategory::SpecialI),
        ] {
            let (r, f) = score(&profile(care, Some(motor)));
            assert_eq!(
                r.super_severe.category,
                SuperSevereCategory::NotApplicable,
                "{motor:?}"
            );
            assert_eq!(r.super_severe.welfare_2021, welfare);
            assert!(has_at(
                &f,
                "scores.super_severe.motor_not_met",
                "/clinical/motor_level"
            ));
        }
    }
    let (r, f) = score(&profile(twenty_five(), None));
    assert_eq!(r.super_severe.category, SuperSevereCategory::Undetermined);
    assert_eq!(r.super_severe.motor_up_to_sitting, None);
    assert!(has(&f, "scores.super_severe.motor_unknown"));
    // Below 10 nothing is said about motor function.
    let (r, f) = score(&profile(nine(), None));
    assert_eq!(r.super_severe.category, SuperSevereCategory::NotApplicable);
    assert!(!has(&f, "scores.super_severe.motor_unknown"));
}

// Duration: 6 months, NICU 1 month.

#[test]
fn ss_six_month_rule_both_sides() {
    let mut it = item(CareKind::CentralLine);
    it.since = Some(d("2023-12-01")); // AS_OF 2024-06-01 is exactly 6 months later
    assert_eq!(ss_total(vec![it.clone()]), 10);
    it.since = Some(d("2023-12-02"));
    let (r, f) = score(&profile(vec![it], Some(MotorLevel::Bedridden)));
    assert_eq!(r.super_severe.total, 0);
    let tf = f
        .iter()
        .find(|f| f.code == "scores.super_severe.too_short")
        .unwrap();
    assert_eq!(tf.path, "/clinical/care/0");
    assert_eq!(tf.severity, Severity::Info);
    assert!(
        tf.message_ja().contains("2024-06-02"),
        "{}",
        tf.message_ja()
    );
    // Month-end: 2023-08-31 + 6 months = 2024-02-29.
    let mut it = item(CareKind::CentralLine);
    it.since = Some(d("2023-08-31"));
    assert_eq!(
        score_on(
            &profile(vec![it.clone()], Some(MotorLevel::Bedridden)),
            "2024-02-29"
        )
        .0
        .super_severe
        .total,
        10
    );
    assert_eq!(
        score_on(
            &profile(vec![it], Some(MotorLevel::Bedridden)),
            "2024-02-28"
        )
        .0
        .super_severe
        .total,
        0
    );
    // No start date: not counted.
    let mut it = item(CareKind::CentralLine);
    it.since = None;
    let (r, f) = score(&profile(vec![it], Some(MotorLevel::Bedridden)));
    assert_eq!(r.super_severe.total, 0);
    assert!(has_at(
        &f,
        "scores.super_severe.since_unknown",
        "/clinical/care/0"
    ));
}

#[test]
fn ss_nicu_one_month_rule_both_sides() {
    let birth = d("2024-01-10");
    let mut it = item(CareKind::Tracheostomy);
    it.since = Some(d("2024-01-20"));
    let mut p = profile(vec![it], Some(MotorLevel::Bedridden));
    p.nicu_discharge = Some(d("2024-03-10"));
    let base = Path::root().key("clinical");
    let (r, f) = compute(&p, birth, d("2024-04-10"), &base);
    assert_eq!(r.super_severe.total, 8);
    assert!(has_at(
        &f,
        "scores.super_severe.nicu_rule",
        "/clinical/care/0"
    ));
    let (r, f) = compute(&p, birth, d("2024-04-09"), &base);
    assert_eq!(r.super_severe.total, 0);
    assert!(has(&f, "scores.super_severe.too_short"));
    // A state that began after discharge needs the full 6 months.
    p.care[0].since = Some(d("2024-03-20"));
    assert_eq!(
        compute(&p, birth, d("2024-05-01"), &base)
            .0
            .super_severe
            .total,
        0
    );
    assert_eq!(
        compute(&p, birth, d("2024-09-20"), &base)
            .0
            .super_severe
            .total,
        8
    );
}

// ---------------------------------------------------------------------------------------
// B. 医療的ケア判定スコア: every row, every watch level offered and not offered
// ---------------------------------------------------------------------------------------

/// (kind, base, high, medium, low) as printed in CLINICAL.md B; `None` is a "–".
/// (kind, base, watch high, medium, low).
type McRow = (CareKind, u16, Option<u16>, Option<u16>, Option<u16>);
const MC_TABLE: [McRow; 19] = [
    (CareKind::Ventilator, 10, Some(2), Some(1), Some(0)),
    (CareKind::Tracheostomy, 8, Some(2), None, Some(0)),
    (CareKind::NasopharyngealAirway, 5, Some(1), None, Some(0)),
    (CareKind::Oxygen, 8, Some(1), None, Some(0)),
    (CareKind::Suctioning, 8, Some(1), None, Some(0)),
    (CareKind::Nebulizer, 3, None, None, None),
    (CareKind::TubeFeeding, 8, Some(2), None, Some(0)),
    (CareKind::FeedingPump, 3, Some(1), None, Some(0)),
    (CareKind::CentralLine, 8, Some(2), None, Some(0)),
    (CareKind::SubcutaneousInjection, 5, Some(1), None, Some(0)),
    (CareKind::SubcutaneousPump, 3, Some(1), None, Some(0)),
    (CareKind::BloodGlucose, 3, Some(1), None, Some(0)),
    (CareKind::Dialysis, 8, Some(2), None, Some(0)),
    (CareKind::IntermittentCatheterization, 5, None, None, None),
    (
        CareKind::ContinuousCatheterization,
        3,
        Some(1),
        None,
        Some(0),
    ),
    (CareKind::Stoma, 5, Some(1), None, Some(0)),
    (CareKind::BowelCare, 5, None, None, None),
    (CareKind::Enema, 3, None, None, None),
    (CareKind::SeizureCare, 3, Some(2), None, Some(0)),
];

#[test]
fn mc_every_row_every_watch_level() {
    for (kind, base, high, medium, low) in MC_TABLE {
        for (level, points) in [
            (WatchLevel::High, high),
            (WatchLevel::Medium, medium),
            (WatchLevel::Low, low),
        ] {
            let p = profile(vec![watched(kind, level)], None);
            let v = validate(&p);
            let (r, _) = score(&p);
            match points {
                Some(w) => {
                    assert!(
                        !has(&v, "care.item.watch_not_offered"),
                        "{kind:?} {level:?}"
                    );
                    assert_eq!(r.medical_care.total, base + w, "{kind:?} {level:?}");
                    assert_eq!(r.medical_care.items[0].watch_points as u16, w);
                    assert_eq!(r.medical_care.items[0].base as u16, base);
                }
                None => {
                    assert!(
                        has_at(&v, "care.item.watch_not_offered", "/clinical/care/0/watch"),
                        "{kind:?} {level:?}"
                    );
                    // Invalid input, not zero: the base still counts, the watch does not.
                    assert_eq!(r.medical_care.total, base, "{kind:?} {level:?}");
                }
            }
            assert_eq!(r.medical_care.items.len(), 1);
            assert_eq!(r.medical_care.items[0].path, "/clinical/care/0");
        }
        // Without a watch level: the base, and an info where the row offers levels.
        let (r, f) = score(&profile(vec![item(kind)], None));
        assert_eq!(r.medical_care.total, base, "{kind:?}");
        assert_eq!(
            has(&f, "scores.medical_care.watch_missing"),
            high.is_some(),
            "{kind:?}"
        );
    }
}

#[test]
fn mc_row_wording_and_numbers() {
    let (r, _) = score(&profile(
        vec![watched(CareKind::SeizureCare, WatchLevel::High)],
        None,
    ));
    assert_eq!(r.medical_care.items[0].row, "14");
    assert!(
        r.medical_care.items[0]
            .item_ja
            .starts_with("痙攣時の坐剤挿入")
    );
    let (r, _) = score(&profile(
        vec![watched(CareKind::FeedingPump, WatchLevel::High)],
        None,
    ));
    assert_eq!(r.medical_care.items[0].row, "7b");
    assert_eq!(r.medical_care.items[0].item_ja, "持続経管注入ポンプ使用");
}

#[test]
fn mc_kinds_outside_the_table_and_special_cases() {
    for kind in [
        CareKind::OralFeedingAssisted,
        CareKind::PositionChange,
        CareKind::HypertoniaCare,
    ] {
        let (r, f) = score(&profile(vec![item(kind)], None));
        assert_eq!(r.medical_care.total, 0, "{kind:?}");
        assert!(has(&f, "scores.medical_care.not_a_row"));
        let mut w = item(kind);
        w.watch = Some(WatchLevel::Low);
        assert!(has(
            &validate(&profile(vec![w], None)),
            "care.item.watch_not_offered"
        ));
    }
    // Enteral feeding is row 7a; with tube feeding too, 7a counts once.
    assert_eq!(
        mc_total(vec![watched(CareKind::EnteralFeeding, WatchLevel::High)]),
        10
    );
    let (r, f) = score(&profile(
        vec![
            watched(CareKind::TubeFeeding, WatchLevel::High),
            watched(CareKind::EnteralFeeding, WatchLevel::High),
        ],
        None,
    ));
    assert_eq!(r.medical_care.total, 10);
    assert!(has_at(
        &f,
        "scores.medical_care.row_once",
        "/clinical/care/1"
    ));
    // Suctioning counts only oral/nasal or tracheal.
    let mut s = watched(CareKind::Suctioning, WatchLevel::High);
    s.suction_sites = vec![SuctionSite::Other];
    let (r, f) = score(&profile(vec![s.clone()], None));
    assert_eq!(r.medical_care.total, 0);
    assert!(has_at(
        &f,
        "scores.medical_care.suction_site",
        "/clinical/care/0/suction_sites"
    ));
    s.suction_sites = vec![SuctionSite::Other, SuctionSite::Tracheal];
    assert_eq!(mc_total(vec![s]), 9);
    // A small commercial glycerin enema does not count.
    let mut e = item(CareKind::Enema);
    e.commercial_glycerin_only = true;
    let (r, f) = score(&profile(vec![e], None));
    assert_eq!(r.medical_care.total, 0);
    assert!(has(&f, "scores.medical_care.glycerin_enema"));
}

#[test]
fn mc_unconfirmed_rules_report_when_they_change_a_total() {
    // Ventilator high (12) + tracheostomy high: 8 + 2, but the watch 2 is dropped → 20.
    let (r, f) = score(&profile(
        vec![
            {
                let mut v = vent(&[VentilationMode::Invasive]);
                v.watch = Some(WatchLevel::High);
                v
            },
            watched(CareKind::Tracheostomy, WatchLevel::High),
        ],
        None,
    ));
    assert_eq!(r.medical_care.total, 20);
    let t = f
        .iter()
        .find(|f| f.code == "scores.medical_care.tracheostomy_watch_with_ventilator")
        .unwrap();
    assert_eq!(
        (t.severity, t.path.as_str()),
        (Severity::Info, "/clinical/care/1/watch")
    );
    assert!(!r.medical_care.items[1].confirmed);
    // Tracheostomy high without a ventilator keeps its watch: 10, no info.
    let (r, f) = score(&profile(
        vec![watched(CareKind::Tracheostomy, WatchLevel::High)],
        None,
    ));
    assert_eq!(r.medical_care.total, 10);
    assert!(!has(
        &f,
        "scores.medical_care.tracheostomy_watch_with_ventilator"
    ));
    // With a low watch level the rule changes nothing and says nothing.
    let (r, f) = score(&profile(
        vec![
            vent(&[VentilationMode::Cpap]),
            watched(CareKind::Tracheostomy, WatchLevel::Low),
        ],
        None,
    ));
    assert_eq!(r.medical_care.total, 18);
    assert!(!has(
        &f,
        "scores.medical_care.tracheostomy_watch_with_ventilator"
    ));
    // Two devices: row 1 once (10 + 1), with an info.
    let mut v = vent(&[VentilationMode::Nippv, VentilationMode::CoughAssist]);
    v.watch = Some(WatchLevel::Medium);
    let (r, f) = score(&profile(vec![v], None));
    assert_eq!(r.medical_care.total, 11);
    assert!(has_at(
        &f,
        "scores.medical_care.one_ventilator_item",
        "/clinical/care/0/ventilation"
    ));
    let note = f
        .iter()
        .find(|f| f.code == "scores.medical_care.one_ventilator_item")
        .unwrap();
    assert!(
        note.message_en().contains("2 devices, 10 points not added"),
        "{}",
        note.message_en()
    );
    assert!(
        note.message_ja()
            .contains("機器 2 種類、10 点を加えていません")
    );
    assert!(!r.medical_care.items[0].confirmed);
    // Three devices: two further devices would add 20 by a per-device reading.
    let (r, f) = score(&profile(
        vec![vent(&[
            VentilationMode::Invasive,
            VentilationMode::HighFlow,
            VentilationMode::CoughAssist,
        ])],
        None,
    ));
    assert_eq!(r.medical_care.total, 10);
    assert!(
        f.iter()
            .any(|f| f.message_en().contains("3 devices, 20 points not added"))
    );
    let (_, f) = score(&profile(vec![vent(&[VentilationMode::Nippv])], None));
    assert!(!has(&f, "scores.medical_care.one_ventilator_item"));
    // One device listed twice (a validation error) is one device: the note would change
    // no total, so it says nothing and the row stays confirmed.
    let p = profile(
        vec![vent(&[VentilationMode::Nippv, VentilationMode::Nippv])],
        None,
    );
    let (r, f) = score(&p);
    assert_eq!(r.medical_care.total, 10);
    assert!(!has(&f, "scores.medical_care.one_ventilator_item"));
    assert!(r.medical_care.items[0].confirmed);
    assert!(has(&validate(&p), "care.item.duplicate_value"));
}

#[test]
fn mc_thresholds_2_3_15_16_31_32() {
    assert_eq!(MedicalCareLevel::of(2), MedicalCareLevel::NotApplicable);
    let (r, f) = score(&profile(vec![], None));
    assert_eq!(
        (r.medical_care.total, r.medical_care.level),
        (0, MedicalCareLevel::NotApplicable)
    );
    assert!(!has(&f, "scores.medical_care.level1_unconfirmed"));
    // 3: nebuliser.
    let (r, f) = score(&profile(vec![item(CareKind::Nebulizer)], None));
    assert_eq!(
        (r.medical_care.total, r.medical_care.level),
        (3, MedicalCareLevel::Level1)
    );
    assert!(has(&f, "scores.medical_care.level1_unconfirmed"));
    // 15: intermittent catheterisation 5 + bowel care 5 + stoma low 5.
    let fifteen = vec![
        item(CareKind::IntermittentCatheterization),
        item(CareKind::BowelCare),
        watched(CareKind::Stoma, WatchLevel::Low),
    ];
    let (r, _) = score(&profile(fifteen, None));
    assert_eq!(
        (r.medical_care.total, r.medical_care.level),
        (15, MedicalCareLevel::Level1)
    );
    assert!(!r.medical_care.at_least_16);
    // 16: tube feeding low 8 + suction low 8.
    let sixteen = vec![
        watched(CareKind::TubeFeeding, WatchLevel::Low),
        watched(CareKind::Suctioning, WatchLevel::Low),
    ];
    let (r, f) = score(&profile(sixteen, None));
    assert_eq!(
        (r.medical_care.total, r.medical_care.level),
        (16, MedicalCareLevel::Level2)
    );
    assert!(r.medical_care.at_least_16);
    assert!(!has(&f, "scores.medical_care.level1_unconfirmed"));
    // 31: ventilator low 10 + tracheostomy low 8 + oxygen low 8 + intermittent catheterisation 5.
    let mut thirty_one = vec![
        {
            let mut v = vent(&[VentilationMode::Invasive]);
            v.watch = Some(WatchLevel::Low);
            v
        },
        watched(CareKind::Tracheostomy, WatchLevel::Low),
        watched(CareKind::Oxygen, WatchLevel::Low),
        item(CareKind::IntermittentCatheterization),
    ];
    let (r, _) = score(&profile(thirty_one.clone(), None));
    assert_eq!(
        (r.medical_care.total, r.medical_care.level),
        (31, MedicalCareLevel::Level2)
    );
    // 32: replace catheterisation (5) by nebuliser 3 + enema 3 → 10+8+8+3+3.
    thirty_one.pop();
    thirty_one.push(item(CareKind::Nebulizer));
    thirty_one.push(item(CareKind::Enema));
    let (r, _) = score(&profile(thirty_one, None));
    assert_eq!(
        (r.medical_care.total, r.medical_care.level),
        (32, MedicalCareLevel::Level3)
    );
}

#[test]
fn mc_maximum_is_125() {
    let mut care: Vec<CareItem> = MC_TABLE
        .iter()
        .map(|(kind, _, high, _, _)| {
            let mut it = item(*kind);
            if high.is_some() {
                it.watch = Some(WatchLevel::High);
            }
            it
        })
        .collect();
    care[0].ventilation = vec![VentilationMode::Invasive];
    // 12+10+6+9+9+3+10+4+10+6+4+4+10+5+4+6+5+3+5 = 125 by the table; the unconfirmed
    // tracheostomy rule takes 2 off with a ventilator: 123.
    assert_eq!(mc_total(care), 123);
    assert_eq!(scores::medical_care::max_total(), 125);
}

// ---------------------------------------------------------------------------------------
// C. 大島分類: all 25 cells and the IQ boundaries
// ---------------------------------------------------------------------------------------

fn oshima(iq: u16, motor: MotorLevel) -> Option<u8> {
    let p = ClinicalProfile {
        iq: Some(iq),
        motor_level: Some(motor),
        ..ClinicalProfile::default()
    };
    score(&p).0.oshima.map(|o| o.cell)
}

#[test]
fn oshima_all_25_cells() {
    use MotorLevel::*;
    // (IQ inside the band, cells for runs, walks, walks with difficulty, sits, bedridden)
    let grid: [(u16, [u8; 5]); 5] = [
        (75, [21, 22, 23, 24, 25]),
        (60, [20, 13, 14, 15, 16]),
        (40, [19, 12, 7, 8, 9]),
        (30, [18, 11, 6, 3, 4]),
        (10, [17, 10, 5, 2, 1]),
    ];
    let mut seen = Vec::new();
    for (iq, cells) in grid {
        for (motor, cell) in [Runs, Walks, WalksWithDifficulty, Sits, Bedridden]
            .into_iter()
            .zip(cells)
        {
            assert_eq!(oshima(iq, motor), Some(cell), "IQ {iq} {motor:?}");
            seen.push(cell);
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, (1..=25).collect::<Vec<u8>>());
}

#[test]
fn oshima_iq_boundaries_fall_in_the_lower_band() {
    use MotorLevel::Bedridden;
    for (iq, cell) in [
        (0, Some(1)),
        (20, Some(1)),
        (21, Some(4)),
        (35, Some(4)),
        (36, Some(9)),
        (50, Some(9)),
        (51, Some(16)),
        (70, Some(16)),
        (71, Some(25)),
        (80, Some(25)),
        (81, None),
        (200, None),
    ] {
        assert_eq!(oshima(iq, Bedridden), cell, "IQ {iq}");
    }
    // The common wording 「IQ35以下で座位まで」: IQ 35 sitting is cell 3.
    assert_eq!(oshima(35, MotorLevel::Sits), Some(3));
    assert_eq!(oshima(36, MotorLevel::Sits), Some(8));
}

#[test]
fn oshima_groups_and_missing_facts() {
    let p = |iq, motor| ClinicalProfile {
        iq: Some(iq),
        motor_level: Some(motor),
        ..ClinicalProfile::default()
    };
    let (r, _) = score(&p(20, MotorLevel::Sits));
    let o = r.oshima.unwrap();
    assert_eq!(
        (o.cell, o.group, o.group_ja),
        (2, OshimaGroup::SevereMotorIntellectual, "重症心身障害児")
    );
    assert_eq!(
        score(&p(40, MotorLevel::WalksWithDifficulty))
            .0
            .oshima
            .unwrap()
            .group,
        OshimaGroup::Borderline
    );
    assert_eq!(
        score(&p(40, MotorLevel::Walks)).0.oshima.unwrap().group,
        OshimaGroup::Other
    );
    let (r, f) = score(&p(81, MotorLevel::Sits));
    assert!(r.oshima.is_none());
    assert!(has_at(&f, "scores.oshima.above_80", "/clinical/iq"));
    let (r, f) = score(&ClinicalProfile::default());
    assert!(r.oshima.is_none());
    assert!(has(&f, "scores.oshima.no_quotient"));
    let (r, f) = score(&ClinicalProfile {
        iq: Some(10),
        ..ClinicalProfile::default()
    });
    assert!(r.oshima.is_none());
    assert!(has(&f, "scores.oshima.no_motor"));
    let (r, f) = score(&ClinicalProfile {
        dq: Some(30),
        motor_level: Some(MotorLevel::Bedridden),
        ..ClinicalProfile::default()
    });
    let o = r.oshima.unwrap();
    assert_eq!((o.cell, o.from_dq), (4, true));
    assert!(has_at(&f, "scores.oshima.from_dq", "/clinical/dq"));
}

// ---------------------------------------------------------------------------------------
// D. 医療型短期入所
// ---------------------------------------------------------------------------------------

fn grounds(p: &ClinicalProfile) -> Vec<ShortStayGround> {
    short_stay_grounds(p, d(AS_OF))
}

#[test]
fn short_stay_each_ground() {
    use ShortStayGround as G;
    // Oshima 1–4.
    let mut p = ClinicalProfile {
        iq: Some(20),
        motor_level: Some(MotorLevel::Sits),
        ..ClinicalProfile::default()
    };
    assert_eq!(grounds(&p), vec![G::SevereMotorIntellectual]);
    p.support_level = Some(5);
    assert_eq!(
        grounds(&p),
        vec![G::SevereMotorIntellectual, G::SupportLevel5SevereDisability]
    );
    // Oshima 5 (borderline): no ground.
    p.motor_level = Some(MotorLevel::WalksWithDifficulty);
    assert_eq!(grounds(&p), vec![]);

    // Support level 6 with tracheostomy ventilation; level 5 is not enough.
    let mut p = profile(
        vec![
            vent(&[VentilationMode::Invasive]),
            item(CareKind::Tracheostomy),
        ],
        None,
    );
    p.support_level = Some(6);
    // Medical care: 10 + 8 = 18 (no watch) → also ≥ 16.
    assert_eq!(
        grounds(&p),
        vec![G::SupportLevel6Ventilator, G::MedicalCareScore16]
    );
    p.support_level = Some(5);
    assert_eq!(grounds(&p), vec![G::MedicalCareScore16]);
    // A tracheostomy with mask ventilation only is not tracheostomy ventilation.
    p.support_level = Some(6);
    p.care[0].ventilation = vec![VentilationMode::Nippv];
    assert_eq!(grounds(&p), vec![G::MedicalCareScore16]);

    // Level 5+ with progressive muscular atrophy; level 4 is not enough.
    let mut p = ClinicalProfile {
        support_level: Some(5),
        conditions: vec![ClinicalCondition::ProgressiveMuscularAtrophy],
        ..ClinicalProfile::default()
    };
    assert_eq!(grounds(&p), vec![G::SupportLevel5MuscularDystrophy]);
    p.support_level = Some(4);
    assert_eq!(grounds(&p), vec![]);

    // Level 1+ with a persistent vegetative state, intractable disease, motor neuron disease.
    for (cond, ground) in [
        (
            ClinicalCondition::PersistentVegetativeState,
            G::PersistentVegetativeState,
        ),
        (
            ClinicalCondition::IntractableDisease,
            G::PersistentVegetativeState,
        ),
        (ClinicalCondition::MotorNeuronDisease, G::MotorNeuronDisease),
    ] {
        let mut p = ClinicalProfile {
            support_level: Some(1),
            conditions: vec![cond],
            ..ClinicalProfile::default()
        };
        assert_eq!(grounds(&p), vec![ground]);
        p.support_level = Some(0);
        assert_eq!(grounds(&p), vec![]);
    }
}

#[test]
fn short_stay_medical_care_score_16_and_unconfirmed_grounds() {
    use ShortStayGround as G;
    let sixteen = vec![
        watched(CareKind::TubeFeeding, WatchLevel::Low),
        watched(CareKind::Suctioning, WatchLevel::Low),
    ];
    let fifteen = vec![
        item(CareKind::IntermittentCatheterization),
        item(CareKind::BowelCare),
        watched(CareKind::Stoma, WatchLevel::Low),
    ];
    assert_eq!(
        grounds(&profile(sixteen, None)),
        vec![G::MedicalCareScore16]
    );
    assert_eq!(grounds(&profile(fifteen.clone(), None)), vec![]);
    // Behaviour ≥ 10 with medical care ≥ 8 (unconfirmed): tube feeding low = 8.
    let mut p = profile(vec![watched(CareKind::TubeFeeding, WatchLevel::Low)], None);
    p.behaviour_score = Some(10);
    assert_eq!(grounds(&p), vec![G::BehaviourAndCareScore8]);
    let (r, f) = score(&p);
    assert!(!r.short_stay.eligible && r.short_stay.only_unconfirmed);
    assert!(has(&f, "scores.short_stay.unconfirmed_ground_not_accepted"));
    assert!(!has(&f, "scores.short_stay.unconfirmed_ground"));
    p.behaviour_score = Some(9);
    assert_eq!(grounds(&p), vec![]);
    // Medical care 5 (< 8) is not enough.
    let mut p = profile(vec![item(CareKind::BowelCare)], None);
    p.behaviour_score = Some(20);
    assert_eq!(grounds(&p), vec![]);
    // Persistent vegetative state with medical care ≥ 8 (unconfirmed), support level unknown.
    let mut p = profile(vec![watched(CareKind::Oxygen, WatchLevel::Low)], None);
    p.conditions = vec![ClinicalCondition::PersistentVegetativeState];
    assert_eq!(grounds(&p), vec![G::VegetativeAndCareScore8]);
    // A confirmed ground makes the child eligible.
    let (r, _) = score(&profile(
        vec![
            watched(CareKind::TubeFeeding, WatchLevel::Low),
            watched(CareKind::Suctioning, WatchLevel::Low),
        ],
        None,
    ));
    assert!(r.short_stay.eligible && !r.short_stay.only_unconfirmed);
    assert_eq!(
        r.short_stay.grounds[0].reason_ja,
        "医療的ケア判定スコア16点"
    );
}

#[test]
fn every_scores_rule_is_unique_and_exercised_by_a_test() {
    let src = [
        include_str!("scores.rs"),
        include_str!("scores_care.rs"),
        include_str!("entitlement.rs"),
        // scores.short_stay.draft (a draft never grants an entitlement).
        include_str!("draft.rs"),
    ]
    .concat();
    for (i, r) in scores::RULES.iter().enumerate() {
        assert!(r.code.starts_with("scores."), "{}", r.code);
        assert!(
            !scores::RULES.iter().take(i).any(|o| o.code == r.code),
            "{}",
            r.code
        );
        assert!(
            src.contains(&format!("\"{}", r.code)),
            "no test names {}",
            r.code
        );
        assert!(!r.ja.is_empty() && !r.en.is_empty());
    }
}

#[test]
fn mc_rows_12_and_13_parts_together_are_unconfirmed_not_dropped() {
    // Row 12: intermittent (5) + continuous watched low (3 + 0) = 8; both counted, the
    // lower part marked unconfirmed with a note at its care item.
    let (r, f) = score(&profile(
        vec![
            item(CareKind::IntermittentCatheterization),
            watched(CareKind::ContinuousCatheterization, WatchLevel::Low),
        ],
        None,
    ));
    assert_eq!(r.medical_care.total, 8);
    let marks: Vec<(&str, bool)> = r
        .medical_care
        .items
        .iter()
        .map(|i| (i.row, i.confirmed))
        .collect();
    assert_eq!(marks, vec![("12a", true), ("12b", false)]);
    assert!(has_at(
        &f,
        "scores.medical_care.select_one_unconfirmed",
        "/clinical/care/1"
    ));
    assert!(!has_at(
        &f,
        "scores.medical_care.select_one_unconfirmed",
        "/clinical/care/0"
    ));
    // One part alone: confirmed, no note.
    let (r, f) = score(&profile(
        vec![item(CareKind::IntermittentCatheterization)],
        None,
    ));
    assert!(r.medical_care.items[0].confirmed);
    assert!(!has(&f, "scores.medical_care.select_one_unconfirmed"));
    // Row 13: stoma low (5) + bowel care (5) + enema (3) = 13; 13a and 13b tie, the first
    // in table order stays confirmed, 13b and 13c are marked.
    let (r, f) = score(&profile(
        vec![
            item(CareKind::Enema),
            item(CareKind::BowelCare),
            watched(CareKind::Stoma, WatchLevel::Low),
        ],
        None,
    ));
    assert_eq!(r.medical_care.total, 13);
    let marks: Vec<(&str, bool)> = r
        .medical_care
        .items
        .iter()
        .map(|i| (i.row, i.confirmed))
        .collect();
    assert_eq!(marks, vec![("13a", true), ("13b", false), ("13c", false)]);
    let notes: Vec<&str> = f
        .iter()
        .filter(|f| f.code == "scores.medical_care.select_one_unconfirmed")
        .map(|f| f.path.as_str())
        .collect();
    // In table order: 13b (bowel care, care/1), then 13c (enema, care/0).
    assert_eq!(notes, vec!["/clinical/care/1", "/clinical/care/0"]);
    // A row 12 part and a row 13 part are different rows: no note.
    let (_, f) = score(&profile(
        vec![
            item(CareKind::IntermittentCatheterization),
            item(CareKind::BowelCare),
        ],
        None,
    ));
    assert!(!has(&f, "scores.medical_care.select_one_unconfirmed"));
}

#[test]
fn mc_row_10_beside_a_subcutaneous_pump_is_unconfirmed() {
    // Glucose low (3) + subcutaneous pump low (3) = 6, row 10 marked unconfirmed.
    let (r, f) = score(&profile(
        vec![
            watched(CareKind::SubcutaneousPump, WatchLevel::Low),
            watched(CareKind::BloodGlucose, WatchLevel::Low),
        ],
        None,
    ));
    assert_eq!(r.medical_care.total, 6);
    let marks: Vec<(&str, bool)> = r
        .medical_care
        .items
        .iter()
        .map(|i| (i.row, i.confirmed))
        .collect();
    assert_eq!(marks, vec![("9b", true), ("10", false)]);
    assert!(has_at(
        &f,
        "scores.medical_care.glucose_pump_note",
        "/clinical/care/1"
    ));
    // Glucose measurement alone, or with injections (9a) only: no note.
    for care in [
        vec![watched(CareKind::BloodGlucose, WatchLevel::High)],
        vec![
            watched(CareKind::SubcutaneousInjection, WatchLevel::Low),
            watched(CareKind::BloodGlucose, WatchLevel::Low),
        ],
    ] {
        let (r, f) = score(&profile(care, None));
        assert!(r.medical_care.items.iter().all(|i| i.confirmed));
        assert!(!has(&f, "scores.medical_care.glucose_pump_note"));
    }
}
