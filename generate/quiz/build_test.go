package quiz

import (
	"slices"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// Table tests for building items (build.go). Expected answers are written
// by hand from the rules and the doc comments' examples.

// TestClozeFigure: a qualified figure is asked as a gap in the article's
// own words, found in digits, without separators, or as a word.
func TestClozeFigure(t *testing.T) {
	for _, tc := range []struct {
		excerpt string
		n       bank.Number
		want    string // "" when the excerpt does not show the figure
	}{
		{"More than 50 diplomats were taken.", bank.Number{Value: 50}, "Complete the article’s words: “More than ___ diplomats were taken.”"},
		{"“the deal gave more than 1,000 people jobs”", bank.Number{Value: 1000}, "Complete the article’s words: “…the deal gave more than ___ people jobs…”"},
		{"  'more than 1000 people'  ", bank.Number{Value: 1000}, "Complete the article’s words: “…more than ___ people…”"},
		{"More than fifty diplomats were taken!", bank.Number{Value: 50}, "Complete the article’s words: “More than ___ diplomats were taken!”"},
		{"Were more than 50 taken?", bank.Number{Value: 50}, "Complete the article’s words: “Were more than ___ taken?”"},
		{"about 2.5 million left", bank.Number{Value: 2.5, Decimals: 1}, "Complete the article’s words: “…about ___ million left…”"},
		{"Fifty were taken", bank.Number{Value: 50}, "Complete the article’s words: “…___ were taken…”"},
		{"It was 50", bank.Number{Value: 50}, "Complete the article’s words: “It was ___…”"},
		{"More than 500 diplomats were taken.", bank.Number{Value: 50}, ""}, // 50 is not a word of 500
		{"Some 150 diplomats", bank.Number{Value: 50}, ""},
		{"about two million left", bank.Number{Value: 2, Decimals: 1}, ""}, // 2.0 is never spelled
		{"about twenty-one left", bank.Number{Value: 21}, ""},
		{"nothing here", bank.Number{Value: 7}, ""},
	} {
		got, ok := clozeFigure(tc.excerpt, tc.n)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("clozeFigure(%q, %v) = %q, %v; want %q", tc.excerpt, tc.n.Value, got, ok, tc.want)
		}
	}
}

// TestWordIndex: where a figure stands as a whole word, ignoring case.
func TestWordIndex(t *testing.T) {
	for _, tc := range []struct {
		s, form string
		want    int
	}{
		{"abc 50 def", "50", 4},
		{"50", "50", 0},
		{"x 50", "50", 2},
		{"150", "50", -1},
		{"50s", "50", -1},
		{"x50", "50", -1},
		{"+50", "50", -1},
		{"500 50", "50", 4},
		{"50, 60", "50", 0},
		{"a 50-50 split", "50", 2},
		{"FIFTY men", "fifty", 0},
		{"the fiftyish men", "fifty", -1},
		{"5", "50", -1},
		{"", "50", -1},
	} {
		if got := wordIndex(tc.s, tc.form); got != tc.want {
			t.Errorf("wordIndex(%q, %q) = %d, want %d", tc.s, tc.form, got, tc.want)
		}
	}
}

// TestRoundLike: a figure made from n is rounded as precisely as n is
// written: 12,000 to thousands, 2.5 to tenths, 444 to units.
func TestRoundLike(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		n    bank.Number
		want float64
	}{
		{24000, bank.Number{Value: 12000}, 24000},
		{18400, bank.Number{Value: 12000}, 18000},
		{6000, bank.Number{Value: 12000}, 6000},
		{888, bank.Number{Value: 444}, 888},
		{222, bank.Number{Value: 444}, 222},
		{25, bank.Number{Value: 50}, 30}, // tens, half away from zero
		{100, bank.Number{Value: 50}, 100},
		{1.234, bank.Number{Value: 2.5, Decimals: 1}, 1.2},
		{1.25, bank.Number{Value: 2.5, Decimals: 1}, 1.3},
		{5, bank.Number{Value: 2.5, Decimals: 1}, 5},
		{1.234, bank.Number{Value: 0.25, Decimals: 2}, 1.23},
		{3, bank.Number{Value: 60}, 10}, // never rounded down to zero
		{150, bank.Number{Value: 300}, 200},
		{600, bank.Number{Value: 300}, 600},
		{7, bank.Number{Value: 7}, 7},
		{50, bank.Number{Value: 100}, 50}, // a power of ten: one digit more
		{200, bank.Number{Value: 100}, 200},
		{500, bank.Number{Value: 1000}, 500},
		{5, bank.Number{Value: 10}, 5},
	} {
		if got := roundLike(tc.x, tc.n); got != tc.want {
			t.Errorf("roundLike(%v, %v) = %v, want %v", tc.x, tc.n.Value, got, tc.want)
		}
	}
}

