// Package oracle is an independent oracle for the facts of `brief`: a
// deliberately simple re-implementation, written from the README, the
// docs and issue 11 (not from the engine's code), that recomputes every
// claim the engine derives from the raw rows and compares the two.
//
// It holds tests only (this file is the package's only non-test file).
//
// # What is checked
//
// Every fact of `brief facts --json --week W` (all of them) and of
// brief.json (the facts the brief cites; brief.json is not required to
// hold them all), by kind:
//
//   - latest: the latest actual or estimate figure known at the end of
//     the week (a row is known once released; without a release date,
//     once its period has ended; a plan or target at once), its value,
//     status, row, "new" (released during the week; without a release
//     date, its period ends in the week) and "stale";
//   - change_prev, change_year: against the previous figure and the same
//     period a year earlier (none for annual and daily series), absolute
//     and percent change (percent of |base|; none in percent units, which
//     change in points, nor from a base of 0), both rows;
//   - record_high, record_low: above (below) every earlier figure, with
//     at least two of them; "since" = how many;
//   - outlook: the nearest plan or target after the latest figure;
//   - rank, share, total: per indicator, counterpart and group (every
//     entity one group without entities.yaml), comparable indicators only,
//     over the latest period the group's members share (members whose
//     latest figure is stale do not pull it back), or the latest later
//     period that more than two thirds of them have, every member with a
//     figure for it ranked (ties share a rank: 1, 1, 3); members with a
//     later figure listed in ranking.later; shares and the total only for
//     additive indicators of a declared group whose every member has a
//     figure and none is negative; the total cites every member's row.
//     Each ranking is also recomputed at the period the engine chose, so
//     that values, positions and members are checked whatever the period;
//   - week_close, week_range, week_sum, week_increase (daily and weekly
//     series, by the catalog's summary): the week's close against last
//     week's close, the week's high and low, a flow's sum against last
//     week's, a running total's increase against last week's;
//   - indicator_stale, topic_stale: every series of the indicator (topic)
//     stale, their count, the latest period and its rows;
//   - status_count: the latest claims of a topic by status;
//   - What changed (brief.json "changes" of a second brief written into
//     the same --out): revised figures (the latest and the compared
//     figures of the previous brief whose value changed), series with a
//     newly released latest figure, new records, series newly stale.
//
// Both directions count: a claim the engine makes and the oracle does not
// derive, and one the oracle derives that the engine omits. A claim kind
// the oracle does not know is logged; with ORACLE_STRICT=1 it fails the
// test, so that a new kind is noticed and taught to the oracle.
//
// Numbers are compared with a relative tolerance of 1e-9 (relTol): the
// engine may add in another order, which changes the last bits of a
// float64, never the 9th significant digit.
//
// # Readings of the documentation (where it is silent or ambiguous)
//
//   - Staleness: the README names stale series but not the threshold.
//     The oracle uses what the binary does (found by running it): stale
//     once the brief's day reaches the start of the next period plus 14
//     days (daily), 21 days (weekly), 3 months, 6 months (quarterly) or
//     18 months (annual).
//   - No period every member shares: the oracle takes the period most
//     members have, the latest on a tie.
//   - No share for the implicit all-entities group (no entities.yaml):
//     there is no declared group whose completeness could be judged.
//   - Revisions: the tidy format refuses the same period twice, even with
//     different release dates, so a revision is a second vintage of the
//     dataset (v2) read by a later brief, as "What changed" describes.
//   - What changed, stale: only series the previous brief had, current
//     there and overdue now; a series first seen since then and already
//     overdue is not listed (the engine does so; the README is silent).
//   - Dates standing for months: inferred when every date of a series is
//     among the first four days of its month, one a month.
//
// # Generated datasets
//
// generate(seed) (math/rand/v2, PCG seeded by the seed; the seed is
// printed with every disagreement) writes a tidy dataset: 3-7 entities,
// 1-3 groups (some incomplete, some entities in several, some in none;
// one dataset in ten without entities.yaml), 2-5 indicators of daily,
// business-daily, weekly, monthly, quarterly or annual frequency, with
// units and catalog keys covering the semantics (money, counts, percent,
// per-unit prices, exchange rates in national currency, explicit
// additive/comparable, flows and cumulative counts), a counterpart on
// some, gaps, ties, negative values, members ahead of or behind the
// others or long overdue, estimates, plans and targets, a released column
// in four datasets of five (with some rows undated), and a second vintage
// with revised values released in the week of the second brief.
//
// # Commands
//
//	go test ./oracle                                   # 200 datasets, a few seconds
//	ORACLE_N=10000 go test ./oracle -run TestOracleGenerated -timeout 60m
//	ORACLE_SEEDS=17,42 go test ./oracle -run TestOracleGenerated -v   # replay seeds
//	ORACLE_KEEP=/tmp/ds ORACLE_SEEDS=17 go test ./oracle -run TestOracleGenerated  # keep the files
//	go test ./oracle -run TestOracleRealData -v        # ../shared/data through testdata mappings
//
// Environment: ORACLE_N (datasets, default 200), ORACLE_SEED (first seed,
// default 1), ORACLE_SEEDS (a list instead), ORACLE_SHOW (disagreements
// printed, default 20), ORACLE_CHANGES_EVERY (What changed and brief.json
// on every n-th seed, default 4; each costs two more runs),
// ORACLE_STRICT=1 (unknown claim kinds fail), ORACLE_NOSKIP=1 (the known
// issues fail too), ORACLE_KEEP (write each dataset there).
//
// TestMain builds the binary once (go build ./cmd/brief) into a temporary
// folder; every dataset runs `brief facts --json` for its two weeks, in
// parallel on every CPU. TestOracleRealData reads every dataset.yaml under
// testdata/ that points into ../shared/data, for the latest week of the
// data and 1, 52 and 156 weeks before; it skips when ../shared is absent.
//
// # Known issues
//
// Disagreements already reported as engine defects are grouped in
// knownIssues (oracle_test.go), each with its reason: they are logged with
// their count and first example, not failed, so CI stays green while they
// are open; ORACLE_NOSKIP=1 shows them as failures. Remove an entry when
// the engine is fixed.
package oracle
