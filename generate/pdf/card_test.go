package pdf

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/card"
)

var allPapers = []Paper{A4, Letter, A5, A6, Card46, Card35}

func bankCard(t *testing.T, path string) *card.Card {
	t.Helper()
	b, err := bank.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return card.Build(b)
}

func builtinCard(t *testing.T) *card.Card { return bankCard(t, "../../questions.toml") }

// harbourCard is the card of a bank of another shape: no deals, no
// mediators, no quote, a long URL (generate/card/testdata/harbour.toml).
func harbourCard(t *testing.T) *card.Card { return bankCard(t, "../card/testdata/harbour.toml") }

func shortCard(t *testing.T) *card.Card { return bankCard(t, "../bank/testdata/valid/small.toml") }

// timesCard is the built-in card with every text n times as long.
func timesCard(t *testing.T, n int) *card.Card {
	c := builtinCard(t)
	more := func(s string) string { return strings.TrimSpace(strings.Repeat(s+" ", n)) }
	c.Headline = more(c.Headline)
	c.What = more(c.What)
	for i := range c.Why {
		c.Why[i] = more(c.Why[i])
	}
	for i := range c.Facts {
		for j := range c.Facts[i].Items {
			c.Facts[i].Items[j] = more(c.Facts[i].Items[j])
		}
	}
	c.Quote.Text = more(c.Quote.Text)
	for i := range c.Numbers {
		c.Numbers[i].Caption = more(c.Numbers[i].Caption)
	}
	for i := range c.Timeline {
		c.Timeline[i].Label = more(c.Timeline[i].Label)
	}
	return c
}

// longCard is the built-in card with every text five times as long: more
// than the small cards can take.
func longCard(t *testing.T) *card.Card { return timesCard(t, 5) }

// longerCard is a longer bank's card: every text twice as long.
func longerCard(t *testing.T) *card.Card { return timesCard(t, 2) }

func renderCard(t *testing.T, c *card.Card, opt CardOptions) ([]string, []byte, error) {
	t.Helper()
	var buf bytes.Buffer
	gave, err := Card(&buf, c, opt, testMeta("Briefing card"))
	return gave, buf.Bytes(), err
}

// A word is one word of a PDF's text with its box, in points from the
// top left, as pdftotext -bbox reports it.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
var pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)

// words reads back every word of the first page of a PDF, and the page
// height.
func words(t *testing.T, path string) ([]word, float64) {
	t.Helper()
	out := tool(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-")
	var ws []word
	for _, m := range wordRE.FindAllStringSubmatch(out, -1) {
		f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
		ws = append(ws, word{html.UnescapeString(m[5]), f(1), f(2), f(3), f(4)})
	}
	pm := pageRE.FindStringSubmatch(out)
	if pm == nil {
		t.Fatal("no page in pdftotext -bbox output")
	}
	h, _ := strconv.ParseFloat(pm[2], 64)
	return ws, h
}

// find returns the first word equal to s.
func find(ws []word, s string) (word, bool) {
	for _, w := range ws {
		if w.text == s {
			return w, true
		}
	}
	return word{}, false
}

// pdfText is the whole text of a PDF, white space folded.
func pdfText(t *testing.T, data []byte) string {
	return squash(tool(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "card.pdf", data), "-"))
}

// shows says which sections a paper shows when the bank fills them, as the
// README describes the papers: small cards have no "Why it matters", and
// the 3×5 flash card shows the quote or else the numbers, and no timeline.
func shows(p Paper, section string, c *card.Card) bool {
	switch {
	case p == A6 || p == Card46:
		return section != "WHY IT MATTERS"
	case p == Card35:
		switch section {
		case "IN THEIR WORDS":
			return true
		case "BY THE NUMBERS":
			return c.Quote == nil
		}
		return false
	}
	return true
}

