//! The checked-in header `ffi/include/kyoten.h` must equal what cbindgen generates now
//! (build.rs writes it to OUT_DIR). Regenerate with:
//!
//! ```sh
//! KYOTEN_BLESS=1 cargo test -p kyoten-ffi --test header
//! ```

const GENERATED: &str = include_str!(concat!(env!("OUT_DIR"), "/kyoten.h"));
const COMMAND: &str = "KYOTEN_BLESS=1 cargo test -p kyoten-ffi --test header";

#[test]
fn checked_in_header_is_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("include/kyoten.h");
    if std::env::var_os("KYOTEN_BLESS").is_some() {
        std::fs::write(&path, GENERATED).expect("write include/kyoten.h");
        eprintln!("wrote {}", path.display());
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    if on_disk != GENERATED {
        let first = on_disk
            .lines()
            .zip(GENERATED.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "(one is a prefix of the other)".to_owned(),
                |i| format!("line {}", i + 1),
            );
        panic!(
            "ffi/include/kyoten.h is stale (first difference at {first}).\nRegenerate it with:\n    {COMMAND}\n"
        );
    }
}

#[test]
fn header_declares_every_status_and_export() {
    for name in [
        "KYOTEN_STATUS_OK = 0",
        "KYOTEN_STATUS_NULL_ARGUMENT = 1",
        "KYOTEN_STATUS_NOT_UTF8 = 2",
        "KYOTEN_STATUS_NOT_JSON = 3",
        "KYOTEN_STATUS_TOO_LARGE = 4",
        "KYOTEN_STATUS_UNKNOWN_OPERATION = 5",
        "KYOTEN_STATUS_INVALID_SHAPE = 6",
        "KYOTEN_STATUS_INTERNAL = 7",
        "#define KYOTEN_ABI_VERSION 1",
        "kyoten_run(",
        "kyoten_run_with_limit(",
        "kyoten_operations(",
        "kyoten_input_schema(",
        "kyoten_output_schema(",
        "void kyoten_free(char **json);",
        "kyoten_version(void)",
        "kyoten_abi_version(void)",
        "kyoten_status_name(",
        "#define KYOTEN_DEFAULT_MAX_INPUT_BYTES",
    ] {
        assert!(GENERATED.contains(name), "header lacks {name}");
    }
    assert!(
        !GENERATED.contains("kyoten_testing_panic"),
        "test-only export leaked into the header"
    );
}
