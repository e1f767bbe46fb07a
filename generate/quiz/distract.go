package quiz

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/quizcard/quizcard/generate/bank"
)

// gen holds what question building needs across facts.
type gen struct {
	b     *bank.Bank
	rng   *rand.Rand
	truth map[string]map[string]bool // folded question -> keys of every true answer
	dates map[bank.Precision][]bank.Date
}

func newGen(b *bank.Bank, rng *rand.Rand) *gen {
	g := &gen{b: b, rng: rng, truth: map[string]map[string]bool{}, dates: map[bank.Precision][]bank.Date{}}
	// A distractor must be false for the question, whichever fact asks it:
	// two facts with the same question pool their true answers.
	for _, f := range b.Facts {
		k := bank.Fold(f.Ask)
		if g.truth[k] == nil {
			g.truth[k] = map[string]bool{}
		}
		g.truth[k][b.Key(f.Answer)] = true
		for _, v := range f.Also {
			g.truth[k][b.Key(v)] = true
		}
	}
	// Dates the bank knows, for date distractors: answers, curated wrong
	// options and events, never after the article.
	seen := map[string]bool{}
	addDate := func(d bank.Date) {
		if d.IsZero() || seen[d.ISO()] || g.after(d) {
			return
		}
		seen[d.ISO()] = true
		g.dates[d.Precision] = append(g.dates[d.Precision], d)
	}
	for _, f := range b.Facts {
		for _, v := range append(append([]bank.Value{f.Answer}, f.Also...), f.Wrong...) {
			if v.Type == bank.DateValue {
				addDate(v.Date)
			}
		}
	}
	for _, e := range b.Entities {
		addDate(e.Date)
	}
	for p := range g.dates {
		ds := g.dates[p]
		sort.Slice(ds, func(i, j int) bool { return ds[i].Compare(ds[j]) < 0 })
	}
	return g
}

// after reports whether d falls after the article's date.
func (g *gen) after(d bank.Date) bool {
	a := g.b.Article.Date
	if a.IsZero() {
		return false
	}
	return d.Compare(a) > 0
}

// distractors returns n wrong options for f, most preferred first: the
// fact's curated ones, then alike entities, other dates of the bank and date
// shifts, or number neighbours. Each is false for f's question and reads
// differently from the answer and from each other. It fails when the bank
// cannot supply n.
func (g *gen) distractors(f bank.Fact, n int) ([]bank.Value, error) {
	used := map[string]bool{}
	for k := range g.truth[bank.Fold(f.Ask)] {
		used[k] = true
	}
	used[g.b.Key(f.Answer)] = true
	var out []bank.Value
	add := func(v bank.Value) {
		if len(out) >= n {
			return
		}
		k := g.b.Key(v)
		if used[k] {
			return
		}
		used[k] = true
		out = append(out, v)
	}
	for _, i := range g.rng.Perm(len(f.Wrong)) {
		add(f.Wrong[i])
	}
	switch f.Answer.Type {
	case bank.EntityValue:
		e, _ := g.b.Entity(f.Answer.Entity)
		alike := g.b.Alike(e)
		for _, i := range g.rng.Perm(len(alike)) {
			add(bank.Value{Type: bank.EntityValue, Entity: alike[i].ID})
		}
	case bank.DateValue:
		pool := g.dates[f.Answer.Date.Precision]
		for _, i := range g.rng.Perm(len(pool)) {
			add(bank.Value{Type: bank.DateValue, Date: pool[i]})
		}
		for _, d := range g.dateShifts(f.Answer.Date, n-len(out)) {
			add(bank.Value{Type: bank.DateValue, Date: d})
		}
	case bank.NumberValue:
		for _, x := range g.numberNeighbours(f.Answer.Number, n-len(out)) {
			add(bank.Value{Type: bank.NumberValue, Number: x})
		}
	}
	if len(out) < n {
		return out, fmt.Errorf("fact %q: only %d wrong options, need %d", f.ID, len(out), n)
	}
	return out, nil
}

// leftRight splits m picks between below and above the key at random, so
// that the key is not always the middle, highest or lowest option.
func (g *gen) leftRight(m int) (left, right int) {
	left = g.rng.IntN(m + 1)
	return left, m - left
}

