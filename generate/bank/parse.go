package bank

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/quizcard/quizcard/generate/fonts"
	"github.com/quizcard/quizcard/generate/safefile"
)

// MaxSize is the largest bank file Load and Parse accept, in bytes.
const MaxSize = 10 << 20

// Load reads, parses and validates the bank file at path. Problems in the
// bank come back as an ErrorList; a file that cannot be read gives an
// ordinary error.
func Load(path string) (*Bank, error) {
	data, err := safefile.ReadFile(path, "bank", MaxSize)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse parses and validates a bank from TOML source. name is used in
// messages. It returns every problem at once as an ErrorList; the bank is
// returned only when there are none.
func Parse(name string, data []byte) (*Bank, error) {
	if len(data) > MaxSize {
		return nil, ErrorList{{File: name, Msg: fmt.Sprintf("bank is larger than %d MiB; refusing to read it", MaxSize>>20)}}
	}
	if !utf8.Valid(data) {
		line := 1 + strings.Count(string(data[:firstInvalid(data)]), "\n")
		return nil, ErrorList{{File: name, Line: line, Msg: "file is not valid UTF-8"}}
	}
	if err := CheckShape(name, data); err != nil {
		return nil, err
	}
	tables := scanTables(data)
	raw, err := decode(data, tables)
	if err != nil {
		return nil, ErrorList{SyntaxError(name, data, err)}
	}
	p := &parser{file: name, tables: tables}
	b := p.bank(raw)
	p.validate(b)
	if len(p.errs) > 0 {
		p.errs.sort()
		return nil, p.errs
	}
	p.undrawable.sort()
	b.Undrawable = p.undrawable
	return b, nil
}

// splitAt is the size from which decode splits a bank in two.
var splitAt = 256 << 10

// decode decodes TOML into generic values. A large bank is decoded in two
// halves side by side, split at a [[facts]] header, when everything after
// the split is [[facts]] tables (the usual shape: the bank ends with its
// facts); the decoder is the cost of loading a big bank. Anything else, and
// any error, goes through one decode of the whole file, so that results
// and messages are exactly the decoder's.
func decode(data []byte, tables []*table) (map[string]any, error) {
	whole := func() (map[string]any, error) {
		var raw map[string]any
		_, err := toml.Decode(string(data), &raw)
		return raw, err
	}
	if len(data) < splitAt {
		return whole()
	}
	// The [[facts]] header nearest the middle, with only [[facts]] after it.
	split := -1
	for i := len(tables) - 1; i > 0; i-- {
		t := tables[i]
		if t.name != "facts" || !t.array {
			break
		}
		if t.start <= len(data)/2 {
			split = t.start
			break
		}
		split = t.start
	}
	if split <= 0 {
		return whole()
	}
	var halves [2]map[string]any
	var errs [2]error
	var wg sync.WaitGroup
	for i, part := range [2][]byte{data[:split], data[split:]} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = toml.Decode(string(part), &halves[i])
		}()
	}
	wg.Wait()
	first, second := halves[0], halves[1]
	later, ok := second["facts"].([]map[string]any)
	if errs[0] != nil || errs[1] != nil || !ok || len(second) != 1 {
		return whole()
	}
	switch earlier := first["facts"].(type) {
	case nil:
		first["facts"] = later
	case []map[string]any:
		first["facts"] = append(earlier, later...)
	default:
		return whole() // facts is not an array of tables: let the decoder say so
	}
	return first, nil
}

// SyntaxError turns an error from the TOML decoder of data into an Error
// with the line and column a person would point at: the decoder reports an
// unexpected end of line as the start of the next line.
func SyntaxError(name string, data []byte, err error) Error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Error{File: name, Msg: err.Error()}
	}
	line, col := pe.Position.Line, pe.Position.Col
	// Work line and column out from the byte offset, which points at the
	// offending text; the decoder's own line has often moved past it.
	if at := pe.Position.Start; at >= 0 && at <= len(data) {
		line = 1 + bytes.Count(data[:at], []byte("\n"))
		col = at - bytes.LastIndexByte(data[:at], '\n')
	}
	if e, ok := unterminated(name, data, line); ok {
		return e
	}
	msg := pe.Message
	if line >= 1 {
		if lines := strings.Split(string(data), "\n"); line <= len(lines) {
			if h := quoteHint(lines[line-1], col); h != "" {
				msg = h
			}
		}
	}
	return Error{File: name, Line: line, Col: col, Msg: msg}
}

