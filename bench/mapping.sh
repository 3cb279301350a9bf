#!/usr/bin/env bash
# Translation benchmark: parse + map + encode of the sample traffic (the golden examples of every
# mapping in hl7-mappings) on one thread, after a warm-up.   bench/mapping.sh [seconds, default 10]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../hl7-mappings"
../mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.yigong.hub.mapping.bench.MappingThroughput "${1:-10}"
