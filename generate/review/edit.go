package review

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/quizcard/quizcard/generate/bank"
	"github.com/quizcard/quizcard/generate/draft"
)

// A table names one [[facts]] or entity table by its id.
type table struct {
	name string // "facts", "people", …
	id   string
}

// locate returns where the table t is written in data.
func locate(data []byte, t table) (bank.TableSpan, bool) {
	for _, sp := range bank.TableSpans(data) {
		if sp.Name != t.name {
			continue
		}
		if t.name == "article" {
			return sp, true
		}
		if id, ok := value(data[sp.Start:sp.End], "id"); ok && id == t.id {
			return sp, true
		}
	}
	return bank.TableSpan{}, false
}

// value decodes the string value of key written directly in a table's
// text.
func value(block []byte, key string) (string, bool) {
	start, end, ok := keyLines(block, key)
	if !ok {
		return "", false
	}
	var m map[string]any
	if _, err := toml.Decode(string(block[start:end]), &m); err != nil {
		return "", false
	}
	s, ok := m[key].(string)
	return s, ok
}

var keyLine = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z0-9_-]+)[ \t]*=`)

// keyLines returns the bytes of block that hold key = value: from the
// key's line to the end of its value, which may run over several lines.
func keyLines(block []byte, key string) (int, int, bool) {
	for _, m := range keyLine.FindAllSubmatchIndex(block, -1) {
		if string(block[m[2]:m[3]]) != key || insideMultiline(block[:m[0]]) {
			continue
		}
		start := m[0]
		// Grow line by line until the key and value decode on their own.
		end := start
		for end < len(block) {
			nl := bytes.IndexByte(block[end:], '\n')
			if nl < 0 {
				end = len(block)
			} else {
				end += nl + 1
			}
			var v map[string]any
			if _, err := toml.Decode(string(block[start:end]), &v); err == nil {
				return start, end, true
			}
		}
		return 0, 0, false
	}
	return 0, 0, false
}

var draftLine = regexp.MustCompile(`(?m)^[ \t]*draft[ \t]*=[ \t]*true[ \t]*(#[^\n]*)?\n?`)

// accept removes draft = true from table t.
func accept(data []byte, t table) ([]byte, error) {
	return rewrite(data, t, func(block []byte) ([]byte, error) {
		return draftLine.ReplaceAll(block, nil), nil
	})
}

// drop removes table t.
func drop(data []byte, t table) ([]byte, error) {
	return rewrite(data, t, func([]byte) ([]byte, error) { return nil, nil })
}

// set writes key = value in table t: replacing the key's line, or adding
// one before draft = true (or at the end); an empty value removes the key.
func set(data []byte, t table, key, val string) ([]byte, error) {
	return rewrite(data, t, func(block []byte) ([]byte, error) {
		line := ""
		if val != "" {
			line = key + " = " + val + "\n"
		}
		if s, e, ok := keyLines(block, key); ok {
			return append(append(append([]byte{}, block[:s]...), line...), block[e:]...), nil
		}
		at := len(bytes.TrimRight(block, "\n")) + 1
		if at > len(block) {
			block = append(block, '\n')
			at = len(block)
		}
		if loc := draftLine.FindIndex(block); loc != nil {
			at = loc[0]
		}
		return append(append(append([]byte{}, block[:at]...), line...), block[at:]...), nil
	})
}

func rewrite(data []byte, t table, edit func([]byte) ([]byte, error)) ([]byte, error) {
	sp, ok := locate(data, t)
	if !ok {
		return nil, fmt.Errorf("%s %q is no longer in the bank (someone else changed it)", noun(t.name), t.id)
	}
	block, err := edit(append([]byte{}, data[sp.Start:sp.End]...))
	if err != nil {
		return nil, err
	}
	out := append(append(append([]byte{}, data[:sp.Start]...), block...), data[sp.End:]...)
	return out, nil
}

func noun(table string) string {
	switch table {
	case "people":
		return "person"
	case "groups":
		return "group"
	case "places":
		return "place"
	case "deals":
		return "deal"
	case "events":
		return "event"
	}
	return "fact"
}

// tomlValue turns what the curator typed for key into TOML: lists are
// comma-separated, numbers and booleans stay bare, everything else is a
// string.
func tomlValue(key, typed string) string {
	typed = strings.TrimSpace(typed)
	if typed == "" || typed == "-" {
		return ""
	}
	switch key {
	case "wrong", "also", "tags", "aliases", "parties", "false_statements":
		var q []string
		sep := ","
		if key == "false_statements" {
			sep = "|"
		}
		for _, s := range strings.Split(typed, sep) {
			if s = strings.TrimSpace(s); s != "" {
				if key == "wrong" || key == "also" {
					if _, err := bank.ParseNumber(s); err == nil {
						q = append(q, s)
						continue
					}
				}
				q = append(q, draft.Quote(s))
			}
		}
		return "[" + strings.Join(q, ", ") + "]"
	case "number", "difficulty", "year":
		return strings.ReplaceAll(typed, ",", "")
	case "foil":
		return typed
	}
	return draft.Quote(typed)
}

// insideMultiline reports whether the end of before lies inside a
// multi-line string: a key-like line there is text, not a key.
func insideMultiline(before []byte) bool {
	return bytes.Count(before, []byte("'''"))%2 == 1 || bytes.Count(before, []byte(`"""`))%2 == 1
}
