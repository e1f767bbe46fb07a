package quiz

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// What one paper may hold together (all versions share their questions):
//
//  8. No item's answer is named in another item's stem, statement,
//     matching or ordering labels, or in an option that says more than the
//     answer ("The four-point deal" gives away "How many points…?"), nor in
//     the quiz title (nor its month or year, for a date). A matching or
//     ordering question shows no option of a multiple-choice item: with
//     the answer kept off it, the option it leaves out would be the answer.
//     Two items never share an answer. HDR 28 ("avoid giving clues to the
//     right answer") and HDR 4 ("keep the content of each item independent
//     from content of other items"): a question must not be answerable
//     from the paper.
//  9. At most one item per sentence group: facts whose excerpts lie in one
//     sentence of the article (or that the bank groups by hand) test one
//     point, and two items on it answer each other (HDR 4 again:
//     items independent). Matching and ordering never share events.
//  10. Kinds are spread: no kind takes more than about 40% of the
//     multiple-choice and true/false items, unless --kinds asks for fewer
//     kinds or the bank cannot do better (HDR 1–2: sample the content).
//  11. When the rules leave fewer clean items than asked, say so and say
//     why, rather than lowering quality silently.

// kindShare is the most of the multiple-choice and true/false items one
// kind may take (rule 10).
const kindShare = 0.4

// attempts is how many shuffled tries the paper gets to fill every form.
const attempts = 60

// conflicts reports whether two items may not share a paper (rules 8, 9).
func conflicts(a, b *item) bool {
	for _, x := range a.groups {
		if slices.Contains(b.groups, x) {
			return true
		}
	}
	for _, e := range a.events {
		if slices.Contains(b.events, e) {
			return true
		}
	}
	return cues(a, b) || cues(b, a) || eliminates(a, b) || eliminates(b, a) || sameAnswer(a, b) ||
		retells(a, b) || retells(b, a)
}

// retells reports whether a label of matching or ordering question b
// tells the same event as fact item a: three or more of its words in a's
// question or statement ("The record number of migrant crossings" beside
// "A record number of migrants crossed the Channel last year"), so that b
// vouches for a (HDR 4).
func retells(a, b *item) bool {
	if a.fact == nil || b.q.Form != Match && b.q.Form != Order {
		return false
	}
	text := a.q.Prompt + " " + a.truth + " " + strings.Join(a.falses, " ")
	for _, l := range append(append([]string{}, b.q.Left...), b.q.Items...) {
		if len(echoes(text, l)) >= 3 {
			return true
		}
	}
	return false
}

// sameAnswer reports whether two fact items have one answer ("India" for
// where the parents came from and where they travelled): a student who
// knows one has the other, among the same options (HDR 4).
func sameAnswer(a, b *item) bool {
	if a.fact == nil || b.fact == nil || a.fact.Answer.Type != b.fact.Answer.Type {
		return false
	}
	x, y := a.fact.Answer, b.fact.Answer
	switch x.Type {
	case bank.EntityValue:
		return x.Entity == y.Entity
	case bank.NumberValue:
		return x.Number.Value == y.Number.Value && x.Number.Unit == y.Number.Unit
	case bank.DateValue:
		return x.Date.Compare(y.Date) == 0 && x.Date.Precision == y.Date.Precision
	}
	return false
}

// eliminates reports whether matching or ordering question b shows any
// option of multiple-choice item a. Rule 8 keeps a's answer off b, so a
// student who sees a's other options listed in b picks the one b leaves
// out (HDR 4: items independent).
func eliminates(a, b *item) bool {
	if a.q.Form != MC || b.q.Form != Match && b.q.Form != Order {
		return false
	}
	for _, o := range a.opts {
		if has(b.text, o) {
			return true
		}
	}
	return false
}

// cues reports whether b's text gives a's answer away.
func cues(a, b *item) bool {
	if hasAny(b.text, a.keys) {
		return true
	}
	// An option that is exactly a's answer is just a name on a list; one
	// that holds it among other words says something about it.
	for _, o := range b.opts {
		for _, k := range a.keys {
			if !strings.EqualFold(o, k) && has(o, k) {
				return true
			}
		}
	}
	return false
}

// narrows reports whether a title gives a date item part of its answer:
// its month and year ("May 2009" for 8 May 2009), or its year for a month
// (rule 8): options in other months are then ruled out.
func narrows(it *item, title string) bool {
	if it.fact == nil || it.fact.Answer.Type != bank.DateValue {
		return false
	}
	d := it.fact.Answer.Date
	switch d.Precision {
	case bank.Day, bank.Month:
		if d.Precision == bank.Month {
			return has(title, strconv.Itoa(d.Year))
		}
		month := time.Month(d.Month).String()
		return hasAny(title, []string{month + " " + strconv.Itoa(d.Year), monthAbbrev[d.Month] + " " + strconv.Itoa(d.Year)})
	}
	return false
}

