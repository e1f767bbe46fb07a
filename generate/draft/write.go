package draft

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/english"
)

// TOML returns the drafted bank: the [article] block filled in, then the
// entities and the facts, every one marked draft = true, facts grouped
// under a comment quoting the sentence they come from. source names the
// article in the file's header comment.
func (d *Draft) TOML(source string) []byte {
	var b strings.Builder
	a := d.Article
	fmt.Fprintf(&b, "# quizcard bank drafted by `quizcard new` from %s.\n", oneLine(source))
	b.WriteString("# Every entity and fact below is a draft (draft = true): `quizcard review` walks\n")
	b.WriteString("# through them. quiz and card use only accepted ones unless given --drafts.\n\n")
	b.WriteString("[article]\n")
	kv(&b, "title", a.Title)
	kv(&b, "outlet", a.Outlet)
	if !a.Date.IsZero() {
		kv(&b, "date", a.Date.Format("2006-01-02"))
	}
	kv(&b, "url", a.URL)
	kv(&b, "summary", d.Summary)
	b.WriteString("text = " + multiline(a.Text) + "\n")

	for _, pool := range bank.Pools {
		first := true
		for _, e := range d.entities {
			if e.pool != pool {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n# %s\n", poolTitle[pool])
				first = false
			}
			fmt.Fprintf(&b, "\n[[%s]]\n", pool)
			kv(&b, "id", e.id)
			kv(&b, "name", e.name)
			switch pool {
			case bank.People:
				kv(&b, "role", e.role)
				if e.country != nil {
					kv(&b, "country", e.country.id)
				}
			case bank.Groups:
				kv(&b, "type", e.typ)
			case bank.Places:
				if e.country != nil {
					kv(&b, "country", e.country.id)
				}
			case bank.Deals:
				fmt.Fprintf(&b, "year = %d\n", e.year)
			case bank.Events:
				kv(&b, "date", e.date.ISO())
			}
			list(&b, "aliases", e.aliases)
			if e.foil {
				b.WriteString("foil = true  # not in the article: only ever a wrong option\n")
			}
			b.WriteString("draft = true\n")
		}
	}

	b.WriteString("\n# Facts, in the order of the sentences they come from.\n")
	last := -1
	for _, f := range d.Facts {
		if f.Sentence != last {
			last = f.Sentence
			fmt.Fprintf(&b, "\n# %s\n", commentLine(d.sentenceText(f.Sentence)))
		}
		b.WriteString("\n[[facts]]\n")
		kv(&b, "id", f.ID)
		kv(&b, "kind", f.Kind)
		kv(&b, "ask", f.Ask)
		switch f.Kind {
		case "when":
			kv(&b, "date", f.Answer)
		case "number":
			b.WriteString("number = " + f.Answer + "\n")
			kv(&b, "unit", f.Unit)
			kv(&b, "qualifier", f.Qualifier)
			kv(&b, "caption", f.Caption)
		default:
			kv(&b, "answer", f.Answer)
		}
		list(&b, "wrong", f.Wrong)
		kv(&b, "statement", f.Statement)
		kv(&b, "explain", f.Explain)
		kv(&b, "source", f.Source)
		b.WriteString("draft = true\n")
	}
	return []byte(b.String())
}

var poolTitle = map[bank.Pool]string{
	bank.People: "People, with the roles the article gives them",
	bank.Groups: "Countries, organisations and other groups",
	bank.Places: "Places",
	bank.Deals:  "Deals",
	bank.Events: "Dated events",
}

func (d *Draft) sentenceText(i int) string {
	sp := bank.Sentences(d.Article.Text)
	if i < 0 || i >= len(sp) {
		return ""
	}
	return oneLine(d.Article.Text[sp[i].Start:sp[i].End])
}

func commentLine(s string) string {
	r := []rune(s)
	if len(r) > 100 {
		s = string(r[:99]) + "…"
	}
	return s
}

// kv writes key = "value", leaving out empty values.
func kv(b *strings.Builder, key, v string) {
	if v == "" {
		return
	}
	b.WriteString(key + " = " + Quote(v) + "\n")
}

func list(b *strings.Builder, key string, vs []string) {
	if len(vs) == 0 {
		return
	}
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = Quote(v)
	}
	b.WriteString(key + " = [" + strings.Join(q, ", ") + "]\n")
}

// Quote writes s as a TOML string: a literal string ('…') when s has
// double quotes but no single quote or control character, which reads
// best; else a basic string with escapes.
func Quote(s string) string {
	control := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) }) >= 0
	if strings.Contains(s, `"`) && !strings.Contains(s, "'") && !control {
		return "'" + s + "'"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// multiline writes the article text as a multi-line literal string when
// it can (”'…”'), else as a multi-line basic string.
func multiline(s string) string {
	control := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0
	if !strings.Contains(s, "'''") && !control && !strings.HasSuffix(s, "'") {
		return "'''\n" + s + "'''"
	}
	q := Quote(s)
	q = strings.ReplaceAll(q[1:len(q)-1], `\n`, "\n")
	return `"""` + "\n" + q + `"""`
}

// Found says what the draft found: "4 people, 9 dates, 7 numbers, 11
// quotes → 46 draft facts".
func (d *Draft) Found() string {
	return fmt.Sprintf("%s, %s, %s, %s → %d draft %s",
		english.Plural(d.People, "person", "people"), english.Plural(d.Dates, "date", ""),
		english.Plural(d.Numbers, "number", ""), english.Plural(d.Quotes, "quote", ""),
		len(d.Facts), english.PluralWord(len(d.Facts), "fact", ""))
}
