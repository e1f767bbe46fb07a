package quiz

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// How wrong options are chosen, and the item-writing principle behind each
// rule (HDR = Haladyna, Downing & Rodriguez 2002, "A Review of
// Multiple-Choice Item-Writing Guidelines for Classroom Assessment",
// numbered as in its taxonomy of 31 guidelines):
//
//  1. Never an option the question names or rules out (HDR 29: "make all
//     distractors plausible"; an option the stem excludes is a free
//     elimination). An entity is named by its name, short name or an
//     alias. A country rule rules options out: when the question names the
//     answer's own country, every option shares it ("Who pulled the U.S.
//     out…" offers only Americans); when it names another country, no
//     option belongs to that country ("Who is willing to negotiate with
//     Iran…" offers no Iranian).
//  2. Never an option that is true (HDR 19: "make sure that only one of
//     these choices is the right answer"): not the answer, not an `also`,
//     not the answer of another fact that asks the same question; a
//     qualified figure ("more than 50") is asked as the figure the
//     article prints, since "more than 40" would be true too; and since
//     the gap still reads "more than ___", no automatic wrong figure lies
//     on the side the qualifier makes true (none below the key for "more
//     than", none above it for "fewer than"). The other side alone would
//     put the key always first, so such a figure makes a true/false item
//     only (rule 4), unless curated wrong figures fill the options.
//  3. Plausible magnitudes (HDR 29): numbers stay in a band around the key,
//     0.5× to 1.5× for figures of 10 or more (as R/exams' num_to_schoice),
//     the key ±4 below 10, never negative, never zero unless the key is,
//     percentages below 100 (100 is "all", itself a cue) unless the key
//     is 100, and likewise below N when the fact counts "out of N";
//     multipliers ("5 times") above 1; dates stay within 25 years, 24 months or 45 days of the key,
//     in its own precision, and never after the article. The band holds for automatic options; a curated `wrong`
//     option is the curator's judgement and is trusted.
//  4. No position cue (HDR 20–21: "place options in logical order" and
//     "balance the key"): for numbers and dates, how many wrong options go
//     below the key is drawn uniformly from what the band allows, so the
//     key is not always the largest or the smallest; when the band allows
//     one side only (100 percent, the article's own day), no
//     multiple-choice item is made unless curated values fill the other.
//  5. Homogeneous options (HDR 22–24: options alike in content, grammar
//     and length): wrong options come from the answer's own table (for
//     groups, its type), then ranked by what they share with the answer
//     (country, role); curated `wrong` lists come first; foils fill pools
//     that the article alone cannot. A wrong option with a specific
//     determiner ("never", "always", "completely") where the answer has
//     none is used only when nothing else fills the item (HDR 28: such
//     words mark an option wrong), and among statement-length options
//     whether the answer is the longest is drawn (lengthRank).

// Bands for plausible wrong options; see rule 3 above.
const (
	numberBandLow  = 0.5 // wrong figures of 10 or more lie in [low×key, high×key]
	numberBandHigh = 1.5
	smallKeyReach  = 4 // below 10: within ±4 of the key
	yearReach      = 25
	monthReach     = 24
	dayReach       = 45
)

// gen holds what question building needs across facts: the bank's index
// and the random source of this quiz.
type gen struct {
	*index
	b   *bank.Bank
	rng *rand.Rand
}

// An index is what the generator derives from a bank alone, made once per
// bank (bank.Derived) and shared by every quiz built from it.
type index struct {
	truth map[string]map[string]bool // folded question -> keys of every true answer
	dates map[bank.Precision][]bank.Date
	names map[string][]string // entity id -> its names, normalized
	// countries are the groups that count as countries for the country
	// rule: groups of type "country" and any group an entity names as its
	// country.
	countries []string
	// groups gives each fact's sentence group; groupsOf those of a set of
	// excerpts (rule 9).
	groups   map[string][]int
	groupsOf func([]string) []int
	contexts sync.Map // text -> context, worked out once per text
	alikes   sync.Map // entity id -> bank.Alike
	// firstWords[i] holds the first words of entity i's names, for
	// finding the names a text may hold quickly.
	firstWords [][]string
}

type indexKey struct{}

