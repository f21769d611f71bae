#!/usr/bin/env bash
# Runs every test of Bulwark against real parts (MariaDB, SSH, CXF, libvirt/QEMU, the workbench
# under Xvfb). Extra arguments go to Maven, e.g. -pl server-core/server -am.
set -euo pipefail
top="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$top"
bash releng/scripts/install-deps.sh test
if [ -x releng/kvm-lab/setup.sh ]; then releng/kvm-lab/setup.sh; fi
# -fae: one failing module does not hide the results of the others; a failed test gets one rerun
# and is then reported as a flake (visible in the output) rather than failing the build.
exec xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -fae -Dsurefire.rerunFailingTestsCount=1 verify "$@"
