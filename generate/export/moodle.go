package export

import (
	"encoding/xml"
	"io"

	"github.com/quizcard/quizcard/generate/quiz"
)

// Moodle XML elements, in the order Moodle's own exporter writes them.
type (
	mQuiz struct {
		XMLName   xml.Name    `xml:"quiz"`
		Questions []mQuestion `xml:"question"`
	}
	mText struct {
		Text string `xml:"text"`
	}
	mHTML struct {
		Format string `xml:"format,attr"`
		Text   cdata  `xml:"text"`
	}
	cdata struct {
		S string `xml:",cdata"`
	}
	mPresent struct{} // an empty element whose presence is the flag
	mAnswer  struct {
		Fraction string `xml:"fraction,attr"`
		Format   string `xml:"format,attr"`
		Text     cdata  `xml:"text"`
		Feedback mHTML  `xml:"feedback"`
	}
	mSub struct {
		Format string `xml:"format,attr"`
		Text   cdata  `xml:"text"`
		Answer mText  `xml:"answer"`
	}
	mTags struct {
		Tag []mText `xml:"tag"`
	}
	mQuestion struct {
		Type                     string    `xml:"type,attr"`
		Category                 *mText    `xml:"category,omitempty"`
		Info                     *mHTML    `xml:"info,omitempty"`
		Name                     *mText    `xml:"name,omitempty"`
		QuestionText             *mHTML    `xml:"questiontext,omitempty"`
		GeneralFeedback          *mHTML    `xml:"generalfeedback,omitempty"`
		DefaultGrade             string    `xml:"defaultgrade,omitempty"`
		Penalty                  string    `xml:"penalty,omitempty"`
		Hidden                   string    `xml:"hidden,omitempty"`
		IDNumber                 *string   `xml:"idnumber"`
		Single                   string    `xml:"single,omitempty"`
		ShuffleAnswers           string    `xml:"shuffleanswers,omitempty"`
		AnswerNumbering          string    `xml:"answernumbering,omitempty"`
		ShowStandardInstruction  string    `xml:"showstandardinstruction,omitempty"`
		CorrectFeedback          *mHTML    `xml:"correctfeedback,omitempty"`
		PartiallyCorrectFeedback *mHTML    `xml:"partiallycorrectfeedback,omitempty"`
		IncorrectFeedback        *mHTML    `xml:"incorrectfeedback,omitempty"`
		ShowNumCorrect           *mPresent `xml:"shownumcorrect,omitempty"`
		Answers                  []mAnswer `xml:"answer"`
		Subquestions             []mSub    `xml:"subquestion"`
		Tags                     *mTags    `xml:"tags,omitempty"`
	}
)

func html5(s string) *mHTML { return &mHTML{Format: "html", Text: cdata{s}} }

// MoodleXML writes the quiz as Moodle XML: a category question for the
// article, then multichoice, truefalse and matching questions with CDATA
// HTML text, idnumber and name from the fact id, shuffled answers numbered
// a, b, c. Moodle core has no ordering question: those are left out with a
// note.
func MoodleXML(w io.Writer, q *quiz.Quiz) ([]Note, error) {
	n := newNoter("moodle")
	empty := ""
	doc := mQuiz{Questions: []mQuestion{{
		Type:     "category",
		Category: &mText{"$course$/top/" + category(q)},
		Info:     html5(""),
		IDNumber: &empty,
	}}}
	for _, it := range items(q) {
		qu := it.q
		name := Name(qu)
		mq := mQuestion{
			Name:            &mText{name},
			QuestionText:    html5(para(qu.Prompt)),
			GeneralFeedback: html5(feedback(q, qu)),
			DefaultGrade:    "1",
			Penalty:         "0.3333333",
			Hidden:          "0",
			IDNumber:        &name,
		}
		if qu.Kind != "" {
			mq.Tags = &mTags{Tag: []mText{{"quizcard"}, {qu.Kind}}}
		}
		combined := func() {
			mq.CorrectFeedback = html5("<p>Correct.</p>")
			mq.PartiallyCorrectFeedback = html5("")
			mq.IncorrectFeedback = html5("")
			mq.ShowNumCorrect = &mPresent{}
		}
		switch qu.Form {
		case quiz.MC:
			mq.Type = "multichoice"
			mq.Single, mq.ShuffleAnswers, mq.AnswerNumbering, mq.ShowStandardInstruction = "true", "true", "abc", "0"
			combined()
			for i, c := range it.choices {
				frac := "0"
				if i == it.answer {
					frac = "100"
				}
				mq.Answers = append(mq.Answers, mAnswer{Fraction: frac, Format: "html", Text: cdata{para(c)}, Feedback: *html5("")})
			}
		case quiz.TF:
			mq.Type = "truefalse"
			mq.Penalty = "1"
			for _, v := range []string{"true", "false"} {
				frac := "0"
				if (v == "true") == (qu.Answer == 0) {
					frac = "100"
				}
				mq.Answers = append(mq.Answers, mAnswer{Fraction: frac, Format: "moodle_auto_format", Text: cdata{v}, Feedback: *html5("")})
			}
		case quiz.Match:
			mq.Type = "matching"
			mq.ShuffleAnswers = "true"
			combined()
			for i := range qu.Left {
				mq.Subquestions = append(mq.Subquestions, mSub{Format: "html", Text: cdata{para(qu.Left[i])}, Answer: mText{qu.Right[i]}})
			}
		case quiz.Order:
			n.skip(it, "Moodle core has no ordering question type")
			continue
		}
		doc.Questions = append(doc.Questions, mq)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return nil, err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	_, err := io.WriteString(w, "\n")
	return n.notes(), err
}
