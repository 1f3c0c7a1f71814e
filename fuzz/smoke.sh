#!/usr/bin/env bash
# Fuzz smoke run: each target for FUZZ_SECONDS (default 25) seconds, starting from the
# seeds in fuzz/seeds/<target> and every example document. A crash fails the run and
# leaves its input in fuzz/artifacts/<target>/: copy it to core/tests/fuzz-crashers/
# (automerge's pattern) so that core/tests/fuzz_crashers.rs keeps it fixed.
# Longer run: FUZZ_SECONDS=3600 FUZZ_SANITIZER=address bash fuzz/smoke.sh
set -euo pipefail
cd "$(dirname "$0")"
secs=${FUZZ_SECONDS:-25}
# The smoke run skips AddressSanitizer (the core is forbid(unsafe_code); panics and
# hangs are what it looks for) to keep CI's build short; FUZZ_SANITIZER=address for
# the longer runs.
sanitizer=${FUZZ_SANITIZER:-none}
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked >/dev/null 2>&1 || cargo install cargo-fuzz
fi
# cargo-fuzz needs nightly flags (-Zsanitizer); use nightly if present, else stable with
# RUSTC_BOOTSTRAP (fuzzing only; the library itself builds on stable).
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  tc=(+nightly)
else
  tc=()
  export RUSTC_BOOTSTRAP=1
fi
targets=(ops_json wareki fhir_import)
ran=0
for target in "${targets[@]}"; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  cp -n seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  if [ "$target" = ops_json ]; then
    # Every example document, behind each operation selector byte 0..15.
    i=0
    for f in ../schemas/examples/*.json; do
      [ -f "$f" ] || continue
      for sel in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
        { printf "\\x$(printf %02x "$sel")"; cat "$f"; } > "$corpus/example-$i-$sel"
      done
      i=$((i + 1))
    done
  fi
  echo "fuzz: $target for ${secs}s"
  cargo "${tc[@]}" fuzz run --sanitizer "$sanitizer" "$target" "$corpus" -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -timeout=10 2>&1 | tail -n 4
  # A crash or a hang ends the script above (set -e, pipefail); reaching here is a pass.
  ran=$((ran + 1))
done
echo "fuzz: $ran passed, 0 failed"
