// The page's logic: build through /api/draft, edit locally, render the
// edited draft through /api/render, keep the work in localStorage. Text
// from mail is only ever set as textContent or value, never as markup.
"use strict";

const $ = (id) => document.getElementById(id);
const KEY = "lkml-digest";
let draft = null;
let shownLines = [];

function save() {
  localStorage.setItem(KEY, JSON.stringify({
    input: $("input").value, title: $("title").value, date: $("date").value, draft, lines: shownLines,
    markdown: $("markdown").value, html: $("preview").srcdoc,
  }));
}

function restore() {
  let saved;
  try { saved = JSON.parse(localStorage.getItem(KEY) || "null"); } catch { saved = null; }
  if (!saved) return;
  $("input").value = saved.input || "";
  $("title").value = saved.title || "";
  $("date").value = saved.date || "";
  showLines(saved.lines || []);
  if (saved.draft) show(saved.draft, saved.markdown || "", saved.html || "");
}

async function call(path, body) {
  // A busy server (503) says when to come back; the page waits and asks
  // again, saying so, rather than failing the build.
  for (;;) {
    const response = await fetch(path, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    if (response.status === 503) {
      const seconds = Number(response.headers.get("Retry-After")) || 1;
      const before = $("status").textContent;
      $("status").textContent = "The server is busy, retrying…";
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      $("status").textContent = before;
      continue;
    }
    const data = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
    if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
    return data;
  }
}

async function build() {
  $("build").disabled = true;
  $("status").textContent = "Fetching and drafting…";
  try {
    const { job } = await call("/api/jobs", {
      input: $("input").value, title: $("title").value || null, date: $("date").value || null,
    });
    // Each line's state, live, until the draft is there.
    for (;;) {
      const response = await fetch(`/api/jobs/${job}`);
      const state = await response.json();
      if (!response.ok) throw new Error(state.error || `the server answered ${response.status}`);
      if (state.error) throw new Error(state.error);
      if (state.done) {
        const data = state.result;
        showLines(data.lines);
        show(data.draft, data.markdown, data.html);
        const failed = data.draft.failed.length;
        $("status").textContent = `${data.draft.entries.length} entries` + (failed ? `, ${failed} failed` : "") + missing(data);
        save();
        return;
      }
      showLines(state.lines);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    $("status").textContent = `Build failed: ${error.message}`;
  } finally {
    $("build").disabled = false;
  }
}

// What the post lacks that was asked of it (the release charts).
function missing(data) {
  return data.missing && data.missing.length ? `; ${data.missing.join("; ")}` : "";
}

async function buildWeek() {
  $("build-week").disabled = true;
  $("status").textContent = "Listing, ranking and drafting the week…";
  const words = (id) => $(id).value.split(/[\s,]+/).filter(Boolean);
  try {
    const data = await call("/api/week", {
      since: $("since").value || null, until: $("until").value || null,
      lists: words("lists"), interests: words("interests"),
      top: Number($("top").value) || null,
      title: $("title").value || null, date: $("date").value || null,
    });
    showLines([]);
    show(data.draft, data.markdown, data.html);
    $("status").textContent = `${data.draft.entries.length} entries from ${data.draft.ranking.length} candidates` + missing(data);
    save();
  } catch (error) {
    $("status").textContent = `Build failed: ${error.message}`;
  } finally {
    $("build-week").disabled = false;
  }
}

function showLines(lines) {
  shownLines = lines;
  const list = $("lines");
  list.replaceChildren();
  for (const line of lines) {
    if (line.state === "comment") continue;
    const item = document.createElement("li");
    item.className = line.state;
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = line.state === "no-id" ? "no ID" : line.state;
    item.append(state, line.line + (line.error ? ` — ${line.error}` : ""));
    list.append(item);
  }
}

function show(newDraft, markdown, html) {
  draft = newDraft;
  $("result").hidden = false;
  $("markdown").value = markdown;
  $("preview").srcdoc = html;
  const list = $("entries");
  list.replaceChildren();
  draft.entries.forEach((entry, index) => list.append(entryItem(entry, index)));
}

function entryItem(entry, index) {
  const item = document.createElement("li");
  const head = document.createElement("div");
  head.className = "head";
  const subject = document.createElement("span");
  subject.className = "subject";
  subject.textContent = `${entry.subject} (${entry.author})`;
  const button = (label, title, action) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.setAttribute("aria-label", `${title}: ${entry.subject}`);
    b.addEventListener("click", action);
    return b;
  };
  head.append(
    subject,
    button("↑", "Move up", () => move(index, -1)),
    button("↓", "Move down", () => move(index, 1)),
    button("✕", "Remove", () => { draft.entries.splice(index, 1); rerender(); }),
  );
  const summary = document.createElement("textarea");
  summary.rows = 3;
  summary.value = entry.summary;
  summary.setAttribute("aria-label", `Summary of ${entry.subject}`);
  summary.addEventListener("change", () => { draft.entries[index].summary = summary.value; rerender(); });
  item.append(head, summary);
  // The author's own sentences the summary was made from, to quote or
  // borrow from while editing.
  if (entry.excerpt && entry.excerpt !== entry.summary) {
    const excerpt = document.createElement("blockquote");
    excerpt.className = "excerpt";
    excerpt.textContent = entry.excerpt;
    excerpt.title = "The author's words";
    item.append(excerpt);
  }
  // The editor's earlier posts of this series (--history), and their own
  // words of last time, beside the summary made from them.
  if (entry.covered?.length) {
    const covered = document.createElement("p");
    covered.className = "covered";
    covered.append("Covered before: ");
    entry.covered.forEach((c, i) => {
      if (i > 0) covered.append(", ");
      const label = `${c.title || c.post} (${c.date.slice(0, 10)}, v${c.revision})`;
      if (c.link) {
        const link = document.createElement("a");
        link.href = c.link;
        link.textContent = label;
        covered.append(link);
      } else {
        covered.append(label);
      }
    });
    item.append(covered);
  }
  if (entry.earlier_summary) {
    const earlier = document.createElement("blockquote");
    earlier.className = "earlier";
    earlier.textContent = entry.earlier_summary;
    earlier.title = "Your words of last time";
    item.append(earlier);
  }
  return item;
}

function move(index, by) {
  const to = index + by;
  if (to < 0 || to >= draft.entries.length) return;
  const [entry] = draft.entries.splice(index, 1);
  draft.entries.splice(to, 0, entry);
  rerender(to, by < 0 ? "Move up" : "Move down");
}

async function rerender(focusIndex, focusTitle) {
  try {
    const data = await call("/api/render", { draft });
    show(draft, data.markdown, data.html);
    if (focusIndex !== undefined) {
      const target = $("entries").children[focusIndex]?.querySelector(`button[title="${focusTitle}"]`);
      target?.focus();
    }
    save();
  } catch (error) {
    $("status").textContent = `Could not render: ${error.message}`;
  }
}

function download(name, type, text) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("build").addEventListener("click", build);
  $("build-week").addEventListener("click", buildWeek);
  $("input").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) build(); });
  for (const id of ["input", "title", "date"]) $(id).addEventListener("change", save);
  $("copy").addEventListener("click", async () => {
    await navigator.clipboard.writeText($("markdown").value);
    $("status").textContent = "Markdown copied";
  });
  $("download-md").addEventListener("click", () => download("post.md", "text/markdown", $("markdown").value));
  $("download-json").addEventListener("click", () => download("post.json", "application/json", JSON.stringify(draft, null, 2)));
  restore();
});
