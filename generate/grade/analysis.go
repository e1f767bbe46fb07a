package grade

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/sheet"
)

// A Report is a graded class: every result and the analysis of every
// question.
type Report struct {
	Title   string
	QuizID  string
	Results []Result // in the order the responses came
	Items   []Item   // per question, in the quiz's canonical order
	Scores  Distribution
}

// Distribution describes the distribution of total scores.
type Distribution struct {
	N                      int
	Max                    int
	Mean, SD, Median       float64
	Min, High              float64
	Alpha                  float64 // Cronbach's alpha (KR-20 for right/wrong items); NaN when undefined
	Histogram              []int   // students per tenth of the maximum: 0–9%, 10–19%, ..., 90–100%
	UpperGroup, LowerGroup int     // students in the upper and lower 27%
}

// An Item is the analysis of one question.
type Item struct {
	Question string   // "q3"
	Facts    []string // the facts it is made from
	Entities []string // for matching and ordering: the entities it pairs or orders
	Form     quiz.Form
	Prompt   string
	N        int // students who had the question
	// Difficulty is the mean score: the share who got it right (matching
	// and ordering count a share of the pairs or positions).
	Difficulty float64
	// PointBiserial is the correlation of the item's score with the rest of
	// the test (the total without this item), so the item does not
	// correlate with itself. NaN when either does not vary.
	PointBiserial float64
	// Upper and Lower are the mean scores of the 27% with the highest and
	// the lowest totals; Discrimination is Upper − Lower.
	Upper, Lower, Discrimination float64
	Options                      []Option // multiple choice and true/false, in canonical order
	Blank                        int      // students who gave no answer
	Review                       int      // answers still to be checked by a person
	Flags                        []string
}

// An Option is how often one option of a question was chosen.
type Option struct {
	Text         string
	Right        bool
	Count        int
	Upper, Lower int // chosen in the upper and lower groups
}

// Analyse grades the responses and analyses every question.
func Analyse(d *sheet.Doc, responses []Response) (*Report, error) {
	rep := &Report{Title: d.Title, QuizID: d.ID}
	for _, r := range responses {
		res, err := Score(d, r)
		if err != nil {
			return nil, err
		}
		rep.Results = append(rep.Results, res)
	}
	rep.Scores = summarise(rep.Results, len(d.Questions))
	upper, lower := groups(rep.Results)
	for qi := range d.Questions {
		rep.Items = append(rep.Items, analyseItem(d, qi, rep.Results, upper, lower))
	}
	return rep, nil
}

// groups returns the indices of the upper and lower 27% by total score;
// ties keep the order of the responses.
func groups(rs []Result) (upper, lower map[int]bool) {
	order := make([]int, len(rs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rs[order[a]].Score > rs[order[b]].Score })
	n := int(math.Round(0.27 * float64(len(rs))))
	if len(rs) > 0 {
		n = max(n, 1)
	}
	upper, lower = map[int]bool{}, map[int]bool{}
	for k := 0; k < n; k++ {
		upper[order[k]] = true
		lower[order[len(order)-1-k]] = true
	}
	return upper, lower
}

func summarise(rs []Result, questions int) Distribution {
	s := Distribution{N: len(rs), Max: questions, Histogram: make([]int, 10), Alpha: math.NaN()}
	if len(rs) == 0 {
		s.Mean, s.SD, s.Median = math.NaN(), math.NaN(), math.NaN()
		return s
	}
	totals := make([]float64, len(rs))
	for i, r := range rs {
		totals[i] = r.Score
		bin := 0
		if questions > 0 {
			bin = min(int(10*r.Score/float64(questions)), 9)
		}
		s.Histogram[bin]++
	}
	s.Mean, s.SD = meanSD(totals)
	sorted := slices.Clone(totals)
	slices.Sort(sorted)
	s.Min, s.High = sorted[0], sorted[len(sorted)-1]
	if n := len(sorted); n%2 == 1 {
		s.Median = sorted[n/2]
	} else {
		s.Median = (sorted[n/2-1] + sorted[n/2]) / 2
	}
	n := int(math.Round(0.27 * float64(len(rs))))
	s.UpperGroup, s.LowerGroup = max(n, 1), max(n, 1)
	// Cronbach's alpha: k/(k−1) · (1 − Σ item variances / total variance),
	// population variances throughout.
	if questions > 1 && s.SD > 0 {
		var itemVar float64
		for q := range questions {
			col := make([]float64, len(rs))
			for i, r := range rs {
				col[i] = r.Points[q]
			}
			_, sd := meanSD(col)
			itemVar += sd * sd
		}
		k := float64(questions)
		s.Alpha = k / (k - 1) * (1 - itemVar/(s.SD*s.SD))
	}
	return s
}

