#!/usr/bin/env bash
# Packages the VS Code extension of editors/vscode with vsce:
#
#   scripts/vscode-package.sh OUTDIR [TARGET=BINARY]...
#
# writes OUTDIR/rk-VERSION.vsix, without rk inside (it runs the rk of the
# setting rk.path or of PATH), and for each TARGET=BINARY a package for
# that platform with BINARY inside as bin/rk (bin/rk.exe for win32-*):
# OUTDIR/rk-TARGET-VERSION.vsix. TARGET is VS Code's name of the platform:
# linux-x64, linux-arm64, alpine-x64, win32-x64, darwin-x64, darwin-arm64.
# Example, with the release's binaries:
#
#   scripts/vscode-package.sh dist/vscode \
#       linux-x64=target/x86_64-unknown-linux-musl/release/rk \
#       win32-x64=target/x86_64-pc-windows-gnu/release/rk.exe
#
# Installs the pinned npm packages of editors/vscode (vsce, esbuild,
# vscode-languageclient) when they are missing.
set -euo pipefail

if [ $# -lt 1 ]; then
    sed -n '2,18p' "$0" >&2
    exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXT="$ROOT/editors/vscode"
mkdir -p "$1"
OUT="$(cd "$1" && pwd)"
shift

if [ ! -d "$EXT/node_modules" ] || [ "$EXT/package-lock.json" -nt "$EXT/node_modules/.package-lock.json" ]; then
    (cd "$EXT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi
VERSION="$(node -p 'require(process.argv[1]).version' "$EXT/package.json")"
VSCE="$EXT/node_modules/.bin/vsce"

# The bundle holds the extension's dependencies: no node_modules in the .vsix.
package() {
    (cd "$EXT" && "$VSCE" package --no-dependencies --no-update-package-json --allow-missing-repository "$@" >/dev/null)
}

rm -rf "$EXT/bin"
package --out "$OUT/rk-$VERSION.vsix"
echo "$OUT/rk-$VERSION.vsix"

for pair in "$@"; do
    target="${pair%%=*}"
    binary="${pair#*=}"
    if [ "$target" = "$pair" ] || [ ! -f "$binary" ]; then
        echo "vscode-package: $pair is not TARGET=BINARY with an existing BINARY" >&2
        exit 2
    fi
    case "$target" in
        win32-*) name=rk.exe ;;
        *) name=rk ;;
    esac
    mkdir -p "$EXT/bin"
    cp "$binary" "$EXT/bin/$name"
    chmod 755 "$EXT/bin/$name"
    package --target "$target" --out "$OUT/rk-$target-$VERSION.vsix"
    rm -rf "$EXT/bin"
    echo "$OUT/rk-$target-$VERSION.vsix"
done
