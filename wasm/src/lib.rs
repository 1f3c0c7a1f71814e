//! WASM skin for kyoten: filled by its own issue.
