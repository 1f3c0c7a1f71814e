//! `plan.chart`: the Odawara FY2017 chart is well-formed XML with one bar per phase,
//! progress is drawn by pattern as well as colour, and hostile text cannot break the SVG.

use kyoten_core::ops;
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../schemas/examples/chart-request.odawara-fy2017.json");

fn run(input: &str) -> Value {
    let outcome = ops::run("plan.chart", input.as_bytes()).expect("plan.chart is in the table");
    serde_json::from_str(&outcome.json).expect("report is JSON")
}

fn svg_of(report: &Value) -> String {
    report["result"]["svg"]
        .as_str()
        .expect("result carries an svg")
        .to_owned()
}

/// Elements with this class word.
fn with_class<'a>(doc: &'a roxmltree::Document<'a>, word: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|w| w == word))
        })
        .collect()
}

#[test]
fn odawara_chart_parses_and_has_one_bar_per_phase() {
    let report = run(EXAMPLE);
    assert_eq!(report["valid"], Value::Bool(true), "{report}");
    let svg = svg_of(&report);
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    // The Odawara plan: item 1 has two meeting phases (q2, q4); items 2–23 each have
    // 1 + 2 + 1 + 2 = 6 phases (方法検討 | 順次実施+進捗報告 | 順次実施 | 順次実施+進捗報告).
    let expected_bars = 2 + 22 * 6;
    assert_eq!(expected_bars, 134);
    assert_eq!(with_class(&doc, "bar").len(), expected_bars);
    assert_eq!(report["result"]["bars"], Value::from(expected_bars));
    assert_eq!(report["result"]["rows"], Value::from(23));
    assert_eq!(with_class(&doc, "row").len(), 23);
    // Statuses of the example: item 5 Q1 delayed, item 10 Q2 delayed (2 phases), item 22 Q1
    // delayed → 4 delayed bars; item 13 Q1 not started → 1 bar.
    let delayed: Vec<_> = with_class(&doc, "delayed")
        .into_iter()
        .filter(|n| n.has_attribute("x") && with_bar(n))
        .collect();
    assert_eq!(delayed.len(), 4);
    let not_started: Vec<_> = with_class(&doc, "not-started")
        .into_iter()
        .filter(with_bar)
        .collect();
    assert_eq!(not_started.len(), 1);
    // Each state has its own pattern or fill and dash, not only a colour.
    assert_eq!(delayed[0].attribute("fill"), Some("url(#p-delayed)"));
    assert_eq!(not_started[0].attribute("stroke-dasharray"), Some("4 2"));
    assert!(svg.contains(r#"<pattern id="p-delayed""#));
    assert!(svg.contains("patternTransform=\"rotate(45)\""));
    // The date line and the meeting months (９月頃, １月頃).
    assert_eq!(with_class(&doc, "as-of").len(), 1);
    assert_eq!(with_class(&doc, "month-mark").len(), 2);
    // Months and quarters across, a legend, and the task × quarter table (6 × 5 cells).
    for label in [
        "4月",
        "3月",
        "第1四半期",
        "第4四半期",
        "凡例",
        "方法検討",
        "会議開催 ９月頃",
    ] {
        assert!(
            doc.descendants()
                .any(|n| n.is_text() && n.text().is_some_and(|t| t.contains(label))),
            "missing text {label}"
        );
    }
    assert_eq!(with_class(&doc, "cell").len(), 30);
    // Task 4 in the example: items 2, 3, 4, 6, 14, 15, 17 → 7 initiatives, each in every quarter.
    let t4 = &report["result"]["task_quarters"][3];
    assert_eq!(t4["task"], Value::from(4));
    assert_eq!(t4["q1"], Value::from(7));
    assert_eq!(t4["total"], Value::from(7));
}

fn with_bar(n: &roxmltree::Node<'_, '_>) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split(' ').any(|w| w == "bar"))
}

#[test]
fn grouping_by_task_keeps_every_bar_once() {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["group_by"] = Value::from("task");
    let report = run(&v.to_string());
    let svg = svg_of(&report);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(with_class(&doc, "bar").len(), 134);
    assert!(svg.contains("タスク4 福祉、行政、教育との連携"));
}

#[test]
fn plan_without_progress_draws_planned_bars_only() {
    let v: Value = serde_json::from_str(EXAMPLE).unwrap();
    let request = serde_json::json!({ "plan": v["plan"] });
    let report = run(&request.to_string());
    let svg = svg_of(&report);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let bars = with_class(&doc, "bar");
    assert_eq!(bars.len(), 134);
    assert!(
        bars.iter()
            .all(|b| b.attribute("fill") == Some("url(#p-planned)"))
    );
    assert!(with_class(&doc, "as-of").is_empty());
}

