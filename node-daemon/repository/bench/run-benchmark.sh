#!/usr/bin/env bash
# Bulwark vs restic vs borg on the same data, one after the other, on this machine.
# Usage: run-benchmark.sh [WORKDIR]   (default /var/tmp/bulwark-bench; needs ~6 GiB free)
# Environment: IMAGE_MIB (default 1024), FILES (default 3000), JAVA (default: the Temurin 25 JDK).
# Not part of the test run. Prints one table; raw timings go to WORKDIR/results.tsv.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
WORK="${1:-/var/tmp/bulwark-bench}"
IMAGE_MIB="${IMAGE_MIB:-1024}"
FILES="${FILES:-3000}"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
export RESTIC_PASSWORD=bench-passphrase BORG_PASSPHRASE=bench-passphrase BULWARK_PASSPHRASE=bench-passphrase
export BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes BORG_RELOCATED_REPO_ACCESS_IS_OK=yes

need=()
command -v restic >/dev/null || need+=(restic)
command -v borg >/dev/null || need+=(borgbackup)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian" >&2
  apt-get install -y "${need[@]}" >&2
fi

echo "building bulwark-repository" >&2
(cd "$ROOT" && ./mvnw -B -q install -pl node-daemon/repository -am -DskipTests)
JAR="$ROOT/node-daemon/repository/target/bulwark-repository-0.1.0-SNAPSHOT.jar"
# The CLI's launch options: zstd-jni's JNI binding instead of its FFM one (whose first call spends
# ~0.7 CPU-s generating method handles), and an AOT cache (JDK 25: classes loaded and linked, and
# method profiles, from a training run) so that each command starts and reaches compiled code sooner.
JVM_OPTS=(-Djdk.util.jar.enableMultiRelease=false --enable-native-access=ALL-UNNAMED -Xmx512m)
AOT="$WORK/bulwark.aot"
BULWARK=("$JAVA" "${JVM_OPTS[@]}" -XX:AOTCache="$AOT" -jar "$JAR")

mkdir -p "$WORK"
rm -rf "$WORK"/repo-* "$WORK"/out-* "$WORK/tree" "$WORK/disk.img" "$WORK/extents.txt"
echo "building data set: ${IMAGE_MIB} MiB image, ${FILES} small files in $WORK" >&2
python3 "$HERE/make-dataset.py" build "$WORK" "$IMAGE_MIB" "$FILES"
SHA_FULL=$(sha256sum "$WORK/disk.img" | cut -d' ' -f1)

# AOT cache for the CLI, trained (not timed) on a backup of the image's first 64 MiB in a scratch repository
echo "training the AOT cache" >&2
rm -rf "$WORK/aot-train" "$AOT" "$AOT.conf"
mkdir -p "$WORK/aot-train"
head -c 64M "$WORK/disk.img" > "$WORK/aot-train/train.img"
"$JAVA" "${JVM_OPTS[@]}" -jar "$JAR" --repo "$WORK/aot-train/repo" init > /dev/null
"$JAVA" "${JVM_OPTS[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$AOT.conf" -jar "$JAR" \
  --repo "$WORK/aot-train/repo" backup --image "$WORK/aot-train/train.img" > /dev/null 2>&1
"$JAVA" "${JVM_OPTS[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$AOT.conf" -XX:AOTCache="$AOT" -jar "$JAR" > /dev/null 2>&1
rm -rf "$WORK/aot-train" "$AOT.conf"
[ -s "$AOT" ] || { echo "no AOT cache was created" >&2; exit 1; }
TREE_MIB=$(du -sm --apparent-size "$WORK/tree" | cut -f1)
RESULTS="$WORK/results.tsv"
: > "$RESULTS"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true; }

# run TOOL STEP COMMAND...: times one step, records seconds and peak RSS
run() {
  local tool=$1 step=$2; shift 2
  drop_caches
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.out" "$@" > "$WORK/$tool-$step.log" 2>&1 || {
    echo "$tool $step failed:" >&2; tail -5 "$WORK/$tool-$step.log" >&2; exit 1; }
  read -r secs rss user sys < "$WORK/time.out"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$step" "$secs" "$rss" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" \
    "$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
  echo "$tool $step: ${secs}s, cpu $user+$sys s, peak ${rss} KiB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
}

check() {  # check TOOL FILE EXPECTED_SHA
  local got; got=$(sha256sum "$2" | cut -d' ' -f1)
  if [ "$got" != "$3" ]; then echo "$1: restored image differs ($got != $3)" >&2; exit 1; fi
  echo "$1: restored image sha256 matches" >&2
}

