#!/usr/bin/env bash
# Fresh-machine setup: a system Chromium where puppeteer cannot download its own (Debian/Ubuntu, no
# internet but the package registries), ffmpeg for the test video, openssl for the HTTPS test; then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v openssl >/dev/null 2>&1 || need+=(openssl)

if [ "${#need[@]}" -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
elif [ "${#need[@]}" -gt 0 ]; then
  echo "Not found: ${need[*]} (no apt-get here): puppeteer will use its own Chrome download." >&2
fi

npm ci --no-audit --no-fund
