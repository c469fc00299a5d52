package dataset

import (
	"strconv"
	"strings"
)

var eventColumns = []string{"date", "topic", "entities", "title", "summary", "source", "source_url"}

const (
	eDate = iota
	eTopic
	eEntities
	eTitle
	eSummary
	eSource
	eSourceURL
	nEventColumns
)

// loadEvents reads events.csv: dated items a brief reports beside the
// figures. The date is any period form, so an event known only by its
// year keeps the year.
func (l *loader) loadEvents(path string) {
	var col [nEventColumns]int
	var trCols []trColumn
	header := func(rec []string, at cells) bool {
		for i := range col {
			col[i] = -1
		}
		trCols = trCols[:0]
		for i, raw := range rec {
			name := strings.ToLower(strings.TrimSpace(raw))
			pos := at.at(i)
			j := indexOf(eventColumns, name)
			if tc, ok := translationColumn(name, i, "title", "summary", "source"); ok && j < 0 {
				if l.dupTranslation(trCols, tc, raw, pos) {
					continue
				}
				trCols = append(trCols, tc)
				continue
			}
			switch {
			case j >= 0 && col[j] >= 0:
				l.errorAt(pos, "column "+strconv.Quote(strings.TrimSpace(raw))+" appears twice (first as column "+strconv.Itoa(col[j]+1)+"): keep one")
			case j >= 0:
				col[j] = i
			default:
				msg := "unknown column " + strconv.Quote(strings.TrimSpace(raw)) + " is ignored"
				if s := suggest(name, eventColumns); s != "" {
					msg += "; did you mean " + strconv.Quote(s) + "?"
				} else {
					msg += " (known columns: " + strings.Join(eventColumns, ", ") + ")"
				}
				l.warnAt(pos, msg)
			}
		}
		good := true
		for _, j := range []int{eDate, eTitle, eSource} {
			if col[j] < 0 {
				l.errorAt(at.line(), "missing required column "+strconv.Quote(eventColumns[j]))
				good = false
			}
		}
		return good
	}
	row := func(rec []string, at cells) {
		rowPos := at.line()
		get := func(j int) (string, Pos) {
			i := col[j]
			if i < 0 {
				return "", rowPos
			}
			return strings.TrimSpace(rec[i]), at.at(i)
		}
		ok := true
		ev := Event{Pos: rowPos}

		s, p := get(eDate)
		if s == "" {
			l.errorAt(p, "missing date: give it as 2025-01-15, or 2025-01, 2024-Q3, 2024 if the day is not known")
			ok = false
		} else if d, err := l.period(s); err != nil {
			l.errorAt(p, "date"+strings.TrimPrefix(err.Error(), "period"))
			ok = false
		} else {
			ev.Date = d
		}

		s, p = get(eTopic)
		switch {
		case !l.ds.HasIndicatorCatalog:
			ev.Topic = DefaultTopic.ID // without a catalog there is one topic
		case s != "" && l.checkInd:
			if _, found := l.topicByID[s]; !found {
				msg := "unknown topic " + strconv.Quote(s) + ": not in " + l.indFile
				ids := make([]string, len(l.ds.Topics))
				for i, t := range l.ds.Topics {
					ids[i] = t.ID
				}
				if sg := suggest(s, ids); sg != "" {
					msg += "; did you mean " + strconv.Quote(sg) + "?"
				}
				l.errorAt(p, msg)
				ok = false
			}
			ev.Topic = l.intern(s)
		}

		s, p = get(eEntities)
		for _, id := range strings.Split(s, ";") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if l.checkEnt {
				if _, found := l.entByID[id]; !found {
					l.errorAt(p, l.unknownEntity("entity", id))
					ok = false
					continue
				}
			}
			ev.Entities = append(ev.Entities, l.intern(id))
		}

		s, p = get(eTitle)
		if s == "" {
			l.errorAt(p, "missing title: say in a few words what happened")
			ok = false
		}
		ev.Title = strings.Clone(s)
		s, _ = get(eSummary)
		ev.Summary = strings.Clone(s)
		s, p = get(eSource)
		if s == "" {
			l.errorAt(p, "missing source: say where the news comes from")
			ok = false
		}
		ev.Source = l.intern(s)
		s, p = get(eSourceURL)
		if s == "" {
			if ev.Source != "" {
				l.countNoURL(ev.Source, rowPos)
			}
		} else if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
			l.warnAt(p, "source_url "+strconv.Quote(s)+" is not a web link: start it with https://")
		}
		ev.SourceURL = l.intern(s)
		ev.Texts = readTranslations(rec, trCols, ev.Texts)
		if ok {
			l.ds.Events = append(l.ds.Events, ev)
		}
	}
	if isWorkbook(path) {
		wb, done := l.openWorkbook(path, Pos{File: path})
		if wb == nil {
			return
		}
		defer done()
		asked := l.sheetOf["events\x00"+path]
		if sheet, ok := l.pickSheet(wb, path, asked.name, asked.pos, "events"); ok {
			l.readSheet(wb, path, sheet, table{}, false, header, row)
		}
		return
	}
	f, err := l.open(path)
	if err != nil {
		l.errorAt(Pos{File: path}, "cannot read: "+l.reason(path, err))
		return
	}
	defer f.Close()
	l.readCSV(f, path, table{}, header, row)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// trColumn is a column of text in another language: title_ru, note_kk.
type trColumn struct {
	idx        int
	field      string // title, summary, note, source
	lang, name string
}

// translationColumn reads a header name as field_lang, for one of fields.
func translationColumn(name string, idx int, fields ...string) (trColumn, bool) {
	i := strings.LastIndexByte(name, '_')
	if i < 0 {
		return trColumn{}, false
	}
	f, lang := name[:i], name[i+1:]
	if !isLangKey(lang) || indexOf(fields, f) < 0 {
		return trColumn{}, false
	}
	return trColumn{idx: idx, field: f, lang: lang, name: name}, true
}

func (l *loader) dupTranslation(cols []trColumn, tc trColumn, raw string, pos Pos) bool {
	for _, c := range cols {
		if c.name == tc.name {
			l.errorAt(pos, "column "+strconv.Quote(strings.TrimSpace(raw))+" appears twice (first as column "+strconv.Itoa(c.idx+1)+"): keep one")
			return true
		}
	}
	return false
}

// readTranslations adds a row's texts in other languages to m (nil
// until the row gives one).
func readTranslations(rec []string, cols []trColumn, m map[string]Translation) map[string]Translation {
	for _, c := range cols {
		if c.idx >= len(rec) {
			continue
		}
		s := strings.TrimSpace(rec[c.idx])
		if s == "" {
			continue
		}
		if m == nil {
			m = map[string]Translation{}
		}
		t := m[c.lang]
		switch c.field {
		case "title":
			t.Title = strings.Clone(s)
		case "summary":
			t.Summary = strings.Clone(s)
		case "note":
			t.Note = strings.Clone(s)
		case "source":
			t.Source = strings.Clone(s)
		}
		m[c.lang] = t
	}
	return m
}
