// Package review walks a curator through the drafts of a bank, one at a
// time: accept, edit a field, drop, skip or quit. Every step is saved at
// once, with the same lock and atomic write as add, so a review can stop
// anywhere and go on later: what is still a draft is what is left.
package review

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/quiz"
	"github.com/quizcard/quizcard/generate/safefile"
)

// NotTerminal is returned when review is not run on a terminal: it has
// printed the drafts instead.
type NotTerminal struct{ Path string }

func (e NotTerminal) Error() string {
	return fmt.Sprintf("review asks at a terminal; standard input is not one, so the drafts of %s are listed above: run 'quizcard review --bank %s' in a terminal", e.Path, e.Path)
}

// Usage marks NotTerminal as a problem with how the command was run.
func (e NotTerminal) Usage() string { return e.Error() }

// Tally counts what a review did.
type Tally struct {
	Accepted, Edited, Dropped, Skipped int // facts
	Entities                           int // entities accepted or dropped
}

// Run reviews the drafts of the bank at path, reading answers from in and
// writing to out. Off a terminal it lists the drafts on out and returns
// NotTerminal.
func Run(path string, in io.Reader, out io.Writer, terminal bool) (Tally, error) {
	b, err := bank.Load(path)
	if err != nil {
		return Tally{}, err
	}
	if df, de := b.Drafts(); df+de == 0 {
		fmt.Fprintf(out, "%s has no drafts left: quiz and card use all of it.\n", path)
		return Tally{}, nil
	}
	if !terminal {
		List(out, b)
		return Tally{}, NotTerminal{path}
	}
	r := &reviewer{path: path, b: b, in: bufio.NewReader(in), out: out}
	return r.walk()
}

// List writes one line per draft: entities, then facts.
func List(w io.Writer, b *bank.Bank) {
	df, de := b.Drafts()
	fmt.Fprintf(w, "%s: %d draft facts, %d draft entities\n", b.File, df, de)
	for _, e := range b.Entities {
		if e.Draft {
			fmt.Fprintf(w, "%-7s %-24s %s\n", noun(string(e.Pool)), e.ID, describe(e))
		}
	}
	for _, f := range b.Facts {
		if f.Draft {
			fmt.Fprintf(w, "%-7s %-24s %s → %s\n", f.Kind, f.ID, f.Ask, b.Text(f.Answer))
		}
	}
}

type reviewer struct {
	path  string
	b     *bank.Bank
	in    *bufio.Reader
	out   io.Writer
	tally Tally
}

var errQuit = errors.New("quit")

func (r *reviewer) walk() (Tally, error) {
	df, de := r.b.Drafts()
	fmt.Fprintf(r.out, "Reviewing %s: %d draft entities, then %d draft facts. Each answer is saved at once; q stops, and review goes on later from what is left.\n", r.path, de, df)
	var ids []table
	for _, e := range r.b.Entities {
		if e.Draft {
			ids = append(ids, table{string(e.Pool), e.ID})
		}
	}
	for _, f := range r.b.Facts {
		if f.Draft {
			ids = append(ids, table{"facts", f.ID})
		}
	}
	for i, t := range ids {
		err := r.one(t, i+1, len(ids))
		if errors.Is(err, errQuit) {
			break
		}
		if err != nil {
			return r.tally, err
		}
	}
	left, leftE := r.b.Drafts()
	fmt.Fprintf(r.out, "\nfacts: %d accepted unchanged, %d edited and accepted, %d dropped, %d skipped; %d entities accepted or dropped\n",
		r.tally.Accepted, r.tally.Edited, r.tally.Dropped, r.tally.Skipped, r.tally.Entities)
	if left+leftE > 0 {
		fmt.Fprintf(r.out, "%d draft facts and %d draft entities left: run quizcard review --bank %s again to go on\n", left, leftE, r.path)
	} else {
		fmt.Fprintf(r.out, "no drafts left: quizcard quiz --bank %s\n", r.path)
	}
	return r.tally, nil
}

