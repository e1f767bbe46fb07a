package export

import (
	"flag"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/quiz"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testQuiz is the quiz every golden file is made from: the built-in bank,
// all four forms, a fixed seed.
func testQuiz(t testing.TB) *quiz.Quiz {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Build(b, quiz.Options{Count: 10, Versions: 2, Seed: 7}, rand.New(rand.NewPCG(7, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// specialStrings are texts that break naive exporters.
var specialStrings = []string{
	"a ~ b = c # d { e } f : g", `back\slash \n not a newline`, "]]> end of CDATA", "<script>alert(1)</script>",
	`"double" 'single' “curly” ‘quotes’`, "tab\there", "line\nbreak", "carriage\r\nreturn", "\u200fRTL mark \u202eoverride",
	"%50% of votes", "& ampersand &amp; entity", "-> arrow", "émigré Ğ", "trailing space ", "",
}

// specialQuiz is a quiz whose texts are full of special characters.
func specialQuiz(t testing.TB) *quiz.Quiz {
	t.Helper()
	q := testQuiz(t)
	i := 0
	next := func() string {
		s := specialStrings[i%len(specialStrings)]
		i++
		if s == "" || s == "trailing space " || s == "-> arrow" {
			s = "x " + s + " y"
		}
		return "Q" + string(rune('a'+i%26)) + " " + s
	}
	for k := range q.Questions {
		qu := &q.Questions[k]
		qu.Prompt = next()
		qu.Explain = next()
		qu.Source = next()
		for j := range qu.Options {
			if qu.Form == quiz.MC {
				qu.Options[j] = next()
			}
		}
		for j := range qu.Left {
			qu.Left[j] = next()
			qu.Right[j] = next()
		}
		for j := range qu.Items {
			qu.Items[j] = next()
		}
	}
	return q
}

// golden compares data with testdata/name; -update rewrites it. With
// QUIZCARD_GOLDEN=off in the environment it compares nothing, so that a
// mutation run measures the semantic tests alone.
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	if os.Getenv("QUIZCARD_GOLDEN") == "off" && !*update {
		return
	}
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(data) {
		t.Errorf("%s differs from the golden file (go test ./generate/export -update after a deliberate change)", name)
	}
}

// unhtml undoes htmlText.
func unhtml(s string) string { return html.UnescapeString(s) }

// testQuizSeed is testQuiz with another seed.
func testQuizSeed(t testing.TB, seed uint64) *quiz.Quiz {
	t.Helper()
	b, err := bank.Load("../../questions.toml")
	if err != nil {
		t.Fatal(err)
	}
	q, err := quiz.Build(b, quiz.Options{Count: 10, Versions: 2, Seed: seed}, rand.New(rand.NewPCG(seed, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return q
}
