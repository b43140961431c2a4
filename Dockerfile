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
COPY --from=build /src/target/encore.jar /opt/encore/encore.jar
ENV ENCORE_DATA_DIR=/var/lib/encore
VOLUME /var/lib/encore
WORKDIR /var/lib/encore
USER encore
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/livez || exit 1
# Exec form: the JVM is PID 1 and receives SIGTERM directly, so in-flight requests drain.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/encore/encore.jar"]
