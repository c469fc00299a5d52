#!/usr/bin/env bash
# bench.sh — how fast brief is at every size, in one run, as a table.
#
#   bash scripts/bench.sh            # about 2 minutes on 2 cores
#
# Generates synthetic datasets of 10k, 100k and 1M observations (monthly
# series of ten indicators, thousands of entities; scripts/gendata) and
# reports wall time and peak memory of `brief validate`, `brief facts
# --json` and a weekly brief (Markdown + PDF + JSON) on each; 1,000 entity
# briefs with --per entity; and the sample weekly brief against pandoc
# with LaTeX on the same Markdown (scripts/bench-pandoc.sh, skipped when
# pandoc or xelatex is missing). It installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/brief" ./cmd/brief
go build -o "$tmp/gendata" ./scripts/gendata
go build -o "$tmp/measure" ./scripts/measure
brief=$tmp/brief
m() { "$tmp/measure" "$@"; }

echo "brief benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3)"
echo
echo "| step | rows | time (s) | peak RSS (MB) |"
echo "|---|---:|---:|---:|"
declare -A facts_time
for n in 10000 100000 1000000; do
	d=$tmp/ds$n
	"$tmp/gendata" -rows "$n" -out "$d"
	read -r t r < <(m "$brief" validate --config /dev/null --data "$d")
	echo "| validate | $n | $t | $r |"
	read -r t r < <(m sh -c "'$brief' facts --config /dev/null --data '$d' --json > /dev/null")
	facts_time[$n]=$t
	echo "| facts --json | $n | $t | $r |"
	read -r t r < <(m "$brief" weekly --config /dev/null --data "$d" --out "$tmp/out$n")
	echo "| weekly (md+pdf+json) | $n | $t | $r |"
done

"$tmp/gendata" -rows 120000 -entities 1000 -out "$tmp/ds1k"
read -r t r < <(m "$brief" weekly --config /dev/null --data "$tmp/ds1k" --per entity --out "$tmp/batch")
briefs=$(find "$tmp/batch" -name brief.pdf | wc -l)
echo "| weekly --per entity ($briefs briefs, md+pdf+json) | 120000 | $t | $r |"

read -r t r < <(RUNS=10 m "$brief" weekly --config /dev/null --data data --out "$tmp/sample")
echo "| sample weekly brief (mean of 10) | $(($(wc -l < data/observations.csv) - 1)) | $t | $r |"
echo
awk -v a="${facts_time[100000]}" -v b="${facts_time[1000000]}" 'BEGIN { printf "Growth of facts from 100k to 1M rows: %.1f times the time for 10 times the rows.\n", b / a }'
echo
md=$(ls "$tmp"/sample/weekly/*/brief.md)
bash scripts/bench-pandoc.sh "$md" "$brief" weekly --config /dev/null --data data --out "$tmp/pandoc-cmp"
