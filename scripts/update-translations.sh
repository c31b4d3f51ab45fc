#!/usr/bin/env bash
# Refreshes resources/translations/recoverydesk_en.ts from the sources (lupdate) and fills
# its English plural forms ("%n case(s)" -> "1 case" / "2 cases"). Other languages: copy the
# file, set its language and translate it in Qt Linguist.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/translations/recoverydesk_en.ts
/usr/lib/qt6/bin/lupdate -pluralonly -locations none src/ui src/app -ts "$ts"
python3 - "$ts" <<'PY'
import re, sys, html
path = sys.argv[1]
text = open(path, encoding="utf-8").read()

def forms(source):
    plural = re.sub(r"\((e?s)\)", r"\1", source)
    singular = re.sub(r"\(e?s\)", "", source)
    for verb in ("need", "wait"):
        singular = singular.replace(f" {verb} ", f" {verb}s ")
    return singular, plural

def fill(match):
    block = match.group(0)
    source = html.unescape(re.search(r"<source>(.*?)</source>", block, re.S).group(1))
    one, many = (html.escape(f, quote=False) for f in forms(source))
    translation = ("<translation>\n            <numerusform>%s</numerusform>\n"
                   "            <numerusform>%s</numerusform>\n        </translation>" % (one, many))
    return re.sub(r"<translation.*?</translation>", translation, block, flags=re.S)

text = re.sub(r'<message numerus="yes">.*?</message>', fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
