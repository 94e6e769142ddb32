# fupin/runtime: Debian bookworm (debootstrap minbase, imported as fupin/debian:bookworm) with a jlink'd
# Java 25 runtime, an unprivileged user and the container's Java settings. Built by deploy/images/build.
# /var/cache/fupin-aot: where run-app keeps the JVM's AOT cache (mount a volume there to keep it).
FROM fupin/debian:bookworm
COPY runtime /opt/java
COPY healthcheck run-app /usr/local/bin/
RUN groupadd --gid 10001 fupin \
 && useradd --uid 10001 --gid fupin --no-create-home --home-dir /app --shell /usr/sbin/nologin fupin \
 && mkdir -p /app /var/cache/fupin-aot && chown fupin:fupin /app /var/cache/fupin-aot \
 && chmod 755 /usr/local/bin/healthcheck /usr/local/bin/run-app
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 \
    TZ=UTC
WORKDIR /app
USER 10001:10001
