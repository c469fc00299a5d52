package narrative

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// The view types are what templates see. They are typed structs, not maps,
// so a misspelled field is an error at execution, and every string from
// the dataset in them is already escaped for Markdown.

// Brief is the data of one brief.
type Brief struct {
	Title string
	// KindTitle is the manifest's title ("Talking points").
	KindTitle    string
	Organisation string
	Lang         string
	Week         Week
	Generated    string // the generated date as printed, "26 November 2026"
	Topics       []*Topic
	// Highlights are the most salient statements, at most one per indicator.
	Highlights []*Highlight
	// New are the figures released during the week, in catalog order.
	New []*Row
	// HasReleases is set when the data give release dates: only then can
	// the brief say what was (or was not) released during the week.
	HasReleases bool
	// Current are, without release dates, the latest figures whose period
	// ends within the week (this week's figures), in catalog order; with
	// release dates they are New.
	Current []*Row
	// WeekEvents are the events dated within the week.
	WeekEvents []*Event
	// Events are all the developments the brief reports, newest first
	// (not the topics' Context).
	Events []*Event
	// Changes is what moved since the previous brief.
	Changes *Changes
	// NotUsed are the figures the brief leaves out because their period
	// makes them doubtful (Row.Doubt): no list, table or sentence of the
	// brief gives them; the caller warns of each (where it is in the
	// data, and why) and the record lists them; the internal talking
	// points keep them, "Not for public use".
	NotUsed []*Row
	Stats   Stats
	loc     *locale.Locale
	// sourceNames are the sources as the brief's language names them
	// (source_<lang> of an observation or event), by the source as
	// written; nil in English.
	sourceNames map[string]string
	// Covered names the entities every ranking of the brief is of, when
	// they are one unnamed set ("of the six covered"): the summary says
	// them once and the rankings then say "of the six" (nameCoveredSet).
	Covered []string
	// keys are the key messages, chosen once (KeyMessages) when keysDone.
	keys     []*Highlight
	keysDone bool
}

// Locale is the locale the brief is written in.
func (b *Brief) Locale() *locale.Locale {
	if b == nil || b.loc == nil {
		return English()
	}
	return b.loc
}

// Stats counts what the brief covers.
type Stats struct {
	Series     int // series with a figure known at the end of the week
	Indicators int
	Entities   int
	NewFigures int // figures released during the week
	// WeekFigures counts the rows known at the end of the week whose
	// period ends within it (a daily series has up to seven).
	WeekFigures int
	Events      int // events shown in the brief
}

// Week is the brief's week.
type Week struct {
	ID    string // "2025-W06"
	Label string // "Week 6 of 2025"
	Range string // "3–9 February 2025"
	Start time.Time
	End   time.Time
}

// Topic is one section's subject: its indicators and events.
type Topic struct {
	ID         string
	Name       string
	Indicators []*Indicator
	Events     []*Event
	// Context are the topic's events dated by a month or year that began
	// before the brief's event window (Event.Context): background, not
	// developments.
	Context []*Event
	// Stale are the topic's indicators whose every figure is old;
	// AllStale is set when they are all the indicators with figures (the
	// facts' topic_stale), and LatestPeriod is then the newest period of
	// the topic's figures.
	Stale        []*Indicator
	AllStale     bool
	LatestPeriod string
}

// Indicator is one indicator of a topic with its latest figures.
type Indicator struct {
	ID     string
	Name   string // as in the catalog, "Trade turnover"
	Phrase string // for mid-sentence use, "trade turnover" (the catalog's phrase, else the name)
	// Noun is what a count counts, in the plural, and NounOne in the
	// singular ("joint industrial projects"), from the catalog; Verb
	// joins an entity to the figure ("has completed"). Counts is set
	// when the indicator has a Noun and its figures are counts (not money
	// or percentages), so a sentence can say "99 joint industrial
	// projects" (Row.Counted).
	Noun, NounOne, Verb string
	Counts              bool
	// Negative and Positive name a figure below and above zero
	// ("deficit", "surplus"): Row.Signed says "a deficit of €80 million".
	Negative, Positive string
	// Family groups related indicators (the catalog's family, else the
	// indicator alone): talking points and key messages take few of one.
	Family string
	// Superlative is how the top of a ranking is said: "highest" for an
	// amount ("the highest trade turnover"), "most" for a count ("the most
	// jobs created").
	Superlative string
	// Unit is the catalog unit as readers see it ("kt of carbon"),
	// escaped; never a raw unit id.
	Unit        string
	Description string
	HigherIs    string
	// Cumulative is set for a running total (the catalog's summary:
	// cumulative): a figure is a total to date ("2,075 cases in total by
	// 26 January 2020"), a ranking one of totals to date, and it has no
	// records (a rising total is always at its highest).
	Cumulative bool
	// Rows are the latest figure of each series: the Ranking first, then
	// the rest in catalog order.
	Rows []*Row
	// Ranked is set when two or more rows share one period, counterpart and
	// unit, so they can be compared and charted; Ranking holds them,
	// largest first.
	Ranked  bool
	Ranking []*Row
	// Shown are the rows a list or table shows (at most MaxShown); Hidden
	// counts the others, which brief.json keeps.
	Shown  []*Row
	Hidden int
	// Group names the group the Ranked rows are ranked in ("" for all).
	Group string
	// GroupCovered and GroupMembers count the group's members with
	// figures and all its members when some have none (InGroup's
	// "figures for three of its five members"); zero otherwise.
	GroupCovered, GroupMembers int
	// GroupMissing are the group's members without a figure, when at
	// most three: InGroup names them ("in the Central Asia group (no
	// figures for Turkmenistan)") instead of counting; nil otherwise.
	GroupMissing []Entity
	// InGroup says it mid-sentence: "in the Central Asia group", or, when
	// members have no figure, "among the 2 of 3 members of the Central
	// Asia group with figures"; "" without a group.
	InGroup string
	// Period is the Ranking's period label, or the rows' common period,
	// or "".
	Period string
	// Counterpart is the Ranking's (or all rows') counterpart, or nil.
	Counterpart *Entity
	// Later are the latest figures of ranked members that have already
	// published a period after the Ranking's; they are said beside it.
	Later []*Row
	// Stale is set when every figure of the indicator is old (the facts'
	// indicator_stale); LatestPeriod is then the newest period of its
	// figures ("2020").
	Stale        bool
	LatestPeriod string
	// Ended is set on a Stale indicator whose newest figure is old twice
	// over (its period ended more than twice the usual delay before the
	// as-of day: a day's figure 28 days, a year's 36 months): the series
	// ended, and the brief says so rather than that a figure is overdue
	// (the Johns Hopkins recoveries stop on 4 August 2021).
	Ended bool
	// History is the longest series of the indicator (oldest first), for a
	// line chart; it has at most one point per period.
	History []*Row

	raw           string // unescaped name, for chart titles
	unit          string
	label         string // the unit's display label, unescaped
	historyEntity *Entity
	lines         []line       // the ranking's series, for a line chart of several
	dwarfed       *Indicator   // the lines the largest dwarfs, drawn in a chart of their own (Dwarfed)
	split         bool         // a line chart split in two (Dwarfed): each caption names its lines
	groupRaw      string       // the group's name, unescaped, for chart titles
	groupForms    *locale.Noun // the group's forms in a language other than English (langGroup)
	// covered is set on a ranking of every entity the data cover, said
	// "of the six covered" (InGroup) until the summary names the set
	// (Brief.Covered), then "of the six".
	covered bool
	// SetNamed is set when the summary names the ranking's set
	// (Brief.Covered): the ranking says "of the six", "in all six".
	SetNamed bool
	words    *Words
	lang     *dataset.LangWording // the catalog's wording in a brief's language other than English
	enRaw    string               // the English name and phrase, which NoteAdds weighs a note against
	enPhrase string
	loc      *locale.Locale
}

