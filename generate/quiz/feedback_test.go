package quiz

import (
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// TestFeedback: each wrong option the bank explains carries its text, at
// its own index, in every seed; the right option and unexplained options
// carry none. The expected texts are copied by hand from the bank file.
func TestFeedback(t *testing.T) {
	b, err := bank.Load("../bank/testdata/valid/feedback.toml")
	if err != nil {
		t.Fatal(err)
	}
	why := map[string]string{ // option as shown -> feedback
		"Donald Trump": "Trump is the one Macron wanted Iran to meet.",
		"1979":         "1979 is the revolution, not the coup.",
		"400 days":     "Close, but the article says 444.",
		"600 days":     "Six hundred days would be well over a year and a half.",
	}
	seen := map[string]bool{}
	for seed := uint64(0); seed < 200; seed++ { // a tiny bank: cheap even in -short
		q, err := Build(b, Options{Count: 3, Forms: []Form{MC}}, rng(seed))
		if err != nil {
			t.Fatal(err)
		}
		for _, qu := range q.Questions {
			if qu.Feedback != nil && len(qu.Feedback) != len(qu.Options) {
				t.Fatalf("seed %d %s: %d feedback texts for %d options", seed, qu.ID, len(qu.Feedback), len(qu.Options))
			}
			for j, opt := range qu.Options {
				got := ""
				if qu.Feedback != nil {
					got = qu.Feedback[j]
				}
				want := why[opt]
				if j == qu.Answer {
					want = ""
				}
				if got != want {
					t.Errorf("seed %d %s: option %q has feedback %q, want %q", seed, qu.ID, opt, got, want)
				}
				seen[got] = seen[got] || got != ""
			}
		}
	}
	for _, text := range why {
		if !seen[text] {
			t.Errorf("feedback %q never shown in 200 seeds", text)
		}
	}
	// True/false: a false statement filled with Trump says why under "True".
	falseTrump := 0
	for seed := uint64(0); seed < 200; seed++ { // a tiny bank: cheap even in -short
		q, err := Build(b, Options{Count: 1, Forms: []Form{TF}}, rng(seed))
		if err != nil {
			t.Fatal(err)
		}
		qu := q.Questions[0]
		switch {
		case qu.Answer == 1 && strings.Contains(qu.Prompt, "Donald Trump"):
			falseTrump++
			if len(qu.Feedback) != 2 || qu.Feedback[0] != why["Donald Trump"] || qu.Feedback[1] != "" {
				t.Errorf("seed %d: %q has feedback %q", seed, qu.Prompt, qu.Feedback)
			}
		case qu.Feedback != nil:
			t.Errorf("seed %d: %q (answer %d) has feedback %q", seed, qu.Prompt, qu.Answer, qu.Feedback)
		}
	}
	if falseTrump == 0 {
		t.Error("no false statement with Trump in 200 seeds")
	}
}

// TestStatement: multiple-choice and true/false questions carry their
// fact's true statement split around the answer; others none.
func TestStatement(t *testing.T) {
	b, err := bank.Load("../bank/testdata/valid/feedback.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, forms := range [][]Form{{MC}, {TF}} {
		q, err := Build(b, Options{Count: 1, Forms: forms, Filter: bank.Filter{Kinds: []string{"quote"}}}, rng(1))
		if err != nil {
			t.Fatal(err)
		}
		got := q.Questions[0].Statement
		if got == nil || *got != (Statement{Before: "Khamenei called ", Answer: "Emmanuel Macron", After: " naive."}) {
			t.Errorf("%v: statement %+v", forms, got)
		}
	}
	q, err := Build(b, Options{Count: 1, Forms: []Form{MC}, Filter: bank.Filter{Kinds: []string{"number"}}}, rng(1))
	if err != nil {
		t.Fatal(err)
	}
	if q.Questions[0].Statement != nil {
		t.Errorf("a fact without a statement: %+v", q.Questions[0].Statement)
	}
}
