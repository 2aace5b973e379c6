package gazetteer

import "strings"

// arena holds the entities of one part of a file and their text. It hands
// out entities from blocks and copies their strings, which point into the
// text of the file, into blocks of its own, so that a million records cost
// a few thousand allocations instead of several per record, and the file
// text need not stay alive for them: a third of it and more is tabs, keys,
// types and values repeated on every line. Values that repeat (kind=,
// src=, topics=) are stored once per part.
type arena struct {
	ents   []Entity
	text   strings.Builder    // never grown: replaced when full
	shared map[string]*shared // repeated attributes by their text, stored once
	rec    fields             // scratch: the record being parsed
	buf    []byte             // scratch
}

// arenaBlock is the number of entities allocated at once: a block of 48
// KB, 6 pages of 8 KB exactly.
const arenaBlock = 1024

// textBlock is the size of the arena's blocks of text.
const textBlock = 64 << 10

// fields returns the emptied scratch fields for a record with the id and
// name.
func (a *arena) fields(id, name string) *fields {
	a.rec = fields{id: id, aliases: append(a.rec.aliases[:0], Alias{Text: name})}
	return &a.rec
}

// keep copies e, with the id, names, attributes and topics in fs, into
// the arena.
func (a *arena) keep(e *Entity, fs *fields) *Entity {
	if len(a.ents) == 0 {
		a.ents = make([]Entity, arenaBlock)
	}
	kept := &a.ents[0]
	a.ents = a.ents[1:]
	*kept = *e
	a.buf = append(a.buf[:0], fs.id...)
	a.buf = packAttrs(a.buf, &kept.ends, (*[numOwn]string)(fs.attrs[:numOwn]))
	for _, al := range fs.aliases {
		a.buf = appendAlias(a.buf, al)
	}
	kept.text, kept.idLen = a.copyBytes(a.buf), uint16(len(fs.id))
	kept.shared = a.share(fs)
	return kept
}

// copy returns s as a string in the arena's text.
func (a *arena) copy(s string) string {
	a.room(len(s))
	start := a.text.Len()
	a.text.WriteString(s)
	return a.text.String()[start:]
}

// copyBytes returns b as a string in the arena's text.
func (a *arena) copyBytes(b []byte) string {
	a.room(len(b))
	start := a.text.Len()
	a.text.Write(b)
	return a.text.String()[start:]
}

// room makes sure the text block has room for n more bytes.
func (a *arena) room(n int) {
	if a.text.Cap()-a.text.Len() < n {
		a.text = strings.Builder{}
		a.text.Grow(max(n, textBlock))
	}
}

// share returns the one copy of the repeated attributes of fs, nil for
// none.
func (a *arena) share(fs *fields) *shared {
	if fs.attrs[kind] == "" && fs.attrs[source] == "" && len(fs.topics) == 0 {
		return nil
	}
	a.buf = append(a.buf[:0], fs.attrs[kind]...)
	a.buf = append(append(a.buf, '\t'), fs.attrs[source]...)
	for _, t := range fs.topics {
		a.buf = append(append(a.buf, '\t'), t...)
	}
	if sh, ok := a.shared[string(a.buf)]; ok {
		return sh
	}
	if a.shared == nil {
		a.shared = make(map[string]*shared)
	}
	sh := &shared{kind: a.copy(fs.attrs[kind]), source: a.copy(fs.attrs[source])}
	if len(fs.topics) > 0 {
		sh.topics = make([]string, len(fs.topics))
		for i, t := range fs.topics {
			sh.topics[i] = a.copy(t)
		}
	}
	a.shared[string(a.buf)] = sh
	return sh
}
