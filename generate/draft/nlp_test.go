package draft

import (
	"os"
	"testing"
)

func TestTokenizeDump(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("DUMP"))
	if err != nil {
		t.Skip()
	}
	text := string(data)
	for _, s := range tokenize(text) {
		t.Logf("¶%d %q", s.para, text[s.Start:s.End])
		line := ""
		for _, tok := range s.toks {
			line += tok.text + "/" + tok.tag
			if tok.label != "O" {
				line += "/" + tok.label
			}
			if tok.start < 0 {
				line += "/?"
			}
			line += " "
		}
		t.Log(line)
	}
}

func TestEntitiesDump(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("DUMP"))
	if err != nil {
		t.Skip()
	}
	text := string(data)
	es := findEntities(text, tokenize(text))
	for _, e := range es.all {
		c := ""
		if e.country != nil {
			c = e.country.id
		}
		t.Logf("%s %s %q role=%q country=%s type=%s aliases=%q mentions=%d votes=%v ex=%q", e.pool, e.id, e.name, e.role, c, e.typ, e.aliases, len(e.mentions), e.votes, e.roleExcerpt)
	}
}

func TestQuotesDump(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("DUMP"))
	if err != nil {
		t.Skip()
	}
	text := string(data)
	sents := tokenize(text)
	es := findEntities(text, sents)
	for _, q := range findQuotes(text, sents, es) {
		who := "?"
		if q.speaker != nil {
			who = q.speaker.id
		}
		t.Logf("%s (%s): %.60q", who, q.how, text[q.start:q.end])
	}
}
