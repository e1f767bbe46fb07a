package draft

import (
	"testing"
	"time"
)

// TestFindDates: each phrase with the date a reader works out from it,
// for an article dated Sunday 3 November 2019.
func TestFindDates(t *testing.T) {
	article := time.Date(2019, 11, 3, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ text, found, iso string }{
		{"Trump pulled out of it in May 2018 and left.", "May 2018", "2018-05"},
		{"Khamenei said on 23 August that he would.", "23 August", "--08-23"},
		{"in Tehran, Iran, Tuesday, Sept. 17, 2019", "Tuesday, Sept. 17, 2019", "2019-09-17"},
		{"Speaking on Sunday November 3 to a group", "Sunday November 3", "[2019]-11-03"},
		{"a phone call on September 24 to seal", "September 24", "--09-24"},
		{"Khamenei told his audience on Sunday: go.", "Sunday", "[2019-11-03]"},
		{"The vote was held on Wednesday.", "Wednesday", "[2019-10-30]"},
		{"Prices rose last month.", "last month", "[2019-10]"},
		{"It happened last year.", "last year", "[2018]"},
		{"the embassy seizure in Tehran in 1979 and", "1979", "1979"},
		{"It goes back to the 1953 coup.", "1953", "1953"},
		{"published 2019-10-02 online", "2019-10-02", "2019-10-02"},
		{"on the 4th of July, 1976 they", "the 4th of July, 1976", "1976-07-04"},
		{"It happened two years ago.", "two years ago", "[2017]"},
	} {
		ds := findDates(tc.text, article)
		if len(ds) != 1 {
			t.Errorf("%q: %d dates, want 1: %+v", tc.text, len(ds), ds)
			continue
		}
		d := ds[0]
		if got := tc.text[d.start:d.end]; got != tc.found || d.date.ISO() != tc.iso {
			t.Errorf("%q: found %q = %s; want %q = %s", tc.text, got, d.date.ISO(), tc.found, tc.iso)
		}
	}
	for _, text := range []string{"1,979 people came", "a $2019 bill", "costs 2019 dollars", "May I come in?", "in 2031 maybe"} {
		if ds := findDates(text, article); len(ds) != 0 {
			t.Errorf("%q: found %q, want no date", text, text[ds[0].start:ds[0].end])
		}
	}
}
