package quiz

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// TestAuditCatches plants one defect per rule into a hand-written quiz and
// checks that both the generator's own audit (Audit) and the independent
// oracle of quality_test.go find it, and that neither finds anything in
// the clean version.
func TestAuditCatches(t *testing.T) {
	b, err := bank.Load("testdata/rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	mc := func(fact, prompt string, options ...string) Question {
		return Question{Form: MC, Facts: []string{fact}, Prompt: prompt, Options: options, Answer: 0, Correct: options[0]}
	}
	tf := func(fact, prompt string, answer int) Question {
		return Question{Form: TF, Facts: []string{fact}, Prompt: prompt, Options: []string{"True", "False"}, Answer: answer}
	}
	clean := []Question{
		mc("pulled-out", "Who pulled the United States out of the deal?", "Donald Trump", "Mike Pompeo", "John Bolton", "Barack Obama"),
		mc("hostage-days", "For how many days were the hostages held?", "444 days", "400 days", "333 days", "488 days"),
	}
	for _, tc := range []struct {
		rule  int
		name  string
		title string
		qs    []Question
	}{
		{0, "clean", "", clean},
		{1, "wrong option named by the stem", "", []Question{
			mc("never-emerged", "As Macron and Trump waited, who never emerged from his room?", "Hassan Rouhani", "Donald Trump", "Mohammad Javad Zarif", "Mike Pompeo")}},
		{1, "wrong option ruled out by the country the stem names", "", []Question{
			mc("pulled-out", "Who pulled the United States out of the deal?", "Donald Trump", "Mike Pompeo", "John Bolton", "Hassan Rouhani")}},
		{1, "city in the country the stem names", "", []Question{
			mc("embassy-city", "In which city was the U.S. embassy seized?", "Tehran", "Baghdad", "Beirut", "Washington")}},
		{2, "wrong option that is also true", "", []Question{
			mc("mediators", "Besides French officials, officials of which country tried to mediate?", "Japan", "Oman", "Iran", "France")}},
		{2, "qualified options for a qualified key", "", []Question{
			mc("hostage-count", "How many diplomats were taken?", "More than 50 diplomats", "More than 40 diplomats", "More than 60 diplomats", "More than 30 diplomats")}},
		{3, "a ×10 neighbour", "", []Question{
			mc("hostage-days", "For how many days were the hostages held?", "444 days", "4440 days", "400 days", "488 days")}},
		{3, "a year far off", "", []Question{
			mc("embassy-year", "In which year was the embassy seized?", "1979", "1978", "1981", "1920")}},
		{5, "an option from another table", "", []Question{
			mc("pulled-out", "Who pulled the United States out of the deal?", "Donald Trump", "Mike Pompeo", "John Bolton", "Washington")}},
		{5, "the answer the only option with digits", "", []Question{
			mc("embassy-city", "In which city was the U.S. embassy seized?", "Tehran 1", "Baghdad", "Beirut", "Kabul")}},
		{6, "a false statement that names someone twice", "", []Question{
			tf("never-emerged", "As Macron and Trump waited, Donald Trump never emerged from his room.", 1)}},
		{6, "a true statement keyed false", "", []Question{
			tf("pulled-out", "Donald Trump pulled the United States out of the deal.", 1)}},
		{7, "equal lists in a matching question", "", []Question{
			{Form: Match, Prompt: "Match each person to the role the article gives them.", Entities: []string{"trump", "macron", "rouhani"},
				Left: []string{"Donald Trump", "Emmanuel Macron", "Hassan Rouhani"}, Right: []string{"President of the United States", "President of France", "President of Iran"}}}},
		{7, "a label holding its own date", "", []Question{
			{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"coup", "seizure", "exit"},
				Left: []string{"The 1953 coup", "The seizure of the embassy", "The U.S. exit from the deal"}, Right: []string{"1953", "1979", "May 2018"}, Extra: []string{"2015"}}}},
		{8, "an answer named in another stem", "", []Question{
			mc("embassy-year", "In which year was the embassy seized?", "1979", "1978", "1981", "1984"),
			mc("hostage-days", "For how many days were the hostages held after 1979?", "444 days", "400 days", "333 days", "488 days")}},
		{8, "an answer named in the title", "Quiz: Donald Trump and the deal", clean[:1]},
		{8, "a matching that lists the other options of an item", "", []Question{
			clean[0],
			{Form: Match, Prompt: "Match each person to the role the article gives them.", Entities: []string{"pompeo", "macron", "rouhani"},
				Left: []string{"Mike Pompeo", "Emmanuel Macron", "Hassan Rouhani"}, Right: []string{"Secretary of State", "President of France", "President of Iran"}, Extra: []string{"Foreign Minister of Iran"}}}},
		{9, "two items from one sentence", "", []Question{
			mc("embassy-year", "In which year was the embassy seized?", "1979", "1978", "1981", "1984"),
			mc("embassy-city", "In which city was the U.S. embassy seized?", "Tehran", "Baghdad", "Beirut", "Kabul")}},
		{9, "matching and ordering on the same events", "", []Question{
			{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"seizure", "exit", "talks"},
				Left: []string{"The seizure of the embassy", "The U.S. exit from the deal", "The talks"}, Right: []string{"1979", "May 2018", "2015"}, Extra: []string{"1990"}},
			{Form: Order, Prompt: "Put these events in order, earliest first.", Entities: []string{"seizure", "talks", "exit", "wait"},
				Items: []string{"The seizure of the embassy", "The talks", "The U.S. exit from the deal", "The wait for the call"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := &Quiz{Title: tc.title, Questions: tc.qs}
			if q.Title == "" {
				q.Title = "Quiz"
			}
			for i := range q.Questions {
				q.Questions[i].ID = fmt.Sprintf("q%d", i+1)
			}
			var audit []string
			for _, v := range Audit(b, q) {
				audit = append(audit, fmt.Sprintf("rule %d: %s", v.Rule, v))
			}
			oracle := newOracle(b).check(q)
			for who, found := range map[string][]string{"Audit": audit, "oracle": oracle} {
				if tc.rule == 0 {
					if len(found) > 0 {
						t.Errorf("%s flags a clean quiz: %v", who, found)
					}
					continue
				}
				hit := false
				for _, f := range found {
					hit = hit || strings.HasPrefix(f, fmt.Sprintf("rule %d:", tc.rule))
				}
				if !hit {
					t.Errorf("%s misses the planted rule-%d defect; found %v", who, tc.rule, found)
				}
			}
		})
	}
}
