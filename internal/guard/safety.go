package guard

import (
	"fmt"
	"regexp"
	"strings"
)

// instructionLike are phrases of a model that obeys text it should only
// quote, or talks to the user instead of writing the brief. A phrase is
// allowed as often as the draft itself has it (a note may quote one).
var instructionLike = []string{
	"ignore previous", "ignore all previous", "ignore the previous", "ignore the above", "ignore your",
	"disregard previous", "disregard the above", "disregard all", "previous instructions",
	"new instructions", "system prompt", "as an ai", "as a language model", "as an assistant",
	"i am an ai", "i'm an ai", "language model", "i cannot", "i can't", "i'm sorry", "i am sorry",
	"here is the polished", "here's the polished", "here is the revised", "here's the revised",
	"polished version", "polished section", "the draft", "assistant:", "user:", "system:",
	"chatgpt", "openai",
}

var urlRE = regexp.MustCompile(`(?i)\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+`)

// checkSafety rejects delimiter echoes, instruction-like text, new links.
func checkSafety(draft, polished string) []string {
	var out []string
	lp, ld := strings.ToLower(polished), strings.ToLower(draft)
	if strings.Contains(lp, "<draft>") || strings.Contains(lp, "</draft>") {
		out = append(out, "contains the <draft> tags of the prompt")
	}
	np, nd := strings.Join(strings.Fields(lp), " "), strings.Join(strings.Fields(ld), " ")
	np = strings.ReplaceAll(np, "’", "'")
	nd = strings.ReplaceAll(nd, "’", "'")
	for _, ph := range instructionLike {
		if strings.Count(np, ph) > strings.Count(nd, ph) {
			out = append(out, fmt.Sprintf("contains instruction-like text %q", ph))
		}
	}
	seen := map[string]bool{}
	for _, u := range append(urlRE.FindAllString(polished, -1), parseShape(polished).links...) {
		u = strings.TrimRight(u, ".,;:!?'\"")
		if u == "" || seen[u] || strings.Contains(draft, u) {
			continue
		}
		seen[u] = true
		out = append(out, fmt.Sprintf("link %q is not in the draft", clip(u, 80)))
	}
	return out
}
