#!/usr/bin/env python3
"""The agency_month table of metrics.md, computed the straightforward pandas way.

This is the yardstick of issue 3's benchmark: what an analyst would write with pandas to get
the per-SKPD monthly cohort table from a layout-A export (the file `rapor gen` makes), to be
timed against `rapor ingest` + `rapor build` on the same file. It is plain pandas: read_csv,
to_datetime, numpy's busday_count for working days, groupby. No chunking, no multiprocessing,
no hand-written kernels; only the columns needed are read (usecols).

    /usr/bin/python3 agency_month.py EXPORT.csv OUT.csv [--holidays holidays_id.csv]
        [--timezone Asia/Makassar] [--source-timezone Asia/Jakarta]

What it computes, per metrics.md ("The agency-month cohort", "Score, zone and rank"), with the
default configuration (R = 5 working days, C = 60 calendar days, weights 0.35/0.25/0.25/0.15,
zones 81/51, no master list of agencies):
  - the newest version of each tracking id (by Tanggal Aktivitas Terakhir, else the latest of
    its timestamps; on a tie the later row);
  - timestamps without a zone are in the source zone (day-first where not ISO), converted to
    local time; dates, months and working days are local;
  - wd(a, b) = working days d with date(a) < d <= date(b), working = Mon-Fri and not a holiday
    of the calendar file; cd(a, b) = date(b) - date(a); a pair with b < a is invalid: no
    duration, never on time;
  - the cohort of (agency, month): disposed to the agency (name folded: trimmed, inner spaces
    collapsed, case ignored; shown as its most frequent spelling, ties alphabetically first),
    month = local month of Tanggal Disposisi;
  - received, responded, responded_on_time, closed, closed_on_time, rated, rating_avg,
    response_wd_median, response_wd_p90, close_days_median (quantiles with linear
    interpolation), the four rates, satisfaction, score and zone.
Left out: the stock columns (open_end, overdue_end, unanswered_overdue_end, stock_at), rank and
rank_change, small_sample/maturing/complete, and the regency column (one regency per file).
The comparison is about the cohort table.

At the end it prints one line to stderr: rows, output rows, seconds and its own peak RSS.
"""
import argparse
import os
import resource
import sys
import time

import numpy as np
import pandas as pd

RESPONSE_WD = 5  # sla.response_working_days
COMPLETION_DAYS = 60  # sla.completion_days (calendar days)
WEIGHTS = {
    "on_time_response_rate": 0.35,
    "completion_rate": 0.25,
    "on_time_completion_rate": 0.25,
    "satisfaction": 0.15,
}
ZONE_HIJAU, ZONE_KUNING = 81, 51

COLUMNS = {
    "No. Tracking": "tracking_id",
    "Tanggal Laporan": "submitted_at",
    "Instansi Tujuan": "agency",
    "Tanggal Verifikasi": "verified_at",
    "Tanggal Disposisi": "disposed_at",
    "Tanggal Tindak Lanjut Pertama": "first_response_at",
    "Tanggal Selesai": "closed_at",
    "Tanggal Aktivitas Terakhir": "last_activity_at",
    "Rating": "rating",
}
TIMES = ["submitted_at", "verified_at", "disposed_at", "first_response_at", "closed_at", "last_activity_at"]


