package oracle

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/briefschema"
)

// relTol is the relative tolerance of every comparison of two numbers:
// the engine and the oracle may add in another order (a total, a share),
// which changes the last bits of a float64 but never the 9th significant
// digit.
const relTol = 1e-9

func near(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	m := math.Max(math.Abs(a), math.Abs(b))
	return d <= relTol*m || d < 1e-12
}

// knownKinds are the claim kinds the oracle recomputes. A kind outside
// this list fails the test under ORACLE_STRICT=1 and is logged otherwise.
var knownKinds = map[string]bool{
	"latest": true, "change_prev": true, "change_year": true, "rank": true, "share": true,
	"total": true, "record_high": true, "record_low": true, "outlook": true, "status_count": true,
	"week_close": true, "week_range": true, "week_sum": true, "week_increase": true,
	"indicator_stale": true, "topic_stale": true,
}

type weekPoint struct {
	PeriodID string  `json:"period_id"`
	Value    float64 `json:"value"`
}

type weekDrop struct {
	From *weekPoint `json:"from"`
	To   *weekPoint `json:"to"`
}

type source struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// efact is a fact as `brief facts --json` and brief.json write it.
type efact struct {
	ID          string  `json:"id"`
	Kind        string  `json:"kind"`
	Topic       string  `json:"topic"`
	Indicator   string  `json:"indicator"`
	Entity      string  `json:"entity"`
	Counterpart string  `json:"counterpart"`
	Group       string  `json:"group"`
	PeriodID    string  `json:"period_id"`
	Value       float64 `json:"value"`
	Status      string  `json:"status"`
	New         bool    `json:"new"`
	Stale       bool    `json:"stale"`
	Rank        int     `json:"rank"`
	Of          int     `json:"of"`
	Since       int     `json:"since"`
	Total       float64 `json:"total"`
	Against     *struct {
		Period string  `json:"period"`
		Value  float64 `json:"value"`
		Abs    float64 `json:"abs"`
		Pct    float64 `json:"pct"`
		HasPct bool    `json:"has_pct"`
	} `json:"against"`
	Counts map[string]int `json:"counts"`
	Week   *struct {
		N        int        `json:"count"`
		PrevN    int        `json:"prev_count"`
		First    *weekPoint `json:"first"`
		Last     *weekPoint `json:"last"`
		High     *weekPoint `json:"high"`
		Low      *weekPoint `json:"low"`
		Partial  bool       `json:"partial"`
		Days     int        `json:"days"`
		PrevCut  *weekPoint `json:"prev_cut"`
		Flat     bool       `json:"flat"`
		Since    *weekPoint `json:"since"`
		Drops    int        `json:"drops"`
		Drop     *weekDrop  `json:"drop"`
		PrevFlat bool       `json:"prev_flat"`
		PrevDrop *weekDrop  `json:"prev_drop"`
	} `json:"week"`
	Ranking *struct {
		Later []struct {
			Entity   string  `json:"entity"`
			PeriodID string  `json:"period_id"`
			Value    float64 `json:"value"`
		} `json:"later"`
		TotalOf string `json:"total_of"`
	} `json:"ranking"`
	Sources []source `json:"sources"`
	Gaps    *ogaps   `json:"gaps"`
}

// disagreement is one claim on which the engine and the oracle differ.
type disagreement struct {
	Dataset string // "seed 42" or the mapping folder
	Week    string
	Claim   string
	Kind    string
	Field   string
	Engine  string
	Oracle  string
	Rows    []*row
	Known   string // the known issue it belongs to, if any (see knownIssues)
}

func (d disagreement) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, week %s: claim %s: %s: engine %s, oracle %s", d.Dataset, d.Week, d.Claim, d.Field, d.Engine, d.Oracle)
	n := len(d.Rows)
	if n > 25 {
		n = 25
	}
	for _, r := range d.Rows[:n] {
		fmt.Fprintf(&b, "\n      %s", r)
	}
	if len(d.Rows) > n {
		fmt.Fprintf(&b, "\n      ... %d more rows", len(d.Rows)-n)
	}
	return b.String()
}

// result of comparing one run.
type result struct {
	Claims   int            // engine claims of known kinds checked
	Checked  map[string]int // the same by kind
	Agreed   map[string]int // agreed claims by kind
	Agree    int
	Unknown  map[string]int
	Features map[string]int // agreed claims by kind and the cases they cover
	Disagree []disagreement
}

