#!/usr/bin/env bash
# Rebuilds the fmnist-ofa family from scratch: installs Debian's python3-torch and
# dataset-fashion-mnist when missing, trains the supernet, searches, exports models/fmnist-ofa/
# and the sample under models/samples/. Extra arguments go to recipe/build.py (--help lists them).
set -euo pipefail
cd "$(dirname "$0")"
need=()
/usr/bin/python3 -c 'import torch' 2>/dev/null || need+=(python3-torch)
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || need+=(dataset-fashion-mnist)
if [ ${#need[@]} -gt 0 ]; then
  echo "models: installing ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi
exec /usr/bin/python3 recipe/build.py "$@"
