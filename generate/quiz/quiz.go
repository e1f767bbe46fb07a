// Package quiz turns facts from a bank into quiz questions (multiple choice,
// true/false, matching, ordering) with fair distractors, and shuffles them
// into lettered versions. It does no I/O: randomness comes from the caller.
package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
)

// A Form is a kind of question.
type Form string

// The question forms.
const (
	MC    Form = "mc"    // multiple choice, one right answer
	TF    Form = "tf"    // true or false, from a fact's statement
	Match Form = "match" // match 4–5 pairs
	Order Form = "order" // put 4–5 dated events in order
)

// Name returns the form as people say it: "multiple-choice", "true/false",
// "matching", "ordering".
func (f Form) Name() string {
	switch f {
	case Match:
		return "matching"
	case Order:
		return "ordering"
	case TF:
		return "true/false"
	}
	return "multiple-choice"
}

// Forms lists every form, in the order a quiz presents them.
var Forms = []Form{MC, TF, Match, Order}

// Options say what quiz to build. The zero value of a field means its
// default.
type Options struct {
	Title    string      // default: DefaultTitle
	Count    int         // questions; default 10
	Choices  int         // options per multiple-choice question, 2–5; default 4
	Versions int         // shuffled versions; default 1
	Forms    []Form      // default: a mix led by multiple choice
	Filter   bank.Filter // which facts may be asked
	Seed     uint64      // recorded in the quiz so it can be made again
}

// A Quiz is a set of questions and its shuffled versions.
type Quiz struct {
	Title     string     `json:"title"`
	Seed      uint64     `json:"seed"`
	Article   Article    `json:"article"`
	Questions []Question `json:"questions"`
	Versions  []Version  `json:"versions"`

	// Command is the command line that makes this quiz again, as the
	// caller ran it ("quizcard quiz --count 12 --seed 7"); Build leaves
	// it empty.
	Command string `json:"command,omitempty"`
}

// Article says where the questions come from.
type Article struct {
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	URL    string `json:"url,omitempty"`
}

// A Question is what a fact (or, for matching and ordering, a set of
// entities) becomes in a quiz, in canonical order: for multiple choice and
// true/false, Options[Answer] is right; for matching, Left[i] goes with
// Right[i] and the Extra responses go with nothing; for ordering, Items are
// in the right order.
type Question struct {
	ID       string   `json:"id"` // "q1", "q2", ... in canonical order
	Form     Form     `json:"form"`
	Facts    []string `json:"facts,omitempty"`    // fact ids it is made from
	Entities []string `json:"entities,omitempty"` // entity ids, for match and order
	Prompt   string   `json:"prompt"`
	Options  []string `json:"options,omitempty"` // mc and tf
	Answer   int      `json:"answer"`            // index into Options (mc, tf)
	Left     []string `json:"left,omitempty"`    // match: the items to match
	Right    []string `json:"right,omitempty"`   // match: Right[i] goes with Left[i]
	Extra    []string `json:"extra,omitempty"`   // match: responses that go with no Left item
	Items    []string `json:"items,omitempty"`   // order: in the right order
	Correct  string   `json:"correct"`           // the right answer in words
	Explain  string   `json:"explain,omitempty"`
	Source   string   `json:"source,omitempty"`
	Kind     string   `json:"kind,omitempty"` // the fact's kind
	// Ordered marks a multiple-choice question whose options are figures
	// or dates, in ascending order: every version and export keeps that
	// order (HDR 21), so its letter is the key's rank, not a dealt one.
	Ordered bool `json:"ordered,omitempty"`

	// Feedback says why each option is wrong, aligned with Options (""
	// where the bank says nothing, and for the right option); nil when the
	// bank has no feedback for any of them. See feedback.go.
	Feedback []string `json:"feedback,omitempty"`
	// Statement is the fact's true statement split around its answer, for
	// flashcards that hide the answer (mc, tf); nil when the fact has none.
	Statement *Statement `json:"statement,omitempty"`
	// Group names the question's group in a pool (see Pool): a platform
	// that draws one question per group gives no student two questions
	// on one point. "" outside pools.
	Group string `json:"group,omitempty"`
}

// A Version is one shuffled copy of the quiz.
type Version struct {
	Label string `json:"label"` // "A", "B", ..., "Z", "AA", ...
	Items []Item `json:"items"`
}

// An Item is a question as one version shows it.
type Item struct {
	Number   int    `json:"number"`   // 1-based position in the version
	Question string `json:"question"` // Question.ID
	// Order permutes the question's choices for display: shown choice i is
	// Options[Order[i]] (mc, tf), Responses()[Order[i]] (match: Right, then
	// Extra) or Items[Order[i]] (order).
	Order []int `json:"order"`
	// Key is what a student writes: "B" (mc, tf), "1-C 2-A 3-B 4-D" (match),
	// "C A D B" (order).
	Key string `json:"key"`
}

