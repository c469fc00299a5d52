// Package polish rewords a brief's sections through an OpenAI-compatible
// chat endpoint, concurrently, with retries and a cache, and keeps a
// section's new wording only if the fact guard accepts it.
package polish

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/prompts"
)

// Config says which endpoint and model to use and how to call it.
type Config struct {
	BaseURL     string // ".../v1"; empty means OpenAI
	APIKey      string // never written anywhere
	Model       string
	Concurrency int           // sections polished at once (default 4)
	CallTimeout time.Duration // one request (default DefaultCallTimeout)
	Timeout     time.Duration // the whole polish of a brief (default DefaultTimeout)
	MaxRetries  int           // retries of one call on 429, 5xx, network errors (default 3)
	CacheDir    string        // "" disables the cache
	HTTPClient  *http.Client  // default http.DefaultClient
	Prompts     fs.FS         // default: the embedded prompts; os.DirFS(dir) overrides them
	PromptDir   string        // folder of the prompt files inside Prompts ("" = its root)
	Temperature float32       // default 0.2; 0 would be dropped by the API client
	Stream      bool          // ask for a streamed answer
	// Sleep waits between retries; tests replace it to count the waits.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock, for a Retry-After given as a date and latencies.
	Now func() time.Time
}

// Section is one section to polish.
type Section struct {
	ID       string
	Markdown string
	Data     []string // dataset text shown in it, quoted in the prompt as data
	// Roundable are the figure tokens the guard lets a reply round (set
	// from the lock when the section is sent; the prompt names them).
	Roundable []string
}

// Decision records what happened to one section, for the audit.
type Decision struct {
	Section    string   `json:"section"`
	Model      string   `json:"model"`
	PromptHash string   `json:"prompt_hash"`
	TokensIn   int      `json:"tokens_in"`
	TokensOut  int      `json:"tokens_out"`
	LatencyMS  int64    `json:"latency_ms"`
	Attempts   int      `json:"attempts"`
	CacheHit   bool     `json:"cache_hit"`
	Accepted   bool     `json:"accepted"`
	Reasons    []string `json:"reasons,omitempty"` // why the guard rejected the answer
	// Claims says, per claim, why the guard refused the answer: the
	// slot (F figure, D date, N name, S footnote, B kept block), its
	// draft text and the reason.
	Claims []guard.Issue `json:"claims,omitempty"`
	Error  string        `json:"error,omitempty"` // why there is no answer
	// Text is the section as printed after an accepted polish, and
	// Figures each figure as printed there (the draft's text, or its
	// hedged rounding).
	Text    string          `json:"text,omitempty"`
	Figures []guard.Printed `json:"figures,omitempty"`
}

// Summary is the one-line account of a polish.
func Summary(ds []Decision) string {
	var accepted, rejected, failed, hits, in, out int
	for _, d := range ds {
		switch {
		case d.Error != "":
			failed++
		case d.Accepted:
			accepted++
		default:
			rejected++
		}
		if d.CacheHit {
			hits++
		}
		in += d.TokensIn
		out += d.TokensOut
	}
	return fmt.Sprintf("polish: %d of %d sections polished, %d rejected by the fact guard, %d failed (draft kept); %d from cache; tokens %d in, %d out",
		accepted, len(ds), rejected, failed, hits, in, out)
}

// DefaultTimeout is the deadline of the whole polish of one brief: past
// it every section not yet done keeps its draft. DefaultCallTimeout is
// one request's; retries and backoff stay inside the deadline.
const (
	DefaultTimeout     = 60 * time.Second
	DefaultCallTimeout = 30 * time.Second
)

