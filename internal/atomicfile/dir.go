package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// DefaultWait is how long WriteDir waits for another run that holds the
// folder's lock before it gives up.
const DefaultWait = 60 * time.Second

// pollEvery is how often a waiting run tries the lock again.
const pollEvery = 20 * time.Millisecond

// Tree writes whole folders below a root folder (brief's --out). Each
// folder written is replaced as a whole: the new folder is built and
// synced beside the target (".<name>.tmp-*"), then swapped in, so that
// readers, and a crash at any instruction, see either the old complete
// folder or the new complete one, never a mix.
//
//   - Nothing is written through a symbolic link below Root: a link on the
//     way to the folder, or the folder itself as a link, is an error.
//   - A lock (".<name>.lock" beside the folder, flock) makes runs into one
//     folder take turns; a run waits up to Wait, then fails naming it.
//   - Under the lock, what a killed run left (its ".<name>.tmp-*" and
//     ".<name>.old-*" folders) is removed, or put back if it held a kept
//     sub-folder or the only copy of the old folder.
//   - A run that fails (a full disk, an interrupt) leaves the old folder
//     and removes the folders it created, so no empty folder remains.
//
// A Tree may be used by several goroutines at once; call Close when done.
type Tree struct {
	Root string
	// Shared, if set, is a folder (relative to Root) whose lock every
	// WriteDir of this tree holds shared until Close: the briefs of a batch
	// live inside their week's folder, which a single run must not swap
	// while the batch writes into it (and two batches may run at once).
	Shared string
	// Wait is how long to wait for a lock another run holds (0: DefaultWait).
	Wait time.Duration
	// Notify, if set, hears that the tree waits for another run.
	Notify func(msg string)

	sharedMu sync.Mutex
	shared   *lock
	// created are the folders this tree made, in order (guarded by reg).
	created []string
}

// reg is what this process has under way, for Abort.
var reg struct {
	sync.Mutex
	aborted bool
	temps   map[string]bool
	locks   map[*lock]bool
	trees   map[*Tree]bool
}

var errNoExchange = errors.New("rename exchange not supported")

// errStale: the lock was taken on a lock file its last holder removed.
var errStale = errors.New("lock file replaced")

// ErrAborted is returned by a Tree's writes once Abort has run.
var ErrAborted = errors.New("interrupted")

// FaultHook is for tests only (nil otherwise): it is shown every
// file-system operation of a Tree's write that can fail with ENOSPC (op:
// "mkdir", "create", "write", "sync", "rename", "exchange"; and the path),
// and an error it returns fails that operation as a full disk would. A
// test of the command also uses it to hang a write.
var FaultHook func(op, path string) error

// useExchange lets tests take the portable swap (two renames) on Linux.
var useExchange = true

// checkLocked says whether op may go on: not after Abort, and not if a
// test injects a FaultHook. reg must be held.
func checkLocked(op, path string) error {
	if reg.aborted {
		return ErrAborted
	}
	if FaultHook != nil {
		return FaultHook(op, path)
	}
	return nil
}

// check is checkLocked for an operation outside reg (the hook runs
// unlocked: a test may hang it as a stuck disk would).
func check(op, path string) error {
	reg.Lock()
	aborted := reg.aborted
	reg.Unlock()
	if aborted {
		return ErrAborted
	}
	if FaultHook != nil {
		return FaultHook(op, path)
	}
	return nil
}

// abortWait bounds how long Abort waits for a step under way (a swap, a
// folder being made): a stuck disk must not keep the process from
// exiting.
const abortWait = 500 * time.Millisecond

// Abort removes what the writes under way in this process have made (their
// temporary folders, their locks, the empty folders they created) and
// makes every later write fail. It is for a process about to exit on a
// signal while a write may still run; a swap already begun completes
// first, so the target holds the old or the new folder. If a step under
// way does not end within abortWait, Abort returns without cleaning up.
func Abort() {
	for deadline := time.Now().Add(abortWait); !reg.TryLock(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			return // stuck: exit anyway; the next run removes the leftovers
		}
	}
	defer reg.Unlock()
	reg.aborted = true
	for t := range reg.temps {
		os.RemoveAll(t)
	}
	reg.temps = nil
	for l := range reg.locks {
		l.releaseLocked()
	}
	for t := range reg.trees {
		t.removeEmptyLocked()
	}
}

func (t *Tree) wait() time.Duration {
	if t.Wait > 0 {
		return t.Wait
	}
	return DefaultWait
}

