package bank

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestQuoteHints: a quote inside a string of the same quotes ends the
// string early; the message says so and shows the line written so that
// TOML reads the text the curator meant. Each case's intended text is
// written by hand, and the suggested line is decoded by the TOML library
// itself, not by quizcard, to check that it holds that text.
func TestQuoteHints(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		col        int    // where the error is reported, 1-based
		want       string // the start of the message
		fix        string // the line the message suggests; "" for none
		text       string // what the suggested line must hold
	}{
		{"apostrophe in a literal string", `ask = 'What was Gloria's illness?'`, 24,
			"the string ended early at a ' inside it (a '…' string ends at the next apostrophe): write ",
			`ask = "What was Gloria's illness?"`, "What was Gloria's illness?"},
		{"then a comment", `ask = 'Gloria's illness'  # the flu`, 15,
			"the string ended early at a ' inside it",
			`ask = "Gloria's illness"`, "Gloria's illness"},
		{"apostrophe doubled, as SQL escapes it", `ask = 'Gloria''s illness'`, 15,
			"the string ended early at a ' inside it",
			`ask = "Gloria's illness"`, "Gloria's illness"},
		{"apostrophe escaped with a backslash", `ask = 'Gloria\'s illness'`, 16,
			"the string ended early at a ' inside it",
			`ask = "Gloria's illness"`, "Gloria's illness"},
		{"apostrophe and double quotes", `ask = 'Who's "naive"?'`, 12,
			"the string ended early at a ' inside it",
			`ask = '''Who's "naive"?'''`, `Who's "naive"?`},
		{"apostrophe in a list", `wrong = ['it's', 'b']`, 14,
			`the string ended early at a ' inside it (a '…' string ends at the next apostrophe): use "…" quotes, the typographic apostrophe ’, or a '''…''' multi-line literal string`,
			"", ""},
		{"double quote in a basic string", `ask = "Who said "naive"?"`, 18,
			`the string ended early at a " inside it: write `,
			`ask = 'Who said "naive"?'`, `Who said "naive"?`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := "[article]\n" + tc.line + "\n"
			_, err := Parse("b.toml", []byte(data))
			var list ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			e := list[0]
			if e.Line != 2 || e.Col != tc.col {
				t.Errorf("at %d:%d, want 2:%d", e.Line, e.Col, tc.col)
			}
			if !strings.HasPrefix(e.Msg, tc.want) {
				t.Errorf("message %q\nwant it to start %q", e.Msg, tc.want)
			}
			if tc.fix == "" {
				if strings.Contains(e.Msg, " write ask") || strings.Contains(e.Msg, " write wrong") {
					t.Errorf("message %q suggests a line; want none", e.Msg)
				}
				return
			}
			if !strings.Contains(e.Msg, "write "+tc.fix+" (") {
				t.Errorf("message %q\nwant it to suggest %s", e.Msg, tc.fix)
			}
			var v map[string]any
			if _, err := toml.Decode(tc.fix, &v); err != nil {
				t.Fatalf("the suggested line %s is not TOML: %v", tc.fix, err)
			}
			key := regexp.MustCompile(`^\w+`).FindString(tc.fix)
			if v[key] != tc.text {
				t.Errorf("the suggested line holds %q, want %q", v[key], tc.text)
			}
		})
	}
}

// TestFewDistractorsMessage: a fact whose answer has too few others of its
// kind says how many there are and of what kind, in English plurals,
// whatever the group's type: "1 candidate distractor", "countries",
// "people", "NGOs". The wants are written by hand.
func TestFewDistractorsMessage(t *testing.T) {
	for _, tc := range []struct {
		name     string
		entities string // the answer "a" and the others of its kind
		want     string
	}{
		{"one country", `
[[groups]]
id = "a"
name = "England"
type = "country"
[[groups]]
id = "b"
name = "France"
type = "country"`, "only 1 candidate distractor for a (countries); needs 3: add 2 more [[groups]] with type = \"country\""},
		{"no NGO", `
[[groups]]
id = "a"
name = "Oxfam"
type = "NGO"`, "only 0 candidate distractors for a (NGOs); needs 3"},
		{"two armed groups", `
[[groups]]
id = "a"
name = "Alpha"
type = "armed group"
[[groups]]
id = "b"
name = "Beta"
type = "armed group"
[[groups]]
id = "c"
name = "Gamma"
type = "armed group"`, "only 2 candidate distractors for a (armed groups); needs 3: add 1 more"},
		{"one other person", `
[[people]]
id = "a"
name = "Ann Lee"
role = "prosecutor"
[[people]]
id = "b"
name = "Bo Chan"
role = "judge"`, "only 1 candidate distractor for a (people); needs 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := `[article]
title = "T"
outlet = "O"
date = "2019-11-03"
summary = "S"
text = "Ann Lee spoke for Alpha in England."
` + tc.entities + `

[[facts]]
id = "f"
kind = "mediator"
ask = "Who spoke?"
answer = "a"
source = "Ann Lee spoke for Alpha in England."
`
			_, err := Parse("b.toml", []byte(data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant a problem containing %q", err, tc.want)
			}
		})
	}
}
