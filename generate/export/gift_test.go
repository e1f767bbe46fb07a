package export

import (
	"bytes"
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/quiz"
)

// giftQuestion is a question as Moodle's GIFT importer reads it.
type giftQuestion struct {
	category string // for a $CATEGORY block
	name     string
	format   string
	text     string
	kind     string // multichoice, truefalse, matching, ...
	answers  []giftAnswerPart
	feedback string
	tf       bool
}

type giftAnswerPart struct {
	text    string
	right   bool
	subq    string // matching: the left side
	comment string
}

// Placeholders for escaped characters, as Moodle's escapedchar_pre uses.
var giftPre = strings.NewReplacer(`\\`, "\x00092", `\:`, "\x00058", `\#`, "\x00035", `\=`, "\x00061",
	`\{`, "\x00123", `\}`, "\x00125", `\~`, "\x00126", `\n`, "\x00010")
var giftPost = strings.NewReplacer("\x00092", `\`, "\x00058", ":", "\x00035", "#", "\x00061", "=",
	"\x00123", "{", "\x00125", "}", "\x00126", "~", "\x00010", "\n")

// parseGIFT follows Moodle's question/format/gift/format.php: blocks split
// on blank lines, // comment lines dropped, escapes replaced before the
// answer block (first { to first }) is cut out, answers split on ~ and =.
func parseGIFT(t *testing.T, data []byte) []giftQuestion {
	t.Helper()
	if !utf8.Valid(data) {
		t.Fatal("not UTF-8")
	}
	var out []giftQuestion
	var block []string
	flush := func() {
		defer func() { block = nil }()
		var lines []string
		for _, l := range block {
			if !strings.HasPrefix(l, "//") {
				lines = append(lines, l)
			}
		}
		text := strings.TrimSpace(strings.Join(lines, "\n"))
		if text == "" {
			return
		}
		if strings.HasPrefix(text, "$CATEGORY:") {
			out = append(out, giftQuestion{category: strings.TrimSpace(text[10:])})
			return
		}
		text = giftPre.Replace(text)
		var q giftQuestion
		if strings.HasPrefix(text, "::") {
			end := strings.Index(text[2:], "::")
			if end < 0 {
				t.Fatalf("unterminated name in %q", text)
			}
			q.name = giftPost.Replace(strings.TrimSpace(text[2 : 2+end]))
			text = strings.TrimSpace(text[4+end:])
		}
		for _, f := range []string{"[html]", "[moodle]", "[plain]", "[markdown]"} {
			if strings.HasPrefix(text, f) {
				q.format = f
				text = text[len(f):]
			}
		}
		open := strings.Index(text, "{")
		closing := strings.Index(text, "}")
		if open < 0 || closing < open {
			t.Fatalf("no answer block in %q", text)
		}
		q.text = giftPost.Replace(strings.TrimSpace(text[:open]))
		if rest := strings.TrimSpace(text[closing+1:]); rest != "" {
			t.Fatalf("text after the answer block: %q", rest)
		}
		ans := strings.TrimSpace(text[open+1 : closing])
		if i := strings.LastIndex(ans, "####"); i >= 0 {
			q.feedback = giftPost.Replace(strings.TrimSpace(ans[i+4:]))
			ans = strings.TrimSpace(ans[:i])
		}
		switch {
		case strings.Contains(ans, "~"):
			q.kind = "multichoice"
			for _, a := range strings.Split(strings.ReplaceAll(ans, "=", "~="), "~") {
				a = strings.TrimSpace(a)
				if a == "" {
					continue
				}
				p := giftAnswerPart{}
				if strings.HasPrefix(a, "=") {
					p.right, a = true, a[1:]
				}
				if i := strings.Index(a, "#"); i >= 0 {
					p.comment, a = a[i+1:], a[:i]
				}
				p.text = giftPost.Replace(strings.TrimSpace(a))
				q.answers = append(q.answers, p)
			}
		case strings.Contains(ans, "=") && strings.Contains(ans, "->"):
			q.kind = "matching"
			for _, a := range strings.Split(ans, "=") {
				a = strings.TrimSpace(a)
				if a == "" {
					continue
				}
				l, r, ok := strings.Cut(a, "->")
				if !ok {
					t.Fatalf("matching answer without ->: %q", a)
				}
				q.answers = append(q.answers, giftAnswerPart{subq: giftPost.Replace(strings.TrimSpace(l)), text: giftPost.Replace(strings.TrimSpace(r))})
			}
		case ans == "T" || ans == "TRUE" || ans == "F" || ans == "FALSE":
			q.kind, q.tf = "truefalse", ans[0] == 'T'
		default:
			t.Fatalf("unexpected answer block %q", ans)
		}
		out = append(out, q)
	}
	for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return out
}

// unpara undoes para: the HTML paragraph around escaped text.
func unpara(t *testing.T, s string) string {
	t.Helper()
	if !strings.HasPrefix(s, "<p>") || !strings.HasSuffix(s, "</p>") {
		t.Fatalf("not a paragraph: %q", s)
	}
	return html.UnescapeString(s[3 : len(s)-4])
}

// checkGIFT parses GIFT output back and compares it with the quiz.
func checkGIFT(t *testing.T, q *quiz.Quiz, data []byte, notes []Note) {
	t.Helper()
	qs := parseGIFT(t, data)
	if len(qs) == 0 || qs[0].category != "$course$/top/"+category(q) {
		t.Fatalf("first block is not the category: %+v", qs)
	}
	byName := map[string]giftQuestion{}
	for _, g := range qs[1:] {
		if g.category != "" {
			t.Fatalf("second category block")
		}
		if _, dup := byName[g.name]; dup {
			t.Fatalf("name %q twice", g.name)
		}
		byName[g.name] = g
	}
	for _, it := range items(q) {
		g, ok := byName[Name(it.q)]
		if it.q.Form == quiz.Order {
			if ok {
				t.Errorf("ordering question %s exported", it.q.ID)
			}
			continue
		}
		if !ok {
			if !noted(notes, it.q.ID) {
				t.Fatalf("question %s (%s) missing, and no note says why", it.q.ID, Name(it.q))
			}
			continue
		}
		if g.format != "[html]" || unpara(t, g.text) != noCR(it.q.Prompt) {
			t.Errorf("%s: text %q, want %q", it.q.ID, g.text, it.q.Prompt)
		}
		if it.q.Source != "" && !strings.Contains(html.UnescapeString(g.feedback), noCR(it.q.Source)) {
			t.Errorf("%s: feedback lacks the source: %q", it.q.ID, g.feedback)
		}
		switch it.q.Form {
		case quiz.MC:
			if g.kind != "multichoice" || len(g.answers) != len(it.choices) {
				t.Fatalf("%s: %+v", it.q.ID, g)
			}
			rights := 0
			for i, a := range g.answers {
				if html.UnescapeString(a.text) != noCR(it.choices[i]) {
					t.Errorf("%s: answer %q, want %q", it.q.ID, a.text, it.choices[i])
				}
				if a.right {
					rights++
					if i != it.answer {
						t.Errorf("%s: wrong answer marked right", it.q.ID)
					}
				}
			}
			if rights != 1 {
				t.Errorf("%s: %d right answers", it.q.ID, rights)
			}
		case quiz.TF:
			if g.kind != "truefalse" || g.tf != (it.q.Answer == 0) {
				t.Errorf("%s: %+v", it.q.ID, g)
			}
		case quiz.Match:
			if g.kind != "matching" || len(g.answers) != len(it.q.Left) {
				t.Fatalf("%s: %+v", it.q.ID, g)
			}
			for i, a := range g.answers {
				if html.UnescapeString(a.subq) != noCR(it.q.Left[i]) || a.text != noCR(it.q.Right[i]) {
					t.Errorf("%s: pair %q -> %q", it.q.ID, a.subq, a.text)
				}
			}
		}
	}
}

func TestGIFT(t *testing.T) {
	q := testQuiz(t)
	var buf bytes.Buffer
	notes, err := GIFT(&buf, q)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "quiz.gift", buf.Bytes())
	checkGIFT(t, q, buf.Bytes(), notes)
	if len(notes) != 1 || !strings.Contains(string(notes[0]), "left out 1 ordering question") {
		t.Errorf("notes %q", notes)
	}
}

func TestGIFTSpecialCharacters(t *testing.T) {
	q := specialQuiz(t)
	var buf bytes.Buffer
	notes, err := GIFT(&buf, q)
	if err != nil {
		t.Fatal(err)
	}
	checkGIFT(t, q, buf.Bytes(), notes)
}

// FuzzGIFTEscape: Moodle's unescape undoes our escape, and escaped text has
// no raw newline and no unescaped special character.
func FuzzGIFTEscape(f *testing.F) {
	for _, s := range specialStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("bank texts are valid UTF-8")
		}
		e := EscapeGIFT(s)
		if got, want := UnescapeGIFT(e), strings.ReplaceAll(s, "\r", ""); got != want {
			t.Fatalf("round trip %q -> %q -> %q", s, e, got)
		}
		if strings.ContainsAny(e, "\n\r") {
			t.Fatalf("raw line break in %q", e)
		}
		for _, c := range "~=#{}:" {
			if strings.ContainsRune(giftPre.Replace(e), c) {
				t.Fatalf("unescaped %q in %q", c, e)
			}
		}
	})
}

// noCR drops carriage returns, as Moodle's exporter does.
func noCR(s string) string { return strings.ReplaceAll(s, "\r", "") }

// noted reports whether a note names question id.
func noted(notes []Note, id string) bool {
	for _, n := range notes {
		if strings.Contains(string(n), id+" ") || strings.Contains(string(n), id+",") || strings.Contains(string(n), id+")") {
			return true
		}
	}
	return false
}
