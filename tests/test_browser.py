"""The built seeds in a real browser (Debian's Chromium through Playwright), served on 127.0.0.1.

What only a browser can tell: computed direction, where links and search results lead,
layout at phone width, requests made, accessibility (axe-core), contrast of Arabic text
(which axe skips), and keyboard focus.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser import PHONE, ServedSite, Tab, open_tab

SEED = "000_be3b13007542e3b8"  # names أسعد الشيباني and says الإسرائيلي; published 25 July 2025
UNDATED_SEED = "003_163b4c5298a4b073"  # says “الإسرائيلي”; its date is not known
# Spelled otherwise than in the text: no hamza on the alef, no article.
ARABIC_QUERIES = ("الاسرائيلي", "اسعد", "شيباني")
# From the seed's publication date, written out on English pages only.
ENGLISH_QUERY = "July"
# What the search pages show while the other checks run: a query with results.
SEARCH_PAGE_QUERY = {"ar": "الشيباني", "en": ENGLISH_QUERY}
MIN_RATIO = 4.5
MIN_RATIO_LARGE = 3.0  # WCAG: text of at least 24 px, or 18.66 px bold
CANVAS = {"light": (255, 255, 255), "dark": (18, 18, 18)}  # Chromium's page background per scheme
AXE = Axe()

DESCRIBE = """
const describe = (element) => {
  const classes = element.classList.length ? "." + [...element.classList].join(".") : "";
  const text = (element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 50);
  return `<${element.localName}${element.id ? "#" + element.id : ""}${classes}> "${text}"`;
};
const ARABIC = /[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]/;
const arabicTextElements = () => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (ARABIC.test(node.data) && !["SCRIPT", "STYLE"].includes(element.tagName)) found.add(element);
  }
  return [...found];
};
"""

# Text in the other language: what is marked so, and on English pages any Arabic text.
# Pagefind draws its results itself, excerpts mixing both languages: no one direction fits them.
MISDIRECTED = "([lang, direction]) => {" + DESCRIBE + """
  const marked = [...document.body.querySelectorAll(`[lang|="${lang}"]`)];
  const elements = new Set(lang === "ar" ? [...marked, ...arabicTextElements()] : marked);
  return [...elements]
    .filter((element) => !element.closest(".pagefind-ui__results") && getComputedStyle(element).direction !== direction)
    .map(describe);
}"""

LINKS = """() => [...document.querySelectorAll(
  "a[href], area[href], link[href], script[src], img[src], iframe[src], source[src]"
)].map((element) => element.href || element.src)"""

# The deepest elements that stick out of the window or whose content spills out of them.
OVERFLOWING = "() => {" + DESCRIBE + """
  const width = document.documentElement.clientWidth;
  const scrolled = document.documentElement.scrollWidth;
  if (scrolled <= width) return [];
  const culprits = [...document.body.querySelectorAll("*")].filter((element) => {
    const box = element.getBoundingClientRect();
    const spills = element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible";
    return box.width > 0 && !element.matches(".skip-link:not(:focus)") && (box.right > width + 0.5 || box.left < -0.5 || spills);
  });
  const deepest = culprits.filter((element) => !culprits.some((other) => other !== element && element.contains(other)));
  return [`${scrolled} px wide in a ${width} px window: ${deepest.map(describe).join(", ")}`];
}"""

POOR_ARABIC_CONTRAST = "([canvas, minimum, minimumLarge]) => {" + DESCRIBE + """
  const pixel = document.createElement("canvas").getContext("2d", {willReadFrequently: true});
  const rgba = (css) => {  // any CSS colour (rgb(), color(srgb …), color-mix results) as 0–255 and alpha
    pixel.clearRect(0, 0, 1, 1);
    pixel.fillStyle = css;
    pixel.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) => {  // source-over compositing onto an opaque colour
    const alpha = top[3];
    return [0, 1, 2].map((i) => top[i] * alpha + bottom[i] * (1 - alpha)).concat([1]);
  };
  const background = (element) => {
    const layers = [];
    for (let current = element; current; current = current.parentElement) {
      const colour = rgba(getComputedStyle(current).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [...canvas, 1]);
  };
  const luminance = ([r, g, b]) => {
    const linear = (v) => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const hex = (colour) => "#" + colour.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  const problems = [];
  for (const element of arabicTextElements()) {
    const style = getComputedStyle(element);
    if (style.visibility !== "visible" || element.getClientRects().length === 0) continue;
    const back = background(element);
    const text = over(rgba(style.color), back);
    const [light, dark] = [luminance(text), luminance(back)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight) >= 700);
    const needed = large ? minimumLarge : minimum;
    if (ratio < needed) {
      problems.push(`${describe(element)}: ${hex(text)} on ${hex(back)} is ${ratio.toFixed(2)}:1, needs ${needed}:1`);
    }
  }
  return problems;
}"""

FOCUSED = """(position) => {
  const order = [document.querySelector(".skip-link"), document.querySelector(".site-title"),
                 ...document.querySelectorAll(".site-header nav a")];
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    expected: element === order[position],
    focused: `<${element.localName} class="${element.className}"> ${element.textContent.trim()}`,
    outline: element.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    visible: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 &&
             box.left < innerWidth && box.top < innerHeight,
    stops: order.length,
  };
}"""


@dataclass
class Findings:
    """What one visit of every page at phone width, in both colour schemes, found: one list per check."""

    direction: list[str] = field(default_factory=list)
    switch: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    contrast: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)


def language(path: str) -> str:
    """The language of a page: its folder, or Arabic for the pages at the root."""
    return "en" if path.startswith("en/") else "ar"


def counterpart(path: str) -> str:
    other = "ar" if language(path) == "en" else "en"
    return other + "/" + path.split("/", 1)[-1]


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the search page that is open; the absolute addresses of the results."""
    search_box = page.locator(".pagefind-ui__search-input")
    search_box.fill("")  # an empty query clears the results of the one before
    page.wait_for_selector(".pagefind-ui__result-link", state="detached")
    search_box.fill(query)
    try:
        page.wait_for_selector(".pagefind-ui__result-link", timeout=5_000)
    except PlaywrightTimeout:
        return []
    return page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(link => link.href)")


