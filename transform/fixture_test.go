package transform

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
)

// The fixture testdata/metrics (see its README.md for the complaints) is ingested with the real
// ingest package and built; every expected number below is worked out by hand from metrics.md.
//
// Configuration: R = 5 working days, V = 3, C = 60 calendar days, weights 0.35 (on-time
// response) / 0.25 (completion) / 0.25 (on-time completion) / 0.15 (satisfaction), zones
// hijau >= 81, kuning >= 51, min_sample 3; master list "Dinas PUPR" with aliases
// "Dinas Pekerjaan Umum dan Penataan Ruang" and "DPUPR".
//
// Working days used below (2025, after the built-in holidays):
//   Feb: 3-7, 10-14, 17-21, 24-28 (no holiday)
//   Mar: 3-7, 10-14, 17-21, 24-27 (28 cuti bersama Nyepi, 29 Nyepi, 31 Idul Fitri)
//   Apr: 8-11, 14-17, 21-25, 28-30 (1 Idul Fitri, 2-4 and 7 cuti bersama, 18 Wafat Yesus Kristus)
//   May: 2, 5-9, 14-16, 19-23, 26-28
// as_of = K9's last activity, 2025-05-20 10:00 WIB = 11:00 WITA = 03:00 UTC; as_of's date 05-20.

const (
	wOTR = 0.35 // on-time response
	wCR  = 0.25 // completion
	wOTC = 0.25 // on-time completion
	wSat = 0.15 // satisfaction
)

