package grade

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// FuzzReadResponses: any file gives responses or an error naming the file,
// never a panic; every response has one answer per item, each row a shown
// choice or -1, and grades without error.
func FuzzReadResponses(f *testing.F) {
	for _, s := range []string{
		"student,1,2,3\nAda,A,B,C\n",
		"\ufeffName;Version;Q1;Q2;Q3\nAda;A;q1-a;b;(C)\n",
		"Timestamp,Score,Name,Question 3,Question 1,Question 2\n1,2,Ada,A,,d\n",
		"student,1,2,3\n\"Ada,1\",A\n",
		"id,1,2,3\n42,A,B,C\n42,A,B,C\n",
	} {
		f.Add([]byte(s))
	}
	d := handDoc()
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := ReadResponses("r.csv", data, d)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "r.csv") {
					t.Fatalf("message %q does not name the file", line)
				}
			}
			return
		}
		for _, r := range rs {
			if len(r.Answers) != 3 {
				t.Fatalf("%d answers", len(r.Answers))
			}
			for _, a := range r.Answers {
				if len(a.Rows) != 1 || a.Rows[0] < -1 || a.Rows[0] > 3 {
					t.Fatalf("rows %v", a.Rows)
				}
			}
		}
		if _, err := Analyse(d, rs); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzReadItems: items.csv as written reads back; anything else gives
// numbers in range or an error, never a panic.
func FuzzReadItems(f *testing.F) {
	rep, err := Analyse(handDoc(), responsesOf(handResponses))
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ItemsCSV(&buf, rep); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("facts,difficulty\nx y,0.5\n"))
	f.Add([]byte("facts,difficulty,n\nx,2,-1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		stats, err := ReadItems("items.csv", data)
		if err != nil {
			return
		}
		for _, s := range stats {
			if s.Fact == "" || s.N < 0 || !(math.IsNaN(s.Difficulty) || s.Difficulty >= -1 && s.Difficulty <= 1) {
				t.Fatalf("bad stat %+v", s)
			}
		}
	})
}

// TestItemsRoundTrip: what ItemsCSV writes, ReadItems reads back per fact.
func TestItemsRoundTrip(t *testing.T) {
	rep, err := Analyse(handDoc(), responsesOf(handResponses))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ItemsCSV(&buf, rep); err != nil {
		t.Fatal(err)
	}
	stats, err := ReadItems("items.csv", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// Hand figures from TestAnalyseByHand, to three decimals.
	want := []struct {
		fact  string
		p, r  float64
		flags int
		n     int
	}{{"fact-q1", 0.7, 0.218, 1, 10}, {"fact-q2", 0.6, -0.209, 2, 10}, {"fact-q3", 0.6, 0.064, 1, 10}}
	if len(stats) != len(want) {
		t.Fatalf("%d stats", len(stats))
	}
	for i, w := range want {
		s := stats[i]
		if s.Fact != w.fact || s.Difficulty != w.p || s.PointBiserial != w.r || s.N != w.n || len(s.Flags) < w.flags {
			t.Errorf("stat %d = %+v, want %+v", i, s, w)
		}
	}
}
