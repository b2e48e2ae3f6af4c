#!/usr/bin/env bash
# The files a release archive carries besides rk, made by rk itself (they
# are the same for every platform, so any rk of the version that runs here
# makes them for all):
#
#   OUTDIR/completions/rk.bash   bash (bash-completion's folder, as `rk`)
#   OUTDIR/completions/_rk       zsh (a folder on $fpath)
#   OUTDIR/completions/rk.fish   fish (~/.config/fish/completions)
#   OUTDIR/completions/_rk.ps1   PowerShell (dot-sourced from $PROFILE)
#   OUTDIR/completions/rk.elv    Elvish (eval'd from rc.elv)
#   OUTDIR/man/man1/rk.1, rk-build.1, ...   the manual pages
#
# Usage: scripts/shell-files.sh OUTDIR [RK]   (RK: the binary, default rk)
set -euo pipefail
out="${1:?usage: scripts/shell-files.sh OUTDIR [RK]}"
rk="${2:-rk}"
mkdir -p "$out/completions" "$out/man/man1"
"$rk" completions bash >"$out/completions/rk.bash"
"$rk" completions zsh >"$out/completions/_rk"
"$rk" completions fish >"$out/completions/rk.fish"
"$rk" completions powershell >"$out/completions/_rk.ps1"
"$rk" completions elvish >"$out/completions/rk.elv"
"$rk" man --out "$out/man/man1" >/dev/null
