# LibreOffice (headless) and pdfinfo, with which the tests open the compiled Veiligheidsbrief,
# turn it into a PDF and count its pages. Installed from Debian's packages when missing (as root,
# or with sudo). Only the tests need them; the platform itself writes the Word file on its own.
office_install() {
  if command -v soffice >/dev/null && command -v pdfinfo >/dev/null; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "LibreOffice and poppler-utils are needed for the tests: apt-get install libreoffice-writer-nogui poppler-utils" >&2; return 1; }
    sudo="sudo"
  fi
  echo "installing LibreOffice Writer (headless) and poppler-utils from Debian's packages"
  local install="$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer-nogui poppler-utils"
  $install >/dev/null || { $sudo apt-get update -q >/dev/null && $install >/dev/null; }
}
