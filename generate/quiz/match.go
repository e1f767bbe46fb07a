package quiz

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// Matching and ordering questions, and the rules that keep them fair:
//
//   - The right-hand list is longer than the left (HDR 9 lists matching
//     among the formats to use; a longer list is common classroom
//     practice): with equal lists the last pair follows by elimination.
//     Sets of people and events take one entity out and show its role or
//     date as the extra response; curated sets bring their own extras.
//   - No label holds its own answer ("The 1953 coup" → "1953"): such
//     events are left out of event → date sets and of ordering, where the
//     year gives the event's place away.
//   - Foils never appear: matching is about what the article says.
//   - Matching and ordering on one paper never use the same events.

// maxPairs is the most pairs a matching question shows.
const maxPairs = 5

// A matchSet is a family of pairs a matching question draws from.
type matchSet struct {
	kind   string
	prompt string
	ids    []string // left entity ids
	left   []string
	right  []string
	extra  []string // responses that go with no one
	groups []int    // sentence groups of its sources
	dates  []bank.Date
}

// allowed reports whether the filter lets a set of this kind and these
// tags in. Sets the bank does not tag (people → roles, events → dates)
// come only with no tag filter.
func allowed(f bank.Filter, kind string, tags []string) bool {
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, kind) {
		return false
	}
	if len(f.Tags) > 0 {
		for _, t := range tags {
			if slices.Contains(f.Tags, t) {
				return true
			}
		}
		return false
	}
	return true
}

// matchSets returns the matching questions the bank supports under the
// filter: curated [[matching]] sets, people to roles (who) and events to
// dates (when).
func (g *gen) matchSets(f bank.Filter, groupsOf func([]string) []int) []matchSet {
	var sets []matchSet
	for _, m := range g.b.Matchings {
		kind := m.Kind
		if kind == "" {
			kind = "who"
		}
		if !allowed(f, kind, m.Tags) {
			continue
		}
		s := matchSet{kind: kind, prompt: m.Prompt, ids: m.Left, right: m.Right, extra: m.Extra, groups: groupsOf(m.Sources)}
		for _, id := range m.Left {
			s.left = append(s.left, english.Capitalise(g.b.Text(bank.Value{Type: bank.EntityValue, Entity: id})))
		}
		sets = append(sets, s)
	}
	if allowed(f, "who", nil) {
		s := matchSet{kind: "who", prompt: "Match each person to the role the article gives them."}
		seen := map[string]bool{}
		for _, e := range g.b.Pool(bank.People) {
			// A role that repeats its person's name ("Gloria Sam", "the
			// Sams' daughter") matches itself by its words.
			if role := e.KnownRole(); role != "" && !e.Foil && !seen[bank.Fold(role)] && !namesIn(e.Name, role) {
				seen[bank.Fold(role)] = true
				s.ids, s.left, s.right = append(s.ids, e.ID), append(s.left, e.Name), append(s.right, english.Capitalise(role))
			}
		}
		if len(s.ids) > bank.MinMatchPairs {
			sets = append(sets, s)
		}
	}
	if allowed(f, "when", nil) {
		s := matchSet{kind: "when", prompt: "Match each event to its date."}
		seen := map[string]bool{}
		for _, e := range g.b.Pool(bank.Events) {
			date := e.Date.String()
			// A label that shows its own date gives the pair away.
			if e.Foil || seen[date] || selfDated(e) {
				continue
			}
			seen[date] = true
			s.ids, s.left, s.right = append(s.ids, e.ID), append(s.left, english.Capitalise(e.Name)), append(s.right, date)
			s.dates = append(s.dates, e.Date)
		}
		if len(s.ids) > bank.MinMatchPairs {
			sets = append(sets, s)
		}
	}
	return sets
}

// namesIn reports whether text holds a word of name (three letters or
// more, with or without a plural or possessive ending): "the Sams'
// daughter" holds "Sam".
func namesIn(name, text string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(normalize(s)), func(r rune) bool { return !unicode.IsLetter(r) })
	}
	for _, n := range words(name) {
		if len(n) < 3 {
			continue
		}
		for _, w := range words(text) {
			if w == n || w == n+"s" || w == n+"es" {
				return true
			}
		}
	}
	return false
}

