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

// stack puts pieces one under another, gap apart; empty pieces take no
// room.
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

// A part is a piece in a column, with the gap above it and its share of
// any room the column has to spare.
type part struct {
	piece
	gap, share float64
}

// section is a part that starts a section of a column: the full gap above
// it, and a double share of spare room.
func (c cardKit) section(p piece) part { return part{p, c.gap, 2} }

// column stacks parts (empty ones take no room). Given a height h taller
// than the parts, it widens the gaps by their shares, by at most most mm a
// share, so that a column that ends early leaves its room between its
// sections rather than at its foot. h 0 gives the natural height.
func column(h, most float64, parts ...part) piece {
	var live []part
	for _, p := range parts {
		if p.h > 0 {
			live = append(live, p)
		}
	}
	natural, shares := 0.0, 0.0
	for i, p := range live {
		if i > 0 {
			natural += p.gap
			shares += p.share
		}
		natural += p.h
	}
	per := 0.0
	if h > natural && shares > 0 {
		per = min((h-natural)/shares, most)
	}
	return piece{h: natural + per*shares, draw: func(x, y float64) {
		for i, p := range live {
			if i > 0 {
				y += p.gap + per*p.share
			}
			p.draw(x, y)
			y += p.h
		}
	}}
}

// cardKit measures the card's sections at one scale.
type cardKit struct {
	t    text
	s    cardSpec
	k    float64
	gap  float64
	over *bool // set when a word was wider than its line
}

func (c cardKit) st(s style) style { return s.scaled(c.k) }

// wrap breaks str at spaces only; a word too wide for w marks the layout
// as not fitting.
func (c cardKit) wrap(s style, str string, w float64) []string {
	lines, over := c.t.wrapWords(s, str, w)
	if over {
		*c.over = true
	}
	return lines
}

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
	lines := c.wrap(s, str, w)
	return piece{h: s.height(len(lines)), draw: func(x, y float64) { c.t.lines(s, x, y, w, lines) }}
}

// orphan reports whether the last of several lines holds one or two words.
func orphan(lines []string) bool {
	return len(lines) > 1 && len(strings.Fields(lines[len(lines)-1])) <= 2
}

