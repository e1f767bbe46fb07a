package card

import (
	"reflect"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

func load(t *testing.T, path string) *bank.Bank {
	t.Helper()
	b, err := bank.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func row(c *Card, label string) (Row, bool) {
	for _, r := range c.Facts {
		if r.Label == label {
			return r, true
		}
	}
	return Row{}, false
}

// TestBuild checks the built-in card against what questions.toml says,
// written out by hand.
func TestBuild(t *testing.T) {
	b := load(t, "../../questions.toml")
	c := Build(b)
	if c.Headline != b.Article.Headline || c.What != b.Article.Summary || c.AsOf != "3 Nov 2019" {
		t.Errorf("top: %q %q %q", c.Headline, c.What, c.AsOf)
	}
	var labels []string
	for _, r := range c.Facts {
		labels = append(labels, r.Label)
	}
	// No Source row (the footer has it), no Occasion row (When has it).
	if got := strings.Join(labels, ","); got != "Who,When,Deals,Mediation" {
		t.Errorf("key facts %s", got)
	}
	who, _ := row(c, "Who")
	// Macron answers five who/quote/mediator facts, Khamenei and Rouhani
	// three each, Trump two; ties keep the bank's order.
	want := []string{"Emmanuel Macron (President of France)", "Ali Khamenei (Supreme Leader of Iran)",
		"Hassan Rouhani (President of Iran)", "Donald Trump (President of the United States)"}
	if !reflect.DeepEqual(who.Items, want) || who.Short != 3 || !who.Must {
		t.Errorf("who = %q (short %d)", who.Items, who.Short)
	}
	when, _ := row(c, "When")
	if w := "3 November 2019: " + b.Article.Occasion; len(when.Items) != 1 || when.Items[0] != w {
		t.Errorf("when = %q, want %q", when.Items, w)
	}
	// Only deals some fact is about, not the wrong-answer-only ones; the
	// reported deal after the agreed one, with its status in words.
	deals, _ := row(c, "Deals")
	want = []string{"The nuclear deal with Iran — Trump pulled out in May 2018",
		"The four-point deal — reported by The New Yorker; never finalized"}
	if !reflect.DeepEqual(deals.Items, want) {
		t.Errorf("deals = %q", deals.Items)
	}
	// Macron is shown with France, which is a mediator too: efforts, not
	// a list mixing a person and countries.
	med, _ := row(c, "Mediation")
	want = []string{"France (Emmanuel Macron): ruled out by Khamenei; failed", "Japan: failed"}
	if !reflect.DeepEqual(med.Items, want) || med.Must {
		t.Errorf("mediation = %q", med.Items)
	}
	wantQuote := &Quote{Text: "[Emmanuel Macron] is either naive or an accomplice of the United States.",
		By: "Ali Khamenei", Role: "Supreme Leader of Iran"}
	if !reflect.DeepEqual(c.Quote, wantQuote) {
		t.Errorf("quote = %+v", c.Quote)
	}
	var figs []string
	for _, f := range c.Numbers {
		figs = append(figs, f.Value+" "+f.Caption)
	}
	wantFigs := []string{"444 days the U.S. diplomats were held hostage", ">50 U.S. diplomats taken hostage in 1979",
		"41 years of U.S. “hostile actions”, says Khamenei", "4 points in the deal that was never sealed"}
	if !reflect.DeepEqual(figs, wantFigs) {
		t.Errorf("numbers = %q", figs)
	}
	var dates []string
	for _, tk := range c.Timeline {
		dates = append(dates, tk.Date)
	}
	// The bank marks the years the article does not print; its foil events
	// (the 1979 revolution, the Iran–Iraq war) are wrong options only.
	wantDates := []string{"1953", "1979", "2015", "May 2018", "Aug 2018", "24 Sep [2019]", "30 Sep [2019]", "3 Nov [2019]"}
	if !reflect.DeepEqual(dates, wantDates) || !c.Timeline[7].Highlight {
		t.Errorf("timeline = %q", dates)
	}
	// The bank marks 1979 and May 2018 as key; the speech is the
	// article's own event: those three outweigh the rest.
	for i, tk := range c.Timeline {
		heavy := tk.Weight >= weightKey
		if want := i == 1 || i == 3 || i == 7; heavy != want {
			t.Errorf("%s: weight %d", tk.Date, tk.Weight)
		}
	}
}

// TestMinimal: a bank with only the required fields gives a card with only
// the sections it can fill.
func TestMinimal(t *testing.T) {
	c := Build(load(t, "../bank/testdata/valid/small.toml"))
	if c.Headline != "Small test article" || c.Topic != "News briefing" {
		t.Errorf("fallbacks: %q %q", c.Headline, c.Topic)
	}
	if c.Quote != nil || len(c.Numbers) != 0 || len(c.Timeline) != 0 || len(c.Why) != 0 {
		t.Errorf("invented sections: %+v", c)
	}
	for _, r := range c.Facts {
		if len(r.Items) == 0 {
			t.Errorf("empty row %s", r.Label)
		}
		if r.Label == "Deals" || r.Label == "Mediators" || r.Label == "Mediation" {
			t.Errorf("row %s from a bank without that kind", r.Label)
		}
	}
}

// TestOtherShape: the harbour-fee bank (testdata/harbour.toml) has no
// deals, no mediators and no card quote, units its captions do not name,
// and an anniversary.
func TestOtherShape(t *testing.T) {
	c := Build(load(t, "testdata/harbour.toml"))
	var labels []string
	for _, r := range c.Facts {
		labels = append(labels, r.Label)
	}
	if got := strings.Join(labels, ","); got != "Who,When" {
		t.Errorf("key facts %s", got)
	}
	if c.Quote != nil {
		t.Errorf("quote %+v from a bank without one", c.Quote)
	}
	var figs []string
	for _, f := range c.Numbers {
		figs = append(figs, f.Value+" | "+f.Caption)
	}
	want := []string{
		"12 | euros a day for each overnight visitor",   // the caption names the unit
		"~1,400,000 | visitors expected this year",      // the unit put in front
		">95% | of visitors come for the day",           // percent joins the figure
		"1 | cruise ship allowed in the port at a time", // 1 takes the singular
		"38% | of residents voted for the fee",
	}
	if !reflect.DeepEqual(figs, want) {
		t.Errorf("numbers:\n%s", strings.Join(figs, "\n"))
	}
	// The vote's year is one the bank infers ("[2024]-07-05"): shown in
	// brackets, and still the article's own event.
	last := c.Timeline[len(c.Timeline)-1]
	if last.Date != "5 Jul [2024]" || !last.Highlight {
		t.Errorf("vote tick %+v", last)
	}
	// 1 July 1999 is within a week of the article's 5 July 2024: an
	// anniversary, weighed above the events facts merely mention.
	for _, tk := range c.Timeline {
		if tk.Date == "1 Jul 1999" && (tk.Weight < weightAnniversary || tk.Weight >= weightKey) {
			t.Errorf("anniversary weight %d", tk.Weight)
		}
	}
}

func TestQuotePronoun(t *testing.T) {
	for _, tc := range []struct {
		quote, about string
		want         Quote
	}{
		{"He is naive.", "macron", Quote{Text: "[Emmanuel Macron] is naive."}},
		{`"She said no."`, "macron", Quote{Text: `"[Emmanuel Macron] said no."`}},
		{"Hello there.", "macron", Quote{Text: "Hello there.", About: "Emmanuel Macron"}},
		{"Heaven can wait.", "macron", Quote{Text: "Heaven can wait.", About: "Emmanuel Macron"}},
		{"It is wrong.", "macron", Quote{Text: "It is wrong.", About: "Emmanuel Macron"}}, // "it" is not a person
		{"It is wrong.", "france", Quote{Text: "[France] is wrong."}},
		{"He is naive.", "", Quote{Text: "He is naive."}},
	} {
		b := &bank.Bank{Article: bank.Article{Quote: tc.quote, QuoteBy: "khamenei", QuoteAbout: tc.about}}
		b = withEntities(t, b)
		got := quote(b)
		tc.want.By, tc.want.Role = "Ali Khamenei", "Supreme Leader"
		if got == nil || *got != tc.want {
			t.Errorf("%q about %q: %+v, want %+v", tc.quote, tc.about, got, tc.want)
		}
	}
}

// withEntities gives b a few entities, through the parser (the entity
// index is private to bank).
func withEntities(t *testing.T, b *bank.Bank) *bank.Bank {
	t.Helper()
	src := `[article]
title = "T"
outlet = "O"
date = "2019-11-03"
summary = "S."
text = "Macron waited for the call today."
[[people]]
id = "khamenei"
name = "Ali Khamenei"
role = "Supreme Leader"
[[people]]
id = "macron"
name = "Emmanuel Macron"
role = "President of France"
[[people]]
id = "trump"
name = "Donald Trump"
role = "President"
[[people]]
id = "rouhani"
name = "Hassan Rouhani"
role = "President of Iran"
[[groups]]
id = "france"
name = "France"
type = "country"
[[facts]]
id = "f"
kind = "who"
ask = "Who waited?"
answer = "macron"
wrong = ["khamenei"]
source = "Macron waited for the call"
`
	parsed, err := bank.Parse("entities.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	parsed.Article = b.Article
	return parsed
}

func TestFigure(t *testing.T) {
	for _, tc := range []struct {
		n    bank.Number
		want string
	}{
		{bank.Number{Value: 444}, "444"},
		{bank.Number{Value: 50, Qualifier: "more than"}, ">50"},
		{bank.Number{Value: 10, Qualifier: "fewer than"}, "<10"},
		{bank.Number{Value: 3, Qualifier: "about"}, "~3"},
		{bank.Number{Value: 12000}, "12,000"},
		{bank.Number{Value: 95, Qualifier: "above"}, ">95"},
		{bank.Number{Value: 12000, Qualifier: "some"}, "~12,000"},
		{bank.Number{Value: 150000, Qualifier: "Over"}, ">150,000"},
		{bank.Number{Value: 50, Qualifier: "at least"}, "≥50"},
		{bank.Number{Value: 50, Qualifier: "up to"}, "≤50"},
		{bank.Number{Value: 3, Qualifier: "a good"}, "a good 3"},
	} {
		if got := figure(tc.n); got != tc.want {
			t.Errorf("figure(%+v) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestUnknownRole: a person whose role is still new's "named in the
// article" appears on the card by name alone, in the Who row and under
// the quote.
func TestUnknownRole(t *testing.T) {
	b := load(t, "../../questions.toml")
	for i := range b.Entities {
		if b.Entities[i].Pool == bank.People {
			b.Entities[i].Role = bank.UnknownRole
		}
	}
	c := Build(b)
	who := 0
	for _, r := range c.Facts {
		for _, it := range r.Items {
			if strings.Contains(it, bank.UnknownRole) {
				t.Errorf("row %s: %q", r.Label, it)
			}
		}
		if r.Label == "Who" {
			who = len(r.Items)
		}
	}
	if who == 0 || c.Quote == nil {
		t.Fatalf("no Who row or no quote: the test checks nothing")
	}
	if c.Quote.Role != "" {
		t.Errorf("quote by %s, role %q", c.Quote.By, c.Quote.Role)
	}
}
