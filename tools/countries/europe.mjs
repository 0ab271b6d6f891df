// Country list (ISO 3166-1 alpha-2) used for the KreativLand map data.
// Shared by tools/countries/convert.mjs and tools/gazetteer/convert.mjs.
// No dependencies: keep it that way so both tools can import it.
export const EUROPE = [
  // EU 27
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  // EEA (non-EU), Switzerland, United Kingdom
  'IS', 'LI', 'NO', 'CH', 'GB',
  // Western Balkans (XK = Kosovo, user-assigned code used by the EU and GeoNames)
  'AL', 'BA', 'ME', 'MK', 'RS', 'XK',
  // Eastern neighbours, Türkiye
  'UA', 'MD', 'BY', 'TR',
  // European micro-states
  'AD', 'MC', 'SM', 'VA',
  // Territories with their own ISO code that belong on a map of Europe
  'AX', 'FO', 'GG', 'JE', 'IM', 'GI', 'SJ',
];
