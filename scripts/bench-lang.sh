#!/usr/bin/env bash
# bench-lang.sh — a brief in Russian or Kazakh against the English one, and
# one run of --lang ru,kk,en against three runs, on the sample data.
#
#   bash scripts/bench-lang.sh [RUNS]     # RUNS per case, default 15
#
# Each case is run RUNS times, interleaved (en, ru, kk, all three, en, ...),
# so that a busy machine slows every case alike; the table gives the
# median wall time and peak RSS of each (scripts/measure). Markdown, PDF
# and JSON are written, as a weekly run does by default. Targets (issue
# 14): ru and kk within 10% of en; --lang ru,kk,en under en+ru+kk.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/brief" ./cmd/brief
go build -o "$tmp/measure" ./scripts/measure
b=$tmp/brief
cases=(en ru kk ru,kk,en)
declare -A times rss
for ((i = 0; i < runs; i++)); do
	for c in "${cases[@]}"; do
		rm -rf "$tmp/out"
		read -r t r < <("$tmp/measure" "$b" weekly --config /dev/null --data data --lang "$c" --generated-at 2025-02-10T09:00:00Z --out "$tmp/out")
		times[$c]+="$t "
		rss[$c]+="$r "
	done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "brief --lang, sample data, $runs runs each, $(date -u +%Y-%m-%d), $(nproc) cores"
echo
echo "| --lang | median time (s) | vs en | median peak RSS (MB) |"
echo "|---|---:|---:|---:|"
en=$(echo "${times[en]}" | median)
for c in "${cases[@]}"; do
	t=$(echo "${times[$c]}" | median)
	echo "| $c | $t | $(awk -v t="$t" -v e="$en" 'BEGIN {printf "%+.0f%%", (t/e-1)*100}') | $(echo "${rss[$c]}" | median) |"
done
three=$(awk -v a="$en" -v b="$(echo "${times[ru]}" | median)" -v c="$(echo "${times[kk]}" | median)" 'BEGIN {print a+b+c}')
echo
echo "three separate runs (en + ru + kk): ${three} s; one run of ru,kk,en: $(echo "${times[ru,kk,en]}" | median) s"
