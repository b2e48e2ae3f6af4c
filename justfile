# rk's everyday commands; `just --list` shows them.

default:
    @just --list

# The test suite, as CI runs it.
test:
    cargo test --locked

# The lints CI runs before the tests.
lint:
    cargo fmt --check
    cargo clippy --all-targets -- -D warnings

# Everything CI does, on this machine.
ci:
    bash .ci/run

# Times rk check and rk build of the example against the bare engine and
# pandoc + xelatex where installed (needs hyperfine; see scripts/bench.sh).
bench:
    bash scripts/bench.sh

# Builds meetings at the size limits and prints time and peak memory.
limits:
    bash scripts/limits.sh