// TestSubstitute: rule 6 for qualified figures: "more than 50 diplomats"
// becomes "fewer than 50 diplomats", "less than" for amounts; the reverse
// for an upper bound; an approximate figure is doubled or halved.
func TestSubstitute(t *testing.T) {
	g := newGen(rulesBank(t), rng(1))
	fact := func(n bank.Number) *bank.Fact {
		return &bank.Fact{ID: "x", Ask: "How many?", Statement: "{answer} were taken.",
			Answer: bank.Value{Type: bank.NumberValue, Number: n}}
	}
	for _, tc := range []struct {
		n    bank.Number
		want []string // any of these
	}{
		{bank.Number{Value: 50, Qualifier: "more than", Unit: "diplomats"}, []string{"Fewer than 50 diplomats were taken."}},
		{bank.Number{Value: 50, Qualifier: "more than", Unit: "percent"}, []string{"Less than 50 percent were taken."}},
		{bank.Number{Value: 50, Qualifier: "more than", Unit: "%"}, []string{"Less than 50 % were taken."}},
		{bank.Number{Value: 50, Qualifier: "more than"}, []string{"Less than 50 were taken."}},
		{bank.Number{Value: 2.5, Decimals: 1, Qualifier: "over", Unit: "tonnes"}, []string{"Less than 2.5 tonnes were taken."}},
		{bank.Number{Value: 50, Qualifier: "fewer than", Unit: "diplomats"}, []string{"More than 50 diplomats were taken."}},
		{bank.Number{Value: 50, Qualifier: "up to", Unit: "diplomats"}, []string{"More than 50 diplomats were taken."}},
		{bank.Number{Value: 12000, Qualifier: "about", Unit: "troops"}, []string{"About 24,000 troops were taken.", "About 6,000 troops were taken."}},
		{bank.Number{Value: 444, Qualifier: "nearly", Unit: "days"}, []string{"Nearly 888 days were taken.", "Nearly 222 days were taken."}},
		{bank.Number{Value: 100, Qualifier: "about", Unit: "people"}, []string{"About 200 people were taken.", "About 50 people were taken."}},
	} {
		seen := map[string]bool{}
		for seed := uint64(0); seed < 20; seed++ {
			g.rng = rng(seed)
			s, ok := g.substitute(fact(tc.n))
			if !ok {
				t.Fatalf("%s: no false statement", tc.n)
			}
			seen[s] = true
		}
		for s := range seen {
			found := false
			for _, w := range tc.want {
				found = found || s == w
			}
			if !found {
				t.Errorf("%s: false statement %q, want one of %q", tc.n, s, tc.want)
			}
		}
		if len(seen) != len(tc.want) {
			t.Errorf("%s: false statements %v in 20 seeds, want each of %q", tc.n, seen, tc.want)
		}
	}
	// Any other value: a clean wrong value in the slot, never one the
	// rest of the statement names ("Donald Trump waited with Trump").
	b := rulesBank(t)
	f := mustFact(t, b, "never-emerged")
	for seed := uint64(0); seed < 30; seed++ {
		g.rng = rng(seed)
		s, ok := g.substitute(&f)
		if !ok {
			t.Fatal("no false statement for never-emerged")
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(s, "As Macron and Trump waited, "), " never emerged from his room.")
		if rest == s || rest == "Hassan Rouhani" || strings.Contains(rest, "Macron") || strings.Contains(rest, "Trump") {
			t.Errorf("seed %d: false statement %q", seed, s)
		}
	}
	// No clean wrong value (every other country is named): no false
	// statement.
	lf := mustFact(t, b, "mediators")
	lf.Statement = "{answer}, unlike France, Iran, Oman and America, mediated."
	if s, ok := g.substitute(&lf); ok {
		t.Errorf("a false statement %q with no one else to put in", s)
	}
}

