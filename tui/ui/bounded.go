package ui

import "sync"

// bounded is a map of what sessions draw alike, safe for concurrent use, holding at most size
// entries: past that it starts again empty, which costs one drawing per entry and keeps memory
// flat whatever the screens show. The zero value is ready; size 0 keeps nothing.
type bounded[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// get returns the value kept under k, or draws it with draw, keeps it and returns it. draw
// runs outside the lock: two sessions asking at once may both draw it, and both get the same.
func (b *bounded[K, V]) get(k K, size int, draw func() V) V {
	b.mu.Lock()
	v, ok := b.m[k]
	b.mu.Unlock()
	if ok {
		return v
	}
	v = draw()
	b.mu.Lock()
	if b.m == nil || len(b.m) >= size {
		b.m = map[K]V{}
	}
	b.m[k] = v
	b.mu.Unlock()
	return v
}
