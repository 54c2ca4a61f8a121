package resultfmt

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/hsu-lapor/rapor/internal/msg"
)

// extFormats maps an output file's extension to the format it holds.
var extFormats = map[string]string{
	".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".parquet": "parquet", ".txt": "table",
}

// ForOut decides the format of a result written to out: the one its extension names, unless
// --format (explicit) says another — that contradiction is an error, as is a file whose
// extension names no format when --format does not either. Without out, format stands.
func ForOut(format string, explicit bool, out string) (string, error) {
	if out == "" {
		return format, nil
	}
	ext := strings.ToLower(filepath.Ext(out))
	byExt, known := extFormats[ext]
	switch {
	case !known && explicit:
		return format, nil
	case !known && ext == ".xls":
		return "", errors.New(msg.T("sql_out_xls", out))
	case !known:
		return "", errors.New(msg.T("sql_out_unknown_ext", out, strings.Join(extList(), ", ")))
	case explicit && format != byExt && !(byExt == "table" && format == "psql"):
		return "", errors.New(msg.T("sql_out_conflict", format, out, byExt))
	case explicit:
		return format, nil
	}
	return byExt, nil
}

func extList() []string {
	return []string{".csv", ".json", ".xlsx", ".parquet", ".txt"}
}
