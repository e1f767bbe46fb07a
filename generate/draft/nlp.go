package draft

import (
	"regexp"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"

	"github.com/quizcard/quizcard/generate/bank"
)

// A token is one word or mark of the article, with where it is in the
// text, its part of speech (Penn Treebank tags: NNP, VBD, …) and its
// named-entity label from the recogniser (B-PERSON, I-GPE, O, …).
type token struct {
	text       string
	tag, label string
	start, end int // bytes in the article text; start < 0 when not found
}

// A sentence is one sentence of the article and its tokens.
type sentence struct {
	bank.Span
	para int // paragraph, from 0
	toks []token
}

var (
	modelOnce sync.Once
	model     *prose.Model
)

// proseModel returns the recogniser's model, loaded once: loading it is
// most of the cost of a run.
func proseModel() *prose.Model {
	modelOnce.Do(func() {
		doc, err := prose.NewDocument("Load the model.", prose.WithSegmentation(false))
		if err == nil {
			model = doc.Model
		}
	})
	return model
}

// tokenize splits text into its sentences (as check splits them) and tags
// each one's words.
func tokenize(text string) []sentence {
	m := proseModel()
	var out []sentence
	para := 0
	prevEnd := 0
	for _, sp := range bank.Sentences(text) {
		if strings.Contains(text[prevEnd:sp.Start], "\n\n") || (strings.Count(text[prevEnd:sp.Start], "\n") >= 2) {
			if len(out) > 0 {
				para++
			}
		}
		prevEnd = sp.End
		s := sentence{Span: sp, para: para}
		doc, err := prose.NewDocument(text[sp.Start:sp.End], prose.WithSegmentation(false), prose.UsingModel(m))
		if err != nil {
			out = append(out, s)
			continue
		}
		at := sp.Start
		for _, t := range doc.Tokens() {
			tok := token{text: t.Text, tag: t.Tag, label: t.Label, start: -1, end: -1}
			if i := strings.Index(text[at:sp.End], t.Text); i >= 0 && i <= 16 {
				tok.start, tok.end = at+i, at+i+len(t.Text)
				at = tok.end
			}
			s.toks = append(s.toks, tok)
		}
		out = append(out, s)
	}
	return out
}

// lazyRegexp returns a function that compiles the pattern on first use.
// The package's patterns took 1 ms and 740 kB at start-up (GODEBUG=
// inittrace=1) in every command, while only new uses them.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
