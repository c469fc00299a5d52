package dataset

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// readObservationTree reads observations from JSON or YAML: a list of
// objects, or a mapping with the list under `observations`. Keys are the
// CSV column names (case-insensitive), read through the file's mapping;
// values may be numbers or strings.
func (l *loader) readObservationTree(root *yaml.Node, file string, m *fileMapping) {
	list := root
	if root.Kind == yaml.MappingNode {
		top, ok := l.keyed(file, root, "the file", []string{"observations"})
		if !ok {
			return
		}
		if list = top["observations"]; list == nil {
			l.errorAt(yamlPos(file, root), "no observations: put them in a list under observations:")
			return
		}
	}
	if list.Kind != yaml.SequenceNode {
		l.errorAt(yamlPos(file, list), "observations must be a list of objects, one per observation")
		return
	}
	var noMissing [nFields]bool
	wideVals := make([]cell, len(m.wide))
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			l.errorAt(yamlPos(file, item), "each observation must be an object with keys ("+knownColumns+")")
			continue
		}
		r := row{pos: yamlPos(file, item)}
		for i := range wideVals {
			wideVals[i] = cell{}
		}
		seen := make(map[string]int, len(item.Content)/2)
		bad := false
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			name := strings.ToLower(strings.TrimSpace(k.Value))
			kp := yamlPos(file, k)
			if line, dup := seen[name]; dup {
				l.errorAt(kp, "key "+strconv.Quote(k.Value)+" appears twice (first on line "+strconv.Itoa(line)+")")
				continue
			}
			seen[name] = k.Line
			ro := m.roleOf(name)
			if tc, isTr := translationColumn(name, 0, "note", "source"); isTr && ro.kind == roleUnknown {
				if s, ok := l.text(file, v, strconv.Quote(k.Value)); ok {
					r.texts = readTranslations([]string{s}, []trColumn{tc}, r.texts)
				}
				continue
			}
			if ro.kind == roleUnknown || ro.kind == roleIgnore || ro.kind == roleConstant {
				if ro.kind == roleUnknown {
					msg := "unknown key " + strconv.Quote(k.Value) + " is ignored"
					if s := suggest(name, fieldNames[:]); s != "" {
						msg += "; did you mean " + strconv.Quote(s) + "?"
					} else {
						msg += " (known keys: " + knownColumns + ")"
					}
					l.warnAt(kp, msg)
				}
				continue
			}
			s, ok := l.text(file, v, strconv.Quote(k.Value))
			if !ok {
				bad = true
				continue
			}
			c := cell{s: s, pos: yamlPos(file, v), set: true}
			switch ro.kind {
			case roleField:
				r.c[ro.f] = c
				if ro.released {
					r.c[fReleased] = c
				}
			case roleWide:
				wideVals[ro.wide] = c
			case roleName:
				r.name = s
			}
		}
		if bad {
			continue // reported; the other fields alone would mislead
		}
		for f := field(0); f < nFields; f++ {
			if !r.c[f].set && m.hasConst[f] {
				r.c[f] = cell{s: m.consts[f], set: true}
			}
		}
		if !m.keeps(&r) {
			continue
		}
		if len(m.wide) == 0 {
			l.addRow(&r, &noMissing, m)
			continue
		}
		for i, w := range m.wide {
			if !wideVals[i].set {
				continue
			}
			wr := r
			wr.c[fIndicator] = cell{s: w.indicator, pos: wideVals[i].pos, set: true}
			wr.c[fValue] = wideVals[i]
			l.addRow(&wr, &noMissing, m)
		}
	}
}
