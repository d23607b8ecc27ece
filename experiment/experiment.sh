#!/usr/bin/env bash
# ./dynofa experiment [--trace FILE] [--quick] [--out DIR] [--policies a,b:key=value;key=value] [--set KEY=VALUE ...]
#                     [--calibration-from REPORT.json] [--calibration-pins N] [--no-static]: runs a trace (default
# models/traces/frames.json: the frame workload) against every installed policy (or the --policies given, each
# optionally with properties of its own configuration, so variants of one policy run side by side), static levels
# (none with --no-static) and an oracle (its calibration from an earlier report with --calibration-from); writes
# Markdown, JSON and a PNG timeline judged per frame. The contention processes are started and paused before each
# gateway starts and released / paused (SIGCONT / SIGSTOP) at phase boundaries. A trace with several deployments
# (--trace models/traces/two-apps.json: two cameras, two priorities, one gateway) runs joint-arbiter, independent
# and static runs and an oracle over every deployment, one timeline panel per deployment. Unit tests of the pure parts:
#   /usr/bin/python3 -m unittest discover -s experiment -p 'test_*.py'
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 -c 'import matplotlib, numpy' 2>/dev/null || {
  echo "experiment: installing python3-matplotlib and python3-numpy" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-matplotlib python3-numpy >&2
}
[ -f bundles/runnable/target/dynofa.jar ] || ./dynofa build
# the co-running DNN application and the calibration run bare ONNX Runtime from the bench jar
if ! ls bundles/bench/target/bench-*.jar bundles/onnxruntime/target/onnxruntime-*.jar >/dev/null 2>&1; then
  echo "experiment: building the bench jar (mvn install, tests skipped)" >&2
  mvn -B -q -e -Dstyle.color=never -DskipTests install -pl bundles/onnxruntime,bundles/bench -am >&2
fi
exec /usr/bin/python3 experiment/run.py "$@"
