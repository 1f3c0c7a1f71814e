//! Properties of `summaries.aggregate` for generated groups of children:
//!
//! - no output (result and findings) contains any name, kana, phone, municipality name,
//!   note or date of birth of any input;
//! - in publication mode no released cell is under the threshold, and the released cells
//!   equal the internal counts;
//! - no suppressed cell can be recomputed from the released tables: every sum relation a
//!   reader knows (rows of a partition table add up to the number of children; a column of
//!   the cross-table adds up to that care kind's cell) is written as an equation over the
//!   suppressed cells and solved (reduced row echelon form); no unknown is fixed by them;
//! - nor with the bounds a reader knows (counts are never negative): no released total
//!   equals the sum of its released parts while some parts are suppressed (which would
//!   pin every suppressed part to 0); per equation this is the only way, since with the
//!   total released an unknown shares one equation only;
//! - those relations really hold in the internal counts (so the check checks the right ones).

use proptest::prelude::*;
use serde_json::{Value, json};

const CODES: [&str; 5] = ["142069", "142174", "143821", "143642", "142060"];
const CARE: [&str; 8] = [
    "ventilator",
    "tracheostomy",
    "oxygen",
    "suctioning",
    "tube_feeding",
    "seizure_care",
    "blood_glucose",
    "intermittent_catheterization",
];
const DEVICES: [&str; 5] = [
    "ventilator",
    "tracheostomy_tube",
    "oxygen_concentrator",
    "gastrostomy",
    "suction_unit",
];
const MOTOR: [&str; 5] = [
    "runs",
    "walks",
    "walks_with_difficulty",
    "sits",
    "bedridden",
];

#[derive(Debug, Clone)]
struct Kid {
    id: Option<u8>,
    birth: (i32, u8, u8),
    female: bool,
    code: Option<usize>,
    care: u8,
    devices: u8,
    motor: Option<usize>,
    iq: Option<u16>,
    name: String,
    kana: String,
    phone: String,
    town: String,
    note: String,
}

fn kid() -> impl Strategy<Value = Kid> {
    (
        (
            prop::option::weighted(0.9, 0u8..60),
            (2000i32..2026, 1u8..=12, 1u8..=28),
            any::<bool>(),
            prop::option::weighted(
                0.9,
                prop_oneof![6 => 0usize..2, 3 => 2usize..4, 1 => Just(4usize)],
            ),
            any::<u8>(),
            any::<u8>(),
        ),
        (
            prop::option::of(0usize..5),
            prop::option::of(0u16..120),
            "NAME[A-Z]{6}",
            "ヰヱ[ァ-ヶ]{3}",
            "0[1-9]0-[0-9]{4}-[0-9]{4}",
            "MUNI[a-z]{5}",
            "NOTE[a-z]{6}",
        ),
    )
        .prop_map(
            |(
                (id, birth, female, code, care, devices),
                (motor, iq, name, kana, phone, town, note),
            )| Kid {
                id,
                birth,
                female,
                code,
                care,
                devices,
                motor,
                iq,
                name,
                kana,
                phone,
                town,
                note,
            },
        )
}

fn summary(k: &Kid) -> Value {
    let (y, m, d) = k.birth;
    let mut child = json!({
        "name": k.name, "kana": k.kana, "sex": if k.female { "female" } else { "male" },
        "date_of_birth": format!("{y:04}-{m:02}-{d:02}"), "municipality": k.town,
        // No id: an empty one (not well formed), read as no id.
        "id": k.id.map_or_else(String::new, |id| format!("c{id}")),
    });
    if let Some(c) = k.code {
        child["municipality_code"] = json!(CODES[c]);
    }
    let care: Vec<Value> = CARE
        .iter()
        .enumerate()
        .filter(|(i, _)| k.care & (1 << i) != 0)
        .map(|(_, kind)| json!({"kind": kind}))
        .collect();
    let devices: Vec<Value> = DEVICES
        .iter()
        .enumerate()
        .filter(|(i, _)| k.devices & (1 << i) != 0)
        .map(|(_, kind)| json!({"kind": kind, "note": k.note}))
        .collect();
    let mut clinical = json!({"care": care});
    if let Some(m) = k.motor {
        clinical["motor_level"] = json!(MOTOR[m]);
    }
    if let Some(iq) = k.iq {
        clinical["iq"] = json!(iq);
    }
    json!({
        "child": child,
        "guardians": [{"name": k.name, "kana": k.kana, "relationship": "mother", "phone": k.phone, "note": k.note}],
        "emergency_contacts": [{"name": k.name, "relationship": "mother", "phone": k.phone}],
        "allergies": {"status": "none_known"},
        "clinical": clinical,
        "devices": devices,
    })
}

