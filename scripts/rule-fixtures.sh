#!/usr/bin/env bash
# Writes every rule fixture of tests/fixtures/rules as a whole project to
# DEST/NAME: the clean meeting (clean/), then the fixture's own files over
# it, as the tests do (tests/it/common/mod.rs, `fixtures_root`). A fixture
# holds only the files it changes or adds.
#
#     bash scripts/rule-fixtures.sh DEST
set -euo pipefail
dest="${1:?usage: rule-fixtures.sh DEST}"
rules="$(cd "$(dirname "$0")/../tests/fixtures/rules" && pwd)"
rm -rf "$dest"
mkdir -p "$dest"
for dir in "$rules"/*/; do
    name="$(basename "$dir")"
    mkdir "$dest/$name"
    cp -R "$rules/clean/." "$dest/$name"
    cp -R "$dir." "$dest/$name"
done
