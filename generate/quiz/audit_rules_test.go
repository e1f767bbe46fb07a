package quiz

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// Table tests for the audit's parts (audit.go), and more planted defects:
// each case is a hand-written question that breaks, or keeps, one rule at
// its boundary.

// TestStandsOut: rule 5's form cues. The answer may not be the only option
// with digits or parentheses, nor more than 1.5 times and 12 characters
// longer than every other option; with fewer than three options nothing
// stands out.
func TestStandsOut(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	for _, tc := range []struct {
		options []string
		answer  int
		want    string
	}{
		{[]string{"Tehran 1", "Baghdad", "Beirut"}, 0, "the only option with digits"},
		{[]string{"1 Tehran", "Baghdad", "Beirut"}, 0, "the only option with digits"},
		{[]string{"Tehran", "Baghdad 2", "Beirut"}, 1, "the only option with digits"},
		{[]string{"Tehran 1", "Baghdad 2", "Beirut"}, 0, ""},
		{[]string{"Tehran", "Baghdad 2", "Beirut"}, 0, ""}, // another option has digits, not the answer
		{[]string{"Tehran 1", "Baghdad"}, 0, ""},           // two options: true/false-like, no cue
		{[]string{"The deal (JCPOA)", "The pact", "The treaty"}, 0, "the only option with parentheses"},
		{[]string{"The deal (JCPOA)", "The pact (P)", "The treaty"}, 0, ""},
		{[]string{long(37), long(24), long(10)}, 0, "37 characters against at most 24"},
		{[]string{long(36), long(24), long(10)}, 0, ""}, // 1.5 × 24 = 36: not more
		{[]string{long(22), long(10), long(3)}, 0, "22 characters against at most 10"},
		{[]string{long(21), long(10), long(3)}, 0, ""}, // 11 more: under 12
		{[]string{long(10), long(40), long(3)}, 0, ""}, // the answer is short
		{[]string{long(3), long(40), long(10)}, 1, "40 characters against at most 10"},
		{[]string{strings.Repeat("é", 21), long(10), long(3)}, 0, ""}, // characters, not bytes
		// A leading article among short options.
		{[]string{"Servants", "A hired nanny", "A cook", "A driver"}, 0, "the only option without an article (a, an, the) in front"},
		{[]string{"The Lancet", "Nature", "Science", "Cell"}, 0, "the only option with an article (a, an, the) in front"},
		{[]string{"His website", "A letter", "An interview"}, 0, ""},                                                       // "his" serves as one
		{[]string{"Servants", "A cook", "Gardeners", "A driver"}, 0, ""},                                                   // not alone
		{[]string{"The embassy seizure caused the crisis", "Iran took the diplomats hostage", "Talks were banned"}, 0, ""}, // statements
		{[]string{"Infection caused by severe eczema", "An allergic reaction to a remedy", "An accident during the trip", "An infection caught in hospital"}, 0, "the only option without a or an in front"},
		{[]string{"The embassy seizure caused the crisis", "The talks were banned by the leader", "A deal was made in New York"}, 0, ""}, // "The" starts sentences
	} {
		if got := standsOut(tc.options, tc.answer); got != tc.want {
			t.Errorf("standsOut(%q, %d) = %q, want %q", tc.options, tc.answer, got, tc.want)
		}
	}
}

// TestParseShown: dates as options show them.
func TestParseShown(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bank.Date
	}{
		{"1979", bank.Date{Year: 1979, Precision: bank.Year}},
		{"May 2018", bank.Date{Year: 2018, Month: 5, Precision: bank.Month}},
		{"3 November 2019", bank.Date{Year: 2019, Month: 11, Day: 3, Precision: bank.Day}},
		{"23 August", bank.Date{Month: 8, Day: 23, Precision: bank.MonthDay}},
		{"24 September [2019]", bank.Date{Year: 2019, Month: 9, Day: 24, Precision: bank.Day}},
		{"March [2011]", bank.Date{Year: 2011, Month: 3, Precision: bank.Month}},
		{"[1961]", bank.Date{Year: 1961, Precision: bank.Year}},
	} {
		got, err := parseShown(tc.s)
		if err != nil || got != tc.want {
			t.Errorf("parseShown(%q) = %+v, %v; want %+v", tc.s, got, err, tc.want)
		}
	}
	for _, s := range []string{"Tuesday", "Tehran", "", "2019-11-03"} {
		if d, err := parseShown(s); err == nil {
			t.Errorf("parseShown(%q) = %+v, want an error", s, d)
		}
	}
}

