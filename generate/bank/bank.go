// Package bank reads, validates and extends the fact bank: the curated facts
// about one news article (questions.toml) that quizzes and cards are made from.
package bank

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/countries"
)

// A Bank is a parsed and validated fact bank.
type Bank struct {
	File     string   // name used in messages, e.g. "questions.toml"
	Article  Article  // the article the facts are about
	Entities []Entity // people, groups, places, deals and events, in file order
	Facts    []Fact   // in file order
	// Matchings are curated matching questions ([[matching]] tables), in
	// file order.
	Matchings []Matching

	// Undrawable lists the texts that hold a character the PDF fonts
	// cannot draw (Persian, Arabic, CJK, emoji), at their lines. Such a
	// bank is valid: PDFs refuse it, the other formats carry the text.
	Undrawable ErrorList

	byID      map[string]int // entity id -> index in Entities
	sentences *sentenceIndex // built on first use
	derived   sync.Map       // see Derived
}

// Derived returns the value stored under key, calling make to work it out
// the first time: data other packages derive from the bank alone (the
// quiz's name index, its sentence groups) is made once per bank, however
// many quizzes are built from it. make must not depend on anything but the
// bank; it may run more than once when called side by side.
func (b *Bank) Derived(key any, make func() any) any {
	if v, ok := b.derived.Load(key); ok {
		return v
	}
	v, _ := b.derived.LoadOrStore(key, make())
	return v
}

// Article is the news story the bank is about.
type Article struct {
	Title    string
	Outlet   string
	Date     Date // publication date
	URL      string
	Summary  string
	Text     string   // the full text; every fact's source excerpt occurs in it
	Topic    string   // card kicker, e.g. "Iran–U.S. · Diplomacy"
	Headline string   // card headline: the news in one line
	Occasion string   // card key fact: where/when it was said
	Why      []string // card "Why it matters" bullets
	Quote    string   // card quote: words that occur in Text
	QuoteBy  string   // who said Quote: a person or group id
	// QuizTitle is the default quiz title; empty means one is made from
	// Topic, Outlet and Date (never the headline, which may give answers
	// away).
	QuizTitle string
	// QuoteAbout is whom Quote is about: a person or group id. A quote
	// that opens with a pronoun ("He is…") is shown with it resolved.
	QuoteAbout string
}

// Pool names an entity table in the bank.
type Pool string

// The entity pools, with the TOML table each is written in.
const (
	People Pool = "people"
	Groups Pool = "groups"
	Places Pool = "places"
	Deals  Pool = "deals"
	Events Pool = "events"
)

// Pools lists the entity pools in the order the bank documents them.
var Pools = []Pool{People, Groups, Places, Deals, Events}

// An Entity is anything a fact's answer can name. Which fields are set
// depends on the pool.
type Entity struct {
	Pool    Pool
	ID      string
	Name    string
	Role    string   // people: "Supreme Leader of Iran"
	Country string   // people, places: id of a group
	Type    string   // groups: "country", "organisation", ...
	Year    int      // deals: year agreed
	Parties []string // deals: group ids
	Date    Date     // events
	// Aliases are other names the entity goes by in text: "Trump", "the
	// U.S.", "Washington", "French". With the name they decide when a
	// question names the entity.
	Aliases []string
	// Foil marks a plausible entity the article does not mention: it may
	// be a wrong option, never an answer, a card entry or a matching pair.
	Foil bool
	// Draft marks an entity quizcard new found and no one has reviewed
	// yet (draft = true): quiz and card leave it out unless asked.
	Draft  bool
	Key    bool   // events: a key event, kept first on a short timeline
	Status string // deals: one of DealStatuses; "" means agreed
	Note   string // deals: a short note the card shows, e.g. "left by the U.S. in 2018"
	Line   int
}

// UnknownRole is the role quizcard new writes for a person the article
// gives none, for the curator to replace: a bank needs a role for every
// person. Quizzes and cards treat it as no role (KnownRole).
const UnknownRole = "named in the article"

// KnownRole returns e's role, or "" when the bank does not know it (the
// draft's UnknownRole): a matching question or a card never shows "named
// in the article" as if it were a role.
func (e Entity) KnownRole() string {
	if strings.EqualFold(strings.TrimSpace(e.Role), UnknownRole) {
		return ""
	}
	return e.Role
}

// DealStatuses are the values a deal's status may take: agreed (the
// default), proposed, reported (not confirmed) or failed (never finalized).
var DealStatuses = []string{"agreed", "proposed", "reported", "failed"}

// Kinds lists the fact kinds, in the order summaries print them.
var Kinds = []string{"who", "when", "deal", "mediator", "quote", "number", "place", "what", "why"}