// TestPlanForms: how many questions of each form a quiz gets, worked out
// by hand from the default mix (a quarter true/false; one matching from 8
// questions, one ordering from 10) and from --forms.
func TestPlanForms(t *testing.T) {
	for _, tc := range []struct {
		count     int
		forms     []Form
		matchSets int
		canOrder  bool
		want      plan
		err       string
	}{
		{10, nil, 1, true, plan{Match: 1, Order: 1, TF: 2, MC: 6}, ""},
		{8, nil, 1, true, plan{Match: 1, TF: 2, MC: 5}, ""},
		{7, nil, 1, true, plan{TF: 2, MC: 5}, ""},
		{9, nil, 0, true, plan{TF: 2, MC: 7}, ""},
		{10, nil, 0, true, plan{Order: 1, TF: 2, MC: 7}, ""},
		{10, nil, 2, false, plan{Match: 1, TF: 2, MC: 7}, ""},
		{6, nil, 0, false, plan{TF: 2, MC: 4}, ""}, // 1.5 rounds up
		{4, nil, 0, false, plan{TF: 1, MC: 3}, ""},
		{3, nil, 0, false, plan{MC: 3}, ""}, // fewer than 4: no true/false
		{12, nil, 1, true, plan{Match: 1, Order: 1, TF: 3, MC: 7}, ""},
		{10, []Form{MC, TF}, 1, true, plan{TF: 3, MC: 7}, ""},
		{10, []Form{MC}, 1, true, plan{MC: 10}, ""},
		{5, []Form{TF}, 1, true, plan{TF: 5}, ""},
		{8, []Form{MC, TF, Match, Order}, 2, true, plan{Match: 1, Order: 1, TF: 2, MC: 4}, ""},
		{2, []Form{Match}, 3, false, plan{Match: 2}, ""},
		{3, []Form{Match}, 3, false, plan{Match: 3}, ""},
		{3, []Form{Match}, 2, false, nil, "forms match can make only 2 questions; asked for 3"},
		{2, []Form{Match, Order}, 3, true, plan{Match: 1, Order: 1}, ""},
		{3, []Form{Match, Order}, 3, true, nil, "forms match,order can make only 2 questions; asked for 3"},
		{1, []Form{Order}, 0, true, plan{Order: 1}, ""},
		{2, []Form{Order}, 0, true, nil, "forms order can make only 1 question; asked for 2"},
		{1, []Form{Match, Order, MC}, 1, true, nil, "forms match,order,mc can make only 1 question; asked for 1"},
		{4, []Form{Match}, 0, true, nil, "no matching question is possible"},
		{4, []Form{Order, MC}, 1, false, nil, "no ordering question is possible"},
	} {
		got, err := planForms(Options{Count: tc.count, Forms: tc.forms}, tc.matchSets, tc.canOrder)
		name := joinForms(tc.forms)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("count %d forms %q: got %v, %v; want error %q", tc.count, name, got, err, tc.err)
			}
		case err != nil:
			t.Errorf("count %d forms %q: %v", tc.count, name, err)
		default:
			for _, f := range Forms {
				if got[f] != tc.want[f] {
					t.Errorf("count %d forms %q sets %d canOrder %v: plan %v, want %v", tc.count, name, tc.matchSets, tc.canOrder, got, tc.want)
					break
				}
			}
		}
	}
}

// TestDescribeFilter: messages name what a filter selects.
func TestDescribeFilter(t *testing.T) {
	for _, tc := range []struct {
		f    bank.Filter
		n    int
		want string
	}{
		{bank.Filter{}, 3, "facts in the bank"},
		{bank.Filter{}, 1, "fact in the bank"},
		{bank.Filter{}, 0, "facts in the bank"},
		{bank.Filter{Kinds: []string{"deal", "who"}}, 2, "facts of kind deal or who"},
		{bank.Filter{Tags: []string{"iran"}}, 1, "fact tagged iran"},
		{bank.Filter{Difficulties: []int{1, 2}}, 4, "facts of difficulty 1 or 2"},
		{bank.Filter{Kinds: []string{"when"}, Tags: []string{"a", "b"}, Difficulties: []int{3}}, 2, "facts of kind when, tagged a or b, of difficulty 3"},
	} {
		if got := describeFilter(tc.f, tc.n); got != tc.want {
			t.Errorf("describeFilter(%+v, %d) = %q, want %q", tc.f, tc.n, got, tc.want)
		}
	}
}

