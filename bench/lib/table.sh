#!/usr/bin/env bash
# results.tsv (benchmark, figure, value, unit, baseline, baseline label) -> a Markdown table with ratio = value / baseline
awk -F'\t' '
  function ratio(v, b,   r) {
    if (b == "" || v !~ /^-?[0-9.]+$/ || b !~ /^-?[0-9.]+$/ || b + 0 == 0) return ""
    r = v / b
    return r >= 100 ? sprintf("%.0f×", r) : r >= 10 ? sprintf("%.1f×", r) : r >= 0.01 ? sprintf("%.2f×", r) : sprintf("%.4f×", r)
  }
  BEGIN { print "| benchmark | figure | value | raw baseline | ratio |"; print "| --- | --- | ---: | --- | ---: |" }
  {
    base = $5 == "" ? "—" : $6 == "" ? $5 " " $4 : $5 " (" $6 ")"
    r = ratio($3, $5)
    printf "| %s | %s | %s %s | %s | %s |\n", $1, $2, $3, $4, base, r == "" ? "—" : r
  }' "$1"
