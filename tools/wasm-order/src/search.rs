//! Picking the order by the size that counts: the greedy order of [`crate::order`] is
//! only a proxy (its result moves a few hundred bytes either way with its knobs, and not
//! the same way from one module to the next), so [`best`] builds the module in each of a
//! few greedy orders, and in its own order, and keeps the one that gzips smallest;
//! [`improve`] then tries moving single functions, measured the same way.
//!
//! The size is measured with the `gzip -9` command when it runs (`wasm/build.sh`
//! reports issue 19's P6 with it; `wasm/bench.mjs` reports node's zlib beside it, and
//! zlib's deflate, which splits blocks differently, does not rank orders quite the same
//! way); without it, with deflate at level 9 in the process.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use crate::order::{self, Params, Shingles};
use crate::{Error, functions, permute};

/// How a module's size is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The `gzip -9 -n` command's output length.
    Gzip,
    /// deflate at level 9 (miniz_oxide), in the process.
    Deflate,
}

impl Measure {
    /// `Gzip` when the `gzip` command runs here, else `Deflate`.
    #[must_use]
    pub fn available() -> Self {
        if gzip_len(b"kyoten").is_ok() {
            Self::Gzip
        } else {
            Self::Deflate
        }
    }

    /// The size of `data` compressed this way.
    ///
    /// # Errors
    ///
    /// When `gzip` fails to run.
    pub fn size(self, data: &[u8]) -> Result<usize, Error> {
        match self {
            Self::Gzip => gzip_len(data),
            Self::Deflate => Ok(miniz_oxide::deflate::compress_to_vec(data, 9).len()),
        }
    }
}

/// The length of `gzip -9 -n`'s output for `data`.
fn gzip_len(data: &[u8]) -> Result<usize, Error> {
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Error::new(format!("cannot run gzip: {e}")))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Error::new("gzip: no stdin"))?;
    let mut stdout = child
        .stdout
        .take()
        .ok_or_else(|| Error::new("gzip: no stdout"))?;
    // Write from a second thread: gzip blocks on a full stdout pipe until it is read.
    let len = std::thread::scope(|scope| {
        let writer = scope.spawn(move || stdin.write_all(data));
        let mut out = Vec::new();
        let read = stdout.read_to_end(&mut out);
        let written = writer.join();
        match (read, written) {
            (Ok(n), Ok(Ok(()))) => Ok(n),
            _ => Err(Error::new("gzip: broken pipe")),
        }
    });
    let status = child.wait().map_err(|e| Error::new(format!("gzip: {e}")))?;
    if !status.success() {
        return Err(Error::new(format!("gzip failed: {status}")));
    }
    len
}

/// The greedy orders tried: shingles of 4 to 6 bytes, windows of 1 to 8 KiB (the range
/// where the best order of the form module fell in every sweep).
#[must_use]
pub fn tried_params() -> Vec<Params> {
    let mut out = Vec::new();
    for shingle in [4, 5, 6] {
        for window in [1024, 2048, 4096, 8192] {
            out.push(Params {
                window,
                shingle,
                ..Params::default()
            });
        }
    }
    out
}

/// What [`best`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The module in its best order.
    pub module: Vec<u8>,
    /// That order (see [`crate::permute`]).
    pub order: Vec<u32>,
    /// The size of the input module (`measure`).
    pub before: usize,
    /// The size of `module`.
    pub after: usize,
    /// The greedy order kept, or `None` for the module's own order.
    pub params: Option<Params>,
}

/// `wasm` in the order, among its own and the greedy orders of `tried`, whose rewritten
/// module `measure`s smallest (the first of equals).
///
/// # Errors
///
/// When `wasm` cannot be rewritten (see [`crate::permute`]) or `measure` fails.
pub fn best(wasm: &[u8], tried: &[Params], measure: Measure) -> Result<Outcome, Error> {
    let bodies = functions(wasm)?.bodies;
    let identity: Vec<u32> = (0..bodies.len() as u32).collect();
    let own = permute(wasm, &identity)?;
    let before = measure.size(wasm)?;
    let mut outcome = Outcome {
        after: measure.size(&own)?,
        module: own,
        order: identity,
        before,
        params: None,
    };
    for params in tried {
        let order = order::choose(&bodies, params);
        let module = permute(wasm, &order)?;
        let size = measure.size(&module)?;
        if size < outcome.after {
            outcome = Outcome {
                module,
                order,
                before,
                after: size,
                params: Some(*params),
            };
        }
    }
    Ok(outcome)
}