// Entity is an entity's names, escaped.
type Entity struct {
	ID    string
	Name  string
	Short string
	// Ref is the name as a sentence says it, with the article the
	// language's words give it ("the Russian Federation"); a sentence
	// that opens with it capitalises it.
	Ref string
	// Plural is set for a name that takes a plural verb ("the Cayman
	// Islands are"), by the language's words (plural_last).
	Plural bool
	raw    string // unescaped short name, for charts
	// forms are the name's case forms and gender in a brief's language
	// other than English, from the catalog (dataset.EntityForms); nil
	// when the catalog lacks them.
	forms *locale.Noun
	loc   *locale.Locale
}

// Row is the latest figure of one series and what is known about it.
type Row struct {
	// boxed is set when a key message gives the figure as it stands (a
	// plain figure, no change or record): the topic's sentences then say
	// more than the box, not the same figure again (Topic.Lead).
	boxed       bool
	Fact        *facts.Fact
	Indicator   *Indicator
	Entity      Entity
	Counterpart *Entity
	Period      string // "2024", "February 2025"
	Value       float64
	Text        string // formatted value with unit, "$27.8 billion"
	Status      string // actual | estimate | plan | target
	Note        string // escaped, may be ""
	New         bool   // released during the week
	// ThisWeek is set on this week's figure: released during the week,
	// or, when the data give no release dates, for a period that ends
	// within it.
	ThisWeek bool
	Change   *Change
	YearAgo  *Change
	// Week is how the brief's week went, for a daily or weekly series
	// with figures in it; nil otherwise.
	Week        *WeekFig
	Outlook     *Outlook // the nearest plan or target beyond the figure
	Rank        int      // 1-based rank in Indicator.Group, 0 if not ranked
	Of          int
	Share       *Share // share of the group total, or nil
	Record      string // "highest", "lowest" or ""
	RecordSince int    // number of earlier periods the record beats
	// RecordRepeats says how many of the periods a record counts only
	// repeat an annual figure: "1,524 of the 2,317 months repeat the
	// annual figures of 1833 to 1959"; "" when none do.
	RecordRepeats string
	// Repeated, on a monthly or quarterly figure that is its year's one
	// figure repeated in each period, says so: "the data give one figure
	// for the whole of 1900, repeated each month".
	Repeated string
	// Periods names the row\'s periods in the plural: "years", "quarters",
	// "months", "weeks" or "days".
	Periods string
	// RecordFrom is the first period of the data a record is counted
	// over ("1960"): "its highest in data going back to 1960".
	RecordFrom string
	// RecordGaps is set when the annual series a record is counted over
	// misses years between RecordFrom and the figure: the sentence says
	// the series has gaps.
	RecordGaps bool
	// Current is set on a monthly or quarterly stock (no flow, no running
	// total) released within its own period: the figure as it stands,
	// said in the present "as of" its period ("Kazakhstan has 45 joint
	// industrial projects under way with Russia as of February 2025"),
	// not in the past tense of a month that is not over.
	Current bool
	// ToDate is set when the figure's source calls it a total to date
	// ("Projects implemented to date."): a sentence says it "as of" its
	// period (When), the Text keeps "to date".
	ToDate bool
	// Due, on a plan or target, is the period it is due in, said after
	// its preposition ("by 2030"), when its period lies after the day it
	// was stated (its release, else the brief's day); "" when the
	// period is only the month the plan was reported in.
	Due      string
	qual     string    // the qualifier before the figure ("about"), or ""
	suffix   string    // the caveat after it (" to date", " so far"), or ""
	upTo     time.Time // the day a flow's figure for part of its period was released, or zero
	decimals int
	label    string        // the unit's display label, unescaped
	plain    string        // the value as text without Markdown escapes, for charts
	sources  []string      // unescaped source names, for charts
	at       time.Time     // a history row's period middle, for a timed chart
	per      period.Period // a history row's period (it has no Fact)
	unit     string        // a history row's unit (it has no Fact)
	loc      *locale.Locale
}

// Change is a row's change against an earlier period.
type Change struct {
	Fact *facts.Fact
	// Text is the change with its Caveat: "up 4.2% on 2023", "down 0.081
	// percentage points on December 2000, the latest earlier figure
	// (none for January 2001)"; On is it without the Caveat, for a
	// sentence that puts the earlier value right after the period ("On
	// (From)Caveat").
	Text   string
	On     string
	Caveat string
	From   string // the earlier value, "$26.7 billion"
	Label  string // the earlier period, "2023"
	Dir    int    // -1, 0, +1
	// Short is the change alone, "up 4.2%", for a table whose header
	// says what it is on; ToZero is set when the figure fell to zero
	// from another ("fell to zero", never "down 100%").
	Short  string
	ToZero bool
	// Assessment reads the change through the indicator's higher_is:
	// "an improvement", "a deterioration", or "" when neutral.
	Assessment string
	// Points is set for a change of a rate, said in percentage points:
	// a sentence says where it came from ("down from 19.8% in 2022"),
	// not "9.9%, down 9.9 percentage points".
	Points bool
	label  string // the unit's display label, unescaped
	row    *Row
}

// Alike says the earlier figure prints as the latest does ("0.21%" for
// 0.210% and 0.207%): a sentence then says the figure is little
// changed, never "stood at 0.21%, down from 0.21%" (red team round 23,
// seen in passing on Euribor, May 2013).
func (c *Change) Alike() bool {
	return c != nil && c.row != nil && c.From == c.row.Text
}

// FromBare is From without its unit word ("1,300.0" of "1,300.0 kt
// CO2e"), for a sentence that has said the unit.
func (c *Change) FromBare() string {
	if c.row == nil || c.Fact == nil {
		return c.From
	}
	return c.row.trimUnit(c.From, c.Fact.Unit)
}

// Share is a row's share of its group's total; citing it cites every
// figure of the total.
type Share struct {
	Fact *facts.Fact
	Text string // "64.7%"
}

// Outlook is a plan or target for a period after a row's latest figure.
type Outlook struct {
	Fact   *facts.Fact
	Text   string // "15%"
	Period string // "2030"
	Status string // plan | target
}

// Event is a dated qualitative item, escaped.
type Event struct {
	Date     string // "3 February 2025", "2024"
	Title    string
	Summary  string
	Topic    string
	Entities []Entity
	InWeek   bool
	Upcoming bool // starts after the week (never after the as-of day)
	// Context is set on an event dated by a month or year that began
	// before the brief's event window: it was a development of the
	// weeks after that period began, and is now background.
	Context bool
	// Quote is set when the summary reports what a person said (a verb
	// of speech of the language's words): an attributed statement, said
	// as written, with its speaker.
	Quote bool
	// Line is the event in one sentence: its summary when that is short
	// enough to say (MaxSayWords), else its title.
	Line string
	// KeyLine is Line as a key message says it: a sentence that opens
	// with its source says the claim first ("Rosatom is on the shortlist
	// …, according to the article."), so the box does not repeat the
	// list word for word.
	KeyLine string
	// Reported is set when the event's day is a day its source released
	// figures on: the day it was reported, most likely, not the day it
	// happened ("(reported 3 February 2025)").
	Reported bool
	// PressLine is KeyLine for a press point: a source the audience does
	// not have ("the article") is said as the words' press attribution
	// ("according to reports").
	PressLine string
	// Keyed is set on an event the key messages give in full: the
	// topic's list (Topic.Developments) does not repeat it.
	Keyed bool
	ev    *dataset.Event
	topic *Topic // the topic the event is reported under
}

// Highlight is one statement of the summary.
type Highlight struct {
	Kind string // "leader", "change", "record", "week", "latest", "event" and "breadth" (key messages)
	// ThisWeek is set when the statement is about this week's figure;
	// the others are context.
	ThisWeek  bool
	Topic     *Topic
	Indicator *Indicator
	Row       *Row
	// Event is the event of a key message of Kind "event" (see
	// KeyMessages), nil otherwise.
	Event *Event
	// WithChange, on a key message of Kind "leader", asks for the
	// leader's own change in the same sentence ("fell 10.8% to $2.0
	// trillion, still the highest of the six").
	WithChange bool
	// Rows and Dir, on a key message of Kind "breadth", are the series
	// that all moved one way (Dir, -1 or +1); Row is the largest move.
	Rows     []*Row
	Dir      int
	salience float64
}

