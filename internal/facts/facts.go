// Package facts derives what a brief says from a dataset: latest values,
// changes, ranks, shares, records and status counts, each with the
// observations it came from and a salience score.
package facts

import (
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

// Kind of fact.
type Kind string

// The kinds of SPEC section 3.
const (
	Latest      Kind = "latest"       // latest value of a series
	ChangePrev  Kind = "change_prev"  // change on the previous period
	ChangeYear  Kind = "change_year"  // change on the same period a year earlier
	Rank        Kind = "rank"         // rank among the entities of a group
	Share       Kind = "share"        // share of the group total
	Total       Kind = "total"        // the group total a share is of
	RecordHigh  Kind = "record_high"  // latest value is the series' highest (never of a running total)
	RecordLow   Kind = "record_low"   // latest value is the series' lowest
	StatusCount Kind = "status_count" // number of series of a topic by status
	Outlook     Kind = "outlook"      // a plan or target beyond the latest actual figure

	// Facts of the brief's week, for daily and weekly series (see
	// weekFacts): how the week went, by the indicator's summary.
	WeekClose    Kind = "week_close"    // level: the week's last value against last week's
	WeekRange    Kind = "week_range"    // level: the week's high and low, with their dates
	WeekSum      Kind = "week_sum"      // flow: the week's sum against last week's
	WeekIncrease Kind = "week_increase" // cumulative: the week's increase against last week's

	// Staleness of what a section can report: every series of the
	// indicator (of the topic) has a latest figure that is old (IsStale).
	IndicatorStale Kind = "indicator_stale"
	TopicStale     Kind = "topic_stale"
)

// SeriesKey identifies a series: one indicator for one entity (and one
// counterpart, for bilateral figures).
type SeriesKey struct {
	Indicator   string `json:"indicator"`
	Entity      string `json:"entity"`
	Counterpart string `json:"counterpart,omitempty"`
}

// Series is the observations of one SeriesKey known at the as-of date,
// one per period (the most definitive status wins), oldest first.
type Series struct {
	Key SeriesKey
	Obs []*dataset.Observation
}

// Last is the newest observation of the series.
func (s *Series) Last() *dataset.Observation { return s.Obs[len(s.Obs)-1] }

// Source is the provenance of one figure: the dataset row and its source.
type Source struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Source    string `json:"source"`
	SourceURL string `json:"source_url,omitempty"`
}

// Comparison is a value set against an earlier one.
type Comparison struct {
	Period period.Period `json:"-"`
	Label  string        `json:"period"`
	Value  float64       `json:"value"`
	Abs    float64       `json:"abs"`
	Pct    float64       `json:"pct"`
	HasPct bool          `json:"has_pct"`
	// Missing, on a change on the previous period, is set when the
	// earlier figure is not of the period just before (the data have
	// none for the periods between): the change spans them, and the
	// brief says so ("on December 2000, the latest earlier figure (none
	// for January 2001)").
	Missing *Missing `json:"missing,omitempty"`
	// YearFigure is the calendar year whose one figure the earlier
	// period repeats (dataset.RepeatedYears), or 0: the comparison is
	// with that year's figure, labelled by the year ("on 1899").
	YearFigure int `json:"year_figure,omitempty"`
}

// Missing is the periods a change skips: from From to To, N of them.
type Missing struct {
	From      period.Period `json:"-"`
	To        period.Period `json:"-"`
	FromLabel string        `json:"from"`
	ToLabel   string        `json:"to"`
	N         int           `json:"count"`
}

// Gaps are the periods a record's span has no figure for.
type Gaps struct {
	// Runs are the first MaxGapRuns runs of missing periods, oldest
	// first ("2007" to "2008", 2 periods).
	Runs []Missing `json:"runs"`
	// NRuns counts all the runs; N all the missing periods; Span the
	// periods from the series' first figure to the record's, both
	// included (N of them have no figure).
	NRuns int `json:"run_count"`
	N     int `json:"count"`
	Span  int `json:"span"`
	// Large is set when a third or more of Span has no figure: the
	// record is not to be claimed since the series began.
	Large bool `json:"large,omitempty"`
}

