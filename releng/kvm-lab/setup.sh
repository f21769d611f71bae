#!/usr/bin/env bash
# Sets up a real libvirt + QEMU hypervisor for Bulwark's tests and CI on Debian 12 without systemd:
# installs the Debian packages, prepares the qemu driver (runs guests as root, no cgroups or
# namespaces), starts virtlogd and libvirtd, and waits until `virsh -c qemu:///system version`
# answers. Idempotent and quick (well under a second) when everything is already in place.
# Where /dev/kvm is missing, guests must use <domain type='qemu'> (TCG emulation); the script says so.
#
# Usage: releng/kvm-lab/setup.sh            (as root)
#        releng/kvm-lab/setup.sh --restart  (restart libvirtd, e.g. after a qemu.conf change)
set -euo pipefail

URI=qemu:///system
PACKAGES=(libvirt0 libvirt-clients libvirt-daemon libvirt-daemon-driver-qemu
          qemu-system-x86 qemu-utils libnbd-bin)
QEMU_CONF=/etc/libvirt/qemu.conf
MARKER="# bulwark kvm-lab"

log() { echo "kvm-lab: $*" >&2; }

[[ $(id -u) -eq 0 ]] || { log "must run as root"; exit 1; }

installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null |
            awk '$4 == "installed" { print $1 }' || true)
missing=()
for p in "${PACKAGES[@]}"; do
  grep -qx "$p" <<<"$installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The qemu driver refuses to start without its user; guests run as root in this lab anyway.
getent group kvm >/dev/null || groupadd -r kvm
getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
getent passwd libvirt-qemu >/dev/null ||
  useradd -r -g libvirt-qemu -G kvm -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu

config_changed=0
if ! grep -qsF "$MARKER" "$QEMU_CONF"; then
  cat >> "$QEMU_CONF" <<CONF
$MARKER: guests as root without security driver, cgroups or namespaces (no systemd here)
user = "root"
group = "root"
dynamic_ownership = 0
security_driver = "none"
namespaces = [ ]
cgroup_controllers = [ ]
remember_owner = 0
CONF
  config_changed=1
fi

mkdir -p /var/log/libvirt /run/libvirt /var/lib/libvirt/images

running() { # pid file → live process of that name
  local pidfile=$1 name=$2 pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ -r /proc/$pid/comm && $(</proc/$pid/comm) == "$name" ]]
}

running /run/virtlogd.pid virtlogd || { log "starting virtlogd"; virtlogd -d; }

if [[ ${1:-} == --restart || $config_changed == 1 ]] && running /run/libvirtd.pid libvirtd; then
  log "restarting libvirtd"
  pid=$(</run/libvirtd.pid)
  kill "$pid"
  for _ in $(seq 100); do [[ -e /proc/$pid ]] || break; sleep 0.1; done
fi
running /run/libvirtd.pid libvirtd || { log "starting libvirtd"; libvirtd -d; }

for _ in $(seq 150); do
  if virsh -q -c "$URI" version >/dev/null 2>&1; then
    if [[ -e /dev/kvm ]]; then
      log "ready: $URI (KVM acceleration)"
    else
      log "ready: $URI (no /dev/kvm: use <domain type='qemu'>, TCG emulation)"
    fi
    exit 0
  fi
  sleep 0.2
done
log "libvirtd did not answer on $URI within 30 s"
exit 1
