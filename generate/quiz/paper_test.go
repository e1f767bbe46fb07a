package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// Tests for what one paper may hold (paper.go, rules 8–11). Expected
// answers are worked out by hand from the rules and the banks below.

// TestConflicts: two items may not share a paper when they draw on one
// sentence group or one event, or when either names the other's answer
// in its text or in an option that says more than the answer.
func TestConflicts(t *testing.T) {
	points := numberForms(bank.Number{Value: 4, Unit: "points"})
	for _, tc := range []struct {
		name string
		a, b *item
		want bool
	}{
		{"one sentence group", &item{groups: []int{1, 2}}, &item{groups: []int{3, 2}}, true},
		{"different groups", &item{groups: []int{1}}, &item{groups: []int{2}}, false},
		{"one event", &item{events: []string{"coup", "exit"}}, &item{events: []string{"exit"}}, true},
		{"different events", &item{events: []string{"coup"}}, &item{events: []string{"exit"}}, false},
		{"answer in the other's stem", &item{keys: []string{"Donald Trump", "Trump"}}, &item{text: "Why did Trump leave?"}, true},
		{"answer in the first's stem", &item{text: "Why did Trump leave?"}, &item{keys: []string{"Donald Trump", "Trump"}}, true},
		{"answer not named", &item{keys: []string{"Donald Trump", "Trump"}}, &item{text: "Why did the trumpet sound?"}, false},
		{"answer inside a longer option", &item{keys: points}, &item{text: "What did the plan hold?", opts: []string{"The four-point deal", "The pact"}}, true},
		{"answer as a whole option", &item{keys: points}, &item{text: "How many?", opts: []string{"Four points", "Five points"}}, false},
		{"answer as a whole option, in digits", &item{keys: []string{"1979"}}, &item{text: "When?", opts: []string{"1979", "1980"}}, false},
		{"a figure inside an option", &item{keys: []string{"1979"}}, &item{text: "What?", opts: []string{"The 1979 revolution", "The coup"}}, true},
	} {
		if got := conflicts(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: conflicts = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// spreadBank has six number facts and two date facts, each in a sentence
// of its own, with answers far enough apart that no item names another's.
const spreadBank = `
[article]
title = "Spread"
outlet = "Test News"
date = "2019-11-03"
summary = "Figures."
text = '''
The fleet had 3 ships. The port held 20 cranes. The town had 100 wells.
The mine had 400 shafts. The farm had 2,000 sheep. The army had 9,000 horses.
The bridge opened in 1950. The dam opened in 1990.
'''

[[facts]]
id = "ships"
kind = "number"
ask = "How many ships had the fleet?"
number = 3
unit = "ships"
statement = "The fleet had {answer}."
false_statements = ["The fleet had 9 ships."]
source = "The fleet had 3 ships."

[[facts]]
id = "cranes"
kind = "number"
ask = "How many cranes did the port hold?"
number = 20
unit = "cranes"
statement = "The port held {answer}."
false_statements = ["The port held 60 cranes."]
source = "The port held 20 cranes."

[[facts]]
id = "wells"
kind = "number"
ask = "How many wells had the town?"
number = 100
unit = "wells"
statement = "The town had {answer}."
false_statements = ["The town had 300 wells."]
source = "The town had 100 wells."

[[facts]]
id = "shafts"
kind = "number"
ask = "How many shafts had the mine?"
number = 400
unit = "shafts"
statement = "The mine had {answer}."
false_statements = ["The mine had 800 shafts."]
source = "The mine had 400 shafts."

[[facts]]
id = "sheep"
kind = "number"
ask = "How many sheep had the farm?"
number = 2000
unit = "sheep"
statement = "The farm had {answer}."
false_statements = ["The farm had 5,000 sheep."]
source = "The farm had 2,000 sheep."

[[facts]]
id = "horses"
kind = "number"
ask = "How many horses had the army?"
number = 9000
unit = "horses"
statement = "The army had {answer}."
false_statements = ["The army had 30,000 horses.", "The army had 1990 horses."]
source = "The army had 9,000 horses."

[[facts]]
id = "bridge"
kind = "when"
ask = "When did the bridge open?"
date = "1950"
statement = "The bridge opened in {answer}."
false_statements = ["The bridge opened in 1900."]
source = "The bridge opened in 1950."

[[facts]]
id = "dam"
kind = "when"
ask = "When did the dam open?"
date = "1990"
statement = "The dam opened in {answer}."
false_statements = ["The dam opened in 1890."]
source = "The dam opened in 1990."
`

// TestKindSpreadRelaxes: no kind takes more than 40% of the items (two of
// five) unless the bank cannot do better: with two date facts, a
// five-question paper takes three figures and both dates, never more
// figures (rule 10).
func TestKindSpreadRelaxes(t *testing.T) {
	b := parseBank(t, spreadBank)
	for seed := uint64(0); seed < 30; seed++ {
		q, err := Build(b, Options{Count: 5, Forms: []Form{MC}}, rng(seed))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		kinds := map[string]int{}
		for _, qu := range q.Questions {
			kinds[qu.Kind]++
		}
		if kinds["number"] != 3 || kinds["when"] != 2 {
			t.Fatalf("seed %d: kinds %v, want 3 numbers and 2 dates", seed, kinds)
		}
	}
	// Four questions: two of each fit within 40% (round(1.6) = 2).
	for seed := uint64(0); seed < 30; seed++ {
		q, err := Build(b, Options{Count: 4, Forms: []Form{MC, TF}}, rng(seed))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		kinds := map[string]int{}
		for _, qu := range q.Questions {
			kinds[qu.Kind]++
		}
		if kinds["number"] != 2 || kinds["when"] != 2 {
			t.Fatalf("seed %d: kinds %v, want 2 and 2", seed, kinds)
		}
	}
}

// TestHalfTrue: half the true/false statements are true; an odd one out
// is true or false at random.
func TestHalfTrue(t *testing.T) {
	b := parseBank(t, spreadBank)
	odd := map[int]bool{}
	for seed := uint64(0); seed < 40; seed++ {
		for _, count := range []int{4, 3} {
			q, err := Build(b, Options{Count: count, Forms: []Form{TF}}, rng(seed))
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			trues := 0
			for _, qu := range q.Questions {
				if qu.Answer == 0 {
					trues++
					if !strings.Contains(qu.Correct, "True") {
						t.Errorf("seed %d: %q keyed true, correct %q", seed, qu.Prompt, qu.Correct)
					}
				} else if !strings.HasPrefix(qu.Correct, "False: ") {
					t.Errorf("seed %d: %q keyed false, correct %q", seed, qu.Prompt, qu.Correct)
				}
			}
			switch {
			case count == 4 && trues != 2:
				t.Fatalf("seed %d: %d of 4 statements true, want 2", seed, trues)
			case count == 3:
				if trues != 1 && trues != 2 {
					t.Fatalf("seed %d: %d of 3 statements true", seed, trues)
				}
				odd[trues] = true
			}
		}
	}
	if !odd[1] || !odd[2] {
		t.Errorf("with 3 statements, true counts seen %v; want both 1 and 2", odd)
	}
}

// TestFalseStatementClean: a false statement that names another item's
// answer ("1990 horses" beside "When did the dam open?") is never shown;
// the clean one is.
func TestFalseStatementClean(t *testing.T) {
	b := parseBank(t, spreadBank)
	shown := map[string]bool{}
	for seed := uint64(0); seed < 60; seed++ {
		q, err := Build(b, Options{Count: 8, Forms: []Form{TF}}, rng(seed))
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for _, qu := range q.Questions {
			if qu.Facts[0] == "horses" && qu.Answer == 1 {
				shown[qu.Prompt] = true
			}
		}
	}
	if shown["The army had 1990 horses."] || !shown["The army had 30,000 horses."] {
		t.Errorf("false statements about the horses shown: %v", shown)
	}
}

// TestShortMessages: what a quiz that cannot be made says.
func TestShortMessages(t *testing.T) {
	for _, tc := range []struct {
		e    ShortError
		want string
	}{
		{ShortError{Asked: 6, Possible: 1, Why: "x"}, "6 questions asked; the bank gives only 1 clean one under these options: x"},
		{ShortError{Asked: 6, Possible: 4, Why: "y"}, "6 questions asked; the bank gives only 4 clean ones under these options: y"},
		{ShortError{Asked: 6, Possible: 0, Why: "z"}, "6 questions asked; the bank gives only 0 clean ones under these options: z"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	for _, tc := range []struct {
		p    plan
		want string
	}{
		{plan{Match: 1, Order: 1}, ", and only the 1 matching and 1 ordering question come from entities"},
		{plan{Match: 2}, ", and only the 2 matching question come from entities"},
		{plan{Order: 1, MC: 3}, ", and only the 1 ordering question come from entities"},
		{plan{MC: 3, TF: 1}, ""},
	} {
		if got := fromEntities(tc.p); got != tc.want {
			t.Errorf("fromEntities(%v) = %q, want %q", tc.p, got, tc.want)
		}
	}
	// rules.toml: seven facts, ten questions by default (one matching,
	// one ordering, eight fact questions).
	b := rulesBank(t)
	_, err := Build(b, Options{Count: 10}, rng(1))
	want := "only 7 facts in the bank, but --count 10 needs 8: every multiple-choice or true/false question asks a fact of its own, " +
		"and only the 1 matching and 1 ordering question come from entities; use --count 9 or fewer, or add facts"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	// Exactly as many facts as asked for passes that check.
	if _, err := Build(b, Options{Count: 1, Forms: []Form{MC}, Filter: bank.Filter{Kinds: []string{"mediator"}}}, rng(1)); err != nil {
		t.Errorf("one mediator fact, one question: %v", err)
	}
}

// TestExplainShort: the reason counts facts, clean items of each form and
// sentence groups, worked out by hand for rules.toml: seven facts make
// six clean multiple-choice items ("more than 50 diplomats" has no wrong
// figure that is not true too, or not always above it); the four with
// statements make true/false items; six sentences hold them.
func TestExplainShort(t *testing.T) {
	b := rulesBank(t)
	g := newGen(b, rng(1))
	cands := g.candidates(b.Facts, 4, g.groups)
	got := explainShort(cands, bank.Filter{}, 4)
	want := "7 facts in the bank make 6 multiple-choice items (4 options) and 4 true/false items from 6 sentence groups; "
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q\nwant %q…", got, want)
	}
	// Under a filter: only the number facts.
	var numbers []bank.Fact
	for _, f := range b.Facts {
		if f.Kind == "number" {
			numbers = append(numbers, f)
		}
	}
	got = explainShort(g.candidates(numbers, 3, g.groups), bank.Filter{Kinds: []string{"number"}}, 3)
	want = "2 facts of kind number make 1 multiple-choice item (3 options) and 2 true/false items from 2 sentence groups; "
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q\nwant %q…", got, want)
	}
	// One fact: singular nouns and verb. The embassy city has no
	// statement, so no true/false item.
	one := []bank.Fact{mustFact(t, b, "embassy-city")}
	got = explainShort(g.candidates(one, 4, g.groups), bank.Filter{Kinds: []string{"place"}}, 4)
	want = "1 fact of kind place makes 1 multiple-choice item (4 options) and 0 true/false items from 1 sentence group; "
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q\nwant %q…", got, want)
	}
}

// TestBuildUpTo: asked for more than the bank gives, it builds the largest
// clean quiz and says why.
func TestBuildUpTo(t *testing.T) {
	b := rulesBank(t)
	seed := uint64(3)
	q, short, err := BuildUpTo(b, Options{Count: 7, Forms: []Form{MC}}, func() *rand.Rand { return rng(seed) })
	if err != nil {
		t.Fatal(err)
	}
	// The note's count is what was made (the probe bank's seed 103 said
	// "7 clean ones" and made 6).
	if short == nil || short.Asked != 7 || short.Possible >= 7 || len(q.Questions) == 0 || len(q.Questions) != short.Possible {
		t.Fatalf("short %+v, %d questions", short, len(q.Questions))
	}
	q, short, err = BuildUpTo(b, Options{Count: 2, Forms: []Form{MC}}, func() *rand.Rand { return rng(seed) })
	if err != nil || short != nil || len(q.Questions) != 2 {
		t.Errorf("a quiz the bank can make: %v, %v", short, err)
	}
	_, _, err = BuildUpTo(b, Options{Count: 2, Choices: 9}, func() *rand.Rand { return rng(seed) })
	var se *ShortError
	if err == nil || errors.As(err, &se) {
		t.Errorf("bad options: %v", err)
	}
}

// TestFormsAsked: a quiz holds only the forms asked for, and when every
// fact makes both a multiple-choice and a true/false item the plan's
// counts are met exactly: --forms mc,tf takes a third true/false, the
// default mix a quarter.
func TestFormsAsked(t *testing.T) {
	b := rulesBank(t)
	for seed := uint64(0); seed < 20; seed++ {
		for _, forms := range [][]Form{{TF}, {MC}} {
			q, err := Build(b, Options{Count: 3, Forms: forms}, rng(seed))
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			for _, qu := range q.Questions {
				if qu.Form != forms[0] {
					t.Fatalf("seed %d: a %s question in a quiz of %s", seed, qu.Form, forms[0])
				}
			}
		}
	}
	// Every fact of spreadBank makes both items once the two whose bands
	// are too narrow (20 cranes, 2,000 sheep) get curated wrong options.
	src := strings.Replace(spreadBank, `false_statements = ["The port held 60 cranes."]`, `false_statements = ["The port held 60 cranes."]
wrong = [15, 25, 30]`, 1)
	src = strings.Replace(src, `false_statements = ["The farm had 5,000 sheep."]`, `false_statements = ["The farm had 5,000 sheep."]
wrong = [1500, 2500, 3000]`, 1)
	b = parseBank(t, src)
	for seed := uint64(0); seed < 20; seed++ {
		for _, tc := range []struct {
			opt    Options
			mc, tf int
		}{
			{Options{Count: 6, Forms: []Form{MC, TF}}, 4, 2},
			{Options{Count: 4}, 3, 1},
			{Options{Count: 6}, 4, 2},
		} {
			q, err := Build(b, tc.opt, rng(seed))
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			forms := map[Form]int{}
			for i, qu := range q.Questions {
				forms[qu.Form]++
				if qu.ID != fmt.Sprintf("q%d", i+1) {
					t.Fatalf("seed %d: question %d has id %q", seed, i+1, qu.ID)
				}
			}
			if forms[MC] != tc.mc || forms[TF] != tc.tf {
				t.Fatalf("seed %d, %d questions, forms %v: %v, want %d multiple choice and %d true/false", seed, tc.opt.Count, tc.opt.Forms, forms, tc.mc, tc.tf)
			}
		}
	}
}

// TestNeverShortSilently: rule 11. Eight questions of all four forms from
// rules.toml leave too few clean items; Build says so and never returns a
// shorter quiz.
func TestNeverShortSilently(t *testing.T) {
	b := rulesBank(t)
	for seed := uint64(0); seed < 20; seed++ {
		q, err := Build(b, Options{Count: 8, Forms: []Form{MC, TF, Match, Order}}, rng(seed))
		var short *ShortError
		switch {
		case errors.As(err, &short):
			if short.Asked != 8 || short.Possible >= 8 {
				t.Errorf("seed %d: %+v", seed, short)
			}
		case err != nil:
			t.Errorf("seed %d: %v", seed, err)
		case len(q.Questions) != 8:
			t.Errorf("seed %d: %d questions for 8 asked, and no error", seed, len(q.Questions))
		}
	}
}

// replaceBank has two curated matching sets; in one, a label shows its own
// answer ("The 1953 coup" → "1953"), which the bank accepts but rule 7
// forbids.
const replaceBank = `
[article]
title = "Replace"
outlet = "Test News"
date = "2019-11-03"
summary = "Two sets."
text = '''
Ann Aster leads the council. Ben Birch wants a vote. Cid Cole wants a delay.
'''

[[people]]
id = "ann"
name = "Ann Aster"
role = "Chair"

[[people]]
id = "ben"
name = "Ben Birch"
role = "Speaker"

[[people]]
id = "cid"
name = "Cid Cole"
role = "Treasurer"

[[people]]
id = "dot"
name = "Dot Dale"
role = "Clerk"
foil = true

[[events]]
id = "coup"
name = "the 1953 coup"
date = "1953"

[[events]]
id = "seizure"
name = "the seizure"
date = "1979"

[[events]]
id = "talks"
name = "the talks"
date = "2015"

[[matching]]
id = "wants"
prompt = "Match each person to what they want."
left = ["ann", "ben", "cid"]
right = ["to lead", "a vote", "a delay"]
extra = ["a recount"]

[[matching]]
id = "dates"
kind = "when"
prompt = "Match each event to its year."
left = ["coup", "seizure", "talks"]
right = ["1953", "1979", "2015"]
extra = ["1990"]

[[facts]]
id = "leader"
kind = "who"
ask = "Who leads the council?"
answer = "ann"
source = "Ann Aster leads the council."
`

// TestAuditReplaces: Build audits what it chose and replaces an item that
// breaks a rule: the set whose label gives its answer away never reaches
// a quiz; the clean set does, or Build says it is short.
func TestAuditReplaces(t *testing.T) {
	b := parseBank(t, replaceBank)
	clean := 0
	for seed := uint64(0); seed < 30; seed++ {
		q, err := Build(b, Options{Count: 1, Forms: []Form{Match}}, rng(seed))
		var short *ShortError
		switch {
		case errors.As(err, &short):
		case err != nil:
			t.Fatalf("seed %d: %v", seed, err)
		case q.Questions[0].Prompt != "Match each person to what they want.":
			t.Fatalf("seed %d: %q reached the quiz", seed, q.Questions[0].Prompt)
		default:
			clean++
		}
	}
	if clean == 0 {
		t.Error("the clean set never chosen in 30 seeds")
	}
	// Without the clean set, no clean matching question is left: Build
	// says it is short.
	only := strings.Replace(replaceBank, `id = "wants"`, `id = "wants-gone"`, 1)
	only = only[:strings.Index(only, "[[matching]]\nid = \"wants-gone\"")] + only[strings.Index(only, "[[matching]]\nid = \"dates\""):]
	b = parseBank(t, only)
	if len(b.Matchings) != 1 {
		t.Fatalf("matchings %v", b.Matchings)
	}
	for seed := uint64(0); seed < 5; seed++ {
		_, err := Build(b, Options{Count: 1, Forms: []Form{Match}}, rng(seed))
		var short *ShortError
		if !errors.As(err, &short) || short.Possible != 0 {
			t.Errorf("seed %d: %v, want a *ShortError with none possible", seed, err)
		}
	}
}

// TestNarrows: a title that gives a date answer's month and year (or a
// month answer's year) cues it (rule 8); other dates and other titles do
// not. Cases written by hand.
func TestNarrows(t *testing.T) {
	day := bank.Value{Type: bank.DateValue, Date: bank.Date{Year: 2009, Month: 5, Day: 8, Precision: bank.Day}}
	month := bank.Value{Type: bank.DateValue, Date: bank.Date{Year: 2009, Month: 5, Precision: bank.Month}}
	year := bank.Value{Type: bank.DateValue, Date: bank.Date{Year: 2009, Precision: bank.Year}}
	figure := bank.Value{Type: bank.NumberValue, Number: bank.Number{Value: 2009}}
	for _, tc := range []struct {
		v     bank.Value
		title string
		want  bool
	}{
		{day, "Quiz: Health · Courts · Wikinews, May 2009", true},
		{day, "Quiz: Health, May, 2009", false}, // not "May 2009"
		{day, "Quiz for 8 Jun 2009", false},
		{day, "Quiz: Health · Wikinews", false},
		{day, "Quiz (May 2009)", true},
		{month, "Quiz: the 2009 trial", true},
		{month, "Quiz: the trial", false},
		{year, "Quiz: 2009", false}, // the title names it outright: cues' job
		{figure, "Quiz: May 2009", false},
	} {
		f := bank.Fact{Answer: tc.v}
		if got := narrows(&item{fact: &f}, normalize(tc.title)); got != tc.want {
			t.Errorf("%v under %q: %v, want %v", tc.v, tc.title, got, tc.want)
		}
	}
	if narrows(&item{}, "May 2009") {
		t.Error("a matching question (no fact) narrowed")
	}
}

// TestEliminates: a matching or ordering question that lists an option of
// a multiple-choice item leaves the answer as the odd one out (rule 8).
func TestEliminates(t *testing.T) {
	mc := &item{q: Question{Form: MC}, opts: normalizeAll([]string{"Ellie Cannon", "Dan Howarth", "Muir Gray", "Kevin Fenton"})}
	match := &item{q: Question{Form: Match}, text: normalize("Match each person to their role. | Dan Howarth | Muir Gray | Kevin Fenton | PHE adviser | NHS doctor")}
	other := &item{q: Question{Form: Match}, text: normalize("Match each event to its date. | the trial | the verdict | 2009 | 2008")}
	order := &item{q: Question{Form: Order}, text: normalize("Put these in order. | Muir Gray spoke | the trial")}
	tf := &item{q: Question{Form: TF}, text: normalize("Dan Howarth is a doctor.")}
	for _, tc := range []struct {
		a, b *item
		want bool
	}{
		{mc, match, true},
		{mc, order, true},
		{mc, other, false},
		{mc, tf, false},    // a statement is not a list
		{match, mc, false}, // the other way round is eliminates(mc, match)
		{tf, match, false},
	} {
		if got := eliminates(tc.a, tc.b); got != tc.want {
			t.Errorf("eliminates(%v, %q) = %v, want %v", tc.a.q.Form, tc.b.text, got, tc.want)
		}
	}
	if !conflicts(match, mc) || !conflicts(mc, match) {
		t.Error("conflicts does not see the elimination both ways")
	}
}

// TestClang: the answer is the only option that repeats a word of the
// question (HDR 28b); another option repeating the same word, or only
// common words, is no cue. Cases by hand.
func TestClang(t *testing.T) {
	for _, tc := range []struct {
		stem    string
		options []string
		want    string
	}{
		{"Which PHE tool gives you your heart age?", []string{"Heart Age tool", "Easy Meals", "Couch to 5K", "Alcohol Checker"}, "heart"},
		{"Which deal did Trump pull out of?", []string{"The nuclear deal with Iran", "The Camp David Accords", "The Oslo Accords"}, "deal"},
		{"Which deal did Trump pull out of?", []string{"The nuclear deal with Iran", "The Camp David Accords", "The arms deal with Saudi Arabia"}, ""},
		{"Which agreement did Trump pull out of?", []string{"The nuclear deal with Iran", "The Camp David Accords", "The Oslo Accords"}, ""},
		// Plural and singular are one word; another option's echo of a
		// different word does not hide this one.
		{"Why scrap the interview for five nationalities?", []string{"To speed claims from nationalities almost always accepted", "Interviews were found unlawful", "To save money"}, "nationalities"},
		{"Why scrap the interview for five nationalities?", []string{"To speed claims from nationalities almost always accepted", "Because each nationality has its own form", "To save money"}, ""},
		// A short ending is the same word; a longer one is not.
		{"Which magazine said a deal was made in New York?", []string{"The New Yorker", "Time", "Newsweek"}, "yorker"},
		{"Which senator spoke about the Johnson Space Center?", []string{"John Cornyn", "Bill Nelson", "Barbara Boxer"}, ""},
		// Common and short words never count.
		{"What did the report say about the talks?", []string{"That they had been made public", "A report was made", "Nothing"}, ""},
		{"Who was it?", []string{"It was him", "Her", "Them"}, ""},
		// Two options: no cue to speak of.
		{"Which deal?", []string{"The deal", "The accord"}, ""},
	} {
		if got := clang(tc.stem, tc.options, 0); got != tc.want {
			t.Errorf("clang(%q, %q) = %q, want %q", tc.stem, tc.options, got, tc.want)
		}
	}
}

// TestSameAnswer: two fact items with one answer may not share a paper
// (HDR 4); different answers, and matching questions, may.
func TestSameAnswer(t *testing.T) {
	india := bank.Value{Type: bank.EntityValue, Entity: "india"}
	fact := func(v bank.Value) *item { f := bank.Fact{Answer: v}; return &item{fact: &f} }
	days := func(v float64, unit string) bank.Value {
		return bank.Value{Type: bank.NumberValue, Number: bank.Number{Value: v, Unit: unit}}
	}
	year := func(y int) bank.Value {
		return bank.Value{Type: bank.DateValue, Date: bank.Date{Year: y, Precision: bank.Year}}
	}
	for _, tc := range []struct {
		a, b *item
		want bool
	}{
		{fact(india), fact(india), true},
		{fact(india), fact(bank.Value{Type: bank.EntityValue, Entity: "australia"}), false},
		{fact(days(444, "days")), fact(days(444, "days")), true},
		{fact(days(444, "days")), fact(days(444, "people")), false},
		{fact(year(1979)), fact(year(1979)), true},
		{fact(year(1979)), fact(year(1953)), false},
		{fact(india), &item{q: Question{Form: Match}}, false},
	} {
		if got := sameAnswer(tc.a, tc.b); got != tc.want {
			t.Errorf("sameAnswer(%+v, %+v) = %v, want %v", tc.a.fact, tc.b.fact, got, tc.want)
		}
	}
}

// TestRetells: a matching or ordering label that tells a fact item's event
// in three or more of its words vouches for it (HDR 4); fewer shared
// words, or two fact items, do not.
func TestRetells(t *testing.T) {
	f := bank.Fact{}
	tf := &item{q: Question{Form: TF, Prompt: "A record number of migrants crossed the Channel last year."}, fact: &f,
		truth: "A record number of migrants crossed the Channel last year."}
	mc := &item{q: Question{Form: MC, Prompt: "By the end of which year does Sunak aim to clear the legacy backlog?"}, fact: &f}
	order := &item{q: Question{Form: Order, Items: []string{"The record number of migrant crossings", "The target for clearing the legacy backlog", "The talks"}}}
	other := &item{q: Question{Form: Order, Items: []string{"The record heat in Spain", "The talks", "The vote"}}}
	for _, tc := range []struct {
		a, b *item
		want bool
	}{
		{tf, order, true},
		{mc, order, true},
		{tf, other, false}, // "record" alone
		{order, tf, false}, // the order is b's
		{tf, mc, false},
	} {
		if got := retells(tc.a, tc.b); got != tc.want {
			t.Errorf("retells(%q, %q) = %v, want %v", tc.a.q.Prompt, tc.b.q.Items, got, tc.want)
		}
	}
}
