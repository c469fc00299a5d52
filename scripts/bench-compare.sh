#!/usr/bin/env bash
# bench-compare.sh — CPU time and peak memory of this tree against an
# earlier revision, on the sample weekly brief and `facts --json` of 1M
# rows. CPU time (user + sys) is compared, not wall time, so a busy
# machine disturbs it less; each measure is taken 3 times, interleaved.
#
#   bash scripts/bench-compare.sh 46a8d58     # about 2 minutes on 2 cores
#
# The old revision reads the sample with its own data/ (a newer catalog
# key would be an error to it).
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench-compare.sh REVISION}
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/old" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

git worktree add -q "$tmp/old" "$rev"
(cd "$tmp/old" && go build -o "$tmp/brief-old" ./cmd/brief)
go build -o "$tmp/brief-new" ./cmd/brief
go build -o "$tmp/gendata" ./scripts/gendata
"$tmp/gendata" -rows 1000000 -out "$tmp/ds1m"

cpu() { # label, then the command; prints "label cpu_seconds max_rss_kb"
	local label=$1
	shift
	/usr/bin/time -f "$label %U %S %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4}'
}
sample() { # binary, data folder: the command of 10 sample briefs
	echo "for i in 1 2 3 4 5 6 7 8 9 10; do '$1' weekly --config /dev/null --data '$2' --out '$tmp/out' --generated-at 2025-11-26 >/dev/null 2>&1; done"
}
echo "| measure | old CPU s | new CPU s | old peak MB | new peak MB |"
# sample: 10 briefs (md, pdf, json) per measure; facts1m: one run.
echo "|---|---:|---:|---:|---:|"
for what in sample facts1m; do
	for i in 1 2 3; do
		if [ $what = sample ]; then
			read -r _ oc om < <(cpu old bash -c "$(sample "$tmp/brief-old" "$tmp/old/data")")
			read -r _ nc nm < <(cpu new bash -c "$(sample "$tmp/brief-new" data)")
		else
			read -r _ oc om < <(cpu old "$tmp/brief-old" facts --config /dev/null --data "$tmp/ds1m" --json)
			read -r _ nc nm < <(cpu new "$tmp/brief-new" facts --config /dev/null --data "$tmp/ds1m" --json)
		fi
		echo "| $what (run $i) | $oc | $nc | $((om / 1024)) | $((nm / 1024)) |"
	done
done