// selfDated reports whether an event's name shows its own date ("the 1953
// coup") or its place in time ("the first flight", "the last mission"): as
// a matching or ordering label it gives its place away.
func selfDated(e bank.Entity) bool {
	name := normalize(e.Name)
	// "The first manned flight", "the last mission": the label says where
	// it stands in time.
	if hasAny(name, []string{"first", "last", "final", "earliest", "latest", "initial"}) {
		return true
	}
	if hasAny(name, normalizeAll(dateForms(e.Date))) {
		return true
	}
	return e.Date.Precision != bank.MonthDay && !e.Date.Inferred && has(name, yearOf(e.Date))
}

func yearOf(d bank.Date) string {
	if d.Year == 0 {
		return ""
	}
	return strings.TrimSpace(bank.Date{Year: d.Year, Precision: bank.Year}.String())
}

// match picks up to maxPairs pairs of a set and at least one extra
// response.
func (g *gen) match(s matchSet) *item {
	n := len(s.ids)
	extras := append([]string{}, s.extra...)
	if len(extras) == 0 {
		n-- // one pair's response becomes the extra
	}
	n = min(n, maxPairs)
	idx := g.rng.Perm(len(s.ids))
	q := Question{Form: Match, Prompt: s.prompt}
	it := &item{kind: s.kind, groups: s.groups}
	for _, i := range idx[:n] {
		q.Entities = append(q.Entities, s.ids[i])
		q.Left = append(q.Left, s.left[i])
		q.Right = append(q.Right, s.right[i])
		it.keys = append(it.keys, normalize(s.right[i]))
		if s.dates != nil {
			it.keys = append(it.keys, normalizeAll(dateForms(s.dates[i]))...)
		}
	}
	for _, i := range idx[n:] {
		if len(s.extra) == 0 {
			extras = append(extras, s.right[i])
		}
	}
	g.rng.Shuffle(len(extras), func(i, j int) { extras[i], extras[j] = extras[j], extras[i] })
	q.Extra = extras[:min(len(extras), max(1, maxPairs+1-n))]
	pairs := make([]string, len(q.Left))
	for i := range q.Left {
		pairs[i] = q.Left[i] + " → " + q.Right[i]
	}
	q.Correct = strings.Join(pairs, "; ")
	it.q = q
	it.events = q.Entities
	it.text = normalize(strings.Join(append(append(append([]string{q.Prompt}, q.Left...), q.Right...), q.Extra...), " | "))
	return it
}

// orderable returns the events with a year, earliest first, that an
// ordering question can use: no foils, no two on the same date.
func (g *gen) orderable(f bank.Filter) []bank.Entity {
	if !allowed(f, "when", nil) {
		return nil
	}
	var out []bank.Entity
	for _, e := range g.b.Pool(bank.Events) {
		if e.Date.Precision != bank.MonthDay && !e.Date.IsZero() && !e.Foil && !selfDated(e) {
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

// order picks 4 or 5 events, leaving out those in avoid.
func (g *gen) order(events []bank.Entity, avoid map[string]bool) *item {
	var fresh []bank.Entity
	for _, e := range events {
		if !avoid[e.ID] {
			fresh = append(fresh, e)
		}
	}
	if len(fresh) < 4 {
		return nil
	}
	n := min(5, len(fresh))
	idx := g.rng.Perm(len(fresh))[:n]
	sort.Ints(idx) // events are sorted, so this is date order
	q := Question{Form: Order, Prompt: "Put these events in order, earliest first."}
	it := &item{kind: "when"}
	var dated []string
	for _, i := range idx {
		e := fresh[i]
		q.Entities = append(q.Entities, e.ID)
		q.Items = append(q.Items, english.Capitalise(e.Name))
		dated = append(dated, e.Date.String()+": "+e.Name)
		it.keys = append(it.keys, normalizeAll(dateForms(e.Date))...)
	}
	q.Correct = strings.Join(dated, "; ")
	it.q = q
	it.events = q.Entities
	it.text = normalize(strings.Join(append([]string{q.Prompt}, q.Items...), " | "))
	return it
}
