// Package bank reads, validates and extends the fact bank: the curated facts
// about one news article (questions.toml) that quizzes and cards are made from.
package bank

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Bank is a parsed and validated fact bank.
type Bank struct {
	File     string   // name used in messages, e.g. "questions.toml"
	Article  Article  // the article the facts are about
	Entities []Entity // people, groups, places, deals and events, in file order
	Facts    []Fact   // in file order

	// Undrawable lists the texts that hold a character the PDF fonts
	// cannot draw (Persian, Arabic, CJK, emoji), at their lines. Such a
	// bank is valid: PDFs refuse it, the other formats carry the text.
	Undrawable ErrorList

	byID map[string]int // entity id -> index in Entities
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
	Line    int
}

// Kinds lists the fact kinds, in the order summaries print them.
var Kinds = []string{"who", "when", "deal", "mediator", "quote", "number", "place"}

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
	Explain    string
	Source     string // verbatim excerpt of the article
	Tags       []string
	Difficulty int // 1 (easy) to 3 (hard)
	Line       int // line of the fact's [[facts]] header

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
func Fold(s string) string { return fold(s, false) }

// fold is Fold in one pass; with dropPunct it also drops , . ; : ! ?
func fold(s string, dropPunct bool) string {
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
			if dropPunct {
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
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
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
// answer, in file order; nil for kinds answered by a date or a number.
func (b *Bank) Candidates(kind string) []Entity {
	kt, ok := kindTypes[kind]
	if !ok || kt.value != EntityValue {
		return nil
	}
	var out []Entity
	for _, e := range b.Entities {
		if inPools(e.Pool, kt.pools) {
			out = append(out, e)
		}
	}
	return out
}
