package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/quizcard/quizcard/generate/quiz"
)

// QTI writes a Canvas "QTI .zip file" import package: imsmanifest.xml, the
// QTI 1.2 assessment and Canvas's assessment_meta.xml with the quiz
// settings, laid out as Canvas's own exports lay them out. Canvas classic
// quizzes have no ordering question: those are left out with a note.
//
// Idents are stable: the quiz's from its title and article (re-importing a
// quiz of the same title into a course updates that quiz), each question's
// from its fact id, each choice's from its text. Choice idents are numbers
// unique within their question, because Canvas takes a matching option's
// id from the first run of digits in its ident.
func QTI(w io.Writer, q *quiz.Quiz, opt Options) ([]Note, error) {
	n := newNoter("qti")
	var its []item
	for _, it := range items(q) {
		if it.q.Form == quiz.Order {
			n.skip(it, "Canvas quizzes have no ordering question; --format moodle carries it")
			continue
		}
		its = append(its, it)
	}
	h := sha256.Sum256([]byte(bankID(q) + "\x00" + q.Title))
	id := hex.EncodeToString(h[:])[:16]
	a := "quizcard_assessment_" + id

	var asmt, meta, manifest bytes.Buffer
	writeAssessment(&asmt, q, a, its, opt)
	total := num(opt.points() * float64(picks(its)))
	fmt.Fprintf(&meta, qtiMeta, a, esc(q.Title), esc(para("Quiz on “"+q.Article.Title+"” ("+sourceLine(q)+"). Made by quizcard, seed "+fmt.Sprint(q.Seed)+".")),
		!opt.KeepOrder, total, !opt.Canvas.HideAnswers, attempts(opt), timeLimit(opt),
		"quizcard_assignment_"+id, esc(q.Title), a, total, "quizcard_group_"+id)
	fmt.Fprintf(&manifest, qtiManifest, "quizcard_manifest_"+id, a, a, a, "quizcard_meta_"+id, "quizcard_meta_"+id, a, a)
	if len(its) == 0 {
		return n.done(nil)
	}
	zw := zip.NewWriter(w)
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"imsmanifest.xml", manifest.Bytes()},
		{"non_cc_assessments/", nil},
		{a + "/" + a + ".xml", asmt.Bytes()},
		{a + "/assessment_meta.xml", meta.Bytes()},
	} {
		hdr := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: opt.Date.UTC()}
		if strings.HasSuffix(f.name, "/") {
			hdr.Method = zip.Store
		}
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(f.data); err != nil {
			return nil, err
		}
	}
	n.written = len(its)
	return n.done(zw.Close())
}

// attempts is Canvas's allowed_attempts: -1 for unlimited.
func attempts(opt Options) int {
	switch {
	case opt.Canvas.Attempts < 0:
		return -1
	case opt.Canvas.Attempts == 0:
		return 1
	}
	return opt.Canvas.Attempts
}

// timeLimit is the time_limit element, in minutes, or nothing.
func timeLimit(opt Options) string {
	if opt.Canvas.TimeLimitMinute <= 0 {
		return ""
	}
	return fmt.Sprintf("\n  <time_limit>%d</time_limit>", opt.Canvas.TimeLimitMinute)
}

// esc escapes text for XML content and attributes.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// qtiIdent makes an item ident from a question id: letters, digits, - and
// _ only (Canvas's converter turns "." and ":" into "_"), with a hash of
// the id when that changed it, so two ids never meet.
func qtiIdent(id string) string {
	clean := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, id)
	if clean != id {
		sum := sha256.Sum256([]byte(id))
		clean += "-" + hex.EncodeToString(sum[:])[:6]
	}
	return "quizcard_" + clean
}

// choiceIdents gives each text a number from 1000 to 9999, derived from the
// question id and the text, so the same choice keeps its ident whatever
// the seed, and distinct within the question: a clash takes the next free
// number, texts taken in sorted order.
func choiceIdents(qid string, texts []string) []string {
	order := make([]int, len(texts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return texts[order[i]] < texts[order[j]] })
	used := map[int]bool{}
	out := make([]string, len(texts))
	for _, i := range order {
		sum := sha256.Sum256([]byte(qid + "\x00" + texts[i]))
		v := 1000 + int(binary.BigEndian.Uint32(sum[:4])%9000)
		for used[v] {
			v = 1000 + (v-1000+1)%9000
		}
		used[v] = true
		out[i] = strconv.Itoa(v)
	}
	return out
}