fn run(kids: &[Kid], mode: &str, threshold: u32) -> Value {
    let req = json!({
        "as_of": "2026-11-23", "mode": mode, "threshold": threshold,
        "summaries": kids.iter().map(summary).collect::<Vec<_>>(),
    });
    let out = kyoten_core::ops::run("summaries.aggregate", req.to_string().as_bytes()).unwrap();
    serde_json::from_str(&out.json).unwrap()
}

/// A variable per distinct number a reader sees: (table, key) or (cross row, column).
/// The care-kind cells and the cross-table's column totals are the same variables.
fn variables(r: &Value) -> Vec<(String, Option<u64>)> {
    let a = &r["result"];
    let mut vars = vec![("children".to_owned(), a["children"]["count"].as_u64())];
    for t in a["tables"].as_array().unwrap() {
        for c in t["rows"].as_array().unwrap() {
            vars.push((
                format!(
                    "{}/{}",
                    t["id"].as_str().unwrap(),
                    c["key"].as_str().unwrap()
                ),
                c["count"].as_u64(),
            ));
        }
    }
    for row in a["municipality_by_care_kind"]["rows"].as_array().unwrap() {
        for c in row["cells"].as_array().unwrap() {
            vars.push((
                format!(
                    "x/{}/{}",
                    row["key"].as_str().unwrap(),
                    c["key"].as_str().unwrap()
                ),
                c["count"].as_u64(),
            ));
        }
    }
    vars
}

