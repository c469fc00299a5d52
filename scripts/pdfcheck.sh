#!/usr/bin/env bash
# pdfcheck.sh FILE.pdf FILE.md — check a brief's PDF from the outside,
# against the Markdown it was rendered from:
#   - qpdf --check finds no damage;
#   - pdffonts: every font is embedded;
#   - pdftotext: every number of the Markdown (27.8, 183, 2024, 12,960 ...)
#     is in the text, footnote labels, image file names and URLs excepted;
#   - pdfinfo -url: every http(s) link of the Markdown is a link annotation;
#   - qpdf --json outlines: every H2 section is a bookmark;
#   - the catalog has /Lang, /MarkInfo Marked true, /StructTreeRoot and an
#     sRGB output intent; the trailer has an /ID; pdfinfo says Tagged: yes
#     and every H2 section is an H2 element of the structure (pdfinfo -struct-text);
#   - XMP metadata (pdfinfo -meta) names the Info title, the language and
#     PDF/A-2b (pdfaid:part 2, conformance B);
#   - every font is a subset named with a six-letter tag (ABCDEF+Name);
#   - footnote markers copy as separate text: no word the Markdown marks
#     with a footnote runs into a digit in pdftotext's output, and the
#     markers read " [N]".
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

# 6. Catalog and trailer.
root=$(qpdf --show-object=trailer "$pdf" 2>/dev/null | sed -nE 's/.*\/Root ([0-9]+) 0 R.*/\1/p')
catalog=$(qpdf --show-object="${root:-0}" "$pdf" 2>/dev/null)
lang=$(sed -nE 's/.*\/Lang \(([A-Za-z0-9-]+)\).*/\1/p' <<<"$catalog")
[ -n "$lang" ] || fail "catalog has no /Lang"
grep -qF '/MarkInfo << /Marked true >>' <<<"$catalog" || fail "catalog lacks /MarkInfo << /Marked true >>"
grep -qE '/StructTreeRoot [0-9]+ 0 R' <<<"$catalog" || fail "catalog has no /StructTreeRoot"
grep -qF '/OutputConditionIdentifier (sRGB IEC61966-2.1)' <<<"$catalog" || fail "no sRGB output intent"
qpdf --show-object=trailer "$pdf" 2>/dev/null | grep -qE '/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]' || fail "trailer has no /ID"
info=$(pdfinfo "$pdf" 2>/dev/null)
grep -qE '^Tagged: +yes' <<<"$info" || fail "pdfinfo: not tagged"
structure=$(pdfinfo -struct-text "$pdf" 2>/dev/null | grep -A1 -E '^ *H2 ' | sed -nE 's/^ *"(.*)"$/\1/p')
while IFS= read -r h; do
	[ -n "$h" ] || continue
	grep -qxF -- "$h" <<<"$structure" || fail "section \"$h\" is not an H2 of the structure tree"
done < <(sed -nE 's/^## +(.*[^ #])[ #]*$/\1/p' "$md" | sed -E 's/\*\*|__|`//g; s/\\(.)/\1/g')

# 7. XMP.
xmp=$(pdfinfo -meta "$pdf" 2>/dev/null)
title=$(sed -nE 's/^Title: +//p' <<<"$info")
xmlesc() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
grep -qF "<rdf:li xml:lang=\"x-default\">$(xmlesc <<<"$title")</rdf:li>" <<<"$xmp" || fail "XMP dc:title is not the Info title \"$title\""
grep -qF "<dc:language><rdf:Bag><rdf:li>$lang</rdf:li>" <<<"$xmp" || fail "XMP dc:language is not /Lang ($lang)"
grep -qF '<pdfaid:part>2</pdfaid:part>' <<<"$xmp" && grep -qF '<pdfaid:conformance>B</pdfaid:conformance>' <<<"$xmp" || fail "XMP does not claim PDF/A-2b"

# 8. Subset names.
untagged=$(echo "$fonts" | awk 'NR > 2 && $1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/ { print $1 }')
[ -z "$untagged" ] || fail "font subsets without an ABCDEF+ tag: $(echo $untagged)"

# 9. Footnote markers: a word the Markdown marks ("billion[^1]") never
# runs into a digit in the text ("billion1") unless the Markdown has it so.
if grep -qE '\[\^[^]]+\]' "$md"; then
	grep -qE ' \[[0-9]+\]' <<<"$text" || fail "no footnote marker reads \" [N]\" in the text"
	while IFS= read -r w; do
		[ -n "$w" ] || continue
		if grep -qE -- "(^|[^[:alnum:]])$w[0-9]" <<<"$text" && ! grep -qE -- "(^|[^[:alnum:]])$w[0-9]" <<<"$visible"; then
			fail "a footnote number runs into \"$w\" in the text: $(grep -oE -- "$w[0-9]+" <<<"$text" | head -1)"
		fi
	done < <(grep -oE '[[:alpha:]]+\[\^[^]]+\]' "$md" | sed -E 's/\[.*//' | sort -u)
fi

if [ "$failures" -gt 0 ]; then
	echo "pdfcheck: $pdf: $failures check(s) failed" >&2
	exit 1
fi
echo "pdfcheck: $pdf: ok (tagged, /Lang $lang, PDF/A-2b XMP, $nfonts font subsets embedded, $(grep -oE '[0-9]+([.,][0-9]+)*' <<<"$visible" | sort -u | wc -l) numbers, $(echo "$urls" | grep -c .) links, $(echo "$outline" | grep -c .) bookmarks)"