// TestCardOnePage: every paper, for the built-in, a longer, a much longer,
// another shape's and a minimal bank, gives exactly one page with the
// must-have text on it. The much longer bank may not fit the smallest
// cards at all: then the error names the text to shorten.
func TestCardOnePage(t *testing.T) {
	cards := map[string]func(*testing.T) *card.Card{"builtin": builtinCard, "longer": longerCard,
		"long": longCard, "harbour": harbourCard, "short": shortCard}
	for _, name := range []string{"builtin", "longer", "long", "harbour", "short"} {
		for _, p := range allPapers {
			t.Run(name+"/"+p.Name, func(t *testing.T) {
				c := cards[name](t)
				gave, data, err := renderCard(t, c, CardOptions{Paper: p})
				if err != nil {
					small := p == A6 || p == Card46 || p == Card35
					if (name == "long" && small || name == "longer" && p == Card35) && strings.Contains(err.Error(), "is the longest") && strings.Contains(err.Error(), "shorten it") {
						t.Logf("refused, as it should be: %v", err)
						return
					}
					t.Fatal(err)
				}
				path := writeTemp(t, "card.pdf", data)
				checkPDF(t, path, 1, p)
				txt := pdfText(t, data)
				for _, want := range []string{c.Headline, c.What} {
					if !strings.Contains(txt, squash(want)) {
						t.Errorf("(%q) missing %q", gave, want)
					}
				}
				n := 0
				for _, r := range c.Facts {
					if !r.Must || (p == Card35 && n == 3) {
						continue
					}
					n++
					for i, it := range r.Items {
						if r.Short > 0 && i >= r.Short && slices.Contains(gave, "three in who") {
							continue
						}
						if !strings.Contains(txt, squash(it)) {
							t.Errorf("(%q) key fact %s missing %q", gave, r.Label, it)
						}
					}
				}
			})
		}
	}
}

// TestCardToFit: the note of what was given up to fit is honest. A
// section is on the card exactly when the bank fills it, the paper shows
// it, and the note does not list it; the note lists nothing the card did
// not have.
func TestCardToFit(t *testing.T) {
	cards := map[string]func(*testing.T) *card.Card{"builtin": builtinCard, "longer": longerCard, "harbour": harbourCard, "short": shortCard}
	for _, name := range []string{"builtin", "longer", "harbour", "short"} {
		for _, p := range allPapers {
			t.Run(name+"/"+p.Name, func(t *testing.T) {
				c := cards[name](t)
				gave, data, err := renderCard(t, c, CardOptions{Paper: p})
				if name == "longer" && p == Card35 && err != nil {
					return // refused: TestCardOnePage checks the message
				}
				if err != nil {
					t.Fatal(err)
				}
				txt := pdfText(t, data)
				_, mediation := rowOf(c, "Mediation")
				has := map[string]bool{
					"WHY IT MATTERS": len(c.Why) > 0,
					"IN THEIR WORDS": c.Quote != nil,
					"BY THE NUMBERS": len(c.Numbers) >= 2,
					"TIMELINE":       len(c.Timeline) >= 2,
					"MEDIATION":      mediation && p != Card35, // the 3×5 card shows three key facts
				}
				note := map[string]string{"WHY IT MATTERS": "no why it matters", "IN THEIR WORDS": "no quote",
					"BY THE NUMBERS": "no numbers", "TIMELINE": "no timeline", "MEDIATION": "no mediation"}
				for section, filled := range has {
					want := filled && shows(p, section, c) && !slices.Contains(gave, note[section])
					if got := strings.Contains(txt, section); got != want {
						t.Errorf("%s on the card: %v, want %v (to fit: %q)", section, got, want, gave)
					}
					if slices.Contains(gave, note[section]) && (!filled || !shows(p, section, c)) {
						t.Errorf("to fit: %q lists %q, which the card never had", gave, note[section])
					}
				}
				if who, ok := rowOf(c, "Who"); ok && len(who.Items) > 3 {
					fourth := strings.Contains(txt, squash(who.Items[3]))
					if fourth == slices.Contains(gave, "three in who") {
						t.Errorf("fourth person on the card: %v; to fit: %q", fourth, gave)
					}
				}
				if c.URL != "" {
					// pdftotext joins a line that ends in "-" to the next
					// without it, and the URL wraps anywhere.
					bare := strings.NewReplacer(" ", "", "-", "")
					if url := strings.Contains(bare.Replace(txt), bare.Replace(c.URL)); url == slices.Contains(gave, "no URL") {
						t.Errorf("URL on the card: %v; to fit: %q", url, gave)
					}
				}
			})
		}
	}
}

func rowOf(c *card.Card, label string) (card.Row, bool) {
	for _, r := range c.Facts {
		if r.Label == label {
			return r, true
		}
	}
	return card.Row{}, false
}