// dateShifts returns dates near d in d's own unit (years, months or days),
// never after the article, spread at random to both sides. It returns more
// than m candidates so that some may be rejected as duplicates.
func (g *gen) dateShifts(d bank.Date, m int) []bank.Date {
	if m <= 0 {
		return nil
	}
	shift := func(k int) (bank.Date, bool) {
		switch d.Precision {
		case bank.Year:
			y := d.Year + k
			return bank.Date{Year: y, Precision: bank.Year}, y >= 1
		case bank.Month:
			t := d.Time().AddDate(0, k, 0)
			return bank.Date{Year: t.Year(), Month: int(t.Month()), Precision: bank.Month}, t.Year() >= 1
		default:
			base := d
			if d.Precision == bank.MonthDay {
				base.Year, base.Precision = 2001, bank.Day // any non-leap year; it is not shown
			}
			t := base.Time().AddDate(0, 0, k)
			out := bank.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: d.Precision}
			if d.Precision == bank.MonthDay {
				out.Year = 0
			}
			return out, true
		}
	}
	// Steps in the date's unit: small slips first, larger ones after.
	steps := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20}
	if d.Precision == bank.Year {
		steps = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30}
	}
	left, right := g.leftRight(m)
	var below, above []bank.Date
	for _, s := range steps {
		if x, ok := shift(-s); ok {
			below = append(below, x)
		}
		if x, ok := shift(s); ok && !g.after(x) {
			above = append(above, x)
		}
	}
	// Take a random sample of nearby steps on each side, then the rest in
	// order as fallbacks.
	pick := func(c []bank.Date, k int) []bank.Date {
		if k > len(c) {
			k = len(c)
		}
		window := c[:min(len(c), 2*k+2)]
		idx := g.rng.Perm(len(window))[:k]
		sort.Ints(idx)
		out := make([]bank.Date, 0, len(c))
		taken := map[int]bool{}
		for _, i := range idx {
			out = append(out, window[i])
			taken[i] = true
		}
		for i, x := range c {
			if !taken[i] {
				out = append(out, x)
			}
		}
		return out
	}
	b, a := pick(below, left), pick(above, right)
	// Interleave so that the preferred picks of both sides come first.
	var out []bank.Date
	out = append(out, b[:min(left, len(b))]...)
	out = append(out, a[:min(right, len(a))]...)
	out = append(out, b[min(left, len(b)):]...)
	out = append(out, a[min(right, len(a)):]...)
	return out
}

// numberNeighbours returns plausible wrong numbers near n: small slips for
// small counts, rounding errors (±10%, ±25%), halving and doubling and an
// order-of-magnitude slip for larger ones. All keep n's unit, qualifier and
// decimals, and none is negative or zero (unless n is zero).
func (g *gen) numberNeighbours(n bank.Number, m int) []bank.Number {
	if m <= 0 {
		return nil
	}
	v := n.Value
	scale := math.Pow(10, float64(n.Decimals))
	round := func(x float64) float64 { return math.Round(x*scale) / scale }
	// A round figure ("more than 50") gets round neighbours (40, 60, 100),
	// as precise as the figure itself and no more.
	if n.Decimals == 0 && v >= 10 {
		step := 1.0
		for math.Mod(v, step*10) == 0 && step*10 <= v/5 {
			step *= 10
		}
		round = func(x float64) float64 { return math.Round(x/step) * step }
	}
	var below, above []float64
	seen := map[float64]bool{v: true}
	percent := n.Unit == "percent" || n.Unit == "%"
	addc := func(x float64) {
		x = round(x)
		if seen[x] || x < 0 || (x == 0 && v != 0) || (percent && x > 100 && v <= 100) {
			return
		}
		seen[x] = true
		if x < v {
			below = append(below, x)
		} else {
			above = append(above, x)
		}
	}
	if v < 20 {
		for _, d := range []float64{1, 2, 3, 4, 5, 6, 8, 10} {
			addc(v - d)
			addc(v + d)
		}
	}
	for _, f := range []float64{0.9, 1.1, 0.75, 1.25, 0.5, 2, 1.5, 0.25, 3, 10} {
		addc(v * f)
	}
	for _, d := range []float64{10, 100} {
		if v >= d {
			addc(v - d)
			addc(v + d)
		}
	}
	left, right := g.leftRight(m)
	if left > len(below) {
		left, right = len(below), m-len(below)
	}
	shuffle := func(xs []float64) {
		g.rng.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	}
	shuffle(below)
	shuffle(above)
	var order []float64
	order = append(order, below[:left]...)
	order = append(order, above[:min(right, len(above))]...)
	order = append(order, below[left:]...)
	order = append(order, above[min(right, len(above)):]...)
	out := make([]bank.Number, len(order))
	for i, x := range order {
		out[i] = bank.Number{Value: x, Decimals: n.Decimals, Unit: n.Unit, Qualifier: n.Qualifier}
	}
	return out
}
