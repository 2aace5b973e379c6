package eval

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

// sample is a small GermEval-style file: four sentences with PER, LOC, ORG,
// OTH, a LOCderiv, an ORGpart and a nested LOC, and no final blank line.
const sample = "#\ttest:1\n" +
	"1\tAngela\tB-PER\tO\n" +
	"2\tMerkel\tI-PER\tO\n" +
	"3\tbesuchte\tO\tO\n" +
	"4\tParis\tB-LOC\tO\n" +
	"5\t.\tO\tO\n" +
	"\n" +
	"#\ttest:2\n" +
	"1\tDer\tO\tO\n" +
	"2\tEU-Gipfel\tB-ORGpart\tO\n" +
	"3\tin\tO\tO\n" +
	"4\tKöln\tB-LOC\tO\n" +
	"5\tendete\tO\tO\n" +
	"6\tohne\tO\tO\n" +
	"7\tdeutsche\tB-LOCderiv\tO\n" +
	"8\tZustimmung\tO\tO\n" +
	"9\t.\tO\tO\n" +
	"\n" +
	"#\ttest:3\n" +
	"1\tDie\tO\tO\n" +
	"2\tSiemens\tB-ORG\tO\n" +
	"3\tAG\tI-ORG\tO\n" +
	"4\tzeigte\tO\tO\n" +
	"5\tden\tO\tO\n" +
	"6\tFilm\tO\tO\n" +
	"7\t„\tO\tO\n" +
	"8\tDas\tB-OTH\tO\n" +
	"9\tBoot\tI-OTH\tO\n" +
	"10\t“\tO\tO\n" +
	"11\t.\tO\tO\n" +
	"\n" +
	"#\ttest:4\n" +
	"1\tDer\tO\tO\n" +
	"2\t1.\tB-ORG\tO\n" +
	"3\tFC\tI-ORG\tO\n" +
	"4\tKöln\tI-ORG\tB-LOC\n" +
	"5\tverlor\tO\tO\n" +
	"6\tin\tO\tO\n" +
	"7\tMünchen\tB-LOC\tO\n" +
	"8\t.\tO\tO"

// Texts of the sample's sentences.
const (
	textMerkel = "Angela Merkel besuchte Paris ."
	textGipfel = "Der EU-Gipfel in Köln endete ohne deutsche Zustimmung ."
	textBoot   = "Die Siemens AG zeigte den Film „ Das Boot “ ."
	textFC     = "Der 1. FC Köln verlor in München ."
)

func readSample(tb testing.TB) []Sentence {
	tb.Helper()
	sentences, err := Read(strings.NewReader(sample), "sample.tsv")
	if err != nil {
		tb.Fatalf("Read(sample): %v", err)
	}
	return sentences
}

func TestReadSample(t *testing.T) {
	sentences := readSample(t)
	want := []struct {
		line int
		text string
		gold []GoldSpan
	}{
		{2, textMerkel, []GoldSpan{{0, 1, "PER", ""}, {3, 3, "LOC", ""}}},
		{9, textGipfel, []GoldSpan{{1, 1, "ORG", "part"}, {3, 3, "LOC", ""}, {6, 6, "LOC", "deriv"}}},
		{20, textBoot, []GoldSpan{{1, 2, "ORG", ""}, {7, 8, "OTH", ""}}},
		{33, textFC, []GoldSpan{{1, 3, "ORG", ""}, {6, 6, "LOC", ""}}},
	}
	if len(sentences) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(sentences), len(want))
	}
	for i, w := range want {
		s := sentences[i]
		if s.Line != w.line || s.Text != w.text || !reflect.DeepEqual(s.Gold, w.gold) {
			t.Errorf("sentence %d = line %d %q %v, want line %d %q %v", i, s.Line, s.Text, s.Gold, w.line, w.text, w.gold)
		}
		if words := strings.Fields(w.text); len(s.Tokens) != len(words) {
			t.Errorf("sentence %d has %d tokens, want %d", i, len(s.Tokens), len(words))
		}
	}
}

