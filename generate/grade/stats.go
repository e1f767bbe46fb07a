package grade

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/quizcard/quizcard/generate/bank"
)

// A FactSummary is what every graded quiz says about one fact.
type FactSummary struct {
	Fact       string
	Quizzes    int     // graded quizzes that asked it
	N          int     // students who answered it, over all of them
	Difficulty float64 // share right, weighted by students; NaN when unknown
	D          float64 // upper − lower, weighted by students; NaN when unknown
	Flags      int
	Verdict    string // "too easy", "hard", "confusing", or ""
}

// LoadStats reads items.csv from each path (a folder written by grade, or
// the file itself) and sums it up per fact, in the bank's order; facts of
// the bank never asked are left out, facts not in the bank come last.
func LoadStats(b *bank.Bank, paths []string) ([]FactSummary, error) {
	var stats []FactStat
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			p = filepath.Join(p, "items.csv")
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("--stats: %w (give folders written by quizcard grade)", err)
		}
		s, err := ReadItems(p, data)
		if err != nil {
			return nil, err
		}
		stats = append(stats, s...)
	}
	return summariseFacts(b, stats), nil
}

func summariseFacts(b *bank.Bank, stats []FactStat) []FactSummary {
	by := map[string]*FactSummary{}
	var sums = map[string][4]float64{} // weight and weighted sums of difficulty, D
	var order []string
	for _, s := range stats {
		f := by[s.Fact]
		if f == nil {
			f = &FactSummary{Fact: s.Fact}
			by[s.Fact] = f
			order = append(order, s.Fact)
		}
		f.Quizzes++
		f.N += s.N
		f.Flags += len(s.Flags)
		w := sums[s.Fact]
		if !math.IsNaN(s.Difficulty) {
			w[0] += float64(s.N)
			w[1] += float64(s.N) * s.Difficulty
		}
		if !math.IsNaN(s.D) {
			w[2] += float64(s.N)
			w[3] += float64(s.N) * s.D
		}
		sums[s.Fact] = w
	}
	rank := map[string]int{}
	for i, f := range b.Facts {
		rank[f.ID] = i + 1
	}
	sort.SliceStable(order, func(i, j int) bool {
		ri, rj := rank[order[i]], rank[order[j]]
		if ri == 0 || rj == 0 {
			return rj == 0 && ri != 0
		}
		return ri < rj
	})
	out := make([]FactSummary, 0, len(order))
	for _, id := range order {
		f := by[id]
		w := sums[id]
		f.Difficulty, f.D = math.NaN(), math.NaN()
		if w[0] > 0 {
			f.Difficulty = w[1] / w[0]
		}
		if w[2] > 0 {
			f.D = w[3] / w[2]
		}
		switch {
		case f.N < flagMin:
			f.Verdict = fmt.Sprintf("too few students (%d) to judge", f.N)
		case f.D < 0:
			f.Verdict = "confusing: the stronger students got it wrong more often"
		case f.Difficulty >= tooEasy:
			f.Verdict = "too easy"
		case f.Difficulty <= tooHard:
			f.Verdict = "hard: check the fact and its wrong options"
		}
		if rank[id] == 0 {
			f.Verdict = strings.TrimPrefix(f.Verdict+"; not in this bank", "; ")
		}
		out = append(out, *f)
	}
	return out
}

// Stats reads the graded folders (see LoadStats) and prints the per-fact
// table (see PrintStats).
func Stats(w io.Writer, b *bank.Bank, paths []string) error {
	facts, err := LoadStats(b, paths)
	if err != nil {
		return err
	}
	return PrintStats(w, facts)
}

// PrintStats writes the per-fact table: fact, quizzes, students, share
// right, discrimination, flags and a verdict.
func PrintStats(w io.Writer, facts []FactSummary) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "fact\tquizzes\tstudents\tright\tD\tflags\t")
	for _, f := range facts {
		right, d := "–", "–"
		if !math.IsNaN(f.Difficulty) {
			right = fmt.Sprintf("%.0f%%", 100*f.Difficulty)
		}
		if !math.IsNaN(f.D) {
			d = fmt.Sprintf("%+.2f", f.D)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%d\t%s\n", f.Fact, f.Quizzes, f.N, right, d, f.Flags, f.Verdict)
	}
	return tw.Flush()
}