func newGen(b *bank.Bank, rng *rand.Rand) *gen {
	x := b.Derived(indexKey{}, func() any { return newIndex(b) }).(*index)
	return &gen{index: x, b: b, rng: rng}
}

func newIndex(b *bank.Bank) *index {
	g := &index{truth: map[string]map[string]bool{}, dates: map[bank.Precision][]bank.Date{},
		names: map[string][]string{}}
	g.groups, g.groupsOf = sentenceGroups(b)
	// A distractor must be false for the question, whichever fact asks it:
	// two facts with the same question pool their true answers.
	for _, f := range b.Facts {
		k := bank.Fold(f.Ask)
		if g.truth[k] == nil {
			g.truth[k] = map[string]bool{}
		}
		g.truth[k][b.Key(f.Answer)] = true
		for _, v := range f.Also {
			g.truth[k][b.Key(v)] = true
		}
	}
	// Dates the bank knows, for date distractors: answers, curated wrong
	// options and events, never after the article.
	seen := map[string]bool{}
	addDate := func(d bank.Date) {
		d = optionDate(d)
		if d.IsZero() || seen[d.ISO()] || after(b, d) {
			return
		}
		seen[d.ISO()] = true
		g.dates[d.Precision] = append(g.dates[d.Precision], d)
	}
	for _, f := range b.Facts {
		for _, v := range append(append([]bank.Value{f.Answer}, f.Also...), f.Wrong...) {
			if v.Type == bank.DateValue {
				addDate(v.Date)
			}
		}
	}
	isCountry := map[string]bool{}
	g.firstWords = make([][]string, len(b.Entities))
	for i, e := range b.Entities {
		addDate(e.Date)
		for _, n := range bank.Names(e) {
			g.names[e.ID] = append(g.names[e.ID], normalize(n))
			if w := firstWord(normalize(n)); w != "" {
				g.firstWords[i] = append(g.firstWords[i], w)
			}
		}
		if e.Pool == bank.Groups && e.Type == "country" {
			isCountry[e.ID] = true
		}
		if e.Country != "" {
			isCountry[e.Country] = true
		}
	}
	for _, e := range b.Entities {
		if isCountry[e.ID] {
			g.countries = append(g.countries, e.ID)
		}
	}
	for p := range g.dates {
		ds := g.dates[p]
		sort.Slice(ds, func(i, j int) bool { return ds[i].Compare(ds[j]) < 0 })
	}
	return g
}

// optionDate is d as options show it: a day whose year the article does
// not print becomes a day and month, so that no option shows a year the
// article never gave. Other inferred dates (a month or a year the article
// does not print, a date it gives only as "Tuesday" or "last month") keep
// their brackets, and so do their wrong options (see dateCandidates).
func optionDate(d bank.Date) bank.Date {
	// Options show the date itself, never the article's "Tuesday": the
	// wrong dates have no such words, and the key would stand out.
	d.Said = ""
	if d.Inferred && !d.Resolved && d.Precision == bank.Day {
		return bank.Date{Month: d.Month, Day: d.Day, Precision: bank.MonthDay}
	}
	return d
}

// after reports whether d falls after the article's date.
func (g *gen) after(d bank.Date) bool { return after(g.b, d) }

func after(b *bank.Bank, d bank.Date) bool {
	a := b.Article.Date
	if a.IsZero() || d.Precision == bank.MonthDay {
		return false
	}
	return d.Compare(a) > 0
}

// show returns how v reads on a student's paper: as the bank writes it,
// except that a year the article does not print is left out.
func (g *gen) show(v bank.Value) string {
	if v.Type == bank.DateValue {
		return optionDate(v.Date).String()
	}
	return g.b.Text(v)
}

// named returns the ids of the entities text names, in bank order.
func (g *gen) named(text string) []string {
	t := normalize(text)
	// A name can only be in the text if its first word is: look at those
	// entities alone (a bank may hold hundreds).
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !wordRune(r) }) {
		words[w] = true
	}
	var out []string
	for i, e := range g.b.Entities {
		for _, w := range g.firstWords[i] {
			if words[w] {
				if hasAny(t, g.names[e.ID]) {
					out = append(out, e.ID)
				}
				break
			}
		}
	}
	return out
}

