// Package audit builds the JSON record written beside every brief: what was
// stated, from which facts, rows and sources, with which templates.
package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/polish"
)

// langTag is the shape of a record's language: a BCP 47 tag.
var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$`)

// Version of the record's shape; bump it when a field changes meaning.
// Version 2 spells every key out (version 1's series had one-letter keys,
// its sources "n", its chart points capitalised keys); Previous reads
// both.
const Version = 2

// Record is brief.json.
type Record struct {
	Version int    `json:"version"`
	Kind    string `json:"kind"`
	// Lang is the language the brief is written in ("en", "ru", "kk"):
	// the next brief compares itself only with one in its language.
	Lang      string                      `json:"lang"`
	Period    string                      `json:"period"`
	Start     string                      `json:"start"`
	End       string                      `json:"end"`
	AsOf      string                      `json:"as_of"`
	Generated string                      `json:"generated_at"`
	Title     string                      `json:"title"`
	Tool      Tool                        `json:"tool"`
	Data      Data                        `json:"data"`
	Templates Templates                   `json:"templates"`
	Outputs   []Output                    `json:"outputs"`
	Sections  []narrative.RenderedSection `json:"sections"`
	Sources   []narrative.SourceRef       `json:"sources"`
	Charts    []Chart                     `json:"charts"`
	// Facts are the facts the document states (cited figures, their
	// ranks, shares and changes); brief facts --json lists them all.
	Facts []facts.Fact `json:"facts"`
	// Series is the latest figure of every series known, compact: what
	// the next brief compares with for "What changed".
	Series []narrative.SeriesState `json:"series"`
	// Events are the events the brief reported (narrative.EventKey), so
	// the next brief can tell which are new.
	Events  []string               `json:"events"`
	Changes narrative.ChangeRecord `json:"changes"`
	// Points summarises a talking-points record; nil for a brief.
	Points *Points `json:"points,omitempty"`
	// Polish is the LLM's decision for each polished section: model,
	// tokens, latency, cache hit, accepted or the guard's reasons; null
	// when the brief was written offline.
	Polish   []polish.Decision `json:"polish"`
	Warnings []string          `json:"warnings"`
	// NotUsed are the figures of the data the brief left out because
	// their period makes them doubtful; nil (the key left out) when none.
	NotUsed []NotUsed `json:"not_used,omitempty"`
}

// NotUsed is a figure of the data the brief left out, where it is in the
// data and why.
type NotUsed struct {
	File      string  `json:"file"`
	Line      int     `json:"line"`
	Indicator string  `json:"indicator"`
	Entity    string  `json:"entity"`
	Period    string  `json:"period"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Reason    string  `json:"reason"`
}

// Tool names the program that wrote the record.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Data describes the input.
type Data struct {
	Path         string `json:"path"`
	Observations int    `json:"observations"`
	Indicators   int    `json:"indicators"`
	Entities     int    `json:"entities"`
	Events       int    `json:"events"`
}

// Templates names the brief kind's folder and the hash of each file.
type Templates struct {
	Dir   string            `json:"dir"`
	Files map[string]string `json:"files"`
}

// Output is one file written with the record, with its hash.
type Output struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
	Bytes  int    `json:"bytes"`
}

// Chart is a chart of the brief, by file name.
type Chart struct {
	File   string     `json:"file"`
	Kind   chart.Kind `json:"kind"`
	Title  string     `json:"title"`
	Source string     `json:"source"`
	Points []Point    `json:"points"`
	// Series are the lines of a chart of several series, each with its
	// points as drawn (after the chart's window).
	Series []Series `json:"series,omitempty"`
}

// Series is one line of a chart.
type Series struct {
	Name   string  `json:"name"`
	Points []Point `json:"points"`
}

// Point is one bar of a chart, or one point of a line.
type Point struct {
	Label string  `json:"label"` // the entity (bar) or the period (line)
	Value float64 `json:"value"` // in the chart's unit, unscaled
	Text  string  `json:"text"`  // the value as the brief prints it; "" when the chart does not print it
	// At is a timed line chart's place of the point on its time axis:
	// days since 1970-01-01 of its period's middle; 0 otherwise.
	At float64 `json:"at"`
}

func points(ps []chart.Point) []Point {
	out := make([]Point, len(ps))
	for i, p := range ps {
		out[i] = Point{Label: p.Label, Value: p.Value, Text: p.Text, At: p.At}
	}
	return out
}

