package main

import (
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/schlagwort/schlagwort/internal/importer"
)

// runImport implements "schlagwort gazetteer import wikidata DUMP" and
// "schlagwort gazetteer import geonames [--alternate-names FILE] FILE".
func runImport(env *env, args []string) error {
	if len(args) == 0 || (args[0] != "wikidata" && args[0] != "geonames") {
		return fmt.Errorf("%w: gazetteer import needs a source: wikidata or geonames", errUsage)
	}
	source := args[0]
	fs := newFlagSet("gazetteer import "+source, env)
	outPath := fs.String("o", "", "output gazetteer file (.tsv); stdout if empty")
	altPath := fs.String("alternate-names", "", "geonames: alternateNamesV2.txt, for German names")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: gazetteer import %s takes one FILE (plain, .gz or .bz2)", errUsage, source)
	}
	var german map[uint32][]string
	if *altPath != "" {
		var err error
		if german, err = readGerman(*altPath); err != nil {
			return err
		}
	}
	name := fs.Arg(0)
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	st, _ := f.Stat()
	bar := progressbar.DefaultBytesSilent(st.Size(), "importing")
	if e, ok := env.stderr.(*os.File); ok && term.IsTerminal(int(e.Fd())) {
		bar = progressbar.DefaultBytes(st.Size(), "importing")
	}
	in, err := importer.Decompress(&progressReader{f, bar}, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	out := env.stdout
	if *outPath != "" {
		o, err := os.Create(*outPath)
		if err != nil {
			return err
		}
		defer o.Close()
		out = o
	}
	start := time.Now()
	var stats importer.Stats
	if source == "wikidata" {
		stats, err = importer.Wikidata(in, out, name, func(int) {})
	} else {
		stats, err = importer.GeoNames(in, out, name, german, func(int) {})
	}
	if err != nil {
		return err
	}
	bar.Finish()
	fmt.Fprintf(env.stderr, "%s: %d entities read, %d written, %d skipped, %d parents not imported dropped, in %s (%.1f MB/s of the file)\n",
		name, stats.Read, stats.Written, stats.Skipped, stats.DroppedParents, time.Since(start).Round(time.Millisecond),
		float64(st.Size())/1e6/time.Since(start).Seconds())
	return nil
}

// progressReader advances a byte bar by what is read from the file, so the
// bar follows the compressed size for .gz and .bz2.
type progressReader struct {
	f   *os.File
	bar *progressbar.ProgressBar
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.f.Read(b)
	p.bar.Add(n)
	return n, err
}

func readGerman(path string) (map[uint32][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	in, err := importer.Decompress(f, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return importer.GermanNames(in, path)
}
