# syntax=docker/dockerfile:1
# brief as a container image: a static binary on distroless, run as a
# non-root user, with `brief` itself as the entrypoint (no shell).
#
#   docker build --build-arg VERSION="$(git describe --tags --always --dirty)" -t brief .
#   docker run --rm -v "$PWD:/work" -w /work brief weekly      # in a `brief init` project
#
# The build stage's commands are scripts/docker-build-stage.sh, which CI
# runs without Docker: it builds the binary, checks it is static, and
# writes a brief with it as uid 65532 with an empty environment.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# What --version says: the build context has no .git to read it from.
ARG VERSION=""
RUN VERSION="$VERSION" sh scripts/docker-build-stage.sh /out/brief

FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/brief /brief
# distroless's nonroot user, by number so that Kubernetes can check
# runAsNonRoot.
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/brief"]
CMD ["--help"]