// WriteDir replaces the folder Root/rel with one that holds exactly files
// (paths relative to the folder), plus the sub-folders named in keep that
// the old folder had (moved over, not copied). ctx is checked until the
// swap; after it the folder is complete and WriteDir returns nil.
func (t *Tree) WriteDir(ctx context.Context, rel string, files []File, keep []string) error {
	rel = filepath.Clean(rel)
	if !filepath.IsLocal(rel) || rel == "." {
		return fmt.Errorf("write %s: not a folder inside %s", rel, t.Root)
	}
	for _, f := range files {
		if !filepath.IsLocal(f.Path) {
			return fmt.Errorf("write %s: not a file inside %s", f.Path, filepath.Join(t.Root, rel))
		}
	}
	if t.Shared != "" {
		if err := t.holdShared(ctx); err != nil {
			return err
		}
	}
	target := filepath.Join(t.Root, rel)
	parent, name := filepath.Dir(target), filepath.Base(target)
	l, err := t.lock(ctx, rel, false)
	if err != nil {
		return err
	}
	defer l.release()
	recoverLeftovers(parent, name, target, keep)

	exists := false
	switch fi, err := os.Lstat(target); {
	case err == nil && fi.Mode()&fs.ModeSymlink != 0:
		return symlinkError(target)
	case err == nil && !fi.IsDir():
		return fmt.Errorf("%s is a file, not a folder: move it away, brief writes a folder there", target)
	case err == nil:
		exists = true
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tmp, err := makeTemp(parent, "."+name+".tmp-")
	if err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	defer dropTemp(tmp)
	if err := writeFiles(tmp, files); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := swap(parent, name, target, tmp, exists, keep); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	return nil
}

// Close releases the shared lock and removes the folders this tree created
// that are empty: after a failed run, none of them remains.
func (t *Tree) Close() {
	t.sharedMu.Lock()
	if t.shared != nil {
		t.shared.release()
		t.shared = nil
	}
	t.sharedMu.Unlock()
	reg.Lock()
	defer reg.Unlock()
	t.removeEmptyLocked()
	delete(reg.trees, t)
}

func (t *Tree) removeEmptyLocked() {
	for i := len(t.created) - 1; i >= 0; i-- {
		os.Remove(t.created[i]) // fails, as it should, unless empty
	}
	t.created = nil
}

func (t *Tree) holdShared(ctx context.Context) error {
	t.sharedMu.Lock()
	defer t.sharedMu.Unlock()
	if t.shared != nil {
		return nil
	}
	l, err := t.lock(ctx, filepath.Clean(t.Shared), true)
	if err != nil {
		return err
	}
	t.shared = l
	return nil
}

func symlinkError(p string) error {
	return fmt.Errorf("%s is a symbolic link: brief writes only into real folders below --out, never through a link; replace the link with a folder, or give the link's target as --out", p)
}

// ensure makes Root and the folders of rel below it, refusing a symbolic
// link or a file on the way below Root (Root itself may be a link).
func (t *Tree) ensure(rel string) error {
	root := filepath.Clean(t.Root)
	if err := t.ensureRoot(root); err != nil {
		return err
	}
	if rel == "." {
		return nil
	}
	p := root
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		p = filepath.Join(p, part)
		for attempt := 0; ; attempt++ {
			fi, err := os.Lstat(p)
			if err == nil {
				if fi.Mode()&fs.ModeSymlink != 0 {
					return symlinkError(p)
				}
				if !fi.IsDir() {
					return fmt.Errorf("%s is a file, not a folder: move it away, brief writes folders there", p)
				}
				break
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			err = t.mkdir(p)
			if err == nil || (errors.Is(err, fs.ErrExist) && attempt < 3) {
				continue // made, or made by another run meanwhile: check it
			}
			return fmt.Errorf("create folder %s: %w", p, err)
		}
	}
	return nil
}

// ensureRoot makes Root and its missing parents, remembering them.
func (t *Tree) ensureRoot(root string) error {
	var missing []string
	for p := root; ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err == nil {
			if !fi.IsDir() {
				return fmt.Errorf("%s is a file, not a folder: give a folder as --out", p)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		missing = append(missing, p)
		if filepath.Dir(p) == p {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := t.mkdir(missing[i]); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("create folder %s: %w", missing[i], err)
		}
	}
	return nil
}

func (t *Tree) mkdir(p string) error {
	reg.Lock()
	defer reg.Unlock()
	if err := checkLocked("mkdir", p); err != nil {
		return err
	}
	if err := os.Mkdir(p, 0o755); err != nil {
		return err
	}
	t.created = append(t.created, p)
	if reg.trees == nil {
		reg.trees = map[*Tree]bool{}
	}
	reg.trees[t] = true
	return nil
}

// makeTemp creates the folder the new files are written to, beside the
// target, and registers it for Abort.
func makeTemp(parent, prefix string) (string, error) {
	reg.Lock()
	defer reg.Unlock()
	if err := checkLocked("mkdir", filepath.Join(parent, prefix)); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(parent, prefix+"*")
	if err != nil {
		return "", err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if reg.temps == nil {
		reg.temps = map[string]bool{}
	}
	reg.temps[tmp] = true
	return tmp, nil
}

// dropTemp removes the temporary folder unless the swap took it.
func dropTemp(tmp string) {
	reg.Lock()
	defer reg.Unlock()
	if reg.temps[tmp] {
		os.RemoveAll(tmp)
		delete(reg.temps, tmp)
	}
}

// writeFiles writes and syncs every file in dir, concurrently: a sync
// waits on the disk, and a brief's few files need not wait in turn.
func writeFiles(dir string, files []File) error {
	subs := map[string]bool{dir: true}
	var order []string
	for _, f := range files {
		d := filepath.Dir(filepath.Join(dir, f.Path))
		for ; !subs[d]; d = filepath.Dir(d) {
			subs[d] = true
			order = append(order, d)
		}
	}
	for i := len(order) - 1; i >= 0; i-- { // parents first
		if err := check("mkdir", order[i]); err != nil {
			return err
		}
		if err := os.Mkdir(order[i], 0o755); err != nil {
			return err
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
			errs[i] = writeFile(filepath.Join(dir, f.Path), f.Data)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for d := range subs {
		if err := check("sync", d); err != nil {
			return err
		}
		syncDir(d)
	}
	return nil
}

func writeFile(p string, data []byte) error {
	if err := check("create", p); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL|openNoFollow, 0o644)
	if err != nil {
		return err
	}
	err = check("write", p)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		if err = check("sync", p); err == nil {
			err = f.Sync()
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(p, 0o644)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(p), err)
	}
	return nil
}

// swap puts tmp in place of target. Abort waits for it, so a signal never
// stops it half-way.
func swap(parent, name, target, tmp string, exists bool, keep []string) error {
	reg.Lock()
	defer reg.Unlock()
	if !exists {
		if err := checkLocked("rename", target); err != nil {
			return err
		}
		if err := os.Rename(tmp, target); err != nil {
			return err
		}
		delete(reg.temps, tmp)
		syncDir(parent)
		return nil
	}
	// The kept sub-folders move into the new folder first; a crash before
	// the swap leaves them in the temporary folder, and the next run puts
	// them back (recoverLeftovers).
	var moved []string
	undo := func() {
		for _, k := range moved {
			os.Rename(filepath.Join(tmp, k), filepath.Join(target, k))
		}
	}
	for _, k := range keep {
		src := filepath.Join(target, k)
		if _, err := os.Lstat(src); err != nil {
			continue
		}
		if _, err := os.Lstat(filepath.Join(tmp, k)); err == nil {
			undo()
			return fmt.Errorf("the new folder has its own %s; cannot keep the old one", k)
		}
		err := checkLocked("rename", src)
		if err == nil {
			err = os.Rename(src, filepath.Join(tmp, k))
		}
		if err != nil {
			undo()
			return err
		}
		moved = append(moved, k)
	}
	if len(moved) > 0 {
		syncDir(target)
		syncDir(tmp)
	}
	old, err := exchange(parent, name, tmp, target)
	if err != nil {
		undo()
		return err
	}
	delete(reg.temps, tmp)
	syncDir(parent)
	os.RemoveAll(old) // if this fails, the next run removes it
	return nil
}

// exchange swaps the folders and returns where the old one now is: in one
// step where the system can, else in two renames (target to a
// ".<name>.old-*" sibling, tmp to target), which recoverLeftovers
// completes or undoes after a crash between them.
func exchange(parent, name, tmp, target string) (string, error) {
	if err := checkLocked("exchange", target); err != nil {
		return "", err
	}
	if useExchange {
		err := renameExchange(tmp, target)
		if err == nil {
			return tmp, nil
		}
		if !errors.Is(err, errNoExchange) {
			return "", err
		}
	}
	old := filepath.Join(parent, "."+name+".old-"+filepath.Base(tmp)[len("."+name+".tmp-"):])
	if err := checkLocked("rename", old); err != nil {
		return "", err
	}
	if err := os.Rename(target, old); err != nil {
		return "", err
	}
	err := checkLocked("rename", target)
	if err == nil {
		err = os.Rename(tmp, target)
	}
	if err != nil {
		if rerr := os.Rename(old, target); rerr != nil {
			return "", fmt.Errorf("%w; the old folder is at %s (the next run puts it back)", err, old)
		}
		return "", err
	}
	return old, nil
}

// recoverLeftovers clears what killed runs left beside target; the caller
// holds target's lock, so no live run owns them.
func recoverLeftovers(parent, name, target string, keep []string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	tmpPrefix, oldPrefix := "."+name+".tmp-", "."+name+".old-"
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) || strings.HasPrefix(e.Name(), oldPrefix) {
			left = append(left, filepath.Join(parent, e.Name()))
		}
	}
	if len(left) == 0 {
		return
	}
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		// A portable swap died between its two renames: the old folder
		// is complete, put it back.
		for _, l := range left {
			if strings.HasPrefix(filepath.Base(l), oldPrefix) && os.Rename(l, target) == nil {
				break
			}
		}
	}
	fi, err := os.Lstat(target)
	targetIsDir := err == nil && fi.IsDir()
	for _, l := range left {
		if fi, err := os.Lstat(l); err != nil || !fi.IsDir() {
			os.Remove(l)
			continue
		}
		// A run died after moving the kept sub-folders into its new
		// folder and before the swap: they go back.
		for _, k := range keep {
			if !targetIsDir {
				break
			}
			if _, err := os.Lstat(filepath.Join(target, k)); !errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if _, err := os.Lstat(filepath.Join(l, k)); err == nil {
				os.Rename(filepath.Join(l, k), filepath.Join(target, k))
			}
		}
		os.RemoveAll(l)
	}
	syncDir(parent)
}