// features names the cases an agreed claim covers, so that a run shows
// what it exercised (part weeks, running totals that stalled or fell,
// rankings with later figures ...).
func features(e efact) []string {
	out := []string{e.Kind}
	if w := e.Week; w != nil {
		add := func(ok bool, name string) {
			if ok {
				out = append(out, e.Kind+"."+name)
			}
		}
		add(w.Partial, "partial")
		add(w.Partial && e.Against != nil, "partial compared")
		add(w.Flat, "flat")
		add(w.Drops > 0, "fell")
		add(w.PrevFlat, "after a flat week")
		add(w.PrevDrop != nil, "after a week that fell")
	}
	if e.Ranking != nil && len(e.Ranking.Later) > 0 {
		out = append(out, e.Kind+".with later figures")
	}
	return out
}

func locKey(file string, line int) string { return fmt.Sprintf("%s:%d", filepath.Base(file), line) }

func rowSet(rows []*row) string {
	var s []string
	seen := map[*row]bool{}
	for _, r := range rows {
		if !seen[r] {
			seen[r] = true
			s = append(s, locKey(r.File, r.Line))
		}
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

func srcSet(src []source) string {
	var s []string
	for _, r := range src {
		s = append(s, locKey(r.File, r.Line))
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

// fnum prints a number exactly; -0 (a value "-0" in the data) prints as 0.
func fnum(f float64) string {
	if f == 0 {
		f = 0
	}
	return fmt.Sprintf("%.17g", f)
}

// compare checks every engine claim against the oracle's, and that no
// claim the oracle derives is missing.
//
// With partial (brief.json, which lists the facts the brief cites), a
// claim the oracle derives may be absent.
//
// Every ranking is also recomputed at the period the engine chose
// (field "at engine's period"): whatever the choice of period, the
// members ranked, their values and positions must be right.
func compare(label, week string, want map[string]*ofact, got []efact, partial bool, d *dataset, asOf time.Time) result {
	res := result{Unknown: map[string]int{}, Features: map[string]int{}, Checked: map[string]int{}, Agreed: map[string]int{}}
	bad := func(id, kind, field, e, o string, rows []*row) {
		res.Disagree = append(res.Disagree, disagreement{Dataset: label, Week: week, Claim: id, Kind: kind, Field: field, Engine: e, Oracle: o, Rows: rows})
	}
	seen := map[string]bool{}
	type laterKey struct{ Ind, Cp, Group string }
	engLater := map[laterKey]map[string]bool{}
	for _, e := range got {
		if !knownKinds[e.Kind] {
			res.Unknown[e.Kind]++
			continue
		}
		res.Claims++
		res.Checked[e.Kind]++
		if seen[e.ID] {
			bad(e.ID, e.Kind, "id", "duplicate claim", "one claim per id", nil)
			continue
		}
		seen[e.ID] = true
		o := want[e.ID]
		if o == nil {
			bad(e.ID, e.Kind, "presence", fmt.Sprintf("claims period %s value %s", e.PeriodID, fnum(e.Value)), "no such claim", nil)
			continue
		}
		rows := append(append([]*row{}, o.Rows...), o.Context...)
		n0 := len(res.Disagree)
		chk := func(field string, ok bool, ev, ov any) {
			if !ok {
				bad(e.ID, e.Kind, field, fmt.Sprint(ev), fmt.Sprint(ov), rows)
			}
		}
		if e.Kind != "status_count" {
			chk("period_id", e.PeriodID == o.PeriodID, e.PeriodID, o.PeriodID)
		}
		chk("value", near(e.Value, o.Value), fnum(e.Value), fnum(o.Value))
		switch e.Kind {
		case "latest":
			// a figure as read, no arithmetic: exact (docs/mapping.md:
			// "scale multiplies by moving the decimal point, so 1234.5 in
			// millions is exactly 1234500000")
			chk("value (exact)", e.Value == o.Value || (e.Value == 0 && o.Value == 0), fnum(e.Value), fnum(o.Value))
			chk("status", e.Status == o.Status, e.Status, o.Status)
			chk("new", e.New == o.New, e.New, o.New)
			chk("stale", e.Stale == o.Stale, e.Stale, o.Stale)
			chk("sources", srcSet(e.Sources) == rowSet(o.Rows), srcSet(e.Sources), rowSet(o.Rows))
		case "change_prev", "change_year", "outlook", "week_close", "week_sum", "week_increase":
			chk("sources", srcSet(e.Sources) == rowSet(o.Rows), srcSet(e.Sources), rowSet(o.Rows))
			if e.Kind != "change_prev" && e.Kind != "change_year" && e.Kind != "outlook" {
				checkWeek(e, o, chk)
			}
			if (e.Against == nil) != (o.Against == nil) {
				chk("against", false, e.Against != nil, o.Against != nil)
				break
			}
			if e.Against == nil {
				break
			}
			a := o.Against
			chk("against.value", near(e.Against.Value, a.Value), fnum(e.Against.Value), fnum(a.Value))
			chk("against.abs", near(e.Against.Abs, a.Abs), fnum(e.Against.Abs), fnum(a.Abs))
			chk("against.has_pct", e.Against.HasPct == a.HasPct, e.Against.HasPct, a.HasPct)
			if a.HasPct && e.Against.HasPct {
				chk("against.pct", near(e.Against.Pct, a.Pct), fnum(e.Against.Pct), fnum(a.Pct))
			}
		case "record_high", "record_low":
			chk("since", e.Since == o.Since, e.Since, o.Since)
			chk("gaps", e.Gaps.String() == o.Gaps.String(), e.Gaps.String(), o.Gaps.String())
		case "rank":
			chk("rank", e.Rank == o.Rank, e.Rank, o.Rank)
			chk("of", e.Of == o.Of, e.Of, o.Of)
			chk("sources", srcSet(e.Sources) == rowSet(o.Rows), srcSet(e.Sources), rowSet(o.Rows))
			k := laterKey{e.Indicator, e.Counterpart, e.Group}
			if engLater[k] == nil {
				engLater[k] = map[string]bool{}
			}
			if e.Ranking != nil {
				for _, l := range e.Ranking.Later {
					engLater[k][fmt.Sprintf("%s@%s=%s", l.Entity, l.PeriodID, fnum(l.Value))] = true
				}
			}
		case "share":
			chk("total", near(e.Total, o.Total), fnum(e.Total), fnum(o.Total))
			chk("of", e.Of == o.Of, e.Of, o.Of)
		case "total":
			chk("of", e.Of == o.Of, e.Of, o.Of)
			chk("sources", srcSet(e.Sources) == rowSet(o.Rows), srcSet(e.Sources), rowSet(o.Rows))
		case "status_count":
			chk("counts", fmt.Sprint(e.Counts) == fmt.Sprint(o.Counts), e.Counts, o.Counts)
		case "week_range":
			checkWeek(e, o, chk)
			if e.Week != nil && e.Week.High != nil && e.Week.Low != nil {
				chk("week.high", near(e.Week.High.Value, o.Week.HighV), fnum(e.Week.High.Value), fnum(o.Week.HighV))
				chk("week.low", near(e.Week.Low.Value, o.Week.LowV), fnum(e.Week.Low.Value), fnum(o.Week.LowV))
			} else {
				chk("week.high/low", false, "absent", "present")
			}
		case "indicator_stale", "topic_stale":
			chk("stale", e.Stale, e.Stale, true)
			chk("sources", srcSet(e.Sources) == rowSet(o.Rows), srcSet(e.Sources), rowSet(o.Rows))
		}
		if len(res.Disagree) == n0 {
			res.Agree++
			res.Agreed[e.Kind]++
			for _, f := range features(e) {
				res.Features[f]++
			}
		}
	}
	// rankings of plans and targets: "Only actual figures and estimates
	// are ranked" (README, "Precisely:")
	for _, e := range got {
		if e.Kind == "rank" && (e.Status == "plan" || e.Status == "target") {
			bad(e.ID, "rank", "ranks a plan or target", e.Status+" for "+e.PeriodID, "only actual and estimate figures are ranked", nil)
		}
	}
	// each ranking, at the period the engine chose
	type rk struct{ Ind, Cp, Group, P string }
	engRank := map[rk][]efact{}
	for _, e := range got {
		if e.Kind == "rank" {
			k := rk{e.Indicator, e.Counterpart, e.Group, e.PeriodID}
			engRank[k] = append(engRank[k], e)
		}
	}
	if d != nil {
		all := d.seriesAt(asOf)
		groups := d.groups()
		for k, es := range engRank {
			var ranked []*row
			for _, m := range groups[k.Group] {
				if s := all[seriesKey{k.Ind, m, k.Cp}]; s != nil {
					for _, r := range s.Figures {
						if r.P.ID == k.P {
							ranked = append(ranked, r)
						}
					}
				}
			}
			byEnt := map[string]*row{}
			for _, r := range ranked {
				byEnt[r.Entity] = r
			}
			for _, e := range es {
				r := byEnt[e.Entity]
				if r == nil {
					bad(e.ID, "rank", "at engine's period: member", "ranked", "no figure for "+k.P, nil)
					continue
				}
				rank := 1
				for _, o := range ranked {
					if o.Value > r.Value {
						rank++
					}
				}
				if !near(e.Value, r.Value) || e.Rank != rank || e.Of != len(ranked) {
					bad(e.ID, "rank", "at engine's period: value/rank/of", fmt.Sprintf("%s/%d/%d", fnum(e.Value), e.Rank, e.Of),
						fmt.Sprintf("%s/%d/%d", fnum(r.Value), rank, len(ranked)), ranked)
				}
			}
			if !partial && len(es) != len(ranked) {
				cpPart := ""
				if k.Cp != "" {
					cpPart = "/vs/" + k.Cp
				}
				bad(fmt.Sprintf("rank/%s/*%s/in/%s", k.Ind, cpPart, k.Group), "rank", "at engine's period: members", fmt.Sprint(len(es)), fmt.Sprint(len(ranked)), ranked)
			}
		}
	}
	// later figures reported beside each ranking
	done := map[laterKey]bool{}
	for _, o := range want {
		if o.Kind != "rank" {
			continue
		}
		k := laterKey{o.Indicator, o.Counterpart, o.Group}
		if done[k] || !seen[o.ID] || partial {
			continue
		}
		done[k] = true
		list := func(ls []later) string {
			var ws []string
			for _, l := range ls {
				ws = append(ws, fmt.Sprintf("%s@%s=%s", l.Entity, l.PeriodID, fnum(l.Value)))
			}
			sort.Strings(ws)
			return strings.Join(ws, " ")
		}
		var es []string
		for s := range engLater[k] {
			es = append(es, s)
		}
		sort.Strings(es)
		if e, w := strings.Join(es, " "), list(o.Later); e != w {
			field := "ranking.later"
			if e == list(o.LaterPlans) {
				field = "ranking.later(plan as a figure)"
			}
			cpPart := ""
			if o.Counterpart != "" {
				cpPart = "/vs/" + o.Counterpart
			}
			bad("rank/"+o.Indicator+"/*"+cpPart+"/in/"+o.Group, "rank", field, "["+e+"]", "["+w+"]", o.Context)
		}
	}
	var ids []string
	for id := range want {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !seen[id] && !partial {
			o := want[id]
			bad(id, o.Kind, "presence", "no such claim", fmt.Sprintf("period %s value %s", o.PeriodID, fnum(o.Value)), append(append([]*row{}, o.Rows...), o.Context...))
		}
	}
	return res
}

// checkWeek compares the week summary of a week fact.
func checkWeek(e efact, o *ofact, chk func(string, bool, any, any)) {
	if e.Week == nil || o.Week == nil {
		chk("week", (e.Week == nil) == (o.Week == nil), e.Week != nil, o.Week != nil)
		return
	}
	ew, ow := e.Week, o.Week
	chk("week.count", ew.N == ow.N, ew.N, ow.N)
	if e.Kind == "week_sum" {
		chk("week.prev_count", ew.PrevN == ow.PrevN, ew.PrevN, ow.PrevN)
	}
	point := func(field string, ep *weekPoint, or *row) {
		es, ov := "none", "none"
		if ep != nil {
			es = ep.PeriodID + "=" + fnum(ep.Value)
		}
		if or != nil {
			ov = or.P.ID + "=" + fnum(or.Value)
		}
		chk(field, (ep == nil) == (or == nil) && (ep == nil || (ep.PeriodID == or.P.ID && near(ep.Value, or.Value))), es, ov)
	}
	point("week.first", ew.First, ow.First)
	point("week.last", ew.Last, ow.Last)
	chk("week.partial", ew.Partial == ow.Partial, ew.Partial, ow.Partial)
	chk("week.days", ew.Days == ow.Days, ew.Days, ow.Days)
	point("week.prev_cut", ew.PrevCut, ow.PrevCut)
	if e.Kind != "week_increase" {
		return
	}
	chk("week.flat", ew.Flat == ow.Flat, ew.Flat, ow.Flat)
	point("week.since", ew.Since, ow.Since)
	chk("week.drops", ew.Drops == ow.Drops, ew.Drops, ow.Drops)
	var ef, et *weekPoint
	if ew.Drop != nil {
		ef, et = ew.Drop.From, ew.Drop.To
	}
	point("week.drop.from", ef, ow.DropFrom)
	point("week.drop.to", et, ow.DropTo)
	chk("week.prev_flat", ew.PrevFlat == ow.PrevFlat, ew.PrevFlat, ow.PrevFlat)
	ef, et = nil, nil
	if ew.PrevDrop != nil {
		ef, et = ew.PrevDrop.From, ew.PrevDrop.To
	}
	point("week.prev_drop.from", ef, ow.PrevFrom)
	point("week.prev_drop.to", et, ow.PrevTo)
}

// --- running the binary ---

// briefBin is the binary TestMain builds.
var briefBin string

// generatedAt fixes the run's "today" so that runs are reproducible.
const generatedAt = "2026-06-01"

func runBrief(dir string, args ...string) ([]byte, error) {
	if err := recordEngineSources(); err != nil {
		return nil, fmt.Errorf("recording the engine's sources for the test cache: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, briefBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("brief %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes(), nil
}

type factsOut struct {
	Week  string  `json:"week"`
	AsOf  string  `json:"as_of"`
	Facts []efact `json:"facts"`
}

func runFacts(dir, data, week string) (*factsOut, error) {
	return runFactsArgs(dir, "facts", "--data", data, "--week", week, "--json")
}

// runFactsAsOf runs `brief facts --as-of DAY`: the data as known at the
// end of that day, for the brief of its week.
func runFactsAsOf(dir, data string, asOf time.Time) (*factsOut, error) {
	return runFactsArgs(dir, "facts", "--data", data, "--as-of", asOf.Format("2006-01-02"), "--json")
}

func runFactsArgs(dir string, args ...string) (*factsOut, error) {
	b, err := runBrief(dir, args...)
	if err != nil {
		return nil, err
	}
	var f factsOut
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("facts --json: %v", err)
	}
	return &f, nil
}

// briefJSON is the part of brief.json the oracle reads.
type briefJSON struct {
	Period  string  `json:"period"`
	AsOf    string  `json:"as_of"`
	Facts   []efact `json:"facts"`
	Changes struct {
		First   bool              `json:"first"`
		Since   string            `json:"since"`
		New     []json.RawMessage `json:"new"`
		Revised []struct {
			Series string  `json:"series"`
			Period string  `json:"period"`
			From   float64 `json:"from"`
			To     float64 `json:"to"`
			Row    string  `json:"row"`
		} `json:"revised"`
		Records []json.RawMessage `json:"records"`
		Stale   []json.RawMessage `json:"stale"`
	} `json:"changes"`
}

func runWeekly(dir, data, week, out string) (*briefJSON, error) {
	if _, err := runBrief(dir, "weekly", "--data", data, "--week", week, "--format", "json", "--out", out,
		"--generated-at", generatedAt, "--offline"); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, out, "weekly", week, "brief.json"))
	if err != nil {
		return nil, err
	}
	// Each brief.json the oracle has written matches docs/brief.schema.json.
	if err := briefschema.Validate(b); err != nil {
		return nil, fmt.Errorf("brief.json of %s: %v", week, err)
	}
	var j briefJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, fmt.Errorf("brief.json: %v", err)
	}
	return &j, nil
}

// changeIDs reads the ids of a list of What-changed items, whether the
// items are ids or objects naming their series.
func changeIDs(items []json.RawMessage) []string {
	var out []string
	for _, it := range items {
		var s string
		if json.Unmarshal(it, &s) == nil {
			out = append(out, s)
			continue
		}
		var m map[string]any
		if json.Unmarshal(it, &m) == nil {
			for _, k := range []string{"series", "id", "fact"} {
				if v, ok := m[k].(string); ok {
					out = append(out, v)
					break
				}
			}
		}
	}
	sort.Strings(out)
	return out
}
