package draft

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
)

// An entity is a person, group, place, deal or event the article names,
// with every mention of it.
type entity struct {
	pool    bank.Pool
	id      string
	name    string
	role    string  // people
	country *entity // people, places
	typ     string  // groups: "country", "organisation", …
	year    int     // deals
	date    bank.Date
	aliases []string
	foil    bool
	known   *known

	mentions []mention
	// roleExcerpt is the text that gives a person's role, as written:
	// "French President Emmanuel Macron".
	roleExcerpt      string
	roleAt           int // byte offset of roleExcerpt
	roleFromApposite bool
	votes            map[string]int // recogniser labels of its mentions
}

// A mention is one place the article names an entity.
type mention struct {
	start, end int // the name as written
	// full is where the mention with its title begins: "French President
	// Emmanuel Macron" for the mention "Emmanuel Macron".
	full     int
	sent     int
	tokStart int // first token of the name in its sentence
	tokEnd   int // one past the last
	form     string
}

// people, groups, … of one article, merged.
type entities struct {
	text string
	all  []*entity
	// at maps a byte offset of a name's first byte to its mention.
	at map[int]*entity
}

var possessive = regexp.MustCompile(`^\s*['’]s\b`)

// findEntities finds the people, countries, organisations and places of
// the article: the gazetteer for countries, demonyms, capitals and
// organisations; the recogniser's capitalised chunks for names, with the
// titles and appositions around them for roles.
func findEntities(text string, sents []sentence) *entities {
	es := &entities{text: text, at: map[int]*entity{}}
	known := map[*known]*entity{}
	sentOf := func(off int) int {
		i := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
		if i == len(sents) {
			i = len(sents) - 1
		}
		return i
	}
	claimed := make([]bool, len(text)+1)
	gaz := findKnown(text)
	gazAt := map[int]gazMatch{} // by end offset
	for _, g := range gaz {
		if skipKnown(text, g) {
			continue
		}
		for k := g.start; k < g.end; k++ {
			claimed[k] = true
		}
		gazAt[g.end] = g
		k := g.ref.k
		if g.ref.capital {
			// A capital is a place of its country.
			e := es.place(g.form)
			e.country = es.group(known, k)
			es.mention(e, mention{start: g.start, end: g.end, full: g.start, sent: sentOf(g.start), form: g.form})
			continue
		}
		e := es.group(known, k)
		es.mention(e, mention{start: g.start, end: g.end, full: g.start, sent: sentOf(g.start), form: g.form})
	}

	// Capitalised chunks from the recogniser and the tagger.
	for si, s := range sents {
		if headline(text[s.Start:s.End]) {
			continue
		}
		toks := s.toks
		for i := 0; i < len(toks); {
			if !chunkable(toks[i]) || toks[i].start < 0 || claimed[toks[i].start] {
				i++
				continue
			}
			j := i
			for j < len(toks) && toks[j].start >= 0 && !claimed[toks[j].start] &&
				(chunkable(toks[j]) || (j > i && j+1 < len(toks) && isParticle(toks[j].text) && chunkable(toks[j+1]))) {
				j++
			}
			es.chunk(si, s, i, j, claimed, gazAt, known)
			i = j
		}
	}
	es.merge()
	return es
}

// skipKnown reports gazetteer matches that are something else here: a
// country that is a first name ("Chad Smith", "Jordan Peterson"), or
// "America" in "Latin America" (the region matches first).
func skipKnown(text string, g gazMatch) bool {
	switch g.form {
	case "Chad", "Jordan", "Georgia", "Israel", "Kingston", "Lima", "Victoria":
		rest := strings.TrimLeft(text[g.end:], " ")
		r, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsUpper(r) && !strings.HasPrefix(rest, "'s") && len(rest) != len(text[g.end:])
	case "US":
		return false
	}
	return false
}