// lock is a held flock on ".<name>.lock" beside a folder.
type lock struct {
	path   string
	f      *os.File
	shared bool
}

// lock takes the lock of the folder Root/rel, making the folders above it,
// waiting up to t.wait() for another run, returning early if ctx ends.
func (t *Tree) lock(ctx context.Context, rel string, shared bool) (*lock, error) {
	target := filepath.Join(t.Root, rel)
	parentRel := filepath.Dir(rel)
	lp := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".lock")
	deadline := time.Now().Add(t.wait())
	told := false
	for attempt := 0; ; attempt++ {
		if err := t.ensure(parentRel); err != nil {
			return nil, err
		}
		l, busy, err := tryLock(lp, shared)
		if (errors.Is(err, fs.ErrNotExist) || errors.Is(err, errStale)) && attempt < 1000 {
			continue // the lock file or its empty folder was removed by the run that held it
		}
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", lp, err)
		}
		if !busy {
			return l, nil
		}
		if !told && t.Notify != nil {
			t.Notify(fmt.Sprintf("waiting for another brief run writing %s (lock %s)", target, lp))
			told = true
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is being written by another brief run (lock %s held for more than %s): try again when it has finished", target, lp, t.wait())
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pollEvery):
		}
	}
}

// tryLock opens (or creates) the lock file and tries to lock it once.
func tryLock(lp string, shared bool) (l *lock, busy bool, err error) {
	reg.Lock()
	defer reg.Unlock()
	if err := checkLocked("create", lp); err != nil {
		return nil, false, err
	}
	f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE|openNoFollow, 0o644)
	if err != nil {
		if fi, lerr := os.Lstat(lp); lerr == nil && fi.Mode()&os.ModeSymlink != 0 {
			return nil, false, fmt.Errorf("lock file %s is a symbolic link: brief never writes through one; remove it (no brief run is using it)", lp)
		}
		return nil, false, err
	}
	ok, err := tryFlock(f, shared)
	if err != nil || !ok {
		f.Close()
		return nil, err == nil, err
	}
	if !sameFile(f, lp) {
		f.Close()
		return nil, false, errStale
	}
	l = &lock{path: lp, f: f, shared: shared}
	if reg.locks == nil {
		reg.locks = map[*lock]bool{}
	}
	reg.locks[l] = true
	return l, false, nil
}

func (l *lock) release() {
	reg.Lock()
	defer reg.Unlock()
	l.releaseLocked()
}

// releaseLocked removes the lock file when no other run holds it (so no
// lock file outlives the runs), then unlocks.
func (l *lock) releaseLocked() {
	if !reg.locks[l] {
		return
	}
	delete(reg.locks, l)
	if !l.shared {
		os.Remove(l.path)
	} else if ok, _ := tryFlock(l.f, false); ok {
		os.Remove(l.path)
	}
	l.f.Close()
}
