//! `wasm-order IN OUT`: writes IN with its functions in the order that gzips smallest
//! among its own and a few greedy orders (see the library's documentation), after
//! checking that the result validates. Prints the sizes before and after.
//!
//! Options (for experiments; `wasm/build.sh` uses none): `--window BYTES`,
//! `--shingle N`, `--smooth N`, `--threshold X` (one greedy order with these knobs,
//! written whatever its size), `--identity` (keep the order: only re-encode),
//! `--budget N` (measurements for the moves after the choice of order; 100 by default).

use std::process::ExitCode;

use wasm_order::order::{self, Params};
use wasm_order::search::{self, Measure};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wasm-order: {message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: wasm-order [--window BYTES] [--shingle N] [--smooth N] \
                     [--threshold X] [--identity] [--budget N] IN OUT";

fn run() -> Result<(), String> {
    let mut params = Params::default();
    let mut fixed = false;
    let mut identity = false;
    let mut budget = 100usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        fixed |= arg.starts_with("--") && arg != "--identity" && arg != "--budget";
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--window" => params.window = parse(&value("--window")?)?,
            "--shingle" => params.shingle = parse(&value("--shingle")?)?,
            "--smooth" => params.smooth = parse(&value("--smooth")?)?,
            "--threshold" => params.threshold = parse(&value("--threshold")?)?,
            "--identity" => identity = true,
            "--budget" => budget = parse(&value("--budget")?)?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ => files.push(arg),
        }
    }
    let [input, output] = files.as_slice() else {
        return Err(USAGE.into());
    };
    let wasm = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
    let out = if identity || fixed {
        let bodies = wasm_order::functions(&wasm)
            .map_err(|e| format!("{input}: {e}"))?
            .bodies;
        let order: Vec<u32> = if identity {
            (0..bodies.len() as u32).collect()
        } else {
            order::choose(&bodies, &params)
        };
        wasm_order::permute(&wasm, &order).map_err(|e| format!("{input}: {e}"))?
    } else {
        let measure = Measure::available();
        let mut outcome = search::best(&wasm, &search::tried_params(), measure)
            .map_err(|e| format!("{input}: {e}"))?;
        let chosen = outcome.after;
        let moves = search::improve(&wasm, &mut outcome, measure, budget)
            .map_err(|e| format!("{input}: {e}"))?;
        let how = match measure {
            Measure::Gzip => "gzip -9",
            Measure::Deflate => "deflate -9 (no gzip command here)",
        };
        let kept = match outcome.params {
            Some(p) => format!(
                "greedy order, {}-byte shingles, {} B window",
                p.shingle, p.window
            ),
            None => "the module's own order".to_string(),
        };
        println!(
            "wasm-order: {input}: {} -> {} bytes {how} ({kept}: {chosen}; then {moves} \
             functions moved)",
            outcome.before, outcome.after
        );
        outcome.module
    };
    wasm_order::validate(&out).map_err(|e| format!("{input} reordered: {e}"))?;
    std::fs::write(output, &out).map_err(|e| format!("{output}: {e}"))?;
    Ok(())
}

fn parse<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("not a number: {text}"))
}