// TestParseFigure: an option's number and the qualifier before it.
func TestParseFigure(t *testing.T) {
	for _, tc := range []struct {
		s    string
		x    float64
		qual string
	}{
		{"More than 40 diplomats", 40, "more than"},
		{"1,000 people", 1000, ""},
		{"2.5%", 2.5, ""},
		{"444 days.", 444, ""},
		{"About 12,000.", 12000, "about"},
		{"  Nearly 7", 7, "nearly"},
		{"50", 50, ""},
	} {
		x, qual, err := parseFigure(tc.s)
		if err != nil || x != tc.x || qual != tc.qual {
			t.Errorf("parseFigure(%q) = %v, %q, %v; want %v, %q", tc.s, x, qual, err, tc.x, tc.qual)
		}
	}
	if _, _, err := parseFigure("no digits"); err == nil {
		t.Error("parseFigure without digits: no error")
	}
}

// TestNameCounts: how often a text names each entity, by its shortest
// name.
func TestNameCounts(t *testing.T) {
	g := newGen(rulesBank(t), rng(1))
	for _, tc := range []struct {
		text string
		want map[string]int
	}{
		{"Donald Trump waited with Trump.", map[string]int{"trump": 2}},
		{"As Macron and Trump waited, Hassan Rouhani never emerged.", map[string]int{"macron": 1, "trump": 1, "rouhani": 1}},
		{"The U.S. and America.", map[string]int{"united-states": 1}}, // two names, each once: the shortest counted
		{"America alone.", map[string]int{"united-states": 1}},        // named, though not by its shortest name
		{"Nobody at all.", map[string]int{}},
	} {
		got := g.nameCounts(tc.text)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("nameCounts(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestEntityNamed: an option names an entity of the key's kind, in any
// case; one from another table names none.
func TestEntityNamed(t *testing.T) {
	b := rulesBank(t)
	g := newGen(b, rng(1))
	trump := mustEntity(t, b, "trump")
	for _, tc := range []struct {
		option, want string
	}{
		{"Donald Trump", "trump"},
		{"donald trump", "trump"},
		{"Mike Pompeo", "pompeo"},
		{"Washington", ""}, // a place, not a person
		{"Nobody", ""},
	} {
		e, ok := g.entityNamed(tc.option, trump)
		if got := e.ID; got != tc.want || ok != (tc.want != "") {
			t.Errorf("entityNamed(%q) = %q, %v; want %q", tc.option, got, ok, tc.want)
		}
	}
}

func TestDescribeKind(t *testing.T) {
	for _, tc := range []struct {
		e    bank.Entity
		want string
	}{
		{bank.Entity{Pool: bank.People}, "person"},
		{bank.Entity{Pool: bank.Places}, "place"},
		{bank.Entity{Pool: bank.Groups}, "group"},
		{bank.Entity{Pool: bank.Groups, Type: "country"}, "country"},
		{bank.Entity{Pool: bank.People, Type: "country"}, "person"},
		{bank.Entity{Pool: bank.Deals}, "deal"},
		{bank.Entity{Pool: bank.Events}, "event"},
	} {
		if got := describeKind(tc.e); got != tc.want {
			t.Errorf("describeKind(%+v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}

// TestAuditBoundaries plants defects at the edge of each rule into
// hand-written questions on testdata/rules.toml and checks which rules
// Audit reports: exactly these, no more.
func TestAuditBoundaries(t *testing.T) {
	b := rulesBank(t)
	mc := func(fact, prompt string, answer int, options ...string) Question {
		return Question{Form: MC, Facts: []string{fact}, Prompt: prompt, Options: options, Answer: answer, Correct: options[answer]}
	}
	tf := func(fact, prompt string, answer int) Question {
		return Question{Form: TF, Facts: []string{fact}, Prompt: prompt, Options: []string{"True", "False"}, Answer: answer}
	}
	days := "For how many days were the hostages held?"
	year := "In which year was the embassy seized?"
	for _, tc := range []struct {
		name  string
		title string
		qs    []Question
		want  []int // the rules Audit reports, in order
	}{
		{"figures at the band's edges", "", []Question{mc("hostage-days", days, 0, "444 days", "222 days", "666 days", "400 days")}, nil},
		{"a figure just under the band", "", []Question{mc("hostage-days", days, 0, "444 days", "221 days", "666 days", "400 days")}, []int{3}},
		{"a figure just over the band", "", []Question{mc("hostage-days", days, 0, "444 days", "222 days", "667 days", "400 days")}, []int{3}},
		{"the answer not first", "", []Question{mc("hostage-days", days, 2, "400 days", "333 days", "444 days", "488 days")}, nil},
		{"a wrong option that is not a number", "", []Question{mc("hostage-days", days, 0, "444 days", "many days", "333 days", "488 days")}, []int{3}},
		{"a wrong figure the stem names", "", []Question{mc("hostage-days", "For how many days, 400 or so, were the hostages held?", 0, "444 days", "400 days", "333 days", "488 days")}, []int{1}},
		{"answer index out of range", "", []Question{mc("hostage-days", days, 0, "444 days", "400 days", "333 days", "488 days")}, []int{2}},
		{"years at the band's edges", "", []Question{mc("embassy-year", year, 0, "1979", "1954", "2004", "1980")}, nil},
		{"a year 26 years off", "", []Question{mc("embassy-year", year, 0, "1979", "1953", "2004", "1980")}, []int{3}},
		{"a year after the article", "", []Question{mc("embassy-year", year, 0, "1979", "1978", "1981", "2020")}, []int{3}},
		{"a month for a year", "", []Question{mc("embassy-year", year, 0, "1979", "May 1978", "1981", "1980")}, []int{5}},
		{"not a date", "", []Question{mc("embassy-year", year, 0, "1979", "Tuesday", "1981", "1980")}, []int{3}},
		{"a wrong year the stem names", "", []Question{mc("embassy-year", "In which year, after 1978, was the embassy seized?", 0, "1979", "1978", "1981", "1980")}, []int{1}},
		{"a qualified key with bare options above it", "", []Question{mc("hostage-count", "How many diplomats were taken?", 0, "50", "55", "60", "70")}, nil},
		{"a wrong figure below a floor", "", []Question{mc("hostage-count", "How many diplomats were taken?", 0, "50", "40", "60", "70")}, []int{2}},
		{"a person of the named country", "", []Question{mc("pulled-out", "Who pulled the United States out of the deal?", 0, "Donald Trump", "Mike Pompeo", "John Bolton", "Barack Obama")}, nil},
		{"the stem names its answer", "", []Question{mc("pulled-out", "Who, Trump or another, pulled the United States out of the deal?", 0, "Donald Trump", "Mike Pompeo", "John Bolton", "Barack Obama")}, []int{1}},
		{"a wrong person the stem names", "", []Question{mc("never-emerged", "As Macron and Trump waited, who never emerged from his room?", 0, "Hassan Rouhani", "Emmanuel Macron", "Mohammad Javad Zarif", "Mike Pompeo")}, []int{1}},
		{"true statement keyed true", "", []Question{tf("pulled-out", "Donald Trump pulled the United States out of the deal.", 0)}, nil},
		{"a false statement keyed true", "", []Question{tf("pulled-out", "Barack Obama pulled the United States out of the deal.", 0)}, []int{6}},
		{"a clean false statement", "", []Question{tf("pulled-out", "Barack Obama pulled the United States out of the deal.", 1)}, nil},
		{"a false statement cut short", "", []Question{tf("pulled-out", "Barack Obama pulled the United States out of the…", 1)}, []int{6}},
		{"a false statement with the true one's case changed", "", []Question{tf("pulled-out", "donald trump pulled the United States out of the deal.", 1)}, []int{6}},
		{"a false statement naming someone again", "", []Question{tf("never-emerged", "As Macron and Trump waited, Emmanuel Macron never emerged from his room.", 1)}, []int{6, 6}}, // twice, and ruled out
		{"a false statement putting in someone the statement rules out", "", []Question{tf("pulled-out", "Hassan Rouhani pulled the United States out of the deal.", 1)}, []int{6}},
		{"made from two facts", "", []Question{{Form: MC, Facts: []string{"pulled-out", "hostage-days"}, Prompt: "?", Options: []string{"a", "b", "c"}}}, []int{2}},
		{"an unknown fact", "", []Question{{Form: TF, Facts: []string{"nope"}, Prompt: "?", Options: []string{"True", "False"}}}, []int{2}},
		{"a foil in an ordering question", "", []Question{{Form: Order, Prompt: "Put these events in order, earliest first.", Entities: []string{"seizure", "exit", "talks", "wait", "oman"},
			Items: []string{"The seizure of the embassy", "The U.S. exit from the deal", "The talks", "The wait for the call", "Oman"}}}, []int{7}},
		{"an ordering question is clean", "", []Question{{Form: Order, Prompt: "Put these events in order, earliest first.", Entities: []string{"seizure", "talks", "exit", "wait"},
			Items: []string{"The seizure of the embassy", "The talks", "The U.S. exit from the deal", "The wait for the call"}}}, nil},
		{"a matching question is clean", "", []Question{{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"seizure", "exit", "talks"},
			Left: []string{"The seizure of the embassy", "The U.S. exit from the deal", "The talks"}, Right: []string{"1979", "May 2018", "2015"}, Extra: []string{"1990"}}}, nil},
		{"a foil in a matching question", "", []Question{{Form: Match, Prompt: "Match each person to the role the article gives them.", Entities: []string{"trump", "macron", "zarif"},
			Left: []string{"Donald Trump", "Emmanuel Macron", "Mohammad Javad Zarif"}, Right: []string{"President of the United States", "President of France", "Foreign Minister of Iran"}, Extra: []string{"President of Iran"}}}, []int{7}},
		{"a label showing its event's month", "", []Question{{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"seizure", "exit", "talks"},
			Left: []string{"The seizure of the embassy", "The U.S. exit of May 2018", "The talks"}, Right: []string{"1979", "May 2018", "2015"}, Extra: []string{"1990"}}}, []int{7}},
		{"a label showing only its event's year", "", []Question{{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"seizure", "exit", "talks"},
			Left: []string{"The seizure of the embassy", "The U.S. exit of 2018", "The talks"}, Right: []string{"1979", "May 2018", "2015"}, Extra: []string{"1990"}}}, []int{7}},
		{"a label showing its event's month another way", "", []Question{{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"seizure", "exit", "talks"},
			Left: []string{"The seizure of the embassy", "The U.S. exit of May, 2018", "The talks"}, Right: []string{"1979", "May 2018", "2015"}, Extra: []string{"1990"}}}, []int{7}},
		{"a stem naming a matching event's day another way", "", []Question{
			mc("hostage-days", "After Sept. 24, for how many days were the hostages held?", 0, "444 days", "400 days", "333 days", "488 days"),
			{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"seizure", "exit", "wait"},
				Left: []string{"The seizure of the embassy", "The U.S. exit from the deal", "The wait for the call"}, Right: []string{"1979", "May 2018", "24 September [2019]"}, Extra: []string{"2015"}}}, []int{8}},
		{"one pair short of elimination", "", []Question{{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"seizure", "exit", "talks"},
			Left: []string{"The seizure of the embassy", "The U.S. exit from the deal", "The talks"}, Right: []string{"1979", "May 2018", "2015"}}}, []int{7}},
		{"a date question and a matching question on its event", "", []Question{
			mc("embassy-year", year, 0, "1979", "1978", "1981", "1980"),
			{Form: Match, Prompt: "Match each event to its date.", Entities: []string{"coup", "exit", "talks"},
				Left: []string{"The coup", "The U.S. exit from the deal", "The talks"}, Right: []string{"1953", "May 2018", "2015"}, Extra: []string{"1979"}}}, []int{8}},
		{"an answer in another item's option", "", []Question{
			mc("hostage-days", days, 0, "444 days", "400 days", "333 days", "488 days"),
			mc("pulled-out", "Who pulled the United States out of the deal?", 0, "Donald Trump", "Mike Pompeo (444 days in office)", "John Bolton", "Barack Obama")}, []int{5, 8}},
		{"a date answer in the title", "Quiz: the 1979 seizure", []Question{mc("embassy-year", year, 0, "1979", "1978", "1981", "1980")}, []int{8}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := &Quiz{Title: tc.title, Questions: tc.qs}
			if q.Title == "" {
				q.Title = "Quiz"
			}
			for i := range q.Questions {
				q.Questions[i].ID = fmt.Sprintf("q%d", i+1)
			}
			if tc.name == "answer index out of range" {
				q.Questions[0].Answer = 4
			}
			var got []int
			var msgs []string
			for _, v := range Audit(b, q) {
				got = append(got, v.Rule)
				msgs = append(msgs, v.String())
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("rules %v, want %v: %q", got, tc.want, msgs)
			}
		})
	}
}

