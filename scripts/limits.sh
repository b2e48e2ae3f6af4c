#!/usr/bin/env bash
# Builds meetings at the limits the hardening work names, with the release
# binary, and prints time and peak memory for each: 1,000 items, one item
# of 5 MB, a line of 1 MB, a table of 2,000 rows, and 200 levels of nesting
# (refused by the nesting check). Sizes are halved once too, to show how
# the cost grows.
set -euo pipefail
cd "$(dirname "$0")/.."
RK="$PWD/target/release/rk"
cargo build --release --locked --quiet
ROOT=target/limits
rm -rf "$ROOT"

meeting() { # name -> prints the folder of a fresh meeting
    local dir="$ROOT/$1/meetings/2020-11-25"
    mkdir -p "$dir"
    cat > "$dir/meeting.yaml" <<'YAML'
body: It-Arkitekturrådet
date: 2020-11-25
referent: Zahra Al-Asfoor
members: [Ghita Thiesen]
others: [Zahra Al-Asfoor]
YAML
    echo "$dir"
}
item() { # dir number title body-file
    { printf -- '---\nnumber: "%s"\ntitle: %s\nsag: none\n---\n' "$2" "$3"; cat "$4"; } > "$1/$(printf %04d "$2").md"
}
words() { # n -> n words of Danish prose
    python3 -c "
import random, sys
random.seed(1)
w = 'rådet drøftede sagen og tog orienteringen til efterretning med bemærkninger om arkitektur'.split()
n = int(sys.argv[1]); out = []
for i in range(n):
    out.append(random.choice(w))
    if i % 80 == 79: out.append('.\n\n')
print(' '.join(out))" "$1"
}

run() { # name: the build's last line, its time and peak memory
    /usr/bin/time -o "$ROOT/$1.time" -f '%e s, %M KB peak' \
        "$RK" -C "$ROOT/$1" build 2020-11-25 >/dev/null 2>"$ROOT/$1.log" || true
    printf '%-14s %-22s %s\n' "$1" "$(cat "$ROOT/$1.time" | tail -n 1)" "$(tail -n 1 "$ROOT/$1.log" | cut -c1-90)"
}

for n in 500 1000; do
    dir=$(meeting "items-$n")
    words 40 > "$ROOT/body.md"
    for i in $(seq 1 "$n"); do item "$dir" "$i" "Punkt $i" "$ROOT/body.md"; done
    run "items-$n"
done
for mb in 2.5 5; do
    dir=$(meeting "item-${mb}mb")
    words "$(python3 -c "print(int($mb * 1000000 / 8))")" > "$ROOT/body.md"
    item "$dir" 1 "Stort punkt" "$ROOT/body.md"
    run "item-${mb}mb"
done
for kb in 500 1000; do
    dir=$(meeting "line-${kb}kb")
    words "$(python3 -c "print(int($kb * 1000 / 8))")" | tr -d '\n' > "$ROOT/body.md"
    item "$dir" 1 "Lang linje" "$ROOT/body.md"
    run "line-${kb}kb"
done
for rows in 1000 2000; do
    dir=$(meeting "table-$rows")
    { echo "| Nr | Kommune | Svar |"; echo "|---|---|---|"; for i in $(seq 1 "$rows"); do echo "| $i | Kommune $i | ja |"; done; } > "$ROOT/body.md"
    item "$dir" 1 "Tabel" "$ROOT/body.md"
    run "table-$rows"
done
dir=$(meeting "nesting-200")
python3 -c "print('> ' * 200 + 'dybt')" > "$ROOT/body.md"
item "$dir" 1 "Dybt" "$ROOT/body.md"
run "nesting-200"
