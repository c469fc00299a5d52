package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// The deployment examples in deploy/ run brief with arguments of their
// own; these tests run those arguments through this brief, so that a
// renamed flag or a changed default breaks the test, not a user's
// Monday morning.

func runIn(t *testing.T, args []string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	io := IO{Out: &stdout, Err: &stderr, Now: func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1764151200" // 2025-11-26T10:00:00Z: the same briefs on every run
			}
			return ""
		}}
	code := execute(context.Background(), args, io)
	return code, stdout.String() + stderr.String()
}

// TestKubernetesArgsRun runs the CronJob's container arguments, as the
// image's entrypoint /brief receives them, once per completion index
// (Kubernetes expands $(BRIEF_SHARD)), the volumes /data and /reports
// standing for the sample data and a folder: every shard runs, and
// together they write one brief per entity, each exactly once.
func TestKubernetesArgsRun(t *testing.T) {
	b, err := os.ReadFile("../../deploy/k8s/weekly-indexed-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Spec struct {
			JobTemplate struct {
				Spec struct {
					Completions int `yaml:"completions"`
					Template    struct {
						Spec struct {
							Containers []struct {
								Command []string `yaml:"command"`
								Args    []string `yaml:"args"`
							} `yaml:"containers"`
						} `yaml:"spec"`
					} `yaml:"template"`
				} `yaml:"spec"`
			} `yaml:"jobTemplate"`
		} `yaml:"spec"`
	}
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	js := m.Spec.JobTemplate.Spec
	c := js.Template.Spec.Containers[0]
	if len(c.Command) != 0 {
		t.Fatalf("the container sets command %q: the image's entrypoint is /brief, and it has no shell", c.Command)
	}
	out := t.TempDir()
	seen := map[string]int{}
	for i := range js.Completions {
		var args []string
		for _, a := range c.Args {
			a = strings.ReplaceAll(a, "$(BRIEF_SHARD)", strconv.Itoa(i))
			a = strings.Replace(a, "=/data", "=../../data", 1)
			a = strings.Replace(a, "=/reports", "="+out, 1)
			args = append(args, a)
		}
		if code, msg := runIn(t, append([]string{"--config", "/dev/null"}, args...)); code != 0 {
			t.Fatalf("shard %d: brief %s: exit %d\n%s", i, strings.Join(args, " "), code, msg)
		}
	}
	entities, err := filepath.Glob(filepath.Join(out, "weekly", "*", "entity", "*", "brief.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entities {
		seen[filepath.Base(filepath.Dir(e))]++
	}
	// The same run unsharded names the entities there are.
	all := t.TempDir()
	if code, msg := runIn(t, []string{"--config", "/dev/null", "weekly", "--data=../../data", "--out=" + all, "--per=entity", "--format=md"}); code != 0 {
		t.Fatalf("unsharded: exit %d\n%s", code, msg)
	}
	want, _ := filepath.Glob(filepath.Join(all, "weekly", "*", "entity", "*", "brief.md"))
	if len(want) == 0 || len(seen) != len(want) {
		t.Errorf("the %d shards wrote briefs of %d entities, an unsharded run %d", js.Completions, len(seen), len(want))
	}
	for e, n := range seen {
		if n != 1 {
			t.Errorf("entity %s was written by %d shards", e, n)
		}
	}
}

// TestGitHubActionsExampleRunsInAnInitProject: the workflow installs the
// binary with go install (this module's cmd/brief), never runs brief from
// brief's own sources, and its brief commands run in a project made by
// `brief init`, writing the brief and the points of the week.
func TestGitHubActionsExampleRunsInAnInitProject(t *testing.T) {
	b, err := os.ReadFile("../../deploy/github-actions/weekly-brief.yml")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	module := regexp.MustCompile(`(?m)^module (\S+)`).FindSubmatch(gomod)[1]
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			for l := range strings.SplitSeq(s.Run, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					lines = append(lines, l)
				}
			}
		}
	}
	install := regexp.MustCompile(`^go install "?` + regexp.QuoteMeta(string(module)) + `/cmd/brief@\S+`)
	if !slices.ContainsFunc(lines, install.MatchString) {
		t.Errorf("no step installs brief with go install %s/cmd/brief@VERSION: %q", module, lines)
	}
	for _, l := range lines {
		if strings.Contains(l, "go run") || strings.Contains(l, "./cmd/brief") {
			t.Errorf("%q runs brief from its own sources: the workflow runs in the user's project", l)
		}
	}

	dir := t.TempDir()
	t.Chdir(dir)
	if code, msg := runIn(t, []string{"init"}); code != 0 {
		t.Fatalf("brief init: exit %d\n%s", code, msg)
	}
	ran := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "week_end=") {
			continue // the test's week ends on 9 February 2025
		}
		if !strings.HasPrefix(l, "brief ") {
			continue
		}
		l = strings.ReplaceAll(l, `"$week_end"`, "2025-02-09")
		args := strings.Fields(strings.TrimPrefix(l, "brief "))
		if slices.Contains(args, "--version") {
			continue
		}
		if code, msg := runIn(t, args); code != 0 {
			t.Errorf("%s: exit %d\n%s", l, code, msg)
		}
		ran++
	}
	if ran < 3 {
		t.Errorf("ran %d brief commands of the workflow, want validate, weekly and points", ran)
	}
	for _, f := range []string{"reports/weekly/2025-W06/brief.pdf", "reports/weekly/2025-W06/brief.json", "reports/points/2025-W06/points.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("the workflow's commands wrote no %s: %v", f, err)
		}
	}
}
