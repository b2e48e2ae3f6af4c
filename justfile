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

# Times the release binary on the example meeting (needs hyperfine).
bench:
    cargo build --release --locked
    hyperfine --warmup 10 --runs 100 -N --export-markdown target/bench-check.md \
        'target/release/rk check 2020-11-25'
    @echo "peak memory (KiB) of rk check:"
    @/usr/bin/env time -f '%M' target/release/rk check 2020-11-25 2>&1 >/dev/null | tail -n 1