// A Fact is one curated, checkable statement about the article, phrased as a
// question with one right answer.
type Fact struct {
	ID         string
	Kind       string // one of Kinds
	Ask        string // the question as a teacher would ask it
	Answer     Value
	Also       []Value // other answers that are also true: never offered as wrong
	Wrong      []Value // curated distractors, preferred over automatic ones
	Statement  string  // true/false form with an {answer} slot; may be empty
	Caption    string  // card "By the numbers" caption (number facts), ≤ 8 words
	Outcome    string  // card: how a mediation effort ended (mediator facts), e.g. "failed"
	Explain    string
	Source     string // verbatim excerpt of the article
	Tags       []string
	Difficulty int // 1 (easy) to 3 (hard)
	// Group names a set of facts that must not share a paper, beyond those
	// whose excerpts lie in one sentence (which group themselves).
	Group string
	// FalseStatements are curated false versions of Statement, each
	// contradicted by the article; true/false questions prefer them to
	// substituting a wrong option into the statement.
	FalseStatements []string
	// Draft marks a fact quizcard new wrote and no one has reviewed yet
	// (draft = true): check counts it apart; quiz and card leave it out
	// unless asked.
	Draft bool
	Line  int // line of the fact's [[facts]] header

	// Feedback says why each Wrong option is wrong, aligned with Wrong
	// ("" where none); nil when the fact has no feedback table.
	Feedback []string

	tab *table // where the fact is written, for messages
}

// ValueType says what a Value holds.
type ValueType int

// The kinds of answer a fact can have.
const (
	EntityValue ValueType = iota + 1
	DateValue
	NumberValue
)

// A Value is an answer or a distractor: an entity reference, a date or a
// number.
type Value struct {
	Type   ValueType
	Entity string // entity id
	Date   Date
	Number Number
}

// Entity returns the entity with the given id.
func (b *Bank) Entity(id string) (Entity, bool) {
	i, ok := b.byID[id]
	if !ok {
		return Entity{}, false
	}
	return b.Entities[i], true
}

// Pool returns the entities of pool p in file order.
func (b *Bank) Pool(p Pool) []Entity {
	var out []Entity
	for _, e := range b.Entities {
		if e.Pool == p {
			out = append(out, e)
		}
	}
	return out
}

// Fact returns the fact with the given id.
func (b *Bank) Fact(id string) (Fact, bool) {
	for _, f := range b.Facts {
		if f.ID == id {
			return f, true
		}
	}
	return Fact{}, false
}

// Text returns how v reads in a question: an entity's name, a formatted date
// or a number with its qualifier and unit.
func (b *Bank) Text(v Value) string {
	switch v.Type {
	case EntityValue:
		if e, ok := b.Entity(v.Entity); ok {
			return e.Name
		}
		return v.Entity
	case DateValue:
		return v.Date.String()
	case NumberValue:
		return v.Number.String()
	}
	return ""
}

// Key returns a normalised form of v for comparing options: two values with
// the same key read the same to a student.
func (b *Bank) Key(v Value) string {
	return Fold(b.Text(v))
}

// Fold normalises text for comparison: case, runs of spaces and curly quotes
// and dashes are folded away.
func Fold(s string) string { return fold(s, lowerCase) }

// FoldTypography folds the typographic variants of quotes, dashes and
// spaces away as Fold does, but keeps case, so that acronyms can still be
// told from words ("US" is not "us").
func FoldTypography(s string) string { return fold(s, 0) }

// foldHow says what fold does besides folding quotes, dashes and spaces.
type foldHow uint8

const (
	lowerCase foldHow = 1 << iota // every letter to lower case
	dropPunct                     // drop , . ; : ! ?
)

