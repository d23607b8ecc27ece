#!/usr/bin/env bash
# ./dynofa profile [--family ID] [--backend ID] [--quick]
#
# Profiles every candidate of the family (default: every family under models/) on every usable
# backend configuration (default: the CPU backends cpu = 1 intra-op thread and cpu2 = 2 threads from
# runtime-config/io.dynofa.backend.cpu-*.cfg), then writes per backend the profile (JSON), the plot
# (PNG) and the report (Markdown) under runtime-config/profiles/<family>/ (see io.dynofa.profiler.cfg).
#
# The gateway runs headless with a FileInstall folder of its own holding only the configurations
# profiling needs (backends, family provider, profiler) plus a manager configuration that serves
# nothing, so neither the demo camera nor the runtime manager's own on-load measurement runs while
# the candidates are timed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
JAR="$ROOT/bundles/runnable/target/dynofa.jar"

die() { echo "dynofa profile: $*" >&2; exit 2; }

family="" backend="" quick=false
while [ $# -gt 0 ]; do
  case "$1" in
    --family) [ $# -ge 2 ] || die "--family needs an id"; family="$2"; shift 2 ;;
    --family=*) family="${1#--family=}"; shift ;;
    --backend) [ $# -ge 2 ] || die "--backend needs an id"; backend="$2"; shift 2 ;;
    --backend=*) backend="${1#--backend=}"; shift ;;
    --quick) quick=true; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (usage: ./dynofa profile [--family ID] [--backend ID] [--quick])" ;;
  esac
done

[ -f "$JAR" ] || "$ROOT/dynofa" build

configs=$(mktemp -d "${TMPDIR:-/tmp}/dynofa-profile.XXXXXX")
trap 'rm -rf "$configs"' EXIT
shopt -s nullglob
for f in runtime-config/io.dynofa.backend.cpu*.cfg runtime-config/io.dynofa.family.provider.cfg \
         runtime-config/io.dynofa.profiler.cfg; do
  cp "$f" "$configs/"
done
cat > "$configs/io.dynofa.runtime.cfg" <<'CFG'
# Profiling run: the manager serves no family, so it measures nothing while the profiler does.
family = (none while profiling)
CFG

exec java -Djava.awt.headless=true \
  "-Ddynofa.profile.run=$family" "-Ddynofa.profile.backend=$backend" "-Ddynofa.profile.quick=$quick" \
  "-Dfelix.fileinstall.dir=$configs" -Dgosh.args=--nointeractive -jar "$JAR" </dev/null