func fixtureConfig(t testing.TB) config.Config {
	t.Helper()
	cfg, err := config.Load("testdata/metrics/rapor.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

type want map[string]any

// monthEnd is the last instant of a local (WITA, UTC+8) month, in UTC.
func monthEnd(y int, m time.Month) time.Time {
	return time.Date(y, m+1, 1, 0, 0, 0, 0, time.FixedZone("WITA", 8*3600)).Add(-time.Microsecond).UTC()
}

var fixtureAsOf = time.Date(2025, 5, 20, 3, 0, 0, 0, time.UTC)

// Stock and flags of each month: maturing when as_of's date minus the month's last day < 60.
var monthFlags = map[string]want{
	"2025-02-01": {"stock_at": monthEnd(2025, 2), "maturing": false, "complete": true}, // 05-20 - 02-28 = 81 days
	"2025-03-01": {"stock_at": monthEnd(2025, 3), "maturing": true, "complete": true},  // 50 days
	"2025-04-01": {"stock_at": monthEnd(2025, 4), "maturing": true, "complete": true},  // 20 days
	"2025-05-01": {"stock_at": fixtureAsOf, "maturing": true, "complete": false},       // not over at as_of
}

// agencyMonthA is agency_month for layout A, keyed by month and agency.
var agencyMonthA = map[[2]string]want{
	// Feb, Dinas Kesehatan: K1 K2 K3 K4 (K3 is spelled "dinas kesehatan").
	// responded K1 K2 K4; on time only K1 (wd 5; K2 wd 6; K4 answered before disposition: invalid).
	// closed K1 (cd 60, on time) K2 (cd 61, late) K4 (cd 31); ratings 5 and 4.
	// response wd over valid pairs [5, 6]: median 5.5, p90 5 + 0.9*(6-5) = 5.9; close days [31 60 61]: median 60.
	// Stock 02-28: all four open (K1, K2 close in April, K4 on 03-20); none past 60 days;
	// K3 unanswered and wd(02-10, 02-28) = 14 > 5.
	{"2025-02-01", "Dinas Kesehatan"}: {
		"received": 4, "response_base": 4, "responded": 3, "responded_on_time": 1, "closed": 3, "closed_on_time": 2,
		"rated": 2, "rating_avg": 4.5, "response_wd_median": 5.5, "response_wd_p90": 5.9, "close_days_median": 60.0,
		"response_rate": 0.75, "on_time_response_rate": 0.25, "completion_rate": 0.75, "on_time_completion_rate": 0.5,
		"satisfaction": 0.875, "open_end": 4, "overdue_end": 0, "unanswered_overdue_end": 1,
		"score": 100 * (wOTR*0.25 + wCR*0.75 + wOTC*0.5 + wSat*0.875), // 53.125
		"zone":  "kuning", "rank": 2, "rank_change": nil, "small_sample": false,
	},
	// Feb, Dinas Pendidikan: D1 (wd 1) D2 (wd 5) D3 (wd 0) all on time; closed D1 (cd 16) D2 (cd 21);
	// rating 3. response wd [0 1 5]: median 1, p90 1 + 0.8*(5-1) = 4.2; close [16 21]: 18.5. Open 02-28: D3.
	{"2025-02-01", "Dinas Pendidikan"}: {
		"received": 3, "response_base": 3, "responded": 3, "responded_on_time": 3, "closed": 2, "closed_on_time": 2,
		"rated": 1, "rating_avg": 3.0, "response_wd_median": 1.0, "response_wd_p90": 4.2, "close_days_median": 18.5,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 2.0 / 3, "on_time_completion_rate": 2.0 / 3,
		"satisfaction": 0.5, "open_end": 1, "overdue_end": 0, "unanswered_overdue_end": 0,
		"score": 100 * (wOTR*1 + wCR*2/3 + wOTC*2/3 + wSat*0.5), // 75.8333...
		"zone":  "kuning", "rank": 1, "rank_change": nil, "small_sample": false,
	},
	// Feb, Dinas Sosial: S1 alone. Its three spellings (Dinas Sosial, DINAS SOSIAL, dinas sosial) are
	// used once each: the name shown is the alphabetically first, "DINAS SOSIAL". 1 < min_sample: unranked.
	{"2025-02-01", "DINAS SOSIAL"}: {
		"received": 1, "response_base": 1, "responded": 1, "responded_on_time": 1, "closed": 1, "closed_on_time": 1,
		"rated": 1, "rating_avg": 5.0, "response_wd_median": 0.0, "response_wd_p90": 0.0, "close_days_median": 3.0,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 1.0, "on_time_completion_rate": 1.0,
		"satisfaction": 1.0, "open_end": 0, "overdue_end": 0, "unanswered_overdue_end": 0,
		"score": 100.0, "zone": "hijau", "rank": nil, "rank_change": nil, "small_sample": true,
	},
	// Feb, Dinas PUPR (master name; P1 P2 written "Dinas Pekerjaan Umum dan Penataan Ruang", P3 "DPUPR").
	// P1 never answered, closed 02-28 (cd 25); P2 answered wd 13 (late); P3 answered 04-08: wd(02-24, 04-08)
	// = 4 (Feb) + 19 (Mar) + 1 (Apr 8) = 24 (late). No rating: satisfaction drops out, weights / 0.85.
	// response wd [13 24]: median 18.5, p90 13 + 0.9*11 = 22.9. Open 02-28: P2 P3 (P1 closed 10:00 WIB).
	// P3 unanswered but wd(02-24, 02-28) = 4, not > 5.
	{"2025-02-01", "Dinas PUPR"}: {
		"received": 3, "response_base": 3, "responded": 2, "responded_on_time": 0, "closed": 1, "closed_on_time": 1,
		"rated": 0, "rating_avg": nil, "response_wd_median": 18.5, "response_wd_p90": 22.9, "close_days_median": 25.0,
		"response_rate": 2.0 / 3, "on_time_response_rate": 0.0, "completion_rate": 1.0 / 3, "on_time_completion_rate": 1.0 / 3,
		"satisfaction": nil, "open_end": 2, "overdue_end": 0, "unanswered_overdue_end": 0,
		"score": 100 * (wOTR*0 + wCR/3 + wOTC/3) / (wOTR + wCR + wOTC), // 19.6078...
		"zone":  "merah", "rank": 3, "rank_change": nil, "small_sample": false,
	},
	// Mar: all three agencies answer on the next working day and close in 7 days: score 100 each.
	// Ties on score and on-time response rate: Dinas PUPR has most complaints (4) and ranks 1; Dinas
	// Kesehatan and Dinas Pendidikan (3 each) are ordered by name. rank_change = Feb rank - Mar rank.
	// Dinas PUPR: open 03-31 P2, P3; P3 unanswered, wd(02-24, 03-31) = 23 > 5. None past 60 days
	// (P2: cd(02-03, 03-31) = 56).
	{"2025-03-01", "Dinas PUPR"}: {
		"received": 4, "response_base": 4, "responded": 4, "responded_on_time": 4, "closed": 4, "closed_on_time": 4,
		"rated": 0, "rating_avg": nil, "response_wd_median": 1.0, "response_wd_p90": 1.0, "close_days_median": 7.0,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 1.0, "on_time_completion_rate": 1.0,
		"satisfaction": nil, "open_end": 2, "overdue_end": 0, "unanswered_overdue_end": 1,
		"score": 100.0, "zone": "hijau", "rank": 1, "rank_change": 2, "small_sample": false,
	},
	// Dinas Kesehatan (K6 is spelled "DINAS  KESEHATAN "): open 03-31 K1, K2, K3; K3 unanswered.
	{"2025-03-01", "Dinas Kesehatan"}: {
		"received": 3, "response_base": 3, "responded": 3, "responded_on_time": 3, "closed": 3, "closed_on_time": 3,
		"rated": 0, "rating_avg": nil, "response_wd_median": 1.0, "response_wd_p90": 1.0, "close_days_median": 7.0,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 1.0, "on_time_completion_rate": 1.0,
		"satisfaction": nil, "open_end": 3, "overdue_end": 0, "unanswered_overdue_end": 1,
		"score": 100.0, "zone": "hijau", "rank": 2, "rank_change": 0, "small_sample": false,
	},
	// Dinas Pendidikan: D6 disposed Thu 03-27, answered Tue 04-08: 03-28 (cuti bersama), 03-31 and
	// 04-01 (Idul Fitri), 04-02..04-04 and 04-07 (cuti bersama) are not worked: wd = 1. Closed 04-10
	// (cd 14). close days [7 7 14]: median 7. Open 03-31: D3 and D6 (D6 answered after 03-31 but
	// wd(03-27, 03-31) = 0).
	{"2025-03-01", "Dinas Pendidikan"}: {
		"received": 3, "response_base": 3, "responded": 3, "responded_on_time": 3, "closed": 3, "closed_on_time": 3,
		"rated": 3, "rating_avg": 5.0, "response_wd_median": 1.0, "response_wd_p90": 1.0, "close_days_median": 7.0,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 1.0, "on_time_completion_rate": 1.0,
		"satisfaction": 1.0, "open_end": 2, "overdue_end": 0, "unanswered_overdue_end": 0,
		"score": 100.0, "zone": "hijau", "rank": 3, "rank_change": -2, "small_sample": false,
	},
	// Apr, Dinas Kesehatan: K8 answered (wd 1) and closed (cd 7); K9 answered (wd 1), still open.
	// No rating: score = 100 * (0.35*1 + 0.25*0.5 + 0.25*0.5) / 0.85 = 70.588 (55 without rescaling).
	// Open 04-30: K3 (cd(02-10, 04-30) = 79 > 60: overdue; unanswered) and K9.
	{"2025-04-01", "Dinas Kesehatan"}: {
		"received": 2, "response_base": 2, "responded": 2, "responded_on_time": 2, "closed": 1, "closed_on_time": 1,
		"rated": 0, "rating_avg": nil, "response_wd_median": 1.0, "response_wd_p90": 1.0, "close_days_median": 7.0,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 0.5, "on_time_completion_rate": 0.5,
		"satisfaction": nil, "open_end": 2, "overdue_end": 1, "unanswered_overdue_end": 1,
		"score": 100 * (wOTR*1 + wCR*0.5 + wOTC*0.5) / (wOTR + wCR + wOTC),
		"zone":  "kuning", "rank": nil, "rank_change": nil, "small_sample": true,
	},
	// Apr, DINAS SOSIAL: S2 answered (wd 1); status Selesai but no closing date: not closed.
	{"2025-04-01", "DINAS SOSIAL"}: {
		"received": 1, "response_base": 1, "responded": 1, "responded_on_time": 1, "closed": 0, "closed_on_time": 0,
		"rated": 0, "rating_avg": nil, "response_wd_median": 1.0, "response_wd_p90": 1.0, "close_days_median": nil,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 0.0, "on_time_completion_rate": 0.0,
		"satisfaction": nil, "open_end": 1, "overdue_end": 0, "unanswered_overdue_end": 0,
		"score": 100 * wOTR / (wOTR + wCR + wOTC), "zone": "merah", "rank": nil, "rank_change": nil, "small_sample": true,
	},
	// May, DINAS SOSIAL: S3 never answered, open. Stock at as_of: S2, S3 (wd(05-19, 05-20) = 1: not overdue).
	{"2025-05-01", "DINAS SOSIAL"}: {
		"received": 1, "response_base": 1, "responded": 0, "responded_on_time": 0, "closed": 0, "closed_on_time": 0,
		"rated": 0, "rating_avg": nil, "response_wd_median": nil, "response_wd_p90": nil, "close_days_median": nil,
		"response_rate": 0.0, "on_time_response_rate": 0.0, "completion_rate": 0.0, "on_time_completion_rate": 0.0,
		"satisfaction": nil, "open_end": 2, "overdue_end": 0, "unanswered_overdue_end": 0,
		"score": 0.0, "zone": "merah", "rank": nil, "rank_change": nil, "small_sample": true,
	},
}

// regencyMonthA is regency_month for layout A.
var regencyMonthA = map[string]want{
	// Feb submissions (local): K1-K4, D1-D3, S1, P1-P3, U1, U2 = 13 (U3, 02-28 23:30 WIB, is 03-01 00:30
	// WITA). Disposed 11, within 3 working days 10 (P3: wd(02-18, 02-24) = 4). Archived: U2.
	// Undisposed at 02-28: U1, U2 (archived 03-03).
	// Cohort: the four agencies. response wd [0 0 1 5 5 6 13 24]: median 5, p90 13 + 0.3*11 = 16.3;
	// close days [3 16 21 25 31 60 61]: median 25. Ratings 5 4 3 5: mean 4.25.
	"2025-02-01": {
		"agencies": 4, "agencies_ranked": 3, "submitted": 13, "verified_on_time": 10, "verified_on_time_rate": 10.0 / 13,
		"disposed": 11, "archived": 1, "undisposed_end": 2,
		"received": 11, "response_base": 11, "responded": 9, "responded_on_time": 5, "closed": 7, "closed_on_time": 6,
		"rated": 4, "rating_avg": 4.25, "response_wd_median": 5.0, "response_wd_p90": 16.3, "close_days_median": 25.0,
		"response_rate": 9.0 / 11, "on_time_response_rate": 5.0 / 11, "completion_rate": 7.0 / 11, "on_time_completion_rate": 6.0 / 11,
		"satisfaction": 0.8125, "open_end": 7, "overdue_end": 0, "unanswered_overdue_end": 1,
		"score": 100 * (wOTR*5/11 + wCR*7/11 + wOTC*6/11 + wSat*0.8125), "zone": "kuning", "small_sample": false,
	},
	// Mar submissions: U3, P4-P7, K5-K7, D4-D6, X1 = 12; disposed 10, all the same day. Undisposed at
	// 03-31: U1, U3, X1 (closed without disposition still counts: the spec's definition).
	// Open 03-31: K1 K2 K3, D3 D6, P2 P3 = 7; unanswered past 5 wd: K3, P3.
	"2025-03-01": {
		"agencies": 3, "agencies_ranked": 3, "submitted": 12, "verified_on_time": 10, "verified_on_time_rate": 10.0 / 12,
		"disposed": 10, "archived": 0, "undisposed_end": 3,
		"received": 10, "response_base": 10, "responded": 10, "responded_on_time": 10, "closed": 10, "closed_on_time": 10,
		"rated": 3, "rating_avg": 5.0, "response_wd_median": 1.0, "response_wd_p90": 1.0, "close_days_median": 7.0,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 1.0, "on_time_completion_rate": 1.0,
		"satisfaction": 1.0, "open_end": 7, "overdue_end": 0, "unanswered_overdue_end": 2,
		"score": 100.0, "zone": "hijau", "small_sample": false,
	},
	// Apr: K8 K9 S2. Open 04-30: K3 K9, D3, P2 P3, S2 = 6; overdue (cd > 60): K3 79, D3 83, P2 86, P3 65.
	"2025-04-01": {
		"agencies": 2, "agencies_ranked": 0, "submitted": 3, "verified_on_time": 3, "verified_on_time_rate": 1.0,
		"disposed": 3, "archived": 0, "undisposed_end": 3,
		"received": 3, "response_base": 3, "responded": 3, "responded_on_time": 3, "closed": 1, "closed_on_time": 1,
		"rated": 0, "rating_avg": nil, "response_wd_median": 1.0, "response_wd_p90": 1.0, "close_days_median": 7.0,
		"response_rate": 1.0, "on_time_response_rate": 1.0, "completion_rate": 1.0 / 3, "on_time_completion_rate": 1.0 / 3,
		"satisfaction": nil, "open_end": 6, "overdue_end": 4, "unanswered_overdue_end": 1,
		"score": 100 * (wOTR + wCR/3 + wOTC/3) / (wOTR + wCR + wOTC), "zone": "kuning", "small_sample": false,
	},
	// May: S3. Stock at as_of: the six of April's end still open (K3 K9 D3 P2 P3 S2) and S3.
	"2025-05-01": {
		"agencies": 1, "agencies_ranked": 0, "submitted": 1, "verified_on_time": 1, "verified_on_time_rate": 1.0,
		"disposed": 1, "archived": 0, "undisposed_end": 3,
		"received": 1, "response_base": 1, "responded": 0, "responded_on_time": 0, "closed": 0, "closed_on_time": 0,
		"rated": 0, "rating_avg": nil, "response_wd_median": nil, "response_wd_p90": nil, "close_days_median": nil,
		"response_rate": 0.0, "on_time_response_rate": 0.0, "completion_rate": 0.0, "on_time_completion_rate": 0.0,
		"satisfaction": nil, "open_end": 7, "overdue_end": 4, "unanswered_overdue_end": 1,
		"score": 0.0, "zone": "merah", "small_sample": true,
	},
}

// agencyPeriodA holds some agency_period rows, keyed by period type, period and agency.
var agencyPeriodA = map[[3]string]want{
	// 2025-Q1 = Feb + Mar cohorts, computed from the complaints: Dinas Kesehatan response wd
	// [1 1 1 5 6]: median 1, p90 (h = 3.6) 5 + 0.6 = 5.6 (not an average of monthly medians);
	// close days [7 7 7 31 60 61]: median 7 + 0.5*(31-7) = 19. Stock at 03-31.
	{"quarter", "2025-Q1", "Dinas Kesehatan"}: {
		"period_start": "2025-01-01", "period_end": "2025-03-31", "received": 7, "responded": 6, "responded_on_time": 4,
		"closed": 6, "closed_on_time": 5, "rated": 2, "rating_avg": 4.5, "response_wd_median": 1.0,
		"response_wd_p90": 5.6, "close_days_median": 19.0, "open_end": 3, "overdue_end": 0, "unanswered_overdue_end": 1,
		"score": 100 * (wOTR*4/7 + wCR*6/7 + wOTC*5/7 + wSat*0.875), "zone": "kuning", "rank": 2, "rank_change": nil,
		"stock_at": monthEnd(2025, 3), "maturing": true, "complete": true,
	},
	// Dinas Pendidikan Q1: response wd [0 1 1 1 1 5]: median 1, p90 (h = 4.5) 1 + 0.5*4 = 3; close [7 7 14 16 21]: 14.
	{"quarter", "2025-Q1", "Dinas Pendidikan"}: {
		"received": 6, "responded": 6, "responded_on_time": 6, "closed": 5, "closed_on_time": 5, "rated": 4,
		"rating_avg": 4.5, "response_wd_median": 1.0, "response_wd_p90": 3.0, "close_days_median": 14.0,
		"score": 100 * (wOTR + wCR*5/6 + wOTC*5/6 + wSat*0.875), "zone": "hijau", "rank": 1,
	},
	// Dinas PUPR Q1: response wd [1 1 1 1 13 24]: median 1, p90 13 + 0.5*11 = 18.5; close [7 7 7 7 25]: 7.
	{"quarter", "2025-Q1", "Dinas PUPR"}: {
		"received": 7, "responded": 6, "responded_on_time": 4, "closed": 5, "closed_on_time": 5, "rated": 0,
		"rating_avg": nil, "response_wd_median": 1.0, "response_wd_p90": 18.5, "close_days_median": 7.0,
		"open_end": 2, "unanswered_overdue_end": 1,
		"score": 100 * (wOTR*4/7 + wCR*5/7 + wOTC*5/7) / (wOTR + wCR + wOTC), "zone": "kuning", "rank": 3,
	},
	{"quarter", "2025-Q1", "DINAS SOSIAL"}: {"received": 1, "rank": nil, "small_sample": true},
	// Q2 is not over at as_of: stock at as_of.
	{"quarter", "2025-Q2", "Dinas Kesehatan"}: {
		"period_end": "2025-06-30", "received": 2, "rank": nil, "rank_change": nil, "stock_at": fixtureAsOf,
		"complete": false, "maturing": true, "open_end": 2, "overdue_end": 1,
	},
	// Rolling 12 months ending May: Dinas Kesehatan's 9 complaints. response wd [1 1 1 1 1 5 6]:
	// median 1, p90 (h = 5.4) 5 + 0.4 = 5.4; close [7 7 7 7 31 60 61]: 7. Stock at as_of: K3 (overdue,
	// unanswered), K9.
	{"rolling_12m", "2024-06..2025-05", "Dinas Kesehatan"}: {
		"period_start": "2024-06-01", "period_end": "2025-05-31", "end_month": "2025-05-01",
		"received": 9, "responded": 8, "responded_on_time": 6, "closed": 7, "closed_on_time": 6, "rated": 2,
		"response_wd_median": 1.0, "response_wd_p90": 5.4, "close_days_median": 7.0,
		"open_end": 2, "overdue_end": 1, "unanswered_overdue_end": 1,
		"score": 100 * (wOTR*6/9 + wCR*7/9 + wOTC*6/9 + wSat*0.875), "rank": 2, "rank_change": 0,
	},
	// DINAS SOSIAL reaches 3 complaints (S1 S2 S3) in this window: ranked 4th; in the window ending
	// April it had 2 and was unranked, so no rank_change.
	{"rolling_12m", "2024-06..2025-05", "DINAS SOSIAL"}: {
		"received": 3, "responded": 2, "responded_on_time": 2, "closed": 1, "closed_on_time": 1, "rated": 1,
		"score": 100 * (wOTR*2/3 + wCR/3 + wOTC/3 + wSat*1), "zone": "kuning", "rank": 4, "rank_change": nil,
		"small_sample": false,
	},
	{"rolling_12m", "2024-06..2025-05", "Dinas Pendidikan"}: {"received": 6, "rank": 1, "rank_change": 0},
	{"rolling_12m", "2024-06..2025-05", "Dinas PUPR"}:       {"received": 7, "rank": 3, "rank_change": 0},
	{"rolling_12m", "2024-05..2025-04", "DINAS SOSIAL"}:     {"received": 2, "rank": nil, "small_sample": true},
	// Rolling 3 months ending April = Feb..Apr.
	{"rolling_3m", "2025-02..2025-04", "Dinas Kesehatan"}: {"received": 9, "period_start": "2025-02-01"},
	{"year", "2025", "Dinas PUPR"}:                        {"received": 7, "period_start": "2025-01-01", "period_end": "2025-12-31", "complete": false},
}

func TestFixtureLayoutA(t *testing.T) {
	cfg := fixtureConfig(t)
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, "testdata/metrics/layout_a.csv")
	res := build(t, db, cfg, keepFacts())
	if !res.AsOf.Equal(fixtureAsOf) {
		t.Errorf("as_of = %s, want %s", res.AsOf, fixtureAsOf)
	}

	rows := queryMaps(t, db.DB, `SELECT * FROM agency_month`)
	if len(rows) != len(agencyMonthA) {
		t.Errorf("agency_month has %d rows, want %d", len(rows), len(agencyMonthA))
	}
	for _, r := range rows {
		key := [2]string{dateString(r["month"]), r["agency"].(string)}
		w, ok := agencyMonthA[key]
		if !ok {
			t.Errorf("unexpected agency_month row %v", key)
			continue
		}
		checkRow(t, fmt.Sprint(key), r, w)
		checkRow(t, fmt.Sprint(key), r, monthFlags[key[0]])
		if r["regency"] != "Hulu Sungai Utara" {
			t.Errorf("%v: regency %v", key, r["regency"])
		}
	}

	rows = queryMaps(t, db.DB, `SELECT * FROM regency_month`)
	if len(rows) != len(regencyMonthA) {
		t.Errorf("regency_month has %d rows, want %d", len(rows), len(regencyMonthA))
	}
	for _, r := range rows {
		m := dateString(r["month"])
		w, ok := regencyMonthA[m]
		if !ok {
			t.Errorf("unexpected regency_month row %s", m)
			continue
		}
		checkRow(t, "regency "+m, r, w)
		checkRow(t, "regency "+m, r, monthFlags[m])
	}

	for key, w := range agencyPeriodA {
		rows := queryMaps(t, db.DB, `SELECT * FROM agency_period WHERE period_type = ? AND period = ? AND agency = ?`, key[0], key[1], key[2])
		if len(rows) != 1 {
			t.Errorf("agency_period %v: %d rows", key, len(rows))
			continue
		}
		checkRow(t, fmt.Sprint(key), rows[0], w)
	}

	// The regency's Q1: 13 + 12 submitted, 21 received; rolling windows exist for Feb..May.
	rp := queryMaps(t, db.DB, `SELECT * FROM regency_period WHERE period_type = 'quarter' AND period = '2025-Q1'`)
	if len(rp) != 1 {
		t.Fatalf("regency_period 2025-Q1: %d rows", len(rp))
	}
	checkRow(t, "regency Q1", rp[0], want{"submitted": 25, "verified_on_time": 20, "disposed": 21, "archived": 1,
		"received": 21, "undisposed_end": 3, "open_end": 7, "agencies": 4, "agencies_ranked": 3})
	var windows int
	db.QueryRow(`SELECT count(*) FROM regency_period WHERE period_type = 'rolling_12m'`).Scan(&windows)
	if windows != 4 {
		t.Errorf("rolling_12m windows = %d, want 4 (ending Feb, Mar, Apr, May)", windows)
	}

	// Complaint facts: the time-zone edge, archiving, the invalid pair, Idul Fitri.
	facts := map[string]want{
		"HSU-U3": {"submitted_date": "2025-03-01", "submitted_month": "2025-03-01", "status": "unknown"},
		"HSU-U2": {"archived_at": time.Date(2025, 3, 3, 2, 0, 0, 0, time.UTC), "status": "archived"},
		"HSU-K4": {"response_invalid": true, "response_wd": nil, "responded_on_time": false, "verify_wd": 3, "verified_on_time": true},
		"HSU-P3": {"verify_wd": 4, "verified_on_time": false, "response_wd": 24, "agency": "Dinas PUPR"},
		"HSU-D6": {"response_wd": 1, "responded_on_time": true, "close_days": 14},
		"HSU-K1": {"close_days": 60, "closed_on_time": true, "response_wd": 5, "responded_on_time": true},
		"HSU-K2": {"close_days": 61, "closed_on_time": false, "response_wd": 6, "responded_on_time": false},
		"HSU-K6": {"agency": "Dinas Kesehatan"},
		"HSU-X1": {"in_cohort": false, "disposed_at": nil},
	}
	for id, w := range facts {
		rows := queryMaps(t, db.DB, `SELECT f.*, n.agency FROM test_facts AS f LEFT JOIN (SELECT DISTINCT agency_id, agency FROM agency_names) AS n USING (agency_id) WHERE tracking_id = ?`, id)
		if len(rows) != 1 {
			t.Errorf("complaint_facts %s: %d rows", id, len(rows))
			continue
		}
		checkRow(t, id, rows[0], w)
	}

	// Open at as_of (05-20): K3 K9, D3, P2 P3, S2 S3. K3: cd(02-10, 05-20) = 99 > 60, unanswered;
	// wd(02-10, 05-20) = 14 (Feb) + 19 (Mar) + 16 (Apr) + 11 (May 2, 5-9, 14-16, 19-20) = 60.
	open := map[string]want{
		"HSU-K3": {"agency": "Dinas Kesehatan", "open_days": 99, "open_wd": 60, "overdue": true, "unanswered_overdue": true},
		"HSU-K9": {"open_days": 36, "overdue": false, "unanswered_overdue": false},
		"HSU-D3": {"agency": "Dinas Pendidikan", "open_days": 103, "overdue": true, "unanswered_overdue": false},
		"HSU-P2": {"agency": "Dinas PUPR", "overdue": true},
		"HSU-P3": {"agency": "Dinas PUPR", "open_days": 85, "overdue": true, "unanswered_overdue": false},
		"HSU-S2": {"agency": "DINAS SOSIAL", "open_days": 29, "overdue": false},
		"HSU-S3": {"open_days": 1, "open_wd": 1, "overdue": false, "unanswered_overdue": false},
	}
	rows = queryMaps(t, db.DB, `SELECT * FROM open_complaints`)
	if len(rows) != len(open) {
		t.Errorf("open_complaints has %d rows, want %d", len(rows), len(open))
	}
	for _, r := range rows {
		w, ok := open[r["tracking_id"].(string)]
		if !ok {
			t.Errorf("unexpected open complaint %v", r["tracking_id"])
			continue
		}
		checkRow(t, "open "+r["tracking_id"].(string), r, w)
	}

	// Data quality: every build check has a row; the fixture's problems are counted.
	dq := map[string]want{
		"unknown_status":                  {"count": 1, "examples": []any{"HSU-U3"}},
		"response_before_disposed":        {"count": 1, "examples": []any{"HSU-K4"}},
		"closed_without_disposition":      {"count": 1, "examples": []any{"HSU-X1"}},
		"closed_status_without_closed_at": {"count": 1, "examples": []any{"HSU-S2"}},
		"agency_not_in_master":            {"count": 3, "examples": []any{"DINAS SOSIAL", "Dinas Kesehatan", "Dinas Pendidikan"}},
		"disposed_before_submitted":       {"count": 0},
		"closed_before_disposed":          {"count": 0},
		"closed_at_with_open_status":      {"count": 0},
		"disposed_without_agency":         {"count": 0},
		"agency_without_disposition":      {"count": 0},
		"future_timestamp":                {"count": 0},
		"outside_holiday_calendar":        {"count": 0},
		"no_first_response_column":        {"count": 0},
		"timed_from_snapshots":            {"count": 0},
	}
	rows = queryMaps(t, db.DB, `SELECT * FROM data_quality WHERE source = 'build'`)
	if len(rows) != len(dq) {
		t.Errorf("data_quality has %d build rows, want %d", len(rows), len(dq))
	}
	for _, r := range rows {
		w, ok := dq[r["check_name"].(string)]
		if !ok {
			t.Errorf("unexpected check %v", r["check_name"])
			continue
		}
		checkRow(t, r["check_name"].(string), r, w)
	}
	rows = queryMaps(t, db.DB, `SELECT * FROM data_quality WHERE source = 'ingest'`)
	if len(rows) != 1 || rows[0]["check_name"] != "rows_rejected" || rows[0]["count"] != int64(0) {
		t.Errorf("ingest data quality rows: %v", rows)
	}

	// build_info states the cut-off and the configuration.
	info := queryMaps(t, db.DB, `SELECT * FROM build_info`)
	checkRow(t, "build_info", info[0], want{"as_of": fixtureAsOf, "as_of_date": "2025-05-20", "min_sample": 3,
		"completion_days": 60, "response_working_days": 5, "timezone": "Asia/Makassar", "master_agencies": 1,
		"holidays_first": "2015-01-01", "holidays_last": "2027-12-31", "complaints": 29})
	if info[0]["finished_at"] == nil {
		t.Error("build_info.finished_at not set")
	}
}

// TestFixtureLayoutB: the same complaints in the national open-data layout, which has no
// first-response or rating column: response metrics are NULL, never 0, the score rests on the
// completion components, and every other number is layout A's.
func TestFixtureLayoutB(t *testing.T) {
	cfg := fixtureConfig(t)
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, "testdata/metrics/layout_b.csv")
	build(t, db, cfg, keepFacts())

	rows := queryMaps(t, db.DB, `SELECT * FROM agency_month`)
	if len(rows) != len(agencyMonthA) {
		t.Errorf("agency_month has %d rows, want %d", len(rows), len(agencyMonthA))
	}
	same := []string{"received", "closed", "closed_on_time", "close_days_median", "completion_rate",
		"on_time_completion_rate", "open_end", "overdue_end", "small_sample", "maturing", "complete"}
	nulls := []string{"responded", "responded_on_time", "response_wd_median", "response_wd_p90", "response_rate",
		"on_time_response_rate", "unanswered_overdue_end", "rating_avg", "satisfaction"}
	for _, r := range rows {
		key := [2]string{dateString(r["month"]), r["agency"].(string)}
		a, ok := agencyMonthA[key]
		if !ok {
			t.Errorf("unexpected row %v", key)
			continue
		}
		w := want{"response_base": 0, "rated": 0}
		for _, c := range same {
			if v, ok := a[c]; ok {
				w[c] = v
			}
		}
		for _, c := range nulls {
			w[c] = nil
		}
		// Score without the response and satisfaction components: completion weights rescaled to 1.
		cr, otc := a["completion_rate"].(float64), a["on_time_completion_rate"].(float64)
		w["score"] = 100 * (wCR*cr + wOTC*otc) / (wCR + wOTC)
		checkRow(t, "B "+fmt.Sprint(key), r, w)
	}
	// Dinas Kesehatan, Feb: 100 * (0.25*0.75 + 0.25*0.5) / 0.5 = 62.5.
	var score float64
	db.QueryRow(`SELECT score FROM agency_month WHERE agency = 'Dinas Kesehatan' AND month = DATE '2025-02-01'`).Scan(&score)
	if score != 62.5 {
		t.Errorf("B Dinas Kesehatan Feb score = %v, want 62.5", score)
	}
	for _, q := range []string{
		`SELECT count(*) FROM regency_month WHERE responded IS NOT NULL OR on_time_response_rate IS NOT NULL OR unanswered_overdue_end IS NOT NULL OR response_wd_median IS NOT NULL`,
		`SELECT count(*) FROM agency_period WHERE responded IS NOT NULL OR on_time_response_rate IS NOT NULL OR unanswered_overdue_end IS NOT NULL`,
		`SELECT count(*) FROM regency_period WHERE responded IS NOT NULL OR response_rate IS NOT NULL OR unanswered_overdue_end IS NOT NULL`,
		`SELECT count(*) FROM test_facts WHERE responded_on_time IS NOT NULL OR response_wd IS NOT NULL`,
		`SELECT count(*) FROM open_complaints WHERE unanswered_overdue IS NOT NULL`,
	} {
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows, err %v", q, n, err)
		}
	}
	var missing int64
	db.QueryRow(`SELECT count FROM data_quality WHERE check_name = 'no_first_response_column'`).Scan(&missing)
	if missing != 26 {
		t.Errorf("no_first_response_column = %d, want 26", missing)
	}
}

