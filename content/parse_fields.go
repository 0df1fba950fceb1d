package content

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// entry is one key and its value as written.
type entry struct {
	key, val *yaml.Node
}

// fields is a mapping's entries by key, in file order.
type fields struct {
	node  *yaml.Node
	what  string
	byKey map[string]entry
	order []string
}

// mapping checks that n is a mapping and collects its entries, reporting keys that are not text,
// merge keys and keys given twice.
func (w *walker) mapping(n *yaml.Node, what string) (*fields, bool) {
	r := w.resolve(n)
	if r.Kind != yaml.MappingNode {
		w.add(n, "%s must be a mapping of keys to values, not %s", what, describe(r))
		return nil, false
	}
	f := &fields{node: n, what: what, byKey: map[string]entry{}}
	for i := 0; i+1 < len(r.Content); i += 2 {
		k, v := r.Content[i], r.Content[i+1]
		kr := w.resolve(k)
		if kr.Kind != yaml.ScalarNode {
			w.add(k, "keys in %s must be text, not %s", what, describe(kr))
			continue
		}
		if kr.Tag == "!!merge" {
			w.add(k, "merge keys (<<) are not supported; write the keys out")
			continue
		}
		name := kr.Value
		if prev, dup := f.byKey[name]; dup {
			w.add(k, "duplicate key %q in %s (first at line %d)", name, what, prev.key.Line)
			continue
		}
		f.byKey[name] = entry{key: k, val: v}
		f.order = append(f.order, name)
	}
	return f, true
}

// allowOnly reports every key of f that is not in allowed.
func (w *walker) allowOnly(f *fields, allowed []string) {
	for _, name := range f.order {
		if !slices.Contains(allowed, name) {
			w.unknownKey(f.byKey[name].key, name, f.what, allowed)
		}
	}
}

func (w *walker) unknownKey(at *yaml.Node, name, what string, allowed []string) {
	if lower := strings.ToLower(name); lower != name && slices.Contains(allowed, lower) {
		w.add(at, "unknown key %q in %s (keys are lowercase: %q)", name, what, lower)
		return
	}
	w.add(at, "unknown key %q in %s%s", name, what, didYouMean(name, allowed))
}

// value returns the value of key when it is present and not empty.
func (w *walker) value(f *fields, key string) (*yaml.Node, bool) {
	e, ok := f.byKey[key]
	if !ok || w.isNull(e.val) {
		return nil, false
	}
	return e.val, true
}

// required returns the value of a key that must be present and not empty, reporting otherwise.
func (w *walker) required(f *fields, key string) (*yaml.Node, bool) {
	e, ok := f.byKey[key]
	if !ok {
		if !w.leftOut[key] {
			w.add(f.node, "missing key %q in %s", key, f.what)
		}
		return nil, false
	}
	if w.isNull(e.val) {
		if !w.leftLines[e.key.Line+1] {
			w.add(e.key, "%s must not be empty", key)
		}
		return nil, false
	}
	return e.val, true
}

// text reads a scalar as text.
func (w *walker) text(key string, v *yaml.Node) (string, bool) {
	r := w.resolve(v)
	if r.Kind != yaml.ScalarNode {
		w.add(v, "%s must be text, not %s", key, describe(r))
		return "", false
	}
	return r.Value, true
}

// requiredText reads a key that must hold non-blank text.
func (w *walker) requiredText(f *fields, key string) (string, *yaml.Node, bool) {
	v, ok := w.required(f, key)
	if !ok {
		return "", nil, false
	}
	s, ok := w.text(key, v)
	if !ok {
		return "", nil, false
	}
	if strings.TrimSpace(s) == "" {
		w.add(v, "%s must not be empty", key)
		return "", nil, false
	}
	return s, v, true
}

// optionalText reads a key that may be absent or empty.
func (w *walker) optionalText(f *fields, key string) string {
	v, ok := w.value(f, key)
	if !ok {
		return ""
	}
	s, _ := w.text(key, v)
	return s
}

