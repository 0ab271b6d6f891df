// Counts shown to people, grouped the way the page's language writes them: 10.011 in German, 10,011 in English (as the
// server's {0:N0}). Every count a script writes into the page goes through it; numbers sent to the API do not.
const grouping = new Intl.NumberFormat(document.documentElement.lang || undefined);

/** A count as the page's language writes it. */
export function formatCount(value) {
  return grouping.format(value);
}

/** A count short enough for a cluster icon's circle: grouped up to four digits (9.999), then in thousands (12k). */
export function formatShortCount(value) {
  return value < 10000 ? grouping.format(value) : `${grouping.format(Math.floor(value / 1000))}k`;
}
