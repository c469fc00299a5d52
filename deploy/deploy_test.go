// Package deploy holds example manifests for running brief on a schedule;
// its tests keep them consistent with the Dockerfile and the command
// line. (cmd/brief's deploy_test.go runs their arguments; deploy/kubecheck,
// a module of its own, decodes the Kubernetes manifest strictly with the
// Kubernetes API types.)
package deploy

import (
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type container struct {
	Image   string   `yaml:"image"`
	Command []string `yaml:"command"`
	Args    []string `yaml:"args"`
	Env     []struct {
		Name      string `yaml:"name"`
		ValueFrom struct {
			FieldRef struct {
				FieldPath string `yaml:"fieldPath"`
			} `yaml:"fieldRef"`
		} `yaml:"valueFrom"`
	} `yaml:"env"`
	SecurityContext struct {
		ReadOnlyRootFilesystem   bool  `yaml:"readOnlyRootFilesystem"`
		AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
	} `yaml:"securityContext"`
}

type cronJob struct {
	Spec struct {
		JobTemplate struct {
			Spec struct {
				CompletionMode string `yaml:"completionMode"`
				Completions    int    `yaml:"completions"`
				Template       struct {
					Spec struct {
						SecurityContext struct {
							RunAsNonRoot bool `yaml:"runAsNonRoot"`
							RunAsUser    int  `yaml:"runAsUser"`
						} `yaml:"securityContext"`
						Containers []container `yaml:"containers"`
					} `yaml:"spec"`
				} `yaml:"template"`
			} `yaml:"spec"`
		} `yaml:"jobTemplate"`
	} `yaml:"spec"`
}

func readCronJob(t *testing.T) cronJob {
	t.Helper()
	b, err := os.ReadFile("k8s/weekly-indexed-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m cronJob
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Spec.JobTemplate.Spec.Template.Spec.Containers) != 1 {
		t.Fatal("want one container")
	}
	return m
}

func TestIndexedJobShardsMatchCompletions(t *testing.T) {
	js := readCronJob(t).Spec.JobTemplate.Spec
	if js.CompletionMode != "Indexed" {
		t.Errorf("completionMode %q, want Indexed", js.CompletionMode)
	}
	c := js.Template.Spec.Containers[0]
	var shard []string
	for _, a := range c.Args {
		if sm := regexp.MustCompile(`^--shard=\$\(([A-Z_]+)\)/(\d+)$`).FindStringSubmatch(a); sm != nil {
			shard = sm
		}
	}
	if shard == nil {
		t.Fatalf("the container does not pass --shard=$(VAR)/N: %q", c.Args)
	}
	if n, _ := strconv.Atoi(shard[2]); n != js.Completions {
		t.Errorf("--shard .../%d but completions: %d: some entities would get no brief", n, js.Completions)
	}
	// $(VAR) is expanded by Kubernetes from the container's env: VAR
	// must be the pod's completion index.
	found := false
	for _, e := range c.Env {
		if e.Name == shard[1] {
			found = e.ValueFrom.FieldRef.FieldPath == "metadata.annotations['batch.kubernetes.io/job-completion-index']"
		}
	}
	if !found {
		t.Errorf("$(%s) is not the completion index annotation in the container's env", shard[1])
	}
	for _, flag := range []string{"--per=entity", "--out=", "--data="} {
		if !strings.Contains(strings.Join(c.Args, " "), flag) {
			t.Errorf("args lack %s", flag)
		}
	}
}

// dockerfile is the instructions of ../Dockerfile, continuation lines
// joined, comments dropped: [instruction, rest] by stage.
func dockerfile(t *testing.T) [][][2]string {
	t.Helper()
	b, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var stages [][][2]string
	src := regexp.MustCompile(`\\\n`).ReplaceAllString(string(b), " ")
	for l := range strings.SplitSeq(src, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		ins, rest, _ := strings.Cut(l, " ")
		ins = strings.ToUpper(ins)
		if ins == "FROM" {
			stages = append(stages, nil)
		}
		if len(stages) == 0 {
			t.Fatalf("Dockerfile: %s before FROM", ins)
		}
		stages[len(stages)-1] = append(stages[len(stages)-1], [2]string{ins, strings.TrimSpace(rest)})
	}
	return stages
}

func last(stage [][2]string, ins string) string {
	v := ""
	for _, i := range stage {
		if i[0] == ins {
			v = i[1]
		}
	}
	return v
}

// TestDockerfile: a build stage that runs the script CI runs, and a final
// stage of the static binary on distroless, run as a numeric non-root
// user (the Kubernetes example's runAsUser), with brief as its exec-form
// entrypoint (there is no shell to run a shell-form one).
func TestDockerfile(t *testing.T) {
	stages := dockerfile(t)
	if len(stages) != 2 {
		t.Fatalf("%d stages, want a build stage and a final one", len(stages))
	}
	build, final := stages[0], stages[1]
	if from := last(build, "FROM"); !strings.HasPrefix(from, "golang:") {
		t.Errorf("build stage FROM %s, want a golang image", from)
	}
	if !strings.Contains(last(build, "RUN"), "scripts/docker-build-stage.sh /out/brief") {
		t.Errorf("the build stage's last RUN is %q, want scripts/docker-build-stage.sh, the commands CI runs", last(build, "RUN"))
	}
	if _, err := os.Stat("../scripts/docker-build-stage.sh"); err != nil {
		t.Error(err)
	}
	if from := last(final, "FROM"); from != "gcr.io/distroless/static:nonroot" {
		t.Errorf("final stage FROM %s, want gcr.io/distroless/static:nonroot", from)
	}
	if cp := last(final, "COPY"); cp != "--from=build /out/brief /brief" {
		t.Errorf("final COPY %q, want the build stage's binary at /brief", cp)
	}
	var entry []string
	if err := json.Unmarshal([]byte(last(final, "ENTRYPOINT")), &entry); err != nil || len(entry) != 1 || entry[0] != "/brief" {
		t.Errorf("ENTRYPOINT %s, want the exec form [\"/brief\"] (%v)", last(final, "ENTRYPOINT"), err)
	}
	user, _, _ := strings.Cut(last(final, "USER"), ":")
	uid, err := strconv.Atoi(user)
	if err != nil || uid == 0 {
		t.Fatalf("USER %q: want a numeric non-root user, so that Kubernetes can check runAsNonRoot", last(final, "USER"))
	}
	pod := readCronJob(t).Spec.JobTemplate.Spec.Template.Spec
	if !pod.SecurityContext.RunAsNonRoot || pod.SecurityContext.RunAsUser != uid {
		t.Errorf("the pod runs as %d (runAsNonRoot %v), the image as %d", pod.SecurityContext.RunAsUser, pod.SecurityContext.RunAsNonRoot, uid)
	}
	c := pod.Containers[0]
	if len(c.Command) != 0 {
		t.Errorf("the container overrides the entrypoint with %q", c.Command)
	}
	if !c.SecurityContext.ReadOnlyRootFilesystem || c.SecurityContext.AllowPrivilegeEscalation == nil || *c.SecurityContext.AllowPrivilegeEscalation {
		t.Errorf("the container's root filesystem is writable or it may escalate privileges: %+v", c.SecurityContext)
	}
}

// TestGoVersions: the build stage's Go and the CI workflow's are at least
// the go line of go.mod.
func TestGoVersions(t *testing.T) {
	gomod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)[1]
	from := last(dockerfile(t)[0], "FROM")
	got := regexp.MustCompile(`^golang:(\d+\.\d+)`).FindStringSubmatch(from)
	if got == nil || got[1] != string(want) {
		t.Errorf("build stage FROM %s, want golang:%s (go.mod)", from, want)
	}
	wf, err := os.ReadFile("github-actions/weekly-brief.yml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(wf), `go-version: "`+string(want)+`"`) {
		t.Errorf("the workflow's setup-go is not Go %s (go.mod)", want)
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