// TestCardColumns measures, on the printed A4 and Letter cards, how much
// of the page each column leaves empty between its last line and what
// comes below the columns (the numbers band or the timeline). For the
// built-in bank and a longer one neither column leaves more than 10% of
// the page height; for the short harbour bank, whose content cannot fill
// the page, the two columns end within 10% of each other.
func TestCardColumns(t *testing.T) {
	cards := map[string]func(*testing.T) *card.Card{"builtin": builtinCard, "longer": longerCard, "harbour": harbourCard}
	for _, name := range []string{"builtin", "longer", "harbour"} {
		for _, p := range []Paper{A4, Letter} {
			t.Run(name+"/"+p.Name, func(t *testing.T) {
				_, data, err := renderCard(t, cards[name](t), CardOptions{Paper: p})
				if err != nil {
					t.Fatal(err)
				}
				ws, pageH := words(t, writeTemp(t, "card.pdf", data))
				what, ok1 := find(ws, "WHAT")
				key, ok2 := find(ws, "KEY")
				if !ok1 || !ok2 {
					t.Fatal("no WHAT HAPPENED or KEY FACTS heading")
				}
				// Below the columns: the timeline, or the footer.
				limit := pageH
				if tl, ok := find(ws, "TIMELINE"); ok {
					limit = tl.yMin
				} else if src, ok := find(ws, "Source:"); ok {
					limit = src.yMin
				}
				// A numbers band: a "BY THE NUMBERS" heading under both
				// columns with figures across the sidebar's side.
				if by, ok := find(ws, "NUMBERS"); ok && by.yMin > key.yMin {
					sideBelow, sideAbove := false, false
					for _, w := range ws {
						if w.xMin >= key.xMin-1 && w.yMin > by.yMin && w.yMax < limit {
							sideBelow = true
						}
						if w.xMin >= key.xMin-1 && w.yMin > key.yMin && w.yMax <= by.yMin {
							sideAbove = true
						}
					}
					_, inSidebar := firstAt(ws, "NUMBERS", key.xMin-1)
					if sideBelow && sideAbove && !inSidebar {
						limit = by.yMin
					}
				}
				bottom := map[bool]float64{}
				for _, w := range ws {
					if w.yMin < what.yMin || w.yMax > limit {
						continue
					}
					side := w.xMin >= key.xMin-1
					bottom[side] = max(bottom[side], w.yMax)
				}
				emptyMain, emptySide := (limit-bottom[false])/pageH, (limit-bottom[true])/pageH
				t.Logf("empty: main column %.1f%%, sidebar %.1f%% of the page", 100*emptyMain, 100*emptySide)
				if name == "harbour" {
					if d := emptyMain - emptySide; d > 0.10 || d < -0.10 {
						t.Errorf("columns end %.1f%% of the page apart", 100*d)
					}
					return
				}
				if emptyMain > 0.10 || emptySide > 0.10 {
					t.Errorf("a column leaves more than 10%% of the page empty: main %.1f%%, sidebar %.1f%%", 100*emptyMain, 100*emptySide)
				}
			})
		}
	}
}

// firstAt returns the word s when it starts right of x.
func firstAt(ws []word, s string, x float64) (word, bool) {
	for _, w := range ws {
		if w.text == s && w.xMin >= x {
			return w, true
		}
	}
	return word{}, false
}

// TestCardSmallFill: a small card, after whatever it gave up, does not
// leave its foot empty: the room goes between sections, or a section
// comes back smaller.
func TestCardSmallFill(t *testing.T) {
	for _, name := range []string{"builtin", "harbour", "longer"} {
		for _, p := range []Paper{A5, A6, Card46, Card35} {
			if name == "longer" && p == Card35 {
				continue // refused
			}
			t.Run(name+"/"+p.Name, func(t *testing.T) {
				c := map[string]func(*testing.T) *card.Card{"builtin": builtinCard, "harbour": harbourCard, "longer": longerCard}[name](t)
				gave, data, err := renderCard(t, c, CardOptions{Paper: p})
				if err != nil {
					t.Fatal(err)
				}
				ws, pageH := words(t, writeTemp(t, "card.pdf", data))
				src, ok := find(ws, "Source:")
				if !ok {
					t.Fatal("no footer")
				}
				bottom := 0.0
				for _, w := range ws {
					if w.yMax < src.yMin-1 {
						bottom = max(bottom, w.yMax)
					}
				}
				if empty := (src.yMin - bottom) / pageH; empty > 0.10 {
					t.Errorf("%.1f%% of the page empty above the footer (to fit: %q)", 100*empty, gave)
				}
			})
		}
	}
}

