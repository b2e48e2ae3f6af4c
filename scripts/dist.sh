#!/usr/bin/env bash
# rk's release archives, as the release workflow (.github/workflows/
# release.yml) publishes them and the install scripts (scripts/install.sh,
# scripts/install.ps1) and `cargo binstall` fetch them:
#
#   rk-vVERSION-TARGET.tar.gz   (rk-vVERSION-TARGET/rk, README.md, LICENSE)
#   rk-vVERSION-TARGET.zip      (the same with rk.exe, for Windows)
#   SHA256SUMS                  (`sha256sum` lines for every archive)
#
# Usage (the archives go to $DIST_DIR, default dist/):
#   scripts/dist.sh                 what can be built on a Linux x86_64
#                                   machine (`just dist`): the static musl
#                                   binary and rk.exe (mingw-w64), in the
#                                   release profile, packed, SHA256SUMS, and
#                                   the musl binary run in an empty root
#   scripts/dist.sh build TARGET... build and pack these targets
#   scripts/dist.sh pack TARGET BIN pack an rk built already (the tests pack
#                                   the debug binary this way)
#   scripts/dist.sh sums            write SHA256SUMS for the archives there
#   scripts/dist.sh static ARCHIVE  the binary in ARCHIVE is static and runs
#                                   in an empty root (no libc), as root or in
#                                   a user namespace (`unshare -r`)
#
# Installs what a local build lacks (as root, like CI): the musl C compiler
# (musl-tools; a crate of the engine compiles assembly) and mingw-w64, and the
# Rust targets with rustup. Builds use CARGO_TARGET_DIR like cargo; each
# target is a build of its own of the engine (15 to 30 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
DIST_DIR="${DIST_DIR:-$ROOT/dist}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
started=$SECONDS

say() { echo "== dist: $* ($((SECONDS - started)) s)"; }
fail() {
    echo "dist: FAILED: $*" >&2
    exit 1
}

# The archive's name without its suffix, e.g. rk-v0.1.0-x86_64-pc-windows-gnu.
stem() { echo "rk-v$VERSION-$1"; }

is_windows() { case "$1" in *windows*) return 0 ;; *) return 1 ;; esac }

sha256() {
    if command -v sha256sum >/dev/null; then
        sha256sum "$@"
    else
        shasum -a 256 "$@"
    fi
}

