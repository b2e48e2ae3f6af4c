#!/usr/bin/env bash
# Times rk on the example meeting against the bare engine (the typst CLI of
# the same version, on the document rk emits) and pandoc + xelatex on the
# same text, each as a whole process. Release build; hyperfine required.
# Writes the table to target/bench.md and prints peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."

MEETING=2020-11-25
OUT=target/bench
RK=target/release/rk

cargo build --release --locked
mkdir -p "$OUT"
# The document for the bare engine, in a folder of its own (a build
# without --emit-typst removes an emitted document as stale).
"$RK" build "$MEETING" --out "$OUT/emit" --emit-typst 2>/dev/null
TYPST_DIR="$OUT/emit/$MEETING/typst"

commands=(
    "$RK check $MEETING"
    "$RK build $MEETING --out $OUT"
)
names=("rk check" "rk build")

if typst --version 2>/dev/null | grep -q "typst 0.15.1"; then
    commands+=("typst compile --root $TYPST_DIR --font-path $TYPST_DIR/layout/fonts --ignore-system-fonts --pdf-standard ua-1 --pdf-standard a-2b --creation-timestamp 1606262400 $TYPST_DIR/referat.typ $OUT/typst-cli.pdf")
    names+=("typst compile (bare engine)")
else
    echo "no typst 0.15.1 CLI: run scripts/install-test-tools.sh --with-typst to compare with the bare engine"
fi

if command -v pandoc >/dev/null && command -v xelatex >/dev/null; then
    # The same text: every item's title and body, front matter removed.
    md="$OUT/pandoc.md"
    : > "$md"
    for f in meetings/$MEETING/[0-9]*.md; do
        title=$(sed -n 's/^title: *//p' "$f" | head -n 1 | sed 's/^"\(.*\)"$/\1/')
        printf '# %s\n\n' "$title" >> "$md"
        awk 'BEGIN{n=0} /^---[[:space:]]*$/ && n<2 {n++; next} n>=2 {print}' "$f" >> "$md"
        printf '\n' >> "$md"
    done
    commands+=("pandoc $md -o $OUT/pandoc.pdf --pdf-engine=xelatex -V lang=da -V mainfont=\"Open Sans\"")
    names+=("pandoc + xelatex")
else
    echo "no pandoc + xelatex: apt-get install pandoc texlive-xetex to compare"
fi

args=()
for i in "${!commands[@]}"; do
    args+=(--command-name "${names[$i]}" "${commands[$i]}")
done
hyperfine -N --warmup 3 --min-runs 10 --export-markdown target/bench.md "${args[@]}"

echo
echo "peak memory (max RSS):"
for i in 0 1; do
    kib=$(/usr/bin/time -f '%M' ${commands[$i]} 2>&1 >/dev/null | tail -n 1)
    echo "  ${names[$i]}: $((kib / 1024)) MB"
done
echo
cat target/bench.md
