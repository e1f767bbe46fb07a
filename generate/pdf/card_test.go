package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/card"
)

var allPapers = []Paper{A4, Letter, A5, A6, Card46, Card35}

func builtinCard(t *testing.T) *card.Card {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	return card.Build(b)
}

// longCard is the built-in card with every text five times longer.
func longCard(t *testing.T) *card.Card {
	c := builtinCard(t)
	five := func(s string) string { return strings.TrimSpace(strings.Repeat(s+" ", 5)) }
	c.Headline = five(c.Headline)
	c.What = five(c.What)
	for i := range c.Why {
		c.Why[i] = five(c.Why[i])
	}
	for i := range c.Facts {
		c.Facts[i].Value = five(c.Facts[i].Value)
	}
	c.Quote.Text = five(c.Quote.Text)
	for i := range c.Numbers {
		c.Numbers[i].Caption = five(c.Numbers[i].Caption)
	}
	for i := range c.Timeline {
		c.Timeline[i].Label = five(c.Timeline[i].Label)
	}
	return c
}

func shortCard(t *testing.T) *card.Card {
	b, err := bank.Load("../bank/testdata/valid/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	return card.Build(b)
}

func renderCard(t *testing.T, c *card.Card, opt CardOptions) (string, []byte, error) {
	t.Helper()
	var buf bytes.Buffer
	step, err := Card(&buf, c, opt, testMeta("Briefing card"))
	return step, buf.Bytes(), err
}

// TestCardOnePage: every paper size, for the built-in, the long and the
// short bank, gives exactly one page, with the must-have text on it. The
// long bank may not fit the smallest cards at all: then the error names
// the text to shorten, and nothing is drawn.
func TestCardOnePage(t *testing.T) {
	cards := map[string]*card.Card{"builtin": builtinCard(t), "long": longCard(t), "short": shortCard(t)}
	for _, name := range []string{"builtin", "long", "short"} {
		for _, p := range allPapers {
			t.Run(name+"/"+p.Name, func(t *testing.T) {
				c := cards[name]
				step, data, err := renderCard(t, c, CardOptions{Paper: p})
				if err != nil {
					small := p == A6 || p == Card46 || p == Card35
					if name == "long" && small && strings.Contains(err.Error(), "is the longest") && strings.Contains(err.Error(), "shorten it") {
						t.Logf("refused, as it should be: %v", err)
						return
					}
					t.Fatal(err)
				}
				path := writeTemp(t, "card.pdf", data)
				checkPDF(t, path, 1, p)
				txt := squash(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
				for _, want := range []string{c.Headline, c.What} {
					if !strings.Contains(txt, squash(want)) {
						t.Errorf("(%s) missing %q", step, want)
					}
				}
				for i, r := range c.Facts {
					if (r.Must || step == "full") && (specFor(p).keyRows == 0 || i < specFor(p).keyRows) && !strings.Contains(txt, squash(r.Value)) {
						t.Errorf("(%s) key fact %s missing: %q", step, r.Label, r.Value)
					}
				}
				if name == "builtin" && p != Card35 {
					if !strings.Contains(txt, squash(c.Quote.Text)) {
						t.Errorf("quote missing")
					}
				}
				if name == "builtin" && (p == A4 || p == Letter || p == A5) {
					for _, tk := range pickTicks(c.Timeline, specFor(p).maxTicks, false) {
						if !strings.Contains(txt, tk.Date) {
							t.Errorf("timeline date %q missing", tk.Date)
						}
					}
					for _, f := range c.Numbers {
						if !strings.Contains(txt, f.Value) {
							t.Errorf("figure %q missing", f.Value)
						}
					}
				}
			})
		}
	}
}

func TestCardLongFitsBigPaper(t *testing.T) {
	for _, p := range []Paper{A4, Letter, A5} {
		step, _, err := renderCard(t, longCard(t), CardOptions{Paper: p})
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if step == "full" {
			t.Errorf("%s: five-times-longer texts fit without giving anything up", p.Name)
		}
	}
}

func TestCardTooLong(t *testing.T) {
	c := builtinCard(t)
	c.What = strings.Repeat("A very long account of what happened. ", 200)
	_, data, err := renderCard(t, c, CardOptions{Paper: A4})
	if err == nil || !strings.Contains(err.Error(), "[article].summary is the longest") {
		t.Fatalf("err = %v", err)
	}
	if len(data) != 0 {
		t.Fatal("wrote something for a card that does not fit")
	}
}

func TestCardNup(t *testing.T) {
	c := builtinCard(t)
	for _, tc := range []struct {
		paper Paper
		n     int
		sheet Paper
		err   string
	}{
		{A6, 4, A4, ""},
		{A6, 5, A4, "at most 4 A6 cards fit on one A4 sheet; asked for 5"},
		{Card35, 4, A4, ""},
		{Card46, 2, Letter, ""},
		{A5, 2, A4, ""},
	} {
		_, data, err := renderCard(t, c, CardOptions{Paper: tc.paper, Nup: tc.n, Sheet: tc.sheet})
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s ×%d: err = %v, want %q", tc.paper.Name, tc.n, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s ×%d: %v", tc.paper.Name, tc.n, err)
		}
		path := writeTemp(t, "sheet.pdf", data)
		tool(t, "qpdf", "--check", path)
		txt := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
		if got := strings.Count(txt, "BRIEFING CARD"); got != tc.n {
			t.Errorf("%s ×%d: %d cards on the sheet", tc.paper.Name, tc.n, got)
		}
	}
}

func TestCardGolden(t *testing.T) {
	_, got, err := renderCard(t, builtinCard(t), CardOptions{Paper: A4})
	if err != nil {
		t.Fatal(err)
	}
	_, again, _ := renderCard(t, builtinCard(t), CardOptions{Paper: A4})
	if !bytes.Equal(got, again) {
		t.Fatal("two renderings differ")
	}
	golden := filepath.Join("testdata", "card.pdf")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("card differs from %s (go test ./generate/pdf -run Golden -update after a deliberate change)", golden)
	}
}

func TestPickTicks(t *testing.T) {
	var ts []card.Tick
	for i := 0; i < 8; i++ {
		ts = append(ts, card.Tick{Date: string(rune('a' + i)), Highlight: i == 7})
	}
	dates := func(ts []card.Tick) string {
		s := ""
		for _, t := range ts {
			s += t.Date
		}
		return s
	}
	if got := dates(pickTicks(ts, 4, false)); len(got) != 4 || got[0] != 'a' || got[3] != 'h' {
		t.Errorf("pick 4 = %q", got)
	}
	if got := dates(pickTicks(ts, 9, true)); got != "ah" {
		t.Errorf("trim = %q", got)
	}
	if got := dates(pickTicks(ts, 9, false)); got != "abcdefgh" {
		t.Errorf("all = %q", got)
	}
}
