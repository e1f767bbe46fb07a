package grade

import (
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/english"
	"github.com/quizcard/quizcard/generate/safefile"
)

// Files returns the jobs that write a graded class: grades.csv, items.csv,
// report.html (with the review images in it) and review.csv.
func Files(rep *Report, reviews []Review) []safefile.Job {
	return []safefile.Job{
		{Name: "grades.csv", Write: func(w io.Writer) (string, error) {
			return english.Plural(len(rep.Results), "student", ""), GradesCSV(w, rep)
		}},
		{Name: "items.csv", Write: func(w io.Writer) (string, error) { return "", ItemsCSV(w, rep) }},
		{Name: "report.html", Write: func(w io.Writer) (string, error) { return "", ReportHTML(w, rep, reviews) }},
		{Name: "review.csv", Write: func(w io.Writer) (string, error) {
			return fmt.Sprintf("%d to check", len(reviews)), ReviewCSV(w, reviews)
		}},
	}
}

// Summary says in a few lines what was read and graded: pages and sheets
// (when scans were read), students, the mean, and what is left to check.
func Summary(rep *Report, pages, sheets, reviews int) string {
	var b strings.Builder
	if pages > 0 {
		fmt.Fprintf(&b, "read %s: %s, %d of questions, blank or unreadable\n", english.Plural(pages, "page", ""), english.Plural(sheets, "answer sheet", ""), pages-sheets)
	}
	if rep.Scores.N == 0 {
		b.WriteString("graded no students: no answer sheet was read\n")
	} else {
		fmt.Fprintf(&b, "graded %s: mean %s of %d\n", english.Plural(rep.Scores.N, "student", ""), num(rep.Scores.Mean), rep.Scores.Max)
	}
	if reviews > 0 {
		fmt.Fprintf(&b, "%s to check: see report.html (review.csv lists them)\n", english.Plural(reviews, "thing", ""))
	}
	return b.String()
}
