//! Every input a fuzzer or a reviewer ever found troublesome, kept as a fixture
//! (automerge's `fuzz-crashers` pattern). Files in `tests/fuzz-crashers/` are named
//! `<target>-<label>`: `ops_json-*` is an operation selector byte followed by the input,
//! as the `ops_json` fuzz target reads it; `wareki-*` is text for the 和暦 parser.
//! Each must now give a well-formed answer.

use kyoten_core::calendar::wareki;
use kyoten_core::input::Limits;
use std::fs;

#[test]
fn every_fixture_gets_an_answer() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-crashers");
    let ops: Vec<_> = kyoten_core::operations().collect();
    let mut seen = 0;
    for entry in fs::read_dir(dir).expect("fixture folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let bytes = fs::read(&path).expect("fixture");
        if let Some(_label) = name.strip_prefix("ops_json-") {
            let Some((&pick, input)) = bytes.split_first() else {
                continue;
            };
            // Run the fixture against every operation, not only the one it was found with.
            for op in ops
                .iter()
                .cycle()
                .skip(usize::from(pick) % ops.len())
                .take(ops.len())
            {
                let out = (op.run)(input, &Limits::default());
                let v: serde_json::Value = serde_json::from_str(&out.json).expect("report JSON");
                assert_eq!(v["operation"], op.name, "{name}");
                assert_eq!(v["valid"], out.valid, "{name}");
            }
            seen += 1;
        } else if name.starts_with("wareki-") {
            let text = String::from_utf8_lossy(&bytes);
            let _ = wareki::parse(&text);
            seen += 1;
        }
    }
    assert!(seen >= 3, "expected fixtures in {dir}");
}
