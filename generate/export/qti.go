package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/quizcard/quizcard/generate/quiz"
)

// QTI writes a Canvas "QTI .zip file" import package: imsmanifest.xml, the
// QTI 1.2 assessment and Canvas's assessment_meta.xml, laid out as Canvas's
// own exports and text2qti lay them out, without the LOM metadata that does
// not conform to its own schema. Idents derive from fact ids, and date (every
// zip entry's time) makes the package byte-for-byte reproducible. Canvas classic quizzes have no
// ordering question: those are left out with a note.
func QTI(w io.Writer, q *quiz.Quiz, date time.Time) ([]Note, error) {
	n := newNoter("qti")
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d", q.Title, q.Seed)
	var its []item
	for _, it := range items(q) {
		if it.q.Form == quiz.Order {
			n.skip(it, "Canvas quizzes have no ordering question")
			continue
		}
		its = append(its, it)
		fmt.Fprintf(h, "\x00%s", Name(it.q))
	}
	id := hex.EncodeToString(h.Sum(nil))[:16]
	a := "quizcard_assessment_" + id

	var asmt, meta, manifest bytes.Buffer
	writeAssessment(&asmt, q, a, its)
	points := len(its) // one point a question
	fmt.Fprintf(&meta, qtiMeta, a, esc(q.Title), esc(para("Quiz on “"+q.Article.Title+"” ("+q.Article.Outlet+", "+humanDate(q.Article.Date)+"). Made by quizcard, seed "+fmt.Sprint(q.Seed)+".")),
		float64(points), "quizcard_assignment_"+id, esc(q.Title), a, float64(points), "quizcard_group_"+id)
	fmt.Fprintf(&manifest, qtiManifest, "quizcard_manifest_"+id, a, a, a, "quizcard_meta_"+id, "quizcard_meta_"+id, a, a)

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
		hdr := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: date.UTC()}
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
	return n.notes(), zw.Close()
}

// esc escapes text for XML content and attributes.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// qtiIdent makes an ident from a question name: letters, digits, - _ .
func qtiIdent(name string) string {
	return "quizcard_" + strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, name)
}

func writeAssessment(w *bytes.Buffer, q *quiz.Quiz, a string, its []item) {
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">
  <assessment ident="%s" title="%s">
    <qtimetadata>
      <qtimetadatafield>
        <fieldlabel>cc_maxattempts</fieldlabel>
        <fieldentry>1</fieldentry>
      </qtimetadatafield>
    </qtimetadata>
    <section ident="root_section">
`, a, esc(q.Title))
	for _, it := range its {
		qu := it.q
		ident := qtiIdent(Name(qu))
		field := func(label, entry string) string {
			return fmt.Sprintf("            <qtimetadatafield>\n              <fieldlabel>%s</fieldlabel>\n              <fieldentry>%s</fieldentry>\n            </qtimetadatafield>\n", label, esc(entry))
		}
		qtype := map[quiz.Form]string{quiz.MC: "multiple_choice_question", quiz.TF: "true_false_question", quiz.Match: "matching_question"}[qu.Form]
		var ids []string
		labels := it.choices
		if qu.Form == quiz.TF {
			labels = []string{"True", "False"}
		}
		for i := range labels {
			ids = append(ids, fmt.Sprintf("%s_c%d", ident, i+1))
		}
		fmt.Fprintf(w, "      <item ident=\"%s\" title=\"%s\">\n        <itemmetadata>\n          <qtimetadata>\n", ident, esc(Name(qu)))
		w.WriteString(field("question_type", qtype))
		w.WriteString(field("points_possible", "1"))
		w.WriteString(field("original_answer_ids", strings.Join(ids, ",")))
		w.WriteString(field("assessment_question_identifierref", ident+"_ref"))
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
				fmt.Fprintf(w, "          <response_lid ident=\"response_%s_l%d\">\n            <material>\n              <mattext texttype=\"text/plain\">%s</mattext>\n            </material>\n", ident, l+1, esc(left))
				choices()
				fmt.Fprintf(w, "          </response_lid>\n")
			}
		}
		fmt.Fprintf(w, "        </presentation>\n        <resprocessing>\n          <outcomes>\n            <decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/>\n          </outcomes>\n")
		fmt.Fprintf(w, "          <respcondition continue=\"Yes\">\n            <conditionvar>\n              <other/>\n            </conditionvar>\n            <displayfeedback feedbacktype=\"Response\" linkrefid=\"general_fb\"/>\n          </respcondition>\n")
		switch qu.Form {
		case quiz.MC, quiz.TF:
			fmt.Fprintf(w, "          <respcondition continue=\"No\">\n            <conditionvar>\n              <varequal respident=\"response1\">%s</varequal>\n            </conditionvar>\n            <setvar action=\"Set\" varname=\"SCORE\">100</setvar>\n          </respcondition>\n", ids[right])
		case quiz.Match:
			share := fmt.Sprintf("%.2f", 100/float64(len(qu.Left)))
			for l := range qu.Left {
				fmt.Fprintf(w, "          <respcondition>\n            <conditionvar>\n              <varequal respident=\"response_%s_l%d\">%s</varequal>\n            </conditionvar>\n            <setvar varname=\"SCORE\" action=\"Add\">%s</setvar>\n          </respcondition>\n", ident, l+1, ids[it.pos[l]], share)
			}
		}
		fmt.Fprintf(w, "        </resprocessing>\n        <itemfeedback ident=\"general_fb\">\n          <flow_mat>\n            <material>\n              <mattext texttype=\"text/html\">%s</mattext>\n            </material>\n          </flow_mat>\n        </itemfeedback>\n      </item>\n", esc(feedback(q, qu)))
	}
	w.WriteString("    </section>\n  </assessment>\n</questestinterop>\n")
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
  <shuffle_answers>true</shuffle_answers>
  <scoring_policy>keep_highest</scoring_policy>
  <hide_results></hide_results>
  <quiz_type>assignment</quiz_type>
  <points_possible>%.1f</points_possible>
  <require_lockdown_browser>false</require_lockdown_browser>
  <require_lockdown_browser_for_results>false</require_lockdown_browser_for_results>
  <require_lockdown_browser_monitor>false</require_lockdown_browser_monitor>
  <lockdown_browser_monitor_data/>
  <show_correct_answers>true</show_correct_answers>
  <anonymous_submissions>false</anonymous_submissions>
  <could_be_locked>false</could_be_locked>
  <allowed_attempts>1</allowed_attempts>
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
    <points_possible>%.1f</points_possible>
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
