# shellcheck shell=bash
# Debian's Chromium, which the browser tests drive through playwright-core (a browser download is
# impossible here).
source "$(dirname "${BASH_SOURCE[0]}")/debian.sh"
chromium_install() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  debian_install "the browser tests drive it" chromium
}
