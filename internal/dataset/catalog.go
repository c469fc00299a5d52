package dataset

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/internal/locale"
)

var (
	indicatorCatalogKeys = []string{"topics", "indicators"}
	topicKeys            = []string{"id", "name"}
	indicatorKeys        = []string{"id", "name", "topic", "unit", "decimals", "higher_is", "additive", "comparable", "prices", "unit_label", "summary", "period", "description", "phrase", "noun", "verb", "negative", "positive", "family"}
	entityCatalogKeys    = []string{"groups", "entities"}
	groupKeys            = []string{"id", "name"}
	entityKeys           = []string{"id", "name", "short", "groups"}
)

// readCatalog opens a catalog file and returns its checked top-level
// keys, or nil after reporting why it cannot be used.
func (l *loader) readCatalog(path string, known []string) map[string]*yaml.Node {
	var root *yaml.Node
	switch {
	case !isWorkbook(path):
		root = l.readYAMLFile(path)
	case known[1] == "indicators":
		root = l.sheetTree(path, "indicators", indicatorKeys)
	default:
		root = l.sheetTree(path, "entities", entityKeys)
	}
	if root == nil {
		return nil
	}
	top, _ := l.keyed(path, root, "the catalog", known)
	return top
}

// readYAMLFile reads a bounded YAML file into a tree, or reports why it
// cannot and returns nil.
func (l *loader) readYAMLFile(path string) *yaml.Node {
	f, err := l.open(path)
	if err != nil {
		l.errorAt(Pos{File: path}, "cannot read: "+l.reason(path, err))
		return nil
	}
	defer f.Close()
	return l.readTree(f, path, false, MaxYAMLSize)
}

// list returns the items of a sequence node, reporting anything else.
func (l *loader) list(file string, n *yaml.Node, key, item string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		l.errorAt(yamlPos(file, n), key+" must be a list, one "+item+" per item (- id: ...)")
		return nil
	}
	return n.Content
}

