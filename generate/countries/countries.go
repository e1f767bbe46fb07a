// Package countries knows the world's countries by the names texts give
// them: the usual name, other names ("the U.S.", "America"), demonyms and
// adjectives ("French", "Americans") and the capital. The table is
// countries.tsv; it is read on first use, not at start-up.
package countries

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/quizcard/quizcard/generate/tsv"
)

//go:embed countries.tsv
var table string

// A Country is one row of the table.
type Country struct {
	Name     string   // "United States", "France"
	Aliases  []string // other names: "the United States", "U.S.", "America"
	Demonyms []string // its people and adjective: "American", "Americans"
	Capital  string   // "Washington"
	Region   string   // "north-america"
}

type index struct {
	all    []Country
	byName map[string]int // folded name or alias -> index in all
}

var load = sync.OnceValue(func() index {
	x := index{byName: map[string]int{}}
	for _, f := range tsv.Rows(table, 5) {
		c := Country{Name: f[0], Aliases: tsv.List(f[1]), Demonyms: tsv.List(f[2]), Capital: f[3], Region: f[4]}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if _, dup := x.byName[key(n)]; !dup {
				x.byName[key(n)] = len(x.all)
			}
		}
		x.all = append(x.all, c)
	}
	return x
})

// All returns every country in the table's order. The slice is shared:
// do not modify it.
func All() []Country { return load().all }

// Find returns the country that name names, by its name or one of its
// other names, regardless of case and of a leading "the": "France", "the
// U.S.", "united states". Demonyms and capitals do not count: "French"
// and "Paris" find nothing. ok is false for a name the table lacks.
func Find(name string) (c Country, ok bool) {
	x := load()
	i, ok := x.byName[key(name)]
	if !ok {
		return Country{}, false
	}
	return x.all[i], true
}

// key folds a name for lookup: trimmed, lower case, without "the ".
func key(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.TrimPrefix(s, "the ")
}
