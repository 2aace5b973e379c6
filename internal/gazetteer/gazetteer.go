package gazetteer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
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
	g         *Gazetteer
	errs      ErrorList
	hash      hash.Hash     // over every file read, for Gazetteer.Version
	layerNo   int32         // number of the layer being read, from 1
	posOf     []filePos     // by entity index: where it was read
	files     []string      // the record files read, numbered from 0
	fileLayer []int32       // by file number: its layer
	lexicons  chan struct{} // closed when the word lists read are filled
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
			Kinds:      make(map[string][]string),
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
		if err := l.readFile(layer.FS, name, display); err != nil {
			l.errs.add(Pos{File: display}, "read: %v", err)
		}
	}
	l.readLexicons(layer)
}

// readFile reads one file of a layer and hashes it for Version.
func (l *loader) readFile(fsys fs.FS, name, display string) error {
	r, size, err := open(fsys, name)
	if err != nil {
		return err
	}
	defer r.Close()
	fmt.Fprintf(l.hash, "%s\x00%d\x00", display, size)
	text := &sized{io.TeeReader(r, l.hash), size}
	if name != "kinds.tsv" && name != "topics.tsv" {
		return l.readEntities(text, size, display)
	}
	data, err := io.ReadAll(text)
	if err != nil {
		return err
	}
	if name == "kinds.tsv" {
		l.readKinds(string(data), display)
	} else {
		l.readTopics(string(data), display)
	}
	return nil
}

// open opens a file and returns its size, which Version hashes before its
// text: the size Stat reports, or for a file that is not regular, the
// length of its text, read whole first.
func open(fsys fs.FS, name string) (io.ReadCloser, int64, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		return f, st.Size(), nil
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return io.NopCloser(bytes.NewReader(data)), int64(len(data)), err
}

// sized reads a file whose size was hashed before its text; it fails if
// the text is longer or shorter, that is if the file changed meanwhile.
type sized struct {
	r    io.Reader
	left int64
}

func (s *sized) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.left -= int64(n)
	if s.left < 0 || err == io.EOF && s.left > 0 {
		return n, errors.New("the file changed while it was read")
	}
	return n, err
}

// readEntities adds the records of an entity file of size bytes, those of
// each chunk as soon as it is parsed. If the file cannot be read to its
// end, none of its problems are kept, as if it had not been read.
func (l *loader) readEntities(r io.Reader, size int64, display string) error {
	file, problems := int32(len(l.files)), len(l.errs)
	l.files, l.fileLayer = append(l.files, display), append(l.fileLayer, l.layerNo)
	var read, kept int64 // bytes parsed and the records in them
	err := parseStream(r, display, func(p *parsed) {
		read, kept = read+int64(p.size), kept+int64(len(p.ents))
		l.errs = append(l.errs, p.errs...)
		l.grow(len(p.ents), int(kept*(size-read)/read))
		l.addChunk(p, file)
	})
	if err != nil {
		l.errs = l.errs[:problems]
	}
	return err
}

// addChunk adds the records of a chunk of files[file], a batch at a time:
// it hashes the ids of a batch and warms their slots (see idTable.warm)
// before it adds them.
func (l *loader) addChunk(p *parsed, file int32) {
	var hashes [64]uint32
	for start := 0; start < len(p.ents); start += len(hashes) {
		batch := p.ents[start:min(start+len(hashes), len(p.ents))]
		for i, e := range batch {
			hashes[i] = idHash(e.ID())
		}
		l.g.byID.warm(hashes[:len(batch)])
		for i, e := range batch {
			l.add(e, hashes[i], filePos{file, p.lines[start+i]})
		}
	}
}

// add stores e, whose id has hash h, read at p, replacing a record from an
// earlier layer with the same id.
func (l *loader) add(e *Entity, h uint32, p filePos) {
	s, i, ok := l.g.byID.find(l.g.Entities, e.ID(), h)
	switch {
	case ok && l.fileLayer[l.posOf[i].file] == l.layerNo:
		l.errs.add(Pos{File: l.files[p.file], Line: p.line}, "duplicate id %s (first defined at %s)", e.ID(), l.pos(int(i)))
	case ok:
		l.g.Entities[i], l.posOf[i] = e, p
	default:
		l.g.byID.insert(s, h, int32(len(l.g.Entities)))
		l.g.Entities, l.posOf = append(l.g.Entities, e), append(l.posOf, p)
	}
}

// grow makes room for n more entities and, when it must grow, for about
// rest more: those of the rest of the file, estimated from the part read,
// so that a large file is copied and rehashed once. (The estimate is
// raised by a sixteenth, since a low one would cost a second copy.)
func (l *loader) grow(n, rest int) {
	want := n + rest + rest/16
	l.g.byID.reserve(n, want, l.g.Entities)
	if len(l.g.Entities)+n <= cap(l.g.Entities) {
		return
	}
	l.g.Entities, l.posOf = slices.Grow(l.g.Entities, want), slices.Grow(l.posOf, want)
}

func (l *loader) finish() (*Gazetteer, error) {
	if l.lexicons != nil {
		<-l.lexicons
	}
	l.checkTopics()
	l.g.byID.fit(l.g.Entities)
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