// loadIndicators reads indicators.yaml: an optional topics list giving
// topic order and names, and the indicators.
func (l *loader) loadIndicators(path string) {
	l.ds.HasIndicatorCatalog = true
	l.indFile = filepath.Base(path)
	top := l.readCatalog(path, indicatorCatalogKeys)
	if top == nil {
		return // unreadable: ids are not checked against it
	}
	l.checkInd = true
	firstLine := map[string]int{}
	ids := func(what, id string, n *yaml.Node, pos Pos) bool {
		key := what + "\x00" + id
		if line, dup := firstLine[key]; dup {
			l.errorAt(pos, "duplicate "+what+" id "+strconv.Quote(id)+" (first defined on line "+strconv.Itoa(line)+")")
			return false
		}
		firstLine[key] = n.Line
		return true
	}

	topicList := top["topics"] != nil
	for _, item := range l.list(path, top["topics"], "topics", "topic") {
		keys, _ := l.keyed(path, item, "each topic", topicKeys)
		if keys == nil {
			continue
		}
		pos := yamlPos(path, item)
		id, _ := l.text(path, keys["id"], "id")
		if id == "" {
			l.errorAt(pos, "topic has no id")
			continue
		}
		if !ids("topic", id, item, pos) {
			continue
		}
		forms := l.names(path, keys["name"], "topic "+strconv.Quote(id))
		name := englishName(forms)
		if name == "" {
			name = titleCase(id)
		}
		l.topicByID[id] = len(l.ds.Topics)
		l.ds.Topics = append(l.ds.Topics, Topic{ID: id, Name: name, Forms: forms, Pos: pos})
	}

	if top["indicators"] == nil {
		l.errorAt(Pos{File: path, Line: 1}, "no indicators: list them under indicators:")
	}
	topicIDs := func() []string {
		out := make([]string, len(l.ds.Topics))
		for i, t := range l.ds.Topics {
			out[i] = t.ID
		}
		return out
	}
	for _, item := range l.list(path, top["indicators"], "indicators", "indicator") {
		keys, _ := l.keyed(path, item, "each indicator", withLangKeys(item, indicatorKeys))
		if keys == nil {
			continue
		}
		pos := yamlPos(path, item)
		in := Indicator{Decimals: -1, HigherIs: Neutral, Pos: pos}
		in.ID, _ = l.text(path, keys["id"], "id")
		if in.ID == "" {
			l.errorAt(pos, "indicator has no id")
			continue
		}
		if !ids("indicator", in.ID, item, pos) {
			continue
		}
		in.Name, _ = l.text(path, keys["name"], "name")
		if in.Name == "" {
			in.Name = in.ID
		}
		in.Unit, _ = l.text(path, keys["unit"], "unit")
		in.Description, _ = l.text(path, keys["description"], "description")
		if n := keys["decimals"]; n != nil {
			s, good := l.text(path, n, "decimals")
			d, err := strconv.Atoi(s)
			if good && (err != nil || d < 0 || d > 12) {
				l.errorAt(yamlPos(path, n), "decimals "+strconv.Quote(s)+" must be a whole number from 0 to 12")
			} else if good {
				in.Decimals = d
			}
		}
		if n := keys["higher_is"]; n != nil {
			s, good := l.text(path, n, "higher_is")
			switch HigherIs(strings.ToLower(s)) {
			case Good:
				in.HigherIs = Good
			case Bad:
				in.HigherIs = Bad
			case Neutral, "":
			default:
				if good {
					l.errorAt(yamlPos(path, n), "higher_is "+strconv.Quote(s)+": use good, bad or neutral")
				}
			}
		}
		l.readSemantics(path, keys, &in)
		l.readWording(path, keys, &in.Wording)
		for _, kv := range langBlocks(item, indicatorKeys) {
			if w := l.readLangWording(path, in.ID, kv[0], kv[1]); w != nil {
				if in.Langs == nil {
					in.Langs = map[string]*LangWording{}
				}
				in.Langs[kv[0].Value] = w
			}
		}
		topicPos := pos
		if n := keys["topic"]; n != nil {
			in.Topic, _ = l.text(path, n, "topic")
			topicPos = yamlPos(path, n)
		}
		switch {
		case topicList && in.Topic == "":
			l.errorAt(pos, "indicator "+strconv.Quote(in.ID)+" has no topic (topics: "+strings.Join(topicIDs(), ", ")+")")
		case topicList:
			if _, found := l.topicByID[in.Topic]; !found {
				msg := "topic " + strconv.Quote(in.Topic) + " is not in the topics list"
				if s := suggest(in.Topic, topicIDs()); s != "" {
					msg += "; did you mean " + strconv.Quote(s) + "?"
				} else {
					msg += " (topics: " + strings.Join(topicIDs(), ", ") + ")"
				}
				l.errorAt(topicPos, msg)
			}
		default:
			if in.Topic == "" {
				in.Topic = DefaultTopic.ID
			}
			if _, found := l.topicByID[in.Topic]; !found {
				l.topicByID[in.Topic] = len(l.ds.Topics)
				t := Topic{ID: in.Topic, Name: titleCase(in.Topic), Pos: topicPos}
				if in.Topic == DefaultTopic.ID {
					t.Name = DefaultTopic.Name
				}
				l.ds.Topics = append(l.ds.Topics, t)
			}
		}
		l.indByID[in.ID] = len(l.ds.Indicators)
		l.ds.Indicators = append(l.ds.Indicators, in)
	}
}

// titleCase turns a topic id into a name: "foreign-trade" -> "Foreign Trade".
func titleCase(id string) string {
	words := strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r := []rune(w)
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
		words[i] = string(r)
	}
	if len(words) == 0 {
		return id
	}
	return strings.Join(words, " ")
}