// one reviews the draft t until it is accepted, dropped or skipped.
func (r *reviewer) one(t table, n, of int) error {
	edited := false
	for {
		still, ok := r.stillDraft(t)
		if !ok || !still {
			return nil // dropped or accepted along with something else
		}
		fmt.Fprintf(r.out, "\n── %d of %d ──\n", n, of)
		r.show(t)
		fmt.Fprint(r.out, "[a]ccept  [e]dit  [d]rop  [s]kip  [q]uit > ")
		answer, err := r.line()
		if err != nil {
			return errQuit
		}
		switch strings.ToLower(answer) {
		case "a", "accept", "y", "yes":
			if err := r.accept(t); err != nil {
				fmt.Fprintf(r.out, "  not accepted: %v\n", err)
				continue
			}
			r.count(t, func(x *Tally) {
				if edited {
					x.Edited++
				} else {
					x.Accepted++
				}
			})
			return nil
		case "e", "edit":
			if r.edit(t) {
				edited = true
			}
		case "d", "drop":
			if err := r.drop(t); err != nil {
				fmt.Fprintf(r.out, "  not dropped: %v\n", err)
				continue
			}
			r.count(t, func(x *Tally) { x.Dropped++ })
			return nil
		case "s", "skip", "":
			r.count(t, func(x *Tally) { x.Skipped++ })
			return nil
		case "q", "quit":
			return errQuit
		default:
			fmt.Fprintf(r.out, "  %q: answer a, e, d, s or q\n", answer)
		}
	}
}

func (r *reviewer) count(t table, f func(*Tally)) {
	if t.name == "facts" {
		f(&r.tally)
	} else {
		r.tally.Entities++
	}
}

// line reads one answer; end of input quits.
func (r *reviewer) line() (string, error) {
	s, err := r.in.ReadString('\n')
	if err != nil && s == "" {
		fmt.Fprintln(r.out)
		return "", io.EOF
	}
	return strings.TrimSpace(s), nil
}

func (r *reviewer) stillDraft(t table) (bool, bool) {
	if t.name == "facts" {
		f, ok := r.b.Fact(t.id)
		return f.Draft, ok
	}
	e, ok := r.b.Entity(t.id)
	return e.Draft, ok
}

// change applies edit to the bank file under its lock, checks the whole
// result, and replaces the file atomically: the same path as add.
func (r *reviewer) change(edit func([]byte) ([]byte, error)) error {
	unlock, err := safefile.Lock(r.path)
	if err != nil {
		return err
	}
	defer unlock()
	safefile.RemoveStale(r.path)
	old, err := os.ReadFile(r.path)
	if err != nil {
		return err
	}
	data, err := edit(old)
	if err != nil {
		return err
	}
	b, err := bank.Parse(r.path, data)
	if err != nil {
		return err
	}
	if err := safefile.Write(r.path, data, 0o644); err != nil {
		return err
	}
	r.b = b
	return nil
}

// accept accepts t and the draft entities it needs: a fact's answer and
// options, a person's or place's country, a deal's parties.
func (r *reviewer) accept(t table) error {
	need := r.needs(t)
	// The first quotation accepted becomes the card's quote.
	f, _ := r.b.Fact(t.id)
	cardQuote := t.name == "facts" && f.Kind == "quote" && r.b.Article.Quote == "" && f.Answer.Type == bank.EntityValue
	err := r.change(func(data []byte) ([]byte, error) {
		var err error
		for _, x := range append([]table{t}, need...) {
			if data, err = accept(data, x); err != nil {
				return nil, err
			}
		}
		if cardQuote {
			if data, err = set(data, table{name: "article"}, "quote", tomlValue("quote", f.Source)); err == nil {
				data, err = set(data, table{name: "article"}, "quote_by", tomlValue("quote_by", f.Answer.Entity))
			}
		}
		return data, err
	})
	if err == nil && cardQuote {
		fmt.Fprintln(r.out, "  (and made it the card's quote: [article] quote and quote_by)")
	}
	if err == nil && len(need) > 0 {
		var names []string
		for _, x := range need {
			names = append(names, noun(x.name)+" "+x.id)
		}
		fmt.Fprintf(r.out, "  accepted, with %s\n", strings.Join(names, ", "))
	} else if err == nil {
		fmt.Fprintln(r.out, "  accepted")
	}
	return err
}

// needs returns the draft entities t refers to.
func (r *reviewer) needs(t table) []table {
	var ids []string
	if t.name == "facts" {
		f, _ := r.b.Fact(t.id)
		for _, v := range append(append([]bank.Value{f.Answer}, f.Also...), f.Wrong...) {
			if v.Type == bank.EntityValue {
				ids = append(ids, v.Entity)
			}
		}
	} else {
		ids = append(ids, t.id)
	}
	var out []table
	seen := map[string]bool{t.id: t.name != "facts"}
	for i := 0; i < len(ids); i++ {
		e, ok := r.b.Entity(ids[i])
		if !ok {
			continue
		}
		if e.Country != "" {
			ids = append(ids, e.Country)
		}
		ids = append(ids, e.Parties...)
		if e.Draft && !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, table{string(e.Pool), e.ID})
		}
	}
	return out
}

