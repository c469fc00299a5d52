#!/bin/sh
# The Dockerfile's build stage: builds brief as a static binary and checks
# it. The Dockerfile runs this script, and CI runs it without Docker (base
# images cannot be pulled there), so the commands are tested either way.
#
#   sh scripts/docker-build-stage.sh OUT        # from the repository root
#   VERSION=v1.2.3 sh scripts/docker-build-stage.sh OUT
#
# VERSION sets what --version says when the build has no .git to read the
# commit from (the Docker build context leaves .git out).
set -eu
out=${1:?usage: docker-build-stage.sh OUT}

ldflags="-s -w"
if [ -n "${VERSION:-}" ]; then
  ldflags="$ldflags -X main.version=$VERSION"
fi
# A static binary, no cgo (distroless/static has no libc), paths of the
# build machine left out (-trimpath).
CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$out" ./cmd/brief

# Static: no interpreter, no shared libraries (debug/elf: the golang
# image has neither file nor a useful ldd for this).
CGO_ENABLED=0 go run ./scripts/elfstatic "$out"

# It runs as it will in the image: no environment but PATH, no HOME, a
# user with no home and no rights but on its output folder (65532 is
# distroless's nonroot), templates and fonts from the binary itself.
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
cp -R data "$smoke/data"
cp "$out" "$smoke/brief"
mkdir "$smoke/reports"
as_nonroot=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  chown -R 65532:65532 "$smoke"
  as_nonroot="$(command -v setpriv) --reuid=65532 --regid=65532 --clear-groups"
fi
chmod 755 "$smoke"
bin=$smoke/brief
(cd "$smoke" && env -i PATH=/nonexistent $as_nonroot "$bin" --version)
(cd "$smoke" && env -i PATH=/nonexistent SOURCE_DATE_EPOCH=1764151200 $as_nonroot \
  "$bin" weekly --data /dev/null/absent 2>/dev/null) && { echo "a missing dataset was not an error"; exit 1; }
(cd "$smoke" && env -i PATH=/nonexistent SOURCE_DATE_EPOCH=1764151200 $as_nonroot \
  "$bin" weekly --config /dev/null --data data --out reports --format md,pdf,json,png)
test -s "$smoke"/reports/weekly/*/brief.pdf
test -s "$smoke"/reports/weekly/*/brief.json
ls "$smoke"/reports/weekly/*/chart-*.png >/dev/null
echo "docker build stage: $out is static and writes a brief${as_nonroot:+ as uid 65532} with an empty environment"