// loadEntities reads entities.yaml.
func (l *loader) loadEntities(path string) {
	l.ds.HasEntityCatalog = true
	l.entFile = filepath.Base(path)
	top := l.readCatalog(path, entityCatalogKeys)
	if top == nil {
		return
	}
	l.checkEnt = true
	// groups: optional display names of the group ids ("eaeu" -> "EAEU").
	groupPos := map[string]Pos{}
	for _, item := range l.list(path, top["groups"], "groups", "group") {
		keys, _ := l.keyed(path, item, "each group", groupKeys)
		if keys == nil {
			continue
		}
		pos := yamlPos(path, item)
		id, _ := l.text(path, keys["id"], "id")
		forms := l.names(path, keys["name"], "group "+strconv.Quote(id))
		name := englishName(forms)
		if name == "" && len(forms) > 0 {
			name = titleCase(id) // named in other languages only
		}
		switch {
		case id == "":
			l.errorAt(pos, "group has no id")
		case l.ds.GroupNames[id] != "":
			l.errorAt(pos, "group "+strconv.Quote(id)+" is listed twice: keep one")
		case name == "":
			l.errorAt(pos, "group "+strconv.Quote(id)+" has no name: give the name briefs print")
		default:
			if l.ds.GroupNames == nil {
				l.ds.GroupNames = map[string]string{}
			}
			l.ds.GroupNames[id] = name
			groupPos[id] = pos
			l.group(id).forms, l.group(id).pos, l.group(id).listed = forms, pos, true
		}
	}
	listed := top["groups"] != nil
	used := map[string]bool{}
	if top["entities"] == nil {
		l.errorAt(Pos{File: path, Line: 1}, "no entities: list them under entities:")
	}
	firstLine := map[string]int{}
	for _, item := range l.list(path, top["entities"], "entities", "entity") {
		keys, _ := l.keyed(path, item, "each entity", entityKeys)
		if keys == nil {
			continue
		}
		pos := yamlPos(path, item)
		e := Entity{Pos: pos}
		e.ID, _ = l.text(path, keys["id"], "id")
		if e.ID == "" {
			l.errorAt(pos, "entity has no id")
			continue
		}
		if line, dup := firstLine[e.ID]; dup {
			l.errorAt(pos, "duplicate entity id "+strconv.Quote(e.ID)+" (first defined on line "+strconv.Itoa(line)+")")
			continue
		}
		firstLine[e.ID] = item.Line
		e.Forms = l.names(path, keys["name"], "entity "+strconv.Quote(e.ID))
		e.Names = nominatives(e.Forms)
		e.Short, _ = l.text(path, keys["short"], "short")
		if n := keys["groups"]; n != nil {
			items := []*yaml.Node{n}
			if n.Kind == yaml.SequenceNode {
				items = n.Content
			}
			for _, g := range items {
				s, good := l.text(path, g, "groups")
				switch {
				case good && strings.TrimSpace(s) == "":
					l.errorAt(yamlPos(path, g), "empty group name: give the group an id, or leave it out")
				case good && listed && l.ds.GroupNames[s] == "":
					// With a groups: list, a group must be in it: a typo
					// would quietly make a group of one.
					msg := "group " + strconv.Quote(s) + " is not in the groups list"
					ids := make([]string, 0, len(l.ds.GroupNames))
					for id := range l.ds.GroupNames {
						ids = append(ids, id)
					}
					sort.Strings(ids)
					if sg := suggest(s, ids); sg != "" {
						msg += "; did you mean " + strconv.Quote(sg) + "?"
					} else {
						msg += " (groups: " + strings.Join(ids, ", ") + ")"
					}
					l.errorAt(yamlPos(path, g), msg)
				case good:
					e.Groups = append(e.Groups, s)
					used[s] = true
					if gi := l.group(s); gi.used.Line == 0 {
						gi.used = yamlPos(path, g)
					}
				}
			}
		}
		l.entByID[e.ID] = len(l.ds.Entities)
		l.ds.Entities = append(l.ds.Entities, e)
	}
	ids := make([]string, 0, len(groupPos))
	for id := range groupPos {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !used[id] {
			l.warnAt(groupPos[id], "group "+strconv.Quote(id)+" has no entity: give entities this group, or drop it")
		}
	}
}