// firstInvalid returns the offset of the first byte of data that is not
// valid UTF-8, or len(data).
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// A parser turns the decoded TOML of one bank file into a Bank, collecting
// every problem in errs.
type parser struct {
	file   string
	tables []*table
	byName map[string][]*table // tables by name, in order
	errs   ErrorList

	undrawable ErrorList // texts the PDF fonts cannot draw: not errors, see Bank.Undrawable
	ref        Date      // the article's date, which relative dates resolve against
}

// obj is one TOML table being read, with the lines of its keys.
type obj struct {
	p    *parser
	m    map[string]any
	tab  *table
	what string // prefix for messages
	noun string // if set, messages start `noun "id"` instead of what
	hdr  string // "[[facts]]", "[article]"
}

// table returns the index-th table named name ("" for the top level), as
// scanTables found it, or nil.
func (p *parser) table(name string, index int) *table {
	if p.byName == nil {
		p.byName = map[string][]*table{}
		for _, t := range p.tables {
			p.byName[t.name] = append(p.byName[t.name], t)
		}
	}
	if ts := p.byName[name]; index < len(ts) {
		return ts[index]
	}
	return nil
}

// line returns the line of key in the table: where it is written, else the
// table's header (or, at the top level, the [key] header that stands for
// it); 1 when the table is not known.
func (o *obj) line(key string) int {
	if o.tab == nil {
		return 1
	}
	if l, ok := o.tab.key(key); ok {
		return l
	}
	if o.tab.name == "" {
		// A top-level key written as a [table] header.
		for _, t := range o.p.tables {
			if t.name == key || strings.HasPrefix(t.name, key+".") {
				return t.line
			}
		}
	}
	return o.tab.line
}

// errorf reports a problem at key's line, named by the table's what, or
// by its noun and id.
func (o *obj) errorf(key, format string, args ...any) {
	what := o.what
	if o.noun != "" {
		id, _ := o.m["id"].(string)
		what = fmt.Sprintf("%s %q", o.noun, id)
	}
	o.p.errs = append(o.p.errs, Error{File: o.p.file, Line: o.line(key), What: what, Msg: fmt.Sprintf(format, args...)})
}

// known reports keys the program does not read, as typos.
func (o *obj) known(keys ...string) {
	var unknown []string
	for k := range o.m {
		found := false
		for _, want := range keys {
			if k == want {
				found = true
				break
			}
		}
		if !found {
			unknown = append(unknown, k)
		}
	}
	at := make(map[string]int, len(unknown)) // each key's line, looked up once
	for _, k := range unknown {
		at[k] = o.line(k)
	}
	sort.Slice(unknown, func(i, j int) bool { return at[unknown[i]] < at[unknown[j]] })
	for _, k := range unknown {
		msg := fmt.Sprintf("unknown key %q in %s", k, o.hdr)
		if s := suggest(k, keys); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		if o.tab != nil && o.tab.name == "" && o.p.isTable(k) {
			msg = fmt.Sprintf("unknown table %s", o.p.header(k))
			if s := tableNames[strings.ToLower(k)]; s != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", o.p.header(s))
			} else if s := suggest(k, keys); s != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", o.p.header(s))
			}
		}
		o.p.errs = append(o.p.errs, Error{File: o.p.file, Line: at[k], Msg: msg})
	}
}

// suggest returns the known key closest to a misspelt one, if any is close.
func suggest(k string, keys []string) string {
	best, bestD := "", max(1, len(k)/3)+1
	for _, want := range keys {
		if d := editDistance(k, want); d < bestD {
			best, bestD = want, d
		}
	}
	return best
}

// editDistance returns the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// typeName names the TOML type of a decoded value for messages: "a
// string", "an array".
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any, []map[string]any:
		return "a table"
	}
	return "a date"
}

