#!/usr/bin/env bash
# ./dynofa experiment [--trace FILE] [--quick] [--out DIR] [--policies a,b] [--set KEY=VALUE ...]: runs the contention trace
# against every policy, static levels and an oracle; writes Markdown, JSON and a PNG timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || {
  echo "experiment: installing python3-matplotlib" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-matplotlib >&2
}
[ -f bundles/runnable/target/dynofa.jar ] || ./dynofa build
exec /usr/bin/python3 experiment/run.py "$@"
