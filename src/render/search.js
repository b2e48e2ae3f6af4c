// The search of soeg.html, the archive's only script. It asks the index
// that Pagefind made of the referat pages (pagefind/ beside soeg.html) and
// lists every item found, linked to its anchor in its referat. The page's
// template gives the elements below by id and the words in the status
// element's data attributes; nothing else is assumed of the layout but
// that an item's heading has the item's id and `-titel` as its id (both
// built-in layouts' referat.html), so a hit in the heading's part of the
// page links to the item's anchor.

const form = document.getElementById("soeg-form");
const field = document.getElementById("soeg-felt");
const status = document.getElementById("soeg-status");
const list = document.getElementById("soeg-resultater");
const filters = {
  body: document.getElementById("soeg-organ"),
  year: document.getElementById("soeg-aar"),
};
const more = document.getElementById("soeg-flere");
const words = status.dataset;
// How many referater have their items shown at a time, the best first
// (the list's `data-pages`); the button shows the next as many.
const PAGES = Number(list.dataset.pages) || 20;

let engine;
let asked = 0;
// The search shown: its words, every referat found, how many are shown,
// and the items listed.
let shown = { term: "", results: [], pages: 0, hits: 0 };

// Pagefind's search, loaded once; its links start at this page's folder.
async function pagefind() {
  if (!engine) {
    const here = new URL(".", document.baseURI);
    engine = await import(new URL("pagefind/pagefind.js", here).href);
    await engine.options({ baseUrl: here.pathname });
  }
  return engine;
}

// "{n} punkter fundet for »{q}«" with its blanks filled in.
function say(template, n, query, pages = 0, total = 0) {
  return template
    .replace("{n}", String(n))
    .replace("{q}", query)
    .replace("{shown}", String(pages))
    .replace("{total}", String(total));
}

// What the status says of the search shown.
function tell() {
  const { term, results, pages, hits } = shown;
  if (pages < results.length) {
    status.textContent = say(words.partial, hits, term, pages, results.length);
  } else {
    const template = hits === 0 ? words.none : hits === 1 ? words.one : words.many;
    status.textContent = say(template, hits, term);
  }
  more.hidden = pages >= results.length;
}

// The items of the next referater found, added to the list; the first
// of them, when `focus`, gets the focus.
async function showMore(mine, focus) {
  const next = shown.results.slice(shown.pages, shown.pages + PAGES);
  const pages = await Promise.all(next.map((r) => r.data()));
  if (mine !== asked) return;
  const entries = pages.flatMap(hitsOf).map(entry);
  list.append(...entries);
  shown.pages += next.length;
  shown.hits += entries.length;
  tell();
  if (focus) entries[0]?.querySelector("a")?.focus();
}

// The item an anchored hit is in: an item's heading `punkt-2-1-titel`
// belongs to the item `punkt-2-1`.
function itemLink(url) {
  const link = new URL(url, document.baseURI);
  if (link.hash.endsWith("-titel")) {
    link.hash = link.hash.slice(0, -"-titel".length);
  }
  return link.pathname + link.search + link.hash;
}

// The hits of one referat: its items with the word, the ones with the
// most of it first.
function hitsOf(page) {
  const parts = page.sub_results.length ? page.sub_results : [page];
  return parts
    .map((part, order) => ({ part, order }))
    .sort((a, b) => b.part.locations.length - a.part.locations.length || a.order - b.order)
    .map(({ part }) => ({
      title: part.title || page.meta.title,
      url: itemLink(part.url),
      meeting: page.meta.title,
      excerpt: part.excerpt,
    }));
}

function entry(hit) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = hit.url;
  link.textContent = hit.title;
  const heading = document.createElement("h3");
  heading.append(link);
  const meeting = document.createElement("p");
  meeting.className = "soeg-moede";
  meeting.textContent = hit.meeting;
  const excerpt = document.createElement("p");
  excerpt.className = "soeg-uddrag";
  // Pagefind's excerpt: the page's text with `<` and `>` escaped and the
  // words found in <mark>.
  excerpt.innerHTML = hit.excerpt;
  item.append(heading, meeting, excerpt);
  return item;
}

async function search(query) {
  const mine = ++asked;
  const term = query.trim();
  list.replaceChildren();
  more.hidden = true;
  if (!term) {
    status.textContent = "";
    return;
  }
  status.textContent = words.searching;
  const chosen = {};
  for (const [name, select] of Object.entries(filters)) {
    if (select.value) chosen[name] = select.value;
  }
  try {
    const found = await (await pagefind()).search(term, { filters: chosen });
    if (mine !== asked) return;
    shown = { term, results: found.results, pages: 0, hits: 0 };
    await showMore(mine, false);
  } catch (error) {
    console.error(error);
    if (mine === asked) status.textContent = words.unavailable;
  }
}

// The search in the page's address, so that going back from a referat
// shows the same hits.
function remember() {
  const params = new URLSearchParams();
  if (field.value.trim()) params.set(field.name, field.value.trim());
  for (const select of Object.values(filters)) {
    if (select.value) params.set(select.name, select.value);
  }
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  remember();
  search(field.value);
});
more.addEventListener("click", () => {
  showMore(asked, true).catch((error) => {
    console.error(error);
    status.textContent = words.unavailable;
  });
});
for (const select of Object.values(filters)) {
  select.addEventListener("change", () => {
    if (field.value.trim()) {
      remember();
      search(field.value);
    }
  });
}

const start = new URLSearchParams(location.search);
field.value = start.get(field.name) ?? "";
for (const select of Object.values(filters)) {
  const value = start.get(select.name);
  if (value && [...select.options].some((o) => o.value === value)) select.value = value;
}
if (field.value) search(field.value);
