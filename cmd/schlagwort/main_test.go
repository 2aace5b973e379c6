package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

// runCmd runs the command line as main would and returns stdout, stderr
// and the exit status.
func runCmd(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return runCtx(context.Background(), stdin, args...)
}

// runCtx runs the command in-process and returns its stdout, stderr (with
// the error as main would print it) and exit status.
func runCtx(ctx context.Context, stdin string, args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	err := run(ctx, args, strings.NewReader(stdin), &out, &errOut)
	code := exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

type response struct {
	ArticleID string `json:"articleId"`
	Entities  []struct {
		ID       string `json:"id"`
		Type     string `json:"type"`
		Mentions []struct {
			Start, End int
			Text       string
		} `json:"mentions"`
	} `json:"entities"`
	GazetteerVersion string `json:"gazetteerVersion"`
}

func decode(t *testing.T, line string) response {
	t.Helper()
	var r response
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("bad JSON %q: %v", line, err)
	}
	return r
}

func TestTagPlainTextFromStdin(t *testing.T) {
	body := "Wladiwostok (dpa) – Russlands Präsident Wladimir Putin hat Kim Jong-un empfangen. Kim lächelte."
	out, errOut, code := runCmd(t, body, "tag")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := decode(t, out)
	want := map[string]string{"per/wladimir-putin": "Wladimir Putin", "per/kim-jong-un": "Kim Jong-un", "loc/russland": "Russlands", "loc/wladiwostok": "Wladiwostok", "org/dpa": "dpa"}
	for _, e := range r.Entities {
		if text, ok := want[e.ID]; ok {
			m := e.Mentions[0]
			if m.Text != text || body[m.Start:m.End] != text {
				t.Errorf("%s: first mention %q at [%d,%d), want %q", e.ID, m.Text, m.Start, m.End, text)
			}
			delete(want, e.ID)
		}
	}
	if len(want) > 0 {
		t.Errorf("entities not found: %v in %s", want, out)
	}
	if r.GazetteerVersion == "" {
		t.Errorf("no gazetteer version")
	}
}

func TestTagJSONFile(t *testing.T) {
	out, errOut, code := runCmd(t, "", "tag", "../../testdata/articles/01-putin-kim.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if r := decode(t, out); r.ArticleID != "01-putin-kim" || len(r.Entities) < 10 {
		t.Errorf("unexpected response %s", out)
	}
}

func TestTagJSONLKeepsOrderAndReportsBadLines(t *testing.T) {
	var in strings.Builder
	for i := range 50 {
		if i == 7 {
			in.WriteString("{\"id\": \"broken\"\n")
			continue
		}
		if i == 12 {
			in.WriteString(`{"id":"empty","title":"","body":"  "}` + "\n")
			continue
		}
		in.WriteString(`{"id":"a` + string(rune('A'+i%26)) + `-` + strconv.Itoa(i) + `","body":"Olaf Scholz traf Emmanuel Macron in Paris."}` + "\n")
	}
	out, errOut, code := runCmd(t, in.String(), "tag", "--jsonl")
	if code != 1 {
		t.Errorf("exit %d, want 1 for bad lines", code)
	}
	if !strings.Contains(errOut, "stdin:8: ") || !strings.Contains(errOut, "stdin:13: body: article has neither title nor body text") || !strings.Contains(errOut, "2 of 50 lines failed") {
		t.Errorf("stderr does not name the bad lines:\n%s", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 48 {
		t.Fatalf("got %d output lines, want 48", len(lines))
	}
	n := 0
	for i := range 50 {
		if i == 7 || i == 12 {
			continue
		}
		if r := decode(t, lines[n]); !strings.HasSuffix(r.ArticleID, "-"+strconv.Itoa(i)) || len(r.Entities) != 3 {
			t.Errorf("output line %d is %s, want article %d with 3 entities", n+1, lines[n], i)
		}
		n++
	}
}

func TestTagJSONLLineTooLong(t *testing.T) {
	long := `{"body":"` + strings.Repeat("Wort ", 300_000) + `"}`
	in := `{"id":"a","body":"Berlin"}` + "\n" + long + "\n" + `{"id":"c","body":"Hamburg"}` + "\n"
	out, errOut, code := runCmd(t, in, "tag", "--jsonl")
	if code != 1 || !strings.Contains(errOut, "stdin:2: line is over the") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || decode(t, lines[1]).ArticleID != "c" {
		t.Errorf("lines around the long one lost: %q", out)
	}
}

func TestTagRejectsBadInput(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"invalid JSON", `{"title": `, "invalid Article JSON"},
		{"invalid UTF-8", "Köln \xff", "body: invalid UTF-8 at byte 6"},
		{"empty", "   \n", "article has neither title nor body text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCmd(t, tt.in, "tag")
			if code != 1 || !strings.Contains(errOut, "stdin: ") || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want %q", code, errOut, tt.want)
			}
		})
	}
}

func TestGazetteerOverride(t *testing.T) {
	dir := t.TempDir()
	extra := "per/jonas-wiegandt-ruehl\tPER\tJonas Wiegandt-Rühl\tkind=politician\tsrc=test\n"
	if err := os.WriteFile(filepath.Join(dir, "local.tsv"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCmd(t, "Stadtrat Jonas Wiegandt-Rühl sprach.", "tag", "--gazetteer", dir)
	if code != 0 || !strings.Contains(out, `"id":"per/jonas-wiegandt-ruehl"`) {
		t.Errorf("exit %d, stderr %q, out %s", code, errOut, out)
	}
}

func TestGazetteerCheck(t *testing.T) {
	out, errOut, code := runCmd(t, "", "gazetteer", "check")
	if code != 0 || !strings.HasPrefix(out, "ok: ") || !strings.Contains(out, "Köln") {
		t.Errorf("exit %d, stderr %q, out %.300s", code, errOut, out)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.tsv"), []byte("per/x\tPERSON\tX\tsrc=t\nper/y\tPER\tY\n"), 0o644)
	_, errOut, code = runCmd(t, "", "gazetteer", "check", "--gazetteer", dir)
	for _, want := range []string{dir + "/bad.tsv:1: unknown type", dir + "/bad.tsv:2: missing src="} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, stderr %q, want %q", code, errOut, want)
		}
	}
}

func TestEval(t *testing.T) {
	tsv := "# Quelle\n1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\tbesuchte\tO\tO\n4\tParis\tB-LOC\tO\n5\t.\tO\tO\n"
	path := filepath.Join(t.TempDir(), "mini.tsv")
	os.WriteFile(path, []byte(tsv), 0o644)
	out, errOut, code := runCmd(t, "", "eval", path)
	if code != 0 || !strings.Contains(out, "1 sentences") || !strings.Contains(out, "total") {
		t.Fatalf("exit %d, stderr %q, out %s", code, errOut, out)
	}
	if !strings.Contains(out, "PER        1      0      0") || !strings.Contains(out, "LOC        1      0      0") {
		t.Errorf("want PER and LOC found exactly:\n%s", out)
	}
}

func TestUsage(t *testing.T) {
	if _, _, code := runCmd(t, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if _, _, code := runCmd(t, ""); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
}