// BuildOptions say which brief to build.
type BuildOptions struct {
	Title        string
	KindTitle    string
	Organisation string
	Lang         string
	Week         period.Period
	Generated    time.Time
	// MaxHighlights bounds the summary (default 5).
	MaxHighlights int
	// EventWindow is how far before the week events are still reported
	// (default 92 days).
	EventWindow time.Duration
	// Previous is the brief before this one, for "What changed"; nil for
	// the first brief.
	Previous *PreviousBrief
	// Group is the group a --per group brief is about: its rankings are
	// made within it.
	Group string
	// AsOf is the last day the brief knows of (default: the week's end):
	// events dated after it are left out.
	AsOf time.Time
	// Words are the language's words (articles, acronyms, verbs of
	// speech); nil says names as given.
	Words *Words
	// Locale writes the brief's numbers, dates and phrases; nil is
	// English. Lang, when empty, is its tag.
	Locale *locale.Locale
}

// Build turns a fact set into the view of one brief.
func Build(ds *dataset.Dataset, set *facts.Set, o BuildOptions) *Brief {
	if o.MaxHighlights == 0 {
		o.MaxHighlights = 5
	}
	if o.EventWindow == 0 {
		o.EventWindow = 92 * 24 * time.Hour
	}
	if o.AsOf.IsZero() || o.AsOf.After(o.Week.End) {
		o.AsOf = o.Week.End
	}
	if o.Words == nil {
		o.Words = noWords
	}
	if o.Locale == nil {
		o.Locale = English()
	}
	if o.Lang == "" {
		o.Lang = o.Locale.ID()
	}
	loc := o.Locale
	// Whether the data give release dates is a matter of their shape, not
	// of the day: asked of the data as loaded, so that a week before the
	// first release still says that nothing was released.
	hasReleases := ds.HasReleased()
	if v := set.Dataset(); v != nil {
		ds = v // the data as known on the as-of day: no later row or event
	}
	b := &Brief{
		Title: format.EscapeMarkdown(o.Title), KindTitle: format.EscapeMarkdown(o.KindTitle), Organisation: format.EscapeMarkdown(o.Organisation), Lang: o.Lang,
		Week: Week{
			ID: o.Week.String(), Label: capital(periodLabel(loc, o.Week)),
			Range: loc.DateRange(o.Week.Start, o.Week.End), Start: o.Week.Start, End: o.Week.End,
		},
		Generated:   loc.Date(o.Generated),
		HasReleases: hasReleases,
		loc:         loc,
		sourceNames: sourceNames(ds, o.Lang),
	}
	ents := map[string]Entity{}
	for _, e := range ds.Entities {
		short := e.Short
		if n := e.Names[o.Lang]; short == "" || (n != "" && o.Lang != "en" && o.Lang != "") {
			// A short name is written in the catalog's own language: a
			// brief in another language uses the name in that language.
			short = e.Name(o.Lang)
		}
		name := e.Name(o.Lang)
		ev := Entity{ID: e.ID, Name: format.EscapeMarkdown(name), Short: format.EscapeMarkdown(short), Ref: format.EscapeMarkdown(o.Words.ref(name)), Plural: o.Words.plural(name), raw: short}
		if loc.ID() != "en" {
			ev.loc = loc
			if n, err := ds.EntityForms(e.ID, loc); err == nil {
				ev.forms = &n
			}
		}
		ents[e.ID] = ev
	}
	// The one entity of data that name it only by its ISO 4217 code
	// ("XAU" of a gold price series) is no subject a reader knows: a
	// sentence says "the gold price", not "XAU's gold price" (Ref is
	// empty). A country's code ("KAZ") stays: it says whose figure it is.
	anonymous := ""
	if !ds.HasEntityCatalog {
		for _, sr := range set.Series {
			if anonymous == "" {
				anonymous = sr.Key.Entity
			} else if sr.Key.Entity != anonymous {
				anonymous = ""
				break
			}
		}
		if e, ok := ents[anonymous]; ok && e.raw != anonymous || !format.IsCurrency(anonymous) {
			anonymous = "" // named in the data, or a code a reader knows
		}
	}
	if e, ok := ents[anonymous]; ok {
		e.Ref = ""
		ents[anonymous] = e
	}
	entity := func(id string) Entity {
		if e, ok := ents[id]; ok {
			return e
		}
		esc := format.EscapeMarkdown(id)
		e := Entity{ID: id, Name: esc, Short: esc, Ref: format.EscapeMarkdown(o.Words.ref(id)), raw: id}
		if id == anonymous {
			e.Ref = ""
		}
		return e
	}
	topics := map[string]*Topic{}
	for _, t := range ds.Topics {
		tv := &Topic{ID: t.ID, Name: format.EscapeMarkdown(t.Name)}
		if loc.ID() != "en" {
			if n, err := ds.TopicName(t.ID, loc); err == nil {
				tv.Name = format.EscapeMarkdown(n.Nominative())
			} else if t.ID == dataset.DefaultTopic.ID && t.Name == dataset.DefaultTopic.Name {
				// The one topic of a dataset without a catalog of
				// topics is named by the language («Показатели»).
				if p, err := loc.Phrase("topic.default"); err == nil {
					tv.Name = format.EscapeMarkdown(p)
				}
			}
		}
		topics[t.ID] = tv
		b.Topics = append(b.Topics, tv)
	}
	lb := newLabels(ds)
	indicators := map[string]*Indicator{}
	for _, in := range ds.Indicators {
		label := lb.of(in.ID, in.Unit)
		name := displayName(in, o.Words)
		wd := in.Wording
		phrase := wd.Phrase
		if phrase == "" {
			phrase = o.Words.phrase(name)
		}
		iv := &Indicator{
			ID: in.ID, Name: format.EscapeMarkdown(name), Phrase: format.EscapeMarkdown(phrase),
			Unit: format.EscapeMarkdown(label), Description: format.EscapeMarkdown(in.Description), HigherIs: string(in.HigherIs),
			raw: name, unit: in.Unit, label: label, Superlative: en("superlative.highest"),
			Cumulative: in.WeeklySummary() == dataset.SummaryCumulative,
			Noun:       format.EscapeMarkdown(wd.Noun), NounOne: format.EscapeMarkdown(nounOne(wd.Noun, wd.NounOne)), Verb: format.EscapeMarkdown(wd.Verb),
			Negative: format.EscapeMarkdown(wd.Negative), Positive: format.EscapeMarkdown(wd.Positive), Family: wd.Family,
			words: o.Words,
		}
		if iv.Family == "" {
			iv.Family = in.ID
		}
		if iv.Noun == "" && wd.Verb == "" && format.IsCountNoun(in.Unit) && hasWord(phrase, label) {
			// A count whose name says what it counts ("Foreign
			// visitors" in visitors) is said by its name: "about 12
			// million foreign visitors".
			iv.Noun = iv.Phrase
		}
		iv.Counts = iv.Noun != "" && !format.IsCurrency(in.Unit) && !format.IsPercent(in.Unit)
		if format.IsCountNoun(in.Unit) {
			iv.Superlative = en("superlative.most")
		}
		if loc.ID() != "en" {
			iv.langWording(ds, loc)
		}
		indicators[in.ID] = iv
		if t := topics[in.Topic]; t != nil {
			t.Indicators = append(t.Indicators, iv)
		}
	}
	decimals := indicatorDecimals(ds, set, lb)
	notes := noteIndex(ds, o.Lang)
	flow := flowIndicators(ds)
	var released map[rowPos]time.Time      // made at the first plan or target
	var stockReleases map[rowPos]time.Time // made at the first monthly or quarterly stock
	inWeek := func(p period.Period) bool {
		return !p.End.Before(o.Week.Start) && !p.End.After(o.Week.End)
	}
	newRow := func(f *facts.Fact, iv *Indicator) *Row {
		label := lb.of(f.Indicator, f.Unit)
		d := decimals[f.Indicator]
		r := &Row{
			Fact: f, Indicator: iv, Entity: entity(f.Entity), Period: f.PeriodLabel, Value: f.Value,
			Periods: en("period.many." + f.Period.Kind.String()), decimals: d, label: label,
			Text: valueMD(f.Value, f.Unit, label, d), plain: format.ValueLabel(f.Value, f.Unit, label, d),
			Status: string(f.Status), New: f.New, loc: loc,
		}
		if f.Counterpart != "" {
			c := entity(f.Counterpart)
			r.Counterpart = &c
		}
		if y := f.YearFigure; y != 0 {
			r.Repeated = en("row.repeated", "y", strconv.Itoa(y), "kind", en("period.one."+f.Period.Kind.String()))
		}
		r.ThisWeek = f.New // released in the week, or without release dates, for a period ending in it
		r.Note = format.EscapeMarkdown(noteIn(notes, f, o.Lang))
		qualify(r, f, flow[f.Indicator], o.AsOf)
		if isForward(r) && len(f.Sources) > 0 {
			if released == nil {
				released = planReleases(ds)
			}
			setDue(r, released[rowPos{f.Sources[0].File, f.Sources[0].Line}], o.AsOf)
		} else if len(f.Sources) > 0 && flow[f.Indicator] == nil && !iv.Cumulative && (f.Period.Kind == period.Month || f.Period.Kind == period.Quarter) {
			if stockReleases == nil {
				stockReleases = releasesOf(ds)
			}
			rel := stockReleases[rowPos{f.Sources[0].File, f.Sources[0].Line}]
			r.Current = !rel.IsZero() && !rel.Before(f.Period.Start) && rel.Before(f.Period.End)
		}
		for _, src := range f.Sources {
			r.sources = append(r.sources, b.sourceName(src.Source))
		}
		return r
	}

	// Rows from the fact set, in its (catalog) order.
	rows := map[facts.SeriesKey]*Row{}
	ranks := map[string][]*facts.Fact{} // by indicator
	shares := map[shareKey]*facts.Fact{}
	weeks := map[facts.SeriesKey]*facts.Fact{}     // close, sum or increase
	ranges := map[facts.SeriesKey]*facts.Fact{}    // a level's low and high
	var seriesOf map[facts.SeriesKey]*facts.Series // for records, made when one is met
	for i := range set.Facts {
		f := &set.Facts[i]
		k := facts.SeriesKey{Indicator: f.Indicator, Entity: f.Entity, Counterpart: f.Counterpart}
		switch f.Kind {
		case facts.Latest:
			iv := indicators[f.Indicator]
			if iv == nil {
				continue
			}
			r := newRow(f, iv)
			rows[k] = r
			iv.Rows = append(iv.Rows, r)
		case facts.ChangePrev, facts.ChangeYear:
			r := rows[k]
			if r == nil {
				continue
			}
			// Both figures with the indicator's decimals, never more: two
			// that print alike are "little changed" (Change.Text).
			d := decimals[f.Indicator]
			from := valueMD(f.Against.Value, f.Unit, r.label, d)
			c := &Change{
				Fact: f, From: from, Label: f.Against.Label, label: r.label, row: r,
				On:         changeText(f.Value, f.Against.Value, f.Unit, r.label, d, -1, en("at.on")+f.Against.Label),
				Caveat:     changeCaveat(f.Against),
				Dir:        sign(f.Value - f.Against.Value),
				Assessment: format.Assessment(f.Value, f.Against.Value, r.Indicator.HigherIs),
				Points:     format.IsPercent(f.Unit),
			}
			// A change across zero means something else on each side
			// (inflation and deflation, surplus and deficit): no verdict.
			if f.Value < 0 != (f.Against.Value < 0) {
				c.Assessment = ""
			}
			// Below zero, an indicator that is bad when high and names its
			// negative side (inflation: "deflation") is another thing:
			// a deeper deflation is no improvement, an easing one no
			// deterioration. (A deficit that deepens, higher_is: good, is
			// still judged: there lower is worse on both sides.)
			if r.Indicator.Negative != "" && strings.EqualFold(strings.TrimSpace(r.Indicator.HigherIs), "bad") && (f.Value < 0 || f.Against.Value < 0) {
				c.Assessment = ""
			}
			c.Text = c.On + c.Caveat
			c.Short = strings.TrimSuffix(c.On, en("change.on")+f.Against.Label)
			if f.Value == 0 && f.Against.Value != 0 {
				c.ToZero = true
			}
			if f.Kind == facts.ChangePrev {
				r.Change = c
			} else {
				r.YearAgo = c
			}
		case facts.Outlook:
			if r := rows[k]; r != nil {
				r.Outlook = &Outlook{Fact: f, Text: valueMD(f.Value, f.Unit, lb.of(f.Indicator, f.Unit), decimals[f.Indicator]), Period: f.PeriodLabel, Status: string(f.Status)}
			}
		case facts.RecordHigh, facts.RecordLow:
			// An overdue figure is no news, and no record either (a
			// 2014 GDP "the highest since 1960" in a brief of 2023).
			if r := rows[k]; r != nil && !r.Overdue() {
				r.Record, r.RecordSince = en("record.highest"), f.Since
				if f.SinceYears {
					r.Periods = en("record.periods_years")
				}
				if n := f.SinceRepeated; n > 0 {
					r.RecordRepeats = en("record.repeats", "n", format.Number(float64(n), 0), "m", format.Number(float64(f.Since+1), 0), "periods", en("period.many."+f.Period.Kind.String()), "years", yearSpan(f.RepeatedFrom, f.RepeatedTo))
				}
				if f.Kind == facts.RecordLow {
					r.Record = en("record.lowest")
				}
				if seriesOf == nil {
					seriesOf = make(map[facts.SeriesKey]*facts.Series, len(set.Series))
					for _, s := range set.Series {
						seriesOf[s.Key] = s
					}
				}
				r.RecordFrom = recordFrom(seriesOf[k], f)
				r.RecordGaps = recordGaps(seriesOf[k], f)
			}
		case facts.WeekClose, facts.WeekSum, facts.WeekIncrease:
			if rows[k] != nil {
				weeks[k] = f
			}
		case facts.WeekRange:
			if rows[k] != nil && f.Week != nil && f.Week.Low != nil && f.Week.High != nil {
				ranges[k] = f
			}
		case facts.IndicatorStale:
			if iv := indicators[f.Indicator]; iv != nil {
				iv.Stale, iv.LatestPeriod = true, f.PeriodLabel
				end := f.Period.End
				iv.Ended = !o.AsOf.IsZero() && end.Add(2*facts.StaleFrom(f.Period).Sub(end)).Before(o.AsOf)
			}
		case facts.TopicStale:
			if t := topics[f.Topic]; t != nil {
				t.AllStale, t.LatestPeriod = true, f.PeriodLabel
			}
		case facts.Rank:
			ranks[f.Indicator] = append(ranks[f.Indicator], f)
		case facts.Share:
			shares[shareKey{f.Indicator, f.Entity, f.Counterpart, f.Group, f.PeriodID}] = f
		}
	}
	// A week's figures with its range, which one sentence compares.
	for k, f := range weeks {
		r := rows[k]
		r.Week = weekFig(f, ranges[k], r, o.Week.End.Year())
	}
	groupSize := ds.GroupSizes() // once: the entity catalog may hold thousands
	members := map[string][]string{}
	for _, e := range ds.Entities {
		for _, g := range e.Groups {
			if groupSize[g] <= maxGroupNamed+12 {
				members[g] = append(members[g], e.ID)
			}
		}
	}
	for _, in := range ds.Indicators {
		iv := indicators[in.ID]
		finishIndicator(ds, iv, set, ranking{
			facts: ranks[in.ID], shares: shares, rows: rows, preferred: o.Group, groupSize: groupSize, members: members,
			newRow: func(f *facts.Fact) *Row { return newRow(f, iv) }, entity: entity,
		}, lb)
	}
	b.Stats.Indicators = len(ds.Indicators)
	b.Stats.Entities = len(ds.Entities)
	b.Stats.Series = len(rows)

	// Events: those of the week, recent ones, and upcoming ones, as known
	// on the as-of day: an event dated after it is not known yet. An
	// event is reported on the first day of its date: events.csv gives
	// no release date, so an event known only by its month or year
	// (2025) is a development of the week that period begins and of the
	// EventWindow after it, like an event of that day; afterwards, while
	// its period still reaches into the window, it is context
	// (Topic.Context), not a development.
	from := o.Week.Start.Add(-o.EventWindow)
	evs := make([]*dataset.Event, 0, len(ds.Events))
	for i := range ds.Events {
		e := &ds.Events[i]
		if e.Date.End.Before(from) || e.Date.Start.After(o.AsOf) {
			continue
		}
		evs = append(evs, e)
	}
	sort.SliceStable(evs, func(i, j int) bool { return period.Compare(evs[i].Date, evs[j].Date) > 0 })
	// A day an event shares with the release of its source's figures is
	// most likely the day the source reported it, not the day it
	// happened: the internal sheet says "reported" (Event.Reported).
	var reportedOn map[string]map[time.Time]bool
	if len(evs) > 0 {
		reportedOn = map[string]map[time.Time]bool{}
		for i := range ds.Observations {
			ob := &ds.Observations[i]
			if ob.Released.IsZero() {
				continue
			}
			src := o.Words.publication(ob.Source)
			if reportedOn[src] == nil {
				reportedOn[src] = map[time.Time]bool{}
			}
			reportedOn[src][ob.Released] = true
		}
	}
	for _, e := range evs {
		ev := &Event{
			Date: e.Date.Label(), Title: format.EscapeMarkdown(e.Title), Summary: format.EscapeMarkdown(e.Summary),
			Topic:  e.Topic,
			InWeek: !e.Date.Start.Before(o.Week.Start) && !e.Date.Start.After(o.Week.End),
			// An event that begins after the week is still to come.
			Upcoming: e.Date.Start.After(o.Week.End), ev: e,
			// A month or a year that ended before the week is background
			// too: a December 2024 visit is no development of a February
			// 2025 week, even if the week's source reported it.
			Context: e.Date.Start.Before(from) || e.Date.Kind != period.Day && e.Date.End.Before(o.Week.Start),
			Quote:   o.Words.quotes(e.Summary),
		}
		if o.Lang != "en" && o.Lang != "" {
			if title, summary, _, err := e.Text(o.Lang); err == nil {
				ev.Title, ev.Summary = format.EscapeMarkdown(title), format.EscapeMarkdown(summary)
				ev.Quote = o.Words.quotes(summary)
			}
		}
		ev.Line = sentence(ev.Summary)
		if ev.Line == "" || len(strings.Fields(ev.Line)) > MaxSayWords && !ev.Quote {
			ev.Line = sentence(ev.Title)
		}
		ev.KeyLine = o.Words.reattribute(ev.Line, false)
		ev.Reported = e.Date.Kind == period.Day && reportedOn[o.Words.publication(e.Source)][e.Date.Start]
		ev.PressLine = o.Words.reattribute(ev.Line, true)
		for _, id := range e.Entities {
			ev.Entities = append(ev.Entities, entity(id))
		}
		t := topics[e.Topic]
		if t == nil && len(b.Topics) > 0 {
			t = b.Topics[0]
		}
		b.Stats.Events++
		if ev.Context {
			if t != nil {
				t.Context = append(t.Context, ev)
			}
			continue
		}
		if t != nil {
			t.Events = append(t.Events, ev)
			ev.topic = t
		}
		if ev.InWeek {
			b.WeekEvents = append(b.WeekEvents, ev)
		}
		b.Events = append(b.Events, ev)
	}
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			for _, r := range iv.Rows {
				if r.Fact.Kind != facts.Latest {
					continue // a ranking's earlier figure of a series listed again
				}
				if r.New {
					b.New = append(b.New, r)
					b.Stats.NewFigures++
				}
				if !b.HasReleases && inWeek(r.Fact.Period) && !isForward(r) {
					b.Current = append(b.Current, r)
				}
			}
		}
		b.withhold(t)
		finishTopic(t)
	}
	for _, s := range set.Series {
		for i := len(s.Obs) - 1; i >= 0 && !s.Obs[i].Period.End.Before(o.Week.Start); i-- {
			if ob := s.Obs[i]; inWeek(ob.Period) && ob.Status != dataset.Plan && ob.Status != dataset.Target {
				b.Stats.WeekFigures++
			}
		}
	}
	b.Highlights = highlights(b, o.MaxHighlights)
	b.Changes = changes(b, set, o.Previous, rows, decimals, lb)
	b.nameCoveredSet()
	b.keys, b.keysDone = b.keyMessages(), true
	b.unrepeatKeyEvents()
	return b
}

