// The gazetteer place search shared by the map explorer and the embed generator: suggestions while typing (local and
// English names), a suggestion counts as chosen as soon as the field holds its exact label.

// GeoNames' first-level division is often only a numeric code: show it only when it is a name. A local or English name
// the visitor typed stays first, with GeoNames' main name beside it: "München (Munich), Germany".
export const placeLabel = (place) => [place.mainName ? `${place.name} (${place.mainName})` : place.name,
  place.region ?? (/^[0-9]*$/.test(place.admin1 ?? '') ? null : place.admin1), place.countryName].filter(Boolean).join(', ');

/**
 * input: the search field; options: its datalist; findPlaces(text) → Promise of places (GET /api/v1/places);
 * onChoose(place): called once per chosen place. Returns { reset() } to forget the last choice.
 */
export function attachPlaceSearch(input, options, findPlaces, onChoose) {
  let chosen = null;
  let suggestions = [];
  let typing;

  function chooseTyped() {
    const place = suggestions.find((candidate) => placeLabel(candidate) === input.value);
    if (place && place !== chosen) {
      chosen = place;
      onChoose(place);
    }
    return Boolean(place);
  }

  input.addEventListener('change', chooseTyped);
  input.addEventListener('input', () => {
    clearTimeout(typing);
    if (chooseTyped()) return;
    typing = setTimeout(async () => {
      const typed = input.value.trim();
      if (typed.length < 2) return;
      try {
        suggestions = await findPlaces(typed.split(',')[0].replace(/\s*\(.*$/, ''));
        options.replaceChildren(...suggestions.map((place) => {
          const option = document.createElement('option');
          option.value = placeLabel(place);
          return option;
        }));
        chooseTyped();
      } catch { /* suggestions are a help, not a must */ }
    }, 250);
  });

  return {
    reset() {
      chosen = null;
      input.value = '';
    },
  };
}
