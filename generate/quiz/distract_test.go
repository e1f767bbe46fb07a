package quiz

import (
	"errors"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
)

// Table tests for the rules of distract.go (1–5). Expected answers are
// worked out by hand from the rules as the README states them, never from
// the functions under test.

// parseBank reads a bank written in a test.
func parseBank(t testing.TB, src string) *bank.Bank {
	t.Helper()
	b, err := bank.Parse("test.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func rulesBank(t testing.TB) *bank.Bank {
	t.Helper()
	b, err := bank.Load("testdata/rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustEntity(t testing.TB, b *bank.Bank, id string) bank.Entity {
	t.Helper()
	e, ok := b.Entity(id)
	if !ok {
		t.Fatalf("no entity %q", id)
	}
	return e
}

func mustFact(t testing.TB, b *bank.Bank, id string) bank.Fact {
	t.Helper()
	f, ok := b.Fact(id)
	if !ok {
		t.Fatalf("no fact %q", id)
	}
	return f
}

// TestInBand: rule 3 for figures. 0.5× to 1.5× from 10 up, ±4 below 10,
// never negative, never zero unless the key is, never the key, and
// percentages below 100 unless the key is 100.
func TestInBand(t *testing.T) {
	days := func(v float64) bank.Number { return bank.Number{Value: v, Unit: "days"} }
	for _, tc := range []struct {
		x    float64
		key  bank.Number
		want bool
	}{
		{222, days(444), true},
		{221.9, days(444), false},
		{666, days(444), true},
		{666.1, days(444), false},
		{444, days(444), false}, // the key itself is no wrong option
		{400, days(444), true},
		{-300, days(444), false},
		{0, days(444), false},
		{5, days(10), true},  // 10 takes the 0.5×–1.5× band, not ±4
		{15, days(10), true}, // ... on both sides
		{4.9, days(10), false},
		{15.1, days(10), false},
		{6, days(2), true}, // below 10: ±4
		{7, days(2), false},
		{1, days(2), true},
		{0, days(2), false}, // never zero unless the key is
		{-1, days(2), false},
		{13, days(9), true},
		{14, days(9), false},
		{5, days(9), true},
		{4, days(9), false},
		{4, days(0), true},
		{5, days(0), false},
		{0, days(0), false},
		{13.5, days(9.5), true},
		{100, bank.Number{Value: 80, Unit: "percent"}, false}, // "all": a cue
		{99, bank.Number{Value: 80, Unit: "percent"}, true},
		{101, bank.Number{Value: 80, Unit: "percent"}, false},
		{120, bank.Number{Value: 80, Unit: "percent"}, false},
		{101, bank.Number{Value: 80, Unit: "%"}, false},
		{120, bank.Number{Value: 80, Unit: "points"}, true},
		{9, bank.Number{Value: 5, Unit: "%"}, true},
	} {
		if got := inBand(tc.x, tc.key); got != tc.want {
			t.Errorf("inBand(%v, %v %s) = %v, want %v", tc.x, tc.key.Value, tc.key.Unit, got, tc.want)
		}
	}
}

// TestNumberGrid: neighbours lie in the band and are rounded as the key is:
// a round figure gets round neighbours (50 → 30, 40, 60, 70), a precise
// one precise neighbours (444 → 333, 400, 488, …).
func TestNumberGrid(t *testing.T) {
	without := func(xs []float64, v float64) []float64 {
		var out []float64
		for _, x := range xs {
			if x != v {
				out = append(out, x)
			}
		}
		sort.Float64s(out)
		return out
	}
	for _, tc := range []struct {
		key  bank.Number
		want []float64
	}{
		{bank.Number{Value: 50}, []float64{30, 40, 60, 70}},
		{bank.Number{Value: 20}, []float64{10, 30}},
		{bank.Number{Value: 100}, []float64{50, 60, 70, 80, 90, 110, 120, 130, 140, 150}},
		{bank.Number{Value: 12000}, []float64{6000, 7000, 8000, 9000, 10000, 11000, 13000, 14000, 15000, 16000, 17000, 18000}},
		{bank.Number{Value: 3}, []float64{-1, 0, 1, 2, 4, 5, 6, 7}},
	} {
		if got := without(numberGrid(tc.key), tc.key.Value); !slices.Equal(got, tc.want) {
			t.Errorf("numberGrid(%v) = %v, want %v", tc.key.Value, got, tc.want)
		}
	}
	// Precise keys: whole neighbours for a whole key, one decimal for
	// one decimal, all within 0.5×–1.5× rounded as the key is, on both
	// sides.
	for _, tc := range []struct {
		key      bank.Number
		lo, hi   float64
		examples []float64
	}{
		{bank.Number{Value: 444}, 222, 666, []float64{333, 400, 488, 434, 454}}, // and ±10 from 50 up
		{bank.Number{Value: 2.5, Decimals: 1}, 1.2, 3.8, []float64{1.3, 2, 3}},
		{bank.Number{Value: 7, Decimals: 1}, 3.5, 10.5, []float64{3.5, 10.5}},
		{bank.Number{Value: 49}, 24, 74, []float64{25, 74}},
	} {
		grid := numberGrid(tc.key)
		below, above := 0, 0
		scale := math.Pow(10, float64(tc.key.Decimals))
		for _, x := range grid {
			if x < tc.lo || x > tc.hi {
				t.Errorf("numberGrid(%v) holds %v, outside [%v, %v]", tc.key.Value, x, tc.lo, tc.hi)
			}
			if r := x * scale; math.Abs(r-math.Round(r)) > 1e-9 {
				t.Errorf("numberGrid(%v) holds %v, not rounded as the key", tc.key.Value, x)
			}
			switch {
			case x < tc.key.Value:
				below++
			case x > tc.key.Value:
				above++
			}
		}
		if below < 3 || above < 3 {
			t.Errorf("numberGrid(%v) = %v: %d below, %d above", tc.key.Value, grid, below, above)
		}
		for _, x := range tc.examples {
			if !slices.Contains(grid, x) {
				t.Errorf("numberGrid(%v) = %v lacks %v", tc.key.Value, grid, x)
			}
		}
	}
}

// TestNearDate: rule 3 for dates, at each band's edge: 25 years, 24
// months, 45 days (across the new year for a day without a year).
func TestNearDate(t *testing.T) {
	y := func(year int) bank.Date { return bank.Date{Year: year, Precision: bank.Year} }
	m := func(year, month int) bank.Date { return bank.Date{Year: year, Month: month, Precision: bank.Month} }
	d := func(year, month, day int) bank.Date {
		return bank.Date{Year: year, Month: month, Day: day, Precision: bank.Day}
	}
	md := func(month, day int) bank.Date { return bank.Date{Month: month, Day: day, Precision: bank.MonthDay} }
	for _, tc := range []struct {
		d, key bank.Date
		want   bool
	}{
		{y(2004), y(1979), true},
		{y(2005), y(1979), false},
		{y(1954), y(1979), true},
		{y(1953), y(1979), false},
		{m(2020, 5), m(2018, 5), true},
		{m(2020, 6), m(2018, 5), false},
		{m(2016, 5), m(2018, 5), true},
		{m(2016, 4), m(2018, 5), false},
		{m(2019, 12), m(2019, 1), true}, // months, not years: 11 apart
		{d(2019, 12, 18), d(2019, 11, 3), true},
		{d(2019, 12, 19), d(2019, 11, 3), false},
		{d(2019, 9, 19), d(2019, 11, 3), true},
		{d(2019, 9, 18), d(2019, 11, 3), false},
		{d(2018, 11, 3), d(2019, 11, 3), false}, // a year off, same day
		{md(10, 7), md(8, 23), true},
		{md(10, 8), md(8, 23), false},
		{md(7, 9), md(8, 23), true},
		{md(7, 8), md(8, 23), false},
		{md(2, 3), md(12, 20), true}, // across the new year: 45 days
		{md(2, 4), md(12, 20), false},
		{md(11, 5), md(12, 20), true},
		{md(11, 4), md(12, 20), false},
		{y(1979), bank.Date{}, false}, // no precision: no band
	} {
		if got := (&gen{}).nearDate(tc.d, tc.key); got != tc.want {
			t.Errorf("nearDate(%s, %s) = %v, want %v", tc.d, tc.key, got, tc.want)
		}
	}
}

// TestDateShifts: neighbours in the date's own unit, on both sides, never
// before year 1. (The band is dateCandidates' to apply.)
func TestDateShifts(t *testing.T) {
	for _, key := range []bank.Date{
		{Year: 1979, Precision: bank.Year},
		{Year: 2018, Month: 5, Precision: bank.Month},
		{Year: 2019, Month: 11, Day: 3, Precision: bank.Day},
		{Month: 8, Day: 23, Precision: bank.MonthDay},
		{Month: 1, Day: 5, Precision: bank.MonthDay},
	} {
		below, above := 0, 0
		for _, d := range dateShifts(key) {
			if d.Precision != key.Precision {
				t.Errorf("shift %s of %s: another precision", d, key)
			}
			switch {
			case key.Precision == bank.MonthDay:
				if d.Year != 0 {
					t.Errorf("shift %s of %s shows a year", d, key)
				}
			case d.Compare(key) < 0:
				below++
			case d.Compare(key) > 0:
				above++
			default:
				t.Errorf("shift %s of %s is the key", d, key)
			}
			if key.Precision == bank.MonthDay {
				below++ // no order across the new year: count both sides as one
			}
		}
		if below < 10 || key.Precision != bank.MonthDay && above < 10 {
			t.Errorf("shifts of %s: %d below, %d above", key, below, above)
		}
	}
	// Day shifts go both ways: 3 November gives 2 and 4 November.
	ds := dateShifts(bank.Date{Year: 2019, Month: 11, Day: 3, Precision: bank.Day})
	for _, want := range []bank.Date{{Year: 2019, Month: 11, Day: 2, Precision: bank.Day}, {Year: 2019, Month: 11, Day: 4, Precision: bank.Day},
		{Year: 2019, Month: 10, Day: 9, Precision: bank.Day}, {Year: 2019, Month: 11, Day: 28, Precision: bank.Day}} {
		if !slices.Contains(ds, want) {
			t.Errorf("shifts of 3 November 2019 lack %s", want)
		}
	}
	// A day without a year wraps around the year: 5 January gives
	// 26 December and 15 January.
	md := dateShifts(bank.Date{Month: 1, Day: 5, Precision: bank.MonthDay})
	for _, want := range []bank.Date{{Month: 12, Day: 26, Precision: bank.MonthDay}, {Month: 1, Day: 15, Precision: bank.MonthDay}} {
		if !slices.Contains(md, want) {
			t.Errorf("shifts of 5 January lack %s", want)
		}
	}
	// Years and months stop at year 1: year 3 has only 2 and 1 below it.
	var years []int
	for _, d := range dateShifts(bank.Date{Year: 3, Precision: bank.Year}) {
		if d.Year < 3 {
			years = append(years, d.Year)
		}
	}
	sort.Ints(years)
	if !slices.Equal(years, []int{1, 2}) {
		t.Errorf("years below 3: %v, want [1 2]", years)
	}
	months := map[int]bool{}
	for _, d := range dateShifts(bank.Date{Year: 2, Month: 2, Precision: bank.Month}) {
		if d.Year < 1 {
			t.Errorf("shift %s of February 0002: before year 1", d.ISO())
		}
		months[d.Year*100+d.Month] = true
	}
	if !months[112] || !months[102] { // December 0001, February 0001
		t.Errorf("shifts of February 0002 lack the months of year 1: %v", months)
	}
}

// TestOptionDate: options show a day whose year the article does not print
// as a day and month, and never the article's own words for a date.
func TestOptionDate(t *testing.T) {
	for _, tc := range []struct {
		in   bank.Date
		want string
	}{
		{bank.Date{Year: 2019, Month: 9, Day: 24, Precision: bank.Day, Inferred: true}, "24 September"},
		{bank.Date{Year: 2019, Month: 9, Day: 24, Precision: bank.Day}, "24 September 2019"},
		{bank.Date{Year: 2019, Month: 9, Precision: bank.Month, Inferred: true}, "September [2019]"},
		{bank.Date{Year: 2019, Month: 10, Day: 30, Precision: bank.Day, Inferred: true, Resolved: true, Said: "Wednesday"}, "[30 October 2019]"},
		{bank.Date{Year: 1979, Precision: bank.Year}, "1979"},
	} {
		if got := optionDate(tc.in).String(); got != tc.want {
			t.Errorf("optionDate(%s) shows %q, want %q", tc.in.ISO(), got, tc.want)
		}
	}
}

// TestAfter: "never after the article" compares with the article's date;
// a day without a year, or a bank without a date, is never after it.
func TestAfter(t *testing.T) {
	b := rulesBank(t) // dated 3 November 2019
	for _, tc := range []struct {
		d    bank.Date
		want bool
	}{
		{bank.Date{Year: 2019, Month: 11, Day: 3, Precision: bank.Day}, false},
		{bank.Date{Year: 2019, Month: 11, Day: 4, Precision: bank.Day}, true},
		{bank.Date{Year: 2020, Precision: bank.Year}, true},
		{bank.Date{Year: 2019, Precision: bank.Year}, false},
		{bank.Date{Month: 12, Day: 25, Precision: bank.MonthDay}, false},
	} {
		if got := after(b, tc.d); got != tc.want {
			t.Errorf("after(%s) = %v, want %v", tc.d, got, tc.want)
		}
	}
	undated := b.WithFacts(b.Facts)
	undated.Article.Date = bank.Date{}
	if after(undated, bank.Date{Year: 2100, Precision: bank.Year}) {
		t.Error("a bank without a date puts 2100 after its article")
	}
}

// TestRuledOut: rule 1, the stem names an option or rules it out by
// country (people and places only).
func TestRuledOut(t *testing.T) {
	b := rulesBank(t)
	g := newGen(b, rng(1))
	for _, tc := range []struct {
		stem, key, option string
		out               bool
	}{
		// Named in the question, by name, surname or alias.
		{"As Macron and Trump waited, who never emerged from his room?", "rouhani", "macron", true},
		{"As Macron and Trump waited, who never emerged from his room?", "rouhani", "trump", true},
		{"As Macron and Trump waited, who never emerged from his room?", "rouhani", "zarif", false},
		{"Besides French officials, officials of which country tried to mediate?", "japan", "france", true},
		// The question names the answer's own country: only compatriots.
		{"Who pulled the United States out of the deal?", "trump", "pompeo", false},
		{"Who pulled the U.S. out of the deal?", "trump", "rouhani", true},
		{"Who pulled the U.S. out of the deal?", "trump", "macron", true},
		{"Who pulled America out of the deal?", "trump", "obama", false},
		// It names another country: no one of that country.
		{"Who is willing to negotiate with Iran?", "trump", "rouhani", true},
		{"Who is willing to negotiate with Iran?", "trump", "zarif", true},
		{"Who is willing to negotiate with Iran?", "trump", "macron", false},
		{"Who is willing to negotiate with Iran?", "trump", "pompeo", false},
		{"In which city was the U.S. embassy seized?", "tehran", "washington", true},
		{"In which city was the U.S. embassy seized?", "tehran", "new-york", true},
		{"In which city was the U.S. embassy seized?", "tehran", "baghdad", false},
		{"In which city was the U.S. embassy seized?", "baghdad", "washington", true}, // key of no country
		{"In which city was the U.S. embassy seized?", "baghdad", "kabul", false},
		{"In which city was the embassy seized?", "tehran", "washington", false}, // no country named
		// Groups are not people or places: the country rule leaves them.
		{"Which country besides Japan tried to mediate?", "france", "oman", false},
		{"Which country besides Japan tried to mediate?", "france", "iran", false},
		{"Which country besides Japan tried to mediate?", "france", "japan", true}, // but named it is
		{"Which country other than Japan mediated?", "japan", "oman", false},
	} {
		why := g.ruledOut(mustEntity(t, b, tc.option), mustEntity(t, b, tc.key), g.context(tc.stem))
		if (why != "") != tc.out {
			t.Errorf("%q, key %s: option %s ruled out %q, want ruled out: %v", tc.stem, tc.key, tc.option, why, tc.out)
		}
	}
	// A group counts as a country when someone names it as theirs, typed
	// "country" or not; and one country named is enough.
	for _, src := range []string{
		strings.ReplaceAll(similarityBank, `type = "country"`, `type = "nation"`),
		strings.ReplaceAll(strings.ReplaceAll(similarityBank, `country = "yland"`, ``), "name = \"Yland\"\ntype = \"country\"", "name = \"Yland\"\ntype = \"region\""),
	} {
		nb := parseBank(t, src)
		ng := newGen(nb, rng(1))
		c := ng.context("Who runs the fish ministry of Xland?")
		if why := ng.ruledOut(mustEntity(t, nb, "ivan"), mustEntity(t, nb, "alice"), c); why != "not of Xland, which the question names" {
			t.Errorf("ivan for alice, Xland named: %q", why)
		}
		if why := ng.ruledOut(mustEntity(t, nb, "bob"), mustEntity(t, nb, "alice"), c); why != "" {
			t.Errorf("bob for alice, Xland named: %q", why)
		}
	}
	// The reasons name the country, for check's advice.
	c := g.context("Who is willing to negotiate with Iran?")
	if why := g.ruledOut(mustEntity(t, b, "rouhani"), mustEntity(t, b, "trump"), c); why != "of Iran, which the question names" {
		t.Errorf("reason %q", why)
	}
	c = g.context("Who pulled the U.S. out of the deal?")
	if why := g.ruledOut(mustEntity(t, b, "macron"), mustEntity(t, b, "trump"), c); why != "not of the United States, which the question names" {
		t.Errorf("reason %q", why)
	}
}

// demonymBank: countries listed without aliases, as a curator who never
// read the README's advice writes them.
const demonymBank = `
[article]
title = "Leader calls president naive"
outlet = "Test News"
date = "2019-11-03"
summary = "A leader spoke."
text = '''
The Iranian leader said the French president was naive. The American president and the German chancellor said nothing. The French foreign minister was in Paris.
'''

[[groups]]
id = "france"
name = "France"
type = "country"

[[groups]]
id = "iran"
name = "Iran"
type = "country"

[[groups]]
id = "germany"
name = "Germany"
type = "country"

[[groups]]
id = "us"
name = "the United States"
type = "country"

[[people]]
id = "khamenei"
name = "Ali Khamenei"
role = "Supreme Leader of Iran"
country = "iran"

[[people]]
id = "macron"
name = "Emmanuel Macron"
role = "President of France"
country = "france"

[[people]]
id = "ledrian"
name = "Jean-Yves Le Drian"
role = "Foreign Minister of France"
country = "france"

[[people]]
id = "rouhani"
name = "Hassan Rouhani"
role = "President of Iran"
country = "iran"
foil = true

[[people]]
id = "merkel"
name = "Angela Merkel"
role = "Chancellor of Germany"
country = "germany"

[[people]]
id = "trump"
name = "Donald Trump"
role = "President of the United States"
country = "us"

[[people]]
id = "philippe"
name = "Edouard Philippe"
role = "Prime Minister of France"
country = "france"
foil = true

[[facts]]
id = "naive"
kind = "who"
ask = "Which French politician did the Iranian leader call naive?"
answer = "macron"
source = "The Iranian leader said the French president was naive."

[[facts]]
id = "silent"
kind = "who"
ask = "Which German leader said nothing?"
answer = "merkel"
source = "The American president and the German chancellor said nothing."
`

// TestRuledOutByDemonym: a question names a country by its people or
// adjective even when the bank lists neither ("the German chancellor"
// names Germany): rule 1's country rule applies.
func TestRuledOutByDemonym(t *testing.T) {
	b := parseBank(t, demonymBank)
	g := newGen(b, rng(1))
	for _, tc := range []struct {
		stem, key, option string
		out               bool
	}{
		{"Which German leader said nothing?", "merkel", "macron", true},
		{"Which German leader said nothing?", "merkel", "trump", true},
		{"Which leader said nothing?", "merkel", "trump", false},
		{"Whom did the Iranian leader call naive?", "macron", "rouhani", true},
		{"Whom did the Iranian leader call naive?", "macron", "khamenei", true},
		{"Whom did the Iranian leader call naive?", "macron", "trump", false},
		{"Which French politician was called naive?", "macron", "philippe", false},
		{"Which French politician was called naive?", "macron", "merkel", true},
		{"What did the Americans say?", "merkel", "trump", true},
	} {
		why := g.ruledOut(mustEntity(t, b, tc.option), mustEntity(t, b, tc.key), g.context(tc.stem))
		if (why != "") != tc.out {
			t.Errorf("%q, key %s: option %s ruled out %q, want ruled out: %v", tc.stem, tc.key, tc.option, why, tc.out)
		}
	}
	// Only one German: no clean item, and check is told why.
	f := mustFact(t, b, "silent")
	_, err := g.distractors(f, f.Ask, 3)
	if err == nil || !strings.Contains(err.Error(), "not of Germany, which the question names") {
		t.Errorf("silent: %v", err)
	}
}

// TestNamed: the entities a text names, in bank order, by any name.
func TestNamed(t *testing.T) {
	b := rulesBank(t)
	g := newGen(b, rng(1))
	got := g.named("As Macron and the U.S. president waited in Tehran")
	var want []string // in bank order
	for _, e := range b.Entities {
		if e.ID == "united-states" || e.ID == "macron" || e.ID == "tehran" {
			want = append(want, e.ID)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("named = %v, want %v", got, want)
	}
	if got := g.named("Nobody here"); len(got) != 0 {
		t.Errorf("named = %v", got)
	}
}

// TestSimilarity: the same country counts 2, a word of the role longer
// than three letters counts 1, once.
func TestSimilarity(t *testing.T) {
	b := parseBank(t, similarityBank)
	g := newGen(b, rng(1))
	key := mustEntity(t, b, "alice")
	for id, want := range map[string]float64{
		"bob":   3, // country and "Minister"
		"carol": 3, // country and "Minister" once, though "Fish" is shared too
		"dan":   2, // country only
		"erin":  2, // country, no shared role word
		"frank": 2,
		"gina":  1, // role only
		"hugo":  0,
		"ivan":  0, // "the" is too short to count
	} {
		if got := g.similarity(mustEntity(t, b, id), key); got != want {
			t.Errorf("similarity(%s, alice) = %v, want %v", id, got, want)
		}
	}
	if got := g.similarity(mustEntity(t, b, "alice"), mustEntity(t, b, "hugo")); got != 0 {
		t.Errorf("similarity(alice, hugo) = %v, want 0", got)
	}
	// Without a role on either side, only the country counts.
	noRole := bank.Entity{ID: "k", Pool: bank.People, Country: "xland"}
	if got := g.similarity(mustEntity(t, b, "bob"), noRole); got != 2 {
		t.Errorf("similarity(bob, a key without a role) = %v, want 2", got)
	}
	if got := g.similarity(bank.Entity{ID: "e", Pool: bank.People, Country: "xland"}, key); got != 2 {
		t.Errorf("similarity(an entity without a role, alice) = %v, want 2", got)
	}
	if got := g.similarity(mustEntity(t, b, "gina"), mustEntity(t, b, "hugo")); got != 2 {
		t.Errorf("similarity(gina, hugo) = %v, want 2 (both of Yland)", got)
	}
}

// similarityBank has one key (Alice) and people that share more or less
// with her. A fact asks for Alice with a stem that names no one.
const similarityBank = `
[article]
title = "Ministers"
outlet = "Test News"
date = "2019-11-03"
summary = "Alice runs fish."
text = '''
Alice runs the fish ministry of Xland. Nobody else does.
'''

[[groups]]
id = "xland"
name = "Xland"
type = "country"

[[groups]]
id = "yland"
name = "Yland"
type = "country"

[[people]]
id = "alice"
name = "Alice Ash"
role = "Minister of Fish of the Navy"
country = "xland"

[[people]]
id = "bob"
name = "Bob Birch"
role = "Minister of Trade"
country = "xland"
foil = true

[[people]]
id = "carol"
name = "Carol Cedar"
role = "Minister of Fish Trade"
country = "xland"
foil = true

[[people]]
id = "dan"
name = "Dan Dogwood"
role = "Mayor"
country = "xland"
foil = true

[[people]]
id = "erin"
name = "Erin Elm"
role = "Envoy"
country = "xland"
foil = true

[[people]]
id = "frank"
name = "Frank Fir"
role = "Judge"
country = "xland"
foil = true

[[people]]
id = "gina"
name = "Gina Gum"
role = "Minister of Health"
country = "yland"
foil = true

[[people]]
id = "hugo"
name = "Hugo Holly"
role = "Poet"
country = "yland"
foil = true

[[people]]
id = "ivan"
name = "Ivan Ivy"
role = "the boss"
foil = true

[[facts]]
id = "fish"
kind = "who"
ask = "Who runs the fish ministry?"
answer = "alice"
statement = "{answer} runs the fish ministry."
source = "Alice runs the fish ministry of Xland."
`

// TestEntityWindow: wrong people are drawn from the closest candidates, a
// window a little wider than needed (five for three), so quizzes vary but
// never reach for the least plausible.
func TestEntityWindow(t *testing.T) {
	b := parseBank(t, similarityBank)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "fish")
	seen := map[string]int{}
	bothBest := 0
	const n = 300
	for seed := uint64(0); seed < n; seed++ {
		g.rng = rng(seed)
		wrong, err := g.distractors(f, f.Ask, 3)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, v := range wrong {
			seen[v.Entity]++
			ids[v.Entity] = true
		}
		if len(ids) != 3 {
			t.Fatalf("seed %d: wrong options %v", seed, wrong)
		}
		if ids["bob"] && ids["carol"] {
			bothBest++
		}
	}
	// Three of the five closest, evenly: each in about 3/5 of the draws.
	for _, id := range []string{"bob", "carol", "dan", "erin", "frank"} {
		if seen[id] < n*48/100 || seen[id] > n*72/100 {
			t.Errorf("%s, a compatriot, offered in %d of %d draws, want about 3/5: %v", id, seen[id], n, seen)
		}
	}
	for _, id := range []string{"gina", "hugo", "ivan"} {
		if seen[id] > 0 {
			t.Errorf("%s offered %d times, though five compatriots are closer", id, seen[id])
		}
	}
	if bothBest == n {
		t.Errorf("the two closest are offered together in every draw: no variety")
	}
}

// TestCuratedFirst: a fact's own wrong list comes before the bank's other
// entities (rule 5); the rest come from the closest, a window a little
// wider than what is left to fill (two for one).
func TestCuratedFirst(t *testing.T) {
	src := strings.Replace(similarityBank, `source = "Alice runs`, `wrong = ["ivan", "hugo"]
source = "Alice runs`, 1)
	b := parseBank(t, src)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "fish")
	for seed := uint64(0); seed < 50; seed++ {
		g.rng = rng(seed)
		wrong, err := g.distractors(f, f.Ask, 3)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, v := range wrong {
			ids = append(ids, v.Entity)
		}
		if !slices.Contains(ids, "ivan") || !slices.Contains(ids, "hugo") {
			t.Fatalf("seed %d: curated ivan and hugo not both offered: %v", seed, ids)
		}
		if !slices.Contains(ids, "bob") && !slices.Contains(ids, "carol") {
			t.Fatalf("seed %d: the third option is neither of the two closest: %v", seed, ids)
		}
	}
	// Asked for fewer than the list holds, the options are curated ones.
	for seed := uint64(0); seed < 20; seed++ {
		g.rng = rng(seed)
		wrong, err := g.distractors(f, f.Ask, 1)
		if err != nil || len(wrong) != 1 || (wrong[0].Entity != "ivan" && wrong[0].Entity != "hugo") {
			t.Fatalf("seed %d: one wrong option: %v, %v", seed, wrong, err)
		}
	}
}

// TestShortageMessage: what check says when a pool is too small.
func TestShortageMessage(t *testing.T) {
	b := rulesBank(t)
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&shortage{have: 1, need: 3, why: " (among people)"}, "only 1 clean wrong option, needs 3 (among people)"},
		{&shortage{have: 2, need: 3}, "only 2 clean wrong options, needs 3"},
		{&shortage{have: 0, need: 4}, "only 0 clean wrong options, needs 4"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	for _, tc := range []struct {
		key   string
		ruled map[string]int
		want  string
	}{
		{"trump", nil, " (among people)"},
		{"tehran", map[string]int{"of the United States, which the question names": 2, "named in the question": 1},
			" (among places; ruled out: 1 named in the question, 2 of the United States, which the question names)"},
		{"japan", map[string]int{"named in the question": 1}, " (among country groups; ruled out: 1 named in the question)"},
	} {
		if got := whyShort(mustEntity(t, b, tc.key), tc.ruled); got != tc.want {
			t.Errorf("whyShort(%s) = %q, want %q", tc.key, got, tc.want)
		}
	}
	untyped := bank.Entity{ID: "x", Pool: bank.Groups}
	if got := whyShort(untyped, nil); got != " (among groups)" {
		t.Errorf("whyShort(untyped group) = %q", got)
	}
}

// TestEntityShortage: the mediators question has three clean wrong
// options (Japan is the key, France is true and named; the United States,
// Iran and Oman are left): asked for four it fails and says among what.
func TestEntityShortage(t *testing.T) {
	b := rulesBank(t)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "mediators")
	wrong, err := g.distractors(f, f.Ask, 3)
	if err != nil || len(wrong) != 3 {
		t.Fatalf("three wrong options: %v, %v", wrong, err)
	}
	for _, v := range wrong {
		if v.Entity != "iran" && v.Entity != "oman" && v.Entity != "united-states" {
			t.Errorf("wrong option %s; only the United States, Iran and Oman are clean", v.Entity)
		}
	}
	_, err = g.distractors(f, f.Ask, 4)
	if err == nil || err.Error() != "only 3 clean wrong options, needs 4 (among country groups)" {
		t.Errorf("got %v", err)
	}
}

