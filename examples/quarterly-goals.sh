#!/bin/sh
# quarterly-goals.sh: next quarter's goals from one team number, and the
# same goals re-spread in the middle of the quarter.
#
# Run with the tools on PATH, from anywhere:
#   PATH=build/cmd:$PATH sh examples/quarterly-goals.sh
# To keep the goals for attain --goals all quarter, run the first goal-set
# with --split month and without -o table, into goals.csv.  A cron line
# such as
#   0 7 1 1,4,7,10 * sh quarterly-goals.sh | mail -s "Goals" sales-leads
# mails the table on the first day of each quarter.
set -eu
dir=$(dirname "$0")
period=${PERIOD:-2027-Q1}
total=${TOTAL:-600000}

# Half last quarter's bookings, half an even split (the default); a 10%
# buffer over the team number; nobody more than 50% above their own
# history; goals in whole hundreds.
goal-set --total "$total" --period "$period" --over-assign 10 --cap 50 \
    --round 100 --holidays "$dir/holidays.txt" -o table \
    < "$dir/roster.csv"

# Mid-quarter: keep what each rep has closed by --as-of and spread the
# rest of each goal over the business days left, month by month.
echo
goal-set --total "$total" --period "$period" --over-assign 10 --cap 50 \
    --split month --holidays "$dir/holidays.txt" \
    --actuals "$dir/opportunities.csv" --as-of "${AS_OF:-2027-02-15}" \
    -o table < "$dir/roster.csv"
