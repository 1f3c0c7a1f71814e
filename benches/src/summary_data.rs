//! Summaries at scale for the growth figure (G of issue 19): the largest valid summary
//! example with `n` extra entries spread over its care team, history and medications
//! (a third each), deterministic. Every third history entry is a stay (half of them
//! overlapping the one before), every tenth medication repeats an earlier one, and every
//! history entry refers to a care-team member, so the duplicate, overlap and reference
//! rules all have work at every size.

use serde_json::{Value, json};

/// The example the entries are added to (9 KB, valid).
pub const BASE: &str =
    include_str!("../../schemas/examples/summary-request.ventilated-tracheostomy-gastrostomy.json");

/// The summary request with `n` extra entries, as JSON bytes.
pub fn summary_bytes(n: usize) -> Vec<u8> {
    let mut doc: Value = serde_json::from_str(BASE).unwrap_or(Value::Null);
    let per_list = n / 3;
    if let Some(s) = doc.get_mut("summary") {
        if let Some(Value::Array(team)) = s.get_mut("care_team") {
            for i in 0..per_list {
                team.push(json!({
                    "id": format!("m{i:06}"),
                    "role": "visiting_nurse_station",
                    "organisation": "訪問看護ステーション",
                    "phone": "045-711-0000"
                }));
            }
        }
        if let Some(Value::Array(history)) = s.get_mut("history") {
            for i in 0..per_list {
                // Dates spread over 2022-01-01 .. 2023-12-31.
                let day = i % 700;
                let start = date(day);
                let entry = if i % 3 == 0 {
                    let len = if i % 6 == 0 { 10 } else { 1 };
                    json!({"kind": "admission", "institution": format!("病院{}", i % 97),
                        "member": format!("m{:06}", i), "start": start, "end": date(day + len)})
                } else {
                    json!({"kind": "outpatient", "institution": format!("病院{}", i % 97),
                        "member": format!("m{:06}", i), "start": start})
                };
                history.push(entry);
            }
        }
        if let Some(Value::Array(meds)) = s.get_mut("medications") {
            for i in 0..per_list {
                let k = if i % 10 == 9 { i - 1 } else { i };
                meds.push(
                    json!({"name": format!("薬 {k}"), "dose": "1錠", "route": "oral",
                    "times_per_day": 2}),
                );
            }
        }
    }
    serde_json::to_vec(&doc).unwrap_or_default()
}

/// 2022-01-01 plus `day` days (`day` < 720), as `YYYY-MM-DD`.
fn date(day: usize) -> String {
    const MONTH_DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (mut y, mut d) = (2022, day);
    if d >= 365 {
        y += 1;
        d -= 365;
    }
    let mut m = 1;
    for len in MONTH_DAYS {
        if d < len {
            break;
        }
        d -= len;
        m += 1;
    }
    format!("{y}-{m:02}-{:02}", d + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date(0), "2022-01-01");
        assert_eq!(date(31), "2022-02-01");
        assert_eq!(date(364), "2022-12-31");
        assert_eq!(date(365), "2023-01-01");
        assert_eq!(date(719), "2023-12-21");
    }

    #[test]
    fn sizes_grow_and_the_summary_is_read() {
        let small = summary_bytes(30);
        let large = summary_bytes(300);
        assert!(large.len() > small.len());
        let out = kyoten_core::ops::run("summary.validate", &small).expect("the operation");
        assert!(out.problem.is_none(), "the document is read");
    }
}
