package grade

import (
	"math"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/sheet"
)

// handDoc is a three-question quiz, one version, options shown in their
// canonical order: q1's answer is A, q2's B, q3's C.
func handDoc() *sheet.Doc {
	mc := func(id string, answer int) quiz.Question {
		return quiz.Question{ID: id, Form: quiz.MC, Facts: []string{"fact-" + id}, Prompt: id + "?",
			Options: []string{id + "-a", id + "-b", id + "-c", id + "-d"}, Answer: answer}
	}
	items := []quiz.Item{}
	for i, id := range []string{"q1", "q2", "q3"} {
		items = append(items, quiz.Item{Number: i + 1, Question: id, Order: []int{0, 1, 2, 3}, Key: quiz.Letter(i)})
	}
	return &sheet.Doc{Quiz: &quiz.Quiz{
		Title:     "hand",
		Questions: []quiz.Question{mc("q1", 0), mc("q2", 1), mc("q3", 2)},
		Versions:  []quiz.Version{{Label: "A", Items: items}},
	}}
}

// handResponses: ten students' letters for q1, q2, q3 ("-" is blank).
var handResponses = []string{"ABC", "ABD", "ABC", "ACC", "BBA", "AAC", "BCD", "ABA", "CBC", "A-C"}

func responsesOf(letters []string) []Response {
	var out []Response
	for i, s := range letters {
		r := Response{Student: "S" + string(rune('0'+i)), Version: "A"}
		for _, c := range s {
			ch := -1
			if c != '-' {
				ch = int(c - 'A')
			}
			r.Answers = append(r.Answers, Answer{Rows: []int{ch}})
		}
		out = append(out, r)
	}
	return out
}

// TestAnalyseByHand checks every figure against values worked out by hand
// (in the comments) from handResponses, not by this package.
func TestAnalyseByHand(t *testing.T) {
	rep, err := Analyse(handDoc(), responsesOf(handResponses))
	if err != nil {
		t.Fatal(err)
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-4 {
			t.Errorf("%s = %.6f, want %.6f", what, got, want)
		}
	}
	// Totals: 3 2 3 2 1 2 0 2 2 2.
	wantTotals := []float64{3, 2, 3, 2, 1, 2, 0, 2, 2, 2}
	for i, r := range rep.Results {
		near("total of "+r.Student, r.Score, wantTotals[i])
	}
	// Mean 19/10; population variance 43/10 − 1.9² = 0.69; median of
	// 0 1 2 2 2 2 2 2 3 3 is 2.
	near("mean", rep.Scores.Mean, 1.9)
	near("sd", rep.Scores.SD, math.Sqrt(0.69))
	near("median", rep.Scores.Median, 2)
	// Item variances 0.21 + 0.24 + 0.24 = 0.69 = the total's: alpha is
	// 3/2 · (1 − 0.69/0.69) = 0.
	near("alpha", rep.Scores.Alpha, 0)
	if h := rep.Scores.Histogram; h[0] != 1 || h[3] != 1 || h[6] != 6 || h[9] != 2 {
		t.Errorf("histogram %v, want 1 in 0–9%%, 1 in 30–39%%, 6 in 60–69%%, 2 in 90–100%%", h)
	}
	// Upper 27% (3 students): S1, S3, then S2 (first of the 2s); lower:
	// S10, S5, S7.
	type want struct {
		p, r, upper, lower float64
		counts             [4]int
		blank              int
	}
	wants := []want{
		// q1: x 1111010101, rest 2121110121: cov 0.9 − 0.7·1.2 = 0.06,
		// sd 0.458258 and 0.6: r = 0.218218. Upper 3/3, lower 1/3.
		{0.7, 0.218218, 1, 1.0 / 3, [4]int{7, 2, 1, 0}, 0},
		// q2: x 1110100110, rest 2122020112: cov 0.7 − 0.6·1.3 = −0.08,
		// sd 0.489898 and 0.781025: r = −0.209083.
		{0.6, -0.209083, 1, 1.0 / 3, [4]int{1, 6, 2, 0}, 1},
		// q3: x 1011010011, rest 2221110211: cov 0.8 − 0.78 = 0.02,
		// sd 0.489898 and 0.640312: r = 0.063758. Upper 2/3, lower 1/3.
		{0.6, 0.063758, 2.0 / 3, 1.0 / 3, [4]int{2, 0, 6, 2}, 0},
	}
	for i, w := range wants {
		it := rep.Items[i]
		near(it.Question+" difficulty", it.Difficulty, w.p)
		near(it.Question+" point-biserial", it.PointBiserial, w.r)
		near(it.Question+" upper", it.Upper, w.upper)
		near(it.Question+" lower", it.Lower, w.lower)
		near(it.Question+" D", it.Discrimination, w.upper-w.lower)
		for k, o := range it.Options {
			if o.Count != w.counts[k] {
				t.Errorf("%s option %s chosen %d times, want %d", it.Question, o.Text, o.Count, w.counts[k])
			}
		}
		if it.Blank != w.blank {
			t.Errorf("%s: %d blank, want %d", it.Question, it.Blank, w.blank)
		}
	}
	// q1's upper group all chose A; its lower group chose A once (S10)
	// and B twice (S5, S7).
	if o := rep.Items[0].Options; o[0].Upper != 3 || o[0].Lower != 1 || o[1].Lower != 2 {
		t.Errorf("q1 upper/lower option counts %+v", o)
	}
	// Flags: every item has a distractor nobody chose (q1 d, q2 d, q3 b);
	// q2's negative point-biserial is flagged.
	has := func(i int, s string) bool {
		for _, f := range rep.Items[i].Flags {
			if strings.Contains(f, s) {
				return true
			}
		}
		return false
	}
	for i, unchosen := range []string{"q1-d", "q2-d", "q3-b"} {
		if !has(i, `nobody chose "`+unchosen+`"`) {
			t.Errorf("%s flags %q: missing the unchosen %s", rep.Items[i].Question, rep.Items[i].Flags, unchosen)
		}
	}
	if !has(1, "negative discrimination") || has(0, "negative") || has(2, "negative") {
		t.Errorf("negative discrimination flags: q1 %q, q2 %q, q3 %q", rep.Items[0].Flags, rep.Items[1].Flags, rep.Items[2].Flags)
	}
}