/// Improves `outcome` (of `wasm`) by moving single functions, measured: the largest
/// functions first, each is moved next to the body that shares most of its 4-byte
/// shingles (after it, else before it), and a move is kept when the module then
/// `measure`s smaller. Stops after `budget` measurements. Returns how many moves were
/// kept.
///
/// # Errors
///
/// When `wasm` cannot be rewritten or `measure` fails.
pub fn improve(
    wasm: &[u8],
    outcome: &mut Outcome,
    measure: Measure,
    budget: usize,
) -> Result<usize, Error> {
    let bodies = functions(wasm)?.bodies;
    let shingles = Shingles::of(&bodies, 4);
    let mut largest: Vec<usize> = (0..bodies.len()).collect();
    largest.sort_by_key(|&f| (std::cmp::Reverse(bodies[f].len()), f));
    let position = |order: &[u32], f: usize| order.iter().position(|&g| g as usize == f);
    let mut measured = 0;
    let mut kept = 0;
    'functions: for f in largest {
        let Some(g) = shingles.closest(f) else {
            continue;
        };
        let (Some(at_f), Some(at_g)) = (position(&outcome.order, f), position(&outcome.order, g))
        else {
            continue;
        };
        if at_f.abs_diff(at_g) == 1 {
            continue;
        }
        for after in [true, false] {
            if measured >= budget {
                break 'functions;
            }
            let mut order = outcome.order.clone();
            order.remove(at_f);
            let at_g = if at_g > at_f { at_g - 1 } else { at_g };
            order.insert(at_g + usize::from(after), f as u32);
            let module = permute(wasm, &order)?;
            let size = measure.size(&module)?;
            measured += 1;
            if size < outcome.after {
                outcome.module = module;
                outcome.order = order;
                outcome.after = size;
                kept += 1;
                break;
            }
        }
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deflate_measures_in_the_process() {
        let data = vec![7u8; 10_000];
        let size = Measure::Deflate.size(&data).unwrap();
        assert!(size > 0 && size < 100, "{size}");
    }

    #[test]
    fn gzip_measures_like_the_command() {
        // Where the command runs (it does wherever wasm/build.sh does).
        if Measure::available() == Measure::Gzip {
            // 10 header bytes (no name with -n), a stored or fixed block, 8 trailer bytes.
            let size = Measure::Gzip.size(b"").unwrap();
            assert_eq!(size, 20);
            let big: Vec<u8> = (0..300_000u32)
                .map(|i| (i.wrapping_mul(i) >> 7) as u8)
                .collect();
            assert!(Measure::Gzip.size(&big).unwrap() > 20);
        }
    }

    #[test]
    fn the_best_order_is_valid_and_no_larger_than_the_own_order() {
        // Twelve functions, two families of look-alikes, interleaved.
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], [wasm_encoder::ValType::I32]);
        let mut functions = wasm_encoder::FunctionSection::new();
        let mut code = wasm_encoder::CodeSection::new();
        let mut exports = wasm_encoder::ExportSection::new();
        for i in 0..12u32 {
            let mut f = wasm_encoder::Function::new([]);
            let base = if i % 2 == 0 { 1_000_003 } else { -77_777_777 };
            for j in 0..40 {
                f.instruction(&wasm_encoder::Instruction::I32Const(
                    base + j * (i as i32 % 3),
                ));
                if j > 0 {
                    f.instruction(&wasm_encoder::Instruction::I32Xor);
                }
            }
            if i > 0 {
                f.instruction(&wasm_encoder::Instruction::Call(i - 1));
                f.instruction(&wasm_encoder::Instruction::I32Add);
            }
            f.instruction(&wasm_encoder::Instruction::End);
            functions.function(0);
            code.function(&f);
            exports.export(&format!("f{i}"), wasm_encoder::ExportKind::Func, i);
        }
        let mut module = wasm_encoder::Module::new();
        module.section(&types);
        module.section(&functions);
        module.section(&exports);
        module.section(&code);
        let wasm = module.finish();
        crate::validate(&wasm).unwrap();

        for measure in [Measure::Deflate, Measure::available()] {
            let outcome = best(&wasm, &tried_params(), measure).unwrap();
            crate::validate(&outcome.module).unwrap();
            assert!(outcome.after <= outcome.before);
            assert_eq!(outcome.after, measure.size(&outcome.module).unwrap());
            assert_eq!(outcome.module, permute(&wasm, &outcome.order).unwrap());
            // Deterministic.
            assert_eq!(outcome, best(&wasm, &tried_params(), measure).unwrap());

            // The moves keep the module valid, never make it larger, and stay within
            // the budget (at most one kept move per measurement).
            let mut improved = outcome.clone();
            let kept = improve(&wasm, &mut improved, measure, 6).unwrap();
            assert!(kept <= 6);
            crate::validate(&improved.module).unwrap();
            assert!(improved.after <= outcome.after);
            assert_eq!(improved.after, measure.size(&improved.module).unwrap());
            assert_eq!(improved.module, permute(&wasm, &improved.order).unwrap());
            let mut again = outcome.clone();
            improve(&wasm, &mut again, measure, 6).unwrap();
            assert_eq!(again, improved);
            let mut none = outcome.clone();
            assert_eq!(improve(&wasm, &mut none, measure, 0).unwrap(), 0);
            assert_eq!(none, outcome);
        }
    }
}
