package dataset

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/inputfile"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// Options tune Load.
type Options struct {
	// Now is the clock for the checks against the present: an actual
	// figure for a period that has not begun, and stale series. The zero
	// time skips those checks, so tests stay deterministic.
	Now time.Time

	// StaleAfter is how long a series may go without a new figure: a
	// series whose latest actual or estimated period ended more than one
	// period length plus StaleAfter before Now is reported as stale (a
	// yearly series last reported for 2022 is stale from 2026-01-01 with
	// the default of two years). Zero means DefaultStaleAfter; a negative
	// value turns the check off.
	StaleAfter time.Duration

	// Languages are the languages briefs of the dataset will be written
	// in: every word or text one of them lacks (CheckLanguage) is an
	// error of the load. None asks for nothing beyond the base entries.
	Languages []*locale.Locale

	// FS, when set, is read instead of the operating system's files.
	// Paths are then slash-separated and must stay inside FS (a mapping
	// that reaches outside the folder with ../ cannot be read).
	FS fs.FS
}

// DefaultStaleAfter is the StaleAfter used when Options leave it zero.
const DefaultStaleAfter = 2 * 365 * 24 * time.Hour

// Size limits: a catalog or a dataset.yaml is small, so a larger one is a
// mistake (or an attack); observations in JSON or YAML are held in memory
// as a tree while they are read.
const (
	MaxYAMLSize        = 10 << 20
	MaxObservationTree = 512 << 20
)

// File names looked for in a dataset folder.
var (
	observationFiles = []string{"observations.csv", "observations.json", "observations.yaml", "observations.yml", "observations.xlsx"}
	configFiles      = []string{ConfigFile, "dataset.yml"}
	indicatorFiles   = []string{"indicators.yaml", "indicators.yml"}
	entityFiles      = []string{"entities.yaml", "entities.yml"}
)

// DefaultTopic is the single topic of a dataset without an indicator
// catalog.
var DefaultTopic = Topic{ID: "indicators", Name: "Indicators"}

// Load reads the dataset at path and validates it. path is a dataset
// folder (observations.csv, .json, .yaml or .yml, and the optional
// indicators.yaml, entities.yaml, events.csv and dataset.yaml) or a single
// observations file, which then has no catalogs. Positions name files as
// path joined with the file name, e.g. data/observations.csv.
//
// Load reports every problem it finds, not just the first. It returns
// the dataset (without the rows that have errors), all findings sorted by
// position, and an *Error carrying the same findings if any of them is an
// error. Warnings alone give a nil error.
func Load(path string, opts Options) (*Dataset, Diagnostics, error) {
	l := newLoader(opts)
	l.load(path)
	l.finish()
	if len(opts.Languages) > 0 {
		for _, lc := range opts.Languages {
			l.diags = append(l.diags, l.ds.CheckLanguage(lc)...)
		}
		l.diags.Sort()
	}
	if l.diags.HasErrors() {
		return l.ds, l.diags, &Error{Diagnostics: l.diags}
	}
	for _, d := range l.diags {
		if d.Severity == SevWarning {
			l.ds.Warnings = append(l.ds.Warnings, d.String())
		}
	}
	return l.ds, l.diags, nil
}

func (l *loader) load(path string) {
	st, err := l.stat(path)
	if err != nil {
		if _, oerr := l.open(path); oerr != nil {
			err = oerr // explains a dangling or looping link
		}
		l.errorAt(Pos{File: path}, "cannot read: "+l.reason(path, err))
		return
	}
	if !st.IsDir() {
		base := strings.ToLower(filepath.Base(path))
		for _, c := range configFiles {
			if base == c {
				l.loadDir(filepath.Dir(path), path)
				return
			}
		}
		l.ds.Dir = filepath.Dir(path)
		if isWorkbook(path) {
			l.loadWorkbook(path)
			return
		}
		l.loadObservationFile(path, nil)
		return
	}
	l.loadDir(path, "")
}

