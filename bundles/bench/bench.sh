#!/usr/bin/env bash
# ./dynofa bench [--quick] [--only memory|coldstart] [--out DIR] [--no-build]
#
# Benchmarks the runtime against bare ONNX Runtime and the paper's PyTorch stack, each figure measured
# in the same run as its baseline, and writes bench-report.md + bench-report.json (default: target/bench/).
#   1. overhead   InferenceService vs a bare OrtSession.run of the same level (interleaved blocks, one JVM)
#   2. switch     decision (RuntimeControl.pin) to the first result on the new level; first run / steady state
#   3. cold start launcher start to the first served result; family activation (all levels loaded and warmed)
#   4. memory     gateway RSS with the family active vs a bare JVM with one ORT session of the largest level;
#                 the bare ladder (0, 1, the Pareto set, all levels as ORT sessions in one JVM, arena on/off) and the
#                 gateway without a family, as shipped before and with each reduction (NMT summary in each);
#                 --only memory runs just these (a few minutes); --only coldstart the five cold starts
#   5. reference  the same levels in PyTorch eager (Debian python3-torch, 1 thread, batch 1)
#   6. allocation heap bytes per request on the calling thread (ThreadMXBean.getThreadAllocatedBytes)
#   8. HTTP      the HTTP path (v2 JSON tensor, PNG image) beside the in-process call, added latency per request
#   7. DJL       InferenceService vs a DJL Predictor (ONNX Runtime engine) vs bare ORT, batch 1 and 64, one JVM
#   1+6 again with JMH (bundles/bench-jmh): the serving bundles in a Felix framework inside the JMH JVM,
#       InferenceService vs bare OrtSession.run, average time per request and -prof gc gc.alloc.rate.norm
# Everything in the gateway is measured by the bench bundle (bundles/bench) dropped into the deploy/
# folder of a scratch working directory, through the public services only. --quick: < 2 minutes.
# Gateway JVMs get $DYNOFA_JAVA_OPTS and $MALLOC_ARENA_MAX, which the launcher exports (./dynofa bench), as
# ./dynofa run starts them; the memory rows also run without them ("before").
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BENCH_DIR="$ROOT/bundles/bench"
JAR="$ROOT/bundles/runnable/target/dynofa.jar"
PY=/usr/bin/python3

die() { echo "bench: $*" >&2; exit 2; }
say() { echo "bench: $*" >&2; }

quick=false; out="$ROOT/target/bench"; build=true; only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true; shift ;;
    --out) [ $# -ge 2 ] || die "--out needs a directory"; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --no-build) build=false; shift ;;
    --only) [ $# -ge 2 ] || die "--only needs a part (memory, coldstart)"; only="$2"; shift 2 ;;
    --only=*) only="${1#--only=}"; shift ;;
    *) die "unknown option: $1 (options: --quick, --only memory|coldstart, --out DIR, --no-build)" ;;
  esac
done
case "$only" in ""|memory|coldstart) ;; *) die "--only takes memory or coldstart, got '$only'" ;; esac
mkdir -p "$out"; out=$(cd "$out" && pwd)
mode=full; $quick && mode=quick

# --- tools: JDK + Maven (as the launcher), Debian's python3 with torch and onnx -------------------------
missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
[ -x "$PY" ] || missing+=(python3)
if [ -x "$PY" ]; then
  "$PY" -c 'import torch' 2>/dev/null || missing+=(python3-torch)
  "$PY" -c 'import onnx' 2>/dev/null || missing+=(python3-onnx)
else
  missing+=(python3-torch python3-onnx)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