// ordinalBank holds number and date facts for rules 3 and 4. The article
// is dated 3 November 2019.
const ordinalBank = `
[article]
title = "Figures"
outlet = "Test News"
date = "2019-11-03"
summary = "Figures and dates."
text = '''
The hostages were held for 444 days. Support stood at 100 percent. The coup came in 1979.
The count was 444 ballots. The crew had 12 members. The report came out in 2019.
The launch is set for 28 June 2020. The speech was on 1 November. Talks began in September.
More than 50 diplomats were taken. The crisis of 1985 followed. The war of 1953 came first.
The embargo began in 1983.
'''

[[events]]
id = "crisis"
name = "the crisis"
date = "1985"

[[events]]
id = "war"
name = "the war"
date = "1953"

[[facts]]
id = "days"
kind = "number"
ask = "For how many days were the hostages held?"
number = 444
unit = "days"
source = "The hostages were held for 444 days."

[[facts]]
id = "share"
kind = "number"
ask = "What share supported it?"
number = 100
unit = "percent"
source = "Support stood at 100 percent."

[[facts]]
id = "coup"
kind = "when"
ask = "When did the coup come?"
date = "1979"
source = "The coup came in 1979."

[[facts]]
id = "ballots"
kind = "number"
ask = "How many ballots were counted?"
number = 444
unit = "ballots"
wrong = [4440, 300, 50]
source = "The count was 444 ballots."

[[facts]]
id = "crew"
kind = "number"
ask = "How many members had the crew?"
number = 12
unit = "members"
wrong = [30, 0]
source = "The crew had 12 members."

[[facts]]
id = "report"
kind = "when"
ask = "When did the report come out?"
date = "2019"
source = "The report came out in 2019."

[[facts]]
id = "launch"
kind = "when"
ask = "When is the launch set for?"
date = "2020-06-28"
source = "The launch is set for 28 June 2020."

[[facts]]
id = "speech"
kind = "when"
ask = "When was the speech?"
date = "[2019]-11-01"
source = "The speech was on 1 November."

[[facts]]
id = "talks"
kind = "when"
ask = "When did the talks begin?"
date = "[2019]-09"
source = "Talks began in September."

[[facts]]
id = "embargo"
kind = "when"
ask = "When did the embargo begin?"
date = "1983"
source = "The embargo began in 1983."

[[facts]]
id = "diplomats"
kind = "number"
ask = "How many diplomats were taken?"
number = 50
qualifier = "more than"
unit = "diplomats"
source = "More than 50 diplomats were taken."
`

