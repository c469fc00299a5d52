package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefhq/brief/internal/config"
	"github.com/briefhq/brief/internal/inputfile"
	"github.com/briefhq/brief/internal/polish"
	"github.com/briefhq/brief/internal/report"
)

// settings carries what the root command read from brief.yaml to the
// commands that need more than flags (the API key file, the base URL).
type settings struct{ cfg *config.Config }

// newPolisher builds the LLM polish from flags, environment and config.
// The key comes from OPENAI_API_KEY or the file named by api_key_file;
// it is passed to the client only and never printed.
func (o *OutputOptions) newPolisher(cmd string, io IO) (*report.Polisher, error) {
	var cfg *config.Config
	if o.settings != nil {
		cfg = o.settings.cfg
	}
	key := io.Getenv("OPENAI_API_KEY")
	if key == "" && cfg != nil && cfg.APIKeyFile != "" {
		b, err := inputfile.ReadFile(cfg.APIKeyFile, 64<<10)
		if err != nil {
			return nil, &config.Error{File: cfg.File, Line: cfg.Lines["api_key_file"], Msg: "api_key_file: cannot read the key file: " + pathReason(err)}
		}
		key = strings.TrimSpace(string(b))
	}
	base := io.Getenv("OPENAI_BASE_URL")
	if base == "" && cfg != nil {
		base = cfg.BaseURL
	}
	if key == "" && base == "" {
		return nil, usagef(cmd, "--polish needs OPENAI_API_KEY (for OpenAI) or OPENAI_BASE_URL (for a local server such as Ollama: http://localhost:11434/v1)")
	}
	if o.Model == "" {
		return nil, usagef(cmd, "--polish needs --model (or model: in brief.yaml), e.g. --model gpt-4o-mini or --model llama3.1")
	}
	pc := polish.Config{BaseURL: base, APIKey: key, Model: o.Model, Concurrency: o.LLMConcurrency, Timeout: o.PolishTimeout}
	prompts := o.Prompts
	if prompts == "" && cfg != nil {
		prompts = cfg.Prompts
	}
	if prompts != "" {
		pc.Prompts = inputfile.DirFS(prompts)
	}
	if !o.NoCache {
		pc.CacheDir = cacheDir(io)
	}
	return &report.Polisher{Config: pc, Strict: o.StrictPolish}, nil
}

// cacheDir is BRIEF_CACHE_DIR, else brief/polish in the user's cache
// folder; "" (no cache) when there is none.
func cacheDir(io IO) string {
	if d := io.Getenv("BRIEF_CACHE_DIR"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "brief", "polish")
}

func pathReason(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Sprint(pe.Err)
	}
	return err.Error()
}
