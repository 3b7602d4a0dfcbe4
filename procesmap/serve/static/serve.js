// procesmap serve: keeps the page live. Served from /static/serve.js (the Content-Security-Policy allows
// no inline script). Every request goes to the server the page came from; every text the server sends is
// already escaped HTML made by procesmap (procesmap/templates/serve.html.j2).
"use strict";

(() => {
  const body = document.body;
  const csrfMeta = document.querySelector('meta[name="procesmap-csrf"]');
  const csrf = csrfMeta ? csrfMeta.content : "";
  const live = document.getElementById("live");
  let generation = Number(body.dataset.generation || 0);
  let sequence = 0;

  const urlPath = (key) => key.split("/").map(encodeURIComponent).join("/");
  const byId = (id) => document.getElementById(id);

  function setHTML(id, html) {
    const element = byId(id);
    if (element && typeof html === "string" && element.innerHTML !== html) {
      element.innerHTML = html;
    }
  }

  function online(yes) {
    if (!live) return;
    live.textContent = yes ? live.dataset.online : live.dataset.offline;
    live.classList.toggle("offline", !yes);
  }

  // -- the folder index ---------------------------------------------------------------------------

  async function refreshIndex() {
    const mine = ++sequence;
    const response = await fetch("/index", { cache: "no-store", credentials: "same-origin" });
    if (!response.ok || mine !== sequence) return;
    const view = await response.json();
    setHTML("index", view.body);
    generation = view.generation;
    body.dataset.generation = String(generation);
  }

  // -- a map ----------------------------------------------------------------------------------------

  const key = body.dataset.key || "";
  let digest = body.dataset.digest || "";
  let controlsHTML = byId("controls") ? byId("controls").innerHTML : "";
  let failedDiagram = "";
  let pendingDiagram = "";

  function assignments() {
    const found = [];
    document.querySelectorAll("#controls input[data-path]").forEach((input) => {
      const value = input.value.trim();
      if (value !== input.dataset.original) found.push(input.dataset.path + "=" + value);
    });
    return found;
  }

  function swapDiagram(url, alt, viewGeneration) {
    const box = byId("diagram-box");
    if (!box) return;
    let image = byId("diagram");
    if (!image) {
      image = document.createElement("img");
      image.id = "diagram";
      box.appendChild(image);
    }
    if (image.getAttribute("src") === url) {
      image.dataset.generation = String(viewGeneration);
      return;
    }
    pendingDiagram = url;
    const next = new Image();
    next.onload = () => {
      if (pendingDiagram !== url) return; // a newer picture is on its way
      image.src = url;
      image.alt = alt;
      image.dataset.generation = String(viewGeneration);
    };
    // no picture (a limit found only by the layout, the picture's area): the view, asked once more, says why
    next.onerror = () => {
      if (pendingDiagram === url && failedDiagram !== url) {
        failedDiagram = url;
        refreshMap();
      }
    };
    next.src = url;
  }

  function updateControls(html) {
    if (typeof html !== "string" || html === controlsHTML) return;
    const mine = {};
    document.querySelectorAll("#controls input[data-path]").forEach((input) => {
      if (input.value.trim() !== input.dataset.original) mine[input.dataset.path] = input.value;
    });
    setHTML("controls", html);
    controlsHTML = html;
    document.querySelectorAll("#controls input[data-path]").forEach((input) => {
      if (Object.prototype.hasOwnProperty.call(mine, input.dataset.path)) input.value = mine[input.dataset.path];
    });
  }

  async function refreshMap() {
    const mine = ++sequence;
    const sets = assignments();
    const query = sets.map((s) => "set=" + encodeURIComponent(s)).join("&");
    let response;
    try {
      response = await fetch("/view/" + urlPath(key) + (query ? "?" + query : ""),
                             { cache: "no-store", credentials: "same-origin" });
    } catch (error) {
      online(false);
      return;
    }
    if (!response.ok || mine !== sequence) return;
    const view = await response.json();
    if (mine !== sequence) return;
    generation = view.generation;
    digest = view.digest || "";
    setHTML("status", view.status);
    const main = byId("main");
    if (main) main.classList.toggle("stale", Boolean(view.broken));
    setHTML("scenario-error", view.scenario_error || "");
    if (!view.scenario_error) {
      setHTML("figures", view.figures);
      setHTML("findings", view.findings);
      setHTML("diagram-note", view.diagram_note || ""); // over a drawing limit: which, and how to lower it
      if (view.diagram) swapDiagram(view.diagram, view.diagram_alt || "", view.generation);
      else if (view.diagram_note && byId("diagram")) byId("diagram").remove();
    }
    updateControls(view.controls);
    const now = assignments();
    byId("command").textContent = view.command;
    byId("scenario-banner").hidden = now.length === 0;
    byId("reset").disabled = now.length === 0;
    byId("write").disabled = now.length === 0 || Boolean(view.broken) || Boolean(view.scenario_error);
    body.dataset.generation = String(generation);
    body.dataset.scenario = sets.join("&");
    body.dataset.broken = view.broken ? "1" : "0";
    body.dataset.preliminary = view.preliminary ? "1" : "0";
  }

  let timer = 0;
  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refreshMap, 120);
  }

  function complement(input) {
    // a decision with two branches: the other branch takes the rest, so that they add up to 1
    const fieldset = input.closest("fieldset.decision");
    if (!fieldset) return;
    const inputs = fieldset.querySelectorAll("input[data-path]");
    const value = Number(input.value);
    if (inputs.length !== 2 || input.value.trim() === "" || !(value >= 0 && value <= 1)) return;
    const other = inputs[0] === input ? inputs[1] : inputs[0];
    other.value = String(Math.round((1 - value) * 1000) / 1000);
  }

  function disarm(button) {
    delete button.dataset.armed;
    button.textContent = button.dataset.label;
  }

  async function write(button) {
    if (!button.dataset.armed) {
      button.dataset.armed = "1";
      button.textContent = button.dataset.confirm;
      window.setTimeout(() => disarm(button), 6000);
      return;
    }
    disarm(button);
    const status = byId("write-status");
    const response = await fetch("/write/" + urlPath(key), {
      method: "POST",
      credentials: "same-origin",
      referrerPolicy: "same-origin", // so that the Origin header is sent (the server checks it)
      headers: { "Content-Type": "application/json", "X-Procesmap-Csrf": csrf },
      body: JSON.stringify({ set: assignments(), digest: digest }),
    });
    let answer = { message: response.statusText };
    try {
      answer = await response.json();
    } catch (error) {
      answer = { message: await response.text().catch(() => response.statusText) };
    }
    status.textContent = answer.message || "";
    status.classList.toggle("failed", !response.ok);
  }

  function startMap() {
    const controls = byId("controls");
    controls.addEventListener("input", (event) => {
      if (event.target.matches("fieldset.decision input")) complement(event.target);
      soon();
    });
    byId("reset").addEventListener("click", () => {
      document.querySelectorAll("#controls input[data-path]").forEach((input) => {
        input.value = input.dataset.original;
      });
      refreshMap();
    });
    byId("write").addEventListener("click", (event) => write(event.currentTarget));
    const box = byId("diagram-box");
    box.addEventListener("click", () => box.classList.toggle("zoomed")); // fit to the width, or full size
  }

  // -- live: server-sent events ---------------------------------------------------------------------

  const refresh = body.dataset.kind === "index" ? refreshIndex : refreshMap;
  if (body.dataset.kind === "map") startMap();
  const source = new EventSource("/events");
  source.addEventListener("hello", (event) => {
    online(true);
    if (JSON.parse(event.data).generation !== generation) refresh();
  });
  source.addEventListener("change", () => {
    online(true);
    refresh();
  });
  source.addEventListener("open", () => online(true));
  source.addEventListener("error", () => online(false));
})();
