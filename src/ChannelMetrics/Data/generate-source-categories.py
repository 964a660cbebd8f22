#!/usr/bin/env python3
"""Regenerates source-categories.txt from /work/shared/data and social-networks.txt.

Run: python3 src/ChannelMetrics/Data/generate-source-categories.py /work/shared/data src/ChannelMetrics/Data/social-networks.txt > src/ChannelMetrics/Data/source-categories.txt
Not part of the build: the generated file is committed and embedded.
"""
import csv, sys, os

data, socials = sys.argv[1], sys.argv[2]
SHORT = {"SOURCE_CATEGORY_SEARCH": "SEARCH", "SOURCE_CATEGORY_SHOPPING": "SHOPPING",
         "SOURCE_CATEGORY_SOCIAL": "SOCIAL", "SOURCE_CATEGORY_VIDEO": "VIDEO"}
ga4 = {}
for row in csv.DictReader(open(os.path.join(data, "ga4-source-categories.csv"), encoding="utf-8")):
    ga4[row["source"].strip().lower()] = SHORT[row["source_category"]]

added = {}
for line in open(socials, encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    name, aliases = line.rstrip("\n").split(" = ", 1)
    aliases = [name.lower()] + aliases.split()
    # The network's own name decides (youtube, vimeo and twitch are VIDEO in GA4's list); else its first host.
    category = ga4.get(aliases[0]) or ga4.get(aliases[1]) or "SOCIAL"
    for a in aliases:
        if a not in ga4 and a not in added:
            added[a] = category

print("# GA4 source categories: one source per line, <source>,<SEARCH|SHOPPING|SOCIAL|VIDEO>.")
print("# Sources are matched exactly, ASCII case-insensitively, as GA4's default channel group does.")
print("#")
print("# Section [ga4]: Google's published list of Google Analytics 4 source categories, as kept in")
print("#   Velir/dbt-ga4 seeds/ga4_source_categories.csv, commit 2d7b1f1 (2025-11-25), MIT licence.")
print("# Section [additions]: ChannelMetrics contributors (MIT): the aliases of social-networks.txt that the")
print("#   GA4 list lacks (x.com, Threads, Bluesky, Mastodon instances, shorthands, in-app hosts), each with")
print("#   the category GA4 gives the network's name or first host (SOCIAL when it lists neither).")
print("# Regenerate with generate-source-categories.py (same folder).")
print("[ga4]")
for s in sorted(ga4):
    print(f"{s},{ga4[s]}")
print("[additions]")
for s in sorted(added):
    print(f"{s},{added[s]}")
