package quiz

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// shuffle makes n versions of the questions: the same questions, shuffled
// within each form's section, with choices shuffled, except figures and
// dates, which stay in ascending order (Question.Ordered). The right letter
// of the other multiple-choice questions is dealt evenly: within a version each letter is
// right as often as the count allows, and the letters that get one extra
// rotate so that the whole set stays even.
func shuffle(qs []Question, n, choices int, rng *rand.Rand) []Version {
	var sections [][]int // question indices per form, in canonical order
	for _, f := range Forms {
		var s []int
		for i, q := range qs {
			if q.Form == f {
				s = append(s, i)
			}
		}
		if len(s) > 0 {
			sections = append(sections, s)
		}
	}
	used := make([]int, choices) // right letters dealt so far, over all versions
	versions := make([]Version, n)
	for v := range versions {
		var order []int
		for _, s := range sections {
			for _, j := range rng.Perm(len(s)) {
				order = append(order, s[j])
			}
		}
		mcCount := 0
		for _, i := range order {
			if qs[i].Form == MC && !qs[i].Ordered {
				mcCount++
			}
		}
		letters := dealLetters(mcCount, choices, used, rng)
		items := make([]Item, len(order))
		for k, i := range order {
			q := &qs[i]
			it := Item{Number: k + 1, Question: q.ID}
			switch {
			case q.Form == MC && q.Ordered:
				// Figures and dates keep ascending order (HDR 21).
				it.Order = make([]int, len(q.Options))
				for o := range it.Order {
					it.Order[o] = o
				}
				it.Key = Letter(q.Answer)
			case q.Form == MC:
				pos := letters[0]
				letters = letters[1:]
				it.Order = placeAnswer(len(q.Options), q.Answer, pos, rng)
				it.Key = Letter(pos)
			case q.Form == TF:
				it.Order = []int{0, 1} // True, False: always in that order
				it.Key = q.Options[q.Answer]
			case q.Form == Match:
				it.Order = rng.Perm(len(q.Right) + len(q.Extra))
				at := inverse(it.Order)
				pairs := make([]string, len(q.Left))
				for l := range q.Left {
					pairs[l] = fmt.Sprintf("%d-%s", l+1, Letter(at[l]))
				}
				it.Key = strings.Join(pairs, " ")
			case q.Form == Order:
				it.Order = derange(len(q.Items), rng)
				at := inverse(it.Order)
				seq := make([]string, len(q.Items))
				for r := range q.Items {
					seq[r] = Letter(at[r])
				}
				it.Key = strings.Join(seq, " ")
			}
			items[k] = it
		}
		versions[v] = Version{Label: Label(v), Items: items}
	}
	return versions
}

// dealLetters returns m answer positions out of k, each as often as m
// allows; the extra ones go to the letters least used so far.
func dealLetters(m, k int, used []int, rng *rand.Rand) []int {
	out := make([]int, 0, m)
	for l := 0; l < k; l++ {
		for c := 0; c < m/k; c++ {
			out = append(out, l)
		}
	}
	// Ties between equally used letters are broken at random.
	cand := rng.Perm(k)
	for r := 0; r < m%k; r++ {
		best := -1
		for _, l := range cand {
			if best < 0 || used[l] < used[best] {
				best = l
			}
		}
		out = append(out, best)
		used[best]++ // count it now so the next extra goes elsewhere
		for i, l := range cand {
			if l == best {
				cand = append(cand[:i:i], cand[i+1:]...)
				break
			}
		}
	}
	for _, l := range out[:len(out)-m%k] {
		used[l]++
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// placeAnswer returns a display order of n options in which the option at
// index answer is shown at position pos; the others are shuffled.
func placeAnswer(n, answer, pos int, rng *rand.Rand) []int {
	var rest []int
	for i := 0; i < n; i++ {
		if i != answer {
			rest = append(rest, i)
		}
	}
	rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	order := make([]int, 0, n)
	order = append(order, rest[:pos]...)
	order = append(order, answer)
	return append(order, rest[pos:]...)
}

// derange returns a shuffled order of n items that is not already sorted,
// so an ordering question never shows its own answer.
func derange(n int, rng *rand.Rand) []int {
	for {
		p := rng.Perm(n)
		for i, x := range p {
			if i != x {
				return p
			}
		}
	}
}

// inverse returns where each element of a permutation is shown.
func inverse(p []int) []int {
	at := make([]int, len(p))
	for shown, orig := range p {
		at[orig] = shown
	}
	return at
}
