// Package deploy holds example manifests for running brief on a schedule;
// its test keeps them consistent with the command line.
package deploy

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestIndexedJobShardsMatchCompletions(t *testing.T) {
	b, err := os.ReadFile("k8s/weekly-indexed-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Spec struct {
			JobTemplate struct {
				Spec struct {
					CompletionMode string `yaml:"completionMode"`
					Completions    int    `yaml:"completions"`
					Template       struct {
						Spec struct {
							Containers []struct {
								Args []string `yaml:"args"`
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
	if js.CompletionMode != "Indexed" {
		t.Errorf("completionMode %q, want Indexed", js.CompletionMode)
	}
	args := js.Template.Spec.Containers[0].Args[0]
	sm := regexp.MustCompile(`--shard "\$JOB_COMPLETION_INDEX/(\d+)"`).FindStringSubmatch(args)
	if sm == nil {
		t.Fatalf("the container does not pass --shard $JOB_COMPLETION_INDEX/N: %s", args)
	}
	if n, _ := strconv.Atoi(sm[1]); n != js.Completions {
		t.Errorf("--shard .../%d but completions: %d: some entities would get no brief", n, js.Completions)
	}
	for _, flag := range []string{"--per entity", "--out", "--data"} {
		if !regexp.MustCompile(regexp.QuoteMeta(flag)).MatchString(args) {
			t.Errorf("args lack %s", flag)
		}
	}
}

func TestWorkflowParses(t *testing.T) {
	b, err := os.ReadFile("github-actions/weekly-brief.yml")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["jobs"]; !ok {
		t.Error("workflow has no jobs")
	}
}