// isForward reports whether a row is a plan or a target.
func isForward(r *Row) bool {
	return r.Status == string(dataset.Plan) || r.Status == string(dataset.Target)
}

// labels caches the display label of each (indicator, unit).
type labels struct {
	ds *dataset.Dataset
	m  map[[2]string]string
}

func newLabels(ds *dataset.Dataset) *labels {
	return &labels{ds: ds, m: map[[2]string]string{}}
}

func (l *labels) of(indicator, unit string) string {
	k := [2]string{indicator, unit}
	s, ok := l.m[k]
	if !ok {
		s = l.ds.UnitLabel(indicator, unit)
		l.m[k] = s
	}
	return s
}

// shareKey finds the share fact of a rank fact.
type shareKey struct{ indicator, entity, counterpart, group, period string }

// ranking is what finishIndicator needs to build an indicator's ranking
// from the rank facts.
type ranking struct {
	facts     []*facts.Fact // the indicator's rank facts, every group
	shares    map[shareKey]*facts.Fact
	rows      map[facts.SeriesKey]*Row
	preferred string
	groupSize map[string]int
	// members are the entities of each group small enough that its
	// missing members could be named (catalog order).
	members map[string][]string
	newRow  func(*facts.Fact) *Row
	entity  func(string) Entity
}