func (c *Config) defaults() error {
	if c.Model == "" {
		return errors.New("polish: no model: give --model or model: in brief.yaml")
	}
	if c.Concurrency <= 0 {
		c.Concurrency = 4
	}
	if c.CallTimeout <= 0 {
		c.CallTimeout = DefaultCallTimeout
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxRetries < 0 {
		c.MaxRetries = 0
	} else if c.MaxRetries == 0 {
		c.MaxRetries = 3
	}
	if c.HTTPClient == nil {
		c.HTTPClient = http.DefaultClient
	}
	if c.Prompts == nil {
		c.Prompts = prompts.FS
	}
	if c.Temperature == 0 {
		c.Temperature = 0.2
	}
	if c.Sleep == nil {
		c.Sleep = sleepCtx
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.PromptDir == "" {
		c.PromptDir = "."
	}
	return nil
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// promptSet is the parsed prompt templates and their content hash.
type promptSet struct {
	system string
	user   *template.Template
	hash   string
}

func loadPrompts(fsys fs.FS, dir string) (*promptSet, error) {
	if dir != "." {
		sub, err := fs.Sub(fsys, dir)
		if err != nil {
			return nil, fmt.Errorf("polish: prompts folder %s: %w", dir, err)
		}
		fsys = sub
	}
	if err := promptFolder(fsys); err != nil {
		return nil, err
	}
	sys, err := readPrompt(fsys, "polish-system.tmpl")
	if err != nil {
		return nil, promptError(fsys, dir, "polish-system.tmpl", err)
	}
	usr, err := readPrompt(fsys, "polish-user.tmpl")
	if err != nil {
		return nil, promptError(fsys, dir, "polish-user.tmpl", err)
	}
	t, err := template.New("polish-user.tmpl").Option("missingkey=error").Funcs(promptFuncs(context.Background())).Parse(string(usr))
	if err != nil {
		return nil, fmt.Errorf("polish: prompt %v", err)
	}
	// A trial run, so a prompt that cannot fit its budget fails the run
	// at once rather than every section.
	if _, err := execPrompt(context.Background(), t, promptData(Section{ID: "summary", Markdown: "A draft.", Data: []string{"a name"}})); err != nil {
		return nil, fmt.Errorf("polish: prompt %v", err)
	}
	h := sha256.New()
	h.Write(sys)
	h.Write([]byte{0})
	h.Write(usr)
	return &promptSet{system: strings.TrimSpace(string(sys)), user: t, hash: hex.EncodeToString(h.Sum(nil))[:16]}, nil
}

// promptFolder checks a prompts folder given by name (--prompts, prompts:
// in brief.yaml) before its files: "--prompts g.json is a file, not a
// folder", rather than an error about polish-system.tmpl.
func promptFolder(fsys fs.FS) error {
	v := reflect.ValueOf(fsys)
	if v.Kind() != reflect.String {
		return nil
	}
	_, err := fs.Stat(fsys, ".")
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("polish: --prompts %s: no such folder: give the folder of polish-system.tmpl and polish-user.tmpl", v.String())
	case strings.HasPrefix(err.Error(), v.String()+" "):
		return fmt.Errorf("polish: --prompts %w", err)
	}
	return fmt.Errorf("polish: --prompts %s: %w", v.String(), err)
}

// promptError says which prompt file a prompts folder lacks, and what to
// do, rather than the system's "statat ...: no such file or directory".
// A folder's FS (os.DirFS, inputfile.DirFS) is a string: its name.
func promptError(fsys fs.FS, dir, name string, err error) error {
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("polish: prompt %s: %w", name, err)
	}
	folder := "the prompts folder"
	if v := reflect.ValueOf(fsys); v.Kind() == reflect.String {
		folder = "the prompts folder " + path.Join(filepath.ToSlash(v.String()), dir)
	}
	return fmt.Errorf("polish: %s has no %s: a prompts folder needs both polish-system.tmpl and polish-user.tmpl (copy them from prompts/ in brief's source and edit them), or leave out --prompts (prompts: in brief.yaml) to use the built-in ones", folder, name)
}

func (p *promptSet) userMessage(ctx context.Context, s Section) (string, error) {
	return execPrompt(ctx, p.user, promptData(s))
}

func promptData(s Section) any {
	return struct {
		Section, Draft  string
		Data, Roundable []string
	}{s.ID, strings.TrimSpace(s.Markdown), s.Data, s.Roundable}
}

// Polish polishes every section. out[i] is the accepted new wording of
// sections[i], or its draft. Every failure of the endpoint degrades its
// section to the draft, with the reason in its Decision; err is only for
// a configuration that cannot work at all (no model, broken prompts).
func Polish(ctx context.Context, cfg Config, sections []Section, v *guard.Vocabulary) ([]string, []Decision, error) {
	if err := cfg.defaults(); err != nil {
		return nil, nil, err
	}
	ps, err := loadPrompts(cfg.Prompts, cfg.PromptDir)
	if err != nil {
		return nil, nil, err
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	// why says why a section stopped: the polish's own deadline, or the
	// caller's cancellation (Ctrl-C).
	why := func(err error) string {
		if parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Sprintf("the polish deadline (%s) passed before this section was done: draft kept", cfg.Timeout)
		}
		return redact(err.Error(), cfg.APIKey)
	}
	cl := newClient(cfg)
	out := make([]string, len(sections))
	decisions := make([]Decision, len(sections))
	sem := make(chan struct{}, cfg.Concurrency)
	var wg sync.WaitGroup
	for i, s := range sections {
		out[i] = s.Markdown
		wg.Add(1)
		go func(i int, s Section) {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				decisions[i] = Decision{Section: s.ID, Model: cfg.Model, PromptHash: ps.hash, Error: why(ctx.Err())}
				return
			}
			defer func() { <-sem }()
			out[i], decisions[i] = polishOne(ctx, cfg, cl, ps, s, v)
			if decisions[i].Error != "" && ctx.Err() != nil {
				decisions[i].Error = why(ctx.Err())
			}
		}(i, s)
	}
	wg.Wait()
	return out, decisions, nil
}