// str reads a string field, checking that the PDF fonts can draw it.
func (o *obj) str(key string, required bool) string {
	v, ok := o.m[key]
	if !ok {
		if required {
			o.errorf(key, "missing %s", key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		o.errorf(key, "%s must be a string, not %s", key, typeName(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		o.errorf(key, "%s is empty", key)
	}
	o.drawable(key, s)
	return s
}

// drawable refuses control characters, which no output can carry, and
// records text the PDF fonts cannot draw, which only PDFs refuse.
func (o *obj) drawable(key, s string) {
	for _, r := range s {
		if control(r) {
			o.errorf(key, "%s has the control character %U: remove it (quizzes, cards and exports cannot carry it)", key, r)
			return
		}
		if !fonts.Covers(r) {
			errs := o.p.errs
			o.errorf(key, "%s has the character %U (%s) that the PDF fonts cannot draw", key, r, runeName(r))
			o.p.undrawable = append(o.p.undrawable, o.p.errs[len(errs):]...)
			o.p.errs = errs
			return
		}
	}
}

// runeName describes r for a message about a character the PDF fonts
// cannot draw.
func runeName(r rune) string {
	switch {
	case r > 0xFFFF:
		return "outside the Basic Multilingual Plane"
	case control(r):
		return "a control character"
	}
	return fmt.Sprintf("%q", r)
}

// strs reads an array of strings.
func (o *obj) strs(key string) []string {
	v, ok := o.m[key]
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		o.errorf(key, "%s must be an array of strings, not %s", key, typeName(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok {
			o.errorf(key, "%s must hold strings, not %s", key, typeName(e))
			continue
		}
		o.drawable(key, s)
		out = append(out, s)
	}
	return out
}

// integer reads an integer field; ok is false when it is absent or wrong.
func (o *obj) integer(key string, required bool) (int, bool) {
	v, present := o.m[key]
	if !present {
		if required {
			o.errorf(key, "missing %s", key)
		}
		return 0, false
	}
	n, isInt := v.(int64)
	if !isInt {
		o.errorf(key, "%s must be an integer, not %s", key, typeName(v))
		return 0, false
	}
	return int(n), true
}

// boolean reads a boolean field; ok is false when it is absent or wrong.
func (o *obj) boolean(key string) (v, ok bool) {
	raw, present := o.m[key]
	if !present {
		return false, false
	}
	v, ok = raw.(bool)
	if !ok {
		o.errorf(key, "%s must be true or false, not %s", key, typeName(raw))
	}
	return v, ok
}

// date reads a date written as a string ("2018-05") or a TOML date.
func (o *obj) date(key string, required bool) Date {
	v, ok := o.m[key]
	if !ok {
		if required {
			o.errorf(key, "missing %s", key)
		}
		return Date{}
	}
	d, err := o.p.toDate(v)
	if err != nil {
		o.errorf(key, "%s: %v", key, err)
	}
	return d
}

// toDate reads a date, or a date written as the article gives it relative
// to its own date ("Tuesday", "last month"; see ResolveRelative).
func (p *parser) toDate(v any) (Date, error) {
	d, err := toDate(v)
	if s, ok := v.(string); err != nil && ok {
		if r, ok := ResolveRelative(s, p.ref); ok {
			return r, nil
		}
	}
	return d, err
}

// toDate reads a decoded TOML value as a date: a string, a bare year or a
// TOML date.
func toDate(v any) (Date, error) {
	switch v := v.(type) {
	case string:
		return ParseDate(v)
	case int64: // a bare year: date = 1953
		return ParseDate(fmt.Sprintf("%04d", v))
	}
	if t, ok := v.(interface{ Format(string) string }); ok {
		return ParseDate(t.Format("2006-01-02"))
	}
	return Date{}, fmt.Errorf("want a date such as \"2019-11-03\", not %s", typeName(v))
}

// toNumber reads a decoded TOML value as a number: a string, an integer or
// a float.
func toNumber(v any) (Number, error) {
	switch v := v.(type) {
	case string:
		return ParseNumber(v)
	case int64:
		return ParseNumber(fmt.Sprint(v))
	case float64:
		n, err := ParseNumber(fmt.Sprint(v))
		return n, err
	}
	return Number{}, fmt.Errorf("want a number such as 444, not %s", typeName(v))
}

// tablesOf returns the array of tables under key, reporting anything else.
func (p *parser) tablesOf(raw map[string]any, key string) []map[string]any {
	v, ok := raw[key]
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case []map[string]any:
		return v
	case []any:
		var out []map[string]any
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		if len(out) == len(v) {
			return out
		}
	}
	top := &obj{p: p, m: raw, tab: p.table("", 0)}
	top.errorf(key, "%s must be written as [[%s]] tables", key, key)
	return nil
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._+-]*$`)

var poolKeys = map[Pool][]string{
	People: {"id", "name", "role", "country", "aliases", "foil", "draft"},
	Groups: {"id", "name", "type", "aliases", "foil", "draft"},
	Places: {"id", "name", "country", "aliases", "foil", "draft"},
	Deals:  {"id", "name", "year", "parties", "aliases", "foil", "status", "note", "draft"},
	Events: {"id", "name", "date", "aliases", "foil", "key", "draft"},
}

var poolNoun = map[Pool]string{People: "person", Groups: "group", Places: "place", Deals: "deal", Events: "event"}

var factKeys = []string{"id", "kind", "ask", "answer", "date", "number", "unit", "unit_one", "qualifier",
	"also", "wrong", "statement", "false_statements", "caption", "explain", "source", "tags",
	"difficulty", "group", "outcome", "draft", "feedback"}

var matchingKeys = []string{"id", "kind", "prompt", "left", "right", "extra", "sources", "tags"}

var articleKeys = []string{"title", "outlet", "date", "url", "summary", "text",
	"topic", "headline", "occasion", "why", "quote", "quote_by", "quiz_title", "quote_about"}

// bank turns decoded TOML into a Bank, recording type and shape problems.
func (p *parser) bank(raw map[string]any) *Bank {
	b := &Bank{File: p.file, byID: map[string]int{}}
	top := &obj{p: p, m: raw, tab: p.table("", 0), hdr: "the top level"}
	top.known(append([]string{"article", "facts", "matching"}, poolNames()...)...)
	p.readArticle(b, raw)
	p.readEntities(b, raw)
	p.readMatchings(b, raw)
	p.readFacts(b, raw)
	return b
}

// readArticle reads [article] into b.Article and keeps its date, which
// relative dates resolve against; a bank without it gets an error.
func (p *parser) readArticle(b *Bank, raw map[string]any) {
	am, ok := raw["article"].(map[string]any)
	if !ok {
		p.errs = append(p.errs, Error{File: p.file, Line: 1, Msg: "missing [article] table"})
		return
	}
	a := &obj{p: p, m: am, tab: p.table("article", 0), what: "article", hdr: "[article]"}
	a.known(articleKeys...)
	b.Article = Article{
		Title:    a.str("title", true),
		Outlet:   a.str("outlet", true),
		Date:     a.date("date", true),
		URL:      a.str("url", false),
		Summary:  a.str("summary", true),
		Text:     a.str("text", true),
		Topic:    a.str("topic", false),
		Headline: a.str("headline", false),
		Occasion: a.str("occasion", false),
		Why:      a.strs("why"),
		Quote:    a.str("quote", false),
		QuoteBy:  a.str("quote_by", false),

		QuizTitle:  a.str("quiz_title", false),
		QuoteAbout: a.str("quote_about", false),
	}
	p.ref = b.Article.Date
}

// readEntities reads the tables of every pool ([[people]], [[groups]],
// ...), in the order of Pools, into b.Entities.
func (p *parser) readEntities(b *Bank, raw map[string]any) {
	for _, pool := range Pools {
		for i, m := range p.tablesOf(raw, string(pool)) {
			o := &obj{p: p, m: m, tab: p.table(string(pool), i), hdr: "[[" + string(pool) + "]]"}
			o.noun = poolNoun[pool]
			o.known(poolKeys[pool]...)
			p.addEntity(b, o, o.entity(pool))
		}
	}
}

// entity reads one entity table of pool: the keys every pool has, then
// the pool's own.
func (o *obj) entity(pool Pool) Entity {
	e := Entity{Pool: pool, ID: o.str("id", true), Name: o.str("name", true), Line: o.line("")}
	e.Aliases = o.strs("aliases")
	e.Foil, _ = o.boolean("foil")
	e.Draft, _ = o.boolean("draft")
	switch pool {
	case People:
		e.Role = o.str("role", true)
		e.Country = o.str("country", false)
	case Groups:
		e.Type = o.str("type", true)
	case Places:
		e.Country = o.str("country", false)
	case Deals:
		e.Year, _ = o.integer("year", false)
		e.Parties = o.strs("parties")
		e.Status, e.Note = o.str("status", false), o.str("note", false)
		if e.Status != "" && !slices.Contains(DealStatuses, e.Status) {
			o.errorf("status", "status %q is not one of %s", e.Status, strings.Join(DealStatuses, ", "))
		}
	case Events:
		e.Date = o.date("date", true)
		e.Key, _ = o.boolean("key")
	}
	return e
}

// readMatchings reads the [[matching]] tables into b.Matchings.
func (p *parser) readMatchings(b *Bank, raw map[string]any) {
	for i, m := range p.tablesOf(raw, "matching") {
		o := &obj{p: p, m: m, tab: p.table("matching", i), hdr: "[[matching]]", noun: "matching"}
		o.known(matchingKeys...)
		b.Matchings = append(b.Matchings, Matching{
			ID:      o.str("id", true),
			Kind:    o.str("kind", false),
			Prompt:  o.str("prompt", true),
			Left:    o.strs("left"),
			Right:   o.strs("right"),
			Extra:   o.strs("extra"),
			Sources: o.strs("sources"),
			Tags:    o.strs("tags"),
			Line:    o.line(""),
		})
	}
}

// readFacts reads the [[facts]] tables into b.Facts.
func (p *parser) readFacts(b *Bank, raw map[string]any) {
	factTables := p.tablesOf(raw, "facts")
	b.Facts = make([]Fact, 0, len(factTables))
	for i, m := range factTables {
		o := &obj{p: p, m: m, tab: p.table("facts", i), hdr: "[[facts]]"}
		o.noun = "fact"
		o.known(factKeys...)
		b.Facts = append(b.Facts, p.fact(o))
	}
}

// poolNames returns the names of the pools, the top-level keys of their
// tables.
func poolNames() []string {
	out := make([]string, len(Pools))
	for i, p := range Pools {
		out[i] = string(p)
	}
	return out
}

// addEntity adds e to b, unless its id is used already. A malformed or
// duplicate id is reported on o.
func (p *parser) addEntity(b *Bank, o *obj, e Entity) {
	if e.ID != "" && !idPattern.MatchString(e.ID) {
		o.errorf("id", "id %q must be lower-case letters, digits and - . _ +", e.ID)
	}
	if prev, dup := b.byID[e.ID]; dup && e.ID != "" {
		o.errorf("id", "duplicate id %q (first used at line %d)", e.ID, b.Entities[prev].Line)
		return
	}
	b.byID[e.ID] = len(b.Entities)
	b.Entities = append(b.Entities, e)
}

// fact reads one [[facts]] table: its texts, then its answer, also and
// wrong, which all take the type of the one answer key it sets.
func (p *parser) fact(o *obj) Fact {
	f := Fact{
		ID:         o.str("id", true),
		Kind:       o.str("kind", true),
		Ask:        o.str("ask", true),
		Statement:  o.str("statement", false),
		Caption:    o.str("caption", false),
		Outcome:    o.str("outcome", false),
		Explain:    o.str("explain", false),
		Source:     o.str("source", true),
		Tags:       o.strs("tags"),
		Difficulty: 1,
		Line:       o.line(""),

		Group:           o.str("group", false),
		FalseStatements: o.strs("false_statements"),
	}
	f.Draft, _ = o.boolean("draft")
	if o.tab != nil {
		f.tab = o.tab
	}
	o.factFields(&f)
	key, ok := o.answerKey()
	if !ok {
		return f
	}
	r := o.values(key)
	if v, ok := r.read(key, o.m[key]); ok {
		f.Answer = v
	}
	f.Also = r.list("also")
	f.Wrong = r.list("wrong")
	f.Feedback = o.feedback(f)
	return f
}

// factFields checks the fact fields that have limits of their own: a
// caption of at most 8 words, a difficulty of 1 to 3 (read into f), the
// id's letters and one-word tags.
func (o *obj) factFields(f *Fact) {
	if f.Caption != "" && len(strings.Fields(f.Caption)) > 8 {
		o.errorf("caption", "caption has %d words; a card caption takes at most 8", len(strings.Fields(f.Caption)))
	}
	if d, ok := o.integer("difficulty", false); ok {
		if d < 1 || d > 3 {
			o.errorf("difficulty", "difficulty must be 1, 2 or 3, not %d", d)
		}
		f.Difficulty = d
	}
	if f.ID != "" && !idPattern.MatchString(f.ID) {
		o.errorf("id", "id %q must be lower-case letters, digits and - . _ +", f.ID)
	}
	for _, t := range f.Tags {
		if t == "" || strings.ContainsAny(t, " \t,") {
			o.errorf("tags", "tag %q must be one word without commas", t)
		}
	}
}

// answerKey returns which one of answer, date and number a fact sets, and
// false, with the problem reported, when it sets none or more than one.
func (o *obj) answerKey() (string, bool) {
	var set []string
	for _, k := range []string{"answer", "date", "number"} {
		if _, ok := o.m[k]; ok {
			set = append(set, k)
		}
	}
	switch len(set) {
	case 0:
		o.errorf("", "missing answer (set one of answer, date or number)")
		return "", false
	case 1:
	default:
		o.errorf(set[1], "set only one of answer, date or number (found %s)", strings.Join(set, " and "))
		return "", false
	}
	return set[0], true
}

// A valueReader reads a fact's answer, also and wrong as values of the
// type its answer key gives: entity ids, dates, or numbers with the
// fact's unit and qualifier.
type valueReader struct {
	o                   *obj
	key                 string // "answer", "date" or "number"
	unit, unitOne, qual string
}

// values returns the reader for a fact whose answer is under key, and
// reports unit, unit_one and qualifier when key is not number.
func (o *obj) values(key string) valueReader {
	if key != "number" {
		for _, k := range []string{"unit", "unit_one", "qualifier"} {
			if _, ok := o.m[k]; ok {
				o.errorf(k, "%s goes only with number", k)
			}
		}
	}
	unit, unitOne, qual := o.str("unit", false), o.str("unit_one", false), o.str("qualifier", false)
	return valueReader{o: o, key: key, unit: unit, unitOne: unitOne, qual: qual}
}

// read reads v, found under the key k, as a value; false, with the
// problem reported, when it is not one.
func (r valueReader) read(k string, v any) (Value, bool) {
	o := r.o
	switch r.key {
	case "answer":
		s, ok := v.(string)
		if !ok {
			o.errorf(k, "%s must name an entity id, not %s", k, typeName(v))
			return Value{}, false
		}
		return Value{Type: EntityValue, Entity: s}, true
	case "date":
		d, err := o.p.toDate(v)
		if err != nil {
			o.errorf(k, "%s: %v", k, err)
			return Value{}, false
		}
		return Value{Type: DateValue, Date: d}, true
	default:
		n, err := toNumber(v)
		if err != nil {
			o.errorf(k, "%s: %v", k, err)
			return Value{}, false
		}
		n.Unit, n.UnitOne, n.Qualifier = r.unit, r.unitOne, r.qual
		return Value{Type: NumberValue, Number: n}, true
	}
}

// list reads the array under k (also, wrong), leaving out the elements
// read refuses.
func (r valueReader) list(k string) []Value {
	raw, ok := r.o.m[k]
	if !ok {
		return nil
	}
	arr, ok := raw.([]any)
	if !ok {
		r.o.errorf(k, "%s must be an array, not %s", k, typeName(raw))
		return nil
	}
	var out []Value
	for _, e := range arr {
		if v, ok := r.read(k, e); ok {
			out = append(out, v)
		}
	}
	return out
}

// isTable reports whether a top-level key was written as a [table] or
// [[table]] header.
func (p *parser) isTable(k string) bool {
	for _, t := range p.tables {
		if t.name == k {
			return true
		}
	}
	return false
}

// header writes a table name the way the bank writes it: [article] or
// [[people]].
func (p *parser) header(k string) string {
	if k == "article" {
		return "[article]"
	}
	for _, t := range p.tables {
		if t.name == k && !t.array {
			return "[" + k + "]"
		}
	}
	return "[[" + k + "]]"
}
