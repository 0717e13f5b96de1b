#!/usr/bin/env bash
# Integration tests of what plugin authors and build engineers use, run by `./strata test` after the main reactor
# has been built and installed (p2 repository under releng/org.strata.repository/target/repository, the product zip
# and strata-maven-plugin in the local Maven repository):
#   1. examples/third-party-technique: its own Tycho build against the p2 repository (compile, its OSGi tests, and
#      strata:compress from inside a Tycho build with the bundle just built loaded as an extension);
#   2. that bundle through the product: `strata install` -> listed by `strata techniques` in a new process (installs
#      persist) -> runs in a pipeline -> `strata uninstall` -> gone;
#   3. examples/maven-compress: strata:compress in a plain Maven build (goal met, report attached), a goal that is
#      not met fails the build with the goal's message, a missing model is refused, -Dstrata.skip skips.
# Each check prints one line; results go to target/it/results.txt ("PASS name" / "FAIL name") for the closing count.
# Exit status: 0 when every check passed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
IT="$ROOT/target/it"
rm -rf "$IT"
mkdir -p "$IT"
RESULTS="$IT/results.txt"
: >"$RESULTS"
MVN="$ROOT/mvnw -B -ntp"   # (paths with spaces are not supported here)
# The sample build reads the plugin and the product from the local repository but installs its own artifacts elsewhere.
LOCAL_REPO="${STRATA_LOCAL_REPO:-$HOME/.m2/repository}"

pass() { echo "PASS $1" >>"$RESULTS"; echo "examples: ok    $1"; }
fail() { echo "FAIL $1" >>"$RESULTS"; echo "examples: FAIL  $1${2:+ — $2}" >&2; }
check() { # check NAME COMMAND... : passes when the command succeeds
  local name="$1"; shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}
json_has() { grep -q "$2" "$1" 2>/dev/null; }

started=$(date +%s)

