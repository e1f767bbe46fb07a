package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/quizcard/quizcard/generate/quiz"
)

// xmlNode is an element as Moodle's xmlize builds it (lib/xmlize.php in
// Moodle 4.5.6): attributes, children in order, and the character data its
// characterdata() keeps.
type xmlNode struct {
	name string
	attr map[string]string
	kids []*xmlNode
	text string
}

// child returns the first child of that name, or an empty node.
func (n *xmlNode) child(name string) *xmlNode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return &xmlNode{attr: map[string]string{}}
}

func (n *xmlNode) all(name string) []*xmlNode {
	var out []*xmlNode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// textOf is what qformat_xml reads for <x><text>…</text></x>: getpath with
// istext, which trims (question/format/xml/format.php:146-169).
func (n *xmlNode) textOf(name string) string { return n.child(name).txt() }

// txt is the trimmed text of n's own <text> child.
func (n *xmlNode) txt() string { return strings.TrimSpace(n.child("text").text) }

// xmlize parses data as Moodle does. PHP's expat hands characterdata()
// the text in pieces: each entity or character reference is a piece of its
// own, and so is each line break, in text and in CDATA alike (libexpat
// expat/lib/xmlparse.c @ 1185697, doContent: XML_TOK_ENTITY_REF line
// 3387, XML_TOK_CHAR_REF line 3659, XML_TOK_DATA_NEWLINE line 3674;
// doCdataSection: XML_TOK_DATA_NEWLINE line 4665), and xmlize feeds it
// 4,096 bytes at a time (lib/xmlize.php:188), which also cuts pieces.
// characterdata() (lib/xmlize.php:140-160) drops every piece that is only
// white space: `if (($data == "0") || (!empty($data) && trim($data) != ""))`.
func xmlize(t *testing.T, data []byte) *xmlNode {
	t.Helper()
	start := len(data) - len(bytes.TrimLeft(data, " \t\r\n\x00\x0b")) // parse(): $data = trim($data)
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &xmlNode{}
	stack := []*xmlNode{root}
	var prev int64
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		end := d.InputOffset()
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for _, p := range expatPieces(data[prev:end], int(prev)-start) {
				if p == "0" || strings.TrimSpace(p) != "" {
					top.text += p
				}
			}
		}
		prev = end
	}
	if len(root.kids) != 1 {
		t.Fatalf("%d root elements", len(root.kids))
	}
	return root.kids[0]
}

// expatPieces splits raw character data (text or one CDATA section) at
// the points where expat calls the handler anew; at is the offset of raw
// in what xmlize feeds expat.
func expatPieces(raw []byte, at int) []string {
	var out []string
	cur := []byte{}
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = []byte{}
		}
	}
	cdata := bytes.HasPrefix(raw, []byte("<![CDATA["))
	i, stop := 0, len(raw)
	if cdata {
		i, stop = 9, len(raw)-3
	}
	for i < stop {
		if (at+i)%4096 == 0 { // a new 4,096-byte buffer
			flush()
		}
		c := raw[i]
		switch {
		case c == '\r' || c == '\n':
			flush()
			out = append(out, "\n")
			if c == '\r' && i+1 < stop && raw[i+1] == '\n' {
				i++
			}
			i++
		case c == '&' && !cdata:
			flush()
			semi := bytes.IndexByte(raw[i:], ';')
			ref := string(raw[i+1 : i+semi])
			switch {
			case strings.HasPrefix(ref, "#x"):
				v, _ := strconv.ParseInt(ref[2:], 16, 32)
				out = append(out, string(rune(v)))
			case strings.HasPrefix(ref, "#"):
				v, _ := strconv.ParseInt(ref[1:], 10, 32)
				out = append(out, string(rune(v)))
			default:
				out = append(out, map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}[ref])
			}
			i += semi + 1
		default:
			cur = append(cur, c)
			i++
		}
	}
	flush()
	return out
}

