#!/usr/bin/env bash
# Bulwark (node BACKUP task: libvirt export -> encrypted repository) vs virtnbdbackup on the same
# running VM: full, then incremental after 1 % of the disk's blocks changed. Not part of the test run.
# Usage: run-kvm-benchmark.sh [WORKDIR]   (default /var/tmp/bulwark-kvm-bench; needs ~4 GiB free)
# Environment: DISK_MIB (default 1024), JAVA (default: the Temurin 25 JDK).
# Needs the KVM lab's libvirtd (releng/kvm-lab/setup.sh); installs virtnbdbackup from Debian if missing.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
WORK="${1:-/var/tmp/bulwark-kvm-bench}"
DISK_MIB="${DISK_MIB:-1024}"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
URI=qemu:///system
VM="bwbench-$$"        # backed up by Bulwark
TWIN="bwbench-$$-twin"  # the same machine (same disk bytes, same changes) for virtnbdbackup, which refuses
                        # to work on a machine holding another tool's checkpoints ("Foreign checkpoint found")

command -v virtnbdbackup >/dev/null || { echo "installing virtnbdbackup from Debian" >&2; apt-get install -y virtnbdbackup >&2; }
virsh -c "$URI" version >/dev/null || { echo "libvirtd is not reachable: run releng/kvm-lab/setup.sh" >&2; exit 1; }

echo "building bulwark-node" >&2
(cd "$ROOT" && ./mvnw -B -q install -pl node-daemon/node -am -DskipTests \
   && ./mvnw -B -q dependency:build-classpath -pl node-daemon/node -Dmdep.outputFile="$WORK.cp" -Dmdep.includeScope=runtime)
CP="$ROOT/node-daemon/node/target/classes:$(cat "$WORK.cp")"

rm -rf "$WORK"; mkdir -p "$WORK"
cleanup() {
  for m in "$VM" "$TWIN"; do
    virsh -c "$URI" destroy "$m" >/dev/null 2>&1 || true
    virsh -c "$URI" undefine "$m" --checkpoints-metadata >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

echo "building a ${DISK_MIB} MiB disk: 1 MiB blocks, 40 % random, 30 % zero, 30 % text" >&2
python3 "$ROOT/node-daemon/repository/bench/make-dataset.py" build "$WORK" "$DISK_MIB" 0
qemu-img convert -f raw -O qcow2 "$WORK/disk.img" "$WORK/disk.qcow2"
cp --sparse=always "$WORK/disk.qcow2" "$WORK/twin.qcow2"
rm -rf "$WORK/disk.img" "$WORK/tree"

TYPE=qemu; [ -e /dev/kvm ] && TYPE=kvm
define() {  # define NAME DISK: a guest without an operating system; libvirt keeps it running
  cat > "$WORK/$1.xml" <<XML
<domain type='$TYPE'>
  <name>$1</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/><source file='$2'/><target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>
XML
  virsh -c "$URI" define "$WORK/$1.xml" >/dev/null
  virsh -c "$URI" start "$1" >/dev/null
}
define "$VM" "$WORK/disk.qcow2"
define "$TWIN" "$WORK/twin.qcow2"
echo "machines $VM and $TWIN running ($TYPE); load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx512m -cp "$CP" "$HERE/KvmBench.java" "$VM" "$TWIN" "$WORK" "$DISK_MIB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" >&2
