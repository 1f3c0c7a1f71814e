//! Every operation's JSON entry: the first byte picks the operation, the rest is the input.
#![no_main]
use kyoten_core::input::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ops: Vec<_> = kyoten_core::operations().collect();
    let Some((&pick, input)) = data.split_first() else { return };
    let op = ops[usize::from(pick) % ops.len()];
    let out = (op.run)(input, &Limits::default());
    // The answer is always a JSON report of this operation, valid iff no error.
    let v: serde_json::Value = serde_json::from_str(&out.json).expect("report is JSON");
    assert_eq!(v["operation"], op.name);
    assert_eq!(v["valid"], out.valid);
    assert_eq!(out.valid, v["errors"] == 0);
});
