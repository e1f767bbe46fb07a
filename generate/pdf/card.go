package pdf

import (
	"fmt"
	"io"
	"math"

	"github.com/quizcard/quizcard/generate/card"
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

// cardPlan is what the card shows: each fitting step takes something away.
type cardPlan struct {
	scale    float64
	why      int // bullets
	numbers  int
	allRows  bool // key-fact rows that may be dropped
	quote    bool
	timeline int // 0 none, 1 first/last/highlighted, 2 full
	step     string
}

// plans lists what to try, richest first: the largest type that fills
// the page, shrinking in small steps to the floor, then dropping the
// lowest-priority sections, then trimming the timeline.
func plans(s cardSpec) []cardPlan {
	full := cardPlan{scale: 1, why: 5, numbers: 4, allRows: true, quote: true, timeline: 2, step: "full"}
	var out []cardPlan
	for k := s.grow; k > s.floor+1e-9; k -= 0.025 {
		p := full
		p.scale = k
		out = append(out, p)
	}
	p := full
	p.scale = s.floor
	out = append(out, p)
	for _, f := range []func(*cardPlan){
		func(p *cardPlan) { p.numbers, p.step = 2, "two numbers" },
		func(p *cardPlan) { p.numbers, p.step = 0, "no numbers" },
		func(p *cardPlan) { p.why, p.step = 2, "two why-it-matters bullets" },
		func(p *cardPlan) { p.allRows, p.step = false, "must-have key facts only" },
		func(p *cardPlan) { p.why, p.step = 0, "no why it matters" },
		func(p *cardPlan) { p.quote, p.step = false, "no quote" },
		func(p *cardPlan) { p.timeline, p.step = 1, "timeline trimmed" },
		func(p *cardPlan) { p.timeline, p.step = 0, "no timeline" },
	} {
		f(&p)
		out = append(out, p)
	}
	return out
}

// A cardLayout is a measured card, ready to draw at any origin.
type cardLayout struct {
	need, room float64 // content height needed and available, mm
	plan       cardPlan
	draw       func(x0, y0 float64)
}

// CardOptions choose the paper and, for small cards, how many to a sheet.
type CardOptions struct {
	Paper Paper
	Nup   int   // cards per sheet; 0 or 1: one card on its own page
	Sheet Paper // sheet for Nup > 1 (A4 or Letter)
}

// Card writes a briefing card: always exactly one page, or an error that
// names what is too long. With Nup > 1 it places that many copies on one
// sheet with cut marks. It returns the plan step it settled on ("full",
// "no quote", ...), for messages.
func Card(w io.Writer, c *card.Card, opt CardOptions, m Meta) (string, error) {
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
	var lay *cardLayout
	for _, pl := range plans(spec) {
		l := layoutCard(t, c, p, spec, pl)
		if l.need <= l.room+1e-6 {
			lay = &l
			break
		}
	}
	if lay == nil {
		return "", tooLong(t, c, p, spec)
	}
	var origins [][2]float64
	if opt.Nup > 1 {
		cols, rows, gx, gy := grid(p, page)
		if opt.Nup > cols*rows {
			return "", fmt.Errorf("at most %d %s %s fit on one %s sheet; asked for %d", cols*rows, p.Name, plural(cols*rows, "card"), opt.Sheet.Name, opt.Nup)
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
		return "", fmt.Errorf("card: %d pages; a card is one page", d.PageCount())
	}
	if _, err := finish(d, w); err != nil {
		return "", err
	}
	return lay.plan.step, nil
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
	for _, r := range c.Facts {
		if r.Must {
			parts = append(parts, part{"the key fact “" + r.Label + "”", len([]rune(r.Value)),
				s.value.scaled(k).height(len(t.wrap(s.value.scaled(k), r.Value, w*0.7))) + 1})
		}
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

// pickTicks chooses up to n ticks: first, last and highlighted first, then
// others spread evenly; trim keeps only the first three kinds.
func pickTicks(ts []card.Tick, n int, trim bool) []card.Tick {
	if len(ts) <= n && !trim {
		return ts
	}
	keep := map[int]bool{0: true, len(ts) - 1: true}
	for i, tk := range ts {
		if tk.Highlight {
			keep[i] = true
		}
	}
	if !trim {
		for step := 2; len(keep) < n && step <= len(ts); step++ {
			for i := 0; i < len(ts) && len(keep) < n; i += max(1, len(ts)/step) {
				keep[i] = true
			}
		}
	}
	var out []card.Tick
	for i, tk := range ts {
		if keep[i] && (len(out) < n || trim) {
			out = append(out, tk)
		}
	}
	return out
}
