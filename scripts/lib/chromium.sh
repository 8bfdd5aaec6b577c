# shellcheck shell=bash
# Debian's Chromium, which the browser tests drive through playwright-core (a browser download is
# impossible here). Installed from Debian's packages when missing.
chromium_install() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "Chromium is needed for the browser tests: apt-get install chromium" >&2; return 1; }
    sudo="sudo"
  fi
  echo "installing Chromium from Debian's packages"
  local install="$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium"
  $install >/dev/null || { $sudo apt-get update -q >/dev/null && $install >/dev/null; }
}
