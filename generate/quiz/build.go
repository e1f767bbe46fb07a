package quiz

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
)

// plan is how many questions of each form a quiz gets.
type plan map[Form]int

// questions picks facts and entity sets and turns them into questions in
// canonical order: multiple choice, true/false, matching, ordering.
func (g *gen) questions(opt Options) ([]Question, error) {
	matches := g.matchSets(opt.Filter)
	orders := g.orderable(opt.Filter)
	p, err := planForms(opt, len(matches), len(orders) >= 4)
	if err != nil {
		return nil, err
	}
	facts := g.b.Select(opt.Filter)
	need := p[MC] + p[TF]
	if len(facts) < need {
		if need != opt.Count { // say the number asked, then what the facts must cover
			return nil, fmt.Errorf("only %d %s; asked for %d questions, %d of them from one fact each",
				len(facts), describeFilter(opt.Filter, len(facts)), opt.Count, need)
		}
		return nil, fmt.Errorf("only %d %s; asked for %d", len(facts), describeFilter(opt.Filter, len(facts)), need)
	}

	// True/false first, from facts that have a statement; multiple choice
	// from the rest, among facts that can offer enough wrong options.
	order := g.rng.Perm(len(facts))
	used := make([]bool, len(facts))
	var tfFacts, mcFacts []bank.Fact
	var mcWrong [][]bank.Value
	for _, i := range order {
		if len(tfFacts) == p[TF] {
			break
		}
		if facts[i].Statement != "" {
			tfFacts = append(tfFacts, facts[i])
			used[i] = true
		}
	}
	if len(tfFacts) < p[TF] {
		return nil, fmt.Errorf("only %d %s have a true/false statement; asked for %d true/false questions", len(tfFacts), describeFilter(opt.Filter, 2), p[TF])
	}
	for _, i := range order {
		if len(mcFacts) == p[MC] {
			break
		}
		if used[i] {
			continue
		}
		wrong, err := g.distractors(facts[i], opt.Choices-1)
		if err != nil {
			continue
		}
		mcFacts = append(mcFacts, facts[i])
		mcWrong = append(mcWrong, wrong)
		used[i] = true
	}
	if len(mcFacts) < p[MC] {
		return nil, fmt.Errorf("only %d %s can offer %d wrong options; asked for %d multiple-choice questions with --choices %d",
			len(mcFacts), describeFilter(opt.Filter, 2), opt.Choices-1, p[MC], opt.Choices)
	}

	var qs []Question
	for i, f := range mcFacts {
		q := g.factQuestion(f, MC)
		q.Options = append([]string{g.b.Text(f.Answer)}, texts(g.b, mcWrong[i])...)
		for j := range q.Options {
			q.Options[j] = capitalise(q.Options[j]) // "the United States" reads as a list item
		}
		q.Correct = q.Options[q.Answer]
		qs = append(qs, q)
	}
	// Half the statements true, half false, at random.
	truths := make([]bool, len(tfFacts))
	for i := range truths {
		truths[i] = i < len(truths)/2 || (i == len(truths)/2 && len(truths)%2 == 1 && g.rng.IntN(2) == 0)
	}
	g.rng.Shuffle(len(truths), func(i, j int) { truths[i], truths[j] = truths[j], truths[i] })
	for i, f := range tfFacts {
		q, err := g.trueFalse(f, truths[i])
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	for _, i := range g.rng.Perm(len(matches))[:p[Match]] {
		qs = append(qs, g.match(matches[i]))
	}
	usedEvents := map[string]bool{}
	for _, q := range qs {
		if q.Form == Match {
			for _, id := range q.Entities {
				usedEvents[id] = true
			}
		}
	}
	for n := 0; n < p[Order]; n++ {
		qs = append(qs, g.order(orders, usedEvents))
	}
	for i := range qs {
		qs[i].ID = fmt.Sprintf("q%d", i+1)
	}
	return qs, nil
}

// planForms decides how many questions of each form to ask.
func planForms(opt Options, matchSets int, canOrder bool) (plan, error) {
	p := plan{}
	forms := opt.Forms
	if len(forms) == 0 {
		// The default mix: mostly multiple choice, some true/false, and one
		// matching and one ordering question in longer quizzes.
		if opt.Count >= 8 && matchSets > 0 {
			p[Match] = 1
		}
		if opt.Count >= 10 && canOrder {
			p[Order] = 1
		}
		rest := opt.Count - p[Match] - p[Order]
		p[TF] = int(math.Round(float64(rest) * 0.25))
		if rest < 4 {
			p[TF] = 0
		}
		p[MC] = rest - p[TF]
		return p, nil
	}
	has := map[Form]bool{}
	for _, f := range forms {
		has[f] = true
	}
	rest := opt.Count
	if has[Match] {
		if matchSets == 0 {
			return nil, fmt.Errorf("no matching question is possible with these kinds (needs who or when)")
		}
		p[Match] = 1
		if !has[MC] && !has[TF] && !has[Order] {
			p[Match] = min(matchSets, rest)
		}
		rest -= p[Match]
	}
	if has[Order] {
		if !canOrder {
			return nil, fmt.Errorf("no ordering question is possible with these kinds (needs when, and 4 dated events)")
		}
		p[Order] = 1
		rest -= p[Order]
	}
	switch {
	case has[MC] && has[TF]:
		p[TF] = rest / 3
		p[MC] = rest - p[TF]
	case has[MC]:
		p[MC] = rest
	case has[TF]:
		p[TF] = rest
	}
	total := p[MC] + p[TF] + p[Match] + p[Order]
	if total != opt.Count || rest < 0 {
		return nil, fmt.Errorf("forms %s can make only %d questions; asked for %d", joinForms(forms), total, opt.Count)
	}
	return p, nil
}

func joinForms(fs []Form) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return strings.Join(s, ",")
}

