#!/usr/bin/env bash
# Installs the Debian packages Bulwark needs, once: install-deps.sh run|test
# run:  GTK for the console, Xvfb when there is no display
# test: everything the test suite starts for real (Xvfb, MariaDB, QEMU/libvirt tools, XTest for real drags)
set -euo pipefail
packages=(curl ca-certificates libgtk-3-0 xvfb xauth fonts-dejavu-core)
if [ "${1:-run}" = test ]; then
  packages+=(mariadb-server qemu-utils libnbd-bin e2fsprogs fdisk util-linux libxtst6 libxi6)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