// Wording is how an indicator is said in a sentence, beside its name
// (which tables and charts use). Every field is optional; the templates
// fall back on the name when one is missing.
//
//	indicators:
//	  - id: coop_projects_completed
//	    name: Joint industrial projects completed
//	    noun: joint industrial projects # what the figure counts
//	    verb: has completed             # "Kazakhstan has completed 99 joint industrial projects"
//	    family: coop_projects           # related indicators: talking points take few of one family
//	  - id: trade_balance
//	    name: Trade balance
//	    phrase: trade balance           # mid-sentence: "Kazakhstan's trade balance"
//	    negative: deficit               # "a deficit of €80 million", "the largest deficit"
//	    positive: surplus
type Wording struct {
	// Phrase names the indicator mid-sentence, after a possessive:
	// "trade turnover" ("Kazakhstan's trade turnover with Russia").
	Phrase string
	// Noun is what a count counts, in the plural ("joint industrial
	// projects"), and NounOne in the singular ("joint industrial
	// project"; "" when the catalog gives only the plural).
	Noun, NounOne string
	// Verb joins the entity to the figure: "has completed", "received",
	// "was worth".
	Verb string
	// Negative and Positive name a figure below and above zero: "deficit"
	// and "surplus" for a balance.
	Negative, Positive string
	// Family groups related indicators (several counts of one project
	// portfolio), so that talking points take few of them.
	Family string
}

// readWording reads the optional wording keys of an indicator: each a
// single value in words (noun may also be {one: ..., other: ...}).
func (l *loader) readWording(path string, keys map[string]*yaml.Node, w *Wording) {
	words := func(key, example string) string {
		n := keys[key]
		if n == nil {
			return ""
		}
		s, good := l.text(path, n, key)
		switch {
		case !good:
		case s == "":
			l.errorAt(yamlPos(path, n), key+" is empty: give it in words ("+example+"), or leave the key out")
		case strings.Contains(s, "_") && key != "family":
			l.errorAt(yamlPos(path, n), key+" "+strconv.Quote(s)+" has an underscore: write it as readers should see it ("+example+")")
		default:
			return s
		}
		return ""
	}
	w.Phrase = words("phrase", `phrase: trade turnover`)
	w.Verb = words("verb", `verb: has completed`)
	w.Negative = words("negative", `negative: deficit`)
	w.Positive = words("positive", `positive: surplus`)
	w.Family = words("family", `family: coop_projects`)
	n := keys["noun"]
	if n == nil || n.Kind != yaml.MappingNode {
		w.Noun = words("noun", `noun: joint industrial projects`)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		s, good := l.text(path, v, "noun")
		switch {
		case !good:
		case s == "" || strings.Contains(s, "_"):
			l.errorAt(yamlPos(path, v), "noun "+k.Value+" "+strconv.Quote(s)+": write the noun as readers should see it (one: joint industrial project)")
		case k.Value == "one":
			w.NounOne = s
		case k.Value == "other":
			w.Noun = s
		default:
			l.errorAt(yamlPos(path, k), "noun: unknown form "+strconv.Quote(k.Value)+" (use one and other: {one: joint industrial project, other: joint industrial projects})")
		}
	}
	if w.Noun == "" && w.NounOne != "" {
		l.errorAt(yamlPos(path, n), "noun: give the plural too (other: joint industrial projects)")
	}
}

// group is the loader's record of group id, made on first mention.
func (l *loader) group(id string) *groupInfo {
	if l.ds.groups == nil {
		l.ds.groups = map[string]*groupInfo{}
	}
	g := l.ds.groups[id]
	if g == nil {
		g = &groupInfo{}
		l.ds.groups[id] = g
	}
	return g
}

// englishName is the English nominative of a name by language: en, else
// the plain name.
func englishName(forms map[string]locale.Noun) string {
	if n, ok := forms["en"]; ok {
		return n.Nominative()
	}
	return forms[""].Nominative()
}

// withLangKeys is known plus the language blocks (ru:, kk:) of item, so
// that keyed accepts them and still reports other unknown keys.
func withLangKeys(item *yaml.Node, known []string) []string {
	blocks := langBlocks(item, known)
	if len(blocks) == 0 {
		return known
	}
	out := append([]string(nil), known...)
	for _, kv := range blocks {
		out = append(out, kv[0].Value)
	}
	return out
}

// langBlocks are the keys of item that name a language, not a known key,
// with their values, in file order.
func langBlocks(item *yaml.Node, known []string) [][2]*yaml.Node {
	if item.Kind != yaml.MappingNode {
		return nil
	}
	var out [][2]*yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k := item.Content[i]
		if !contains(known, k.Value) && isLangKey(k.Value) && !seen[k.Value] {
			seen[k.Value] = true
			out = append(out, [2]*yaml.Node{k, item.Content[i+1]})
		}
	}
	return out
}
