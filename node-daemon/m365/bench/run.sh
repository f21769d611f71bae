#!/usr/bin/env bash
# Benchmark of the M365 cloud agent (not part of the test run): serves a local tenant of
# USERS x MESSAGES messages through the local Graph service and backs it up with the real
# Graph SDK into a repository, printing items/s and MB/s.
#   node-daemon/m365/bench/run.sh [users=100] [messages-per-user=1000] [parallelism=8] [work-folder]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
./mvnw -B -q install -pl node-daemon/m365 -am -DskipTests
./mvnw -B -q test-compile dependency:build-classpath -pl node-daemon/m365 \
    -Dmdep.includeScope=test -Dmdep.outputFile="$here/target/bench.classpath"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && [ -z "${JAVA_HOME:-}" ] && java_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
exec "$java_bin" --enable-native-access=ALL-UNNAMED -Xmx2g \
    -Dorg.slf4j.simpleLogger.log.org.bulwark=info \
    -cp "$here/target/classes:$here/target/test-classes:$(cat "$here/target/bench.classpath")" \
    org.bulwark.node.m365.bench.TenantBenchmark "$@"
