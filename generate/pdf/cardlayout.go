package pdf

import (
	"strings"

	"github.com/quizcard/quizcard/generate/card"
)

// A piece is a measured part of a card, drawn at any (x, y).
type piece struct {
	h    float64
	draw func(x, y float64)
}

func stack(gap float64, ps ...piece) piece {
	var live []piece
	for _, p := range ps {
		if p.h > 0 {
			live = append(live, p)
		}
	}
	h := 0.0
	for i, p := range live {
		if i > 0 {
			h += gap
		}
		h += p.h
	}
	return piece{h: h, draw: func(x, y float64) {
		for _, p := range live {
			p.draw(x, y)
			y += p.h + gap
		}
	}}
}

// cardKit measures the card's sections at one scale.
type cardKit struct {
	t   text
	s   cardSpec
	k   float64
	gap float64
}

func (c cardKit) st(s style) style { return s.scaled(c.k) }

func (c cardKit) head(name string, w float64) piece {
	s := c.st(c.s.section)
	return piece{h: s.height(1) + 1.2, draw: func(x, y float64) {
		c.t.setColor(accent)
		c.t.lines(s, x, y, w, []string{strings.ToUpper(name)})
		c.t.setGrey(190)
		c.t.d.SetLineWidth(0.2)
		c.t.d.Line(x, y+s.height(1)+0.3, x+w, y+s.height(1)+0.3)
		c.t.setGrey(0)
	}}
}

func (c cardKit) para(s style, str string, w float64) piece {
	s = c.st(s)
	lines := c.t.wrap(s, str, w)
	return piece{h: s.height(len(lines)), draw: func(x, y float64) { c.t.lines(s, x, y, w, lines) }}
}

func (c cardKit) kicker(cd *card.Card, w float64) piece {
	s := c.st(c.s.kicker)
	right := "BRIEFING CARD · AS OF " + strings.ToUpper(cd.AsOf)
	left := strings.ToUpper(cd.Topic)
	rw := c.t.width(s, right)
	lines := 1
	if c.t.width(s, left)+rw+4 > w {
		lines = 2
	}
	return piece{h: s.height(lines) + 1.5, draw: func(x, y float64) {
		c.t.setColor(accent)
		c.t.lines(s, x, y, w, []string{left})
		c.t.setGrey(100)
		if lines == 1 {
			c.t.lines(s, x+w-rw, y, rw, []string{right})
		} else {
			c.t.lines(s, x, y+s.height(1), w, []string{right})
		}
		c.t.setColor(accent)
		c.t.d.SetLineWidth(0.5)
		yy := y + s.height(lines) + 0.5
		c.t.d.Line(x, yy, x+w, yy)
		c.t.setGrey(0)
	}}
}

func (c cardKit) what(cd *card.Card, w float64) piece {
	return stack(1, c.head("What happened", w), c.para(c.s.body, cd.What, w))
}

func (c cardKit) why(cd *card.Card, n int, w float64) piece {
	if n == 0 || len(cd.Why) == 0 || !c.s.why {
		return piece{}
	}
	s := c.st(c.s.body)
	indent := 3.5 * c.k
	var bullets [][]string
	h := 0.0
	for _, b := range cd.Why[:min(n, len(cd.Why))] {
		l := c.t.wrap(s, b, w-indent)
		bullets = append(bullets, l)
		h += s.height(len(l)) + 0.6
	}
	body := piece{h: h, draw: func(x, y float64) {
		for _, l := range bullets {
			c.t.setColor(accent)
			c.t.lines(s, x, y, indent, []string{"•"})
			c.t.setGrey(0)
			y = c.t.lines(s, x+indent, y, w-indent, l) + 0.6
		}
	}}
	return stack(1, c.head("Why it matters", w), body)
}

