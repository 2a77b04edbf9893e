/*
 * Runs before the first paint (a classic script in <head>): sets the theme on <html> and the reading properties
 * that the app applied last time (kept in localStorage by src/renderer/src/theme/appearance.ts), so a dark theme
 * or a larger text does not flash in after the app has started. 'system' follows the operating system.
 */
/* global document, localStorage, window */
(function () {
  var kept = null;
  try {
    kept = JSON.parse(localStorage.getItem('gloss.appearance') || 'null');
  } catch {
    kept = null;
  }
  var choice = kept && (kept.theme === 'light' || kept.theme === 'dark') ? kept.theme : 'system';
  var dark = choice === 'dark' || (choice === 'system' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  var root = document.documentElement;
  root.setAttribute('data-theme', dark ? 'dark' : 'light');
  var properties = kept && typeof kept.properties === 'object' && kept.properties ? kept.properties : {};
  for (var name in properties) {
    if (/^--reading-[a-z-]+$/.test(name) && typeof properties[name] === 'string') root.style.setProperty(name, properties[name]);
  }
})();
