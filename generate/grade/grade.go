// Package grade scores students' answers against a quiz's key and analyses
// the items: difficulty, discrimination (point-biserial and upper/lower
// 27%), how often each option was chosen, and flags that point at facts to
// fix. The answers come from scanned sheets (generate/scan) or from a
// responses CSV (ReadResponses). It does no I/O of its own: writers take an
// io.Writer.
package grade

import (
	"fmt"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/sheet"
)

// A Response is one student's answers to one copy.
type Response struct {
	Student, ID, Class string
	Copy               int    // 0 when unknown (an unnamed sheet, a CSV row)
	Version            string // the version's label
	Source             string // where it was read: "scan.pdf page 3", "responses.csv:4"
	// Answers holds one Answer per item of the version, in its order
	// (Answers[i] is item i+1).
	Answers []Answer
	Missing string // why some answers are missing: "sheet page 2 not scanned"
}

// An Answer is what a student gave for one item: per row (one for multiple
// choice and true/false, one per pair or position for matching and
// ordering) the index of the shown choice, or -1 for none.
type Answer struct {
	Rows   []int
	Review string // set when a person should look: the rows are a proposal
}

// A Result is one graded response.
type Result struct {
	Response
	Score  float64   // points: one per question, matching and ordering in shares
	Max    int       // questions
	Points []float64 // per question, in the quiz's canonical order
	Given  []string  // per question: what the student gave, as they wrote it ("B", "1-C 2-A", "")
}

// Status says whether a result is final: "ok", or what a person should do.
func (r *Result) Status() string {
	var review []string
	for i, a := range r.Answers {
		if a.Review != "" {
			review = append(review, fmt.Sprint(i+1))
		}
	}
	var parts []string
	if r.Missing != "" {
		parts = append(parts, r.Missing)
	}
	if len(review) > 0 {
		parts = append(parts, "check item "+strings.Join(review, ", "))
	}
	if len(parts) == 0 {
		return "ok"
	}
	return strings.Join(parts, "; ")
}

// Score grades one response against the quiz. Questions of the version
// that the response has no answer for score zero.
func Score(d *sheet.Doc, r Response) (Result, error) {
	v := d.Version(r.Version)
	if v == nil {
		return Result{}, fmt.Errorf("%s: the quiz has no version %q", r.Source, r.Version)
	}
	res := Result{Response: r, Max: len(d.Questions), Points: make([]float64, len(d.Questions)), Given: make([]string, len(d.Questions))}
	index := map[string]int{}
	for i, q := range d.Questions {
		index[q.ID] = i
	}
	for k, it := range v.Items {
		if k >= len(r.Answers) {
			break
		}
		qi := index[it.Question]
		q := &d.Questions[qi]
		a := r.Answers[k]
		pts, given := mark(q, it, a.Rows)
		res.Points[qi], res.Given[qi] = pts, given
		res.Score += pts
	}
	return res, nil
}

// mark scores one item's rows and spells them as the student wrote them.
func mark(q *quiz.Question, it quiz.Item, rows []int) (float64, string) {
	letter := func(c int) string {
		if c < 0 || c >= len(it.Order) {
			return "_"
		}
		if q.Form == quiz.TF {
			return q.Options[it.Order[c]]
		}
		return quiz.Letter(c)
	}
	switch q.Form {
	case quiz.Match, quiz.Order:
		// Shown choice c is Right[Order[c]] (match), which goes with
		// Left[Order[c]], or Items[Order[c]] (order), whose place is
		// Order[c]: row k is right when the choice's Order is k.
		right, any := 0, false
		parts := make([]string, len(rows))
		for k, c := range rows {
			if c >= 0 && c < len(it.Order) && it.Order[c] == k {
				right++
			}
			any = any || c >= 0
			parts[k] = letter(c)
			if q.Form == quiz.Match {
				parts[k] = fmt.Sprintf("%d-%s", k+1, letter(c))
			}
		}
		if !any {
			return 0, ""
		}
		return float64(right) / float64(len(rows)), strings.Join(parts, " ")
	}
	if len(rows) == 0 || rows[0] < 0 || rows[0] >= len(it.Order) {
		return 0, ""
	}
	if it.Order[rows[0]] == q.Answer {
		return 1, letter(rows[0])
	}
	return 0, letter(rows[0])
}