// A paper is the items chosen so far.
type paper struct {
	items []*item
	kinds map[string]int
	forms map[Form]int
	memo  map[[2]*item]bool // conflicts already worked out, across tries
}

func (p *paper) fits(it *item) bool {
	for _, x := range p.items {
		k := [2]*item{x, it}
		c, ok := p.memo[k]
		if !ok {
			c = conflicts(x, it)
			p.memo[k] = c
		}
		if c {
			return false
		}
	}
	return true
}

func (p *paper) add(it *item) {
	p.items = append(p.items, it)
	p.forms[it.q.Form]++
	if it.q.Form == MC || it.q.Form == TF {
		p.kinds[it.kind]++
	}
}

// choose fills the plan from the candidates, under rules 8–10, trying
// shuffled orders and keeping the fullest paper. title is the quiz title;
// items it cues are never chosen. banned items are skipped.
func (g *gen) choose(p plan, facts []*factItems, matches []matchSet, events []bank.Entity, title string, banned func(*item) bool) *paper {
	titleItem := &item{text: normalize(title)}
	usable := func(it *item) bool {
		return it != nil && !banned(it) && !cues(it, titleItem) && !narrows(it, titleItem.text)
	}
	fixed := p[MC] + p[TF]
	kindCap := max(1, int(math.Round(kindShare*float64(fixed))))
	var best *paper
	memo := map[[2]*item]bool{}
	for try := 0; try < attempts; try++ {
		// Later tries relax the kind spread, which a small bank or a
		// narrow filter may not allow.
		limit := kindCap + try/(attempts/4)
		pp := &paper{kinds: map[string]int{}, forms: map[Form]int{}, memo: memo}
		for _, i := range g.rng.Perm(len(matches)) {
			if pp.forms[Match] == p[Match] {
				break
			}
			if it := g.match(matches[i]); usable(it) && pp.fits(it) {
				pp.add(it)
			}
		}
		if p[Order] > 0 {
			avoid := map[string]bool{}
			for _, x := range pp.items {
				for _, e := range x.events {
					avoid[e] = true
				}
			}
			if it := g.order(events, avoid); usable(it) && pp.fits(it) {
				pp.add(it)
			}
		}
		for _, i := range g.rng.Perm(len(facts)) {
			fi := facts[i]
			if pp.forms[MC]+pp.forms[TF] == fixed {
				break
			}
			if pp.kinds[fi.fact.Kind] >= limit {
				continue
			}
			// Fill true/false and multiple choice in proportion to what
			// each still needs.
			tfLeft, mcLeft := p[TF]-pp.forms[TF], p[MC]-pp.forms[MC]
			first, second := fi.mc, fi.tf
			if tfLeft > 0 && (mcLeft <= 0 || g.rng.IntN(tfLeft+mcLeft) < tfLeft) {
				first, second = fi.tf, fi.mc
			}
			for _, make := range []func() (*item, error){first, second} {
				it, _ := make()
				if !usable(it) || !pp.fits(it) {
					continue
				}
				if it.q.Form == MC && mcLeft <= 0 && p[MC] == 0 || it.q.Form == TF && tfLeft <= 0 && p[TF] == 0 {
					continue // a form the quiz does not ask for
				}
				pp.add(it)
				break
			}
		}
		if best == nil || len(pp.items) > len(best.items) {
			best = pp
		}
		if len(pp.items) == p[MC]+p[TF]+p[Match]+p[Order] {
			break
		}
	}
	return best
}

// A ShortError says that the rules leave fewer clean questions than were
// asked for, and why (rule 11).
type ShortError struct {
	Asked, Possible int
	Why             string
}

func (e *ShortError) Error() string {
	return fmt.Sprintf("%d questions asked; the bank gives only %d clean %s under these options: %s", e.Asked, e.Possible, english.PluralWord(e.Possible, "one", ""), e.Why)
}

// explainShort says what limits a paper: how many facts make a clean item
// of each form, and how many sentence groups they come from.
func explainShort(facts []*factItems, f bank.Filter, choices int) string {
	mc, tf := 0, 0
	groups := map[int]bool{}
	for _, fi := range facts {
		m, _ := fi.mc()
		t, _ := fi.tf()
		if m != nil {
			mc++
		}
		if t != nil {
			tf++
		}
		if m != nil || t != nil {
			for _, g := range fi.groups {
				groups[g] = true
			}
		}
	}
	return fmt.Sprintf("%d %s %s %s (%d options) and %s from %s; "+
		"a paper takes one item per group, and no item whose answer another item names. "+
		"Lower --count, widen --kinds or --tags, or see 'quizcard check' for what the bank needs",
		len(facts), describeFilter(f, len(facts)), english.PluralWord(len(facts), "makes", "make"), english.Plural(mc, "multiple-choice item", ""),
		choices, english.Plural(tf, "true/false item", ""), english.Plural(len(groups), "sentence group", ""))
}

