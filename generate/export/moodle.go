package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
)

// MoodleXML writes the quiz as Moodle XML, element for element as
// Moodle's own exporter (question/format/xml/format.php) writes it: a
// category question for the article, then multichoice, truefalse,
// matching and ordering (Moodle 4.4+ ships qtype_ordering) questions with
// a readable name, the fact id as idnumber, HTML text, feedback on wrong
// options and the explanation as general feedback. Text goes in CDATA
// exactly when escaping would change it, as Moodle's xml_escape does:
// Moodle's XML reader drops the spaces between escaped characters.
func MoodleXML(w io.Writer, q *quiz.Quiz, opt Options) ([]Note, error) {
	bw := bufio.NewWriter(w)
	n := newNoter("moodle")
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n")
	fmt.Fprintf(bw, "<!-- %s, made by quizcard, seed %d -->\n", xmlComment(q.Title), q.Seed)
	points := num(opt.points())
	shuffle := "true"
	if opt.KeepOrder {
		shuffle = "false"
	}
	group := "\x00"
	for _, it := range items(q) {
		qu := it.q
		// A category question for the article, or one per group of a
		// pool: Moodle files the questions after it there.
		if qu.Group != group {
			group = qu.Group
			bw.WriteString("  <question type=\"category\">\n")
			fmt.Fprintf(bw, "    <category>\n      %s    </category>\n", moodleText(groupCategory(q, group), 0))
			fmt.Fprintf(bw, "    <info format=\"html\">\n      %s    </info>\n    <idnumber></idnumber>\n  </question>\n", moodleText("", 0))
		}
		typ := map[quiz.Form]string{quiz.MC: "multichoice", quiz.TF: "truefalse", quiz.Match: "matching", quiz.Order: "ordering"}[qu.Form]
		fmt.Fprintf(bw, "  <question type=\"%s\">\n", typ)
		fmt.Fprintf(bw, "    <name>\n%s    </name>\n", moodleText(plain(Title(qu)), 3))
		fmt.Fprintf(bw, "    <questiontext format=\"html\">\n%s    </questiontext>\n", moodleText(para(qu.Prompt), 3))
		fmt.Fprintf(bw, "    <generalfeedback format=\"html\">\n%s    </generalfeedback>\n", moodleText(feedback(q, qu), 3))
		penalty := "0.3333333"
		if qu.Form == quiz.TF {
			penalty = "1"
		}
		fmt.Fprintf(bw, "    <defaultgrade>%s</defaultgrade>\n    <penalty>%s</penalty>\n    <hidden>0</hidden>\n", points, penalty)
		fmt.Fprintf(bw, "    <idnumber>%s</idnumber>\n", esc(ID(qu))) // ids need no escaping: letters, digits, - . _ +
		switch qu.Form {
		case quiz.MC:
			mine := shuffle
			if qu.Ordered {
				mine = "false" // figures and dates stay in ascending order
			}
			fmt.Fprintf(bw, "    <single>true</single>\n    <shuffleanswers>%s</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n    <showstandardinstruction>0</showstandardinstruction>\n", mine)
			combinedFeedback(bw)
			bw.WriteString("    <shownumcorrect/>\n")
			for i, c := range it.choices {
				frac := "0"
				if i == it.answer {
					frac = "100"
				}
				moodleAnswer(bw, frac, "html", para(c), it.whyNot(i))
			}
		case quiz.TF:
			for i, v := range []string{"true", "false"} {
				frac := "0"
				if i == qu.Answer {
					frac = "100"
				}
				moodleAnswer(bw, frac, "moodle_auto_format", v, it.whyNot(i))
			}
		case quiz.Match:
			fmt.Fprintf(bw, "    <shuffleanswers>true</shuffleanswers>\n")
			combinedFeedback(bw)
			bw.WriteString("    <shownumcorrect/>\n")
			for i := range qu.Left {
				fmt.Fprintf(bw, "    <subquestion format=\"html\">\n%s      <answer>\n%s      </answer>\n    </subquestion>\n",
					moodleText(para(qu.Left[i]), 3), moodleText(plain(qu.Right[i]), 4))
			}
			// Extra responses: subquestions without text, which
			// qtype_match keeps as wrong answers.
			for _, x := range qu.Extra {
				fmt.Fprintf(bw, "    <subquestion format=\"html\">\n%s      <answer>\n%s      </answer>\n    </subquestion>\n",
					moodleText("", 3), moodleText(plain(x), 4))
			}
		case quiz.Order:
			// qtype_ordering: the answers in the right order; Moodle
			// shuffles them for each attempt and gives credit for each
			// item in its place.
			fmt.Fprintf(bw, "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <selectcount>%d</selectcount>\n", len(qu.Items))
			bw.WriteString("    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n")
			combinedFeedback(bw)
			bw.WriteString("    <shownumcorrect>1</shownumcorrect>\n")
			for i, item := range qu.Items {
				fmt.Fprintf(bw, "    <answer fraction=\"%d\" format=\"html\">\n%s    </answer>\n", i+1, moodleText(para(item), 3))
			}
		}
		bw.WriteString("    <tags>\n      <tag><text>quizcard</text></tag>\n")
		if qu.Kind != "" {
			fmt.Fprintf(bw, "      <tag>%s</tag>\n", strings.TrimSuffix(moodleText(plain(qu.Kind), 0), "\n"))
		}
		bw.WriteString("    </tags>\n  </question>\n")
		n.written++
	}
	bw.WriteString("</quiz>\n")
	return n.done(bw.Flush())
}

// moodleAnswer writes one <answer> with its feedback.
func moodleAnswer(w *bufio.Writer, fraction, format, text, why string) {
	fb := ""
	if why != "" {
		fb = para(why)
	}
	fmt.Fprintf(w, "    <answer fraction=\"%s\" format=\"%s\">\n%s      <feedback format=\"html\">\n%s      </feedback>\n    </answer>\n",
		fraction, format, moodleText(text, 3), moodleText(fb, 4))
}

// combinedFeedback writes the feedback Moodle shows after an attempt.
func combinedFeedback(w *bufio.Writer) {
	w.WriteString("    <correctfeedback format=\"html\">\n      <text>Correct.</text>\n    </correctfeedback>\n")
	w.WriteString("    <partiallycorrectfeedback format=\"html\">\n      <text></text>\n    </partiallycorrectfeedback>\n")
	w.WriteString("    <incorrectfeedback format=\"html\">\n      <text></text>\n    </incorrectfeedback>\n")
}

// moodleText writes a <text> element at an indent level (two spaces a
// level), with s as Moodle's writetext writes it: in CDATA when escaping
// & " < > would change it (xml_escape), "]]>" split across two sections;
// otherwise as it is. s must hold no line break: Moodle's XML reader
// drops a bare one (see htmlText and plain).
func moodleText(s string, level int) string {
	if s != "" && strings.ContainsAny(s, `&"<>`) {
		s = "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
	}
	return strings.Repeat("  ", level) + "<text>" + s + "</text>\n"
}

// xmlComment keeps text safe inside an XML comment.
func xmlComment(s string) string {
	return strings.ReplaceAll(oneLine(s), "--", "- -")
}
