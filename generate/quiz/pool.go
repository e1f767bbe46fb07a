package quiz

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/quizcard/quizcard/generate/bank"
)

// Pool returns every clean question the bank can make under opt's filter
// and choices, for a learning platform's question bank rather than one
// paper: a question per fact (multiple choice where it can make a clean
// one, else true/false, half of those false at random) and one per
// matching set, each labelled with its group (Question.Group). Facts of
// one sentence group share a label, and so a platform drawing one question
// per group (a Moodle category with a random question, a Canvas question
// group that picks 1) never gives a student two questions on one point
// (rule 9 in paper.go). Every question passes the rules about itself
// (1–7); the rules about a whole paper (8, 10) cannot hold for papers the
// platform draws, which the README says. opt.Count and opt.Forms are not
// used; the pool has one version, for the option order.
func Pool(b *bank.Bank, opt Options, rng *rand.Rand) (*Quiz, error) {
	opt, err := opt.withDefaults(b)
	if err != nil {
		return nil, err
	}
	g := newGen(b, rng)
	q := &Quiz{Title: opt.Title, Seed: opt.Seed, Article: Article{
		Title: b.Article.Title, Outlet: b.Article.Outlet, Date: b.Article.Date.ISO(), URL: b.Article.URL,
	}}
	facts := b.Select(opt.Filter)
	label := map[int]string{} // sentence group -> the id of its first fact, in bank order
	var items []*item
	for _, fi := range g.candidates(facts, opt.Choices, g.groups) {
		it, _ := fi.mc()
		if it == nil {
			if it, _ = fi.tf(); it == nil {
				continue
			}
		}
		for _, x := range it.groups {
			if _, ok := label[x]; !ok {
				label[x] = fi.fact.ID
			}
		}
		items = append(items, it)
	}
	for _, s := range g.matchSets(opt.Filter, g.groupsOf) {
		m := g.match(s)
		m.q.Group = "matching: " + s.prompt
		items = append(items, m)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("no %s make a clean question: see 'quizcard check'", describeFilter(opt.Filter, 2))
	}
	// finish writes the items out form by form: sort them so first, so
	// that qs[i] is items[i].
	formAt := map[Form]int{MC: 0, TF: 1, Match: 2, Order: 3}
	sort.SliceStable(items, func(i, j int) bool { return formAt[items[i].q.Form] < formAt[items[j].q.Form] })
	qs := g.finish(&paper{items: items})
	for i, it := range items {
		if it.fact != nil {
			qs[i].Group = label[it.groups[0]]
		} else {
			qs[i].Group = it.q.Group
		}
	}
	// Only the rules about one question apply: audit each alone.
	var clean []Question
	for _, qu := range qs {
		one := &Quiz{Title: "Pool", Questions: []Question{qu}}
		if len(Audit(b, one)) == 0 {
			clean = append(clean, qu)
		}
	}
	sort.SliceStable(clean, func(i, j int) bool { return clean[i].Group < clean[j].Group })
	for i := range clean {
		clean[i].ID = fmt.Sprintf("q%d", i+1)
	}
	q.Questions = clean
	q.Versions = shuffle(q.Questions, 1, opt.Choices, rng)
	addFeedback(b, q.Questions)
	addStatements(b, q.Questions)
	return q, nil
}