// TestQualifiedFigures: a qualified figure is asked as the figure the
// article prints, in a gap that keeps the qualifier ("More than ___
// diplomats"), so a wrong figure on the side the qualifier makes true
// would be a second right answer (HDR 19). Worked out by hand: "more
// than 50" takes nothing below 50 and "fewer than 50" nothing above; with
// one side left the key would always come first or last (HDR 20), so
// neither makes a multiple-choice item of automatic figures; "about 50"
// takes both sides; curated figures are the curator's choice.
func TestQualifiedFigures(t *testing.T) {
	withQualifier := func(q, extra string) *bank.Bank {
		return parseBank(t, strings.Replace(ordinalBank, `qualifier = "more than"`, `qualifier = "`+q+`"`+extra, 1))
	}
	for _, tc := range []struct {
		qualifier, extra string
		ok               bool
		lo, hi           float64 // the wrong figures' range, both included
	}{
		{"more than", "", false, 0, 0},
		{"at least", "", false, 0, 0},
		{"fewer than", "", false, 0, 0},
		{"up to", "", false, 0, 0},
		{"about", "", true, 25, 75},
		{"some", "", true, 25, 75},
		{"more than", "\nwrong = [60, 70, 80]", true, 60, 80},
	} {
		g := newGen(withQualifier(tc.qualifier, tc.extra), rng(1))
		f := mustFact(t, g.b, "diplomats")
		below, above := 0, 0
		for seed := uint64(0); seed < 40; seed++ {
			g.rng = rng(seed)
			wrong, err := g.distractors(f, f.Ask, 3)
			if !tc.ok {
				if err == nil {
					t.Fatalf("%s 50: wrong options %v, want none", tc.qualifier, wrong)
				}
				break
			}
			if err != nil {
				t.Fatalf("%s 50: %v", tc.qualifier, err)
			}
			for _, v := range wrong {
				x := v.Number.Value
				if x < tc.lo || x > tc.hi || g.b.Text(v) != v.Number.Digits() {
					t.Fatalf("%s 50, seed %d: wrong option %q", tc.qualifier, seed, g.b.Text(v))
				}
				if x < 50 {
					below++
				} else {
					above++
				}
			}
		}
		if tc.ok && tc.extra == "" && (below == 0 || above == 0) {
			t.Errorf("%s 50: %d wrong figures below, %d above; want both sides", tc.qualifier, below, above)
		}
	}
}