func chunkable(t token) bool {
	if t.tag != "NNP" && t.tag != "NNPS" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func isParticle(w string) bool {
	switch w {
	case "bin", "al", "el", "de", "van", "von", "der", "da", "di", "la", "le", "ibn", "bint", "du", "of":
		return true
	}
	return false
}

// chunk reads toks[i:j], a run of capitalised words: strips titles and
// honorifics into a role, and records the rest as a name.
func (es *entities) chunk(si int, s sentence, i, j int, claimed []bool, gazAt map[int]gazMatch, known map[*known]*entity) {
	text := es.text
	toks := s.toks
	var title []string
	var hon []string
	k := i
	for ; k < j-1; k++ { // a name keeps at least one word
		w := strings.ToLower(toks[k].text)
		switch {
		case honorifics[w]:
			hon = append(hon, toks[k].text)
		case titleHeads[w] || (titleWords[w] && w != "of" && w != "the"):
			if len(hon) > 0 {
				goto name
			}
			title = append(title, toks[k].text)
		case w == "of" && len(title) > 0:
			title = append(title, toks[k].text)
		default:
			goto name
		}
	}
name:
	// "of" and particles do not end a name.
	for j > k && isParticle(toks[j-1].text) {
		j--
	}
	if k >= j {
		return
	}
	nameStart, nameEnd := toks[k].start, toks[j-1].end
	form := text[nameStart:nameEnd]
	words := strings.Fields(form)
	if notNames[strings.ToLower(words[0])] || (len(words) == 1 && notNames[strings.ToLower(strings.TrimSuffix(form, "."))]) {
		return
	}
	if strings.ContainsAny(form, "0123456789\"“”") {
		return
	}
	label := vote(toks[k:j])
	// A publication: "The New Yorker magazine".
	if j < len(toks) && mediaWords[strings.ToLower(toks[j].text)] {
		e := es.groupNamed(form, strings.ToLower(toks[j].text))
		es.mention(e, mention{start: nameStart, end: nameEnd, full: nameStart, sent: si, tokStart: k, tokEnd: j, form: form})
		return
	}
	// Titles written in lower case before the chunk: "foreign minister".
	full := toks[i].start
	b := i
	for b > 0 && toks[b-1].start >= 0 && !claimed[toks[b-1].start] {
		w := strings.ToLower(toks[b-1].text)
		if !(titleHeads[w] || titleWords[w]) || w == "the" || w == "of" {
			break
		}
		title = append([]string{toks[b-1].text}, title...)
		b--
		full = toks[b].start
	}
	// A demonym or a possessive country before the title: "French
	// President", "Iran's Supreme Leader".
	var country *entity
	if len(title) > 0 {
		before := strings.TrimRight(text[:full], " ")
		if g, ok := gazAt[len(before)]; ok && g.ref.k.kind == "country" && g.ref.demonym {
			country = known[g.ref.k]
			full = g.start
		} else if m := possessiveBefore(text, full, gazAt); m != nil && m.ref.k.kind != "region" {
			country = known[m.ref.k]
			full = m.start
		}
		if w := strings.TrimRight(text[:full], " "); strings.HasSuffix(strings.ToLower(w), "former") {
			title = append([]string{"former"}, title...)
			full = len(w) - len("former")
		}
	}
	isPerson := len(title) > 0 || len(hon) > 0 || label == "PERSON" && len(words) >= 2
	m := mention{start: nameStart, end: nameEnd, full: full, sent: si, tokStart: k, tokEnd: j, form: form}
	if isPerson || label == "PERSON" {
		e := es.person(form)
		e.votes[label]++
		if len(title) > 0 || len(hon) > 0 {
			e.votes["PERSON"] += 2
		}
		if len(hon) > 0 {
			e.addAlias(strings.Join(hon, " ") + " " + form)
		}
		if role := roleOf(title, country); role != "" && (e.role == "" || (country != nil && e.country == nil)) {
			e.role = role
			e.country = country
			e.roleExcerpt = text[full:nameEnd]
			e.roleAt = full
		}
		if e.role == "" {
			if role, country, at, end := apposite(es, s, j, gazAt, known); role != "" {
				e.role, e.country = role, country
				e.roleExcerpt = text[nameStart:end]
				e.roleAt = at
				e.roleFromApposite = true
			}
		}
		es.mention(e, m)
		return
	}
	switch label {
	case "GPE", "LOCATION":
		e := es.place(form)
		e.votes[label]++
		// "Tehran, Iran": a place and its country.
		rest := text[nameEnd:]
		if strings.HasPrefix(rest, ", ") {
			for _, g := range gazAt {
				if g.start == nameEnd+2 && g.ref.k.kind == "country" && !g.ref.demonym {
					e.country = known[g.ref.k]
				}
			}
		}
		es.mention(e, m)
	case "ORGANIZATION":
		if len(words) >= 2 || strings.ToUpper(form) == form {
			e := es.groupNamed(form, "organisation")
			es.mention(e, m)
		}
	default:
		// Unlabelled capitalised words: a person's surname, perhaps;
		// merge decides.
		e := es.person(form)
		e.votes["O"]++
		es.mention(e, m)
	}
}

// possessiveBefore returns the known country or organisation whose name
// ends, followed by 's, just before at: "Iran's" before "Supreme Leader".
func possessiveBefore(text string, at int, gazAt map[int]gazMatch) *gazMatch {
	before := strings.TrimRight(text[:at], " ")
	for _, suffix := range []string{"'s", "’s"} {
		if strings.HasSuffix(before, suffix) {
			if g, ok := gazAt[len(before)-len(suffix)]; ok && !g.ref.demonym {
				return &g
			}
		}
	}
	return nil
}

// roleOf makes a role from title words and a country: "President of
// France", "Supreme Leader of Iran", "former Prime Minister".
func roleOf(title []string, country *entity) string {
	if len(title) == 0 {
		return ""
	}
	words := make([]string, len(title))
	for i, w := range title {
		switch lw := strings.ToLower(w); {
		case lw == "former" || lw == "of" || lw == "the":
			words[i] = lw
		default:
			words[i] = capitalize(w)
		}
	}
	head := false
	for _, w := range words {
		head = head || titleHeads[strings.ToLower(w)]
	}
	if !head {
		return ""
	}
	role := strings.Join(words, " ")
	if country != nil {
		if strings.Contains(role, " of ") {
			return country.display() + " " + role
		}
		return role + " of " + country.display()
	}
	return role
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// apposite reads a role given after a name between commas: "Hassan
// Rouhani, Iran's president, said" or "Antonio Guterres, the U.N.
// secretary-general,". j is the token after the name. It returns the
// role, its country, and where the excerpt begins and ends.
func apposite(es *entities, s sentence, j int, gazAt map[int]gazMatch, known map[*known]*entity) (string, *entity, int, int) {
	toks := s.toks
	if j >= len(toks) || toks[j].text != "," {
		return "", nil, 0, 0
	}
	var words []string
	var country *entity
	head := false
	end := -1
	for k := j + 1; k < len(toks) && k < j+10; k++ {
		t := toks[k]
		w := strings.ToLower(t.text)
		if t.text == "," || t.text == "." {
			end = k
			break
		}
		if strings.HasPrefix(t.tag, "VB") || t.tag == "PRP" || t.tag == "WDT" || t.tag == "WP" || t.text == `"` {
			return "", nil, 0, 0
		}
		if g, ok := gazAt[t.end]; ok && g.start >= t.start-20 && g.ref.k.kind != "region" {
			country = known[g.ref.k]
			continue
		}
		if w == "'s" || w == "’s" || (k == j+1 && (w == "the" || w == "a" || w == "an")) {
			continue
		}
		if t.start < 0 {
			return "", nil, 0, 0
		}
		if titleHeads[w] {
			head = true
		}
		words = append(words, t.text)
	}
	if !head || end < 0 || len(words) == 0 || len(words) > 5 {
		return "", nil, 0, 0
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if !titleHeads[lw] && !titleWords[lw] {
			return "", nil, 0, 0
		}
	}
	return roleOf(words, country), country, toks[j].start, toks[end-1].end
}

func vote(toks []token) string {
	n := map[string]int{}
	for _, t := range toks {
		if l := strings.TrimLeft(t.label, "BI-"); t.label != "O" && l != "" {
			n[l]++
		}
	}
	best, bestN := "", 0
	for _, l := range []string{"PERSON", "GPE", "LOCATION", "ORGANIZATION"} {
		if n[l] > bestN {
			best, bestN = l, n[l]
		}
	}
	return best
}

func (es *entities) mention(e *entity, m mention) {
	e.mentions = append(e.mentions, m)
	es.at[m.start] = e
}

func (e *entity) addAlias(a string) {
	a = strings.TrimSpace(a)
	if a == "" || a == e.name {
		return
	}
	for _, x := range e.aliases {
		if x == a {
			return
		}
	}
	e.aliases = append(e.aliases, a)
}

// group returns the entity of a known country or organisation.
func (es *entities) group(known map[*known]*entity, k *known) *entity {
	if e, ok := known[k]; ok {
		return e
	}
	e := &entity{pool: bank.Groups, name: k.name, typ: k.kind, known: k, votes: map[string]int{}}
	known[k] = e
	es.all = append(es.all, e)
	return e
}

func (es *entities) groupNamed(name, typ string) *entity {
	name = strings.TrimPrefix(name, "The ")
	for _, e := range es.all {
		if e.pool == bank.Groups && e.name == name {
			return e
		}
	}
	e := &entity{pool: bank.Groups, name: name, typ: typ, votes: map[string]int{}}
	es.all = append(es.all, e)
	return e
}

func (es *entities) place(name string) *entity {
	for _, e := range es.all {
		if e.pool == bank.Places && e.name == name {
			return e
		}
	}
	e := &entity{pool: bank.Places, name: name, votes: map[string]int{}}
	es.all = append(es.all, e)
	return e
}

func (es *entities) person(name string) *entity {
	for _, e := range es.all {
		if e.pool == bank.People && e.name == name {
			return e
		}
	}
	e := &entity{pool: bank.People, name: name, votes: map[string]int{}}
	es.all = append(es.all, e)
	return e
}

// headline reports whether a sentence is written in title case, as
// headlines are ("Khamenei Says Macron Is Either Naive"): every word
// capitalised says nothing about names.
func headline(s string) bool {
	words := strings.Fields(s)
	if len(words) < 4 {
		return false
	}
	upper := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, `"'“‘(`))
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	return upper*4 >= len(words)*3
}