# --- build the runnable and the bench bundle (no tests) -----------------------------------------------
BENCH_JAR=$(ls "$BENCH_DIR"/target/bench-*.jar 2>/dev/null | head -1 || true)
JMH_DIR="$ROOT/bundles/bench-jmh/target"
if $build || [ ! -f "$JAR" ] || [ -z "$BENCH_JAR" ] || [ ! -s "$JMH_DIR/classpath.txt" ] \
    || ! ls "$JMH_DIR"/gateway/gson-*.jar >/dev/null 2>&1; then
  say "building the runnable and the bench bundle (mvn install, tests skipped)"
  mvn -B -q -e -Dstyle.color=never -DskipTests install -pl bundles/runnable,bundles/bench,bundles/bench-jmh -am >&2
fi
BENCH_JAR=$(ls "$BENCH_DIR"/target/bench-*.jar | head -1)
ORT_JAR=$(ls "$ROOT"/bundles/onnxruntime/target/onnxruntime-*.jar | head -1)
GSON_JAR=$(ls "$JMH_DIR"/gateway/gson-*.jar | head -1)  # the bare memory baseline writes its JSON with Gson
API_JAR=$(ls "$ROOT"/bundles/api/target/api-*.jar | grep -v -- -tests | head -1)  # the ladder's session factory
# the launcher's JVM flags and malloc setting for gateway JVMs (empty when bench.sh runs on its own)
read -r -a LAUNCHER_OPTS <<<"${DYNOFA_JAVA_OPTS:-}"
LAUNCHER_ARENAS="${MALLOC_ARENA_MAX:-}"
NMT=-XX:NativeMemoryTracking=summary
LADDER_CP="$ORT_JAR:$API_JAR:$BENCH_JAR:$GSON_JAR"  # MemoryLadderMain, outside OSGi

# --- a scratch working directory: runtime-config/, deploy/ (bench bundle), models -> the repo's ------
WORK="$out/work"
rm -rf "$WORK"; mkdir -p "$WORK/runtime-config" "$WORK/deploy"
ln -s "$ROOT/models" "$WORK/models"
cp "$BENCH_JAR" "$WORK/deploy/"

# gateway MODE NAME [JAVA_OPTION...]: one run of the runnable with the bench bundle from the working directory
# $GW_WORK (default $WORK), glibc's MALLOC_ARENA_MAX=$GW_ARENAS (unset when empty; default: the launcher's);
# JSON in $out/NAME.json, log in NAME.log
gateway() {
  local m="$1" name="$2"; shift 2
  local work="${GW_WORK:-$WORK}" arenas="${GW_ARENAS-$LAUNCHER_ARENAS}"
  rm -f "$out/$name.json"
  ( cd "$work"
    if [ -n "$arenas" ]; then export MALLOC_ARENA_MAX="$arenas"; else unset MALLOC_ARENA_MAX; fi
    t0=$(date +%s%3N)
    exec timeout 900 java "$@" -Ddynofa.bench.out="$out/$name.json" -Ddynofa.bench.mode="$m" \
      -Ddynofa.bench.httpPort="$HTTP_PORT" \
      -Ddynofa.bench.launchEpochMs="$t0" -Dgosh.args=--nointeractive -jar "$JAR" </dev/null ) \
    >"$out/$name.log" 2>&1 || { tail -30 "$out/$name.log" >&2; die "gateway run '$name' failed (log: $out/$name.log)"; }
  [ -s "$out/$name.json" ] || die "gateway run '$name' wrote no result (log: $out/$name.log)"
}