func dateString(v any) string {
	if t, ok := v.(time.Time); ok {
		return t.Format(time.DateOnly)
	}
	return fmt.Sprint(v)
}

// checkRow compares the columns named in w: floats within 1e-9, dates as YYYY-MM-DD strings.
func checkRow(t *testing.T, label string, got map[string]any, w want) {
	t.Helper()
	for col, exp := range w {
		g, ok := got[col]
		if !ok {
			t.Errorf("%s: no column %s", label, col)
			continue
		}
		if !sameValue(g, exp) {
			t.Errorf("%s: %s = %v (%T), want %v", label, col, g, g, exp)
		}
	}
}

func sameValue(g, exp any) bool {
	if exp == nil || g == nil {
		return exp == nil && g == nil
	}
	switch e := exp.(type) {
	case int:
		switch x := g.(type) {
		case int64:
			return x == int64(e)
		case int32:
			return int64(x) == int64(e)
		case int8:
			return int64(x) == int64(e)
		case float64:
			return x == float64(e)
		}
		return false
	case float64:
		x, ok := g.(float64)
		return ok && math.Abs(x-e) <= 1e-9*math.Max(1, math.Abs(e))
	case string:
		if t, ok := g.(time.Time); ok {
			return t.Format(time.DateOnly) == e
		}
		return g == e
	case time.Time:
		t, ok := g.(time.Time)
		return ok && t.Equal(e)
	case []any:
		x, ok := g.([]any)
		if !ok || len(x) != len(e) {
			return false
		}
		for i := range e {
			if !sameValue(x[i], e[i]) {
				return false
			}
		}
		return true
	}
	return fmt.Sprint(g) == fmt.Sprint(exp)
}

var _ = context.Background
