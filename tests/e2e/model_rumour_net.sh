#!/usr/bin/env bash
# model_rumour_net.sh — Maki–Thompson on networks: a rumour reaches fewer people on a scale-free
# (BA) network than on a homogeneous one of the same mean degree (Moreno, Nekovee & Pacheco 2004).
. "$(dirname "$0")/lib.sh"
field() { awk -F': ' -v k="$1" '$1 == k { print $2 }'; }

out=$("$YQ" model rumour-net --agents 100000 --mean-degree 6 --runs 20 --seed 1); rc=$?
echo "$out"
expect "rumour-net exits 0" test $rc -eq 0
sf=$(echo "$out" | field reach_scale_free)
hom=$(echo "$out" | field reach_homogeneous)
expect "reach scale-free $sf < homogeneous $hom" awk -v a="$sf" -v b="$hom" 'BEGIN { exit !(a > 0 && b > 0 && a < b) }'
ksf=$(echo "$out" | field mean_degree_scale_free)
khom=$(echo "$out" | field mean_degree_homogeneous)
expect "same mean degree ($ksf vs $khom)" awk -v a="$ksf" -v b="$khom" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 0.1) }'
for bad in "--mean-degree 1" "--agents 5" "--alpha 0" "--lambda 2" "--lambda 0"; do
    # shellcheck disable=SC2086
    "$YQ" model rumour-net $bad > /dev/null 2>&1; rc=$?
    expect "'$bad' exits 1 (got $rc)" test $rc -eq 1
done
finish