// MaxGapRuns is how many runs of missing periods a record's Gaps lists.
const MaxGapRuns = 3

// Fact is one derived statement. Only the fields of its Kind are set.
type Fact struct {
	ID          string         `json:"id"`
	Kind        Kind           `json:"kind"`
	Topic       string         `json:"topic"`
	Indicator   string         `json:"indicator,omitempty"`
	Entity      string         `json:"entity,omitempty"`
	Counterpart string         `json:"counterpart,omitempty"`
	Group       string         `json:"group,omitempty"`
	Period      period.Period  `json:"-"`
	PeriodLabel string         `json:"period,omitempty"`
	PeriodID    string         `json:"period_id,omitempty"` // the period as written in the data, "2024-Q3"
	Value       float64        `json:"value"`
	Unit        string         `json:"unit,omitempty"`
	Status      dataset.Status `json:"status,omitempty"`
	Note        string         `json:"note,omitempty"`
	// New is set when the figure is this week's (IsNew): released during
	// the brief's week, or, for a row without a release date, for a
	// period that ended in it.
	New bool `json:"new,omitempty"`
	// Stale is set on a latest value whose latest figure is old at the
	// as-of date (IsStale), and on the facts of that series.
	Stale bool `json:"stale,omitempty"`
	// Nominal is set on the facts of a series of money at current prices
	// (dataset.Indicator.IsNominal: the catalog's prices: current, or a
	// currency unit with words saying "current prices", "current US$"):
	// its changes and records move with prices and exchange rates, not
	// with volumes alone.
	Nominal bool `json:"nominal,omitempty"`
	// Week, on the week facts, is the brief's week of a daily or weekly
	// series: its figures, first and last, high and low.
	Week *Week `json:"week,omitempty"`
	// Against is the earlier value of a change.
	Against *Comparison `json:"against,omitempty"`
	// Rank is 1-based among Of entities; Total is the group total of a share.
	Rank  int     `json:"rank,omitempty"`
	Of    int     `json:"of,omitempty"`
	Total float64 `json:"total,omitempty"`
	// Since is the number of earlier points a record beats.
	Since int `json:"since,omitempty"`
	// Gaps, on a record of monthly, quarterly or yearly figures, are the
	// periods between the series' first figure and this one that the
	// data have no figure for: the record is over the figures there are,
	// and "the highest since the series began in 1961" must say that it
	// has none for 2007 to 2008, or, when Gaps.Large, not claim the
	// whole span. nil when the series has no gap.
	Gaps *Gaps `json:"gaps,omitempty"`
	// SinceRepeated, on a record, counts the periods of Since (and the
	// figure itself) that only repeat an annual figure
	// (dataset.RepeatedYears): "the highest of 2,317 months on record
	// (1,524 of them repeat the annual figures of 1833 to 1959)";
	// RepeatedFrom and RepeatedTo are the first and last such year.
	SinceRepeated int `json:"since_repeated,omitempty"`
	RepeatedFrom  int `json:"repeated_from,omitempty"`
	RepeatedTo    int `json:"repeated_to,omitempty"`
	// SinceYears, on a record whose every period repeats an annual
	// figure, says that Since counts years, not months: "the highest of
	// 3 years on record".
	SinceYears bool `json:"since_years,omitempty"`
	// YearFigure, on a monthly or quarterly figure that is one figure
	// for its whole calendar year repeated in each period (annual
	// figures repeated monthly, dataset.RepeatedYears), is that year;
	// its change on the previous month is not news and is not made.
	YearFigure int `json:"year_figure,omitempty"`
	// Counts by status, for StatusCount.
	Counts map[dataset.Status]int `json:"counts,omitempty"`
	// Ranking, on the leader of a group ranking (its first rank fact) and
	// on shares, says what the ranking rests on; nil on other facts (a
	// pointer, so that the million facts of a large dataset stay small).
	Ranking  *Ranking `json:"ranking,omitempty"`
	Sources  []Source `json:"sources"`
	Salience float64  `json:"salience"`
}

