#!/usr/bin/env bash
# rk on Windows, tested under Wine: cross-builds rk.exe for
# x86_64-pc-windows-gnu with Debian's mingw-w64 (the dev profile, whose
# dependencies are optimised), then runs it under Wine and compares what it
# does with the Linux binary:
# - `rk --version` runs (headless: a console program needs no display);
# - `rk check` of the example is clean;
# - `rk build 2020-11-25` writes the same bytes as on Linux, file by file;
# - `rk check --format json` of every fixture under tests/fixtures/rules
#   (made whole by scripts/rule-fixtures.sh) gives the same findings and
#   exit status as on Linux (path separators aside), and the findings'
#   paths are relative, like meetings/2020-11-25/02-01-nyt-fra-udvalget.md,
#   never `\\?\`, `//?/` or a drive letter;
# - `rk check C:\path\to\meeting` from outside the project finds it;
# - `rk lsp` publishes the finding of an item opened as
#   `file:///C:/...` and as `file:///c%3A/...` (as VS Code writes it), in a
#   project on Wine's C: drive (scripts/wine/lsp_finding.py is the client).
# Exits non-zero on any difference.
#
# Installs what is missing (as root, like CI): mingw-w64 and wine from
# Debian, the Rust standard library for the target with rustup. Wine 8 has
# no bcryptprimitives.dll, which Rust's standard library imports on Windows;
# a stand-in built from scripts/wine/bcryptprimitives.c goes into the test
# prefix (never beside a shipped rk.exe).
#
# The cross build uses CARGO_TARGET_DIR (default: target/), like cargo; the
# first one compiles the engine again for Windows (about 15 minutes on 2
# cores). The Wine prefix is kept in that folder too.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
TARGET=x86_64-pc-windows-gnu
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
started=$SECONDS

step() { echo "== windows: $* ($((SECONDS - started)) s)"; }
fail() {
    echo "windows: FAILED: $*" >&2
    exit 1
}

step "tools"
missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(mingw-w64)
command -v wine >/dev/null || missing+=(wine wine64)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if command -v rustup >/dev/null; then
    rustup target add "$TARGET" >/dev/null 2>&1 ||
        rustup target list --installed | grep -qx "$TARGET" ||
        fail "cannot add the Rust target $TARGET"
fi
x86_64-w64-mingw32-gcc --version | sed -n 1p
wine --version 2>/dev/null

step "cargo build (Linux and $TARGET)"
# The Linux binary the tests use (built already after `cargo test`; a plain
# `cargo build` would rebuild part of the engine with other features).
cargo test --locked --no-run
cargo build --locked --bin rk --target "$TARGET"
LINUX_RK="$TARGET_DIR/debug/rk"
WINDOWS_RK="$TARGET_DIR/$TARGET/debug/rk.exe"
[ -x "$LINUX_RK" ] || fail "no $LINUX_RK"
[ -f "$WINDOWS_RK" ] || fail "no $WINDOWS_RK"

step "Wine prefix"
WINE_DIR="$TARGET_DIR/wine"
mkdir -p "$WINE_DIR"
export WINEPREFIX="$WINE_DIR/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
x86_64-w64-mingw32-gcc -shared -O2 -Wall -o "$WINE_DIR/bcryptprimitives.dll" \
    scripts/wine/bcryptprimitives.c -ladvapi32
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    timeout 600 wineboot --init >/dev/null 2>&1 || true
fi
wineserver --wait
[ -d "$WINEPREFIX/drive_c/windows/system32" ] || fail "wineboot made no prefix in $WINEPREFIX"
cp "$WINE_DIR/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
# One wine server for all the runs below: each run then starts quickly.
wineserver --persistent=60
trap 'wineserver --kill >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
WORK="$(mktemp -d)"

# `rk ARGS...` under Wine, bounded in time so that a hang fails the run.
wrk() { timeout 300 wine "$WINDOWS_RK" "$@"; }

step "rk --version"
linux_version="$("$LINUX_RK" --version)"
windows_version="$(wrk --version)" || fail "rk.exe --version does not run under Wine"
[ "$windows_version" = "$linux_version" ] ||
    fail "rk.exe --version says '$windows_version', rk '$linux_version'"
echo "$windows_version"

step "rk check of the example"
wrk check --format json >"$WORK/example.jsonl" || fail "rk check of the example is not clean under Wine"
[ ! -s "$WORK/example.jsonl" ] || fail "rk check of the example has findings under Wine: $(cat "$WORK/example.jsonl")"

step "rk build 2020-11-25, compared with Linux"
"$LINUX_RK" build 2020-11-25 --out "$WORK/linux" 2>/dev/null
wrk build 2020-11-25 --out "$(winepath -w "$WORK/windows")" 2>"$WORK/build.err" ||
    fail "rk build under Wine: $(cat "$WORK/build.err")"
(cd "$WORK/linux/2020-11-25" && find . -type f | sort | xargs sha256sum) >"$WORK/linux.sha256"
(cd "$WORK/windows/2020-11-25" && find . -type f | sort | xargs sha256sum) >"$WORK/windows.sha256"
diff -u "$WORK/linux.sha256" "$WORK/windows.sha256" ||
    fail "the example built under Wine differs from the Linux build (sha256 above)"
sed 's/^/  /' "$WORK/windows.sha256"