// maxGroupNamed is how many members of a group without a figure a
// ranking names ("none for Turkmenistan"); more are counted.
const maxGroupNamed = 3

// missing are the members of a group with no figure in a ranking, when
// there are at most maxGroupNamed of them; nil otherwise.
func (rk ranking) missing(group string, bucket []*facts.Fact) []Entity {
	in := map[string]bool{}
	for _, f := range bucket {
		in[f.Entity] = true
	}
	var out []Entity
	for _, id := range rk.members[group] {
		if !in[id] {
			out = append(out, rk.entity(id))
		}
	}
	if len(out) > maxGroupNamed || len(out) != rk.groupSize[group]-len(in) {
		return nil
	}
	return out
}

// MaxShown is how many figures of one indicator a list, table or chart
// shows; the audit record keeps them all.
const MaxShown = 10

// MaxLater is how many newer figures are named beside a ranking.
const MaxLater = 3

// finishIndicator builds an indicator's ranking from its rank facts: the
// facts rank the members of a group over the latest period they share,
// each with its figure for that period (which may be older than the
// member's latest), and list the members that already published a later
// period. Then it orders the rows, picks the history for a chart and
// notes staleness.
func finishIndicator(ds *dataset.Dataset, iv *Indicator, set *facts.Set, rk ranking, lb *labels) {
	if len(iv.Rows) == 0 {
		return
	}
	bucket, group := chooseRanking(rk)
	latestRows := iv.Rows
	if len(bucket) >= 2 {
		iv.Ranked = true
		used := map[*Row]bool{}
		for _, f := range bucket {
			k := facts.SeriesKey{Indicator: f.Indicator, Entity: f.Entity, Counterpart: f.Counterpart}
			r := rk.rows[k]
			if r == nil || r.Fact.PeriodID != f.PeriodID || r.Fact.Unit != f.Unit || used[r] {
				// The member has a later figure: the ranking shows the
				// one of its period, from the rank fact.
				r = rk.newRow(f)
			}
			used[r] = true
			r.Rank, r.Of = f.Rank, f.Of
			if sh := rk.shares[shareKey{f.Indicator, f.Entity, f.Counterpart, f.Group, f.PeriodID}]; sh != nil {
				r.Share = &Share{Fact: sh, Text: format.Percent(sh.Value, 1)}
			}
			iv.Ranking = append(iv.Ranking, r)
		}
		sort.SliceStable(iv.Ranking, func(i, j int) bool { return iv.Ranking[i].Rank < iv.Ranking[j].Rank })
		lead := bucket[0]
		for _, f := range bucket {
			if f.Ranking != nil {
				lead = f
			}
		}
		if lead.Ranking != nil {
			for _, l := range lead.Ranking.Later {
				r := rk.rows[facts.SeriesKey{Indicator: iv.ID, Entity: l.Entity, Counterpart: lead.Counterpart}]
				if r != nil && r.Fact.PeriodID == l.PeriodID && !used[r] {
					iv.Later = append(iv.Later, r)
					used[r] = true
				}
			}
		}
		iv.Period = lead.PeriodLabel
		if lead.Counterpart != "" {
			c := rk.entity(lead.Counterpart)
			iv.Counterpart = &c
		}
		// A ranking that leaves members out (no figure for its period)
		// says how many it covers, before its period: "among the 185 of
		// 214 entities with figures in 2023".
		members := 0
		if lead.Ranking != nil {
			members = lead.Ranking.Members
		}
		// Said as a reader would, never by the dataset's counts: "in the
		// Central Asia group (figures for three of its five members)", "of
		// the six covered", "of the four with figures" (the period
		// follows); a world-sized ranking needs no qualifier.
		if group != "" {
			iv.groupRaw = GroupName(ds, group)
			iv.langGroup(ds, group)
			iv.Group = format.EscapeMarkdown(iv.groupRaw)
			iv.InGroup = en("group.in", "group", iv.Group)
			if m := max(rk.groupSize[group], members); len(bucket) < m {
				iv.GroupCovered, iv.GroupMembers = len(bucket), m
				iv.GroupMissing = rk.missing(group, bucket)
				if len(iv.GroupMissing) > 0 {
					var names []string
					for _, e := range iv.GroupMissing {
						names = append(names, e.Ref)
					}
					iv.InGroup += en("group.figures_for_none", "names", English().Join(names))
				} else {
					iv.InGroup += en("group.figures_for", "n", format.SmallNumber(len(bucket)), "m", format.SmallNumber(m))
				}
			}
		} else if n := max(len(bucket), members); n <= 12 {
			iv.InGroup = en("group.of_covered", "n", format.SmallNumber(len(bucket)))
			iv.covered = true
			if len(bucket) < members {
				iv.covered = false
				iv.InGroup = en("group.of_with_figures", "n", format.SmallNumber(len(bucket)))
			}
		}
		rows := append([]*Row(nil), iv.Ranking...)
		rows = append(rows, iv.Later...)
		for _, r := range latestRows {
			if !used[r] {
				rows = append(rows, r)
			}
		}
		iv.Rows = rows
	} else {
		// Without a ranking, a period (and counterpart) is the
		// indicator's only when every figure has it.
		ref := iv.Rows[0]
		same := true
		for _, r := range iv.Rows {
			same = same && r.Fact.PeriodID == ref.Fact.PeriodID && r.Fact.Counterpart == ref.Fact.Counterpart
		}
		if same {
			iv.Period, iv.Counterpart = ref.Period, ref.Counterpart
		}
	}
	iv.Shown = iv.Rows
	if len(iv.Shown) > MaxShown {
		iv.Shown = iv.Shown[:MaxShown]
		iv.Hidden = len(iv.Rows) - MaxShown
	}
	// History: the leader's series when there is a ranking, else the
	// longest series of the indicator.
	var best *facts.Series
	for _, s := range set.Series {
		if s.Key.Indicator != iv.ID {
			continue
		}
		if l := iv.Leader(); l != nil && len(s.Obs) >= 4 && s.Key.Entity == l.Entity.ID && (l.Counterpart == nil || s.Key.Counterpart == l.Counterpart.ID) {
			best = s
			break
		}
		if best == nil || len(s.Obs) > len(best.Obs) {
			best = s
		}
	}
	decimals := 0
	for _, r := range latestRows {
		decimals = r.decimals
	}
	// The history's rows are written in the locale of the indicator's
	// rows (PeriodL of a line chart's caption).
	var hloc *locale.Locale
	if len(iv.Rows) > 0 {
		hloc = iv.Rows[0].loc
	}
	history := func(s *facts.Series) []*Row {
		var out []*Row
		for _, o := range s.Obs {
			if o.Period.Kind != s.Last().Period.Kind {
				continue
			}
			if o.Status == dataset.Plan || o.Status == dataset.Target {
				continue // a plan is not a point of the series' history
			}
			mid := o.Period.Start.Add(o.Period.End.Sub(o.Period.Start) / 2)
			label := lb.of(iv.ID, o.Unit)
			out = append(out, &Row{
				Indicator: iv, Period: o.Period.Label(), Value: o.Value, label: label, decimals: decimals,
				Text: valueMD(o.Value, o.Unit, label, decimals), plain: format.ValueLabel(o.Value, o.Unit, label, decimals),
				Status: string(o.Status), sources: []string{o.Source}, at: mid,
				per: o.Period, loc: hloc, unit: o.Unit,
			})
		}
		return out
	}
	if best != nil && len(best.Obs) >= 2 {
		e := rk.entity(best.Key.Entity)
		iv.historyEntity = &e
		iv.History = history(best)
	}
	// A ranked indicator's line chart shows the group: the series of the
	// first chart.MaxSeries members of the ranking, in its order, each in
	// the leader's unit and granularity.
	if iv.Ranked && best != nil && len(iv.History) >= 2 {
		bySeries := map[facts.SeriesKey]*facts.Series{}
		for _, s := range set.Series {
			if s.Key.Indicator == iv.ID {
				bySeries[s.Key] = s
			}
		}
		for _, r := range iv.Ranking {
			if len(iv.lines) == chart.MaxSeries {
				break
			}
			k := facts.SeriesKey{Indicator: iv.ID, Entity: r.Entity.ID}
			if r.Counterpart != nil {
				k.Counterpart = r.Counterpart.ID
			}
			s := bySeries[k]
			if s == nil || s.Last().Period.Kind != best.Last().Period.Kind || s.Last().Unit != best.Last().Unit {
				continue
			}
			if h := history(s); len(h) >= 2 {
				iv.lines = append(iv.lines, line{entity: r.Entity, rows: h})
			}
		}
		if len(iv.lines) < 2 {
			iv.lines = nil
		}
		iv.splitDwarfed()
	}
}

