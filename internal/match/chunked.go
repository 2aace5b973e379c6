package match

// chunked is an append-only sequence kept in blocks, for the builder's
// per-target arrays: it grows without copying and needs no reservation,
// where a slice reserved for a guessed count held a quarter more than a
// million aliases need, and growing it would have held two copies at once.
type chunked[T any] struct {
	blocks [][]T
	n      int
}

// blockLen is the number of elements in a block.
const blockLen = 1 << 16

func (c *chunked[T]) add(v T) {
	if c.n%blockLen == 0 {
		c.blocks = append(c.blocks, make([]T, 0, blockLen))
	}
	last := &c.blocks[len(c.blocks)-1]
	*last = append(*last, v)
	c.n++
}