// TestCardMaximal: what the card gave up could not come back. For every
// card and paper, undoing any one step of the fit (a section back, or back
// at full size) does not fit at the smallest type.
func TestCardMaximal(t *testing.T) {
	for _, name := range []string{"builtin", "longer", "harbour"} {
		c := map[string]func(*testing.T) *card.Card{"builtin": builtinCard, "harbour": harbourCard, "longer": longerCard}[name](t)
		for _, p := range allPapers {
			d := newDoc(p, testMeta("x"))
			tx := newText(d)
			s := specFor(p)
			lay := fitCard(tx, c, p, s)
			if lay == nil {
				if name == "longer" && p == Card35 {
					continue // refused
				}
				t.Fatalf("%s/%s: no fit", name, p.Name)
			}
			full := fullPlan(c, s)
			levels := []cardPlan{full}
			for _, g := range giveUps {
				next := levels[len(levels)-1]
				if g(&next, c, s) {
					levels = append(levels, next)
				}
			}
			for j := 1; j < len(levels); j++ {
				try, ok := undo(lay.plan, levels[j-1], levels[j])
				if !ok {
					continue
				}
				try.scale = s.floor
				if l := layoutCard(tx, c, p, s, try); l.fits() {
					t.Errorf("%s/%s: settled on %+v, but %+v fits too", name, p.Name, lay.plan, try)
				}
			}
		}
	}
}

// TestCardWordsWhole: captions, key facts and the timeline wrap at spaces;
// no word is cut, even beside a wide figure in the sidebar (issue 17).
func TestCardWordsWhole(t *testing.T) {
	c := harbourCard(t)
	c.Numbers = append([]card.Figure{
		{Value: ">150,000", Caption: "internationally accredited representatives"},
		{Value: "12,000,000", Caption: "nationalities participating simultaneously"},
	}, c.Numbers...)
	// A long main column sends the numbers to the narrow sidebar on A4.
	c.Why = append(c.Why, "Counterrevolutionaries and internationalisation: incomprehensibilities abound.",
		strings.Repeat("The council will review the fee after its first summer. ", 4),
		strings.Repeat("Residents of the old town asked for the fee two years ago. ", 4))
	var want []string
	for _, f := range c.Numbers[:4] {
		want = append(want, strings.Fields(f.Caption)...)
	}
	for _, p := range allPapers {
		t.Run(p.Name, func(t *testing.T) {
			_, data, err := renderCard(t, c, CardOptions{Paper: p})
			if err != nil {
				t.Fatal(err)
			}
			ws, _ := words(t, writeTemp(t, "card.pdf", data))
			txt := pdfText(t, data)
			if !strings.Contains(txt, "BY THE NUMBERS") {
				return // given up on this paper
			}
			for _, w := range want {
				if _, ok := find(ws, w); !ok && strings.Contains(txt, w[:3]) {
					t.Errorf("caption word %q is not whole on the card", w)
				}
			}
		})
	}
}

// TestCardHeadline: no headline ends on a line of one or two words when a
// slightly smaller size or a balanced break avoids it.
func TestCardHeadline(t *testing.T) {
	for _, h := range []string{
		"Khamenei rejects talks, calls Macron “naive or a U.S. accomplice”", // the orphan the review saw on A4
		"Porto Lume votes a 12-euro daily fee for overnight visitors in its old town",
		"Council agrees to close the harbour road to cars on summer weekends from next year",
		"Talks collapse as both sides walk out of the meeting in Geneva",
	} {
		for _, p := range []Paper{A4, Letter, A5, A6, Card35} {
			c := builtinCard(t)
			c.Headline = h
			_, data, err := renderCard(t, c, CardOptions{Paper: p})
			if err != nil {
				t.Fatal(err)
			}
			ws, _ := words(t, writeTemp(t, "card.pdf", data))
			// The headline is set in the tallest type on the card.
			tallest := 0.0
			for _, w := range ws {
				tallest = max(tallest, w.yMax-w.yMin)
			}
			lines := map[float64]int{}
			var ys []float64
			for _, w := range ws {
				if w.yMax-w.yMin > tallest*0.95 {
					if lines[w.yMin] == 0 {
						ys = append(ys, w.yMin)
					}
					lines[w.yMin]++
				}
			}
			slices.Sort(ys)
			if len(ys) > 1 && lines[ys[len(ys)-1]] <= 2 {
				t.Errorf("%s: %q ends on a line of %d words", p.Name, h, lines[ys[len(ys)-1]])
			}
		}
	}
}