func writeAssessment(w *bytes.Buffer, q *quiz.Quiz, a string, its []item, opt Options) {
	maxAttempts := strconv.Itoa(attempts(opt))
	if attempts(opt) < 0 {
		maxAttempts = "unlimited"
	}
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">
  <assessment ident="%s" title="%s">
    <qtimetadata>
      <qtimetadatafield>
        <fieldlabel>cc_maxattempts</fieldlabel>
        <fieldentry>%s</fieldentry>
      </qtimetadatafield>
    </qtimetadata>
    <section ident="root_section">
`, a, esc(q.Title), maxAttempts)
	// A pool's groups become Canvas question groups that pick one
	// question each (QTIMigrationTool lib/imsqtiv1.py, SelectionOrdering
	// and SelectionNumber: a section's selection_number is the group's
	// pick count, points_per_item its points).
	group, open := "\x00", false
	for _, it := range its {
		if g := it.q.Group; g != group && g != "" {
			if open {
				w.WriteString("      </section>\n")
			}
			group, open = g, true
			h := sha256.Sum256([]byte(bankID(q) + "\x00" + g))
			fmt.Fprintf(w, "      <section ident=\"quizcard_group_%s\" title=\"%s\">\n        <selection_ordering>\n          <selection>\n"+
				"            <selection_number>1</selection_number>\n            <selection_extension>\n              <points_per_item>%s</points_per_item>\n"+
				"            </selection_extension>\n          </selection>\n        </selection_ordering>\n", hex.EncodeToString(h[:])[:16], esc(g), num(opt.points()))
		}
		writeItem(w, q, it, opt)
	}
	if open {
		w.WriteString("      </section>\n")
	}
	w.WriteString("    </section>\n  </assessment>\n</questestinterop>\n")
}

// picks is how many questions a student answers: one per group of a pool,
// else every item.
func picks(its []item) int {
	groups := map[string]bool{}
	for _, it := range its {
		if it.q.Group == "" {
			return len(its)
		}
		groups[it.q.Group] = true
	}
	return len(groups)
}

func writeItem(w *bytes.Buffer, q *quiz.Quiz, it item, opt Options) {
	qu := it.q
	ident := qtiIdent(ID(qu))
	field := func(label, entry string) {
		fmt.Fprintf(w, "            <qtimetadatafield>\n              <fieldlabel>%s</fieldlabel>\n              <fieldentry>%s</fieldentry>\n            </qtimetadatafield>\n", label, esc(entry))
	}
	labels := it.choices
	if qu.Form == quiz.TF {
		labels = []string{"True", "False"}
	}
	ids := choiceIdents(ID(qu), labels)
	answerIDs := ids // Canvas's answer ids: the choices, or for matching the left items
	var lefts []string
	if qu.Form == quiz.Match {
		lefts = choiceIdents(ID(qu)+"\x00left", qu.Left)
		answerIDs = lefts
	}
	fmt.Fprintf(w, "      <item ident=\"%s\" title=\"%s\">\n        <itemmetadata>\n          <qtimetadata>\n", ident, esc(Title(qu)))
	field("question_type", map[quiz.Form]string{quiz.MC: "multiple_choice_question", quiz.TF: "true_false_question", quiz.Match: "matching_question"}[qu.Form])
	field("points_possible", num(opt.points()))
	field("original_answer_ids", strings.Join(answerIDs, ","))
	field("assessment_question_identifierref", ident+"_ref")
	fmt.Fprintf(w, "          </qtimetadata>\n        </itemmetadata>\n        <presentation>\n          <material>\n            <mattext texttype=\"text/html\">%s</mattext>\n          </material>\n", esc(para(qu.Prompt)))
	choices := func() {
		fmt.Fprintf(w, "            <render_choice>\n")
		for i, l := range labels {
			fmt.Fprintf(w, "              <response_label ident=\"%s\">\n                <material>\n                  <mattext texttype=\"text/html\">%s</mattext>\n                </material>\n              </response_label>\n", ids[i], esc(htmlText(l)))
		}
		fmt.Fprintf(w, "            </render_choice>\n")
	}
	right := it.answer
	if qu.Form == quiz.TF {
		right = qu.Answer
	}
	switch qu.Form {
	case quiz.MC, quiz.TF:
		fmt.Fprintf(w, "          <response_lid ident=\"response1\" rcardinality=\"Single\">\n")
		choices()
		fmt.Fprintf(w, "          </response_lid>\n")
	case quiz.Match:
		for l, left := range qu.Left {
			fmt.Fprintf(w, "          <response_lid ident=\"response_%s\">\n            <material>\n              <mattext texttype=\"text/plain\">%s</mattext>\n            </material>\n", lefts[l], esc(plain(left)))
			choices()
			fmt.Fprintf(w, "          </response_lid>\n")
		}
	}
	fmt.Fprintf(w, "        </presentation>\n        <resprocessing>\n          <outcomes>\n            <decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/>\n          </outcomes>\n")
	fmt.Fprintf(w, "          <respcondition continue=\"Yes\">\n            <conditionvar>\n              <other/>\n            </conditionvar>\n            <displayfeedback feedbacktype=\"Response\" linkrefid=\"general_fb\"/>\n          </respcondition>\n")
	var why []int // choices with feedback of their own
	for i := range labels {
		if it.whyNot(i) != "" {
			why = append(why, i)
			fmt.Fprintf(w, "          <respcondition continue=\"Yes\">\n            <conditionvar>\n              <varequal respident=\"response1\">%s</varequal>\n            </conditionvar>\n            <displayfeedback feedbacktype=\"Response\" linkrefid=\"%s_fb\"/>\n          </respcondition>\n", ids[i], ids[i])
		}
	}
	switch qu.Form {
	case quiz.MC, quiz.TF:
		fmt.Fprintf(w, "          <respcondition continue=\"No\">\n            <conditionvar>\n              <varequal respident=\"response1\">%s</varequal>\n            </conditionvar>\n            <setvar action=\"Set\" varname=\"SCORE\">100</setvar>\n          </respcondition>\n", ids[right])
	case quiz.Match:
		share := fmt.Sprintf("%.2f", 100/float64(len(qu.Left)))
		for l := range qu.Left {
			fmt.Fprintf(w, "          <respcondition>\n            <conditionvar>\n              <varequal respident=\"response_%s\">%s</varequal>\n            </conditionvar>\n            <setvar varname=\"SCORE\" action=\"Add\">%s</setvar>\n          </respcondition>\n", lefts[l], ids[it.pos[l]], share)
		}
	}
	fmt.Fprintf(w, "        </resprocessing>\n        <itemfeedback ident=\"general_fb\">\n          <flow_mat>\n            <material>\n              <mattext texttype=\"text/html\">%s</mattext>\n            </material>\n          </flow_mat>\n        </itemfeedback>\n", esc(feedback(q, qu)))
	for _, i := range why {
		fmt.Fprintf(w, "        <itemfeedback ident=\"%s_fb\">\n          <flow_mat>\n            <material>\n              <mattext texttype=\"text/html\">%s</mattext>\n            </material>\n          </flow_mat>\n        </itemfeedback>\n", ids[i], esc(para(it.whyNot(i))))
	}
	w.WriteString("      </item>\n")
}

const qtiManifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="%s" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:lom="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource" xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd http://www.imsglobal.org/xsd/imsmd_v1p2 http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd">
  <metadata>
    <schema>IMS Content</schema>
    <schemaversion>1.1.3</schemaversion>
  </metadata>
  <organizations/>
  <resources>
    <resource identifier="%s" type="imsqti_xmlv1p2">
      <file href="%s/%s.xml"/>
      <dependency identifierref="%s"/>
    </resource>
    <resource identifier="%s" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" href="%s/assessment_meta.xml">
      <file href="%s/assessment_meta.xml"/>
    </resource>
  </resources>
</manifest>
`

const qtiMeta = `<?xml version="1.0" encoding="UTF-8"?>
<quiz identifier="%s" xmlns="http://canvas.instructure.com/xsd/cccv1p0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd">
  <title>%s</title>
  <description>%s</description>
  <shuffle_answers>%t</shuffle_answers>
  <scoring_policy>keep_highest</scoring_policy>
  <hide_results></hide_results>
  <quiz_type>assignment</quiz_type>
  <points_possible>%s</points_possible>
  <require_lockdown_browser>false</require_lockdown_browser>
  <require_lockdown_browser_for_results>false</require_lockdown_browser_for_results>
  <require_lockdown_browser_monitor>false</require_lockdown_browser_monitor>
  <lockdown_browser_monitor_data/>
  <show_correct_answers>%t</show_correct_answers>
  <anonymous_submissions>false</anonymous_submissions>
  <could_be_locked>false</could_be_locked>
  <allowed_attempts>%d</allowed_attempts>%s
  <one_question_at_a_time>false</one_question_at_a_time>
  <cant_go_back>false</cant_go_back>
  <available>false</available>
  <one_time_results>false</one_time_results>
  <show_correct_answers_last_attempt>false</show_correct_answers_last_attempt>
  <only_visible_to_overrides>false</only_visible_to_overrides>
  <module_locked>false</module_locked>
  <assignment identifier="%s">
    <title>%s</title>
    <due_at/>
    <lock_at/>
    <unlock_at/>
    <module_locked>false</module_locked>
    <workflow_state>unpublished</workflow_state>
    <assignment_overrides>
    </assignment_overrides>
    <quiz_identifierref>%s</quiz_identifierref>
    <allowed_extensions></allowed_extensions>
    <has_group_category>false</has_group_category>
    <points_possible>%s</points_possible>
    <grading_type>points</grading_type>
    <all_day>false</all_day>
    <submission_types>online_quiz</submission_types>
    <position>1</position>
    <peer_review_count>0</peer_review_count>
    <peer_reviews>false</peer_reviews>
    <automatic_peer_reviews>false</automatic_peer_reviews>
    <anonymous_peer_reviews>false</anonymous_peer_reviews>
    <grade_group_students_individually>false</grade_group_students_individually>
    <freeze_on_copy>false</freeze_on_copy>
    <omit_from_final_grade>false</omit_from_final_grade>
    <only_visible_to_overrides>false</only_visible_to_overrides>
    <post_to_sis>false</post_to_sis>
    <moderated_grading>false</moderated_grading>
    <grader_count>0</grader_count>
    <anonymous_grading>false</anonymous_grading>
  </assignment>
  <assignment_group_identifierref>%s</assignment_group_identifierref>
  <assignment_overrides>
  </assignment_overrides>
</quiz>
`
