#!/bin/sh
# weekly-report.sh: the Monday report for a sales team, the way a cron job
# runs it: where each rep stands, which deals need attention, and the
# forecast, as plain text fit for mail.
#
#   examples/weekly-report.sh [EXPORT]
#
# EXPORT defaults to the shipped examples/opportunities.csv.  For real use,
# point it at this week's CRM export and set AS_OF to today, e.g. in cron:
#   0 7 * * 1  AS_OF=$(date +\%F) PERIOD=this-quarter /opt/salesperf/weekly-report.sh /data/export.csv | mail -s "Pipeline" sales@example.com
#
# Environment:
#   AS_OF    the report date (default 2027-02-15, the date the examples use)
#   PERIOD   the quarter or other period, absolute or relative to AS_OF
#            (this-quarter); default 2027-Q1
#   STATE    a directory for files kept between runs: the forecast history
#            (default: a temporary directory, removed at the end)
#   GOALS    the period's goals (default: goal-set's split of last quarter's
#            bookings plus 10% over examples/roster.csv)
#   SALESPERF_BIN  where the tools are (default: build/cmd beside this
#            directory if it was built there, else the PATH)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
export_csv=${1:-$here/opportunities.csv}
as_of=${AS_OF:-2027-02-15}
period=${PERIOD:-2027-Q1}

bin=${SALESPERF_BIN:-$here/../build/cmd}
if [ -x "$bin/funnel-flag" ]; then
	PATH=$bin:$PATH
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
state=${STATE:-$work}
mkdir -p "$state"

echo "Sales report for $period as of $as_of"
echo

echo "== Where each rep stands against the goal"
echo
goals=${GOALS:-$work/goals.csv}
if [ -z "${GOALS:-}" ]; then
	goal-set --growth 10 --period "$period" --as-of "$as_of" \
	    "$here/roster.csv" > "$goals"
fi
attain --goals "$goals" --period "$period" --as-of "$as_of" \
    --holidays "$here/holidays.txt" --by team,total -o table "$export_csv"
echo

echo "== Deals that need attention"
echo
# The example export has fewer than 20 won deals, too few to learn the
# usual sales cycle from, so the age limit is given: 2 x its 56-day median.
funnel-flag --as-of "$as_of" --max-age-days 112 --flagged \
    --keep id,rep,stage,amount,'close date' -o table "$export_csv"
echo

echo "== Forecast"
echo
forecast --as-of "$as_of" --period "$period" --goals "$goals" \
    --by team,total -o table \
    "$export_csv"
# Each week's forecast is kept (the header once) so that later
# "forecast --accuracy --history FILE" can say how close it came.
history=$state/forecast-history.csv
forecast --as-of "$as_of" --period "$period" --by rep,team,total \
    "$export_csv" > "$work/forecast.csv"
if [ -s "$history" ]; then
	tail -n +2 "$work/forecast.csv" >> "$history"
else
	cp "$work/forecast.csv" "$history"
fi
