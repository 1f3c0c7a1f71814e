//! The nine-problem summary file (`schemas/examples/invalid/summary-request.nine-problems.json`,
//! issue 13): one summary with a problem of each of nine kinds (ten problems) gets all of
//! them in one report, in document order, each at its pointer with a readable location in
//! Japanese and English, through every operation on a summary. The C test
//! (`ffi/tests/c/test_kyoten.c`) and the WASM test (`wasm/tests/input-problems.test.mjs`)
//! assert the same file.

use kyoten_core::input::{InputProblem, Limits};
use kyoten_core::operations;

/// (kind, code, pointer, location in Japanese, location in English): literals.
const WANT: [(&str, &str, &str, &str, &str); 10] = [
    (
        "wrong type",
        "input.wrong_type",
        "/summary/child/sex",
        "対象児の情報 › 本人 › 性別",
        "summary › child › sex",
    ),
    (
        "unknown field",
        "input.unknown_field",
        "/summary/child/nmae",
        "対象児の情報 › 本人",
        "summary › child",
    ),
    (
        "missing field",
        "input.missing_field",
        "/summary/child/kana",
        "対象児の情報 › 本人 › ふりがな（ひらがな又はカタカナ）",
        "summary › child › kana",
    ),
    (
        "negative number, inside an array element",
        "input.invalid_value",
        "/summary/clinical/care/0/hours_per_day",
        "対象児の情報 › 医療的ケア・運動機能・知能 › 医療的ケア 1（酸素療法） › 1日の使用時間",
        "summary › clinical › care 1 (oxygen therapy) › hours per day",
    ),
    (
        "impossible date, inside an array element",
        "input.invalid_date",
        "/summary/clinical/care/1/since",
        "対象児の情報 › 医療的ケア・運動機能・知能 › 医療的ケア 2（経管栄養（経鼻胃管・胃ろう）） › 開始日",
        "summary › clinical › care 2 (tube feeding) › since",
    ),
    (
        "unknown value in a nested object inside an array element",
        "input.unknown_value",
        "/summary/clinical/care/2/frequency/per",
        "対象児の情報 › 医療的ケア・運動機能・知能 › 医療的ケア 3（吸引） › 頻度 › 単位",
        "summary › clinical › care 3 (suctioning) › frequency › per",
    ),
    (
        "out-of-range number",
        "input.invalid_value",
        "/summary/clinical/iq",
        "対象児の情報 › 医療的ケア・運動機能・知能 › 知能指数（IQ）",
        "summary › clinical › iq",
    ),
    (
        "a 和暦 date in a date field",
        "input.invalid_date",
        "/summary/clinical/nicu_discharge",
        "対象児の情報 › 医療的ケア・運動機能・知能 › NICU 退院日",
        "summary › clinical › nicu discharge",
    ),
    (
        "unknown value",
        "input.unknown_value",
        "/summary/allergies/status",
        "対象児の情報 › アレルギー › 有無",
        "summary › allergies › status",
    ),
    (
        "wrong type in a nested object",
        "input.wrong_type",
        "/summary/vital_signs/weight_kg",
        "対象児の情報 › 平常時のバイタルサイン › 体重 (kg)",
        "summary › vital signs › weight kg",
    ),
];

fn nine_problems() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/examples/invalid/summary-request.nine-problems.json"
    ))
    .expect("the nine-problem summary")
}

#[test]
fn every_problem_of_the_nine_problem_summary_at_its_pointer_with_locations() {
    let text = nine_problems();
    let mut ran = 0;
    for op in operations().filter(|o| o.input_type == "SummaryRequest") {
        // In draft mode the missing field is a reminder (a warning); the other nine stay
        // errors, so there is still no result.
        for draft in [false, true] {
            let out = (op.run)(
                &text,
                &Limits {
                    draft,
                    ..Limits::default()
                },
            );
            assert_eq!(out.problem, Some(InputProblem::Shape), "{}", op.name);
            assert!(!out.valid);
            let r: serde_json::Value = serde_json::from_str(&out.json).expect("report");
            assert_eq!(r["errors"], if draft { 9 } else { 10 }, "{}", op.name);
            assert_eq!(r["warnings"], if draft { 1 } else { 0 }, "{}", op.name);
            assert!(r.get("provisional").is_none());
            assert!(r.get("result").is_none());
            let findings = r["findings"].as_array().expect("findings");
            assert_eq!(findings.len(), WANT.len(), "{}", op.name);
            for (f, (kind, code, path, ja, en)) in findings.iter().zip(WANT) {
                let (code, severity) = match (draft, code) {
                    (true, "input.missing_field") => ("input.draft.not_filled", "warning"),
                    _ => (code, "error"),
                };
                assert_eq!(f["code"], code, "{} {kind}", op.name);
                assert_eq!(f["severity"], severity);
                assert_eq!(f["path"], path, "{} {kind}", op.name);
                assert_eq!(f["location_ja"], ja, "{} {kind}", op.name);
                assert_eq!(f["location_en"], en, "{} {kind}", op.name);
            }
        }
        ran += 1;
    }
    // summary.validate, .scores, .emergency_view, .emergency_sheet, .timeline, .to_fhir …
    assert!(ran >= 5, "{ran} operations on a summary");
}

#[test]
fn the_nine_kinds_are_all_there() {
    // The file has one problem of each of the nine kinds the issue names (and a 和暦 date).
    let codes: std::collections::BTreeSet<&str> = WANT.iter().map(|w| w.1).collect();
    assert_eq!(
        codes.into_iter().collect::<Vec<_>>(),
        [
            "input.invalid_date",
            "input.invalid_value",
            "input.missing_field",
            "input.unknown_field",
            "input.unknown_value",
            "input.wrong_type",
        ]
    );
    assert!(WANT.iter().any(|w| w.2.contains("/care/0/")));
    assert!(WANT.iter().any(|w| w.2.ends_with("/frequency/per")));
}