// Ranking is what a group ranking and its shares rest on, beyond the
// rank or share of one member.
type Ranking struct {
	// Later, on the leader's rank fact, lists the members that have
	// already published a figure for a period after the ranking's: the
	// ranking is made over the latest period the members share, and these
	// newer figures are reported beside it.
	Later []Later `json:"later,omitempty"`
	// Members, on the leader's rank fact of a ranking that does not rank
	// every member of its group (the entities with a figure of the
	// indicator, same unit and counterpart), is how many members there
	// are: the ranking covers Of of them ("the 185 of 214 entities with
	// figures in 2023"). Zero when every member is ranked.
	Members int `json:"members,omitempty"`
	// TotalOf, on a share, is the ID of the Total fact whose Sources are
	// every row the total adds up.
	TotalOf string `json:"total_of,omitempty"`
	// Inputs, on a share, are every row it was computed from: each
	// member's row of the ranking period, in ranking order (the Sources
	// of the Total fact), kept here for citing. JSON gives them once,
	// under the total, so that a group of n members does not write n²
	// rows.
	Inputs []Source `json:"-"`
}

// Week is what a week fact rests on: the figures of a daily or weekly
// series in the brief's week (up to the as-of day).
type Week struct {
	// Period is the brief's ISO week; N the number of figures in it.
	Period period.Period `json:"-"`
	Label  string        `json:"period"`
	N      int           `json:"count"`
	// First and Last are the week's first and last figures (the close,
	// for a level), named by their periods.
	First Point `json:"first"`
	Last  Point `json:"last"`
	// High and Low are the week's extremes (the earliest on a tie), on
	// WeekRange facts.
	High *Point `json:"high,omitempty"`
	Low  *Point `json:"low,omitempty"`
	// PrevN is the number of figures in the previous week (WeekSum) that
	// the week's sum is compared with: all of them, or those of the same
	// days when the week is Partial.
	PrevN int `json:"prev_count,omitempty"`
	// Partial is set on a daily series whose figures in the week stop on
	// an earlier weekday than the previous week's (an --as-of mid-week,
	// data that end mid-week, a missing day): the week's sum or increase
	// is over its Days days to Last, and Against is the previous week's
	// over the same days, to PrevCut. A close is a level on a day and
	// stays compared with last week's close.
	Partial bool   `json:"partial,omitempty"`
	Days    int    `json:"days,omitempty"`
	PrevCut *Point `json:"prev_cut,omitempty"`
	// Of a running total (WeekIncrease): Flat is set when it did not move
	// in the week (a repeated total: no new figure), Since being the
	// first figure of the unchanged run; Drop is the largest fall within
	// the week (a running total falls only when revised), Drops the
	// number of falls; PrevDrop and PrevFlat say the same of the previous
	// week, which is then not compared (no Against): a week with a
	// revision or without a new figure is not a normal week.
	Flat     bool   `json:"flat,omitempty"`
	Since    *Point `json:"since,omitempty"`
	Drop     *Drop  `json:"drop,omitempty"`
	Drops    int    `json:"drops,omitempty"`
	PrevDrop *Drop  `json:"prev_drop,omitempty"`
	PrevFlat bool   `json:"prev_flat,omitempty"`
}

// Drop is a fall of a running total from one figure to the next.
type Drop struct {
	From Point `json:"from"`
	To   Point `json:"to"`
}

// Point is one figure of a series, named by its period.
type Point struct {
	Period   period.Period `json:"-"`
	Label    string        `json:"period"`
	PeriodID string        `json:"period_id"`
	Value    float64       `json:"value"`
}

// Later is a group member's figure for a period after the one its group's
// ranking is made over.
type Later struct {
	Entity      string         `json:"entity"`
	Period      period.Period  `json:"-"`
	PeriodLabel string         `json:"period"`
	PeriodID    string         `json:"period_id"`
	Value       float64        `json:"value"`
	Unit        string         `json:"unit,omitempty"`
	Status      dataset.Status `json:"status,omitempty"`
	Source      Source         `json:"source"`
}
