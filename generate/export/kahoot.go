package export

import (
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/xlsx"
)

// Kahoot's spreadsheet limits, counted in characters.
const (
	KahootQuestionMax = 120
	KahootAnswerMax   = 75
)

// KahootHeader is the official template's header row (row 8, from B).
var KahootHeader = []string{
	"Question - max 120 characters",
	"Answer 1 - max 75 characters",
	"Answer 2 - max 75 characters",
	"Answer 3 - max 75 characters",
	"Answer 4 - max 75 characters",
	"Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
	"Correct answer(s) - choose at least one",
}

// KahootHeaderRow is the row of KahootHeader; questions follow it.
const KahootHeaderRow = 8

// Kahoot writes the quiz as Kahoot's quiz spreadsheet, in the official
// template's layout: title in B2, instructions in B3, the header in row 8,
// one question a row from row 9, every cell a string. Multiple choice with
// 2–4 answers and true/false fit; a question over 120 characters or an
// answer over 75 is left out (never cut) and named in a note, and so are
// matching and ordering questions. opt.Date is written as the file's
// creation time, for reproducible files. When no question fits, it writes
// nothing and returns Empty: Kahoot rejects a sheet without questions.
func Kahoot(w io.Writer, q *quiz.Quiz, opt Options) ([]Note, error) {
	n := newNoter("kahoot")
	date := opt.Date
	f := xlsx.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	set := func(cell, v string) error { return f.SetCellStr(sheet, cell, v) }
	if err := set("B2", "Quiz template"); err != nil {
		return nil, err
	}
	set("B3", "Add questions, at least two answer alternatives, time limit and choose correct answers. "+
		"Leave the answer alternative empty if you have fewer than four alternatives. "+q.Title)
	for i, h := range KahootHeader {
		cell, _ := xlsx.CoordinatesToCellName(i+2, KahootHeaderRow)
		set(cell, h)
	}
	row := KahootHeaderRow
	for _, it := range items(q) {
		qu := it.q
		var answers []string
		right := it.answer
		switch qu.Form {
		case quiz.MC:
			answers = it.choices
		case quiz.TF:
			answers, right = []string{"True", "False"}, qu.Answer
		default:
			n.skip(it, "Kahoot's quiz spreadsheet holds only multiple-choice and true/false questions")
			continue
		}
		if len(answers) > 4 {
			n.reject(it, fmt.Sprintf("%d answers; Kahoot takes 2 to 4", len(answers)))
			continue
		}
		if c := utf8.RuneCountInString(qu.Prompt); c > KahootQuestionMax {
			n.reject(it, fmt.Sprintf("the question is %d characters; Kahoot takes %d", c, KahootQuestionMax))
			continue
		}
		tooLong := ""
		for _, a := range answers {
			if c := utf8.RuneCountInString(a); c > KahootAnswerMax {
				tooLong = fmt.Sprintf("the answer %q is %d characters; Kahoot takes %d", a, c, KahootAnswerMax)
			}
		}
		if tooLong != "" {
			n.reject(it, tooLong)
			continue
		}
		row++
		cells := []string{strconv.Itoa(row - KahootHeaderRow), oneLine(qu.Prompt)}
		for i := 0; i < 4; i++ {
			a := ""
			if i < len(answers) {
				a = oneLine(answers[i])
			}
			cells = append(cells, a)
		}
		limit := "20"
		if utf8.RuneCountInString(qu.Prompt) > 80 {
			limit = "30" // time to read a long question
		}
		cells = append(cells, limit, strconv.Itoa(right+1))
		for i, v := range cells {
			cell, _ := xlsx.CoordinatesToCellName(i+1, row)
			if err := set(cell, v); err != nil {
				return nil, err
			}
		}
		n.written++
	}
	if n.written == 0 {
		return n.done(nil)
	}
	f.SetColWidth(sheet, "B", "B", 60)
	f.SetColWidth(sheet, "C", "F", 28)
	if err := f.SetDocProps(&xlsx.DocProperties{
		Title: q.Title, Creator: "quizcard",
		Created: date.UTC().Format(time.RFC3339), Modified: date.UTC().Format(time.RFC3339),
	}); err != nil {
		return nil, err
	}
	_, err := f.WriteTo(w)
	return n.done(err)
}