#[test]
fn hostile_text_cannot_break_the_svg() {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    let long: String = "長".repeat(10_000);
    let hostile = [
        "<script>alert(1)</script>".to_owned(),
        "]]><![CDATA[x".to_owned(),
        "a\u{0}b\u{1}c\u{7f}d\u{9b}e".to_owned(),
        "\u{202E}右から左\u{2066}".to_owned(),
        "\"'&amp;<!--".to_owned(),
        long,
    ];
    for (k, text) in hostile.iter().enumerate() {
        v["plan"]["items"][k]["title"] = Value::from(text.as_str());
        v["plan"]["items"][k]["schedule"][0]["note"] = Value::from(text.as_str());
    }
    v["plan"]["title"] = Value::from("</svg><svg onload=x>");
    v["plan"]["issue_groups"][0]["title"] = Value::from("<g>\u{202D}");
    let report = run(&v.to_string());
    let svg = svg_of(&report);
    let doc = roxmltree::Document::parse(&svg).expect("still well-formed");
    assert_eq!(with_class(&doc, "bar").len(), 134);
    assert!(!svg.contains("<script"));
    // The text stays text: no element or attribute came from the input.
    assert!(
        doc.descendants().all(|n| n.tag_name().name() != "script"
            && n.attributes().all(|a| !a.name().starts_with("on")))
    );
    assert!(svg.contains("&lt;/svg&gt;&lt;svg onload=x&gt;"));
    assert!(!svg.contains('\u{202E}'));
    assert!(!svg.contains('\u{0}'));
    // The 10,000-character title is wrapped, shortened with a visible mark and reported.
    assert!(svg.len() < 200_000, "svg is {} bytes", svg.len());
    assert_eq!(report["result"]["shortened_titles"], serde_json::json!([6]));
    let shortened: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "plan.chart.title_shortened")
        .collect();
    assert_eq!(shortened.len(), 1);
    assert_eq!(shortened[0]["path"], "/plan/items/5/title");
    assert_eq!(
        shortened[0]["message_ja"],
        "取組番号 6 の取組名が長いため、図では二行に収まるよう省略しました（…で表示）"
    );
    assert_eq!(
        shortened[0]["message_en"],
        "The title of item number 6 is too long for two lines and is shortened in the chart (shown with …)"
    );
    assert!(doc.descendants().any(|n| {
        n.tag_name().name() == "tspan"
            && n.text()
                .is_some_and(|t| t.starts_with("長") && t.ends_with('…'))
    }));
    // Messages never echo the input's text.
    for f in report["findings"].as_array().unwrap() {
        assert!(!f["message_ja"].as_str().unwrap().contains("長長"));
    }
}

#[test]
fn unknown_and_duplicate_statuses_are_findings() {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["statuses"] = serde_json::json!([
        { "item": { "no": 99 }, "quarter": "q1", "status": "done" },
        { "item": { "no": 2 }, "quarter": "q1", "status": "done" },
        { "item": { "no": 2 }, "quarter": "q1", "status": "delayed" }
    ]);
    let report = run(&v.to_string());
    assert_eq!(report["valid"], Value::Bool(false));
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"plan.progress.unknown_item"));
    assert!(codes.contains(&"plan.progress.duplicate_status"));
    // The chart is still drawn.
    assert!(roxmltree::Document::parse(&svg_of(&report)).is_ok());
}

#[test]
fn a_plan_of_many_groups_draws_every_item_once() {
    // 600 items, each in its own issue group, one phase each: 600 rows and bars.
    let n = 600;
    let groups: Vec<Value> = (1..=n)
        .map(|g| serde_json::json!({ "no": g, "title": format!("課題{g}") }))
        .collect();
    let items: Vec<Value> = (1..=n)
        .map(|i| {
            serde_json::json!({
                "no": i, "tasks": [1 + (i % 6)], "issue_group": n + 1 - i,
                "title": format!("取組{i}"), "lead": [],
                "schedule": [{ "quarter": "q3", "phases": ["rollout"] }]
            })
        })
        .collect();
    let request = serde_json::json!({
        "plan": { "region": "試験", "fiscal_year": 2024, "issue_groups": groups, "items": items }
    });
    let report = run(&request.to_string());
    assert_eq!(report["result"]["rows"], Value::from(n));
    assert_eq!(report["result"]["bars"], Value::from(n));
    let svg = svg_of(&report);
    assert!(roxmltree::Document::parse(&svg).is_ok());
    // Task 1 serves items with i % 6 == 0: 100 of 1..=600, all in Q3.
    assert_eq!(report["result"]["task_quarters"][0]["q3"], Value::from(100));
}

#[test]
fn without_statuses_the_chart_reads_the_plans_own_progress() {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    let statuses = v["statuses"].take();
    let as_of = v["as_of"].take();
    let obj = v.as_object_mut().unwrap();
    obj.remove("statuses");
    obj.remove("as_of");
    v["plan"]["progress"] = serde_json::json!({"as_of": as_of, "statuses": statuses});
    let report = run(&v.to_string());
    assert_eq!(report["valid"], Value::Bool(true), "{report}");
    let svg = svg_of(&report);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // The same four delayed bars and one not-started bar as from the request's statuses.
    let delayed = with_class(&doc, "delayed")
        .into_iter()
        .filter(|n| n.has_attribute("x") && with_bar(n))
        .count();
    assert_eq!(delayed, 4);
    assert_eq!(
        with_class(&doc, "not-started")
            .into_iter()
            .filter(with_bar)
            .count(),
        1
    );
    // The progress part's date is drawn as the as-of line.
    assert_eq!(with_class(&doc, "as-of").len(), 1);
    // Statuses of the request win over the plan's own: one done status, nothing delayed.
    v["statuses"] = serde_json::json!([{"item": {"no": 1}, "quarter": "q2", "status": "done"}]);
    let empty = run(&v.to_string());
    assert_eq!(empty["valid"], Value::Bool(true), "{empty}");
    let svg = svg_of(&empty);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(
        with_class(&doc, "delayed")
            .into_iter()
            .filter(|n| n.has_attribute("x") && with_bar(n))
            .count(),
        0
    );
}
