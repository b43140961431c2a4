# syntax=docker/dockerfile:1
# Encore: multi-stage build. The build stage compiles with the Maven wrapper; the runtime stage is
# a JRE with ffmpeg and yt-dlp, running as an unprivileged user.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# Dependencies first, so code changes do not re-download them.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:25-jre
# ffmpeg and yt-dlp for media work; curl for the health check. The distribution's yt-dlp can lag
# behind site changes: mount a newer binary and set ENCORE_MEDIA_YTDLP_PATH if you need one.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg yt-dlp curl \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 encore \
 && useradd --system --uid 10001 --gid encore --home-dir /var/lib/encore --shell /usr/sbin/nologin encore \
 && mkdir -p /var/lib/encore /opt/encore \
 && chown encore:encore /var/lib/encore
# The jar extracted (plain jars on a class path) so the JDK's AOT cache can hold its classes, then
# one training run: Encore starts to a refreshed context on a scratch data directory and exits, and
# the JVM writes what it loaded, linked and profiled to encore.aot (docs/performance.md). Started
# with that cache, Encore is ready in about half the time. The training run uses Spring's
# ahead-of-time bean set (the embedded defaults): the cache it makes served a plain start (the
# distributed mode) as well as one made without it, and a start with that bean set better. Started
# on the embedded defaults, Encore chooses that bean set by itself (docs/performance.md).
COPY --from=build /src/target/encore.jar /tmp/encore.jar
# The small-box JVM line (docs/performance.md): a 256 MB heap, the serial collector, compact object
# headers, a 64 MB code cache, freed malloc memory handed back every 5 s. Raise -Xmx for a big
# library: docker run -e ENCORE_JAVA_OPTS="... -Xmx1g" (keep -XX:+UseCompactObjectHeaders, or the
# AOT cache made with it is not used).
ENV ENCORE_JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx256m -XX:+UseCompactObjectHeaders -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=5000" \
    MALLOC_ARENA_MAX=2
RUN java -Djarmode=tools -jar /tmp/encore.jar extract --destination /opt/encore \
 && rm /tmp/encore.jar \
 && mkdir /tmp/training \
 && if ! java $ENCORE_JAVA_OPTS -XX:AOTCacheOutput=/opt/encore/encore.aot -Dspring.aot.enabled=true \
        -Dspring.context.exit=onRefresh -jar /opt/encore/encore.jar --server.port=0 --encore.data-dir=/tmp/training >/tmp/training.log 2>&1; \
    then tail -50 /tmp/training.log; exit 1; fi \
 && rm -rf /tmp/training /tmp/training.log
ENV ENCORE_DATA_DIR=/var/lib/encore
VOLUME /var/lib/encore
WORKDIR /var/lib/encore
USER encore
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/livez || exit 1
# exec: the JVM replaces the shell as PID 1 and receives SIGTERM directly, so in-flight requests
# drain; the shell only expands ENCORE_JAVA_OPTS.
ENTRYPOINT ["sh", "-c", "exec java $ENCORE_JAVA_OPTS -XX:AOTCache=/opt/encore/encore.aot -jar /opt/encore/encore.jar \"$@\"", "encore"]
