#!/usr/bin/env bash
# Typed text cannot create a link in the Markdown report: bare URLs, www. names, e-mail
# addresses, Markdown links and autolinks in any field come out as plain text when GitHub's
# Markdown (cmark-gfm with its autolink extension) renders the report; only the report's own
# links (its table of contents) are links.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR STRIDEWALK_NOW=2026-12-01T10:00:00Z

cat >"$T/links.yaml" <<'YAML'
stridewalk: 1
name: "See https://evil.example/login and www.evil.example"
description: "Mail bob@evil.example, or mailto:eve@evil.example, or xmpp:eve@evil.example"
elements:
  - { id: fn, kind: process, type: aws.lambda, name: "<https://evil.example/x> fn" }
threats:
  - { id: T-0001, element: fn, stride: [S], title: "[click](https://evil.example) here",
      description: "Visit HTTPS://EVIL.EXAMPLE/a?b=c or ftp://files.evil.example or (www.evil.example).",
      likelihood: 3, impact: 4, status: accepted, justification: "see http://evil.example/why" }
mitigations:
  - { id: M-0001, title: "Report to security@evil.example", status: planned, owner: "https://evil.example/owner",
      threats: [T-0001] }
YAML
expect 0 "import a model full of links" -- "$SW" import "$T/links.db" "$T/links.yaml"
expect 0 "write its report" -- "$SW" report "$T/links.db" -o "$T/report.md"
grep -q 'https\\\[:\\\]//evil.example' "$T/report.md" && pass "a bare URL is defanged" || fail "no defanged URL in the report"
if command -v cmark-gfm >/dev/null; then
  cmark-gfm --extension autolink --extension table --extension strikethrough "$T/report.md" >"$T/report.html"
  if grep -o '<a href="[^"]*"' "$T/report.html" | grep -v '<a href="#' >"$T/links.txt"; then
    fail "typed text became links: $(tr '\n' ' ' <"$T/links.txt")"
  else
    pass "GitHub's Markdown renders no link from typed text"
  fi
  grep -q '<a href="#' "$T/report.html" && pass "the report's own contents links remain" || fail "no contents links"
  grep -q 'https\[:\]//evil.example/login' "$T/report.html" && pass "the URL reads as text" || fail "URL text missing"
else
  echo "skip: cmark-gfm is not installed (scripts/setup installs it); the report was not rendered"
fi
finish