// TestEventsDated: a fact asking a date makes the same point as a matching
// or ordering question showing an event of that date (rule 9), a day
// whose year is not printed included.
func TestEventsDated(t *testing.T) {
	g := newGen(rulesBank(t), rng(1))
	date := func(s string) bank.Value {
		d, err := bank.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return bank.Value{Type: bank.DateValue, Date: d}
	}
	for _, tc := range []struct {
		v    bank.Value
		want string
	}{
		{date("1979"), "seizure"},
		{date("2018-05"), "exit"},
		{date("2018"), ""}, // the year of a month is not that month
		{date("1980"), ""},
		{date("2019-09-24"), "wait"}, // the wait is on 24 September, year not printed
		{date("[2019]-09-24"), "wait"},
		{date("--09-24"), "wait"},
		{date("2019-09-25"), ""},
		{date("2019-10-24"), ""},
		{date("2019-09"), ""},
		{bank.Value{Type: bank.NumberValue, Number: bank.Number{Value: 1979}}, ""},
	} {
		if got := strings.Join(g.eventsDated(tc.v), ","); got != tc.want {
			t.Errorf("eventsDated(%s) = %q, want %q", g.show(tc.v), got, tc.want)
		}
	}
}

// TestMultipleChoiceRefusals: a fact whose question names its own answer,
// or whose qualified figure its source does not show, makes no item, and
// the reason says so.
func TestMultipleChoiceRefusals(t *testing.T) {
	b := rulesBank(t)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "pulled-out")
	f.Ask = "Did Trump pull the United States out of the deal?"
	if _, err := g.multipleChoice(&f, 4, nil); err == nil || !strings.HasPrefix(err.Error(), "the question names its own answer: it holds \"Trump\", the surname of Donald Trump") {
		t.Errorf("a stem naming its answer: %v", err)
	}
	f = mustFact(t, b, "hostage-count")
	f.Source = "More than five dozen diplomats were taken."
	if _, err := g.multipleChoice(&f, 4, nil); err == nil || !strings.Contains(err.Error(), "does not show the figure 50") {
		t.Errorf("a source without the figure: %v", err)
	}
	// Automatic wrong figures for "more than 50" would all lie above it,
	// the answer always first: no item.
	f = mustFact(t, b, "hostage-count")
	if _, err := g.multipleChoice(&f, 4, nil); err == nil || !strings.Contains(err.Error(), "a wrong figure below 50 would be true too") {
		t.Errorf("more than 50 with automatic figures: %v", err)
	}
	// With curated figures, the qualified figure is asked as the bare
	// figure: the answer shows "50", and the options no qualifier.
	f.Wrong = []bank.Value{{Type: bank.NumberValue, Number: bank.Number{Value: 60}}, {Type: bank.NumberValue, Number: bank.Number{Value: 70}}, {Type: bank.NumberValue, Number: bank.Number{Value: 80}}}
	it, err := g.multipleChoice(&f, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	if it.q.Correct != "50" || it.q.Options[it.q.Answer] != "50" || !it.q.Ordered || !strings.HasPrefix(it.q.Prompt, "Complete the article’s words") {
		t.Errorf("qualified figure: prompt %q, options %q, correct %q", it.q.Prompt, it.q.Options, it.q.Correct)
	}
}

// TestStandsOutRetry: an answer that stands out from every wrong option
// the bank can offer makes no item, with advice.
func TestStandsOutRetry(t *testing.T) {
	b := rulesBank(t)
	f := mustFact(t, b, "embassy-city")
	bb := b.WithFacts(b.Facts)
	bb.Entities = append([]bank.Entity{}, b.Entities...)
	for i, e := range bb.Entities {
		if e.ID == "tehran" {
			bb.Entities[i].Name = "Tehran (the capital of Iran)"
		}
	}
	g := newGen(bb, rng(1))
	_, err := g.multipleChoice(&f, 4, nil)
	if err == nil || !strings.Contains(err.Error(), "its answer stands out (the only option with parentheses)") {
		t.Errorf("got %v", err)
	}
}

