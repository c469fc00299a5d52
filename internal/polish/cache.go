package polish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/briefhq/brief/internal/atomicfile"
)

// cacheKey addresses an answer by everything that shapes it: endpoint,
// model, prompts, parameters and the full user message (draft and data).
// The API key is not part of it.
func cacheKey(cfg Config, promptHash, user string) string {
	h := sha256.New()
	fmt.Fprintf(h, "v1\x00%s\x00%s\x00%s\x00%g\x00%t\x00", cfg.BaseURL, cfg.Model, promptHash, cfg.Temperature, cfg.Stream)
	h.Write([]byte(user))
	return hex.EncodeToString(h.Sum(nil))
}

func cachePath(dir, key string) string { return filepath.Join(dir, key[:2], key+".json") }

func readCache(dir, key string) (answer, bool) {
	if dir == "" {
		return answer{}, false
	}
	b, err := os.ReadFile(cachePath(dir, key))
	if err != nil {
		return answer{}, false
	}
	var a answer
	if json.Unmarshal(b, &a) != nil || a.Text == "" {
		return answer{}, false // a damaged entry is a miss, and is rewritten
	}
	return a, true
}

// writeCache stores the raw answer (the guard runs again on every hit, so
// a stricter guard applies to old entries). A cache that cannot be
// written costs a call next time, nothing more.
func writeCache(dir, key string, a answer) {
	if dir == "" {
		return
	}
	b, err := json.Marshal(a)
	if err != nil {
		return
	}
	_ = atomicfile.WriteAll([]atomicfile.File{{Path: cachePath(dir, key), Data: b}})
}
