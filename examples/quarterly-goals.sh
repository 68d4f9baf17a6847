#!/bin/sh
# quarterly-goals.sh: the quarter's goals from one team number, and the
# same goals re-spread in the middle of the quarter, as plain text fit for
# mail.
#
#   examples/quarterly-goals.sh [ROSTER]
#
# ROSTER defaults to the shipped examples/roster.csv.  On the first day of
# each quarter, cron can mail the goals and keep them for attain --goals:
#   0 7 1 1,4,7,10 *  TOTAL=1200000 PERIOD=2027-Q1 GOALS=/data/goals.csv /opt/salesperf/quarterly-goals.sh /data/roster.csv | mail -s "Goals" sales@example.com
#
# Environment:
#   TOTAL    the team number (default 600000)
#   PERIOD   the quarter (default 2027-Q1)
#   AS_OF    the day of the mid-quarter re-spread (default 2027-02-15)
#   ACTUALS  the CRM export it reads (default examples/opportunities.csv)
#   GOALS    where to write the monthly goals as CSV (default: not written)
#   SALESPERF_BIN  where the tools are (default: build/cmd beside this
#            directory if it was built there, else the PATH)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
roster=${1:-$here/roster.csv}
total=${TOTAL:-600000}
period=${PERIOD:-2027-Q1}
as_of=${AS_OF:-2027-02-15}
actuals=${ACTUALS:-$here/opportunities.csv}

bin=${SALESPERF_BIN:-$here/../build/cmd}
if [ -x "$bin/goal-set" ]; then
	PATH=$bin:$PATH
fi

# Half last quarter's bookings, half an even split (the default blend); a
# 10% buffer over the team number; nobody more than 50% above their own
# history; goals in whole hundreds.
set -- --total "$total" --period "$period" --over-assign 10 --cap 50 \
    --holidays "$here/holidays.txt"

echo "Goals for $period: $total, plus 10%"
echo
goal-set "$@" --round 100 -o table < "$roster"
if [ -n "${GOALS:-}" ]; then
	goal-set "$@" --round 100 --split month < "$roster" > "$GOALS"
fi
echo

echo "== Re-spread as of $as_of: what is closed stays, the rest by month"
echo
goal-set "$@" --split month --actuals "$actuals" --as-of "$as_of" \
    -o table < "$roster"
