package polish

import (
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
)

// redact keeps the API key out of any message: the key as it is, and
// its encodings a model or a server could echo (base64 at any alignment
// inside a longer base64 text, standard and URL alphabets; hex; URL
// escaping).
func redact(msg, key string) string {
	if len(key) < 4 {
		return msg
	}
	for _, form := range keyForms(key) {
		msg = strings.ReplaceAll(msg, form, "[redacted]")
	}
	return msg
}

// keyForms are the strings that give the key away, longest first.
func keyForms(key string) []string {
	forms := []string{key, hex.EncodeToString([]byte(key)), strings.ToUpper(hex.EncodeToString([]byte(key))), url.QueryEscape(key)}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
		// With o bytes before the key, the first 0, 2 or 3 characters
		// also carry those bytes, and the last group carries what
		// follows; the characters between depend on the key alone.
		for o, skip := range []int{0, 2, 3} {
			s := enc.EncodeToString(append(make([]byte, o), key...))
			if core := s[skip : len(s)-4]; len(core) >= 12 {
				forms = append(forms, core)
			}
		}
	}
	sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	return forms
}