step "rk check --format json of every fixture, compared with Linux"
# The fixtures are overlays on the clean meeting: made whole first.
FIXTURES="$WORK/fixtures"
bash scripts/rule-fixtures.sh "$FIXTURES"
fixtures=0
for dir in "$FIXTURES"/*/; do
    name="$(basename "$dir")"
    linux_code=0
    windows_code=0
    (cd "$dir" && "$LINUX_RK" check --format json) >"$WORK/$name.linux" 2>/dev/null || linux_code=$?
    (cd "$dir" && wrk check --format json) >"$WORK/$name.raw" 2>/dev/null || windows_code=$?
    # Once in a loaded CI run Wine lost a run's whole standard output (the
    # exit code right, the file empty; not seen again in 80 fixtures run
    # twice): an empty output where Linux has findings is run once more,
    # and said.
    if [ ! -s "$WORK/$name.raw" ] && [ -s "$WORK/$name.linux" ]; then
        echo "windows: $name: no output under Wine; run again" >&2
        windows_code=0
        (cd "$dir" && wrk check --format json) >"$WORK/$name.raw" 2>/dev/null || windows_code=$?
    fi
    # Every path a fixture's finding names is relative to the fixture:
    # meetings/..., never `\\?\...`, `//?/...` or `Z:\...`.
    if grep -o '"file":"[^"]*"' "$WORK/$name.raw" | grep -v '^"file":"meetings[/\\]' >&2; then
        fail "$name: a finding's path above is not relative to the working folder"
    fi
    # The same findings, with `/` for `\` in the paths (escaped in JSON).
    tr -d '\r' <"$WORK/$name.raw" |
        sed -E ':a; s#("file":"[^"]*)\\\\#\1/#; ta' >"$WORK/$name.windows"
    [ "$linux_code" = "$windows_code" ] ||
        fail "$name: rk check exits $windows_code under Wine, $linux_code on Linux"
    diff -u "$WORK/$name.linux" "$WORK/$name.windows" ||
        fail "$name: the findings under Wine differ from Linux (diff above)"
    fixtures=$((fixtures + 1))
done
echo "$fixtures fixtures give the same findings"

step "finding paths under Wine"
want='meetings/2020-11-25/02-01-nyt-fra-udvalget.md'
slashed() { tr -d '\r' | sed 's#\\#/#g'; }
grep -Fq "\"file\":\"$want\"" "$WORK/bad-sag.windows" ||
    fail "bad-sag: the finding's path is not $want: $(cat "$WORK/bad-sag.raw")"
human="$(cd "$FIXTURES/bad-sag" && wrk check 2>&1 >/dev/null | slashed || true)"
grep -Fq "┌─ $want:4:6" <<<"$human" ||
    fail "bad-sag: the human finding does not name $want:4:6: $human"
github="$(cd "$FIXTURES/bad-sag" && wrk check --format github | slashed || true)"
grep -Fq "file=$want,line=4,col=6" <<<"$github" ||
    fail "bad-sag: the GitHub annotation does not name $want: $github"
echo "a finding reads $want:4:6"

step "rk check C:\\...\\meeting from outside the project"
meeting="$(winepath -w "$FIXTURES/bad-sag/meetings/2020-11-25")"
outside="$(cd "$WORK" && wrk check --format json "$meeting" || true)"
grep -q '"rule":"bad-sag"' <<<"$outside" ||
    fail "rk check $meeting from outside the project: $outside"
if grep -Fq -e '?\\' -e '//?/' <<<"$outside"; then
    fail "a verbatim path in: $outside"
fi
echo "found the project of $meeting"

step "rk lsp: a finding for file:///C:/... and file:///c%3A/..."
# A project on drive C:, in a folder whose name needs escaping in a URI.
folder="rk lsp møde"
project_c="$WINEPREFIX/drive_c/$folder"
rm -rf "$project_c"
mkdir -p "$project_c/meetings"
cp -r meetings/2020-11-25 "$project_c/meetings/"
item=meetings/2020-11-25/02-01-nyt-fra-udvalget.md
# The presenter misspelt, unsaved: the text the editor sends.
sed 's/presenters: \[Christian Plaschke\]/presenters: [Christian Plaschk]/' \
    "$item" >"$WORK/unsaved.md"
cmp -s "$item" "$WORK/unsaved.md" && fail "$item names no Christian Plaschke to misspell"
escaped="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$folder")"
for drive in C: c%3A; do
    uri="file:///$drive/$escaped/$item"
    python3 scripts/wine/lsp_finding.py --uri "$uri" --text "$WORK/unsaved.md" \
        --code unknown-person --line 5 -- timeout 300 wine "$WINDOWS_RK" lsp ||
        fail "rk lsp under Wine published no unknown-person finding for $uri"
    echo "a finding for $uri"
done
rm -rf "$project_c"

# The VS Code extension's package for Windows (scripts/vscode-package.sh):
# this rk.exe inside as bin/rk.exe, marked for the platform win32-x64.
step "the VS Code extension for win32-x64"
bash scripts/vscode-package.sh "$WORK/vscode" "win32-x64=$WINDOWS_RK" >/dev/null ||
    fail "scripts/vscode-package.sh could not package rk.exe"
python3 - "$WORK"/vscode/rk-win32-x64-*.vsix "$WINDOWS_RK" <<'EOF' || fail "the win32-x64 package"
import sys, zipfile
package = zipfile.ZipFile(sys.argv[1])
with open(sys.argv[2], "rb") as exe:
    assert package.read("extension/bin/rk.exe") == exe.read(), "bin/rk.exe is not this rk.exe"
assert 'TargetPlatform="win32-x64"' in package.read("extension.vsixmanifest").decode()
assert not any(n.startswith("extension/bin/") and n != "extension/bin/rk.exe"
               for n in package.namelist()), "only rk.exe in bin/"
print(sys.argv[1].rsplit("/", 1)[-1], "holds rk.exe")
EOF

step "done"
