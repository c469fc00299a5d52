// Package check validates the Kubernetes examples in deploy/k8s
// offline: each manifest is decoded strictly into the Kubernetes API's own
// Go types (k8s.io/api, the types the API server decodes into), so an
// unknown or misspelt field, a duplicate key or a value of the wrong type
// anywhere in it is an error, as `kubectl apply --validate=strict` would
// report; then the few rules the types cannot say are checked.
//
// It is a module of its own so that brief's go.mod does not carry the
// Kubernetes API: `cd deploy/kubecheck && go test ./...` (CI runs it).
package check

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
)

var decoder = func() runtime.Decoder {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{batchv1.AddToScheme, corev1.AddToScheme} {
		if err := add(s); err != nil {
			panic(err)
		}
	}
	return serializer.NewCodecFactory(s, serializer.EnableStrict).UniversalDeserializer()
}()

// decodeAll decodes each YAML document of b.
func decodeAll(b []byte) ([]runtime.Object, error) {
	var objs []runtime.Object
	for _, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(b), -1) {
		if strings.TrimSpace(regexp.MustCompile(`(?m)^\s*#.*$`).ReplaceAllString(doc, "")) == "" {
			continue
		}
		obj, _, err := decoder.Decode([]byte(doc), nil, nil)
		if err != nil {
			return nil, err
		}
		objs = append(objs, obj)
	}
	return objs, nil
}

func TestManifestsDecodeStrictly(t *testing.T) {
	files, err := filepath.Glob("../k8s/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests in ../k8s (%v)", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		objs, err := decodeAll(b)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, o := range objs {
			if cj, ok := o.(*batchv1.CronJob); ok {
				checkCronJob(t, f, cj)
			}
		}
	}
}

// checkCronJob checks what the types leave open: a five-field schedule,
// a time zone that exists, an Indexed job's completions, a container with
// an image and no shell, running as a non-root user on a read-only root,
// its mounts naming the pod's volumes.
func checkCronJob(t *testing.T, file string, cj *batchv1.CronJob) {
	t.Helper()
	if n := len(strings.Fields(cj.Spec.Schedule)); n != 5 {
		t.Errorf("%s: schedule %q has %d fields, want 5 (minute hour day month weekday)", file, cj.Spec.Schedule, n)
	}
	if tz := cj.Spec.TimeZone; tz != nil {
		if _, err := time.LoadLocation(*tz); err != nil {
			t.Errorf("%s: timeZone %q: %v", file, *tz, err)
		}
	}
	js := cj.Spec.JobTemplate.Spec
	if js.CompletionMode != nil && *js.CompletionMode == batchv1.IndexedCompletion && (js.Completions == nil || *js.Completions < 1) {
		t.Errorf("%s: an Indexed job needs completions", file)
	}
	pod := js.Template.Spec
	if pod.RestartPolicy != corev1.RestartPolicyNever && pod.RestartPolicy != corev1.RestartPolicyOnFailure {
		t.Errorf("%s: a job's restartPolicy is Never or OnFailure, not %q", file, pod.RestartPolicy)
	}
	if sc := pod.SecurityContext; sc == nil || sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot || sc.RunAsUser == nil || *sc.RunAsUser == 0 {
		t.Errorf("%s: the pod does not run as a non-root user", file)
	}
	volumes := map[string]bool{}
	for _, v := range pod.Volumes {
		volumes[v.Name] = true
	}
	if len(pod.Containers) == 0 {
		t.Fatalf("%s: no container", file)
	}
	for _, c := range pod.Containers {
		if c.Name == "" || c.Image == "" {
			t.Errorf("%s: a container without a name or an image", file)
		}
		for _, a := range append(append([]string{}, c.Command...), c.Args...) {
			if a == "sh" || a == "/bin/sh" || a == "bash" || a == "-c" {
				t.Errorf("%s: container %s runs a shell (%q): the distroless image has none", file, c.Name, a)
			}
		}
		if sc := c.SecurityContext; sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			t.Errorf("%s: container %s has a writable root filesystem", file, c.Name)
		}
		for _, m := range c.VolumeMounts {
			if !volumes[m.Name] {
				t.Errorf("%s: container %s mounts %q, which is no volume of the pod", file, c.Name, m.Name)
			}
		}
	}
}

// TestStrictDecodingCatchesMistakes: the check fails on the mistakes it is
// for, here made in a copy of the real manifest.
func TestStrictDecodingCatchesMistakes(t *testing.T) {
	b, err := os.ReadFile("../k8s/weekly-indexed-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ from, to, want string }{
		{"completionMode: Indexed", "completionMod: Indexed", `unknown field "spec.jobTemplate.spec.completionMod"`},
		{"completions: 8", "completions: eight", "completions"},
		{"readOnlyRootFilesystem: true", "readOnlyRootFilesystem: true\n                readOnlyRootFilesystem: false", `"readOnlyRootFilesystem" already set`},
		{"runAsUser: 65532", "runAsUser: 65532\n            runAsUsr: 1", `unknown field "spec.jobTemplate.spec.template.spec.securityContext.runAsUsr"`},
	} {
		bad := bytes.Replace(b, []byte(tt.from), []byte(tt.to), 1)
		if bytes.Equal(bad, b) {
			t.Fatalf("%q is not in the manifest", tt.from)
		}
		_, err := decodeAll(bad)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q for %q: %v, want an error with %q", tt.to, tt.from, err, tt.want)
		}
	}
}