func (l *loader) loadDir(dir, cfgPath string) {
	l.ds.Dir = dir
	if err := l.listable(dir); err != nil {
		// Every file in it would look present and unreadable at once:
		// name the real problem, once.
		msg := "cannot read the folder: " + l.reason(dir, err)
		if errors.Is(err, fs.ErrPermission) {
			msg = "cannot read the folder: permission denied: give the user running brief read and search permission on it (chmod u+rx)"
		}
		l.errorAt(Pos{File: dir}, msg)
		return
	}
	if cfgPath == "" {
		cfgPath = l.firstExisting(dir, configFiles)
	}
	var cfg *config
	if cfgPath != "" {
		cfg = l.readConfig(cfgPath)
	}
	if cfg == nil {
		cfg = &config{}
	}

	// Without observations in dataset.yaml, the folder's observations
	// file is read; a workbook there is a dataset of its own, as when
	// given alone: its sheets indicators, entities and events are the
	// catalogs and events the folder has no file for.
	var found []string
	if len(cfg.observations) == 0 && !cfg.observationsRejected {
		for _, name := range observationFiles {
			p := filepath.Join(dir, name)
			if l.present(p) {
				found = append(found, p)
			}
		}
	}
	var sheets map[string]bool
	if len(found) == 1 && isWorkbook(found[0]) {
		if sheets = l.workbookSheets(found[0]); sheets == nil {
			return // unreadable: said once, at the workbook
		}
	}
	fromBook := func(ref *pathRef, defaults []string, role string) string {
		p := cfg.pick(l, ref, dir, defaults)
		if p == "" && ref == nil && sheets[role] {
			return found[0]
		}
		return p
	}

	if p := fromBook(cfg.indicators, indicatorFiles, "indicators"); p != "" {
		l.inSheet(func() { l.loadIndicators(p) })
	}
	if p := fromBook(cfg.entities, entityFiles, "entities"); p != "" {
		l.inSheet(func() { l.loadEntities(p) })
	}

	switch {
	case len(cfg.observations) > 0:
		for _, m := range cfg.observations {
			l.loadObservationFile(m.file, m)
		}
	case cfg.observationsRejected:
		// Every entry was rejected, each error at its line in
		// dataset.yaml: no second error for the files they name.
	case len(found) == 0:
		l.errorAt(Pos{File: dir}, "no observations: add observations.csv (or .json, .yaml, .xlsx), or list the files in dataset.yaml")
	case len(found) == 1:
		l.loadObservationFile(found[0], nil)
	default:
		l.errorAt(Pos{File: dir}, "found "+strings.Join(found, " and ")+": keep one observations file, or list them in dataset.yaml")
	}

	if p := fromBook(cfg.events, []string{"events.csv"}, "events"); p != "" {
		l.loadEvents(p)
	}
}

// loadWorkbook reads a workbook given alone as the dataset: the
// observations from its sheet named "observations" (else the first), and
// the catalogs and events from the sheets named "indicators", "entities"
// and "events", where it has them.
func (l *loader) loadWorkbook(path string) {
	has := l.workbookSheets(path)
	if has == nil {
		return
	}
	if has["indicators"] {
		l.inSheet(func() { l.loadIndicators(path) })
	}
	if has["entities"] {
		l.inSheet(func() { l.loadEntities(path) })
	}
	l.loadObservationFile(path, nil)
	if has["events"] {
		l.loadEvents(path)
	}
}

// firstExisting is the first of names present in dir, joined with dir.
// Whatever stands there counts, so that a folder, a FIFO or a broken link
// in a catalog's place is reported when it is read, never skipped.
func (l *loader) firstExisting(dir string, names []string) string {
	for _, name := range names {
		p := filepath.Join(dir, name)
		if l.present(p) {
			return p
		}
	}
	return ""
}

// present reports whether anything stands at name: a file, a folder, a
// special file, a link (even a dangling or looping one), or something
// that cannot be looked at. Only a name with nothing at all is absent,
// which leaves an optional file out.
// listable reports whether the folder's entries can be looked up and read.
func (l *loader) listable(dir string) error {
	if l.opts.FS != nil {
		_, err := fs.ReadDir(l.opts.FS, fsName(dir))
		return err
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); err != nil && err != io.EOF {
		return err
	}
	// Search permission: looking up a name in it must not be refused.
	if _, err := os.Lstat(filepath.Join(dir, ".")); err != nil {
		return err
	}
	return nil
}

func (l *loader) present(name string) bool {
	var err error
	if l.opts.FS != nil {
		_, err = fs.Lstat(l.opts.FS, fsName(name))
	} else {
		_, err = os.Lstat(name)
	}
	return !errors.Is(err, fs.ErrNotExist)
}

func (l *loader) stat(name string) (fs.FileInfo, error) {
	if l.opts.FS != nil {
		return fs.Stat(l.opts.FS, fsName(name))
	}
	return os.Stat(name)
}

// open opens a regular file for reading. A folder, FIFO, device or socket
// in its place is an *inputfile.NotRegularError, and opening never blocks.
func (l *loader) open(name string) (fs.File, error) {
	if l.opts.FS == nil {
		f, err := inputfile.Open(name)
		if err != nil {
			return nil, err
		}
		return f, nil
	}
	f, err := l.opts.FS.Open(fsName(name))
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = &inputfile.NotRegularError{Path: name, Kind: inputfile.Kind(st.Mode())}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func fsName(name string) string {
	n := filepath.ToSlash(filepath.Clean(name))
	return strings.TrimPrefix(n, "/")
}

// reason is an I/O error about path without the path, which the
// position carries, and with what to do.
func (l *loader) reason(path string, err error) string {
	var nr *inputfile.NotRegularError
	if errors.As(err, &nr) {
		return "it is a " + nr.Kind + ", not a regular file: put the file itself in its place"
	}
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := l.readLink(path); lerr == nil {
			return "it is a symbolic link to " + target + ", which does not exist: point the link at the file, or remove it"
		}
		return "no such file or folder"
	}
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied: make the file readable for the user running brief"
	}
	// inputfile explains a loop of links as "<path> is a loop of ...".
	if rest, ok := strings.CutPrefix(err.Error(), path+" is "); ok {
		return "it is " + rest
	}
	return ioReason(err)
}

