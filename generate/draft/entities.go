package draft

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
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

var possessive = lazyRegexp(`^\s*['’]s\b`)

// titleOfBefore matches "Governor of " before a place that splits a title.
var titleOfBefore = lazyRegexp(`((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)\s+of\s+$`)

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
	t, k := leadingTitles(toks, i, j)
	j = trimNameEnd(toks, k, j)
	if k >= j {
		return
	}
	nameStart, nameEnd := toks[k].start, toks[j-1].end
	form := text[nameStart:nameEnd]
	words := strings.Fields(form)
	if !couldBeName(form, words, toks[k:j]) {
		return
	}
	kind, thing := kindOfWords(words)
	if thing {
		return
	}
	if kind == "organisation" {
		typ := "organisation"
		for _, w := range words {
			if mediaWords()[strings.ToLower(w)] {
				typ = "news outlet"
			}
		}
		if len(words) >= 2 {
			es.mention(es.groupNamed(form, typ), mention{start: nameStart, end: nameEnd, full: nameStart, sent: si, tokStart: k, tokEnd: j, form: form})
		}
		return
	}
	label := vote(toks[k:j])
	// A publication: "The New Yorker magazine".
	if j < len(toks) && mediaWords()[strings.ToLower(toks[j].text)] {
		e := es.groupNamed(form, strings.ToLower(toks[j].text))
		es.mention(e, mention{start: nameStart, end: nameEnd, full: nameStart, sent: si, tokStart: k, tokEnd: j, form: form})
		return
	}
	t = es.titleBefore(t, toks, i, claimed, gazAt, known)
	if kind == "place" || !nameLike(words) {
		if label == "GPE" || label == "LOCATION" || kind == "place" {
			e := es.place(form)
			e.votes["GPE"]++
			es.mention(e, m0(nameStart, nameEnd, si, k, j, form))
		}
		return
	}
	isPerson := len(t.title) > 0 || len(t.hon) > 0 || label == "PERSON" && len(words) >= 2
	m := mention{start: nameStart, end: nameEnd, full: t.full, sent: si, tokStart: k, tokEnd: j, form: form}
	if isPerson || label == "PERSON" {
		es.personNamed(label, t, m, s, j, gazAt, known)
		return
	}
	es.labelled(label, words, m, gazAt, known)
}

// A titled is what stands before a name: a title ("foreign minister") and
// honorifics ("Dr"), the country or organisation the title is of, and
// where the mention with all of it begins (full).
type titled struct {
	title, hon  []string
	full        int
	country, of *entity
}

// leadingTitles strips the titles and honorifics that start toks[i:j]
// ("President", "Supreme Leader of", "Dr") and returns them with k, the
// first token of the name, which keeps at least one word.
func leadingTitles(toks []token, i, j int) (titled, int) {
	var t titled
	k := i
	for ; k < j-1; k++ {
		w := strings.ToLower(toks[k].text)
		switch {
		case honorifics()[w]:
			t.hon = append(t.hon, toks[k].text)
		case titleHeads()[w] || (titleWords()[w] && w != "of" && w != "the"):
			if len(t.hon) > 0 {
				return t, k
			}
			t.title = append(t.title, toks[k].text)
		case w == "of" && len(t.title) > 0:
			t.title = append(t.title, toks[k].text)
		default:
			return t, k
		}
	}
	return t, k
}

// trimNameEnd returns where the name that starts at toks[k] ends, before j:
// "of" and particles do not end a name, and titles after it belong to an
// apposition ("Museum of Flight CEO").
func trimNameEnd(toks []token, k, j int) int {
	for j > k && isParticle(toks[j-1].text) {
		j--
	}
	for j > k+1 && titleHeads()[strings.ToLower(toks[j-1].text)] {
		j--
	}
	return j
}

// couldBeName reports whether form, the words of the tokens name, can be a
// name at all: no word that is never one (or a title), no digits, quotes
// or ampersand, and not a lone plural proper noun.
func couldBeName(form string, words []string, name []token) bool {
	if notNames()[strings.ToLower(words[0])] || (len(words) == 1 && notNames()[strings.ToLower(strings.TrimSuffix(form, "."))]) {
		return false
	}
	if strings.ContainsAny(form, "0123456789\"“”&") {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ","))
		if !isParticle(w) && (notNames()[lw] || titleHeads()[lw] || titleWords()[lw] || honorifics()[lw]) {
			return false
		}
	}
	return !(len(name) == 1 && name[0].tag == "NNPS")
}

