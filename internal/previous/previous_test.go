package previous

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/period"
)

func brief(t *testing.T, week string) []byte {
	t.Helper()
	return []byte(`{"version": ` + strconv.Itoa(audit.Version) + `, "kind": "weekly", "period": "` + week + `"}`)
}

func write(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSinceNamesTheFileAndWhatToPass(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "brief.md")
	write(t, md, []byte("# Weekly brief\n\nText.\n"))
	pdf := filepath.Join(dir, "report.bin")
	write(t, pdf, []byte("%PDF-1.7\n"))
	txt := filepath.Join(dir, "notes.txt")
	write(t, txt, []byte("hello"))
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{md, "--since " + md + ": a Markdown file, not a brief.json: pass the brief.json written beside the brief (" + filepath.Join(dir, "brief.json") + ")"},
		{pdf, "--since " + pdf + ": a PDF, not a brief.json"},
		{txt, "--since " + txt + ": not JSON, not a brief.json"},
		{dir, "--since: " + dir + " is a folder, not a regular file"},
		{fifo, "--since: " + fifo + " is a named pipe (FIFO), not a regular file"},
		{filepath.Join(dir, "nope.json"), "--since " + filepath.Join(dir, "nope.json") + ": no such file: pass the brief.json of an earlier brief"},
	} {
		_, err := Since(tc.path, period.MustParse("2025-W06"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Since(%s) = %v\nwant it to contain %q", filepath.Base(tc.path), err, tc.want)
		}
	}
	good := filepath.Join(dir, "brief.json")
	write(t, good, brief(t, "2025-W05"))
	p, err := Since(good, period.MustParse("2025-W06"))
	if err != nil || p.Period != "2025-W05" {
		t.Errorf("Since(brief.json) = %+v, %v", p, err)
	}
}

// TestSinceRefusesWhatItCannotTrust: an earlier brief.json is input like
// any other. One of the same or a later week, of talking points, with a
// week that is not a week (text that would reach the brief), or with
// figures beyond the data's bounds is refused, naming the file; a good
// one's week is printed anew from its parsed form.
func TestSinceRefusesWhatItCannotTrust(t *testing.T) {
	dir := t.TempDir()
	v := strconv.Itoa(audit.Version)
	week := period.MustParse("2025-W06")
	for _, tc := range []struct{ name, json, want string }{
		{"same week", `{"version": ` + v + `, "kind": "weekly", "period": "2025-W06"}`, "it is the brief of 2025-W06, not of a week before 2025-W06"},
		{"later week", `{"version": ` + v + `, "kind": "weekly", "period": "2025-W09"}`, "it is the brief of 2025-W09, not of a week before 2025-W06"},
		{"points", `{"version": ` + v + `, "kind": "points", "period": "2025-W05"}`, `kind "points": the brief.json of a points, not of a weekly brief`},
		{"injected period", `{"version": ` + v + `, "kind": "weekly", "period": "W\u202eevil\n\n# Injected heading <script>"}`, `is not an ISO week such as 2025-W05`},
		{"huge value", `{"version": ` + v + `, "kind": "weekly", "period": "2025-W05", "series": [{"indicator": "gdp", "entity": "KZ", "period": "2024", "value": 1e300}]}`, "series 1 (gdp, KZ): value 1e+300 is out of the data's bounds"},
		{"bad series period", `{"version": ` + v + `, "kind": "weekly", "period": "2025-W05", "series": [{"indicator": "gdp", "entity": "KZ", "period": "<b>2024</b>", "value": 1}]}`, `period "<b>2024</b>" is not a period`},
		{"bad status", `{"version": ` + v + `, "kind": "weekly", "period": "2025-W05", "series": [{"indicator": "gdp", "entity": "KZ", "period": "2024", "value": 1, "status": "rumour"}]}`, `status "rumour": want plan or target`},
		{"bad record", `{"version": ` + v + `, "kind": "weekly", "period": "2025-W05", "series": [{"indicator": "gdp", "entity": "KZ", "period": "2024", "value": 1, "record": "**top**"}]}`, `record "**top**": want high or low`},
	} {
		p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".json")
		write(t, p, []byte(tc.json))
		_, err := Since(p, week)
		if err == nil || !strings.Contains(err.Error(), "--since "+p) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v\nwant it to contain %q", tc.name, err, tc.want)
		}
	}
	p := filepath.Join(dir, "lower.json")
	write(t, p, []byte(`{"version": `+v+`, "kind": "weekly", "period": "2025-w05", "series": [{"indicator": "gdp", "entity": "KZ", "period": "2024", "value": 1}]}`))
	if got, err := Since(p, week); err != nil || got.Period != "2025-W05" {
		t.Errorf("a lower-case week: %+v, %v", got, err)
	}
}

