# syntax=docker/dockerfile:1
#
# Wrench API image. Build: docker build -t wrench .   (BuildKit is required for the cache mount.)
# Operations guide: docs/operations.md

# --- build: JDK 17, the project's own Maven wrapper -------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# .dockerignore keeps targets, data, docs and the compose files out of the context.
COPY . .

# ~/.m2 (dependencies and the wrapper's Maven download) lives in a BuildKit cache, so a source
# change does not download the world again and the cache never ends up in an image layer.
# -Dwrench.cds.skip: the class-data-sharing archive must be written by the JVM that will use it,
# so the runtime stage records its own.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -q -DskipTests -Dwrench.cds.skip=true -pl api -am package \
    && test -f api/target/wrench.jar

# --- runtime: JRE 21 runs the Java 17 bytecode -----------------------------------------------
FROM eclipse-temurin:21-jre

# The Ubuntu-based Temurin images ship curl (adoptium/containers installs it "for historical
# reasons", issue #255), so the HEALTHCHECK needs no extra package and no apt-get at build time.
# Fail the build loudly if a future base image drops it rather than ship an always-unhealthy image.
RUN command -v curl >/dev/null || { echo "curl missing from base image: HEALTHCHECK would fail" >&2; exit 1; } \
    && groupadd --system --gid 10001 wrench \
    && useradd --system --uid 10001 --gid wrench --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin wrench

WORKDIR /app
# Unpacked (wrench.jar + lib/) and a class-data-sharing archive recorded by this image's JVM in a
# training run that stops after the context refresh (profile cds-training: in-memory H2, no
# network; the same run as api/pom.xml's): start-up about halves. Everything is owned by root and
# only readable by the app user: the process cannot rewrite its own code. A JVM that cannot use the
# archive warns and starts without it.
COPY --from=build /workspace/api/target/wrench.jar /tmp/wrench.jar
RUN java -Djarmode=tools -jar /tmp/wrench.jar extract --destination /app \
    && rm /tmp/wrench.jar \
    && cd /tmp \
    && java -XX:ArchiveClassesAtExit=/app/wrench.jsa -Xlog:cds*=error -Dspring.context.exit=onRefresh \
       -Ddisable-axoniq-console-message=true -jar /app/wrench.jar --spring.profiles.active=cds-training \
    && test -s /app/wrench.jsa \
    && chmod -R a+rX /app

# Heap follows the container's memory limit; the Axon console banner is noise in production logs.
# JAVA_TOOL_OPTIONS (not ENTRYPOINT flags) so an operator can replace the whole list at run time.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Ddisable-axoniq-console-message=true"
# Outside Kubernetes Spring Boot only publishes /actuator/health/{liveness,readiness} when asked;
# the HEALTHCHECK below depends on it.
ENV MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true

USER 10001:10001
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness || exit 1

ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/wrench.jsa", "-jar", "/app/wrench.jar"]
