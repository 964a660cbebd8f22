#!/usr/bin/env python3
"""Regenerates social-networks.txt from /work/shared/data (see the header it writes).

Run: python3 src/ChannelMetrics/Data/generate-social-networks.py /work/shared/data > src/ChannelMetrics/Data/social-networks.txt
Not part of the build: the generated file is committed and embedded.
"""
import csv, sys, os

data = sys.argv[1]

# Canonical names: Matomo's network names, with the brand's own spelling where Matomo differs.
RENAME = {
    "Twitter": "X (Twitter)", "reddit": "Reddit", "tumblr": "Tumblr", "bilibili": "Bilibili",
    "Google%2B": "Google+", "Haboo": "Habbo", "Ozone": "Qzone", "Vkontakte": "VK", "gree": "GREE",
    "StackOverflow": "Stack Overflow", "Sourceforge": "SourceForge", "lang-8": "Lang-8",
}

# Gaps closed by hand: networks Matomo lacks, in-app hosts, shorteners, Android package ids, shorthands.
EXTRA = {
    "Facebook": ["fb", "facebook", "lm.facebook.com", "web.facebook.com", "com.facebook.katana", "com.facebook.lite", "fb.com", "fb.watch"],
    "Instagram": ["ig", "insta", "instagram", "com.instagram.android", "ig.me", "instagr.am"],
    "LinkedIn": ["li", "linkedin", "com.linkedin.android"],
    "X (Twitter)": ["tw", "x", "twitter", "mobile.twitter.com", "com.twitter.android", "tweetdeck", "tweetdeck.com"],
    "YouTube": ["yt", "youtube", "com.google.android.youtube", "youtube-nocookie.com"],
    "TikTok": ["tiktok", "com.zhiliaoapp.musically", "com.ss.android.ugc.trill"],
    "Pinterest": ["pinterest", "pin.it", "com.pinterest"],
    "Reddit": ["reddit", "redd.it", "out.reddit.com"],
    "Threads": ["threads", "com.instagram.barcelona"],
    "Bluesky": ["bluesky", "bsky", "go.bsky.app", "xyz.blueskyweb.app"],
    "Mastodon": ["mastodon", "infosec.exchange", "techhub.social", "mindly.social", "aus.social", "social.coop", "mastodon.ie"],
    "Snapchat": ["snapchat"],
    "Telegram": ["telegram", "t.me", "telegram.me", "telegram.org"],
    "Tumblr": ["tumblr"],
    "WhatsApp": ["whatsapp", "wa", "whatsapp.com", "wa.me", "web.whatsapp.com", "com.whatsapp"],
    "Messenger": ["messenger", "messenger.com", "m.me", "com.facebook.orca"],
    "Quora": ["quora", "quora.com"],
    "Twitch": ["twitch", "twitch.tv"],
    "LINE": ["line", "line.me", "jp.naver.line.android"],
    "Medium": ["medium.com"],
    "Discord": ["discord"],
    "Vimeo": ["vimeo"],
    "VK": ["vk", "vkontakte"],
    "WeChat": ["wechat", "weixin", "com.tencent.mm"],
    "Weibo": ["weibo"],
    "XING": ["xing"],
    "Google+": ["google+", "googleplus"],
}

networks = {}
order = []
name = None
for line in open(os.path.join(data, "matomo-socials.yml"), encoding="utf-8"):
    line = line.rstrip()
    if not line or line.startswith("#"):
        continue
    if not line.startswith(" "):
        raw = line.rstrip(":").strip('"')
        name = RENAME.get(raw, raw)
        networks[name] = []
        order.append(name)
    else:
        networks[name].append(line.strip().lstrip("- ").strip().lower())

for n, aliases in EXTRA.items():
    if n not in networks:
        networks[n] = []
        order.append(n)
    for a in aliases:
        if a not in networks[n]:
            networks[n].append(a)

def owner_of_host(host):
    labels = host.split(".")
    for i in range(len(labels) - 1):
        suffix = ".".join(labels[i:])
        for n in order:
            if suffix in networks[n] and "." in suffix:
                return n
    return None

# Brand label: first label of a two-label host (facebook.com -> facebook). A generic word is no brand:
# social.coop is a Mastodon server, but utm_source=social names no network.
GENERIC = {"social", "video", "videos", "news", "chat", "photo", "photos", "blog", "forum", "community", "media"}
brand = {}
for n in order:
    for h in networks[n]:
        parts = h.split(".")
        if len(parts) == 2 and len(parts[0]) > 2 and parts[0] not in GENERIC:
            brand.setdefault(parts[0], n)

ga4_added = []
for row in csv.DictReader(open(os.path.join(data, "ga4-source-categories.csv"), encoding="utf-8")):
    src = row["source"].strip().lower()
    if row["source_category"] not in ("SOURCE_CATEGORY_SOCIAL", "SOURCE_CATEGORY_VIDEO"):
        continue
    if any(src in networks[n] for n in order):
        continue
    n = owner_of_host(src) if "." in src else None
    if n is None:
        n = brand.get(src.split(".")[0])
    if n is not None:
        networks[n].append(src)
        ga4_added.append((src, n))

print("# Social networks and the sources that identify them, one network per line:")
print("#   <canonical name> = <alias> <alias> ...")
print("# An alias with a dot is a host (matched with its subdomains, on label boundaries) or an")
print("# Android package id; an alias without a dot is a utm_source value or shorthand (exact match).")
print("# Matching is ASCII case-insensitive.")
print("#")
print("# Derived from:")
print("# - matomo-org/searchengine-and-social-list, Socials.yml, commit 3b3a82d (2026-07-15), CC0-1.0:")
print("#   networks and their hosts; some names respelled to the brand's own spelling")
print("#   (Twitter -> X (Twitter), reddit -> Reddit, Google%2B -> Google+, Haboo -> Habbo, Ozone -> Qzone, ...).")
print("# - Google Analytics 4 source categories as kept in Velir/dbt-ga4 seeds/ga4_source_categories.csv,")
print("#   commit 2d7b1f1 (2025-11-25), MIT: SOCIAL and VIDEO sources that belong to one of these networks.")
print("# - ChannelMetrics contributors (MIT): shorthands, in-app hosts, shorteners, Android package ids and")
print("#   networks missing above (WhatsApp, Messenger, Quora, Twitch, LINE, Medium).")
print("# Regenerate with generate-social-networks.py (same folder).")
for n in order:
    print(f"{n} = {' '.join(networks[n])}")
