package export

import (
	"bytes"
	"encoding/csv"
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/quiz"
)

// checkAnki reads an Anki text file as Anki does: header lines first, then
// rows of tab-separated, possibly quoted fields.
func checkAnki(t *testing.T, q *quiz.Quiz, data []byte) map[string][]string {
	t.Helper()
	lines := strings.SplitN(string(data), "\n", 8)
	want := []string{"#separator:tab", "#html:true", "#notetype:Basic", "#deck:quizcard::", "#columns:Front\tBack\tTags\tGUID", "#tags column:3", "#guid column:4"}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Fatalf("header line %d = %q, want %q", i+1, lines[i], w)
		}
	}
	r := csv.NewReader(strings.NewReader(lines[7]))
	r.Comma = '\t'
	r.FieldsPerRecord = 4
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("rows: %v", err)
	}
	byGUID := map[string][]string{}
	for _, row := range rows {
		if _, dup := byGUID[row[3]]; dup {
			t.Errorf("GUID %q twice", row[3])
		}
		byGUID[row[3]] = row
	}
	for _, it := range items(q) {
		row, ok := byGUID[AnkiGUID(it.q)]
		if !ok {
			t.Fatalf("%s: no note", it.q.ID)
		}
		front := html.UnescapeString(strings.ReplaceAll(row[0], "<br>", "\n"))
		if !strings.HasPrefix(front, strings.ReplaceAll(strings.ReplaceAll(it.q.Prompt, "\r\n", "\n"), "\t", " ")) {
			t.Errorf("%s: front %q", it.q.ID, row[0])
		}
	}
	return byGUID
}

func TestAnki(t *testing.T) {
	q := testQuiz(t)
	var buf bytes.Buffer
	if _, err := Anki(&buf, q); err != nil {
		t.Fatal(err)
	}
	golden(t, "quiz.anki.txt", buf.Bytes())
	first := checkAnki(t, q, buf.Bytes())
	// A note's GUID comes from its fact alone, whatever the seed, order or
	// version: re-importing updates notes instead of adding copies.
	for _, seed := range []uint64{7, 99} {
		other := testQuizSeed(t, seed)
		guids := checkAnki(t, other, mustAnki(t, other))
		for _, qu := range other.Questions {
			if len(qu.Facts) == 1 {
				if _, ok := guids["quizcard-"+qu.Facts[0]]; !ok {
					t.Errorf("seed %d: fact %s has no note with GUID quizcard-%s", seed, qu.Facts[0], qu.Facts[0])
				}
			}
		}
		for guid, row := range first {
			// The prompt stays; the options, a true/false statement's truth
			// and a matching question's pairs are drawn per quiz.
			stem := func(front string) string {
				front, _, _ = strings.Cut(front, "<")
				return front
			}
			if again, ok := guids[guid]; ok && stem(row[0]) != stem(again[0]) && strings.HasPrefix(guid, "quizcard-") &&
				!strings.HasPrefix(guid, "quizcard-match") && !strings.Contains(row[0], "True or false") {
				t.Errorf("seed %d: note %s changed its front", seed, guid)
			}
		}
	}
	checkAnki(t, specialQuiz(t), mustAnki(t, specialQuiz(t)))
}

func mustAnki(t *testing.T, q *quiz.Quiz) []byte {
	var buf bytes.Buffer
	if _, err := Anki(&buf, q); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzAnkiField: any text comes back from Anki's CSV reading as the HTML
// the field meant, on one physical line.
func FuzzAnkiField(f *testing.F) {
	for _, s := range specialStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		field := ankiField(s)
		if strings.ContainsAny(field, "\n\r\t") {
			t.Fatalf("raw separator in %q", field)
		}
		r := csv.NewReader(strings.NewReader(field + "\tx\n"))
		r.Comma = '\t'
		r.LazyQuotes = false
		rec, err := r.Read()
		if err != nil {
			t.Fatalf("%q: %v", field, err)
		}
		want := strings.NewReplacer("\r\n", "<br>", "\n", "<br>", "\r", "<br>", "\t", " ").Replace(s)
		if rec[0] != want {
			t.Fatalf("%q came back as %q", s, rec[0])
		}
	})
}
