package lexgen

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

func TestNouns(t *testing.T) {
	got, err := Nouns("testdata/words.json")
	if err != nil {
		t.Fatal(err)
	}
	// Lemmas, and the irregular plurals no ending derives (Abflüssen comes
	// from Abflüsse); no lower-case or multi-word lemma.
	want := []string{"Abfluss", "Abflüsse", "Haus", "Häuser", "Tag"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Nouns = %q, want %q", got, want)
	}
}

func TestThesaurus(t *testing.T) {
	nouns, err := Nouns("testdata/words.json")
	if err != nil {
		t.Fatal(err)
	}
	got, words, err := Thesaurus("testdata/openthesaurus.txt", nouns)
	if err != nil {
		t.Fatal(err)
	}
	// Not Haus (listed), Bau's note, Korridore (derived), Abflüssen
	// (derived), EU (an acronym), schnell, "guter Rat" (two words).
	want := []string{"Ablauf", "Bau", "Flur", "Gang", "Gebäude", "Korridor", "Tipp"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Thesaurus nouns = %q, want %q", got, want)
	}
	// Lower-case one-word entries; not "z.B." or "3d-fähig".
	if want := []string{"rasch", "schnell", "zügig"}; !reflect.DeepEqual(words, want) {
		t.Errorf("Thesaurus words = %q, want %q", words, want)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "words.json")
	if err := os.WriteFile(bad, []byte(`{"Haus":{"NOM":"Haus"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Nouns(bad); err == nil || !strings.Contains(err.Error(), `"Haus"`) || !strings.Contains(err.Error(), "NOM") {
		t.Errorf("Nouns(bad) error = %v, want one naming the entry and the case", err)
	}
	if _, err := Nouns(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("Nouns(missing file) gave no error")
	}
}

func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nouns.txt")
	if err := Write(path, AboutNouns, "a test", LicenceThesaurus, []string{"Flur", "Gang"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.HasSuffix(s, "2 words.\nFlur\nGang\n") || !strings.Contains(s, "From a test,") || !strings.Contains(s, "LGPL") {
		t.Errorf("file:\n%s", s)
	}
}
