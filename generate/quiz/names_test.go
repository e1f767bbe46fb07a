package quiz

import (
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// Table tests for when a text names something (names.go). Every expected
// answer is written by hand from the rules in the README ("Names", and
// rule 8: "the four-point deal" gives away "How many points…?").

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"“The US” – deal":           `"The US" - deal`,
		"Iran’s  ‘no’":              "Iran's 'no'",
		"  leading and trailing \n": "leading and trailing",
		"a\n\tb\u00a0c":             "a b c",
		"«non» — 3−4":               `"non" - 3-4`,
		"Keeps CASE":                "Keeps CASE",
		"":                          "",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAcronym(t *testing.T) {
	for s, want := range map[string]bool{
		"US": true, "U.S.": true, "UN": true, "JCPOA": true, "IAEA": true,
		"ABCDEF": true, "ABCDEFG": false, // at most six letters
		"Us": false, "us": false, "Iran": false, "": false, "1979": false, "G7": true,
	} {
		if got := acronym(s); got != want {
			t.Errorf("acronym(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestHas: a name is found as a whole word or phrase, never inside a longer
// word or number; acronyms match case, other names do not.
func TestHas(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		want       bool
	}{
		{"Trump met Rouhani", "Trump", true},
		{"Trump met Rouhani", "Rouhani", true},
		{"Trump", "Trump", true},
		{"the trumpet sounded", "Trump", false},
		{"a Trumpet", "trump", false},
		{"Donald Trump's deal", "Trump", true}, // an apostrophe ends the word
		{"donald trump", "Donald Trump", true}, // not an acronym: any case
		{"Amy left", "amy", true},              // first letters compared without case, A…
		{"Zed left", "zed", true},              // …to Z
		{"the zebra", "Zebra", true},
		{"they told us", "US", false}, // an acronym keeps its case
		{"the US deal", "US", true},
		{"the U.S.-led talks", "U.S.", true}, // after a final dot any rune may follow
		{"the U.S.A", "U.S.", true},
		{"3.5 million", "3", false}, // a decimal point continues a number
		{"3,000 people", "3", false},
		{"3,900 people", "3", false},
		{"9.5 points", "9", false},
		{"in 3. Then", "3", true}, // a full stop ends it
		{"in 3", "3", true},
		{"in 3.", "3", true},
		{"on 3, then 4", "3", true},
		{"1,3", "1", false}, // a comma before a digit continues a number that ends in a digit
		{"x,3", "x", true},  // ... but not a word
		{"13 days", "3", false},
		{"3rd", "3", false},
		{"+3 points", "3", false}, // '+' belongs to a number
		{"x+1", "1", false},
		{"(3)", "3", true},
		{"4-point", "4", true},
		{"short", "longer name", false},
		{"anything", "", false},
		{"", "a", false},
		{"Iran and Iraq", "Iraq", true},
		{"Iranian", "Iran", false},
	} {
		if got := has(tc.text, tc.name); got != tc.want {
			t.Errorf("has(%q, %q) = %v, want %v", tc.text, tc.name, got, tc.want)
		}
	}
}

func TestHasAny(t *testing.T) {
	if !hasAny("Who pulled the U.S. out?", []string{"the United States", "U.S."}) {
		t.Error("hasAny misses the second name")
	}
	if hasAny("Who pulled the country out?", []string{"the United States", "U.S."}) || hasAny("text", nil) {
		t.Error("hasAny finds a name that is not there")
	}
}

// TestDateForms: the ways an article may write a date are found in texts
// written each way; a year the article does not print is never a form.
func TestDateForms(t *testing.T) {
	year := bank.Date{Year: 1979, Precision: bank.Year}
	inferredYear := bank.Date{Year: 1979, Precision: bank.Year, Inferred: true}
	month := bank.Date{Year: 2018, Month: 5, Precision: bank.Month}
	nov := bank.Date{Year: 2019, Month: 11, Precision: bank.Month}
	inferredMonth := bank.Date{Year: 2019, Month: 11, Precision: bank.Month, Inferred: true}
	day := bank.Date{Year: 2019, Month: 11, Day: 3, Precision: bank.Day}
	inferredDay := bank.Date{Year: 2019, Month: 9, Day: 24, Precision: bank.Day, Inferred: true}
	monthDay := bank.Date{Month: 8, Day: 23, Precision: bank.MonthDay}
	sept := bank.Date{Month: 9, Day: 17, Precision: bank.MonthDay}
	for _, tc := range []struct {
		d    bank.Date
		text string
		want bool
	}{
		{year, "the 1979 revolution", true},
		{year, "in 1978", false},
		{year, "19790 people", false},
		{inferredYear, "the 1979 revolution", false}, // the article never prints it
		{month, "in May 2018", true},
		{month, "in May, 2018", true},
		{month, "in May 2019", false},
		{month, "in 2018", false}, // a month is more than its year
		{nov, "in November 2019", true},
		{nov, "in Nov. 2019", true},
		{nov, "in November, 2019", true},
		{inferredMonth, "in November 2019", false},
		{day, "on 3 November 2019", true},
		{day, "on November 3, 2019", true},
		{day, "on Nov. 3", true},
		{day, "on 3 Nov.", true},
		{day, "on 13 November", false},
		{day, "on November 30", false},
		{day, "on 3 December", false},
		{inferredDay, "on 24 September", true}, // its day and month are printed
		{inferredDay, "on Sept. 24", true},
		{monthDay, "on 23 August", true},
		{monthDay, "on August 23", true},
		{monthDay, "on Aug. 23", true},
		{monthDay, "on 23 Aug.", true},
		{monthDay, "on 23 April", false},
		{sept, "on Sept. 17", true},
	} {
		if got := hasAny(normalize(tc.text), normalizeAll(dateForms(tc.d))); got != tc.want {
			t.Errorf("%s named in %q: %v, want %v (forms %q)", tc.d, tc.text, got, tc.want, dateForms(tc.d))
		}
	}
	if fs := dateForms(inferredYear); len(fs) != 0 {
		t.Errorf("an inferred year has forms %q", fs)
	}
	if fs := dateForms(inferredMonth); len(fs) != 0 {
		t.Errorf("an inferred month has forms %q", fs)
	}
	if fs := dateForms(bank.Date{}); len(fs) != 0 {
		t.Errorf("no date has forms %q", fs)
	}
}

// TestNumberForms: a figure is named by its digits with or without
// thousands separators, and a small whole number also by its word before
// the unit ("the four-point deal"); a bare number word is not enough.
func TestNumberForms(t *testing.T) {
	points := bank.Number{Value: 4, Unit: "points"}
	thousand := bank.Number{Value: 1000, Unit: "people"}
	bare := bank.Number{Value: 4}
	half := bank.Number{Value: 2.5, Decimals: 1, Unit: "points"}
	twoPointO := bank.Number{Value: 2, Decimals: 1, Unit: "points"}
	notWhole := bank.Number{Value: 4.4, Unit: "points"} // shown as "4", but it is not four
	big := bank.Number{Value: 12000, Unit: "troops"}
	twentyOne := bank.Number{Value: 21, Unit: "days"}
	for _, tc := range []struct {
		n    bank.Number
		text string
		want bool
	}{
		{points, "the four-point deal", true},
		{points, "a four-point plan", true},
		{points, "four points in all", true},
		{points, "4 points", true},
		{points, "fourteen points", false},
		{points, "one of the four", false},
		{points, "44 points", false},
		{thousand, "1,000 people", true},
		{thousand, "1000 people", true},
		{thousand, "one thousand people", true},
		{thousand, "one thousand", false},
		{bare, "four of them", false}, // no unit: "four" alone is too common
		{bare, "4 of them", true},
		{half, "2.5 points", true},
		{half, "two points", false},
		{twoPointO, "two points", false}, // decimals: never spelled
		{twoPointO, "2.0 points", true},
		{notWhole, "four points", false},
		{big, "12,000 troops", true},
		{big, "12000 troops", true},
		{big, "twelve thousand troops", false},
		{twentyOne, "twenty-one days", false}, // not a word numberWords knows
		{twentyOne, "21 days", true},
	} {
		if got := hasAny(normalize(tc.text), normalizeAll(numberForms(tc.n))); got != tc.want {
			t.Errorf("%s named in %q: %v, want %v (forms %q)", tc.n, tc.text, got, tc.want, numberForms(tc.n))
		}
	}
	// One form per way of writing: "4" has no separator to leave out.
	if fs := numberForms(bare); len(fs) != 1 || fs[0] != "4" {
		t.Errorf("numberForms(4) = %q, want [4]", fs)
	}
}

// TestValueForms: an entity is named by its names, a date and a number by
// their forms; an unknown entity by nothing.
func TestValueForms(t *testing.T) {
	b, err := bank.Load("testdata/rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		v    bank.Value
		text string
		want bool
	}{
		{bank.Value{Type: bank.EntityValue, Entity: "trump"}, "Trump said", true},
		{bank.Value{Type: bank.EntityValue, Entity: "trump"}, "Donald said", false},
		{bank.Value{Type: bank.EntityValue, Entity: "united-states"}, "America said", true},
		{bank.Value{Type: bank.EntityValue, Entity: "united-states"}, "the U.S. said", true},
		{bank.Value{Type: bank.EntityValue, Entity: "nobody"}, "nobody said", false},
		{bank.Value{Type: bank.DateValue, Date: bank.Date{Year: 1979, Precision: bank.Year}}, "in 1979", true},
		{bank.Value{Type: bank.NumberValue, Number: bank.Number{Value: 444, Unit: "days"}}, "444 days", true},
		{bank.Value{}, "anything", false},
	} {
		if got := hasAny(normalize(tc.text), normalizeAll(valueForms(b, tc.v))); got != tc.want {
			t.Errorf("%+v named in %q: %v, want %v", tc.v, tc.text, got, tc.want)
		}
	}
}

// TestNamesOwnAnswerSays: a question that names its own answer makes no
// multiple-choice item, and the reason says which name of the answer it
// holds and what to do. The names come from the README's Names paragraph:
// the name, an alias, the automatic surname (also inside a relative's
// name), what parentheses hold, and a country's demonym from the table of
// countries. The wants are written by hand.
func TestNamesOwnAnswerSays(t *testing.T) {
	data := `[article]
title = "T"
outlet = "O"
date = "2019-11-03"
summary = "S"
text = "Jane Smith, wife of Sam Smith, met Ann Lee. The Crown prosecutor charged him. The agency spoke. France and Spain met. Bo Chan and Cy Dunn and Di Egan waited."

[[people]]
id = "sam"
name = "Sam Smith"
role = "singer"
[[people]]
id = "jane"
name = "Jane Smith"
role = "wife"
[[people]]
id = "ann"
name = "Ann Lee"
role = "prosecutor"
aliases = ["the Crown prosecutor"]
[[people]]
id = "bo"
name = "Bo Chan"
role = "judge"
[[people]]
id = "cy"
name = "Cy Dunn"
role = "clerk"
[[people]]
id = "di"
name = "Di Egan"
role = "lawyer"

[[groups]]
id = "iaea"
name = "International Atomic Energy Agency (IAEA)"
type = "agency"
[[groups]]
id = "france"
name = "France"
type = "country"

[[facts]]
id = "f"
kind = "who"
ask = "Who spoke?"
answer = "ann"
source = "Jane Smith, wife of Sam Smith, met Ann Lee."
`
	b, err := bank.Parse("names.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	g := newGen(b, rng(1))
	for _, tc := range []struct{ ask, answer, want string }{
		{"Whom did Ann Lee meet?", "ann", `the question names its own answer: it holds "Ann Lee", the answer's name: rephrase the question without it`},
		{"Whom did the Crown prosecutor charge?", "ann", `the question names its own answer: it holds "the Crown prosecutor", an alias of Ann Lee: rephrase the question without it`},
		{"Who is the wife of Sam Smith?", "jane", `the question names its own answer: it holds "Smith", the surname of Jane Smith, in Sam Smith's name (a person's last name names them, so relatives who share it name each other): rephrase the question without "Smith", e.g. call Sam Smith "the singer"`},
		{"Which Smith is a wife?", "jane", `the question names its own answer: it holds "Smith", the surname of Jane Smith (a person's last name names them): rephrase the question without it`},
		{"What did the IAEA say?", "iaea", `the question names its own answer: it holds "IAEA", which International Atomic Energy Agency (IAEA)'s name gives in parentheses: rephrase the question without it`},
		{"Which country did the French leader visit?", "france", `the question names its own answer: it holds "French", a name of France in quizcard's table of countries: rephrase the question without it`},
	} {
		f := b.Facts[0]
		f.Ask, f.Answer = tc.ask, bank.Value{Type: bank.EntityValue, Entity: tc.answer}
		_, err := g.multipleChoice(&f, 4, nil)
		if err == nil || err.Error() != tc.want {
			t.Errorf("ask %q:\n got %v\nwant %s", tc.ask, err, tc.want)
		}
	}
}