// checkMoodle reads Moodle XML as Moodle's importer does and compares it
// with the quiz's version A.
func checkMoodle(t *testing.T, q *quiz.Quiz, data []byte, notes []Note, opt Options) {
	t.Helper()
	doc := xmlize(t, data)
	if doc.name != "quiz" {
		t.Fatalf("root %q", doc.name)
	}
	qs := doc.all("question")
	if len(qs) == 0 || qs[0].attr["type"] != "category" || qs[0].child("category").child("text").text != "$course$/top/"+category(q) {
		t.Fatalf("no category question first: %q", qs[0].child("category").child("text").text)
	}
	byID := map[string]*xmlNode{}
	for _, mq := range qs[1:] {
		// import_headers, format.php:220-285: the name is required; the
		// idnumber is read as it is (not trimmed), a duplicate dropped.
		id := mq.child("idnumber").text
		if mq.textOf("name") == "" || id == "" || byID[id] != nil {
			t.Fatalf("question without a name, or idnumber %q empty or twice", id)
		}
		byID[id] = mq
	}
	points := strconv.FormatFloat(opt.points(), 'f', -1, 64)
	for _, w := range expect(t, q) {
		id := w.stableID()
		if id == "" {
			for k := range byID {
				if strings.HasPrefix(k, w.Form+"-") {
					id = k
				}
			}
		}
		mq, ok := byID[id]
		if !ok {
			if !noted(notes, w.ID) {
				t.Errorf("%s missing, and no note says why", w.ID)
			}
			continue
		}
		want := map[string]string{"mc": "multichoice", "tf": "truefalse", "match": "matching", "order": "ordering"}[w.Form]
		if mq.attr["type"] != want {
			t.Errorf("%s: type %q, want %q", w.ID, mq.attr["type"], want)
		}
		if got := mq.textOf("questiontext"); mq.child("questiontext").attr["format"] != "html" || unhtml(got) != lines(w.Prompt) {
			t.Errorf("%s: text %q, want %q", w.ID, got, w.Prompt)
		}
		if name := mq.textOf("name"); !strings.HasSuffix(name, "("+id+")") || !strings.HasPrefix(w.Prompt, strings.Fields(name)[0]) {
			t.Errorf("%s: name %q", w.ID, name)
		}
		fb := unhtml(mq.textOf("generalfeedback"))
		if !strings.Contains(fb, lines(w.Explain)) || (w.Source != "" && !strings.Contains(fb, lines(w.Source))) {
			t.Errorf("%s: no explanation or source in feedback %q", w.ID, fb)
		}
		// Multiple choice shows the right option itself; the other forms
		// say the answer in words.
		if strings.Contains(fb, "Answer: "+lines(w.Correct)) != (w.Form != "mc") {
			t.Errorf("%s: feedback %q and the answer in words %q", w.ID, fb, w.Correct)
		}
		if g := mq.child("defaultgrade").text; g != points {
			t.Errorf("%s: default grade %q, want %s", w.ID, g, points)
		}
		// Penalties as Moodle sets them: 1 for true/false (its GIFT
		// importer, question/format/gift/format.php:448), else the
		// default 0.3333333 (import_headers, xml/format.php:270-275).
		if p, want := mq.child("penalty").text, map[bool]string{true: "1", false: "0.3333333"}[w.Form == "tf"]; p != want {
			t.Errorf("%s: penalty %q, want %s", w.ID, p, want)
		}
		var tags []string
		for _, tag := range mq.child("tags").all("tag") {
			tags = append(tags, tag.txt())
		}
		if len(tags) == 0 || tags[0] != "quizcard" || (w.Kind != "" && (len(tags) != 2 || tags[1] != w.Kind)) {
			t.Errorf("%s: tags %q", w.ID, tags)
		}
		answers := mq.all("answer")
		switch w.Form {
		case "mc":
			// import_multichoice, format.php:448-490. Figures and dates
			// keep their ascending order whatever the teacher chose.
			shuffle := map[bool]string{true: "false", false: "true"}[opt.KeepOrder || w.Ordered]
			if mq.child("single").text != "true" || mq.child("answernumbering").text != "abc" || mq.child("shuffleanswers").text != shuffle || len(answers) != len(w.Shown) {
				t.Fatalf("%s: single %q numbering %q shuffle %q, %d answers", w.ID, mq.child("single").text, mq.child("answernumbering").text, mq.child("shuffleanswers").text, len(answers))
			}
			for i, a := range answers {
				frac := map[bool]string{true: "100", false: "0"}[i == w.Pick]
				if unhtml(a.txt()) != strings.TrimSpace(lines(w.Shown[i])) || a.attr["fraction"] != frac {
					t.Errorf("%s: answer %d = %q at %s, want %q at %s", w.ID, i, a.txt(), a.attr["fraction"], w.Shown[i], frac)
				}
				if got := unhtml(a.child("feedback").txt()); got != strings.TrimSpace(lines(w.why(i))) {
					t.Errorf("%s: feedback on %q is %q, want %q", w.ID, w.Shown[i], got, w.why(i))
				}
			}
		case "tf":
			// import_truefalse, format.php:574-631: answers matched on
			// their text, "true" right when its fraction is 100.
			for _, a := range answers {
				k := map[string]int{"true": 0, "false": 1}[a.txt()]
				if right := a.attr["fraction"] == "100"; right != (k == w.Pick) {
					t.Errorf("%s: %q at %s, want right=%v", w.ID, a.txt(), a.attr["fraction"], k == w.Pick)
				}
				if got := unhtml(a.child("feedback").txt()); got != lines(w.why(k)) {
					t.Errorf("%s: feedback on %q is %q, want %q", w.ID, a.txt(), got, w.why(k))
				}
			}
		case "match":
			// import_match, format.php:749-779.
			subs := mq.all("subquestion")
			if len(subs) != len(w.Pairs)+len(w.Extra) {
				t.Fatalf("%s: %d subquestions", w.ID, len(subs))
			}
			for i, s := range subs {
				left := unhtml(strings.TrimSpace(s.child("text").text))
				right := s.child("answer").txt()
				if i >= len(w.Pairs) {
					// An extra response: a subquestion without text.
					if left != "" || right != strings.TrimSpace(plain(w.Extra[i-len(w.Pairs)])) {
						t.Errorf("%s: extra %q -> %q, want %q", w.ID, left, right, w.Extra[i-len(w.Pairs)])
					}
					continue
				}
				if left != lines(w.Pairs[i][0]) || right != strings.TrimSpace(plain(w.Pairs[i][1])) {
					t.Errorf("%s: pair %q -> %q, want %q", w.ID, left, right, w.Pairs[i])
				}
			}
		case "order":
			// qtype_ordering import_from_xml (question/type/ordering/
			// questiontype.php:586-666) reads the answers in file order,
			// and save_question_options (lines 72-214) takes that order as
			// the right one; set_options_for_import (668-716) reads the
			// settings.
			if mq.child("selecttype").text != "ALL" || mq.child("layouttype").text != "VERTICAL" {
				t.Errorf("%s: selecttype %q layouttype %q", w.ID, mq.child("selecttype").text, mq.child("layouttype").text)
			}
			if n, _ := strconv.Atoi(mq.child("selectcount").text); n != len(w.Seq) {
				t.Errorf("%s: selectcount %d for %d items", w.ID, n, len(w.Seq))
			}
			if len(answers) != len(w.Seq) {
				t.Fatalf("%s: %d answers for %d items", w.ID, len(answers), len(w.Seq))
			}
			for i, a := range answers {
				if got := unhtml(a.txt()); got != strings.TrimSpace(lines(w.Seq[i])) {
					t.Errorf("%s: place %d holds %q, want %q", w.ID, i+1, got, w.Seq[i])
				}
				// The importer resets fractions, but Moodle's own
				// exporter writes each item's place there (line 572).
				if a.attr["fraction"] != strconv.Itoa(i+1) {
					t.Errorf("%s: place %d has fraction %q", w.ID, i+1, a.attr["fraction"])
				}
			}
		}
	}
}

