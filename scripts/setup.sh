#!/usr/bin/env bash
# Installs the Debian (bookworm) packages finsam needs to build, test and run.
# Idempotent: when every package is already installed it does nothing (and
# needs no network). Runs as root, or through sudo when available.
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config            # build
  libpoppler-cpp-dev poppler-utils     # PDF text layer + rendering; pdftotext for bench/
  libpoppler-glib-dev                  # where each page draws images, without rendering (page decision)
  libtesseract-dev libleptonica-dev    # OCR of scanned pages
  tesseract-ocr-swe tesseract-ocr-osd  # Swedish OCR model, orientation detection
  libicu-dev                           # Unicode normalization, Swedish case mapping
  libre2-dev                           # regular expressions
  libsqlite3-dev sqlite3               # the comparison database (+ shell for users)
  libcli11-dev                         # command-line options and help
  nlohmann-json3-dev                   # JSON output
  libcpp-httplib-dev                   # `finsam serve`: the embedded HTTP server (pipeline/serve/http_server.cc)
  libgtest-dev libgmock-dev googletest # tests
  hunspell-sv libhunspell-dev          # Swedish dictionary for diacritic repair
  wswedish dasher-data                 # Swedish word lists for the lexicon
  qpdf                                 # tests: makes an encrypted PDF fixture
  clang libclang-rt-14-dev             # tests only: the ASan+UBSan+libFuzzer build (scripts/sanitize.sh);
                                       # the runtimes are only a Recommends of clang
  chromium                             # tests: renders the review's HTML report headless;
                                       # bench/gen_layouts.sh: prints the layout variants to PDF
  tesseract-ocr tesseract-ocr-eng      # test material only: English-model OCR (bench/gen_layouts.sh text dumps,
                                       # tests/data/ocr_dumps, scripts/learn_ocr_confusions.sh)
  imagemagick img2pdf                  # test material only: skewed, noisy scans; rendered training text
  fonts-liberation2 fonts-freefont-ttf # test material only: more fonts for variants and training renders
  chromium-driver python3-selenium     # tests only: the browser test of `finsam serve` (tests/browser/, label browser)
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "setup: all ${#PACKAGES[@]} packages installed" >&2
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "setup: missing packages (${missing[*]}); run as root or install sudo" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "setup: installing ${missing[*]}" >&2
# A fresh image has no package lists; refresh them first, and once more if
# the install fails on stale lists.
if ! compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null; then
  "${SUDO[@]}" apt-get update
fi
if ! "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