// facts lays out the key facts: label above value in a sidebar, label
// beside value in a single column.
func (c cardKit) facts(cd *card.Card, all bool, w float64, stacked bool) piece {
	ls, vs := c.st(c.s.label), c.st(c.s.value)
	type row struct{ label, value []string }
	var rows []row
	labelW := 17 * c.k
	for _, r := range cd.Facts {
		if !r.Must && !all {
			continue
		}
		if c.s.keyRows > 0 && len(rows) == c.s.keyRows {
			break
		}
		if stacked {
			rows = append(rows, row{[]string{strings.ToUpper(r.Label)}, c.t.wrap(vs, r.Value, w)})
		} else {
			rows = append(rows, row{[]string{strings.ToUpper(r.Label)}, c.t.wrap(vs, r.Value, w-labelW)})
		}
	}
	h := 0.0
	for _, r := range rows {
		if stacked {
			h += ls.height(1) + vs.height(len(r.value)) + 1.2
		} else {
			h += vs.height(len(r.value)) + 0.8
		}
	}
	body := piece{h: h, draw: func(x, y float64) {
		for _, r := range rows {
			c.t.setGrey(95)
			if stacked {
				y = c.t.lines(ls, x, y, w, r.label)
				c.t.setGrey(0)
				y = c.t.lines(vs, x, y, w, r.value) + 1.2
				continue
			}
			// Align the label's baseline with the value's first line.
			c.t.lines(ls, x, y+(vs.height(1)-ls.height(1))*0.7, labelW, r.label)
			c.t.setGrey(0)
			y = c.t.lines(vs, x+labelW, y, w-labelW, r.value) + 0.8
		}
	}}
	return stack(1, c.head("Key facts", w), body)
}

func (c cardKit) quote(cd *card.Card, w float64) piece {
	if cd.Quote == nil {
		return piece{}
	}
	qs := c.st(c.s.quote)
	as := c.st(c.s.value)
	bar := 3.5 * c.k
	text := c.t.wrap(qs, "“"+cd.Quote.Text+"”", w-bar)
	by := "— " + cd.Quote.By
	if cd.Quote.Role != "" {
		by += ", " + cd.Quote.Role
	}
	attr := c.t.wrap(as, by, w-bar)
	h := qs.height(len(text)) + 0.8 + as.height(len(attr))
	body := piece{h: h, draw: func(x, y float64) {
		c.t.d.SetFillColor(accent.r, accent.g, accent.b)
		c.t.d.Rect(x, y+0.5, 0.5, h-0.5, "F")
		y = c.t.lines(qs, x+bar, y, w-bar, text) + 0.8
		c.t.setGrey(80)
		c.t.lines(as, x+bar, y, w-bar, attr)
		c.t.setGrey(0)
	}}
	return stack(1, c.head("In their words", w), body)
}

// numbers: figure beside caption in a sidebar, columns in a single column.
func (c cardKit) numbers(cd *card.Card, n int, w float64, stacked bool) piece {
	n = min(n, len(cd.Numbers))
	if n < 2 {
		return piece{} // the section promises 2–4 figures
	}
	fs := c.st(c.s.figure)
	cs := c.st(c.s.value)
	figs := cd.Numbers[:n]
	var body piece
	if stacked {
		figW := 0.0
		for _, f := range figs {
			figW = max(figW, c.t.width(fs, f.Value))
		}
		figW += 2.5
		var caps [][]string
		h := 0.0
		for _, f := range figs {
			l := c.t.wrap(cs, f.Caption, w-figW)
			caps = append(caps, l)
			h += max(fs.height(1), cs.height(len(l))) + 1
		}
		body = piece{h: h, draw: func(x, y float64) {
			for i, f := range figs {
				rh := max(fs.height(1), cs.height(len(caps[i])))
				c.t.setColor(accent)
				c.t.lines(fs, x, y+(rh-fs.height(1))/2, figW, []string{f.Value})
				c.t.setGrey(0)
				c.t.lines(cs, x+figW, y+(rh-cs.height(len(caps[i])))/2, w-figW, caps[i])
				y += rh + 1
			}
		}}
	} else {
		colW := w / float64(n)
		var caps [][]string
		capH := 0.0
		for _, f := range figs {
			l := c.t.wrap(cs, f.Caption, colW-2)
			caps = append(caps, l)
			capH = max(capH, cs.height(len(l)))
		}
		body = piece{h: fs.height(1) + capH, draw: func(x, y float64) {
			for i, f := range figs {
				cx := x + float64(i)*colW
				c.t.setColor(accent)
				c.t.lines(fs, cx, y, colW-2, []string{f.Value})
				c.t.setGrey(0)
				c.t.lines(cs, cx, y+fs.height(1), colW-2, caps[i])
			}
		}}
	}
	return stack(1, c.head("By the numbers", w), body)
}

