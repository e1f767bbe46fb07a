package bank

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/english"
)

// MaxShown is how many problems Lines lists before it stops counting them
// out one by one.
const MaxShown = 50

// Lines returns the problems as lines to print, in order, each problem
// once: a problem whose message repeats (the same mistake in every fact)
// is shown at its first place, followed by a line that says how many more
// there are and where ("  … and 99,999 more like this (lines 20, 28, …)").
// After MaxShown problems one line says how many are left out.
func (l ErrorList) Lines() []string {
	type group struct {
		first Error
		lines []int // lines of the repeats
		more  int   // repeats
	}
	var order []*group
	byMsg := map[string]*group{}
	for _, e := range l {
		if g, ok := byMsg[e.Msg]; ok {
			g.more++
			if len(g.lines) < 5 && e.Line > 0 {
				g.lines = append(g.lines, e.Line)
			}
			continue
		}
		g := &group{first: e}
		byMsg[e.Msg] = g
		order = append(order, g)
	}
	var out []string
	for i, g := range order {
		if i == MaxShown {
			rest := 0
			for _, g := range order[i:] {
				rest += 1 + g.more
			}
			out = append(out, fmt.Sprintf("… and %s more %s", thousands(rest), english.PluralWord(rest, "problem", "")))
			break
		}
		out = append(out, g.first.Error())
		if g.more == 0 {
			continue
		}
		line := fmt.Sprintf("  … and %s more like this", thousands(g.more))
		if len(g.lines) > 0 {
			at := make([]string, len(g.lines))
			for j, n := range g.lines {
				at[j] = strconv.Itoa(n)
			}
			if g.more > len(g.lines) {
				at = append(at, "…")
			}
			line += " (" + english.PluralWord(len(at), "line", "") + " " + strings.Join(at, ", ") + ")"
		}
		out = append(out, line)
	}
	return out
}
