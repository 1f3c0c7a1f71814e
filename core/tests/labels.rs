//! Value and field labels at runtime (`rules.list`, issue 13 point 8): the labels the
//! readable locations are built from, for a form that labels its own fields.

use serde_json::{Value, json};

fn catalogue() -> Value {
    let out = kyoten_core::ops::run("rules.list", b"{}").expect("rules.list");
    serde_json::from_str::<Value>(&out.json).expect("report")["result"].clone()
}

#[test]
fn field_and_value_labels_are_listed() {
    let c = catalogue();
    let fields = c["fields"].as_array().expect("fields");
    let kana = fields
        .iter()
        .find(|f| f["of"] == "Child" && f["field"] == "kana")
        .expect("Child.kana");
    assert_eq!(
        kana,
        &json!({"of": "Child", "field": "kana", "label_ja": "ふりがな（ひらがな又はカタカナ）", "label_en": "kana"})
    );
    let dob = fields
        .iter()
        .find(|f| f["of"] == "Child" && f["field"] == "date_of_birth")
        .expect("Child.date_of_birth");
    assert_eq!(dob["label_en"], "date of birth");
    assert_eq!(dob["label_ja"], "生年月日");
    // The same labels as the readable location of a finding there.
    let out = kyoten_core::ops::run(
        "summary.validate",
        include_bytes!("../../schemas/examples/invalid/summary-request.nine-problems.json"),
    )
    .expect("op");
    assert!(
        out.json
            .contains("対象児の情報 › 本人 › ふりがな（ひらがな又はカタカナ）")
    );
    let per = c["values"]
        .as_array()
        .expect("values")
        .iter()
        .find(|v| v["choice"] == "Per" && v["code"] == "hour")
        .expect("Per.hour");
    assert_eq!(per["label_ja"], "1時間あたり");
    assert!(fields.len() > 300, "{}", fields.len());
}
