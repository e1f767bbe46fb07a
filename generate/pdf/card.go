package pdf

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/quizcard/quizcard/generate/card"
	"github.com/quizcard/quizcard/generate/english"
)

// accent is the card's one colour; structure never depends on it.
var accent = rgb{164, 28, 36}

// cardSpec is a card format's type scale and grid (see specs/card.md).
type cardSpec struct {
	margin   float64
	twoCol   bool    // main column and sidebar (A4, Letter)
	sideW    float64 // sidebar width, two-column only
	head     style   // headline
	kicker   style
	section  style // section heads, caps
	body     style
	label    style // key-fact labels, caps
	value    style // key-fact values
	quote    style
	figure   style // "By the numbers" figures
	footer   style
	floor    float64 // smallest scale: the format's minimum body size
	grow     float64 // largest scale, to fill a roomy page
	maxTicks int     // timeline ticks
	keyRows  int     // key-fact rows at most (0: all)
	why      bool    // has "Why it matters"
	timeline bool
	quoteOr  bool // room for a quote or the numbers, not both (flash cards)
}

func specFor(p Paper) cardSpec {
	switch p {
	case A4, Letter:
		return cardSpec{margin: 12.7, twoCol: true, sideW: 64,
			head: style{"B", 18, 22}, kicker: style{"B", 8, 10}, section: style{"B", 9, 11},
			body: style{"", 10, 13}, label: style{"B", 7.5, 9}, value: style{"", 9, 11},
			quote: style{"I", 12, 15}, figure: style{"B", 20, 22}, footer: style{"", 7, 9},
			floor: 0.9, grow: 1.3, maxTicks: 9, why: true, timeline: true}
	case A5:
		return cardSpec{margin: 10,
			head: style{"B", 15, 18}, kicker: style{"B", 7.5, 9}, section: style{"B", 8.5, 10.5},
			body: style{"", 9, 11.5}, label: style{"B", 7, 8.5}, value: style{"", 8.5, 10.5},
			quote: style{"I", 10.5, 13}, figure: style{"B", 16, 18}, footer: style{"", 6.5, 8},
			floor: 8.0 / 9, grow: 1.15, maxTicks: 6, why: true, timeline: true}
	case Card35:
		return cardSpec{margin: 5,
			head: style{"B", 11, 13}, kicker: style{"B", 6.5, 8}, section: style{"B", 6.5, 8},
			body: style{"", 8, 9.5}, label: style{"B", 6.5, 8}, value: style{"", 7.5, 9},
			quote: style{"I", 8, 9.5}, figure: style{"B", 11, 12}, footer: style{"", 6, 7},
			floor: 7.0 / 8, grow: 1.1, keyRows: 3, quoteOr: true}
	}
	// A6 and 4×6 in: the pocket card.
	return cardSpec{margin: 6,
		head: style{"B", 12, 14}, kicker: style{"B", 7, 8.5}, section: style{"B", 7, 8.5},
		body: style{"", 8.5, 10.5}, label: style{"B", 6.5, 8}, value: style{"", 7.5, 9},
		quote: style{"I", 8.5, 10.5}, figure: style{"B", 13, 14}, footer: style{"", 6, 7},
		floor: 7.5 / 8.5, grow: 1.1, maxTicks: 4, timeline: true}
}

func (s style) scaled(k float64) style {
	return style{s.face, math.Round(s.size*k*100) / 100, math.Round(s.lead*k*100) / 100}
}

// cardPlan is what the card shows, at what scale; each fitting step
// takes something away.
type cardPlan struct {
	scale    float64
	joined   bool // single column: a row's items on one line, " · " apart
	numbers  int  // figures
	smallNum bool // figures in smaller type
	why      int  // bullets
	short    bool // rows that can be cut (Who) keep their first items
	url      bool // the URL in the footer
	optRows  bool // key-fact rows that may be dropped
	quote    int  // 2 full, 1 in smaller type, 0 none
	timeline int  // 2 full, 1 key dates only, 0 none
}