// wrongOf draws n wrong options for fact id with seed.
func wrongOf(t *testing.T, g *gen, id string, n int, seed uint64) []bank.Value {
	t.Helper()
	f := mustFact(t, g.b, id)
	g.rng = rng(seed)
	wrong, err := g.distractors(f, f.Ask, n)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	if len(wrong) != n {
		t.Fatalf("%s: %d wrong options, want %d", id, len(wrong), n)
	}
	return wrong
}

// TestKeyRankUniform: how many wrong options go below the key is drawn
// uniformly from what the band allows (rule 4): for 444 days, each of 0–3
// about a quarter of the time; for 100 percent, all below; for a year of
// the article, all below.
func TestKeyRankUniform(t *testing.T) {
	g := newGen(parseBank(t, ordinalBank), rng(1))
	const n = 400
	below := map[int]int{}
	for seed := uint64(0); seed < n; seed++ {
		k := 0
		for _, v := range wrongOf(t, g, "days", 3, seed) {
			if v.Number.Value < 444 {
				k++
			}
		}
		below[k]++
	}
	for k := 0; k <= 3; k++ {
		// A quarter of 400 is 100; a fair draw stays within 60–140.
		if below[k] < 60 || below[k] > 140 {
			t.Errorf("444 days: %d wrong options below the key in %d of %d draws, want about a quarter (%v)", k, below[k], n, below)
		}
	}
	// 100 percent, and a year of the article: the band leaves one side
	// only, so the key would always be the largest or latest: no item.
	for id, want := range map[string]string{"share": "always be the largest option", "report": "always be the latest option"} {
		f := mustFact(t, g.b, id)
		if _, err := g.distractors(f, f.Ask, 3); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", id, err, want)
		}
		// One wrong value is enough for a true/false statement.
		if _, err := g.distractors(f, f.Ask, 1); err != nil {
			t.Errorf("%s, one wrong value: %v", id, err)
		}
	}
	// Curated wrong years after the article are the curator's choice:
	// the key then takes every place.
	f := mustFact(t, g.b, "report")
	f.Wrong = []bank.Value{{Type: bank.DateValue, Date: bank.Date{Year: 2020, Precision: bank.Year}}, {Type: bank.DateValue, Date: bank.Date{Year: 2017, Precision: bank.Year}}}
	places := map[int]bool{}
	for seed := uint64(0); seed < 100; seed++ {
		g.rng = rng(seed)
		wrong, err := g.distractors(f, f.Ask, 3)
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		for _, v := range wrong {
			if v.Date.Year < 2019 {
				k++
			}
		}
		places[k] = true
	}
	if !places[2] || !places[3] {
		t.Errorf("report with a curated 2020: places %v", places)
	}
}

