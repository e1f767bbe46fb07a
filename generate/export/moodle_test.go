package export

import (
	"bytes"
	"encoding/xml"
	"html"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/quiz"
)

var allowedFractions = map[string]bool{"100": true, "0": true, "90": true, "83.33333": true, "80": true, "75": true,
	"70": true, "66.66667": true, "60": true, "50": true, "40": true, "33.33333": true, "30": true, "25": true,
	"20": true, "16.66667": true, "14.28571": true, "12.5": true, "11.11111": true, "10": true, "5": true}

// checkMoodle parses Moodle XML back with encoding/xml and checks it
// against the quiz and the format's rules (formats.md b2.4).
func checkMoodle(t *testing.T, q *quiz.Quiz, data []byte, notes []Note) {
	t.Helper()
	var doc mQuiz
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	if bytes.Contains(bytes.ReplaceAll(data, []byte("]]]]><![CDATA[>"), nil), []byte("]]>]]>")) {
		t.Error("raw ]]> inside CDATA")
	}
	if len(doc.Questions) == 0 || doc.Questions[0].Type != "category" || doc.Questions[0].Category.Text != "$course$/top/"+category(q) {
		t.Fatal("no category question first")
	}
	ids := map[string]bool{}
	byName := map[string]mQuestion{}
	for _, mq := range doc.Questions[1:] {
		if mq.Name == nil || mq.Name.Text == "" {
			t.Fatal("question without a name")
		}
		if ids[*mq.IDNumber] {
			t.Errorf("idnumber %q twice", *mq.IDNumber)
		}
		ids[*mq.IDNumber] = true
		byName[mq.Name.Text] = mq
		right := 0
		for _, a := range mq.Answers {
			if !allowedFractions[a.Fraction] {
				t.Errorf("fraction %q not in Moodle's grade list", a.Fraction)
			}
			if a.Fraction == "100" {
				right++
			}
		}
		if (mq.Type == "multichoice" || mq.Type == "truefalse") && right != 1 {
			t.Errorf("%s: %d answers at 100%%", mq.Name.Text, right)
		}
		if mq.Type == "multichoice" && (mq.Single != "true" || mq.AnswerNumbering != "abc" || len(mq.Answers) < 2) {
			t.Errorf("%s: single %q numbering %q", mq.Name.Text, mq.Single, mq.AnswerNumbering)
		}
	}
	for _, it := range items(q) {
		mq, ok := byName[Name(it.q)]
		if !ok {
			if !noted(notes, it.q.ID) {
				t.Errorf("%s missing, and no note says why", it.q.ID)
			}
			continue
		}
		if got := unpara(t, mq.QuestionText.Text.S); got != noCR(it.q.Prompt) {
			t.Errorf("%s: text %q, want %q", it.q.ID, got, it.q.Prompt)
		}
		if it.q.Source != "" && !strings.Contains(html.UnescapeString(mq.GeneralFeedback.Text.S), noCR(it.q.Source)) {
			t.Errorf("%s: no source in feedback", it.q.ID)
		}
		switch it.q.Form {
		case quiz.MC:
			for i, a := range mq.Answers {
				if unpara(t, a.Text.S) != noCR(it.choices[i]) || (a.Fraction == "100") != (i == it.answer) {
					t.Errorf("%s: answer %d = %q (%s)", it.q.ID, i, a.Text.S, a.Fraction)
				}
			}
		case quiz.TF:
			if mq.Answers[0].Text.S != "true" || (mq.Answers[0].Fraction == "100") != (it.q.Answer == 0) {
				t.Errorf("%s: true/false %+v", it.q.ID, mq.Answers)
			}
		case quiz.Match:
			for i, s := range mq.Subquestions {
				if unpara(t, s.Text.S) != noCR(it.q.Left[i]) || noCR(s.Answer.Text) != noCR(it.q.Right[i]) {
					t.Errorf("%s: pair %d", it.q.ID, i)
				}
			}
		}
	}
}

func TestMoodleXML(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    *quiz.Quiz
	}{{"builtin", testQuiz(t)}, {"special", specialQuiz(t)}} {
		var buf bytes.Buffer
		notes, err := MoodleXML(&buf, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if tc.name == "builtin" {
			golden(t, "quiz.moodle.xml", buf.Bytes())
			if len(notes) != 1 {
				t.Errorf("notes %q", notes)
			}
		}
		checkMoodle(t, tc.q, buf.Bytes(), notes)
	}
}

// FuzzMoodleText: any text survives the trip through CDATA and back.
func FuzzMoodleText(f *testing.F) {
	for _, s := range specialStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !xmlChars(s) {
			t.Skip("XML cannot carry this text; the bank refuses it")
		}
		q := testQuiz(t)
		q.Questions[0].Prompt = s
		var buf bytes.Buffer
		if _, err := MoodleXML(&buf, q); err != nil {
			t.Fatal(err)
		}
		var doc mQuiz
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		for _, mq := range doc.Questions {
			if mq.Name != nil && mq.Name.Text == Name(&q.Questions[0]) {
				got := html.UnescapeString(strings.TrimSuffix(strings.TrimPrefix(mq.QuestionText.Text.S, "<p>"), "</p>"))
				if got != s {
					t.Fatalf("%q came back as %q", s, got)
				}
				return
			}
		}
		t.Fatal("question missing")
	})
}