def open_page(page: Page, site: ServedSite, path: str) -> None:
    """Load a page as a reader sees it; search pages with the results of a query."""
    assert page.goto(site.url_of(path)).ok, path
    if path.endswith("search.html"):
        assert search(page, SEARCH_PAGE_QUERY[language(path)]), f"{path}: no results"


def direction_problems(page: Page, path: str) -> list[str]:
    lang = language(path)
    expected, other, other_direction = ("rtl", "en", "ltr") if lang == "ar" else ("ltr", "ar", "rtl")
    body = page.evaluate("getComputedStyle(document.body).direction")
    problems = [f"{path}: body is {body}"] if body != expected else []
    return problems + [f"{path}: {other} text not {other_direction}: {element}"
                       for element in page.evaluate(MISDIRECTED, [other, other_direction])]


def switch_problems(page: Page, site: ServedSite, path: str) -> list[str]:
    if path == "index.html":
        return []  # the language choice: both languages on one page, no switch
    targets = page.eval_on_selector_all("a.lang-switch", "links => links.map(link => link.href)")
    wanted = site.url_of(counterpart(path))
    return [] if targets == [wanted] else [f"{path}: the language switch leads to {targets}, not {wanted}"]


def axe_violations(page: Page, scheme: str) -> list[str]:
    """Every rule in the light scheme; in the dark one only colour contrast, the one rule it can change."""
    options = {"resultTypes": ["violations"]} | ({"runOnly": ["color-contrast"]} if scheme == "dark" else {})
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
            for violation in AXE.run(page, options=options).response["violations"]]


@pytest.fixture(scope="module")
def tour(browser: Browser, site_at_root: ServedSite) -> Findings:
    """Every page visited once (search pages showing results), every check of a single page made."""
    findings = Findings()
    with open_tab(browser, PHONE) as tab:
        for path in site_at_root.pages:
            open_page(tab.page, site_at_root, path)
            findings.direction += direction_problems(tab.page, path)
            findings.switch += switch_problems(tab.page, site_at_root, path)
            findings.overflow += [f"{path}: {element}" for element in tab.page.evaluate(OVERFLOWING)]
            for scheme in ("light", "dark"):
                tab.page.emulate_media(color_scheme=scheme)
                findings.axe += [f"{path} ({scheme}): {violation}" for violation in axe_violations(tab.page, scheme)]
                measured = tab.page.evaluate(POOR_ARABIC_CONTRAST, [CANVAS[scheme], MIN_RATIO, MIN_RATIO_LARGE])
                findings.contrast += [f"{path} ({scheme}): {problem}" for problem in measured]
        findings.offsite = tab.offsite
    return findings