# 1. The third-party technique, built as an outsider builds it ----------------------------------------------------
EX="$ROOT/examples/third-party-technique"
rm -rf "$EX"/*/target "$EX/target"
if $MVN -f "$EX/pom.xml" verify >"$IT/third-party-build.log" 2>&1; then
  pass "third-party technique: own Tycho build against the p2 repository, its tests, strata:compress in Tycho"
else
  fail "third-party technique: own Tycho build against the p2 repository, its tests, strata:compress in Tycho" \
       "$(grep -E '^\[ERROR\]' "$IT/third-party-build.log" | head -n 3 | tr '\n' ' ') (log: $IT/third-party-build.log)"
fi
check "third-party technique: its build used the p2 repository of this checkout" \
  grep -q "Adding repository file:.*releng/org.strata.repository/target/repository" "$IT/third-party-build.log"
REPORT="$EX/org.example.strata.sparsity/target/strata/report.json"
check "third-party technique: strata:compress in the Tycho build ran sparsity.magnitude and met the goal" \
  bash -c "grep -q '\"techniqueId\": \"sparsity.magnitude\"' '$REPORT' && grep -q '\"goalMet\": true' '$REPORT'"
JAR=$(ls "$EX"/org.example.strata.sparsity/target/org.example.strata.sparsity-*.jar 2>/dev/null | grep -v sources | head -n 1)

# 2. Installed into the product, without rebuilding Strata ---------------------------------------------------------
export STRATA_EXTENSIONS="$IT/extensions"
S="$ROOT/strata"
if [ -n "$JAR" ]; then
  check "strata install: the bundle is validated and installed" \
    bash -c "'$S' install '$JAR' >'$IT/install.out' 2>&1 && grep -q 'sparsity.magnitude' '$IT/install.out'"
  check "strata techniques (a new process): the installed technique is listed" \
    bash -c "'$S' techniques --json >'$IT/techniques.json' 2>'$IT/techniques.err' && grep -q '\"id\": \"sparsity.magnitude\"' '$IT/techniques.json'"
  check "strata run: the installed technique runs in a pipeline" \
    bash -c "'$S' run '$EX/sparsity.strata' --model minilm --out '$IT/sparsity-out' >'$IT/run.out' 2>&1 \
      && grep -q '\"techniqueId\": \"sparsity.magnitude\"' '$IT/sparsity-out/report.json' \
      && grep -q '\"status\": \"applied\"' '$IT/sparsity-out/report.json'"
  check "strata uninstall: the technique is gone at the next start" \
    bash -c "'$S' uninstall org.example.strata.sparsity >'$IT/uninstall.out' 2>&1 \
      && '$S' techniques --json >'$IT/techniques-after.json' 2>/dev/null \
      && ! grep -q 'sparsity.magnitude' '$IT/techniques-after.json' && [ -z \"\$(ls -A '$STRATA_EXTENSIONS')\" ]"
else
  fail "strata install: the bundle is validated and installed" "the example's bundle jar was not built"
fi
check "strata install: a jar that is not a technique bundle is refused" \
  bash -c "! '$S' install '$ROOT/mvnw' >/dev/null 2>'$IT/refused.err' && grep -q 'not a readable jar\|not an OSGi bundle' '$IT/refused.err'"
unset STRATA_EXTENSIONS

# 3. strata:compress in a plain Maven build -------------------------------------------------------------------------
MC="$ROOT/examples/maven-compress"
rm -rf "$MC/target"
SAMPLE_REPO="$IT/m2"   # the sample installs here (reading everything else from the local repository)
if $MVN -f "$MC/pom.xml" install -Dmaven.repo.local="$SAMPLE_REPO" -Dmaven.repo.local.tail="$LOCAL_REPO" >"$IT/maven-compress.log" 2>&1; then
  pass "maven-compress: strata:compress in a plain Maven build"
else
  fail "maven-compress: strata:compress in a plain Maven build" \
       "$(grep -E '^\[ERROR\]' "$IT/maven-compress.log" | head -n 2 | tr '\n' ' ') (log: $IT/maven-compress.log)"
fi
check "maven-compress: the compressed model is under 40% of the source and the goal is met" \
  bash -c "[ -f '$MC/target/strata/model.onnx' ] \
    && [ \$(stat -c %s '$MC/target/strata/model.onnx') -lt \$(( \$(stat -c %s '$MC/target/model/all-minilm-l6-v2.onnx') * 4 / 10 )) ] \
    && grep -q '\"goalMet\": true' '$MC/target/strata/report.json'"
check "maven-compress: the report is attached (installed as -strata-report.html and .json)" \
  bash -c "ls '$SAMPLE_REPO'/org/example/strata/maven-compress-sample/1.0.0-SNAPSHOT/*-strata-report.html \
    '$SAMPLE_REPO'/org/example/strata/maven-compress-sample/1.0.0-SNAPSHOT/*-strata-report.json >/dev/null 2>&1"
check "maven-compress: a goal that is not met fails the build and says which" \
  bash -c "! $MVN -f '$MC/pom.xml' package -Dstrata.pipeline=unreachable.strata -Dstrata.outputDirectory=target/strata-unreachable \
      >'$IT/maven-unreachable.log' 2>&1 \
    && grep -q \"\\[ERROR\\].*the pipeline's goal was not met: size ratio .* > 0.100\" '$IT/maven-unreachable.log' \
    && grep -q 'BUILD FAILURE' '$IT/maven-unreachable.log'"
check "maven-compress: a missing model is refused with its path" \
  bash -c "! $MVN -f '$MC/pom.xml' package -Dstrata.model=no-such-model.onnx >'$IT/maven-missing.log' 2>&1 \
    && grep -q 'strata.model .*no-such-model.onnx does not exist' '$IT/maven-missing.log'"
check "maven-compress: -Dstrata.skip skips the goal" \
  bash -c "$MVN -f '$MC/pom.xml' package -Dstrata.skip -Dstrata.model=no-such-model.onnx >'$IT/maven-skip.log' 2>&1 \
    && grep -q 'Skipping Strata compression' '$IT/maven-skip.log'"

passed=$(grep -c '^PASS' "$RESULTS")
failed=$(grep -c '^FAIL' "$RESULTS")
echo "examples: $passed passed, $failed failed in $(( $(date +%s) - started )) s (logs: $IT)"
[ "$failed" -eq 0 ]
