#!/usr/bin/env bash
# ./dynofa soak [--cycles N] [--quick] [--out DIR] [--bundles a,b] [--no-build]
#
# Soaks the gateway: under steady load (the soak bundle's load driver at 200 requests/s, plus the demo camera at
# 100 fps), every plug-in bundle (backends, family provider, manager, monitors, policies, demo, shell, profiler) is
# stopped, started and updated in turn, N cycles (default 100; --quick: 5 cycles, 100 ms of load after each step
# instead of 500 ms). After each cycle the soak bundle (bundles/soak, dropped into the deploy/ folder of a scratch
# working directory) reads requests served and failed, RSS, heap after GC, threads and open file descriptors, and
# rewrites DIR/soak.md + soak.csv (default DIR: experiment/results; --quick: soak-quick.*). Not part of the tests:
# 100 cycles take about an hour.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
JAR="$ROOT/bundles/runnable/target/dynofa.jar"

die() { echo "soak: $*" >&2; exit 2; }
say() { echo "soak: $*" >&2; }

cycles=""; quick=false; out="$ROOT/experiment/results"; build=true; bundles=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cycles) [ $# -ge 2 ] || die "--cycles needs a number"; cycles="$2"; shift 2 ;;
    --cycles=*) cycles="${1#--cycles=}"; shift ;;
    --quick) quick=true; shift ;;
    --out) [ $# -ge 2 ] || die "--out needs a directory"; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --bundles) [ $# -ge 2 ] || die "--bundles needs symbolic names"; bundles="$2"; shift 2 ;;
    --bundles=*) bundles="${1#--bundles=}"; shift ;;
    --no-build) build=false; shift ;;
    *) die "unknown option: $1 (options: --cycles N, --quick, --out DIR, --bundles a,b, --no-build)" ;;
  esac
done
if [ -n "$cycles" ] && ! [[ "$cycles" =~ ^[0-9]+$ && "$cycles" -ge 1 && "$cycles" -le 100000 ]]; then
  die "--cycles takes a whole number from 1 to 100000, got '$cycles'"
fi
name=soak; dwell=500
$quick && { name=soak-quick; dwell=100; cycles=${cycles:-5}; }
cycles=${cycles:-100}
mkdir -p "$out"; out=$(cd "$out" && pwd)

SOAK_JAR=$(ls "$ROOT"/bundles/soak/target/soak-*.jar 2>/dev/null | head -1 || true)
if $build || [ ! -f "$JAR" ] || [ -z "$SOAK_JAR" ]; then
  say "building the runnable and the soak bundle (mvn install, tests skipped)"
  mvn -B -q -e -Dstyle.color=never -DskipTests install -pl bundles/runnable,bundles/soak -am >&2
fi
SOAK_JAR=$(ls "$ROOT"/bundles/soak/target/soak-*.jar | head -1)

# a scratch working directory: the shipped runtime-config (demo camera at 100 fps), deploy/ (soak bundle), models
WORK="$ROOT/target/soak/work"
rm -rf "$WORK"; mkdir -p "$WORK/runtime-config" "$WORK/deploy"
cp "$ROOT"/runtime-config/*.cfg "$WORK/runtime-config/"
sed -i 's/^fps *=.*/fps = 100/' "$WORK/runtime-config/io.dynofa.demo.cfg"
ln -s "$ROOT/models" "$WORK/models"
cp "$SOAK_JAR" "$WORK/deploy/"
log="$ROOT/target/soak/$name.log"

say "$cycles cycles; report: $out/$name.md, log: $log"
status=0
( cd "$WORK"
  exec java -Ddynofa.soak.out="$out" -Ddynofa.soak.name="$name" -Ddynofa.soak.cycles="$cycles" \
    -Ddynofa.soak.dwellMs="$dwell" -Ddynofa.soak.bundles="$bundles" -Dgosh.args=--nointeractive \
    -jar "$JAR" </dev/null ) >"$log" 2>&1 || status=$?
grep -h 'soak: cycle' "$log" | sed 's/^INFO: //' >&2 || true
case "$status" in
  0) say "done: $out/$name.md" ;;
  1) say "done, but the gateway did not serve again after some steps (see Problems in $out/$name.md)"; exit 1 ;;
  *) tail -30 "$log" >&2; die "the soak failed (status $status, log: $log)" ;;
esac
