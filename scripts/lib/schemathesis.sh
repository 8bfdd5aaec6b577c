# shellcheck shell=bash
# schemathesis (the API description's conformance run), installed once from PyPI at a pinned
# version into a virtual environment under .data/tools (ignored by git).
schemathesis_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.data/tools/schemathesis"
SCHEMATHESIS_VERSION=4.32.5
SCHEMATHESIS_BIN="$schemathesis_dir/bin/st"

schemathesis_install() {
  if [ -x "$SCHEMATHESIS_BIN" ] && [ "$(cat "$schemathesis_dir/.installed" 2>/dev/null)" = "$SCHEMATHESIS_VERSION" ]; then
    return 0
  fi
  command -v python3 >/dev/null || { echo "python3 is needed for schemathesis: apt-get install python3 python3-venv" >&2; return 1; }
  rm -rf "$schemathesis_dir"
  python3 -m venv "$schemathesis_dir" \
    || { echo "python3 -m venv failed: apt-get install python3-venv" >&2; return 1; }
  "$schemathesis_dir/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  echo "$SCHEMATHESIS_VERSION" > "$schemathesis_dir/.installed"
}