// firstWord is the first word of a name, lower case, as named splits a
// text into words; "" when the name starts with no letter or digit.
func firstWord(name string) string {
	w := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !wordRune(r) })
	if len(w) == 0 {
		return ""
	}
	return w[0]
}

// alike returns the entities that may stand in for e as wrong options
// (bank.Alike), worked out once per bank.
func (g *gen) alike(e bank.Entity) []bank.Entity {
	if v, ok := g.alikes.Load(e.ID); ok {
		return v.([]bank.Entity)
	}
	v := g.b.Alike(e)
	g.alikes.Store(e.ID, v)
	return v
}

// countryOf returns the country an entity belongs to: a person's or a
// place's country, or a country group itself.
func (g *gen) countryOf(e bank.Entity) string {
	if e.Country != "" {
		return e.Country
	}
	for _, c := range g.countries {
		if c == e.ID {
			return c
		}
	}
	return ""
}

// A context is what a wrong option must not clash with: the text that
// presents it (a question or a statement) and what that text names.
type context struct {
	text      string          // normalized
	named     map[string]bool // entity ids the text names
	countries map[string]bool // countries among them
}

func (g *gen) context(text string) context {
	if c, ok := g.contexts.Load(text); ok {
		return c.(context)
	}
	c := context{text: normalize(text), named: map[string]bool{}, countries: map[string]bool{}}
	defer func() { g.contexts.Store(text, c) }()
	for _, id := range g.named(text) {
		c.named[id] = true
		for _, k := range g.countries {
			if k == id {
				c.countries[id] = true
			}
		}
	}
	return c
}

// ruledOut says why an entity cannot be a wrong option for a question
// whose answer is key, or "" when it can (rule 1).
func (g *gen) ruledOut(e, key bank.Entity, c context) string {
	if c.named[e.ID] {
		return "named in the question"
	}
	if e.Pool != bank.People && e.Pool != bank.Places {
		return ""
	}
	ec, kc := g.countryOf(e), g.countryOf(key)
	switch {
	case kc != "" && c.countries[kc] && ec != kc:
		return "not of " + g.b.Text(bank.Value{Type: bank.EntityValue, Entity: kc}) + ", which the question names"
	case ec != "" && ec != kc && c.countries[ec]:
		return "of " + g.b.Text(bank.Value{Type: bank.EntityValue, Entity: ec}) + ", which the question names"
	}
	return ""
}

// A shortage says why a fact cannot offer enough clean wrong options.
type shortage struct {
	have, need int
	why        string // what ruled candidates out, for check's advice
}

func (s *shortage) Error() string {
	return fmt.Sprintf("only %d clean wrong %s, needs %d%s", s.have, english.PluralWord(s.have, "option", ""), s.need, s.why)
}

// distractors returns n wrong options for a question about f presented by
// text (its stem or statement), most preferred first. Each obeys the rules
// at the top of this file. It fails with a *shortage when the bank cannot
// supply n.
func (g *gen) distractors(f bank.Fact, text string, n int) ([]bank.Value, error) {
	c := g.context(text)
	used := map[string]bool{}
	for k := range g.truth[bank.Fold(f.Ask)] {
		used[k] = true
	}
	used[bank.Fold(g.show(f.Answer))] = true
	fresh := func(v bank.Value) bool {
		k := bank.Fold(g.show(v))
		if used[k] || used[g.b.Key(v)] || hasAny(c.text, []string{normalize(g.show(v))}) {
			return false
		}
		return true
	}
	switch f.Answer.Type {
	case bank.EntityValue:
		return g.entityDistractors(f, c, n, fresh, used)
	case bank.DateValue:
		return g.ordinalDistractors(f, n, fresh, used, g.dateCandidates(f))
	case bank.NumberValue:
		return g.ordinalDistractors(f, n, fresh, used, g.numberCandidates(f))
	}
	return nil, &shortage{need: n}
}

