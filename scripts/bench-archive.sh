#!/usr/bin/env bash
# Times `rk build --all` on a synthetic archive of N meetings (default
# 1,000) the size of the example, made by tests/it/common/archive.rs: a cold
# build, a no-op rebuild, and a rebuild after editing one item, each with
# its wall time and peak memory (max RSS, GNU time). Release build; with
# PROFILE=dev the dev build (quicker to make, slower to run). Writes the
# table to target/bench-archive.md.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000}
PROFILE=${PROFILE:-release}
DIR=target/bench-archive
if [ "$PROFILE" = release ]; then
    cargo build --release --locked
    RK=target/release/rk
    GEN=(cargo run --release --locked --quiet --example gen-archive --)
else
    cargo build --locked
    RK=target/debug/rk
    GEN=(cargo run --locked --quiet --example gen-archive --)
fi

rm -rf "$DIR"
"${GEN[@]}" "$DIR" "$N"

# `measure NAME ARGS...`: one run of rk in the archive; its closing line,
# then a table row with the wall time, the CPU time (user + system) and
# the peak memory.
rows=()
measure() {
    local name=$1
    shift
    local stats
    stats=$(mktemp)
    (cd "$DIR" && /usr/bin/time -f '%e %U %S %M' -o "$stats" "$OLDPWD/$RK" "$@" 2>&1 >/dev/null | grep -E '^(archive|checked) ' | tail -n 1) || true
    read -r seconds user system kib < "$stats"
    rm -f "$stats"
    rows+=("| $name | $seconds s | $(printf "%.2f" "$(echo "$user + $system" | bc)") s | $((kib / 1024)) MB |")
}

measure "cold \`rk build --all\`" build --all
measure "no-op rebuild" build --all
# One item of one meeting in the middle of the archive, edited.
item=$(find "$DIR/meetings" -name '03-eventuelt.md' | sort | sed -n "$(( (N + 1) / 2 ))p")
printf '\nEn tilføjelse efter mødet.\n' >> "$item"
measure "after editing one item" build --all
measure "\`rk check --all\`" check --all

{
    echo "$N meetings, $PROFILE build, $(nproc) cores ($(uname -m)):"
    echo
    echo "| run | wall time | CPU time | peak memory |"
    echo "| --- | --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
} > target/bench-archive.md
echo
cat target/bench-archive.md
