package gazetteer

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"math"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
)

// Gazetteer is a loaded, checked set of entities plus the word lists the
// tagger uses for context. It is immutable after Load.
type Gazetteer struct {
	Entities []*Entity
	Topics   []*TopicDef // the topic lexicon, see topics.tsv
	Version  string      // derived from the content of every loaded file

	byID         idTable
	Kinds        map[string][]string // kind -> folded cue-word stems
	GivenNames   map[string]bool     // folded given names
	PersonTitles map[string]bool     // folded words that introduce a person
	OrgHeads     map[string]bool     // folded head nouns of organisations
	LegalForms   map[string]bool     // folded legal forms (gmbh, ag, kg)
	Nouns        []string            // folded German common nouns and their irregular forms (a list: the tagger hashes them)
	Words        map[string]bool     // folded German words that are no nouns: adjectives, adverbs, verbs
}

// Entity returns the entity with the given id.
func (g *Gazetteer) Entity(id string) (*Entity, bool) {
	i, ok := g.byID.get(g.Entities, id)
	if !ok {
		return nil, false
	}
	return g.Entities[i], true
}

// Layer is one gazetteer folder: the embedded default or a --gazetteer DIR.
type Layer struct {
	Name string // shown in problems, e.g. "default" or the directory
	FS   fs.FS
}

// Load reads the layers in order; a later layer's record replaces an
// earlier one with the same id. It returns every problem with file:line.
func Load(layers ...Layer) (*Gazetteer, error) {
	l := newLoader()
	for _, layer := range layers {
		l.readLayer(layer)
	}
	return l.finish()
}

type loader struct {
	g       *Gazetteer
	errs    ErrorList
	hash    hash.Hash // over every file read, for Gazetteer.Version
	layerNo int       // number of the layer being read, from 1
	layerOf []int     // by entity index: the layer that defined it
	posOf   []filePos // by entity index: where it was read
	files   []string  // the record files read, numbered from 0
}

// filePos is where an entity was read: line of files[file].
type filePos struct{ file, line int32 }

func (l *loader) pos(i int) Pos {
	p := l.posOf[i]
	return Pos{File: l.files[p.file], Line: p.line}
}

func newLoader() *loader {
	return &loader{
		g: &Gazetteer{
			byID: newIDTable(), Kinds: make(map[string][]string),
			GivenNames: make(map[string]bool), PersonTitles: make(map[string]bool),
			OrgHeads: make(map[string]bool), LegalForms: make(map[string]bool),
			Words: make(map[string]bool),
		},
		hash: sha256.New(),
	}
}

func (l *loader) readLayer(layer Layer) {
	files, err := fs.Glob(layer.FS, "*.tsv")
	if err != nil {
		l.errs.add(Pos{File: layer.Name}, "list files: %v", err)
		return
	}
	l.layerNo++
	for _, name := range files {
		display := path.Join(layer.Name, name)
		data, err := readText(layer.FS, name)
		if err != nil {
			l.errs.add(Pos{File: display}, "read: %v", err)
			continue
		}
		fmt.Fprintf(l.hash, "%s\x00%d\x00", display, len(data))
		hashString(l.hash, data)
		switch name {
		case "kinds.tsv":
			l.readKinds(data, display)
			continue
		case "topics.tsv":
			l.readTopics(data, display)
			continue
		}
		ents, lines, errs := parseData(data, display)
		l.errs = append(l.errs, errs...)
		l.grow(len(ents))
		file := int32(len(l.files))
		l.files = append(l.files, display)
		for i, e := range ents {
			l.add(e, filePos{file, lines[i]})
		}
	}
	l.readLexicons(layer)
}

// readText reads a file into a string without the copy that converting
// fs.ReadFile's bytes would make: the parser slices it, and only then
// copies what the records keep (see arena).
func readText(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	if st, err := f.Stat(); err == nil && st.Size() < math.MaxInt32 {
		b.Grow(int(st.Size()))
	}
	if _, err := io.Copy(&b, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// hashString writes s to h through a small buffer.
func hashString(h hash.Hash, s string) {
	var buf [32 << 10]byte
	for s != "" {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
}

// add stores e, read at p, replacing a record from an earlier layer with
// the same id.
func (l *loader) add(e *Entity, p filePos) {
	i, ok := l.g.byID.get(l.g.Entities, e.ID())
	switch {
	case ok && l.layerOf[i] == l.layerNo:
		l.errs.add(Pos{File: l.files[p.file], Line: p.line}, "duplicate id %s (first defined at %s)", e.ID(), l.pos(int(i)))
	case ok:
		l.g.Entities[i], l.layerOf[i], l.posOf[i] = e, l.layerNo, p
	default:
		l.g.Entities = append(l.g.Entities, e)
		l.g.byID.put(l.g.Entities, int32(len(l.g.Entities)-1))
		l.layerOf, l.posOf = append(l.layerOf, l.layerNo), append(l.posOf, p)
	}
}

// grow makes room for n more entities, so a large file costs no rehashing.
func (l *loader) grow(n int) {
	l.g.byID.reserve(l.g.Entities, n)
	if len(l.g.Entities)+n <= cap(l.g.Entities) {
		return
	}
	l.g.Entities = slices.Grow(l.g.Entities, n)
	l.layerOf, l.posOf = slices.Grow(l.layerOf, n), slices.Grow(l.posOf, n)
}

func (l *loader) finish() (*Gazetteer, error) {
	l.checkTopics()
	for i, e := range l.g.Entities {
		if p := e.Parent(); p != "" {
			if _, ok := l.g.byID.get(l.g.Entities, p); !ok {
				l.errs.add(l.pos(i), "parent=%s: no entity has this id", p)
			}
		}
	}
	l.g.Version = "g" + hex.EncodeToString(l.hash.Sum(nil))[:12]
	l.errs.Sort()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	return l.g, nil
}

// readKinds parses kinds.tsv: kind<TAB>cue|cue|...
func (l *loader) readKinds(data, name string) {
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		kind, cues, ok := strings.Cut(text, "\t")
		if !ok || strings.TrimSpace(cues) == "" {
			l.errs.add(Pos{File: name, Line: int32(line)}, "want kind<TAB>cue|cue|...")
			continue
		}
		var stems []string
		for _, c := range strings.Split(cues, "|") {
			if c = strings.TrimSpace(c); c != "" {
				stems = append(stems, fold.Key(c))
			}
		}
		sort.Strings(stems)
		l.g.Kinds[strings.TrimSpace(kind)] = stems
	}
}
