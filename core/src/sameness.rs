//! The recovering reader's own reading code (`input::Recover`, `kyoten-derive`) against
//! the old reading through serde's derived `Deserialize` (`input::recover`'s test-only
//! oracle): on every example document (valid and invalid), the hostile inputs, and a
//! few thousand deterministic mutations of the examples, read normally and as drafts
//! with the stand-ins varied, both give the same problems in the same order and the
//! same value.

use crate::input::{Recover, Tree, Varied, recover_oracle, recover_with_trait};
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// One reading compared: `Err` says what differs.
type Check = fn(&Tree, bool, Varied<'_>) -> Result<bool, String>;

/// Reads `tree` both ways; `Ok(true)` if it has problems (so that the test can see it
/// tried unreadable documents too).
fn check<T: DeserializeOwned + Recover + Debug>(
    tree: &Tree,
    draft: bool,
    varied: Varied<'_>,
) -> Result<bool, String> {
    let budget = 200;
    let new = recover_with_trait::<T>(tree, draft, budget, varied);
    let old = recover_oracle::<T>(tree, draft, budget, varied);
    if new.problems != old.problems {
        return Err(format!(
            "problems differ:\n  new {:?}\n  old {:?}",
            new.problems, old.problems
        ));
    }
    let (a, b) = (format!("{:?}", new.value), format!("{:?}", old.value));
    if a != b {
        return Err(format!("values differ:\n  new {a}\n  old {b}"));
    }
    Ok(!new.problems.is_empty())
}

macro_rules! types {
    ($($t:ty),* $(,)?) => {
        vec![$((crate::operation::kebab(stringify!($t)), check::<$t> as Check)),*]
    };
}

fn types() -> Vec<(String, Check)> {
    types![
        crate::calendar::wareki::AgeRequest,
        crate::calendar::wareki::ConvertRequest,
        crate::tasks::TasksQuery,
        crate::plan::Plan,
        crate::plan::chart::ChartRequest,
        crate::plan::progress::ProgressRequest,
        crate::summary::SummaryRequest,
        crate::sheet::QrPayload,
        crate::fhir::FhirImportRequest,
        crate::scores::ScoreRequest,
        crate::shortstay::ShortstayAllocation,
        crate::shortstay::ShortstayBoardQuery,
        crate::shortstay::ShortstayEvaluation,
        crate::shortstay::ShortstaySearch,
        crate::staffing::StaffingRequest,
        crate::stats::aggregate::AggregateRequest,
        crate::stats::consultations::ConsultationLog,
        crate::stats::trainings::TrainingLog,
        crate::meeting::Meeting,
        crate::meeting::MeetingRecords,
        crate::meeting::views::MeetingProgressRequest,
        crate::upgrade::UpgradeRequest,
        crate::catalogue::RulesQuery,
        crate::run_options::RunOptions,
        crate::summary::ChildSummary,
    ]
}

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }
}

/// One step down a tree: an object's entry (by position) or a list's element.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Step {
    Entry(usize),
    Element(usize),
}

