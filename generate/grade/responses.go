package grade

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/sheet"
	"github.com/quizcard/quizcard/generate/spreadsheet"
)

// Limits on a responses file.
const (
	MaxResponseBytes = 10 << 20
	MaxResponses     = 10000
)

// Columns a responses file may have besides the answers, by folded header.
var (
	studentCols = []string{"student", "name", "fullname", "studentname", "nom", "nombre"}
	idCols      = []string{"id", "studentid", "number", "studentnumber", "username", "login", "email", "emailaddress"}
	classCols   = []string{"class", "group", "section"}
	versionCols = []string{"version", "form", "variant"}
	ignoredCols = []string{"timestamp", "score", "points", "total", "grade", "submitted", "date", "time"}
)

// LoadResponses reads a responses file; see ReadResponses.
func LoadResponses(path string, d *sheet.Doc) ([]Response, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ReadResponses(path, data, d)
}

var itemHeader = regexp.MustCompile(`^(?:q|question|item)?([0-9]+)$`)

// ReadResponses reads answers exported from a form or a learning platform:
// a header row, then one row per student. Columns named student (or name),
// id, class and version are read as such; timestamp and score columns are
// skipped; every other column is a question, in the version's order (or by
// number when headed "1", "q1" or "Question 1"). A version column is needed
// when the quiz has more than one version. An answer is a letter ("B"), an
// option's text, "True"/"False", or for matching "1-C 2-A ..." or "C A ...",
// for ordering "C A D B"; empty is no answer. Every problem is reported as
// file:line: message.
func ReadResponses(file string, data []byte, d *sheet.Doc) ([]Response, error) {
	t, err := spreadsheet.Read(file, data, MaxResponseBytes, MaxResponses)
	if err != nil {
		return nil, err
	}
	student, id, class, version := t.Column(studentCols...), t.Column(idCols...), t.Column(classCols...), t.Column(versionCols...)
	if student < 0 && id < 0 {
		return nil, fmt.Errorf("%s:1: no student or name column in the header; the first line names the columns: student, then one per question", file)
	}
	if version < 0 && len(d.Versions) > 1 {
		return nil, fmt.Errorf("%s:1: the quiz has %d versions, so the file needs a version column (A, B, ...)", file, len(d.Versions))
	}
	var qcols []int
	numbered := true
	for c, h := range t.Header {
		if c == student || c == id || c == class || c == version || contains(ignoredCols, spreadsheet.Fold(h)) {
			continue
		}
		qcols = append(qcols, c)
		numbered = numbered && itemHeader.MatchString(spreadsheet.Fold(h))
	}
	if len(qcols) != len(d.Questions) {
		return nil, fmt.Errorf("%s:1: %d answer columns, but the quiz has %d questions (columns other than student, id, class, version, timestamp and score are answers)", file, len(qcols), len(d.Questions))
	}
	// colOf[k] is the column of item k+1.
	colOf := make([]int, len(qcols))
	copy(colOf, qcols)
	if numbered {
		seen := map[int]bool{}
		for _, c := range qcols {
			n, _ := strconv.Atoi(itemHeader.FindStringSubmatch(spreadsheet.Fold(t.Header[c]))[1])
			if n < 1 || n > len(qcols) || seen[n] {
				return nil, fmt.Errorf("%s:1: column %q: question numbers must run from 1 to %d, each once", file, t.Header[c], len(qcols))
			}
			seen[n] = true
			colOf[n-1] = c
		}
	}
	var errs []error
	var out []Response
	who := map[string]int{}
	for i, line := range t.Lines {
		r := Response{Student: t.Cell(i, student), ID: t.Cell(i, id), Class: t.Cell(i, class), Version: "A",
			Source: fmt.Sprintf("%s:%d", file, line)}
		if version >= 0 {
			r.Version = strings.ToUpper(t.Cell(i, version))
		}
		name := r.Student
		if name == "" {
			name = r.ID
		}
		if name == "" {
			errs = append(errs, fmt.Errorf("%s:%d: no student name or id", file, line))
			continue
		}
		if prev, ok := who[name+"\x00"+r.ID]; ok {
			errs = append(errs, fmt.Errorf("%s:%d: %q is also on line %d; keep one attempt", file, line, name, prev))
			continue
		}
		who[name+"\x00"+r.ID] = line
		v := d.Version(r.Version)
		if v == nil {
			errs = append(errs, fmt.Errorf("%s:%d: %s: version %q is not one of the quiz's (A to %s)", file, line, name, r.Version, d.Versions[len(d.Versions)-1].Label))
			continue
		}
		for k, it := range v.Items {
			cell := t.Cell(i, colOf[k])
			q := d.Question(it.Question)
			rows, err := parseAnswer(q, it, cell)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %s, question %d: %v", file, line, name, it.Number, err))
			}
			r.Answers = append(r.Answers, Answer{Rows: rows})
		}
		out = append(out, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no responses below the header line", file)
	}
	return out, nil
}

// parseAnswer reads one cell as shown choices per row.
func parseAnswer(q *quiz.Question, it quiz.Item, cell string) ([]int, error) {
	n, rows := len(it.Order), sheet.Rows(q)
	out := make([]int, rows)
	for i := range out {
		out[i] = -1
	}
	if cell == "" {
		return out, nil
	}
	letterOf := func(s string) int {
		s = strings.Trim(strings.ToUpper(s), "()[]. ")
		if len(s) == 1 && s[0] >= 'A' && int(s[0]-'A') < n {
			return int(s[0] - 'A')
		}
		return -1
	}
	switch q.Form {
	case quiz.MC, quiz.TF:
		if c := letterOf(cell); c >= 0 {
			out[0] = c
			return out, nil
		}
		shown := q.Shown(it)
		for c, s := range shown {
			if foldText(s) == foldText(cell) {
				out[0] = c
				return out, nil
			}
		}
		if q.Form == quiz.TF {
			switch foldText(cell) {
			case "t", "true", "yes", "vrai", "verdadero":
				out[0] = 0
				return out, nil
			case "f", "false", "no", "faux", "falso":
				out[0] = 1
				return out, nil
			}
		}
		return out, fmt.Errorf("%q is neither a letter A–%s nor an option's text", cell, quiz.Letter(n-1))
	}
	// Matching and ordering: letters in row order, with or without "1-".
	fields := strings.FieldsFunc(cell, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' || r == '|' })
	if len(fields) == 1 && len(fields[0]) == rows {
		fields = strings.Split(fields[0], "")
	}
	if len(fields) != rows {
		return out, fmt.Errorf("%q: want %d letters, one per %s", cell, rows, map[quiz.Form]string{quiz.Match: "pair (\"1-C 2-A ...\")", quiz.Order: "position (\"C A D B\")"}[q.Form])
	}
	for k, f := range fields {
		if q.Form == quiz.Match {
			if i := strings.IndexAny(f, "-:=>"); i >= 0 {
				if num, err := strconv.Atoi(f[:i]); err != nil || num != k+1 {
					return out, fmt.Errorf("%q: pairs must run 1-, 2-, ... in order", cell)
				}
				f = f[i+1:]
			}
		}
		if f == "_" || f == "-" || f == "?" {
			continue
		}
		c := letterOf(f)
		if c < 0 {
			return out, fmt.Errorf("%q: %q is not a letter A–%s", cell, f, quiz.Letter(n-1))
		}
		out[k] = c
	}
	return out, nil
}

// foldText compares option texts loosely: case, spaces and punctuation.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
