#!/usr/bin/env bash
# Make sure Debian's chromium is installed, for the real-browser test of `quotewire --format html`.
# Idempotent and quiet: does nothing when chromium is already on PATH; when it installs, apt's output is
# shown only if something fails. Needs root (or sudo) to install.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-chromium: chromium is missing and we are not root (no sudo): cannot install it" >&2
    exit 1
  fi
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "ensure-chromium: installing chromium failed" >&2
  exit 1
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "ensure-chromium: chromium still not found after install" >&2
  exit 1
fi