// line is one series of a line chart of several.
type line struct {
	entity Entity
	rows   []*Row
}

// chooseRanking picks the ranking an indicator's text and chart show,
// among the rankings of its rank facts (one per group, counterpart, unit
// and period): the brief's own group (a --per group brief), else one whose
// every member is ranked, else the one with the most rank facts, then the
// later period, then the group id first in order. It returns the chosen
// rank facts, best first, and the group.
func chooseRanking(rk ranking) ([]*facts.Fact, string) {
	type key struct{ group, counterpart, unit, period string }
	byKey := map[key][]*facts.Fact{}
	var keys []key
	for _, f := range rk.facts {
		k := key{f.Group, f.Counterpart, f.Unit, f.PeriodID}
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], f)
	}
	members := func(k key) int {
		if k.group == "" {
			return len(byKey[k]) // no catalog: everyone with a figure
		}
		return rk.groupSize[k.group]
	}
	better := func(a, b key) bool {
		if (a.group == rk.preferred) != (b.group == rk.preferred) {
			return a.group == rk.preferred
		}
		na, nb := len(byKey[a]), len(byKey[b])
		if ca, cb := na == members(a), nb == members(b); ca != cb {
			return ca
		}
		if na != nb {
			return na > nb
		}
		pa, pb := byKey[a][0].Period, byKey[b][0].Period
		if c := period.Compare(pa, pb); c != 0 {
			return c > 0
		}
		if a.group != b.group {
			return a.group < b.group
		}
		if a.counterpart != b.counterpart {
			return a.counterpart < b.counterpart
		}
		return a.unit < b.unit
	}
	var best key
	for i, k := range keys {
		if i == 0 || better(k, best) {
			best = k
		}
	}
	if len(keys) == 0 {
		return nil, ""
	}
	return byKey[best], best.group
}

