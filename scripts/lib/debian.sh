# shellcheck shell=bash
# Installs Debian packages the tests need when they are missing (as root, or with sudo).
#   debian_install "WHAT THEY ARE FOR" PACKAGE...
debian_install() {
  local why=$1; shift
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "$why: apt-get install $*" >&2; return 1; }
    sudo="sudo"
  fi
  echo "installing $* from Debian's packages ($why)"
  local install="$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $*"
  $install >/dev/null || { $sudo apt-get update -q >/dev/null && $install >/dev/null; }
}