// fullPlan is everything the card has that the paper shows.
func fullPlan(c *card.Card, s cardSpec) cardPlan {
	p := cardPlan{scale: 1, numbers: min(4, len(c.Numbers)), optRows: true, url: c.URL != ""}
	if p.numbers < 2 {
		p.numbers = 0
	}
	if s.why {
		p.why = min(5, len(c.Why))
	}
	if c.Quote != nil {
		p.quote = 2
	}
	if s.timeline && len(c.Timeline) >= 2 {
		p.timeline = 2
	}
	return p
}

// giveUps are the fitting steps, least important first. Each changes one
// field of the plan and reports whether it changed anything.
var giveUps = []func(p *cardPlan, c *card.Card, s cardSpec) bool{
	func(p *cardPlan, _ *card.Card, s cardSpec) bool { return raise(&p.joined, !s.twoCol) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return raise(&p.smallNum, p.numbers > 0) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return lower(&p.numbers, 2) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return lower(&p.numbers, 0) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return lower(&p.why, 2) },
	func(p *cardPlan, c *card.Card, _ cardSpec) bool {
		cut := false
		for _, r := range c.Facts {
			cut = cut || (r.Short > 0 && r.Short < len(r.Items))
		}
		return raise(&p.short, cut)
	},
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return drop(&p.url) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return drop(&p.optRows) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return lower(&p.quote, 1) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return lower(&p.why, 0) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return lower(&p.quote, 0) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return lower(&p.timeline, 1) },
	func(p *cardPlan, _ *card.Card, _ cardSpec) bool { return lower(&p.timeline, 0) },
}

func lower(v *int, to int) bool {
	if *v > to {
		*v = to
		return true
	}
	return false
}

func raise(v *bool, ok bool) bool {
	if *v || !ok {
		return false
	}
	*v = true
	return true
}

func drop(v *bool) bool {
	if !*v {
		return false
	}
	*v = false
	return true
}

// gaveUp says what plan p shows less of than full, in the order things are
// given up: "smaller numbers", "no quote", ...
func gaveUp(p, full cardPlan, c *card.Card, s cardSpec) []string {
	var out []string
	numbersShown := !s.quoteOr || full.quote == 0
	if numbersShown && p.numbers > 0 && p.smallNum {
		out = append(out, "smaller numbers")
	}
	switch {
	case !numbersShown || p.numbers == full.numbers:
	case p.numbers == 0:
		out = append(out, "no numbers")
	default:
		out = append(out, countWord(p.numbers)+" numbers")
	}
	switch {
	case p.why == full.why:
	case p.why == 0:
		out = append(out, "no why it matters")
	default:
		out = append(out, countWord(p.why)+" why-it-matters bullets")
	}
	shown := shownRows(c, s, full)
	for _, r := range shown {
		if p.short && r.Short > 0 && r.Short < len(r.Items) {
			out = append(out, countWord(r.Short)+" in "+strings.ToLower(r.Label))
		}
	}
	if full.url && !p.url {
		out = append(out, "no URL")
	}
	if !p.optRows {
		for _, r := range shown {
			if !r.Must {
				out = append(out, "no "+strings.ToLower(r.Label))
			}
		}
	}
	switch {
	case p.quote == full.quote:
	case p.quote == 0:
		out = append(out, "no quote")
	default:
		out = append(out, "smaller quote")
	}
	switch {
	case p.timeline == full.timeline:
	case p.timeline == 0:
		out = append(out, "no timeline")
	default:
		out = append(out, "fewer timeline dates")
	}
	return out
}

func countWord(n int) string {
	if n >= 0 && n < 10 {
		return []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}[n]
	}
	return fmt.Sprint(n)
}

// scales lists the type scales a paper may use, largest first: from the
// size that fills a roomy page down to the paper's floor.
func scales(s cardSpec) []float64 {
	var out []float64
	for k := s.grow; k > s.floor+1e-9; k -= 0.025 {
		out = append(out, math.Round(k*1000)/1000)
	}
	return append(out, s.floor)
}

