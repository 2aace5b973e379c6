package importer

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/golden"
)

func importSample(t *testing.T, data []byte, name string) (string, Stats) {
	t.Helper()
	r, err := Decompress(bytes.NewReader(data), name)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	read := 0
	st, err := Wikidata(r, &out, name, func(n int) { read += n })
	if err != nil {
		t.Fatal(err)
	}
	if name == "wikidata-sample.json" && read != len(data) {
		t.Errorf("progress saw %d bytes of %d", read, len(data))
	}
	return out.String(), st
}

func TestWikidata(t *testing.T) {
	data, err := os.ReadFile("testdata/wikidata-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	out, st := importSample(t, data, "wikidata-sample.json")
	golden.Check(t, "testdata/wikidata-sample.golden.tsv", []byte(out))
	// 8 items and a property; the cat is of no wanted class, the last item
	// has no German or English label.
	if st.Read != 9 || st.Written != 6 || st.Skipped != 3 || st.DroppedParents != 1 {
		t.Errorf("stats %+v, want read 9, written 6, skipped 3, one parent (Q980, not imported) dropped", st)
	}
	for _, want := range []string{
		"loc/wd-q64\tLOC\tBerlin\taliases=Bundeshauptstadt\tkind=city\twd=Q64\tparent=loc/wd-q183",
		"per/wd-q9322\tPER\tKim Jong-un\taliases=Kim Jong Un", // English fallback
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	errs := gazetteer.Parse(strings.NewReader(out), "imported.tsv", func(*gazetteer.Entity) {})
	if len(errs) > 0 {
		t.Errorf("the output does not parse: %v", errs)
	}

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(data)
	zw.Close()
	if outGz, _ := importSample(t, gz.Bytes(), "wikidata-sample.json.gz"); outGz != out {
		t.Error("the .gz dump gives other records than the plain one")
	}
}

func TestWikidataBadLine(t *testing.T) {
	in := "[\n{\"type\":\"item\",\"id\":\"Q1\"},\n{kaputt\n]\n"
	_, err := Wikidata(strings.NewReader(in), io.Discard, "dump.json", func(int) {})
	if err == nil || !strings.Contains(err.Error(), "dump.json:3: not a Wikidata entity") {
		t.Errorf("bad line: %v, want dump.json:3 named", err)
	}
}

func BenchmarkWikidata(b *testing.B) {
	data, err := os.ReadFile("testdata/wikidata-sample.json")
	if err != nil {
		b.Fatal(err)
	}
	body := bytes.TrimSuffix(bytes.TrimPrefix(data, []byte("[\n")), []byte("]\n"))
	dump := append([]byte("[\n"), bytes.Repeat(body, 100)...)
	dump = append(dump, "]\n"...)
	b.SetBytes(int64(len(dump)))
	for range b.N {
		if _, err := Wikidata(bytes.NewReader(dump), io.Discard, "bench", func(int) {}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGeoNames(t *testing.T) {
	alt, err := os.Open("testdata/alternateNamesV2-sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer alt.Close()
	german, err := GermanNames(alt, "alternateNamesV2-sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := german[2951839]; len(got) != 2 || got[0] != "Bayern" {
		t.Errorf("German names of Bavaria: %q, want Bayern first, Bayernland (colloquial) left out", got)
	}
	cities, err := os.Open("testdata/cities-sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer cities.Close()
	var out bytes.Buffer
	st, err := GeoNames(cities, &out, "cities-sample.txt", german, func(int) {})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/cities-sample.golden.tsv", out.Bytes())
	if st.Read != 7 || st.Written != 6 || st.Skipped != 1 || st.DroppedParents != 2 {
		t.Errorf("stats %+v, want 7 read, 6 written, the cathedral skipped, London's and Gdańsk's countries missing", st)
	}
	for _, want := range []string{"loc/gn-2867714\tLOC\tMünchen\t", "loc/gn-3099434\tLOC\tDanzig\taliases=Gdańsk|Gdansk", "loc/gn-2950159\tLOC\tBerlin\tkind=city\tgn=2950159\tparent=loc/gn-2921044", // no ADM1 row for Berlin: the country
		"München\taliases=Munich\tkind=city\tgn=2867714\tparent=loc/gn-2951839", // Bayern
		"kind=region\tgn=2951839\tparent=loc/gn-2921044"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out.String(), "Cölln") {
		t.Error("a historic name was imported")
	}
	if errs := gazetteer.Parse(&out, "imported.tsv", func(*gazetteer.Entity) {}); len(errs) > 0 {
		t.Errorf("the output does not parse: %v", errs)
	}
	_, err = GeoNames(strings.NewReader("1\tzu kurz\n"), io.Discard, "x.txt", nil, func(int) {})
	if err == nil || !strings.Contains(err.Error(), "x.txt:1: 2 columns") {
		t.Errorf("short row: %v", err)
	}
}

func BenchmarkGeoNames(b *testing.B) {
	data, err := os.ReadFile("testdata/cities-sample.txt")
	if err != nil {
		b.Fatal(err)
	}
	dump := bytes.Repeat(data, 5000)
	b.SetBytes(int64(len(dump)))
	for range b.N {
		if _, err := GeoNames(bytes.NewReader(dump), io.Discard, "bench", nil, func(int) {}); err != nil {
			b.Fatal(err)
		}
	}
}
