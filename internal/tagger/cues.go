package tagger

import (
	"sort"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// cueIndex finds, for a folded word, every kind whose cue stems it starts
// with, as a bit mask, by walking a byte trie of the stems.
type cueIndex struct {
	root  [256]int32 // child of the root by first byte, 0 for none
	nodes []cueNode
	bit   map[string]uint64 // kind -> its bit; at most 63 kinds take part
}

type cueNode struct {
	mask     uint64      // kinds of the stem ending here
	children []int32     // indexes into nodes, one per byte in bytes
	bytes    []byte      //
	dense    *[256]int32 // for nodes with many children: child by byte, 0 for none
}

// computed marks a cached mask as computed (bit 63 is never a kind).
const computed = 1 << 63

func newCueIndex(g *gazetteer.Gazetteer) *cueIndex {
	c := &cueIndex{nodes: []cueNode{{}}, bit: make(map[string]uint64)}
	kinds := make([]string, 0, len(g.Kinds))
	for k := range g.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for i, k := range kinds {
		if i == 63 {
			break
		}
		c.bit[k] = 1 << i
		for _, stem := range g.Kinds[k] {
			c.add(stem, 1<<i)
		}
	}
	for i := range c.nodes {
		if nd := &c.nodes[i]; len(nd.bytes) > 4 {
			nd.dense = new([256]int32)
			for j, b := range nd.bytes {
				nd.dense[b] = nd.children[j]
			}
		}
	}
	return c
}

func (c *cueIndex) add(stem string, bit uint64) {
	n := int32(0)
	for i := 0; i < len(stem); i++ {
		next := c.child(n, stem[i])
		if next < 0 {
			next = int32(len(c.nodes))
			c.nodes = append(c.nodes, cueNode{})
			c.nodes[n].children = append(c.nodes[n].children, next)
			c.nodes[n].bytes = append(c.nodes[n].bytes, stem[i])
		}
		n = next
	}
	c.nodes[n].mask |= bit
	c.root[stem[0]] = c.child(0, stem[0])
}

func (c *cueIndex) child(n int32, b byte) int32 {
	if d := c.nodes[n].dense; d != nil {
		if ch := d[b]; ch != 0 {
			return ch
		}
		return -1
	}
	for i, x := range c.nodes[n].bytes {
		if x == b {
			return c.nodes[n].children[i]
		}
	}
	return -1
}

// mask returns the kinds whose cue stems the folded word key starts with.
func (c *cueIndex) mask(key []byte) uint64 {
	if len(key) == 0 || c.root[key[0]] == 0 {
		return 0
	}
	n := c.root[key[0]]
	m := c.nodes[n].mask
	for _, b := range key[1:] {
		if n = c.child(n, b); n < 0 {
			break
		}
		m |= c.nodes[n].mask
	}
	return m
}
