// Package atomicfile writes a set of files so that readers see either the
// old files or the complete new ones, never a half-written file.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// maxParallel bounds the files written at once by one WriteAll.
const maxParallel = 8

// File is one file to write.
type File struct {
	Path string
	Data []byte
}

// WriteAll writes every file to a temporary file in its folder, syncs it,
// then renames each into place. If any write fails, the temporary files
// are removed and no destination is touched. Folders are created as needed.
// The temporary files are written and synced concurrently: a sync waits on
// the disk, and a brief's few files need not wait in turn.
func WriteAll(files []File) error {
	files = append([]File(nil), files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	temps := make([]string, len(files))
	cleanup := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for _, dir := range dirsOf(files) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create folder %s: %w", dir, err)
		}
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, maxParallel)
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			temps[i], errs[i] = writeTemp(filepath.Dir(f.Path), filepath.Base(f.Path), f.Data)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			cleanup()
			return fmt.Errorf("write %s: %w", files[i].Path, err)
		}
	}
	for i, f := range files {
		if err := os.Rename(temps[i], f.Path); err != nil {
			cleanup()
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		temps[i] = ""
	}
	for _, dir := range dirsOf(files) {
		syncDir(dir)
	}
	return nil
}

func writeTemp(dir, base string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return "", err
	}
	name := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

func dirsOf(files []File) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		d := filepath.Dir(f.Path)
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// syncDir makes the renames durable; failure to sync a folder (some file
// systems refuse) is not an error of the write itself.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}

// CheckNoLinks reports the first symbolic link on the way from root to
// path (root itself excluded, path included): a writer that must not
// write through links checks each destination with it. root may be a
// link; a missing component ends the check (it will be created).
func CheckNoLinks(root, path string) error {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return fmt.Errorf("%s is not inside %s", path, root)
	}
	p := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		fi, err := os.Lstat(p)
		if err != nil {
			return nil
		}
		if fi.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link: brief never writes through one; remove the link, or use another folder", p)
		}
	}
	return nil
}