// timeline draws a horizontal band with a tick per event, labels
// alternating above and below; the article's own event is highlighted.
// Ticks are evenly spaced (a true time scale would crowd the recent events
// into a corner), and a break mark shows where years are skipped.
func (c cardKit) timeline(cd *card.Card, mode int, w float64) piece {
	if mode == 0 || !c.s.timeline || len(cd.Timeline) < 2 {
		return piece{}
	}
	ticks := pickTicks(cd.Timeline, c.s.maxTicks, mode == 1)
	n := len(ticks)
	const x0 = 0.0 // labels are measured relative to the band's left edge
	ds := c.st(c.s.label)
	vs := c.st(c.s.value)
	ls := style{"", vs.size * 0.92, vs.lead * 0.92}
	lb := style{"B", ls.size, ls.lead}
	slot := w / float64(n)
	// Each label gets the span between the midpoints to its neighbours on
	// the same side of the band; the first is left-aligned and the last
	// right-aligned so that neither runs off the band.
	type label struct {
		date  string
		lines []string
		s     style
		h     float64
		x, w  float64
		align byte
	}
	pos := func(i int) float64 { return x0 + slot*(float64(i)+0.5) }
	labels := make([]label, n)
	var above, below float64
	for i, tk := range ticks {
		lo, hi := x0, x0+w
		if i >= 2 {
			lo = (pos(i-2) + pos(i)) / 2
		}
		if i+2 < n {
			hi = (pos(i) + pos(i+2)) / 2
		}
		align := byte('C')
		half := min(pos(i)-lo, hi-pos(i))
		bx, bw := pos(i)-half, 2*half
		switch {
		case i == 0:
			align, bx, bw = 'L', x0, hi-x0
		case i == n-1:
			align, bx, bw = 'R', lo, x0+w-lo
		}
		bw -= 1.5 // keep a gap between neighbours
		if align == 'C' {
			bx += 0.75
		} else if align == 'R' {
			bx += 1.5
		}
		s := ls
		if tk.Highlight {
			s = lb
		}
		l := c.t.wrap(s, tk.Label, bw)
		labels[i] = label{tk.Date, l, s, ds.height(1) + s.height(len(l)), bx - x0, bw, align}
		if i%2 == 0 {
			above = max(above, labels[i].h)
		} else {
			below = max(below, labels[i].h)
		}
	}
	const gap = 2.2
	head := c.head("Timeline", w)
	h := head.h + 1 + above + gap*2 + below
	return piece{h: h, draw: func(x, y float64) {
		d := c.t.d
		head.draw(x, y)
		bandY := y + head.h + 1 + above + gap
		c.t.setGrey(150)
		d.SetLineWidth(0.7)
		d.Line(x, bandY, x+w, bandY)
		for i := 1; i < n; i++ {
			if ticks[i].Year-ticks[i-1].Year > 10 {
				// A break: years are skipped here.
				mx := x + slot*float64(i)
				d.SetDrawColor(255, 255, 255)
				d.SetLineWidth(1.6)
				d.Line(mx-0.6, bandY, mx+0.6, bandY)
				c.t.setGrey(150)
				d.SetLineWidth(0.3)
				d.Line(mx-1.4, bandY+1.2, mx-0.2, bandY-1.2)
				d.Line(mx+0.2, bandY+1.2, mx+1.4, bandY-1.2)
			}
		}
		for i, tk := range ticks {
			tx := x + slot*(float64(i)+0.5)
			r := 0.9
			if tk.Highlight {
				r = 1.6
				d.SetFillColor(accent.r, accent.g, accent.b)
			} else {
				d.SetFillColor(70, 70, 70)
			}
			d.Circle(tx, bandY, r, "F")
			lb := labels[i]
			bx := x + lb.x
			var ly float64
			if i%2 == 0 {
				ly = bandY - gap - lb.h
			} else {
				ly = bandY + gap
			}
			if tk.Highlight {
				c.t.setColor(accent)
			} else {
				c.t.setGrey(0)
			}
			// Date nearest the band, label on the far side.
			if i%2 == 0 {
				for j, l := range lb.lines {
					c.t.aligned(lb.s, bx, ly+lb.s.height(j), lb.w, lb.align, l)
				}
				c.t.aligned(ds, bx, ly+lb.s.height(len(lb.lines)), lb.w, lb.align, lb.date)
			} else {
				c.t.aligned(ds, bx, ly, lb.w, lb.align, lb.date)
				for j, l := range lb.lines {
					c.t.aligned(lb.s, bx, ly+ds.height(1)+lb.s.height(j), lb.w, lb.align, l)
				}
			}
			c.t.setGrey(0)
		}
	}}
}

