package export

import (
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/quiz"
)

// TestTitle: a question's name is the prompt's first words, whole, up to
// 60 characters, then its id.
func TestTitle(t *testing.T) {
	sixty := strings.Repeat("abcd ", 11) + "abcd" // 59 characters
	for _, tc := range []struct {
		prompt string
		facts  []string
		want   string
	}{
		{"Who?", []string{"f"}, "Who? (f)"},
		{sixty, []string{"f"}, sixty + " (f)"},
		{sixty + "e", []string{"f"}, sixty + "e (f)"}, // 60: still whole
		{sixty + " ab", []string{"f"}, sixty + "… (f)"},
		{"  many   spaces\n here ", []string{"f"}, "many spaces here (f)"},
		{strings.Repeat("x", 70), []string{"f"}, strings.Repeat("x", 70) + " (f)"}, // one long word is kept
		{"émigré " + strings.Repeat("é", 53), []string{"f"}, "émigré " + strings.Repeat("é", 53) + " (f)"},
		{"émigré " + strings.Repeat("é", 54), []string{"f"}, "émigré… (f)"},
	} {
		if got := Title(&quiz.Question{Prompt: tc.prompt, Facts: tc.facts}); got != tc.want {
			t.Errorf("Title(%q) = %q, want %q", tc.prompt, got, tc.want)
		}
	}
}

// TestID: a fact question is named by its fact; a matching or ordering
// question by its entities, in any order, and by its form.
func TestID(t *testing.T) {
	a := ID(&quiz.Question{Form: quiz.Match, Entities: []string{"x", "y", "z"}})
	b := ID(&quiz.Question{Form: quiz.Match, Entities: []string{"z", "x", "y"}})
	c := ID(&quiz.Question{Form: quiz.Order, Entities: []string{"x", "y", "z"}})
	d := ID(&quiz.Question{Form: quiz.Match, Entities: []string{"x", "y"}})
	if a != b || a == c || a == d || !strings.HasPrefix(a, "match-") || len(a) != len("match-")+10 {
		t.Errorf("ids %q %q %q %q", a, b, c, d)
	}
	if id := ID(&quiz.Question{Form: quiz.MC, Facts: []string{"naive-quote"}}); id != "naive-quote" {
		t.Errorf("fact question id %q", id)
	}
}

// TestEmpty: a quiz with nothing a format can carry gives Empty and no
// bytes, for every format that would write a platform file.
func TestEmpty(t *testing.T) {
	q := testQuiz(t)
	q.Versions[0].Items = nil
	for _, f := range Formats {
		if f.Name == "html" {
			continue // a page says there is nothing to answer
		}
		var b strings.Builder
		_, err := f.Write(&b, q, testOpt)
		if _, ok := err.(Empty); !ok || (b.Len() != 0 && f.Name != "gift" && f.Name != "moodle" && f.Name != "anki") {
			t.Errorf("%s: err %v, %d bytes", f.Name, err, b.Len())
		}
	}
}

// TestSourceLine: the source names the outlet and the article's date as
// people write it; a date that does not parse is shown as it is.
func TestSourceLine(t *testing.T) {
	q := testQuiz(t)
	if got := sourceLine(q); got != "Radio Farda (RFE/RL), 3 November 2019" {
		t.Errorf("source line %q", got)
	}
	q.Article.Date = "soon"
	if got := sourceLine(q); got != "Radio Farda (RFE/RL), soon" {
		t.Errorf("source line %q", got)
	}
}
