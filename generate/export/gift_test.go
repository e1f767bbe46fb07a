package export

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quizcard/quizcard/generate/quiz"
)

// The GIFT reader below follows Moodle 4.5.6's importer line by line
// (moodle/moodle question/format/gift/format.php and question/format.php,
// read in an unmodified 4.5.6 tree); each step names the lines it copies.

// giftQuestion is a question as Moodle's GIFT importer reads it.
type giftQuestion struct {
	category string // for a $CATEGORY block
	name     string
	idnumber string
	tags     []string
	format   string
	text     string
	kind     string // multichoice, truefalse, match, ...
	answers  []giftAnswerPart
	feedback string // general feedback
	tf       bool
	tfWrong  string // truefalse: feedback for the wrong answer
}

type giftAnswerPart struct {
	text     string
	fraction float64
	subq     string // matching: the left side
	comment  string // feedback for this answer
	raw      string // the answer as written, before Moodle's unescaping
}

// escapedchar_pre and escapedchar_post, format.php:124-143: "\\" becomes a
// backslash, the other escapes placeholders, restored after parsing.
var (
	giftPre  = strings.NewReplacer(`\:`, "&&058;", `\#`, "&&035;", `\=`, "&&061;", `\{`, "&&123;", `\}`, "&&125;", `\~`, "&&126;", `\n`, "&&010")
	giftPost = strings.NewReplacer("&&058;", ":", "&&035;", "#", "&&061;", "=", "&&123;", "{", "&&125;", "}", "&&126;", "~", "&&010", "\n")
)

func escapedcharPre(s string) string {
	s = strings.ReplaceAll(s, `\\`, "&&092;")
	s = giftPre.Replace(s)
	return strings.ReplaceAll(s, "&&092;", `\`)
}

// parseTextWithFormat is format.php:154-169: a leading [html], [moodle],
// [plain] or [markdown] sets the format; escapes are undone; text trimmed.
func parseTextWithFormat(text, def string) (string, string) {
	format := def
	if strings.HasPrefix(text, "[") {
		if end := strings.Index(text, "]"); end > 0 {
			switch f := text[1:end]; f {
			case "html", "moodle", "plain", "markdown":
				format, text = f, text[end+1:]
			}
		}
	}
	return strings.TrimSpace(giftPost.Replace(text)), format
}

// giftWeight is the answer weight regex, format.php:179.
var giftWeight = regexp.MustCompile(`^%\-*([0-9]{1,2})\.?([0-9]*)%`)

// giftID and giftTag are extract_idnumber_and_tags_from_comment,
// format.php:624-666.
var (
	giftID  = regexp.MustCompile(`\[id:((?:\\]|[^\]\x00-\x1f\x7f])+)]`)
	giftTag = regexp.MustCompile("\\[tag:((?:\\\\]|[^\\]<>`\\x00-\\x1f\\x7f])+)]")
)