// fitCard finds what the card shows and at what size. It tries the plans
// from richest to barest, each at the largest scale that fits; once one
// fits, it gives back, the last thing taken first, anything an earlier
// step took that fits again (a section dropped for room that a later drop
// freed). It returns nil when even the barest plan does not fit.
func fitCard(t text, c *card.Card, p Paper, s cardSpec) *cardLayout {
	ks := scales(s)
	// largest returns the layout at the largest scale that fits, by
	// bisection: what fits at one scale fits at a smaller one.
	largest := func(pl cardPlan) *cardLayout {
		pl.scale = ks[len(ks)-1]
		l := layoutCard(t, c, p, s, pl)
		if !l.fits() {
			return nil
		}
		lo, hi := 0, len(ks)-1 // ks[hi] fits
		for lo < hi {
			mid := (lo + hi) / 2
			pl.scale = ks[mid]
			if m := layoutCard(t, c, p, s, pl); m.fits() {
				hi, l = mid, m
			} else {
				lo = mid + 1
			}
		}
		return &l
	}
	levels := []cardPlan{fullPlan(c, s)}
	for _, g := range giveUps {
		next := levels[len(levels)-1]
		if g(&next, c, s) {
			levels = append(levels, next)
		}
	}
	for li, pl := range levels {
		lay := largest(pl)
		if lay == nil {
			continue
		}
		cur := pl
		for j := li; j >= 1; j-- {
			if try, ok := undo(cur, levels[j-1], levels[j]); ok {
				if l := largest(try); l != nil {
					cur, lay = try, l
				}
			}
		}
		return lay
	}
	return nil
}

// undo returns cur with the field that step before → after changed set
// back to before, when cur still has it as after left it.
func undo(cur, before, after cardPlan) (cardPlan, bool) {
	ints := func(p *cardPlan) []*int { return []*int{&p.numbers, &p.why, &p.quote, &p.timeline} }
	bools := func(p *cardPlan) []*bool { return []*bool{&p.joined, &p.smallNum, &p.short, &p.url, &p.optRows} }
	ci, bi, ai := ints(&cur), ints(&before), ints(&after)
	for i := range ci {
		if *bi[i] != *ai[i] && *ci[i] == *ai[i] {
			*ci[i] = *bi[i]
			return cur, true
		}
	}
	cb, bb, ab := bools(&cur), bools(&before), bools(&after)
	for i := range cb {
		if *bb[i] != *ab[i] && *cb[i] == *ab[i] {
			*cb[i] = *bb[i]
			return cur, true
		}
	}
	return cur, false
}

// CardOptions choose the paper and, for small cards, how many to a sheet.
type CardOptions struct {
	Paper Paper
	Nup   int   // cards per sheet; 0 or 1: one card on its own page
	Sheet Paper // sheet for Nup > 1 (A4 or Letter)
}

// Card writes a briefing card: always exactly one page, or an error that
// names what is too long. With Nup > 1 it places that many copies on one
// sheet with cut marks. It returns what it gave up to fit ("no numbers",
// "smaller quote", ...), nothing when the whole card fits.
func Card(w io.Writer, c *card.Card, opt CardOptions, m Meta) ([]string, error) {
	p := opt.Paper
	page := p
	if opt.Nup > 1 {
		// Turn the sheet if more cards fit that way.
		page = opt.Sheet
		turned := Paper{page.Name, page.H, page.W}
		c1, r1, _, _ := grid(p, page)
		c2, r2, _, _ := grid(p, turned)
		if c2*r2 > c1*r1 {
			page = turned
		}
	}
	d := newDoc(page, m)
	t := newText(d)
	spec := specFor(p)
	lay, err := layOut(t, c, p, spec)
	if err != nil {
		return nil, err
	}
	var origins [][2]float64
	if opt.Nup > 1 {
		cols, rows, gx, gy := grid(p, page)
		if opt.Nup > cols*rows {
			return nil, fmt.Errorf("at most %d %s %s fit on one %s sheet; asked for %d", cols*rows, p.Name, english.PluralWord(cols*rows, "card", ""), opt.Sheet.Name, opt.Nup)
		}
		for i := 0; i < opt.Nup; i++ {
			origins = append(origins, [2]float64{gx + float64(i%cols)*p.W, gy + float64(i/cols)*p.H})
		}
		d.AddPage()
		for _, o := range origins {
			lay.draw(o[0], o[1])
		}
		cutMarks(d, p, page, cols, rows, gx, gy, opt.Nup)
	} else {
		d.AddPage()
		lay.draw(0, 0)
	}
	t.flush()
	if d.PageCount() != 1 {
		return nil, fmt.Errorf("card: %d pages; a card is one page", d.PageCount())
	}
	if _, err := finish(d, w); err != nil {
		return nil, err
	}
	return gaveUp(lay.plan, fullPlan(c, spec), c, spec), nil
}