// TestAuditCuratedFigures: a curated wrong figure is trusted outside the
// band, also when a qualified key shows its options as bare figures; a
// figure below "more than 50" is true too, whoever chose it.
func TestAuditCuratedFigures(t *testing.T) {
	b := parseBank(t, strings.Replace(ordinalBank, `qualifier = "more than"`, `qualifier = "more than"
wrong = [200]`, 1))
	q := &Quiz{Title: "Quiz", Questions: []Question{{ID: "q1", Form: MC, Facts: []string{"diplomats"},
		Prompt: "Complete the article’s words: “More than ___ diplomats were taken.”", Options: []string{"50", "200", "55", "60"}}}}
	if vs := Audit(b, q); len(vs) != 0 {
		t.Errorf("a curated 200 for more than 50: %v", vs)
	}
	q.Questions[0].Options[1] = "300"
	if vs := Audit(b, q); len(vs) != 1 || vs[0].Rule != 3 {
		t.Errorf("an automatic 300 for more than 50: %v", vs)
	}
	q.Questions[0].Options[1] = "40"
	if vs := Audit(b, q); len(vs) != 1 || vs[0].Rule != 2 {
		t.Errorf("40 for more than 50: %v", vs)
	}
}

// TestAuditNamedAsOften: a false statement may name someone twice when the
// true one does too; only naming someone more often is a defect.
func TestAuditNamedAsOften(t *testing.T) {
	b := rulesBank(t)
	facts := append(b.Facts[:0:0], b.Facts...)
	for i := range facts {
		if facts[i].ID == "never-emerged" {
			facts[i].Statement = "As Macron and Trump waited, and Trump called, {answer} never emerged from his room."
		}
	}
	bb := b.WithFacts(facts)
	tf := func(prompt string) *Quiz {
		return &Quiz{Title: "Quiz", Questions: []Question{{ID: "q1", Form: TF, Facts: []string{"never-emerged"},
			Prompt: prompt, Options: []string{"True", "False"}, Answer: 1}}}
	}
	if vs := Audit(bb, tf("As Macron and Trump waited, and Trump called, Mohammad Javad Zarif never emerged from his room.")); len(vs) != 0 {
		t.Errorf("Trump twice in both statements: %v", vs)
	}
	if vs := Audit(bb, tf("As Macron and Trump waited, and Trump called, Donald Trump never emerged from his room.")); len(vs) == 0 || vs[0].Rule != 6 {
		t.Errorf("Trump three times: %v", vs)
	}
}