func (l *loader) readLink(path string) (string, error) {
	if l.opts.FS != nil {
		return fs.ReadLink(l.opts.FS, fsName(path))
	}
	return os.Readlink(path)
}

// ioReason is an I/O error without the path, which the position carries.
func ioReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: make the file readable for the user running brief"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// loader holds the state of one Load.
type loader struct {
	opts  Options
	today time.Time // day of opts.Now, zero when the clock checks are off
	ds    *Dataset

	diags   Diagnostics
	repeats map[string]*repeat
	order   []*repeat

	strs    map[string]string
	periods map[string]period.Period
	dates   map[string]time.Time

	indByID   map[string]int
	entByID   map[string]int
	topicByID map[string]int
	checkInd  bool // the indicator catalog was read: ids must be in it
	checkEnt  bool
	indFile   string // base name of the indicator catalog, for messages
	entFile   string

	dups  map[obsKey]int32
	noURL map[string]*tally // source -> rows without source_url
	// earlyRelease and selfPair count actual figures released before
	// their period began, and rows whose counterpart is their entity.
	earlyRelease, selfPair tally
	noURLKeys              []string
	units                  map[[2]string]*tally // (indicator, unit) -> rows whose unit differs
	unitKeys               [][2]string
	firstUnit              map[string]string // indicator -> unit, without a catalog
	entNames               map[string]string // entity -> display name from a mapping column

	// declared are the index ranges [start, end) of observations read
	// from files whose mapping declares a period: not inferred.
	declared [][2]int

	flags map[string]*flagTally // flags flag_status does not list

	// sheetOf is the sheet dataset.yaml names for a catalog or events
	// table in a workbook, by "indicators\x00path" and so on; posSheet
	// the workbook and sheet a catalog is being read from.
	sheetOf  map[string]sheetRef
	posSheet [2]string

	unknownMsgs map[string]string
	obsFile     string // the first observations file, for "no observations"
	// mappingOf is the dataset.yaml entry each observations file is
	// read through (the first, when several read one file).
	mappingOf map[string]*fileMapping
}

type tally struct {
	pos Pos
	n   int
	ref string // what the unit differs from
}

func newLoader(opts Options) *loader {
	l := &loader{
		opts:      opts,
		ds:        &Dataset{},
		repeats:   map[string]*repeat{},
		strs:      map[string]string{},
		periods:   map[string]period.Period{},
		dates:     map[string]time.Time{},
		indByID:   map[string]int{},
		entByID:   map[string]int{},
		topicByID: map[string]int{},
		dups:      map[obsKey]int32{},
		noURL:     map[string]*tally{},
		units:     map[[2]string]*tally{},
		firstUnit: map[string]string{},
		entNames:  map[string]string{},
		sheetOf:   map[string]sheetRef{},

		unknownMsgs: map[string]string{},
	}
	if !opts.Now.IsZero() {
		l.today = time.Date(opts.Now.Year(), opts.Now.Month(), opts.Now.Day(), 0, 0, 0, 0, time.UTC)
	}
	if l.opts.StaleAfter == 0 {
		l.opts.StaleAfter = DefaultStaleAfter
	}
	return l
}

// intern returns the canonical copy of s, so that a million rows naming
// the same indicator share one string and do not pin their CSV record.
func (l *loader) intern(s string) string {
	if c, ok := l.strs[s]; ok {
		return c
	}
	c := strings.Clone(s)
	l.strs[c] = c
	return c
}

// maxRepeats is how often the same message is listed before the rest are
// summed up in one line: a misspelt id in a million rows must not bury the
// other findings.
const maxRepeats = 10

type repeat struct {
	n     int
	sev   Severity
	first Pos // first position not listed
	msg   string
}

func (l *loader) errorAt(p Pos, msg string) { l.add(p, SevError, msg) }
func (l *loader) warnAt(p Pos, msg string)  { l.add(p, SevWarning, msg) }

func (l *loader) add(p Pos, sev Severity, msg string) {
	key := msg
	if sev == SevWarning {
		key = "w:" + msg
	}
	r := l.repeats[key]
	if r == nil {
		r = &repeat{sev: sev, msg: msg}
		l.repeats[key] = r
	}
	r.n++
	if r.n > maxRepeats {
		if r.n == maxRepeats+1 {
			r.first = p
			l.order = append(l.order, r)
		}
		return
	}
	l.diags = append(l.diags, Diagnostic{Pos: p, Severity: sev, Message: msg})
}

func (l *loader) flushRepeats() {
	for _, r := range l.order {
		more := r.n - maxRepeats
		noun := "places"
		if more == 1 {
			noun = "place"
		}
		l.diags = append(l.diags, Diagnostic{Pos: r.first, Severity: r.sev,
			Message: fmt.Sprintf("%s (and %d more %s from here on, not listed)", r.msg, more, noun)})
	}
	l.order = nil
}
