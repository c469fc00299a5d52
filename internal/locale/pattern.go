package locale

import (
	"fmt"
	"strings"
)

// Patterns in locale files hold placeholders in braces: "{n}", "{y}",
// "{month:gen}" (a word in a case). The names each pattern may use are
// checked when the file is loaded, so a typo is an error there, never a
// "{mnth}" on the page.

type placeholder struct{ name, arg string }

// placeholders lists a pattern's placeholders, or says what is wrong.
func placeholders(p string) ([]placeholder, error) {
	var out []placeholder
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '}':
			return nil, fmt.Errorf("%q has a } without its {", p)
		case '{':
			j := strings.IndexByte(p[i:], '}')
			if j < 0 {
				return nil, fmt.Errorf("%q has a { without its }", p)
			}
			body := p[i+1 : i+j]
			name, arg, _ := strings.Cut(body, ":")
			if !isName(name) || strings.ContainsAny(arg, "{:") {
				return nil, fmt.Errorf("%q has a placeholder {%s}: write {name} or {name:case}", p, body)
			}
			out = append(out, placeholder{name, arg})
			i += j
		}
	}
	return out, nil
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// checkPattern reports a placeholder of p that allowed does not accept,
// and a placeholder in need that p lacks. allowed maps a name to whether
// it takes an argument and, if so, the arguments it accepts.
func checkPattern(p string, allowed map[string][]string, need ...string) error {
	ps, err := placeholders(p)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, ph := range ps {
		args, ok := allowed[ph.name]
		if !ok {
			return fmt.Errorf("%q: unknown placeholder {%s} (here: %s)", p, ph.name, names(allowed))
		}
		if ph.arg != "" && !contains(args, ph.arg) {
			if len(args) == 0 {
				return fmt.Errorf("%q: {%s} takes no :%s", p, ph.name, ph.arg)
			}
			return fmt.Errorf("%q: {%s:%s}: the locale has no such form (it has %s)", p, ph.name, ph.arg, strings.Join(args, ", "))
		}
		have[ph.name] = true
	}
	for _, n := range need {
		if !have[n] {
			return fmt.Errorf("%q lacks {%s}", p, n)
		}
	}
	return nil
}

func names(m map[string][]string) string {
	var ks []string
	for k := range m {
		ks = append(ks, "{"+k+"}")
	}
	sortStrings(ks)
	return strings.Join(ks, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// expand fills a checked pattern: value gives each placeholder's text.
func expand(p string, value func(name, arg string) string) string {
	if !strings.Contains(p, "{") {
		return p
	}
	var b strings.Builder
	b.Grow(len(p) + 16)
	for i := 0; i < len(p); i++ {
		if p[i] != '{' {
			b.WriteByte(p[i])
			continue
		}
		j := strings.IndexByte(p[i:], '}')
		name, arg, _ := strings.Cut(p[i+1:i+j], ":")
		b.WriteString(value(name, arg))
		i += j
	}
	return b.String()
}

// fill expands a pattern from pairs of name and value ("n", "27,8").
func fill(p string, kv ...string) string {
	return expand(p, func(name, _ string) string {
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == name {
				return kv[i+1]
			}
		}
		return ""
	})
}