// Label returns the version label for index i: A–Z, then AA, AB, ...
func Label(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// Letter returns the option letter for index i: A, B, C, ...
func Letter(i int) string { return string(rune('A' + i)) }

// Question returns the question with the given id.
func (q *Quiz) Question(id string) *Question {
	for i := range q.Questions {
		if q.Questions[i].ID == id {
			return &q.Questions[i]
		}
	}
	return nil
}

// Shown returns the choices of item it as its version shows them.
func (q *Question) Shown(it Item) []string {
	src := q.Options
	switch q.Form {
	case Match:
		src = q.Responses()
	case Order:
		src = q.Items
	}
	out := make([]string, len(it.Order))
	for i, j := range it.Order {
		out[i] = src[j]
	}
	return out
}

// Responses returns a matching question's right-hand list: Right, then
// Extra.
func (q *Question) Responses() []string {
	return append(append([]string{}, q.Right...), q.Extra...)
}

// ParseForms reads a comma-separated list of forms.
func ParseForms(s string) ([]Form, error) {
	var out []Form
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		ok := false
		for _, g := range Forms {
			ok = ok || Form(f) == g
		}
		if !ok {
			return nil, fmt.Errorf("unknown form %q (want mc, tf, match or order)", f)
		}
		out = append(out, Form(f))
	}
	return out, nil
}

// Build makes a quiz from the bank. It draws every random choice from rng,
// so the same bank, options and rng state give the same quiz. Every item
// obeys the rules written at the top of distract.go, match.go and
// paper.go, and the built quiz is audited against them (Audit) before it
// is returned; an item that breaks one is replaced. When the rules leave
// fewer clean questions than opt.Count, Build fails with a *ShortError
// that says why.
func Build(b *bank.Bank, opt Options, rng *rand.Rand) (*Quiz, error) {
	opt, err := opt.withDefaults(b)
	if err != nil {
		return nil, err
	}
	g := newGen(b, rng)
	q := &Quiz{
		Title: opt.Title,
		Seed:  opt.Seed,
		Article: Article{
			Title:  b.Article.Title,
			Outlet: b.Article.Outlet,
			Date:   b.Article.Date.ISO(),
			URL:    b.Article.URL,
		},
	}
	if err := g.questions(q, opt); err != nil {
		return nil, g.explainNoOrder(err, opt.Filter)
	}
	q.Versions = shuffle(q.Questions, opt.Versions, opt.Choices, rng)
	addFeedback(b, q.Questions)
	addStatements(b, q.Questions)
	return q, nil
}

// DefaultTitle is the title a quiz gets when none is given: the bank's
// quiz_title, else one made from the topic and outlet. It is never the
// headline, which may state answers, and carries no date: "May 2009" above
// a question whose answer is "8 May 2009" rules out every April option.
func DefaultTitle(a bank.Article) string {
	if a.QuizTitle != "" {
		return a.QuizTitle
	}
	if a.Topic != "" {
		return "Quiz: " + a.Topic + " · " + a.Outlet
	}
	return "Quiz on an article from " + a.Outlet
}

func (o Options) withDefaults(b *bank.Bank) (Options, error) {
	if o.Title == "" {
		o.Title = DefaultTitle(b.Article)
	}
	if o.Count == 0 {
		o.Count = 10
	}
	if o.Choices == 0 {
		o.Choices = 4
	}
	if o.Versions == 0 {
		o.Versions = 1
	}
	switch {
	case o.Count < 1:
		return o, fmt.Errorf("count must be at least 1, not %d", o.Count)
	case o.Choices < 2 || o.Choices > 5:
		return o, fmt.Errorf("choices must be 2 to 5, not %d", o.Choices)
	case o.Versions < 1 || o.Versions > 5000:
		return o, fmt.Errorf("versions must be 1 to 5000, not %d", o.Versions)
	}
	return o, nil
}

// BuildUpTo is Build with opt.Count taken as an upper bound, for a count
// nobody asked for: when the rules leave fewer clean questions, it builds
// the largest clean quiz instead and also returns the ShortError that says
// why. rng gives a fresh random source, from the same seed, for each try.
func BuildUpTo(b *bank.Bank, opt Options, rng func() *rand.Rand) (*Quiz, *ShortError, error) {
	q, err := Build(b, opt, rng())
	var first, short *ShortError
	for tries := 0; errors.As(err, &short) && short.Possible > 0 && tries < 5; tries++ {
		if first == nil {
			first = short
		}
		opt.Count = short.Possible
		q, err = Build(b, opt, rng())
	}
	if err != nil {
		return nil, nil, err
	}
	if first != nil {
		// The note says what was made: a count that the rules could
		// not fill on this seed was lowered again.
		first.Possible = opt.Count
	}
	return q, first, nil
}
