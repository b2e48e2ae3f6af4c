#!/bin/sh
# Installs rk, the referat compiler, from its prebuilt release archive:
#
#   curl -fsSL https://github.com/OWNER/rk/releases/latest/download/install.sh | sh
#
# Downloads the archive for this machine and the release's SHA256SUMS,
# refuses an archive whose SHA-256 differs (installing nothing), and puts rk
# into ~/.local/bin, saying how to add that to PATH when it is not there.
#
# Settings (environment variables):
#   RK_VERSION       the version to install (default: the one this script
#                    was released with)
#   RK_INSTALL_DIR   where rk goes (default: ~/.local/bin)
#   RK_DOWNLOAD_URL  the folder holding the archives and SHA256SUMS (default:
#                    the GitHub release of RK_VERSION; set it for a mirror)
#   RK_TARGET        the archive's target, when detecting it is wrong
#
# POSIX sh; needs curl or wget, tar, and sha256sum or shasum.
set -eu

# The release workflow writes the repository and version of the release
# into the copy of this script it publishes.
RK_REPOSITORY="${RK_REPOSITORY:-example/rk}"
RK_VERSION="${RK_VERSION:-0.1.0}"
RK_VERSION="${RK_VERSION#v}"
RK_DOWNLOAD_URL="${RK_DOWNLOAD_URL:-https://github.com/$RK_REPOSITORY/releases/download/v$RK_VERSION}"
RK_INSTALL_DIR="${RK_INSTALL_DIR:-$HOME/.local/bin}"

say() { printf 'rk install: %s\n' "$*"; }
fail() {
    printf 'rk install: error: %s\n' "$*" >&2
    exit 1
}

detect_target() {
    os="$(uname -s)"
    machine="$(uname -m)"
    case "$machine" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) fail "no prebuilt rk for the processor $machine; build it with cargo (see the README)" ;;
    esac
    case "$os" in
    Linux) echo "$arch-unknown-linux-musl" ;;
    Darwin) echo "$arch-apple-darwin" ;;
    *) fail "no prebuilt rk for $os here; on Windows use install.ps1 (see the README)" ;;
    esac
}

download() {
    if command -v curl >/dev/null 2>&1; then
        curl --proto '=https,http' -fsSL -o "$2" "$1" || fail "cannot download $1"
    elif command -v wget >/dev/null 2>&1; then
        wget -q -O "$2" "$1" || fail "cannot download $1"
    else
        fail "neither curl nor wget is installed"
    fi
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    elif command -v shasum >/dev/null 2>&1; then
        shasum -a 256 "$1" | cut -d ' ' -f 1
    else
        fail "neither sha256sum nor shasum is installed: cannot verify the download"
    fi
}

target="${RK_TARGET:-$(detect_target)}"
archive="rk-v$RK_VERSION-$target.tar.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM

say "downloading $RK_DOWNLOAD_URL/$archive"
download "$RK_DOWNLOAD_URL/SHA256SUMS" "$work/SHA256SUMS"
download "$RK_DOWNLOAD_URL/$archive" "$work/$archive"

expected="$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1; exit }' "$work/SHA256SUMS")"
[ -n "$expected" ] || fail "SHA256SUMS names no $archive: nothing was installed"
actual="$(sha256_of "$work/$archive")"
if [ "$actual" != "$expected" ]; then
    fail "the SHA-256 of $archive is $actual, but SHA256SUMS says $expected: the download is damaged or not the release's; nothing was installed"
fi
say "SHA-256 verified: $actual"

tar -xzf "$work/$archive" -C "$work" || fail "cannot unpack $archive"
binary="$work/rk-v$RK_VERSION-$target/rk"
[ -f "$binary" ] || fail "$archive holds no rk: nothing was installed"

mkdir -p "$RK_INSTALL_DIR" || fail "cannot create $RK_INSTALL_DIR"
# Copied beside, then renamed: a running rk is never half overwritten.
cp "$binary" "$RK_INSTALL_DIR/.rk.new" || fail "cannot write to $RK_INSTALL_DIR"
chmod 755 "$RK_INSTALL_DIR/.rk.new"
mv -f "$RK_INSTALL_DIR/.rk.new" "$RK_INSTALL_DIR/rk"
say "installed $("$RK_INSTALL_DIR/rk" --version) to $RK_INSTALL_DIR/rk"

case ":${PATH:-}:" in
*":$RK_INSTALL_DIR:"*) say "run: rk --help" ;;
*)
    say "$RK_INSTALL_DIR is not on your PATH; add it (then open a new terminal):"
    # shellcheck disable=SC2016 # $PATH is for the profile, not expanded here
    say "  echo 'export PATH=\"$RK_INSTALL_DIR:\$PATH\"' >> ~/.profile"
    ;;
esac
