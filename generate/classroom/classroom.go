// Package classroom runs the classroom loop for the command line: named
// copies with answer sheets from a roster, and grading from scans or a
// responses file into the files a teacher reads. It reads files and
// returns jobs that write them; the work is done by roster, sheet, scan and
// grade.
package classroom

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/quizcard/quizcard/generate/grade"
	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/roster"
	"github.com/quizcard/quizcard/generate/safefile"
	"github.com/quizcard/quizcard/generate/scan"
	"github.com/quizcard/quizcard/generate/sheet"
)

// Copies says how a quiz is printed: for whom, and whether with answer
// sheets.
type Copies struct {
	Students []roster.Student // in roster order; none without a roster
	Sheets   bool
}

// PerStudent is the number of versions that asks for one per student.
const PerStudent = -1

// Versions reads --versions: a number, or "per-student" (PerStudent), which
// needs a roster.
func Versions(s, roster string) (int, error) {
	if s == "per-student" {
		if roster == "" {
			return 0, errors.New("--versions per-student needs --roster")
		}
		return PerStudent, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("--versions takes a number or per-student, not %q", s)
	}
	return n, nil
}

// ReadCopies reads the roster at path, if any, and sets opt.Versions to the
// number of students when it is PerStudent. Answer sheets come with a
// roster unless sheets is set to false (sheetsSet), and without one when
// sheets is set.
func ReadCopies(path string, sheets, sheetsSet bool, opt *quiz.Options) (Copies, error) {
	c := Copies{Sheets: sheets || (path != "" && !sheetsSet)}
	if path == "" {
		return c, nil
	}
	var err error
	c.Students, err = roster.Load(path)
	if opt.Versions == PerStudent {
		opt.Versions = max(len(c.Students), 1)
	}
	return c, err
}

// Doc returns the printing plan of q on a page of w × h mm; without answer
// sheets it is the quiz alone (and encodes as the quiz does).
func (c Copies) Doc(q *quiz.Quiz, w, h float64) (*sheet.Doc, error) {
	if !c.Sheets {
		return &sheet.Doc{Quiz: q}, nil
	}
	return sheet.New(q, c.Students, sheet.Size{W: w, H: h})
}

// Grade grades a class against the quiz.json at quizPath: the answers in
// the responses file when it is given, else the scans. It returns the jobs
// that write grades.csv, items.csv, report.html and review.csv, and a few
// lines saying what was read.
func Grade(quizPath, responses string, scans []string) ([]safefile.Job, string, error) {
	d, err := sheet.Load(quizPath)
	if err != nil {
		return nil, "", err
	}
	class := &scan.Class{}
	if responses != "" {
		class.Responses, err = grade.LoadResponses(responses, d)
	} else {
		class, err = scan.Read(d, scans)
	}
	if err != nil {
		return nil, "", err
	}
	rep, err := grade.Analyse(d, class.Responses)
	if err != nil {
		return nil, "", err
	}
	return grade.Files(rep, class.Reviews), grade.Summary(rep, class.Pages, class.Sheets, len(class.Reviews)), nil
}
