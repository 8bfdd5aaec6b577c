# shellcheck shell=bash
# The web UI's npm packages, installed with `npm ci` from the committed package-lock.json. npm ci
# starts from an empty node_modules; it runs again only when the lock file changed.
web_ui_install() {
  local dir stamp want
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/web-ui"
  command -v npm >/dev/null || { echo "npm is needed for the web UI: apt-get install npm" >&2; return 1; }
  stamp="$dir/node_modules/.ci-stamp"
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1) $(node --version)"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" >"$stamp"
}

web_ui_build() {
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/web-ui"
  (cd "$dir" && npm run --silent build >/dev/null)
}