// describeFilter names the facts a filter selects, for messages.
func describeFilter(f bank.Filter, n int) string {
	noun := "facts"
	if n == 1 {
		noun = "fact"
	}
	var parts []string
	if len(f.Kinds) > 0 {
		parts = append(parts, "of kind "+strings.Join(f.Kinds, " or "))
	}
	if len(f.Tags) > 0 {
		parts = append(parts, "tagged "+strings.Join(f.Tags, " or "))
	}
	if len(f.Difficulties) > 0 {
		ds := make([]string, len(f.Difficulties))
		for i, d := range f.Difficulties {
			ds[i] = fmt.Sprint(d)
		}
		parts = append(parts, "of difficulty "+strings.Join(ds, " or "))
	}
	if len(parts) == 0 {
		return noun + " in the bank"
	}
	return noun + " " + strings.Join(parts, ", ")
}

func texts(b *bank.Bank, vs []bank.Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = b.Text(v)
	}
	return out
}

func (g *gen) factQuestion(f bank.Fact, form Form) Question {
	return Question{
		Form:    form,
		Facts:   []string{f.ID},
		Prompt:  f.Ask,
		Correct: g.b.Text(f.Answer),
		Explain: f.Explain,
		Source:  f.Source,
		Kind:    f.Kind,
	}
}

// trueFalse states f with its answer (true) or with a wrong option (false).
func (g *gen) trueFalse(f bank.Fact, true_ bool) (Question, error) {
	q := g.factQuestion(f, TF)
	q.Options = []string{"True", "False"}
	fill := g.b.Text(f.Answer)
	q.Answer = 0
	q.Correct = "True"
	if !true_ {
		wrong, err := g.distractors(f, 1)
		if err != nil {
			return q, err
		}
		fill = g.b.Text(wrong[0])
		q.Answer = 1
		q.Correct = "False: " + fillSlot(f.Statement, g.b.Text(f.Answer))
	}
	q.Prompt = fillSlot(f.Statement, fill)
	return q, nil
}

