//! `wasm-order IN OUT`: writes IN with its functions reordered to gzip smaller (see the
//! library's documentation), after checking that the result validates.
//!
//! Options (for experiments; `wasm/build.sh` uses the defaults): `--window BYTES`,
//! `--smooth N`, `--threshold X`, `--identity` (keep the order: only re-encode).

use std::process::ExitCode;

use wasm_order::order::{self, Params};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wasm-order: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut params = Params::default();
    let mut identity = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--window" => params.window = parse(&value("--window")?)?,
            "--smooth" => params.smooth = parse(&value("--smooth")?)?,
            "--threshold" => params.threshold = parse(&value("--threshold")?)?,
            "--identity" => identity = true,
            "-h" | "--help" => {
                println!(
                    "usage: wasm-order [--window BYTES] [--smooth N] [--threshold X] [--identity] IN OUT"
                );
                return Ok(());
            }
            _ => files.push(arg),
        }
    }
    let [input, output] = files.as_slice() else {
        return Err("usage: wasm-order [options] IN OUT".into());
    };
    let wasm = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
    let functions = wasm_order::functions(&wasm).map_err(|e| format!("{input}: {e}"))?;
    let order: Vec<u32> = if identity {
        (0..functions.bodies.len() as u32).collect()
    } else {
        order::choose(&functions.bodies, &params)
    };
    let out = wasm_order::permute(&wasm, &order).map_err(|e| format!("{input}: {e}"))?;
    wasm_order::validate(&out).map_err(|e| format!("{input} reordered: {e}"))?;
    std::fs::write(output, &out).map_err(|e| format!("{output}: {e}"))?;
    Ok(())
}

fn parse<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("not a number: {text}"))
}
