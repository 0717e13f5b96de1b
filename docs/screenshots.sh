#!/usr/bin/env bash
# Takes the README's screenshots: starts the workbench product under a virtual X display (Xvfb) with a
# fresh state folder and -Dstrata.tour, which drives it through its parts (open the sample model, the
# techniques, a pipeline with an inline validation error, a run in progress and finished, the results, charts,
# analyses and a comparison of two runs, the structure with the per-block divergence, a corrupt model's dialog)
# and saves a PNG of the window at each stop. Takes about a minute (short measurements).
#   docs/screenshots.sh [OUTPUT_FOLDER]     (default docs/screenshots)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(cd "$ROOT" && mkdir -p "${1:-docs/screenshots}" && cd "${1:-docs/screenshots}" && pwd)"
command -v xvfb-run >/dev/null || { echo "screenshots.sh: needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 2; }
STATE="$(mktemp -d)"
trap 'rm -rf "$STATE"' EXIT
mkdir -p "$STATE/runs"
# Short measurements: the pictures show the workflow; real numbers come from ./strata compress.
mkdir -p "$STATE/ws/.metadata/.plugins/org.eclipse.core.runtime/.settings"
cat > "$STATE/ws/.metadata/.plugins/org.eclipse.core.runtime/.settings/org.strata.ui.prefs" <<PREFS
eclipse.preferences.version=1
outputFolder=$STATE/runs
sequenceLengths=16,128
rounds=5
texts=32
PREFS
STRATA_WORKSPACE="$STATE/ws" STRATA_WORKBENCH_VMARGS="-Dstrata.tour=$OUT" \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$ROOT/strata" workbench -clearPersistedState
ls -1 "$OUT"/*.png
