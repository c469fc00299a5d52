package main

import (
	"runtime/debug"
	"strings"
)

// buildVersion is the version a build of brief reports: set, when the
// build set it with -ldflags -X main.version; else the module version
// from the build info (v1.2.3 for `go install .../cmd/brief@v1.2.3`, a
// pseudo-version for a build from a clone) and the VCS revision the
// binary was built from, with ", modified" when the tree had changes:
// "v1.2.3", "v0.0.0-20251130103000-0154142abcde (0154142abcde)",
// "devel (0154142abcde, modified)". "dev" only when the binary knows
// neither (a `go test` binary, a build with -buildvcs=false outside the
// module cache).
func buildVersion(set string, read func() (*debug.BuildInfo, bool)) string {
	if set != "" {
		return set
	}
	bi, ok := read()
	if !ok {
		return "dev"
	}
	v := bi.Main.Version
	if v == "(devel)" {
		v = ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		if v == "" {
			return "dev"
		}
		return v
	}
	if modified == "true" {
		rev += ", modified"
	}
	if v == "" {
		v = "devel"
	}
	// A pseudo-version ends in the revision already; the parentheses
	// still say whether the tree was modified.
	return v + " (" + strings.TrimSpace(rev) + ")"
}