# ---- full backups of the original image and the tree
RB="$WORK/repo-bulwark"; RR="$WORK/repo-restic"; RG="$WORK/repo-borg"
"${BULWARK[@]}" --repo "$RB" init > /dev/null
restic -q -r "$RR" init --repository-version 2 > /dev/null
borg init -e repokey "$RG"

run bulwark full "${BULWARK[@]}" --repo "$RB" backup --label img --image "$WORK/disk.img"
run restic full restic -r "$RR" backup --host bench --tag img "$WORK/disk.img"
run borg full borg create "$RG::img-full" "$WORK/disk.img"

run bulwark tree "${BULWARK[@]}" --repo "$RB" backup --label tree "$WORK/tree"
run restic tree restic -r "$RR" backup --host bench --tag tree "$WORK/tree"
run borg tree borg create "$RG::tree" "$WORK/tree"

# ---- change 1 % of the blocks, then incrementals
python3 "$HERE/make-dataset.py" change "$WORK" "$IMAGE_MIB"
SHA_CHANGED=$(sha256sum "$WORK/disk.img" | cut -d' ' -f1)
run bulwark incr-extents "${BULWARK[@]}" --repo "$RB" backup --label img --parent latest --changed "$WORK/extents.txt" --image "$WORK/disk.img"
INCR_ID=$(awk '/ done: /{print $2}' "$WORK/bulwark-incr-extents.log")
run bulwark incr-rescan "${BULWARK[@]}" --repo "$RB" backup --label img --image "$WORK/disk.img"
run restic incr restic -r "$RR" backup --host bench --tag img "$WORK/disk.img"
run borg incr borg create "$RG::img-incr" "$WORK/disk.img"

# ---- restore the incremental image (every backup restores as a full one)
mkdir -p "$WORK/out-restic" "$WORK/out-borg"
run bulwark restore "${BULWARK[@]}" --repo "$RB" restore "$INCR_ID" "$WORK/out-bulwark.img"
check bulwark "$WORK/out-bulwark.img" "$SHA_CHANGED"
run restic restore restic -r "$RR" restore latest --tag img --target "$WORK/out-restic"
check restic "$WORK/out-restic$WORK/disk.img" "$SHA_CHANGED"
run borg restore bash -c "cd '$WORK/out-borg' && borg extract '$RG::img-incr'"
check borg "$WORK/out-borg$WORK/disk.img" "$SHA_CHANGED"
rm -rf "$WORK"/out-*

# ---- machine limits
echo "machine limits (first 256 MiB of the image):" > "$WORK/limits.txt"
"$JAVA" -cp "$ROOT/node-daemon/repository/target/lib/*" "$HERE/MachineLimits.java" "$WORK/disk.img" >> "$WORK/limits.txt"
drop_caches
dd if="$WORK/disk.img" of=/dev/null bs=4M 2>&1 | tail -1 | sed 's/^/read bandwidth (dd, caches dropped if allowed): /' >> "$WORK/limits.txt"

# ---- table
size_of() { du -sb "$1" | cut -f1; }
{
  echo "data: ${IMAGE_MIB} MiB image (40% random, 30% zero, 30% text), ${FILES} small files (${TREE_MIB} MiB); $(nproc) cores; load before start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "each step: elapsed seconds / CPU seconds (user+sys)"
  printf '%-8s %-24s %-14s %-14s %-14s %-24s %-10s %s\n' tool "full image" "tree" "incr extents" "incr rescan" "restore image" "repo MiB" "peak RSS MiB"
  for tool in bulwark restic borg; do
    get() { awk -F'\t' -v t="$tool" -v s="$1" '$1==t && $2==s {print $'"$2"'}' "$RESULTS"; }
    rate() { awk -v m="$IMAGE_MIB" -v s="$1" 'BEGIN{ if (s>0) printf "%.0f", m/s; else print "-" }'; }
    both() { echo "$(get "$1" 3)/$(get "$1" 5)"; }
    full=$(get full 3); restore=$(get restore 3)
    if [ "$tool" = bulwark ]; then ext=$(both incr-extents); resc=$(both incr-rescan); else ext="-"; resc=$(both incr); fi
    peak=$(awk -F'\t' -v t="$tool" '$1==t && $4>m {m=$4} END{printf "%.0f", m/1024}' "$RESULTS")
    repo=$RB; [ "$tool" = restic ] && repo=$RR; [ "$tool" = borg ] && repo=$RG
    printf '%-8s %-24s %-14s %-14s %-14s %-24s %-10s %s\n' "$tool" "$(both full) ($(rate "$full") MiB/s)" "$(both tree)" \
      "$ext" "$resc" "$(both restore) ($(rate "$restore") MiB/s)" "$(( $(size_of "$repo") / 1048576 ))" "$peak"
  done
  cat "$WORK/limits.txt"
} | tee "$WORK/table.txt"