/// Every place of `tree` (the root excluded), depth first.
pub(crate) fn places(tree: &Tree, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match tree {
        Tree::Object(entries) => {
            for (i, (_, v)) in entries.iter().enumerate() {
                at.push(Step::Entry(i));
                out.push(at.clone());
                places(v, at, out);
                at.pop();
            }
        }
        Tree::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(Step::Element(i));
                out.push(at.clone());
                places(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'t>(tree: &'t mut Tree, path: &[Step]) -> Option<&'t mut Tree> {
    let mut t = tree;
    for s in path {
        t = match (t, s) {
            (Tree::Object(e), Step::Entry(i)) => &mut e.get_mut(*i)?.1,
            (Tree::Array(a), Step::Element(i)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(t)
}

/// The JSON Pointer of a place (for `Varied::At`).
fn pointer(tree: &Tree, path: &[Step]) -> String {
    let mut out = String::new();
    let mut t = tree;
    for s in path {
        match (t, s) {
            (Tree::Object(e), Step::Entry(i)) => {
                let Some((k, v)) = e.get(*i) else { break };
                out.push('/');
                out.push_str(&k.replace('~', "~0").replace('/', "~1"));
                t = v;
            }
            (Tree::Array(a), Step::Element(i)) => {
                let Some(v) = a.get(*i) else { break };
                out.push_str(&format!("/{i}"));
                t = v;
            }
            _ => break,
        }
    }
    out
}

fn text(s: &str) -> Tree {
    Tree::String(s.to_owned())
}
fn int(n: i64) -> Tree {
    Tree::Number(n.into())
}

/// The mutations of one place: (a name for messages, the mutated tree).
pub(crate) fn mutate(tree: &Tree, path: &[Step], kind: usize) -> Option<Tree> {
    let mut t = tree.clone();
    let (last, parent) = path.split_last()?;
    let here = get_mut(&mut t, path)?.clone();
    let replace = |t: &mut Tree, v: Tree| -> Option<()> {
        *get_mut(t, path)? = v;
        Some(())
    };
    match kind {
        // Drop the key or the element.
        0 => match (get_mut(&mut t, parent)?, last) {
            (Tree::Object(e), Step::Entry(i)) => {
                e.remove(*i);
            }
            (Tree::Array(a), Step::Element(i)) => {
                a.remove(*i);
            }
            _ => return None,
        },
        1 => replace(&mut t, text(""))?,
        2 => replace(&mut t, Tree::Null)?,
        // The wrong kind of value.
        3 => replace(
            &mut t,
            match here {
                Tree::String(_) => int(7),
                Tree::Number(_) => text("x"),
                Tree::Bool(_) => text("true"),
                Tree::Object(_) => Tree::Array(vec![]),
                Tree::Array(_) => Tree::Object(vec![]),
                Tree::Null => Tree::Bool(true),
            },
        )?,
        // Numbers out of range and not whole.
        4 => replace(&mut t, int(-1))?,
        5 => replace(&mut t, int(300))?,
        6 => replace(&mut t, int(70_000))?,
        7 => replace(&mut t, int(5_000_000_000))?,
        8 => replace(
            &mut t,
            Tree::Number(serde_json::Number::from_f64(1.5).unwrap_or(0.into())),
        )?,
        9 => replace(&mut t, Tree::Number(u64::MAX.into()))?,
        // Dates that are not dates, or are written otherwise.
        10 => replace(&mut t, text("2024-02-30"))?,
        11 => replace(&mut t, text("令和6年4月1日"))?,
        12 => replace(&mut t, text("2024/4/1"))?,
        13 => replace(&mut t, text("2024-13"))?,
        // A choice that is not one.
        14 => replace(&mut t, text("zz_unknown"))?,
        // A choice written as an object, with and without content.
        15 => match here {
            Tree::String(s) => replace(&mut t, Tree::Object(vec![(s, Tree::Null)]))?,
            _ => return None,
        },
        16 => match here {
            Tree::String(s) => replace(&mut t, Tree::Object(vec![(s, int(5))]))?,
            _ => return None,
        },
        17 => replace(&mut t, Tree::Object(vec![("other".into(), text("x"))]))?,
        18 => replace(&mut t, text("other"))?,
        // Keys: unknown, nearly right, repeated.
        19 => match get_mut(&mut t, parent)? {
            Tree::Object(e) => e.push(("zz_unknown".into(), int(1))),
            _ => return None,
        },
        20 => match (get_mut(&mut t, parent)?, last) {
            (Tree::Object(e), Step::Entry(i)) => {
                let (k, _) = e.get_mut(*i)?;
                // Two letters swapped: a near miss ("did you mean").
                let mut c: Vec<char> = k.chars().collect();
                if c.len() < 3 {
                    return None;
                }
                c.swap(1, 2);
                *k = c.into_iter().collect();
            }
            _ => return None,
        },
        21 => match (get_mut(&mut t, parent)?, last) {
            (Tree::Object(e), Step::Entry(i)) => {
                let entry = e.get(*i)?.clone();
                e.push(entry);
            }
            (Tree::Array(a), Step::Element(i)) => {
                let item = a.get(*i)?.clone();
                a.push(item);
            }
            _ => return None,
        },
        // A repeated key with an empty value (draft mode leaves `""` out).
        22 => match (get_mut(&mut t, parent)?, last) {
            (Tree::Object(e), Step::Entry(i)) => {
                let (k, _) = e.get(*i)?.clone();
                e.insert(*i, (k, text("")));
            }
            _ => return None,
        },
        // List and object swapped around the value.
        23 => replace(&mut t, Tree::Array(vec![here]))?,
        24 => replace(&mut t, Tree::Object(vec![("x".into(), here)]))?,
        25 => replace(&mut t, Tree::Bool(false))?,
        26 => replace(&mut t, text("1"))?,
        _ => return None,
    }
    Some(t)
}

pub(crate) const KINDS: usize = 27;

pub(crate) fn example_files() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas/examples");
    let mut out = Vec::new();
    for dir in [root.to_owned(), format!("{root}/invalid")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        for n in names {
            if let Ok(text) = std::fs::read_to_string(format!("{dir}/{n}")) {
                out.push((n, text));
            }
        }
    }
    out
}

/// The hostile inputs' documents (`core/tests/hostile-inputs.tsv`) that are JSON, up to
/// 64 KB (the larger ones only repeat the same shapes).
pub(crate) fn hostile() -> Vec<(String, Tree)> {
    let table = include_str!("../tests/hostile-inputs.tsv");
    let mut out = Vec::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(label), Some(input)) = (cols.first(), cols.get(2)) else {
            continue;
        };
        let mut bytes = Vec::new();
        for part in input.split_whitespace() {
            let (hex, count) = match part.split_once('*') {
                Some((h, c)) => (h, c.parse::<usize>().unwrap_or(1)),
                None => (part, 1),
            };
            if count > 70_000 {
                bytes.clear();
                break;
            }
            let one: Vec<u8> = (0..hex.len() / 2)
                .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
                .collect();
            for _ in 0..count {
                bytes.extend_from_slice(&one);
            }
        }
        if bytes.is_empty() || bytes.len() > 64 * 1024 {
            continue;
        }
        if let Some(tree) = crate::input::tree_of_bytes(&bytes) {
            out.push(((*label).to_owned(), tree));
        }
    }
    out
}

#[test]
fn the_recovering_reader_reads_as_serde_did() {
    let types = types();
    // Every operation's input type is compared.
    for op in crate::ops::operations() {
        let stem = op.input_stem();
        assert!(
            types.iter().any(|(s, _)| *s == stem),
            "{stem} is not in the sameness test's list"
        );
    }
    let mut compared = 0usize;
    let mut with_problems = 0usize;
    let mut failures: Vec<String> = Vec::new();
    let mut run = |what: &str, f: Check, tree: &Tree, draft: bool, varied: Varied<'_>| {
        compared += 1;
        match f(tree, draft, varied) {
            Ok(p) => with_problems += usize::from(p),
            Err(e) if failures.len() < 10 => {
                failures.push(format!("{what} (draft {draft}, {varied:?}): {e}"));
            }
            Err(_) => {}
        }
    };
    // Every hostile input as every type.
    for (label, tree) in hostile() {
        for (stem, f) in &types {
            run(
                &format!("hostile {label} as {stem}"),
                *f,
                &tree,
                false,
                Varied::None,
            );
            run(
                &format!("hostile {label} as {stem}"),
                *f,
                &tree,
                true,
                Varied::All,
            );
        }
    }
    // Documents of types and attributes the examples leave out: the run options, and
    // a container `default` (the short-stay `policy`) given in part, wrongly, twice.
    let extras: &[(&str, &str)] = &[
        ("run-options", r#"{"draft": true}"#),
        (
            "run-options",
            r#"{"draft": "", "max_input_bytes": -1, "zz": 1}"#,
        ),
        (
            "run-options",
            r#"{"max_input_bytes": 100, "max_input_bytes": 5e9}"#,
        ),
        ("run-options", r#"[]"#),
    ];
    for (stem, text) in extras {
        let (Some((_, f)), Some(tree)) = (
            types.iter().find(|(s, _)| s == stem),
            crate::input::tree_of_bytes(text.as_bytes()),
        ) else {
            continue;
        };
        for draft in [false, true] {
            run(text, *f, &tree, draft, Varied::None);
        }
        run(text, *f, &tree, true, Varied::All);
    }
    let policies = [
        r#"{"few_beds": 2}"#,
        r#"{"stale_after_days": "x", "zz_unknown": 1, "few_beds": 2, "few_beds": 3}"#,
        r#"{"stale_after_days": ""}"#,
        r#"[]"#,
    ];
    for (name, text) in example_files() {
        if !name.starts_with("shortstay-") {
            continue;
        }
        let stem = name.split('.').next().unwrap_or("");
        let (Some((_, f)), Some(Tree::Object(mut entries))) = (
            types.iter().find(|(s, _)| s == stem),
            crate::input::tree_of_bytes(text.as_bytes()),
        ) else {
            continue;
        };
        entries.retain(|(k, _)| k != "policy");
        for p in policies {
            let Some(policy) = crate::input::tree_of_bytes(p.as_bytes()) else {
                continue;
            };
            let mut with = entries.clone();
            with.push(("policy".to_owned(), policy));
            let tree = Tree::Object(with);
            let what = format!("{name} with the policy {p}");
            for draft in [false, true] {
                run(&what, *f, &tree, draft, Varied::None);
            }
            run(&what, *f, &tree, true, Varied::All);
        }
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for (n, (name, text)) in example_files().iter().enumerate() {
        let stem = name.split('.').next().unwrap_or("");
        let Some((_, f)) = types.iter().find(|(s, _)| s == stem) else {
            continue;
        };
        let Some(tree) = crate::input::tree_of_bytes(text.as_bytes()) else {
            continue;
        };
        for draft in [false, true] {
            run(name, *f, &tree, draft, Varied::None);
        }
        run(name, *f, &tree, true, Varied::All);
        let mut all = Vec::new();
        places(&tree, &mut Vec::new(), &mut all);
        // About 40 mutations per example (8 of the large ones, to stay quick), spread
        // over its places and kinds.
        let count = if text.len() > 30_000 { 8 } else { 40 };
        for m in 0..count {
            let path = match all.get(rng.below(all.len())) {
                Some(p) => p.clone(),
                None => break,
            };
            let kind = (rng.below(KINDS) + m) % KINDS;
            let Some(mutated) = mutate(&tree, &path, kind) else {
                continue;
            };
            let what = format!("{name} #{n}: mutation {kind} at {}", pointer(&tree, &path));
            let draft = m % 2 == 1;
            run(&what, *f, &mutated, draft, Varied::None);
            if draft && m % 4 == 1 {
                run(&what, *f, &mutated, true, Varied::All);
                let at = pointer(&tree, &path);
                run(&what, *f, &mutated, true, Varied::At(&at));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // The comparison did read many documents, and many of them with problems.
    assert!(compared > 3000, "{compared} readings compared");
    assert!(
        with_problems > 1500,
        "{with_problems} readings with problems"
    );
}
