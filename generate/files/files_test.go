package files

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/export"
	"github.com/quizcard/quizcard/generate/pdf"
	"github.com/quizcard/quizcard/generate/quiz"
)

func build(t *testing.T, opt quiz.Options) (*quiz.Quiz, *bank.Bank) {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Build(b, opt, rand.New(rand.NewPCG(1, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return q, b
}

// TestQuiz: one job per file the formats ask for, named as the README's
// format table says, and quiz.json decodes to the quiz it was made from.
func TestQuiz(t *testing.T) {
	q, b := build(t, quiz.Options{Count: 6})
	jobs, _, err := Quiz(q, b, Options{Formats: map[string]bool{"pdf": true, "json": true, "gift": true}, Paper: pdf.A4})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range jobs {
		names = append(names, j.Name)
	}
	if got := strings.Join(names, " "); got != "quiz.pdf quiz-key.pdf quiz.json quiz.gift" {
		t.Fatalf("jobs %q", got)
	}
	var buf bytes.Buffer
	if _, err := jobs[2].Write(&buf); err != nil {
		t.Fatal(err)
	}
	var back quiz.Quiz
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Seed != q.Seed || len(back.Questions) != len(q.Questions) {
		t.Fatalf("quiz.json: %v (%d questions)", err, len(back.Questions))
	}
	if note, err := jobs[0].Write(io.Discard); err != nil || !strings.HasPrefix(note, "students, ") {
		t.Fatalf("quiz.pdf: %q, %v", note, err)
	}
}

// TestNothingToWrite: a format that can carry none of the quiz, asked for
// alone, is an error that says why, not an empty file.
func TestNothingToWrite(t *testing.T) {
	q, b := build(t, quiz.Options{Count: 1, Forms: []quiz.Form{quiz.Match}})
	_, _, err := Quiz(q, b, Options{Formats: map[string]bool{"kahoot": true}, Export: export.Options{}})
	if err == nil || !strings.Contains(err.Error(), "nothing to write") {
		t.Fatalf("got %v", err)
	}
}
