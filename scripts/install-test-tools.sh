#!/usr/bin/env bash
# Installs the programs rk's tests use to look at its outputs as a reader
# would: poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm). With
# --with-typst it also builds the typst CLI of the engine's version, which
# `just bench` times and one test uses to typeset the --emit-typst output
# (skipped where no typst CLI is at hand; building it takes ~15 minutes).
#
# Tests that need a missing poppler tool are skipped on a developer's
# machine with a message naming this script, and fail in CI.
set -euo pipefail

TYPST_VERSION=0.15.1

if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
    echo "== installing poppler-utils"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
pdftotext -v 2>&1 | head -n 1

if [ "${1:-}" = "--with-typst" ]; then
    if ! typst --version 2>/dev/null | grep -q "typst $TYPST_VERSION"; then
        echo "== installing the typst CLI $TYPST_VERSION"
        # typst-cli downloads packages over TLS: it links OpenSSL.
        if ! pkg-config --exists openssl 2>/dev/null; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libssl-dev >/dev/null
        fi
        cargo install typst-cli --version "$TYPST_VERSION" --locked --quiet
    fi
    typst --version
fi
