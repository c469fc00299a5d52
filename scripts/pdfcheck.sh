#!/usr/bin/env bash
# pdfcheck.sh FILE.pdf FILE.md — check a brief's PDF from the outside,
# against the Markdown it was rendered from:
#   - qpdf --check finds no damage;
#   - pdffonts: every font is embedded;
#   - pdftotext: every number of the Markdown (27.8, 183, 2024, 12,960 ...)
#     is in the text, footnote labels, image file names and URLs excepted;
#   - pdfinfo -url: every http(s) link of the Markdown is a link annotation;
#   - qpdf --json outlines: every H2 section is a bookmark.
# Needs qpdf and poppler-utils (apt-get install -y qpdf poppler-utils).
# Exits 1 with one line per failure, 2 on usage errors.
set -uo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 FILE.pdf FILE.md" >&2
	exit 2
fi
pdf=$1
md=$2
for f in "$pdf" "$md"; do
	[ -r "$f" ] || { echo "pdfcheck: cannot read $f" >&2; exit 2; }
done
for tool in qpdf pdffonts pdftotext pdfinfo; do
	command -v "$tool" >/dev/null || { echo "pdfcheck: $tool not found: apt-get install -y qpdf poppler-utils" >&2; exit 2; }
done

failures=0
fail() {
	echo "pdfcheck: $pdf: $*" >&2
	failures=$((failures + 1))
}

# 1. Structure.
if ! out=$(qpdf --check "$pdf" 2>&1); then
	fail "qpdf --check failed: $(echo "$out" | grep -v '^checking' | head -3 | tr '\n' ' ')"
fi

# 2. Fonts: the columns end with "emb sub uni object ID"; the type may hold spaces.
fonts=$(pdffonts "$pdf" 2>&1) || fail "pdffonts failed: $fonts"
nfonts=$(echo "$fonts" | awk 'NR > 2' | grep -c . || true)
[ "$nfonts" -gt 0 ] || fail "pdffonts lists no font"
notemb=$(echo "$fonts" | awk 'NR > 2 && $(NF-4) != "yes" { print $1 }')
[ -z "$notemb" ] && true || fail "fonts not embedded: $(echo $notemb)"

# The Markdown without what a reader never sees as text.
visible=$(sed -E \
	-e 's/\[\^[^]]*\]//g' \
	-e 's/\]\([^)]*\)/]/g' \
	-e 's#<(https?|mailto):[^>]*>##g' \
	-e 's#https?://[^[:space:]<>)]*##g' "$md")

# 3. Numbers.
text=$(pdftotext -enc UTF-8 "$pdf" - 2>/dev/null) || fail "pdftotext failed"
missing=()
while IFS= read -r n; do
	[ -n "$n" ] || continue
	grep -qF -- "$n" <<<"$text" || missing+=("$n")
done < <(grep -oE '[0-9]+([.,][0-9]+)*' <<<"$visible" | sort -u)
[ ${#missing[@]} -eq 0 ] || fail "numbers of the Markdown missing from the PDF text: ${missing[*]}"

# 4. Links.
urls=$(pdfinfo -url "$pdf" 2>/dev/null | awk 'NR > 1 { print $3 }')
while IFS= read -r u; do
	[ -n "$u" ] || continue
	grep -qxF -- "$u" <<<"$urls" || fail "link not clickable in the PDF: $u"
done < <(grep -oE 'https?://[^[:space:]<>)]+' "$md" | sed -E 's/[.,;:]+$//' | sort -u)

# 5. Outline: every "## " heading is a bookmark title.
outline=$(qpdf --json --json-key=outlines "$pdf" 2>/dev/null | sed -nE 's/^ *"title": "(.*)",?$/\1/p')
while IFS= read -r h; do
	[ -n "$h" ] || continue
	grep -qxF -- "$h" <<<"$outline" || fail "section \"$h\" is not in the outline"
done < <(sed -nE 's/^## +(.*[^ #])[ #]*$/\1/p' "$md" | sed -E 's/\*\*|__|`//g; s/\\(.)/\1/g')

if [ "$failures" -gt 0 ]; then
	echo "pdfcheck: $pdf: $failures check(s) failed" >&2
	exit 1
fi
echo "pdfcheck: $pdf: ok ($nfonts fonts embedded, $(grep -oE '[0-9]+([.,][0-9]+)*' <<<"$visible" | sort -u | wc -l) numbers, $(echo "$urls" | grep -c .) links, $(echo "$outline" | grep -c .) bookmarks)"