func TestFindTakesTheLatestEarlierWeekAndSkipsTemporaryFolders(t *testing.T) {
	out := t.TempDir()
	write(t, filepath.Join(out, "weekly/2025-W04/brief.json"), brief(t, "2025-W04"))
	write(t, filepath.Join(out, "weekly/2025-W05/brief.json"), brief(t, "2025-W05"))
	write(t, filepath.Join(out, "weekly/2025-W06/brief.json"), brief(t, "2025-W06")) // this week: not earlier
	write(t, filepath.Join(out, "weekly/.2025-W05.tmp-1/brief.json"), []byte("half"))
	write(t, filepath.Join(out, "weekly/2025-W05/entity/kz/brief.json"), brief(t, "2025-W05"))
	week, _ := period.Parse("2025-W06")
	var warn bytes.Buffer
	p, err := Find("", out, "", week, &warn)
	if err != nil || p == nil || p.Period != "2025-W05" || warn.Len() != 0 {
		t.Fatalf("Find = %+v, %v, warnings %q", p, err, warn.String())
	}
	p, err = Find("", out, "entity/kz", week, &warn)
	if err != nil || p == nil || p.Period != "2025-W05" {
		t.Fatalf("Find entity/kz = %+v, %v", p, err)
	}
	if p, _ := Find("", out, "entity/uz", week, &warn); p != nil {
		t.Errorf("entity/uz has no predecessor, got %+v", p)
	}
	// Written without json: nothing to compare with, said.
	if err := os.Remove(filepath.Join(out, "weekly/2025-W05/brief.json")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(out, "weekly/2025-W05/brief.md"), []byte("# md only\n"))
	p, err = Find("", out, "", week, &warn)
	if err != nil || p == nil || !p.NoState || p.Period != "2025-W05" || !strings.Contains(warn.String(), "has no brief.json") {
		t.Errorf("md-only predecessor: %+v, %v, %q", p, err, warn.String())
	}
}

// TestBriefTooLarge: an earlier brief.json beyond the cap is refused
// with --since, and skipped with a warning when found in --out.
func TestBriefTooLarge(t *testing.T) {
	defer func(n int64) { maxBrief = n }(maxBrief)
	maxBrief = 1 << 10
	out := t.TempDir()
	big := filepath.Join(out, "weekly/2025-W05/brief.json")
	write(t, big, append(brief(t, "2025-W05"), bytes.Repeat([]byte(" "), 2<<10)...))
	if _, err := Since(big, period.MustParse("2025-W06")); err == nil || !strings.Contains(err.Error(), "is larger than 1 KiB") {
		t.Errorf("--since: %v", err)
	}
	var warn bytes.Buffer
	p, err := Find("", out, "", period.MustParse("2025-W06"), &warn)
	if err != nil || (p != nil && !p.NoState && p.Period == "2025-W05") || !strings.Contains(warn.String(), "larger than 1 KiB") {
		t.Errorf("found %+v, %v; warning %q", p, err, warn.String())
	}
}