// TestOrdinalBands: every automatic wrong figure or date lies in the band
// of rule 3, in the key's unit and precision.
func TestOrdinalBands(t *testing.T) {
	b := parseBank(t, ordinalBank)
	g := newGen(b, rng(1))
	for seed := uint64(0); seed < 100; seed++ {
		for _, v := range wrongOf(t, g, "days", 4, seed) {
			if v.Number.Value < 222 || v.Number.Value > 666 || v.Number.Unit != "days" || v.Number.Value != math.Round(v.Number.Value) {
				t.Fatalf("seed %d: %s for 444 days", seed, v.Number)
			}
		}
		for _, v := range wrongOf(t, g, "coup", 4, seed) {
			if v.Date.Precision != bank.Year || v.Date.Year < 1954 || v.Date.Year > 2004 || v.Date.Year == 1979 {
				t.Fatalf("seed %d: %s for 1979", seed, v.Date)
			}
		}
		// An announced date (after the article) has neighbours on both
		// sides, within 45 days.
		for _, v := range wrongOf(t, g, "launch", 4, seed) {
			days := v.Date.Time().Sub(bank.Date{Year: 2020, Month: 6, Day: 28, Precision: bank.Day}.Time()).Hours() / 24
			if v.Date.Precision != bank.Day || math.Abs(days) > 45 || days == 0 {
				t.Fatalf("seed %d: %s for 28 June 2020", seed, v.Date)
			}
		}
		// A month whose year the article does not print: wrong months
		// carry the brackets too, so the key does not stand out.
		for _, v := range wrongOf(t, g, "talks", 3, seed) {
			if s := b.Text(v); !strings.HasSuffix(s, " [2019]") && !strings.HasSuffix(s, " [2018]") && !strings.HasSuffix(s, " [2017]") {
				t.Fatalf("seed %d: %q for September [2019]", seed, s)
			}
		}
	}
	// The launch's neighbours fall after the article too: both sides of
	// the key are open.
	above := 0
	for seed := uint64(0); seed < 50; seed++ {
		for _, v := range wrongOf(t, g, "launch", 3, seed) {
			if v.Date.Compare(bank.Date{Year: 2020, Month: 6, Day: 28, Precision: bank.Day}) > 0 {
				above++
			}
		}
	}
	if above == 0 {
		t.Error("no wrong date after an announced launch in 50 draws")
	}
}

