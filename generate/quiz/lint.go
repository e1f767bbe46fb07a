package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// A Report says what quizzes a bank can make under the item-writing rules:
// how many facts make a clean item of each form, how many sentence groups
// they come from (a paper holds one item per group), and what stops the
// others, with the fix.
type Report struct {
	Facts    int
	MC, TF   int // facts that make a clean multiple-choice / true/false item
	Choices  int // options per multiple-choice item the report assumes
	Groups   int // sentence groups with at least one clean item
	Problems []Problem
	// Cues are facts whose items are clean but carry a cue the bank could
	// remove: the answer is longer than every clean wrong option (HDR 24,
	// "keep the length of choices about equal"), or the item must be
	// filled with wrong options that say "never" or "always" where the
	// answer does not (HDR 28, "avoid specific determiners").
	Cues []Problem

	// NoStatement counts the facts with no statement, which a true/false
	// item needs.
	NoStatement int
}

// A Problem is a fact that cannot make a clean item of a form.
type Problem struct {
	Fact bank.Fact
	Form Form
	Why  string // what stops it and what to do
}

func (p Problem) String() string {
	return fmt.Sprintf("fact %q cannot make a clean %s item: %s", p.Fact.ID, p.Form.Name(), p.Why)
}

// Lint reports what quizzes b can make with choices options per
// multiple-choice item. It is what `quizcard check` prints after a bank
// passes.
func Lint(b *bank.Bank, choices int) Report {
	g := newGen(b, rand.New(rand.NewPCG(1, 2)))
	groups := g.groups
	r := Report{Facts: len(b.Facts), Choices: choices}
	seen := map[int]bool{}
	for _, fi := range g.candidates(b.Facts, choices, groups) {
		mc, mcWhy := fi.mc()
		tf, tfWhy := fi.tf()
		if mc != nil {
			r.MC++
			if g.alwaysLongest(fi.fact, mc.q.Prompt) {
				r.Cues = append(r.Cues, Problem{*fi.fact, MC, "its answer is longer than every wrong option the bank offers it: a student who picks the longest option gets it right; write wrong options as long as the answer"})
			}
			if marked := g.determinersNeeded(fi.fact, mc.q.Prompt, choices-1); len(marked) > 0 {
				r.Cues = append(r.Cues, Problem{*fi.fact, MC, fmt.Sprintf("its items need wrong options that say words like \"never\" or \"always\", which mark an option wrong: rephrase %s, or add other wrong options", quoteList(marked))})
			}
		} else {
			r.Problems = append(r.Problems, Problem{*fi.fact, MC, advice(mcWhy)})
		}
		if fi.fact.Statement == "" {
			r.NoStatement++
		}
		if tf != nil {
			r.TF++
		} else if fi.fact.Statement != "" {
			r.Problems = append(r.Problems, Problem{*fi.fact, TF, advice(tfWhy)})
		}
		if mc != nil || tf != nil {
			for _, x := range fi.groups {
				seen[x] = true
			}
		}
	}
	r.Groups = len(seen)
	return r
}

// alwaysLongest reports whether a fact's answer, a statement-length name,
// is longer than every clean wrong option the bank can give it.
func (g *gen) alwaysLongest(f *bank.Fact, stem string) bool {
	if f.Answer.Type != bank.EntityValue {
		return false
	}
	key := []rune(g.show(f.Answer))
	if len(key) <= statementLength {
		return false
	}
	all, _ := g.distractors(*f, stem, len(g.b.Entities))
	for _, v := range all {
		if len([]rune(g.show(v))) >= len(key) {
			return false
		}
	}
	return len(all) > 0
}

// determinersNeeded returns the wrong options with a specific determiner
// ("never", "always") that an item about f must use to have n wrong
// options, when its answer has none; nil when the bank has enough others.
func (g *gen) determinersNeeded(f *bank.Fact, stem string, n int) []string {
	if f.Answer.Type != bank.EntityValue || determined(g.show(f.Answer)) {
		return nil
	}
	all, _ := g.distractors(*f, stem, len(g.b.Entities))
	var marked []string
	plain := 0
	for _, v := range all {
		if determined(g.show(v)) {
			marked = append(marked, g.show(v))
		} else {
			plain++
		}
	}
	if plain >= n {
		return nil
	}
	return marked
}

// quoteList quotes a list for a message: "a", "b" and "c".
func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// advice turns why an item could not be made into what to do about it.
func advice(err error) string {
	var s *shortage
	if errors.As(err, &s) {
		return err.Error() + ": add plausible entities of that kind (foil = true for ones the article does not mention) or a wrong = [...] list"
	}
	return err.Error()
}

// Lines returns the report as check prints it, file naming the bank in
// file:line references.
func (r Report) Lines(file string) []string {
	made := fmt.Sprintf("  %d of %s %s a clean multiple-choice item, %d a true/false item",
		r.MC, english.Plural(r.Facts, "fact", ""), english.PluralWord(r.MC, "makes", "make"), r.TF)
	if r.NoStatement > 0 {
		made += fmt.Sprintf(" (%s no statement, which true/false needs)", english.Plural(r.NoStatement, "fact has", "facts have"))
	}
	out := []string{
		fmt.Sprintf("items (under the item-writing rules, %d options per multiple-choice question):", r.Choices),
		made,
		fmt.Sprintf("  %s %s one: a quiz takes one item per group, so at most %s (plus matching and ordering)",
			english.Plural(r.Groups, "sentence group", ""), english.PluralWord(r.Groups, "holds", "hold"), english.Plural(r.Groups, "fact question", "")),
	}
	for _, p := range r.Problems {
		out = append(out, fmt.Sprintf("  %s:%d: %s", file, p.Fact.Line, p))
	}
	for _, p := range r.Cues {
		out = append(out, fmt.Sprintf("  %s:%d: fact %q: %s", file, p.Fact.Line, p.Fact.ID, p.Why))
	}
	return out
}
