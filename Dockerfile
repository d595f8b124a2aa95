# The mcpolicy image: a Java 17 runtime, helm and the mcpolicy jar, built from source in this repository.
# It runs as an unprivileged user with `mcpolicy` as its entrypoint:
#   docker build -t mcpolicy .
#   docker run --rm -v "$PWD:/work" mcpolicy check charts/my-mcp-server --report gitlab=gl-code-quality.json
# The working directory is /work; mount the repository there so report paths are repository-relative.

ARG HELM_VERSION=4.1.4

# 1. Build the jar with Maven (tests run in mcpolicy's own CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
COPY rules ./rules
COPY bin ./bin
COPY examples/broken ./examples/broken
RUN mvn -B -ntp -q -DskipTests -Dcds.skip package

# 2. Fetch helm from its official release, verified against the published checksum.
FROM eclipse-temurin:17-jre AS helm
ARG HELM_VERSION
ARG TARGETARCH=amd64
WORKDIR /tmp/helm
RUN set -eu; \
    archive="helm-v${HELM_VERSION}-linux-${TARGETARCH}.tar.gz"; \
    curl -fsSLO "https://get.helm.sh/${archive}"; \
    curl -fsSLO "https://get.helm.sh/${archive}.sha256sum"; \
    sha256sum -c "${archive}.sha256sum"; \
    tar -xzf "${archive}" --strip-components=1 "linux-${TARGETARCH}/helm"; \
    ./helm version --short

# 3. The runtime: JRE, helm, the jar, its launcher and CDS archive; no build tools, no root.
FROM eclipse-temurin:17-jre
COPY --from=helm /tmp/helm/helm /usr/local/bin/helm
COPY --from=build /src/target/mcpolicy.jar /opt/mcpolicy/mcpolicy.jar
COPY bin/mcpolicy /opt/mcpolicy/mcpolicy
# The class-data-sharing archive is written here, by this image's JVM, for the jar where it lies (bin/mcpolicy).
RUN chmod 0755 /opt/mcpolicy/mcpolicy /usr/local/bin/helm \
    && ln -s /opt/mcpolicy/mcpolicy /usr/local/bin/mcpolicy \
    && /opt/mcpolicy/mcpolicy --train-cds-archive \
    && useradd --uid 10001 --create-home --shell /usr/sbin/nologin mcpolicy \
    && mkdir -p /work && chown mcpolicy /work
ENV MCPOLICY_HELM=/usr/local/bin/helm \
    HELM_CACHE_HOME=/tmp/helm/cache \
    HELM_CONFIG_HOME=/tmp/helm/config \
    HELM_DATA_HOME=/tmp/helm/data
USER 10001
WORKDIR /work
ENTRYPOINT ["mcpolicy"]
CMD ["--help"]