// TestInferredDayNeighbours: a speech on 1 November of the article's year
// (shown without the year) gets no wrong day after the article's date, 3
// November: above the key only 2 and 3 November are left.
func TestInferredDayNeighbours(t *testing.T) {
	b := parseBank(t, ordinalBank)
	g := newGen(b, rng(1))
	above := map[string]bool{}
	for _, c := range g.dateCandidates(mustFact(t, b, "speech")) {
		d := c.v.Date
		if d.Precision != bank.MonthDay {
			t.Errorf("candidate %s: want a day and month", d)
		}
		if c.side > 0 {
			above[d.String()] = true
		}
		if (d.Month == 11 && d.Day > 1) != (c.side > 0) {
			t.Errorf("candidate %s on side %d", d, c.side)
		}
	}
	if len(above) != 2 || !above["2 November"] || !above["3 November"] {
		t.Errorf("candidates after 1 November: %v, want 2 and 3 November", above)
	}
}

// TestCuratedOrdinals: a curated wrong list is trusted outside the band,
// and one as long as needed decides on its own; a shorter one comes first
// within its side of the key.
func TestCuratedOrdinals(t *testing.T) {
	b := parseBank(t, ordinalBank)
	g := newGen(b, rng(1))
	for seed := uint64(0); seed < 50; seed++ {
		var got []float64
		for _, v := range wrongOf(t, g, "ballots", 3, seed) {
			got = append(got, v.Number.Value)
		}
		sort.Float64s(got)
		if !slices.Equal(got, []float64{50, 300, 4440}) {
			t.Fatalf("seed %d: %v, want the curated 50, 300, 4440", seed, got)
		}
		got = got[:0]
		for _, v := range wrongOf(t, g, "crew", 3, seed) {
			got = append(got, v.Number.Value)
		}
		anyAbove, anyBelow := false, false
		for _, x := range got {
			anyAbove = anyAbove || x > 12
			anyBelow = anyBelow || x < 12
			if x != 30 && x != 0 && (x < 6 || x > 18) {
				t.Fatalf("seed %d: automatic %v for 12 outside the band", seed, x)
			}
		}
		if anyAbove && !slices.Contains(got, 30) {
			t.Fatalf("seed %d: %v goes above 12 without the curated 30", seed, got)
		}
		// A curated zero is the curator's judgement too.
		if anyBelow && !slices.Contains(got, 0) {
			t.Fatalf("seed %d: %v goes below 12 without the curated 0", seed, got)
		}
	}
}

