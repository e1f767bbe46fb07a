package bank

import (
	"fmt"
	"strconv"
)

// Drafts counts the draft facts and draft entities in b.
func (b *Bank) Drafts() (facts, entities int) {
	for _, f := range b.Facts {
		if f.Draft {
			facts++
		}
	}
	for _, e := range b.Entities {
		if e.Draft {
			entities++
		}
	}
	return facts, entities
}

// Accepted returns the bank without its drafts: the facts and entities a
// curator has reviewed. Check has made sure that this part stands on its
// own (no accepted fact refers to a draft). b itself is unchanged.
func (b *Bank) Accepted() *Bank {
	out := &Bank{File: b.File, Article: b.Article, Matchings: b.Matchings, Undrawable: b.Undrawable, byID: map[string]int{}}
	for _, e := range b.Entities {
		if !e.Draft {
			out.byID[e.ID] = len(out.Entities)
			out.Entities = append(out.Entities, e)
		}
	}
	for _, f := range b.Facts {
		if !f.Draft {
			out.Facts = append(out.Facts, f)
		}
	}
	return out
}

// drafts checks that the accepted part of the bank never leans on a draft:
// an accepted fact's answers and options, an accepted entity's country and
// parties, the card quote's speaker and matching pairs must all be accepted
// too.
func (p *parser) drafts(b *Bank, add func(int, string, string, ...any)) {
	isDraft := func(id string) bool {
		e, ok := b.Entity(id)
		return ok && e.Draft
	}
	const fix = "accept it too (delete its draft = true, or quizcard review), or make this a draft"
	for _, e := range b.Entities {
		if e.Draft {
			continue
		}
		what := fmt.Sprintf("%s %q", poolNoun[e.Pool], e.ID)
		if isDraft(e.Country) {
			add(e.Line, what, "country %q is a draft: %s", e.Country, fix)
		}
		for _, party := range e.Parties {
			if isDraft(party) {
				add(e.Line, what, "party %q is a draft: %s", party, fix)
			}
		}
	}
	if isDraft(b.Article.QuoteBy) {
		add(p.articleLine("quote_by"), "article", "quote_by %q is a draft: %s", b.Article.QuoteBy, fix)
	}
	for _, m := range b.Matchings {
		for _, id := range m.Left {
			if isDraft(id) {
				add(m.Line, "matching "+strconv.Quote(m.ID), "left %q is a draft: %s", id, fix)
			}
		}
	}
	for _, f := range b.Facts {
		if f.Draft {
			continue
		}
		what := "fact " + strconv.Quote(f.ID)
		for _, l := range []struct {
			key  string
			vals []Value
		}{{"answer", []Value{f.Answer}}, {"also", f.Also}, {"wrong", f.Wrong}} {
			for _, v := range l.vals {
				if v.Type == EntityValue && isDraft(v.Entity) {
					add(f.line(l.key), what, "%s %q is a draft entity: %s", l.key, v.Entity, fix)
				}
			}
		}
	}
}

// moreCandidates says how to give a fact whose answer is e enough wrong
// options: more entities of e's kind, mentioned in the article or foils.
func moreCandidates(b *Bank, e Entity, need int, draft bool) string {
	table := "[[" + string(e.Pool) + "]]"
	if e.Pool == Groups {
		table += fmt.Sprintf(" with type = %q", e.Type)
	}
	msg := fmt.Sprintf("add %d more %s, named in the article or a plausible foil (foil = true)", need, table)
	if !draft {
		n := 0
		for _, x := range b.Entities {
			if x.Draft && x.ID != e.ID && candidateKey(x) == candidateKey(e) {
				n++
			}
		}
		if n > 0 {
			msg += fmt.Sprintf(", or accept some of the %d draft ones", n)
		}
	}
	return msg
}

// ForUse returns the bank quiz and card work from: b itself when drafts
// is set, else the accepted part; an error, saying how to go on, when
// every fact is a draft.
func (b *Bank) ForUse(drafts bool) (*Bank, error) {
	if drafts {
		return b, nil
	}
	if n, _ := b.Drafts(); n > 0 && n == len(b.Facts) {
		return nil, fmt.Errorf("%s: all %d facts are drafts: accept some with 'quizcard review --bank %s', or pass --drafts to use them as they are", b.File, n, b.File)
	}
	return b.Accepted(), nil
}