// layOut returns c laid out on one page of p at the largest type that
// fits, or, when nothing fits, the error that says which text is too long.
func layOut(t text, c *card.Card, p Paper, spec cardSpec) (*cardLayout, error) {
	if lay := fitCard(t, c, p, spec); lay != nil {
		return lay, nil
	}
	return nil, tooLong(t, c, p, spec)
}

// grid returns how many cards of size c fit across and down the sheet, and
// the offsets that centre the grid.
func grid(c, sheet Paper) (cols, rows int, gx, gy float64) {
	cols = int((sheet.W + 1e-6) / c.W)
	rows = int((sheet.H + 1e-6) / c.H)
	return cols, rows, (sheet.W - float64(cols)*c.W) / 2, (sheet.H - float64(rows)*c.H) / 2
}

// cutMarks draws dashed light-grey lines along the interior cuts and ticks
// where every cut meets the sheet edge ("classroom" mode: the cards butt).
func cutMarks(d interface {
	SetDrawColor(int, int, int)
	SetLineWidth(float64)
	SetDashPattern([]float64, float64)
	Line(float64, float64, float64, float64)
}, c, sheet Paper, cols, rows int, gx, gy float64, n int) {
	usedRows := (n + cols - 1) / cols
	usedCols := min(n, cols)
	x1, y1 := gx+float64(usedCols)*c.W, gy+float64(usedRows)*c.H
	d.SetLineWidth(0.2)
	d.SetDrawColor(170, 170, 170)
	d.SetDashPattern([]float64{2, 1.5}, 0)
	for i := 1; i < usedCols; i++ {
		x := gx + float64(i)*c.W
		d.Line(x, gy, x, y1)
	}
	for j := 1; j < usedRows; j++ {
		y := gy + float64(j)*c.H
		d.Line(gx, y, x1, y)
	}
	d.SetDashPattern(nil, 0)
	d.SetDrawColor(0, 0, 0)
	// Ticks at the sheet edges for every cut, including the outer ones.
	for i := 0; i <= usedCols; i++ {
		x := gx + float64(i)*c.W
		d.Line(x, 0, x, min(6, gy+6))
		d.Line(x, sheet.H, x, sheet.H-min(6, sheet.H-y1+6))
	}
	for j := 0; j <= usedRows; j++ {
		y := gy + float64(j)*c.H
		d.Line(0, y, min(6, gx+6), y)
		d.Line(sheet.W, y, sheet.W-min(6, sheet.W-x1+6), y)
	}
}

// tooLong explains which must-have text does not fit at the smallest type.
func tooLong(t text, c *card.Card, p Paper, s cardSpec) error {
	k := s.floor
	w := p.W - 2*s.margin
	type part struct {
		field string
		chars int
		h     float64
	}
	parts := []part{
		{"[article].headline", len([]rune(c.Headline)), s.head.scaled(k).height(len(t.wrap(s.head.scaled(k), c.Headline, w)))},
		{"[article].summary", len([]rune(c.What)), s.body.scaled(k).height(len(t.wrap(s.body.scaled(k), c.What, w)))},
	}
	// The rows as the barest plan shows them: Who cut to its first items.
	for _, r := range shownRows(c, s, cardPlan{short: true}) {
		v := strings.Join(r.Items, " · ")
		parts = append(parts, part{"the key fact “" + r.Label + "”", len([]rune(v)),
			s.value.scaled(k).height(len(t.wrap(s.value.scaled(k), v, w*0.7))) + 1})
	}
	longest := parts[0]
	for _, pt := range parts[1:] {
		if pt.h > longest.h {
			longest = pt
		}
	}
	return fmt.Errorf("card: the must-have content does not fit on one %s card even at the smallest type; "+
		"%s is the longest (%d characters, %.0f mm of the %.0f mm page): shorten it", p.Name, longest.field, longest.chars, longest.h, p.H-2*s.margin)
}
