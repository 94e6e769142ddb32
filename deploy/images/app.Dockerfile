# One application on fupin/runtime, from its Boot jar's layers (deploy/images/build extracts them): the
# dependencies change rarely, the application's own classes at every build, so a rebuild copies little.
# /app holds app.jar and lib/ (extracted without the launcher: the JVM's AOT cache holds only classes of
# the class path's jars) and aot-key, the Boot jar's SHA-256, which names run-app's cache.
FROM fupin/runtime:25
ARG APP
LABEL org.opencontainers.image.title=$APP org.opencontainers.image.vendor=fupin
COPY --chown=10001:10001 dependencies/ /app/
COPY --chown=10001:10001 spring-boot-loader/ /app/
COPY --chown=10001:10001 snapshot-dependencies/ /app/
COPY --chown=10001:10001 application/ /app/
ENV SERVER_PORT=8080 FUPIN_APP=$APP
EXPOSE 8080
# Liveness, as the Kubernetes probes read it; a start takes up to a minute on a busy machine.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 CMD ["healthcheck"]
ENTRYPOINT ["run-app"]