def report(problems: list[str]) -> None:
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_text_direction_follows_the_language(tour: Findings):
    report(tour.direction)


def test_language_switch_leads_to_the_counterpart_page(tour: Findings):
    report(tour.switch)


def test_nothing_overflows_at_phone_width(tour: Findings):
    report(tour.overflow)


def test_axe_finds_no_violations(tour: Findings):
    report(tour.axe)


def test_arabic_text_has_enough_contrast_in_both_colour_schemes(tour: Findings):
    report(tour.contrast)


def test_no_request_leaves_the_host(tour: Findings):
    report(tour.offsite)


def test_every_link_and_anchor_resolves(tab: Tab, served_site: ServedSite):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served_site.url))
    failed: list[str] = []
    tab.page.on("response", lambda response: response.status >= 400 and failed.append(
        f"{response.status} {response.url} (loaded by {tab.page.url})"))
    # The 404 page is no link's target, but GitHub Pages shows it for every unknown address.
    queue = [served_site.url_of("index.html"), served_site.url_of("404.html")]
    seen = set(queue)
    ids: dict[str, set[str]] = {}
    anchors: list[tuple[str, str, str]] = []  # page, target, fragment
    while queue:
        url = queue.pop()
        if not tab.page.goto(url).ok:
            continue  # recorded by the response listener
        ids[url] = set(tab.page.eval_on_selector_all("[id]", "elements => elements.map(e => e.id)"))
        for link in tab.page.evaluate(LINKS):
            target, _, fragment = link.partition("#")
            if not target.startswith(origin + "/"):
                continue
            if fragment:
                anchors.append((url, target, unquote(fragment)))
            if target in seen:
                continue
            seen.add(target)
            if target.endswith((".html", "/")) and target.startswith(served_site.url):
                queue.append(target)
            elif (status := tab.page.request.get(target).status) >= 400:
                failed.append(f"{status} {target} (linked from {url})")
    failed += [f"{page} links to #{fragment} of {target}, which has no such id"
               for page, target, fragment in anchors if fragment not in ids.get(target, ())]
    missed = sorted({served_site.url_of(path) for path in served_site.pages} - set(ids))
    report(failed + [f"no link leads to {url}" for url in missed])


def unreachable(page: Page, urls: list[str]) -> list[str]:
    return [f"{status} {url}" for url in urls if (status := page.request.get(url).status) >= 400]


def test_arabic_search_matches_other_spellings(tab: Tab, served_site: ServedSite):
    tab.page.goto(served_site.url_of("ar/search.html"))
    article = served_site.url_of(f"ar/articles/{SEED}.html")
    for query in ARABIC_QUERIES:
        results = search(tab.page, query)
        assert article in results, f"{query!r} does not find {article}: {results}"
        assert not (broken := unreachable(tab.page, results)), f"results of {query!r} lead nowhere: {broken}"
    # the undated seed is in another index (one per month) than the July one: the search page merges them
    assert served_site.url_of(f"ar/articles/{UNDATED_SEED}.html") in search(tab.page, "الاسرائيلي")


def test_english_search_finds_english_pages(tab: Tab, served_site: ServedSite):
    tab.page.goto(served_site.url_of("en/search.html"))
    results = search(tab.page, ENGLISH_QUERY)
    assert served_site.url_of(f"en/articles/{SEED}.html") in results, results
    assert all(result.startswith(served_site.url_of("en/")) for result in results), results
    assert not (broken := unreachable(tab.page, results)), f"results of {ENGLISH_QUERY!r} lead nowhere: {broken}"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_tab_reaches_skip_link_then_title_and_nav_with_visible_focus(tab: Tab, site_at_root: ServedSite, lang: str):
    kinds = ("index.html", "events/", "articles/", "outlets/index.html", "search.html")
    for kind in kinds:
        path = next(path for path in site_at_root.pages if path.startswith(f"{lang}/{kind}"))
        tab.page.goto(site_at_root.url_of(path))
        position, stops = 0, 1
        while position < stops:
            tab.page.keyboard.press("Tab")
            focus = tab.page.evaluate(FOCUSED, position)
            stops = focus["stops"]
            assert focus["expected"], f"{path}: Tab {position + 1} reached {focus['focused']}"
            assert focus["outline"], f"{path}: no visible focus outline on {focus['focused']}"
            assert focus["visible"], f"{path}: {focus['focused']} is focused outside the viewport"
            position += 1