// NewOutput hashes a written file's content.
func NewOutput(file string, data []byte) Output {
	sum := sha256.Sum256(data)
	return Output{File: file, SHA256: hex.EncodeToString(sum[:]), Bytes: len(data)}
}

// Charts lists a document's charts for the record.
func Charts(cs []chart.Chart) []Chart {
	out := make([]Chart, 0, len(cs))
	for _, c := range cs {
		ac := Chart{File: c.File, Kind: c.Kind, Title: c.Title, Source: c.Source, Points: points(c.Points)}
		for _, s := range c.Series {
			ac.Series = append(ac.Series, Series{Name: s.Name, Points: points(s.Points)})
		}
		out = append(out, ac)
	}
	return out
}

// Validate, when set, checks every record Marshal writes. Tests set it to
// the check against docs/brief.schema.json (internal/briefschema), so
// that each brief.json and points.json the tests write is held to the
// schema, and a field added without the schema fails them.
var Validate func([]byte) error

// Marshal writes the record as indented JSON with a final newline. Map keys
// are sorted by encoding/json, so the bytes are reproducible. A list is
// [] and a map {} when empty, never null, at any depth (see emptyNotNull).
func (r *Record) Marshal() ([]byte, error) {
	emptyNotNull(reflect.ValueOf(r).Elem())
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	if Validate != nil {
		if err := Validate(b.Bytes()); err != nil {
			return nil, fmt.Errorf("the %s record does not match docs/brief.schema.json: %w", r.Kind, err)
		}
	}
	return b.Bytes(), nil
}

