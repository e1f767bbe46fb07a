package draft

import (
	"sort"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
)

// display is how an entity reads inside a role: "France", "the United
// States".
func (e *entity) display() string {
	if e.known != nil {
		return e.known.display()
	}
	return e.name
}

// merge joins the mentions of one person ("Khamenei", "Ali Khamenei") and
// drops what is not a name after all; it then gives every entity an id.
func (es *entities) merge() {
	gone := es.joinOneWordNames()
	es.keepNames(gone)
	es.groupAliases()
	es.ids()
}

// joinOneWordNames joins each one-word mention to the full name it ends
// ("Khamenei" to "Ali Khamenei"), or, for a person, to the one full name
// it starts ("Thomas" to "Thomas Sam"), the one mentioned most when
// several fit, and returns the entities so joined. A full name that is a
// longer form of another ("Ali Khamenei", "Ayatollah Ali Khamenei"
// stripped to the same) is already one entity.
func (es *entities) joinOneWordNames() map[*entity]bool {
	// Full names by surname.
	bySurname := map[string][]*entity{}
	for _, e := range es.all {
		if e.pool == bank.People && len(strings.Fields(e.name)) >= 2 {
			f := strings.Fields(e.name)
			bySurname[f[len(f)-1]] = append(bySurname[f[len(f)-1]], e)
		}
	}
	gone := map[*entity]bool{}
	for _, e := range es.all {
		if len(strings.Fields(e.name)) != 1 || e.pool == bank.Groups && e.known != nil {
			continue
		}
		cands := bySurname[e.name]
		if len(cands) == 0 && e.pool == bank.People {
			// A first name that only one full name starts with: "Thomas"
			// for "Thomas Sam".
			for _, x := range es.all {
				if x != e && x.pool == bank.People && len(strings.Fields(x.name)) >= 2 && strings.Fields(x.name)[0] == e.name {
					cands = append(cands, x)
				}
			}
			if len(cands) != 1 {
				cands = nil
			}
		}
		if len(cands) == 0 {
			continue
		}
		sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].mentions) > len(cands[j].mentions) })
		es.join(cands[0], e)
		gone[e] = true
	}
	return gone
}

// join moves e's mentions, votes (for a person), role and aliases into
// into.
func (es *entities) join(into, e *entity) {
	into.mentions = append(into.mentions, e.mentions...)
	for k, v := range e.votes {
		if e.pool == bank.People {
			into.votes[k] += v
		}
	}
	for _, m := range e.mentions {
		es.at[m.start] = into
	}
	if into.role == "" && e.role != "" {
		into.role, into.country, into.roleExcerpt, into.roleAt = e.role, e.country, e.roleExcerpt, e.roleAt
	}
	for _, a := range e.aliases {
		into.addAlias(a)
	}
}

// keepNames keeps the entities that are not gone (joined into another)
// and are real names, with their mentions in text order, sorted by pool
// and then by first mention; the mentions of those dropped are forgotten.
func (es *entities) keepNames(gone map[*entity]bool) {
	// Two full names, one inside the other: "Donald Trump", "Donald J.
	// Trump" are rare; "Emmanuel Macron" twice is one entity already.
	var keep []*entity
	for _, e := range es.all {
		if gone[e] || !es.real(e) {
			if gone[e] {
				continue
			}
			for _, m := range e.mentions {
				delete(es.at, m.start)
			}
			continue
		}
		sort.SliceStable(e.mentions, func(i, j int) bool { return e.mentions[i].start < e.mentions[j].start })
		keep = append(keep, e)
	}
	sort.SliceStable(keep, func(i, j int) bool {
		if keep[i].pool != keep[j].pool {
			return poolOrder(keep[i].pool) < poolOrder(keep[j].pool)
		}
		return firstAt(keep[i]) < firstAt(keep[j])
	})
	es.all = keep
}

// groupAliases gives each entity but a person the other names the text
// uses for it as aliases.
func (es *entities) groupAliases() {
	for _, e := range es.all {
		if e.pool != bank.People {
			for _, m := range e.mentions {
				if m.form != e.name && "the "+m.form != e.name && m.form != "the "+e.name {
					e.addAlias(m.form)
				}
			}
		}
	}
}

func poolOrder(p bank.Pool) int {
	for i, q := range bank.Pools {
		if p == q {
			return i
		}
	}
	return len(bank.Pools)
}

// real reports whether an entity is a name after all: a person needs the
// recogniser's or a title's word for it, or two words; a place the
// recogniser's; anything named once, in one word, at the start of a
// sentence, is more likely a capitalised word.
func (es *entities) real(e *entity) bool {
	if e.known != nil || e.pool == bank.Groups {
		return true
	}
	words := len(strings.Fields(e.name))
	onlyInitial := true
	for _, m := range e.mentions {
		onlyInitial = onlyInitial && m.tokStart == 0
	}
	switch e.pool {
	case bank.People:
		if e.role != "" {
			return true
		}
		if words == 1 {
			return e.votes["TITLE"] > 0 && e.votes["NER"] > 0
		}
		return e.votes["PERSON"] > 0 && !(onlyInitial && len(e.mentions) == 1 && e.votes["PERSON"] == 1 && words > 3)
	case bank.Places:
		if e.country != nil {
			return true
		}
		return e.votes["GPE"]+e.votes["LOCATION"] > 0 && !(onlyInitial && len(e.mentions) == 1)
	}
	return true
}

// ids gives every entity a short, unique id: a person's surname, a
// group's or place's name.
func (es *entities) ids() {
	used := map[string]bool{}
	for _, e := range es.all {
		base := e.name
		if e.pool == bank.People {
			f := strings.Fields(e.name)
			base = f[len(f)-1]
		}
		id := slug(base)
		if id == "" {
			id = string(e.pool)
		}
		if used[id] && e.pool == bank.People {
			id = slug(e.name)
		}
		for n := 2; used[id]; n++ {
			id = slug(base) + "-" + itoa(n)
		}
		used[id] = true
		e.id = id
	}
}

// slug makes an id from text: lower-case letters and digits joined by
// hyphens, accents dropped, "the" left out; at most five words.
func slug(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "the "), "The ")
	var b strings.Builder
	words := 0
	dash := false
	for _, r := range strings.ToLower(s) {
		r = unaccent(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				if words++; words >= 5 {
					return b.String()
				}
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '+':
			b.WriteString("-plus-")
		case r == '\'' || r == '’' || r == '.':
		default:
			dash = true
		}
	}
	return strings.Trim(strings.ReplaceAll(b.String(), "--", "-"), "-")
}

func unaccent(r rune) rune {
	const from, to = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"
	if i := strings.IndexRune(from, r); i >= 0 {
		return []rune(to)[len([]rune(from[:i]))]
	}
	return r
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// firstAt is where the article first names e; an entity it names only
// through another (a capital's country) sorts last.
func firstAt(e *entity) int {
	if len(e.mentions) == 0 {
		return 1 << 30
	}
	return e.mentions[0].start
}