// TestTrueFalseItems: a fact without a statement makes no true/false item;
// curated false statements come as they are; without them a clean
// substitution is made.
func TestTrueFalseItems(t *testing.T) {
	b := rulesBank(t)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "embassy-city")
	if _, err := g.trueFalse(&f, nil); err == nil || err.Error() != "it has no statement" {
		t.Errorf("no statement: %v", err)
	}
	f = mustFact(t, b, "pulled-out")
	f.FalseStatements = []string{"Barack Obama pulled the United States out of the deal."}
	it, err := g.trueFalse(&f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if it.truth != "Donald Trump pulled the United States out of the deal." || len(it.falses) != 1 || it.falses[0] != f.FalseStatements[0] {
		t.Errorf("truth %q, falses %q", it.truth, it.falses)
	}
	if it.q.Options[0] != "True" || it.q.Options[1] != "False" {
		t.Errorf("options %q", it.q.Options)
	}
	f.FalseStatements = nil
	it, err = g.trueFalse(&f, nil)
	if err != nil || len(it.falses) != 1 || it.falses[0] == it.truth || !strings.HasSuffix(it.falses[0], " pulled the United States out of the deal.") {
		t.Errorf("substituted: %v, %v", it, err)
	}
}

// planeBank: the answer has digits, and one of four alike groups has too.
const planeBank = `
[article]
title = "Planes"
outlet = "Test News"
date = "2019-11-03"
summary = "A plane."
text = '''
The Boeing 747 carried the shuttle across the country.
'''

[[groups]]
id = "b747"
name = "Boeing 747"
type = "aircraft"

[[groups]]
id = "a380"
name = "Airbus A380"
type = "aircraft"
foil = true

[[groups]]
id = "concorde"
name = "Concorde"
type = "aircraft"
foil = true

[[groups]]
id = "comet"
name = "Comet"
type = "aircraft"
foil = true

[[groups]]
id = "trident"
name = "Trident"
type = "aircraft"
foil = true

[[facts]]
id = "carrier"
kind = "what"
ask = "Which aircraft carried the shuttle across the country?"
answer = "b747"
source = "The Boeing 747 carried the shuttle across the country."
`

// TestStandsOutRedraw: when a draw of wrong options leaves the answer the
// only one with digits, the options are drawn again (rule 5): every item
// made offers the Airbus A380, and a few redraws make one on every seed.
func TestStandsOutRedraw(t *testing.T) {
	b := parseBank(t, planeBank)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "carrier")
	for seed := uint64(0); seed < 40; seed++ {
		g.rng = rng(seed)
		it, err := g.multipleChoice(&f, 4, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if !slices.Contains(it.q.Options, "Airbus A380") {
			t.Fatalf("seed %d: options %q", seed, it.q.Options)
		}
	}
}

// TestTrueFalseWholeSentence: a statement cut short at either end is no
// true/false item, and a cut false statement is never shown; whole
// sentences, with an ellipsis inside a quotation or none, are kept.
func TestTrueFalseWholeSentence(t *testing.T) {
	for _, tc := range []struct {
		s   string
		cut bool
	}{
		{"…who are either overweight or obese.", true},
		{"... who are either overweight or obese.", true},
		{"PHE is reaching out to the 83% who are physically…", true},
		{"PHE is reaching out to the 83% who are physically….", true},
		{"PHE is reaching out to the 83% who are physically...", true},
		{"  …who are inactive ", true},
		{"Khamenei said “…this is one hundred percent wrong”.", false},
		{"Trump pulled the United States out of the deal.", false},
		{"He paused... then went on.", false},
	} {
		if got := cutShort(tc.s); got != tc.cut {
			t.Errorf("cutShort(%q) = %v, want %v", tc.s, got, tc.cut)
		}
	}
	b := rulesBank(t)
	g := newGen(b, rng(1))
	f := mustFact(t, b, "pulled-out")
	if f.Statement == "" {
		t.Fatal("pulled-out has no statement: the test checks nothing")
	}
	whole := f.Statement
	f.Statement = "…" + whole
	if _, err := g.trueFalse(&f, nil); err == nil || !strings.Contains(err.Error(), "cut short") {
		t.Errorf("a cut statement: %v", err)
	}
	f.Statement = whole
	f.FalseStatements = []string{"Barack Obama pulled the United States out of the…", "Barack Obama pulled the United States out of the deal."}
	it, err := g.trueFalse(&f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(it.falses) != 1 || it.falses[0] != f.FalseStatements[1] {
		t.Errorf("false statements %q, want the whole one only", it.falses)
	}
}
