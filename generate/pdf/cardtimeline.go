package pdf

import (
	"slices"

	"github.com/quizcard/quizcard/generate/card"
)

// pickTicks chooses up to n ticks by weight (the article's own event, key
// events, anniversaries, then the events most facts refer to; the later
// event on a tie), and returns them in time order. With keyOnly it keeps
// only the highlighted and key events, at least two.
func pickTicks(ts []card.Tick, n int, keyOnly bool) []card.Tick {
	idx := make([]int, len(ts))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if ts[a].Weight != ts[b].Weight {
			return ts[b].Weight - ts[a].Weight
		}
		return b - a
	})
	if keyOnly {
		k := 0
		for _, i := range idx {
			if ts[i].Highlight || ts[i].Key {
				k++
			}
		}
		n = min(n, max(k, 2), 3)
	}
	idx = idx[:min(n, len(idx))]
	slices.Sort(idx)
	out := make([]card.Tick, len(idx))
	for j, i := range idx {
		out[j] = ts[i]
	}
	return out
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
	if n < 2 {
		return piece{}
	}
	ds := c.st(c.s.label)
	slot := w / float64(n)
	labels, above, below := c.tickLabels(ticks, ds, w)
	const gap = 2.2
	head := c.head("Timeline", w)
	h := head.h + 1 + above + gap*2 + below
	return piece{h: h, draw: func(x, y float64) {
		head.draw(x, y)
		bandY := y + head.h + 1 + above + gap
		c.band(ticks, x, bandY, w, slot)
		for i, tk := range ticks {
			c.tick(tk, labels[i], i%2 == 0, ds, x+slot*(float64(i)+0.5), x, bandY, gap)
		}
	}}
}

// A tickLabel is the text of one tick of the timeline: its date, its label
// wrapped in s, their height h, and the span of the band (x from the
// band's left edge, w) it is aligned in ('L', 'C' or 'R').
type tickLabel struct {
	date  string
	lines []string
	s     style
	h     float64
	x, w  float64
	align byte
}

// tickLabels measures the labels of ticks, evenly spaced on a band w wide
// with dates in ds, and returns them with the room they need above and
// below the band (even ticks go above, odd ones below). Each label gets
// the span between the midpoints to its neighbours on the same side of
// the band; the first is left-aligned and the last right-aligned so that
// neither runs off the band.
func (c cardKit) tickLabels(ticks []card.Tick, ds style, w float64) (labels []tickLabel, above, below float64) {
	const x0 = 0.0 // labels are measured relative to the band's left edge
	n := len(ticks)
	vs := c.st(c.s.value)
	ls := style{"", vs.size * 0.92, vs.lead * 0.92}
	lb := style{"B", ls.size, ls.lead}
	slot := w / float64(n)
	pos := func(i int) float64 { return x0 + slot*(float64(i)+0.5) }
	labels = make([]tickLabel, n)
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
		l := c.wrap(s, tk.Label, bw)
		labels[i] = tickLabel{tk.Date, l, s, ds.height(1) + s.height(len(l)), bx - x0, bw, align}
		if i%2 == 0 {
			above = max(above, labels[i].h)
		} else {
			below = max(below, labels[i].h)
		}
	}
	return labels, above, below
}

// band draws the timeline's line from x to x+w at bandY, with a break mark
// between ticks (slot apart) more than ten years apart.
func (c cardKit) band(ticks []card.Tick, x, bandY, w, slot float64) {
	d := c.t.d
	c.t.setGrey(150)
	d.SetLineWidth(0.7)
	d.Line(x, bandY, x+w, bandY)
	for i := 1; i < len(ticks); i++ {
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
}

// tick draws one tick's dot at tx on the band at bandY (which starts at
// x), and its label: above the band with the date nearest it, or below.
// The highlighted tick is larger and in the accent colour.
func (c cardKit) tick(tk card.Tick, lb tickLabel, above bool, ds style, tx, x, bandY, gap float64) {
	d := c.t.d
	r := 0.9
	if tk.Highlight {
		r = 1.6
		d.SetFillColor(accent.r, accent.g, accent.b)
	} else {
		d.SetFillColor(70, 70, 70)
	}
	d.Circle(tx, bandY, r, "F")
	bx := x + lb.x
	var ly float64
	if above {
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
	if above {
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