// changeCaveat is what a change must say of its earlier figure beyond
// its period: that periods between have no figure (", the latest earlier
// figure (none for January 2001)"), or "".
func changeCaveat(c *facts.Comparison) string {
	m := c.Missing
	if m == nil {
		return ""
	}
	none := m.FromLabel
	if m.N > 1 {
		none += en("span.to") + m.ToLabel
	}
	return en("caveat.none_for", "periods", none)
}

// yearSpan is "1833 to 1959", or "1900" for one year.
func yearSpan(from, to int) string {
	if from == to {
		return fmt.Sprint(from)
	}
	return en("span.years", "from", strconv.Itoa(from), "to", strconv.Itoa(to))
}

// At places the figure in time after its value: "in 2024", "on 26
// January 2020"; for a running total, "in total by 26 January 2020" (a
// total to date, not the count of that day) or "in total by the end of
// 2024".
func (r *Row) At() string {
	if r.Indicator != nil && r.Indicator.Cumulative {
		return en("total.in") + r.By()
	}
	return inPeriod(r.Period)
}

// By is "by 26 January 2020" for a day, "by the end of March 2025" for a
// longer period: when a running total reached the figure.
func (r *Row) By() string {
	if r.Fact != nil && r.Fact.Period.Kind != period.Day {
		return en("total.by_end") + r.Period
	}
	return en("total.by") + r.Period
}

// OnRecord is the span a record beats, the figure included: "2,317
// months", "34 years".
func (r *Row) OnRecord() string {
	return format.Number(float64(r.RecordSince+1), 0) + " " + r.Periods
}

