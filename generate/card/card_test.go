package card

import (
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

func TestBuild(t *testing.T) {
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	c := Build(b)
	if c.Headline != b.Article.Headline || c.What != b.Article.Summary || c.AsOf != "3 Nov 2019" {
		t.Errorf("top: %q %q %q", c.Headline, c.What, c.AsOf)
	}
	labels := []string{}
	for _, r := range c.Facts {
		labels = append(labels, r.Label)
	}
	if got := strings.Join(labels, ","); got != "Who,When,Occasion,Deals,Mediators,Source" {
		t.Errorf("key facts %s", got)
	}
	for _, want := range []string{"Ali Khamenei (Supreme Leader of Iran)", "Hassan Rouhani (President of Iran)"} {
		if !strings.Contains(c.Facts[0].Value, want) {
			t.Errorf("who lacks %q: %q", want, c.Facts[0].Value)
		}
	}
	// Only deals some fact is about: not the wrong-answer-only ones.
	if d := c.Facts[3].Value; !strings.Contains(d, "nuclear deal with Iran") || strings.Contains(d, "Algiers") {
		t.Errorf("deals %q", d)
	}
	if m := c.Facts[4].Value; m != "Emmanuel Macron; Japan; France" {
		t.Errorf("mediators %q", m)
	}
	if c.Quote == nil || c.Quote.By != "Ali Khamenei" || !strings.Contains(c.Quote.Text, "either naive") {
		t.Errorf("quote %+v", c.Quote)
	}
	var figs []string
	for _, f := range c.Numbers {
		figs = append(figs, f.Value)
	}
	if got := strings.Join(figs, " "); got != "444 50+ 41 4" {
		t.Errorf("numbers %s", got)
	}
	if len(c.Timeline) != 8 || c.Timeline[0].Date != "1953" || !c.Timeline[7].Highlight || c.Timeline[7].Date != "3 Nov [2019]" {
		t.Errorf("timeline %+v", c.Timeline)
	}
	for i := 1; i < len(c.Timeline); i++ {
		if c.Timeline[i].Year < c.Timeline[i-1].Year {
			t.Errorf("timeline out of order at %d", i)
		}
	}
}

// TestMinimal: a bank with only the required fields gives a card with only
// the sections it can fill.
func TestMinimal(t *testing.T) {
	b, err := bank.Load("../bank/testdata/valid/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	c := Build(b)
	if c.Headline != "Small test article" || c.Topic != "News briefing" {
		t.Errorf("fallbacks: %q %q", c.Headline, c.Topic)
	}
	if c.Quote != nil || len(c.Numbers) != 0 || len(c.Timeline) != 0 || len(c.Why) != 0 {
		t.Errorf("invented sections: %+v", c)
	}
}

func TestFigure(t *testing.T) {
	for _, tc := range []struct {
		n    bank.Number
		want string
	}{
		{bank.Number{Value: 444}, "444"},
		{bank.Number{Value: 50, Qualifier: "more than"}, "50+"},
		{bank.Number{Value: 10, Qualifier: "fewer than"}, "<10"},
		{bank.Number{Value: 3, Qualifier: "about"}, "~3"},
		{bank.Number{Value: 12000}, "12,000"},
	} {
		if got := figure(tc.n); got != tc.want {
			t.Errorf("figure(%+v) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
