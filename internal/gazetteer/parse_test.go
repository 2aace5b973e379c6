package gazetteer

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"testing/iotest"

	"github.com/schlagwort/schlagwort/internal/tagging"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

func parseAll(t *testing.T, text string) ([]*Entity, ErrorList) {
	t.Helper()
	var got []*Entity
	errs := Parse(strings.NewReader(text), "test.tsv", func(e *Entity) { got = append(got, e) })
	return got, errs
}

func TestParseRecord(t *testing.T) {
	text := "# comment\n\nper/wladimir-putin\tPER\tWladimir Putin\taliases=Putin|Vladimir Putin\tkind=politician\twd=Q7747\tparent=loc/russland\ttopics=medtop:11000000\tprior=0.9\tsrc=curated\n" +
		"loc/essen\tLOC\tEssen\taliases=Essen?\tsrc=curated\n"
	got, errs := parseAll(t, text)
	if errs.Err() != nil {
		t.Fatalf("unexpected problems: %v", errs)
	}
	if len(got) != 2 {
		t.Fatalf("got %d entities, want 2", len(got))
	}
	p := got[0]
	if p.ID() != "per/wladimir-putin" || p.Type != tagging.Person || p.Name() != "Wladimir Putin" || p.Wikidata() != "Q7747" ||
		p.Parent() != "loc/russland" || p.Prior != 0.9 || p.Kind() != "politician" || p.Source() != "curated" || p.Short() != "" {
		t.Errorf("wrong entity: %+v", p)
	}
	if p.NumAliases() != 3 || p.Alias(1).Text != "Putin" || p.Alias(2).Text != "Vladimir Putin" {
		t.Errorf("wrong aliases: %+v", aliasesOf(p))
	}
	if e := got[1]; e.NumAliases() != 1 || !e.Alias(0).Common {
		t.Errorf("Essen? should mark the name itself as common: %s", Format(e))
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"too few fields", "per/x\tPER", "want at least 3 tab-separated fields"},
		{"bad id", "Per/X\tPER\tX\tsrc=curated", `bad id "Per/X"`},
		{"unknown type", "per/x\tPERSON\tX\tsrc=curated", `unknown type "PERSON"`},
		{"empty name", "per/x\tPER\t \tsrc=curated", "empty name"},
		{"empty alias", "per/x\tPER\tX\taliases=A||B\tsrc=curated", "empty alias (number 2"},
		{"bad wikidata id", "per/x\tPER\tX\twd=7747\tsrc=curated", `bad wd="7747"`},
		{"unknown field", "per/x\tPER\tX\tcolour=red\tsrc=curated", "unknown field colour="},
		{"missing source", "per/x\tPER\tX", "missing src="},
		{"field twice", "per/x\tPER\tX\tsrc=a\tsrc=b", "field src= given twice"},
		{"prior out of range", "per/x\tPER\tX\tprior=2\tsrc=curated", `bad prior="2"`},
		{"not key=value", "per/x\tPER\tX\tPutin\tsrc=curated", `field "Putin" is not key=value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := parseAll(t, "# header\n"+tt.line+"\n")
			if len(got) != 0 {
				t.Errorf("a record with problems was accepted: %+v", got[0])
			}
			if len(errs) == 0 || !strings.Contains(errs[0].Error(), tt.want) || !strings.HasPrefix(errs[0].Error(), "test.tsv:2: ") {
				t.Errorf("got %v, want test.tsv:2: ...%s...", errs, tt.want)
			}
		})
	}
}

func TestLoadLayers(t *testing.T) {
	base := fstest.MapFS{
		"places.tsv": {Data: []byte("loc/koeln\tLOC\tKöln\tkind=city\tsrc=curated\nloc/nrw\tLOC\tNordrhein-Westfalen\tsrc=curated\n")},
		"clubs.tsv":  {Data: []byte("org/fc\tORG\t1. FC Köln\taliases=Köln\tparent=loc/koeln\tsrc=curated\n")},
		"kinds.tsv":  {Data: []byte("club\tTrainer|Tor\n")},
	}
	over := fstest.MapFS{"fix.tsv": {Data: []byte("loc/koeln\tLOC\tKöln\taliases=Cologne\tparent=loc/nrw\tsrc=editor\n")}}
	g, err := Load(Layer{"default", base}, Layer{"local", over})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := g.Entity("loc/koeln")
	if !ok || e.Source() != "editor" || e.NumAliases() != 2 || e.Parent() != "loc/nrw" {
		t.Errorf("override not applied: %+v", e)
	}
	if len(g.Entities) != 3 {
		t.Errorf("got %d entities, want 3", len(g.Entities))
	}
	if shared := g.SharedAliases(); len(shared) != 1 || shared[0].Alias != "Köln" || len(shared[0].IDs) != 2 {
		t.Errorf("shared aliases = %+v, want Köln for two ids", shared)
	}
	if cues := g.Kinds["club"]; len(cues) != 2 || cues[0] != "tor" {
		t.Errorf("kinds = %v", g.Kinds)
	}
	g2, _ := Load(Layer{"default", base})
	if g2.Version == g.Version {
		t.Errorf("version does not change with content")
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	fsys := fstest.MapFS{
		"a.tsv": {Data: []byte("loc/x\tLOC\tX\tsrc=c\nloc/x\tLOC\tX2\tsrc=c\nloc/y\tLOC\tY\tparent=loc/nowhere\tsrc=c\nbad\n")},
	}
	_, err := Load(Layer{"d", fsys})
	list, ok := err.(ErrorList)
	if !ok || len(list) != 3 {
		t.Fatalf("got %v, want 3 problems", err)
	}
	want := []string{"d/a.tsv:2: duplicate id loc/x (first defined at d/a.tsv:1)", "d/a.tsv:3: parent=loc/nowhere", "d/a.tsv:4: want at least 3"}
	for i, w := range want {
		if !strings.HasPrefix(list[i].Error(), w) {
			t.Errorf("problem %d = %q, want prefix %q", i, list[i].Error(), w)
		}
	}
}

// grownFS serves files one byte longer than their Stat says, as if they
// grew while they were read.
type grownFS struct{ fstest.MapFS }

type grownFile struct{ fs.File }

type shortInfo struct{ fs.FileInfo }

func (f grownFS) Open(name string) (fs.File, error) {
	file, err := f.MapFS.Open(name)
	return grownFile{file}, err
}

func (f grownFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	return shortInfo{info}, err
}

func (i shortInfo) Size() int64 { return i.FileInfo.Size() - 1 }

func TestLoadReportsAFileThatChanged(t *testing.T) {
	fsys := grownFS{fstest.MapFS{"a.tsv": {Data: []byte("loc/x\tLOC\tX\n")}}}
	_, err := Load(Layer{"d", fsys})
	if list, ok := err.(ErrorList); !ok || len(list) != 1 || list[0].Error() != "d/a.tsv:0: read: the file changed while it was read" {
		t.Errorf("got %v, want one problem: the file changed", err)
	}
}

// records writes n records numbered from first, with every field Format
// writes, in its order; src= is src.
func records(first, n int, src string) string {
	var b strings.Builder
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, "org/x%d\tORG\tName %d\taliases=Alias %d|N%d?\tshort=N\tkind=k%d\twd=Q%d\tparent=org/x%d\ttopics=medtop:%d\tprior=0.25\tsrc=%s\n",
			i, i, i, i, i/1000, i+1, i/2, i%5, src)
	}
	return b.String()
}

func TestLoadManyRecords(t *testing.T) {
	// Several chunks to a file, read in parallel and into reused buffers
	// (a kind first seen late must not point into one), records that
	// override earlier ones, and an id table that grows.
	n := 5 * chunkSize / len(records(0, 1, "a"))
	base := fstest.MapFS{"a.tsv": {Data: []byte(records(0, n, "a"))}}
	over := fstest.MapFS{"b.tsv": {Data: []byte(records(n/2, n, "b"))}}
	g, err := Load(Layer{"base", base}, Layer{"over", over})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(records(0, n/2, "a")+records(n/2, n, "b"), "\n")
	if len(g.Entities) != len(want)-1 {
		t.Fatalf("got %d entities, want %d", len(g.Entities), len(want)-1)
	}
	for i, e := range g.Entities {
		if got := Format(e); got != want[i] {
			t.Fatalf("entity %d reads %q, want %q", i, got, want[i])
		}
		if found, ok := g.Entity(e.ID()); !ok || found != e {
			t.Fatalf("Entity(%s) = %v, %v", e.ID(), found, ok)
		}
	}
	if _, ok := g.Entity("org/x-none"); ok {
		t.Error("found an id no record has")
	}
}

func TestParseReadsInPieces(t *testing.T) {
	// Chunks cut wherever reads end, a record with a problem, and a last
	// line without a line break.
	text := records(0, 2*chunkSize/len(records(0, 1, "a")), "a") + "per/x\tPER\tX\r\n\norg/y\tORG\tY\tsrc=s"
	formats := func(r io.Reader) (string, ErrorList) {
		var b strings.Builder
		errs := Parse(r, "test.tsv", func(e *Entity) { b.WriteString(Format(e) + "\n") })
		return b.String(), errs
	}
	want, wantErrs := formats(strings.NewReader(text))
	if len(wantErrs) != 1 || wantErrs[0].Pos.Line != int32(strings.Count(text, "\n")-1) || !strings.HasSuffix(want, "org/y\tORG\tY\tsrc=s\n") {
		t.Fatalf("parsed whole: problems %v, last record %q", wantErrs, want[max(0, len(want)-40):])
	}
	for _, r := range []io.Reader{iotest.OneByteReader(strings.NewReader(text)), iotest.HalfReader(strings.NewReader(text)), iotest.DataErrReader(strings.NewReader(text))} {
		if got, errs := formats(r); got != want || !slices.Equal(errs, wantErrs) {
			t.Errorf("read by %T: %d bytes of records and problems %v, want %d bytes and %v", r, len(got), errs, len(want), wantErrs)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("per/x\tPER\tX\taliases=A|B?\twd=Q1\tsrc=c\n")
	f.Add("loc/y\tLOC\tY\tprior=0.3\ttopics=medtop:1,x\tsrc=c\r\n#c\n\n")
	f.Add("\t\t\t=\n\xff")
	f.Fuzz(func(t *testing.T, text string) {
		Parse(strings.NewReader(text), "fuzz.tsv", func(e *Entity) {
			if e.ID() == "" || e.Name() == "" || e.Source() == "" || e.NumAliases() == 0 {
				t.Fatalf("invalid entity accepted: %+v", e)
			}
			for _, a := range e.Aliases() {
				if a.Text == "" {
					t.Fatalf("empty alias accepted: %+v", e)
				}
			}
		})
	})
}

func TestFormatRoundTrip(t *testing.T) {
	text := "loc/essen\tLOC\tEssen\taliases=Essen?|Essen (Ruhr)\tkind=city\tgn=2928810\tparent=loc/nrw\tprior=0.6\tsrc=cities1000\n" +
		"loc/tschechien\tLOC\tTschechien\taliases=Tschechische Republik\tkind=country\tiso=CZ\tsrc=cldr\n"
	got, errs := parseAll(t, text)
	if errs.Err() != nil || len(got) != 2 {
		t.Fatalf("parse: %v", errs)
	}
	for i, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if f := Format(got[i]); f != line {
			t.Errorf("Format\n got: %s\nwant: %s", f, line)
		}
	}
}

func TestLoadTopics(t *testing.T) {
	fsys := fstest.MapFS{
		"topics.tsv": {Data: []byte("medtop:11000000\tPolitik\twords=koalition|*wahl\tsections=politik\n" +
			"sw:wahlen\tWahlen\tparent=medtop:11000000\twords=wahlkampf\n" +
			"sw:x\tX\tparent=sw:nirgends\n" +
			"bad id\tY\n" +
			"sw:y\tY\tcolour=red\n")},
	}
	_, err := Load(Layer{"d", fsys})
	list, ok := err.(ErrorList)
	if !ok || len(list) != 3 {
		t.Fatalf("got %v, want 3 problems", err)
	}
	for i, want := range []string{"d/topics.tsv:3: topic sw:x: parent=sw:nirgends", "d/topics.tsv:4: bad topic id", "d/topics.tsv:5: unknown topic field colour="} {
		if !strings.HasPrefix(list[i].Error(), want) {
			t.Errorf("problem %d = %q, want prefix %q", i, list[i].Error(), want)
		}
	}
	good := fstest.MapFS{"topics.tsv": {Data: []byte(strings.Join(strings.Split(string(fsys["topics.tsv"].Data), "\n")[:2], "\n"))}}
	g, err := Load(Layer{"d", good})
	if err != nil || len(g.Topics) != 2 || g.Topics[1].Parent != "medtop:11000000" || len(g.Topics[0].Words) != 2 {
		t.Errorf("topics not loaded: %v %+v", err, g)
	}
}
