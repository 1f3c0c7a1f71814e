//! Writes or checks the generated schema files and TypeScript declarations.
//!
//! ```text
//! cargo run -p kyoten-schemas --bin kyoten-gen -- write   # regenerate everything
//! cargo run -p kyoten-schemas --bin kyoten-gen -- check   # exit 1 if anything is stale
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = kyoten_schemas::workspace_root();
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "write" => match kyoten_schemas::write(&root) {
            Ok(files) => {
                for f in &files {
                    println!("wrote {f}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("kyoten-gen: {e}");
                ExitCode::from(2)
            }
        },
        "check" => match kyoten_schemas::stale(&root) {
            Ok(stale) if stale.is_empty() => {
                println!("kyoten-gen: all generated files are fresh");
                ExitCode::SUCCESS
            }
            Ok(stale) => {
                eprintln!("kyoten-gen: stale generated files:");
                for f in &stale {
                    eprintln!("  {f}");
                }
                eprintln!("regenerate with: {}", kyoten_schemas::REGENERATE);
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("kyoten-gen: {e}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("usage: kyoten-gen write|check");
            ExitCode::from(2)
        }
    }
}