// shownData is the section's <data> list: the dataset text its cites
// quoted (s.Data), then the vocabulary's own words of the dataset
// (sources' titles, indicators' phrases, units) that the draft shows,
// as written or with Markdown's signs escaped: the guard holds both to
// the draft's words, so the model is told both are data.
func shownData(s Section, v *guard.Vocabulary) []string {
	if v == nil || len(v.Data) == 0 {
		return s.Data
	}
	out := append([]string(nil), s.Data...)
	seen := map[string]bool{}
	for _, d := range s.Data {
		seen[d] = true
	}
	for _, d := range v.Data {
		if !seen[d] && (strings.Contains(s.Markdown, d) || strings.Contains(s.Markdown, guard.EscapeMarkdown(d))) {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

func polishOne(ctx context.Context, cfg Config, cl *client, ps *promptSet, s Section, v *guard.Vocabulary) (string, Decision) {
	d := Decision{Section: s.ID, Model: cfg.Model, PromptHash: ps.hash}
	// The model sees the draft with its claims locked: tokens for every
	// figure, date, name, footnote and kept block. The dataset's text it
	// shows (s.Data) is the source's wording: the guard wants it back
	// verbatim.
	sv := guard.Vocabulary{Data: s.Data}
	if v != nil {
		sv = *v // every list of the catalog (names, units, quantities)
		sv.Data = append(append([]string(nil), v.Data...), s.Data...)
	}
	lk := guard.Lock(s.Markdown, &sv)
	sent := s
	sent.Data = shownData(s, v)
	sent.Markdown = lk.Text
	sent.Roundable = lk.Roundable()
	user, err := ps.userMessage(ctx, sent)
	if err != nil {
		d.Error = "prompt: " + err.Error()
		return s.Markdown, d
	}
	if hasDelimiter(lk.Text) {
		// The draft would end the <draft> block early: what follows would
		// read as instructions. Such a section is not sent at all.
		d.Error = "the draft contains a <draft> or </draft> line: not sent to the model"
		return s.Markdown, d
	}
	key := cacheKey(cfg, ps.hash, user)
	var ans answer
	if a, ok := readCache(cfg.CacheDir, key); ok {
		ans, d.CacheHit = a, true
	} else {
		start := cfg.Now()
		ans, d.Attempts, err = cl.complete(ctx, ps.system, user)
		d.LatencyMS = cfg.Now().Sub(start).Milliseconds()
		if err != nil {
			d.Error = redact(err.Error(), cfg.APIKey)
			return s.Markdown, d
		}
		// A server that echoes the key must not get it into the cache.
		ans.Text = redact(ans.Text, cfg.APIKey)
		writeCache(cfg.CacheDir, key, ans)
	}
	if !d.CacheHit {
		// A hit spends no tokens: the audit counts what this run used.
		d.TokensIn, d.TokensOut = ans.TokensIn, ans.TokensOut
	}
	r := lk.Verify(redact(clean(ans.Text), cfg.APIKey))
	d.Accepted, d.Reasons, d.Claims = r.Accepted, r.Reasons, r.Issues
	if !r.Accepted {
		return s.Markdown, d
	}
	text := r.Text
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	d.Text, d.Figures = text, r.Figures
	return text, d
}

func hasDelimiter(md string) bool {
	for _, l := range strings.Split(md, "\n") {
		switch strings.ToLower(strings.TrimSpace(l)) {
		case "<draft>", "</draft>":
			return true
		}
	}
	return false
}

// clean removes what models wrap answers in: a code fence, the prompt's
// draft tags, surrounding blank lines.
func clean(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "```") {
		if i := strings.IndexByte(s, '\n'); i >= 0 && strings.HasSuffix(s, "```") {
			s = strings.TrimSpace(s[i+1 : len(s)-3])
		}
	}
	return s
}
