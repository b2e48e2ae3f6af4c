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

# Writes the reference pages of the book (docs/book/src/reference/: a page
# per rule and per command) from src/rules.rs and src/cli.rs.
reference:
    RK_BLESS=1 cargo test --test it reference::

# Builds the user guide (docs/book, mdBook; installed by
# scripts/install-test-tools.sh) into docs/book/book/, failing on any
# warning, then checks its examples and links (tests/it/book.rs,
# tests/it/doc_links.rs).
docs:
    #!/usr/bin/env bash
    set -euo pipefail
    log=$(mdbook build docs/book 2>&1) || { echo "$log"; exit 1; }
    echo "$log"
    if grep -E 'WARN|ERROR' <<<"$log"; then echo "mdbook warned"; exit 1; fi
    cargo test --locked --test it -- book:: doc_links::

# Everything CI does, on this machine.
ci:
    bash .ci/run

# Cross-builds rk.exe (mingw-w64) and runs the example and the rule
# fixtures under Wine, compared with the Linux binary (installs mingw-w64
# and wine when missing; see scripts/windows.sh).
windows:
    bash scripts/windows.sh

# The release archives that can be built here (see scripts/dist.sh): the
# static Linux binary (x86_64-unknown-linux-musl) and rk.exe
# (x86_64-pc-windows-gnu), in the release profile, packed as the release
# workflow packs them, with SHA256SUMS, into dist/; then the musl binary is
# run in an empty root (no libc). About 15 to 30 minutes per target on
# 2 cores the first time.
dist:
    bash scripts/dist.sh

# Times rk check and rk build of the example against the bare engine and
# pandoc + xelatex where installed (needs hyperfine; see scripts/bench.sh),
# then rk lsp and rk watch against their budgets (scripts/bench-live.py),
# then a synthetic archive of 1,000 meetings: `rk build --all` cold, no-op
# and after editing one item, `rk check --all` and `rk index` (see
# scripts/bench-archive.sh).
bench:
    bash scripts/bench.sh
    python3 scripts/bench-live.py target/release/rk lsp
    python3 scripts/bench-live.py target/release/rk watch
    bash scripts/bench-archive.sh 1000

# Times `rk lsp` from a didChange to its publishDiagnostics on the example
# (budget 30 ms) and an `rk watch` rebuild after a one-word edit (budget
# 150 ms), with the dev profile (the dependencies are optimised); fails
# over budget. See scripts/bench-live.py.
bench-live rounds="20":
    cargo build --locked
    python3 scripts/bench-live.py target/debug/rk lsp {{rounds}}
    python3 scripts/bench-live.py target/debug/rk watch {{rounds}}

# `rk build --all` (cold, no-op, after one edit), `rk check --all` and
# `rk index` on a synthetic archive of `meetings` meetings: time and peak
# memory against SPEC section 7's budgets; fails over budget. PROFILE=dev
# for the dev build, ONLY=html,json to leave out the PDFs, REUSE=1 to reuse
# the archive built before (see scripts/bench-archive.sh).
bench-archive meetings="1000":
    bash scripts/bench-archive.sh {{meetings}}

# Writes a synthetic archive of `meetings` meetings the size of the
# example under DIR/meetings (three bodies, weekly, cases that recur).
archive dir meetings="100":
    cargo run --quiet --example gen-archive -- {{dir}} {{meetings}}

# Builds meetings at the size limits and prints time and peak memory.
limits:
    bash scripts/limits.sh

# Fuzzes loading, every check and every renderer for `seconds` (needs
# cargo-fuzz: `cargo install cargo-fuzz`; runs on stable Rust through
# RUSTC_BOOTSTRAP, without a sanitizer). Seeds: fuzz/seeds.
fuzz seconds="300":
    mkdir -p fuzz/corpus
    cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none sources corpus seeds -- -max_total_time={{seconds}} -rss_limit_mb=4096

# Packages the VS Code extension (editors/vscode) into `out`: once without
# rk, and for each TARGET=BINARY given (linux-x64=path/to/rk,
# win32-x64=path/to/rk.exe, ...) with that rk inside
# (see scripts/vscode-package.sh).
vscode-package out="dist/vscode" *targets:
    bash scripts/vscode-package.sh {{out}} {{targets}}
