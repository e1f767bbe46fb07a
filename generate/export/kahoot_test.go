package export

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/quiz"
)

// checkKahoot reads the spreadsheet back with excelize and checks it
// against the template's rules (formats.md b4.3) and the quiz.
func checkKahoot(t *testing.T, q *quiz.Quiz, data []byte, notes []Note) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 {
		t.Fatalf("sheets %v", sheets)
	}
	rows, err := f.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	header := rows[KahootHeaderRow-1]
	if len(header) != 8 || header[0] != "" || strings.Join(header[1:], "|") != strings.Join(KahootHeader, "|") {
		t.Fatalf("header %q", header)
	}
	byPrompt := map[string][]string{}
	for r, row := range rows[KahootHeaderRow:] {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, KahootHeaderRow+1+r)
			if typ, _ := f.GetCellType("Sheet1", cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString && row[c] != "" {
				t.Errorf("%s is not a string cell (%v)", cell, typ)
			}
			if formula, _ := f.GetCellFormula("Sheet1", cell); formula != "" {
				t.Errorf("%s has a formula", cell)
			}
		}
		for len(row) < 8 {
			row = append(row, "")
		}
		if n := utf8.RuneCountInString(row[1]); n < 1 || n > 120 {
			t.Errorf("row %d: question of %d characters", r+1, n)
		}
		answers := 0
		for i, a := range row[2:6] {
			if a == "" {
				for _, later := range row[2+i : 6] {
					if later != "" {
						t.Errorf("row %d: answers not filled left to right", r+1)
					}
				}
				break
			}
			answers++
			if utf8.RuneCountInString(a) > 75 {
				t.Errorf("row %d: answer of %d characters", r+1, utf8.RuneCountInString(a))
			}
		}
		if answers < 2 || answers > 4 {
			t.Errorf("row %d: %d answers", r+1, answers)
		}
		// The time limit: 20 seconds, 30 to read a question over 80
		// characters (both in the template's list).
		limit := "20"
		if utf8.RuneCountInString(row[1]) > 80 {
			limit = "30"
		}
		if row[6] != limit || !map[string]bool{"5": true, "10": true, "20": true, "30": true, "60": true, "90": true, "120": true, "240": true}[row[6]] {
			t.Errorf("row %d: time limit %q for %d characters", r+1, row[6], utf8.RuneCountInString(row[1]))
		}
		if row[0] != strconv.Itoa(r+1) {
			t.Errorf("row %d numbered %q", r+1, row[0])
		}
		if c, err := strconv.Atoi(row[7]); err != nil || c < 1 || c > answers {
			t.Errorf("row %d: correct answer %q", r+1, row[7])
		}
		byPrompt[row[1]] = row
	}
	// Each question that fits is a row: its answers in version A's order
	// and the right one's number in column H, as Kahoot reads the sheet.
	for _, w := range expect(t, q) {
		row, ok := byPrompt[oneLine(w.Prompt)]
		if !ok {
			if !noted(notes, w.ID) {
				t.Errorf("%s missing, and no note says why", w.ID)
			}
			continue
		}
		if w.Form != "mc" && w.Form != "tf" {
			t.Errorf("%s: a %s question in the sheet", w.ID, w.Form)
			continue
		}
		for i, c := range w.Shown {
			if row[2+i] != oneLine(c) {
				t.Errorf("%s: answer %d is %q, want %q", w.ID, i+1, row[2+i], c)
			}
		}
		if c, _ := strconv.Atoi(row[7]); c != w.Pick+1 {
			t.Errorf("%s: answer %d marked right, want %d (%q)", w.ID, c, w.Pick+1, w.Shown[w.Pick])
		}
	}
}

func TestKahoot(t *testing.T) {
	q := testQuiz(t)
	var buf, again bytes.Buffer
	notes, err := Kahoot(&buf, q, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	Kahoot(&again, q, testOpt)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two spreadsheets differ")
	}
	golden(t, "quiz.kahoot.xlsx", buf.Bytes())
	checkKahoot(t, q, buf.Bytes(), notes)
	if len(notes) != 2 {
		t.Errorf("notes %q", notes)
	}
}

// TestKahootLimits: too long is left out and named, never cut; limits
// count characters, not bytes.
func TestKahootLimits(t *testing.T) {
	q := testQuiz(t)
	var mc []*quiz.Question
	for i := range q.Questions {
		if q.Questions[i].Form == quiz.MC {
			mc = append(mc, &q.Questions[i])
		}
	}
	mc[0].Prompt = strings.Repeat("é", 120)    // 120 characters, 240 bytes: fits
	mc[1].Prompt = strings.Repeat("x", 121)    // too long
	mc[2].Options[1] = strings.Repeat("ü", 76) // answer too long
	mc[3].Options[1] = strings.Repeat("ü", 75) // 75 characters: fits
	mc[3].Prompt = strings.Repeat("a", 80)     // 80: 20 seconds
	mc[4].Prompt = strings.Repeat("a", 81)     // 81: 30 seconds
	var buf bytes.Buffer
	notes, err := Kahoot(&buf, q, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, n := range notes {
		all += string(n) + "\n"
	}
	for _, want := range []string{mc[1].ID + " (" + ID(mc[1]) + "): the question is 121 characters", mc[2].ID + " (" + ID(mc[2]) + "): the answer"} {
		if !strings.Contains(all, want) {
			t.Errorf("no note %q in:\n%s", want, all)
		}
	}
	for _, ok := range mc[3:] {
		if strings.Contains(all, ok.ID+" (") {
			t.Errorf("%s refused:\n%s", ok.ID, all)
		}
	}
	if strings.Contains(all, mc[0].ID+" (") {
		t.Errorf("120 two-byte characters refused:\n%s", all)
	}
	checkKahoot(t, q, buf.Bytes(), notes)
}

func TestKahootFiveChoices(t *testing.T) {
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Build(b, quiz.Options{Count: 3, Choices: 5, Forms: []quiz.Form{quiz.MC}, Filter: bank.Filter{Kinds: []string{"when"}}}, rand.New(rand.NewPCG(1, 0)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	notes, err := Kahoot(&buf, q, testOpt)
	if _, empty := err.(Empty); !empty || buf.Len() != 0 {
		t.Fatalf("no question fits, yet err %v and %d bytes", err, buf.Len())
	}
	if len(notes) != 3 || !strings.Contains(string(notes[0]), "5 answers; Kahoot takes 2 to 4") {
		t.Errorf("notes %q", notes)
	}
	files, notes, err := Run(q, map[string]bool{"kahoot": true, "quizlet": true}, testOpt)
	if err != nil || len(files) != 1 || files[0].Name != "quiz.quizlet.txt" || !strings.Contains(string(notes[len(notes)-1]), "kahoot: wrote no quiz.kahoot.xlsx") {
		t.Errorf("Run: %v, files %v, notes %q", err, files, notes)
	}
}

func TestKahootSpecial(t *testing.T) {
	q := specialQuiz(t)
	var buf bytes.Buffer
	notes, err := Kahoot(&buf, q, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	checkKahoot(t, q, buf.Bytes(), notes)
}