func TestMoodleXML(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    *quiz.Quiz
		opt  Options
	}{{"builtin", testQuiz(t), testOpt}, {"feedback", feedbackQuiz(t, 11), Options{Points: 2.5, KeepOrder: true}}, {"special", specialQuiz(t), testOpt}, {"figures", figuresQuiz(t), testOpt}} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			notes, err := MoodleXML(&buf, tc.q, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "builtin" {
				golden(t, "quiz.moodle.xml", buf.Bytes())
				if len(notes) != 0 {
					t.Errorf("notes %q: Moodle XML carries every form", notes)
				}
			}
			if bytes.Contains(bytes.ReplaceAll(buf.Bytes(), []byte("]]]]><![CDATA[>"), nil), []byte("]]>]]>")) {
				t.Error("raw ]]> inside CDATA")
			}
			checkMoodle(t, tc.q, buf.Bytes(), notes, tc.opt)
		})
	}
}

// TestMoodleSpaces: spaces between escaped characters survive Moodle's
// reader, which drops white-space pieces between references (xmlize).
func TestMoodleSpaces(t *testing.T) {
	q := testQuiz(t)
	for k := range q.Questions {
		qu := &q.Questions[k]
		for j := range qu.Right {
			qu.Right[j] = `A & " ' < > B ` + strconv.Itoa(j)
		}
	}
	q.Article.Title = `Talks & "talks" < > 'x'`
	var buf bytes.Buffer
	notes, err := MoodleXML(&buf, q, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	checkMoodle(t, q, buf.Bytes(), notes, testOpt)
}

// FuzzMoodleText: any text a bank can hold survives the trip through
// Moodle's reader as a browser shows it. Banks refuse control characters
// and hold valid UTF-8, so the fuzzer's text is made so rather than
// skipped.
func FuzzMoodleText(f *testing.F) {
	for _, s := range specialStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.Map(func(r rune) rune {
			if (unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, "\uFFFD"))
		q := testQuiz(t)
		q.Questions[0].Prompt = s
		var buf bytes.Buffer
		if _, err := MoodleXML(&buf, q, testOpt); err != nil {
			t.Fatal(err)
		}
		doc := xmlize(t, buf.Bytes())
		for _, mq := range doc.all("question") {
			if mq.child("idnumber").text == ID(&q.Questions[0]) {
				if got := unhtml(mq.textOf("questiontext")); got != lines(s) {
					t.Fatalf("%q came back as %q", s, got)
				}
				return
			}
		}
		t.Fatal("question missing")
	})
}