// TestKnownDatesFirst: within a side, the bank's own dates come before
// made-up shifts: 1983 (another fact's answer) and 1985 (the crisis) are
// the first years offered above 1979; 1953 (the war) is out of the
// 25-year band and never is.
func TestKnownDatesFirst(t *testing.T) {
	g := newGen(parseBank(t, ordinalBank), rng(1))
	withAbove := 0
	for seed := uint64(0); seed < 100; seed++ {
		years := map[int]bool{}
		above := 0
		for _, v := range wrongOf(t, g, "coup", 3, seed) {
			years[v.Date.Year] = true
			if v.Date.Year > 1979 {
				above++
			}
		}
		if years[1953] {
			t.Fatalf("seed %d: 1953 offered for 1979", seed)
		}
		switch {
		case above == 1 && !years[1983] && !years[1985]:
			t.Fatalf("seed %d: one year above 1979, neither 1983 nor 1985: %v", seed, years)
		case above >= 2 && (!years[1983] || !years[1985]):
			t.Fatalf("seed %d: years above 1979 without both 1983 and 1985: %v", seed, years)
		}
		if above >= 2 {
			withAbove++
		}
	}
	if withAbove == 0 {
		t.Error("never two wrong years above 1979 in 100 draws")
	}
}

// TestOrdinalShortage: a key whose band holds too few figures fails with
// a *shortage that says so.
func TestOrdinalShortage(t *testing.T) {
	b := parseBank(t, ordinalBank)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "share")
	f.Answer.Number.Value = 2 // 2 percent: only 1, 3, 4, 5 and 6 are in the band
	wrong, err := g.distractors(f, "What share?", 5)
	if err != nil || len(wrong) != 5 {
		t.Fatalf("5 wrong options for 2 percent: %v, %v", wrong, err)
	}
	_, err = g.distractors(f, "What share?", 6)
	var s *shortage
	if !errors.As(err, &s) || s.have != 5 || s.need != 6 || !strings.Contains(err.Error(), "within the plausible band") {
		t.Errorf("6 wrong options for 2 percent: %v", err)
	}
}

// reasonBank: a reason 44 characters long, and wrong reasons of its type
// that are longer (2), a little shorter (3) and much shorter (1, under
// three quarters of its length).
const reasonBank = `
[article]
title = "Bridge"
outlet = "Test News"
date = "2019-11-03"
summary = "A bridge closed."
text = '''
The council closed the bridge because the river had flooded its footings.
'''

[[groups]]
id = "flood"
name = "The river had flooded the bridge's footings"
type = "reason"

[[groups]]
id = "long1"
name = "Inspectors had found cracks in two of its main cables"
type = "reason"
foil = true

[[groups]]
id = "long2"
name = "A lorry had struck the railing on the eastern approach"
type = "reason"
foil = true

[[groups]]
id = "short1"
name = "The council had run out of repair money"
type = "reason"
foil = true

[[groups]]
id = "short2"
name = "Its lights had failed during the storm"
type = "reason"
foil = true

[[groups]]
id = "short3"
name = "A new bridge had opened further upstream"
type = "reason"
foil = true

[[groups]]
id = "tiny"
name = "Its paint was peeling badly"
type = "reason"
foil = true

[[facts]]
id = "closed"
kind = "why"
ask = "Why did the council close the bridge?"
answer = "flood"
source = "The council closed the bridge because the river had flooded its footings."
`

// TestLengthRank: the answer is the longest option about as often as
// chance makes it (1/(n+1)), not always and not never, when the pool has
// wrong options on both sides of its length; the pool decides otherwise
// (HDR 24). Lengths are counted here by hand from reasonBank.
func TestLengthRank(t *testing.T) {
	longest := func(b *bank.Bank, seed uint64) bool {
		g := newGen(b, rng(1))
		keyLen := utf8.RuneCountInString(mustEntity(t, b, "flood").Name)
		for _, v := range wrongOf(t, g, "closed", 3, seed) {
			if utf8.RuneCountInString(mustEntity(t, b, v.Entity).Name) >= keyLen {
				return false
			}
		}
		return true
	}
	const n = 400
	b := parseBank(t, reasonBank)
	count := 0
	for seed := uint64(0); seed < n; seed++ {
		if longest(b, seed) {
			count++
		}
	}
	// Chance is a quarter of 400; a fair draw stays within 60–140.
	if count < 60 || count > 140 {
		t.Errorf("the answer is the longest option in %d of %d draws, want about a quarter", count, n)
	}
	// Only shorter wrong reasons: the answer is always the longest (check
	// warns); only longer ones and two shorter: never.
	short := parseBank(t, withoutBlocks(reasonBank, "long1", "long2"))
	long := parseBank(t, withoutBlocks(reasonBank, "short3", "tiny"))
	for seed := uint64(0); seed < 50; seed++ {
		if !longest(short, seed) {
			t.Fatalf("seed %d: a wrong option as long as the answer came from a pool with none", seed)
		}
		if longest(long, seed) {
			t.Fatalf("seed %d: the answer is the longest although the pool holds longer wrong options", seed)
		}
	}
}

