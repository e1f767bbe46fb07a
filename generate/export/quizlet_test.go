package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/quiz"
)

// readQuizlet reads text as Quizlet's import box does with its default
// separators: a card per line, term and definition split at the tab
// (formats.md b5: "Between term and definition: Tab", "Between cards:
// New line").
func readQuizlet(t *testing.T, data []byte) [][2]string {
	t.Helper()
	var cards [][2]string
	for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		term, def, ok := strings.Cut(l, "\t")
		if !ok || strings.Contains(def, "\t") || term == "" || def == "" {
			t.Errorf("bad card line %q", l)
		}
		cards = append(cards, [2]string{term, def})
	}
	return cards
}

// checkQuizlet: every question gives its cards in version A's order, each
// definition the right answer from the version's key.
func checkQuizlet(t *testing.T, q *quiz.Quiz, data []byte, notes []Note) {
	t.Helper()
	cards := readQuizlet(t, data)
	var want [][2]string
	for _, w := range expect(t, q) {
		if noted(notes, w.ID) {
			continue
		}
		switch w.Form {
		case "mc":
			want = append(want, [2]string{w.Prompt, w.Shown[w.Pick]})
		case "tf":
			want = append(want, [2]string{w.Prompt + " (true or false?)", w.Correct})
		case "match":
			want = append(want, w.Pairs...)
		case "order":
			want = append(want, [2]string{w.Prompt + " " + strings.Join(w.Shown, "; "), strings.Join(w.Seq, " → ")})
		}
	}
	if len(cards) != len(want) {
		t.Fatalf("%d cards, want %d", len(cards), len(want))
	}
	for i, c := range cards {
		if c[0] != oneField(want[i][0]) || c[1] != oneField(want[i][1]) {
			t.Errorf("card %d is %q, want %q", i+1, c, want[i])
		}
	}
}

// oneField is a text as a one-line field holds it: tabs and line breaks
// read as spaces, the ends trimmed.
func oneField(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ").Replace(s))
}

func TestQuizlet(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    *quiz.Quiz
	}{{"builtin", testQuiz(t)}, {"special", specialQuiz(t)}} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			notes, err := Quizlet(&buf, tc.q, testOpt)
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "builtin" {
				golden(t, "quiz.quizlet.txt", buf.Bytes())
				if len(notes) != 0 {
					t.Errorf("notes %q", notes)
				}
			}
			checkQuizlet(t, tc.q, buf.Bytes(), notes)
		})
	}
}

func FuzzQuizletField(f *testing.F) {
	for _, s := range specialStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := quizletField(s)
		if strings.ContainsAny(got, "\t\n\r") {
			t.Fatalf("%q kept a separator: %q", s, got)
		}
		if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(s), " ") {
			t.Fatalf("%q changed words: %q", s, got)
		}
	})
}
