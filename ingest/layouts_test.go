package ingest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Layouts C (Open311) and D (NYC 311) come as mapping files in ingest/layouts, with their own
// date order and source time zone.
func TestLayoutOpen311(t *testing.T) {
	for _, f := range []string{"open311.json", "open311.csv"} {
		t.Run(f, func(t *testing.T) {
			db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
			o := testOptions(t)
			o.Regency = "San Francisco"
			r := ingestOK(t, db, fixtures+f, o)
			if r.Layout != "open311" {
				t.Fatalf("layout %s", r.Layout)
			}
			got := rows(t, db.DB, `SELECT regency, tracking_id, submitted_at, disposed_at, closed_at, last_activity_at, status, agency, category, area,
				has_first_response, extra->>'service_code' FROM complaints ORDER BY tracking_id`)
			want := []string{
				// Closed: updated_datetime is the closing time.
				"San Francisco|638344|2010-04-14T14:37:38Z|2010-04-14T14:37:38Z|2010-04-14T23:37:38Z|2010-04-14T23:37:38Z|closed|Public Works|Sidewalk and Curb Issues|8TH AVE and JUDAH ST|false|006",
				// Open: updated_datetime is activity, not closure.
				"San Francisco|638349|2010-04-19T06:37:38Z|2010-04-19T06:37:38Z|NULL|2010-04-19T09:00:00Z|disposed|Public Works|Graffiti|8TH AVE and JUDAH ST|false|005",
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if f == "open311.json" {
				if r.Rejected != 1 || one(t, db.DB, `SELECT source_row || ':' || reason_code FROM rejects`) != "3:missing_tracking_id" {
					t.Errorf("the request without an id must be rejected as object 3: %+v", r)
				}
				if got := one(t, db.DB, `SELECT body FROM complaints WHERE tracking_id = '638344'`); got != "Retaining wall collapsing. Call me: [HP]" {
					t.Errorf("body %q", got)
				}
			}
		})
	}
}

func TestLayoutNYC311(t *testing.T) {
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	r := ingestOK(t, db, fixtures+"nyc311.csv", testOptions(t))
	if r.Layout != "nyc311" || r.Accepted != 2 || r.Rejected != 1 {
		t.Fatalf("%+v", r)
	}
	got := rows(t, db.DB, `SELECT regency, tracking_id, submitted_at, closed_at, last_activity_at, status, agency, category, channel, area,
		extra->>'Descriptor' FROM complaints ORDER BY tracking_id`)
	want := []string{
		// Month-first, AM/PM, New York winter time (UTC-5).
		"New York City|19806418|2011-03-01T19:27:57Z|2011-03-02T14:15:00Z|2011-03-02T14:15:00Z|closed|Department of Transportation|Street Light Condition|PHONE|BROOKLYN|Street Light Out",
		// Summer time (UTC-4).
		"New York City|57575371|2023-07-05T03:59:00Z|NULL|2023-07-05T04:30:00Z|in_progress|New York City Police Department|Noise - Residential|ONLINE|QUEENS|Loud Music/Party",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// 13/04/2023 is no month-first date.
	if got := rows(t, db.DB, `SELECT column_name || '|' || raw_value || '|' || reason_code FROM rejects`); !reflect.DeepEqual(got, []string{"Created Date|13/04/2023 10:00:00 AM|bad_timestamp"}) {
		t.Errorf("rejects %q", got)
	}
}
