#!/usr/bin/env bash
# The generated-input run against a running Encore (issue 10 §4): reads the server's own OpenAPI
# document (/v3/api-docs), walks every operation with wrong types, missing and extra fields,
# garbage ids, broken escapes, NULs, huge values and odd content types, signed in and not, and
# prints every answer that is a 5xx or leaks a stack trace, a class name, SQL or a path.
# Exits 1 when there is one. GeneratedRequestsIT runs the same walk on the test app in CI.
#
#   bench/fuzz.sh <base-url> [seed=42] [budget=3000]
#
# It registers an account of its own (so registration must be open to it), or uses the bearer
# token in ENCORE_TOKEN. Point it at a scratch server: the plausible requests create playlists
# and the like. Requests carry X-Forwarded-For with changing addresses; a server that does not
# trust the sender as a proxy answers some of them 429, which is not a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/fuzz.sh <base-url> [seed] [budget]}
SEED=${2:-42}
BUDGET=${3:-3000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.encore.support.GeneratedRequests "$BASE" "$SEED" "$BUDGET"