// fillSlot puts s into a statement's {answer} slot, capitalising it when it
// starts the sentence.
func fillSlot(statement, s string) string {
	if strings.HasPrefix(statement, "{answer}") {
		r, n := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return strings.Replace(statement, "{answer}", s, 1)
}

// A matchSet is a family of pairs a matching question can draw from.
type matchSet struct {
	prompt string
	ids    []string
	left   []string
	right  []string
}

// matchSets returns the matching questions the bank supports under the
// filter: people to roles (who), events to dates (when).
func (g *gen) matchSets(f bank.Filter) []matchSet {
	allowed := func(kind string) bool { return len(f.Kinds) == 0 || slices.Contains(f.Kinds, kind) }
	var sets []matchSet
	if allowed("who") {
		s := matchSet{prompt: "Match each person to their role."}
		seen := map[string]bool{}
		for _, e := range g.b.Pool(bank.People) {
			if e.Role != "" && !seen[bank.Fold(e.Role)] {
				seen[bank.Fold(e.Role)] = true
				s.ids, s.left, s.right = append(s.ids, e.ID), append(s.left, e.Name), append(s.right, e.Role)
			}
		}
		if len(s.ids) >= 4 {
			sets = append(sets, s)
		}
	}
	if allowed("when") {
		s := matchSet{prompt: "Match each event to its date."}
		seen := map[string]bool{}
		for _, e := range g.b.Pool(bank.Events) {
			if !seen[e.Date.String()] {
				seen[e.Date.String()] = true
				s.ids, s.left, s.right = append(s.ids, e.ID), append(s.left, capitalise(e.Name)), append(s.right, e.Date.String())
			}
		}
		if len(s.ids) >= 4 {
			sets = append(sets, s)
		}
	}
	return sets
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// match picks 4 or 5 pairs of a set.
func (g *gen) match(s matchSet) Question {
	n := min(5, len(s.ids))
	idx := g.rng.Perm(len(s.ids))[:n]
	q := Question{Form: Match, Prompt: s.prompt}
	for _, i := range idx {
		q.Entities = append(q.Entities, s.ids[i])
		q.Left = append(q.Left, s.left[i])
		q.Right = append(q.Right, s.right[i])
	}
	pairs := make([]string, n)
	for i := range q.Left {
		pairs[i] = q.Left[i] + " → " + q.Right[i]
	}
	q.Correct = strings.Join(pairs, "; ")
	return q
}

// orderable returns the events with a year, earliest first, that an
// ordering question can use (no two on the same date).
func (g *gen) orderable(f bank.Filter) []bank.Entity {
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, "when") {
		return nil
	}
	var out []bank.Entity
	for _, e := range g.b.Pool(bank.Events) {
		if e.Date.Precision != bank.MonthDay && !e.Date.IsZero() {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Compare(out[j].Date) < 0 })
	var distinct []bank.Entity
	for i, e := range out {
		if i > 0 && e.Date.Compare(out[i-1].Date) == 0 {
			continue
		}
		distinct = append(distinct, e)
	}
	return distinct
}

// order picks 4 or 5 events, preferring ones no matching question uses.
func (g *gen) order(events []bank.Entity, avoid map[string]bool) Question {
	var fresh []bank.Entity
	for _, e := range events {
		if !avoid[e.ID] {
			fresh = append(fresh, e)
		}
	}
	if len(fresh) >= 4 {
		events = fresh
	}
	n := min(5, len(events))
	idx := g.rng.Perm(len(events))[:n]
	sort.Ints(idx) // events are sorted, so this is date order
	q := Question{Form: Order, Prompt: "Put these events in order, earliest first."}
	var dated []string
	for _, i := range idx {
		e := events[i]
		avoid[e.ID] = true
		q.Entities = append(q.Entities, e.ID)
		q.Items = append(q.Items, capitalise(e.Name))
		dated = append(dated, e.Date.String()+": "+e.Name)
	}
	q.Correct = strings.Join(dated, "; ")
	return q
}
