package quiz

import (
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
)

// addFeedback fills Question.Feedback from the facts' feedback tables: for
// multiple choice, the text of each wrong option the bank explains; for a
// false true/false statement, why the wrong option it was filled with is
// wrong, under "True" (the choice that is then wrong). It reads only what
// Build already decided, so it can run after any way of building.
func addFeedback(b *bank.Bank, qs []Question) {
	for i := range qs {
		q := &qs[i]
		if len(q.Facts) != 1 || (q.Form != MC && q.Form != TF) {
			continue
		}
		f, ok := b.Fact(q.Facts[0])
		if !ok || f.Feedback == nil {
			continue
		}
		fb := make([]string, len(q.Options))
		found := false
		for k, w := range f.Wrong {
			why := f.Feedback[k]
			if why == "" {
				continue
			}
			switch q.Form {
			case MC:
				for j, opt := range q.Options {
					if j != q.Answer && bank.Fold(opt) == bank.Fold(b.Text(w)) {
						fb[j], found = why, true
					}
				}
			case TF:
				if q.Answer == 1 && f.Statement != "" && q.Prompt == fillSlot(f.Statement, b.Text(w)) {
					fb[0], found = why, true
				}
			}
		}
		if found {
			q.Feedback = fb
		}
	}
}

// A Statement is a fact's true statement around its answer: Before +
// Answer + After is the sentence, with the answer as fillSlot puts it.
type Statement struct {
	Before string `json:"before"`
	Answer string `json:"answer"`
	After  string `json:"after"`
}

// addStatements fills Question.Statement for multiple-choice and
// true/false questions whose fact has a statement.
func addStatements(b *bank.Bank, qs []Question) {
	for i := range qs {
		q := &qs[i]
		if len(q.Facts) != 1 || (q.Form != MC && q.Form != TF) {
			continue
		}
		f, ok := b.Fact(q.Facts[0])
		if !ok || f.Statement == "" {
			continue
		}
		before, after, _ := strings.Cut(f.Statement, "{answer}")
		answer := b.Text(f.Answer)
		if before == "" {
			answer = fillSlot("{answer}", answer)
		}
		q.Statement = &Statement{Before: before, Answer: answer, After: after}
	}
}
