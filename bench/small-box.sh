# shellcheck shell=bash
# The documented small-box JVM line (docs/performance.md, "The JVM line"), sourced by the benchmarks
# that run Encore as a small box is told to launch it. JvmLineTests checks it against the pom's
# encore.run.jvm, the Dockerfile, the systemd unit and the README.
SMALL_BOX_JVM="-XX:+UseSerialGC -Xms32m -Xmx256m -XX:+UseCompactObjectHeaders -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=5000"