// questions chooses the quiz's questions and writes them into q in
// canonical order: multiple choice, true/false, matching, ordering. It
// audits the result and replaces items that break a rule.
func (g *gen) questions(q *Quiz, opt Options) error {
	groups, groupsOf := g.groups, g.groupsOf
	facts := g.b.Select(opt.Filter)
	matches := g.matchSets(opt.Filter, groupsOf)
	events := g.orderable(opt.Filter)
	p, err := planForms(opt, len(matches), len(events) >= 4)
	if err != nil {
		return err
	}
	if need := p[MC] + p[TF]; len(facts) < need {
		return fmt.Errorf("only %d %s, but --count %d needs %d: every multiple-choice or true/false question asks a fact of its own%s; use --count %d or fewer, or add facts",
			len(facts), describeFilter(opt.Filter, len(facts)), opt.Count, need, fromEntities(p), len(facts)+p[Match]+p[Order])
	}
	cands := g.candidates(facts, opt.Choices, groups)
	total := p[MC] + p[TF] + p[Match] + p[Order]
	bannedFacts := map[string]bool{}
	bannedForms := map[Form]int{}
	banned := func(it *item) bool {
		if it.fact != nil {
			return bannedFacts[it.fact.ID+"/"+string(it.q.Form)]
		}
		return bannedForms[it.q.Form] > 2 // a matching or ordering item is re-drawn
	}
	for round := 0; ; round++ {
		pp := g.choose(p, cands, matches, events, opt.Title, banned)
		if len(pp.items) < total {
			return &ShortError{Asked: opt.Count, Possible: len(pp.items), Why: explainShort(cands, opt.Filter, opt.Choices)}
		}
		q.Questions = g.finish(pp)
		vs := Audit(g.b, q)
		if len(vs) == 0 || round == 5 {
			if len(vs) > 0 {
				return fmt.Errorf("internal error: item rules still broken after 5 rounds: %v", vs[0])
			}
			return nil
		}
		for _, v := range vs {
			qu := q.Question(v.Question)
			if qu == nil {
				continue
			}
			if len(qu.Facts) == 1 {
				bannedFacts[qu.Facts[0]+"/"+string(qu.Form)] = true
			} else {
				bannedForms[qu.Form]++
			}
		}
	}
}

// finish turns the chosen items into questions in canonical order. Half
// the true/false statements are true, at random; a false one shows a false
// version that gives no other item away.
func (g *gen) finish(pp *paper) []Question {
	var out []Question
	var tfs []*item
	for _, f := range Forms {
		for _, it := range pp.items {
			if it.q.Form != f {
				continue
			}
			if f == TF {
				tfs = append(tfs, it)
			}
			out = append(out, it.q)
		}
	}
	truths := make([]bool, len(tfs))
	for i := range truths {
		truths[i] = i < len(truths)/2 || (i == len(truths)/2 && len(truths)%2 == 1 && g.rng.IntN(2) == 0)
	}
	g.rng.Shuffle(len(truths), func(i, j int) { truths[i], truths[j] = truths[j], truths[i] })
	at := 0
	for i := range out {
		out[i].ID = fmt.Sprintf("q%d", i+1)
		if out[i].Form != TF {
			continue
		}
		it := tfs[at]
		out[i].Prompt, out[i].Answer, out[i].Correct = it.truth, 0, "True"
		if !truths[at] {
			if s, ok := g.falseStatement(it, pp); ok {
				out[i].Prompt, out[i].Answer, out[i].Correct = s, 1, "False: "+it.truth
			}
		}
		at++
	}
	return out
}

// falseStatement picks one of it's false versions that names no other
// item's answer.
func (g *gen) falseStatement(it *item, pp *paper) (string, bool) {
	for _, i := range g.rng.Perm(len(it.falses)) {
		s := it.falses[i]
		probe := &item{text: normalize(s)}
		clean := true
		for _, x := range pp.items {
			if x != it && cues(x, probe) {
				clean = false
				break
			}
		}
		if clean {
			return s, true
		}
	}
	return "", false
}

// fromEntities says which questions of plan p need no fact of their own.
func fromEntities(p plan) string {
	var parts []string
	if p[Match] > 0 {
		parts = append(parts, fmt.Sprintf("%d matching", p[Match]))
	}
	if p[Order] > 0 {
		parts = append(parts, fmt.Sprintf("%d ordering", p[Order]))
	}
	if len(parts) == 0 {
		return ""
	}
	return ", and only the " + strings.Join(parts, " and ") + " question come from entities"
}
