package bank

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// A Draft is a fact as a curator types it: every field a string, the answer
// read according to the kind (a date for "when", a number for "number", an
// entity id otherwise). Draft.TOML turns it into a [[facts]] block.
type Draft struct {
	ID, Kind, Ask, Answer string
	Unit, Qualifier       string // number facts
	Also, Wrong, Tags     []string
	Statement, Caption    string
	Explain, Source       string
	Difficulty            int // 0: not set
}

// AnswerKey returns the TOML key the answer is written under for kind.
func AnswerKey(kind string) string {
	switch kind {
	case "when":
		return "date"
	case "number":
		return "number"
	}
	return "answer"
}

// draftTOML fixes the key order of a written fact.
type draftTOML struct {
	ID         string   `toml:"id"`
	Kind       string   `toml:"kind"`
	Ask        string   `toml:"ask"`
	Answer     any      `toml:"answer,omitempty"`
	Date       string   `toml:"date,omitempty"`
	Number     any      `toml:"number,omitempty"`
	Unit       string   `toml:"unit,omitempty"`
	Qualifier  string   `toml:"qualifier,omitempty"`
	Also       []any    `toml:"also,omitempty"`
	Wrong      []any    `toml:"wrong,omitempty"`
	Statement  string   `toml:"statement,omitempty"`
	Caption    string   `toml:"caption,omitempty"`
	Explain    string   `toml:"explain,omitempty"`
	Source     string   `toml:"source,omitempty"`
	Tags       []string `toml:"tags,omitempty"`
	Difficulty int      `toml:"difficulty,omitzero"`
}

// TOML returns the draft as a [[facts]] block, starting with a blank line
// and ending with a newline, ready to append to a bank. Strings are escaped
// by the TOML encoder; whole numbers are written as numbers.
func (d Draft) TOML() []byte {
	t := draftTOML{
		ID: d.ID, Kind: d.Kind, Ask: d.Ask, Unit: d.Unit, Qualifier: d.Qualifier,
		Statement: d.Statement, Caption: d.Caption, Explain: d.Explain, Source: d.Source,
		Tags: d.Tags, Difficulty: d.Difficulty,
	}
	value := func(s string) any {
		if AnswerKey(d.Kind) == "number" {
			if n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil && n >= 0 {
				return n
			}
		}
		return s
	}
	switch AnswerKey(d.Kind) {
	case "date":
		t.Date = d.Answer
	case "number":
		if d.Answer != "" {
			t.Number = value(d.Answer)
		}
	default:
		if d.Answer != "" {
			t.Answer = d.Answer
		}
	}
	// A list is written as numbers only when every item is one.
	list := func(vs []string) []any {
		var out []any
		same := true
		for _, v := range vs {
			out = append(out, value(v))
			_, isStr := out[len(out)-1].(string)
			same = same && !isStr
		}
		if !same {
			for i, v := range vs {
				out[i] = v
			}
		}
		return out
	}
	t.Also, t.Wrong = list(d.Also), list(d.Wrong)
	var buf bytes.Buffer
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(struct {
		Facts []draftTOML `toml:"facts"`
	}{[]draftTOML{t}}); err != nil {
		// Only unencodable Go values fail, and a draft holds none.
		panic(fmt.Sprintf("bank: encoding a draft: %v", err))
	}
	return append([]byte("\n"), bytes.TrimLeft(buf.Bytes(), "\n")...)
}

// Extend parses old with extra appended, validating the whole. It returns
// the new file content and the bank it holds, or every problem (with lines
// in the combined content). It never changes a byte of old: when old does
// not end in a newline, one is added before extra.
func Extend(name string, old, extra []byte) ([]byte, *Bank, error) {
	content := make([]byte, 0, len(old)+len(extra)+1)
	content = append(content, old...)
	if len(old) > 0 && old[len(old)-1] != '\n' {
		content = append(content, '\n')
	}
	content = append(content, extra...)
	b, err := Parse(name, content)
	if err != nil {
		return nil, nil, err
	}
	return content, b, nil
}

// Lines returns the number of lines in data, counting a last line without
// a newline.
func Lines(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}