// drop removes t. Dropping an entity drops the draft facts that answer
// with it and takes it out of other facts' options and of countries; an
// accepted fact that answers with it must be edited first.
func (r *reviewer) drop(t table) error {
	var facts []string
	if t.name != "facts" {
		for _, f := range r.b.Facts {
			if f.Answer.Type == bank.EntityValue && f.Answer.Entity == t.id {
				if !f.Draft {
					return fmt.Errorf("the accepted fact %q answers with %s: edit or drop that fact first", f.ID, t.id)
				}
				facts = append(facts, f.ID)
			}
		}
	}
	err := r.change(func(data []byte) ([]byte, error) {
		var err error
		if data, err = drop(data, t); err != nil {
			return nil, err
		}
		for _, id := range facts {
			if data, err = drop(data, table{"facts", id}); err != nil {
				return nil, err
			}
		}
		if t.name == "facts" {
			return data, nil
		}
		return r.forget(data, t.id)
	})
	if err == nil {
		if len(facts) > 0 {
			fmt.Fprintf(r.out, "  dropped, with the draft facts that answer with it: %s\n", strings.Join(facts, ", "))
			r.tally.Dropped += len(facts)
		} else {
			fmt.Fprintln(r.out, "  dropped")
		}
	}
	return err
}

// forget takes a dropped entity out of wrong and also lists, countries,
// parties and the card's quote_by.
func (r *reviewer) forget(data []byte, id string) ([]byte, error) {
	var err error
	for _, f := range r.b.Facts {
		for _, l := range []struct {
			key  string
			vals []bank.Value
		}{{"wrong", f.Wrong}, {"also", f.Also}} {
			var keep []string
			found := false
			for _, v := range l.vals {
				if v.Type == bank.EntityValue && v.Entity == id {
					found = true
					continue
				}
				keep = append(keep, valueText(v))
			}
			if found {
				if data, err = set(data, table{"facts", f.ID}, l.key, tomlValue(l.key, strings.Join(keep, ","))); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, e := range r.b.Entities {
		if e.Country == id {
			if data, err = set(data, table{string(e.Pool), e.ID}, "country", ""); err != nil {
				return nil, err
			}
		}
	}
	return data, nil
}

func valueText(v bank.Value) string {
	switch v.Type {
	case bank.EntityValue:
		return v.Entity
	case bank.DateValue:
		return v.Date.ISO()
	}
	return v.Number.Digits()
}

// show prints a draft: the fact, its excerpt in context and the question
// it would make; or the entity and where the article names it.
func (r *reviewer) show(t table) {
	if t.name != "facts" {
		e, _ := r.b.Entity(t.id)
		fmt.Fprintf(r.out, "%s %s: %s\n", noun(t.name), e.ID, describe(e))
		if ctx := r.context(bank.Names(e)); ctx != "" {
			fmt.Fprintf(r.out, "  in the article: %s\n", ctx)
		}
		return
	}
	f, _ := r.b.Fact(t.id)
	fmt.Fprintf(r.out, "fact %s (%s)\n", f.ID, f.Kind)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(r.out, "  %-10s %s\n", k+":", v)
		}
	}
	field("ask", f.Ask)
	answer := r.b.Text(f.Answer)
	if f.Answer.Type == bank.EntityValue {
		answer += " (" + f.Answer.Entity + ")"
	}
	field("answer", answer)
	var wrong []string
	for _, v := range f.Wrong {
		wrong = append(wrong, r.b.Text(v))
	}
	field("wrong", strings.Join(wrong, "; "))
	field("statement", f.Statement)
	field("explain", f.Explain)
	field("caption", f.Caption)
	field("source", "“"+f.Source+"”")
	if ctx := r.context([]string{f.Source}); ctx != "" {
		field("context", ctx)
	}
	if q := r.preview(f); q != "" {
		fmt.Fprint(r.out, q)
	}
}

// context returns the paragraph around the first of texts found in the
// article, the found words in [brackets].
func (r *reviewer) context(texts []string) string {
	text := r.b.Article.Text
	for _, s := range texts {
		i := strings.Index(text, s)
		if i < 0 {
			continue
		}
		a := strings.LastIndex(text[:i], "\n\n") + 1
		e := strings.Index(text[i+len(s):], "\n\n")
		if e < 0 {
			e = len(text)
		} else {
			e += i + len(s)
		}
		before, after := text[a:i], text[i+len(s):e]
		if w := strings.Fields(before); len(w) > 25 {
			before = "… " + strings.Join(w[len(w)-25:], " ") + " "
		}
		if w := strings.Fields(after); len(w) > 25 {
			after = " " + strings.Join(w[:25], " ") + " …"
		}
		return bank.NormalizeSpace(before + "[" + s + "]" + after)
	}
	return ""
}

// preview builds the multiple-choice question the fact would make.
func (r *reviewer) preview(f bank.Fact) string {
	f.Draft = false
	one := r.b.WithFacts([]bank.Fact{f})
	q, err := quiz.Build(one, quiz.Options{Count: 1, Forms: []quiz.Form{quiz.MC}, Choices: 4, Versions: 1}, rand.New(rand.NewPCG(1, 2)))
	if err != nil || len(q.Questions) == 0 {
		if err != nil {
			return fmt.Sprintf("  as a question: cannot make one yet (%v)\n", err)
		}
		return ""
	}
	var b strings.Builder
	qu := q.Questions[0]
	fmt.Fprintf(&b, "  as a question: %s\n", qu.Prompt)
	for i, o := range qu.Options {
		mark := " "
		if i == qu.Answer {
			mark = "*"
		}
		fmt.Fprintf(&b, "   %s %s) %s\n", mark, quiz.Letter(i), o)
	}
	return b.String()
}

func describe(e bank.Entity) string {
	parts := []string{e.Name}
	switch {
	case e.Role != "":
		parts = append(parts, "— "+e.Role)
	case e.Type != "":
		parts = append(parts, "— "+e.Type)
	}
	if e.Country != "" {
		parts = append(parts, "(country "+e.Country+")")
	}
	if !e.Date.IsZero() {
		parts = append(parts, e.Date.String())
	}
	if e.Year != 0 {
		parts = append(parts, fmt.Sprint(e.Year))
	}
	if len(e.Aliases) > 0 {
		parts = append(parts, "also: "+strings.Join(e.Aliases, ", "))
	}
	if e.Foil {
		parts = append(parts, "[foil: not in the article, only a wrong option]")
	}
	return strings.Join(parts, " ")
}

// fieldsOf lists the keys a curator may edit in a table.
func fieldsOf(name string) []string {
	switch name {
	case "facts":
		return []string{"ask", "answer", "wrong", "statement", "explain", "source", "caption", "unit", "qualifier", "also", "tags", "difficulty", "kind"}
	case "people":
		return []string{"name", "role", "country", "aliases"}
	case "groups":
		return []string{"name", "type", "aliases"}
	case "places":
		return []string{"name", "country", "aliases"}
	case "deals":
		return []string{"name", "year", "parties", "aliases"}
	}
	return []string{"name", "date", "aliases"}
}

// edit asks for one field and its new value and saves it; it reports
// whether the bank changed.
func (r *reviewer) edit(t table) bool {
	fields := fieldsOf(t.name)
	fmt.Fprintf(r.out, "  field (%s): ", strings.Join(fields, ", "))
	key, err := r.line()
	if err != nil || key == "" {
		return false
	}
	known := false
	for _, f := range fields {
		known = known || f == key
	}
	if !known {
		fmt.Fprintf(r.out, "  no field %q here\n", key)
		return false
	}
	hint := "Enter keeps it; - removes it"
	switch key {
	case "wrong", "also", "aliases", "tags", "parties":
		hint = "comma-separated; " + hint
	case "answer":
		f, _ := r.b.Fact(t.id)
		switch bank.AnswerKey(f.Kind) {
		case "date":
			key = "date"
			hint = "YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD; a year the article does not print in [brackets]"
		case "number":
			key = "number"
		default:
			hint = "an entity id"
		}
	}
	fmt.Fprintf(r.out, "  new %s (%s): ", key, hint)
	typed, err := r.line()
	if err != nil || typed == "" {
		return false
	}
	v := tomlValue(key, typed)
	err = r.change(func(data []byte) ([]byte, error) { return set(data, t, key, v) })
	var list bank.ErrorList
	switch {
	case errors.As(err, &list):
		fmt.Fprintln(r.out, "  not saved; with that change the bank would not pass check:")
		for _, e := range list {
			fmt.Fprintf(r.out, "    %s\n", e.Msg)
		}
		return false
	case err != nil:
		fmt.Fprintf(r.out, "  not saved: %v\n", err)
		return false
	}
	fmt.Fprintf(r.out, "  saved %s\n", key)
	return true
}
