# LibreOffice (headless) and pdfinfo, with which the tests open the compiled Veiligheidsbrief,
# turn it into a PDF and count its pages. Only the tests need them; the platform itself writes the
# Word file on its own.
source "$(dirname "${BASH_SOURCE[0]}")/debian.sh"
office_install() {
  if command -v soffice >/dev/null && command -v pdfinfo >/dev/null; then
    return 0
  fi
  debian_install "the tests open the Veiligheidsbrief with them" libreoffice-writer-nogui poppler-utils
}
