# workshop in a container: a static binary (the SQLite driver is pure Go, so no cgo and no C
# library) on a distroless base with no shell, run as a non-root user, its data in a volume.
#
#   docker build -t workshop --build-arg VERSION=$(git describe --tags --always --dirty) \
#     --build-arg COMMIT=$(git rev-parse HEAD) .
#   docker run -d --name workshop -p 22:2222 -v workshop-data:/data \
#     -e WORKSHOP_HOST=workshop.example workshop
#
# See docs/deploy.md.

ARG GO_VERSION=1.27.3

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
# Modules first, so that a change to the code does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=
ARG DATE=
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" \
      -o /out/workshop ./cmd/workshop \
 && mkdir -p /out/data && chmod 700 /out/data

# distroless/static: CA certificates and time zones, no shell, no package manager. nonroot is
# uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/workshop /usr/local/bin/workshop
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
# The debug endpoint (health, metrics) stays inside the container, on loopback.
ENV WORKSHOP_DATA=/data \
    WORKSHOP_LISTEN=:2222 \
    WORKSHOP_DEBUG_ADDR=127.0.0.1:6060 \
    WORKSHOP_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 2222
# The binary asks its own /healthz: the store takes a write and the SSH listener is up.
HEALTHCHECK --interval=30s --timeout=15s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/workshop", "health"]
# A stop tells everyone connected how to come back; give it the time it needs.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/workshop"]
CMD ["serve"]
