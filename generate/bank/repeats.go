package bank

import (
	"fmt"
	"strconv"
	"strings"
)

// sameNames reports entities whose names read the same after folding
// (case, spaces, curly quotes and dashes): a quiz could not tell them
// apart as options.
func (p *parser) sameNames(b *Bank, add func(int, string, string, ...any)) {
	first := map[string]Entity{}
	for _, e := range b.Entities {
		k := Fold(e.Name)
		if k == "" {
			continue
		}
		if f, dup := first[k]; dup {
			add(e.Line, fmt.Sprintf("%s %q", poolNoun[e.Pool], e.ID), "name %q reads the same as %s %q (line %d): give them names a student can tell apart",
				e.Name, poolNoun[f.Pool], f.ID, f.Line)
			continue
		}
		first[k] = e
	}
}

// alsoRepeats reports a fact's other true answers (also) that are the
// answer itself or listed twice.
func (p *parser) alsoRepeats(b *Bank, f Fact, add func(int, string, string, ...any)) {
	what := "fact " + strconv.Quote(f.ID)
	seen := map[string]bool{b.Key(f.Answer): true}
	for _, v := range f.Also {
		k := b.Key(v)
		switch {
		case k == b.Key(f.Answer):
			add(f.line("also"), what, "also %q is the answer itself: list only other answers that are also true", b.Text(v))
		case seen[k]:
			add(f.line("also"), what, "also %q is listed twice", b.Text(v))
		}
		seen[k] = true
	}
}

// wrongRepeats reports a fact's wrong answers that are true (the answer,
// or one of also) or listed twice: a distractor may be neither the answer
// nor another true answer.
func (p *parser) wrongRepeats(b *Bank, f Fact, add func(int, string, string, ...any)) {
	what := "fact " + strconv.Quote(f.ID)
	truths := map[string]bool{b.Key(f.Answer): true}
	for _, v := range f.Also {
		truths[b.Key(v)] = true
	}
	seen := map[string]bool{}
	for _, v := range f.Wrong {
		k := b.Key(v)
		switch {
		case k == b.Key(f.Answer):
			add(f.line("wrong"), what, "wrong answer %q is the right answer", b.Text(v))
		case truths[k]:
			add(f.line("wrong"), what, "wrong answer %q is also listed as true (also)", b.Text(v))
		case seen[k]:
			add(f.line("wrong"), what, "wrong answer %q is listed twice", b.Text(v))
		case v.Type == NumberValue && f.Answer.Type == NumberValue && f.Answer.Number.Implies(v.Number.Value):
			// Asked as a gap that keeps the qualifier, "more than ___":
			// a figure the qualifier covers is a second right answer.
			side := map[Bound]string{Above: "above", Below: "below"}[f.Answer.Number.Bound()]
			q := strings.ToLower(f.Answer.Number.Qualifier)
			add(f.line("wrong"), what, "wrong answer %s is true too: the article's “%s %s” makes “%s %s” true; give figures %s %s",
				v.Number.Digits(), q, f.Answer.Number.Digits(), q, v.Number.Digits(), side, f.Answer.Number.Digits())
		}
		seen[k] = true
	}
}