// fold is Fold, FoldTypography and foldExcerpt in one pass.
func fold(s string, how foldHow) string {
	if folded(s, how) {
		return s // most texts compared are already folded: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	for _, r := range s {
		switch r {
		case '‘', '’', '‚', '‛', '′':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		case '–', '—', '‐', '‑', '−':
			r = '-'
		case ',', '.', ';', ':', '!', '?':
			if how&dropPunct != 0 {
				continue
			}
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if how&lowerCase != 0 && 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if how&lowerCase != 0 {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// folded reports whether fold would return s unchanged: plain ASCII with
// single spaces between words, and no capitals or sentence punctuation
// where how drops them.
func folded(s string, how foldHow) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < ' ': // tabs, newlines and other controls
			return false
		case how&lowerCase != 0 && 'A' <= c && c <= 'Z':
			return false
		case how&dropPunct != 0 && strings.IndexByte(",.;:!?", c) >= 0:
			return false
		}
	}
	return true
}

// NormalizeSpace collapses every run of white space to one space and trims
// both ends.
func NormalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// Tags returns every tag used by a fact, sorted.
func (b *Bank) Tags() []string {
	seen := map[string]bool{}
	for _, f := range b.Facts {
		for _, t := range f.Tags {
			seen[t] = true
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// A Filter selects facts. Empty fields select everything.
type Filter struct {
	Kinds        []string // any of these kinds
	Tags         []string // at least one of these tags
	Difficulties []int    // any of these difficulties
}

// Select returns the facts that pass f, in bank order.
func (b *Bank) Select(f Filter) []Fact {
	var out []Fact
	for _, fact := range b.Facts {
		if f.match(fact) {
			out = append(out, fact)
		}
	}
	return out
}

func (f Filter) match(fact Fact) bool {
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, fact.Kind) {
		return false
	}
	if len(f.Difficulties) > 0 {
		ok := false
		for _, d := range f.Difficulties {
			ok = ok || d == fact.Difficulty
		}
		if !ok {
			return false
		}
	}
	if len(f.Tags) > 0 {
		ok := false
		for _, t := range fact.Tags {
			ok = ok || slices.Contains(f.Tags, t)
		}
		if !ok {
			return false
		}
	}
	return true
}

// Alike returns the entities that can stand in for e as wrong options: the
// same pool and, for groups, the same type. e itself is left out.
func (b *Bank) Alike(e Entity) []Entity {
	var out []Entity
	for _, x := range b.Entities {
		if x.ID != e.ID && candidateKey(x) == candidateKey(e) {
			out = append(out, x)
		}
	}
	return out
}

// Candidates returns the entities a fact of the given kind may have as its
// answer, in file order (foils never are); nil for kinds answered by a date
// or a number.
func (b *Bank) Candidates(kind string) []Entity {
	kt, ok := kindTypes[kind]
	if !ok || kt.value != EntityValue {
		return nil
	}
	var out []Entity
	for _, e := range b.Entities {
		if inPools(e.Pool, kt.pools) && !e.Foil {
			out = append(out, e)
		}
	}
	return out
}

// A Matching is a curated matching question: each Left entity goes with
// the Right text at the same index; Extra holds responses that match no
// one, so the last pair cannot be found by elimination.
type Matching struct {
	ID      string
	Kind    string   // which --kinds selects it: a fact kind, "who" by default
	Prompt  string   // "Match each leader to his condition for talks."
	Left    []string // entity ids
	Right   []string // Right[i] goes with Left[i]
	Extra   []string // responses that go with no Left entity
	Sources []string // verbatim excerpts the pairs come from
	Tags    []string
	Line    int
}

// Names returns every way text may name e, longest first: its name, the
// name without a leading "the" or a trailing "(…)", what the parentheses
// hold, a person's surname, its aliases and, for a group that is a
// country, the names and demonyms the table of countries gives it
// ("French", "the U.S."). Each is trimmed; none is shorter than two
// letters.
func Names(e Entity) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if utf8.RuneCountInString(s) < 2 || slices.Contains(out, s) {
			return
		}
		out = append(out, s)
	}
	add(e.Name)
	bare := e.Name
	for _, article := range []string{"the ", "The "} {
		bare = strings.TrimPrefix(bare, article)
	}
	if i := strings.Index(bare, " ("); i > 0 && strings.HasSuffix(bare, ")") {
		add(bare[i+2 : len(bare)-1])
		bare = bare[:i]
	}
	add(bare)
	if e.Pool == People {
		if f := strings.Fields(e.Name); len(f) > 1 {
			add(f[len(f)-1])
		}
	}
	for _, a := range e.Aliases {
		add(a)
	}
	// A group that is a country is named by its people and adjective too,
	// whether or not the bank lists them: "the French president" names
	// France.
	if c, ok := country(e); ok {
		for _, a := range append(append([]string{c.Name}, c.Aliases...), c.Demonyms...) {
			add(a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// country returns the country a group is, found by its name or an alias
// in the table of countries; people, places and the rest are none.
func country(e Entity) (countries.Country, bool) {
	if e.Pool != Groups {
		return countries.Country{}, false
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if c, ok := countries.Find(n); ok {
			return c, true
		}
	}
	return countries.Country{}, false
}

// WithFacts returns a bank like b that holds only facts: the same article,
// entities and matching sets, and derived data of its own.
func (b *Bank) WithFacts(facts []Fact) *Bank {
	return &Bank{File: b.File, Article: b.Article, Entities: b.Entities, Facts: facts,
		Matchings: b.Matchings, Undrawable: b.Undrawable, byID: b.byID}
}