// Overdue reports whether the row's series is old news: its next figure
// is overdue (the facts' staleness) and the figure is not this week's.
func (r *Row) Overdue() bool { return r.Fact != nil && r.Fact.Stale && !r.ThisWeek }

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// lowerFirst lowers the first letter of a name for use mid-sentence,
// unless the name starts with an acronym or proper noun written in
// capitals ("VTB outlets" stays as it is).
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || strings.ToUpper(string(r[1])) == string(r[1]) {
		return s
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// GroupName is a group's display name: the one entities.yaml gives it
// under groups:, else its id in words ("central-asia" -> "Central Asia").
func GroupName(ds *dataset.Dataset, id string) string {
	if n := ds.GroupNames[id]; n != "" {
		return n
	}
	return groupName(id)
}

func groupName(id string) string {
	words := strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r := []rune(w)
		words[i] = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	return strings.Join(words, " ")
}

// finishTopic lists the topic's indicators whose figures are all old
// (the facts' indicator_stale).
func finishTopic(t *Topic) {
	for _, iv := range t.Indicators {
		if iv.Stale && len(iv.Rows) > 0 {
			t.Stale = append(t.Stale, iv)
		}
	}
}

// HasFigures reports whether any indicator of the topic has a figure.
func (t *Topic) HasFigures() bool {
	for _, iv := range t.Indicators {
		if len(iv.Rows) > 0 {
			return true
		}
	}
	return false
}

// Leader is the first of the ranking, or nil.
func (iv *Indicator) Leader() *Row {
	if len(iv.Ranking) == 0 {
		return nil
	}
	return iv.Ranking[0]
}

// LedBefore reports whether the ranking's leader was also on top in the
// period its change compares with: every other ranked member has a figure
// for that same period, and none was at or beyond the leader's then. Only
// then may a sentence say "still the highest" (the Kyrgyz Republic's
// 13.4% led in 2023, but Kazakhstan's 19.8% led its 19.7% in 2022).
func (iv *Indicator) LedBefore() bool {
	top := iv.Leader()
	if top == nil || top.Change == nil || top.Change.Fact == nil || top.Change.Fact.Against == nil || len(iv.Ranking) < 2 {
		return false
	}
	was := top.Change.Fact.Against.Value
	for _, r := range iv.Ranking[1:] {
		c := r.Change
		if c == nil || c.Fact == nil || c.Fact.Against == nil || c.Label != top.Change.Label {
			return false
		}
		v := c.Fact.Against.Value
		if v >= was { // a ranking's top is its highest value
			return false
		}
	}
	return true
}

// Tied are the rows that share the top of the ranking: the leader alone,
// or every row with its value ("EE and LV shared the highest ...").
func (iv *Indicator) Tied() []*Row {
	if len(iv.Ranking) == 0 {
		return nil
	}
	n := 1
	for n < len(iv.Ranking) && iv.Ranking[n].Value == iv.Ranking[0].Value {
		n++
	}
	return iv.Ranking[:n]
}

// RestRecords are the members of the ranking other than its leader
// whose figure is a record: kind "highest" or "lowest". Every one of
// them, named or not in the ranking's sentence, so that "A and B are at
// record highs" leaves nobody out (RecordNames says how many it does not
// name).
func (iv *Indicator) RestRecords(kind string) []*Row {
	var out []*Row
	for i, r := range iv.Ranking {
		// A record low below zero of an indicator that names its negative
		// side is a record of that other thing (Norway's -10.6% is its
		// deepest deflation, not its "record low for inflation"): not
		// said among the record lows.
		if kind == en("record.lowest") && iv.Negative != "" && r.Fact != nil && r.Fact.Value < 0 {
			continue
		}
		if i > 0 && r.Record == kind {
			out = append(out, r)
		}
	}
	return out
}

// MaxRecordNames is how many names a sentence of records lists before it
// counts the others ("A, B, C, D and 6 others").
const MaxRecordNames = 5

// RecordNames names the RestRecords of kind for a sentence: all of them,
// or the first four and "N others".
func (iv *Indicator) RecordNames(kind string) []string {
	rs := iv.RestRecords(kind)
	var out []string
	for i, r := range rs {
		if len(rs) > MaxRecordNames && i == MaxRecordNames-1 {
			return append(out, en("names.others", "n", strconv.Itoa(len(rs)-i)))
		}
		out = append(out, r.Entity.Ref)
	}
	return out
}

// TiedNames are the names of the Tied rows, as a sentence says them.
func (iv *Indicator) TiedNames() []string {
	var out []string
	for _, r := range iv.Tied() {
		out = append(out, r.Entity.Ref)
	}
	return out
}

// Rest is the runners-up of a ranking a sentence names (after those tied
// at the top): at most four, never a count's zeros (Zeros).
func (iv *Indicator) Rest() []*Row {
	from := len(iv.Tied())
	to := min(len(iv.figures()), max(iv.named(), from))
	if from >= to {
		return nil
	}
	return iv.Ranking[from:to]
}

// figures is the ranking without the Zeros of a count: the members with
// a figure of note.
func (iv *Indicator) figures() []*Row { return iv.Ranking[:len(iv.Ranking)-len(iv.Zeros())] }

// Zeros are the members of a count's ranking whose figure is zero
// ("United Kingdom, Italy and Spain had no cases yet"): a ranking of
// nothing is no ranking, so they are said apart, after the figures,
// never as runners-up "with 0 cases and 0 cases". Only of a count (the
// Superlative "most", or a running total) with no negative figure, and
// only when the leader's figure is not zero itself.
func (iv *Indicator) Zeros() []*Row {
	n := len(iv.Ranking)
	if n < 2 || !(iv.Superlative == "most" || iv.Cumulative) || iv.Ranking[0].Value <= 0 || iv.Ranking[n-1].Value < 0 {
		return nil
	}
	i := n
	for i > 0 && iv.Ranking[i-1].Value == 0 {
		i--
	}
	return iv.Ranking[i:]
}

// ZeroNames names the Zeros for a sentence: all of them, or the first
// four and "N others".
func (iv *Indicator) ZeroNames() []string {
	zs := iv.Zeros()
	var out []string
	for i, r := range zs {
		if len(zs) > MaxRecordNames && i == MaxRecordNames-1 {
			return append(out, en("names.others", "n", strconv.Itoa(len(zs)-i)))
		}
		out = append(out, r.Entity.Ref)
	}
	return out
}

// MaxTieExtension is how many more runners-up a sentence names so as not
// to split members tied on one figure: a tie across the fifth place is
// named whole when it adds at most this many names, else the sentence
// stops before it ("3 more follow in the ranking").
const MaxTieExtension = 2

// named is how many of the ranking a sentence names: five, or all six
// rather than "1 more follows", never part of a tie (the order of tied
// members is only the file's).
func (iv *Indicator) named() int {
	rk := iv.figures()
	n := 5
	if len(rk) == 6 {
		n = 6
	}
	if n >= len(rk) || rk[n-1].Value != rk[n].Value {
		return n
	}
	e := n
	for e < len(rk) && rk[e].Value == rk[n-1].Value {
		e++
	}
	if e-n <= MaxTieExtension {
		if len(rk) == e+1 {
			e++ // rather than "1 more follows"
		}
		return e
	}
	top := len(iv.Tied())
	for n > top && rk[n-1].Value == rk[n].Value {
		n--
	}
	return n
}

// Top is the leader and the runners-up a sentence names.
func (iv *Indicator) Top() []*Row {
	return iv.Ranking[:min(len(iv.figures()), max(iv.named(), len(iv.Tied())))]
}

// Runner is the runner-up of the ranking a sentence names after its
// leader (those tied with it together), or nil.
func (iv *Indicator) Runner() *RestGroup {
	if gs := iv.RestGroups(); len(gs) > 0 {
		return gs[0]
	}
	return nil
}

// Others counts the ranked figures a sentence does not name (neither
// the leader, those tied with it, nor the runner-up); the chart and the
// table show them. A count's Zeros are said apart.
func (iv *Indicator) Others() int {
	n := len(iv.figures()) - len(iv.Tied())
	if g := iv.Runner(); g != nil {
		n -= len(g.Rows)
	}
	return max(0, n)
}

// RestGroup is runners-up that share one figure: "United Kingdom and
// Italy with 3 cases each".
type RestGroup struct {
	Rows  []*Row
	Names []string
	// First is the group's first row, for its figure.
	First *Row
}

// RestGroups are the Rest in runs of equal figures, in ranking order.
func (iv *Indicator) RestGroups() []*RestGroup {
	var out []*RestGroup
	for _, r := range iv.Rest() {
		if n := len(out); n > 0 && out[n-1].First.Value == r.Value && out[n-1].First.Status == r.Status {
			out[n-1].Rows = append(out[n-1].Rows, r)
			out[n-1].Names = append(out[n-1].Names, r.Entity.Ref)
			continue
		}
		out = append(out, &RestGroup{Rows: []*Row{r}, Names: []string{r.Entity.Ref}, First: r})
	}
	return out
}

// RestTied reports whether two runners-up share a figure: the sentence
// then groups them ("…, and United Kingdom and Italy with 3 cases each")
// rather than listing one figure per name.
func (iv *Indicator) RestTied() bool { return len(iv.RestGroups()) < len(iv.Rest()) }

// RestNames are the runners-up's names, for "A and B followed with X and
// Y respectively".
func (iv *Indicator) RestNames() []string {
	var out []string
	for _, r := range iv.Rest() {
		out = append(out, r.Entity.Name)
	}
	return out
}

// RestValues are the runners-up's figures, in the order of RestNames.
func (iv *Indicator) RestValues() []string {
	var out []string
	for _, r := range iv.Rest() {
		out = append(out, r.Text)
	}
	return out
}

// RestAllActual reports whether every runner-up is an actual figure, so a
// "respectively" sentence needs no caveat per figure.
func (iv *Indicator) RestAllActual() bool {
	for _, r := range iv.Rest() {
		if r.Status != "actual" {
			return false
		}
	}
	return true
}

// LaterShown are the newer figures a sentence names beside the ranking
// (at most MaxLater); LaterMore counts the others.
func (iv *Indicator) LaterShown() []*Row { return iv.Later[:min(len(iv.Later), MaxLater)] }

// LaterMore counts the newer figures LaterShown leaves out.
func (iv *Indicator) LaterMore() int { return max(0, len(iv.Later)-MaxLater) }

// RestMore counts the ranked rows a sentence leaves out (Zeros are said
// apart).
func (iv *Indicator) RestMore() int { return max(0, len(iv.figures())-len(iv.Top())) }

// Unranked are the shown rows outside the ranking and not said beside it
// (Later).
func (iv *Indicator) Unranked() []*Row {
	var out []*Row
	for _, r := range iv.Shown {
		if !inRows(iv.Ranking, r) && !inRows(iv.LaterShown(), r) {
			out = append(out, r)
		}
	}
	return out
}

func inRows(rows []*Row, r *Row) bool {
	for _, x := range rows {
		if x == r {
			return true
		}
	}
	return false
}

// Chartable reports whether a bar chart of the latest values says more
// than the sentence: three or more comparable figures.
func (iv *Indicator) Chartable() bool { return iv.Ranked && len(iv.Ranking) >= 3 }

// HasHistory reports whether the indicator has a series long enough for a
// line chart (four periods or more).
func (iv *Indicator) HasHistory() bool { return len(iv.History) >= 4 }

// HasChanges reports whether any figure of the topic has a change on an
// earlier period, so a table shows its Change column only when it says
// something.
func (t *Topic) HasChanges() bool {
	for _, iv := range t.Indicators {
		for _, r := range iv.Rows {
			if r.Change != nil || r.Week != nil && r.Week.TableChange != "" {
				return true
			}
		}
	}
	return false
}

// Key identifies the event across briefs (see EventKey).
func (e *Event) Key() string { return EventKey(e.ev.Date.String(), e.ev.Title) }

// valueMD formats a figure for the Markdown page: the number as format
// writes it with the unit's display label (format.ValueLabel: "56,644 kt
// of carbon", never the unit id "kt_carbon"), the label escaped, since a
// catalog's label or a unit the formatter does not know is printed as
// given ("kt CO2e", or a hostile "*x*").
func valueMD(v float64, unit, label string, decimals int) string {
	if label == "" {
		label = format.UnitLabel(unit)
	}
	if strings.ContainsAny(label, "\\`*_[]<>#|~&!") {
		label = format.EscapeMarkdown(label)
	}
	// A figure below zero with the minus sign, as the tables, the
	// charts and the Russian and Kazakh briefs print it: "−0.543%",
	// never the hyphen of "from -0.543%" beside a table's "−0.543%".
	return format.Minus(format.ValueLabel(v, unit, label, decimals))
}

// changeText is format.ChangeLabel with the unit named by its label,
// escaped as valueMD does: an absolute change ("up 120 kt of carbon", from
// a base of zero) never prints the unit id. pctPlaces < 0 is
// format.Change's one place.
func changeText(cur, prev float64, unit, label string, decimals, pctPlaces int, against string) string {
	if pctPlaces < 0 {
		pctPlaces = 1
	}
	if label == "" {
		label = format.UnitLabel(unit)
	}
	if strings.ContainsAny(label, "\\`*_[]<>#|~&!") {
		label = format.EscapeMarkdown(label)
	}
	return format.ChangeLabel(cur, prev, unit, label, decimals, pctPlaces, against)
}

// recordFrom is the first period a record is counted over: the earliest
// figure of its series of the record's granularity (plans left out), or
// "" when the series is not known.
func recordFrom(s *facts.Series, f *facts.Fact) string {
	if s == nil {
		return ""
	}
	for _, o := range s.Obs {
		if o.Period.Kind == f.Period.Kind && o.Status != dataset.Plan && o.Status != dataset.Target {
			if f.SinceYears {
				return fmt.Sprint(o.Period.Start.Year())
			}
			return o.Period.Label()
		}
	}
	return ""
}

// recordGaps reports whether an annual record is counted over a series
// with years missing: "the highest since records began in 1961" must then
// say the series has gaps (a hyperinflation the source left out).
func recordGaps(s *facts.Series, f *facts.Fact) bool {
	if s == nil || f.Period.Kind != period.Year {
		return false
	}
	first := 0
	for _, o := range s.Obs {
		if o.Period.Kind == period.Year && o.Status != dataset.Plan && o.Status != dataset.Target {
			first = o.Period.Start.Year()
			break
		}
	}
	return first != 0 && f.Period.Start.Year()-first > f.Since
}

// hasWord reports whether phrase has word as one of its words, in any
// case.
func hasWord(phrase, word string) bool {
	if word == "" {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		if w == strings.ToLower(word) {
			return true
		}
	}
	return false
}
