package bench

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/schlagwort/schlagwort/gazetteers"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/protoconv"
	"github.com/schlagwort/schlagwort/internal/tagger"
	"github.com/schlagwort/schlagwort/internal/tagging"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

// corpus is the German test articles of testdata/articles.
func corpus(b *testing.B) ([]tagging.Article, int64) {
	b.Helper()
	files, err := filepath.Glob("../../testdata/articles/*.json")
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus: %v", err)
	}
	var arts []tagging.Article
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a, err := protoconv.ParseJSON(data)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		size += int64(len(a.Title) + len(a.Body))
	}
	return arts, size
}

var defaultLayer = gazetteer.Layer{Name: "default", FS: gazetteers.FS}

func benchTag(b *testing.B, t *tagger.Tagger) {
	arts, size := corpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range arts {
			if _, err := t.Tag(&arts[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts))/1e3, "µs/article")
}

// BenchmarkTag tags the corpus with the embedded default gazetteer on one
// goroutine: MB/s is per core.
func BenchmarkTag(b *testing.B) {
	g, err := gazetteer.Load(defaultLayer)
	if err != nil {
		b.Fatal(err)
	}
	benchTag(b, tagger.New(g))
}

// BenchmarkTagNoTopics is BenchmarkTag without the topic lexicon, so that
// the cost of topics can be read off the same run.
func BenchmarkTagNoTopics(b *testing.B) {
	g, err := gazetteer.Load(defaultLayer)
	if err != nil {
		b.Fatal(err)
	}
	g.Topics = nil
	benchTag(b, tagger.New(g))
}

// BenchmarkTagGazetteer is BenchmarkTag with the gazetteer folder in
// $BENCH_GAZETTEER instead of the embedded default (skipped without it):
// the bar compares the default with the 1,514-entity starter set
// of commit 68d619f^ (README, Measured).
func BenchmarkTagGazetteer(b *testing.B) {
	dir := os.Getenv("BENCH_GAZETTEER")
	if dir == "" {
		b.Skip("set BENCH_GAZETTEER to a gazetteer folder")
	}
	g, err := gazetteer.Load(gazetteer.Layer{Name: dir, FS: os.DirFS(dir)})
	if err != nil {
		b.Fatal(err)
	}
	benchTag(b, tagger.New(g))
}

// million writes the generated 1,000,000-alias gazetteer (500,000
// entities) once per run; millionEntities the 1,000,000-entity one
// (2,000,000 names). TestMain removes them.
var (
	million         = sync.OnceValues(func() (string, error) { return generate(1_000_000) })
	millionEntities = sync.OnceValues(func() (string, error) { return generate(2_000_000) })
)

var generated []string // folders to remove

// generate writes a generated gazetteer of about aliases names into a new
// folder.
func generate(aliases int) (string, error) {
	dir, err := os.MkdirTemp("", "schlagwort-gen-")
	if err != nil {
		return "", err
	}
	generated = append(generated, dir)
	f, err := os.Create(filepath.Join(dir, "generated.tsv"))
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = WriteGazetteer(f, aliases, 42)
	return dir, err
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range generated {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

func load1M(b *testing.B) *gazetteer.Gazetteer { return loadGenerated(b, million) }

// loadGenerated loads the default gazetteer and a generated one.
func loadGenerated(b *testing.B, gen func() (string, error)) *gazetteer.Gazetteer {
	dir, err := gen()
	if err != nil {
		b.Fatal(err)
	}
	g, err := gazetteer.Load(defaultLayer, gazetteer.Layer{Name: dir, FS: os.DirFS(dir)})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkTag1M tags the corpus against the default gazetteer plus
// 1,000,000 generated aliases.
func BenchmarkTag1M(b *testing.B) {
	benchTag(b, tagger.New(load1M(b)))
}

// BenchmarkLoad1M loads and indexes the 1,000,000-alias gazetteer and
// reports the time and the live heap it takes.
func BenchmarkLoad1M(b *testing.B) {
	if _, err := million(); err != nil {
		b.Fatal(err)
	}
	var t *tagger.Tagger
	for b.Loop() {
		t = tagger.New(load1M(b))
	}
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Second), "s/load")
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MB-heap")
	runtime.KeepAlive(t)
}

// BenchmarkProse runs prose's full pipeline (segmentation, tokenization,
// tagging, entity extraction) on the same corpus with one shared model.
func BenchmarkProse(b *testing.B) {
	arts, size := corpus(b)
	model := prose.ModelFromData("shared")
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			if _, err := prose.NewDocument(a.Title+"\n\n"+a.Body, prose.UsingModel(model)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