// entityDistractors takes the curated wrong options first, then entities
// of the answer's kind ranked by what they share with it.
func (g *gen) entityDistractors(f bank.Fact, c context, n int, fresh func(bank.Value) bool, used map[string]bool) ([]bank.Value, error) {
	key, _ := g.b.Entity(f.Answer.Entity)
	ruled := map[string]int{}
	ok := func(e bank.Entity) bool {
		v := bank.Value{Type: bank.EntityValue, Entity: e.ID}
		if !fresh(v) {
			return false
		}
		if why := g.ruledOut(e, key, c); why != "" {
			ruled[why]++
			return false
		}
		return true
	}
	var out []bank.Value
	take := func(e bank.Entity) {
		out = append(out, bank.Value{Type: bank.EntityValue, Entity: e.ID})
		used[g.b.Key(out[len(out)-1])] = true
	}
	// A wrong option that says "never" or "always" where the answer does
	// not is a cue (rule 5): such options come after the others, curated
	// or not, and are used only to fill up.
	cue := func(e bank.Entity) bool { return determined(e.Name) && !determined(key.Name) }
	var later []bank.Entity // curated, but marked by a cue
	deferred := map[string]bool{}
	for _, i := range g.rng.Perm(len(f.Wrong)) {
		if e, found := g.b.Entity(f.Wrong[i].Entity); found && len(out) < n && ok(e) {
			if cue(e) {
				if !deferred[e.ID] {
					later = append(later, e)
				}
				deferred[e.ID] = true
				continue
			}
			take(e)
		}
	}
	type cand struct {
		e     bank.Entity
		score float64
	}
	// When the answer repeats a word of the question, wrong options that
	// repeat one too come first, or the answer would be the only one
	// (HDR 28b, clang associations; see clang).
	echo := strings.Join(echoes(c.text, key.Name), " ")
	var cands, marked []cand
	for _, e := range g.alike(key) {
		if ok(e) {
			cd := cand{e, g.similarity(e, key) + g.rng.Float64()}
			if echo != "" && len(echoes(echo, e.Name)) > 0 {
				cd.score += 3
			}
			if cue(e) {
				if !deferred[e.ID] {
					marked = append(marked, cd)
				}
			} else {
				cands = append(cands, cd)
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	sort.SliceStable(marked, func(i, j int) bool { return marked[i].score > marked[j].score })
	// The closest candidates, drawn at random from a window a little wider
	// than needed, so that quizzes vary without reaching for the least
	// plausible.
	need := n - len(out)
	if need > 0 && len(cands) > need {
		window := cands[:min(len(cands), need+(need+1)/2)]
		g.rng.Shuffle(len(window), func(i, j int) { window[i], window[j] = window[j], window[i] })
	}
	for _, cd := range cands {
		if len(out) < n {
			take(cd.e)
		}
	}
	// Marked options fill what is left: curated ones first.
	for _, e := range later {
		if len(out) < n {
			take(e)
		}
	}
	for _, cd := range marked {
		if len(out) < n {
			take(cd.e)
		}
	}
	if len(out) < n {
		return out, &shortage{have: len(out), need: n, why: whyShort(key, ruled)}
	}
	// Statement-length options only: among names a length cue is noise.
	if n >= 2 && len([]rune(key.Name)) > statementLength {
		rest := make([]bank.Entity, len(cands))
		for i, c := range cands {
			rest[i] = c.e
		}
		g.lengthRank(key, out, f.Wrong, rest, func(e bank.Entity) bool { return ok(e) && !cue(e) })
	}
	return out, nil
}

// statementLength is the length, in characters, above which options read
// as statements and their lengths become a cue.
const statementLength = 30

// lengthRank keeps the answer's length from being a cue (HDR 24: "keep the
// length of choices about equal"; test-wise students pick the longest, and
// learn just as fast that the longest is never right). Like a number key's
// rank (rule 4), whether the answer is the longest option is drawn: with
// chance 1/(n+1) for n wrong options, as if the lengths were shuffled, it
// may be; otherwise one wrong option at least as long as the answer takes
// the place of the shortest chosen one. Each swap uses an unused clean
// candidate, curated ones first, and only when the bank has one: the
// pool decides how far the draw can be honoured. A wrong option brought in
// to be shorter is still at least 3/4 of the answer's length, so the
// answer never ends up far longer than the rest (rule 6's stand-out test).
func (g *gen) lengthRank(key bank.Entity, out []bank.Value, curated []bank.Value, cands []bank.Entity, ok func(bank.Entity) bool) {
	size := func(id string) int {
		e, _ := g.b.Entity(id)
		return len([]rune(e.Name))
	}
	keyLen := len([]rune(key.Name))
	chosen := map[string]bool{}
	for _, v := range out {
		chosen[v.Entity] = true
	}
	var pool []bank.Entity
	for _, v := range curated {
		if e, found := g.b.Entity(v.Entity); found {
			pool = append(pool, e)
		}
	}
	pool = append(pool, cands...)
	// take returns an unused clean candidate whose length fits, or false.
	take := func(fits func(int) bool) (bank.Entity, bool) {
		for _, e := range pool {
			if !chosen[e.ID] && fits(len([]rune(e.Name))) && ok(e) {
				chosen[e.ID] = true
				return e, true
			}
		}
		return bank.Entity{}, false
	}
	if g.rng.IntN(len(out)+1) == 0 {
		// The answer may be the longest: each wrong option as long or
		// longer gives way to a shorter one where the pool has one.
		for i, v := range out {
			if size(v.Entity) < keyLen {
				continue
			}
			if e, found := take(func(l int) bool { return l < keyLen && 4*l >= 3*keyLen }); found {
				out[i] = bank.Value{Type: bank.EntityValue, Entity: e.ID}
			}
		}
		return
	}
	shortest := -1
	for i, v := range out {
		if size(v.Entity) >= keyLen {
			return
		}
		if shortest < 0 || size(v.Entity) < size(out[shortest].Entity) {
			shortest = i
		}
	}
	if e, found := take(func(l int) bool { return l >= keyLen }); found {
		out[shortest] = bank.Value{Type: bank.EntityValue, Entity: e.ID}
	}
}

// specificDeterminers are the words that test-wise students know mark a
// wrong option (HDR 28: "avoid specific determiners including always,
// never, completely, and absolutely").
var specificDeterminers = []string{"always", "never", "completely", "absolutely", "entirely",
	"totally", "at all", "everyone", "everything", "no one", "nothing", "none"}

// determined reports whether an option says one of specificDeterminers,
// as a whole word.
func determined(s string) bool {
	t := normalize(s)
	for _, w := range specificDeterminers {
		if has(t, w) {
			return true
		}
	}
	return false
}

// whyShort names what limited an entity's pool, for check's advice.
func whyShort(key bank.Entity, ruled map[string]int) string {
	kind := string(key.Pool)
	if key.Pool == bank.Groups && key.Type != "" {
		kind = key.Type + " groups"
	}
	var reasons []string
	for why, k := range ruled {
		reasons = append(reasons, fmt.Sprintf("%d %s", k, why))
	}
	sort.Strings(reasons)
	s := fmt.Sprintf(" (among %s", kind)
	if len(reasons) > 0 {
		s += "; ruled out: " + strings.Join(reasons, ", ")
	}
	return s + ")"
}

// similarity scores how much e shares with the answer: the same country
// counts most, then a word of the role ("President", "Minister").
func (g *gen) similarity(e, key bank.Entity) float64 {
	s := 0.0
	if c := g.countryOf(key); c != "" && g.countryOf(e) == c {
		s += 2
	}
	if kr, er := key.KnownRole(), e.KnownRole(); kr != "" && er != "" {
		for _, w := range strings.Fields(kr) {
			if len(w) > 3 && strings.Contains(er, w) {
				s++
				break
			}
		}
	}
	return s
}

// An ordinal is a candidate wrong date or number, with its side of the
// key (-1 below, +1 above) and whether the bank curated it.
type ordinal struct {
	v       bank.Value
	side    int
	curated bool
	known   bool // a date the bank itself holds (an event, another answer)
}

// ordinalDistractors picks n dates or numbers: how many fall below the key
// is drawn uniformly from what the candidates allow (rule 4); within each
// side, curated options come first, then the bank's own dates, then the
// rest at random.
func (g *gen) ordinalDistractors(f bank.Fact, n int, fresh func(bank.Value) bool, used map[string]bool, cands []ordinal) ([]bank.Value, error) {
	var below, above []ordinal
	seen := map[string]bool{}
	for _, c := range cands {
		k := bank.Fold(g.show(c.v))
		if seen[k] || !fresh(c.v) {
			continue
		}
		seen[k] = true
		if c.side < 0 {
			below = append(below, c)
		} else {
			above = append(above, c)
		}
	}
	// A curated list long enough decides on its own.
	curated := 0
	for _, c := range append(append([]ordinal{}, below...), above...) {
		if c.curated {
			curated++
		}
	}
	if curated >= n {
		below, above = onlyCurated(below), onlyCurated(above)
	}
	if key := f.Answer.Number; n >= 2 && curated < n && f.Answer.Type == bank.NumberValue && (key.Bound() == bank.Above || key.Bound() == bank.Below) {
		return nil, floorOrCeiling(key)
	}
	if len(below)+len(above) < n {
		return nil, &shortage{have: len(below) + len(above), need: n, why: " (within the plausible band of the key)"}
	}
	// With plausible values on one side only, the key would always be
	// the latest or the largest option, a cue as strong as any (rule 4):
	// no item, unless the curator chose the wrong values. (A true/false
	// statement, which needs one wrong value, has no such cue.)
	if n >= 2 && curated < n && (len(above) == 0 || len(below) == 0) {
		return nil, oneSided(f.Answer, len(above) == 0)
	}
	lo, hi := max(0, n-len(above)), min(n, len(below))
	k := lo + g.rng.IntN(hi-lo+1)
	prefer := func(side []ordinal, m int) []ordinal {
		g.rng.Shuffle(len(side), func(i, j int) { side[i], side[j] = side[j], side[i] })
		sort.SliceStable(side, func(i, j int) bool {
			return rank(side[i]) < rank(side[j])
		})
		return side[:m]
	}
	var out []bank.Value
	for _, c := range append(prefer(below, k), prefer(above, n-k)...) {
		out = append(out, c.v)
		used[bank.Fold(g.show(c.v))] = true
	}
	return out, nil
}

// oneSided explains why a figure or date key makes no item: every
// plausible wrong value lies on one side of it.
func oneSided(key bank.Value, top bool) error {
	extreme := map[bool]string{true: "largest", false: "smallest"}[top]
	why := "the band allows nothing " + map[bool]string{true: "above", false: "below"}[top] + " it"
	if key.Type == bank.DateValue {
		extreme = map[bool]string{true: "latest", false: "earliest"}[top]
		why = "the band allows nothing " + map[bool]string{true: "after", false: "before"}[top] + " it"
		switch {
		case top && key.Date.Resolved:
			why += ": a date the article gives relative to its own (“last month”) has no option in or after the article's month or year"
		case top:
			why += ", and no option may lie after the article"
		}
	}
	return fmt.Errorf("its answer would always be the %s option (%s): give it wrong values on the other side (wrong = [...]), or it is asked as true/false only", extreme, why)
}

// floorOrCeiling explains why a figure the article gives as a floor or a
// ceiling ("more than 50", "up to 20") makes no multiple-choice item of
// automatic wrong figures (rules 2 and 4).
func floorOrCeiling(key bank.Number) error {
	q := strings.ToLower(key.Qualifier)
	side, other, place := "below", "above", "first"
	if key.Bound() == bank.Below {
		side, other, place = "above", "below", "last"
	}
	return fmt.Errorf("the article gives “%s %s”: a wrong figure %s %s would be true too, and figures %s it alone would always put the answer %s; it is asked as true/false only, or give it wrong = [...] figures of your choosing",
		q, key.Digits(), side, key.Digits(), other, place)
}

func rank(c ordinal) int {
	switch {
	case c.curated:
		return 0
	case c.known:
		return 1
	}
	return 2
}

func onlyCurated(cs []ordinal) []ordinal {
	var out []ordinal
	for _, c := range cs {
		if c.curated {
			out = append(out, c)
		}
	}
	return out
}

// dateCandidates returns wrong dates for f in the key's own precision and
// within the band of rule 3: curated ones, the bank's dates, and shifts.
func (g *gen) dateCandidates(f bank.Fact) []ordinal {
	key := optionDate(f.Answer.Date)
	// "Never after the article" is for keys the article reports as past;
	// a date it announces ("the last flight launches June 28") has its
	// neighbours on both sides.
	future := g.after(f.Answer.Date)
	late := func(d bank.Date) bool { return !future && g.after(d) }
	// A date the article gives relative to its own ("last month", "last
	// year") lies before the article's month or year: an option in that
	// month or year contradicts the words the question quotes.
	if a := g.b.Article.Date; f.Answer.Date.Resolved && !a.IsZero() {
		period := bank.Date{Year: a.Year, Precision: bank.Year}
		if key.Precision == bank.Month || key.Precision == bank.Day {
			period.Month, period.Precision = a.Month, bank.Month
		}
		if key.Precision == bank.Day {
			period.Day, period.Precision = a.Day, bank.Day
		}
		if key.Compare(period) < 0 {
			before := late
			late = func(d bank.Date) bool { return before(d) || d.Compare(period) >= 0 }
		}
	}
	var out []ordinal
	add := func(d bank.Date, curated, known bool) {
		d = optionDate(d)
		// Options alike in form: a bracketed key gets bracketed wrong
		// dates, a plain key plain ones.
		d.Inferred, d.Resolved = key.Inferred, key.Resolved
		// A day shown without its inferred year still lies in that year:
		// "14 November" is no option for a speech on 3 November 2019.
		if !curated && d.Precision == bank.MonthDay && f.Answer.Date.Precision == bank.Day &&
			late(bank.Date{Year: f.Answer.Date.Year, Month: d.Month, Day: d.Day, Precision: bank.Day}) {
			return
		}
		// The band and the article's date are for automatic neighbours:
		// a curator's own wrong date (1979 for a 1953 coup, the next day
		// for a speech on the article's day) is trusted.
		if d.Precision != key.Precision || !curated && (late(d) || !g.nearDate(d, key)) {
			return
		}
		side := d.Compare(key)
		if side == 0 {
			return
		}
		out = append(out, ordinal{v: bank.Value{Type: bank.DateValue, Date: d}, side: side, curated: curated, known: known})
	}
	for _, v := range f.Wrong {
		add(v.Date, true, false)
	}
	for _, d := range g.dates[key.Precision] {
		add(d, false, true)
	}
	for _, d := range dateShifts(key) {
		add(d, false, false)
	}
	return out
}

// nearDate reports whether d lies within the band of key (rule 3).
func (g *gen) nearDate(d, key bank.Date) bool {
	switch key.Precision {
	case bank.Year:
		return abs(d.Year-key.Year) <= yearReach
	case bank.Month:
		return abs((d.Year*12+d.Month)-(key.Year*12+key.Month)) <= monthReach
	case bank.Day:
		return math.Abs(d.Time().Sub(key.Time()).Hours()/24) <= dayReach
	case bank.MonthDay:
		a := bank.Date{Year: 2001, Month: d.Month, Day: d.Day, Precision: bank.Day}.Time()
		b := bank.Date{Year: 2001, Month: key.Month, Day: key.Day, Precision: bank.Day}.Time()
		days := math.Abs(a.Sub(b).Hours() / 24)
		return math.Min(days, 365-days) <= dayReach
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dateShifts returns dates near d in d's own unit: years for a year, months
// for a month, days for a day.
func dateShifts(d bank.Date) []bank.Date {
	var out []bank.Date
	steps := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 20, 21, 24, 25}
	for _, s := range steps {
		for _, k := range []int{-s, s} {
			switch d.Precision {
			case bank.Year:
				if y := d.Year + k; y >= 1 {
					out = append(out, bank.Date{Year: y, Precision: bank.Year})
				}
			case bank.Month:
				t := d.Time().AddDate(0, k, 0)
				if t.Year() >= 1 {
					out = append(out, bank.Date{Year: t.Year(), Month: int(t.Month()), Precision: bank.Month})
				}
			case bank.Day:
				t := d.Time().AddDate(0, 0, k)
				out = append(out, bank.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: bank.Day})
			case bank.MonthDay:
				// Any non-leap year will do: the year is not shown.
				t := bank.Date{Year: 2001, Month: d.Month, Day: d.Day, Precision: bank.Day}.Time().AddDate(0, 0, k)
				out = append(out, bank.Date{Month: int(t.Month()), Day: t.Day(), Precision: bank.MonthDay})
			}
		}
	}
	return out
}

// numberCandidates returns wrong figures for f in the band of rule 3, in
// the key's unit and precision: curated ones and a grid of neighbours. A
// qualified key gets bare figures (the question asks for the figure the
// article prints).
func (g *gen) numberCandidates(f bank.Fact) []ordinal {
	key := f.Answer.Number
	v := key.Value
	bare := key
	if key.Bound() != bank.Exact {
		// Asked as a gap in the article's words: the figure alone.
		bare = bank.Number{Decimals: key.Decimals}
	}
	var out []ordinal
	seen := map[float64]bool{v: true}
	add := func(x float64, curated bool) {
		// A figure the qualifier covers is true too (rule 2), curated or
		// not; the bank refuses such a curated one.
		if seen[x] || x < 0 || key.Implies(x) || !curated && !inFactBand(x, f) {
			return
		}
		seen[x] = true
		n := bare
		n.Value = x
		side := 1
		if x < v {
			side = -1
		}
		out = append(out, ordinal{v: bank.Value{Type: bank.NumberValue, Number: n}, side: side, curated: curated})
	}
	for _, w := range f.Wrong {
		add(w.Number.Value, true)
	}
	for _, x := range numberGrid(key) {
		add(x, false)
	}
	return out
}

// inFactBand reports whether x is a plausible wrong figure for fact f:
// in the key's band (inBand), below a ceiling the fact's words set ("8
// out of 10" never gets 11), and above 1 for a multiplier ("more than 5
// times" never gets "1 times").
func inFactBand(x float64, f bank.Fact) bool {
	key := f.Answer.Number
	if !inBand(x, key) {
		return false
	}
	if c := ceiling(f); c > 0 && key.Value < c && x >= c {
		return false
	}
	if multiplier(key.Unit) && x <= 1 {
		return false
	}
	return true
}

var outOf = regexp.MustCompile(`(?i)\bout of (\d[\d,]*)\b`)

// ceiling returns N when the fact's question, statement or unit counts
// "out of N", or 0.
func ceiling(f bank.Fact) float64 {
	for _, s := range []string{f.Ask, f.Statement, f.Answer.Number.Unit} {
		if m := outOf.FindStringSubmatch(s); m != nil {
			n, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
			if err == nil {
				return n
			}
		}
	}
	return 0
}

// multiplier reports whether a unit multiplies ("times", "-fold").
func multiplier(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	return u == "times" || u == "fold" || strings.HasSuffix(u, "-fold")
}

// inBand reports whether x is a plausible wrong figure for key (rule 3).
func inBand(x float64, key bank.Number) bool {
	v := key.Value
	percent := key.Unit == "percent" || key.Unit == "%"
	switch {
	case x < 0, x == v:
		return false
	case x == 0 && v != 0:
		return false
	case percent && (x > 100 || x == 100 && v != 100):
		// "100 percent" is "all": an absolute that marks itself wrong
		// (HDR 28), unless the key is 100.
		return false
	case v < 10:
		return math.Abs(x-v) <= smallKeyReach
	}
	return x >= numberBandLow*v && x <= numberBandHigh*v
}

// numberGrid returns candidate neighbours of key, rounded as the key is:
// a round figure gets round neighbours (50 → 30, 40, 60, 70), a precise
// one precise neighbours (444 → 333, 400, 488, …).
func numberGrid(key bank.Number) []float64 {
	v := key.Value
	scale := math.Pow(10, float64(key.Decimals))
	var out []float64
	if v < 10 && key.Decimals == 0 {
		for d := 1.0; d <= smallKeyReach; d++ {
			out = append(out, v-d, v+d)
		}
		return out
	}
	// The step of a round figure: 50 → 10, 12,000 → 1,000, 444 → none.
	step := 0.0
	if key.Decimals == 0 {
		for s := 10.0; math.Mod(v, s) == 0 && s <= v/2; s *= 10 {
			step = s
		}
	}
	if step > 0 {
		for x := math.Ceil(numberBandLow*v/step) * step; x <= numberBandHigh*v; x += step {
			out = append(out, x)
		}
		return out
	}
	for _, f := range []float64{0.5, 0.6, 0.67, 0.75, 0.8, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2, 1.25, 1.33, 1.4, 1.5} {
		out = append(out, math.Round(v*f*scale)/scale)
	}
	for _, d := range []float64{10, 20, 100} {
		if v >= 5*d {
			out = append(out, v-d, v+d)
		}
	}
	return out
}