// TestCardQuote: the quote is printed in typographic quotes, with the
// article's inner straight quotes as single ones, no trailing comma, and
// its pronoun resolved (the bank keeps the verbatim text).
func TestCardQuote(t *testing.T) {
	c := builtinCard(t)
	_, data, err := renderCard(t, c, CardOptions{Paper: A4})
	if err != nil {
		t.Fatal(err)
	}
	if txt := pdfText(t, data); !strings.Contains(txt, "“[Emmanuel Macron] is either naive or an accomplice of the United States.”") {
		t.Errorf("quote not resolved: %s", txt)
	}
	c.Quote.Text = `the "path to peace" is open now,"`
	_, data, err = renderCard(t, c, CardOptions{Paper: A4})
	if err != nil {
		t.Fatal(err)
	}
	if txt := pdfText(t, data); !strings.Contains(txt, "“the ‘path to peace’ is open now”") {
		t.Errorf("quote not cleaned for print: %s", txt)
	}
}

// TestCardInferredYear: a year the article does not print is never shown
// as if it did.
func TestCardInferredYear(t *testing.T) {
	for _, p := range []Paper{A4, A6} {
		_, data, err := renderCard(t, harbourCard(t), CardOptions{Paper: p})
		if err != nil {
			t.Fatal(err)
		}
		txt := pdfText(t, data)
		if !strings.Contains(txt, "5 Jul [2024]") || strings.Contains(txt, "5 Jul 2024") {
			t.Errorf("%s: the vote's inferred year is not in brackets: %s", p.Name, txt)
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

// TestCardWarnings: check's warning, which only lays the card out, says
// the same as the card command on a 3×5 card, which draws and writes it.
func TestCardWarnings(t *testing.T) {
	long := builtinCard(t)
	long.What = strings.Repeat("A very long account of what happened. ", 200)
	for _, tc := range []struct {
		name string
		c    *card.Card
	}{{"built-in", builtinCard(t)}, {"long summary", long}} {
		_, _, err := renderCard(t, tc.c, CardOptions{Paper: Card35})
		got := CardWarnings(tc.c)
		switch {
		case err == nil && got != nil:
			t.Errorf("%s: the card fits on 3×5, but check warns %q", tc.name, got)
		case err != nil && len(got) != 1:
			t.Errorf("%s: card says %v, check warns %q", tc.name, err, got)
		case err != nil && got[0] != strings.TrimPrefix(err.Error(), "card: ")+" (or use a larger --paper)":
			t.Errorf("%s: check warns %q, card says %q", tc.name, got[0], err)
		}
		if tc.name == "long summary" && err == nil {
			t.Errorf("%s: fits on 3×5; the case tests nothing", tc.name)
		}
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
	for _, tc := range []struct {
		file  string
		card  func(*testing.T) *card.Card
		paper Paper
	}{
		{"card.pdf", builtinCard, A4},
		{"card-a6.pdf", builtinCard, A6},
		{"card-harbour.pdf", harbourCard, A4},
	} {
		_, got, err := renderCard(t, tc.card(t), CardOptions{Paper: tc.paper})
		if err != nil {
			t.Fatal(err)
		}
		_, again, _ := renderCard(t, tc.card(t), CardOptions{Paper: tc.paper})
		if !bytes.Equal(got, again) {
			t.Fatalf("%s: two renderings differ", tc.file)
		}
		golden := filepath.Join("testdata", tc.file)
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
			t.Errorf("%s differs from %s (go test ./generate/pdf -run Golden -update after a deliberate change)", tc.file, golden)
		}
	}
}

// TestPickTicks: ticks are chosen by weight, shown in time order.
func TestPickTicks(t *testing.T) {
	// a..h in time order; the weights say the bank marked c and f as key,
	// h is the article's event, b is mentioned by two facts.
	weights := []int{1, 2, 101, 1, 0, 101, 1, 1001}
	var ts []card.Tick
	for i, w := range weights {
		ts = append(ts, card.Tick{Date: string(rune('a' + i)), Weight: w, Highlight: i == 7, Key: w == 101})
	}
	dates := func(ts []card.Tick) string {
		s := ""
		for _, t := range ts {
			s += t.Date
		}
		return s
	}
	for _, tc := range []struct {
		n       int
		keyOnly bool
		want    string
	}{
		{4, false, "bcfh"},  // h, c, f, then b
		{5, false, "bcfgh"}, // then the latest of the ties
		{9, false, "abcdefgh"},
		{9, true, "cfh"},
		{2, true, "fh"},
	} {
		if got := dates(pickTicks(ts, tc.n, tc.keyOnly)); got != tc.want {
			t.Errorf("pickTicks(%d, %v) = %q, want %q", tc.n, tc.keyOnly, got, tc.want)
		}
	}
}

// TestCardTimelineA6: the built-in A6 card keeps 1979 (the anniversary the
// speech marks) and May 2018 (the U.S. exit), which the bank marks as key.
func TestCardTimelineA6(t *testing.T) {
	_, data, err := renderCard(t, builtinCard(t), CardOptions{Paper: A6})
	if err != nil {
		t.Fatal(err)
	}
	txt := pdfText(t, data)
	for _, d := range []string{"1979", "May 2018", "3 Nov [2019]"} {
		if !strings.Contains(txt, d) {
			t.Errorf("A6 timeline lacks %s", d)
		}
	}
}

func TestInQuotes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`"Some imagine that negotiations will solve all problems.`, "Some imagine that negotiations will solve all problems."},
		{`The French President believed it would solve all of Iran's problems,"`, "The French President believed it would solve all of Iran’s problems"},
		{`"He is either naive or an accomplice of the United States."`, "He is either naive or an accomplice of the United States."},
		{`adding that "He is either naive."`, "adding that ‘He is either naive.’"},
		{`the "path to peace" is open now,"`, "the ‘path to peace’ is open now"},
		{`the U.S. "repents," lifts its sanctions`, "the U.S. ‘repents,’ lifts its sanctions"},
		{`"A," he said, "B."`, "‘A,’ he said, ‘B.’"},
		{`It goes back to the 1953 coup d'état`, "It goes back to the 1953 coup d’état"},
		{`“Give up these expectations.”`, "Give up these expectations."},
		{`plain words;`, "plain words"},
	} {
		if got := inQuotes(tc.in); got != tc.want {
			t.Errorf("inQuotes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNumbersList: in the narrow sidebar list, beside a wide figure, a
// caption goes under the figure rather than being cut (the issue 17 bug:
// "nationalit-ies" beside "150,000+").
func TestNumbersList(t *testing.T) {
	c := &card.Card{Numbers: []card.Figure{
		{Value: ">150,000", Caption: "internationally accredited representatives"},
		{Value: "12", Caption: "nationalities participating simultaneously"},
	}}
	for _, p := range []Paper{A4, Letter} {
		d := newDoc(p, testMeta("x"))
		tx := newText(d)
		over := false
		s := specFor(p)
		kit := cardKit{t: tx, s: s, k: s.grow, over: &over}
		pc := kit.numbers(c, cardPlan{numbers: 2}, s.sideW-6, false)
		pc.draw(0, 0)
		var captionWords []string
		for _, f := range c.Numbers {
			captionWords = append(captionWords, strings.Fields(f.Caption)...)
		}
		for _, r := range tx.runs {
			for _, w := range strings.Fields(r.str) {
				if w != "BY" && w != "THE" && w != "NUMBERS" && !slices.Contains(captionWords, w) && w != ">150,000" && w != "12" {
					t.Errorf("%s: %q is not a whole word of a caption or figure", p.Name, w)
				}
			}
		}
		if over {
			t.Errorf("%s: a word did not fit", p.Name)
		}
	}
}

// TestWrapWords: lines break at spaces only; a word wider than the line
// stands alone and is reported.
func TestWrapWords(t *testing.T) {
	tx := newText(newDoc(A4, testMeta("x")))
	s := style{"", 10, 12}
	lines, over := tx.wrapWords(s, "nationalities represented at the summit", 25)
	if over || strings.Join(lines, " ") != "nationalities represented at the summit" {
		t.Errorf("lines %q over %v", lines, over)
	}
	for _, l := range lines {
		if tx.width(s, l) > 25 {
			t.Errorf("line %q is wider than 25 mm", l)
		}
	}
	lines, over = tx.wrapWords(s, "a Donaudampfschifffahrtsgesellschaftskapitän sailed", 20)
	if !over || !slices.Contains(lines, "Donaudampfschifffahrtsgesellschaftskapitän") {
		t.Errorf("lines %q over %v: want the long word whole and reported", lines, over)
	}
}
