package check

import (
	"os"
	"strings"
	"testing"

	"github.com/goreleaser/goreleaser/v2/pkg/config"
)

// TestGoreleaserConfigLoads reads ../../.goreleaser.yaml as goreleaser
// itself does first in `goreleaser check` (config.Load: version 2, every
// key known to its types, strictly): the part of the check that runs
// without the goreleaser binary, which takes minutes to build. CI also
// runs `goreleaser check` where goreleaser is installed.
func TestGoreleaserConfigLoads(t *testing.T) {
	p, err := config.Load("../../.goreleaser.yaml")
	if err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	if p.Version != 2 {
		t.Errorf("version %d, want 2", p.Version)
	}
	if len(p.Builds) != 1 || p.Builds[0].Main != "./cmd/brief" {
		t.Fatalf("builds %+v, want one of ./cmd/brief", p.Builds)
	}
	b := p.Builds[0]
	if !contains(b.Env, "CGO_ENABLED=0") || !contains(b.Flags, "-trimpath") {
		t.Errorf("the build is not static and trimmed: env %v, flags %v", b.Env, b.Flags)
	}
	if !strings.Contains(strings.Join(b.Ldflags, " "), "-X main.version=v{{ .Version }}") {
		t.Errorf("ldflags %v do not set main.version, which --version prints", b.Ldflags)
	}
	for _, a := range p.Archives {
		for _, f := range a.Files {
			if _, err := os.Stat("../../" + f.Source); err != nil {
				t.Errorf("archive %s: %v", a.ID, err)
			}
		}
	}
}

// TestGoreleaserConfigStrict: a misspelt key is an error, as in
// `goreleaser check`.
func TestGoreleaserConfigStrict(t *testing.T) {
	b, err := os.ReadFile("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), "mod_timestamp:", "mod_timestamps:", 1)
	if bad == string(b) {
		t.Fatal("no mod_timestamp in .goreleaser.yaml")
	}
	_, err = config.LoadReader(strings.NewReader(bad))
	if err == nil || !strings.Contains(err.Error(), "field mod_timestamps not found") {
		t.Errorf("a misspelt key: %v, want 'field mod_timestamps not found'", err)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