func TestReadTokenOffsets(t *testing.T) {
	sentences := readSample(t)
	tests := []struct {
		name     string
		sentence int
		token    int
		want     Token
		word     string
	}{
		{"the first token starts at zero", 0, 0, Token{0, 6}, "Angela"},
		{"a token after a space starts one byte later", 0, 1, Token{7, 13}, "Merkel"},
		{"Köln counts ö as two bytes", 1, 3, Token{17, 22}, "Köln"},
		{"an opening German quote is three bytes", 2, 6, Token{31, 34}, "„"},
		{"tokens after quotes are offset by bytes", 2, 7, Token{35, 38}, "Das"},
		{"a closing German quote is three bytes", 2, 9, Token{44, 47}, "“"},
		{"the last token ends the text", 3, 7, Token{len(textFC) - 1, len(textFC)}, "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sentences[tt.sentence]
			got := s.Tokens[tt.token]
			if got != tt.want || s.Text[got.Start:got.End] != tt.word {
				t.Errorf("token %d = %v (%q), want %v (%q)", tt.token, got, s.Text[got.Start:got.End], tt.want, tt.word)
			}
		})
	}
}

func TestReadAcceptsVariants(t *testing.T) {
	want := []Sentence{{
		Line:   2,
		Text:   "Angela Merkel besuchte Köln .",
		Tokens: []Token{{0, 6}, {7, 13}, {14, 22}, {23, 28}, {29, 30}},
		Gold:   []GoldSpan{{0, 1, "PER", ""}, {3, 3, "LOC", ""}},
	}}
	lines := []string{"#\tx", "1\tAngela\tB-PER\tO", "2\tMerkel\tI-PER\tO", "3\tbesuchte\tO\tO", "4\tKöln\tB-LOC\tO", "5\t.\tO\tO"}
	threeColumns := []string{"#\tx", "1\tAngela\tB-PER", "2\tMerkel\tI-PER", "3\tbesuchte\tO", "4\tKöln\tB-LOC", "5\t.\tO"}
	tests := []struct {
		name  string
		input string
		line  int
	}{
		{"four columns with a final blank line are read", strings.Join(lines, "\n") + "\n\n", 2},
		{"a missing final blank line is accepted", strings.Join(lines, "\n"), 2},
		{"three columns are enough", strings.Join(threeColumns, "\n") + "\n", 2},
		{"CRLF line ends are stripped", strings.Join(lines, "\r\n") + "\r\n\r\n", 2},
		{"trailing spaces and tabs are stripped", strings.Join(lines, " \t\n") + "\n", 2},
		{"a byte order mark is skipped", "\uFEFF" + strings.Join(lines, "\n"), 2},
		{"blank lines before and after are skipped", "\n\n" + strings.Join(lines, "\n") + "\n\n\n", 4},
		{"a sentence without a comment line starts at its first token", strings.Join(lines[1:], "\n"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.input), "v.tsv")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			want[0].Line = tt.line
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Read = %+v, want %+v", got, want)
			}
		})
	}
}

