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