// headline sets the headline without a short last line when it can: first
// at a slightly smaller size that saves the line, else with the breaks
// balanced (the narrowest measure that keeps the number of lines).
func (c cardKit) headline(str string, w float64) piece {
	s := c.st(c.s.head)
	lines := c.wrap(s, str, w)
	if orphan(lines) {
		for _, f := range []float64{0.97, 0.94, 0.91} {
			s2 := s.scaled(f)
			if l, over := c.t.wrapWords(s2, str, w); !over && len(l) < len(lines) {
				s, lines = s2, l
				break
			}
		}
	}
	if orphan(lines) {
		lo, hi := w/2, w
		for hi-lo > 0.5 {
			mid := (lo + hi) / 2
			if l, over := c.t.wrapWords(s, str, mid); !over && len(l) == len(lines) {
				hi = mid
			} else {
				lo = mid
			}
		}
		lines, _ = c.t.wrapWords(s, str, hi)
	}
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
		l := c.wrap(s, b, w-indent)
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

// shownRows returns the key-fact rows a plan keeps, each cut to the items
// it keeps.
func shownRows(cd *card.Card, s cardSpec, pl cardPlan) []card.Row {
	var rows []card.Row
	for _, r := range cd.Facts {
		if !r.Must && !pl.optRows {
			continue
		}
		if s.keyRows > 0 && len(rows) == s.keyRows {
			break
		}
		if pl.short && r.Short > 0 && r.Short < len(r.Items) {
			r.Items = r.Items[:r.Short]
		}
		rows = append(rows, r)
	}
	return rows
}

// facts lays out the key facts as parts of a column, one a row, each item
// on a line of its own: in a sidebar the label above the items, in a
// single column beside them.
func (c cardKit) facts(cd *card.Card, pl cardPlan, w float64, stacked bool) []part {
	ls, vs := c.st(c.s.label), c.st(c.s.value)
	labelW := 17 * c.k
	hang := 2.5 * c.k // continuation lines of an item
	var parts []part
	for _, r := range shownRows(cd, c.s, pl) {
		label := strings.ToUpper(r.Label)
		vx, vw := labelW, w-labelW // where the items go
		if stacked {
			vx, vw = 0, w
		}
		var items [][]string
		n := 0
		its := r.Items
		if pl.joined && !stacked {
			its = []string{strings.Join(its, " · ")}
		}
		for _, it := range its {
			l := c.hanging(vs, it, vw, hang)
			items = append(items, l)
			n += len(l)
		}
		h := vs.height(n)
		if stacked {
			h += ls.height(1)
		}
		p := piece{h: h, draw: func(x, y float64) {
			c.t.setGrey(95)
			if stacked {
				y = c.t.lines(ls, x, y, w, []string{label})
			} else {
				// Align the label's baseline with the value's first line.
				c.t.lines(ls, x, y+(vs.height(1)-ls.height(1))*0.7, labelW, []string{label})
			}
			c.t.setGrey(0)
			for _, it := range items {
				y = c.t.lines(vs, x+vx, y, vw, it[:1])
				y = c.t.lines(vs, x+vx+hang, y, vw-hang, it[1:])
			}
		}}
		gap := 0.8
		if stacked {
			gap = 1.2
		}
		parts = append(parts, part{p, gap, 1})
	}
	if len(parts) == 0 {
		return nil
	}
	// The heading stays with the first row.
	parts[0] = c.section(stack(1, c.head("Key facts", w), parts[0].piece))
	return parts
}

// hanging wraps str to w with every line after the first indented by hang.
func (c cardKit) hanging(s style, str string, w, hang float64) []string {
	first := c.wrap(s, str, w)
	if len(first) == 1 {
		return first
	}
	rest := c.wrap(s, strings.TrimSpace(strings.TrimPrefix(str, first[0])), w-hang)
	return append(first[:1:1], rest...)
}

// quote sets the quote: mode 2 in the quote style, 1 in the smaller body
// size, 0 not at all.
func (c cardKit) quote(cd *card.Card, mode int, w float64) piece {
	if cd.Quote == nil || mode == 0 {
		return piece{}
	}
	qs := c.st(c.s.quote)
	if mode == 1 {
		b := c.st(c.s.body)
		qs = style{"I", b.size, b.lead}
	}
	as := c.st(c.s.value)
	bar := 3.5 * c.k
	text := c.wrap(qs, "“"+inQuotes(cd.Quote.Text)+"”", w-bar)
	by := "— " + cd.Quote.By
	if cd.Quote.Role != "" {
		by += ", " + cd.Quote.Role
	}
	if cd.Quote.About != "" {
		by += ", on " + cd.Quote.About
	}
	attr := c.wrap(as, by, w-bar)
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

// numbers lays out "By the numbers". In a list (sidebar), each figure has
// its caption beside it, or under it when a caption word would not fit
// beside; across (a wide column), the figures stand side by side, in two
// rows when a caption word would not fit a narrow column. Words are never
// cut.
func (c cardKit) numbers(cd *card.Card, pl cardPlan, w float64, across bool) piece {
	n := min(pl.numbers, len(cd.Numbers))
	if n < 2 {
		return piece{} // the section promises 2–4 figures
	}
	fs := c.st(c.s.figure)
	if pl.smallNum {
		fs = fs.scaled(0.7)
	}
	cs := c.st(c.s.value)
	figs := cd.Numbers[:n]
	var body piece
	if across {
		body = c.numbersAcross(figs, fs, cs, w)
	} else {
		body = c.numbersListed(figs, fs, cs, w)
	}
	return stack(1, c.head("By the numbers", w), body)
}

// numbersAcross sets figs side by side across w, figures in fs and
// captions in cs: all in one row, or in two when a caption word would not
// fit a narrow column (and then, if one still does not fit, the card says
// it is over).
func (c cardKit) numbersAcross(figs []card.Figure, fs, cs style, w float64) piece {
	n := len(figs)
	var body piece
	for _, perRow := range []int{n, (n + 1) / 2} {
		colW := w / float64(perRow)
		var caps [][]string
		var rowH []float64
		over := false
		for i, f := range figs {
			l, o := c.t.wrapWords(cs, f.Caption, colW-2)
			over = over || o || c.t.width(fs, f.Value) > colW-2
			caps = append(caps, l)
			if i%perRow == 0 {
				rowH = append(rowH, 0)
			}
			rowH[len(rowH)-1] = max(rowH[len(rowH)-1], fs.height(1)+cs.height(len(l)))
		}
		if over && perRow > 2 {
			continue
		}
		if over {
			*c.over = true
		}
		h := 0.0
		for _, rh := range rowH {
			h += rh + 1
		}
		body = piece{h: h - 1, draw: func(x, y float64) {
			for i, f := range figs {
				if i > 0 && i%perRow == 0 {
					y += rowH[i/perRow-1] + 1
				}
				cx := x + float64(i%perRow)*colW
				c.t.setColor(accent)
				c.t.lines(fs, cx, y, colW-2, []string{f.Value})
				c.t.setGrey(0)
				c.t.lines(cs, cx, y+fs.height(1), colW-2, caps[i])
			}
		}}
		break
	}
	return body
}

// numbersListed sets figs one under another in w, figures in fs and each
// caption in cs beside its figure, or under it when a caption word would
// not fit beside.
func (c cardKit) numbersListed(figs []card.Figure, fs, cs style, w float64) piece {
	figW := 0.0
	for _, f := range figs {
		figW = max(figW, c.t.width(fs, f.Value))
	}
	figW += 2.5
	type fig struct {
		caption []string
		below   bool
		h       float64
	}
	var rows []fig
	h := 0.0
	for _, f := range figs {
		var r fig
		if l, over := c.t.wrapWords(cs, f.Caption, w-figW); !over && figW < w/2 {
			r = fig{caption: l, h: max(fs.height(1), cs.height(len(l)))}
		} else {
			l := c.wrap(cs, f.Caption, w)
			r = fig{caption: l, below: true, h: fs.height(1) + cs.height(len(l))}
		}
		rows = append(rows, r)
		h += r.h + 1
	}
	return piece{h: h, draw: func(x, y float64) {
		for i, f := range figs {
			r := rows[i]
			c.t.setColor(accent)
			if r.below {
				c.t.lines(fs, x, y, w, []string{f.Value})
				c.t.setGrey(0)
				c.t.lines(cs, x, y+fs.height(1), w, r.caption)
			} else {
				c.t.lines(fs, x, y+(r.h-fs.height(1))/2, figW, []string{f.Value})
				c.t.setGrey(0)
				c.t.lines(cs, x+figW, y+(r.h-cs.height(len(r.caption)))/2, w-figW, r.caption)
			}
			y += r.h + 1
		}
	}}
}

// footer gives the source (and URL, unless the plan dropped it) on the
// left and the print note on the right.
func (c cardKit) footer(cd *card.Card, url bool, w float64) piece {
	s := c.s.footer // the footer never shrinks
	left := "Source: " + cd.Source
	if url && cd.URL != "" {
		left += " · " + cd.URL
	}
	right := "Print at 100% (actual size) · 1/1"
	rw := c.t.width(s, right)
	// The URL may be one long word: let it wrap anywhere.
	lines := c.t.wrap(s, left, w)
	if c.t.width(s, lines[len(lines)-1])+rw+4 > w {
		lines = append(lines, "")
	}
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

// A cardLayout is a measured card, ready to draw at any origin.
type cardLayout struct {
	need, room float64 // content height needed and available, mm
	plan       cardPlan
	draw       func(x0, y0 float64)
}

// fits reports whether the layout fits its page with no word cut.
func (l cardLayout) fits() bool { return l.need <= l.room+1e-6 }

// twoColumn arrangements: where the quote and the numbers go.
const (
	numbersInSidebar = iota // main: what, why, quote; sidebar: facts, numbers
	numbersInMain           // main: what, why, quote, numbers; sidebar: facts
	quoteInSidebar          // main: what, why, numbers; sidebar: facts, quote
	numbersBand             // main: what, why, quote; sidebar: facts; numbers across the page
)

// layoutCard measures the card for one plan; it does not fit when need >
// room or when a word was too wide for its line.
func layoutCard(t text, cd *card.Card, p Paper, s cardSpec, pl cardPlan) cardLayout {
	over := false
	c := cardKit{t: t, s: s, k: pl.scale, gap: 3.2 * pl.scale, over: &over}
	if !s.twoCol {
		c.gap = 2.2 * pl.scale
	}
	m := s.margin
	w := p.W - 2*m
	foot := c.footer(cd, pl.url, w)
	room := p.H - 2*m - foot.h - 1.5
	top := stack(1.5, c.kicker(cd, w), c.headline(cd.Headline, w))
	var lay cardLayout
	if s.twoCol {
		lay = c.twoColumn(cd, pl, top, room, w)
	} else {
		lay = c.oneColumn(cd, pl, top, room, w)
	}
	lay.plan, lay.room = pl, room
	if over {
		lay.need = room + 1 // a word would be cut: does not fit
	}
	footY := p.H - m - foot.h
	body := lay.draw
	lay.draw = func(x0, y0 float64) {
		body(x0+m, y0+m)
		foot.draw(x0+m, y0+footY)
	}
	return lay
}

// twoColumn lays out A4 and Letter: a main column and a tinted sidebar
// under the headline, the timeline at the foot of the page. Of the
// arrangements that fit, it takes the one whose shorter column leaves the
// least room empty, and spreads both columns' sections down to the
// timeline.
func (c cardKit) twoColumn(cd *card.Card, pl cardPlan, top piece, room, w float64) cardLayout {
	const gutter, pad = 5.0, 3.0
	sideW := c.s.sideW
	mainW := w - sideW - gutter
	innerW := sideW - 2*pad
	tl := c.timeline(cd, pl.timeline, w)
	what, why := c.section(c.what(cd, mainW)), c.section(c.why(cd, pl.why, mainW))
	facts := c.facts(cd, pl, innerW, true)
	quoteMain := c.section(c.quote(cd, pl.quote, mainW))
	type arrangement struct {
		main, side []part
		band       piece
	}
	arrangements := []arrangement{
		numbersInSidebar: {[]part{what, why, quoteMain}, append(facts[:len(facts):len(facts)], c.section(c.numbers(cd, pl, innerW, false))), piece{}},
		numbersInMain:    {[]part{what, why, quoteMain, c.section(c.numbers(cd, pl, mainW, true))}, facts, piece{}},
		quoteInSidebar:   {[]part{what, why, c.section(c.numbers(cd, pl, mainW, true))}, append(facts[:len(facts):len(facts)], c.section(c.quote(cd, pl.quote, innerW))), piece{}},
		numbersBand:      {[]part{what, why, quoteMain}, facts, c.numbers(cd, pl, w, true)},
	}
	best, bestFits, bestEmpty, bestTall := -1, false, 0.0, 0.0
	colRoom := func(a arrangement) float64 {
		r := room - top.h - c.gap
		if a.band.h > 0 {
			r -= a.band.h + c.gap
		}
		if tl.h > 0 {
			r -= tl.h + c.gap
		}
		return r
	}
	for i, a := range arrangements {
		mh, sh := column(0, 0, a.main...).h, column(0, 0, a.side...).h+2*pad
		r := colRoom(a)
		tall, fits, empty := max(mh, sh), max(mh, sh) <= r+1e-6, r-min(mh, sh)
		switch {
		case best < 0,
			fits && !bestFits,
			fits && empty < bestEmpty-1e-6,
			!fits && !bestFits && tall-r < bestTall-colRoom(arrangements[best]):
			best, bestFits, bestEmpty, bestTall = i, fits, empty, tall
		}
	}
	a := arrangements[best]
	r := colRoom(a)
	main := column(r, 2*c.gap, a.main...)
	side := column(r-2*pad, 2*c.gap, a.side...)
	need := room - r + bestTall
	return cardLayout{need: need, draw: func(x, y float64) {
		top.draw(x, y)
		cy := y + top.h + c.gap
		c.t.d.SetFillColor(242, 242, 242)
		c.t.d.Rect(x+mainW+gutter, cy, sideW, side.h+2*pad, "F")
		main.draw(x, cy)
		side.draw(x+mainW+gutter+pad, cy+pad)
		if a.band.h > 0 {
			// Under the columns: room the columns could not use goes
			// above the timeline, in one piece.
			a.band.draw(x, cy+max(main.h, side.h+2*pad)+c.gap)
		}
		if tl.h > 0 {
			tl.draw(x, y+room-tl.h)
		}
	}}
}

// oneColumn lays out the small cards: every section under the last, the
// room left over spread between them.
func (c cardKit) oneColumn(cd *card.Card, pl cardPlan, top piece, room, w float64) cardLayout {
	var extra []part
	switch {
	case !c.s.quoteOr:
		extra = []part{c.section(c.quote(cd, pl.quote, w)), c.section(c.numbers(cd, pl, w, true))}
	case pl.quote > 0 && cd.Quote != nil:
		extra = []part{c.section(c.quote(cd, pl.quote, w))}
	default:
		extra = []part{c.section(c.numbers(cd, pl, w, true))}
	}
	parts := []part{c.section(top), c.section(c.what(cd, w)), c.section(c.why(cd, pl.why, w))}
	parts = append(parts, c.facts(cd, pl, w, false)...)
	parts = append(parts, extra...)
	parts = append(parts, c.section(c.timeline(cd, pl.timeline, w)))
	need := column(0, 0, parts...).h
	body := column(room, 1.5*c.gap, parts...)
	return cardLayout{need: need, draw: body.draw}
}
