# syntax=docker/dockerfile:1
#
# One image recipe for the five Parcours applications. Pick the module with a build argument:
#
#   docker build --build-arg MODULE=partner-service --build-arg PORT=8084 -t parcours/partner-service .
#
# MODULE: gateway, patient-service, scheduling-service, billing-service, partner-service or
#         authorization-server.
# PORT:   the port the application listens on (sets SERVER_PORT, EXPOSE and the health check);
#         docker-compose.yml passes the contract's port of each module.
# MANAGEMENT_PORT: where probes and metrics answer (sets MANAGEMENT_SERVER_PORT, which the health
#         check asks): 9080 for the gateway and 9001 for the authorization-server, whose own port
#         the public reaches and serves no actuator endpoint; PORT for the others (the default).
# Needs BuildKit (the default builder of Docker Engine 23 and later) for the cache mount.

ARG MODULE
ARG PORT=8080

# ---------------------------------------------------------------------------------------------
# Build: the module and the platform modules it depends on, with the repository's Maven wrapper.
FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /workspace

RUN case "${MODULE}" in \
		gateway|patient-service|scheduling-service|billing-service|partner-service|authorization-server) ;; \
		*) echo "Build argument MODULE must name one of the applications (gateway, patient-service," \
			"scheduling-service, billing-service, partner-service, authorization-server), not '${MODULE}'" >&2; exit 1 ;; \
	esac

COPY . .

# The cache mount keeps ~/.m2 (dependencies and the Maven distribution the wrapper downloads)
# between builds; sharing=locked because compose builds the five images in parallel.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
	./mvnw -B -pl "${MODULE}" -am -DskipTests package \
	&& mkdir -p /layers \
	&& cp "${MODULE}/target/${MODULE}.jar" /layers/application.jar

# Split the Boot jar into its layers (Spring Boot reference, "Dockerfiles"): dependencies,
# spring-boot-loader, snapshot-dependencies (the platform modules) and application, each
# holding part of lib/ and application.jar, whose manifest class path points at lib/.
WORKDIR /layers
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# ---------------------------------------------------------------------------------------------
# Runtime: the JRE only, as an unprivileged user.
FROM eclipse-temurin:25-jre
ARG MODULE
ARG PORT
ARG MANAGEMENT_PORT=${PORT}

LABEL org.opencontainers.image.title="parcours-${MODULE}" \
	org.opencontainers.image.description="Parcours ${MODULE}"

RUN groupadd --system --gid 10001 parcours \
	&& useradd --system --uid 10001 --gid parcours --no-create-home --home-dir /nonexistent \
		--shell /usr/sbin/nologin parcours

WORKDIR /application
# Least often changed first, so that a code change only replaces the last layer.
COPY --from=build /layers/extracted/dependencies/ ./
COPY --from=build /layers/extracted/spring-boot-loader/ ./
COPY --from=build /layers/extracted/snapshot-dependencies/ ./
COPY --from=build /layers/extracted/application/ ./
COPY --chmod=755 ops/docker/healthcheck /usr/local/bin/healthcheck

ENV SERVER_PORT=${PORT} MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT}
EXPOSE ${PORT}
USER 10001:10001

HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
	CMD ["healthcheck", "/actuator/health/readiness"]

# Heap sized from the container's memory limit; a JVM out of memory exits and is restarted
# rather than limping on. Add flags with JAVA_TOOL_OPTIONS, which the JVM reads by itself.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "application.jar"]
