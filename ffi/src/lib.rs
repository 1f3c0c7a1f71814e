//! C ABI for kyoten: filled by its own issue.
