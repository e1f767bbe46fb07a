package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/quiz"
)

func TestQuizlet(t *testing.T) {
	for _, q := range []*quiz.Quiz{testQuiz(t), specialQuiz(t)} {
		var buf bytes.Buffer
		notes, err := Quizlet(&buf, q)
		if err != nil {
			t.Fatal(err)
		}
		if q.Seed == 7 && !strings.Contains(q.Questions[0].Prompt, "~") {
			golden(t, "quiz.quizlet.txt", buf.Bytes())
		}
		cards := 0
		for _, it := range items(q) {
			if it.q.Form == quiz.Match {
				cards += len(it.q.Left)
			} else {
				cards++
			}
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines)+len(notes) < cards || len(lines) > cards {
			t.Errorf("%d lines for %d cards (%d notes)", len(lines), cards, len(notes))
		}
		for _, l := range lines {
			parts := strings.Split(l, "\t")
			if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
				t.Errorf("bad card line %q", l)
			}
		}
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
