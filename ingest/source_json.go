package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// jsonSource reads a JSON array of flat objects (Open311 GeoReport v2 service requests) as a
// table: the header is the union of the objects' keys in order of first appearance, and a
// record's row number is the object's position in the array (1-based).
type jsonSource struct {
	f      *os.File
	dec    *json.Decoder
	header []string
	index  map[string]int
	row    int64
	size   int64
	sent   bool
}

func openJSON(path string) (*jsonSource, error) {
	header, err := jsonKeys(path)
	if err != nil {
		return nil, &NotTableError{path, "JSON: " + err.Error()}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, _ := f.Stat()
	dec := json.NewDecoder(bufio.NewReader(f))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil { // the opening [
		f.Close()
		return nil, &NotTableError{path, "JSON: " + err.Error()}
	}
	s := &jsonSource{f: f, dec: dec, header: header, index: map[string]int{}, size: st.Size()}
	for i, h := range header {
		s.index[h] = i
	}
	return s, nil
}

// jsonKeys makes a first pass collecting every key, so that an object's keys missing from the
// first object are not lost.
func jsonKeys(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, errors.New("expected an array of objects")
	}
	seen := map[string]bool{}
	var keys []string
	for dec.More() {
		obj, err := readObject(dec)
		if err != nil {
			return nil, err
		}
		for _, kv := range obj {
			if !seen[kv[0]] {
				seen[kv[0]] = true
				keys = append(keys, kv[0])
			}
		}
	}
	if len(keys) == 0 {
		return nil, errors.New("no objects")
	}
	return keys, nil
}

// readObject reads one object as ordered key/value text pairs.
func readObject(dec *json.Decoder) ([][2]string, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("expected an object, got %v", tok)
	}
	var out [][2]string
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := kt.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		out = append(out, [2]string{key, jsonText(raw)})
	}
	if _, err := dec.Token(); err != nil { // the closing }
		return nil, err
	}
	return out, nil
}

// jsonText is a value as a table cell: strings unquoted, null empty, anything else as JSON.
func jsonText(raw json.RawMessage) string {
	t := bytes.TrimSpace(raw)
	switch {
	case len(t) == 0 || string(t) == "null":
		return ""
	case t[0] == '"':
		var s string
		if json.Unmarshal(t, &s) == nil {
			return s
		}
	}
	return string(t)
}

func (s *jsonSource) Next() (int64, []string, error) {
	if !s.sent {
		s.sent = true
		return 0, append([]string(nil), s.header...), nil
	}
	if !s.dec.More() {
		return 0, nil, io.EOF
	}
	obj, err := readObject(s.dec)
	s.row++
	if err != nil {
		return s.row, nil, fmt.Errorf("JSON object %d: %w", s.row, err)
	}
	rec := make([]string, len(s.header))
	for _, kv := range obj {
		rec[s.index[kv[0]]] = strings.TrimSpace(kv[1])
	}
	return s.row, rec, nil
}

func (s *jsonSource) Progress() (int64, int64) { return s.dec.InputOffset(), s.size }
func (s *jsonSource) Format() string           { return "json" }
func (s *jsonSource) Serial() bool             { return false }
func (s *jsonSource) Date1904() bool           { return false }
func (s *jsonSource) Close() error             { return s.f.Close() }