// kindOfWords says what the words of a name say it is: "organisation",
// "place" or "" (the first such word decides), and thing when a word makes
// it a thing, which is no entity.
func kindOfWords(words []string) (kind string, thing bool) {
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		switch {
		case thingWords()[lw]:
			return kind, true
		case orgWords()[lw] && kind == "":
			kind = "organisation"
		case placeWords()[lw] && kind == "":
			kind = "place"
		}
	}
	return kind, false
}

// titleBefore extends t with what comes before the chunk toks[i:]: titles
// in lower case ("foreign minister"), and before the title a demonym, a
// country or an organisation, possessive or not ("French President",
// "NASA Administrator", "Iran's Supreme Leader"); or, with no title, a
// title split by a place ("Governor of Washington Chris Gregoire") and
// "former". t.full moves to where all of it begins.
func (es *entities) titleBefore(t titled, toks []token, i int, claimed []bool, gazAt map[int]gazMatch, known map[*known]*entity) titled {
	text := es.text
	t.full = toks[i].start
	b := i
	for b > 0 && toks[b-1].start >= 0 && !claimed[toks[b-1].start] {
		w := strings.ToLower(toks[b-1].text)
		if !(titleHeads()[w] || titleWords()[w]) || w == "the" || w == "of" {
			break
		}
		t.title = append([]string{toks[b-1].text}, t.title...)
		b--
		t.full = toks[b].start
	}
	if len(t.title) > 0 {
		before := strings.TrimRight(text[:t.full], " ")
		var g *gazMatch
		if m, ok := gazAt[len(before)]; ok && (m.ref.demonym || !m.ref.capital) && m.ref.k.kind != "region" {
			g = &m
		} else if m := possessiveBefore(text, t.full, gazAt); m != nil && m.ref.k.kind != "region" {
			g = m
		}
		if g != nil {
			t.of = known[g.ref.k]
			if g.ref.k.kind == "country" {
				t.country = t.of
			}
			t.full = g.start
		}
	} else if m, ok := gazAt[len(strings.TrimRight(text[:t.full], " "))]; ok {
		// "Governor of Washington Chris Gregoire": the place splits the title.
		if tm := titleOfBefore().FindStringSubmatch(text[max(0, m.start-60):m.start]); tm != nil {
			words := strings.Fields(tm[1])
			if titleHeads()[strings.ToLower(words[len(words)-1])] {
				t.title = append(words, "of", m.form)
				t.full = m.start - len(tm[0])
				if m.ref.k.kind == "country" && !m.ref.capital {
					t.country = known[m.ref.k]
				}
			}
		}
		if w := strings.TrimRight(text[:t.full], " "); strings.HasSuffix(strings.ToLower(w), "former") {
			t.title = append([]string{"former"}, t.title...)
			t.full = len(w) - len("former")
		}
	}
	return t
}

// personNamed records m, a name read as a person's, with its votes, the
// alias its honorifics make, and its role: from the title before it, else
// from an apposition after it (toks[j:] of s).
func (es *entities) personNamed(label string, t titled, m mention, s sentence, j int, gazAt map[int]gazMatch, known map[*known]*entity) {
	text := es.text
	e := es.person(m.form)
	e.votes[label]++
	if label == "PERSON" {
		e.votes["NER"]++
	}
	if len(t.title) > 0 || len(t.hon) > 0 {
		e.votes["PERSON"] += 2
		e.votes["TITLE"]++
	}
	if len(t.hon) > 0 {
		e.addAlias(strings.Join(t.hon, " ") + " " + m.form)
	}
	if role := roleOf(t.title, t.of); role != "" && (e.role == "" || (t.of != nil && e.country == nil && !e.roleFromApposite)) {
		e.role = role
		e.country = t.country
		e.roleExcerpt = text[t.full:m.end]
		e.roleAt = t.full
	}
	if e.role == "" {
		if role, country, at, end := apposite(es, s, j, gazAt, known); role != "" {
			e.role, e.country = role, country
			e.roleExcerpt = text[m.start:end]
			e.roleAt = at
			e.roleFromApposite = true
		}
	}
	es.mention(e, m)
}