# 4. memory rows (every JVM here with NMT summary): the gateway without a family and with it, shipped as before
# (no launcher flags, glibc's own arenas), with one variable changed at a time and with the launcher's flags; then
# the bare ladder on the levels the gateway kept. mem_work NAME: a fresh copy of the scratch working directory as it
# was before any gateway ran (a gateway writes its configuration back to runtime-config/ and may leave a file empty
# when it exits; see the report)
mem_work() {
  local w="$out/work-$1"
  rm -rf "$w"; cp -a "$MEM_TEMPLATE" "$w"; echo "$w"
}
memory_rows() {
  local w arena
  say "memory: the gateway without a family, before / with the launcher's flags (${LAUNCHER_OPTS[*]:-none}${LAUNCHER_ARENAS:+, MALLOC_ARENA_MAX=$LAUNCHER_ARENAS})"
  w=$(mem_work idle); mkdir -p "$w/no-models"
  sed -i 's/^modelsDir *=.*/modelsDir = no-models/' "$w/runtime-config/io.dynofa.family.provider.cfg"
  GW_WORK="$w" GW_ARENAS="" gateway idle mem-idle-before "$NMT"
  GW_WORK="$w" gateway idle mem-idle-after "$NMT" "${LAUNCHER_OPTS[@]}"
  say "memory: the gateway with the family active: before, one backend, arena off, the launcher's flags"
  w=$(mem_work before)
  GW_WORK="$w" GW_ARENAS="" gateway memory mem-before "$NMT"
  w=$(mem_work one-backend); rm -f "$w"/runtime-config/io.dynofa.backend.cpu-cpu2.cfg
  GW_WORK="$w" GW_ARENAS="" gateway memory mem-one-backend "$NMT"
  w=$(mem_work arena-off)
  for f in "$w"/runtime-config/io.dynofa.backend.cpu-*.cfg; do printf '\nmemoryArena = false\n' >>"$f"; done
  GW_WORK="$w" GW_ARENAS="" gateway memory mem-arena-off "$NMT"
  w=$(mem_work after)
  GW_WORK="$w" gateway memory mem-after "$NMT" "${LAUNCHER_OPTS[@]}"
  local fam pareto
  read -r fam pareto < <("$PY" -c 'import json, sys; r = json.load(open(sys.argv[1]))["runtime"]
print(r["family"], ",".join(l["id"] for l in r["activeLevels"]))' "$out/mem-before.json")
  for arena in on off; do
    say "memory: bare ladder, arena $arena (0, 1, the Pareto set, every level as ORT sessions in one JVM)"
    java "$NMT" -cp "$LADDER_CP" io.dynofa.bench.internal.MemoryLadderMain \
      "$ROOT/models/$fam" "$pareto" arena=$arena >"$out/ladder-arena-$arena.json"
  done
  say "memory: bare ladder with the launcher's flags"
  ( if [ -n "$LAUNCHER_ARENAS" ]; then export MALLOC_ARENA_MAX="$LAUNCHER_ARENAS"; fi
    exec java "$NMT" "${LAUNCHER_OPTS[@]}" -cp "$LADDER_CP" \
      io.dynofa.bench.internal.MemoryLadderMain "$ROOT/models/$fam" "$pareto" >"$out/ladder-after.json" )
}

cp -r "$ROOT"/runtime-config/. "$WORK/runtime-config/"
# the gateway's HTTP on a free loopback port (not the shipped 8080, which another gateway may hold): 8. HTTP path
HTTP_PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'org.osgi.service.http.port = %s\norg.apache.felix.http.host = 127.0.0.1\n' "$HTTP_PORT" \
  >"$WORK/runtime-config/org.apache.felix.http.cfg"

# the memory runs' template: the scratch directory before any gateway ran, demo camera off so nothing else infers
MEM_TEMPLATE="$out/work-template"
rm -rf "$MEM_TEMPLATE"; cp -a "$WORK" "$MEM_TEMPLATE"; rm -f "$MEM_TEMPLATE/runtime-config/io.dynofa.demo.cfg"

if [ "$only" = memory ]; then
  memory_rows
  exec "$PY" "$BENCH_DIR/report.py" --dir "$out" --mode "$mode" --only memory
fi

# 3. cold start: the shipped configuration (demo camera on), fresh JVM each time
cold_runs=5; $quick && cold_runs=1
for i in $(seq 1 "$cold_runs"); do
  say "cold start $i/$cold_runs"
  gateway coldstart "cold-$i" "${LAUNCHER_OPTS[@]}"
done
if [ "$only" = coldstart ]; then
  "$PY" - "$out" "$cold_runs" <<'PYEOF'
import json, os, sys
out, runs = sys.argv[1], int(sys.argv[2])
cold = [json.load(open(os.path.join(out, "cold-%d.json" % i))).get("coldStart", {}) for i in range(1, runs + 1)]
first = sorted(c.get("launcherToFirstResultMs") for c in cold)
print("cold start, launcher start -> first result, ms: %s (median %s); first levels %s"
      % (first, first[len(first) // 2], [c.get("firstLevel") for c in cold]))
PYEOF
  exit 0
fi

# 1, 2, 4, 6: one gateway run, demo camera off so nothing else infers
rm -f "$WORK/runtime-config/io.dynofa.demo.cfg"
say "gateway measurements ($mode): overhead, switch, memory, allocation"
gateway "$mode" gateway "${LAUNCHER_OPTS[@]}"

# 4. memory baseline: bare JVM, one ORT session of the largest active level
largest_file=$("$PY" - "$out/gateway.json" "$ROOT/models" <<'PYEOF'
import json, sys, os
g = json.load(open(sys.argv[1]))
fam = g["runtime"]["family"]
largest = [o for o in g["overhead"]][-1]["level"]
man = json.load(open(os.path.join(sys.argv[2], fam, "manifest.json")))
print(os.path.join(sys.argv[2], fam, next(l["file"] for l in man["levels"] if l["id"] == largest)))
PYEOF
)
say "bare JVM + one ORT session: $(basename "$largest_file")"
java -cp "$ORT_JAR:$BENCH_JAR:$GSON_JAR" io.dynofa.bench.internal.BareOrtMain "$largest_file" 2000 \
  >"$out/bare-memory.json"
memory_rows

# 1+6 with JMH: one fork per benchmark and level, the serving bundles in a framework inside the fork
say "JMH: InferenceService vs bare OrtSession.run (-prof gc)"
jmh_args=(-f 1 -wi 3 -w 1s -i 5 -r 1s); $quick && jmh_args=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
( cd "$WORK"
  java -cp "$JMH_DIR/classes:$(cat "$JMH_DIR/classpath.txt")" org.openjdk.jmh.Main InferenceOverheadBenchmark \
    "${jmh_args[@]}" -prof gc -rf json -rff "$out/jmh.json" \
    -jvmArgsAppend "-Ddynofa.jmh.bundles=$JMH_DIR/gateway" ) >"$out/jmh.log" 2>&1 \
  || { tail -30 "$out/jmh.log" >&2; die "JMH run failed (log: $out/jmh.log)"; }

# 7. DJL: ours vs a DJL Predictor vs bare ORT on the same level files, batch 1 and the frame workload's 64 items
say "DJL: InferenceService vs DJL Predictor vs bare OrtSession.run (batch 1 and 64)"
djl_quick=false; $quick && djl_quick=true
java -cp "$JMH_DIR/classes:$(cat "$JMH_DIR/classpath.txt"):$GSON_JAR" -Ddynofa.jmh.bundles="$JMH_DIR/gateway" \
  -Ddynofa.djl.quick=$djl_quick io.dynofa.bench.internal.DjlComparison "$out" >"$out/djl.log" 2>&1 \
  || { tail -30 "$out/djl.log" >&2; die "DJL run failed (log: $out/djl.log)"; }

# 5. PyTorch eager reference, same levels, 1 thread, batch 1
say "PyTorch eager reference"
torch_args=(); $quick && torch_args+=(--quick)
"$PY" "$BENCH_DIR/torch_ref.py" --gateway "$out/gateway.json" --models "$ROOT/models" \
  --out "$out/torch.json" "${torch_args[@]}" >&2

"$PY" "$BENCH_DIR/report.py" --dir "$out" --cold-runs "$cold_runs" --mode "$mode"
