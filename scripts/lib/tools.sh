# Node tools the checks use, installed once into .data/tools (ignored by git) at pinned versions:
# Spectral (OpenAPI lint) and MailDev (a real SMTP server with a web inbox, for the worker's email).
tools_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.data/tools"
SPECTRAL_VERSION=6.16.3
MAILDEV_VERSION=3.0.0

tools_install() {
  local want="@stoplight/spectral-cli@$SPECTRAL_VERSION maildev@$MAILDEV_VERSION"
  if [ -x "$tools_dir/node_modules/.bin/spectral" ] && [ -x "$tools_dir/node_modules/.bin/maildev" ] \
     && [ "$(cat "$tools_dir/.installed" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "npm is needed for Spectral and MailDev: apt-get install npm" >&2; return 1; }
  mkdir -p "$tools_dir"
  (cd "$tools_dir" && npm install --no-audit --no-fund --loglevel=error $want >/dev/null)
  echo "$want" > "$tools_dir/.installed"
}

SPECTRAL_BIN="$tools_dir/node_modules/.bin/spectral"
MAILDEV_BIN="$tools_dir/node_modules/.bin/maildev"
