package topic

// automaton is an Aho-Corasick automaton over the letters a–z that finds
// every infix pattern ("*wahl") inside a folded word in one pass. Any other
// byte sends it back to the start.
type automaton struct {
	next [][26]int32 // goto and failure transitions, complete after build
	fail []int32
	out  [][]int32 // pattern ids ending in each state (incl. via failure links)
}

func newAutomaton() *automaton {
	return &automaton{next: make([][26]int32, 1), fail: []int32{0}, out: [][]int32{nil}}
}

func letter(b byte) int { return int(b) - 'a' }

// add inserts a pattern; patterns with bytes outside a–z are ignored.
func (a *automaton) add(key string, id int32) {
	for i := 0; i < len(key); i++ {
		if key[i] < 'a' || key[i] > 'z' {
			return
		}
	}
	s := int32(0)
	for i := 0; i < len(key); i++ {
		c := letter(key[i])
		if a.next[s][c] == 0 {
			a.next = append(a.next, [26]int32{})
			a.fail = append(a.fail, 0)
			a.out = append(a.out, nil)
			a.next[s][c] = int32(len(a.next) - 1)
		}
		s = a.next[s][c]
	}
	a.out[s] = append(a.out[s], id)
}

// build computes failure links breadth first and completes the
// transitions; call once after all adds.
func (a *automaton) build() {
	queue := []int32{}
	for c := 0; c < 26; c++ {
		if s := a.next[0][c]; s != 0 {
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c := 0; c < 26; c++ {
			t := a.next[s][c]
			if t == 0 {
				a.next[s][c] = a.next[a.fail[s]][c]
				continue
			}
			a.fail[t] = a.next[a.fail[s]][c]
			a.out[t] = append(a.out[t], a.out[a.fail[t]]...)
			queue = append(queue, t)
		}
	}
	// Mark transitions into states with output by negating them, so that
	// scan touches a.out only where a pattern ends.
	for s := range a.next {
		for c, t := range a.next[s] {
			if len(a.out[t]) > 0 {
				a.next[s][c] = -t
			}
		}
	}
}

// scan appends the ids of all patterns occurring in key to dst.
func (a *automaton) scan(key []byte, dst []int32) []int32 {
	s := int32(0)
	for _, b := range key {
		if b < 'a' || b > 'z' {
			s = 0
			continue
		}
		if s = a.next[s][letter(b)]; s < 0 {
			s = -s
			dst = append(dst, a.out[s]...)
		}
	}
	return dst
}
