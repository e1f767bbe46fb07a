package quiz

import (
	"slices"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// Tests for matching and ordering questions (match.go): which sets and
// events the bank offers, and the rules of match.go's header. Expected
// ids are read off matchBank below by hand.

const matchBank = `
[article]
title = "Matches"
outlet = "Test News"
date = "2019-11-03"
summary = "People and events."
text = '''
Ann Aster leads the council. Ben Birch wants a vote. Cid Cole wants a delay.
The seizure came first. The talks came later.
'''

[[people]]
id = "ann"
name = "Ann Aster"
role = "Chair of the council"

[[people]]
id = "ben"
name = "Ben Birch"
role = "Speaker"

[[people]]
id = "cid"
name = "Cid Cole"
role = "Treasurer"

[[people]]
id = "dot"
name = "Dot Dale"
role = "speaker"

[[people]]
id = "eve"
name = "Eve Elm"
role = "Clerk"

[[people]]
id = "fay"
name = "Fay Fern"
role = "Judge"
foil = true

[[people]]
id = "gus"
name = "Gus Gale"
role = "Mayor"

[[people]]
id = "hal"
name = "Hal Hill"
role = "Envoy"

[[people]]
id = "ida"
name = "Ida Ivy"
role = "Poet"

[[events]]
id = "coup"
name = "the 1953 coup"
date = "1953"

[[events]]
id = "seizure"
name = "the seizure"
date = "1979"

[[events]]
id = "crisis"
name = "the hostage crisis"
date = "1979-11-04"

[[events]]
id = "talks"
name = "the talks"
date = "2015"

[[events]]
id = "exit"
name = "the exit"
date = "2018-05"

[[events]]
id = "raid"
name = "the raid"
date = "--08-23"

[[events]]
id = "attack"
name = "the attack"
date = "2001"
foil = true

[[events]]
id = "accord"
name = "the accord"
date = "2015"

[[events]]
id = "wait"
name = "the wait"
date = "[2019]-09-24"

[[events]]
id = "may-vote"
name = "the May 2016 vote"
date = "2016-05"

[[events]]
id = "old-vote"
name = "the 2012 vote"
date = "2012-03"

[[matching]]
id = "wants"
prompt = "Match each person to what they want."
left = ["ann", "ben", "cid"]
right = ["to lead", "a vote", "a delay"]
extra = ["a recount", "a holiday", "a pay rise", "a new chair"]
sources = ["Ben Birch wants a vote.", "Cid Cole wants a delay."]
tags = ["wants"]

[[facts]]
id = "leader"
kind = "who"
ask = "Who leads the council?"
answer = "ann"
source = "Ann Aster leads the council."
`

func matchGen(t *testing.T) *gen {
	t.Helper()
	return newGen(parseBank(t, matchBank), rng(1))
}

// TestMatchSets: curated sets, people → roles (no foils, one person per
// role, case aside) and events → dates (no foils, one event per date, no
// label showing its own date), each only under a filter that allows it.
func TestMatchSets(t *testing.T) {
	g := matchGen(t)
	kinds := func(f bank.Filter) map[string][]string {
		out := map[string][]string{}
		for _, s := range g.matchSets(f, g.groupsOf) {
			out[s.prompt] = s.ids
		}
		return out
	}
	all := kinds(bank.Filter{})
	want := map[string][]string{
		"Match each person to what they want.":                  {"ann", "ben", "cid"},
		"Match each person to the role the article gives them.": {"ann", "ben", "cid", "eve", "gus", "hal", "ida"},
		"Match each event to its date.":                         {"seizure", "crisis", "talks", "exit", "raid", "wait"},
	}
	for p, ids := range want {
		if !slices.Equal(all[p], ids) {
			t.Errorf("%q: %v, want %v", p, all[p], ids)
		}
	}
	if len(all) != len(want) {
		t.Errorf("sets %v", all)
	}
	for _, tc := range []struct {
		f    bank.Filter
		want []string
	}{
		{bank.Filter{Kinds: []string{"who"}}, []string{"Match each person to the role the article gives them.", "Match each person to what they want."}},
		{bank.Filter{Kinds: []string{"when"}}, []string{"Match each event to its date."}},
		{bank.Filter{Kinds: []string{"number"}}, nil},
		{bank.Filter{Tags: []string{"wants"}}, []string{"Match each person to what they want."}},
		{bank.Filter{Tags: []string{"other", "wants"}}, []string{"Match each person to what they want."}},
		{bank.Filter{Tags: []string{"other"}}, nil},
		{bank.Filter{Kinds: []string{"when"}, Tags: []string{"wants"}}, nil},
	} {
		var got []string
		for p := range kinds(tc.f) {
			got = append(got, p)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("filter %+v: sets %q, want %q", tc.f, got, tc.want)
		}
	}
	// A set needs more than three pairs (one becomes the extra): rules.toml
	// has three people with roles, and four events that do not show their
	// dates; with the talks a foil, three.
	rb := rulesBank(t)
	rg := newGen(rb, rng(1))
	var prompts []string
	for _, s := range rg.matchSets(bank.Filter{}, rg.groupsOf) {
		prompts = append(prompts, s.prompt)
	}
	if !slices.Equal(prompts, []string{"Match each event to its date."}) {
		t.Errorf("rules.toml sets %q, want the events only", prompts)
	}
	fb := rb.WithFacts(rb.Facts)
	fb.Entities = slices.Clone(rb.Entities)
	for i := range fb.Entities {
		if fb.Entities[i].ID == "talks" {
			fb.Entities[i].Foil = true
		}
	}
	fg := newGen(fb, rng(1))
	if sets := fg.matchSets(bank.Filter{}, fg.groupsOf); len(sets) != 0 {
		t.Errorf("three events make a set: %v", sets[0].ids)
	}
	// The pairs read as the bank says: a person's role, an event's date.
	for _, s := range g.matchSets(bank.Filter{}, g.groupsOf) {
		for i, id := range s.ids {
			e, _ := g.b.Entity(id)
			switch s.kind {
			case "when":
				if s.right[i] != e.Date.String() || s.left[i] != strings.ToUpper(e.Name[:1])+e.Name[1:] {
					t.Errorf("pair %q → %q for %s", s.left[i], s.right[i], id)
				}
			}
		}
	}
	// The curated set draws on the sentences of its sources.
	for _, s := range g.matchSets(bank.Filter{Tags: []string{"wants"}}, g.groupsOf) {
		if len(s.groups) != 2 {
			t.Errorf("curated set groups %v, want the two sentences of its sources", s.groups)
		}
	}
}

// TestSelfDated: an event named with its own date gives its place away.
func TestSelfDated(t *testing.T) {
	b := parseBank(t, matchBank)
	for id, want := range map[string]bool{
		"coup": true, "seizure": false, "may-vote": true, "old-vote": true, "raid": false, "wait": false,
	} {
		if got := selfDated(mustEntity(t, b, id)); got != want {
			t.Errorf("selfDated(%s) = %v, want %v", id, got, want)
		}
	}
	for _, tc := range []struct {
		name string
		date string
		want bool
	}{
		{"the raid of 23 August", "--08-23", true},
		{"the 2019 wait", "[2019]-09-24", false}, // the article never prints 2019 with it
		{"the vote of 1980", "1979", false},
		{"the 1979 revolution", "1979-02-11", true},
		// A place in time is as good as a date.
		{"the first manned space flight", "1961-04-12", true},
		{"the launch of the last shuttle mission", "[2011]-06-28", true},
		{"the Final report", "2019", true},
		{"the firstborn's birth", "2019", false}, // a whole word only
	} {
		d, err := bank.ParseDate(tc.date)
		if err != nil {
			t.Fatal(err)
		}
		if got := selfDated(bank.Entity{Name: tc.name, Pool: bank.Events, Date: d}); got != tc.want {
			t.Errorf("selfDated(%q, %s) = %v, want %v", tc.name, tc.date, got, tc.want)
		}
	}
	if yearOf(bank.Date{Month: 8, Day: 23, Precision: bank.MonthDay}) != "" || yearOf(bank.Date{Year: 2018, Month: 5, Precision: bank.Month}) != "2018" {
		t.Error("yearOf")
	}
}

// TestMatchPairs: a question shows at most five pairs and at least one
// extra response; with no curated extras, a leftover pair's response is
// the extra; curated extras fill the list up to six responses.
func TestMatchPairs(t *testing.T) {
	g := matchGen(t)
	sets := map[string]matchSet{}
	for _, s := range g.matchSets(bank.Filter{}, g.groupsOf) {
		sets[s.prompt] = s
	}
	roles := sets["Match each person to the role the article gives them."]
	if len(roles.ids) != 7 {
		t.Fatalf("roles set %v", roles.ids)
	}
	for seed := uint64(0); seed < 30; seed++ {
		g.rng = rng(seed)
		it := g.match(roles)
		q := it.q
		if len(q.Left) != 5 || len(q.Right) != 5 || len(q.Extra) != 1 {
			t.Fatalf("seed %d: %d pairs, %d extras from 7 people", seed, len(q.Left), len(q.Extra))
		}
		for i, id := range q.Entities {
			e, _ := g.b.Entity(id)
			if q.Left[i] != e.Name || q.Right[i] != e.Role {
				t.Errorf("seed %d: pair %q → %q for %s", seed, q.Left[i], q.Right[i], id)
			}
		}
		// The extra is the role of someone left out.
		if slices.Contains(q.Right, q.Extra[0]) {
			t.Errorf("seed %d: extra %q is also a pair's response", seed, q.Extra[0])
		}
		found := false
		for _, id := range roles.ids {
			e, _ := g.b.Entity(id)
			found = found || (e.Role == q.Extra[0] && !slices.Contains(q.Entities, id))
		}
		if !found {
			t.Errorf("seed %d: extra %q is no left-out person's role", seed, q.Extra[0])
		}
		var pairs []string
		for i := range q.Left {
			pairs = append(pairs, q.Left[i]+" → "+q.Right[i])
		}
		if q.Correct != strings.Join(pairs, "; ") || !slices.Equal(it.events, q.Entities) {
			t.Errorf("seed %d: correct %q", seed, q.Correct)
		}
		// A student reads the prompt, both lists and the extra.
		for _, s := range append(append([]string{q.Prompt, q.Extra[0]}, q.Left...), q.Right...) {
			if !has(it.text, normalize(s)) {
				t.Errorf("seed %d: item text %q lacks %q", seed, it.text, s)
			}
		}
	}
	wants := sets["Match each person to what they want."]
	for seed := uint64(0); seed < 10; seed++ {
		g.rng = rng(seed)
		q := g.match(wants).q
		// Three pairs: all of them, and three of the four curated extras.
		if len(q.Left) != 3 || len(q.Extra) != 3 {
			t.Fatalf("seed %d: %d pairs, %d extras from a curated set of 3 and 4", seed, len(q.Left), len(q.Extra))
		}
		for _, x := range q.Extra {
			if !slices.Contains(wants.extra, x) {
				t.Errorf("seed %d: extra %q is not curated", seed, x)
			}
		}
	}
	dates := sets["Match each event to its date."]
	if len(dates.ids) != 6 {
		t.Fatalf("dates set %v", dates.ids)
	}
	g.rng = rng(3)
	it := g.match(dates)
	// Each pair's date in any written form cues the item (rule 8).
	for _, id := range it.q.Entities {
		e, _ := g.b.Entity(id)
		for _, f := range dateForms(e.Date) {
			if !slices.Contains(it.keys, normalize(f)) {
				t.Errorf("match keys %q lack %q", it.keys, f)
			}
		}
	}
	// Four people: three pairs, the fourth's role the extra.
	four := roles
	four.ids, four.left, four.right = roles.ids[:4], roles.left[:4], roles.right[:4]
	for seed := uint64(0); seed < 10; seed++ {
		g.rng = rng(seed)
		q := g.match(four).q
		if len(q.Left) != 3 || len(q.Extra) != 1 {
			t.Fatalf("seed %d: %d pairs, %d extras from 4 people", seed, len(q.Left), len(q.Extra))
		}
	}
}

// TestOrderable: events an ordering question can use: a year known, no
// foils, no label showing its date, one per date, earliest first.
func TestOrderable(t *testing.T) {
	g := matchGen(t)
	var ids []string
	for _, e := range g.orderable(bank.Filter{}) {
		ids = append(ids, e.ID)
	}
	// coup and the votes show their dates, raid has no year, attack is a
	// foil, accord shares 2015 with the talks: one of the two is kept.
	if len(ids) == 5 && ids[2] == "accord" {
		ids[2] = "talks"
	}
	if want := []string{"seizure", "crisis", "talks", "exit", "wait"}; !slices.Equal(ids, want) {
		t.Errorf("orderable = %v, want %v", ids, want)
	}
	if got := g.orderable(bank.Filter{Kinds: []string{"who"}}); got != nil {
		t.Errorf("orderable under --kinds who = %v", got)
	}
}

// TestOrder: four or five events in date order, none of those to avoid;
// fewer than four left makes no question.
func TestOrder(t *testing.T) {
	g := matchGen(t)
	events := g.orderable(bank.Filter{})
	for seed := uint64(0); seed < 20; seed++ {
		g.rng = rng(seed)
		it := g.order(events, nil)
		if it == nil || len(it.q.Items) != 5 {
			t.Fatalf("seed %d: %v", seed, it)
		}
		if !slices.Equal(it.q.Entities, []string{"seizure", "crisis", events[2].ID, "exit", "wait"}) {
			t.Errorf("seed %d: order %v", seed, it.q.Entities)
		}
		if it.q.Items[0] != "The seizure" || it.q.Correct != "1979: the seizure; 4 November 1979: the hostage crisis; 2015: "+events[2].Name+"; May 2018: the exit; 24 September [2019]: the wait" {
			t.Errorf("seed %d: items %q, correct %q", seed, it.q.Items, it.q.Correct)
		}
	}
	g.rng = rng(1)
	it := g.order(events, map[string]bool{"crisis": true})
	if it == nil || len(it.q.Items) != 4 || slices.Contains(it.q.Entities, "crisis") {
		t.Errorf("avoiding the crisis: %v", it)
	}
	if it := g.order(events, map[string]bool{"crisis": true, events[2].ID: true}); it != nil {
		t.Errorf("three events left make an ordering question: %v", it.q.Items)
	}
}

// TestNamesIn: a role that repeats its person's name matches itself by its
// words, and such people are left out of person → role sets.
func TestNamesIn(t *testing.T) {
	for _, tc := range []struct {
		name, role string
		want       bool
	}{
		{"Gloria Sam", "the Sams' baby daughter", true},
		{"Gloria Sam", "the Sam family's daughter", true},
		{"Mark Tedeschi", "Crown prosecutor", false},
		{"Donald Trump", "President of the United States", false},
		{"Jo Li", "Li's lawyer", false}, // words under three letters do not count
		{"Ann Kingsley", "Kingsley Hall's director", true},
		{"Ann King", "Kingsley Hall's director", false}, // not a whole word
	} {
		if got := namesIn(tc.name, tc.role); got != tc.want {
			t.Errorf("namesIn(%q, %q) = %v, want %v", tc.name, tc.role, got, tc.want)
		}
	}
}

// TestUnknownRoleNotMatched: a drafted person whose role is still "named
// in the article" is no pair in a person → role set: the placeholder is
// no role, and as the only non-role it would match itself. The set is the
// same as without that person.
func TestUnknownRoleNotMatched(t *testing.T) {
	roleSet := func(b *bank.Bank) []string {
		g := newGen(b, rng(1))
		for _, s := range g.matchSets(bank.Filter{}, g.groupsOf) {
			if s.prompt == "Match each person to the role the article gives them." {
				return s.ids
			}
		}
		return nil
	}
	before := roleSet(parseBank(t, matchBank))
	if len(before) < 5 {
		t.Fatalf("matchBank's person → role set %v: too few to drop one", before)
	}
	b := parseBank(t, matchBank)
	for i := range b.Entities {
		if b.Entities[i].ID == before[0] {
			b.Entities[i].Role = "Named in the article"
		}
	}
	if got := roleSet(b); !slices.Equal(got, before[1:]) {
		t.Errorf("with %s's role unknown: set %v, want %v", before[0], got, before[1:])
	}
}