// meanSD returns the mean and the population standard deviation.
func meanSD(v []float64) (float64, float64) {
	if len(v) == 0 {
		return math.NaN(), math.NaN()
	}
	var sum float64
	for _, x := range v {
		sum += x
	}
	mean := sum / float64(len(v))
	var ss float64
	for _, x := range v {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(v)))
}

// pearson returns the correlation of x and y, NaN when either is constant.
func pearson(x, y []float64) float64 {
	mx, sx := meanSD(x)
	my, sy := meanSD(y)
	if len(x) == 0 || sx == 0 || sy == 0 {
		return math.NaN()
	}
	var c float64
	for i := range x {
		c += (x[i] - mx) * (y[i] - my)
	}
	return c / float64(len(x)) / (sx * sy)
}

// Thresholds for flags; a class smaller than flagMin gets none about
// difficulty or unchosen options, which small samples make noisy.
const (
	flagMin  = 10
	tooEasy  = 0.95
	tooHard  = 0.25
	weakDisc = 0.10
)

func analyseItem(d *sheet.Doc, qi int, rs []Result, upper, lower map[int]bool) Item {
	q := &d.Questions[qi]
	it := Item{Question: q.ID, Facts: q.Facts, Entities: q.Entities, Form: q.Form, Prompt: q.Prompt}
	if q.Form == quiz.MC || q.Form == quiz.TF {
		for i, o := range q.Options {
			it.Options = append(it.Options, Option{Text: o, Right: i == q.Answer})
		}
	}
	var x, rest []float64
	var up, lo []float64
	for i, r := range rs {
		v := d.Version(r.Version)
		k := slices.IndexFunc(v.Items, func(it quiz.Item) bool { return it.Question == q.ID })
		if k < 0 || k >= len(r.Answers) {
			continue
		}
		it.N++
		a := r.Answers[k]
		if a.Review != "" {
			it.Review++
		}
		if slices.IndexFunc(a.Rows, func(c int) bool { return c >= 0 }) < 0 {
			it.Blank++
		} else if it.Options != nil && a.Rows[0] < len(v.Items[k].Order) {
			o := &it.Options[v.Items[k].Order[a.Rows[0]]]
			o.Count++
			if upper[i] {
				o.Upper++
			}
			if lower[i] {
				o.Lower++
			}
		}
		x = append(x, r.Points[qi])
		rest = append(rest, r.Score-r.Points[qi])
		if upper[i] {
			up = append(up, r.Points[qi])
		}
		if lower[i] {
			lo = append(lo, r.Points[qi])
		}
	}
	it.Difficulty, _ = meanSD(x)
	it.PointBiserial = pearson(x, rest)
	it.Upper, _ = meanSD(up)
	it.Lower, _ = meanSD(lo)
	it.Discrimination = it.Upper - it.Lower
	it.Flags = flags(it)
	return it
}

// flags says what a curator should look at, most serious first.
func flags(it Item) []string {
	var f []string
	if it.N == 0 {
		return nil
	}
	if it.Discrimination < 0 || it.PointBiserial < 0 {
		f = append(f, fmt.Sprintf("negative discrimination (D %+.2f, r %+.2f): the weaker students did better; check the key, then the wording", it.Discrimination, it.PointBiserial))
	}
	if it.N < flagMin {
		return f
	}
	switch {
	case it.Difficulty >= tooEasy:
		f = append(f, fmt.Sprintf("%.0f%% right: too easy to tell students apart", 100*it.Difficulty))
	case it.Difficulty <= tooHard:
		f = append(f, fmt.Sprintf("only %.0f%% right: check the key, or the fact is too obscure", 100*it.Difficulty))
	}
	if it.Discrimination >= 0 && it.PointBiserial >= 0 && it.Discrimination < weakDisc && it.Difficulty < tooEasy {
		f = append(f, fmt.Sprintf("weak discrimination (D %+.2f)", it.Discrimination))
	}
	for _, o := range it.Options {
		if !o.Right && o.Count == 0 {
			f = append(f, fmt.Sprintf("nobody chose %q: replace this distractor", o.Text))
		}
		if !o.Right && o.Upper > 0 && o.Upper > it.rightUpper() {
			f = append(f, fmt.Sprintf("the upper group chose %q more than the answer: check the key", o.Text))
		}
	}
	return f
}

func (it Item) rightUpper() int {
	for _, o := range it.Options {
		if o.Right {
			return o.Upper
		}
	}
	return 0
}
