package article

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

func TestFromText(t *testing.T) {
	a, err := FromText([]byte("Title: Talks fail\r\nOutlet: Radio Farda\r\nDate: 2019-11-03\r\nURL: https://example.org/x\r\n\r\nFirst paragraph,\r\n  still first.\r\n\r\n\r\nSecond.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Article{Title: "Talks fail", Outlet: "Radio Farda", Date: time.Date(2019, 11, 3, 0, 0, 0, 0, time.UTC), URL: "https://example.org/x", Text: "First paragraph,\nstill first.\n\nSecond."}
	if a != want {
		t.Errorf("got %+v\nwant %+v", a, want)
	}
	// Without headers: the first line is the title, a dateline the date.
	a, err = FromText([]byte("NASA celebrates\n\nWednesday, April 13, 2011\n\nNASA celebrated the launch.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "NASA celebrates" || !a.Date.Equal(time.Date(2011, 4, 13, 0, 0, 0, 0, time.UTC)) || a.Text != "NASA celebrated the launch." {
		t.Errorf("got %+v", a)
	}
	for _, bad := range []string{"\xff\xfe", "Title: x\n\n   \n", "Date: 31/02/2019\n\ntext"} {
		if _, err := FromText([]byte(bad)); err == nil {
			t.Errorf("FromText(%q) accepted it", bad)
		}
	}
}

// TestFromHTML reads a saved page made from a real article (see the
// comment in the file): the story's paragraphs come out, the menus,
// sidebar, share bar and footer do not.
func TestFromHTML(t *testing.T) {
	data, err := os.ReadFile("testdata/homeopathy.html")
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../../testdata/articles/wikinews-homeopathy-trial.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := FromHTML(data, "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Parents prosecuted after homeopathic treatment leads to daughter's death" {
		t.Errorf("title %q", a.Title)
	}
	if a.Outlet != "Wikinews" || !a.Date.Equal(time.Date(2009, 5, 8, 0, 0, 0, 0, time.UTC)) || !strings.HasPrefix(a.URL, "https://en.wikinews.org/wiki/Parents") {
		t.Errorf("outlet %q, date %v, url %q", a.Outlet, a.Date, a.URL)
	}
	// Every paragraph of the article, none of the furniture.
	paras := strings.Split(string(text), "\n\n")[2:]
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" && !strings.Contains(a.Text, p) {
			t.Errorf("paragraph missing: %.60q", p)
		}
	}
	for _, junk := range []string{"Log in", "Advertisement", "Share this", "Creative Commons", "Related news", "analytics"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text keeps %q", junk)
		}
	}
	if _, err := FromHTML([]byte("<html><body><nav>menu</nav></body></html>"), ""); err == nil {
		t.Error("a page without an article was accepted")
	}
}

// TestFetch serves pages from a local test server: no test touches the
// network.
func TestFetch(t *testing.T) {
	page, err := os.ReadFile("testdata/homeopathy.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>x</p>", 1024))
		for n := 0; n <= MaxSize/len(chunk)+1; n++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	a, err := Read(ctx, srv.URL+"/story", srv.Client(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "Wikinews" || !strings.Contains(a.Text, "Thomas Sam, 42,") {
		t.Errorf("fetched article: %q, %.80q", a.Outlet, a.Text)
	}
	for _, tc := range []struct{ path, want string }{
		{"/slow", "no answer within 200ms"},
		{"/missing", "the server answered 404 Not Found"},
		{"/huge", "larger than 5 MiB"},
		{"/pdf", "the page is application/pdf"},
	} {
		start := time.Now()
		_, err := Fetch(ctx, srv.URL+tc.path, srv.Client(), 200*time.Millisecond)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.path, err, tc.want)
		}
		if time.Since(start) > 3*time.Second {
			t.Errorf("%s: took %v", tc.path, time.Since(start))
		}
	}
}

func TestReadFile(t *testing.T) {
	if _, err := Read(context.Background(), "testdata/none.txt", nil, time.Second); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	a, err := Read(context.Background(), "testdata/homeopathy.html", nil, time.Second)
	if err != nil || a.Outlet != "Wikinews" {
		t.Errorf("saved page: %v, %q", err, a.Outlet)
	}
}

func TestHTMLStartsWithStory(t *testing.T) {
	a, err := Read(context.Background(), "testdata/homeopathy.html", nil, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "Thomas Sam, 42, and his wife") {
		t.Errorf("text starts %.60q; want the first paragraph, without title or dateline", a.Text)
	}
}

// FuzzFromText: any input is read or refused, never a panic; what is read
// has text.
func FuzzFromText(f *testing.F) {
	for _, s := range []string{"Title: x\nDate: 2019-11-03\n\nText.", "Headline\n\nMonday, May 4, 2020\n\nBody.", "\ufeffA\r\n\r\nB", "Date: nope\n\nx"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := FromText(data)
		if err == nil && strings.TrimSpace(a.Text) == "" {
			t.Fatalf("accepted %q with no text", data)
		}
	})
}

// FuzzFromHTML: any page is read or refused, never a panic.
func FuzzFromHTML(f *testing.F) {
	page, _ := os.ReadFile("testdata/homeopathy.html")
	f.Add(page)
	f.Add([]byte("<html><body><p>One.</p><p>Two.</p></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := FromHTML(data, "")
		if err == nil && strings.TrimSpace(a.Text) == "" {
			t.Fatalf("accepted a page with no text")
		}
	})
}
