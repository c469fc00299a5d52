#!/usr/bin/env bash
# officecheck.sh DIR [NAME] — open a brief's Word and HTML files in real
# clients and check what they show against the Markdown they came from
# (DIR/NAME.md, NAME.docx, NAME.html; NAME is brief unless given):
#   - LibreOffice (soffice --headless --convert-to pdf) converts the .docx
#     without error; the PDF has every H2 heading's text and at least one
#     picture per chart;
#   - pandoc brief.docx -t markdown reads it without error, with the
#     Markdown's headings (## as #, ### as ##), its tables, one note per
#     source, each once, and one picture per chart, each with its alt text;
#   - headless Chromium renders the .html to NAME.html.png and prints it
#     to NAME.html.pdf, which has every H2 heading's text.
# The converted files are left in DIR/check/ to look at.
# Needs libreoffice-writer(-nogui), pandoc, chromium and poppler-utils.
# Exits 1 with one line per failure, 2 on usage errors.
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 DIR [NAME]" >&2
	exit 2
fi
dir=$1
name=${2:-brief}
md=$dir/$name.md
for f in "$md" "$dir/$name.docx" "$dir/$name.html"; do
	[ -r "$f" ] || { echo "officecheck: cannot read $f" >&2; exit 2; }
done
for tool in soffice pandoc chromium pdftotext pdfimages; do
	command -v "$tool" >/dev/null || { echo "officecheck: $tool not found: apt-get install -y libreoffice-writer-nogui pandoc chromium poppler-utils" >&2; exit 2; }
done

failures=0
fail() {
	echo "officecheck: $dir/$name: $*" >&2
	failures=$((failures + 1))
}
out=$dir/check
mkdir -p "$out"

# What the Markdown holds.
h2=$(grep -c '^## ' "$md")
h3=$(grep -c '^### ' "$md")
tables=$(grep -cE '^\|[ :]*-' "$md")
notes=$(grep -cE '^\[\^[0-9]+\]:' "$md")
charts=$(grep -cE '^!\[' "$md")
# H2 headings as plain text (escapes and emphasis marks dropped).
headings=$(grep '^## ' "$md" | sed -e 's/^## //' -e 's/\\\(.\)/\1/g' -e 's/[*_`]//g')

# LibreOffice: a profile of its own in DIR/check, so runs do not share one.
if ! soffice -env:UserInstallation="file://$(realpath "$out")/lo-profile" --headless --convert-to pdf --outdir "$out" "$dir/$name.docx" >"$out/soffice.log" 2>&1; then
	fail "LibreOffice could not convert $name.docx: $(tail -n 3 "$out/soffice.log")"
elif [ ! -s "$out/$name.pdf" ]; then
	fail "LibreOffice wrote no PDF: $(tail -n 3 "$out/soffice.log")"
else
	text=$(pdftotext -layout "$out/$name.pdf" - | tr -s ' \n' ' ')
	while IFS= read -r h; do
		[ -z "$h" ] && continue
		case "$text" in *"$h"*) ;; *) fail "LibreOffice's PDF lacks the heading \"$h\"" ;; esac
	done <<<"$headings"
	images=$(pdfimages -list "$out/$name.pdf" 2>/dev/null | tail -n +3 | grep -c ' image ')
	[ "$images" -ge "$charts" ] || fail "LibreOffice's PDF has $images pictures for $charts charts"
fi

# pandoc: the document's structure as another reader sees it.
if ! pandoc "$dir/$name.docx" -t markdown-simple_tables-multiline_tables-grid_tables --wrap=none -o "$out/$name.pandoc.md" 2>"$out/pandoc.log"; then
	fail "pandoc could not read $name.docx: $(tail -n 3 "$out/pandoc.log")"
else
	p=$out/$name.pandoc.md
	[ "$(grep -c '^# ' "$p")" = "$h2" ] || fail "pandoc reads $(grep -c '^# ' "$p") first-level headings, the Markdown has $h2 (##)"
	[ "$(grep -c '^## ' "$p")" = "$h3" ] || fail "pandoc reads $(grep -c '^## ' "$p") second-level headings, the Markdown has $h3 (###)"
	[ "$(grep -cE '^\|[-:|]+\|$' "$p")" = "$tables" ] || fail "pandoc reads $(grep -cE '^\|[-:|]+\|$' "$p") tables, the Markdown has $tables"
	got=$(grep -cE '^\[\^[0-9]+\]:' "$p")
	[ "$got" = "$notes" ] || fail "pandoc reads $got notes, the Markdown has $notes sources"
	dup=$(grep -E '^\[\^[0-9]+\]:' "$p" | sed 's/^\[^[0-9]*\]: //' | sort | uniq -d | head -n 1)
	[ -z "$dup" ] || fail "a source is noted twice: $dup"
	[ "$(grep -o '](media/[^)]*\.png)' "$p" | wc -l)" = "$charts" ] || fail "pandoc reads $(grep -o '](media/[^)]*\.png)' "$p" | wc -l) pictures, the Markdown has $charts charts"
	grep -E '^!\[' "$md" | sed -e 's/^!\[\([^]]*\)\].*/\1/' | while IFS= read -r alt; do
		grep -qF "![$alt](media/" "$p" || echo "$alt"
	done >"$out/missing-alt"
	[ ! -s "$out/missing-alt" ] || fail "pictures without their alt text: $(head -n 1 "$out/missing-alt")"
	rm -f "$out/missing-alt"
fi

# Chromium: a screenshot and a print.
html=$(realpath "$dir/$name.html")
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$out/chromium-profile")
if ! timeout 120 "${chrome[@]}" --window-size=900,3000 --screenshot="$out/$name.html.png" "file://$html" >"$out/chromium.log" 2>&1 || [ ! -s "$out/$name.html.png" ]; then
	fail "Chromium could not render $name.html: $(tail -n 3 "$out/chromium.log")"
fi
if ! timeout 120 "${chrome[@]}" --print-to-pdf="$out/$name.html.pdf" --no-pdf-header-footer "file://$html" >>"$out/chromium.log" 2>&1 || [ ! -s "$out/$name.html.pdf" ]; then
	fail "Chromium could not print $name.html: $(tail -n 3 "$out/chromium.log")"
else
	text=$(pdftotext -layout "$out/$name.html.pdf" - | tr -s ' \n' ' ')
	while IFS= read -r h; do
		[ -z "$h" ] && continue
		case "$text" in *"$h"*) ;; *) fail "the printed HTML lacks the heading \"$h\"" ;; esac
	done <<<"$headings"
fi
rm -rf "$out/lo-profile" "$out/chromium-profile"

if [ "$failures" -gt 0 ]; then
	exit 1
fi
echo "officecheck: $dir/$name: LibreOffice, pandoc and Chromium read it ($h2 sections, $tables tables, $notes sources, $charts charts)"