// TestScoreForms: matching and ordering score a share of their rows; the
// rows name shown choices, which the version's Order maps back.
func TestScoreForms(t *testing.T) {
	d := &sheet.Doc{Quiz: &quiz.Quiz{
		Questions: []quiz.Question{
			{ID: "q1", Form: quiz.Match, Left: []string{"l0", "l1", "l2", "l3"}, Right: []string{"r0", "r1", "r2", "r3"}},
			{ID: "q2", Form: quiz.Order, Items: []string{"e0", "e1", "e2", "e3"}},
			{ID: "q3", Form: quiz.TF, Options: []string{"True", "False"}, Answer: 1},
			// Three pairs and one response that goes with nothing.
			{ID: "q4", Form: quiz.Match, Left: []string{"l0", "l1", "l2"}, Right: []string{"r0", "r1", "r2"}, Extra: []string{"x"}},
		},
		// Shown: match letters A..D are r2 r0 r3 r1, so the key is 1-B 2-D
		// 3-A 4-C; order letters A..D are e3 e1 e0 e2: key C B D A.
		Versions: []quiz.Version{{Label: "A", Items: []quiz.Item{
			{Number: 1, Question: "q1", Order: []int{2, 0, 3, 1}, Key: "1-B 2-D 3-A 4-C"},
			{Number: 2, Question: "q2", Order: []int{3, 1, 0, 2}, Key: "C B D A"},
			{Number: 3, Question: "q3", Order: []int{0, 1}, Key: "False"},
			// Shown A..D: x r2 r0 r1, so the key is 1-C 2-D 3-B.
			{Number: 4, Question: "q4", Order: []int{3, 2, 0, 1}, Key: "1-C 2-D 3-B"},
		}}},
	}}
	for _, tc := range []struct {
		rows   [][]int
		points []float64
		given  []string
	}{
		{[][]int{{1, 3, 0, 2}, {2, 1, 3, 0}, {1}, {2, 3, 1}}, []float64{1, 1, 1, 1}, []string{"1-B 2-D 3-A 4-C", "C B D A", "False", "1-C 2-D 3-B"}},
		{[][]int{{1, 3, 2, 0}, {2, 1, 0, 3}, {0}, {2, 0, 3}}, []float64{0.5, 0.5, 0, 1.0 / 3}, []string{"1-B 2-D 3-C 4-A", "C B A D", "True", "1-C 2-A 3-D"}},
		{[][]int{{-1, -1, -1, -1}, {0, -1, -1, -1}, {-1}, {-1, -1, -1}}, []float64{0, 0, 0, 0}, []string{"", "A _ _ _", "", ""}},
	} {
		r := Response{Version: "A"}
		for _, rows := range tc.rows {
			r.Answers = append(r.Answers, Answer{Rows: rows})
		}
		res, err := Score(d, r)
		if err != nil {
			t.Fatal(err)
		}
		for i := range tc.points {
			if res.Points[i] != tc.points[i] || res.Given[i] != tc.given[i] {
				t.Errorf("rows %v: q%d scored %v as %q, want %v as %q", tc.rows, i+1, res.Points[i], res.Given[i], tc.points[i], tc.given[i])
			}
		}
	}
}

// TestGradesCSVFormulas: a name typed into a form as a formula is written
// so that a spreadsheet shows it as text (OWASP's CSV injection advice).
func TestGradesCSVFormulas(t *testing.T) {
	rs := responsesOf([]string{"ABC"})
	rs[0].Student, rs[0].ID = "=HYPERLINK(\"x\")", "@1"
	rep, err := Analyse(handDoc(), rs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := GradesCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n\"'=HYPERLINK(\"\"x\"\")\",'@1,,A,") {
		t.Errorf("grades.csv:\n%s", b.String())
	}
}
