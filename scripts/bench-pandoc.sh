#!/usr/bin/env bash
# bench-pandoc.sh MDFILE [COMMAND ...] — time a brief command against
# pandoc turning the same Markdown into a PDF, and print the ratio.
#
#   scripts/bench-pandoc.sh reports/weekly/2025-W06/brief.md \
#       go run ./cmd/brief weekly --out /tmp/bench      # better: a built binary
#
# COMMAND defaults to "brief weekly --out $TMP" (brief on PATH). Each side
# runs RUNS times (default 20; pandoc at most 3, it takes seconds) and the
# mean wall time is compared; the timing includes bash starting the command. pandoc runs as
#   pandoc MDFILE -o out.pdf --pdf-engine=xelatex -V mainfont="DejaVu Sans"
# because its default pdflatex stops at the first Cyrillic or Kazakh letter
# ("Unicode character Қ not set up for use with LaTeX"); xelatex with the
# same font as brief is the fair comparison.
#
# This script installs nothing. On Debian/Ubuntu:
#   apt-get install -y --no-install-recommends pandoc texlive-xetex \
#       texlive-latex-recommended texlive-fonts-recommended lmodern fonts-dejavu-core
# Without pandoc or xelatex it says so and exits 0 (nothing to compare).
set -uo pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 MDFILE [COMMAND ...]" >&2
	exit 2
fi
md=$1
shift
[ -r "$md" ] || { echo "bench-pandoc: cannot read $md" >&2; exit 2; }
for tool in pandoc xelatex; do
	if ! command -v "$tool" >/dev/null; then
		echo "bench-pandoc: $tool not installed: skipped (apt-get install -y pandoc texlive-xetex texlive-latex-recommended lmodern fonts-dejavu-core)"
		exit 0
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -eq 0 ]; then
	command -v brief >/dev/null || { echo "bench-pandoc: no COMMAND given and brief is not on PATH" >&2; exit 2; }
	set -- brief weekly --out "$tmp/brief"
fi
runs=${RUNS:-20}

# mean_us N CMD...: mean wall time of N runs in microseconds; fails if a
# run fails. The clock is bash's own $EPOCHREALTIME, read without a
# subshell: calling date(1) would fork a process inside every timed
# interval and add a millisecond or two to a 30 ms command.
mean_us() {
	local n=$1 total=0 start end i
	shift
	for ((i = 0; i < n; i++)); do
		start=${EPOCHREALTIME/[.,]/}
		"$@" >"$tmp/out.log" 2>&1 || { echo "bench-pandoc: failed: $*" >&2; tail -5 "$tmp/out.log" >&2; return 1; }
		end=${EPOCHREALTIME/[.,]/}
		total=$((total + 10#$end - 10#$start))
	done
	echo $((total / n))
}

# Warm caches (binary, fonts) once on each side before timing.
"$@" >/dev/null 2>&1 || true
brief_us=$(mean_us "$runs" "$@") || exit 1
pruns=$((runs < 3 ? runs : 3))
pandoc_us=$(mean_us "$pruns" pandoc "$md" -o "$tmp/pandoc.pdf" --pdf-engine=xelatex -V mainfont="DejaVu Sans") || exit 1

awk -v b="$brief_us" -v p="$pandoc_us" -v cmd="$*" 'BEGIN {
	printf "command: %s\n  %8.1f ms (mean of runs)\n", cmd, b / 1000
	printf "pandoc (xelatex, DejaVu Sans):\n  %8.1f ms\n", p / 1000
	printf "ratio: pandoc / command = %.1fx\n", (b > 0 ? p / b : 0)
}'
