package draft

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/countries"
	"github.com/quizcard/quizcard/generate/tsv"
)

//go:embed groups.tsv
var groupsTSV string

// A known is a country or organisation quizcard knows by name, so that
// "French", "the U.S." and "Washington" are recognised whatever the
// recogniser makes of them.
type known struct {
	name      string   // "United States", "the United Nations"
	names     []string // every way text names it, name first
	demonyms  []string // "French", "Americans"
	capital   string
	region    string
	kind      string // the group type: "country", "organisation", "region"
	withThe   bool   // the name reads with "the": "the United States"
	sortOrder int
}

// gazetteer returns the index, built on first use rather than at every
// command's start.
var gazetteer = sync.OnceValue(loadGazetteer)

// gazetteerIndex maps every name, alias, demonym and capital to what it
// names; longest names first for matching.
type gazetteerIndex struct {
	all    []*known
	byForm map[string]formRef
	forms  []string // longest first
}

type formRef struct {
	k       *known
	demonym bool
	capital bool
}

func loadGazetteer() *gazetteerIndex {
	g := &gazetteerIndex{byForm: map[string]formRef{}}
	add := func(form string, r formRef) {
		form = strings.TrimSpace(form)
		if form == "" {
			return
		}
		if _, dup := g.byForm[form]; !dup {
			g.byForm[form] = r
			g.forms = append(g.forms, form)
		}
	}
	for _, c := range countries.All() {
		k := &known{name: c.Name, kind: "country", capital: c.Capital, region: c.Region, sortOrder: len(g.all)}
		k.names = append([]string{c.Name}, c.Aliases...)
		k.demonyms = c.Demonyms
		for _, a := range k.names {
			if a == "the "+k.name {
				k.withThe = true
			}
		}
		g.all = append(g.all, k)
	}
	for _, f := range tsv.Rows(groupsTSV, 3) {
		k := &known{name: f[0], kind: f[1], sortOrder: len(g.all)}
		k.names = append([]string{f[0]}, tsv.List(f[2])...)
		g.all = append(g.all, k)
	}
	// Names before demonyms before capitals, so that a name that is also a
	// demonym ("Saudi") or a capital ("Singapore") names the country.
	for _, k := range g.all {
		for _, n := range k.names {
			add(n, formRef{k: k})
		}
	}
	for _, k := range g.all {
		for _, d := range k.demonyms {
			add(d, formRef{k: k, demonym: true})
		}
	}
	for _, k := range g.all {
		if k.capital != "" && k.capital != k.name {
			add(k.capital, formRef{k: k, capital: true})
		}
	}
	sort.SliceStable(g.forms, func(i, j int) bool { return len(g.forms[i]) > len(g.forms[j]) })
	return g
}

// display is how a country reads inside a role: "France", "the United
// States".
func (k *known) display() string {
	if k.withThe {
		return "the " + k.name
	}
	return k.name
}

// A gazMatch is a stretch of text that names a known country or
// organisation.
type gazMatch struct {
	start, end int
	ref        formRef
	form       string
}

// findKnown returns every mention of a known country, organisation,
// demonym or capital in text, longest first where they overlap, in text
// order. Matches are case-sensitive and on word boundaries.
func findKnown(text string) []gazMatch {
	taken := make([]bool, len(text))
	var out []gazMatch
	gaz := gazetteer()
	for _, form := range gaz.forms {
		for at := 0; ; {
			i := strings.Index(text[at:], form)
			if i < 0 {
				break
			}
			s, e := at+i, at+i+len(form)
			at = s + 1
			if !wordBoundary(text, s, e) {
				continue
			}
			free := true
			for k := s; k < e; k++ {
				if taken[k] {
					free = false
					break
				}
			}
			if !free {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			out = append(out, gazMatch{s, e, gaz.byForm[form], form})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// wordBoundary reports whether text[s:e] stands as whole words: no letter
// or digit just before or after ("U.S." may end in a full stop).
func wordBoundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
