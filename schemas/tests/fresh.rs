//! The checked-in schemas, `index.json` and TypeScript declarations are what the
//! generator writes today (check mode of `kyoten-gen`).

#[test]
fn generated_files_are_fresh() {
    let root = kyoten_schemas::workspace_root();
    let stale = kyoten_schemas::stale(&root).unwrap_or_else(|e| panic!("generator failed: {e}"));
    assert!(
        stale.is_empty(),
        "stale generated files:\n  {}\nregenerate with:\n  {}",
        stale.join("\n  "),
        kyoten_schemas::REGENERATE
    );
}

#[test]
fn every_operation_has_both_schema_files_and_an_index_entry() {
    let root = kyoten_schemas::workspace_root();
    let index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schemas/index.json")).expect("index.json"),
    )
    .expect("index.json is JSON");
    let listed = index["operations"].as_array().expect("operations array");
    let ops: Vec<_> = kyoten_core::ops::operations().collect();
    assert_eq!(listed.len(), ops.len());
    for (entry, op) in listed.iter().zip(&ops) {
        assert_eq!(entry["name"], op.name);
        for key in ["input_schema", "output_schema"] {
            let file = entry[key].as_str().expect("file name");
            let text = std::fs::read_to_string(root.join("schemas").join(file))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
            assert_eq!(
                schema["$id"],
                format!("{}{file}", kyoten_schemas::BASE_URL),
                "{file}: $id"
            );
            assert_eq!(
                schema["$schema"],
                "https://json-schema.org/draft/2020-12/schema"
            );
        }
    }
}

#[test]
fn check_mode_reports_a_changed_file() {
    // Copy the generated files into a scratch root, damage one, and expect check mode to
    // name it (and an extra schema file to be flagged as no longer generated).
    let root = kyoten_schemas::workspace_root();
    let scratch = std::env::temp_dir().join(format!("kyoten-fresh-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let files = kyoten_schemas::generate(&root).expect("generate");
    for (rel, content) in &files {
        let p = scratch.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, content).expect("write");
    }
    // Examples are read from the root; copy them so generated examples match.
    let ex = root.join(kyoten_schemas::EXAMPLES_DIR);
    let ex_to = scratch.join(kyoten_schemas::EXAMPLES_DIR);
    std::fs::create_dir_all(&ex_to).expect("mkdir examples");
    for e in std::fs::read_dir(&ex).expect("examples dir").flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), ex_to.join(e.file_name())).expect("copy example");
        }
    }
    assert_eq!(
        kyoten_schemas::stale(&scratch).expect("stale"),
        Vec::<String>::new()
    );
    std::fs::write(scratch.join(kyoten_schemas::TS_FILE), "// edited by hand\n").expect("write");
    std::fs::write(scratch.join("schemas/removed-type.schema.json"), "{}").expect("write");
    let stale = kyoten_schemas::stale(&scratch).expect("stale");
    assert_eq!(
        stale,
        vec![
            format!("{} (differs)", kyoten_schemas::TS_FILE),
            "schemas/removed-type.schema.json (no longer generated)".to_owned()
        ]
    );
    kyoten_schemas::write(&scratch).expect("write mode");
    assert!(!scratch.join("schemas/removed-type.schema.json").exists());
    assert!(kyoten_schemas::stale(&scratch).expect("stale").is_empty());
    let _ = std::fs::remove_dir_all(&scratch);
}