// labelled records m, a name that is no person's, as the recogniser's
// label says: a place (with its country: "Tehran, Iran"), an organisation,
// or, unlabelled, perhaps a person's surname, which merge decides.
func (es *entities) labelled(label string, words []string, m mention, gazAt map[int]gazMatch, known map[*known]*entity) {
	text := es.text
	form := m.form
	switch label {
	case "GPE", "LOCATION":
		e := es.place(form)
		e.votes[label]++
		// "Tehran, Iran": a place and its country.
		rest := text[m.end:]
		if strings.HasPrefix(rest, ", ") {
			for _, g := range gazAt {
				if g.start == m.end+2 && g.ref.k.kind == "country" && !g.ref.demonym {
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
		case titleAbbrev[lw] != "":
			words[i] = titleAbbrev[lw]
		case lw == "former" || lw == "of" || lw == "the":
			words[i] = lw
		default:
			words[i] = w
		}
	}
	head := false
	for i, w := range words {
		head = head || titleHeads()[strings.ToLower(w)] || titleAbbrev[strings.ToLower(title[i])] != ""
	}
	if !head {
		return ""
	}
	role := strings.Join(words, " ")
	if words[0] != "former" {
		role = english.Capitalise(role)
	}
	if country != nil {
		if strings.Contains(role, " of ") {
			return country.display() + " " + role
		}
		return role + " of " + country.display()
	}
	return role
}

// apposite reads a role given after a name between commas: "Hassan
// Rouhani, Iran's president, said", "Kevin Fenton, Director of Health and
// Wellbeing at PHE, said", "Colin Yeo, an immigration barrister,". j is
// the token after the name. It returns the role, its country, and where
// the excerpt begins and ends.
func apposite(es *entities, s sentence, j int, gazAt map[int]gazMatch, known map[*known]*entity) (string, *entity, int, int) {
	toks := s.toks
	if j >= len(toks) || toks[j].text != "," {
		return "", nil, 0, 0
	}
	var country *entity
	head := false
	end := -1
	first := j + 1
	for k := j + 1; k < len(toks) && k < j+12; k++ {
		t := toks[k]
		w := strings.ToLower(t.text)
		if t.text == "," || t.text == "." || t.text == ";" || t.text == ")" {
			end = k
			break
		}
		upper := t.text != "" && unicode.IsUpper([]rune(t.text)[0])
		if t.start < 0 || strings.HasPrefix(t.tag, "VB") && !titleHeads()[w] && !upper || t.tag == "PRP" || t.tag == "WDT" || t.tag == "WP" || t.tag == "CD" && !upper || strings.ContainsAny(t.text, `"“”`) {
			return "", nil, 0, 0
		}
		if k == j+1 && (w == "the" || w == "a" || w == "an") {
			first = k + 1
			continue
		}
		if g, ok := gazAt[t.end]; ok && g.ref.k.kind == "country" && country == nil {
			country = known[g.ref.k]
		}
		if titleHeads()[w] || titleAbbrev[w] != "" {
			head = true
		}
	}
	if !head || end < 0 || first >= end || end-first > 9 {
		return "", nil, 0, 0
	}
	role := strings.TrimSpace(es.text[toks[first].start:toks[end-1].end])
	// "Iran's president" reads "President of Iran".
	if country != nil {
		for _, n := range append(append([]string{}, country.known.names...), country.known.demonyms...) {
			rest, ok := strings.CutPrefix(role, n+"'s ")
			if !ok {
				rest, ok = strings.CutPrefix(role, n+"’s ")
			}
			if !ok {
				rest, ok = strings.CutPrefix(role, n+" ")
			}
			if ok && !strings.Contains(rest, " of ") {
				role = rest + " of " + country.display()
				break
			}
		}
	}
	return english.Capitalise(role), country, toks[j].start, toks[end-1].end
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

func m0(s, e, si, k, j int, form string) mention {
	return mention{start: s, end: e, full: s, sent: si, tokStart: k, tokEnd: j, form: form}
}

// nameLike reports whether words can be a person's name: one to four
// capitalised words (particles and initials allowed), none all capitals
// beyond an initial ("PHE", "NHS" are not names).
func nameLike(words []string) bool {
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if isParticle(w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		letters := strings.TrimRight(w, ".")
		if utf8.RuneCountInString(letters) > 1 && strings.ToUpper(letters) == letters {
			return false
		}
		if strings.HasSuffix(w, "s") && len(words) == 1 && strings.HasSuffix(w, "ns") {
			return false // "Texans", "Americans"
		}
	}
	return true
}
