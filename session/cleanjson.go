package session

import (
	"encoding/json"
	"fmt"
)

// CleanJSON applies CleanText to every string (keys and values) inside a JSON document, so
// that whatever structure an exercise stores, nothing a person typed can carry terminal
// control sequences to another screen or an export.
func CleanJSON(data []byte) ([]byte, error) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("work is not valid JSON: %w", err)
	}
	return json.Marshal(cleanValue(v))
}

func cleanValue(v any) any {
	switch t := v.(type) {
	case string:
		return CleanText(t)
	case []any:
		for i := range t {
			t[i] = cleanValue(t[i])
		}
		return t
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, val := range t {
			out[CleanText(k)] = cleanValue(val)
		}
		return out
	}
	return v
}
