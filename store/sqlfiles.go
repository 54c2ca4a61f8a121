package store

import (
	"io/fs"
	"path"
)

// SQLDir serves the statements a package keeps in .sql files embedded with go:embed: the
// function it returns gives the text of dir/NAME.sql in fsys. A name with no file panics: the
// embedded files are fixed at build time, so that is a bug of the caller, found by any test that
// runs the statement.
func SQLDir(fsys fs.FS, dir string) func(name string) string {
	return func(name string) string {
		b, err := fs.ReadFile(fsys, path.Join(dir, name+".sql"))
		if err != nil {
			panic(err)
		}
		return string(b)
	}
}
