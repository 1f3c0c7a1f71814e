//! `kyoten combine-meetings`: a plan carrying its progress and a folder of meeting minutes
//! become one `meetings.progress` request (nothing copied by hand), whose progress takes
//! the council minutes as evidence.

#[path = "common/cli.rs"]
mod cli;

use cli::kyoten;
use serde_json::{Value, json};

const PLAN_PROGRESS: &str = "schemas/examples/plan.odawara-fy2017-progress.json";
const ODAWARA_MINUTES: &str = "schemas/examples/meeting.odawara-2017-09-constructed.json";
const ATSUGI_RECORDS: &str = "schemas/examples/meeting-records.atsugi-fy2016.json";

fn run(op: &str, path: &str) -> Value {
    let o = kyoten(&["run", op, path]);
    serde_json::from_slice(&o.stdout).expect("report")
}

#[test]
fn a_plan_and_a_folder_of_minutes_make_one_request() {
    let dir = cli::scratch("meetings");
    // The plan without item 1's Q2 status (its 会議開催 phase): the September council meeting
    // is then what makes it done.
    let root = kyoten_schemas::workspace_root();
    let mut plan: Value =
        serde_json::from_slice(&std::fs::read(root.join(PLAN_PROGRESS)).unwrap()).unwrap();
    let statuses = plan["progress"]["statuses"].as_array_mut().unwrap();
    let before = statuses.len();
    statuses.retain(|s| !(s["item"]["no"] == 1 && s["quarter"] == "q2"));
    assert_eq!(statuses.len(), before - 1, "the example reports item 1 Q2");
    let plan_path = dir.join("plan.json");
    std::fs::write(&plan_path, serde_json::to_vec(&plan).unwrap()).unwrap();
    let minutes = dir.join("minutes");
    std::fs::create_dir_all(&minutes).unwrap();
    std::fs::copy(
        root.join(ODAWARA_MINUTES),
        minutes.join("meeting.odawara-2017-09.json"),
    )
    .unwrap();
    std::fs::copy(
        root.join(ATSUGI_RECORDS),
        minutes.join("meeting-records.atsugi.json"),
    )
    .unwrap();
    let req = dir.join("request.json");
    let o = kyoten(&[
        "combine-meetings",
        plan_path.to_str().unwrap(),
        minutes.to_str().unwrap(),
        "--out",
        req.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("2 件の会議の記録"));
    let doc: Value = serde_json::from_slice(&std::fs::read(&req).unwrap()).unwrap();
    assert_eq!(doc["meetings"].as_array().map(Vec::len), Some(2));
    assert!(doc["plan"].get("$schema").is_none());

    let r = run("meetings.progress", req.to_str().unwrap());
    assert_eq!(r["valid"], true, "{}", r["findings"]);
    assert_eq!(
        r["result"]["done_by_meetings"],
        json!([{"item": {"no": 1}, "quarter": "q2", "held_on": "2017-09-20"}])
    );
    // The Atsugi record (first in the folder: meeting-records… sorts before meeting.…;
    // another region) is not linked.
    assert!(
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "meetings.plan.other_plan" && f["path"] == "/meetings/0/plan")
    );
    // As plan.progress of the example plan (item 1 Q2 reported done there), and the two
    // pieces of 会議録 evidence (items 1 and 2) beside the plan's own three.
    let p = run("plan.progress", PLAN_PROGRESS);
    assert_eq!(r["result"]["progress"]["totals"], p["result"]["totals"]);
    assert_eq!(p["result"]["evidence"], 3);
    assert_eq!(r["result"]["progress"]["evidence"], 5);

    // `check` reads the combined request like any document.
    let o = kyoten(&["check", req.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("meetings.progress: 妥当"));

    // Something else than minutes is refused, naming the file.
    let o = kyoten(&["combine-meetings", PLAN_PROGRESS, PLAN_PROGRESS]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("会議録（meeting）でも"));
    let _ = std::fs::remove_dir_all(&dir);
}
