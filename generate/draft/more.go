package draft

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/tsv"
)

//go:embed foils.tsv
var foilsTSV string

// noRole is the role written for a person the article gives none: the
// bank needs one, and the curator should put in the real one.
const noRole = bank.UnknownRole

// minPeople is how many people a bank needs for a "who" fact to have
// three wrong options.
const minPeople = bank.MinDistractors + 1

// foils adds well-known people the article does not mention, marked
// foil = true, when it names fewer than minPeople: wrong options for
// "who" and quote facts. Foils from the countries of the article's people
// come first; the list is fixed, so the choice is deterministic.
func (g *gen) foils() {
	var people []*entity
	countries := map[string]bool{}
	for _, e := range g.es.all {
		if e.pool == bank.People {
			people = append(people, e)
			if e.country != nil {
				countries[e.country.name] = true
			}
			if e.role == "" {
				e.role = noRole
			}
		}
	}
	if len(people) == 0 || len(people) >= minPeople {
		return
	}
	type foil struct{ name, role, country string }
	var same, other []foil
	for _, f := range tsv.Rows(foilsTSV, 3) {
		x := foil{f[0], f[1], f[2]}
		taken := false
		for _, p := range people {
			taken = taken || p.name == x.name
		}
		switch {
		case taken:
		case countries[x.country]:
			same = append(same, x)
		case len(countries) == 0 && x.country == "":
			same = append(same, x)
		default:
			other = append(other, x)
		}
	}
	for _, x := range append(same, other...) {
		if len(people) >= minPeople {
			break
		}
		e := &entity{pool: bank.People, name: x.name, role: x.role, foil: true, votes: map[string]int{}}
		people = append(people, e)
		g.es.all = append(g.es.all, e)
		g.d.Foils++
	}
	g.es.ids()
}

var eventRE = lazyRegexp(`\b[Tt]he (1[6-9]\d\d|20\d\d) ((?:[a-z][\p{L}'’-]*)(?: [a-z][\p{L}'’-]*){0,2})`)

var eventStop = set(`and or of in on at to with for by from when which who that was were is are has had
have as than but between against after before during`)

var dealWords = set(`deal agreement accord accords treaty pact protocol convention truce ceasefire`)

// events finds "the 1953 coup d'état" and "the 2015 nuclear deal": dated
// events for the card's timeline, and deals.
func (g *gen) events(dates []dateMention) {
	seen := map[string]bool{}
	for _, m := range eventRE().FindAllStringSubmatchIndex(g.text, -1) {
		year, _ := strconv.Atoi(g.text[m[2]:m[3]])
		words := strings.Fields(g.text[m[4]:m[5]])
		n := 0
		for n < len(words) && !eventStop()[words[n]] {
			n++
		}
		words = words[:n]
		if len(words) == 0 {
			continue
		}
		name := "the " + g.text[m[2]:m[3]] + " " + strings.TrimRight(strings.Join(words, " "), ",.;:")
		if seen[name] {
			continue
		}
		seen[name] = true
		e := &entity{name: name, votes: map[string]int{}}
		e.mentions = []mention{{start: m[0], end: m[0] + len(name), full: m[0], form: name}}
		if dealWords()[strings.ToLower(strings.TrimRight(words[len(words)-1], ",.;:"))] {
			e.pool, e.year = bank.Deals, year
		} else {
			e.pool, e.date = bank.Events, bank.Date{Year: year, Precision: bank.Year}
		}
		g.es.all = append(g.es.all, e)
	}
	g.es.ids()
}

// checkPools leaves out facts whose answer has too few others of its
// kind to be wrong options, saying so.
func (g *gen) checkPools() {
	size := map[bank.Pool]int{}
	for _, e := range g.es.all {
		size[e.pool]++
	}
	var keep []Fact
	for _, f := range g.d.Facts {
		if f.Kind == "who" || f.Kind == "quote" {
			if size[bank.People] < minPeople {
				g.d.Left = append(g.d.Left, f.ID+": too few people for three wrong options")
				continue
			}
		}
		keep = append(keep, f)
	}
	g.d.Facts = keep
}