def to_local(s, source_tz, local_tz):
    """Naive export timestamps (source zone, day-first where not ISO) as naive local time."""
    try:
        t = pd.to_datetime(s, dayfirst=True)
    except ValueError:  # pandas >= 2 infers one format from the first value; mixed forms need this
        t = pd.to_datetime(s, dayfirst=True, format="mixed")
    return t.dt.tz_localize(source_tz).dt.tz_convert(local_tz).dt.tz_localize(None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("export")
    ap.add_argument("out")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--holidays", default=os.path.join(here, "..", "..", "..", "transform", "calendar", "holidays_id.csv"))
    ap.add_argument("--timezone", default="Asia/Makassar")
    ap.add_argument("--source-timezone", default="Asia/Jakarta")
    args = ap.parse_args()
    start = time.time()

    df = pd.read_csv(args.export, usecols=list(COLUMNS), dtype=str, skipinitialspace=True)
    df = df.rename(columns=COLUMNS)
    rows = len(df)
    for c in TIMES:
        df[c] = to_local(df[c].str.strip(), args.source_timezone, args.timezone)
    df["rating"] = pd.to_numeric(df["rating"].str.replace(",", ".", regex=False), errors="coerce")
    df.loc[~df["rating"].isin([1, 2, 3, 4, 5]), "rating"] = np.nan

    # The newest version of each complaint.
    df["version_at"] = df["last_activity_at"].fillna(df[TIMES[:-1]].max(axis=1))
    df["tracking_id"] = df["tracking_id"].str.strip()
    df = df.sort_values("version_at", kind="stable").drop_duplicates("tracking_id", keep="last")

    # Agency names: folded key, shown as the most frequent spelling.
    df["agency"] = df["agency"].str.strip().str.replace(r"\s+", " ", regex=True).replace("", np.nan)
    df["agency_key"] = df["agency"].str.lower()
    counts = df.groupby(["agency_key", "agency"]).size().reset_index(name="n")
    counts = counts.sort_values(["agency_key", "n", "agency"], ascending=[True, False, True])
    shown = counts.drop_duplicates("agency_key").set_index("agency_key")["agency"]

    # The cohorts: disposed to a named agency.
    c = df[df["agency_key"].notna() & df["disposed_at"].notna()].copy()
    c["agency"] = c["agency_key"].map(shown)
    c["month"] = c["disposed_at"].dt.to_period("M")

    holidays = pd.read_csv(args.holidays, comment="#")["date"].values.astype("datetime64[D]")
    disposed_day = c["disposed_at"].values.astype("datetime64[D]")
    one = np.timedelta64(1, "D")

    valid = c["first_response_at"].notna() & (c["first_response_at"] >= c["disposed_at"])
    c["response_wd"] = np.nan
    c.loc[valid, "response_wd"] = np.busday_count(
        disposed_day[valid.values] + one,
        c.loc[valid, "first_response_at"].values.astype("datetime64[D]") + one,
        holidays=holidays)
    c["responded_on_time"] = c["response_wd"] <= RESPONSE_WD

    valid = c["closed_at"].notna() & (c["closed_at"] >= c["disposed_at"])
    c["close_days"] = np.nan
    c.loc[valid, "close_days"] = (c.loc[valid, "closed_at"].dt.normalize() - c.loc[valid, "disposed_at"].dt.normalize()).dt.days
    c["closed_on_time"] = c["close_days"] <= COMPLETION_DAYS

    g = c.groupby(["month", "agency"])
    t = g.agg(
        received=("tracking_id", "size"),
        responded=("first_response_at", "count"),
        responded_on_time=("responded_on_time", "sum"),
        closed=("closed_at", "count"),
        closed_on_time=("closed_on_time", "sum"),
        rated=("rating", "count"),
        rating_avg=("rating", "mean"),
        response_wd_median=("response_wd", "median"),
        close_days_median=("close_days", "median"),
    )
    t["response_wd_p90"] = g["response_wd"].quantile(0.9)
    t["response_rate"] = t["responded"] / t["received"]
    t["on_time_response_rate"] = t["responded_on_time"] / t["received"]
    t["completion_rate"] = t["closed"] / t["received"]
    t["on_time_completion_rate"] = t["closed_on_time"] / t["received"]
    t["satisfaction"] = (t["rating_avg"] - 1) / 4

    # Score: weighted mean of the components present, weights rescaled.
    comp = t[list(WEIGHTS)]
    w = pd.Series(WEIGHTS)
    score = 100 * comp.mul(w).sum(axis=1, min_count=1) / comp.notna().mul(w).sum(axis=1).replace(0, np.nan)
    t["score"] = score.round(9)  # as rapor stores it: a zone boundary is not lost to float noise
    t["zone"] = np.where(t["score"] >= ZONE_HIJAU, "hijau", np.where(t["score"] >= ZONE_KUNING, "kuning", "merah"))
    t.loc[t["score"].isna(), "zone"] = None

    t = t.reset_index()
    t["month"] = t["month"].dt.to_timestamp().dt.strftime("%Y-%m-%d")
    t = t[["month", "agency", "received", "responded", "responded_on_time", "closed", "closed_on_time",
           "rated", "rating_avg", "response_wd_median", "response_wd_p90", "close_days_median",
           "response_rate", "on_time_response_rate", "completion_rate", "on_time_completion_rate",
           "satisfaction", "score", "zone"]]
    t.to_csv(args.out, index=False)

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"pandas {pd.__version__}: {rows} rows -> {len(t)} agency-months in {time.time() - start:.2f} s, "
          f"peak RSS {peak_kb / 1024:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