// parseGIFT splits the file into questions as question/format.php's
// readquestions does (lines trimmed, blocks end at an empty line, lines
// 727-753) and reads each block with readQuestion.
func parseGIFT(t *testing.T, data []byte) []giftQuestion {
	t.Helper()
	if !utf8.Valid(data) {
		t.Fatal("not UTF-8")
	}
	var out []giftQuestion
	var block []string
	flush := func() {
		if len(block) > 0 {
			if q, ok := readQuestion(t, block); ok {
				out = append(out, q)
			}
		}
		block = nil
	}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l == "" || l == "0" { // PHP's empty("0") is true
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return out
}

// readQuestion is qformat_gift::readquestion, format.php:173-470, for the
// types quizcard writes.
func readQuestion(t *testing.T, lines []string) (giftQuestion, bool) {
	t.Helper()
	var q giftQuestion
	// Comments are collected for the idnumber and tags, lines 181-190.
	var comments strings.Builder
	for i, l := range lines {
		if strings.HasPrefix(l, "//") {
			comments.WriteString(l + "\n")
			lines[i] = " "
		}
	}
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	if text == "" {
		return q, false
	}
	text = escapedcharPre(text)
	if strings.HasPrefix(text, "$CATEGORY:") {
		q.category = strings.TrimSpace(text[10:])
		return q, true
	}
	if m := giftID.FindStringSubmatch(comments.String()); m != nil {
		q.idnumber = strings.ReplaceAll(strings.TrimSpace(m[1]), `\]`, "]")
	}
	for _, m := range giftTag.FindAllStringSubmatch(comments.String(), -1) {
		q.tags = append(q.tags, strings.ReplaceAll(strings.TrimSpace(m[1]), `\]`, "]"))
	}
	// The name, lines 209-224.
	if strings.HasPrefix(text, "::") {
		text = text[2:]
		if end := strings.Index(text, "::"); end >= 0 {
			q.name = strings.TrimSpace(giftPost.Replace(text[:end]))
			text = strings.TrimSpace(text[end+2:])
		}
	}
	// The answer block runs from the first { to the first }, lines 226-248.
	open, closing := strings.Index(text, "{"), strings.Index(text, "}")
	if open < 0 || closing < open {
		t.Fatalf("no answer block in %q", text)
	}
	ans := strings.TrimSpace(text[open+1 : closing])
	if rest := strings.TrimSpace(text[closing+1:]); rest != "" {
		t.Fatalf("text after the answer block makes a missing-word question: %q", rest)
	}
	q.text, q.format = parseTextWithFormat(text[:open], "moodle")
	// General feedback follows the last ####, lines 257-264.
	if i := strings.LastIndex(ans, "####"); i >= 0 {
		q.feedback, _ = parseTextWithFormat(ans[i+4:], q.format)
		ans = strings.TrimSpace(ans[:i])
	}
	// The type, lines 296-331.
	tfCheck := ans
	if i := strings.Index(ans, "#"); i > 0 {
		tfCheck = strings.TrimSpace(ans[:i])
	}
	switch {
	case ans == "":
		q.kind = "essay"
	case ans[0] == '#':
		q.kind = "numerical"
	case strings.Contains(ans, "~"):
		q.kind = "multichoice"
		// Lines 355-401: "=" becomes "~=", answers split on "~".
		parts := strings.Split(strings.ReplaceAll(ans, "=", "~="), "~")
		if strings.TrimSpace(parts[0]) == "" {
			parts = parts[1:]
		}
		for _, a := range parts {
			a = strings.TrimSpace(a)
			p := giftAnswerPart{raw: a}
			switch {
			case strings.HasPrefix(a, "="):
				p.fraction, a = 1, a[1:]
			case giftWeight.MatchString(a):
				// answerweightparser, lines 88-95.
				a = a[1:]
				end := strings.Index(a, "%")
				w, _ := strconv.ParseFloat(a[:end], 64)
				p.fraction, a = w/100, a[end+1:]
			}
			// commentparser, lines 97-106: feedback after the first #.
			text, comment, _ := strings.Cut(a, "#")
			p.text, _ = parseTextWithFormat(strings.TrimSpace(text), q.format)
			p.comment, _ = parseTextWithFormat(strings.TrimSpace(comment), q.format)
			q.answers = append(q.answers, p)
		}
	case strings.Contains(ans, "=") && strings.Contains(ans, "->"):
		q.kind = "match"
		// Lines 403-432: answers split on "=", each "left -> right".
		parts := strings.Split(ans, "=")
		if strings.TrimSpace(parts[0]) == "" {
			parts = parts[1:]
		}
		for _, a := range parts {
			a = strings.TrimSpace(a)
			l, r, ok := strings.Cut(a, "->")
			if !ok {
				t.Fatalf("matching answer without ->: %q", a)
			}
			sub, _ := parseTextWithFormat(l, q.format)
			q.answers = append(q.answers, giftAnswerPart{subq: sub, text: strings.TrimSpace(giftPost.Replace(r)), raw: a})
		}
	case tfCheck == "T" || tfCheck == "TRUE" || tfCheck == "F" || tfCheck == "FALSE":
		q.kind = "truefalse"
		// split_truefalse_comment, lines 108-122: the first # text is
		// the feedback for a wrong answer.
		bits := strings.SplitN(ans, "#", 3)
		q.tf = strings.TrimSpace(bits[0])[0] == 'T'
		if len(bits) > 1 {
			q.tfWrong, _ = parseTextWithFormat(strings.TrimSpace(bits[1]), q.format)
		}
	default:
		q.kind = "shortanswer"
	}
	return q, true
}

// giftGrammarWeight is the GIFT grammar's rule for a choice
// (fuhrmanator/GIFT-grammar-PEG.js GIFT.pegjs @ 84236c6, lines 174-186):
// after "=" or "~" and spaces, "%…%" is a weight, for right answers too.
var giftGrammarWeight = regexp.MustCompile(`^[=~]\s*%[^%]*%`)

// checkGIFT reads GIFT output back as Moodle does and compares it with the
// quiz's version A.
func checkGIFT(t *testing.T, q *quiz.Quiz, data []byte, notes []Note) {
	t.Helper()
	qs := parseGIFT(t, data)
	if len(qs) == 0 || qs[0].category != "$course$/top/"+category(q) {
		t.Fatalf("first block is not the category: %+v", qs)
	}
	byID := map[string]giftQuestion{}
	for _, g := range qs[1:] {
		if g.category != "" {
			t.Fatalf("second category block")
		}
		if _, dup := byID[g.idnumber]; dup || g.idnumber == "" {
			t.Fatalf("idnumber %q twice or empty", g.idnumber)
		}
		byID[g.idnumber] = g
	}
	for _, w := range expect(t, q) {
		g, ok := byID[idOf(t, w, byID)]
		if w.Form == "order" {
			if ok {
				t.Errorf("ordering question %s exported", w.ID)
			}
			if !noted(notes, w.ID) {
				t.Errorf("ordering question %s left out without a note", w.ID)
			}
			continue
		}
		if !ok {
			if !noted(notes, w.ID) {
				t.Fatalf("question %s missing, and no note says why", w.ID)
			}
			continue
		}
		if g.format != "html" || unhtml(g.text) != lines(w.Prompt) {
			t.Errorf("%s: text %q (%s), want %q", w.ID, g.text, g.format, w.Prompt)
		}
		if !strings.HasSuffix(g.name, "("+g.idnumber+")") || !strings.HasPrefix(w.Prompt, strings.Fields(g.name)[0]) {
			t.Errorf("%s: name %q does not start with the prompt's words", w.ID, g.name)
		}
		if len(g.tags) == 0 || g.tags[0] != "quizcard" || (w.Kind != "" && (len(g.tags) != 2 || g.tags[1] != w.Kind)) {
			t.Errorf("%s: tags %q, want quizcard and %q", w.ID, g.tags, w.Kind)
		}
		fb := unhtml(g.feedback)
		if !strings.Contains(fb, lines(w.Explain)) || (w.Source != "" && !strings.Contains(fb, lines(w.Source))) {
			t.Errorf("%s: general feedback %q lacks the explanation or source", w.ID, g.feedback)
		}
		switch w.Form {
		case "mc":
			if g.kind != "multichoice" || len(g.answers) != len(w.Shown) {
				t.Fatalf("%s: %+v", w.ID, g)
			}
			for i, a := range g.answers {
				if unhtml(a.text) != lines(w.Shown[i]) {
					t.Errorf("%s: answer %d reads %q, want %q", w.ID, i, a.text, w.Shown[i])
				}
				if want := map[bool]float64{true: 1, false: 0}[i == w.Pick]; a.fraction != want {
					t.Errorf("%s: answer %q weighs %g, want %g (right: %q)", w.ID, w.Shown[i], a.fraction, want, w.Shown[w.Pick])
				}
				if unhtml(a.comment) != lines(w.why(i)) {
					t.Errorf("%s: feedback on %q is %q, want %q", w.ID, w.Shown[i], a.comment, w.why(i))
				}
				if giftGrammarWeight.MatchString(a.raw) {
					t.Errorf("%s: the GIFT grammar reads a weight in %q", w.ID, a.raw)
				}
			}
		case "tf":
			if g.kind != "truefalse" || g.tf != (w.Pick == 0) {
				t.Errorf("%s: %s %v, want true=%v", w.ID, g.kind, g.tf, w.Pick == 0)
			}
			if unhtml(g.tfWrong) != lines(w.why(1-w.Pick)) {
				t.Errorf("%s: feedback for the wrong answer %q, want %q", w.ID, g.tfWrong, w.why(1-w.Pick))
			}
		case "match":
			// Extra responses come after the pairs with an empty left side
			// (qtype_match keeps a subquestion without text as a wrong
			// answer).
			if g.kind != "match" || len(g.answers) != len(w.Pairs)+len(w.Extra) {
				t.Fatalf("%s: %+v", w.ID, g)
			}
			for i, a := range g.answers {
				if i >= len(w.Pairs) {
					if a.subq != "" || a.text != plain(w.Extra[i-len(w.Pairs)]) {
						t.Errorf("%s: extra %q -> %q, want %q", w.ID, a.subq, a.text, w.Extra[i-len(w.Pairs)])
					}
					continue
				}
				if unhtml(a.subq) != lines(w.Pairs[i][0]) || a.text != plain(w.Pairs[i][1]) {
					t.Errorf("%s: pair %q -> %q, want %q", w.ID, a.subq, a.text, w.Pairs[i])
				}
			}
		}
	}
}

// idOf returns the idnumber a question must carry: its fact id, or the one
// id in the file that no fact question uses, for a matching question.
func idOf(t *testing.T, w want, byID map[string]giftQuestion) string {
	if id := w.stableID(); id != "" {
		return id
	}
	for id := range byID {
		if strings.HasPrefix(id, w.Form+"-") {
			return id
		}
	}
	return w.Form + "-"
}

func TestGIFT(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    *quiz.Quiz
	}{{"builtin", testQuiz(t)}, {"feedback", feedbackQuiz(t, 11)}, {"special", specialQuiz(t)}} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			notes, err := GIFT(&buf, tc.q, testOpt)
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "builtin" {
				golden(t, "quiz.gift", buf.Bytes())
				if want := "gift: left out 1 ordering question (q10): GIFT has no standard ordering question; --format moodle carries it"; len(notes) != 1 || string(notes[0]) != want {
					t.Errorf("notes %q, want %q", notes, want)
				}
			}
			checkGIFT(t, tc.q, buf.Bytes(), notes)
		})
	}
}

