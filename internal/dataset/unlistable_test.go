package dataset

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnlistableFolder: a dataset folder its user cannot list is one
// error naming the folder and what to do, not a list of files that seem
// present and unreadable. As root, permissions do not bind, so the test
// runs itself again as nobody (setpriv) when it can.
func TestUnlistableFolder(t *testing.T) {
	dir := os.Getenv("BRIEF_TEST_LOCKED")
	if dir == "" {
		base, err := os.MkdirTemp("", "locked-*")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(base, "data"), 0o755); os.RemoveAll(base) })
		os.Chmod(base, 0o755)
		dir = filepath.Join(base, "data")
		os.Mkdir(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "observations.csv"), []byte("indicator,entity,period,value,unit,source\nx,A,2024,1,USD,S\n"), 0o644)
		if err := os.Chmod(dir, 0o000); err != nil {
			t.Fatal(err)
		}
		if os.Geteuid() == 0 {
			setpriv, err := exec.LookPath("setpriv")
			if err != nil {
				t.Skip("running as root without setpriv: permissions do not bind")
			}
			cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", os.Args[0], "-test.run=^TestUnlistableFolder$", "-test.v")
			cmd.Env = append(os.Environ(), "BRIEF_TEST_LOCKED="+dir)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "--- PASS: TestUnlistableFolder") {
				if strings.Contains(string(out), "permission denied") && strings.Contains(string(out), os.Args[0]) {
					t.Skip("the test binary is not reachable as nobody")
				}
				t.Fatalf("as nobody: %v\n%s", err, out)
			}
			return
		}
	}
	_, diags, err := Load(dir, Options{})
	if err == nil {
		t.Fatal("an unlistable folder loaded")
	}
	got := strings.Join(diagStrings(diags), "\n")
	want := dir + ": cannot read the folder: permission denied: give the user running brief read and search permission on it (chmod u+rx)"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