// withoutBlocks returns a bank's source without the entities whose ids are
// given (blocks are separated by blank lines).
func withoutBlocks(src string, ids ...string) string {
	var keep []string
	for _, block := range strings.Split(src, "\n\n") {
		drop := false
		for _, id := range ids {
			if strings.Contains(block, `id = "`+id+`"`) {
				drop = true
			}
		}
		if !drop {
			keep = append(keep, block)
		}
	}
	return strings.Join(keep, "\n\n")
}

// TestDetermined: the specific determiners of HDR 28, as whole words.
func TestDetermined(t *testing.T) {
	for s, want := range map[string]bool{
		"Sanctions never hurt the regime":          true,
		"He always refused to talk":                true,
		"The talks failed completely":              true,
		"It had not hurt the economy at all":       true,
		"Nothing changed after the meeting":        true,
		"Sanctions hurt ordinary people":           false,
		"The Neverland ranch was sold":             false, // inside a word
		"He had ever prohibited negotiations":      false, // "ever" is not one
		"Khamenei denied all talks with the U.S.":  false,
		"The allways misspelt is not the word":     false,
		"ALWAYS in capitals still counts":          true,
		"Nobody doubted the report, not even Iran": false,
	} {
		if got := determined(s); got != want {
			t.Errorf("determined(%q) = %v, want %v", s, got, want)
		}
	}
}

// determinerBank: a reason without a specific determiner, three plain
// wrong reasons and two that say "never" or "always", all of about its
// length.
const determinerBank = `
[article]
title = "Bridge"
outlet = "Test News"
date = "2019-11-03"
summary = "A bridge closed."
text = '''
The council closed the bridge because the river had flooded its footings.
'''

[[groups]]
id = "flood"
name = "The river had flooded the footings"
type = "reason"

[[groups]]
id = "cables"
name = "Inspectors had found cracked cables"
type = "reason"
foil = true

[[groups]]
id = "lorry"
name = "A lorry had struck the railings"
type = "reason"
foil = true

[[groups]]
id = "money"
name = "The council had run out of money"
type = "reason"
foil = true

[[groups]]
id = "never"
name = "The bridge had never been inspected"
type = "reason"
foil = true

[[groups]]
id = "always"
name = "Its lights always failed in storms"
type = "reason"
foil = true

[[facts]]
id = "closed"
kind = "why"
ask = "Why did the council close the bridge?"
answer = "flood"
wrong = ["never", "always", "cables"]
source = "The council closed the bridge because the river had flooded its footings."
`

// TestDeterminersLast: wrong options that say "never" or "always" where
// the answer does not fill an item only when nothing else can, curated
// or not (HDR 28); when the answer says one, they are ordinary options.
func TestDeterminersLast(t *testing.T) {
	b := parseBank(t, determinerBank)
	g := newGen(b, rng(1))
	for seed := uint64(0); seed < 100; seed++ {
		for _, v := range wrongOf(t, g, "closed", 3, seed) {
			if v.Entity == "never" || v.Entity == "always" {
				t.Fatalf("seed %d: %q offered although three plain wrong reasons exist", seed, v.Entity)
			}
		}
		// Four wrong options: one of the marked ones must fill.
		marked := 0
		for _, v := range wrongOf(t, g, "closed", 4, seed) {
			if v.Entity == "never" || v.Entity == "always" {
				marked++
			}
		}
		if marked != 1 {
			t.Fatalf("seed %d: %d marked options among four, want exactly the one needed", seed, marked)
		}
	}
	// The answer says "never": the marked options are as good as any.
	nb := parseBank(t, strings.Replace(determinerBank, `name = "The river had flooded the footings"`, `name = "The river had never flooded it before"`, 1))
	ng := newGen(nb, rng(1))
	seen := map[string]bool{}
	for seed := uint64(0); seed < 100; seed++ {
		for _, v := range wrongOf(t, ng, "closed", 3, seed) {
			seen[v.Entity] = true
		}
	}
	if !seen["never"] || !seen["always"] {
		t.Errorf("answer with a determiner: marked options never offered (%v)", seen)
	}
}

// TestFactBand: a ceiling set by "out of N" in the question, statement or
// unit, and multipliers above 1 (rule 3). Cases by hand.
func TestFactBand(t *testing.T) {
	num := func(v float64, unit, ask string) bank.Fact {
		return bank.Fact{Ask: ask, Answer: bank.Value{Type: bank.NumberValue, Number: bank.Number{Value: v, Unit: unit}}}
	}
	eight := num(8, "", "How many out of 10 middle-aged people weigh too much?")
	times := num(5, "times", "How many times more likely?")
	for _, tc := range []struct {
		x    float64
		f    bank.Fact
		want bool
	}{
		{9, eight, true},
		{10, eight, false}, // "10 out of 10" is "all": a cue
		{11, eight, false},
		{12, eight, false},
		{6, eight, true},
		{9, num(8, "in 10", "How many?"), true},
		{11, num(8, "out of 10 people", "How many?"), false},
		{11, num(8, "", "How many people were held?"), true},   // no ceiling
		{10, num(10, "", "How many out of 10 passed?"), false}, // the key itself
		{9, num(10, "", "How many out of 10 passed?"), true},
		{1, times, false},
		{2, times, true},
		{9, times, true},
		{1, num(5, "people", "How many?"), true},
		{1, num(3, "-fold", "How much?"), false},
	} {
		if got := inFactBand(tc.x, tc.f); got != tc.want {
			t.Errorf("inFactBand(%v, %v %q, %q) = %v, want %v", tc.x, tc.f.Answer.Number.Value, tc.f.Answer.Number.Unit, tc.f.Ask, got, tc.want)
		}
	}
}

// TestRelativeDateBefore: a date the article gives as "last month" lies
// before the article's month, so no option falls in or after it; with
// every option earlier, the key would always be the latest, so no
// multiple-choice item is made, while a true/false statement still gets
// an earlier month.
func TestRelativeDateBefore(t *testing.T) {
	src := `
[article]
title = "Retired"
outlet = "Test News"
date = "2011-04-13"
summary = "An orbiter retired."
text = '''
Discovery was retired after its mission last month.
'''

[[facts]]
id = "retired"
kind = "when"
ask = "Discovery was retired after its mission “last month”. Which month was that?"
date = "[2011-03]"
source = "Discovery was retired after its mission last month."
`
	b := parseBank(t, src)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "retired")
	if _, err := g.distractors(f, f.Ask, 3); err == nil || !strings.Contains(err.Error(), "always be the latest option") {
		t.Errorf("three options: %v", err)
	}
	april := bank.Date{Year: 2011, Month: 4, Precision: bank.Month}
	for seed := uint64(0); seed < 30; seed++ {
		g.rng = rng(seed)
		wrong, err := g.distractors(f, f.Ask, 1)
		if err != nil || len(wrong) != 1 {
			t.Fatalf("one option: %v, %v", wrong, err)
		}
		if wrong[0].Date.Compare(april) >= 0 {
			t.Fatalf("seed %d: %s offered for “last month” in April", seed, wrong[0].Date)
		}
	}
}