/// Every sum relation as (total variable, part variables), by name.
fn relations(r: &Value) -> Vec<(String, Vec<String>)> {
    let a = &r["result"];
    let mut rel = Vec::new();
    for t in a["tables"].as_array().unwrap() {
        if t["rows_add_up"] == true {
            let id = t["id"].as_str().unwrap();
            rel.push((
                "children".to_owned(),
                t["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| format!("{id}/{}", c["key"].as_str().unwrap()))
                    .collect(),
            ));
        }
    }
    let rows = a["municipality_by_care_kind"]["rows"].as_array().unwrap();
    for c in a["municipality_by_care_kind"]["column_totals"]
        .as_array()
        .unwrap()
    {
        let k = c["key"].as_str().unwrap();
        rel.push((
            format!("care_kind/{k}"),
            rows.iter()
                .map(|row| format!("x/{}/{k}", row["key"].as_str().unwrap()))
                .collect(),
        ));
    }
    rel
}

/// Indices of unknowns fixed by the equations `a · x = b` (only `a` matters): those whose
/// unit vector is a row of the reduced row echelon form.
fn determined(mut a: Vec<Vec<f64>>, n: usize) -> Vec<usize> {
    let mut pivots = Vec::new();
    let mut row = 0;
    for col in 0..n {
        let Some(p) = (row..a.len()).find(|&r| a[r][col].abs() > 1e-9) else {
            continue;
        };
        a.swap(row, p);
        let div = a[row][col];
        for v in a[row].iter_mut() {
            *v /= div;
        }
        let pivot = a[row].clone();
        for (r, other) in a.iter_mut().enumerate() {
            if r != row && other[col].abs() > 1e-9 {
                let f = other[col];
                for (v, p) in other.iter_mut().zip(&pivot) {
                    *v -= f * p;
                }
            }
        }
        pivots.push((row, col));
        row += 1;
    }
    pivots
        .into_iter()
        .filter(|&(r, col)| (0..n).all(|c| c == col || a[r][c].abs() < 1e-9))
        .map(|(_, col)| col)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn nothing_personal_leaves_and_no_suppressed_cell_can_be_recomputed(
        kids in prop::collection::vec(kid(), 0..70),
        threshold in prop_oneof![Just(10u32), 1u32..16],
    ) {
        let publication = run(&kids, "publication", threshold);
        let internal = run(&kids, "internal", threshold);
        // 1. Nothing personal in either output.
        for out in [&publication, &internal] {
            let text = out.to_string();
            for k in &kids {
                let (y, m, d) = k.birth;
                let birth = format!("{y:04}-{m:02}-{d:02}");
                for secret in [&k.name, &k.kana, &k.phone, &k.town, &k.note, &birth] {
                    prop_assert!(!text.contains(secret.as_str()), "{} leaked", secret);
                }
            }
        }
        // 2. The relations hold on the exact counts.
        let exact: std::collections::BTreeMap<String, u64> = variables(&internal)
            .into_iter()
            .map(|(k, v)| (k, v.unwrap()))
            .collect();
        for (total, parts) in relations(&internal) {
            let sum: u64 = parts.iter().map(|p| exact[p]).sum();
            prop_assert_eq!(sum, exact[&total], "{} ≠ sum of its parts", total);
        }
        // 3. Released cells: at least the threshold, and exact.
        let vars = variables(&publication);
        for (name, v) in &vars {
            if let Some(v) = v {
                prop_assert!(*v >= u64::from(threshold), "{} = {} released under {}", name, v, threshold);
                prop_assert_eq!(*v, exact[name]);
            }
        }
        // 4. No suppressed cell is fixed by the relations. With no child counted, the
        // tables have no municipality row and the empty sum tells that the total is 0:
        // there is nothing to protect.
        if exact["children"] == 0 {
            return Ok(());
        }
        let unknowns: Vec<&String> = vars.iter().filter(|(_, v)| v.is_none()).map(|(k, _)| k).collect();
        let index = |name: &String| unknowns.iter().position(|u| *u == name);
        let mut a = Vec::new();
        for (total, parts) in relations(&publication) {
            let mut row = vec![0.0; unknowns.len()];
            if let Some(i) = index(&total) {
                row[i] -= 1.0;
            }
            for p in &parts {
                if let Some(i) = index(p) {
                    row[i] += 1.0;
                }
            }
            a.push(row);
        }
        let fixed = determined(a, unknowns.len());
        prop_assert!(fixed.is_empty(), "recomputable: {:?}", fixed.iter().map(|&i| unknowns[i]).collect::<Vec<_>>());
        // 5. Nor by the equations with counts that are never negative: a released total
        // whose released parts already add up to it tells that every suppressed part is 0.
        let released: std::collections::BTreeMap<&String, u64> =
            vars.iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
        for (total, parts) in relations(&publication) {
            let Some(t) = released.get(&total) else { continue };
            let hidden: Vec<&String> = parts.iter().filter(|p| !released.contains_key(p)).collect();
            let shown: u64 = parts.iter().filter_map(|p| released.get(p)).sum();
            prop_assert!(
                hidden.is_empty() || shown < *t,
                "{:?} are all 0: {} = {} is shown by the other parts", hidden, total, t
            );
        }
    }
}

/// A partition table whose one released row holds every child: the other rows, suppressed
/// zeros, would be known to be 0; one more cell is suppressed so that they are not.
#[test]
fn zeros_are_not_given_away_by_a_full_row() {
    // 12 children, all 0–4 years old on 2026-11-23, threshold 10.
    let kids: Vec<Kid> = (0..12u8)
        .map(|i| Kid {
            id: Some(i),
            birth: (2024, 1, 1 + i),
            female: i % 2 == 0,
            code: Some(0),
            care: 0,
            devices: 0,
            motor: None,
            iq: None,
            name: format!("名前{i}"),
            kana: format!("なまえ{i}"),
            phone: format!("090-0000-00{i:02}"),
            town: "どこか町".into(),
            note: "メモ".into(),
        })
        .collect();
    let r = run(&kids, "publication", 10);
    assert_eq!(r["result"]["children"]["count"], 12, "{r}");
    let age = r["result"]["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "age_band")
        .expect("age band table");
    // Every band is suppressed: the 12 of 0–4 as well, or the four zeros would show.
    assert!(
        age["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["count"].is_null()),
        "{age}"
    );
}

#[test]
fn the_solver_finds_a_recomputable_cell() {
    // x + y = 5 (two unknowns) and y = 2 (one unknown): both are fixed.
    let fixed = determined(vec![vec![1.0, 1.0], vec![0.0, 1.0]], 2);
    assert_eq!(fixed, [0, 1]);
    // x + y = 5 alone: neither.
    assert!(determined(vec![vec![1.0, 1.0]], 2).is_empty());
    // A bridge between two cycles: x1+x2 = a, x1+x3 = b, x2+x3 = c fixes all three.
    let fixed = determined(
        vec![
            vec![1.0, 1.0, 0.0],
            vec![1.0, 0.0, 1.0],
            vec![0.0, 1.0, 1.0],
        ],
        3,
    );
    assert_eq!(fixed, [0, 1, 2]);
}
