package scan

import (
	"errors"
	"fmt"
	"math"

	"github.com/quizcard/quizcard/generate/sheet"
)

// Measuring boxes, in millimetres and darkness (0 paper, 1 ink).
const (
	inset    = 0.85 // inside the box's printed outline, which is never read
	inkCut   = 0.4  // darker than this is ink; the printed letters stay below
	tickInk  = 0.10 // a tick covers at least this share of the inside
	emptyInk = 0.025
	tickLift = 0.06 // and darkens the box this much above the page's empty boxes
	tickSpan = 0.7  // and reaches across this much of it: a dot is not a tick
	// A box's printed outline, blurred, is at least this dark; paper where
	// a misplaced outline would be is near 0. Fewer than 85% of outlines
	// found means the layout does not fit the page.
	outlineInk = 0.18
	emptyLift  = 0.03 // an empty box is at most this much darker than them (a faint tick: 0.05)
)

// measure reads the paper level, every box, and decides each row.
func (r *Reading) measure() error {
	g := r.img
	// The top margin between the two upper marks is always blank paper.
	var paper []float64
	a, b := r.page.Marks[0], r.page.Marks[1]
	y := a.Y + a.H/2
	for x := a.X + a.W + 4; x < b.X-4; x += 0.5 {
		px, py := r.h.apply(sheet.Point{X: x, Y: y})
		paper = append(paper, float64(g.at(px, py)))
	}
	g.white = median(paper)
	if g.white-g.ink < 50 {
		return fmt.Errorf("too little contrast between paper (%.0f) and ink (%.0f): scan in greyscale, not too light", g.white, g.ink)
	}

	var fills []float64
	outlined := 0
	boxes := 0
	r.Rows = make([]Row, len(r.page.Rows))
	for i, row := range r.page.Rows {
		rr := Row{Item: row.Item, Sub: row.Sub, Boxes: make([]Box, len(row.Boxes))}
		for j, box := range row.Boxes {
			rr.Boxes[j] = r.box(box)
			fills = append(fills, rr.Boxes[j].Fill)
			if r.outline(box) > outlineInk {
				outlined++
			}
			boxes++
		}
		r.Rows[i] = rr
	}
	if outlined*100 < boxes*85 {
		return errors.New("the answer boxes are not where quiz.json puts them: is this quiz.json the one the sheets were printed with?")
	}
	base := median(fills)
	// The spread of the boxes that are plainly empty (no ink, not much
	// darker than the median): marked boxes would widen it, and a faint
	// tick would then pass for empty on a page with many marks.
	var dev []float64
	for _, row := range r.Rows {
		for _, b := range row.Boxes {
			if b.Ink == 0 && b.Fill < base+tickLift {
				dev = append(dev, math.Abs(b.Fill-base))
			}
		}
	}
	spread := 1.4826 * median(dev)
	if len(dev) == 0 {
		spread = 0
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		for j := range row.Boxes {
			bx := &row.Boxes[j]
			switch {
			case bx.Ink >= tickInk && bx.Fill >= base+tickLift && bx.Span >= tickSpan:
				bx.State = Ticked
			case bx.Ink < emptyInk && bx.Fill < base+max(emptyLift, 4*spread):
				bx.State = Empty
			default:
				bx.State = Unsure
			}
		}
		row.decide()
	}
	return nil
}

// decide reads a row's answer from its boxes' states.
func (row *Row) decide() {
	var ticked, unsure []int
	for j, b := range row.Boxes {
		switch b.State {
		case Ticked:
			ticked = append(ticked, j)
		case Unsure:
			unsure = append(unsure, j)
		}
	}
	row.Choice = -1
	switch {
	case len(ticked) > 1:
		row.Review = fmt.Sprintf("%d boxes ticked", len(ticked))
	case len(ticked) == 1 && len(unsure) == 0:
		row.Choice = ticked[0]
	case len(ticked) == 1:
		row.Choice = ticked[0]
		row.Review = "one box ticked, and a faint or erased mark in another"
	case len(unsure) == 1:
		row.Choice = unsure[0]
		row.Review = "only a faint, small or erased mark"
	case len(unsure) > 1:
		row.Review = fmt.Sprintf("%d faint, small or erased marks", len(unsure))
	}
}

// box measures the inside of one box.
func (r *Reading) box(b sheet.Rect) Box {
	g := r.img
	scale := r.h.scale(b.Centre())
	side := b.W - 2*inset
	n := max(6, int(math.Ceil(side*scale)))
	step := side / float64(n)
	var sum float64
	ink := 0
	cols, rows := make([]int, n), make([]int, n)
	for i := range n {
		for j := range n {
			x, y := r.h.apply(sheet.Point{X: b.X + inset + (float64(i)+0.5)*step, Y: b.Y + inset + (float64(j)+0.5)*step})
			d := g.darkness(g.at(x, y))
			sum += d
			if d > inkCut {
				ink++
				cols[i]++
				rows[j]++
			}
		}
	}
	return Box{Fill: sum / float64(n*n), Ink: float64(ink) / float64(n*n), Span: max(span(cols), span(rows))}
}

// span returns the share of the side covered from the first to the last
// line with two or more inked samples.
func span(counts []int) float64 {
	first, last := -1, -1
	for i, c := range counts {
		if c >= 2 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return 0
	}
	return float64(last-first+1) / float64(len(counts))
}

// outline returns how dark the printed outline of a box is: the mean, over
// points along its four sides, of the darkest pixel across the line.
func (r *Reading) outline(b sheet.Rect) float64 {
	g := r.img
	var sum float64
	n := 0
	across := []float64{-0.35, 0, 0.35}
	for k := range 8 {
		t := 0.15 + 0.7*float64(k)/7
		for _, side := range [4][4]float64{{t, 0, 0, 1}, {t, 1, 0, 1}, {0, t, 1, 0}, {1, t, 1, 0}} {
			best := 0.0
			for _, o := range across {
				x, y := r.h.apply(sheet.Point{X: b.X + side[0]*b.W + o*side[2], Y: b.Y + side[1]*b.H + o*side[3]})
				best = max(best, g.darkness(g.at(x, y)))
			}
			sum += best
			n++
		}
	}
	return sum / float64(n)
}
