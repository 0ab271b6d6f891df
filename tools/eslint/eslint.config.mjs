// eslint for the site's own JavaScript; ./test.sh runs it from the repository root:
//   tools/eslint/node_modules/.bin/eslint -c tools/eslint/eslint.config.mjs --max-warnings 0 src/KreativLand.Web/wwwroot/js ...
// (with -c the file patterns below are relative to the working directory). Correctness rules only, eslint's recommended
// set (no-undef, no-unused-vars, ...); layout is .editorconfig's business. wwwroot/lib is vendored and not linted.
import js from '@eslint/js';
import globals from 'globals';

const web = 'src/KreativLand.Web/wwwroot';

export default [
  { ignores: [`${web}/lib/**`] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    // The pages' ES modules; Leaflet is a classic script before them (window.L).
    files: [`${web}/js/**/*.js`],
    ignores: [`${web}/js/map-worker.js`],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.browser, L: 'readonly' } },
  },
  {
    // The map's module worker (large data): a worker's globals, not a page's.
    files: [`${web}/js/map-worker.js`],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.worker },
  },
  {
    // The partner sites' loader: a classic script in the host page.
    files: [`${web}/embed.js`],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'script', globals: globals.browser },
  },
];
