#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine. Idempotent and quiet when all is present.
# The test suite itself needs only a JDK >= 21 (found by ./strata) and Maven Central; UI tests (when
# present) need an X server, provided by Xvfb.
set -euo pipefail
need=()
if [ -d "$(dirname "$0")/org.strata.ui.tests" ] && ! command -v xvfb-run >/dev/null 2>&1; then
  need+=(xvfb xauth)
fi
# SWT (the workbench and its tests) needs GTK 3.
if [ -d "$(dirname "$0")/org.strata.ui.tests" ] && command -v dpkg >/dev/null 2>&1 && ! dpkg -s libgtk-3-0 >/dev/null 2>&1; then
  need+=(libgtk-3-0)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "tests/setup.sh: installing ${need[*]}" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "tests/setup.sh: please install: ${need[*]}" >&2; exit 2
  fi
fi