// TestGIFTPercent: an answer that starts with "%" is text, not a weight,
// for Moodle (format.php:179 matches only after "~"; after "=" the text
// keeps what follows) and for the GIFT grammar (weights after "=" too).
func TestGIFTPercent(t *testing.T) {
	q := testQuiz(t)
	for k := range q.Questions {
		qu := &q.Questions[k]
		if qu.Form == quiz.MC {
			for j := range qu.Options {
				qu.Options[j] = "%" + strconv.Itoa(10*(j+1)) + "% of votes " + strconv.Itoa(j)
			}
			qu.Correct = qu.Options[qu.Answer]
		}
	}
	var buf bytes.Buffer
	notes, err := GIFT(&buf, q, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	checkGIFT(t, q, buf.Bytes(), notes)
}

// TestGIFTPoints: GIFT has no points; a note says so.
func TestGIFTPoints(t *testing.T) {
	notes, err := GIFT(&bytes.Buffer{}, testQuiz(t), Options{Points: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !noted(notes, "q10") || !strings.Contains(string(notes[len(notes)-1]), "not 2 ") {
		t.Errorf("notes %q", notes)
	}
}

// FuzzGIFTEscape: any text, as the exporter writes it into an HTML field
// (htmlText, then EscapeGIFT), comes back from Moodle's unescaping
// (format.php:124-143) and a browser's reading as the same text, on one
// line, with no unescaped special character. Bank texts are valid UTF-8, so
// the fuzzer's bytes are made valid rather than skipped.
func FuzzGIFTEscape(f *testing.F) {
	for _, s := range specialStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		e := EscapeGIFT(htmlText(s))
		if got, want := unhtml(giftPost.Replace(escapedcharPre(e))), lines(s); got != want {
			t.Fatalf("round trip %q -> %q -> %q", s, e, got)
		}
		if strings.ContainsAny(e, "\n\r") {
			t.Fatalf("raw line break in %q", e)
		}
		for _, c := range "~=#{}:" {
			if strings.ContainsRune(escapedcharPre(e), c) {
				t.Fatalf("unescaped %q in %q", c, e)
			}
		}
	})
}