// emptyNotNull replaces every nil slice and nil map reachable from v (an
// addressable value) by an empty one, so that encoding/json writes []
// and {} where it would write null: a reader of brief.json iterates a
// list without a null check, and the schema says "array". A field with
// omitempty stays left out when empty.
func emptyNotNull(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			emptyNotNull(v.Elem())
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if f := v.Field(i); t.Field(i).IsExported() && f.CanSet() {
				emptyNotNull(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			if v.CanSet() {
				v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			}
			return
		}
		if holdsLists(v.Type().Elem()) {
			for i := range v.Len() {
				emptyNotNull(v.Index(i))
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			emptyNotNull(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			if v.CanSet() {
				v.Set(reflect.MakeMap(v.Type()))
			}
			return
		}
		if holdsLists(v.Type().Elem()) {
			it := v.MapRange()
			for it.Next() {
				e := reflect.New(it.Value().Type()).Elem()
				e.Set(it.Value())
				emptyNotNull(e)
				v.SetMapIndex(it.Key(), e)
			}
		}
	}
}

// holdsLists tells whether a value of type t can hold a slice or a map
// (so that a long list of numbers or strings is not walked in vain).
func holdsLists(t reflect.Type) bool {
	return holds(t, map[reflect.Type]bool{})
}

func holds(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Array:
		return holds(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() && holds(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// Previous reads a brief.json written earlier into what the next brief
// compares itself with.
func Previous(data []byte) (*narrative.PreviousBrief, error) {
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	if r.Version == 1 {
		// Version 1 wrote a series' keys as one letter: read them so.
		var v1 struct {
			Series []seriesV1 `json:"series"`
		}
		if err := json.Unmarshal(data, &v1); err != nil {
			return nil, err
		}
		r.Series = make([]narrative.SeriesState, len(v1.Series))
		for i, s := range v1.Series {
			r.Series[i] = s.state()
		}
		r.Version = Version
	}
	if r.Version != Version || r.Period == "" {
		return nil, fmt.Errorf("not a brief.json of this version (version %d, want %d or 1)", r.Version, Version)
	}
	// The file is input like any other: it may have been edited, or be
	// hostile. Nothing of it reaches a brief unchecked: its week is
	// parsed and printed anew, its figures are held to the data's bounds.
	if r.Kind != "weekly" {
		return nil, fmt.Errorf("kind %q: the brief.json of a %s, not of a weekly brief", r.Kind, r.Kind)
	}
	w, err := period.Parse(r.Period)
	if err != nil || w.Kind != period.Week {
		return nil, fmt.Errorf("period %q is not an ISO week such as 2025-W05", r.Period)
	}
	for i, s := range r.Series {
		if err := checkState(s); err != nil {
			return nil, fmt.Errorf("series %d (%s, %s): %v", i+1, s.Indicator, s.Entity, err)
		}
		r.Series[i].Period = mustPeriod(s.Period)
		for j := range s.Earlier {
			s.Earlier[j].Period = mustPeriod(s.Earlier[j].Period)
		}
	}
	lang := r.Lang
	if lang == "" {
		lang = "en" // written before briefs had a language: all were English
	}
	if !langTag.MatchString(lang) {
		return nil, fmt.Errorf("lang %q is not a language tag such as en, ru or kk", lang)
	}
	return &narrative.PreviousBrief{Period: w.String(), Lang: lang, Series: r.Series, Events: r.Events}, nil
}

// seriesV1 is a series as a version 1 brief.json wrote it.
type seriesV1 struct {
	Indicator   string  `json:"i"`
	Entity      string  `json:"e"`
	Counterpart string  `json:"c"`
	Period      string  `json:"p"`
	Value       float64 `json:"v"`
	Unit        string  `json:"u"`
	Stale       bool    `json:"stale"`
	Status      string  `json:"s"`
	Record      string  `json:"record"`
	Earlier     []struct {
		Period string  `json:"p"`
		Value  float64 `json:"v"`
	} `json:"x"`
}

func (s seriesV1) state() narrative.SeriesState {
	st := narrative.SeriesState{Indicator: s.Indicator, Entity: s.Entity, Counterpart: s.Counterpart, Period: s.Period,
		Value: s.Value, Unit: s.Unit, Stale: s.Stale, Status: s.Status, Record: s.Record}
	for _, e := range s.Earlier {
		st.Earlier = append(st.Earlier, narrative.PeriodValue{Period: e.Period, Value: e.Value})
	}
	return st
}

// checkState holds one series of an earlier brief to what the data
// could have said: parseable periods, values within the data's bounds.
func checkState(s narrative.SeriesState) error {
	if s.Indicator == "" || s.Entity == "" {
		return fmt.Errorf("no indicator or entity")
	}
	if _, err := period.Parse(s.Period); err != nil {
		return fmt.Errorf("period %q is not a period", s.Period)
	}
	if !inBounds(s.Value) {
		return fmt.Errorf("value %g is out of the data's bounds", s.Value)
	}
	switch s.Record {
	case "", "high", "low":
	default:
		return fmt.Errorf("record %q: want high or low", s.Record)
	}
	switch s.Status {
	case "", "plan", "target":
	default:
		return fmt.Errorf("status %q: want plan or target", s.Status)
	}
	for _, e := range s.Earlier {
		if _, err := period.Parse(e.Period); err != nil {
			return fmt.Errorf("earlier period %q is not a period", e.Period)
		}
		if !inBounds(e.Value) {
			return fmt.Errorf("earlier value %g is out of the data's bounds", e.Value)
		}
	}
	return nil
}

func inBounds(v float64) bool {
	a := math.Abs(v)
	return v == 0 || a >= dataset.MinMagnitude && a <= dataset.MaxMagnitude
}

// mustPeriod is a checked period in its canonical form.
func mustPeriod(s string) string {
	p, _ := period.Parse(s)
	return p.String()
}

// Points is how many talking points were made and left out.
type Points struct {
	Audience string `json:"audience"`
	Count    int    `json:"count"`
	// Skipped counts candidates left out: too long, beyond --max, or cut
	// to keep the PDF on one page.
	Skipped int `json:"skipped"`
}

// UsedFacts keeps the facts a document's figures name, in set order.
func UsedFacts(all []facts.Fact, sections []narrative.RenderedSection) []facts.Fact {
	used := map[string]bool{}
	for _, s := range sections {
		for _, f := range s.Figures {
			if f.Fact != "" {
				used[f.Fact] = true
			}
		}
	}
	// A share is computed from a total: the total's fact, which lists
	// every member's row, goes into the audit with it.
	for _, f := range all {
		if used[f.ID] && f.Ranking != nil && f.Ranking.TotalOf != "" {
			used[f.Ranking.TotalOf] = true
		}
	}
	out := make([]facts.Fact, 0, len(used))
	for _, f := range all {
		if used[f.ID] {
			out = append(out, f)
		}
	}
	return out
}
