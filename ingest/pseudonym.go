package ingest

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Pseudonymizer turns a reporter's name and phone into a keyed pseudonym (HMAC-SHA256), so that
// repeat complainants can be counted without their identity being stored. The key lives outside
// the database: whoever holds only the database cannot test a guessed name against it.
type Pseudonymizer struct {
	pool sync.Pool
}

// NewPseudonymizer keys a pseudonymizer.
func NewPseudonymizer(key []byte) *Pseudonymizer {
	k := append([]byte(nil), key...)
	return &Pseudonymizer{pool: sync.Pool{New: func() any { return hmac.New(sha256.New, k) }}}
}

// Key returns the pseudonym of a reporter, "" when neither name nor phone identifies anyone.
// A phone number identifies better than a name, so it is used when present.
func (p *Pseudonymizer) Key(name, phone string) string {
	var id string
	if ph := normalisePhone(phone); ph != "" {
		id = "hp:" + ph
	} else if nm := strings.ToLower(strings.Join(strings.Fields(name), " ")); nm != "" && !anonymousName(nm) {
		id = "nama:" + nm
	} else {
		return ""
	}
	return p.mac(id)
}

// Value pseudonymises any personal value (a column of personal data no field claims).
func (p *Pseudonymizer) Value(v string) string {
	return p.mac("nilai:" + strings.ToLower(strings.Join(strings.Fields(v), " ")))
}

// mac is the hex HMAC-SHA256 of id under the installation's key.
func (p *Pseudonymizer) mac(id string) string {
	h := p.pool.Get().(hash.Hash)
	h.Reset()
	h.Write([]byte(id))
	var sum [sha256.Size]byte
	out := hex.EncodeToString(h.Sum(sum[:0]))
	p.pool.Put(h)
	return out
}

func anonymousName(n string) bool {
	switch n {
	case "anonim", "anonymous", "-", "rahasia", "tanpa nama", "hamba allah":
		return true
	}
	return false
}

// normalisePhone reduces a phone number to its digits in international form (62...).
func normalisePhone(s string) string {
	d := make([]byte, 0, 16)
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			d = append(d, s[i])
		}
	}
	switch {
	case len(d) < 6:
		return ""
	case d[0] == '0':
		return "62" + string(d[1:])
	}
	return string(d)
}

// LoadOrCreateSecret reads the installation's pseudonym key from path, creating a new random
// key (readable by the owner only) on first use.
func LoadOrCreateSecret(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		key, derr := hex.DecodeString(strings.TrimSpace(string(b)))
		if derr != nil || len(key) < 16 {
			return nil, fmt.Errorf("pseudonym key %s: not a hex key of at least 16 bytes", path)
		}
		return key, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) { // another process created it first
			return LoadOrCreateSecret(path)
		}
		return nil, fmt.Errorf("pseudonym key: %w", err)
	}
	_, err = f.WriteString(hex.EncodeToString(key) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("pseudonym key %s: %w", path, err)
	}
	return key, nil
}

// DefaultSecretPath is where the key lives when the configuration names none: in the user's
// configuration directory, not beside the database, so that copying the database does not copy it.
func DefaultSecretPath() string {
	dir, err := os.UserConfigDir()
	if err != nil || dir == "" {
		dir = "."
	}
	return filepath.Join(dir, "rapor", "secret.key")
}