# pack TARGET BINARY: the archive of BINARY as TARGET's, in $DIST_DIR.
pack() {
    local target="$1" binary="$2" name exe
    [ -f "$binary" ] || fail "no binary $binary"
    name="$(stem "$target")"
    exe=rk
    is_windows "$target" && exe=rk.exe
    mkdir -p "$DIST_DIR"
    # Python's archivers on every runner (GNU and BSD tar differ): the same
    # layout, file modes and owner everywhere, and a fixed date.
    python3 - "$DIST_DIR" "$name" "$binary" "$exe" README.md LICENSE <<'PY'
import gzip, io, os, sys, tarfile, zipfile
out, name, binary, exe, *docs = sys.argv[1:]
members = [(binary, exe, 0o755)] + [(doc, doc, 0o644) for doc in docs]
date = 315532800  # 1980-01-01, the earliest a zip can say
if exe.endswith(".exe"):
    path = os.path.join(out, name + ".zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for source, inside, mode in members:
            info = zipfile.ZipInfo(f"{name}/{inside}", (1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(source, "rb") as f:
                z.writestr(info, f.read())
else:
    path = os.path.join(out, name + ".tar.gz")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=date, filename="") as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for source, inside, mode in members:
                info = tar.gettarinfo(source, f"{name}/{inside}")
                info.mode, info.mtime = mode, date
                info.uid = info.gid = 0
                info.uname = info.gname = ""
                with open(source, "rb") as f:
                    tar.addfile(info, f)
print(path)
PY
}

# sums: SHA256SUMS for every archive in $DIST_DIR.
sums() {
    [ -d "$DIST_DIR" ] || fail "no folder $DIST_DIR"
    (
        cd "$DIST_DIR"
        shopt -s nullglob
        local archives=(rk-v*.tar.gz rk-v*.zip)
        [ ${#archives[@]} -gt 0 ] || fail "no archives in $DIST_DIR"
        sha256 "${archives[@]}" >SHA256SUMS
    )
    echo "$DIST_DIR/SHA256SUMS"
}

# tools TARGET: what building for TARGET needs on this machine.
tools() {
    local target="$1" need=
    case "$target" in
    *-linux-musl) command -v musl-gcc >/dev/null || need=musl-tools ;;
    *-windows-gnu) command -v x86_64-w64-mingw32-gcc >/dev/null || need=mingw-w64 ;;
    esac
    if [ -n "$need" ]; then
        echo "installing $need"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$need" >/dev/null
    fi
    if command -v rustup >/dev/null; then
        rustup target add "$target" >/dev/null 2>&1 ||
            rustup target list --installed | grep -qx "$target" ||
            fail "cannot add the Rust target $target"
    fi
}

# build TARGET: the release build for TARGET, packed.
build() {
    local target="$1" exe=rk begun=$SECONDS
    is_windows "$target" && exe=rk.exe
    tools "$target"
    say "cargo build --release --target $target"
    cargo build --locked --release --bin rk --target "$target"
    say "built $target in $((SECONDS - begun)) s"
    pack "$target" "$TARGET_DIR/$target/release/$exe"
}

# static ARCHIVE: its rk is a static executable that runs with no libc.
static() {
    local archive="$1" root
    root="$(mktemp -d)"
    # shellcheck disable=SC2064 # the folder is known now
    trap "rm -rf '$root'" RETURN
    tar -xzf "$archive" -C "$root" --strip-components=1 --wildcards '*/rk'
    local described
    described="$(file -b "$root/rk")"
    echo "file: $described"
    case "$described" in
    *"statically linked"* | *"static-pie linked"*) ;;
    *) fail "rk in $archive is not static: $described" ;;
    esac
    echo "ldd: $(ldd "$root/rk" 2>&1 || true)"
    # The empty root: rk alone, no /lib, no libc, no /dev, no /proc.
    local listed
    listed="$(cd "$root" && find . | sort | tr '\n' ' ')"
    echo "the root holds: $listed"
    local chroot=(chroot "$root" /rk --version)
    [ "$(id -u)" = 0 ] || chroot=(unshare -r "${chroot[@]}")
    local said
    said="$("${chroot[@]}")" || fail "rk --version does not run in an empty root"
    echo "${chroot[*]}: $said"
    [ "$said" = "rk $VERSION" ] || fail "rk --version in the empty root says '$said'"
}

local_dist() {
    local musl=x86_64-unknown-linux-musl windows=x86_64-pc-windows-gnu
    rm -f "$DIST_DIR"/rk-v* "$DIST_DIR/SHA256SUMS"
    build "$musl"
    build "$windows"
    say "SHA256SUMS"
    sums >/dev/null
    sed 's/^/  /' "$DIST_DIR/SHA256SUMS"
    say "the archives"
    (cd "$DIST_DIR" && ls -l rk-v* | awk '{ printf "  %-48s %9d bytes\n", $9, $5 }')
    say "the musl binary in an empty root"
    static "$DIST_DIR/$(stem "$musl").tar.gz"
    say "done"
}

case "${1:-}" in
"") local_dist ;;
build)
    shift
    [ $# -gt 0 ] || fail "build needs a target"
    for target in "$@"; do build "$target"; done
    ;;
pack)
    [ $# -eq 3 ] || fail "usage: scripts/dist.sh pack TARGET BINARY"
    pack "$2" "$3"
    ;;
sums) sums ;;
static)
    [ $# -eq 2 ] || fail "usage: scripts/dist.sh static ARCHIVE"
    static "$2"
    ;;
*) fail "unknown command '$1' (see the top of scripts/dist.sh)" ;;
esac
