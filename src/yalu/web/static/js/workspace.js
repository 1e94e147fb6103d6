// Yalu workspace: the timeline chart, the map, estimate charts, and marking a claim's quote in a document.
// Data comes from <script type="application/json"> blocks the server renders; nothing here
// builds HTML from strings, so text from documents is only ever set as text.
"use strict";

const TYPE_COLOURS = {
  dispatch: "#1f77b4",
  presence: "#2ca02c",
  return: "#ff7f0e",
  wage: "#9467bd",
  condition: "#d62728",
  incident: "#8c564b",
  policy: "#7f7f7f",
  organization: "#17becf",
};

const ANTARCTICA = "010";

function readJson(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : [];
}

// Every month from the first to the last, so gaps show as gaps rather than being squeezed out.
function allMonths(first, last) {
  const months = [];
  let [year, month] = first.split("-").map(Number);
  const [lastYear, lastMonth] = last.split("-").map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return months;
}

// Long spans are shown by year: a hundred one-pixel monthly bars say nothing.
const MONTHLY_UP_TO = 48;

function buckets(rows) {
  const months = allMonths(rows[0].month, rows[rows.length - 1].month);
  const byYear = months.length > MONTHLY_UP_TO;
  const keyOf = (month) => (byYear ? month.slice(0, 4) : month);
  const labels = [...new Set(months.map(keyOf))];
  const totals = new Map(labels.map((label) => [label, { dispatch: 0, returns: 0, largest_count: null }]));
  for (const row of rows) {
    const total = totals.get(keyOf(row.month));
    total.dispatch += row.dispatch;
    total.returns += row.returns;
    if (row.largest_count !== null) total.largest_count = Math.max(total.largest_count ?? 0, row.largest_count);
  }
  return { labels, totals };
}

function drawTimeline(canvas) {
  const rows = readJson(canvas.dataset.timeline);
  if (!rows.length || typeof Chart === "undefined") {
    const note = textElement("No claims dated to a month yet.");
    note.className = "hint";
    canvas.replaceWith(note);
    return;
  }
  const { labels, totals } = buckets(rows);
  const series = (key) => labels.map((label) => totals.get(label)[key] || null);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels,
      datasets: [
        { label: "dispatch claims", data: series("dispatch"), backgroundColor: TYPE_COLOURS.dispatch, yAxisID: "claims" },
        { label: "return claims", data: series("returns"), backgroundColor: TYPE_COLOURS.return, yAxisID: "claims" },
        {
          type: "line", label: "largest worker number reported", data: series("largest_count"),
          borderColor: "#444", backgroundColor: "#444", yAxisID: "workers", spanGaps: false, pointRadius: 4,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        claims: { position: "left", beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "claims" } },
        workers: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: "workers" } },
      },
    },
  });
}

// An estimate per period: the central value as a line, its 90 % interval as a bar from low to high
// (a bar, not a band, so a single period shows its interval too).
function drawEstimate(canvas) {
  const periods = readJson(canvas.dataset.estimate);
  if (!periods.length || typeof Chart === "undefined") return;
  new Chart(canvas, {
    data: {
      labels: periods.map((period) => period.period),
      datasets: [
        {
          type: "line", label: `central estimate (${canvas.dataset.unit})`,
          data: periods.map((period) => period.central),
          borderColor: "#1f5f99", backgroundColor: "#1f5f99", pointRadius: 4,
        },
        {
          type: "bar", label: "90 % interval", data: periods.map((period) => [period.low, period.high]),
          backgroundColor: "rgba(31, 95, 153, 0.22)", barPercentage: 0.7, categoryPercentage: 1,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: { y: { beginAtZero: true, title: { display: true, text: canvas.dataset.unit } } },
    },
  });
  canvas.dataset.ready = "true";
}

// Leaflet treats string content as HTML; elements with textContent keep names as plain text.
function textElement(text) {
  return Object.assign(document.createElement("span"), { textContent: text });
}

// Rings that cross the antimeridian (Chukotka, Fiji) jump from 180° to -180°; drawn flat, that
// jump is a band across the whole map. Moving their western half past 180° keeps them in one piece.
function unwrapRing(ring) {
  const crosses = ring.some((point, i) => i > 0 && Math.abs(point[0] - ring[i - 1][0]) > 180);
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrapped(country) {
  const geometry = country.geometry;
  if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrapRing);
  if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map((polygon) => polygon.map(unwrapRing));
  return country;
}

function popupFor(place) {
  const box = document.createElement("div");
  const title = document.createElement(place.gazetteer_id ? "a" : "strong");
  title.textContent = place.name;
  if (place.gazetteer_id) title.href = `/places/${encodeURIComponent(place.gazetteer_id)}`;
  box.append(title);
  const counts = document.createElement("div");
  counts.textContent = Object.entries(place.by_type).map(([type, n]) => `${type}: ${n}`).join(", ");
  box.append(counts);
  return box;
}

async function drawMap(element) {
  if (typeof L === "undefined") return;
  const places = readJson(element.dataset.map);
  const map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([45, 120], 3);
  // Tiles, where a tile server is reachable, go beneath the outlines, which are then left unfilled.
  const tiles = element.dataset.tileUrl;
  if (tiles) L.tileLayer(tiles, { maxZoom: 12, attribution: "map tiles" }).addTo(map);
  const atlas = await fetch("/static/vendor/world-atlas/countries-50m.json").then((response) => response.json());
  const countries = topojson.feature(atlas, atlas.objects.countries);
  // Antarctica's outline runs along the map's bottom edge; no report places workers there.
  countries.features = countries.features.filter((country) => country.id !== ANTARCTICA).map(unwrapped);
  L.geoJSON(countries, {
    interactive: false,
    style: { color: "#9aa3ad", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: tiles ? 0 : 1 },
  }).addTo(map);
  const markers = places.map((place) =>
    L.circleMarker([place.lat, place.lon], {
      radius: 4 + 3 * Math.sqrt(place.claims),
      color: "#fff",
      weight: 1,
      fillColor: TYPE_COLOURS[place.main_type] || "#333",
      fillOpacity: 0.8,
    }).bindPopup(popupFor(place)).bindTooltip(textElement(`${place.name}: ${place.claims}`)).addTo(map));
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 7 });
  element.dataset.ready = "true";
}

// Document page: choosing a claim marks its quotes and scrolls to the first.
function markClaim(claimId, scroll) {
  document.querySelectorAll("mark.active, .claim-list li.active").forEach((el) => el.classList.remove("active"));
  const marks = document.querySelectorAll(`mark[data-claims~="${CSS.escape(claimId)}"]`);
  marks.forEach((mark) => mark.classList.add("active"));
  const item = document.getElementById(`claim-${claimId}`);
  if (item) item.classList.add("active");
  if (scroll && marks.length) marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
}

function wireDocument() {
  document.querySelectorAll(".claim-pick").forEach((button) =>
    button.addEventListener("click", () => markClaim(button.dataset.claim, true)));
  document.querySelectorAll("mark[data-claims]").forEach((mark) =>
    mark.addEventListener("click", () => markClaim(mark.dataset.claims.split(" ")[0], false)));
  const active = document.querySelector("mark.active");
  if (active) active.scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("canvas[data-timeline]").forEach(drawTimeline);
  document.querySelectorAll("canvas[data-estimate]").forEach(drawEstimate);
  document.querySelectorAll("[data-map]").forEach((element) => drawMap(element));
  wireDocument();
});