func (c cardKit) footer(cd *card.Card, w float64) piece {
	s := c.s.footer // the footer never shrinks
	left := "Source: " + cd.Source
	if cd.URL != "" {
		left += " · " + cd.URL
	}
	right := "Print at 100% (actual size) · 1/1"
	var lines []string
	if c.t.width(s, left)+c.t.width(s, right)+4 <= w {
		lines = []string{left}
	} else {
		lines = append(c.t.wrap(s, left, w), "")
	}
	rw := c.t.width(s, right)
	return piece{h: s.height(len(lines)) + 1.5, draw: func(x, y float64) {
		c.t.setGrey(190)
		c.t.d.SetLineWidth(0.2)
		c.t.d.Line(x, y, x+w, y)
		c.t.setGrey(90)
		c.t.lines(s, x, y+1.5, w, lines)
		c.t.lines(s, x+w-rw, y+1.5+s.height(len(lines)-1), rw, []string{right})
		c.t.setGrey(0)
	}}
}

// layoutCard measures the card for one plan; need > room means it does not
// fit.
func layoutCard(t text, cd *card.Card, p Paper, s cardSpec, pl cardPlan) cardLayout {
	c := cardKit{t: t, s: s, k: pl.scale, gap: 3.2 * pl.scale}
	if !s.twoCol {
		c.gap = 2.2 * pl.scale
	}
	m := s.margin
	w := p.W - 2*m
	foot := c.footer(cd, w)
	room := p.H - 2*m - foot.h - 1.5
	top := stack(1.5, c.kicker(cd, w), c.para(s.head, cd.Headline, w))
	var body piece
	if s.twoCol {
		const gutter = 5.0
		const pad = 3.0
		sideW := s.sideW
		mainW := w - sideW - gutter
		main := stack(c.gap, c.what(cd, mainW), c.why(cd, pl.why, mainW), c.quotePiece(cd, pl, mainW))
		side := stack(c.gap, c.facts(cd, pl.allRows, sideW-2*pad, true), c.numbers(cd, pl.numbers, sideW-2*pad, true))
		sideH := side.h + 2*pad
		cols := piece{h: max(main.h, sideH), draw: func(x, y float64) {
			t.d.SetFillColor(242, 242, 242)
			t.d.Rect(x+mainW+gutter, y, sideW, sideH, "F")
			main.draw(x, y)
			side.draw(x+mainW+gutter+pad, y+pad)
		}}
		// The timeline sits at the foot of the page, above the footer.
		tl := c.timeline(cd, pl.timeline, w)
		upper := stack(c.gap, top, cols)
		need := upper.h
		if tl.h > 0 {
			need += c.gap + tl.h
		}
		return cardLayout{need: need, room: room, plan: pl, draw: func(x0, y0 float64) {
			upper.draw(x0+m, y0+m)
			if tl.h > 0 {
				tl.draw(x0+m, y0+m+room-tl.h)
			}
			foot.draw(x0+m, y0+p.H-m-foot.h)
		}}
	} else {
		var extra piece
		if s.quoteOr {
			if pl.quote && cd.Quote != nil {
				extra = c.quote(cd, w)
			} else {
				extra = c.numbers(cd, pl.numbers, w, false)
			}
		} else {
			extra = stack(c.gap, c.quotePiece(cd, pl, w), c.numbers(cd, pl.numbers, w, false))
		}
		body = stack(c.gap, top, c.what(cd, w), c.why(cd, pl.why, w), c.facts(cd, pl.allRows, w, false), extra,
			c.timeline(cd, pl.timeline, w))
	}
	return cardLayout{need: body.h, room: room, plan: pl, draw: func(x0, y0 float64) {
		body.draw(x0+m, y0+m)
		foot.draw(x0+m, y0+p.H-m-foot.h)
	}}
}

func (c cardKit) quotePiece(cd *card.Card, pl cardPlan, w float64) piece {
	if !pl.quote {
		return piece{}
	}
	return c.quote(cd, w)
}
