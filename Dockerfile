# The polls example as a container: build the fat JAR with Maven, run it on a JRE as a non-root
# user. The build command is the README's (and CI's) package command; ComposeIT in examples/polls
# runs this file's HEALTHCHECK command against the same JAR.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl examples/polls -am package -DskipTests

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app galvani \
    && mkdir -p /app && chown galvani /app
WORKDIR /app
COPY --from=build /src/examples/polls/target/polls.jar /app/site.jar
USER galvani
# JSON log lines, one per event, for the container's log collector
ENV LOG_FORMAT=json
# static files, hashed for long caching, into /app/staticfiles (STATIC_ROOT)
RUN java -jar site.jar collectstatic
# a class-data-sharing archive of the classes a start and a first page load (warmup serves it once
# from an in-memory database), mapped by every later start: startup takes about half the time.
# -Xlog:cds*=off quiets the list of classes the archive leaves out.
RUN java -XX:ArchiveClassesAtExit=/app/app.jsa -Xlog:cds*=off -jar site.jar warmup /polls/
# container-aware heap; a JVM out of memory exits so the orchestrator restarts it
ENV JAVA_TOOL_OPTIONS="-XX:SharedArchiveFile=/app/app.jsa -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8000 && printf "GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200 "'
# migrate, then serve; SIGTERM lets requests in flight finish (SHUTDOWN_TIMEOUT in settings)
CMD ["sh", "-c", "java -jar site.jar migrate && exec java -jar site.jar serve 0.0.0.0:8000"]
