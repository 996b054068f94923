#!/usr/bin/env bash
# Runs Ishibashi's whole test suite: unit tests, then integration and browser tests on
# Payara Micro. Browser tests need Debian's chromium and chromium-driver; this script installs
# whichever of the packages below is missing (with apt-get, as root or through sudo), then runs
# `mvn verify` with any arguments given (for example -Ppostgres, see docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")"

packages=(chromium chromium-driver fonts-ipaexfont poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

exec mvn -B verify "$@"