// integer reads a whole number in [lo, hi]. unit, if not empty, names what is counted
// ("minutes").
func (w *walker) integer(key string, v *yaml.Node, lo, hi int, unit string) (int, bool) {
	r := w.resolve(v)
	var n int64
	if r.Kind != yaml.ScalarNode || r.Tag != "!!int" || r.Decode(&n) != nil {
		if unit != "" {
			w.add(v, "%s must be a whole number of %s", key, unit)
		} else {
			w.add(v, "%s must be a whole number", key)
		}
		return 0, false
	}
	suffix := ""
	if unit != "" {
		suffix = " " + unit
	}
	switch {
	case n < 0:
		w.add(v, "%s must not be negative", key)
		return 0, false
	case n < int64(lo) || n > int64(hi):
		if lo == 0 {
			w.add(v, "%s must be at most %d%s", key, hi, suffix)
		} else {
			w.add(v, "%s must be between %d and %d%s", key, lo, hi, suffix)
		}
		return 0, false
	}
	return int(n), true
}

// boolean reads true or false.
func (w *walker) boolean(key string, v *yaml.Node) (bool, bool) {
	r := w.resolve(v)
	var b bool
	if r.Kind != yaml.ScalarNode || r.Tag != "!!bool" || r.Decode(&b) != nil {
		w.add(v, "%s must be true or false", key)
		return false, false
	}
	return b, true
}

// count checks the length of a list against [lo, hi].
func (w *walker) count(key string, v *yaml.Node, n, lo, hi int) bool {
	switch {
	case n >= lo && n <= hi:
		return true
	case lo == hi:
		w.add(v, "%s must have exactly %d entries, not %d", key, lo, n)
	case n < lo && lo == 1:
		w.add(v, "%s must have at least one entry", key)
	case lo == 0:
		w.add(v, "%s must have at most %d entries, not %d", key, hi, n)
	default:
		w.add(v, "%s must have between %d and %d entries, not %d", key, lo, hi, n)
	}
	return false
}

// sequence checks that v is a list of between lo and hi entries and returns them. Of a list that
// is too long only the first hi entries are returned, for further checks.
func (w *walker) sequence(key string, v *yaml.Node, lo, hi int) ([]*yaml.Node, bool) {
	r := w.resolve(v)
	if r.Kind != yaml.SequenceNode {
		w.add(v, "%s must be a list, not %s", key, describe(r))
		return nil, false
	}
	ok := w.count(key, v, len(r.Content), lo, hi)
	return r.Content[:min(len(r.Content), hi)], ok
}

// textList reads a list of between lo and hi distinct, non-blank texts.
func (w *walker) textList(key string, v *yaml.Node, lo, hi int) ([]string, bool) {
	items, ok := w.sequence(key, v, lo, hi)
	if items == nil {
		return nil, ok
	}
	out := make([]string, 0, len(items))
	seen := map[string]int{}
	for i, it := range items {
		r := w.resolve(it)
		switch {
		case r.Kind == yaml.ScalarNode && r.Tag == "!!null", r.Kind == yaml.ScalarNode && strings.TrimSpace(r.Value) == "":
			w.add(it, "entry %d of %s is empty", i+1, key)
			ok = false
			continue
		case r.Kind != yaml.ScalarNode:
			w.add(it, "entry %d of %s must be text, not %s", i+1, key, describe(r))
			ok = false
			continue
		}
		norm := strings.TrimSpace(r.Value)
		if line, dup := seen[norm]; dup {
			w.add(it, "duplicate entry %q in %s (first at line %d)", norm, key, line)
			ok = false
			continue
		}
		seen[norm] = it.Line
		out = append(out, r.Value)
	}
	return out, ok
}

// checkID reports an id that does not match idPattern.
func (w *walker) checkID(what, id string, at *yaml.Node) {
	switch {
	case len(id) > maxIDLength:
		w.add(at, "%s %q is longer than %d characters", what, id, maxIDLength)
	case !idPattern.MatchString(id):
		w.add(at, "%s %q may use only lowercase letters, digits and dashes, and must start with a letter or digit", what, id)
	}
}