func TestReadSplitsSentences(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"a blank line ends a sentence", "1\tA\tO\n\n1\tB\tO\n", []string{"A", "B"}},
		{"a comment line without a blank line ends a sentence", "1\tA\tO\n#\tx\n1\tB\tO\n", []string{"A", "B"}},
		{"a comment line without tokens makes no sentence", "#\tx\n\n#\ty\n1\tA\tO\n", []string{"A"}},
		{"an empty file has no sentences", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sentences, err := Read(strings.NewReader(tt.input), "s.tsv")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var got []string
			for _, s := range sentences {
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("texts = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadBuildsSpansFromTags(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []GoldSpan
	}{
		{"B then I make one span", []string{"B-PER", "I-PER", "O"}, []GoldSpan{{0, 1, "PER", ""}}},
		{"B after B starts a second span", []string{"B-PER", "B-PER"}, []GoldSpan{{0, 0, "PER", ""}, {1, 1, "PER", ""}}},
		{"I at the start of a sentence starts a span", []string{"I-LOC", "I-LOC"}, []GoldSpan{{0, 1, "LOC", ""}}},
		{"I after O starts a span", []string{"B-ORG", "O", "I-ORG"}, []GoldSpan{{0, 0, "ORG", ""}, {2, 2, "ORG", ""}}},
		{"I of another class starts a span", []string{"B-PER", "I-LOC"}, []GoldSpan{{0, 0, "PER", ""}, {1, 1, "LOC", ""}}},
		{"I of another variant starts a span", []string{"B-LOC", "I-LOCderiv"}, []GoldSpan{{0, 0, "LOC", ""}, {1, 1, "LOC", "deriv"}}},
		{"variants continue with their own I tag", []string{"B-OTHpart", "I-OTHpart"}, []GoldSpan{{0, 1, "OTH", "part"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for i, tag := range tt.tags {
				fmt.Fprintf(&b, "%d\tWort\t%s\tO\n", i+1, tag)
			}
			sentences, err := Read(strings.NewReader(b.String()), "t.tsv")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(sentences) != 1 || !reflect.DeepEqual(sentences[0].Gold, tt.want) {
				t.Errorf("Read = %+v, want one sentence with gold %v", sentences, tt.want)
			}
		})
	}
}

func TestReadReportsFileAndLine(t *testing.T) {
	good := "#\tx\n1\tDer\tO\tO\n"
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"a line with two fields is an error", good + "2\tBerlin\n", "bad.tsv:3: want at least 3"},
		{"a line with one field is an error", good + "\n#\ty\nBerlin\n", "bad.tsv:5: want at least 3"},
		{"an unknown prefix is an error", good + "2\tBerlin\tX-LOC\tO\n", `bad.tsv:3: bad tag "X-LOC"`},
		{"an unknown class is an error", good + "2\tBerlin\tB-MISC\tO\n", `bad.tsv:3: bad tag "B-MISC"`},
		{"an unknown suffix is an error", good + "2\tBerlin\tB-LOCteil\tO\n", `bad.tsv:3: bad tag "B-LOCteil"`},
		{"a tag without a class is an error", good + "2\tBerlin\tB\tO\n", `bad.tsv:3: bad tag "B"`},
		{"a lowercase tag is an error", good + "2\tBerlin\tb-loc\tO\n", `bad.tsv:3: bad tag "b-loc"`},
		{"an empty token is an error", good + "2\t \tO\tO\n", "bad.tsv:3: empty token"},
		{"CRLF line ends keep line numbers", "#\tx\r\n1\tDer\tO\tO\r\n\r\n2\tBerlin\tB-ORT\tO\r\n", "bad.tsv:4: bad tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.input), "bad.tsv")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Read error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

// fakeTagger returns fixed spans for each sentence text.
type fakeTagger map[string][]Span

var _ Tagger = fakeTagger(nil)

func (f fakeTagger) Spans(text string) []Span { return f[text] }

// prediction is a span given by its text rather than its offsets.
type prediction struct{ text, sub, typ string }

// tagger returns a fakeTagger predicting the first occurrence of each sub in its text.
func tagger(tb testing.TB, preds ...prediction) fakeTagger {
	tb.Helper()
	f := fakeTagger{}
	for _, p := range preds {
		i := strings.Index(p.text, p.sub)
		if i < 0 {
			tb.Fatalf("%q not in %q", p.sub, p.text)
		}
		f[p.text] = append(f[p.text], Span{Start: i, End: i + len(p.sub), Type: p.typ})
	}
	return f
}

func TestScore(t *testing.T) {
	sentences := readSample(t)
	tests := []struct {
		name          string
		preds         []prediction
		per, loc, org Counts
		ignored       int
	}{
		{"no predictions leave every counting gold span a false negative",
			nil, Counts{0, 0, 1}, Counts{0, 0, 3}, Counts{0, 0, 2}, 0},
		{"an exact span of the right type is a true positive",
			[]prediction{{textMerkel, "Angela Merkel", "PER"}}, Counts{1, 0, 0}, Counts{0, 0, 3}, Counts{0, 0, 2}, 0},
		{"a duplicate prediction counts once",
			[]prediction{{textMerkel, "Angela Merkel", "PER"}, {textMerkel, "Angela Merkel", "PER"}}, Counts{1, 0, 0}, Counts{0, 0, 3}, Counts{0, 0, 2}, 0},
		{"a multi-byte token matches by its byte offsets",
			[]prediction{{textFC, "München", "LOC"}}, Counts{0, 0, 1}, Counts{1, 0, 2}, Counts{0, 0, 2}, 0},
		{"a wrong type is a false positive for its own type and the gold span is missed",
			[]prediction{{textMerkel, "Paris", "ORG"}}, Counts{0, 0, 1}, Counts{0, 0, 3}, Counts{0, 1, 2}, 0},
		{"a wrong boundary is a false positive",
			[]prediction{{textBoot, "Siemens", "ORG"}}, Counts{0, 0, 1}, Counts{0, 0, 3}, Counts{0, 1, 2}, 0},
		{"a span covering part of a counting token is a false positive",
			[]prediction{{textFC, "Münch", "LOC"}}, Counts{0, 0, 1}, Counts{0, 1, 3}, Counts{0, 0, 2}, 0},
		{"a partial span inside a part token is ignored",
			[]prediction{{textGipfel, "EU", "ORG"}}, Counts{0, 0, 1}, Counts{0, 0, 3}, Counts{0, 0, 2}, 1},
		{"a span on a deriv token is ignored",
			[]prediction{{textGipfel, "deutsche", "LOC"}}, Counts{0, 0, 1}, Counts{0, 0, 3}, Counts{0, 0, 2}, 1},
		{"a span overlapping an OTH span is ignored whatever its type",
			[]prediction{{textBoot, "Film „ Das", "PER"}}, Counts{0, 0, 1}, Counts{0, 0, 3}, Counts{0, 0, 2}, 1},
		{"a partial span overlapping no gold span is a false positive",
			[]prediction{{textBoot, "ie", "PER"}}, Counts{0, 1, 1}, Counts{0, 0, 3}, Counts{0, 0, 2}, 0},
		{"a span over a space only is a false positive",
			[]prediction{{textMerkel, " ", "LOC"}}, Counts{0, 0, 1}, Counts{0, 1, 3}, Counts{0, 0, 2}, 0},
		{"a nested entity is not scored",
			[]prediction{{textFC, "Köln", "LOC"}}, Counts{0, 0, 1}, Counts{0, 1, 3}, Counts{0, 0, 2}, 0},
		{"types other than PER, LOC and ORG are dropped",
			[]prediction{{textBoot, "Das Boot", "OTH"}, {textMerkel, "Paris", "MISC"}}, Counts{0, 0, 1}, Counts{0, 0, 3}, Counts{0, 0, 2}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(sentences, tagger(t, tt.preds...))
			want := map[string]Counts{"PER": tt.per, "LOC": tt.loc, "ORG": tt.org}
			if !reflect.DeepEqual(r.Types, want) || r.Ignored != tt.ignored || r.Sentences != 4 {
				t.Errorf("Score = %+v, want types %v, %d ignored, 4 sentences", r, want, tt.ignored)
			}
		})
	}
}

// mixed predicts on the sample: 3 TP, 4 FP and 3 ignored.
func mixed(tb testing.TB) Report {
	tb.Helper()
	return Score(readSample(tb), tagger(tb,
		prediction{textMerkel, "Angela Merkel", "PER"}, // TP
		prediction{textMerkel, "Paris", "ORG"},         // FP ORG, FN LOC
		prediction{textGipfel, "Köln", "LOC"},          // TP
		prediction{textGipfel, "EU", "ORG"},            // ignored
		prediction{textGipfel, "deutsche", "LOC"},      // ignored
		prediction{textBoot, "ie", "PER"},              // FP PER
		prediction{textBoot, "Siemens", "ORG"},         // FP ORG, FN ORG
		prediction{textBoot, "Das Boot", "ORG"},        // ignored
		prediction{textFC, "1. FC Köln", "ORG"},        // TP
		prediction{textFC, "Münch", "LOC"},             // FP LOC, FN LOC
	))
}

func TestScoreTotals(t *testing.T) {
	r := mixed(t)
	if got, want := r.Total(), (Counts{TP: 3, FP: 4, FN: 3}); got != want {
		t.Fatalf("Total = %+v, want %+v", got, want)
	}
	if r.Ignored != 3 {
		t.Errorf("Ignored = %d, want 3", r.Ignored)
	}
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"precision is 3 of 7", r.Total().Precision(), 3.0 / 7},
		{"recall is 3 of 6", r.Total().Recall(), 0.5},
		{"F1 is 6 of 13", r.Total().F1(), 6.0 / 13},
		{"LOC recall is 1 of 3", r.Types["LOC"].Recall(), 1.0 / 3},
		{"ORG precision is 1 of 3", r.Types["ORG"].Precision(), 1.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if math.Abs(tt.got-tt.want) > 1e-12 {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestCountsUndefinedIsZero(t *testing.T) {
	tests := []struct {
		name string
		c    Counts
		p    float64
		r    float64
		f1   float64
	}{
		{"no predictions and no gold give zero", Counts{}, 0, 0, 0},
		{"only false negatives give zero precision", Counts{FN: 2}, 0, 0, 0},
		{"only false positives give zero recall", Counts{FP: 2}, 0, 0, 0},
		{"all true positives give one", Counts{TP: 2}, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p, r, f1 := tt.c.Precision(), tt.c.Recall(), tt.c.F1(); p != tt.p || r != tt.r || f1 != tt.f1 {
				t.Errorf("P, R, F1 = %v, %v, %v; want %v, %v, %v", p, r, f1, tt.p, tt.r, tt.f1)
			}
		})
	}
}

func TestReportWriteTo(t *testing.T) {
	want := "" +
		"type      TP     FP     FN      P      R     F1\n" +
		"PER        1      1      0   50.0  100.0   66.7\n" +
		"LOC        1      1      2   50.0   33.3   40.0\n" +
		"ORG        1      2      1   33.3   50.0   40.0\n" +
		"total      3      4      3   42.9   50.0   46.2\n"
	var b bytes.Buffer
	n, err := mixed(t).WriteTo(&b)
	if err != nil || b.String() != want || n != int64(len(want)) {
		t.Errorf("WriteTo = %d, %v, output:\n%s\nwant %d bytes:\n%s", n, err, b.String(), len(want), want)
	}
}

// TestReportErrors checks the error list of "eval --errors": every false
// positive and every missed gold span of the mixed predictions, each with
// file:line, its type, its text and its sentence.
func TestReportErrors(t *testing.T) {
	var b bytes.Buffer
	if err := mixed(t).WriteErrors(&b, "x.tsv"); err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{textMerkel: true, textGipfel: true, textBoot: true, textFC: true}
	var got []string
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 5 || !strings.HasPrefix(f[0], "x.tsv:") || f[0] == "x.tsv:0" || !texts[f[4]] || !strings.Contains(f[4], f[3]) {
			t.Errorf("bad error line %q", line)
			continue
		}
		got = append(got, f[1]+" "+f[2]+" "+f[3])
	}
	sort.Strings(got)
	want := []string{"FN LOC München", "FN LOC Paris", "FN ORG Siemens AG", "FP LOC Münch", "FP ORG Paris", "FP ORG Siemens", "FP PER ie"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n%s\nwant %q", b.String(), want)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add(strings.ReplaceAll(sample, "\n", "\r\n"))
	f.Add("#\tx\n1\tI\tI-PER\n2\tKöln\tB-LOCderiv \n\n\n3\t.\tO")
	f.Fuzz(func(t *testing.T, input string) {
		sentences, err := Read(strings.NewReader(input), "fuzz.tsv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.tsv:") {
				t.Errorf("error %q does not start with the file name", err)
			}
			return
		}
		for _, s := range sentences {
			checkSentence(t, s)
		}
	})
}

// checkSentence checks that s is consistent and that predicting exactly its
// counting gold spans scores perfectly.
func checkSentence(t *testing.T, s Sentence) {
	t.Helper()
	end := -1
	for _, tok := range s.Tokens {
		if tok.Start <= end || tok.End <= tok.Start || tok.End > len(s.Text) {
			t.Fatalf("bad token %v after offset %d in %q", tok, end, s.Text)
		}
		end = tok.End
	}
	var perfect []Span
	want := 0
	for _, g := range s.Gold {
		if g.First < 0 || g.Last < g.First || g.Last >= len(s.Tokens) {
			t.Fatalf("bad gold span %+v for %d tokens", g, len(s.Tokens))
		}
		if g.counts() {
			perfect = append(perfect, Span{s.Tokens[g.First].Start, s.Tokens[g.Last].End, g.Class})
			want++
		}
	}
	r := Score([]Sentence{s}, fakeTagger{s.Text: perfect})
	if got := r.Total(); got != (Counts{TP: want}) || r.Ignored != 0 {
		t.Errorf("perfect tagger on %q scored %+v, %d ignored; want %d TP", s.Text, got, r.Ignored, want)
	}
}

func TestScoreArticle(t *testing.T) {
	gold, err := ReadGold(strings.NewReader("# gold\nPER\tFriedrich Merz\tMerz|Friedrich Merz\nLOC\tRussland\tRusslands\nORG\tBrauerei Kesselring KG\tBrauerei Kesselring KG\n"), "g.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var r ArticleReport
	r.ScoreArticle(gold, []Predicted{
		{Type: "PER", Texts: []string{"Friedrich Merz", "Merz"}},
		{Type: "ORG", Texts: []string{"Russlands"}}, // wrong type: FP for ORG, Russland missed
		{Type: "LOC", Texts: []string{"Berlin"}},    // not in gold: FP
		{Type: "ORG", Candidate: true, Texts: []string{"Brauerei Kesselring KG"}},
	})
	want := map[string]Counts{"PER": {TP: 1}, "LOC": {FP: 1, FN: 1}, "ORG": {FP: 1, FN: 1}}
	for typ, c := range want {
		if r.Linked[typ] != c {
			t.Errorf("%s: got %+v, want %+v", typ, r.Linked[typ], c)
		}
	}
	if r.Candidates != 1 || r.Gold != 3 {
		t.Errorf("candidates %d gold %d, want 1 and 3", r.Candidates, r.Gold)
	}
	if _, err := ReadGold(strings.NewReader("PER\tonly two\n"), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:1:") {
		t.Errorf("bad line not reported with file:line: %v", err)
	}
}

func TestTopicReport(t *testing.T) {
	gold, err := ReadTopics(strings.NewReader("# main first\nmedtop:11000000\nmedtop:16000000\n"), "a.topics.txt")
	if err != nil {
		t.Fatal(err)
	}
	var r TopicReport
	r.Score(gold, []string{"medtop:11000000", "medtop:04000000"})
	r.Score([]string{"medtop:15000000"}, []string{"medtop:02000000", "medtop:15000000"})
	if r.Counts != (Counts{TP: 2, FP: 2, FN: 1}) || r.Main != 1 || r.Articles != 2 {
		t.Errorf("got %+v", r)
	}
	if _, err := ReadTopics(strings.NewReader("Politik\n"), "b.topics.txt"); err == nil || !strings.Contains(err.Error(), "b.topics.txt:1:") {
		t.Errorf("bad line not reported: %v", err)
	}
}
