package grade

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/spreadsheet"
)

// GradesCSV writes one row per student: who, version, score, status, and
// per question (q1, q2, ... in the quiz's order) what the student gave.
func GradesCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	head := []string{"student", "id", "class", "version", "copy", "score", "max", "percent", "status"}
	for _, it := range rep.Items {
		head = append(head, it.Question)
	}
	cw.Write(head)
	for _, r := range rep.Results {
		copyNo := ""
		if r.Copy > 0 {
			copyNo = strconv.Itoa(r.Copy)
		}
		pct := 0.0
		if r.Max > 0 {
			pct = 100 * r.Score / float64(r.Max)
		}
		row := []string{cell(r.Student), cell(r.ID), cell(r.Class), r.Version, copyNo, num(r.Score), strconv.Itoa(r.Max), fmt.Sprintf("%.1f", pct), r.Status()}
		row = append(row, r.Given...)
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// cell keeps a text a student typed from being read as a formula by a
// spreadsheet: one starting with = + - @ gets a leading apostrophe.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// num prints a score without trailing zeros: 7, 7.5, 7.33.
func num(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// The columns of items.csv, which check --stats reads back.
var itemsHeader = []string{"question", "facts", "form", "n", "difficulty", "point_biserial", "upper", "lower", "discrimination", "blank", "review", "flags", "prompt"}

// ItemsCSV writes the item analysis, one row per question.
func ItemsCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	cw.Write(itemsHeader)
	f := func(v float64) string {
		if math.IsNaN(v) {
			return ""
		}
		return strconv.FormatFloat(v, 'f', 3, 64)
	}
	for _, it := range rep.Items {
		cw.Write([]string{it.Question, strings.Join(it.Facts, " "), string(it.Form), strconv.Itoa(it.N),
			f(it.Difficulty), f(it.PointBiserial), f(it.Upper), f(it.Lower), f(it.Discrimination),
			strconv.Itoa(it.Blank), strconv.Itoa(it.Review), strings.Join(it.Flags, " | "), it.Prompt})
	}
	cw.Flush()
	return cw.Error()
}

// A FactStat is what one graded quiz says about one fact.
type FactStat struct {
	Fact                         string
	Question                     string
	N                            int
	Difficulty, PointBiserial, D float64 // NaN when not known
	Flags                        []string
}

// ReadItems reads an items.csv written by ItemsCSV and returns one entry
// per fact of each question. Unknown columns are ignored; missing numbers
// are NaN.
func ReadItems(file string, data []byte) ([]FactStat, error) {
	t, err := spreadsheet.Read(file, data, 4<<20, 100000)
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for _, h := range itemsHeader {
		col[h] = t.Column(spreadsheet.Fold(h))
	}
	if col["facts"] < 0 || col["difficulty"] < 0 {
		return nil, fmt.Errorf("%s:1: not an items.csv from quizcard grade (no facts or difficulty column)", file)
	}
	var out []FactStat
	var errs []error
	for i, line := range t.Lines {
		number := func(h string) float64 {
			s := t.Cell(i, col[h])
			if s == "" {
				return math.NaN()
			}
			v, err := strconv.ParseFloat(s, 64)
			switch {
			case h == "n" && (err != nil || v < 0 || v > 1e9 || v != math.Trunc(v)):
				errs = append(errs, fmt.Errorf("%s:%d: n %q is not a count of students", file, line, s))
			case h != "n" && (err != nil || !(v >= -1 && v <= 1)):
				errs = append(errs, fmt.Errorf("%s:%d: %s %q is not a number from -1 to 1", file, line, h, s))
			default:
				return v
			}
			return math.NaN()
		}
		n := number("n")
		s := FactStat{Question: t.Cell(i, col["question"]), Difficulty: number("difficulty"),
			PointBiserial: number("point_biserial"), D: number("discrimination")}
		if !math.IsNaN(n) {
			s.N = int(n)
		}
		if f := t.Cell(i, col["flags"]); f != "" {
			s.Flags = strings.Split(f, " | ")
		}
		for _, fact := range strings.Fields(t.Cell(i, col["facts"])) {
			s.Fact = fact
			out = append(out, s)
		}
	}
	return out, errors.Join(errs...)
}
