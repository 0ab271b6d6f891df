// Counts shown to people, grouped the way the page's language writes them: 10.011 in German, 10,011 in English (as the
// server's {0:N0}). Every count a script writes into the page goes through it; numbers sent to the API do not.
// The site's two languages are grouped here by hand: the first Intl.NumberFormat of a page costs 25-70 ms of the main thread
// (ICU's locale data), which made the map pages' start-up task long; another language gets one, on first use.
const language = document.documentElement.lang || undefined;
const separators = { de: '.', en: ',' };
let grouping = null;

/** A count as the page's language writes it. */
export function formatCount(value) {
  const separator = separators[language];
  if (separator && Number.isSafeInteger(value)) {
    const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, separator);
    return value < 0 ? `-${digits}` : digits;
  }
  grouping ??= new Intl.NumberFormat(language);
  return grouping.format(value);
}

/** A count short enough for a cluster icon's circle: grouped up to four digits (9.999), then in thousands (12k). */
export function formatShortCount(value) {
  return value < 10000 ? formatCount(value) : `${formatCount(Math.floor(value / 1000))}k`;
}

/** Fills a text's {0}, {1}, …; numbers are counts, written with the page language's grouping like the server's {0:N0}. */
export function format(template, ...values) {
  return template.replace(/\{(\d+)\}/g, (_, index) => {
    const value = values[Number(index)];
    return typeof value === 'number' ? formatCount(value) : String(value ?? '');
  });
}
